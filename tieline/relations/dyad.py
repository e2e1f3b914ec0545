"""The dyad view: everything the store knows about one pair of actors, over time.

Both names are resolved through the knowledge base (any name, alias or id); an actor's
predecessors (entries with a ``renamed_to`` or ``predecessor_of`` link to it) count as
the actor, so Ansar Bayt al-Maqdis' events belong to Wilayat Sinai's timeline.

Example:
    >>> tl = dyad_timeline(Store(), load_kb(), "Hamas", "Wilayat Sinai")   # doctest: +SKIP
    >>> [(s.period, s.relation) for s in tl.states]                        # doctest: +SKIP
    [('2013', 'transactional'), ('2015', 'tactical_alliance'), ('2018', 'violent_rivalry')]
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from ..actors.kb import KnowledgeBase
from ..errors import TielineError, UnknownActorError
from ..events.ontology import Ontology, load_ontology
from ..model import Actor
from ..store.store import Store, StoredEvent
from .corrections import corrected_events_between
from .lineage import LINEAGE_LINKS, NamesInTime, lineage
from .states import (
    DEFAULT_WEIGHTING, DyadState, Period, Transition, Weighting, dyad_states, transitions,
)

# The terminal view lists this many driving events per turning point.
DRIVERS_SHOWN = 8

__all__ = ["LINEAGE_LINKS", "DyadTimeline", "date_label", "dyad_timeline", "event_line",
           "lineage", "resolve_actor", "timeline_text"]


@dataclass
class DyadTimeline:
    """A pair's states, transitions and events, with the evidence of each event.

    ``lineage`` maps ``a.id`` and ``b.id`` to the ids whose events count for them (the
    actor first, then its predecessors); ``names`` gives a display name for every id,
    ``names_in_time`` the name each bore at a date (:meth:`name_then`).

    Example:
        >>> tl.to_dict()["a"]                         # doctest: +SKIP
        {'id': 'hamas', 'name': 'Hamas'}
    """

    a: Actor
    b: Actor
    states: list[DyadState]
    transitions: list[Transition]
    events: list[StoredEvent]
    period: Period = "year"
    lineage: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    names_in_time: NamesInTime | None = None

    def name(self, actor_id: str) -> str:
        """The display name of an actor id (the id itself when unknown)."""
        return self.names.get(actor_id, actor_id)

    def name_then(self, actor_id: str, year: int | None) -> str:
        """The name the actor bore in ``year`` ("Cobalt Legion" in 2013 for Cobalt
        Guard); its display name when the knowledge base has no entry for it."""
        if self.names_in_time is None or actor_id not in self.names_in_time.kb:
            return self.name(actor_id)
        return self.names_in_time.then(actor_id, year)

    def event_names(self, stored: StoredEvent) -> tuple[str, str]:
        """The names of an event's source and target at the event's date."""
        year = stored.event.date.year()
        return self.name_then(stored.event.source, year), self.name_then(stored.event.target, year)

    def earlier_names(self) -> dict[str, list[str]]:
        """For ``a`` and ``b``, the names their events show that are neither their
        current name nor a predecessor's listed by ``lineage``, in the order first shown."""
        out: dict[str, list[str]] = {}
        for actor in (self.a, self.b):
            ids = self.lineage.get(actor.id, [actor.id])
            known = {actor.name, *(self.name(i) for i in ids)}
            shown = [n for stored in self.events
                     for i, n in zip((stored.event.source, stored.event.target),
                                     self.event_names(stored), strict=True) if i in ids]
            out[actor.id] = [n for n in dict.fromkeys(shown) if n not in known]
        return out

    def name_notes(self) -> list[str]:
        """What the events call the pair besides their current names, one note each:
        "Cobalt Guard includes Cobalt Legion" (a predecessor's entry), "Hay'at Tahrir
        al-Sham was Jabhat al-Nusra in earlier events" (a former name)."""
        former = self.earlier_names()
        notes = []
        for actor in (self.a, self.b):
            earlier = [self.name(i) for i in self.lineage.get(actor.id, [])[1:]]
            if earlier:
                notes.append(f"{actor.name} includes {', '.join(earlier)}")
            if former.get(actor.id):
                notes.append(f"{actor.name} was {', '.join(former[actor.id])} in earlier events")
        return notes

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``tieline dyad --format json``: ``a``, ``b``, ``states``
        (period, relation, polarity, confidence, event ids), ``transitions`` (period,
        from, to, event ids) and ``events`` (the output contract's, with ``document``,
        and ``source_name`` and ``target_name``: the names they bore at the event's
        date)."""
        return {
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "states": [s.to_dict() for s in self.states],
            "transitions": [t.to_dict() for t in self.transitions],
            "events": [{**e.to_dict(), **dict(zip(("source_name", "target_name"),
                                                   self.event_names(e), strict=True))}
                       for e in self.events],
        }

    def to_pandas(self, table: str = "states") -> Any:
        """The ``states``, ``transitions`` or ``events`` as a pandas DataFrame.

        Example:
            >>> tl.to_pandas("states")[["period", "relation"]].values.tolist()  # doctest: +SKIP
            [['2014', 'tactical_alliance'], ['2018', 'violent_rivalry']]
        """
        from ..export.frames import events_frame, states_frame, transitions_frame

        if table == "states":
            return states_frame(self.states, self.names)
        if table == "transitions":
            return transitions_frame(self.transitions, self.names)
        if table == "events":
            return events_frame(self.events, self.names)
        raise ValueError(f"table must be states, transitions or events, not {table!r}")


def resolve_actor(kb: KnowledgeBase, name: str, store: Store | None = None) -> Actor:
    """The one actor ``name`` designates (id, name, alias, acronym, former name).

    Falls back to actors the store knows but the knowledge base does not. Raises
    :class:`UnknownActorError` with the closest known names when nothing matches, or
    with the candidates when the name is ambiguous.

    Example:
        >>> from tieline.actors.kb import load_kb
        >>> resolve_actor(load_kb(), "Islamic Resistance Movement").id
        'hamas'
    """
    found = kb.lookup(name)
    if not found and store is not None:
        found = store.lookup_actor(name)
    if len(found) == 1:
        return found[0]
    if found:
        ids = ", ".join(a.id for a in found)
        raise UnknownActorError(f"{name!r} may mean any of: {ids}",
                                remedy="give one of these ids instead")
    names = [n for actor in kb for n in actor.all_names()]
    if store is not None:
        names += [n for actor in store.actors() for n in actor.all_names()]
    choices = list(dict.fromkeys(names))
    close = [c for c, _score, _i in process.extract(name, choices, scorer=fuzz.WRatio,
                                                     limit=5, score_cutoff=60)]
    remedy = (f"did you mean: {', '.join(close)}?" if close
              else "check the spelling, or add the group to a file given with --kb FILE.yaml")
    raise UnknownActorError(f"no actor is called {name!r}", remedy=remedy)


def dyad_timeline(store: Store, kb: KnowledgeBase, a_name: str, b_name: str, *,
                  period: Period = "year", ontology: Ontology | None = None,
                  weighting: Weighting = DEFAULT_WEIGHTING) -> DyadTimeline:
    """The timeline of the pair named ``a_name`` and ``b_name``: states per period,
    transitions, and every stored event between them (or their predecessors), by date,
    as analysts' corrections left them.

    Example:
        >>> tl = dyad_timeline(Store("news.db"), load_kb(), "Hamas", "ISSP")   # doctest: +SKIP
        >>> tl.b.name                                                           # doctest: +SKIP
        'Wilayat Sinai'
    """
    onto = ontology or load_ontology()
    a = resolve_actor(kb, a_name, store)
    b = resolve_actor(kb, b_name, store)
    if a.id == b.id:
        raise TielineError(f"{a_name!r} and {b_name!r} are the same actor ({a.id})",
                           remedy="name two different actors")
    a_ids = lineage(kb, a.id) if a.id in kb else [a.id]
    # A predecessor both actors descend from would make every event a self-interaction.
    b_ids = [i for i in (lineage(kb, b.id) if b.id in kb else [b.id])
             if i == b.id or i not in a_ids]
    stored = corrected_events_between(store, set(a_ids), set(b_ids), onto)
    canonical = {**{i: a.id for i in a_ids}, **{i: b.id for i in b_ids}}
    # States are computed on the pair itself: a predecessor's events count for its heir.
    merged = [replace(s.event, source=canonical.get(s.event.source, s.event.source),
                      target=canonical.get(s.event.target, s.event.target))
              for s in stored]
    states = dyad_states(merged, onto, period, weighting)
    names = {i: (kb.get(i).name if i in kb else i) for i in a_ids + b_ids}
    names[a.id], names[b.id] = a.name, b.name
    return DyadTimeline(a=a, b=b, states=states, transitions=transitions(states, onto),
                        events=stored, period=period,
                        lineage={a.id: a_ids, b.id: b_ids}, names=names,
                        names_in_time=NamesInTime.of(kb))


def _clean(text: str) -> str:
    # Evidence is untrusted text: control characters could drive the terminal.
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def date_label(stored: StoredEvent) -> str:
    """An event's date as ISO 8601 text (``2015-09/2015-12`` for an interval, ``before
    2018-01-25`` when only its end is known), or ``undated``."""
    start, end = stored.event.date.start, stored.event.date.end
    if not start:
        return f"before {end}" if end else "undated"
    return f"{start}/{end}" if end and end != start else start


def event_line(tl: DyadTimeline, stored: StoredEvent) -> str:
    """One line for an event: date, type, who → whom (by the names they bore then),
    hedge and denial flags."""
    e = stored.event
    arrow = "→" if e.directed else "↔"
    flags = ([f"[{e.modality}]"] if e.modality != "asserted" else []) + \
        (["[NOT]"] if e.negated else []) + \
        ([f"[{stored.correction}ed by analyst]"] if stored.correction else [])
    source, target = tl.event_names(stored)
    head = f"{date_label(stored):<16} {e.type:<24} {source} {arrow} {target}"
    return head + ("  " + " ".join(flags) if flags else "")


def timeline_text(tl: DyadTimeline, width: int = 88) -> str:
    """A plain-text rendering of a timeline for the terminal: header, states per
    period, turning points with the events that drove them, then each event with its
    flags and wrapped evidence sentence.

    Example:
        >>> print(timeline_text(tl))                  # doctest: +SKIP
        Hamas — Wilayat Sinai
        ...
    """
    lines = [f"{tl.a.name} — {tl.b.name}"]
    lines += [f"  ({note})" for note in tl.name_notes()]
    lines.append("")

    lines.append(f"States by {tl.period}")
    if not tl.states:
        lines.append("  (no dated events)")
    for s in tl.states:
        n = len(s.events)
        count = f"{n} event{'s' if n != 1 else ''}"
        if s.sources > 1:
            count += f", {s.sources} sources"
        if s.against:
            count += f", {len(s.against)} denied"
        lines.append(f"  {s.period:<8} {s.relation:<20} {s.polarity:<12} "
                     f"confidence {s.confidence:.2f}  ({count})")

    by_id = {stored.event.id: stored for stored in tl.events}
    if tl.transitions:
        lines += ["", "Changes"]
        for t in tl.transitions:
            lines.append(f"  {t.period_from} → {t.period:<10} {t.relation_from} → "
                         f"{t.relation_to}  (significance {t.significance:.2f})")
            shown = [by_id[i] for i in t.events if i in by_id]
            lines += ["      " + event_line(tl, stored) for stored in shown[:DRIVERS_SHOWN]]
            if len(shown) > DRIVERS_SHOWN:
                lines.append(f"      … and {len(shown) - DRIVERS_SHOWN} more (--format json lists all)")

    lines += ["", "Events"]
    if not tl.events:
        lines.append("  (none stored)")
    indent = " " * 4
    for stored in tl.events:
        lines.append(f"  {event_line(tl, stored)}  ({_clean(stored.document)})")
        sentence = _clean(stored.event.evidence.sentence).strip()
        if sentence:
            lines.append(textwrap.fill(sentence, width=width, initial_indent=indent,
                                       subsequent_indent=indent))
    return "\n".join(lines)
