"""Dyad states per period and the transitions between them."""

from __future__ import annotations

import math

import pytest

from tieline.events.ontology import load_ontology
from tieline.model import DateInterval
from tieline.relations.states import dyad_states, placements, transitions

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

    # clash 1.5 × extractor confidence 0.8 × recency of a whole-year date 0.5 ** 0.5
    assert one.confidence == pytest.approx(1 - math.exp(-1.5 * 0.8 * 0.5 ** 0.5))
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

    assert states[0].to_dict() == {"period": "2014", "relation": "tactical_alliance",
                                   "polarity": "cooperation",
                                   "confidence": round(states[0].confidence, 3),
                                   "events": ["t"]}
    assert states[0].to_dict(detail=True)["crosswalk"]["mmp"] == "all"
    assert transitions(states)[0].to_dict() == {"period": "2015", "from": "tactical_alliance",
                                                "to": "violent_rivalry", "events": ["c"]}
    assert transitions(states)[0].to_dict(detail=True)["polarity_to"] == "conflict"


# -- independent sources, negation, recency, date basis -----------------------------

WIRE = ("Amber Lions fighters crossed the border on Tuesday and trained Cobalt Guard "
        "recruits in the camps near the river, officials said.")


def test_copies_of_one_story_count_once(make_event):
    one = states_of(make_event(A, B, "training", "2016", sentence=WIRE))
    copies = states_of(*[make_event(A, B, "training", "2016", sentence=WIRE.replace(
        "officials said", f"outlet {n} reported")) for n in range(30)])

    assert copies[0].weight == pytest.approx(one[0].weight)
    assert (copies[0].sources, len(copies[0].events)) == (1, 30)


def test_independent_reports_add_up(make_event):
    (one,) = states_of(make_event(A, B, "training", "2016"))
    (three,) = states_of(*[make_event(A, B, "training", "2016") for _ in range(3)])

    assert three.sources == 3
    assert three.weight == pytest.approx(3 * one.weight)


def test_copies_outweighed_by_independent_reports(make_event):
    wire = [make_event(A, B, "training", "2016", sentence=WIRE) for _ in range(10)]
    clashes = [make_event(A, B, "armed_clash", "2016") for _ in range(2)]

    (state,) = states_of(*wire, *clashes)

    assert state.relation == "violent_rivalry"


def test_a_denial_weighs_against_the_claim_it_denies(make_event):
    (claimed,) = states_of(make_event(A, B, "training", "2016"),
                           make_event(A, B, "rhetorical_support", "2016"))
    (denied,) = states_of(make_event(A, B, "training", "2016"),
                          make_event(A, B, "training", "2016", negated=True, id="denial"),
                          make_event(A, B, "rhetorical_support", "2016"))

    assert claimed.relation == "tactical_alliance"
    assert denied.relation == "rhetorical_support"
    assert denied.denied == {"tactical_alliance": ["denial"]}


def test_late_events_in_a_period_count_more(make_event):
    (state,) = states_of(make_event(A, B, "joint_operation", "2017-01-10"),
                         make_event(A, B, "armed_clash", "2017-12-20"))
    (reversed_order,) = states_of(make_event(A, B, "armed_clash", "2017-01-10"),
                                  make_event(A, B, "joint_operation", "2017-12-20"))

    # Same types, same weights: only their order within the year differs.
    assert state.relation == "violent_rivalry"
    assert reversed_order.relation == "tactical_alliance"


def test_a_date_stated_in_the_sentence_beats_the_publication_date(make_event):
    dated = make_event(A, B, "training", "2016-06")
    guessed = make_event(A, B, "armed_clash", "2016-06")
    guessed.date = DateInterval("2016-06", None, "", "published")

    (state,) = states_of(dated, guessed)

    # training 1.2 × 1.0 beats clash 1.5 × 0.6
    assert state.relation == "tactical_alliance"


def test_a_long_interval_counts_in_every_period_it_covers(make_event):
    span = make_event(A, B, "training", "2013-07", id="span")
    span.date = DateInterval("2013-07", "2016", "from July 2013 to 2016", "sentence")
    (single,) = states_of(make_event(A, B, "training", "2014"))

    states = states_of(span)

    assert [s.period for s in states] == ["2013", "2014", "2015", "2016"]
    assert all(s.events == ["span"] for s in states)
    assert states[1].weight == pytest.approx(single.weight)


@pytest.mark.parametrize("date, period, expected", [
    (DateInterval("2014"), "year", [("2014", 0.5)]),
    (DateInterval("2014-03-01"), "month", [("2014-03", pytest.approx(0.0167, abs=1e-3))]),
    (DateInterval("2014", "2015"), "year", [("2014", 0.5), ("2015", 0.5)]),
    (DateInterval("2014-11", "2015-01"), "month", [("2014-11", 0.5), ("2014-12", 0.5),
                                                   ("2015-01", 0.5)]),
    (DateInterval("2014"), "month", []),
    (DateInterval(None), "year", []),
])
def test_placements(date, period, expected):
    assert placements(date, period) == expected


# -- transitions ---------------------------------------------------------------------

def story(make_event):
    """Cooperation through 2016, a breakdown in 2017, open conflict in 2018."""
    return states_of(
        make_event(A, B, "smuggling_trade", "2012", id="smuggling"),
        make_event(A, B, "training", "2014", id="training"),
        make_event(A, B, "medical_aid", "2016", id="medical"),
        make_event(B, A, "denunciation", "2016-02", id="letter"),
        make_event(A, B, "defection", "2017", id="defection"),
        make_event(B, A, "assassination_execution", "2018-01", id="execution"),
        make_event(B, A, "threat", "2018-01", id="threat"),
    )


def test_a_slide_through_several_periods_is_one_turning_point(make_event):
    found = transitions(story(make_event))

    assert [(t.period, t.relation_from, t.relation_to) for t in found] == [
        ("2014", "transactional", "tactical_alliance"),
        ("2017/2018", "tactical_alliance", "violent_rivalry"),
    ]
    assert (found[1].period_from, found[1].via, found[1].period_to) == ("2016", ["2017"], "2018")


def test_a_turning_point_lists_the_events_that_drove_it_early_signs_included(make_event):
    fall = transitions(story(make_event))[1]

    assert fall.events == ["letter", "defection", "execution", "threat"]


def test_a_denial_of_the_old_relation_drives_the_change(make_event):
    states = states_of(make_event(A, B, "training", "2014", id="training"),
                       make_event(A, B, "training", "2015", id="denial", negated=True),
                       make_event(A, B, "threat", "2015", id="threat"))

    (change,) = transitions(states)

    assert change.events == ["denial", "threat"]


def test_a_reversal_is_two_turning_points(make_event):
    states = states_of(make_event(A, B, "training", "2014"),
                       make_event(A, B, "armed_clash", "2015"),
                       make_event(A, B, "agreement", "2016"))

    assert [(t.relation_from, t.relation_to) for t in transitions(states)] == [
        ("tactical_alliance", "violent_rivalry"), ("violent_rivalry", "strategic_alliance")]


def test_bigger_and_surer_changes_are_more_significant(make_event):
    small = transitions(states_of(make_event(A, B, "training", "2014"),
                                  make_event(A, B, "smuggling_trade", "2015")))[0]
    big = transitions(states_of(make_event(A, B, "training", "2014"),
                                make_event(A, B, "armed_clash", "2015")))[0]

    assert 0 < small.significance < big.significance


def test_the_next_period_holding_the_new_relation_confirms_the_turning_point(make_event):
    states = states_of(make_event(A, B, "training", "2016", id="training"),
                       make_event(A, B, "crackdown", "2017", id="crackdown"),
                       make_event(B, A, "assassination_execution", "2018-01", id="execution"),
                       make_event(B, A, "armed_clash", "2020", id="later"))

    (fall,) = transitions(states)

    assert (fall.period_to, fall.confirmed, fall.period) == ("2017", "2018", "2017/2018")
    assert fall.events == ["crackdown", "execution"]


def test_a_gap_after_the_change_confirms_nothing(make_event):
    states = states_of(make_event(A, B, "training", "2016"),
                       make_event(A, B, "crackdown", "2017", id="crackdown"),
                       make_event(A, B, "armed_clash", "2019"))

    (fall,) = transitions(states)

    assert (fall.confirmed, fall.period, fall.events) == (None, "2017", ["crackdown"])


def test_cooperation_of_a_lower_rank_does_not_drive_a_fall_into_conflict(make_event):
    states = states_of(make_event(A, B, "training", "2016"),
                       make_event(A, B, "armed_clash", "2017", id="clash"),
                       make_event(A, B, "smuggling_trade", "2017", id="smuggling"))
    downgrade = states_of(make_event(A, B, "training", "2016"),
                          make_event(A, B, "smuggling_trade", "2017", id="smuggling"))

    assert transitions(states)[0].events == ["clash"]
    assert transitions(downgrade)[0].events == ["smuggling"]
