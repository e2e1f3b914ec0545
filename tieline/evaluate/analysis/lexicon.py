"""The words the error analysis classifies with (``data/evaluate/error-classes.yaml``).

Example:
    >>> lexicon = load_error_lexicon()
    >>> "wing" in lexicon.group_nouns, "agree" in lexicon.control_verbs
    (True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ...yaml_data import load_yaml


@dataclass(frozen=True)
class ErrorLexicon:
    """Word sets, each documented in the data file."""

    pronouns: frozenset[str]
    determiners: frozenset[str]
    group_nouns: frozenset[str]
    compound_heads: frozenset[str]
    control_verbs: frozenset[str]
    copulas: frozenset[str]
    person_roles: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    place_modifiers: frozenset[str]
    list_connectors: tuple[str, ...]
    state_kinds: frozenset[str]


def _words(data: Any, key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"error-classes.yaml: {key} must be a list of words")
    return frozenset(v.lower() for v in value)


@lru_cache(maxsize=1)
def load_error_lexicon() -> ErrorLexicon:
    """The shipped lexicon (raises ValueError when a list is missing or malformed)."""
    path = resources.files("tieline") / "data" / "evaluate" / "error-classes.yaml"
    data = load_yaml(path.read_text("utf-8"))
    references = data.get("references") or {}
    connectors = sorted(_words(data, "list_connectors"), key=len, reverse=True)
    return ErrorLexicon(
        pronouns=_words(references, "pronouns"),
        determiners=_words(references, "determiners"),
        group_nouns=_words(references, "group_nouns"),
        compound_heads=_words(data, "compound_heads"),
        control_verbs=_words(data, "control_verbs"),
        copulas=_words(data, "copulas"),
        person_roles=_words(data, "person_roles"),
        place_prepositions=_words(data, "place_prepositions"),
        place_nouns=_words(data, "place_nouns"),
        place_modifiers=_words(data, "place_modifiers"),
        list_connectors=tuple(connectors),
        state_kinds=_words(data, "state_kinds"),
    )
