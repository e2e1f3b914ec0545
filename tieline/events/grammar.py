"""The function words of English the role reader relies on, loaded from data.

``data/lexicons/grammar.yaml`` lists them by job: prepositions that mark the one acted
on, the partner, the means, the scene; verbs of accusing, fighting, forming, receiving,
naming and attribution; member nouns; list glue. Code asks for a class of words, never
spells the words out.

Example:
    >>> "against" in load_grammar().aimed_preps
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import OntologyError
from ..yaml_data import load_yaml

_WHERE = "tieline/data/lexicons/grammar.yaml"


@dataclass(frozen=True)
class Grammar:
    """Classes of function words (lemmas, lower case); tuples keep their order."""

    target_preps: tuple[str, ...]
    partner_preps: tuple[str, ...]
    aimed_preps: frozenset[str]
    struck_preps: frozenset[str]
    means_preps: frozenset[str]
    scene_preps: frozenset[str]
    backdrop_preps: frozenset[str]
    inclusion_preps: frozenset[str]
    accusation_preps: frozenset[str]
    activity_preps: frozenset[str]
    prior_preps: frozenset[str]
    support_verbs: frozenset[str]
    copulas: frozenset[str]
    object_control: frozenset[str]
    involvement_verbs: frozenset[str]
    announcing_verbs: frozenset[str]
    renegades: frozenset[str]
    responsible: frozenset[str]
    holding_verbs: frozenset[str]
    releasing_verbs: frozenset[str]
    attributing_verbs: frozenset[str]
    collaborating_verbs: frozenset[str]
    aiming_verbs: frozenset[str]
    accusations: frozenset[str]
    communications: frozenset[str]
    accusing_verbs: frozenset[str]
    fighting_verbs: frozenset[str]
    forming_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    attribution_verbs: tuple[str, ...]
    single_members: frozenset[str]
    group_heads: frozenset[str]
    subject_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    distributive: frozenset[str]
    list_glue: frozenset[str]
    reciprocals: tuple[frozenset[str], ...]

    @property
    def release_pattern(self) -> re.Pattern[str]:
        """"released by", "published by": a sentence that says who issued something."""
        return _release_pattern(self.releasing_verbs)

    @property
    def trailing_attribution(self) -> re.Pattern[str]:
        """", the Israeli military alleged on Monday." closing a sentence: who says it.
        Group 1 is the verb."""
        return _attribution_pattern(self.attribution_verbs)


@lru_cache(maxsize=4)
def _release_pattern(verbs: frozenset[str]) -> re.Pattern[str]:
    stems = "|".join(sorted((re.escape(v.rstrip("e")) for v in verbs), key=len, reverse=True))
    return re.compile(rf"\b(?:{stems})\w*\s+by\b", re.I)


@lru_cache(maxsize=4)
def _attribution_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(v) for v in verbs)
    return re.compile(
        rf",\s+(?:[\w'’.-]+\s+){{1,6}}({alternation})\b[^,;]{{0,40}}[.!?\"”’]*\s*$", re.I)


def _words(data: dict[str, object], section: str, key: str) -> list[str]:
    block = data.get(section)
    if section and not isinstance(block, dict):
        raise OntologyError(f"grammar lexicon: section {section!r} is missing", where=_WHERE)
    value = block.get(key) if isinstance(block, dict) else data.get(key)
    name = f"{section}.{key}" if section else key
    if not isinstance(value, list) or not value:
        raise OntologyError(f"grammar lexicon: {name} must be a non-empty list of words",
                            where=_WHERE)
    bad = [w for w in value if not isinstance(w, str)]
    if bad:
        # YAML reads a bare on/off/yes/no as true/false
        raise OntologyError(f"grammar lexicon: {name} holds {bad[0]!r}, not a word",
                            where=_WHERE, remedy="quote words such as \"on\" or \"no\"")
    return [w.lower() for w in value]


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """The shipped function-word classes."""
    text = (resources.files("tieline") / "data" / "lexicons" / "grammar.yaml").read_text("utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise OntologyError("grammar lexicon: expected a mapping of word classes", where=_WHERE)
    reciprocals = data.get("reciprocals")
    if not isinstance(reciprocals, list) or not all(isinstance(r, list) for r in reciprocals):
        raise OntologyError("grammar lexicon: reciprocals must be a list of word lists",
                            where=_WHERE)
    return Grammar(
        target_preps=tuple(_words(data, "prepositions", "target")),
        partner_preps=tuple(_words(data, "prepositions", "partner")),
        aimed_preps=frozenset(_words(data, "prepositions", "aimed")),
        struck_preps=frozenset(_words(data, "prepositions", "struck")),
        means_preps=frozenset(_words(data, "prepositions", "means")),
        scene_preps=frozenset(_words(data, "prepositions", "scene")),
        backdrop_preps=frozenset(_words(data, "prepositions", "backdrop")),
        inclusion_preps=frozenset(_words(data, "prepositions", "inclusion")),
        accusation_preps=frozenset(_words(data, "prepositions", "accusation")),
        activity_preps=frozenset(_words(data, "prepositions", "activity")),
        prior_preps=frozenset(_words(data, "prepositions", "prior")),
        support_verbs=frozenset(_words(data, "verbs", "support")),
        copulas=frozenset(_words(data, "verbs", "copulas")),
        object_control=frozenset(_words(data, "verbs", "object_control")),
        involvement_verbs=frozenset(_words(data, "verbs", "involvement")),
        announcing_verbs=frozenset(_words(data, "verbs", "announcing")),
        renegades=frozenset(_words(data, "nouns", "renegades")),
        responsible=frozenset(_words(data, "verbs", "responsible")),
        holding_verbs=frozenset(_words(data, "verbs", "holding")),
        releasing_verbs=frozenset(_words(data, "verbs", "releasing")),
        attributing_verbs=frozenset(_words(data, "verbs", "attributing")),
        collaborating_verbs=frozenset(_words(data, "verbs", "collaborating")),
        aiming_verbs=frozenset(_words(data, "verbs", "aiming")),
        accusations=frozenset(_words(data, "nouns", "accusations")),
        communications=frozenset(_words(data, "nouns", "communications")),
        accusing_verbs=frozenset(_words(data, "verbs", "accusing")),
        fighting_verbs=frozenset(_words(data, "verbs", "fighting")),
        forming_verbs=frozenset(_words(data, "verbs", "forming")),
        receiving_verbs=frozenset(_words(data, "verbs", "receiving")),
        naming_verbs=frozenset(_words(data, "verbs", "naming")),
        attribution_verbs=tuple(_words(data, "verbs", "attribution")),
        single_members=frozenset(_words(data, "nouns", "single_members")),
        group_heads=frozenset(_words(data, "nouns", "group_heads")),
        subject_pronouns=frozenset(_words(data, "pronouns", "subject")),
        relative_pronouns=frozenset(_words(data, "pronouns", "relative")),
        possessive_pronouns=frozenset(_words(data, "pronouns", "possessive")),
        distributive=frozenset(_words(data, "", "distributive")),
        list_glue=frozenset(_words(data, "", "list_glue")),
        reciprocals=tuple(frozenset(str(w).lower() for w in r) for r in reciprocals),
    )
