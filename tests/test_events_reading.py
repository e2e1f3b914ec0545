"""Reading what a sentence says happened between two groups, and only that.

Each case is a sentence written for these tests, and the events tieline must (or must
not) find in it with the shipped knowledge base, lexicons and spaCy's small English
pipeline. An event needs both actors as arguments of the words that state it.
"""

from __future__ import annotations

from datetime import date

import pytest

from tieline.model import Document
from tieline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, text: str, published: date | None = None) -> set[tuple[str, str, str]]:
    out = pipeline.extract(Document(id="t", text=text, published=published))
    return {(e.source, e.type, e.target) for e in out.events}


def pairs(found: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset((s, t)) for s, _, t in found}


# -- no event without both sides in the trigger's roles ------------------------------

def test_two_names_and_a_cue_word_state_nothing(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hezbollah condemned the bombing, while Hamas stayed silent.")
    assert not any({s, t} == {"hezbollah", "hamas"} for s, _, t in found), found


def test_who_reports_a_split_is_no_party_to_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "American officials confirmed the split between the Gulf cartel "
                             "and Los Zetas.")
    assert not any("united-states" in (s, t) for s, _, t in found), found


def test_a_question_states_no_event(pipeline: Pipeline) -> None:
    assert events(pipeline, "Did Hamas secretly arm Wilayat Sinai in 2015?") == set()


def test_relations_between_two_states_are_out_of_scope(pipeline: Pipeline) -> None:
    assert events(pipeline, "Iran sent weapons to Syria in 2015.") == set()


# -- nouns that name a participant ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ansar Dine is an affiliate of AQIM.", ("ansar-dine", "allegiance", "aqim")),
    ("Iran, Hezbollah's main backer, restored its ties with Hamas in 2017.",
     ("iran", "logistics", "hezbollah")),
    ("Ansaru, a splinter group of Boko Haram, announced its formation in 2012.",
     ("ansaru", "split", "boko-haram")),
    ("The RPA formed as a splinter group of the CPP-NPA.",
     ("revolutionary-proletarian-army", "split", "cpp-npa")),
])
def test_the_actor_a_participant_noun_is_said_of(pipeline: Pipeline, text: str,
                                                  expected: tuple[str, str, str]) -> None:
    assert expected in events(pipeline, text)


def test_two_groups_said_to_be_allies(pipeline: Pipeline) -> None:
    found = events(pipeline, "Lashkar-e-Taiba and Jaish-e-Mohammad were allies in those years.")
    assert any(t == "agreement" and {s, o} == {"lashkar-e-taiba", "jaish-e-mohammad"}
               for s, t, o in found), found


def test_a_verbless_line_naming_two_affiliates(pipeline: Pipeline) -> None:
    found = events(pipeline, "Lashkar-e-Taiba and Jaish-e-Mohammad affiliates.")
    assert pairs(found) == {frozenset({"lashkar-e-taiba", "jaish-e-mohammad"})}


# -- designation, modifiers --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Harkat-ul-Mujahideen was banned by Pakistan in November 2001.",
     ("pakistan", "designation", "harakat-ul-mujahideen")),
    ("The PKK is identified as a terrorist organization by Turkey.",
     ("turkey", "designation", "pkk")),
])
def test_a_state_designating_a_group(pipeline: Pipeline, text: str,
                                     expected: tuple[str, str, str]) -> None:
    assert expected in events(pipeline, text)


def test_a_participle_joined_to_a_name_links_the_two(pipeline: Pipeline) -> None:
    assert ("iran", "logistics", "houthis") in events(pipeline, "The Iran-backed Houthis "
                                                                "fought Saudi Arabia.")


def test_a_participle_on_a_phrase_naming_no_group_states_nothing(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hezbollah trained several IRGC-backed militias in Iraq.")
    assert not any("iran-irgc" in (s, t) for s, _, t in found), found


# -- who does what a noun names ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("AQKB released a statement condemning the Islamic State in April 2014.",
     ("al-qaeda-kurdish-battalions", "denunciation", "islamic-state")),
    ("Jabhat al-Nusra began a campaign to eliminate Harakat Hazm.",
     ("hayat-tahrir-al-sham", "assassination_execution", "harakat-hazm")),
    ("Al-Shabaab was responsible for the attack on the African Union Mission in Somalia.",
     ("al-shabaab", "bombing_attack", "amisom")),
    ("Hamas adopted harsher measures to crack down on Islamic State fighters in Gaza.",
     ("hamas", "crackdown", "islamic-state")),
])
def test_the_doer_of_an_act_named_by_a_noun(pipeline: Pipeline, text: str,
                                            expected: tuple[str, str, str]) -> None:
    assert expected in events(pipeline, text)


def test_with_the_help_of_another_group_it_is_the_helper(pipeline: Pipeline) -> None:
    found = events(pipeline, "With the help of Hezbollah, Hamas built a network of tunnels.")
    assert ("hezbollah", "logistics", "hamas") in found
    assert ("hamas", "logistics", "hezbollah") not in found


def test_the_one_helped_is_the_subject_of_the_helped_act(pipeline: Pipeline) -> None:
    assert ("iran", "logistics", "houthis") in events(pipeline, "Iran helped the Houthis "
                                                                "seize Sanaa.")


def test_a_group_encouraging_its_own_people_encourages_no_one_else(pipeline: Pipeline) -> None:
    found = events(pipeline, "Wilayat Sinai might encourage its supporters in Gaza to attack Hamas.")
    assert not any(t == "encouragement" for _, t, _ in found), found


def test_a_town_controlled_by_a_group_is_the_groups(pipeline: Pipeline) -> None:
    found = events(pipeline, "Ahlu Sunna Wal Jama attacked the town of Beledweyne, controlled by "
                             "Hizbul Islam.")
    assert any(t == "bombing_attack" and o == "hizbul-islam" for _, t, o in found), found


def test_one_of_the_doers_own_is_no_other_party(pipeline: Pipeline) -> None:
    found = events(pipeline, "A Hamas gunman shot a fellow Hamas member in Gaza.")
    assert found == set()


# -- pronouns and lists --------------------------------------------------------------------

def test_their_stands_for_the_coordinated_subject(pipeline: Pipeline) -> None:
    found = events(pipeline, "The ELN and the FARC ended their war with a pact in 2010.")
    assert any(t == "agreement" and {s, o} == {"eln", "farc"} for s, t, o in found), found


def test_the_end_of_their_alliances_is_with_the_other_group(pipeline: Pipeline) -> None:
    found = events(pipeline, "MUJAO, AQIM and Ansar Dine ended their alliances with the MNLA.")
    ended = {(s, o) for s, t, o in found if t == "end_of_cooperation"}
    assert ended == {("mujao", "mnla"), ("aqim", "mnla"), ("ansar-dine", "mnla")}


def test_groups_that_merge_to_form_one_merge_into_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "Ansar Dine and al-Mourabitoun merged to form JNIM in March 2017.")
    mergers = {frozenset((s, o)) for s, t, o in found if t == "merger"}
    assert mergers == {frozenset({"ansar-dine", "jnim"}), frozenset({"al-mourabitoun", "jnim"})}


def test_two_names_with_only_the_between_them_are_no_list(pipeline: Pipeline) -> None:
    found = events(pipeline, "With the help of the army the IJT organized two paramilitary units, "
                             "called al-Badr and al-Shams.")
    assert not any(t == "affiliation" and s == "pakistan" for s, t, _ in found), found


# -- whose voice an act is in ------------------------------------------------------------------

def test_an_act_in_a_groups_release_is_that_groups() -> None:
    text = ("Earlier this month, Abu Ali al-Masri executed a man in a video released by "
            "Wilayat Sinai. Surrounded by militants, al-Masri shot a fellow Islamic State member "
            "amid accusations that he had smuggled weapons to Hamas. In the same video, the "
            "Islamic State included a call for attacks targeting Hamas.")
    out = Pipeline().extract(Document(id="t", text=text, published=date(2018, 1, 25)))
    found = {(e.source, e.type, e.target) for e in out.events}
    assert ("wilayat-sinai", "assassination_execution", "hamas") in found
    assert ("wilayat-sinai", "threat", "hamas") in found
    assert not any(s == "islamic-state" for s, _, _ in found), found
    [threat] = [e for e in out.events if e.type == "threat"]
    assert threat.source_mention == "the Islamic State"  # the words the text gave


def test_an_act_a_clause_blames_on_a_group_is_alleged(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="Ahrar al-Sham's leadership was killed in a "
                                                 "bombing in 2014, which many blamed on the "
                                                 "Islamic State."))
    [killing] = [e for e in out.events if e.type == "assassination_execution"]
    assert (killing.source, killing.target, killing.modality) == \
        ("islamic-state", "ahrar-al-sham", "alleged")


# -- more shapes of the same relations ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the parser may hang the subject on "became"
    ("The Rashid Trust publicly became associated with al-Qaeda in 2000.",
     ("al-rashid-trust", "agreement", "al-qaeda")),
    # "the assistance of X" received
    ("Lashkar-e-Taiba has received the assistance of the ISI.",
     ("isi-pakistan", "logistics", "lashkar-e-taiba")),
    # "X was absorbed by Y": the agent of a passive is the partner of a mutual act
    ("Hizbul Islam was absorbed by al-Shabaab in December 2010.",
     ("hizbul-islam", "merger", "al-shabaab")),
])
def test_a_relation_in_another_shape(pipeline: Pipeline, text: str,
                                     expected: tuple[str, str, str]) -> None:
    assert expected in events(pipeline, text)


def test_orders_taken_from_both_of_two_groups(pipeline: Pipeline) -> None:
    found = events(pipeline, "Al-Nusra takes orders from both al-Qaeda's senior leadership and "
                             "the Islamic State.")
    assert {("hayat-tahrir-al-sham", "allegiance", "al-qaeda"),
            ("hayat-tahrir-al-sham", "allegiance", "islamic-state")} <= found


def test_a_verbless_line_relates_the_names_it_lists(pipeline: Pipeline) -> None:
    found = events(pipeline, "The Rashid Trust and al-Qaeda allies.")
    assert any(t == "agreement" and {s, o} == {"al-rashid-trust", "al-qaeda"} for s, t, o in found)


def test_each_other_in_another_clause_is_not_this_clauses(pipeline: Pipeline) -> None:
    found = events(pipeline, "Fighters from both Amal and Hezbollah attacked the South Lebanon Army, "
                             "and local sources say the two have fought alongside each other.")
    assert not any(t == "bombing_attack" and {s, o} == {"amal-movement", "hezbollah"}
                   for s, t, o in found), found


def test_battles_with_a_third_party_are_not_between_the_allies(pipeline: Pipeline) -> None:
    found = events(pipeline, "Fighters from Hezbollah and Amal took control of west Beirut after "
                             "street battles with supporters of the government.")
    assert not any(t == "armed_clash" and {s, o} == {"amal-movement", "hezbollah"}
                   for s, t, o in found), found


def test_the_one_whose_network_a_group_is_central_to(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="For Hezbollah, Hamas is central to the "
                                                 "cross-border smuggling network."))
    [smuggling] = [e for e in out.events if e.type == "smuggling_trade"]
    assert (smuggling.source, smuggling.target) == ("hezbollah", "hamas")


def test_a_force_a_state_set_up_is_its_affiliate_not_its_splinter(pipeline: Pipeline) -> None:
    found = events(pipeline, "Established by Iran's Islamic Revolutionary Guard Corps to fight in "
                             "Syria, the Fatemiyoun Division recruited Afghan refugees.")
    assert ("iran-irgc", "affiliation", "fatemiyoun") in found
    found = events(pipeline, "The Promised Day Brigades was created by the Mahdi Army.")
    assert ("promised-day-brigades", "split", "mahdi-army") in found


def test_fighting_on_behalf_of_a_group_is_fighting_beside_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hezbollah fighters fought in the Qalamoun mountains on behalf of "
                             "the Syrian army.")
    assert not any(t == "armed_clash" for _, t, _ in found), found


def test_dissidents_of_a_group_are_not_the_group(pipeline: Pipeline) -> None:
    found = events(pipeline, "The war between dissidents of the FARC and the ELN continues.")
    assert not any({s, o} == {"farc", "eln"} for s, _, o in found), found


def test_a_participle_qualifies_the_name_nearest_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "The alliance between the Iran-backed Houthis and Saleh loyalists "
                             "collapsed.")
    assert ("iran", "logistics", "houthis") in found
    assert not any(s == "iran" and o != "houthis" for s, _, o in found), found


def test_a_possessor_of_a_named_group_is_not_its_doer(pipeline: Pipeline) -> None:
    found = events(pipeline, "Ansar Dine's Katiba Macina attacked the Malian army in 2015.")
    assert ("katiba-macina", "bombing_attack", "malian-armed-forces") in found
    assert not any(s == "ansar-dine" and t == "bombing_attack" for s, t, _ in found), found


def test_fighting_that_only_describes_the_time_is_no_clash(pipeline: Pipeline) -> None:
    found = events(pipeline, "Fighters from Hezbollah and Amal took west Beirut this week, in the "
                             "worst internal fighting in Lebanon since the civil war.")
    assert not any(t == "armed_clash" for _, t, _ in found), found


def test_a_phrase_set_beside_a_name_is_what_that_group_does(pipeline: Pipeline) -> None:
    found = events(pipeline, "MUJAO, in collaboration with the MNLA, invaded northern Mali.")
    assert any(t == "joint_operation" and {s, o} == {"mujao", "mnla"} for s, t, o in found)
