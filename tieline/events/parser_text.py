"""The text the parser sees for a candidate sentence.

An acronym that spells a function word ("IS", "US") becomes a neutral capitalised word
of the same length, so that "fought with IS to take Mosul" is not parsed with a verb
"is". Offsets are unchanged, so mentions still map onto the parsed tokens.

Example:
    >>> parser_text(Sentence(0, 0, 17, "IS fought the US."), [])
    'IS fought the US.'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..model import Mention, Sentence

LONGEST_MASKED = 4  # characters: longer acronyms do not spell function words


def parse_texts(candidates: Sequence[tuple[Sentence, list[Mention]]]) -> list[str]:
    """The texts the parser sees for the candidate sentences (see :func:`parser_text`)."""
    return [parser_text(sentence, group) for sentence, group in candidates]


def parser_text(sentence: Sentence, group: Sequence[Mention]) -> str:
    """``sentence``'s text with its function-word acronyms masked."""
    text = sentence.text
    for m in group:
        surface = m.text
        if surface.isupper() and len(surface) <= LONGEST_MASKED and surface.lower() in _function_words():
            at = m.start - sentence.start
            text = text[:at] + "Q" + "x" * (len(surface) - 1) + text[at + len(surface):]
    return text


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
