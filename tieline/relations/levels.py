"""Refinements of a dyad's relationship level that the event types alone cannot make.

The level a group of events pulls a dyad towards comes from each event's type. One
distinction needs the direction of the events as well: support that runs one way only
(X arms, funds, trains or shelters Y; Y gives nothing back; they act together nowhere)
is a patron–client tie, which the Mapping Militants maps code as affiliation, not an
alliance. :func:`refine_level` makes that call from the events behind a state.

Example:
    >>> from tieline.events.ontology import load_ontology
    >>> from tieline.model import DateInterval, Event
    >>> gift = Event("e1", "hezbollah", "aah", "training", "cooperation", DateInterval("2006"))
    >>> refine_level("tactical_alliance", [gift], load_ontology())
    'patronage'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..events.ontology import Ontology
from ..model import Event

#: Levels that one-way support can be refined from.
REFINABLE = frozenset({"tactical_alliance", "transactional"})
PATRONAGE = "patronage"


def refine_level(relation: str, events: Sequence[Event], ontology: Ontology) -> str:
    """``relation``, or ``patronage`` when the support behind it runs one way.

    One way means: every directed cooperative event goes from one and the same giver
    to one and the same receiver, and either they are all the cooperation there is, or
    there are at least two of them (weapons *and* money, training *and* funds) so that
    the odd joint operation does not make the client an equal ally."""
    if relation not in REFINABLE or PATRONAGE not in ontology.levels:
        return relation
    cooperative = [e for e in events
                   if not e.negated and e.type in ontology.types
                   and ontology.types[e.type].polarity == "cooperation"]
    support = [e for e in cooperative if ontology.types[e.type].directed]
    if not support or len({(e.source, e.target) for e in support}) != 1:
        return relation
    if len(support) == len(cooperative) or len({e.type for e in support}) >= 2:
        return PATRONAGE
    return relation
