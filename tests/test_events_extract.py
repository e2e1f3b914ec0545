"""Interaction events: type, direction, modality and negation, read from sentences.

Each case is a sentence and the event tieline must find in it, with the shipped
knowledge base, lexicons and spaCy's small English pipeline.
"""

from __future__ import annotations

from datetime import date

import pytest

from tieline.events.ontology import load_ontology
from tieline.model import Document
from tieline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, text: str, published: date | None = None) -> set[tuple[str, str, str]]:
    out = pipeline.extract(Document(id="t", text=text, published=published))
    return {(e.source, e.type, e.target) for e in out.events}



def test_government_forces_are_the_state_the_document_is_about(pipeline: Pipeline) -> None:
    found = events(pipeline, "In 1987, PLOTE fought alongside government forces against the LTTE.")
    assert any(t == "joint_operation" and "sri-lanka" in (s, o) for s, t, o in found), found


def test_units_a_group_organized_are_its_affiliates(pipeline: Pipeline) -> None:
    text = "With the help of the army the IJT organized two paramilitary units, called al-Badr and al-Shams."
    assert ("islami-jamiat-e-talaba", "affiliation", "al-badr") in events(pipeline, text)



def test_groups_that_carry_out_one_act_together_are_allies_in_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hamas and Palestinian Islamic Jihad attacked Israel in 2014.")
    assert any(t == "joint_operation" and {s, o} == {"hamas", "palestinian-islamic-jihad"}
               for s, t, o in found), found


@pytest.mark.parametrize("text, basis", [
    ("In 2014, Hamas met Fatah. Hamas is said to have provided training to Fatah.", "paragraph"),
    ("In 2014, Hamas met Fatah. Hamas appears to be training Fatah.", "published"),
])
def test_the_tense_of_an_undated_sentence_decides_its_date(pipeline: Pipeline, text: str,
                                                           basis: str) -> None:
    out = pipeline.extract(Document(id="t", text=text, published=date(2018, 1, 25)))
    [training] = [e for e in out.events if e.type == "training"]
    assert training.date.basis == basis



def test_a_denial_in_one_clause_does_not_reach_the_next(pipeline: Pipeline) -> None:
    text = ("AQIM has not pledged allegiance to the Islamic State, and in July 2015 its leaders "
            "reaffirmed their loyalty to al-Qaeda.")
    out = pipeline.extract(Document(id="t", text=text))
    by_target = {e.target: e.negated for e in out.events if e.type == "allegiance"}
    assert by_target == {"islamic-state": True, "al-qaeda": False}


def test_nothing_received_is_a_denied_transfer(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="Jemaah Islamiyah received no money from al-Qaeda in 2004."))
    [money] = [e for e in out.events if e.type == "financing"]
    assert (money.source, money.target, money.negated) == ("al-qaeda", "jemaah-islamiyah", True)





def test_trained_in_another_groups_camps_is_training_from_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "Lashkar-e-Jhangvi's fighters were trained in Taliban camps.")
    assert ("taliban", "training", "lashkar-e-jhangvi") in found


def test_the_subject_of_a_passive_suffers_the_act(pipeline: Pipeline) -> None:
    text = "Ahrar al-Sham's leadership was killed in a bombing in 2014, which many blamed on the Islamic State."
    assert ("islamic-state", "assassination_execution", "ahrar-al-sham") in events(pipeline, text)


def test_a_raising_verb_leaves_the_trigger_active(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hamas is said to have provided military training for Wilayat Sinai militants.")
    assert ("hamas", "training", "wilayat-sinai") in found


def test_an_accusation_without_accuser_is_no_denunciation(pipeline: Pipeline) -> None:
    found = events(pipeline, "Members of the ELN were accused of collaborating with the FARC in 2019.")
    assert not any(t == "denunciation" for _, t, _ in found)



def test_a_training_camp_is_a_place_not_an_act(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hamas and Fatah coordinate training camps in Gaza.")
    assert not any(t == "training" for _, t, _ in found)


@pytest.mark.parametrize("sentence, expected", [
    # groups founded from others are splits
    ("In 2014, Ansar Bayt al-Maqdis pledged allegiance to the Islamic State.",
     ("wilayat-sinai", "allegiance", "islamic-state")),
    ("Hamas supplied weapons to Fatah.", ("hamas", "arms_transfer", "fatah")),
    ("Fatah received weapons from Hamas.", ("hamas", "arms_transfer", "fatah")),
    ("Hezbollah trained fighters of the Mahdi Army.", ("hezbollah", "training", "mahdi-army")),
    ("The Mahdi Army was trained by Hezbollah.", ("hezbollah", "training", "mahdi-army")),
    ("Al-Shabaab clashed with Hizbul Islam near Kismayo.", ("al-shabaab", "armed_clash", "hizbul-islam")),
    ("Members of the GIA split from the group and formed the GSPC.",
     ("gspc", "split", "armed-islamic-group")),
    ("Hamas and Islamic Jihad fought with ISIS to take the town in 2015.",
     ("hamas", "joint_operation", "islamic-state")),
    ("The Mahdi Army fought along side Hezbollah against the Islamic State.",
     ("hezbollah", "joint_operation", "mahdi-army")),
    ("Jabhat al-Nusra takes orders from al-Qaeda.", ("hayat-tahrir-al-sham", "allegiance", "al-qaeda")),
    # joining with others to form a new group is merging into it
    ("The YPG joined with Arab tribal militias to form the Syrian Democratic Forces in 2015.",
     ("peoples-protection-units", "merger", "syrian-democratic-forces")),
    # members lost to another group defected to it
    ("In 2015, Ahrar al-Sham lost dozens of members to Jabhat al-Nusra.",
     ("ahrar-al-sham", "defection", "hayat-tahrir-al-sham")),
    # groups that take a town together fought side by side
    ("In 2015, Jaysh al-Fatah and Ahrar al-Sham captured Idlib.",
     ("jaysh-al-fatah", "joint_operation", "ahrar-al-sham")),
    # the act of an accusation is the accused's, not the accuser's
    ("Saudi Arabia accuses Iran of smuggling missiles to the Houthis.",
     ("iran", "arms_transfer", "houthis")),
    ("Iran is accused of smuggling missiles to the Houthis.", ("iran", "arms_transfer", "houthis")),
    # to arm someone; a pronoun subject bound to the subject of the clause above it
    ("Hamas armed the PIJ in 2012.", ("hamas", "arms_transfer", "palestinian-islamic-jihad")),
    ("Hamas said it had armed the PIJ in 2012.",
     ("hamas", "arms_transfer", "palestinian-islamic-jihad")),
    ("Ansar al-Sharia was formed by rebels from the Libyan Islamic Fighting Group.",
     ("ansar-al-sharia-libya", "split", "libyan-islamic-fighting-group")),
])
def test_sentence_gives_event(pipeline: Pipeline, sentence: str,
                              expected: tuple[str, str, str]) -> None:
    found = events(pipeline, sentence)
    if not load_ontology().types[expected[1]].directed:  # stated in the sentence's order
        assert expected in found or (expected[2], expected[1], expected[0]) in found
    else:
        assert expected in found, found


def test_coordinated_actors_each_get_an_event(pipeline: Pipeline) -> None:
    found = events(pipeline, "Ahrar al-Sham and Jund al-Aqsa fought alongside Jabhat al-Nusra.")
    pairs = {frozenset((s, t)) for s, _, t in found}
    assert frozenset(("ahrar-al-sham", "hayat-tahrir-al-sham")) in pairs
    assert frozenset(("jund-al-aqsa", "hayat-tahrir-al-sham")) in pairs


@pytest.mark.parametrize("sentence, modality", [
    ("Hamas reportedly supplied weapons to Fatah.", "reported"),
    ("Hamas allegedly supplied weapons to Fatah.", "alleged"),
    ("Hamas may have supplied weapons to Fatah.", "speculative"),
    ("According to local sources, Hamas supplied weapons to Fatah.", "reported"),
    ("Hamas supplied weapons to Fatah.", "asserted"),
    # who says it, at the end of the sentence
    ("Hamas supplied weapons to Fatah, the Israeli military alleged on Monday.", "alleged"),
    ("Hamas supplied weapons to Fatah, local officials said.", "reported"),
])
def test_hedges_set_the_modality(pipeline: Pipeline, sentence: str, modality: str) -> None:
    out = pipeline.extract(Document(id="t", text=sentence))
    [event] = [e for e in out.events if e.type == "arms_transfer"]
    assert event.modality == modality


@pytest.mark.parametrize("sentence", [
    "Hamas denied supplying weapons to Fatah.",
    "Hamas did not supply weapons to Fatah.",
])
def test_negation(pipeline: Pipeline, sentence: str) -> None:
    out = pipeline.extract(Document(id="t", text=sentence))
    assert [e.negated for e in out.events if e.type == "arms_transfer"] == [True]


def test_event_takes_the_date_of_its_sentence(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="In August 2017, Hamas clashed with Fatah."))
    assert out.events[0].date.start == "2017-08" and out.events[0].date.basis == "sentence"


def test_relative_date_resolves_against_publication(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="Earlier this month, Hamas clashed with Fatah.",
                                    published=date(2018, 1, 25)))
    assert out.events[0].date.start == "2018-01"


def test_sentence_with_one_actor_gives_no_event(pipeline: Pipeline) -> None:
    assert events(pipeline, "Hamas attacked an Israeli patrol near the border.") == set()


def test_dyad_summary_carries_the_mmp_code(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="Al-Shabaab clashed with Hizbul Islam in 2009."))
    [dyad] = out.dyads
    assert dyad.relation == "violent_rivalry" and dyad.crosswalk["mmp"] == "riv"
    assert dyad.since == "2009"


def test_cooperating_against_a_common_enemy_does_not_ally_with_the_enemy(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hamas and Fatah began coordinating attacks against Israel.")
    assert ("hamas", "joint_operation", "fatah") in found
    assert not any(t == "joint_operation" and "israel" in (s, o) for s, t, o in found)


def test_an_acronym_that_spells_a_word_is_parsed_as_a_name(pipeline: Pipeline) -> None:
    found = events(pipeline, "The Islamic Army in Iraq fought with IS to take Mosul in June 2014.")
    assert ("islamic-army-in-iraq", "joint_operation", "islamic-state") in found


def test_merging_to_form_a_new_group_links_both_to_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "The GSPC merged with al-Qaeda to form al-Qaeda in the Islamic Maghreb.")
    pairs = {frozenset((s, o)) for s, t, o in found if t == "merger"}
    assert frozenset(("gspc", "aqim")) in pairs


def test_each_other_links_the_coordinated_actors(pipeline: Pipeline) -> None:
    text = ("Though they have publicly condemned each other, Hamas and Fatah kept "
            "talking through Egyptian mediators.")
    found = events(pipeline, text)
    assert any(t == "denunciation" and {s, o} == {"hamas", "fatah"} for s, t, o in found), found


def test_ties_that_should_be_cut_have_the_arguing_actor_as_source(pipeline: Pipeline) -> None:
    text = "Hezbollah argued that ties with Hamas should be prohibited."
    assert ("hezbollah", "denunciation", "hamas") in events(pipeline, text)


def test_a_hedge_in_the_main_clause_does_not_reach_a_subordinate_clause(pipeline: Pipeline) -> None:
    text = "Though Hamas and Fatah have publicly condemned each other, they seemed to cooperate."
    out = pipeline.extract(Document(id="t", text=text))
    condemned = [e for e in out.events if e.type == "denunciation"]
    assert condemned and all(e.modality == "asserted" for e in condemned)
    [cooperate] = [e for e in out.events if e.type == "joint_operation"]
    assert cooperate.modality == "speculative"


def test_support_received_in_a_held_territory_comes_from_its_holder() -> None:
    from tieline.actors.kb import build_kb
    from tieline.actors.matcher import ActorMatcher

    pipeline = Pipeline()
    kb = build_kb([("t.yaml", "- id: hamas\n  name: Hamas\n  territories: [Gaza, Gazan]\n"
                              "- id: wilayat-sinai\n  name: Wilayat Sinai\n"
                              "- id: israel\n  name: Israel\n  kind: state\n")])
    pipeline.__dict__["kb"], pipeline.__dict__["matcher"] = kb, ActorMatcher(kb)
    text = ("Hamas helped Wilayat Sinai. Wounded Wilayat Sinai operatives received medical "
            "assistance in Gazan hospitals. Israel bombed Gaza.")
    found = events(pipeline, text)
    assert ("hamas", "medical_aid", "wilayat-sinai") in found
    assert not any(t == "bombing_attack" for _, t, _ in found)  # a place struck is not its holder


def test_a_written_list_of_names_shares_its_role(pipeline: Pipeline) -> None:
    found = events(pipeline, "Ahrar al-Sham, the Islamic State, and the Kurdish Islamic Front "
                             "began targeting the YPG.")
    assert {s for s, t, o in found if t == "bombing_attack" and o == "peoples-protection-units"} == {
        "ahrar-al-sham", "islamic-state", "kurdish-islamic-front"}


def test_the_two_groups_are_the_last_two_named(pipeline: Pipeline) -> None:
    text = "Kata'ib Hezbollah founded Kata'ib Sayyid al-Shuhada. The two groups coordinate operations."
    found = events(pipeline, text)
    assert any(t == "joint_operation" and {s, o} == {"kataib-hezbollah", "kataib-sayyid-al-shuhada"}
               for s, t, o in found), found


def test_an_act_on_no_actor_is_not_pinned_on_a_bystander(pipeline: Pipeline) -> None:
    text = ("Faylaq al-Rahman began fighting Jaysh al-Islam after Jaysh al-Islam attempted to "
            "assassinate a judge.")
    found = events(pipeline, text)
    assert not any(t == "assassination_execution" for _, t, _ in found)


def test_a_trigger_inside_a_name_states_no_event(pipeline: Pipeline) -> None:
    found = events(pipeline, "The unraveling ties between Hamas and ISIS's Sinai affiliate")
    assert {t for _, t, _ in found} == {"end_of_cooperation"}


def test_a_declaration_that_helps_a_group_is_no_help_from_its_target(pipeline: Pipeline) -> None:
    # Who declared the war the sentence does not say: nothing links the two as giver
    # and receiver of help.
    text = "A public declaration of war against Hamas also helps Wilayat Sinai recruit."
    found = events(pipeline, text)
    assert not any(t == "logistics" for _, t, _ in found)


def test_support_in_a_list_of_things_received_comes_from_the_giver(pipeline: Pipeline) -> None:
    found = events(pipeline, "Asa'ib Ahl al-Haq received weapons, training, and financial support "
                             "from Hezbollah.")
    assert ("hezbollah", "financing", "asaib-ahl-al-haq") in found
    assert not any(s == "asaib-ahl-al-haq" for s, _, _ in found)


def test_allies_fighting_against_a_common_enemy_clash_with_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hezbollah fought alongside the Mahdi Army against the Free Syrian Army "
                             "and Jabhat al-Nusra.")
    assert ("hezbollah", "joint_operation", "mahdi-army") in found
    clashes = {frozenset((s, o)) for s, t, o in found if t == "armed_clash"}
    assert frozenset(("hezbollah", "free-syrian-army")) in clashes
    assert frozenset(("mahdi-army", "hayat-tahrir-al-sham")) in clashes


def test_members_named_after_including_share_the_role(pipeline: Pipeline) -> None:
    found = events(pipeline, "GATIA fought against the Coordination of Azawad Movements (CMA), "
                             "including the MNLA.")
    assert any(t == "armed_clash" and {s, o} == {"gatia", "mnla"} for s, t, o in found), found


@pytest.mark.parametrize("sentence, expected", [
    ("The Promised Day Brigades was created by the Mahdi Army.",
     ("promised-day-brigades", "split", "mahdi-army")),
    ("Members of the Communist Brigades (BC) formed the Communist Combat Formations (FCC).",
     ("communist-combat-formations", "split", "communist-brigades")),
    # nominal agents signed statements and misspelt names
    ("The attacks led to reprisals on Islamic State positions by the Badr Organization.",
     ("badr-organization", "bombing_attack", "islamic-state")),
    ("The leader of Harakat ul-Mujahideen signed bin Laden's fatwa.",
     ("harakat-ul-mujahideen", "rhetorical_support", "al-qaeda")),
    ("Asa'ib Ahl al-Haq broke away from the Madhi army in 2007.",
     ("asaib-ahl-al-haq", "split", "mahdi-army")),
    # shared acts safe houses and places taken from an actor
    ("Officials say the FARC and the ELN shared intelligence on army movements in 2012.",
     ("farc", "intelligence_sharing", "eln")),
    ("Several commanders served in both Lashkar-e-Jhangvi and Tehrik-i-Taliban Pakistan.",
     ("lashkar-e-jhangvi", "shared_personnel", "tehrik-i-taliban-pakistan")),
    ("The Haqqani Network provides safe houses to the Taliban.",
     ("haqqani-network", "sanctuary", "taliban")),
    ("Ansar Dine and the MNLA jointly seized Timbuktu from the Malian army.",
     ("ansar-dine", "territorial_takeover", "malian-armed-forces")),
    # renames outbreaks founders and defeats
    ("In January 2007 the GSPC renamed itself al-Qaeda in the Islamic Maghreb.", ("gspc", "rename", "aqim")),
    ("Heavy fighting broke out between al-Shabaab and Hizbul Islam in Kismayo.",
     ("al-shabaab", "armed_clash", "hizbul-islam")),
    ("The Real IRA was formed in 1997 by members of the Provisional IRA.", ("real-ira", "split", "pira")),
    ("The Taliban crushed the IMU in Zabul province in 2015.",
     ("taliban", "armed_clash", "islamic-movement-of-uzbekistan")),
    # care passive help creations and budgets
    ("Hezbollah treated wounded soldiers of the Syrian army in its hospitals in 2013.",
     ("hezbollah", "medical_aid", "syria")),
    ("Lashkar-e-Taiba planned the attacks and was helped by members of the Indian Mujahideen.",
     ("indian-mujahideen", "logistics", "lashkar-e-taiba")),
    ("Al-Qaeda announced the creation of al-Qaeda in the Indian Subcontinent in September 2014.",
     ("al-qaeda", "affiliation", "al-qaeda-in-the-indian-subcontinent")),
    ("Palestinian Islamic Jihad receives most of its budget from Iran.",
     ("iran", "financing", "palestinian-islamic-jihad")),
    # origins components and several things given
    ("Jaish-e-Mohammad emerged from Harkat-ul-Mujahideen in 2000.",
     ("jaish-e-mohammad", "split", "harakat-ul-mujahideen")),
    ("The Haqqani Network is a semi-autonomous component of the Taliban.",
     ("haqqani-network", "allegiance", "taliban")),
    ("Hezbollah provided weapons and training to Kata'ib Hezbollah.",
     ("hezbollah", "arms_transfer", "kataib-hezbollah")),
    ("Hezbollah provided weapons and training to Kata'ib Hezbollah.",
     ("hezbollah", "training", "kataib-hezbollah")),
    # financial assistance received and affiliation stated
    ("The Caucasus Emirate receives financial assistance from al-Qaeda.",
     ("al-qaeda", "financing", "caucasus-emirate")),
    ("Ahrar al-Sham was initially affiliated with the Free Syrian Army.",
     ("ahrar-al-sham", "allegiance", "free-syrian-army")),
])
def test_more_constructions_give_their_event(pipeline: Pipeline, sentence: str,
                                             expected: tuple[str, str, str]) -> None:
    assert expected in events(pipeline, sentence)


def test_what_should_happen_has_not_happened(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="Hezbollah argued that ties with Hamas should be prohibited."))
    [event] = [e for e in out.events if e.type == "denunciation"]
    assert event.modality == "speculative"


def test_they_opening_a_sentence_continues_the_group_before(pipeline: Pipeline) -> None:
    text = ("Hezbollah troops began operating with regime forces in Syria in March 2013. "
            "In May 2013, they launched an offensive against the Free Syrian Army.")

    assert ("hezbollah", "bombing_attack", "free-syrian-army") in events(pipeline, text)


def test_it_opening_a_sentence_about_something_else_stays_unbound(pipeline: Pipeline) -> None:
    text = ("The new accord was brokered by Syrian officials. "
            "It commits Amal and Hezbollah to a ceasefire.")

    found = events(pipeline, text)

    assert not any("syria" in (s, t) for s, _, t in found)


@pytest.mark.parametrize("sentence, actors, bound", [
    ("Hamas said it had armed the PIJ.", {"Hamas": "hamas", "PIJ": "pij"}, {"it": "hamas"}),
    # a subject naming two groups binds "they" to both (the first kept here, the
    # others beside it: see the plural test below)
    ("Suqour and Jaysh announced that they were merging into Ahrar.",
     {"Suqour": "suqour", "Jaysh": "jaysh", "Ahrar": "ahrar"}, {"they": "suqour"}),
    # "it" never stands for two groups
    ("Suqour and Jaysh said it was over.", {"Suqour": "suqour", "Jaysh": "jaysh"}, {}),
    # another group between the subject and the pronoun may be the one meant
    ("Fatah attacked Hamas and its allies.", {"Fatah": "fatah", "Hamas": "hamas"}, {}),
    # the antecedent must come first
    ("Because it was weak, Fatah joined Hamas.", {"Fatah": "fatah", "Hamas": "hamas"}, {}),
])
def test_a_subject_pronoun_binds_to_one_actor_above_it(sentence: str, actors: dict[str, str],
                                                       bound: dict[str, str]) -> None:
    from tieline.events.pronouns import bound_pronouns
    from tieline.events.nlp import load_nlp

    doc = load_nlp()(sentence)
    token_actor = {t.i: actors[t.text] for t in doc if t.text in actors}

    found = {doc[i].text: a for i, a in bound_pronouns(doc, token_actor).items()}

    assert found == bound


def test_a_trigger_inside_the_speaker_is_not_what_is_said(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="Ansaru, a splinter group of Boko Haram, "
                                                  "announced its formation in January 2012."))

    [split] = [e for e in out.events if e.type == "split"]

    assert split.modality == "asserted"


def test_what_a_war_was_ended_with_is_not_negated(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="The ELN and the FARC ended their war in "
                                                  "Arauca with a non-aggression pact in 2010."))

    negated = {e.type: e.negated for e in out.events}

    assert negated == {"armed_clash": True, "agreement": False}


def test_the_speaker_at_the_end_takes_no_part(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hamas has provided shelter in Gaza to members of Palestinian "
                             "Islamic Jihad, the Israeli military alleged on Monday.")

    assert found == {("hamas", "sanctuary", "palestinian-islamic-jihad")}


def test_a_war_during_which_something_happened_is_a_backdrop(pipeline: Pipeline) -> None:
    found = events(pipeline, "Hezbollah's leader praised Hamas for its resistance during "
                             "the 2014 Gaza war.")

    assert found == {("hezbollah", "rhetorical_support", "hamas")}


def test_clashes_a_truce_came_after_are_still_clashes(pipeline: Pipeline) -> None:
    found = events(pipeline, "Jaysh al-Islam and Faylaq al-Rahman signed a truce in May 2016 "
                             "after clashes in Eastern Ghouta.")

    assert {t for _, t, _ in found} >= {"agreement", "armed_clash"}
