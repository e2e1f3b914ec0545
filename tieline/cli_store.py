"""The store's command-line commands: ``ingest``, ``stats`` and ``dyad``.

Thin click wrappers over :mod:`tieline.store` and :mod:`tieline.relations`; the main
group in :mod:`tieline.cli` adds ``ingest``, ``stats`` and ``dyad`` (all in
``commands``) with ``main.add_command``. A :class:`TielineError`
becomes ``error: <message>`` on stderr and exit status 2, never a traceback.

Example:
    >>> from click.testing import CliRunner
    >>> CliRunner().invoke(stats, ["--db", "sqlite://", "--format", "json"]).output
    '{"documents": 0, "events": 0, "actors": 0}\\n'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import click

from .errors import TielineError
from .relations.dyad import dyad_timeline, timeline_text
from .store.ingest import Extractor, ingest as ingest_documents
from .store.store import DEFAULT_URL, Store

db_option = click.option(
    "--db", default=DEFAULT_URL, envvar="TIELINE_DB", show_default=True, metavar="URL",
    help="Database URL (sqlite:///file.db, postgresql+psycopg://host/db) or a file "
         "path; also read from $TIELINE_DB.")
kb_option = click.option(
    "--kb", "kb_files", multiple=True, metavar="FILE.yaml",
    type=click.Path(exists=True, dir_okay=False),
    help="An extra actor file merged with the shipped knowledge base (repeatable).")


def workers_option(f):  # type: ignore[no-untyped-def]
    """``--workers N`` and ``--dask ADDRESS``: where extraction runs."""
    f = click.option(
        "--dask", "dask_address", metavar="ADDRESS", envvar="TIELINE_DASK",
        help="Extract on a Dask cluster (tcp://scheduler:8786; also $TIELINE_DASK). Its "
             "workers need tieline installed and the --kb files at the same paths.")(f)
    return click.option(
        "--workers", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
        help="Extract on N local processes (0: one per core). Each loads its own models "
             "(a few hundred MB and seconds of start-up): worth it for large corpora.")(f)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn tieline's errors into one line on stderr and exit status 2."""
    try:
        yield
    except TielineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


def make_pipeline(kb_files: tuple[str, ...], workers: int = 1,
                  dask_address: str | None = None) -> Extractor:
    """The extraction pipeline ingest and extract run: in this process, on ``workers``
    processes (0: one per core) or on the Dask cluster at ``dask_address``. A seam
    tests replace."""
    from .parallel import DaskPipeline, ParallelPipeline, default_workers
    from .pipeline import Pipeline

    count = workers or default_workers()
    if dask_address:
        if workers != 1:
            raise TielineError("--workers and --dask exclude each other",
                               remedy="the cluster's workers do the work: drop --workers")
        return DaskPipeline(dask_address, kb_files)
    pipeline: Extractor = Pipeline(kb_files=kb_files) if count == 1 else \
        ParallelPipeline(kb_files, workers=count)
    return pipeline


@click.command("ingest")
@click.argument("files", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Date that relative expressions resolve against for documents that "
                   "carry no date of their own.")
@db_option
@kb_option
@workers_option
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
def ingest(files: tuple[str, ...], published: datetime | None, db: str,
           kb_files: tuple[str, ...], workers: int, dask_address: str | None,
           no_progress: bool) -> None:
    """Extract events from FILES and add them to the store.

    FILES are .txt, .html, .md or .jsonl files, folders of them, or - for stdin.
    Documents already stored (same text) are skipped, so an interrupted ingest can
    simply be run again. A record that cannot be read or extracted is reported and
    the others proceed; the exit status is then 1.

    \b
    Example:
        tieline ingest corpus/ news.jsonl --published 2018-01-10 --db sqlite:///news.db
        tieline ingest archive/ --workers 0        # on every core
        tieline ingest archive/ --dask tcp://scheduler:8786
    """
    with reported_errors():
        pipeline = make_pipeline(tuple(kb_files), workers, dask_address)
        store = Store(db)
        report = ingest_documents(list(files), store, pipeline,
                                  published.date() if published else None,
                                  progress=not no_progress)
        store.close()
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@click.command("stats")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
def stats(db: str, fmt: str) -> None:
    """Count the documents, events and distinct actors in the store.

    \b
    Example:
        tieline stats --db sqlite:///news.db --format json
        {"documents": 120, "events": 431, "actors": 37}
    """
    with reported_errors():
        with Store(db, create=False) as store:
            counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts))
        return
    for key, value in counts.items():
        click.echo(f"{key:<10} {value:>8}")


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@db_option
@kb_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--period", type=click.Choice(["year", "month"]), default="year",
              show_default=True, help="Period of the dyad states.")
def dyad(a: str, b: str, db: str, kb_files: tuple[str, ...], fmt: str,
                 period: Any) -> None:
    """Show how actors A and B related over time, with the evidence.

    A and B are any name, alias, acronym or id of the knowledge base. Events of an
    actor's predecessors (renamed or succeeded groups) count for it. The table shows
    the state per period with its confidence, the changes, then each event by date
    with its direction, hedges ([reported], [alleged], [speculative]), denials
    ([NOT]) and the sentence it rests on.

    \b
    Example:
        tieline dyad Hamas "Wilayat Sinai" --db sqlite:///news.db
        tieline dyad hamas ISSP --format json > hamas-sinai.json
    """
    from .actors.kb import load_kb

    with reported_errors():
        kb = load_kb(extra=kb_files)
        with Store(db, create=False) as store:
            timeline = dyad_timeline(store, kb, a, b, period=period)
    if fmt == "json":
        click.echo(json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(timeline_text(timeline))


commands = [ingest, stats, dyad]
