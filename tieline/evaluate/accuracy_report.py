"""Write ``docs/accuracy.md``: tieline's published accuracy (``make accuracy``).

Four gold sets, each extracted once by tieline and once by the spaCy co-occurrence
baseline, and scored:

1. the project's own gold set, ``tieline/data/gold/tieline-gold.jsonl`` (always);
2. the Mapping Militants development rows, ``<shared>/eval/mmp-dev.jsonl``;
3. the real-news development excerpts, ``<shared>/eval/news-dev.jsonl``;
4. the reference article, ``<shared>/corpus/000_db9fec5580dde3d6.txt`` (published
   2018-01-25) against ``<shared>/eval/seed-gold.json``.

Then tieline's errors on sets 2 to 4 are counted by class (:mod:`tieline.evaluate.analysis`)
beside the counts of the commit before issue 11's work
(``tieline/data/evaluate/error-classes-before.yaml``), and a few examples of each class
are printed (to standard output only: the page holds counts and class names).

``<shared>`` is ``--shared``, else ``$TIELINE_SHARED``, else ``../shared`` beside the
repository; the shared sets are skipped, with a line saying so, where it is absent.

Usage:
    python -m tieline.evaluate.accuracy_report [--out docs/accuracy.md] [--shared DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .analysis.before import Before, load_before
from .analysis.classes import TABLE, SetAnalysis, analyse_documents, analyse_news, analyse_rows
from .files import GoldKind, GoldSet
from .report import counted_over, fmt
from .result import EvalResult
from .run import Scored, extract_and_score, load_dated, score

SHARED_ENV = "TIELINE_SHARED"
REFERENCE_PUBLISHED = "2018-01-25"
MMP_TARGETS = {"pair_recall": "≥ 0.85", "type_acc_given_pair": "≥ 0.85",
               "year_acc_given_pair": "≥ 0.95", "e2e_macro_f1": "≥ 0.75"}
NEWS_TARGETS = {"pair_recall": "≥ 0.85", "type_acc_given_pair": "≥ 0.80",
                "year_acc_given_pair": "≥ 0.85", "e2e_macro_f1": "≥ 0.70",
                "pair_precision": "≥ 0.80"}
NEWS_FIGURES = ("pair_recall", "type_acc_given_pair", "year_acc_given_pair", "e2e_macro_f1",
                "any_type_recall", "typed_year_recall", "pair_precision")
DOCUMENT_FIGURES = ("pair_recall", "type_acc_given_pair", "year_acc_given_pair", "e2e_macro_f1",
                    "precision", "recall", "f1", "strict_f1", "direction_acc", "modality_acc",
                    "negation_acc", "date_acc_given_pair", "actor_recall", "mention_recall")
MMP_FIGURES = ("pair_recall", "type_acc_given_pair", "year_acc_given_pair", "e2e_type_acc",
               "e2e_macro_f1")


def repository_root() -> Path:
    """The checkout this package runs from, or the working folder when installed."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else Path.cwd()


def shared_folder(explicit: str | None = None) -> Path:
    """Where the shared evaluation data is looked for."""
    if explicit:
        return Path(explicit)
    if os.environ.get(SHARED_ENV):
        return Path(os.environ[SHARED_ENV])
    return repository_root().parent / "shared"


def own_gold_path() -> Path:
    """The project's gold set, shipped with the package."""
    return Path(str(resources.files("tieline") / "data" / "gold" / "tieline-gold.jsonl"))


@dataclass
class Measured:
    """One gold set scored for tieline and the baseline (or skipped, with the reason).

    ``scored`` keeps tieline's records for the error analysis; ``exact`` is tieline
    scored again with exact name matching (news records only).
    """

    title: str
    gold: str
    tieline: EvalResult | None = None
    label: str = ""
    baseline: EvalResult | None = None
    skipped: str = ""
    scored: Scored | None = None
    exact: EvalResult | None = None


def score_both(gold: Path, published: str | None = None,
               gold_format: GoldKind | None = None) -> tuple[Scored, Scored]:
    """tieline and the baseline, each extracting the gold texts once, scored."""
    gold_set = load_dated(gold, published, gold_format)
    return extract_and_score(gold_set, "tieline"), extract_and_score(gold_set, "baseline")


def measure(title: str, gold: Path, published: str | None = None,
            needs: Sequence[Path] = (), shared: Path | None = None) -> Measured:
    """Extract and score both systems on ``gold``, unless it or a file it needs is
    missing; ``shared``: the shared folder, shown as ``<shared>``."""
    missing = [p for p in (gold, *needs) if not p.exists()]
    if missing:
        return Measured(title, str(gold), skipped=f"`{shown(str(missing[0]))}` not found")
    ours, theirs = score_both(gold, published)
    exact = (score(ours.gold, ours.records, "tieline", fuzzy=False)
             if ours.gold.format == "news" else None)
    return Measured(title, str(gold), tieline=ours.result, baseline=theirs.result,
                    scored=ours, exact=exact, label=shown(str(gold), shared))


def _labelled(measured: Measured) -> Measured:
    if not measured.label:
        measured.label = shown(measured.gold)
    return measured


def analyse(measured: Measured) -> SetAnalysis | None:
    """tieline's error classes on a measured shared set (None when it was skipped)."""
    if measured.scored is None:
        return None
    gold: GoldSet = measured.scored.gold
    records = measured.scored.records
    if gold.format == "news":
        return analyse_news(gold.news, records)
    if gold.format == "mmp":
        return analyse_rows(gold.rows, records)
    return analyse_documents(gold.documents, records)


def _cell(result: EvalResult, figure: str) -> str:
    counts = counted_over(result, figure)
    value = fmt(result.metrics.get(figure))
    return f"{value} ({counts})" if counts else value


def figures_table(measured: Measured, figures: Sequence[str],
                  targets: dict[str, str] | None = None) -> list[str]:
    """A Markdown table: one row a figure, tieline beside the baseline."""
    assert measured.tieline and measured.baseline
    head = "| figure | tieline | spaCy co-occurrence |" + (" target |" if targets else "")
    rule = "|---|---|---|" + ("---|" if targets else "")
    rows = [head, rule]
    for figure in figures:
        row = (f"| `{figure}` | {_cell(measured.tieline, figure)} | "
               f"{_cell(measured.baseline, figure)} |")
        if targets:
            row += f" {targets.get(figure, '')} |"
        rows.append(row)
    return rows


def per_type_table(measured: Measured) -> list[str]:
    """F1 per gold type, tieline beside the baseline."""
    assert measured.tieline and measured.baseline
    rows = ["| type | gold | tieline P / R / F1 | spaCy F1 |", "|---|---|---|---|"]
    for label, score in measured.tieline.per_type.items():
        if not score.support:
            continue
        other = measured.baseline.per_type.get(label)
        rows.append(f"| {label} | {score.support} | {score.precision:.2f} / "
                    f"{score.recall:.2f} / {score.f1:.2f} | "
                    f"{other.f1 if other else 0.0:.2f} |")
    return rows


def _commit(root: Path) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, text=True,
                              capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, text=True, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "an unknown commit"
    return f"commit {head}" + (" with uncommitted changes" if dirty.strip() else "")


INTRO = """\
# Accuracy

Generated by `make accuracy` (`python -m tieline.evaluate.accuracy_report`) on
{commit}; do not edit by hand.

Each gold set is scored for tieline and, in the same run, for the
spaCy co-occurrence reference (`tieline/evaluate/baseline.py`: spaCy's small English
pipeline, every two ORG/NORP/GPE entities of a sentence make an event typed by
keywords; no knowledge base). Figures are fractions with their counts in brackets; the
key names are those of `tieline eval --format json` (see `docs/gold-format.md` for what
each measures). `<shared>` is the shared evaluation folder (`../shared` beside the
repository, or `$TIELINE_SHARED`). To see every error with its evidence:

    tieline eval GOLD [--system baseline] [--published DATE] --html report.html
"""


def shown(path: str, shared: Path | None = None) -> str:
    """A path as the document shows it: ``<shared>/...`` inside the shared folder, else
    relative to the repository where it can be."""
    if shared is not None:
        try:
            return f"<shared>/{Path(path).resolve().relative_to(shared.resolve()).as_posix()}"
        except ValueError:
            pass
    try:
        relative = os.path.relpath(path, repository_root())
    except ValueError:  # another drive
        return path
    return path if relative.startswith(os.path.join("..", "..")) else relative


def _section(measured: Measured, lines: list[str], note: str, figures: Sequence[str],
             targets: dict[str, str] | None = None) -> None:
    lines += ["", f"## {measured.title}", ""]
    if measured.skipped:
        lines.append(textwrap.fill(
            f"Skipped: {measured.skipped} (set ${SHARED_ENV} to the folder holding `eval/` "
            "and `corpus/`, or place that folder at `../shared` beside the repository).", 88,
            break_long_words=False, break_on_hyphens=False))
        return
    lines += [textwrap.fill(note, 88, break_long_words=False, break_on_hyphens=False), "",
              *figures_table(measured, figures, targets)]


ERRORS_NOTE = """\
tieline's errors on the shared sets, counted by class: on the current checkout
("after") and, from the data file `tieline/data/evaluate/error-classes-before.yaml`,
on commit {before} ("before": main before issue 11's work began; its extraction outputs
classified by the current rules). Every gold relation falls in one row of the first
three groups: lost with a missed actor, missed (both groups found, not linked; by the
structure of the sentence stating it), or found. *Missed actor* counts the gold
organisations of each document that no output actor matches. Direction is defined
only where the gold is directed (the reference article: news and Mapping Militants
gold is undirected); false pairs only where the gold is exhaustive (news-dev: a linked
pair no gold relation names). `–`: not defined on that set. The rules are documented
in `tieline/evaluate/analysis/phenomena.py` (missed relations),
`tieline/evaluate/analysis/false_pairs.py` (false pairs) and
`tieline/evaluate/analysis/classes.py`; `make accuracy` prints a few examples of each
class."""

ANALYSED = (("news-dev", "news-dev"), ("mmp-dev", "MMP dev"),
            ("reference-article", "reference article"))
TOTAL_ROWS = (("gold_organisations", "gold organisations"), ("gold_relations", "gold relations"),
              ("found", "gold relations found"), ("year_stated", "found, year stated"),
              ("directed_found", "directed gold events found"),
              ("pairs_linked", "pairs linked"))


def _count(analysis: SetAnalysis | None, key: str, current: SetAnalysis | None = None) -> str:
    """A cell: the count, ``–`` where the class is not defined on the set, ``?`` where it
    was not counted (a skipped set, or a class the stored counts lack)."""
    if analysis is None:
        return "?"
    value = analysis.value(key)
    if value is None:
        return "?" if current is not None and key in current.applies else "–"
    return str(value)


def errors_table(after: dict[str, SetAnalysis | None], before: Before | None) -> list[str]:
    """Error classes (rows) by set, before and after (columns)."""
    head = "| error class | counted over | " + " | ".join(
        f"{label} before | {label} after" for _, label in ANALYSED) + " |"
    rows = [head, "|---|---|" + "---:|---:|" * len(ANALYSED)]
    old = before.sets if before else {}
    for key, label, over in TABLE:
        cells = []
        for name, _ in ANALYSED:
            now = after.get(name)
            cells += [_count(old.get(name), key, now), _count(now, key)]
        rows.append(f"| {label} | {over} | " + " | ".join(cells) + " |")
    for key, label in TOTAL_ROWS:
        cells = []
        for name, _ in ANALYSED:
            cells += [_count(old.get(name), key), _count(after.get(name), key)]
        rows.append(f"| *{label}* | | " + " | ".join(cells) + " |")
    return rows


def render(own: Measured, mmp: Measured, article: Measured, commit: str,
           news: Measured | None = None, after: dict[str, SetAnalysis | None] | None = None,
           before: Before | None = None) -> str:
    """The whole of ``docs/accuracy.md``."""
    for measured in (own, mmp, article, *([news] if news else [])):
        _labelled(measured)
    lines = [INTRO.format(commit=commit).rstrip()]
    _section(own, lines, (
        f"`{own.label}`: short reports written for the project, "
        "annotated by hand (see `tieline/data/gold/README.md`). The threshold test "
        "`tests/test_accuracy_gold.py` fails when tieline drops below these figures."),
        DOCUMENT_FIGURES)
    if own.tieline:
        lines += ["", "Per type (gold events of each type):", "", *per_type_table(own)]
    _section(mmp, lines, (
        f"`{mmp.label}`: relationship descriptions coded by the Mapping Militants "
        "Project; scored the way `eval/score_mmp.py` scores them (the figures agree with "
        "it). Targets from the product specification (measured there on a held-out part). "
        "The shared README quotes about 0.32 pair recall for its own co-occurrence "
        "reference; ours finds fewer pairs because it has no knowledge base, so a row that "
        "names a group by an acronym, a former name or a wing ('AQI' for The Islamic "
        "State) is lost, as are entities spaCy does not label ORG, NORP or GPE."),
        MMP_FIGURES, MMP_TARGETS)
    if news is not None:
        _section(news, lines, (
            f"`{news.label}`: real news and analysis excerpts whose every stated "
            "relation between two organisations is labelled; scored the way "
            "`eval/score_news.py` scores them (`tieline eval` agrees with it): each relation "
            "as a Mapping Militants row, and `pair_precision` over the distinct pairs the "
            "output links. Targets from issue 11's acceptance."),
            NEWS_FIGURES, NEWS_TARGETS)
        if news.exact:
            figures = ", ".join(f"`{k}` {fmt(news.exact.metrics.get(k))}" for k in NEWS_FIGURES)
            lines += ["", textwrap.fill(
                "Names matched exactly (no near spellings), as `score_news.py` computes "
                f"where the rapidfuzz package is missing (`tieline eval --exact-names`): "
                f"{figures}.", 88, break_long_words=False, break_on_hyphens=False)]
    _section(article, lines, (
        f"`{article.label}` against the reference article, published "
        f"{REFERENCE_PUBLISHED}: one long article, its main events annotated by hand (the "
        "annotation does not list every event the article states, so precision is a lower "
        "bound)."), DOCUMENT_FIGURES)
    if article.tieline:
        missed = [e for e in article.tieline.errors if e.kind == "missed"]
        lines += ["", f"Gold events tieline misses ({len(missed)}):", ""]
        lines += [f"- {e.gold}" for e in missed]
    if after is not None:
        lines += ["", "## Errors by class", "",
                  ERRORS_NOTE.format(before=before.commit if before else "(none stored)"),
                  "", *errors_table(after, before)]
    return "\n".join(lines) + "\n"


def print_examples(after: dict[str, SetAnalysis | None]) -> None:
    """A few examples of each error class, for developers (standard output only)."""
    for name, label in ANALYSED:
        analysis = after.get(name)
        if analysis is None:
            continue
        print(f"\nExamples of each error class, {label}:")
        for key, class_label, _ in TABLE:
            for example in analysis.examples.get(key, []):
                print(f"  [{class_label}] {example}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tieline.evaluate.accuracy_report",
        description="Measure tieline and the spaCy co-occurrence baseline on the "
                    "project's gold set, the Mapping Militants dev rows, the real-news dev "
                    "excerpts and the reference article, count tieline's errors by class, "
                    "and write docs/accuracy.md.")
    parser.add_argument("--out", default="docs/accuracy.md",
                        help="file to write (default: docs/accuracy.md)")
    parser.add_argument("--shared", default=None,
                        help=f"folder holding eval/ and corpus/ (default: ${SHARED_ENV}, "
                             "else ../shared beside the repository)")
    args = parser.parse_args(argv)
    shared = shared_folder(args.shared)
    own = measure("The project's gold set", own_gold_path())
    mmp = measure("Mapping Militants development rows", shared / "eval" / "mmp-dev.jsonl",
                  shared=shared)
    news = measure("Real-news development excerpts", shared / "eval" / "news-dev.jsonl",
                   shared=shared)
    article = measure("The reference article", shared / "eval" / "seed-gold.json",
                      REFERENCE_PUBLISHED,
                      needs=[shared / "corpus" / "000_db9fec5580dde3d6.txt"], shared=shared)
    after = {"news-dev": analyse(news), "mmp-dev": analyse(mmp),
             "reference-article": analyse(article)}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(own, mmp, article, _commit(repository_root()), news, after,
                          load_before()), "utf-8")
    for measured in (own, mmp, news, article):
        if measured.tieline:
            figures = ", ".join(f"{k} {fmt(measured.tieline.metrics.get(k))}"
                                for k in (*MMP_FIGURES, "pair_precision")
                                if k in measured.tieline.metrics)
            print(f"{measured.title}: tieline {figures}")
        else:
            print(f"{measured.title}: skipped ({measured.skipped})")
    print_examples(after)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
