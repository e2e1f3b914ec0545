"""Commands over the whole store: ``actor``, ``network``, ``changes``, ``export``,
``report`` and ``correct``.

Thin click wrappers over :mod:`tieline.relations` and :mod:`tieline.export`; the main
group in :mod:`tieline.cli` adds every command of ``commands``. A
:class:`~tieline.errors.TielineError` becomes ``error: <message>`` on stderr and exit
status 2, never a traceback.

Example:
    >>> from click.testing import CliRunner
    >>> CliRunner().invoke(changes, ["--db", "sqlite://", "--format", "json"]).output
    '[]\\n'
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from .cli_store import db_option, kb_option, reported_errors
from .store.store import Store

format_option = click.option("--format", "fmt", type=click.Choice(["table", "json"]),
                             default="table", show_default=True, help="Output format.")
period_option = click.option("--period", type=click.Choice(["year", "month"]), default="year",
                             show_default=True, help="Period of the dyad states.")


def parse_when(value: str | None, name: str, *, end: bool) -> date | None:
    """A command-line date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month
    stands for its last day when ``end`` (``--at 2016``: as 2016 closed), else its
    first (``--since 2017``).

    Example:
        >>> parse_when("2016", "--at", end=True), parse_when("2017-02", "--since", end=False)
        (datetime.date(2016, 12, 31), datetime.date(2017, 2, 1))
    """
    from .relations.network import period_end, period_start

    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        if len(text) in (4, 7) and text[:4].isdigit():
            return period_end(text) if end else period_start(text)
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                             param_hint=name)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.command("actor")
@click.argument("name")
@click.option("--at", "at", metavar="DATE", help="Show only the ties holding at this date "
              "(YYYY, YYYY-MM or YYYY-MM-DD) and the name in use then.")
@db_option
@kb_option
@format_option
def actor(name: str, at: str | None, db: str, kb_files: tuple[str, ...], fmt: str) -> None:
    """Show actor NAME: its knowledge-base entry and its ties in the store.

    NAME is any name, alias, acronym or id. The entry gives the canonical name, kind,
    aliases and acronyms, the names it went by over time and its links (wing_of,
    affiliate_of, renamed_to, splinter_of, member_of ...), both ways. The ties are
    its relation with each counterpart: the latest, or with --at the one holding then.

    \b
    Example:
        tieline actor ISSP --at 2016
        tieline actor Hamas --format json
    """
    from .actors.kb import load_kb
    from .relations.actor import actor_profile

    when = parse_when(at, "--at", end=True)
    with reported_errors():
        kb = load_kb(extra=kb_files)
        with Store(db, create=False) as store:
            profile = actor_profile(store, kb, name, when)
    if fmt == "json":
        _echo_json(profile.to_dict())
        return
    from .relations.text import actor_text

    click.echo(actor_text(profile))


@click.command("network")
@click.option("--at", "at", metavar="DATE", help="The date (YYYY, YYYY-MM or YYYY-MM-DD; "
              "default: each pair's latest state).")
@click.option("--region", metavar="R", help="Only ties with an actor of this region or "
              "country (as in the knowledge base, e.g. 'Sahel', 'Syria').")
@db_option
@kb_option
@format_option
@period_option
def network(at: str | None, region: str | None, db: str, kb_files: tuple[str, ...], fmt: str,
            period: Any) -> None:
    """Show the network of ties holding at a date.

    A tie holds when its pair's latest state up to the date has a relation and is at
    most five years old; its confidence fades with the years since.

    \b
    Example:
        tieline network --at 2016 --region "Middle East and North Africa"
    """
    from .actors.kb import load_kb
    from .relations.network import network_at

    when = parse_when(at, "--at", end=True)
    with reported_errors():
        kb = load_kb(extra=kb_files)
        with Store(db, create=False) as store:
            net = network_at(store, kb, when, region=region, period=period)
    if fmt == "json":
        _echo_json(net.to_dict())
        return
    from .relations.text import network_text

    click.echo(network_text(net))


@click.command("changes")
@click.option("--since", metavar="DATE", help="Only changes reached in a period ending on "
              "or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@db_option
@kb_option
@format_option
@period_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N changes.")
def changes(since: str | None, db: str, kb_files: tuple[str, ...], fmt: str, period: Any,
            limit: int | None) -> None:
    """List the turning points of every pair, most significant first.

    Significance grows with the distance moved on the relationship scale and with the
    confidence of the states on both sides.

    \b
    Example:
        tieline changes --since 2017-01-01 --limit 20
    """
    from .actors.kb import load_kb
    from .relations.lineage import NamesInTime
    from .relations.network import recent, store_states

    when = parse_when(since, "--since", end=False)
    with reported_errors():
        kb = load_kb(extra=kb_files)
        with Store(db, create=False) as store:
            everything = store_states(store, kb, period)
            names = {a.id: a.name for a in store.actors()}
    found = recent(everything.transitions, when)[:limit]
    names.update({a.id: a.name for a in kb})
    naming = NamesInTime.of(kb)
    if fmt == "json":
        # a_name, b_name: current names; *_then: the names in the period the change reached
        _echo_json([{**t.to_dict(detail=True), "a_name": names.get(t.a, t.a),
                     "b_name": names.get(t.b, t.b),
                     "a_name_then": naming.then(t.a, int(t.period[:4]), names),
                     "b_name_then": naming.then(t.b, int(t.period[:4]), names)} for t in found])
        return
    from .relations.text import changes_text

    click.echo(changes_text(found, names, everything.events, naming))


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv", "jsonl", "plover"]),
              required=True, help="graphml: the network (ties at --at, else each pair's "
              "latest); gexf: the dynamic network, time intervals on edges; csv: dyad-years "
              "in the MGAR style; jsonl: one event a line; plover: PLOVER event JSON lines.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The file to write.")
@click.option("--at", "at", metavar="DATE", help="Export the state of things at this date "
              "(YYYY, YYYY-MM or YYYY-MM-DD): events and states up to it.")
@db_option
@kb_option
@period_option
def export(fmt: str, output: str, at: str | None, db: str, kb_files: tuple[str, ...],
           period: Any) -> None:
    """Export the store for Gephi, networkx, pandas, R or other datasets' tools.

    Analysts' corrections are applied; a predecessor's events count for its heir.

    \b
    Example:
        tieline export --format gexf -o ties.gexf
        tieline export --format csv -o dyad-years.csv --at 2016
    """
    from .actors.kb import load_kb
    from .export import export_store

    when = parse_when(at, "--at", end=True)
    with reported_errors():
        kb = load_kb(extra=kb_files)
        with Store(db, create=False) as store:
            summary = export_store(store, kb, fmt, output, when, period)
    click.echo(str(summary))


@click.command("report")
@click.argument("a")
@click.argument("b")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@db_option
@kb_option
@period_option
def report(a: str, b: str, output: str, db: str, kb_files: tuple[str, ...], period: Any) -> None:
    """Write an HTML brief on actors A and B.

    One self-contained page that renders offline: where the relationship stands, a
    chart of its level over time with the events as markers, the turning points with
    the evidence and its hedges, every event, and the sources.

    \b
    Example:
        tieline report Hamas "Wilayat Sinai" -o brief.html
    """
    from .actors.kb import load_kb
    from .export.brief import brief_html, write_brief
    from .relations.dyad import dyad_timeline

    with reported_errors():
        kb = load_kb(extra=kb_files)
        with Store(db, create=False) as store:
            timeline = dyad_timeline(store, kb, a, b, period=period)
        write_brief(brief_html(timeline), output)
    click.echo(f"wrote {output}: {len(timeline.states)} states, "
               f"{len(timeline.transitions)} turning points, {len(timeline.events)} events")


@click.command("correct")
@click.argument("event_id")
@click.argument("action", type=click.Choice(["accept", "reject", "edit"]))
@click.argument("changes", nargs=-1, metavar="[FIELD=VALUE]...")
@click.option("--document", metavar="ID", help="The event's document, when two documents "
              "have an event with this id.")
@click.option("--note", default="", help="Why (kept with the correction).")
@click.option("--analyst", metavar="NAME", help="Who corrects.")
@db_option
def correct(event_id: str, action: str, changes: tuple[str, ...], document: str | None,
            note: str, analyst: str | None, db: str) -> None:
    """Accept, reject or edit a stored event; the correction wins over the machine.

    Corrections are kept apart from extracted events and survive re-extraction. An
    edit takes FIELD=VALUE pairs; fields: source, target, type, date_start, date_end,
    modality, negated. Event ids are in `tieline dyad A B --format json`.

    \b
    Example:
        tieline correct 6fa47a5c1cc4f53b edit target=wilayat-sinai --note "IS-affiliated = WS"
        tieline correct 32b36282b901794b reject
    """
    from .relations.corrections import correct as record, parse_changes

    with reported_errors():
        edits = parse_changes(changes)
        with Store(db, create=False) as store:
            done = record(store, event_id, action, edits, document=document, note=note,
                          analyst=analyst)
    click.echo(f"{done.action} {done.event_id} ({done.document})"
               + (f": {json.dumps(done.changes, ensure_ascii=False)}" if done.changes else ""))


@click.command("actors")
@click.option("--unknown", is_flag=True,
              help="Only the candidate actors: names built like armed groups that the "
                   "knowledge base does not hold, with where they were first seen.")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "yaml"]), default="table",
              show_default=True,
              help="yaml writes knowledge-base entries to complete and pass back with --kb.")
def actors(unknown: bool, db: str, fmt: str) -> None:
    """List the actors of the store with their mentions, documents and events.

    With --unknown, only the groups the knowledge base does not know yet.

    \b
    Example:
      tieline actors --unknown
      tieline actors --unknown --format yaml > my-groups.yaml
      (complete the entries: aliases, country, links...)
      tieline ingest reports/ --kb my-groups.yaml
    """
    from .actors.candidates import CANDIDATE_PREFIX

    with reported_errors():
        with Store(db) as store:
            rows = store.actor_counts(CANDIDATE_PREFIX if unknown else "")
    if fmt == "json":
        _echo_json(rows)
        return
    if fmt == "yaml":
        click.echo(_candidate_yaml(rows), nl=False)
        return
    if not rows:
        click.echo("No candidate actors in the store." if unknown else "No actors in the store.")
        return
    click.echo(f"{'mentions':>8} {'docs':>5} {'events':>6}  actor")
    for r in rows:
        click.echo(f"{r['mentions']:>8} {r['documents']:>5} {r['events']:>6}  {r['name']} ({r['id']})")
        if unknown and r["example"]:
            example = r["example"]
            said = example.get("sentence") or f"…{example['context']}…"
            click.echo(f"{'':>23}{example['document']}: {said}")


def _candidate_yaml(rows: list[dict[str, Any]]) -> str:
    """Knowledge-base entries for candidate actors, ready to complete."""
    import yaml

    from .actors.candidates import CANDIDATE_PREFIX

    entries = []
    for r in rows:
        example = r["example"] or {}
        entries.append({
            "id": r["id"].removeprefix(CANDIDATE_PREFIX), "name": r["name"], "kind": "armed_group",
            "aliases": [], "acronyms": [], "country": None, "links": [],
            "source": f"seen in {example.get('document', '?')}: "
                      f"{example.get('sentence') or example.get('context', '')}"[:300],
        })
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)


commands = [actor, actors, network, changes, export, report, correct]
