"""Our scorer agrees with the shared Mapping Militants scorer, score_mmp.py.

Needs the shared evaluation folder (``../shared`` beside the repository, or
``$TIELINE_SHARED``); skipped, saying so, where it is absent.
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
from tieline.evaluate.gold import MmpRow
from tieline.evaluate.metrics import score_rows
from tieline.evaluate.run import gold_inputs, predict

SHARED = shared_folder()
SCORER = SHARED / "eval" / "score_mmp.py"
ROWS = SHARED / "eval" / "mmp-dev.jsonl"

pytestmark = pytest.mark.skipif(
    not (SCORER.is_file() and ROWS.is_file()),
    reason=f"shared evaluation data not found at {SHARED} (set $TIELINE_SHARED)")


def synthetic_records(rows: list[MmpRow]) -> list[dict[str, Any]]:
    """Outputs built to hit the scorer's corner cases, without extracting anything."""
    others = {"all": "riv", "riv": "all", "aff": "mer", "mer": "spl", "spl": "aff"}
    records = []
    for n, row in enumerate(rows):
        case = n % 5
        if case == 0:
            continue                                   # no record: the pair is missed
        g1 = {"id": "g1", "name": row.group1.upper() + " (the group)"}
        g2 = {"id": "g2", "name": "x", "mentions": [row.group2.replace("-", " ")]}
        if case == 4:                                  # one actor answers to both names
            g1["mentions"] = [row.group2]
        year = row.year or 2000
        events = [{"source": "g1", "target": "g2", "crosswalk": {"mmp": row.type},
                   "date": {"start": f"{year}-05"}}]
        dyads: list[dict[str, Any]] = []
        if case == 2:                                  # a dyad outvotes two events
            events = events * 2
            dyads = [{"a": "g2", "b": "g1", "crosswalk": {"mmp": others[row.type]},
                      "since": str(year + 1)}]
        if case == 3:                                  # a tie: the first code wins
            events.insert(0, {"source": "g2", "target": "g1",
                              "crosswalk": {"mmp": others[row.type]},
                              "date": {"start": str(year - 1)}})
        records.append({"id": row.id, "actors": [g1, g2], "events": events, "dyads": dyads})
    return records


@pytest.mark.parametrize("system", ["tieline", "synthetic"])
def test_figures_agree_with_score_mmp(system: str, tmp_path: Path) -> None:
    gold = load_gold(ROWS)
    if system == "synthetic":
        records = synthetic_records(gold.rows)
    else:
        records, _ = predict(gold_inputs(gold), system)
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    theirs = json.loads(subprocess.run(
        [sys.executable, str(SCORER), str(ROWS), str(out), "--json"],
        capture_output=True, text=True, check=True).stdout)
    ours = score_rows(gold.rows, records, system=system).to_dict()
    for key in ("pair_recall", "type_acc_given_pair", "year_acc_given_pair", "e2e_type_acc",
                "e2e_macro_f1"):
        assert round(ours[key], 2) == round(theirs[key], 2), key
    assert {k: round(v, 2) for k, v in ours["f1_by_type"].items()} == {
        k: round(v, 2) for k, v in theirs["f1_by_type"].items()}
