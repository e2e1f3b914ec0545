"""Write ``docs/accuracy.md``: tieline's published accuracy (``make accuracy``).

Three gold sets, each scored for tieline and for the spaCy co-occurrence baseline in
the same run:

1. the project's own gold set, ``tieline/data/gold/tieline-gold.jsonl`` (always);
2. the Mapping Militants development rows, ``<shared>/eval/mmp-dev.jsonl``;
3. the reference article, ``<shared>/corpus/000_db9fec5580dde3d6.txt`` (published
   2018-01-25) against ``<shared>/eval/seed-gold.json``.

``<shared>`` is ``--shared``, else ``$TIELINE_SHARED``, else ``../shared`` beside the
repository; the last two sets are skipped, with a line saying so, where it is absent.

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

from .report import counted_over, fmt
from .result import EvalResult
from .run import evaluate

SHARED_ENV = "TIELINE_SHARED"
REFERENCE_PUBLISHED = "2018-01-25"
MMP_TARGETS = {"pair_recall": "≥ 0.85", "type_acc_given_pair": "≥ 0.85",
               "year_acc_given_pair": "≥ 0.95", "e2e_macro_f1": "≥ 0.75"}
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
    """One gold set scored for tieline and the baseline (or skipped, with the reason)."""

    title: str
    gold: str
    tieline: EvalResult | None = None
    baseline: EvalResult | None = None
    skipped: str = ""


def measure(title: str, gold: Path, published: str | None = None,
            needs: Sequence[Path] = ()) -> Measured:
    """Score both systems on ``gold``, unless it or a file it needs is missing."""
    missing = [p for p in (gold, *needs) if not p.exists()]
    if missing:
        return Measured(title, str(gold), skipped=f"`{shown(str(missing[0]))}` not found")
    return Measured(title, str(gold),
                    tieline=evaluate(gold, system="tieline", published=published),
                    baseline=evaluate(gold, system="baseline", published=published))


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
each measures). To see every error with its evidence:

    tieline eval GOLD [--system baseline] [--published DATE] --html report.html
"""


def shown(path: str) -> str:
    """A path as the document shows it: relative to the repository where it can be."""
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


def render(own: Measured, mmp: Measured, article: Measured, commit: str) -> str:
    """The whole of ``docs/accuracy.md``."""
    lines = [INTRO.format(commit=commit).rstrip()]
    _section(own, lines, (
        f"`{shown(own.gold)}`: short reports written for the project, "
        "annotated by hand (see `tieline/data/gold/README.md`). The threshold test "
        "`tests/test_accuracy_gold.py` fails when tieline drops below these figures."),
        DOCUMENT_FIGURES)
    if own.tieline:
        lines += ["", "Per type (gold events of each type):", "", *per_type_table(own)]
    _section(mmp, lines, (
        f"`{shown(mmp.gold)}`: relationship descriptions coded by the Mapping Militants "
        "Project; scored the way `eval/score_mmp.py` scores them (the figures agree with "
        "it). Targets from the product specification (measured there on a held-out part). "
        "The shared README quotes about 0.32 pair recall for its own co-occurrence "
        "reference; ours finds fewer pairs because it has no knowledge base, so a row that "
        "names a group by an acronym, a former name or a wing ('AQI' for The Islamic "
        "State) is lost, as are entities spaCy does not label ORG, NORP or GPE."),
        MMP_FIGURES, MMP_TARGETS)
    _section(article, lines, (
        f"`{shown(article.gold)}` against the reference article, published "
        f"{REFERENCE_PUBLISHED}: one long article, its main events annotated by hand (the "
        "annotation does not list every event the article states, so precision is a lower "
        "bound)."), DOCUMENT_FIGURES)
    if article.tieline:
        missed = [e for e in article.tieline.errors if e.kind == "missed"]
        lines += ["", f"Gold events tieline misses ({len(missed)}):", ""]
        lines += [f"- {e.gold}" for e in missed]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tieline.evaluate.accuracy_report",
        description="Measure tieline and the spaCy co-occurrence baseline on the "
                    "project's gold set, the Mapping Militants dev rows and the reference "
                    "article, and write docs/accuracy.md.")
    parser.add_argument("--out", default="docs/accuracy.md",
                        help="file to write (default: docs/accuracy.md)")
    parser.add_argument("--shared", default=None,
                        help=f"folder holding eval/ and corpus/ (default: ${SHARED_ENV}, "
                             "else ../shared beside the repository)")
    args = parser.parse_args(argv)
    shared = shared_folder(args.shared)
    own = measure("The project's gold set", own_gold_path())
    mmp = measure("Mapping Militants development rows", shared / "eval" / "mmp-dev.jsonl")
    article = measure("The reference article", shared / "eval" / "seed-gold.json",
                      REFERENCE_PUBLISHED,
                      needs=[shared / "corpus" / "000_db9fec5580dde3d6.txt"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(own, mmp, article, _commit(repository_root())), "utf-8")
    for measured in (own, mmp, article):
        if measured.tieline:
            figures = ", ".join(f"{k} {fmt(measured.tieline.metrics.get(k))}"
                                for k in MMP_FIGURES if k in measured.tieline.metrics)
            print(f"{measured.title}: tieline {figures}")
        else:
            print(f"{measured.title}: skipped ({measured.skipped})")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
