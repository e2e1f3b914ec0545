"""Reference across sentences: pronouns, descriptions and pair phrases bound to the group
the text means (tieline.actors.reference), and left unbound where it does not say."""

from __future__ import annotations

import pytest

from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.actors.matcher import ActorMatcher
from tieline.actors.resolve import resolve_mentions
from tieline.model import Document
from tieline.pipeline import Pipeline, PipelineConfig
from tieline.text import split_sentences

KB_YAML = """\
- id: legion
  name: Crescent Legion
  descriptors: [Palestinian, Gaza-based]
  leaders: [{name: Abu Omar}]
- id: front
  name: River Front
  descriptors: [Syrian]
- id: jackals
  name: Desert Jackals
- id: taliban
  name: Taliban
- id: justice
  name: Justice Movement
- id: liberation
  name: Liberation Movement
- id: supreme-council
  name: Supreme Council for the Revolution
- id: martyrs
  name: Martyrs Battalion of the North
- id: isis
  name: Islamic State
  acronyms: [ISIS]
- id: freedonia
  name: Freedonia
  kind: state
- id: freedonian-army
  name: Freedonian Army
  kind: state_force
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build_kb([("test.yaml", KB_YAML)])


def references(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    """The mentions made by references (not by names), as (text, actor)."""
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    return [(m.text, m.actor_id) for m in found
            if m.how in ("pronoun", "descriptor", "coreference", "pair_reference")]


@pytest.mark.parametrize("text, expected", [
    # the subject of the sentence before
    ("The Crescent Legion grew quickly in 2004. It attacked the River Front in May.",
     [("It", "legion")]),
    ("The Crescent Legion grew quickly in 2004. In May, the group attacked the River Front.",
     [("the group", "legion")]),
    # a possessive and a part of the group
    ("The Crescent Legion grew quickly in 2004. Its commanders met the River Front.",
     [("Its commanders", "legion")]),
    # the group as the owner of the subject, for a pronoun that is not the subject
    ("The ideology of the Crescent Legion is debated. Some analysts see it as a front for "
     "the River Front.", [("it", "legion")]),
    # a chain: the pronoun bound makes the topic go on
    ("The Crescent Legion grew quickly in 2004. Some analysts see it as a threat. Others "
     "call it an ally of the River Front.", [("it", "legion"), ("it", "legion")]),
    # a person between breaks nothing
    ("The Crescent Legion grew quickly in 2004. Abu Omar was arrested in 2006. It later "
     "fought the River Front.", [("It", "legion")]),
    # a new group named as subject shifts the topic
    ("The Crescent Legion fought the River Front in 2004. The Desert Jackals stayed out. "
     "The group later backed the River Front.", [("The group", "jackals")]),
])
def test_a_reference_is_bound_to_what_the_text_is_about(kb: KnowledgeBase, text: str,
                                                         expected: list[tuple[str, str]]) -> None:
    assert references(kb, text) == expected


@pytest.mark.parametrize("text", [
    # the sentence before is about something else: "it" is the accord
    "The accord between the two sides was signed in 2004. It commits the River Front to a truce.",
    # two groups fit equally
    "The Crescent Legion and the Desert Jackals fought in 2004. The group later backed the "
    "River Front.",
    "The war between the Crescent Legion and the Desert Jackals ended in 2004. The group "
    "later backed the River Front.",
    # "the group" is never a state, "it" never a person
    "Freedonia shelled the border in 2004. The group said it had lost nobody.",
    "Abu Omar was arrested in 2004. It later fought the River Front.",
    # a pronoun in someone's words, the dummy "it"
    "The Crescent Legion grew in 2004. “We will fight it,” a River Front commander said.",
    "The Crescent Legion grew in 2004. It is unclear whether the River Front was involved.",
    # "they" needs a group named as plural
    "The Crescent Legion grew in 2004. They attacked the River Front in May.",
    # an unnamed group as the subject leaves the topic unknown
    "The Crescent Legion grew in 2004. The Abu Ali fighters broke away. They attacked the "
    "River Front.",
])
def test_a_reference_the_text_does_not_settle_stays_unbound(kb: KnowledgeBase, text: str) -> None:
    assert references(kb, text) == []


def test_they_stands_for_a_group_named_as_plural(kb: KnowledgeBase) -> None:
    assert references(kb, "The Taliban took the city in 1996. They later hosted the Desert "
                          "Jackals.") == [("They", "taliban")]
    assert references(kb, "Crescent Legion fighters crossed the river in 2004. They "
                          "attacked the River Front.") == [("They", "legion")]


def test_a_state_may_be_it_only_as_the_subject_before(kb: KnowledgeBase) -> None:
    assert references(kb, "Freedonia armed the River Front in 2004. It also trained the "
                          "Desert Jackals.") == [("It", "freedonia")]
    # as an object, it is no candidate: "it" is the one group named
    assert references(kb, "The attack on the Crescent Legion was a shock to Freedonia. "
                          "Analysts expect it to strike back at the River Front.") == [
        ("it", "legion")]


def test_a_name_only_modifying_another_word_is_no_referent(kb: KnowledgeBase) -> None:
    # "ISIS-linked" names no second candidate for "the group"
    text = ("Freedonia hunted the Crescent Legion, an ISIS-linked cell. "
            "Its forces killed the group's leader in 2016.")
    assert ("the group", "legion") in references(kb, text)


def test_a_new_paragraph_keeps_the_topic_only_through_its_first_subject(kb: KnowledgeBase) -> None:
    assert references(kb, "The Crescent Legion grew in 2004.\n\nThe group attacked the "
                          "River Front in May.") == [("The group", "legion")]
    assert references(kb, "The Crescent Legion grew in 2004.\n\nFreedonia said the group "
                          "had attacked the River Front.") == []


def test_a_heading_that_is_a_group_name_gives_its_section_a_group(kb: KnowledgeBase) -> None:
    text = ("Crescent Legion\n\nThe Crescent Legion was founded in 2004.\n\n"
            "Hundreds died when the Freedonian Army stormed a village.\n\n"
            "The group was later listed as a terrorist organisation by Freedonia.")
    assert references(kb, text) == [("The group", "legion")]


def test_a_description_with_words_names_the_group_they_fit(kb: KnowledgeBase) -> None:
    text = ("The Crescent Legion and the River Front met in 2004. "
            "The Palestinian group later denied it. The Syrian group did not.")
    assert references(kb, text) == [("The Palestinian group", "legion"),
                                    ("The Syrian group", "front")]


def test_a_name_head_stands_for_the_one_group_named_so(kb: KnowledgeBase) -> None:
    text = ("The Supreme Council for the Revolution was founded in 1982. "
            "The Crescent Legion fought in the south. Freedonia backed it. "
            "Many saw the council as too close to Freedonia.")
    assert ("the council", "supreme-council") in references(kb, text)
    text = ("In 2002 the Martyrs Battalion of the North and the Crescent Legion seized a "
            "theatre. The legion, along with the martyrs' battalion, was listed in 2003.")
    assert ("the martyrs' battalion", "martyrs") in references(kb, text)


def test_a_description_set_before_a_name_is_no_reference(kb: KnowledgeBase) -> None:
    text = "The Crescent Legion grew in 2004. It has links with the Syrian militia, River Front."
    assert references(kb, text) == [("It", "legion")]


def test_a_pronoun_set_before_a_named_subject_looks_ahead(kb: KnowledgeBase) -> None:
    text = "The Desert Jackals grew in 2004. Despite its losses, the Crescent Legion fought on."
    assert references(kb, text) == []


@pytest.mark.parametrize("text, pair", [
    ("The Crescent Legion split from the River Front in 2004. The two groups clashed in 2005.",
     ("legion", "front")),
    ("Though the Desert Jackals had split from the River Front, the groups went on "
     "coordinating.", ("jackals", "front")),
    # the head noun picks the two named so among three groups
    ("The Justice Movement and the Liberation Movement joined the Crescent Legion against "
     "the River Front.\n\nThe two movements later left.", ("justice", "liberation")),
])
def test_a_pair_phrase_stands_for_the_two_groups(kb: KnowledgeBase, text: str,
                                                 pair: tuple[str, str]) -> None:
    assert {a for _, a in references(kb, text)} == set(pair)


def test_a_pair_phrase_after_two_groups_named_as_one_coordination(kb: KnowledgeBase) -> None:
    text = ("The River Front's splinters, the Crescent Legion (CL) and the Desert Jackals, "
            "both groups known for raids, rejoined it.")
    assert {a for _, a in references(kb, text) if _ == "both groups"} == {"legion", "jackals"}


def test_a_pair_phrase_after_three_groups_stays_unbound(kb: KnowledgeBase) -> None:
    text = ("The Crescent Legion, the Desert Jackals and the River Front met in 2004. "
            "The two groups later clashed.")
    assert references(kb, text) == []


@pytest.mark.parametrize("text, expected", [
    # the subject of the description's own clause is not what it stands for
    ("The Desert Jackals split from the River Front, forming the core of the organization.",
     ("the organization", "front")),
    ("The River Front funded the Desert Jackals, and the Desert Jackals praised the "
     "River Front in support of the group.", ("the group", "front")),
    # a clause opening with a verb shares the subject before it
    ("In 2004, the River Front attacked the bases of the Desert Jackals, and took the "
     "last stronghold of the group.", ("the group", "jackals")),
    # nor is the actor a relative clause hangs from
    ("Many of the Desert Jackals' first fighters came from the River Front, which lost "
     "hundreds of members to the new group.", ("the new group", "jackals")),
    # the owner named in the subject is free ("X's leadership ... the group's")
    ("In 2004, the Desert Jackals' leadership pledged allegiance to the River Front, "
     "receiving funds from the group's treasury.", ("the group", "jackals")),
    # a speaker set after the clause is its subject
    ("The Desert Jackals swore allegiance to the River Front, which is fighting in the "
     "south, the group said.", ("the group", "jackals")),
])
def test_a_description_after_several_groups_of_its_sentence(kb: KnowledgeBase, text: str,
                                                            expected: tuple[str, str]) -> None:
    assert expected in references(kb, text)


def test_a_clause_with_its_own_subject_leaves_a_description_unsettled(kb: KnowledgeBase) -> None:
    text = ("The leader of the Desert Jackals is Abu Omar, a former River Front official who "
            "appeared in the organization's videos.")
    assert references(kb, text) == []


def test_an_unbound_subject_pronoun_leaves_the_next_one_unbound(kb: KnowledgeBase) -> None:
    # the first "They" is not the Taliban's (no sentence about them before), so neither
    # is the second, although the Taliban are named in between
    text = ("Two militias joined forces in 1996. They called their actions against the "
            "Taliban a front. They were joined by other militias.")
    assert references(kb, text) == []


def test_a_member_who_speaks_of_the_group_speaks_of_his_own(kb: KnowledgeBase) -> None:
    text = ("The River Front accused the Desert Jackals of betrayal, while a Desert Jackals "
            "spokesman said the group had acted alone.")
    assert ("the group", "jackals") in references(kb, text)


def test_their_agrees_with_a_group_named_as_plural_or_owning_a_plural(kb: KnowledgeBase) -> None:
    # "their members" after two groups named as one: neither
    assert references(kb, "The River Front attacked the Desert Jackals, killing most of "
                          "their members.") == []
    assert ("their fighters", "jackals") in references(
        kb, "At a rally, Desert Jackals officials said their fighters would join the River Front.")


def test_a_group_noun_after_a_name_says_what_the_group_is(kb: KnowledgeBase) -> None:
    text = ("A faction of the Desert Jackals coalition joined the River Front in 2004. "
            "Freedonia's leaders denounced the move.\n\n"
            "The coalition still fights the River Front in the south.")
    assert ("The coalition", "jackals") in references(kb, text)


def test_the_new_group_is_the_one_just_formed(kb: KnowledgeBase) -> None:
    text = ("The River Front announced the Crescent Legion in January, naming a Desert Jackals "
            "commander as its leader. Many fighters have since defected to the new group.")
    assert ("the new group", "legion") in references(kb, text)


def test_a_group_brought_in_without_a_name_is_what_its_description_means(kb: KnowledgeBase) -> None:
    # "the faction" is the faction of the Desert Jackals, not the Desert Jackals
    text = ("A faction of the Desert Jackals has joined the River Front. "
            "The faction is led by a veteran commander.")
    assert references(kb, text) == []


def test_a_pair_phrase_followed_by_of_is_no_pair(kb: KnowledgeBase) -> None:
    text = "The River Front and the Desert Jackals fought. Both sides of the river burned."
    assert references(kb, text) == []


def test_a_name_made_of_describing_words_is_a_description() -> None:
    kb = build_kb([("t.yaml", "- id: hezbollah\n  name: Hezbollah\n  descriptors: [Lebanese, Shia]\n"
                              "  ideology: islamist\n- id: amal\n  name: Amal\n")])
    text = ("Hezbollah announced its existence in February. Amal accused the Islamist movement "
            "of taking orders from abroad.")
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    assert ("the Islamist movement", "hezbollah") in [(m.text, m.actor_id) for m in found]


# -- in the pipeline: the shipped knowledge base, candidates and events -------------------

@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_a_bound_reference_is_the_event_s_mention(pipeline: Pipeline) -> None:
    text = ("Ansar Dine took Timbuktu in April 2012. Since then it has fought alongside AQIM "
            "in the north.")
    [event] = [e for e in pipeline.extract(Document(id="t", text=text)).events
               if {e.source, e.target} == {"ansar-dine", "aqim"}]
    assert event.source_mention == "it"
    text = "The Mahdi Army was founded in 2003. In 2004, the militia fought US troops in Najaf."
    events = pipeline.extract(Document(id="t", text=text)).events
    assert [(e.source, e.source_mention) for e in events if e.type == "armed_clash"] == [
        ("mahdi-army", "the militia")]


def test_a_description_found_as_a_name_is_no_new_group() -> None:
    actors_only = Pipeline(config=PipelineConfig(events=False))
    text = "Amal fighters clashed with Hezbollah, the Shiite militia backed by Iran, in 1988."
    out = actors_only.extract(Document(id="t", text=text))
    assert not any(a.candidate for a in out.actors), [a.name for a in out.actors]


def test_a_pronoun_after_an_unbound_subject_of_its_sentence_is_that_subject_s(kb: KnowledgeBase) -> None:
    text = ("The Taliban took the capital in 1996. Two militias joined forces. "
            "They called their campaign against the Taliban a front.")
    assert references(kb, text) == []


def test_a_pronoun_after_an_unnamed_group_as_subject_is_that_group_s(kb: KnowledgeBase) -> None:
    text = ("The Crescent Legion attacked police stations in 2010. Since 2012, however, a new "
            "militant group has drawn more attention due to its threat to the River Front.")
    assert references(kb, text) == []
