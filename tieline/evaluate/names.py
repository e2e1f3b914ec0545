"""Whether a gold name and an extracted actor are the same group.

The rules are those of the Mapping Militants scorer (documented in the shared
evaluation README), so figures agree with it: case, punctuation, apostrophes, the
words *the*, *of*, *and*, *a* and the Arabic article (*al-*, *ash-*...) are ignored;
a parenthesised part counts as an alternative name ("Islamic State (formerly ISI)");
and two names of six characters or more match when their similarity ratio is 90 or
more (near-identical transliterations). With ``fuzzy=False`` only equal forms match,
which is what the shared scorers compute when ``rapidfuzz`` is not installed.

Example:
    >>> name_keys("Al Qaeda in Iraq (AQI)") >= {"qaeda in iraq", "aqi"}
    True
    >>> names_match(["Jabhat al-Nusra"], ["Jabhat al Nusrah"])
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from rapidfuzz.fuzz import ratio

_IGNORED_WORDS = frozenset({"the", "of", "and", "a"})
_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ad|ash|as|an|ar|at|az)\b ?")
_PARENTHESISED = re.compile(r"\(([^)]*)\)")
_ALTERNATIVE_PREFIX = re.compile(r"^(?:formerly|aka|also known as)\s+", re.I)
FUZZY_MIN_LENGTH = 6
FUZZY_MIN_RATIO = 90.0


def normalize_name(name: str) -> str:
    """Lowercase ASCII words without punctuation or the ignored words.

    Example:
        >>> normalize_name("Hay'at Tahrir al-Sham")
        'hayat tahrir al sham'
    """
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("'", "").replace("`", "")
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text).split()
    return " ".join(w for w in words if w not in _IGNORED_WORDS)


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """Every normalized form a name may be compared under.

    The whole name, each parenthesised alternative, the name without its parentheses,
    and each of these without the Arabic article.
    """
    forms = {normalize_name(name), normalize_name(_PARENTHESISED.sub("", name))}
    for inner in _PARENTHESISED.findall(name):
        forms.add(normalize_name(_ALTERNATIVE_PREFIX.sub("", inner.strip())))
    forms |= {_ARABIC_ARTICLE.sub("", form).strip() for form in list(forms)}
    return frozenset(form for form in forms if form)


def keys_match(a: str, b: str, fuzzy: bool = True) -> bool:
    """Two normalized forms match when equal, or (``fuzzy``) near-identical and long
    enough."""
    if a == b:
        return True
    if not fuzzy or len(a) < FUZZY_MIN_LENGTH or len(b) < FUZZY_MIN_LENGTH:
        return False
    return ratio(a, b) >= FUZZY_MIN_RATIO


def names_match(gold_names: Iterable[str], other_names: Iterable[str],
                fuzzy: bool = True) -> bool:
    """Whether any of ``gold_names`` matches any of ``other_names``."""
    gold = set().union(*(name_keys(n) for n in gold_names if n))
    other = set().union(*(name_keys(n) for n in other_names if n))
    if gold & other:
        return True
    return fuzzy and any(keys_match(g, o) for g in gold for o in other)


def actor_names(actor: Mapping[str, Any]) -> list[str]:
    """The names an extracted actor record goes by: name, aliases and mentions."""
    names = [actor.get("name") or ""]
    names += list(actor.get("aliases") or [])
    names += list(actor.get("mentions") or [])
    return [str(n) for n in names if n]


def matching_actor_ids(gold_names: Iterable[str], actors: Iterable[Mapping[str, Any]],
                       fuzzy: bool = True) -> set[str]:
    """The ids of the extracted actors any of ``gold_names`` matches."""
    names = list(gold_names)
    return {str(a.get("id")) for a in actors if names_match(names, actor_names(a), fuzzy)}
