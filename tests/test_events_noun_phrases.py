"""Relations stated inside noun phrases without a trigger word, and lists of names
under one predicate.

The organizations are fictional (an actor file written for these tests, merged with
the shipped base), so the knowledge base's own links say nothing of them: every
relation found is read from the sentence.
"""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest
import yaml

from tieline.events.actor_facts import ActorFacts
from tieline.events.extract import EventExtractor
from tieline.events.nlp import load_nlp
from tieline.errors import OntologyError
from tieline.events.noun_phrases import (
    load_noun_phrases, noun_phrase_cue, noun_phrase_lexicon, phrase_relations,
)
from tieline.model import Document, Mention
from tieline.pipeline import Pipeline
from tieline.text import split_sentences
from tieline.time import DocumentDates

ACTORS = """\
- id: amber-lions
  name: Amber Lions
  kind: armed_group
  source: "test fixture"
- id: falcon-battalion
  name: Falcon Battalion
  kind: armed_group
  source: "test fixture"
- id: cobalt-guard
  name: Cobalt Guard
  kind: armed_group
  source: "test fixture"
- id: crimson-front
  name: Crimson Front
  kind: political_org
  source: "test fixture"
- id: saraya-al-nur
  name: Saraya al-Nur
  kind: armed_group
  source: "test fixture"
- id: northern-shura-council
  name: Northern Shura Council
  kind: armed_group
  source: "test fixture"
- id: veloria
  name: Veloria
  kind: state
  source: "test fixture"
"""


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path = tmp_path_factory.mktemp("actors") / "fictional.yaml"
    path.write_text(ACTORS, encoding="utf-8")
    return Pipeline(kb_files=[str(path)])


def events(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    out = pipeline.extract(Document(id="t", text=text))
    return {(e.source, e.type, e.target) for e in out.events}


def allegiances(pipeline: Pipeline, text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, t, o in events(pipeline, text) if t == "allegiance"}


# -- a unit possessed by an organization ------------------------------------------------
def test_a_name_possessed_by_an_organization_is_its_unit(pipeline: Pipeline) -> None:
    out = pipeline.extract(Document(id="t", text="The Cobalt Guard's Falcon Battalion raided the town."))
    [unit] = [e for e in out.events if e.type == "allegiance"]
    assert (unit.source, unit.target, unit.basis) == ("falcon-battalion", "cobalt-guard", "noun_phrase")
    assert unit.evidence.trigger == "The Cobalt Guard's Falcon Battalion"


def test_a_states_possessive_only_places_the_group(pipeline: Pipeline) -> None:
    assert allegiances(pipeline, "Veloria's Falcon Battalion raided the town.") == set()


def test_a_possessive_before_another_noun_belongs_to_that_noun(pipeline: Pipeline) -> None:
    # "allies" says what the Amber Lions are to the Cobalt Guard, not that they are its unit
    assert allegiances(pipeline, "The Cobalt Guard's Amber Lions allies raided the town.") == set()


# -- a unit's name followed by its parent's ---------------------------------------------
def test_a_unit_named_of_an_organization_belongs_to_it(pipeline: Pipeline) -> None:
    text = "The Falcon Battalion of the Cobalt Guard shelled the base."
    assert allegiances(pipeline, text) == {("falcon-battalion", "cobalt-guard")}


def test_a_unit_of_a_state_is_no_allegiance(pipeline: Pipeline) -> None:
    assert allegiances(pipeline, "The Falcon Battalion of Veloria shelled the base.") == set()


def test_only_a_name_headed_by_a_unit_word_is_a_unit(pipeline: Pipeline) -> None:
    # "the Amber Lions of the Cobalt Guard" names no unit ("Lions" is no word for one)
    assert allegiances(pipeline, "The Amber Lions of the Cobalt Guard shelled the base.") == set()


# -- a name said to be another group's part ---------------------------------------------
@pytest.mark.parametrize("text", [
    "The Amber Lions, the armed wing of the Crimson Front, claimed the attack.",
    "The Crimson Front's armed wing, the Amber Lions, claimed the attack.",
    "The Amber Lions are the armed wing of the Crimson Front.",
    "The Crimson Front, whose armed wing is the Amber Lions, won seats in the election.",
])
def test_a_name_said_to_be_a_wing_of_another_group_belongs_to_it(pipeline: Pipeline, text: str) -> None:
    assert allegiances(pipeline, text) == {("amber-lions", "crimson-front")}


def test_a_front_group_named_after_another_group_is_its_part(pipeline: Pipeline) -> None:
    text = "The Amber Lions, a Cobalt Guard front group, raided the town."
    assert allegiances(pipeline, text) == {("amber-lions", "cobalt-guard")}


@pytest.mark.parametrize("text", [
    "The Amber Lions are a proxy outfit of the Cobalt Guard.",
    "Analysts see the Amber Lions as a front for the Cobalt Guard.",
    "The Cobalt Guard, of which the Amber Lions are a member, took the town.",
    "A rift opened with the Cobalt Guard cell in Tarsa - the Amber Lions, officials said.",
])
def test_a_name_said_to_stand_under_another_group_belongs_to_it(pipeline: Pipeline, text: str) -> None:
    assert ("amber-lions", "cobalt-guard") in allegiances(pipeline, text)


def test_a_name_opening_the_next_clause_is_no_apposition(pipeline: Pipeline) -> None:
    text = "After attacking the Cobalt Guard cell in Tarsa, the Amber Lions withdrew."
    assert allegiances(pipeline, text) == set()


def test_a_wing_and_its_name_are_not_two_allies(pipeline: Pipeline) -> None:
    # one organization named twice, not two that acted together
    found = events(pipeline, "The Crimson Front's armed wing, the Amber Lions, claimed the attack.")
    assert not any(t == "joint_operation" for _, t, _ in found), found


# -- members named under an organization ------------------------------------------------
@pytest.mark.parametrize("text", [
    "The Northern Shura Council includes the Amber Lions and the Cobalt Guard.",
    "The Northern Shura Council, comprising the Amber Lions and the Cobalt Guard, took the town.",
    "The Northern Shura Council is made up of the Amber Lions and the Cobalt Guard.",
    "Within the Northern Shura Council, there are several groups including the Amber Lions "
    "and the Cobalt Guard.",
])
def test_the_names_an_organization_includes_are_its_members(pipeline: Pipeline, text: str) -> None:
    assert allegiances(pipeline, text) == {("amber-lions", "northern-shura-council"),
                                           ("cobalt-guard", "northern-shura-council")}


def test_members_of_an_organization_named_as_its_members(pipeline: Pipeline) -> None:
    text = "The Cobalt Guard's members include the Amber Lions."
    assert allegiances(pipeline, text) == {("amber-lions", "cobalt-guard")}


def test_an_organization_including_a_name_counts_it_among_its_members(pipeline: Pipeline) -> None:
    text = "The Northern Shura Council, including the Amber Lions, took the town."
    assert ("amber-lions", "northern-shura-council") in allegiances(pipeline, text)


@pytest.mark.parametrize("text", [
    # "including" lists members of the plural subject, not of the group backed
    "Several factions backed the Cobalt Guard, including the Amber Lions.",
    # a set of groups is no organization with members
    "Rebel groups, including the Amber Lions and the Cobalt Guard, took the town.",
    # what an organization's targets include are not its members
    "The Cobalt Guard's targets include the Amber Lions.",
    # put into something else
    "The Cobalt Guard includes the Amber Lions in its plans for the offensive.",
])
def test_names_listed_under_no_organization_are_no_members(pipeline: Pipeline, text: str) -> None:
    assert allegiances(pipeline, text) == set()


@pytest.mark.parametrize("text, spans", [
    # the affiliate's description read as a mention of the affiliate, the parent's name
    # kept as a mention of the parent
    ("The Amber Lions, the Cobalt Guard's branch in the south, took the town.",
     [("Amber Lions", "amber-lions"), ("Cobalt Guard", "cobalt-guard"), ("branch", "amber-lions")]),
    ("The Amber Lions, the Cobalt Guard affiliate in the south, took the town.",
     [("Amber Lions", "amber-lions"), ("Cobalt Guard", "cobalt-guard"), ("affiliate", "amber-lions")]),
    ("The Cobalt Guard's southern affiliate took the town.",
     [("Cobalt Guard", "cobalt-guard"), ("southern affiliate", "amber-lions")]),
])
def test_a_description_resolved_to_the_affiliate_relates_it_to_its_parent(
        text: str, spans: list[tuple[str, str]]) -> None:
    sentences = split_sentences(text)
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, actor, 0,
                        "name" if words[0].isupper() else "descriptor") for words, actor in spans]
    extractor = EventExtractor(load_nlp())
    found = extractor.extract(Document(id="t", text=text), sentences, mentions,
                              DocumentDates(sentences, None))
    assert {(e.source, e.type, e.target) for e in found} >= {("amber-lions", "allegiance", "cobalt-guard")}


def test_a_description_swallowing_the_parents_name_relates_nothing() -> None:
    # what the resolver records today: "the Cobalt Guard's branch" all one mention of
    # the affiliate; the parent has no mention, and nothing is made up for it
    text = "The Amber Lions, the Cobalt Guard's branch in the south, took the town."
    sentences = split_sentences(text)
    start = text.index("the Cobalt")
    mentions = [Mention(4, 15, "Amber Lions", "amber-lions", 0),
                Mention(start, start + 26, text[start:start + 26], "amber-lions", 0, "descriptor")]
    found = EventExtractor(load_nlp()).extract(Document(id="t", text=text), sentences, mentions,
                                               DocumentDates(sentences, None))
    assert found == []


# -- the cheap test and the mechanism on its own ----------------------------------------
def test_a_sentence_without_a_trigger_word_is_parsed_for_its_noun_phrases() -> None:
    mentions = [Mention(4, 16, "Cobalt Guard", "cobalt-guard", 0),
                Mention(19, 35, "Falcon Battalion", "falcon-battalion", 0)]
    assert noun_phrase_cue("The Cobalt Guard's Falcon Battalion held the town.", mentions)
    others = [Mention(4, 16, "Cobalt Guard", "cobalt-guard", 0),
              Mention(25, 36, "Amber Lions", "amber-lions", 0)]
    assert not noun_phrase_cue("The Cobalt Guard and the Amber Lions held the town.", others)
    assert not noun_phrase_cue("The Cobalt Guard's town.", mentions[:1])  # one actor: nothing to relate


def test_relations_are_read_from_the_tokens_that_name_actors() -> None:
    doc = load_nlp()("The Falcon Battalion of the Cobalt Guard shelled the base.")
    token_actor = {1: "falcon", 2: "falcon", 5: "cobalt", 6: "cobalt"}
    facts = ActorFacts({"falcon": "armed_group", "cobalt": "armed_group"})
    [rel] = phrase_relations(doc, token_actor, facts)
    assert (rel.source, rel.target, rel.how) == ("falcon", "cobalt", "unit_of")
    as_state = ActorFacts({"falcon": "armed_group", "cobalt": "state"})
    assert phrase_relations(doc, token_actor, as_state) == []


# -- lists under one predicate ----------------------------------------------------------
def test_items_kept_apart_by_semicolons_share_the_predicate(pipeline: Pipeline) -> None:
    text = ("The Cobalt Guard merged with the Amber Lions, the largest faction in the north; "
            "the Falcon Battalion; and the river-based Saraya al-Nur.")
    merged = {o for s, t, o in events(pipeline, text) if t == "merger" and s == "cobalt-guard"}
    assert merged == {"amber-lions", "falcon-battalion", "saraya-al-nur"}


def test_clauses_kept_apart_by_semicolons_are_no_list(pipeline: Pipeline) -> None:
    text = ("The Amber Lions attacked the Cobalt Guard; Saraya al-Nur condemned the attack; "
            "the Falcon Battalion said nothing.")
    attacked = {o for s, t, o in events(pipeline, text) if t == "bombing_attack"}
    assert attacked == {"cobalt-guard"}


def test_a_name_along_with_another_shares_its_role(pipeline: Pipeline) -> None:
    found = events(pipeline, "The Amber Lions, along with the Falcon Battalion, attacked the Cobalt Guard.")
    assert ("falcon-battalion", "bombing_attack", "cobalt-guard") in found


def test_acronyms_in_brackets_do_not_break_a_list(pipeline: Pipeline) -> None:
    text = "The Amber Lions (AL), the Falcon Battalion (FB) and the Cobalt Guard attacked Saraya al-Nur."
    attackers = {s for s, t, o in events(pipeline, text) if t == "bombing_attack"}
    assert attackers == {"amber-lions", "falcon-battalion", "cobalt-guard"}


def test_a_list_goes_on_to_an_item_that_names_no_group(pipeline: Pipeline) -> None:
    text = "The Amber Lions, the Falcon Battalion and other militias attacked Saraya al-Nur."
    attackers = {s for s, t, o in events(pipeline, text) if t == "bombing_attack"}
    assert attackers == {"amber-lions", "falcon-battalion"}


def test_a_headline_joins_its_subjects_with_a_comma(pipeline: Pipeline) -> None:
    text = "Amber Lions, Falcon Battalion pledge allegiance to Cobalt Guard"
    assert allegiances(pipeline, text) == {("amber-lions", "cobalt-guard"),
                                           ("falcon-battalion", "cobalt-guard")}


def test_a_comma_after_the_conjunction_ends_the_list(pipeline: Pipeline) -> None:
    text = ("After clashes between the Amber Lions and the Falcon Battalion, the Cobalt Guard "
            "merged with Saraya al-Nur.")
    merged = {frozenset((s, o)) for s, t, o in events(pipeline, text) if t == "merger"}
    assert merged == {frozenset(("cobalt-guard", "saraya-al-nur"))}


def test_a_name_inside_another_items_description_is_no_item(pipeline: Pipeline) -> None:
    text = ("The Amber Lions merged into the alliance together with the Cobalt Guard, the desert "
            "branch of Saraya al-Nur (SN), and the Falcon Battalion, an Amber Lions affiliate "
            "active in the south.")
    assert allegiances(pipeline, text) == {("falcon-battalion", "amber-lions")}


def test_names_inside_one_phrase_are_still_a_list(pipeline: Pipeline) -> None:
    found = events(pipeline, "The Cobalt Guard launched attacks on the Amber Lions and Saraya al-Nur.")
    assert {o for s, t, o in found if t == "bombing_attack"} == {"amber-lions", "saraya-al-nur"}


def test_a_name_possessing_the_next_noun_is_no_item(pipeline: Pipeline) -> None:
    text = "The Cobalt Guard shelled the Amber Lions and Saraya al-Nur's villages."
    shelled = {o for s, t, o in events(pipeline, text) if s == "cobalt-guard"}
    assert "saraya-al-nur" not in shelled


# -- the lexicon ------------------------------------------------------------------------
def shipped_lexicon() -> dict[str, object]:
    path = resources.files("tieline") / "data" / "lexicons" / "noun_phrases.yaml"
    data: dict[str, object] = yaml.safe_load(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize("key, value", [
    ("part_nouns", "wing"),             # a word, not a list of words
    ("placing_preps", [True]),          # a bare `on` read by YAML as true
    ("unit_heads", ["brigade"]),        # not split into first and last words
    ("bracket_aside", "six"),
])
def test_a_malformed_lexicon_names_the_list_at_fault(key: str, value: object) -> None:
    data = shipped_lexicon()
    data[key] = value
    with pytest.raises(OntologyError, match=key):
        noun_phrase_lexicon(data)
    assert noun_phrase_lexicon(shipped_lexicon()) == load_noun_phrases()


def test_the_shipped_lexicon_has_every_list() -> None:
    lexicon = load_noun_phrases()
    assert all(getattr(lexicon, f.name) for f in dataclasses.fields(lexicon)), lexicon
