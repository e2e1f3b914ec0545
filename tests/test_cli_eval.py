"""`tieline eval`: reports in text, JSON and HTML; malformed gold files refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tieline.cli import main

GOLD_DOC = {"id": "d1", "published": "2009-10-03",
            "text": "In 2009, al-Shabaab clashed with Hizbul Islam in Kismayo.",
            "actors": [{"name": "al-Shabaab", "mentions": ["al-Shabaab"]},
                       {"name": "Hizbul Islam", "mentions": ["Hizbul Islam"]}],
            "events": [{"source": "al-Shabaab", "target": "Hizbul Islam", "type": "armed_clash",
                        "date": "2009"}]}
PREDICTION = {"id": "d1",
              "actors": [{"id": "al-shabaab", "name": "Al Shabaab", "mentions": ["al-Shabaab"]},
                         {"id": "hizbul-islam", "name": "Hizbul Islam",
                          "mentions": ["Hizbul Islam"]}],
              "events": [{"source": "al-shabaab", "target": "hizbul-islam", "type": "training",
                          "date": {"start": "2009"}, "modality": "asserted",
                          "evidence": {"sentence": "<b>In 2009</b> al-Shabaab trained..."}}],
              "dyads": []}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def files(tmp_path: Path) -> tuple[str, str]:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "out.jsonl"
    gold.write_text(json.dumps(GOLD_DOC) + "\n", "utf-8")
    pred.write_text(json.dumps(PREDICTION) + "\n", "utf-8")
    return str(gold), str(pred)


def test_json_report_uses_the_shared_scorer_key_names(tmp_path: Path) -> None:
    gold, pred = files(tmp_path)
    code, out, _ = run("eval", gold, "--pred", pred, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert {"pair_recall", "type_acc_given_pair", "year_acc_given_pair", "e2e_macro_f1",
            "precision", "recall", "f1", "direction_acc", "modality_acc", "confusion",
            "per_type", "errors"} <= set(report)
    assert (report["pair_recall"], report["type_acc_given_pair"]) == (1.0, 0.0)
    assert report["confusion"]["labels"] == ["armed_clash", "training"]
    assert report["errors"][0]["kind"] == "wrong_type"


def test_text_report_lists_each_error_with_its_evidence(tmp_path: Path) -> None:
    gold, pred = files(tmp_path)
    code, out, _ = run("eval", gold, "--pred", pred)
    assert code == 0
    assert "type_acc_given_pair" in out and "Confusion matrix" in out
    assert "[wrong_type] d1" in out and "al-Shabaab trained" in out


def test_html_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    gold, pred = files(tmp_path)
    page = tmp_path / "report.html"
    code, _, _ = run("eval", gold, "--pred", pred, "--html", str(page), "--format", "json")
    assert code == 0
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert "http://" not in html and "https://" not in html
    assert "&lt;b&gt;In 2009&lt;/b&gt;" in html and "<b>In 2009" not in html


def test_eval_extracts_the_gold_texts_itself_without_predictions(tmp_path: Path) -> None:
    gold, _ = files(tmp_path)
    code, out, _ = run("eval", gold, "--format", "json")
    assert code == 0 and json.loads(out)["system"] == "tieline"


def test_a_malformed_gold_file_is_refused_with_its_lines(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    broken = {**GOLD_DOC, "events": [{**GOLD_DOC["events"][0], "type": "fight"}]}
    gold.write_text(json.dumps(GOLD_DOC | {"id": "ok"}) + "\n" + json.dumps(broken) + "\n",
                    "utf-8")
    code, out, err = run("eval", str(gold))
    assert code == 2 and out == ""
    assert f"{gold}:2: events[0].type: 'fight' is not a type" in err
    assert "Traceback" not in err


def test_eval_has_help() -> None:
    code, out, _ = run("eval", "--help")
    assert code == 0 and "--pred" in out and "docs/gold-format.md" in out
