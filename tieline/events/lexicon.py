"""The trigger lexicon and hedge cues, loaded from data and compiled for matching.

``triggers.yaml`` holds the phrases that state each interaction type in a small
pattern language (see the file's header); :func:`compile_pattern` turns one pattern
into spaCy Matcher patterns over lemmas. ``hedges.yaml`` holds modality and negation
cues.

Example:
    >>> compile_pattern("^pledge ... allegiance")[0][1]
    [{'LEMMA': {'IN': ['pledge']}}, {'OP': '{0,3}'}, {'LEMMA': {'IN': ['allegiance']}}]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import OntologyError
from ..yaml_data import load_yaml

FRAMES = {"agent", "receiver", "mutual", "joiner", "formed_from", "severed_ties"}
REFERENT_SIDES = {"source", "target", "side"}
# Part-of-speech restrictions a slot may carry ("back/V": the verb, not the body part).
POS_TAGS = {"V": ["VERB"], "N": ["NOUN", "PROPN"], "A": ["ADJ"]}

TokenSpec = dict[str, Any]


@dataclass(frozen=True)
class Trigger:
    """One compiled trigger pattern: its type, frame and the slot that is the head."""

    key: str
    type: str
    frame: str
    source: str
    specs: tuple[tuple[int, tuple[TokenSpec, ...]], ...]  # (head token position, spaCy pattern)
    #: for a noun naming a participant ("supporter", "affiliate", "ally"): which side of
    #: the event the actor the noun phrase refers to is (``source``, ``target``, or
    #: ``side`` of a mutual one); None for a noun naming an act ("support", "alliance")
    referent: str | None = None


@dataclass(frozen=True)
class TriggerLexicon:
    triggers: dict[str, Trigger]
    cue_pattern: re.Pattern[str]


@dataclass(frozen=True)
class HedgeLexicon:
    governing: dict[str, str]   # lemma -> modality, for words that govern the trigger
    adverbs: dict[str, str]     # lemma -> modality, for adverbs attached on the path
    modals: frozenset[str]
    sentence: tuple[tuple[str, str], ...]  # (phrase, modality): cue phrases of the sentence
    negators: frozenset[str]
    negating_governors: frozenset[str]
    #: words after "not" that make it a focus, not a denial ("not only ... but also")
    focus: frozenset[str] = frozenset()

    @property
    def sentence_patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """The sentence cues as whole-word, case-blind patterns ("likely" is not found
        in "unlikely"), with their modality."""
        return _phrase_patterns(self.sentence)


@lru_cache(maxsize=4)
def _phrase_patterns(phrases: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """One pattern per modality, its phrases as alternatives (longest first), in the
    order the modalities first appear: a sentence is searched once per modality."""
    by_modality: dict[str, list[str]] = {}
    for phrase, modality in phrases:
        by_modality.setdefault(modality, []).append(r"\s+".join(map(re.escape, phrase.split())))
    return tuple((re.compile(r"(?<!\w)(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?!\w)",
                             re.I), modality)
                 for modality, alts in by_modality.items())


def _slot_alternatives(slot: str) -> list[list[str]]:
    """'crack_down|crackdown' -> [['crack', 'down'], ['crackdown']]."""
    return [alt.split("_") for alt in slot.split("|") if alt]


def compile_pattern(pattern: str) -> list[tuple[int, list[TokenSpec]]]:
    """Turn one pattern string into spaCy Matcher token patterns (with head positions).

    Multiword alternatives expand into several patterns, one per combination.
    """
    slots = pattern.split()
    if not slots:
        raise OntologyError("empty trigger pattern")
    head_slot = next((i for i, s in enumerate(slots) if s.startswith("^")), 0)
    choices: list[list[list[TokenSpec]]] = []
    for slot in slots:
        slot = slot.lstrip("^")
        if slot == "...":
            choices.append([[{"OP": "{0,4}"}]])
        elif slot == "*":
            choices.append([[{"OP": "?"}]])
        else:
            optional = slot.endswith("?")
            slot = slot.rstrip("?")
            pos = None
            if "/" in slot:
                slot, pos = slot.split("/", 1)
                if pos not in POS_TAGS:
                    raise OntologyError(
                        f"trigger pattern {pattern!r}: unknown part of speech /{pos}",
                        where="tieline/data/lexicons/triggers.yaml",
                        remedy=f"end a slot with one of {', '.join('/' + p for p in POS_TAGS)} "
                               "(it applies to all its alternatives: ^arm|rearm/V)")
            alternatives = _slot_alternatives(slot)
            single = sorted({a[0].lower() for a in alternatives if len(a) == 1})
            options: list[list[TokenSpec]] = []
            if single:
                spec: TokenSpec = {"LEMMA": {"IN": single}}
                if pos:
                    spec["POS"] = {"IN": POS_TAGS[pos]}
                if optional:
                    spec["OP"] = "?"
                options.append([spec])
            for alt in alternatives:
                if len(alt) > 1:
                    options.append([{"LEMMA": {"IN": [w.lower()]}} for w in alt])
            choices.append(options)
    compiled: list[tuple[int, list[TokenSpec]]] = []
    for combo in itertools.product(*choices):
        tokens: list[TokenSpec] = []
        head_pos = 0
        for i, part in enumerate(combo):
            if i == head_slot:
                head_pos = len(tokens)
            tokens.extend(part)
        compiled.append((head_pos, tokens))
    return compiled


def _data(name: str) -> Any:
    text = (resources.files("tieline") / "data" / "lexicons" / name).read_text("utf-8")
    return load_yaml(text)


@lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    """The shipped trigger lexicon, compiled."""
    data = _data("triggers.yaml")
    irregular: dict[str, list[str]] = data.get("irregular", {})
    triggers: dict[str, Trigger] = {}
    words: set[str] = set()
    for type_id, entries in data["types"].items():
        for n, entry in enumerate(entries):
            frame = entry.get("frame", "agent")
            if frame not in FRAMES:
                raise OntologyError(f"{type_id} pattern {n + 1} has unknown frame {frame!r}",
                                    where="tieline/data/lexicons/triggers.yaml")
            pattern = entry["pattern"]
            referent = entry.get("referent")
            if referent is not None and referent not in REFERENT_SIDES:
                raise OntologyError(f"{type_id} pattern {n + 1} has unknown referent {referent!r}",
                                    where="tieline/data/lexicons/triggers.yaml",
                                    remedy="use one of " + ", ".join(sorted(REFERENT_SIDES)))
            key = f"{type_id}#{n}"
            compiled = compile_pattern(pattern)
            triggers[key] = Trigger(key, type_id, frame, pattern,
                                    tuple((h, tuple(p)) for h, p in compiled), referent)
            head = next((s for s in pattern.split() if s.startswith("^")), pattern.split()[0])
            for alt in _slot_alternatives(head.lstrip("^").rstrip("?").split("/")[0]):
                words.add(alt[0].lower())
    stems = set()
    for word in words:
        stems.add(word[:5] if len(word) > 5 else word)
        for form in irregular.get(word, []):
            stems.add(form)
    cue = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")",
                     re.I)
    return TriggerLexicon(triggers, cue)


@lru_cache(maxsize=1)
def load_hedges() -> HedgeLexicon:
    """The shipped modality and negation cues."""
    data = _data("hedges.yaml")
    governing: dict[str, str] = {}
    adverbs: dict[str, str] = {}
    sentence: list[tuple[str, str]] = []
    for modality in ("reported", "alleged", "speculative"):
        block = data.get(modality, {})
        for w in block.get("governing", []):
            governing[w] = modality
        for w in block.get("adverbs", []):
            adverbs[w] = modality
        for phrase in block.get("sentence", []):
            sentence.append((phrase, modality))
    neg = data.get("negation", {})
    return HedgeLexicon(
        governing=governing, adverbs=adverbs,
        modals=frozenset(data.get("speculative", {}).get("modals", [])),
        sentence=tuple(sentence),
        negators=frozenset(neg.get("dependents", [])),
        negating_governors=frozenset(neg.get("governing", [])),
        focus=frozenset(neg.get("focus", [])),
    )
