"""Scoring: how extracted events are paired with gold ones, and the figures that follow."""

from __future__ import annotations

from typing import Any

import pytest

from tieline.evaluate.gold import (
    GoldActor, GoldDate, GoldDocument, GoldEvent, MmpRow,
)
from tieline.evaluate.metrics import score_documents, score_rows

ACTORS = (GoldActor("Hamas", mentions=("Hamas", "the Palestinian group")),
          GoldActor("Wilayat Sinai", aliases=("Ansar Bayt al-Maqdis",)),
          GoldActor("Fatah"))


def gold_event(source: str, target: str, type: str, date: str | None = "2014", *,
               modality: str = "asserted", negated: bool = False, directed: bool = True,
               cue: str | None = None, polarity: str = "cooperation") -> GoldEvent:
    return GoldEvent(source, target, (type,), polarity, GoldDate(date) if date else None,
                     modality, negated, directed, cue)


def event(source: str, target: str, type: str, start: str | None = "2014", *,
          modality: str = "asserted", negated: bool = False,
          sentence: str = "Hamas helped Wilayat Sinai.") -> dict[str, Any]:
    return {"source": source, "target": target, "type": type, "date": {"start": start},
            "modality": modality, "negated": negated, "evidence": {"sentence": sentence},
            "crosswalk": {}}


RECORD_ACTORS = [{"id": "hamas", "name": "Hamas", "mentions": ["Hamas", "The Palestinian group"]},
                 {"id": "wilayat-sinai", "name": "Wilayat Sinai",
                  "aliases": ["Ansar Bayt al-Maqdis"], "mentions": ["ABM"]},
                 {"id": "israel", "name": "Israel"}]


def score(events: list[GoldEvent], predicted: list[dict[str, Any]]) -> Any:
    doc = GoldDocument("d1", "text", ACTORS, tuple(events))
    return score_documents([doc], [{"id": "d1", "actors": RECORD_ACTORS, "events": predicted}],
                           system="test")


def test_a_perfect_output_scores_one() -> None:
    result = score([gold_event("Hamas", "Wilayat Sinai", "training")],
                   [event("hamas", "wilayat-sinai", "training")])
    m = result.metrics
    assert (m["precision"], m["recall"], m["f1"], m["direction_acc"], m["year_acc_given_pair"]) \
        == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert [e.kind for e in result.errors] == ["missed_actor"]   # Fatah is not in the output
    assert m["actor_recall"] == pytest.approx(2 / 3)


def test_a_wrong_type_is_a_found_pair_but_a_false_positive_and_a_miss() -> None:
    result = score([gold_event("Hamas", "Wilayat Sinai", "training")],
                   [event("hamas", "wilayat-sinai", "financing")])
    m = result.metrics
    assert (m["pair_recall"], m["type_acc_given_pair"], m["precision"], m["recall"]) == (
        1.0, 0.0, 0.0, 0.0)
    assert result.confusion.get("training", "financing") == 1
    assert result.per_type["training"].fn == 1 and result.per_type["financing"].fp == 1
    assert "wrong_type" in [e.kind for e in result.errors]


def test_direction_modality_negation_and_date_are_checked_on_the_pair() -> None:
    result = score([gold_event("Hamas", "Wilayat Sinai", "training", "2014-06",
                               modality="reported", negated=True)],
                   [event("wilayat-sinai", "hamas", "training", "2014-02")])
    m = result.metrics
    assert m["recall"] == 1.0 and m["strict_f1"] == 0.0
    assert (m["direction_acc"], m["modality_acc"], m["hedge_acc"], m["negation_acc"]) == (
        0.0, 0.0, 0.0, 0.0)
    assert (m["year_acc_given_pair"], m["date_acc_given_pair"]) == (1.0, 0.0)
    kinds = {e.kind for e in result.errors}
    assert {"wrong_direction", "wrong_modality", "wrong_negation", "wrong_date"} <= kinds


def test_undirected_gold_events_accept_either_order() -> None:
    result = score([gold_event("Hamas", "Fatah", "armed_clash", directed=False,
                               polarity="conflict")],
                   [])
    assert result.metrics["recall"] == 0.0 and result.errors[0].kind == "missed"
    assert "actor not found: Fatah" in result.errors[0].predicted


def test_spurious_events_lower_precision_only() -> None:
    result = score([gold_event("Hamas", "Wilayat Sinai", "training")],
                   [event("hamas", "wilayat-sinai", "training"),
                    event("hamas", "israel", "armed_clash")])
    m = result.metrics
    assert (m["precision"], m["recall"]) == (0.5, 1.0)
    assert result.confusion.get("none", "armed_clash") == 1


def test_each_event_is_used_once_and_the_right_type_is_preferred() -> None:
    result = score([gold_event("Hamas", "Wilayat Sinai", "financing"),
                    gold_event("Hamas", "Wilayat Sinai", "training")],
                   [event("hamas", "wilayat-sinai", "training"),
                    event("hamas", "wilayat-sinai", "financing")])
    assert result.metrics["f1"] == 1.0


def test_a_cue_restricts_the_pairing_to_its_sentence() -> None:
    gold = [gold_event("Hamas", "Wilayat Sinai", "training",
                       cue="provided military training for Wilayat Sinai militants")]
    elsewhere = event("hamas", "wilayat-sinai", "training", sentence="Hamas trained them.")
    result = score(gold, [elsewhere])
    assert result.metrics["pair_recall"] == 0.0


def test_mentions_count_when_an_extracted_mention_holds_them() -> None:
    result = score([], [])
    assert result.counts["mentions_found"] == 2   # "Hamas", "the Palestinian group"


def row(type: str, year: int | None = 2006, text: str = "AQI merged in 2006.") -> MmpRow:
    return MmpRow("r1", text, "The Islamic State", "Mujahideen Shura Council", type, year)


MMP_ACTORS = [{"id": "islamic-state", "name": "The Islamic State", "aliases": ["AQI"]},
              {"id": "msc", "name": "Mujahideen Shura Council"}]


def mmp_record(dyads: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "r1", "actors": MMP_ACTORS, "dyads": dyads, "events": events}


def test_dyads_outvote_events_three_to_one() -> None:
    record = mmp_record([{"a": "islamic-state", "b": "msc", "crosswalk": {"mmp": "mer"},
                          "since": "2006"}],
                        [{"source": "islamic-state", "target": "msc", "crosswalk": {"mmp": "all"},
                          "date": {"start": "2005"}}] * 2)
    result = score_rows([row("mer")], [record], system="test")
    assert result.metrics["type_acc_given_pair"] == 1.0
    assert result.metrics["year_acc_given_pair"] == 0.0   # the earliest year is 2005
    assert result.errors[0].kind == "wrong_date"


def test_a_tie_goes_to_the_code_seen_first() -> None:
    record = mmp_record([], [{"source": "msc", "target": "islamic-state", "crosswalk": {"mmp": m}}
                             for m in ("all", "mer")])
    result = score_rows([row("mer")], [record], system="test")
    assert result.confusion.get("mer", "all") == 1


def test_a_missed_row_counts_as_type_none() -> None:
    result = score_rows([row("mer"), row("riv", None)], [mmp_record([], [])], system="test")
    m = result.metrics
    assert (m["pair_recall"], m["e2e_type_acc"], m["e2e_macro_f1"]) == (0.0, 0.0, 0.0)
    assert [e.kind for e in result.errors] == ["missed_pair", "missed_pair"]
