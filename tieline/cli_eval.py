"""The ``tieline eval`` command: a thin click wrapper over :mod:`tieline.evaluate`.

Registered on the main group by :mod:`tieline.cli`. A malformed gold or prediction file
becomes ``error: ...`` on stderr with one line per bad record, and exit status 2.

Example:
    >>> from click.testing import CliRunner
    >>> CliRunner().invoke(eval_command, ["gold.jsonl", "--format", "json"])  # doctest: +SKIP
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import TielineError


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", "predictions", metavar="OUTPUT.jsonl",
              type=click.Path(exists=True, dir_okay=False),
              help="Score these extraction records (tieline extract --format jsonl, or "
                   "any output following that contract) instead of extracting the gold "
                   "texts now.")
@click.option("--system", type=click.Choice(["tieline", "baseline"]), default="tieline",
              show_default=True, help="What extracts the gold texts when --pred is not "
              "given: tieline, or the spaCy co-occurrence baseline.")
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date for gold documents with none of their own, or "
                   "only a year or month (relative dates resolve against it).")
@click.option("--kb", "kb_files", multiple=True, metavar="FILE.yaml",
              type=click.Path(exists=True, dir_okay=False),
              help="An extra actor file merged with the shipped knowledge base "
                   "(repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: a readable report; json: every figure "
                                      "(score_mmp.py's key names), per type, the "
                                      "confusion matrix and the errors.")
@click.option("--html", "html_path", metavar="REPORT.html", type=click.Path(dir_okay=False),
              help="Also write a self-contained HTML report to this file.")
@click.option("--max-errors", type=click.IntRange(min=0), default=None, metavar="N",
              help="List at most N errors in the text report (default: all).")
def eval_command(gold: str, predictions: str | None, system: str, published: str | None,
                 kb_files: tuple[str, ...], fmt: str, html_path: str | None,
                 max_errors: int | None) -> None:
    """Score extraction against the gold file GOLD.

    GOLD is either Mapping Militants rows (JSON lines with id, text, group1, group2,
    type, year) or annotated documents (JSON lines, or JSON with a "documents"
    list: id, text, published, actors, events).

    It reports precision, recall and F1 per type and overall, pair recall, type
    accuracy given the pair, direction, modality, negation and date accuracy, a
    confusion matrix, and each error with its evidence sentence.

    \b
    Both formats: docs/gold-format.md
    Examples:
      tieline eval tieline/data/gold/tieline-gold.jsonl
      tieline eval mmp-dev.jsonl --format json > scores.json
      tieline extract rows.jsonl > out.jsonl && tieline eval mmp-dev.jsonl --pred out.jsonl
      tieline eval seed-gold.json --published 2018-01-25 --html report.html
    """
    from .evaluate import evaluate, render_html, render_json, render_text

    try:
        result = evaluate(gold, predictions, system=system, published=published,
                          kb_files=kb_files)
    except TielineError as exc:  # a bad gold or prediction file lists every bad record
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if html_path:
        Path(html_path).write_text(render_html(result), "utf-8")
    if fmt == "json":
        click.echo(render_json(result))
    else:
        click.echo(render_text(result, max_errors))
        if html_path:
            click.echo(f"HTML report: {html_path}")
