"""What a sentence asserts: conditions, unreal pasts, open questions, statements about
kinds of groups, "respectively" lists, and acts only wanted, asked for, agreed, talked
about, attempted or threatened (tieline/events/mood.py); how sure it is of what it does
assert, and whether it denies it (tieline/events/modality.py).

Every sentence is made up for the test; each states (or does not state) one thing.
"""

from __future__ import annotations

import pytest

from tieline.errors import OntologyError
from tieline.events.lexicon import load_hedges
from tieline.events.mood import load_mood, mood_lexicon
from tieline.model import Document, Event
from tieline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def extract(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(Document(id="t", text=text)).events


def found(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.type, e.target) for e in extract(pipeline, text)}


def pairs(pipeline: Pipeline, text: str) -> set[frozenset[str]]:
    return {frozenset((e.source, e.target)) for e in extract(pipeline, text)}


# -- nothing is said to have happened ----------------------------------------------------
@pytest.mark.parametrize("text", [
    # a condition, and what it conditions
    "If Hamas attacks Fatah, Hezbollah will respond.",
    "In case Hamas attacks Fatah, Hezbollah will intervene.",
    "Hamas will fight Fatah unless Hezbollah withdraws.",
    "Had Hamas joined Fatah, Israel would have responded.",
    # an unreal past
    "Hamas would have attacked Fatah had Israel not intervened.",
    "Hamas could have joined Fatah had Israel not intervened.",
    # an open question inside a statement
    "It is unclear whether Hamas funded Fatah.",
])
def test_a_condition_an_unreal_past_or_an_open_question_makes_no_event(
        pipeline: Pipeline, text: str) -> None:
    assert found(pipeline, text) == set()


@pytest.mark.parametrize("text", [
    "Militant groups like Hamas and Fatah tend to cooperate with Hezbollah.",
    "Such groups, including Hamas, often fight Fatah.",
    "Jihadist groups like Hamas typically attack Fatah.",
])
def test_a_statement_about_a_kind_of_group_says_nothing_of_its_examples(
        pipeline: Pipeline, text: str) -> None:
    assert found(pipeline, text) == set()


@pytest.mark.parametrize("text, event", [
    # what groups of a kind did once is an event of the groups named
    ("Jihadist groups like Hamas attacked Fatah in 2010.", ("hamas", "bombing_attack", "fatah")),
    # the fighters of a named group are the group, not a kind
    ("Hamas fighters often attack Fatah.", ("hamas", "bombing_attack", "fatah")),
])
def test_what_particular_groups_do_is_still_an_event(pipeline: Pipeline, text: str,
                                                     event: tuple[str, str, str]) -> None:
    assert event in found(pipeline, text)


def test_respectively_pairs_two_lists_in_order(pipeline: Pipeline) -> None:
    text = "Hamas and Fatah fought Hezbollah and al-Qaeda respectively."

    assert pairs(pipeline, text) == {frozenset(("hamas", "hezbollah")),
                                     frozenset(("fatah", "al-qaeda"))}


def test_respectively_reaches_only_its_own_clause(pipeline: Pipeline) -> None:
    text = ("The deployment followed talks between Hamas and Fatah, which back Hezbollah and "
            "al-Qaeda respectively.")

    assert pairs(pipeline, text) == {frozenset(("hamas", "fatah")), frozenset(("hamas", "hezbollah")),
                                     frozenset(("fatah", "al-qaeda"))}


def test_respectively_over_dates_keeps_the_pairs_but_not_a_joint_act(pipeline: Pipeline) -> None:
    text = "Hamas and Fatah attacked Hezbollah in 2010 and 2012 respectively."

    assert pairs(pipeline, text) == {frozenset(("hamas", "hezbollah")),
                                     frozenset(("fatah", "hezbollah"))}


@pytest.mark.parametrize("text", [
    "Hamas planned to attack Fatah.",
    "Hamas wants to merge with Fatah.",
    "By seeking an all-out war with Fatah, Hamas is signalling its strength.",
    "Hamas sought an alliance with Fatah.",
    "Hamas tried to merge with Fatah.",
])
def test_an_act_only_wanted_discussed_or_attempted_makes_no_event(pipeline: Pipeline,
                                                                   text: str) -> None:
    assert found(pipeline, text) == set()


@pytest.mark.parametrize("text", [
    "Hamas and Fatah agreed to merge.",
    "Hamas agreed to merge with Fatah.",
])
def test_an_agreement_to_merge_is_an_agreement_not_a_merger(pipeline: Pipeline, text: str) -> None:
    assert {(frozenset((s, o)), t) for s, t, o in found(pipeline, text)} == {
        (frozenset(("hamas", "fatah")), "agreement")}


def test_a_meeting_to_coordinate_attacks_is_a_meeting(pipeline: Pipeline) -> None:
    text = "Hamas met Fatah to coordinate attacks on Hezbollah."

    assert found(pipeline, text) == {("hamas", "coordination_meeting", "fatah")}


def test_attacks_one_group_urges_on_another_have_not_happened(pipeline: Pipeline) -> None:
    text = "Hamas encouraged Fatah to keep firing rockets at Hezbollah."

    assert found(pipeline, text) == {("hamas", "encouragement", "fatah")}


def test_the_circumstance_of_an_urged_act_is_still_stated(pipeline: Pipeline) -> None:
    text = "Hamas urged Fatah to leave Gaza, in a new sign of tension between Hamas and Fatah."

    assert ("hamas", "competition", "fatah") in found(pipeline, text)


@pytest.mark.parametrize("text", [
    "Hamas threatened to attack Fatah.",
    "Hamas warned that it would attack Fatah.",
    # violence its doer says is to come
    "Hamas said it would attack Fatah.",
    "Hamas announced that its fighters would strike back against Fatah.",
])
def test_a_threatened_attack_is_a_threat_not_an_attack(pipeline: Pipeline, text: str) -> None:
    assert found(pipeline, text) == {("hamas", "threat", "fatah")}


def test_violence_others_say_is_to_come_is_a_forecast(pipeline: Pipeline) -> None:
    [event] = extract(pipeline, "Israeli officials said Hamas would attack Fatah.")

    assert (event.type, event.modality) == ("bombing_attack", "speculative")


def test_an_attempt_at_violence_is_violence(pipeline: Pipeline) -> None:
    text = "Hamas has been trying to seize the airport from Fatah."

    assert ("hamas", "territorial_takeover", "fatah") in found(pipeline, text)


def test_a_purpose_after_a_done_act_states_the_doers_stance(pipeline: Pipeline) -> None:
    text = "Hamas entered an umbrella group to battle Fatah."

    assert ("hamas", "armed_clash", "fatah") in found(pipeline, text)


# -- how sure the sentence is -------------------------------------------------------------
@pytest.mark.parametrize("text, modality", [
    ("Hamas is likely to have funded Fatah.", "speculative"),
    ("It is possible that Hamas funded Fatah.", "speculative"),
    ("Hamas is believed to have funded Fatah.", "speculative"),
    ("It is thought that Hamas funded Fatah.", "speculative"),
    ("Hamas appears to have funded Fatah.", "speculative"),
    ("Hamas will merge with Fatah next month.", "speculative"),
    # a hedge in a closing attribution, and one opening the sentence
    ("Hamas funded Fatah, analysts believe.", "speculative"),
    ("Hamas funded Fatah, officials said.", "reported"),
    ("According to sources, Hamas funded Fatah.", "reported"),
    ("Hamas funded Fatah, according to sources.", "reported"),
    # a report of a speculation stays a speculation
    ("Officials said Hamas may have funded Fatah.", "speculative"),
    ("Hamas allegedly funded Fatah.", "alleged"),
    ("Hamas is accused of funding Fatah.", "alleged"),
])
def test_each_hedge_class_sets_its_modality(pipeline: Pipeline, text: str, modality: str) -> None:
    [event] = [e for e in extract(pipeline, text) if e.type in ("financing", "merger")]

    assert event.modality == modality


def test_speculation_in_one_clause_does_not_reach_another(pipeline: Pipeline) -> None:
    text = "Hamas funded Fatah, which is likely to attack Hezbollah."

    modality = {e.type: e.modality for e in extract(pipeline, text)}

    assert modality == {"financing": "asserted", "bombing_attack": "speculative"}


def test_an_accusation_of_one_act_does_not_reach_another(pipeline: Pipeline) -> None:
    text = "Hamas, accused of funding Fatah, attacked Hezbollah."

    [attack] = [e for e in extract(pipeline, text) if e.type == "bombing_attack"]

    assert attack.modality == "asserted"


def test_an_attack_taken_as_known_is_still_alleged_of_its_doer(pipeline: Pipeline) -> None:
    [attack] = extract(pipeline, "Hamas was blamed for the 2012 attack on Fatah.")

    assert (attack.modality, attack.negated) == ("alleged", False)


def test_a_doer_denied_for_a_known_attack_is_denied(pipeline: Pipeline) -> None:
    [attack] = extract(pipeline, "Hamas was not behind the attack on Fatah.")

    assert attack.negated


def test_a_cue_phrase_is_a_whole_word() -> None:
    [speculative] = [p for p, m in load_hedges().sentence_patterns if m == "speculative"]

    assert speculative.search("It is likely.") and not speculative.search("It is unlikely.")


# -- denials -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, etype", [
    ("Hamas denied supporting Fatah.", "logistics"),
    ("Hamas has no ties to Fatah.", "agreement"),
    ("Hamas never pledged allegiance to al-Qaeda.", "allegiance"),
    ("Hamas refused to join Fatah.", "allegiance"),
    ("There is no evidence that Hamas funded Fatah.", "financing"),
    ("It is unlikely that Hamas funded Fatah.", "financing"),
])
def test_denials_are_negated(pipeline: Pipeline, text: str, etype: str) -> None:
    assert [e.negated for e in extract(pipeline, text) if e.type == etype] == [True]


@pytest.mark.parametrize("text, etype", [
    # two denials make an assertion
    ("Hamas never stopped fighting Fatah.", "armed_clash"),
    ("There is no doubt that Hamas funded Fatah.", "financing"),
    # "not merely", "not only ... but also": a focus, not a denial
    ("Hamas did not merely fund Fatah.", "financing"),
    ("Hamas did not only fund Fatah but also trained its fighters.", "financing"),
])
def test_what_is_not_a_denial(pipeline: Pipeline, text: str, etype: str) -> None:
    assert [e.negated for e in extract(pipeline, text) if e.type == etype] == [False]


def test_an_unlikely_act_is_a_speculation_that_it_did_not_happen(pipeline: Pipeline) -> None:
    [event] = extract(pipeline, "Hamas is unlikely to have funded Fatah.")

    assert (event.modality, event.negated) == ("speculative", True)


# -- the cue file ----------------------------------------------------------------------------
def test_the_mood_cues_load_and_a_bad_entry_is_named() -> None:
    from importlib import resources

    from tieline.yaml_data import load_yaml

    assert load_mood().classes["plan"] == "intention"
    data = load_yaml((resources.files("tieline") / "data" / "lexicons" / "mood.yaml").read_text("utf-8"))
    data["conditions"] = ["if", False]  # a bare `no` in YAML
    with pytest.raises(OntologyError, match="conditions"):
        mood_lexicon(data)
    data = load_yaml((resources.files("tieline") / "data" / "lexicons" / "mood.yaml").read_text("utf-8"))
    data["complements"]["attempt"].append("plan")
    with pytest.raises(OntologyError, match="'plan' is in both"):
        mood_lexicon(data)
