"""A state's institutions and forces named without their proper names resolve to it."""

from __future__ import annotations

import pytest

from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.actors.matcher import ActorMatcher
from tieline.actors.resolve import resolve_mentions
from tieline.text import split_sentences

KB_YAML = """\
- id: free-army
  name: Free Army of the North
  country: Arcadia
- id: red-hand
  name: Red Hand Brigade
  country: Arcadia
- id: arcadia
  name: Arcadia
  kind: state
  descriptors: [Arcadian]
  country: Arcadia
- id: arcadian-army
  name: Arcadian National Army
  kind: state_force
  country: Arcadia
- id: borduria
  name: Borduria
  kind: state
  descriptors: [Bordurian]
  country: Borduria
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build_kb([("t.yaml", KB_YAML)])


def states(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    return [(m.text, m.actor_id) for m in found if kb.get(m.actor_id).kind != "armed_group"]


@pytest.mark.parametrize("text, expected", [
    # the qualifier names the state; the mention is the phrase as written
    ("Bordurian intelligence armed the Free Army of the North.",
     [("Bordurian intelligence", "borduria")]),
    ("The Free Army of the North chased the largely rural Borduria army away.",
     [("Borduria army", "borduria")]),
    ("The Red Hand Brigade fought Borduria's security forces.",
     [("Borduria's security forces", "borduria")]),
    # without one, the state the document is about; a force the base holds for it
    ("Government forces overran the camps of the Free Army of the North in Arcadia.",
     [("Government forces", "arcadia")]),
    ("The newly-elected parliament banned the Red Hand Brigade in Arcadia.",
     [("parliament", "arcadia")]),
    ("Police raided the hideouts of the Red Hand Brigade in Arcadia.", [("Police", "arcadia")]),
    ("The army attacked the Free Army of the North in Arcadia.", [("army", "arcadian-army")]),
])
def test_an_institution_is_its_state(kb: KnowledgeBase, text: str,
                                     expected: list[tuple[str, str]]) -> None:
    assert states(kb, text) == expected


@pytest.mark.parametrize("text", [
    "The Free Army of the North denounced the military coup in Arcadia.",
    "The Red Hand Brigade gave military training to the Free Army of the North in Arcadia.",
    "The rebel army of the Free Army of the North grew in Arcadia.",
    "Pro-government militias fought the Red Hand Brigade in Arcadia.",
    "The Red Hand Brigade attacked police stations in Arcadia.",
])
def test_a_noun_that_modifies_another_or_belongs_to_a_group_is_no_state(kb: KnowledgeBase,
                                                                         text: str) -> None:
    assert states(kb, text) == []


def test_without_one_state_in_view_a_bare_noun_stays_unresolved(kb: KnowledgeBase) -> None:
    text = "The army of Arcadia and the government of Borduria met the Red Hand Brigade."
    assert ("government", "borduria") not in states(kb, text)


def test_the_pattern_is_tried_only_near_its_nouns_and_finds_all_it_finds(kb: KnowledgeBase) -> None:
    # _hits tries the phrase pattern a few words before each noun: it must give what
    # the pattern's finditer gives over the whole text, whitespace runs and all
    import random

    from tieline.actors.institutions import _hits, _scan

    pattern = _scan(kb).pattern
    rng = random.Random(3)
    words = ["Arcadia", "Arcadia's", "Bordurian", "army", "Army", "security", "forces", "the",
             "newly-elected", "Ana", "Lee's", "air", "force", "national", "guard", "police", "ARMY",
             "special", "pro-government", "military", "junta", "regime", "mılitary", "x", "coup"]
    separators = [" ", "  ", "\n", " \t", "-", ""]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(separators) for _ in range(rng.randint(1, 14)))
        found = [(h.span(), h.groupdict()) for h in _hits(text, kb)]
        assert found == [(h.span(), h.groupdict()) for h in pattern.finditer(text)], text
