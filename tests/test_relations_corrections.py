"""Analysts' corrections: stored apart, never overwritten, always winning."""

from __future__ import annotations

import pytest

from tieline.errors import CorrectionError
from tieline.model import Correction
from tieline.relations.corrections import correct, parse_changes
from tieline.relations.dyad import dyad_timeline

A, B = "amber-lions", "cobalt-guard"


@pytest.fixture
def story(store, make_event, make_extraction):
    """Training in 2014 and a clash in 2017, one document."""
    store.add(make_extraction(make_event(A, B, "training", "2014", id="training"),
                              make_event(A, B, "armed_clash", "2017", id="clash"),
                              doc_id="article-1"))
    return store


def relations(store, kb):
    return [(s.period, s.relation) for s in dyad_timeline(store, kb, A, B).states]


def test_a_rejected_event_leaves_every_view(story, kb):
    correct(story, "clash", "reject", note="the clash was with another group")

    timeline = dyad_timeline(story, kb, A, B)

    assert [e.event.id for e in timeline.events] == ["training"]
    assert relations(story, kb) == [("2014", "tactical_alliance")]


def test_an_edit_changes_the_state_and_marks_the_event(story, kb):
    correct(story, "clash", "edit", {"type": "joint_operation"})

    timeline = dyad_timeline(story, kb, A, B)

    assert relations(story, kb) == [("2014", "tactical_alliance"), ("2017", "tactical_alliance")]
    edited = timeline.to_dict()["events"][1]
    assert (edited["type"], edited["polarity"], edited["corrected"]) == (
        "joint_operation", "cooperation", "edit")
    assert edited["crosswalk"]["plover"] == "COOPERATE"


def test_an_accepted_event_counts_with_full_confidence(story, kb):
    before = dyad_timeline(story, kb, A, B).states[0].confidence

    correct(story, "training", "accept")

    assert dyad_timeline(story, kb, A, B).states[0].confidence > before


def test_the_latest_correction_wins(story, kb):
    correct(story, "clash", "reject")
    correct(story, "clash", "accept")

    assert relations(story, kb)[-1] == ("2017", "violent_rivalry")


def test_an_edit_can_move_an_event_onto_the_pair(store, kb, make_event, make_extraction):
    store.add(make_extraction(make_event(A, "someone-else", "crackdown", "2017", id="raid"),
                              doc_id="article-2"))

    correct(store, "raid", "edit", {"target": B})

    assert relations(store, kb) == [("2017", "violent_rivalry")]


def test_an_edited_date_moves_the_event_to_its_period(story, kb):
    correct(story, "clash", "edit", {"date_start": "2018-01"})

    assert relations(story, kb)[-1] == ("2018", "violent_rivalry")


def test_corrections_survive_adding_the_document_again(story, kb, make_event, make_extraction):
    correct(story, "clash", "reject")
    # Re-extraction produces the same event ids for the same document: still rejected.
    story.add(make_extraction(make_event(A, B, "armed_clash", "2017", id="clash"),
                              doc_id="article-1"))

    assert ("2017", "violent_rivalry") not in relations(story, kb)


def test_corrections_are_kept_apart_from_the_machines_rows(story):
    correct(story, "clash", "edit", {"type": "threat"}, analyst="ana")

    (stored,) = story.find_events("clash")
    assert stored.event.type == "armed_clash"
    assert story.corrections()[("article-1", "clash")].analyst == "ana"


@pytest.mark.parametrize("event_id, action, changes, message", [
    ("nope", "reject", {}, "no stored event has id 'nope'"),
    ("clash", "delete", {}, "unknown correction 'delete'"),
    ("clash", "edit", {}, "an edit needs at least one changed field"),
    ("clash", "edit", {"evidence": "x"}, "cannot edit evidence"),
    ("clash", "edit", {"type": "hug"}, "unknown event type 'hug'"),
    ("clash", "edit", {"date_start": "last year"}, "date_start must be YYYY"),
    ("clash", "reject", {"type": "threat"}, "changes no fields"),
])
def test_bad_corrections_are_refused_with_a_reason(story, event_id, action, changes, message):
    with pytest.raises(CorrectionError, match=message):
        correct(story, event_id, action, changes)
    assert story.corrections() == {}


def test_an_id_in_two_documents_needs_the_document(store, make_event, make_extraction):
    for doc in ("d1", "d2"):
        store.add(make_extraction(make_event(A, B, "training", "2014", id="same"), doc_id=doc))

    with pytest.raises(CorrectionError, match="several documents: d1, d2"):
        correct(store, "same", "reject")
    assert correct(store, "same", "reject", document="d2").document == "d2"


def test_command_line_changes_are_parsed_and_checked():
    assert parse_changes(["modality=alleged", "negated=yes"]) == {"modality": "alleged",
                                                                  "negated": True}
    with pytest.raises(CorrectionError, match="not FIELD=VALUE"):
        parse_changes(["crackdown"])


def test_a_correction_converts_to_a_dict():
    assert Correction("d", "e", "reject").to_dict()["action"] == "reject"
