"""What the event extractor may know of a document's actors beyond their names: their
kind (armed group, state, ...) and the organizations they belong to (a branch's or a
wing's parent). The pipeline fills it from the knowledge base; it defaults to knowing
nothing, so the extractor runs without one.

Example:
    >>> facts = ActorFacts({"wilayat-sinai": "armed_group"},
    ...                    {"wilayat-sinai": frozenset({"islamic-state"})})
    >>> facts.belongs_to("wilayat-sinai", "islamic-state")
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: Knowledge-base links that make the target the organization the actor belongs to.
BELONGING_LINKS = ("affiliate_of", "branch_of", "wing_of")


@dataclass(frozen=True)
class ActorFacts:
    kinds: Mapping[str, str] = field(default_factory=dict)
    parents: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def kind(self, actor: str) -> str:
        """The actor's kind; an actor not described is taken for an armed group."""
        return self.kinds.get(actor, "armed_group")

    def belongs_to(self, child: str, parent: str) -> bool:
        """Whether ``child`` is a branch, affiliate or wing of ``parent``."""
        return parent in self.parents.get(child, frozenset())
