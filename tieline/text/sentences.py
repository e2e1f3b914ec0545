"""Split a document into paragraphs and sentences, keeping character offsets.

A paragraph is a run of text between line breaks; a sentence never crosses one. The
splitter is rule based (end punctuation followed by a capitalized word, except after
abbreviations and initials, read from ``data/lexicons/abbreviations.yaml``): fast on
news text, and it keeps exact offsets for evidence spans.

Example:
    >>> [s.text for s in split_sentences("Gen. Ali spoke. Hamas denied it.")]
    ['Gen. Ali spoke.', 'Hamas denied it.']
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..model import Sentence
from ..yaml_data import load_yaml

_PARAGRAPH = re.compile(r"[^\n]+")
# End punctuation, optional closing quotes/brackets, whitespace, then a sentence start.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = (resources.files("tieline") / "data" / "lexicons" / "abbreviations.yaml").read_text("utf-8")
    data = load_yaml(text)
    return frozenset(w for group in data.values() for w in group)


def _is_abbreviation(chunk: str) -> bool:
    match = _LAST_WORD.search(chunk)
    if not match:
        return False
    word = match.group(1).rstrip(".").lstrip("(\"'“‘").lower()
    if len(word) == 1 and word.isalpha():
        return True
    return word in abbreviations()


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their offsets and paragraph numbers."""
    sentences: list[Sentence] = []
    for paragraph, para in enumerate(_PARAGRAPH.finditer(text)):
        base = para.start()
        body = para.group()
        start = 0
        for boundary in _BOUNDARY.finditer(body):
            end = boundary.start() + len(boundary.group().rstrip())
            if _is_abbreviation(body[start:boundary.start() + 1]):
                continue
            _append(sentences, text, base + start, base + end, paragraph)
            start = boundary.end()
        _append(sentences, text, base + start, base + len(body), paragraph)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))
