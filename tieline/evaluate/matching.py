"""Pair extracted events with gold ones.

**Mapping Militants rows** (:func:`link_row`): the extracted actors whose names match
each gold group are found (:mod:`tieline.evaluate.names`); every event and dyad between
an actor of one group and an actor of the other links the row. Their Mapping Militants
codes vote for the row's type, a dyad weighing 3 and an event 1 (the first code to reach
the top count wins a tie), and their years give the row's year (the earliest).

**Annotated documents** (:func:`match_document`): an extracted event can match a gold
event of the same document when its two actors match the gold event's two actors, in
either order, and, where the gold event has a ``cue``, its evidence sentence holds at
least 60% of the cue's words. Among the candidates, pairs are made greedily, best first:
right type, then right direction, right year, right modality, right negation; each
event, gold or extracted, is used once.

Example:
    >>> links = link_row(row, record)        # doctest: +SKIP
    >>> links.found, links.predicted_type
    (True, 'aff')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .gold import GoldDocument, GoldEvent, MmpRow
from .names import matching_actor_ids

Record = Mapping[str, Any]
DYAD_WEIGHT = 3
EVENT_WEIGHT = 1
CUE_SHARE = 0.6


def year_of(value: Any) -> int | None:
    """The year of a date as extraction records give it (``{"start": "2014-06"}``, "2014")."""
    if isinstance(value, Mapping):
        value = value.get("start") or value.get("value") or value.get("date")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.match(r"^\d{4}", value):
        return int(value[:4])
    return None


def _links(pair: set[Any], first: set[str], second: set[str]) -> bool:
    return len(pair) == 2 and bool(pair & first) and bool(pair & second)


@dataclass
class RowLinks:
    """What an extraction record says about the two groups of a Mapping Militants row."""

    row: MmpRow
    group1_ids: set[str]
    group2_ids: set[str]
    votes: dict[str, int] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    found: bool = False
    links: list[tuple[str | None, int | None]] = field(default_factory=list)

    @property
    def predicted_type(self) -> str:
        """The code with most votes (``none`` when the pair is not linked or uncoded)."""
        if not self.found or not self.votes:
            return "none"
        top = max(self.votes.values())
        return next(code for code, votes in self.votes.items() if votes == top)

    @property
    def year(self) -> int | None:
        return min(self.years) if self.years else None

    def carries(self, code: str, year: int | None = None) -> bool:
        """Whether some event or dyad of the pair has this code (and, given, this year)."""
        return any(c == code and (year is None or y == year) for c, y in self.links)

    def _vote(self, code: Any, weight: int, year: int | None, evidence: str) -> None:
        self.found = True
        self.links.append((str(code) if code else None, year))
        if code:
            self.votes[str(code)] = self.votes.get(str(code), 0) + weight
        if year:
            self.years.append(year)
        if evidence and evidence not in self.evidence:
            self.evidence.append(evidence)


def link_row(row: MmpRow, record: Record | None, fuzzy: bool = True) -> RowLinks:
    """The dyads and events of ``record`` that link the row's two groups (negated events
    too, as the shared scorer counts them); ``fuzzy``: near spellings match."""
    actors = list((record or {}).get("actors") or [])
    links = RowLinks(row, matching_actor_ids([row.group1], actors, fuzzy),
                     matching_actor_ids([row.group2], actors, fuzzy))
    if record is None:
        return links
    for dyad in record.get("dyads") or []:
        if _links({dyad.get("a"), dyad.get("b")}, links.group1_ids, links.group2_ids):
            links._vote((dyad.get("crosswalk") or {}).get("mmp"), DYAD_WEIGHT,
                        year_of(dyad.get("since")), "")
    for event in record.get("events") or []:
        if _links({event.get("source"), event.get("target")}, links.group1_ids,
                  links.group2_ids):
            links._vote((event.get("crosswalk") or {}).get("mmp"), EVENT_WEIGHT,
                        year_of(event.get("date")), evidence_of(event))
    return links


def evidence_of(event: Record) -> str:
    """The evidence sentence of an extracted event ("" when it has none)."""
    evidence = event.get("evidence") or {}
    if isinstance(evidence, Mapping):
        return str(evidence.get("sentence") or evidence.get("text") or "")
    return str(evidence)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


def holds_cue(event: Record, cue: str) -> bool:
    """Whether the event's evidence sentence holds most (60%) of the cue's words."""
    cue_words = _words(cue)
    shared = cue_words & _words(evidence_of(event))
    return bool(cue_words) and len(shared) >= CUE_SHARE * len(cue_words)


@dataclass(frozen=True)
class EventMatch:
    """A gold event and the extracted event paired with it."""

    gold: GoldEvent
    predicted: Record
    forward: bool

    @property
    def type_ok(self) -> bool:
        return self.predicted.get("type") in self.gold.types

    @property
    def direction_ok(self) -> bool:
        return self.forward or not self.gold.directed

    @property
    def year_ok(self) -> bool:
        start = self.gold.date.start if self.gold.date else None
        return bool(start) and year_of(self.predicted.get("date")) == int(str(start)[:4])

    @property
    def date_ok(self) -> bool:
        """The extracted start equals the gold start at the gold's precision."""
        start = self.gold.date.start if self.gold.date else None
        predicted = (self.predicted.get("date") or {}).get("start") or ""
        return bool(start) and str(predicted)[: len(str(start))] == start

    @property
    def modality_ok(self) -> bool:
        return self.predicted.get("modality", "asserted") == self.gold.modality

    @property
    def hedge_ok(self) -> bool:
        """Asserted or hedged, whichever hedge it is."""
        predicted = self.predicted.get("modality", "asserted")
        return (predicted == "asserted") == (self.gold.modality == "asserted")

    @property
    def negation_ok(self) -> bool:
        return bool(self.predicted.get("negated", False)) == self.gold.negated

    @property
    def label(self) -> str:
        """The gold type it is scored under: the extracted type where it is accepted."""
        predicted = self.predicted.get("type")
        return str(predicted) if self.type_ok else self.gold.type

    def rank(self) -> tuple[bool, ...]:
        return (self.type_ok, self.direction_ok, self.year_ok, self.modality_ok,
                self.negation_ok)


@dataclass
class DocumentMatch:
    """The pairing of one gold document's events with one extraction record's."""

    document: GoldDocument
    record: Record | None
    actor_ids: dict[str, set[str]]
    matches: list[EventMatch]
    missed: list[GoldEvent]
    spurious: list[Record]


def match_document(document: GoldDocument, record: Record | None,
                   fuzzy: bool = True) -> DocumentMatch:
    """Pair the gold events of ``document`` with the events of its extraction record."""
    actors = list((record or {}).get("actors") or [])
    ids = {a.name: matching_actor_ids(a.names(), actors, fuzzy) for a in document.actors}
    predicted: Sequence[Record] = list((record or {}).get("events") or [])
    candidates: list[tuple[tuple[bool, ...], int, int, EventMatch]] = []
    for g_index, gold in enumerate(document.events):
        sources, targets = ids[gold.source], ids[gold.target]
        for p_index, event in enumerate(predicted):
            forward = event.get("source") in sources and event.get("target") in targets
            backward = event.get("source") in targets and event.get("target") in sources
            if not (forward or backward) or (gold.cue and not holds_cue(event, gold.cue)):
                continue
            match = EventMatch(gold, event, forward)
            candidates.append((match.rank(), -g_index, -p_index, match))
    candidates.sort(key=lambda c: c[:3], reverse=True)
    used_gold: dict[int, EventMatch] = {}
    used_predicted: set[int] = set()
    for _, neg_g, neg_p, match in candidates:
        if -neg_g in used_gold or -neg_p in used_predicted:
            continue
        used_gold[-neg_g] = match
        used_predicted.add(-neg_p)
    return DocumentMatch(
        document=document, record=record, actor_ids=ids,
        matches=[used_gold[i] for i in sorted(used_gold)],
        missed=[g for i, g in enumerate(document.events) if i not in used_gold],
        spurious=[p for i, p in enumerate(predicted) if i not in used_predicted])
