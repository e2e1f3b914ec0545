"""Where a text names a group: spans found by the evaluation's name normalization.

A name is found where the text's words, normalized as gold names are compared
(:func:`tieline.evaluate.names.normalize_name`: case, accents, punctuation and the
words *the*, *of*, *and*, *a* ignored), run as one of the name's forms; the Arabic
article is skipped on both sides and a possessive ending is not part of a name. So
"al-Nusra Front's" holds "Nusra Front" and "Hay'at Tahrir al-Sham" holds "Hayat Tahrir
al Sham".

Example:
    >>> name_spans("Fighters of the al-Nusra Front’s units left.", ["Nusra Front"])
    [(19, 30)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...text import split_sentences
from ..names import name_keys, normalize_name
from .lexicon import ErrorLexicon

Span = tuple[int, int]
_TOKEN = re.compile(r"[^\W_]+(?:['’`ʿ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’](?:s)?$", re.I)
_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "an", "ar", "at", "az"})


@dataclass(frozen=True)
class Word:
    """A normalized word of a text and the characters it comes from."""

    form: str
    start: int
    end: int


def words_of(text: str) -> list[Word]:
    """The normalized words of ``text`` with their offsets (articles and ignored words
    dropped, possessive endings cut off)."""
    out: list[Word] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        end = match.end()
        cut = _POSSESSIVE.search(token)
        if cut and len(token) > 2 and token.lower() not in {"it's"}:
            token, end = token[: cut.start()], match.start() + cut.start()
        for form in normalize_name(token).split():
            if form not in _ARTICLES:
                out.append(Word(form, match.start(), end))
    return out


@lru_cache(maxsize=8192)
def _forms(name: str) -> tuple[tuple[str, ...], ...]:
    forms = {tuple(w for w in key.split() if w not in _ARTICLES) for key in name_keys(name)}
    return tuple(f for f in forms if f)


def name_spans(text: str, names: Iterable[str], words: Sequence[Word] | None = None) -> list[Span]:
    """Every span of ``text`` that one of ``names`` names, longest first where two overlap."""
    seen = list(words) if words is not None else words_of(text)
    forms = [w.form for w in seen]
    found: set[Span] = set()
    for name in names:
        for form in _forms(name):
            size = len(form)
            for i in range(len(forms) - size + 1):
                if tuple(forms[i:i + size]) == form:
                    found.add((seen[i].start, seen[i + size - 1].end))
    spans = sorted(found, key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: s[0] - s[1]):
        if not any(k[0] <= span[0] and span[1] <= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def is_reference(mention: str, lexicon: ErrorLexicon) -> bool:
    """Whether a mention only refers to a group: a pronoun, or a determiner phrase ending
    in a lowercase group noun ("the group", "the Palestinian group", "both sides")."""
    words = mention.split()
    if not words:
        return True
    if len(words) == 1:
        return words[0].lower() in lexicon.pronouns
    last = words[-1].strip(".,;:'’")
    return (words[0].lower() in lexicon.determiners and last.islower()
            and last in lexicon.group_nouns)


def locate(text: str, phrase: str) -> Span | None:
    """Where ``phrase`` is in ``text``: verbatim, else with any run of spaces for its spaces."""
    at = text.find(phrase)
    if at >= 0:
        return at, at + len(phrase)
    parts = phrase.split()
    if not parts:
        return None
    match = re.search(r"\s+".join(re.escape(p) for p in parts), text)
    return (match.start(), match.end()) if match else None


def sentence_regions(text: str) -> list[Span]:
    """The sentences of ``text`` (tieline's splitter), as spans."""
    return [(s.start, s.end) for s in split_sentences(text)]


def cue_region(text: str, cue: str | None) -> Span | None:
    """The sentences that hold the cue, as one span (None when the cue is not found)."""
    where = locate(text, cue) if cue else None
    if where is None:
        return None
    inside = [s for s in sentence_regions(text) if s[0] < where[1] and where[0] < s[1]]
    if not inside:
        return where
    return inside[0][0], inside[-1][1]
