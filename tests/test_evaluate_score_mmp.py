"""Our scorer agrees with the shared Mapping Militants scorer, score_mmp.py.

Needs the shared evaluation folder (``../shared`` beside the repository, or
``$TIELINE_SHARED``); skipped, saying so, where it is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tieline.evaluate.accuracy_report import shared_folder
from tieline.evaluate.files import load_gold
from tieline.evaluate.metrics import score_rows
from tieline.evaluate.run import gold_inputs, predict

SHARED = shared_folder()
SCORER = SHARED / "eval" / "score_mmp.py"
ROWS = SHARED / "eval" / "mmp-dev.jsonl"

pytestmark = pytest.mark.skipif(
    not (SCORER.is_file() and ROWS.is_file()),
    reason=f"shared evaluation data not found at {SHARED} (set $TIELINE_SHARED)")


@pytest.mark.parametrize("system", ["tieline", "baseline"])
def test_figures_agree_with_score_mmp(system: str, tmp_path: Path) -> None:
    gold = load_gold(ROWS)
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
