"""When a gold name and an extracted actor are the same group (score_mmp.py's rules)."""

from __future__ import annotations

import pytest

from tieline.evaluate.names import matching_actor_ids, name_keys, names_match


@pytest.mark.parametrize("gold, other", [
    ("Al Qaeda", "al-Qaeda"),                              # case, hyphen, Arabic article
    ("The Islamic State", "Islamic State"),                # "the" ignored
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham"),     # apostrophe
    ("National Liberation Army (Colombia)", "ELN (National Liberation Army)"),
    ("Islamic State (formerly ISI)", "ISI"),               # parenthesised alternative
    ("Jabhat al-Nusra", "Jabhat al-Nusrah"),               # near-identical spelling
    ("Séléka", "Seleka"),                                  # accents
])
def test_names_that_match(gold: str, other: str) -> None:
    assert names_match([gold], [other])


@pytest.mark.parametrize("gold, other", [
    ("Hamas", "Fatah"),
    ("ISI", "ISIS"),                       # short names must be identical
    ("Islamic State", "Islamic State Sinai Province"),
    ("Ansar Dine", "Ansaru"),
])
def test_names_that_do_not_match(gold: str, other: str) -> None:
    assert not names_match([gold], [other])


def test_an_actor_matches_by_name_alias_or_mention() -> None:
    actors = [{"id": "wilayat-sinai", "name": "Wilayat Sinai", "aliases": ["Ansar Bayt al-Maqdis"]},
              {"id": "hamas", "name": "Hamas", "mentions": ["the Palestinian group"]}]
    assert matching_actor_ids(["ABM", "Ansar Bayt al-Maqdis"], actors) == {"wilayat-sinai"}
    assert matching_actor_ids(["Palestinian group"], actors) == {"hamas"}
    assert matching_actor_ids(["Fatah"], actors) == set()


def test_keys_drop_the_arabic_article() -> None:
    assert name_keys("Al-Qaeda in Iraq") == {"al qaeda in iraq", "qaeda in iraq"}
