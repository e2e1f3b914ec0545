"""The whole store at once: every pair's states, the network at a date, recent changes.

Events are read as analysts left them (corrections applied) and predecessors count as
their heirs (Ansar Bayt al-Maqdis as Wilayat Sinai), as in the dyad view. A *tie*
holds at a date when its pair's latest state up to that date has a relation and is
not older than ``max_age`` years; its confidence fades with a half-life of
``half_life`` years since that state's period ended.

Example:
    >>> net = network_at(Store("news.db"), load_kb(), date(2016, 12, 31))   # doctest: +SKIP
    >>> [(t.a, t.b, t.relation) for t in net.ties][:1]                     # doctest: +SKIP
    [('hamas', 'wilayat-sinai', 'tactical_alliance')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..actors.kb import KnowledgeBase
from ..events.ontology import Ontology, load_ontology
from ..model import Event
from ..store.store import Store, StoredEvent
from .corrections import corrected_events
from .lineage import NamesInTime, heirs
from .states import (
    DEFAULT_WEIGHTING, DyadState, Period, Transition, Weighting, dyad_states, transitions,
)

# A relation last seen this many years before a date no longer holds at it.
MAX_AGE_YEARS = 5.0
# Confidence in a tie halves every this many years without new evidence.
HALF_LIFE_YEARS = 2.0


@dataclass
class StoreStates:
    """Every pair's states and turning points, with the events behind them by id.

    Example:
        >>> everything = store_states(Store("news.db"), load_kb())   # doctest: +SKIP
        >>> everything.of_pair("hamas", "wilayat-sinai")[0].period    # doctest: +SKIP
        '2013'
    """

    states: list[DyadState]
    transitions: list[Transition]
    events: dict[str, StoredEvent]
    period: Period = "year"

    def of_pair(self, a: str, b: str) -> list[DyadState]:
        """The states of the pair ``a``–``b`` (either order), by period."""
        low, high = sorted((a, b))
        return [s for s in self.states if (s.a, s.b) == (low, high)]


@dataclass(frozen=True)
class Tie:
    """The relation of a pair as it stands at a date: the latest state up to it.

    ``confidence`` is the state's, faded by the years since its period ended;
    ``period`` is the state's period (its ``events`` are the evidence).

    Example:
        >>> Tie("hamas", "wilayat-sinai", "tactical_alliance", "cooperation", 0.6, "2015",
        ...     ["e1"]).to_dict()["relation"]
        'tactical_alliance'
    """

    a: str
    b: str
    relation: str
    polarity: str
    confidence: float
    period: str
    events: list[str] = field(default_factory=list)
    rank: float = 0.0
    crosswalk: dict[str, str] = field(default_factory=dict)

    def other(self, actor_id: str) -> str:
        """The counterpart of ``actor_id`` in this tie."""
        return self.b if actor_id == self.a else self.a

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "relation": self.relation,
                "polarity": self.polarity, "confidence": round(self.confidence, 3),
                "period": self.period, "events": list(self.events),
                "crosswalk": dict(self.crosswalk)}


@dataclass
class Network:
    """The ties holding at a date (or the latest of each pair when ``at`` is None)
    and the actors they join: ``actors`` maps each id to its name at that date,
    kind, country and region; ``tie_names`` gives each tie's pair the names they bore
    then (at ``at``, or in the tie's period when ``at`` is None).

    Example:
        >>> network_at(store, kb, date(2016, 6, 1)).to_networkx().number_of_edges()  # doctest: +SKIP
        12
    """

    at: date | None
    ties: list[Tie]
    actors: dict[str, dict[str, Any]]
    region: str | None = None
    tie_names: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def name(self, actor_id: str) -> str:
        return str(self.actors.get(actor_id, {}).get("name", actor_id))

    def names_then(self, tie: Tie) -> tuple[str, str]:
        """The names of a tie's two actors at the tie's time."""
        return self.tie_names.get((tie.a, tie.b), (self.name(tie.a), self.name(tie.b)))

    def to_dict(self) -> dict[str, Any]:
        """``at``, ``region``, ``actors`` (id, name at ``at``, kind, country, region) and
        ``ties`` (each with ``a_name`` and ``b_name``, the names at the tie's time)."""
        return {"at": self.at.isoformat() if self.at else None, "region": self.region,
                "actors": [{"id": k, **v} for k, v in sorted(self.actors.items())],
                "ties": [{**t.to_dict(), **dict(zip(("a_name", "b_name"), self.names_then(t),
                                                    strict=True))} for t in self.ties]}

    def to_networkx(self) -> Any:
        """A networkx ``Graph``: actors as nodes (name, kind, country, region), ties
        as edges (relation, polarity, confidence, period, rank, crosswalk codes)."""
        from ..export.graph import network_graph

        return network_graph(self)

    def to_pandas(self) -> Any:
        """The ties as a pandas DataFrame, one row per tie, with both actors' names."""
        from ..export.frames import ties_frame

        return ties_frame(self.ties, {k: self.name(k) for k in self.actors})


def canonical_events(stored: Iterable[StoredEvent], kb: KnowledgeBase) -> list[Event]:
    """The events with predecessors' ids replaced by their heirs' (for states)."""
    heir = heirs(kb)
    return [replace(s.event, source=heir.get(s.event.source, s.event.source),
                    target=heir.get(s.event.target, s.event.target)) for s in stored]


def store_states(store: Store, kb: KnowledgeBase, period: Period = "year", *,
                 ontology: Ontology | None = None,
                 weighting: Weighting = DEFAULT_WEIGHTING) -> StoreStates:
    """The states and transitions of every pair in the store.

    Example:
        >>> from tieline.actors.kb import load_kb
        >>> store_states(Store("sqlite://"), load_kb()).states
        []
    """
    onto = ontology or load_ontology()
    stored = corrected_events(store, onto)
    states = dyad_states(canonical_events(stored, kb), onto, period, weighting)
    return StoreStates(states=states, transitions=transitions(states, onto),
                       events={s.event.id: s for s in stored}, period=period)


def period_end(label: str) -> date:
    """The last day of a period label (``2016`` → 2016-12-31, ``2016-02`` → 2016-02-29).

    Example:
        >>> period_end("2016-02")
        datetime.date(2016, 2, 29)
    """
    year = int(label[:4])
    if len(label) == 4:
        return date(year, 12, 31)
    month = int(label[5:7])
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def period_start(label: str) -> date:
    """The first day of a period label (``2016`` → 2016-01-01)."""
    return date(int(label[:4]), int(label[5:7]) if len(label) > 4 else 1, 1)


def ties_at(states: Iterable[DyadState], at: date | None = None, *,
            max_age: float = MAX_AGE_YEARS, half_life: float = HALF_LIFE_YEARS) -> list[Tie]:
    """Each pair's tie at ``at``: its latest state whose period started by then, if
    that state has a relation and ended at most ``max_age`` years before; the
    latest state of every pair when ``at`` is None. Sorted by pair.

    Example:
        >>> s = DyadState("a", "b", "2014", "tactical_alliance", 2, "cooperation", .8, 1.6, ["e1"])
        >>> [round(t.confidence, 2) for t in ties_at([s], date(2016, 12, 31))]
        [0.4]
    """
    latest: dict[tuple[str, str], DyadState] = {}
    for state in states:
        if state.weight <= 0:
            continue
        if at is not None and period_start(state.period) > at:
            continue
        key = (state.a, state.b)
        if key not in latest or state.period > latest[key].period:
            latest[key] = state
    out = []
    for (a, b), state in sorted(latest.items()):
        if state.relation == "none":
            continue
        age = 0.0
        if at is not None:
            age = max(0.0, (at - period_end(state.period)).days / 365.25)
        if age > max_age:
            continue
        out.append(Tie(a, b, state.relation, state.polarity,
                       state.confidence * 0.5 ** (age / half_life) if half_life > 0
                       else state.confidence,
                       state.period, list(state.events), state.rank, dict(state.crosswalk)))
    return out


def actor_info(kb: KnowledgeBase, store_names: dict[str, str], actor_id: str,
               year: int | None = None) -> dict[str, Any]:
    """Name (as at ``year``: see :class:`~.lineage.NamesInTime`), kind, country and
    region of an actor, from the knowledge base, or from the store's name for actors it
    does not know."""
    if actor_id in kb:
        actor = kb.get(actor_id)
        return {"name": NamesInTime.of(kb).then(actor_id, year), "kind": actor.kind,
                "country": actor.country, "region": actor.region}
    return {"name": store_names.get(actor_id, actor_id), "kind": "other",
            "country": None, "region": None}


def in_region(info: dict[str, Any], region: str) -> bool:
    """Whether an actor's region or country is ``region`` (case and spaces ignored)."""
    wanted = " ".join(region.lower().split())
    return any(isinstance(v, str) and " ".join(v.lower().split()) == wanted
               for v in (info.get("region"), info.get("country")))


def network_at(store: Store, kb: KnowledgeBase, at: date | None = None, *,
               region: str | None = None, period: Period = "year",
               ontology: Ontology | None = None,
               max_age: float = MAX_AGE_YEARS) -> Network:
    """The network of ties holding at ``at`` (see :func:`ties_at`); with ``region``,
    only ties with at least one actor whose region or country it is.

    Example:
        >>> from tieline.actors.kb import load_kb
        >>> network_at(Store("sqlite://"), load_kb(), date(2016, 1, 1)).ties
        []
    """
    everything = store_states(store, kb, period, ontology=ontology)
    return build_network(everything.states, kb, _store_names(store), at, region=region,
                         max_age=max_age)


def build_network(states: Iterable[DyadState], kb: KnowledgeBase, store_names: dict[str, str],
                  at: date | None = None, *, region: str | None = None,
                  max_age: float = MAX_AGE_YEARS) -> Network:
    """The :class:`Network` of ``states`` at ``at`` (what :func:`network_at` returns)."""
    year = at.year if at else None
    ties = ties_at(states, at, max_age=max_age)
    actors: dict[str, dict[str, Any]] = {}
    kept = []
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for tie in ties:
        infos = {i: actor_info(kb, store_names, i, year) for i in (tie.a, tie.b)}
        if region and not any(in_region(info, region) for info in infos.values()):
            continue
        kept.append(tie)
        actors.update(infos)
        when = year if year is not None else int(tie.period[:4])
        names[(tie.a, tie.b)] = (actor_info(kb, store_names, tie.a, when)["name"],
                                 actor_info(kb, store_names, tie.b, when)["name"])
    return Network(at=at, ties=kept, actors=actors, region=region, tie_names=names)


def changes_since(store: Store, kb: KnowledgeBase, since: date | None = None, *,
                  period: Period = "year", ontology: Ontology | None = None) -> list[Transition]:
    """Every turning point reached in a period ending on or after ``since`` (all of
    them when None), most significant first.

    Example:
        >>> from tieline.actors.kb import load_kb
        >>> changes_since(Store("sqlite://"), load_kb(), date(2017, 1, 1))
        []
    """
    everything = store_states(store, kb, period, ontology=ontology)
    return recent(everything.transitions, since)


def recent(found: Iterable[Transition], since: date | None) -> list[Transition]:
    """The transitions reached in a period ending on or after ``since``, most
    significant first (then latest first)."""
    kept = [t for t in found if since is None or period_end(t.last_period) >= since]
    kept.sort(key=lambda t: t.last_period, reverse=True)
    return sorted(kept, key=lambda t: -t.significance)


def _store_names(store: Store) -> dict[str, str]:
    return {a.id: a.name for a in store.actors()}
