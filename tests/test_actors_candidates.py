"""Near-spellings of known names, and groups the knowledge base does not know yet."""

from __future__ import annotations

import pytest

from tieline.actors.candidates import CandidateFinder, candidate_id, is_candidate_id
from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.actors.matcher import ActorMatcher
from tieline.model import Document
from tieline.pipeline import Pipeline

KB_YAML = """\
- id: mahdi-army
  name: Mahdi Army
  aliases: [Jaysh al-Mahdi]
- id: mnla
  name: National Movement for the Liberation of Azawad
- id: msa
  name: Movement for the Salvation of Azawad
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build_kb([("t.yaml", KB_YAML)])


def found(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str]]:
    exact = ActorMatcher(kb).find(text)
    return [(m.text, m.candidates[0][0], m.candidates[0][1])
            for m in CandidateFinder(kb).find(text, exact)]


def test_a_near_spelling_of_a_known_name_is_that_actor(kb: KnowledgeBase) -> None:
    assert found(kb, "The Madhi Army clashed with police.") == [("Madhi Army", "mahdi-army", "fuzzy")]


def test_a_different_word_is_a_different_name_however_similar(kb: KnowledgeBase) -> None:
    text = "The Movement for the Liberation of Azawad took Gao."
    assert [how for _, _, how in found(kb, text)] != ["fuzzy"]


@pytest.mark.parametrize("text, name", [
    ("Several groups joined, like the Victorious Sect Group.", "Victorious Sect Group"),
    ("Fighters of Jaysh al-Sunna took the hill.", "Jaysh al-Sunna"),
    ("They fought beside the Nasser Salahuddin Brigade near Damascus.", "Nasser Salahuddin Brigade"),
])
def test_names_built_like_armed_groups_become_candidates(kb: KnowledgeBase, text: str, name: str) -> None:
    assert (name, candidate_id(name), "candidate") in found(kb, text)


@pytest.mark.parametrize("text", [
    "The UN Security Council met in New York.",
    "President Obama spoke to Congress.",
    "The Red Cross visited the camp.",
])
def test_ordinary_capitalised_phrases_are_not_candidates(kb: KnowledgeBase, text: str) -> None:
    assert found(kb, text) == []


def test_candidates_flow_into_the_output_as_flagged_actors() -> None:
    out = Pipeline().extract(Document(id="d", text="Hamas fought alongside the Nasser Salahuddin Brigade."))
    [candidate] = [a for a in out.actors if a.candidate]
    assert candidate.name == "Nasser Salahuddin Brigade" and is_candidate_id(candidate.id)
    assert any({e.source, e.target} == {"hamas", candidate.id} for e in out.events)


KNOWN_YAML = """\
- id: egyptian-islamic-jihad
  name: Egyptian Islamic Jihad
  aliases: [al-Jihad]
  ambiguous: [al-Jihad]
- id: zinki
  name: Nour al-Din Zinki
- id: boko-haram
  name: Boko Haram
  aliases: [Jama'at Ahl as-Sunnah lid-Da'wah wa'l-Jihad]
  acronyms: [JAS]
  ambiguous: [JAS]
- id: iswap
  name: Islamic State West Africa Province
  acronyms: [ISWAP]
- id: islamic-state
  name: Islamic State
- id: peshmerga
  name: Peshmerga
- id: mnla
  name: National Movement for the Liberation of Azawad
  acronyms: [MNLA]
- id: eln
  name: National Liberation Army
  acronyms: [ELN]
- id: jaysh-al-islam
  name: Jaysh al-Islam
  aliases: [Jaish al-Islam]
- id: hezbollah
  name: Hezbollah
- id: colombia
  name: Colombia
  kind: state
- id: iraq
  name: Iraq
  kind: state
  descriptors: [Iraqi]
"""


@pytest.fixture(scope="module")
def known() -> KnowledgeBase:
    return build_kb([("k.yaml", KNOWN_YAML)])


def resolved(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    from tieline.actors.resolve import resolve_mentions
    from tieline.text import split_sentences

    exact = ActorMatcher(kb).find(text)
    every = sorted([*exact, *CandidateFinder(kb).find(text, exact)], key=lambda m: m.start)
    return [(m.text, m.actor_id) for m in resolve_mentions(text, split_sentences(text), every, kb)]


@pytest.mark.parametrize("text, expected", [
    # a known name inside a longer one is not the group it spells
    ("Hamas crushed Tawheed and Jihad in Rafah.",
     [("Tawheed and Jihad", "candidate-tawheed-and-jihad")]),
    ("They met the Liberation Army of Azawad.",
     [("Liberation Army of Azawad", "candidate-liberation-army-of-azawad")]),
    ("A ceasefire holds between Peshmerga Rojava forces and the others.",
     [("Peshmerga Rojava forces", "candidate-peshmerga-rojava-forces")]),
    # ... or it is the known group, named in full or spelled otherwise
    ("Fighters joined the Nour al-Din Zinki Movement last year.",
     [("Nour al-Din Zinki Movement", "zinki")]),
    ("He led the Jam’at Ahl as-Sunnah lid-Da’wah wa’l-Jihad (JAS) for years.",
     [("Jam’at Ahl as-Sunnah lid-Da’wah wa’l-Jihad", "boko-haram"), ("JAS", "boko-haram")]),
    ("Later the Islamic State West African Province (ISWAP) moved north.",
     [("Islamic State West African Province", "iswap"), ("ISWAP", "iswap")]),
    # a demonym before a known name leaves it the known name
    ("The Iraqi Hezbollah fighters left.", [("Hezbollah fighters", "hezbollah")]),
])
def test_a_longer_name_around_a_known_one_is_the_name_there(known: KnowledgeBase, text: str,
                                                            expected: list[tuple[str, str]]) -> None:
    assert resolved(known, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rebels from the Jose Solano Front of the National Liberation Army (ELN) formed it.",
     [("Jose Solano Front", "candidate-jose-solano-front"), ("National Liberation Army", "eln"),
      ("ELN", "eln")]),
    ("They fought the paramilitary group known as the Gaitanist Self-Defense of Colombia.",
     [("Gaitanist Self-Defense of Colombia", "candidate-gaitanist-self-defense-of-colombia")]),
])
def test_a_unit_of_a_known_group_and_a_group_named_for_a_place(
        known: KnowledgeBase, text: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(known, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They joined the People's Revolutionary Front (FRP) in May. The FRP grew.",
     [("People's Revolutionary Front", "candidate-people-s-revolutionary-front"),
      ("FRP", "candidate-people-s-revolutionary-front"),
      ("FRP", "candidate-people-s-revolutionary-front")]),
    # an acronym the base knows names the group it belongs to
    ("It backed the Movement for the Liberation of Azawad (MNLA) in 2012.",
     [("Movement for the Liberation of Azawad", "mnla"), ("MNLA", "mnla")]),
])
def test_a_name_defined_with_an_acronym(known: KnowledgeBase, text: str,
                                        expected: list[tuple[str, str]]) -> None:
    assert resolved(known, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rockets hit the airport held by the Zintan militia overnight.",
     [("Zintan militia", "candidate-zintan-militia")]),
    ("It is part of the Islamist-allied Misrata fighters' movement.",
     [("Misrata fighters' movement", "candidate-misrata-fighters-movement")]),
    ("The fighting between Houthis and Saleh loyalists went on.",
     [("Saleh loyalists", "candidate-saleh-loyalists")]),
    # a class of people is no body, and a state's forces are the state's
    ("They were joined by some Hazara militias.", []),
    ("It was attacked by Iraqi forces.", []),
])
def test_a_place_or_name_and_a_noun_for_an_armed_body(known: KnowledgeBase, text: str,
                                                      expected: list[tuple[str, str]]) -> None:
    assert [x for x in resolved(known, text) if x[1].startswith("candidate-")] == expected


@pytest.mark.parametrize("text, expected", [
    # a headline capitalises every word
    ("VIDEO: Jeish al-Islam Stormed Rival Terrorists in Eastern Ghouta\n\nIt went on.",
     [("Jeish al-Islam", "jaysh-al-islam")]),
    # a possessive of a known name is that name
    ("Jeish al-Islam's offensive took hours.", [("Jeish al-Islam", "jaysh-al-islam")]),
    # "Both" and "Members of the" open a phrase, not a name
    ("Both Shura Councils are believed to be allied.", []),
    ("Members of the Student Armed Force trained there.",
     [("Student Armed Force", "candidate-student-armed-force")]),
    # a name after a possessive pronoun is a phrase
    ("On behalf of members of our Islamic Movement, I announce it.", []),
    # a name does not run on across lines
    ("31 August 2023, Sittwe\nThe Jaysh al-Islam fighters left.",
     [("Jaysh al-Islam fighters", "jaysh-al-islam")]),
])
def test_what_is_not_a_new_name(known: KnowledgeBase, text: str,
                                expected: list[tuple[str, str]]) -> None:
    assert resolved(known, text) == expected


FACTIONS_YAML = """\
- id: front
  name: National Front of Ruritania
  aliases: [National Front of Ruritania (Unified)]
  acronyms: [NFR, NFR-U]
  ambiguous: [NFR]
- id: front-k
  name: National Front of Ruritania (Khaplan)
  acronyms: [NFR-K, NFR]
  ambiguous: [NFR]
- id: ruritania
  name: Ruritania
  kind: state
  descriptors: [Ruritanian]
  country: Ruritania
- id: ruritanian-rifles
  name: Ruritania Rifles
  kind: state_force
  aliases: [Special Rifles]
  country: Ruritania
"""


@pytest.mark.parametrize("text, expected", [
    ("The NFR – K and the NFR – U split in 1988.",
     [("NFR – K", "front-k"), ("NFR – U", "front")]),
    ("Militants of the National Front of Ruritania – Khaplan ambushed a patrol.",
     [("National Front of Ruritania – Khaplan", "front-k")]),
])
def test_a_known_name_a_dash_and_a_word_name_its_faction(text: str,
                                                         expected: list[tuple[str, str]]) -> None:
    assert resolved(build_kb([("f.yaml", FACTIONS_YAML)]), text) == expected


def test_a_state_force_is_named_with_its_demonym() -> None:
    text = "Ruritanian Special Rifles stormed the building."
    assert resolved(build_kb([("f.yaml", FACTIONS_YAML)]), text) == [
        ("Ruritanian Special Rifles", "ruritanian-rifles")]


@pytest.mark.parametrize("text, name", [
    ("It was challenged by the 10th Front of the dissidents.", "10th Front"),
    ("The 7th Muslim brigade was formed in 1992.", "7th Muslim brigade"),
    ("Among them is the Eastern Ruritania Shield, a militia.", "Eastern Ruritania Shield"),
    ("IS then set up the Caucasus Wilayah in the mountains.", "Caucasus Wilayah"),
])
def test_numbered_units_and_regional_names(text: str, name: str) -> None:
    kb = build_kb([("f.yaml", FACTIONS_YAML)])
    assert (name, candidate_id(name)) in resolved(kb, text)
