"""The spaCy co-occurrence reference: entities in one sentence, typed by keywords."""

from __future__ import annotations

import pytest

from tieline.evaluate.baseline import CooccurrenceBaseline, load_keyword_rules
from tieline.model import Document


@pytest.mark.parametrize("sentence, expected", [
    ("The group pledged allegiance to its rival.", "allegiance"),
    ("The two groups merged last year.", "merger"),
    ("Fighters clashed near the border.", "armed_clash"),
    ("Instructors trained the recruits.", "training"),
    ("The leaders met in secret.", "agreement"),      # no keyword: the default
])
def test_the_first_matching_keyword_rule_types_the_sentence(sentence: str,
                                                            expected: str) -> None:
    assert load_keyword_rules().type_of(sentence) == expected


def test_two_organizations_in_a_sentence_make_an_event() -> None:
    record = CooccurrenceBaseline().extract(Document(
        id="d", text="In 2009, Hamas fought Fatah in Gaza. Nothing else happened."))
    pairs = {(e["source"], e["target"], e["type"], e["date"]["start"]) for e in record["events"]}
    assert ("hamas", "fatah", "armed_clash", "2009") in pairs
    assert all(e["modality"] == "asserted" and not e["negated"] for e in record["events"])
    assert {a["name"] for a in record["actors"]} >= {"Hamas", "Fatah"}
