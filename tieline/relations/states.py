"""Dyad states and transitions: the relationship level of a pair of actors per period.

Each event pulls its pair's period towards the level of its type on the ontology's scale
(merged 5 … violent_rivalry -2), with weight = type weight × modality factor; a negated
event pulls nowhere and is kept as evidence against. The level with the largest pull is
the state. Pure functions over :class:`~tieline.model.Event` lists: no store, no I/O.

Example:
    >>> from tieline.events.ontology import load_ontology
    >>> from tieline.model import DateInterval, Event
    >>> e = Event("e1", "hamas", "wilayat-sinai", "training", "cooperation",
    ...           DateInterval("2014-07"), modality="reported")
    >>> [(s.period, s.relation) for s in dyad_states([e], load_ontology())]
    [('2014', 'tactical_alliance')]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..events.ontology import Ontology
from ..model import DateInterval, Event

Period = Literal["year", "month"]

# How much a hedged claim counts next to a plain statement of fact.
MODALITY_FACTORS: dict[str, float] = {
    "asserted": 1.0,
    "reported": 0.7,
    "alleged": 0.5,
    "speculative": 0.35,
}

# Weights are sums of decimals; equal sums must tie, whatever the rounding noise.
_TIE_DIGITS = 9


@dataclass
class DyadState:
    """The relationship of the pair ``a``–``b`` (ids in sorted order) in one period.

    ``relation`` is a level id of the ontology's scale, ``rank`` its rank; ``weight`` the
    summed pull of the events behind it, ``levels`` the pull towards each level;
    ``against`` the negated events ("Hamas denied training ...").

    Example:
        >>> DyadState("fatah", "hamas", "2007", "violent_rivalry", -2, "conflict",
        ...           0.78, 1.5, ["e1"]).to_dict()["relation"]
        'violent_rivalry'
    """

    a: str
    b: str
    period: str
    relation: str
    rank: float
    polarity: str
    confidence: float
    weight: float
    events: list[str]
    against: list[str] = field(default_factory=list)
    levels: dict[str, float] = field(default_factory=dict)
    crosswalk: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "period": self.period,
            "relation": self.relation, "rank": self.rank, "polarity": self.polarity,
            "confidence": round(self.confidence, 3), "weight": round(self.weight, 3),
            "levels": {k: round(v, 3) for k, v in self.levels.items()},
            "events": list(self.events), "against": list(self.against),
            "crosswalk": dict(self.crosswalk),
        }


@dataclass
class Transition:
    """A change of a pair's relation between two consecutive periods that have states,
    with the events of the new period that drove it. ``shift`` is the change of rank
    (negative: towards conflict).

    Example:
        >>> Transition("a", "b", "2016", "2017", "tactical_alliance", "violent_rivalry",
        ...            "cooperation", "conflict", -4.0, ["e9"]).to_dict()["shift"]
        -4.0
    """

    a: str
    b: str
    period_from: str
    period_to: str
    relation_from: str
    relation_to: str
    polarity_from: str
    polarity_to: str
    shift: float
    events: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b,
            "from": {"period": self.period_from, "relation": self.relation_from,
                     "polarity": self.polarity_from},
            "to": {"period": self.period_to, "relation": self.relation_to,
                   "polarity": self.polarity_to},
            "shift": self.shift, "events": list(self.events),
        }


def period_of(date: DateInterval, period: Period = "year") -> str | None:
    """The period an event's date falls in, or None when the date is too coarse.

    Example:
        >>> period_of(DateInterval("2014-07-03"), "month"), period_of(DateInterval("2014"), "month")
        ('2014-07', None)
    """
    start = date.start
    if not start:
        return None
    if period == "year":
        return start[:4] if len(start) >= 4 else None
    if period == "month":
        # A year-only date cannot be put in a month; it stays listed, unplaced.
        return start[:7] if len(start) >= 7 else None
    raise ValueError(f"period must be 'year' or 'month', not {period!r}")


def event_weight(event: Event, ontology: Ontology,
                 modality_factors: Mapping[str, float] = MODALITY_FACTORS) -> float:
    """How strongly one event pulls its dyad towards its type's level (0 if negated or
    of a type the ontology does not know).

    Example:
        >>> from tieline.events.ontology import load_ontology
        >>> e = Event("e1", "a", "b", "armed_clash", "conflict", DateInterval("2015"),
        ...           modality="alleged")
        >>> event_weight(e, load_ontology())
        0.75
    """
    event_type = ontology.types.get(event.type)
    if event.negated or event_type is None:
        return 0.0
    return event_type.weight * modality_factors.get(event.modality, 1.0)


def dyad_states(events: Iterable[Event], ontology: Ontology, period: Period = "year",
                modality_factors: Mapping[str, float] = MODALITY_FACTORS) -> list[DyadState]:
    """The state of every pair in every period its events fall in, sorted by pair and
    period. Events without a (precise enough) date are placed in no period.

    The relation is the level with the largest summed weight, ties going to the level
    of larger |rank| (then to the conflict side); the polarity is "mixed" when both
    cooperation and conflict carry at least a third of the weight; confidence is
    1 - exp(-weight).

    Example:
        >>> from tieline.events.ontology import load_ontology
        >>> clash = Event("e1", "fatah", "hamas", "armed_clash", "conflict",
        ...               DateInterval("2007-06"))
        >>> s = dyad_states([clash], load_ontology())[0]
        >>> s.period, s.relation, s.polarity, round(s.confidence, 2)
        ('2007', 'violent_rivalry', 'conflict', 0.78)
    """
    if period not in ("year", "month"):
        raise ValueError(f"period must be 'year' or 'month', not {period!r}")
    groups: dict[tuple[str, str, str], list[Event]] = {}
    for event in events:
        slot = period_of(event.date, period)
        if slot is None or event.source == event.target:
            continue
        a, b = sorted((event.source, event.target))
        groups.setdefault((a, b, slot), []).append(event)
    return [_state(a, b, slot, group, ontology, modality_factors)
            for (a, b, slot), group in sorted(groups.items())]


def _state(a: str, b: str, slot: str, group: list[Event], ontology: Ontology,
           modality_factors: Mapping[str, float]) -> DyadState:
    pull: dict[str, float] = {}
    for event in group:
        event_type = ontology.types.get(event.type)
        if event_type is None:
            continue
        weight = event_weight(event, ontology, modality_factors)
        if weight > 0:
            pull[event_type.level] = pull.get(event_type.level, 0.0) + weight
    total = sum(pull.values())
    relation = "none"
    if pull:
        relation = max(pull, key=lambda lvl: (round(pull[lvl], _TIE_DIGITS),
                                              abs(ontology.levels[lvl].rank),
                                              -ontology.levels[lvl].rank))
    level = ontology.levels.get(relation)
    by_polarity = {"cooperation": 0.0, "conflict": 0.0}
    for lvl, weight in pull.items():
        pol = ontology.levels[lvl].polarity
        if pol in by_polarity:
            by_polarity[pol] += weight
    return DyadState(
        a=a, b=b, period=slot, relation=relation,
        rank=level.rank if level is not None else 0.0,
        polarity=_polarity(level.polarity if level is not None else "none",
                           by_polarity, total),
        confidence=1.0 - math.exp(-total), weight=total,
        events=[e.id for e in group], against=[e.id for e in group if e.negated],
        levels=dict(sorted(pull.items(), key=lambda kv: -kv[1])),
        crosswalk=level.crosswalk() if level is not None else {},
    )


def _polarity(relation_polarity: str, by_polarity: dict[str, float], total: float) -> str:
    coop, conflict = by_polarity["cooperation"], by_polarity["conflict"]
    if total > 0 and coop >= total / 3 and conflict >= total / 3:
        return "mixed"
    if relation_polarity in by_polarity:
        return relation_polarity
    # A structural relation (a split) takes the side the remaining events lean to.
    if coop > conflict:
        return "cooperation"
    if conflict > coop:
        return "conflict"
    return "none"


def transitions(states: Iterable[DyadState]) -> list[Transition]:
    """Every change of relation between consecutive periods (with states) of a pair.

    States without weight (only negated or weightless events) are not periods with a
    state here: they neither start nor end a transition.

    Example:
        >>> s1 = DyadState("a", "b", "2014", "tactical_alliance", 2, "cooperation", .7, 1.2, ["e1"])
        >>> s2 = DyadState("a", "b", "2017", "violent_rivalry", -2, "conflict", .8, 1.5, ["e2"])
        >>> [(t.period_from, t.period_to, t.relation_to) for t in transitions([s1, s2])]
        [('2014', '2017', 'violent_rivalry')]
    """
    by_pair: dict[tuple[str, str], list[DyadState]] = {}
    for state in states:
        # A period holding only denials or weightless events (renames) says nothing
        # about the relation; treating it as "none" would invent two turning points.
        if state.weight > 0:
            by_pair.setdefault((state.a, state.b), []).append(state)
    out: list[Transition] = []
    for (a, b), pair_states in sorted(by_pair.items()):
        ordered = sorted(pair_states, key=lambda s: s.period)
        for before, after in zip(ordered, ordered[1:]):
            if before.relation == after.relation:
                continue
            out.append(Transition(
                a=a, b=b, period_from=before.period, period_to=after.period,
                relation_from=before.relation, relation_to=after.relation,
                polarity_from=before.polarity, polarity_to=after.polarity,
                shift=float(after.rank - before.rank), events=list(after.events),
            ))
    return out
