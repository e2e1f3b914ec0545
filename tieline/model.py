"""The records that flow through tieline: documents in, events and dyads out.

Every stage of the pipeline takes and returns these plain, typed dataclasses, so the
same code runs in one process, in a pool or on a cluster (they pickle), and every
record converts to the JSON of the output contract with ``to_dict()``.

Example:
    >>> doc = Document(id="d1", text="Hamas clashed with Fatah in 2007.")
    >>> len(doc.content_hash)
    64
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Polarity = Literal["cooperation", "conflict", "structural"]
Modality = Literal["asserted", "reported", "alleged", "speculative"]
ActorKind = Literal["armed_group", "state", "state_force", "political_org", "other"]
DateBasis = Literal["sentence", "anchor", "paragraph", "published", "none"]

MODALITIES: tuple[str, ...] = ("asserted", "reported", "alleged", "speculative")


def content_hash(text: str) -> str:
    """The SHA-256 of a text, the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article or report, as read from a file or a JSONL line.

    ``published`` is the date relative expressions resolve against; ``origin`` names the
    file (and line) it came from, for error messages.
    """

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its character span and the paragraph it belongs to.

    ``text`` has the span's length; it is the span as read, with footnote marks and the
    line breaks of a hard-wrapped paragraph as spaces. ``kind`` is the part of the page
    it stands in (see :mod:`tieline.text.layout`): ``body``, ``headline`` or
    ``heading`` for prose; ``byline``, ``dateline``, ``timestamp``, ``caption``,
    ``link``, ``teaser``, ``chrome`` or ``duplicate`` for boilerplate, which makes no
    actor mention and no event.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    kind: str = "body"


@dataclass(frozen=True)
class NameInTime:
    """A name an actor went by, with the years it was in use (``None`` = open)."""

    name: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Link:
    """A typed link from one actor to another (``wing_of``, ``renamed_to``, ...)."""

    type: str
    target: str
    year: int | None = None


@dataclass(frozen=True)
class Actor:
    """A canonical armed group, state or organization of the knowledge base."""

    id: str
    name: str
    kind: str = "armed_group"
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    former_names: tuple[NameInTime, ...] = ()
    territories: tuple[NameInTime, ...] = ()
    leaders: tuple[NameInTime, ...] = ()
    collective_phrases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    wings: tuple[str, ...] = ()
    country: str | None = None
    region: str | None = None
    ideology: str | None = None
    active: tuple[int | None, int | None] = (None, None)
    links: tuple[Link, ...] = ()
    ambiguous: tuple[str, ...] = ()
    source: str | None = None
    candidate: bool = False

    def all_names(self) -> list[str]:
        """Every name the actor is known by: canonical, aliases, acronyms, former names."""
        names = [self.name, *self.aliases, *self.acronyms]
        names += [n.name for n in self.former_names]
        names += list(self.wings)
        return list(dict.fromkeys(names))

    def links_of(self, link_type: str) -> list[Link]:
        return [link for link in self.links if link.type == link_type]


@dataclass(frozen=True)
class Mention:
    """A span of a document resolved to an actor.

    ``how`` says how it was resolved: ``name``, ``alias``, ``acronym``,
    ``defined_acronym`` (defined in the text), ``former_name``, ``wing``, ``fuzzy``,
    ``candidate`` (a group the knowledge base lacks), ``descriptor`` (a description
    with modifiers, "the Palestinian group", or a state's institution, "government
    forces"), ``coreference`` ("the group", "the organization"), ``pronoun`` ("it",
    "they", "its" bound across sentences to the group the text is about, see
    :mod:`tieline.actors.reference`), ``pair_reference`` ("the two groups": one mention
    per group, same span), ``territory`` (a place the actor holds: "from Gaza") or
    ``leader`` (a person who leads it, named for the organization: "bin Laden's fatwa";
    tieline keeps no record of the person beyond this). ``wing`` is the wing or branch named
    ("military wing") when the mention is of a part of the actor.
    """

    start: int
    end: int
    text: str
    actor_id: str
    sentence: int
    how: str = "name"
    wing: str | None = None
    score: float = 1.0


@dataclass(frozen=True)
class DateInterval:
    """When an event happened: ISO-like bounds (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).

    ``text`` is the expression it came from; ``basis`` says where it came from: the
    event's own ``sentence``, an ``anchor`` to another dated event, the governing date
    of the ``paragraph``, the ``published`` date, or ``none``.
    """

    start: str | None = None
    end: str | None = None
    text: str = ""
    basis: str = "none"

    def year(self) -> int | None:
        return int(self.start[:4]) if self.start else None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "basis": self.basis}


@dataclass(frozen=True)
class Evidence:
    """The sentence that states an event, with its character offsets in the document."""

    sentence: str
    start: int
    end: int
    trigger: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end,
                "trigger": self.trigger}


@dataclass
class Event:
    """One interaction between two actors, stated in one sentence (or two adjacent).

    ``basis`` says how the pair was found: ``parse`` (both actors fill roles of the
    trigger in the dependency parse), ``noun_phrase`` (a relation a noun phrase states:
    "the Iran-backed Houthis"), ``co_agents`` (actors who did one act together,
    inferred to act jointly) or ``common_enemy`` (allies' clash with the enemy they
    fought together).
    """

    id: str
    source: str
    target: str
    type: str
    polarity: str
    date: DateInterval
    modality: str = "asserted"
    negated: bool = False
    confidence: float = 0.5
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))
    crosswalk: dict[str, str] = field(default_factory=dict)
    directed: bool = True
    source_mention: str = ""
    target_mention: str = ""
    document: str | None = None
    basis: str = "parse"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "polarity": self.polarity,
            "date": self.date.to_dict(),
            "modality": self.modality,
            "negated": self.negated,
            "confidence": round(self.confidence, 3),
            "directed": self.directed,
            "mentions": {"source": self.source_mention, "target": self.target_mention},
            "basis": self.basis,
            "evidence": self.evidence.to_dict(),
            "crosswalk": dict(self.crosswalk),
        }
        if self.document is not None:
            out["document"] = self.document
        return out


CORRECTION_ACTIONS: tuple[str, ...] = ("accept", "reject", "edit")
# The fields of an event an analyst may edit (dates as ISO-like text).
CORRECTABLE_FIELDS: tuple[str, ...] = ("source", "target", "type", "date_start", "date_end",
                                       "modality", "negated")


@dataclass(frozen=True)
class Correction:
    """An analyst's verdict on one event, kept apart from the machine's output.

    ``accept`` confirms the event as extracted, ``reject`` removes it from every view,
    ``edit`` replaces the fields in ``changes`` (names in :data:`CORRECTABLE_FIELDS`).
    The event is named by its ``document`` id and its own ``event_id``; the latest
    correction of an event wins over earlier ones and over any re-extraction.

    Example:
        >>> Correction("article-1", "4f0c2a", "edit", {"type": "crackdown"}).to_dict()["changes"]
        {'type': 'crackdown'}
    """

    document: str
    event_id: str
    action: str
    changes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    analyst: str | None = None
    created: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "event_id": self.event_id,
                "action": self.action, "changes": dict(self.changes), "note": self.note,
                "analyst": self.analyst,
                "created": self.created.isoformat() if self.created else None}


@dataclass
class Dyad:
    """A document's summary of one pair of actors: the relation its events imply."""

    a: str
    b: str
    relation: str
    since: str | None
    crosswalk: dict[str, str]
    events: list[str]
    polarity: str = "none"

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "relation": self.relation,
                "polarity": self.polarity, "since": self.since,
                "crosswalk": dict(self.crosswalk), "events": list(self.events)}


@dataclass
class Extraction:
    """What the pipeline made of one document: the output contract's record."""

    document: Document
    actors: list[Actor]
    mentions: list[Mention]
    events: list[Event]
    dyads: list[Dyad]
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        by_actor: dict[str, list[str]] = {}
        for m in self.mentions:
            by_actor.setdefault(m.actor_id, [])
            if m.text not in by_actor[m.actor_id]:
                by_actor[m.actor_id].append(m.text)
        return {
            "id": self.document.id,
            "published": self.document.published.isoformat() if self.document.published else None,
            "title": self.document.title,
            "actors": [
                {"id": a.id, "name": a.name, "kind": a.kind,
                 "aliases": [n for n in a.all_names() if n != a.name],
                 "mentions": by_actor.get(a.id, [])}
                for a in self.actors
            ],
            "events": [e.to_dict() for e in self.events],
            "dyads": [d.to_dict() for d in self.dyads],
        }
