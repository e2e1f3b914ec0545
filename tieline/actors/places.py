"""When a state's name is only a place: "clashes in Syria", "swaths of Iraq", "terrorists
from Algeria", "the border with Mali", "captured Mogadishu", "Lake Chad".

A state named as a location takes no part in what the sentence says happened there, so
such a name makes no mention (the events never see it). The cues are data
(``lexicons/references.yaml``): words and phrases right before the name, the people
named after where they come from, verbs of taking a place, words after the name, the
nouns a state's possessive names as its parts, and the geographic nouns of longer place
names. A name listed with a place ("in Syria, Iraq and Yemen") is a place too; that is
decided by the caller, which sees the list (:func:`continues_place_list`).

Example:
    >>> is_place("Fighting spread across parts of Yemen.", 29, 34)
    True
    >>> is_place("Yemen accused the rebels.", 0, 5)
    False
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.scan import alternation, opening_class
from .lexicon import reference_lexicon


def _alternation(words: tuple[str, ...]) -> str:
    """The words, longest first, for a case-insensitive expression (grouped by first
    letter, which ``re`` tries faster)."""
    return alternation(words, ignore_case=True)


def _before(words: tuple[str, ...]) -> str:
    """``\\b`` and the words, searched for: a lookahead for the characters they open
    with lets ``re`` pass over the other places of the window at once."""
    chars = opening_class(words)
    return (f"(?={chars})" if chars else "") + rf"\b(?:{_alternation(words)})"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = reference_lexicon()
    return {
        # the word right before the name: "in Syria", "across northern Iraq"
        "marker": re.compile(rf"(?i){_before(lex.place_markers)}\s+(?:the\s+)?$"),
        "seat": re.compile(rf"(?i){_before(lex.seat_nouns)}\s+in\s+$"),
        "phrase": re.compile(rf"(?i){_before(lex.place_phrases)}\s+(?:the\s+)?$"),
        # "terrorists from Algeria", "foreign fighters coming from Iraq"
        "origin": re.compile(rf"(?i){_before(lex.origin_nouns)}\s+(?:\w+\s+)?"
                             rf"from\s+(?:the\s+)?$"),
        "takeover": re.compile(rf"(?i){_before(lex.takeover_verbs)}\s+"
                               rf"(?:(?:control|parts?)\s+of\s+)?(?:the\s+)?$"),
        "after": re.compile(rf"(?i)^\s+(?:{_alternation(lex.place_after)})\b"),
        "possessed": re.compile(rf"(?i)^['’]s?\s+(?:[\w-]+\s+){{0,3}}?"
                                rf"(?:{_alternation(lex.possessed_places)})\b"),
        # "Lake Chad", "Gulf of Mexico": a capitalised geographic noun before the name
        "geo_before": re.compile(rf"{_capitals(lex.geo_nouns)}\b(?:{_capitalised(lex.geo_nouns)})\s+"
                                 rf"(?:of\s+(?:the\s+)?)?$"),
        # "Chad Basin", "Tripoli International Airport": one ending in a geographic noun
        "geo_after": re.compile(rf"^(?:\s+[A-Z][\w'’-]*){{0,3}}\s+(?:(?i:{_alternation(lex.geo_nouns)}))\b"),
    }


def _capitalised(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w[:1].upper() + w[1:]) for w in sorted(words, key=len, reverse=True))


def _capitals(words: tuple[str, ...]) -> str:
    """A lookahead for the first letters of the capitalised words (nothing if one is empty)."""
    if not all(words):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[:1].upper()[0]) for w in words})) + "])"


_AFTER_WINDOW = 60


def is_place(text: str, start: int, end: int) -> bool:
    """Whether the state's name at ``text[start:end]`` names a place, not a party."""
    pats = _patterns()
    before = text[max(0, start - 60):start]
    after = text[end:end + _AFTER_WINDOW]
    if pats["seat"].search(before):
        return False  # "the government in Mogadishu" is the state's
    if any(pats[k].search(before) for k in ("marker", "phrase", "origin", "takeover")):
        return True
    if pats["after"].match(after) or pats["possessed"].match(after):
        return True
    return bool(pats["geo_before"].search(before) or pats["geo_after"].match(after))


_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:the\s+)?$")


def continues_place_list(text: str, previous_end: int, start: int) -> bool:
    """Whether the name at ``start`` continues a list whose previous item (ending at
    ``previous_end``) is a place: "in Syria, Iraq and Yemen"."""
    return previous_end <= start and bool(_LIST_GAP.match(text[previous_end:start]))
