"""The error analysis of `make accuracy`: phenomena of missed relations, causes of false
pairs, and the counts by class. Every sentence and group here is invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tieline.actors.kb import KnowledgeBase
from tieline.evaluate.analysis.before import dump_before, load_before
from tieline.evaluate.analysis.classes import analyse_documents, analyse_news, analyse_rows
from tieline.evaluate.analysis.false_pairs import classify_false_pair
from tieline.evaluate.analysis.phenomena import classify_missed
from tieline.evaluate.gold import GoldActor, GoldDocument, GoldEvent, MmpRow, Problems
from tieline.evaluate.news_gold import parse_news_document
from tieline.evaluate.news_metrics import LinkedPair

LEGION, FRONT = ["Crescent Legion"], ["River Front"]


@pytest.mark.parametrize("text, cue, expected", [
    ("The Tehran-backed Crescent Legion grew.", None, "compound_modifier"),
    ("The Crescent Legion, which swore loyalty to the River Front in 2012, grew.", None,
     "relative_clause"),
    ("The Crescent Legion, the armed wing of the River Front, grew.", None, "apposition"),
    ("The Crescent Legion is part of the River Front.", None, "copula"),
    ("The Crescent Legion entered an umbrella group to battle the River Front.", None,
     "purpose_clause"),
    ("The Crescent Legion agreed to merge with the River Front.", None, "verb_clause"),
    ("Officials praised the River Front's support for the Crescent Legion.", None,
     "possessive"),
    ("Cooperation between the Crescent Legion and the River Front grew.", None,
     "relational_noun"),
    ("The war set the Crescent Legion against the army, the River Front and rival factions.",
     None, "list"),
    ("The Crescent Legion and the River Front clashed in May.", None, "verb_clause"),
    ("The Crescent Legion attacked the River Front.", None, "verb_clause"),
    ("The Crescent Legion grew. The group later attacked the River Front.",
     "The group later attacked the River Front", "cross_sentence"),
    ("The Crescent Legion grew quickly. Officials met in the capital.", None, "cross_sentence"),
])
def test_a_missed_relation_is_classified_by_the_structure_stating_it(
        text: str, cue: str | None, expected: str) -> None:
    names1 = ["Tehran"] if text.startswith("The Tehran") else LEGION
    names2 = LEGION if names1 == ["Tehran"] else FRONT
    assert classify_missed(text, cue, names1, names2) == expected


def test_a_reference_inside_the_cue_sentence_counts_as_a_reference() -> None:
    text = "The Crescent Legion met its allies, and the two groups fought the River Front."
    assert classify_missed(text, "the two groups fought the River Front", LEGION,
                           FRONT) == "cross_sentence"


def test_a_cue_shared_by_two_relations_is_a_list() -> None:
    text = "The Crescent Legion struck the River Front."
    assert classify_missed(text, text, LEGION, FRONT, shared_cue=True) == "list"


def actor(actor_id: str, name: str, kind: str = "armed_group",
          mentions: list[str] | None = None) -> dict[str, Any]:
    return {"id": actor_id, "name": name, "kind": kind, "aliases": [],
            "mentions": mentions or [name]}


def pair_of(first: dict[str, Any], second: dict[str, Any], sentence: str,
            said: tuple[str, str] | None = None) -> LinkedPair:
    source, target = said or (first["mentions"][0], second["mentions"][0])
    event = {"source": first["id"], "target": second["id"], "negated": False,
             "mentions": {"source": source, "target": target},
             "evidence": {"sentence": sentence}}
    return LinkedPair(first, second, (event,))


NO_KB = KnowledgeBase()


@pytest.mark.parametrize("first, second, sentence, expected", [
    (actor("om", "Oman", "state"), actor("qa", "Qatar", "state"),
     "Oman and Qatar discussed trade.", "two_states"),
    (actor("cl", "Crescent Legion"), actor("om", "Oman", "state"),
     "The Crescent Legion set up camps in northern Oman.", "country_as_place"),
    (actor("cl", "Crescent Legion"), actor("om", "Oman", "state"),
     "The Crescent Legion drew recruits from Qatar, Oman and beyond.", "country_as_place"),
    (actor("lu", "Lake Union"), actor("hc", "Hill Council"),
     "The Lake Union, the Hill Council and the Sun Front held rallies on Friday.",
     "listed_together"),
    (actor("lu", "Lake Union"), actor("hc", "Hill Council"),
     "The leader of the Lake Union praised the Hill Council's new school.", "person"),
    (actor("lu", "Lake Union"), actor("hc", "Hill Council"),
     "The Lake Union blamed the weather for the Hill Council's poor harvest.", "other"),
])
def test_a_false_pair_is_classified_by_its_cause(first: dict[str, Any], second: dict[str, Any],
                                                 sentence: str, expected: str) -> None:
    pair = pair_of(first, second, sentence)
    record = {"actors": [first, second]}
    assert classify_false_pair(pair, [("Sun Front", "Lake Union")], record,
                               kb=NO_KB) == expected


def test_one_group_under_two_names_is_a_group_paired_with_itself() -> None:
    first = actor("c1", "Crescent Legion's", mentions=["Crescent Legion's"])
    second = actor("c2", "Crescent Legion", mentions=["Crescent Legion", "both sides"])
    pair = pair_of(first, second, "The Crescent Legion's raid hurt both sides.",
                   ("Crescent Legion's", "both sides"))
    assert classify_false_pair(pair, [("Crescent Legion", "River Front")], {},
                               kb=NO_KB) == "same_group"


def test_a_piece_of_a_longer_name_is_told_from_the_actor_under_a_longer_name() -> None:
    hill = actor("hc", "Hill Council")
    sentence = "Fighters of Faith and Jihad clashed with the Hill Council."
    piece = actor("rj", "Red River Jihad", mentions=["Jihad"])
    assert classify_false_pair(pair_of(piece, hill, sentence), [("Faith and Jihad",
                               "Hill Council")], {}, kb=NO_KB) == "name_piece"
    sentence = "The Northern Delta Front shelled the Hill Council."
    own = actor("df", "Delta Front")
    assert classify_false_pair(pair_of(own, hill, sentence), [("Northern Delta Front",
                               "Hill Council")], {}, kb=NO_KB) == "name_mismatch"


def news_document() -> Any:
    record = {
        "id": "n1", "published": None,
        "text": "The Crescent Legion attacked the River Front in 2016. The Sun Front "
                "condemned the raid. The Lake Union and the Hill Council marched.",
        "gold": [
            {"group1": "Crescent Legion", "group2": "River Front", "type": "riv",
             "year": 2016, "cue": "The Crescent Legion attacked the River Front in 2016"},
            {"group1": "Sun Front", "group2": "Crescent Legion", "type": "riv", "year": None,
             "cue": "The Sun Front condemned the raid"},
            {"group1": "Star Guard", "group2": "River Front", "type": "all", "year": None,
             "cue": "The Crescent Legion attacked the River Front"}]}
    return parse_news_document(record, Problems())


def test_news_errors_are_counted_once_each() -> None:
    doc = news_document()
    first = "The Crescent Legion attacked the River Front in 2016."
    listed = "The Lake Union and the Hill Council marched."
    record = {"id": "n1",
              "actors": [actor("cl", "Crescent Legion"), actor("rf", "River Front"),
                         actor("sf", "Sun Front"), actor("lu", "Lake Union"),
                         actor("hc", "Hill Council")],
              "events": [{"source": "cl", "target": "rf", "crosswalk": {"mmp": "all"},
                          "date": {"start": "2015"}, "negated": False,
                          "mentions": {"source": "Crescent Legion", "target": "River Front"},
                          "evidence": {"sentence": first}},
                         {"source": "lu", "target": "hc", "crosswalk": {"mmp": "all"},
                          "negated": False,
                          "mentions": {"source": "Lake Union", "target": "Hill Council"},
                          "evidence": {"sentence": listed}}],
              "dyads": []}
    analysis = analyse_news([doc], [record])
    assert {k: analysis.value(k) for k in (
        "gold_relations", "found", "wrong_type", "year_stated", "wrong_date",
        "gold_organisations", "missed_actor", "lost_with_actor",
        "missed_relation.cross_sentence", "pairs_linked", "false_pair.listed_together",
        "wrong_direction")} == {
        "gold_relations": 3, "found": 1, "wrong_type": 1, "year_stated": 1, "wrong_date": 1,
        "gold_organisations": 4, "missed_actor": 1,       # the Star Guard
        "lost_with_actor": 1, "missed_relation.cross_sentence": 1,   # "the raid": no Legion
        "pairs_linked": 2, "false_pair.listed_together": 1,
        "wrong_direction": None}                          # news gold is undirected
    assert analysis.examples["missed_actor"] == ["n1: star guard"]


def test_rows_have_no_false_pairs_and_documents_count_direction() -> None:
    row = MmpRow(id="r1", text="The Crescent Legion is part of the River Front.",
                 group1="Crescent Legion", group2="River Front", type="aff", year=None)
    record = {"id": "r1", "actors": [actor("cl", "Crescent Legion"), actor("rf", "River Front")],
              "events": [], "dyads": []}
    rows = analyse_rows([row], [record])
    assert rows.value("missed_relation.copula") == 1 and rows.value("pairs_linked") is None
    doc = GoldDocument(
        id="d1", text="In 2014 the River Front armed the Crescent Legion.",
        actors=(GoldActor("River Front"), GoldActor("Crescent Legion")),
        events=(GoldEvent("River Front", "Crescent Legion", ("arms_transfer",), "cooperation",
                          cue="the River Front armed the Crescent Legion"),))
    reversed_event = {"source": "cl", "target": "rf", "type": "arms_transfer",
                      "evidence": {"sentence": doc.text}}
    documents = analyse_documents([doc], [{"id": "d1", "actors": record["actors"],
                                           "events": [reversed_event]}])
    assert documents.value("directed_found") == 1 and documents.value("wrong_direction") == 1


def test_stored_counts_round_trip_and_a_bad_file_is_refused(tmp_path: Path) -> None:
    analysis = analyse_rows([], [])
    analysis.add("missed_actor", count=3)
    path = tmp_path / "before.yaml"
    path.write_text(dump_before("abc1234", {"mmp-dev": analysis}), "utf-8")
    before = load_before(path)
    assert before is not None and before.commit == "abc1234"
    stored = before.sets["mmp-dev"]
    assert stored.value("missed_actor") == 3 and stored.value("wrong_type") == 0
    assert stored.value("false_pair.other") is None
    path.write_text("commit: abc\nsets: {mmp-dev: {missed_actors: 3}}\n", "utf-8")
    with pytest.raises(ValueError, match="sets.mmp-dev"):
        load_before(path)
    assert load_before(tmp_path / "absent.yaml") is None
