"""The ``tieline`` command: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from typing import Any

import click

from .cli_store import workers_option
from .errors import InputError, TielineError
from .model import Document, Extraction
from .read import parse_published, read_documents


def published_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--published", metavar="YYYY-MM-DD", default=None,
        help="Publication date that relative expressions ('earlier this month', 'last "
             "year') resolve against, for documents that carry none of their own.")(f)


def kb_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="A YAML file of your own actor entries, merged with the shipped knowledge "
             "base (repeatable).")(f)


def parse_date_option(value: str | None) -> date | None:
    try:
        return parse_published(value, "--published")
    except TielineError as exc:
        raise click.BadParameter(str(exc)) from exc


def fail(exc: TielineError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tieline")
def main() -> None:
    """tieline: how armed groups relate, read from the reporting about them.

    It finds the groups a text names, the interactions it states between them
    (arms, money, training, sanctuary, alliances, pledges, splits, clashes...), when,
    and how sure the source is, each claim tied to its sentence.

    \b
    Start with:
      tieline extract article.txt --published 2018-01-25
      tieline ingest reports/ && tieline dyad Hamas "Wilayat Sinai"
      tieline demo
    """


def _extractions(files: tuple[str, ...], published: date | None, kb_files: tuple[str, ...],
                 failures: list[str], workers: int = 1,
                 dask_address: str | None = None) -> Iterator[Extraction]:
    from .cli_store import make_pipeline

    pipeline: Any = make_pipeline(kb_files, workers, dask_address)

    def documents() -> Iterator[Document]:
        for item in read_documents(list(files), published):
            if isinstance(item, InputError):
                failures.append(str(item))
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    for document, result in pipeline.outcomes(documents()):
        if isinstance(result, Exception):  # a stage failed on this document: report, go on
            message = str(result) if isinstance(result, TielineError) else \
                f"extraction failed: {type(result).__name__}: {result}"
            failures.append(message)
            click.echo(f"error: {document.origin or document.id}: {message}", err=True)
        else:
            yield result


@main.command()
@click.argument("files", nargs=-1, required=True)
@published_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="jsonl: one JSON object per document (the output "
              "contract); table: a readable list of events.")
@kb_option
@workers_option
def extract(files: tuple[str, ...], published: str | None, fmt: str,
            kb_files: tuple[str, ...], workers: int, dask_address: str | None) -> None:
    """Extract actors, events and dyads from FILES (.txt .md .html .jsonl, or - for stdin).

    A directory is read recursively. Bad records are reported on stderr with their
    file and line; the others are still processed, and the exit status is 1 when any
    record failed.

    \b
    Example:
      tieline extract article.txt --published 2018-01-25 --format table
      tieline extract archive.jsonl --workers 0 > out.jsonl     # on every core
    """
    when = parse_date_option(published)
    failures: list[str] = []
    try:
        for extraction in _extractions(files, when, kb_files, failures, workers, dask_address):
            if fmt == "jsonl":
                click.echo(json.dumps(extraction.to_dict(), ensure_ascii=False))
            else:
                click.echo(format_extraction(extraction))
    except TielineError as exc:
        fail(exc)
    if failures:
        click.echo(f"{len(failures)} record(s) failed; see the messages above.", err=True)
        sys.exit(1)


def format_extraction(extraction: Extraction) -> str:
    """A readable block for one document: actors, then events with evidence."""
    doc: Document = extraction.document
    names = {a.id: a.name for a in extraction.actors}
    lines = [f"== {doc.id}" + (f" ({doc.published.isoformat()})" if doc.published else "")]
    lines.append("actors: " + ", ".join(a.name for a in extraction.actors) if extraction.actors
                 else "actors: none found")
    if not extraction.events:
        lines.append("events: none found")
    for e in extraction.events:
        arrow = "→" if e.directed else "↔"
        flags = []
        if e.modality != "asserted":
            flags.append(f"[{e.modality}]")
        if e.negated:
            flags.append("[NOT]")
        when = e.date.start or "?"
        if e.date.end and e.date.end != e.date.start:
            when += f"/{e.date.end}"
        lines.append(f"  {when:<16} {e.type:<24} {names.get(e.source, e.source)} {arrow} "
                     f"{names.get(e.target, e.target)} {' '.join(flags)}".rstrip())
        lines.append(textwrap.indent(textwrap.fill(e.evidence.sentence, 88), " " * 6))
    return "\n".join(lines)


@main.command()
@click.option("--db", default="sqlite:///tieline.db", show_default=True, metavar="URL",
              help="The store to fill (a database URL or a file path).")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
def demo(db: str, no_progress: bool) -> None:
    """Ingest the sample corpus and print the timeline of the pair that changed most.

    The sample corpus (tieline/data/sample) is a set of short reports written for
    this project about real groups. Running the demo twice is harmless: documents
    already in the store are skipped.

    \b
    Example:
      tieline demo --db sqlite:///demo.db
    """
    from .demo import run_demo, sample_corpus_path
    from .relations.dyad import timeline_text
    from .store.store import Store

    try:
        with Store(db) as store:
            report, timeline = run_demo(store, progress=not no_progress)
            stats = store.stats()
    except TielineError as exc:
        fail(exc)
        return
    click.echo(f"Ingested {sample_corpus_path()}: {report.summary()}")
    click.echo(f"Store {db}: {stats['documents']} documents, {stats['events']} events, "
               f"{stats['actors']} actors.\n")
    if timeline is None:
        click.echo("No pair of actors has events yet.")
        return
    click.echo("The pair whose relationship changed most:\n")
    click.echo(timeline_text(timeline))
    a, b = timeline.a.name, timeline.b.name
    click.echo(textwrap.dedent(f"""
        What to try next:
          .venv/bin/tieline dyad "{a}" "{b}" --db {db} --format json
          .venv/bin/tieline stats --db {db}
          .venv/bin/tieline extract tieline/data/sample/18-gao-clashes.md --format table
          .venv/bin/tieline ingest YOUR_REPORTS/ --db {db}   (.txt .md .html .jsonl)
        The store is {db}; the sample reports are in {sample_corpus_path()}."""))


def _register_optional() -> None:
    from .cli_store import dyad, ingest, stats
    from .cli_views import commands as view_commands

    for command in (ingest, stats, dyad, *view_commands):
        main.add_command(command)
    from .cli_eval import eval_command

    main.add_command(eval_command)


_register_optional()
