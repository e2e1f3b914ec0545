"""Dyad states and transitions: the relationship level of a pair of actors per period.

Each event pulls its pair's period towards the level of its type on the ontology's scale
(merged 5 … violent_rivalry -2). How hard it pulls is its *claim weight*: the type's
weight × a modality factor (asserted > reported > alleged > speculative) × how its date
was found (stated in the sentence > inherited from the paragraph > the publication
date) × the extractor's confidence, then × a recency factor (late in the period counts
more: the state says where the period ended), in every period its date interval
covers. Near-identical copies of one sentence (one story reprinted) count once;
independent reports add up. A negated event ("Hamas denied training ...") pulls its
level *down* by its weight: it is evidence against. The level with the largest net pull
is the state. Pure functions over :class:`~tieline.model.Event` lists: no store, no I/O.

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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from ..events.ontology import Ontology, load_ontology
from ..model import DateInterval, Event
from .copies import COPY_SIMILARITY, independent_groups

Period = Literal["year", "month"]
PERIODS: tuple[str, ...] = ("year", "month")

# How much a hedged claim counts next to a plain statement of fact.
MODALITY_FACTORS: Mapping[str, float] = MappingProxyType({
    "asserted": 1.0,
    "reported": 0.7,
    "alleged": 0.5,
    "speculative": 0.35,
})

# How sure the period is, by where the event's date came from: a date the sentence
# states beats one inherited from the paragraph; the publication date only says the
# claim held by then (background in the present perfect, analysis).
DATE_BASIS_FACTORS: Mapping[str, float] = MappingProxyType({
    "sentence": 1.0,
    "anchor": 0.9,
    "paragraph": 0.8,
    "published": 0.6,
    "none": 0.5,
})

# Weights are sums of decimals; equal sums must tie, whatever the rounding noise.
_TIE_DIGITS = 9


@dataclass(frozen=True)
class Weighting:
    """How events are weighed into states; the defaults are tieline's.

    ``half_life`` is in periods: an event at the very start of a period counts
    ``0.5 ** (1 / half_life)`` of one at its end (0 turns recency off). ``negation``
    is how much a denial subtracts, relative to what the claim would add.
    ``use_confidence`` multiplies by the extractor's confidence (an accepted
    correction has confidence 1). ``copy_similarity`` is the shingle similarity from
    which two evidence sentences are copies of one story.

    Example:
        >>> Weighting(half_life=0).recency(0.0)
        1.0
    """

    modality: Mapping[str, float] = field(default_factory=lambda: MODALITY_FACTORS)
    date_basis: Mapping[str, float] = field(default_factory=lambda: DATE_BASIS_FACTORS)
    use_confidence: bool = True
    negation: float = 1.0
    half_life: float = 1.0
    copy_similarity: float = COPY_SIMILARITY

    def recency(self, position: float) -> float:
        """The factor of an event at ``position`` (0 = start, 1 = end) of its period."""
        if self.half_life <= 0:
            return 1.0
        return 0.5 ** ((1.0 - min(max(position, 0.0), 1.0)) / self.half_life)


DEFAULT_WEIGHTING = Weighting()


@dataclass
class DyadState:
    """The relationship of the pair ``a``–``b`` (ids in sorted order) in one period.

    ``relation`` is a level id of the ontology's scale, ``rank`` its rank; ``weight`` the
    summed net pull of the events, ``levels`` the net pull towards each level;
    ``support`` the ids of the events pulling towards each level and ``denied`` those
    of negated events by the level they deny (all negated ids are also in
    ``against``); ``sources`` how many independent reports (copies counted once)
    support the relation.

    Example:
        >>> DyadState("fatah", "hamas", "2007", "violent_rivalry", -2, "conflict",
        ...           0.78, 1.5, ["e1"]).to_dict()
        {'period': '2007', 'relation': 'violent_rivalry', 'polarity': 'conflict', 'confidence': 0.78, 'events': ['e1']}
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
    support: dict[str, list[str]] = field(default_factory=dict)
    denied: dict[str, list[str]] = field(default_factory=dict)
    sources: int = 0

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        """The state as in ``tieline dyad --format json``; ``detail`` adds the pair,
        rank, weights, support and crosswalk."""
        out: dict[str, Any] = {
            "period": self.period, "relation": self.relation, "polarity": self.polarity,
            "confidence": round(self.confidence, 3), "events": list(self.events),
        }
        if detail:
            out = {"a": self.a, "b": self.b, **out, "rank": self.rank,
                   "weight": round(self.weight, 3), "sources": self.sources,
                   "levels": {k: round(v, 3) for k, v in self.levels.items()},
                   "support": {k: list(v) for k, v in self.support.items()},
                   "against": list(self.against), "crosswalk": dict(self.crosswalk)}
        return out


@dataclass
class Transition:
    """A turning point of a pair: its relation moved from ``relation_from`` (in
    ``period_from``) to ``relation_to`` (reached in ``period_to``), through the states
    ``via`` when the move took several periods in one direction, ``confirmed`` by the
    next period when it held the same relation. ``events`` are the events that drove
    it: those of these periods pulling away from the old relation towards the new side
    (early signs in ``period_from`` included) and denials of the old relation. ``shift`` is the change of rank (negative: towards
    conflict); ``significance`` = |shift| × √(confidence before × confidence after).

    Example:
        >>> t = Transition("a", "b", "2016", "2017", "tactical_alliance", "violent_rivalry",
        ...                "cooperation", "conflict", -4.0, ["e9"])
        >>> t.to_dict()
        {'period': '2017', 'from': 'tactical_alliance', 'to': 'violent_rivalry', 'events': ['e9']}
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
    via: list[str] = field(default_factory=list)
    significance: float = 0.0
    confidence: float = 0.0
    confirmed: str | None = None

    @property
    def last_period(self) -> str:
        """The last period of the turning point: the confirming one, if any."""
        return self.confirmed or self.period_to

    @property
    def period(self) -> str:
        """The periods over which the relation moved: ``2018``, or ``2017/2018`` when
        it passed through intermediate states or the next period confirmed it."""
        first = self.via[0] if self.via else self.period_to
        return first if first == self.last_period else f"{first}/{self.last_period}"

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        """The transition as in ``tieline dyad --format json``; ``detail`` adds the
        pair, the periods and polarities on both sides, shift and significance."""
        out: dict[str, Any] = {"period": self.period, "from": self.relation_from,
                               "to": self.relation_to, "events": list(self.events)}
        if detail:
            out = {"a": self.a, "b": self.b, **out,
                   "period_from": self.period_from, "period_to": self.period_to,
                   "polarity_from": self.polarity_from, "polarity_to": self.polarity_to,
                   "via": list(self.via), "confirmed": self.confirmed, "shift": self.shift,
                   "significance": round(self.significance, 3),
                   "confidence": round(self.confidence, 3)}
        return out


# -- periods -------------------------------------------------------------------------

def _check_period(period: str) -> None:
    if period not in PERIODS:
        raise ValueError(f"period must be 'year' or 'month', not {period!r}")


def _point(bound: str, period: Period, end: bool) -> float | None:
    """A date bound as a number of periods (years or months since year 0); ``end``
    takes the end of the bound's precision ("2014" ends at 2015.0 in years)."""
    parts = bound.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
    except ValueError:
        return None
    months: float
    if month is None:
        months = year * 12 + (12 if end else 0)
    elif day is None:
        months = year * 12 + month - 1 + (1 if end else 0)
    else:
        months = year * 12 + month - 1 + (min(day, 30) - (0 if end else 1)) / 30
    return months / 12 if period == "year" else float(months)


def _label(index: int, period: Period) -> str:
    if period == "year":
        return f"{index:04d}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def period_of(date: DateInterval, period: Period = "year") -> str | None:
    """The period an event's date starts in, or None when the date is too coarse.

    Example:
        >>> period_of(DateInterval("2014-07-03"), "month"), period_of(DateInterval("2014"), "month")
        ('2014-07', None)
    """
    _check_period(period)
    start = date.start
    if not start:
        return None
    if period == "year":
        return start[:4] if len(start) >= 4 else None
    # A year-only date cannot be put in a month; it stays listed, unplaced.
    return start[:7] if len(start) >= 7 else None


_OPEN_CUES = ("after", "following", "since", "ever since", "in the wake", "in the aftermath",
              "from")


def open_ended(date: DateInterval) -> bool:
    """Whether a date interval runs from an anchor up to the time of writing ("after the
    July 2013 overthrow", "since 2012") rather than stating both of its ends.

    Example:
        >>> open_ended(DateInterval("2013-07", "2018-01-25", "After the July 2013 overthrow"))
        True
        >>> open_ended(DateInterval("2013", "2016", "from 2013 to 2016"))
        False
    """
    text = date.text.lower().strip()
    if date.basis == "anchor":
        return True
    return text.startswith(_OPEN_CUES) and not re.search(r"\b(?:to|until|till|through)\b", text)


def placements(date: DateInterval, period: Period = "year") -> list[tuple[str, float]]:
    """The periods a date interval covers, each with the position (0 = start, 1 = end)
    of the middle of the covered part: ``[(period, position), ...]``. A date coarser
    than the period (a bare year, by month) is placed nowhere.

    Example:
        >>> placements(DateInterval("2015-09", "2016-03"))
        [('2015', 0.833333), ('2016', 0.125)]
        >>> placements(DateInterval("2014"))
        [('2014', 0.5)]
    """
    if period_of(date, period) is None or date.start is None:
        return []
    start = _point(date.start, period, end=False)
    stop = _point(date.start, period, end=True)
    if date.end:
        end = _point(date.end, period, end=True)
        if end is not None and stop is not None and end > stop:
            stop = end
    if start is None or stop is None:
        return []
    out = []
    index = math.floor(start)
    while index < stop:
        lo, hi = max(start, index), min(stop, index + 1)
        out.append((_label(index, period), round((lo + hi) / 2 - index, 6)))
        index += 1
    return out


# -- weights -------------------------------------------------------------------------

def _type_modality(event: Event, ontology: Ontology,
                   modality_factors: Mapping[str, float]) -> float:
    event_type = ontology.types.get(event.type)
    if event_type is None:
        return 0.0
    return event_type.weight * modality_factors.get(event.modality, 1.0)


def event_weight(event: Event, ontology: Ontology,
                 modality_factors: Mapping[str, float] = MODALITY_FACTORS) -> float:
    """How strongly one event of a document pulls its dyad towards its type's level:
    type weight × modality factor, 0 if negated or of a type the ontology does not
    know (the per-document dyad summary uses it).

    Example:
        >>> from tieline.events.ontology import load_ontology
        >>> e = Event("e1", "a", "b", "armed_clash", "conflict", DateInterval("2015"),
        ...           modality="alleged")
        >>> event_weight(e, load_ontology())
        0.75
    """
    return 0.0 if event.negated else _type_modality(event, ontology, modality_factors)


def claim_weight(event: Event, ontology: Ontology,
                 weighting: Weighting = DEFAULT_WEIGHTING) -> float:
    """How strongly an event's claim counts in a dyad state, whether asserted or
    denied: type weight × modality × date basis × extractor confidence.

    Example:
        >>> from tieline.events.ontology import load_ontology
        >>> e = Event("e1", "a", "b", "armed_clash", "conflict",
        ...           DateInterval("2015", basis="sentence"), confidence=0.8)
        >>> round(claim_weight(e, load_ontology()), 3)
        1.2
    """
    weight = _type_modality(event, ontology, weighting.modality)
    weight *= weighting.date_basis.get(event.date.basis, 1.0)
    if weighting.use_confidence:
        weight *= min(max(event.confidence, 0.0), 1.0)
    return weight


# -- states --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Placed:
    event: Event
    weight: float


def dyad_states(events: Iterable[Event], ontology: Ontology, period: Period = "year",
                weighting: Weighting = DEFAULT_WEIGHTING) -> list[DyadState]:
    """The state of every pair in every period its events cover, sorted by pair and
    period. Events without a (precise enough) date are placed in no period; an event
    whose date spans several periods ("from 2013 to 2016 X trained Y") is a statement
    about each of them and counts in each.

    The relation is the level with the largest net pull, ties going to the level of
    larger |rank| (then to the conflict side); the polarity is "mixed" when both
    cooperation and conflict carry at least a third of the pull; confidence is
    (1 - exp(-pull of the relation)) × its share of all pull.

    Example:
        >>> from tieline.events.ontology import load_ontology
        >>> clash = Event("e1", "fatah", "hamas", "armed_clash", "conflict",
        ...               DateInterval("2007-12", basis="sentence"), confidence=1.0)
        >>> s = dyad_states([clash], load_ontology())[0]
        >>> s.period, s.relation, s.polarity, round(s.confidence, 2)
        ('2007', 'violent_rivalry', 'conflict', 0.77)
    """
    _check_period(period)
    groups: dict[tuple[str, str, str], list[_Placed]] = {}
    for event in events:
        if event.source == event.target:
            continue
        covered = placements(event.date, period)
        if not covered:
            continue
        a, b = sorted((event.source, event.target))
        base = claim_weight(event, ontology, weighting)
        fading = open_ended(event.date)
        for k, (slot, position) in enumerate(covered):
            # "after the July 2013 overthrow": surest at its start, fading to the time
            # of writing, where the text no longer vouches for it
            share = 1.0 - k / max(1, len(covered) - 1) if fading and len(covered) > 1 else 1.0
            groups.setdefault((a, b, slot), []).append(
                _Placed(event, base * share * weighting.recency(position)))
    return [_state(a, b, slot, group, ontology, weighting)
            for (a, b, slot), group in sorted(groups.items())]


def _state(a: str, b: str, slot: str, group: list[_Placed], ontology: Ontology,
           weighting: Weighting) -> DyadState:
    pull: dict[str, float] = {}
    denial: dict[str, float] = {}
    support: dict[str, list[str]] = {}
    denied: dict[str, list[str]] = {}
    by_claim: dict[tuple[str, bool], list[_Placed]] = {}
    for placed in group:
        if placed.event.type in ontology.types:
            by_claim.setdefault((placed.event.type, placed.event.negated), []).append(placed)
    for (type_id, negated), claims in by_claim.items():
        level_id = ontology.types[type_id].level
        ids = denied if negated else support
        ids.setdefault(level_id, []).extend(p.event.id for p in claims)
        copies = independent_groups(claims, lambda p: p.event.evidence.sentence,
                                    weighting.copy_similarity)
        # One story reprinted is one source: each group of copies counts once.
        weight = sum(max(p.weight for p in copy) for copy in copies)
        if negated:
            denial[level_id] = denial.get(level_id, 0.0) + weight * weighting.negation
        elif weight > 0:
            pull[level_id] = pull.get(level_id, 0.0) + weight
    net = {lvl: w - denial.get(lvl, 0.0) for lvl, w in pull.items()}
    net = {lvl: w for lvl, w in net.items() if w > 0 and lvl != "none"}
    total = sum(net.values())
    relation = "none"
    if net:
        relation = max(net, key=lambda lvl: (round(net[lvl], _TIE_DIGITS),
                                             abs(ontology.levels[lvl].rank),
                                             -ontology.levels[lvl].rank))
    level = ontology.levels.get(relation)
    by_polarity = {"cooperation": 0.0, "conflict": 0.0}
    for lvl, weight in net.items():
        pol = ontology.levels[lvl].polarity
        if pol in by_polarity:
            by_polarity[pol] += weight
    strength = net.get(relation, 0.0)
    events = list(dict.fromkeys(p.event.id for p in group))
    return DyadState(
        a=a, b=b, period=slot, relation=relation,
        rank=level.rank if level is not None else 0.0,
        polarity=_polarity(level.polarity if level is not None else "none",
                           by_polarity, total),
        confidence=(1.0 - math.exp(-strength)) * strength / total if total else 0.0,
        weight=total, events=events,
        against=[i for i in events if any(i in ids for ids in denied.values())],
        levels=dict(sorted(net.items(), key=lambda kv: -kv[1])),
        crosswalk=_crosswalk(relation, support, ontology, group),
        support={k: list(dict.fromkeys(v)) for k, v in support.items()},
        denied={k: list(dict.fromkeys(v)) for k, v in denied.items()},
        sources=_sources(support.get(relation, []), group, weighting),
    )


def _sources(ids: list[str], group: list[_Placed], weighting: Weighting) -> int:
    """How many independent reports state the events ``ids``: one sentence stating two
    claims, or two copies of one story, are one report."""
    wanted = set(ids)
    sentences = list(dict.fromkeys(p.event.evidence.sentence for p in group
                                   if p.event.id in wanted))
    return len(independent_groups(sentences, lambda text: text, weighting.copy_similarity))


def _crosswalk(relation: str, support: dict[str, list[str]], ontology: Ontology,
               group: list[_Placed]) -> dict[str, str]:
    """The relation's codes, plus MGAR's content of the cooperation behind it
    (``material;training``), from the crosswalk of the supporting events' types."""
    level = ontology.levels.get(relation)
    codes = level.crosswalk() if level is not None else {}
    ids = set(support.get(relation, []))
    contents = sorted({str(ontology.types[p.event.type].crosswalk["mgar_content"])
                       for p in group if p.event.id in ids
                       and "mgar_content" in ontology.types[p.event.type].crosswalk})
    if contents and codes.get("mgar") and level is not None and level.polarity == "cooperation":
        codes["mgar_content"] = ";".join(contents)
    return codes


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


# -- transitions ---------------------------------------------------------------------

def transitions(states: Iterable[DyadState],
                ontology: Ontology | None = None) -> list[Transition]:
    """The turning points of every pair: each run of consecutive changes of relation
    in one direction (towards conflict, or towards cooperation) is one transition,
    from the state before the run to the state that ends it. When the period right
    after the run holds the same relation, it confirms the change: its events on the
    new side count among the drivers too, and the transition spans it (a year of
    crackdowns, then the next January's executions: one turning point).

    States without weight (only negated or weightless events) are not periods with a
    state here: they neither start nor end a transition.

    Example:
        >>> s1 = DyadState("a", "b", "2014", "tactical_alliance", 2, "cooperation", .7, 1.2, ["e1"],
        ...                support={"tactical_alliance": ["e1"]})
        >>> s2 = DyadState("a", "b", "2017", "split", -0.5, "none", .5, 1.2, ["e2"],
        ...                support={"split": ["e2"]})
        >>> s3 = DyadState("a", "b", "2018", "violent_rivalry", -2, "conflict", .8, 1.5, ["e3"],
        ...                support={"violent_rivalry": ["e3"]})
        >>> [(t.period, t.relation_from, t.relation_to, t.events) for t in transitions([s1, s2, s3])]
        [('2017/2018', 'tactical_alliance', 'violent_rivalry', ['e2', 'e3'])]
    """
    onto = ontology or load_ontology()
    by_pair: dict[tuple[str, str], list[DyadState]] = {}
    for state in states:
        # A period holding only denials or weightless events (renames) says nothing
        # about the relation; treating it as "none" would invent two turning points.
        if state.weight > 0:
            by_pair.setdefault((state.a, state.b), []).append(state)
    out: list[Transition] = []
    for _pair, pair_states in sorted(by_pair.items()):
        ordered = sorted(pair_states, key=lambda s: s.period)
        start = 0
        while start < len(ordered) - 1:
            direction = _direction(ordered[start], ordered[start + 1])
            if direction == 0:
                start += 1
                continue
            end = start + 1
            while end + 1 < len(ordered) and _direction(ordered[end], ordered[end + 1]) == direction:
                end += 1
            confirmation = None
            if end + 1 < len(ordered) and ordered[end + 1].relation == ordered[end].relation \
                    and _follows(ordered[end].period, ordered[end + 1].period):
                confirmation = ordered[end + 1]
            out.append(_transition(ordered[start:end + 1], direction, onto, confirmation))
            start = end
    return out


def _direction(before: DyadState, after: DyadState) -> int:
    if before.relation == after.relation:
        return 0
    return 1 if after.rank > before.rank else -1


def _follows(before: str, after: str) -> bool:
    """Whether period ``after`` comes right after ``before`` (2017 → 2018, 2017-12 → 2018-01)."""
    if len(before) == 4:
        return int(after) == int(before) + 1
    year, month = int(before[:4]), int(before[5:7])
    return after == (f"{year + 1:04d}-01" if month == 12 else f"{year:04d}-{month + 1:02d}")


def _transition(run: list[DyadState], direction: int, ontology: Ontology,
                confirmation: DyadState | None = None) -> Transition:
    first, last = run[0], run[-1]
    evidence = run + ([confirmation] if confirmation is not None else [])

    def rank(level: str) -> float:
        return ontology.levels[level].rank if level in ontology.levels else 0.0

    def toward(level: str) -> bool:
        # Away from the old relation and on the new relation's side of "none": a
        # smuggling deal does not drive an alliance into war, though it ranks lower.
        r = rank(level)
        return (r - first.rank) * direction > 0 and (last.rank == 0 or (r > 0) == (last.rank > 0))

    drivers: list[str] = []
    for state in evidence:
        for level, ids in state.support.items():
            if toward(level):
                drivers.extend(ids)
        for level, ids in state.denied.items():
            # Denying the old relation (or anything on its side) also drives the move.
            if (rank(level) - first.rank) * direction <= 0:
                drivers.extend(ids)
    in_order = [i for state in evidence for i in state.events]
    wanted = set(drivers)
    return Transition(
        a=first.a, b=first.b, period_from=first.period, period_to=last.period,
        relation_from=first.relation, relation_to=last.relation,
        polarity_from=first.polarity, polarity_to=last.polarity,
        shift=float(last.rank - first.rank),
        events=[i for i in dict.fromkeys(in_order) if i in wanted],
        via=[s.period for s in run[1:-1]],
        confirmed=confirmation.period if confirmation is not None else None,
        significance=abs(last.rank - first.rank) * math.sqrt(first.confidence * last.confidence),
        confidence=min(first.confidence, last.confidence),
    )
