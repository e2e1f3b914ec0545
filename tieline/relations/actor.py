"""One actor: its knowledge-base entry, its names over time, its links, and its ties.

Example:
    >>> profile = actor_profile(Store("news.db"), load_kb(), "ISSP")   # doctest: +SKIP
    >>> [n.name for n in profile.names][:2]                             # doctest: +SKIP
    ['Ansar Bayt al-Maqdis', 'Wilayat Sinai']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..actors.kb import KnowledgeBase
from ..events.ontology import Ontology, load_ontology
from ..model import Actor, NameInTime
from ..store.store import Store
from .corrections import corrected_events_involving
from .dyad import resolve_actor
from .lineage import LINEAGE_LINKS, NamesInTime, lineage
from .network import MAX_AGE_YEARS, Tie, canonical_events, ties_at
from .states import Period, dyad_states


@dataclass(frozen=True)
class LinkView:
    """A link of the knowledge base seen from one actor: ``direction`` is ``out``
    (this actor is ``wing_of`` the other) or ``in`` (the other is ``wing_of`` it)."""

    type: str
    other: str
    other_name: str
    year: int | None
    direction: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "actor": self.other, "name": self.other_name,
                "year": self.year, "direction": self.direction}


@dataclass
class ActorProfile:
    """What tieline knows about one actor, and its ties in the store.

    ``names`` are the names it went by, earliest first (years where known); ``ties``
    its relation with each counterpart: the latest, or the one holding ``at``.
    ``name_then`` is the actor's name at ``at`` (with the current one beside it when
    it differs); ``counterpart_names`` each counterpart's name at ``at`` (current
    without it), ``counterpart_names_then`` at ``at`` or else in the tie's period.

    Example:
        >>> profile.to_dict()["actor"]["name"]           # doctest: +SKIP
        'Wilayat Sinai'
    """

    actor: Actor
    names: list[NameInTime]
    links: list[LinkView]
    ties: list[Tie]
    at: date | None = None
    counterpart_names: dict[str, str] = field(default_factory=dict)
    name_then: str = ""
    counterpart_names_then: dict[str, str] = field(default_factory=dict)

    def counterpart(self, tie: Tie) -> str:
        """The display name of the tie's other actor (as at ``at``)."""
        other = tie.other(self.actor.id)
        return self.counterpart_names.get(other, other)

    def counterpart_then(self, tie: Tie) -> str:
        """The name the tie's other actor bore at the tie's time (at ``at``, else in the
        tie's period)."""
        other = tie.other(self.actor.id)
        return self.counterpart_names_then.get(other, self.counterpart(tie))

    def to_dict(self) -> dict[str, Any]:
        a = self.actor
        return {
            "actor": {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
                      "acronyms": list(a.acronyms), "country": a.country, "region": a.region,
                      "active": list(a.active),
                      "name_at": self.name_then or a.name},
            "names": [{"name": n.name, "from": n.start, "until": n.end} for n in self.names],
            "links": [link.to_dict() for link in self.links],
            "at": self.at.isoformat() if self.at else None,
            "ties": [{**t.to_dict(), "counterpart": t.other(a.id),
                      "counterpart_name": self.counterpart(t),
                      "counterpart_name_then": self.counterpart_then(t)} for t in self.ties],
        }


def names_over_time(kb: KnowledgeBase, actor: Actor) -> list[NameInTime]:
    """The names ``actor`` went by, from its former names and its predecessors'
    entries (a predecessor's name ends the year of its ``renamed_to`` link), earliest
    first, ending with the current name.

    Example:
        >>> [n.name for n in names_over_time(kb, kb.get("cobalt-guard"))]   # doctest: +SKIP
        ['Cobalt Legion', 'Cobalt Guard']
    """
    names: dict[str, NameInTime] = {}
    for former in actor.former_names:
        names.setdefault(former.name, former)
    for earlier in lineage(kb, actor.id)[1:]:
        entry = kb.get(earlier)
        year = next((link.year for link in entry.links if link.type in LINEAGE_LINKS), None)
        names.setdefault(entry.name, NameInTime(entry.name, entry.active[0], year))
    ends = [n.end for n in names.values() if n.end is not None]
    current = NameInTime(actor.name, max(ends) if ends else actor.active[0], actor.active[1])
    ordered = sorted(names.values(), key=lambda n: (n.end is None, n.end or 0, n.name))
    return [n for n in ordered if n.name != actor.name] + [current]


def links_of(kb: KnowledgeBase, actor: Actor, year: int | None = None) -> list[LinkView]:
    """The actor's own links, then the links other entries make to it; with ``year``,
    only those that existed by then (a link of unknown year is kept).

    Example:
        >>> [(l.type, l.other, l.direction) for l in links_of(kb, kb.get("cobalt-guard"))]  # doctest: +SKIP
        [('renamed_to', 'cobalt-legion', 'in')]
    """
    def name(actor_id: str) -> str:
        return kb.get(actor_id).name if actor_id in kb else actor_id

    out = [LinkView(link.type, link.target, name(link.target), link.year, "out")
           for link in actor.links]
    for other in kb:
        out += [LinkView(link.type, other.id, other.name, link.year, "in")
                for link in other.links if link.target == actor.id]
    if year is not None:
        out = [link for link in out if link.year is None or link.year <= year]
    return out


def actor_profile(store: Store, kb: KnowledgeBase, name: str, at: date | None = None, *,
                  period: Period = "year", ontology: Ontology | None = None,
                  max_age: float = MAX_AGE_YEARS) -> ActorProfile:
    """The profile of the actor called ``name`` (any name, alias or id): its entry,
    names, links and ties — the latest per counterpart, or those holding at ``at``
    (and only the links made by then).

    Example:
        >>> from tieline.actors.kb import load_kb
        >>> actor_profile(Store("sqlite://"), load_kb(), "Hamas").ties
        []
    """
    onto = ontology or load_ontology()
    actor = resolve_actor(kb, name, store)
    own = set(lineage(kb, actor.id)) if actor.id in kb else {actor.id}
    stored = corrected_events_involving(store, own, onto)
    events = [e for e in canonical_events(stored, kb) if actor.id in (e.source, e.target)]
    ties = [t for t in ties_at(dyad_states(events, onto, period), at, max_age=max_age)
            if actor.id in (t.a, t.b)]
    year = at.year if at else None
    store_names = {a.id: a.name for a in store.actors()}
    names = NamesInTime.of(kb)
    counterparts, then = {}, {}
    for tie in ties:
        other = tie.other(actor.id)
        when = year if year is not None else int(tie.period[:4])
        known_other = other in kb
        counterparts[other] = (names.then(other, year) if known_other
                               else store_names.get(other, other))
        then[other] = names.then(other, when) if known_other else counterparts[other]
    # Most recent evidence first, then the surest.
    ties.sort(key=lambda t: (t.period, t.confidence), reverse=True)
    known = actor.id in kb
    return ActorProfile(actor=actor,
                        names=names_over_time(kb, actor) if known else [NameInTime(actor.name)],
                        links=links_of(kb, actor, year) if known else [], ties=ties, at=at,
                        counterpart_names=counterparts,
                        name_then=names.then(actor.id, year) if known else actor.name,
                        counterpart_names_then=then)
