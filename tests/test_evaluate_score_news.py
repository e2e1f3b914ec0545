"""`tieline eval` agrees with the shared real-news scorer, score_news.py, to two decimals.

Needs the shared evaluation folder (``../shared`` beside the repository, or
``$TIELINE_SHARED``); skipped, saying so, where it is absent. The scorer runs as a
subprocess from its own folder, on the same records our scorer reads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tieline.evaluate.accuracy_report import shared_folder
from tieline.evaluate.files import load_gold
from tieline.evaluate.news_gold import NewsDocument
from tieline.evaluate.news_metrics import score_news
from tieline.evaluate.run import gold_inputs, predict

SHARED = shared_folder()
EVAL = SHARED / "eval"
SCORER = EVAL / "score_news.py"
NEWS = EVAL / "news-dev.jsonl"
KEYS = ("n", "pair_recall", "type_acc_given_pair", "year_acc_given_pair", "e2e_type_acc",
        "e2e_macro_f1", "any_type_recall", "typed_year_recall", "pairs_linked",
        "pair_precision", "documents")
# The scorer without rapidfuzz (as under a Python that lacks it): exact names only.
WITHOUT_RAPIDFUZZ = ("import runpy, sys; sys.modules['rapidfuzz'] = None; "
                     "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")

pytestmark = pytest.mark.skipif(
    not (SCORER.is_file() and NEWS.is_file()),
    reason=f"shared evaluation data not found at {SHARED} (set $TIELINE_SHARED)")


def synthetic_records(documents: list[NewsDocument]) -> list[dict[str, Any]]:
    """Outputs built to hit the scorer's corner cases, without extracting anything."""
    others = {"all": "riv", "riv": "all", "aff": "mer", "mer": "spl", "spl": "aff"}
    records = []
    for n, doc in enumerate(documents):
        if n % 7 == 0:
            continue                                        # no record at all
        actors: dict[str, dict[str, Any]] = {}
        events: list[dict[str, Any]] = []
        dyads: list[dict[str, Any]] = []
        for k, rel in enumerate(doc.relations):
            case = (n + k) % 6
            a = actors.setdefault(rel.group1, {"id": f"a{len(actors)}",
                                               "name": rel.group1.upper()})
            b = actors.setdefault(rel.group2, {"id": f"a{len(actors)}", "name": "x",
                                               "mentions": [rel.group2.replace("-", " ")]})
            year = rel.year or 2001
            code = rel.type if case != 1 else others[str(rel.type)]
            events.append({"source": a["id"], "target": b["id"], "negated": case == 2,
                           "crosswalk": {"mmp": code}, "date": {"start": f"{year}-03"}})
            if case == 3:                                   # a dyad outvotes the event
                dyads.append({"a": b["id"], "b": a["id"], "since": str(year + 1),
                              "crosswalk": {"mmp": others[str(rel.type)]}})
            if case == 4:                                   # a pair nobody names
                stray = {"id": f"s{k}", "name": f"Stray Group {k}"}
                actors[stray["name"]] = stray
                events.append({"source": a["id"], "target": stray["id"],
                               "crosswalk": {"mmp": "all"}, "date": None})
            if case == 5:                                   # an event with itself
                events.append({"source": a["id"], "target": a["id"],
                               "crosswalk": {"mmp": "riv"}})
        records.append({"id": doc.id, "actors": list(actors.values()), "events": events,
                        "dyads": dyads})
    return records


def theirs(records_file: Path, exact_names: bool) -> dict[str, Any]:
    command = [sys.executable, str(SCORER), str(NEWS), str(records_file), "--json"]
    if exact_names:
        command[1:1] = ["-c", WITHOUT_RAPIDFUZZ]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=EVAL)
    return dict(json.loads(done.stdout))


@pytest.fixture(scope="module")
def tieline_records() -> list[dict[str, Any]]:
    records, _ = predict(gold_inputs(load_gold(NEWS)), "tieline")
    return records


@pytest.mark.parametrize("exact_names", [False, True])
@pytest.mark.parametrize("system", ["tieline", "synthetic"])
def test_figures_agree_with_score_news(system: str, exact_names: bool, tmp_path: Path,
                                       tieline_records: list[dict[str, Any]]) -> None:
    gold = load_gold(NEWS)
    records = tieline_records if system == "tieline" else synthetic_records(gold.news)
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    expected = theirs(out, exact_names)
    ours = score_news(gold.news, records, system=system, fuzzy=not exact_names).to_dict()
    assert {k: round(ours[k], 2) for k in KEYS} == {k: round(expected[k], 2) for k in KEYS}
    assert {k: round(v, 2) for k, v in ours["f1_by_type"].items()} == {
        k: round(v, 2) for k, v in expected["f1_by_type"].items()}
