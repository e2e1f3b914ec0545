"""Dyad states per period and the transitions between them."""

from __future__ import annotations

import math

import pytest

from tieline.events.ontology import load_ontology
from tieline.relations.states import dyad_states, transitions

ONTOLOGY = load_ontology()
A, B = "amber-lions", "cobalt-guard"


def states_of(*events, period="year"):
    return dyad_states(list(events), ONTOLOGY, period)


def test_an_event_sets_the_state_of_its_year(make_event):
    (state,) = states_of(make_event(A, B, "training", "2014-07-03", id="t1"))

    assert (state.a, state.b, state.period) == (A, B, "2014")
    assert (state.relation, state.polarity, state.events) == ("tactical_alliance",
                                                             "cooperation", ["t1"])


def test_each_year_gets_its_own_state(make_event):
    states = states_of(make_event(A, B, "training", "2014"),
                       make_event(A, B, "armed_clash", "2017"))

    assert [(s.period, s.relation) for s in states] == [("2014", "tactical_alliance"),
                                                        ("2017", "violent_rivalry")]


@pytest.mark.parametrize("training_modalities, expected", [
    # one asserted threat pulls 1.0 towards rhetorical rivalry; training weighs 1.2
    (["asserted"], "tactical_alliance"),                 # 1.2 > 1.0
    (["reported"], "rhetorical_rivalry"),                # 0.84 < 1.0
    (["alleged", "alleged"], "tactical_alliance"),       # 0.6 + 0.6 > 1.0
    (["speculative", "speculative"], "rhetorical_rivalry"),  # 0.84 < 1.0
])
def test_hedged_events_weigh_less(make_event, training_modalities, expected):
    threat = make_event(B, A, "threat", "2016")
    trainings = [make_event(A, B, "training", "2016", modality=m) for m in training_modalities]

    (state,) = states_of(threat, *trainings)

    assert state.relation == expected


def test_a_negated_event_counts_nothing_and_is_evidence_against(make_event):
    denied = make_event(A, B, "arms_transfer", "2015", negated=True, id="denied")
    speech = make_event(A, B, "rhetorical_support", "2015", id="speech")

    (state,) = states_of(denied, speech)

    assert state.relation == "rhetorical_support"
    assert state.against == ["denied"]
    assert state.events == ["denied", "speech"]


def test_a_period_with_only_negated_events_has_no_relation(make_event):
    (state,) = states_of(make_event(A, B, "training", "2015", negated=True))

    assert (state.relation, state.polarity, state.confidence) == ("none", "none", 0.0)


def test_equal_weights_go_to_the_stronger_rank(make_event):
    # arms transfer (transactional, rank 1) and logistics (tactical alliance, rank 2)
    # both weigh 1.0.
    (state,) = states_of(make_event(A, B, "arms_transfer", "2014"),
                         make_event(A, B, "logistics", "2014"))

    assert state.relation == "tactical_alliance"


def test_cooperation_and_conflict_together_are_mixed(make_event):
    (state,) = states_of(make_event(A, B, "smuggling_trade", "2016"),
                         make_event(B, A, "crackdown", "2016"))

    assert state.polarity == "mixed"


def test_a_minor_contrary_event_does_not_make_a_period_mixed(make_event):
    (state,) = states_of(make_event(A, B, "armed_clash", "2018"),
                         make_event(A, B, "armed_clash", "2018"),
                         make_event(A, B, "rhetorical_support", "2018"))

    assert (state.relation, state.polarity) == ("violent_rivalry", "conflict")


def test_confidence_grows_with_weight(make_event):
    (one,) = states_of(make_event(A, B, "armed_clash", "2018"))
    (two,) = states_of(make_event(A, B, "armed_clash", "2018"),
                       make_event(A, B, "armed_clash", "2018"))

    assert one.confidence == pytest.approx(1 - math.exp(-1.5))
    assert one.confidence < two.confidence < 1


def test_the_pair_is_the_same_whichever_side_acts(make_event):
    (state,) = states_of(make_event(B, A, "training", "2014"),
                         make_event(A, B, "financing", "2014"))

    assert (state.a, state.b, len(state.events)) == (A, B, 2)


def test_undated_events_are_placed_in_no_period(make_event):
    assert states_of(make_event(A, B, "training", None)) == []


def test_months_split_a_year_and_leave_year_only_dates_unplaced(make_event):
    states = states_of(make_event(A, B, "training", "2014-03-02"),
                       make_event(A, B, "armed_clash", "2014-11"),
                       make_event(A, B, "threat", "2014"),
                       period="month")

    assert [(s.period, s.relation) for s in states] == [("2014-03", "tactical_alliance"),
                                                        ("2014-11", "violent_rivalry")]


def test_a_change_of_relation_is_a_transition_with_the_new_periods_events(make_event):
    states = states_of(make_event(A, B, "smuggling_trade", "2012"),
                       make_event(A, B, "training", "2014"),
                       make_event(A, B, "sanctuary", "2015"),
                       make_event(B, A, "assassination_execution", "2018", id="execution"))

    found = transitions(states)

    assert [(t.period_from, t.period_to, t.relation_from, t.relation_to) for t in found] == [
        ("2012", "2014", "transactional", "tactical_alliance"),
        ("2015", "2018", "tactical_alliance", "violent_rivalry"),
    ]
    assert found[1].events == ["execution"]
    assert found[1].shift == -4.0


def test_an_unchanged_relation_is_no_transition(make_event):
    states = states_of(make_event(A, B, "training", "2014"),
                       make_event(A, B, "sanctuary", "2015"))

    assert transitions(states) == []


def test_a_period_of_denials_is_no_turning_point(make_event):
    states = states_of(make_event(A, B, "training", "2014"),
                       make_event(A, B, "training", "2015", negated=True),
                       make_event(A, B, "armed_clash", "2016"))

    assert [(t.period_from, t.period_to) for t in transitions(states)] == [("2014", "2016")]


def test_states_and_transitions_convert_to_dicts(make_event):
    states = states_of(make_event(A, B, "training", "2014", id="t"),
                       make_event(A, B, "armed_clash", "2015", id="c"))

    assert states[0].to_dict()["crosswalk"]["mmp"] == "all"
    assert transitions(states)[0].to_dict()["to"] == {"period": "2015",
                                                      "relation": "violent_rivalry",
                                                      "polarity": "conflict"}
