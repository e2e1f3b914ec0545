"""Actors over time: predecessors that count as their heirs, names in use at a date.

An actor's predecessors (entries with a ``renamed_to`` or ``predecessor_of`` link to it)
count as the actor, so Ansar Bayt al-Maqdis' events belong to Wilayat Sinai's timeline.

Example:
    >>> from tieline.actors.kb import load_kb
    >>> lineage(load_kb(), "wilayat-sinai")[0]
    'wilayat-sinai'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..actors.kb import KnowledgeBase
from ..model import Actor, NameInTime

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
    return _in_use(actor.former_names, year) or actor.name


def _in_use(names: Iterable[NameInTime], year: int) -> str | None:
    """The first of ``names`` in use in ``year``: one whose end is after it ("until
    2014" names the year the new name came: the old one held before it)."""
    for former in names:
        if former.end is not None and year < former.end and \
                (former.start is None or year >= former.start):
            return former.name
    return None


class NamesInTime:
    """The name each actor of a knowledge base bore at a date, counting its own former
    names and the entries of its predecessors (an entry with a ``renamed_to`` or
    ``predecessor_of`` link: its name until the link's year). Built once per base
    (:meth:`of`).

    Example:
        >>> names = NamesInTime.of(kb)                        # doctest: +SKIP
        >>> names.then("cobalt-guard", 2013), names.then("cobalt-guard", 2016)  # doctest: +SKIP
        ('Cobalt Legion', 'Cobalt Guard')
        >>> names.label("cobalt-guard", 2013)                 # doctest: +SKIP
        'Cobalt Legion (now Cobalt Guard)'
    """

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.heir = heirs(kb)
        earlier: dict[str, list[NameInTime]] = {}
        for actor in kb:
            year = next((link.year for link in actor.links if link.type in LINEAGE_LINKS), None)
            if actor.id not in self.heir or year is None:
                continue
            spans = earlier.setdefault(self.heir[actor.id], [])
            # the predecessor's own former names, then its name, up to its link's year
            spans += [NameInTime(n.name, n.start, min(n.end, year) if n.end is not None else year)
                      for n in actor.former_names]
            spans.append(NameInTime(actor.name, actor.active[0], year))
        self._eras: dict[str, tuple[NameInTime, ...]] = {}
        for actor in kb:
            spans = [*actor.former_names, *earlier.get(actor.id, [])]
            # earliest end first; names ending the same year keep the base's order
            spans.sort(key=lambda n: n.end if n.end is not None else 10_000)
            self._eras[actor.id] = tuple(spans)

    @classmethod
    def of(cls, kb: KnowledgeBase) -> NamesInTime:
        """The (cached) names in time of ``kb``."""
        return kb.derived("names_in_time", cls)

    def now(self, actor_id: str) -> str:
        """The actor's current name: that of its latest heir (its own without one)."""
        return self.kb.get(self.heir.get(actor_id, actor_id)).name

    def then(self, actor_id: str, year: int | None,
             others: Mapping[str, str] | None = None) -> str:
        """The name ``actor_id`` bore in ``year``: a predecessor's events before its
        renaming show its own name, after it the heir's; with no year, the entry's own
        name. An actor the base lacks takes its name from ``others`` (its id when not
        there either); without ``others``, it is a KeyError."""
        if others is not None and actor_id not in self.kb:
            return others.get(actor_id, actor_id)
        actor = self.kb.get(actor_id)
        if year is None:
            return actor.name
        heir = self.heir.get(actor_id, actor_id)
        return _in_use(self._eras[heir], year) or self.kb.get(heir).name

    def label(self, actor_id: str, year: int | None,
              others: Mapping[str, str] | None = None) -> str:
        """The name then, with the current one beside it when it differs: "Jabhat
        al-Nusra (now Hay'at Tahrir al-Sham)" (``others`` as for :meth:`then`)."""
        then = self.then(actor_id, year, others)
        if actor_id not in self.kb:
            return then
        now = self.now(actor_id)
        return then if then == now else f"{then} (now {now})"
