"""The interaction ontology: event types, the relationship scale and the crosswalk.

Loaded from ``tieline/data/ontology.yaml``; nothing about types lives in code.

Example:
    >>> onto = load_ontology()
    >>> onto.types["armed_clash"].polarity
    'conflict'
    >>> onto.levels["violent_rivalry"].mmp
    'riv'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import OntologyError
from ..yaml_data import load_yaml

POLARITIES = {"cooperation", "conflict", "structural"}


@dataclass(frozen=True)
class Level:
    """One rung of the relationship scale."""

    id: str
    rank: float
    polarity: str
    mmp: str | None = None
    mgar: str | None = None
    moghadam: str | None = None
    vinsar: str | None = None

    def crosswalk(self) -> dict[str, str]:
        out = {"mmp": self.mmp, "mgar": self.mgar, "moghadam": self.moghadam,
               "vinsar": self.vinsar}
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True)
class EventType:
    """One interaction type with its polarity, level and crosswalk codes."""

    id: str
    polarity: str
    directed: bool
    level: str
    weight: float
    description: str
    crosswalk: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    levels: dict[str, Level]

    def level_of(self, type_id: str) -> Level:
        return self.levels[self.types[type_id].level]

    def crosswalk(self, type_id: str) -> dict[str, str]:
        return {k: str(v) for k, v in self.types[type_id].crosswalk.items()
                if k != "proposal" and v is not None}


def parse_ontology(data: Any, where: str = "ontology.yaml") -> Ontology:
    """Validate and build an :class:`Ontology` from the parsed YAML."""
    if not isinstance(data, dict) or "types" not in data or "levels" not in data:
        raise OntologyError("the ontology needs 'levels' and 'types'", where=where)
    levels: dict[str, Level] = {}
    for raw in data["levels"]:
        try:
            level = Level(**raw)
        except TypeError as exc:
            raise OntologyError(f"bad level {raw!r}: {exc}", where=where) from exc
        levels[level.id] = level
    types: dict[str, EventType] = {}
    for type_id, raw in data["types"].items():
        if not isinstance(raw, dict):
            raise OntologyError(f"type {type_id!r} must be a mapping", where=where)
        if raw.get("polarity") not in POLARITIES:
            raise OntologyError(f"type {type_id!r} has polarity {raw.get('polarity')!r}",
                                where=where, remedy=f"use one of {sorted(POLARITIES)}")
        if raw.get("level") not in levels:
            raise OntologyError(f"type {type_id!r} names unknown level {raw.get('level')!r}",
                                where=where)
        types[type_id] = EventType(
            id=type_id, polarity=raw["polarity"], directed=bool(raw.get("directed", True)),
            level=raw["level"], weight=float(raw.get("weight", 1.0)),
            description=str(raw.get("description", "")),
            crosswalk=dict(raw.get("crosswalk") or {}),
        )
    return Ontology(types=types, levels=levels)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ontology (cached)."""
    text = (resources.files("tieline") / "data" / "ontology.yaml").read_text("utf-8")
    return parse_ontology(load_yaml(text), "tieline/data/ontology.yaml")
