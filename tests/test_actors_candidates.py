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
