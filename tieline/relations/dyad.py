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
from .states import DyadState, Period, Transition, dyad_states, transitions

# Link types that make the linking actor an earlier incarnation of the linked one.
LINEAGE_LINKS = ("renamed_to", "predecessor_of")


@dataclass
class DyadTimeline:
    """A pair's states, transitions and events, with the evidence of each event.

    ``lineage`` maps ``a.id`` and ``b.id`` to the ids whose events count for them (the
    actor first, then its predecessors); ``names`` gives a display name for every id.

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

    def name(self, actor_id: str) -> str:
        """The display name of an actor id (the id itself when unknown)."""
        return self.names.get(actor_id, actor_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "states": [s.to_dict() for s in self.states],
            "transitions": [t.to_dict() for t in self.transitions],
            "events": [e.to_dict() for e in self.events],
        }


def lineage(kb: KnowledgeBase, actor_id: str) -> list[str]:
    """The actor's id followed by its predecessors', nearest first (transitively).

    Example:
        >>> lineage(kb, "islamic-state")                  # doctest: +SKIP
        ['islamic-state', 'islamic-state-of-iraq', 'al-qaeda-in-iraq']
    """
    found = [actor_id]
    frontier = [actor_id]
    while frontier:
        current = frontier.pop(0)
        for actor in kb:
            if actor.id in found:
                continue
            if any(link.type in LINEAGE_LINKS and link.target == current
                   for link in actor.links):
                found.append(actor.id)
                frontier.append(actor.id)
    return found


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
                  period: Period = "year", ontology: Ontology | None = None) -> DyadTimeline:
    """The timeline of the pair named ``a_name`` and ``b_name``: states per period,
    transitions, and every stored event between them (or their predecessors), by date.

    Example:
        >>> tl = dyad_timeline(Store("news.db"), load_kb(), "Hamas", "ISSP")   # doctest: +SKIP
        >>> tl.b.name                                                           # doctest: +SKIP
        'Wilayat Sinai'
    """
    a = resolve_actor(kb, a_name, store)
    b = resolve_actor(kb, b_name, store)
    if a.id == b.id:
        raise TielineError(f"{a_name!r} and {b_name!r} are the same actor ({a.id})",
                           remedy="name two different actors")
    a_ids = lineage(kb, a.id) if a.id in kb else [a.id]
    # A predecessor both actors descend from would make every event a self-interaction.
    b_ids = [i for i in (lineage(kb, b.id) if b.id in kb else [b.id])
             if i == b.id or i not in a_ids]
    stored = store.events_between(set(a_ids), set(b_ids))
    canonical = {**{i: a.id for i in a_ids}, **{i: b.id for i in b_ids}}
    # States are computed on the pair itself: a predecessor's events count for its heir.
    merged = [replace(s.event, source=canonical.get(s.event.source, s.event.source),
                      target=canonical.get(s.event.target, s.event.target))
              for s in stored]
    states = dyad_states(merged, ontology or load_ontology(), period)
    names = {i: (kb.get(i).name if i in kb else i) for i in a_ids + b_ids}
    names[a.id], names[b.id] = a.name, b.name
    return DyadTimeline(a=a, b=b, states=states, transitions=transitions(states),
                        events=stored, period=period,
                        lineage={a.id: a_ids, b.id: b_ids}, names=names)


def _clean(text: str) -> str:
    # Evidence is untrusted text: control characters could drive the terminal.
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def _date_label(stored: StoredEvent) -> str:
    start, end = stored.event.date.start, stored.event.date.end
    if not start:
        return "undated"
    # ISO 8601 interval notation, as `tieline extract --format table` writes it.
    return f"{start}/{end}" if end and end != start else start


def timeline_text(tl: DyadTimeline, width: int = 88) -> str:
    """A plain-text rendering of a timeline for the terminal: header, states per
    period, changes, then each event with its flags and wrapped evidence sentence.

    Example:
        >>> print(timeline_text(tl))                  # doctest: +SKIP
        Hamas — Wilayat Sinai
        ...
    """
    lines = [f"{tl.a.name} — {tl.b.name}"]
    for actor in (tl.a, tl.b):
        earlier = [tl.name(i) for i in tl.lineage.get(actor.id, [])[1:]]
        if earlier:
            lines.append(f"  ({actor.name} includes {', '.join(earlier)})")
    lines.append("")

    lines.append(f"States by {tl.period}")
    if not tl.states:
        lines.append("  (no dated events)")
    for s in tl.states:
        n = len(s.events)
        count = f"{n} event{'s' if n != 1 else ''}"
        if s.against:
            count += f", {len(s.against)} denied"
        lines.append(f"  {s.period:<8} {s.relation:<20} {s.polarity:<12} "
                     f"confidence {s.confidence:.2f}  ({count})")

    if tl.transitions:
        lines += ["", "Changes"]
        for t in tl.transitions:
            lines.append(f"  {t.period_from} → {t.period_to}  "
                         f"{t.relation_from} → {t.relation_to}")

    lines += ["", "Events"]
    if not tl.events:
        lines.append("  (none stored)")
    indent = " " * 4
    for stored in tl.events:
        e = stored.event
        arrow = "→" if e.directed else "↔"
        flags = ([f"[{e.modality}]"] if e.modality != "asserted" else []) + \
            (["[NOT]"] if e.negated else [])
        head = (f"  {_date_label(stored):<16} {e.type:<24} "
                f"{tl.name(e.source)} {arrow} {tl.name(e.target)}")
        if flags:
            head += "  " + " ".join(flags)
        lines.append(f"{head}  ({_clean(stored.document)})")
        sentence = _clean(e.evidence.sentence).strip()
        if sentence:
            lines.append(textwrap.fill(sentence, width=width, initial_indent=indent,
                                       subsequent_indent=indent))
    return "\n".join(lines)
