"""The reference lexicon (``lexicons/references.yaml``): how text refers to actors
without naming them, and when a state's name is only a place.

Example:
    >>> "parts of" in reference_lexicon().place_phrases
    True
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

from ..errors import KnowledgeBaseError
from ..yaml_data import load_yaml


@dataclass(frozen=True)
class ReferenceLexicon:
    """The word lists of ``references.yaml``; each field is described in the file."""

    group_nouns: tuple[str, ...]
    name_head_nouns: tuple[str, ...]
    pair_nouns: tuple[str, ...]
    plural_group_nouns: tuple[str, ...]
    free_modifiers: tuple[str, ...]
    new_words: tuple[str, ...]
    creation_verbs: tuple[str, ...]
    descriptive_words: tuple[str, ...]
    singular_pronouns: tuple[str, ...]
    plural_pronouns: tuple[str, ...]
    possessive_pronouns: tuple[str, ...]
    no_subject_words: tuple[str, ...]
    function_words: tuple[str, ...]
    expletive_followers: tuple[str, ...]
    expletive_verbs: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    speaker_nouns: tuple[str, ...]
    clause_openers: tuple[str, ...]
    clause_conjunctions: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    possessed_parts: tuple[str, ...]
    plural_words: tuple[str, ...]
    opening_words: tuple[str, ...]
    fronting_words: tuple[str, ...]
    affiliate_nouns: tuple[str, ...]
    wing_modifiers: tuple[str, ...]
    wing_nouns: tuple[str, ...]
    determiners: tuple[str, ...]
    place_markers: tuple[str, ...]
    parent_nouns: tuple[str, ...]
    member_nouns: tuple[str, ...]
    place_phrases: tuple[str, ...]
    origin_nouns: tuple[str, ...]
    takeover_verbs: tuple[str, ...]
    place_after: tuple[str, ...]
    possessed_places: tuple[str, ...]
    geo_nouns: tuple[str, ...]
    seat_nouns: tuple[str, ...]


@lru_cache(maxsize=1)
def reference_lexicon() -> ReferenceLexicon:
    """The shipped reference lexicon (read once)."""
    path = resources.files("tieline") / "data" / "lexicons" / "references.yaml"
    data = load_yaml(path.read_text("utf-8"))
    expected = {f.name for f in fields(ReferenceLexicon)}
    if not isinstance(data, dict) or set(data) != expected:
        got = set(data) if isinstance(data, dict) else set()
        raise KnowledgeBaseError(
            f"references.yaml: expected the lists {sorted(expected)}; "
            f"missing {sorted(expected - got)}, unknown {sorted(got - expected)}")
    return ReferenceLexicon(**{k: tuple(str(w) for w in v) for k, v in data.items()})
