"""`tieline eval` on the real-news format: every relation a text states, and pair precision.

The fixture is invented (groups and sentences written for this test); the expected
figures are worked out by hand in the comments.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tieline.cli import main
from tieline.errors import GoldFormatError
from tieline.evaluate.files import load_gold

NEWS = [
    {"id": "n1", "url": "https://example.org/1", "published": "2019-03-02",
     "text": "The Red Hand Brigade clashed with the Valley Guard in 2017. Later the Red Hand "
             "Brigade pledged allegiance to the Northern Front, officials in Port Amar said.",
     "gold": [
         {"group1": "Red Hand Brigade", "group2": "Valley Guard", "polarity": "conflict",
          "type": "riv", "year": 2017, "modality": "asserted",
          "cue": "The Red Hand Brigade clashed with the Valley Guard in 2017"},
         {"group1": "Red Hand Brigade", "group2": "Northern Front", "polarity": "structural",
          "type": "aff", "year": None, "modality": "reported",
          "cue": "pledged allegiance to the Northern Front"}]},
    {"id": "n2", "url": "https://example.org/2", "published": None,
     "text": "Sons of the Delta, a splinter of the Coastal Army, was formed in 2015. "
             "Government troops raided camps of Sons of the Delta in 2018.",
     "gold": [
         {"group1": "Sons of the Delta", "group2": "Coastal Army", "polarity": "structural",
          "type": "spl", "year": 2015, "modality": "asserted",
          "cue": "Sons of the Delta, a splinter of the Coastal Army"},
         {"group1": "Government troops", "group2": "Sons of the Delta", "polarity": "conflict",
          "type": "riv", "year": 2018, "modality": "asserted",
          "cue": "Government troops raided camps of Sons of the Delta in 2018"}],
     "added": [{"group1": "Coastal Army", "group2": "Government troops"}]},
    {"id": "n3", "url": "https://example.org/3", "published": None,
     "text": "Delegates of the Lake Union and the Hill Council attended a fair.", "gold": []},
]


def actor(actor_id: str, name: str) -> dict[str, Any]:
    return {"id": actor_id, "name": name, "kind": "armed_group", "aliases": [],
            "mentions": [name]}


def link(source: str, target: str, code: str, year: int | None = None,
         negated: bool = False) -> dict[str, Any]:
    return {"source": source, "target": target, "type": "x", "negated": negated,
            "date": {"start": f"{year}-06" if year else None},
            "crosswalk": {"mmp": code}, "evidence": {"sentence": "..."}}


RECORDS = [
    {"id": "n1",
     "actors": [actor("rhb", "Red Hand Brigade"), actor("vg", "Valley Guards"),
                actor("nf", "Northern Front"), actor("pa", "Port Amar")],
     "events": [link("rhb", "vg", "riv", 2016), link("vg", "rhb", "all", 2017),
                link("rhb", "nf", "all"),
                link("rhb", "pa", "riv"),                     # a pair no gold relation names
                link("vg", "nf", "riv", negated=True)],       # negated: links nothing
     "dyads": [{"a": "vg", "b": "rhb", "crosswalk": {"mmp": "riv"}, "since": "2016"}]},
    {"id": "n2",
     "actors": [actor("sod", "Sons of the Delta"), actor("ca", "Coastal Army"),
                actor("gt", "Government troops")],
     "events": [link("sod", "ca", "spl", 2015),
                link("gt", "ca", "riv")],                     # named by "added" only
     "dyads": []},
    {"id": "n3", "actors": [actor("lu", "Lake Union"), actor("hc", "Hill Council")],
     "events": [link("lu", "hc", "all")], "dyads": []},
]

# By hand, relation by relation (n1#0, n1#1, n2#0, n2#1):
# n1#0 linked by a dyad (riv, 3 votes) and two events (riv 1, all 1): riv, right; years
#      2016, 2016, 2017: earliest 2016, wrong; no link is (riv, 2017).
# n1#1 linked by one event coded all: wrong type; no link carries aff.
# n2#0 one event spl 2015: right type, right year.
# n2#1 not linked (the output has no event between the troops and Sons of the Delta).
EXPECTED = {
    "n": 4, "pair_recall": 3 / 4, "type_acc_given_pair": 2 / 3,
    "year_acc_given_pair": 1 / 2,             # found: the texts state 2017 and 2015
    "e2e_type_acc": 2 / 4,                    # riv, all, spl, none against riv, aff, spl, riv
    "e2e_macro_f1": (2 / 3 + 0.0 + 1.0) / 3,  # riv P 1 R 1/2; aff 0; spl 1
    "any_type_recall": 2 / 4,
    "typed_year_recall": 1 / 3,               # 2017, 2015 and 2018 stated; only n2#0's carried
    "pairs_linked": 6,                        # rhb-vg, rhb-nf, rhb-pa; sod-ca, gt-ca; lu-hc
    "pair_precision": 4 / 6,                  # rhb-pa and lu-hc are named by no relation
    "documents": 3,
}


def write(tmp_path: Path) -> tuple[str, str]:
    gold, pred = tmp_path / "news.jsonl", tmp_path / "out.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in NEWS), "utf-8")
    pred.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-8")
    return str(gold), str(pred)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_news_records_are_recognised_and_scored_as_worked_out_by_hand(tmp_path: Path) -> None:
    gold, pred = write(tmp_path)
    code, out, _ = run("eval", gold, "--pred", pred, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["format"] == "news"
    assert {k: report[k] for k in EXPECTED} == pytest.approx(EXPECTED)
    assert report["counts"]["pairs_right"] == 4
    assert (report["counts"]["typed_year"], report["counts"]["year_stated_all"]) == (1, 3)
    false = [e for e in report["errors"] if e["kind"] == "false_pair"]
    assert [e["document"] for e in false] == ["n1", "n3"]
    kinds = {(e["kind"], e["document"]) for e in report["errors"]}
    assert {("wrong_date", "n1#0"), ("wrong_type", "n1#1"), ("missed_pair", "n2#1")} <= kinds


def test_exact_names_drops_near_spellings_as_the_scorer_without_rapidfuzz(
        tmp_path: Path) -> None:
    gold, pred = write(tmp_path)
    code, out, _ = run("eval", gold, "--pred", pred, "--format", "json", "--exact-names")
    report = json.loads(out)
    # "Valley Guards" no longer answers to "Valley Guard": n1#0 is missed and its pair false.
    assert code == 0 and report["pair_recall"] == 2 / 4
    assert report["pair_precision"] == pytest.approx(3 / 6)


def test_the_text_report_counts_each_figure(tmp_path: Path) -> None:
    gold, pred = write(tmp_path)
    code, out, _ = run("eval", gold, "--pred", pred)
    assert code == 0 and "(news records, 4)" in out
    assert "pair_precision           0.67        4/6" in out
    assert "typed_year_recall        0.33        1/3" in out
    assert "[false_pair] n3" in out and "[missed_pair] n2#1" in out


def test_the_format_can_be_given_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    gold, pred = write(tmp_path)
    assert load_gold(gold, "news").format == "news"
    code, _, err = run("eval", gold, "--pred", pred, "--gold-format", "mmp")
    assert code == 2 and f"{gold}:1: this record is not a Mapping Militants row" in err


def test_bad_news_records_are_refused_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    bad = {**NEWS[0], "gold": [{"group1": "Red Hand Brigade", "type": "ally", "year": "2017"}]}
    path.write_text(json.dumps(NEWS[1]) + "\n" + json.dumps(bad) + "\n"
                    + json.dumps({"id": "n9", "text": "x", "gold": [], "gold_extra": 1}) + "\n",
                    "utf-8")
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    problems = caught.value.problems
    assert f"{path}:2: gold[0].group2: missing (a non-empty string is required)" in problems
    assert any(p.startswith(f"{path}:2: gold[0].type: 'ally' is not one of") for p in problems)
    assert f"{path}:2: gold[0].year: must be a whole number or null, not '2017'" in problems
    assert any(p.startswith(f"{path}:3: unknown keys ['gold_extra']") for p in problems)


def test_eval_extracts_news_texts_itself(tmp_path: Path) -> None:
    gold, _ = write(tmp_path)
    code, out, _ = run("eval", gold, "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["system"] == "tieline" and report["documents"] == 3
