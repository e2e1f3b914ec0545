"""Actors over time: predecessors that count as their heirs, names in use at a date.

An actor's predecessors (entries with a ``renamed_to`` or ``predecessor_of`` link to it)
count as the actor, so Ansar Bayt al-Maqdis' events belong to Wilayat Sinai's timeline.

Example:
    >>> from tieline.actors.kb import load_kb
    >>> lineage(load_kb(), "wilayat-sinai")[0]
    'wilayat-sinai'
"""

from __future__ import annotations

from ..actors.kb import KnowledgeBase
from ..model import Actor

# Link types that make the linking actor an earlier incarnation of the linked one.
LINEAGE_LINKS = ("renamed_to", "predecessor_of")


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


def heirs(kb: KnowledgeBase) -> dict[str, str]:
    """Each predecessor's id mapped to the id of its latest heir, for actors with
    exactly one successor (a group that split in two is nobody's single heir).

    Example:
        >>> heirs(kb)["cobalt-legion"]                   # doctest: +SKIP
        'cobalt-guard'
    """
    successor: dict[str, str] = {}
    for actor in kb:
        targets = {link.target for link in actor.links if link.type in LINEAGE_LINKS}
        if len(targets) == 1:
            successor[actor.id] = targets.pop()
    out: dict[str, str] = {}
    for start in successor:
        current, seen = start, {start}
        while current in successor and successor[current] not in seen:
            current = successor[current]
            seen.add(current)
        out[start] = current
    return out


def name_at(actor: Actor, year: int | None) -> str:
    """The name ``actor`` went by in ``year`` (its canonical name when none of its
    former names was in use then, or when ``year`` is None).

    Example:
        >>> from tieline.model import NameInTime
        >>> ws = Actor("wilayat-sinai", "Wilayat Sinai",
        ...            former_names=(NameInTime("Ansar Bayt al-Maqdis", None, 2014),))
        >>> name_at(ws, 2012), name_at(ws, 2016)
        ('Ansar Bayt al-Maqdis', 'Wilayat Sinai')
    """
    if year is None:
        return actor.name
    for former in actor.former_names:
        # "until 2014" names the year the new name came: the old one held before it.
        if former.end is not None and year < former.end and \
                (former.start is None or year >= former.start):
            return former.name
    return actor.name
