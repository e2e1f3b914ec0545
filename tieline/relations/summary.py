"""The per-document dyad summary of the output contract.

For each pair of actors with events in a document, the relation their events imply on
the ontology's relationship scale: each event pulls towards its type's level with the
type's weight, discounted by modality; a negated event does not count. The level with
the greatest pull wins, ties going to the stronger rung; one-way support is then told
apart from an alliance (:func:`~tieline.relations.levels.refine_level`).

Example:
    >>> [d.relation for d in summarize_dyads(events)]   # doctest: +SKIP
    ['violent_rivalry']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..events.ontology import Ontology, load_ontology
from ..model import Dyad, Event
from .levels import refine_level
from .states import event_weight


def summarize_dyads(events: Sequence[Event], ontology: Ontology | None = None) -> list[Dyad]:
    """One :class:`Dyad` per unordered pair of actors that has events."""
    onto = ontology or load_ontology()
    by_pair: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for e in events:
        by_pair[(min(e.source, e.target), max(e.source, e.target))].append(e)
    dyads = []
    for (a, b), group in by_pair.items():
        pull: dict[str, float] = defaultdict(float)
        for e in group:
            level = onto.types[e.type].level
            if level != "none":
                pull[level] += event_weight(e, onto)
        if not pull or max(pull.values()) <= 0:
            relation = "none"
        else:
            relation = max(pull, key=lambda lv: (round(pull[lv], 6), abs(onto.levels[lv].rank)))
            relation = refine_level(relation, group, onto)
        rung = onto.levels[relation]
        starts = sorted(e.date.start for e in group if e.date.start)
        dyads.append(Dyad(a=a, b=b, relation=relation, since=starts[0] if starts else None,
                          crosswalk=rung.crosswalk(), events=[e.id for e in group],
                          polarity=rung.polarity))
    return dyads
