"""A state named only as a place is no party: it makes no mention."""

from __future__ import annotations

import pytest

from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.actors.matcher import ActorMatcher
from tieline.actors.places import is_place
from tieline.actors.resolve import resolve_mentions
from tieline.text import split_sentences

KB_YAML = """\
- id: ansar-dine
  name: Ansar Dine
- id: mali
  name: Mali
  kind: state
  aliases: [Bamako, Malian army]
  descriptors: [Malian]
- id: chad
  name: Chad
  kind: state
- id: algeria
  name: Algeria
  kind: state
- id: niger
  name: Niger
  kind: state
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build_kb([("t.yaml", KB_YAML)])


def actors(kb: KnowledgeBase, text: str) -> list[str]:
    found = resolve_mentions(text, split_sentences(text), ActorMatcher(kb).find(text), kb)
    return [m.actor_id for m in found]


@pytest.mark.parametrize("text", [
    "Ansar Dine now holds large swaths of Mali.",
    "Ansar Dine controls parts of Mali.",
    "Ansar Dine struck near the border with Mali.",
    "Volunteers from Mali are joining Ansar Dine.",
    "Ansar Dine captured Bamako in a night.",
    "When Bamako fell to Ansar Dine, the town emptied.",
    "Ansar Dine moved its camps to the Lake Chad shore.",
    "Ansar Dine held the Bamako International airport for a day.",
    "Mali's Islamist militant group Ansar Dine grew.",
])
def test_a_state_named_as_a_place_is_no_party(kb: KnowledgeBase, text: str) -> None:
    assert actors(kb, text) == ["ansar-dine"]


@pytest.mark.parametrize("text, expected", [
    ("Mali accused Ansar Dine of the attack.", ["mali", "ansar-dine"]),
    ("Ansar Dine received support from Algeria.", ["ansar-dine", "algeria"]),
    ("Ansar Dine fought the government in Bamako.", ["ansar-dine", "mali", "mali"]),
    ("Mali's army fought Ansar Dine.", ["mali", "ansar-dine"]),
])
def test_a_state_that_acts_is_a_party(kb: KnowledgeBase, text: str, expected: list[str]) -> None:
    assert actors(kb, text) == expected


def test_every_state_of_a_list_of_places_is_a_place(kb: KnowledgeBase) -> None:
    text = "Fighters from Algeria, Niger and Chad are coming to join Ansar Dine."
    assert actors(kb, text) == ["ansar-dine"]


def test_the_place_test_reads_the_words_around_the_name() -> None:
    text = "Clashes in Syria went on."
    assert is_place(text, 11, 16)
    assert not is_place("Syria denied it.", 0, 5)


def test_a_states_possessive_before_another_actor_only_places_it() -> None:
    kb = build_kb([("t.yaml", KB_YAML + "- id: dine-leader-group\n  name: Iyad Brigade\n"
                   "  leaders: [{name: Iyad Ag Ghaly}]\n")])
    assert actors(kb, "Mali's Iyad Ag Ghaly armed Ansar Dine.") == ["dine-leader-group", "ansar-dine"]
    assert actors(kb, "Mali's army fought Ansar Dine.") == ["mali", "ansar-dine"]
