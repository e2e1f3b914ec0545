"""`make accuracy` writes docs/accuracy.md; the shared sets are skipped, saying so, when absent.

The scoring itself is replaced by a stub here (it is tested elsewhere), so these tests
are about finding the data and writing the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tieline.evaluate import accuracy_report
from tieline.evaluate.result import Confusion, ErrorCase, EvalResult, TypeScore


def fake_evaluate(gold: Path, system: str = "tieline", published: str | None = None,
                  **_: Any) -> EvalResult:
    value = 0.8 if system == "tieline" else 0.3
    return EvalResult(
        gold=str(gold), format="documents", system=system,
        metrics={"n": 1, "pair_recall": value, "f1": value},
        counts={"pairs_found": 4, "gold_events": 5}, per_type={"training": TypeScore(4, 1, 1)},
        confusion=Confusion(),
        errors=[ErrorCase("missed", "d1", f"Hamas → Fatah: training ({published})", "-", "")])


@pytest.fixture(autouse=True)
def stub_scoring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accuracy_report, "evaluate", fake_evaluate)


def shared_tree(root: Path) -> Path:
    for name in ("eval/mmp-dev.jsonl", "eval/seed-gold.json",
                 "corpus/000_db9fec5580dde3d6.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("{}", "utf-8")
    return root


def test_without_the_shared_folder_two_sections_say_they_were_skipped(tmp_path: Path) -> None:
    out = tmp_path / "accuracy.md"
    accuracy_report.main(["--out", str(out), "--shared", str(tmp_path / "nowhere")])
    page = out.read_text("utf-8")
    flat = " ".join(page.split())
    assert "## The project's gold set" in page and "| `pair_recall` | 0.80 (4/5) | 0.30 (4/5) |" in page
    assert flat.count("Skipped: ") == 2 and "nowhere/eval/mmp-dev.jsonl` not found" in flat
    assert "TIELINE_SHARED" in page


def test_the_environment_variable_locates_the_shared_folder(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIELINE_SHARED", str(shared_tree(tmp_path / "shared")))
    out = tmp_path / "accuracy.md"
    accuracy_report.main(["--out", str(out)])
    page = out.read_text("utf-8")
    assert "Skipped" not in page
    assert "## Mapping Militants development rows" in page and "≥ 0.85" in page
    assert "- Hamas → Fatah: training (2018-01-25)" in page   # the article's missed events


def test_the_default_shared_folder_is_beside_the_repository(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIELINE_SHARED", raising=False)
    expected = accuracy_report.repository_root().parent / "shared"
    assert accuracy_report.shared_folder() == expected
