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
@click.option("--gold-format", type=click.Choice(["auto", "news", "mmp", "documents"]),
              default="auto", show_default=True,
              help="The format of GOLD. auto: from its records (a 'gold' list: news; "
                   "'group1'/'group2': Mapping Militants rows; 'actors'/'events': "
                   "annotated documents).")
@click.option("--exact-names", is_flag=True,
              help="Match names only when their normalized forms are equal (no near "
                   "spellings): what score_mmp.py and score_news.py compute when the "
                   "rapidfuzz package is not installed.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: a readable report; json: every figure "
                                      "(the shared scorers' key names), per type, the "
                                      "confusion matrix and the errors.")
@click.option("--html", "html_path", metavar="REPORT.html", type=click.Path(dir_okay=False),
              help="Also write a self-contained HTML report to this file.")
@click.option("--max-errors", type=click.IntRange(min=0), default=None, metavar="N",
              help="List at most N errors in the text report (default: all).")
def eval_command(gold: str, predictions: str | None, system: str, published: str | None,
                 kb_files: tuple[str, ...], gold_format: str, exact_names: bool, fmt: str,
                 html_path: str | None, max_errors: int | None) -> None:
    """Score extraction against the gold file GOLD, in one of three formats:

    \b
    news       JSON lines: id, url, published (or null), text, and gold, the list of
               every relation the text states (group1, group2, type all/riv/aff/spl/mer,
               year or null, polarity, modality, cue); optional added (relations that
               count for precision only). Scored as score_news.py scores it.
    mmp        Mapping Militants rows, JSON lines: id, text, group1, group2, type,
               year. Scored as score_mmp.py scores them.
    documents  annotated documents, JSON lines or JSON (a "documents" list): id,
               text, published, actors, events. Scored event by event.

    The format is recognised from the records unless --gold-format says it. News and
    rows report pair recall, type and year accuracy given the pair and macro-F1 under
    the shared scorers' key names (news adds any_type_recall, typed_year_recall,
    pairs_linked and pair_precision); documents add precision, recall and F1 per type,
    direction, modality, negation and date accuracy. Every report has a confusion
    matrix and each error with its evidence.

    \b
    All formats: docs/gold-format.md
    Examples:
      tieline eval news-dev.jsonl
      tieline eval news-dev.jsonl --pred out.jsonl --format json
      tieline eval tieline/data/gold/tieline-gold.jsonl
      tieline eval mmp-dev.jsonl --format json > scores.json
      tieline extract rows.jsonl > out.jsonl && tieline eval mmp-dev.jsonl --pred out.jsonl
      tieline eval seed-gold.json --published 2018-01-25 --html report.html
    """
    from .evaluate import evaluate, render_html, render_json, render_text
    from .evaluate.files import GOLD_KINDS

    kind = next((k for k in GOLD_KINDS if k == gold_format), None)
    try:
        result = evaluate(gold, predictions, system=system, published=published,
                          kb_files=kb_files, gold_format=kind, fuzzy=not exact_names)
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
