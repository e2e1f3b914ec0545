"""`make accuracy` writes docs/accuracy.md; the shared sets are skipped, saying so, when absent.

The scoring and the error analysis are replaced by stubs here (they are tested
elsewhere), so these tests are about finding the data and writing the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tieline.evaluate import accuracy_report
from tieline.evaluate.analysis.before import Before
from tieline.evaluate.analysis.classes import SetAnalysis
from tieline.evaluate.files import GoldSet
from tieline.evaluate.result import Confusion, ErrorCase, EvalResult, TypeScore
from tieline.evaluate.run import Scored


def fake_result(gold: Path, system: str, published: str | None) -> EvalResult:
    value = 0.8 if system == "tieline" else 0.3
    return EvalResult(
        gold=str(gold), format="documents", system=system,
        metrics={"n": 1, "pair_recall": value, "f1": value},
        counts={"pairs_found": 4, "gold_events": 5}, per_type={"training": TypeScore(4, 1, 1)},
        confusion=Confusion(),
        errors=[ErrorCase("missed", "d1", f"Hamas → Fatah: training ({published})", "-", "")])


def fake_score_both(gold: Path, published: str | None = None,
                    gold_format: Any = None) -> tuple[Scored, Scored]:
    empty = GoldSet(str(gold), "documents", [], [])
    return (Scored(empty, [], fake_result(gold, "tieline", published)),
            Scored(empty, [], fake_result(gold, "baseline", published)))


def fake_analyse(measured: accuracy_report.Measured) -> SetAnalysis | None:
    if measured.scored is None:
        return None
    return SetAnalysis(counts={"missed_actor": 4, "false_pair.two_states": 2,
                               "gold_relations": 10},
                       applies={"missed_actor", "lost_with_actor", "false_pair.two_states"},
                       examples={"missed_actor": ["d1: lake union"]})


BEFORE = Before("abc1234", {"news-dev": SetAnalysis(counts={"missed_actor": 6},
                                                    applies={"missed_actor"})})


@pytest.fixture(autouse=True)
def stub_scoring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accuracy_report, "score_both", fake_score_both)
    monkeypatch.setattr(accuracy_report, "analyse", fake_analyse)
    monkeypatch.setattr(accuracy_report, "load_before", lambda: BEFORE)


def shared_tree(root: Path) -> Path:
    for name in ("eval/mmp-dev.jsonl", "eval/news-dev.jsonl", "eval/seed-gold.json",
                 "corpus/000_db9fec5580dde3d6.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("{}", "utf-8")
    return root


def test_without_the_shared_folder_three_sections_say_they_were_skipped(tmp_path: Path) -> None:
    out = tmp_path / "accuracy.md"
    accuracy_report.main(["--out", str(out), "--shared", str(tmp_path / "nowhere")])
    page = out.read_text("utf-8")
    flat = " ".join(page.split())
    assert "## The project's gold set" in page and "| `pair_recall` | 0.80 (4/5) | 0.30 (4/5) |" in page
    assert flat.count("Skipped: ") == 3 and "nowhere/eval/mmp-dev.jsonl` not found" in flat
    assert "nowhere/eval/news-dev.jsonl` not found" in flat
    assert "TIELINE_SHARED" in page
    assert "| missed actor | gold organisations of a document | 6 | ? | ? | ? | ? | ? |" in page


def test_the_environment_variable_locates_the_shared_folder(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIELINE_SHARED", str(shared_tree(tmp_path / "shared")))
    out = tmp_path / "accuracy.md"
    accuracy_report.main(["--out", str(out)])
    page = out.read_text("utf-8")
    assert "Skipped" not in page
    assert "## Mapping Militants development rows" in page and "≥ 0.85" in page
    assert "## Real-news development excerpts" in page and "`<shared>/eval/news-dev.jsonl`" in page
    assert "- Hamas → Fatah: training (2018-01-25)" in page   # the article's missed events


def test_the_error_classes_stand_beside_the_stored_counts_of_the_commit_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIELINE_SHARED", str(shared_tree(tmp_path / "shared")))
    out = tmp_path / "accuracy.md"
    accuracy_report.main(["--out", str(out)])
    page = out.read_text("utf-8")
    assert "## Errors by class" in page and "on commit abc1234" in page
    # news-dev before / after, then Mapping Militants (nothing stored), then the article
    assert "| missed actor | gold organisations of a document | 6 | 4 | ? | 4 | ? | 4 |" in page
    assert "| false pair: two states | linked pairs | ? | 2 | ? | 2 | ? | 2 |" in page
    assert "| wrong direction | directed gold events found | – | – | ? | – | ? | – |" in page
    assert "| *pairs linked* | | – | 0 | ? | 0 | ? | 0 |" in page
    assert "lake union" not in page and "[missed actor] d1: lake union" in capsys.readouterr().out


def test_the_default_shared_folder_is_beside_the_repository(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIELINE_SHARED", raising=False)
    expected = accuracy_report.repository_root().parent / "shared"
    assert accuracy_report.shared_folder() == expected
