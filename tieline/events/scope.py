"""Which pairs of actors tieline maps: armed groups, and the states that act on them.

An event between two states (or their forces, or two intergovernmental bodies) is a
relation between governments, outside what the tool follows; so is an event of an
actor with itself. At least one side must be a non-state organization: an armed
group or a political organization (an actor the knowledge base lacks counts as one,
being found by the shape of a group's name).

Example:
    >>> in_scope("state", "armed_group"), in_scope("state", "state_force")
    (True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Event

#: Kinds of actor whose relations tieline follows with anyone.
NON_STATE_KINDS = frozenset({"armed_group", "political_org"})


def in_scope(kind_a: str, kind_b: str) -> bool:
    """Whether an event between actors of these kinds is one tieline maps."""
    return kind_a in NON_STATE_KINDS or kind_b in NON_STATE_KINDS


def events_in_scope(events: Iterable[Event], kind_of: Callable[[str], str]) -> list[Event]:
    """The events between two different actors, one of them a non-state organization."""
    return [e for e in events if e.source != e.target and in_scope(kind_of(e.source), kind_of(e.target))]
