"""The error-class counts of an earlier commit, kept as data (counts only, no text).

``docs/accuracy.md`` sets the counts of the current checkout beside those of the commit
before issue 11's work began. They are computed once from that commit's extraction
outputs and stored in ``tieline/data/evaluate/error-classes-before.yaml``:

    git worktree add /tmp/before 2266405 && (cd /tmp/before && make install)
    python ../shared/eval/score_news.py --docs ../shared/eval/news-dev.jsonl > docs.jsonl
    /tmp/before/.venv/bin/tieline extract docs.jsonl --format jsonl > news.jsonl
    /tmp/before/.venv/bin/tieline extract ../shared/eval/mmp-dev.jsonl --format jsonl > mmp.jsonl
    /tmp/before/.venv/bin/tieline extract ../shared/corpus/000_db9fec5580dde3d6.txt \\
        --published 2018-01-25 --format jsonl > article.jsonl
    python -m tieline.evaluate.analysis.before --commit 2266405 \\
        --news news.jsonl --mmp mmp.jsonl --article article.jsonl

(the classification is the current checkout's; only the outputs are the old commit's).

Example:
    >>> before = load_before()
    >>> before.commit if before else None                       # doctest: +SKIP
    '2266405'
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ...yaml_data import load_yaml
from ..files import load_predictions
from ..run import load_dated
from .classes import TABLE, TOTALS, SetAnalysis, analyse_documents, analyse_news, analyse_rows

SETS = ("news-dev", "mmp-dev", "reference-article")
BEFORE_NAME = "error-classes-before.yaml"
REFERENCE_PUBLISHED = "2018-01-25"


@dataclass(frozen=True)
class Before:
    """The counts of one earlier commit, per gold set."""

    commit: str
    sets: dict[str, SetAnalysis]


def before_path() -> Path:
    """Where the shipped counts are."""
    return Path(str(resources.files("tieline") / "data" / "evaluate" / BEFORE_NAME))


def load_before(path: Path | None = None) -> Before | None:
    """The stored counts (None when the file is absent). A malformed file is a
    ValueError naming what is wrong."""
    file = path or before_path()
    if not file.is_file():
        return None
    data = load_yaml(file.read_text("utf-8")) or {}
    if not isinstance(data.get("commit"), str) or not isinstance(data.get("sets"), dict):
        raise ValueError(f"{file}: needs 'commit' (a string) and 'sets' (a mapping)")
    known = {k for k, _, _ in TABLE} | set(TOTALS)
    sets = {}
    for name, counts in data["sets"].items():
        if not isinstance(counts, dict) or not all(
                isinstance(v, int) and k in known for k, v in counts.items()):
            raise ValueError(f"{file}: sets.{name} must map class keys of "
                             "tieline/evaluate/analysis/classes.py to counts")
        sets[str(name)] = SetAnalysis(counts=dict(counts),
                                      applies={k for k in counts if k not in TOTALS})
    return Before(commit=data["commit"], sets=sets)


def dump_before(commit: str, analyses: dict[str, SetAnalysis]) -> str:
    """The data file for these analyses: every class that applies (zeros included)."""
    sets = {}
    for name, analysis in analyses.items():
        counts = {k: v for k, _, _ in TABLE if (v := analysis.value(k)) is not None}
        counts.update({k: v for k in TOTALS if (v := analysis.value(k)) is not None})
        sets[name] = counts
    head = ("# Error-class counts of tieline at commit {commit} (before issue 11's work),\n"
            "# by tieline/evaluate/analysis/before.py from that commit's extraction of the\n"
            "# shared evaluation sets. Counts only. Read by `make accuracy`.\n").format(
                commit=commit)
    return head + yaml.safe_dump({"commit": commit, "sets": sets}, sort_keys=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tieline.evaluate.analysis.before",
        description="Count the error classes of an earlier commit's extraction outputs and "
                    f"write them to tieline/data/evaluate/{BEFORE_NAME}.")
    parser.add_argument("--commit", required=True, help="the commit the outputs come from")
    parser.add_argument("--news", required=True, help="its output on news-dev.jsonl")
    parser.add_argument("--mmp", required=True, help="its output on mmp-dev.jsonl")
    parser.add_argument("--article", required=True, help="its output on the reference article")
    parser.add_argument("--shared", default=None, help="folder holding eval/ (default: "
                        "$TIELINE_SHARED, else ../shared beside the repository)")
    parser.add_argument("--out", default=str(before_path()), help="file to write")
    args = parser.parse_args(argv)
    from ..accuracy_report import shared_folder

    folder = shared_folder(args.shared) / "eval"
    analyses = {
        "news-dev": analyse_news(load_dated(folder / "news-dev.jsonl").news,
                                 load_predictions(args.news)),
        "mmp-dev": analyse_rows(load_dated(folder / "mmp-dev.jsonl").rows,
                                load_predictions(args.mmp)),
        "reference-article": analyse_documents(
            load_dated(folder / "seed-gold.json", REFERENCE_PUBLISHED).documents,
            load_predictions(args.article)),
    }
    Path(args.out).write_text(dump_before(args.commit, analyses), "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
