"""Load and validate the actor knowledge base (YAML files of entries).

The shipped base lives in ``tieline/data/actors/*.yaml``; users merge their own files
with ``load_kb(extra=[...])`` (``--kb FILE.yaml`` on the command line). Validation
catches duplicate ids, links to unknown ids, unknown kinds and link types, and names
claimed by two entries without being declared ambiguous.

Example:
    >>> kb = load_kb()
    >>> kb.get("hamas").name
    'Hamas'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from ..errors import KnowledgeBaseError
from ..model import Actor, Link, NameInTime
from ..yaml_data import load_yaml
from .normalize import normalize_name

T = TypeVar("T")

KINDS = {"armed_group", "state", "state_force", "political_org", "other"}
LINK_TYPES = {
    "wing_of", "branch_of", "affiliate_of", "predecessor_of", "renamed_to",
    "splinter_of", "member_of", "merged_into", "state_sponsor",
}
ENTRY_KEYS = {
    "id", "name", "kind", "aliases", "acronyms", "former_names", "wings", "descriptors",
    "country", "region", "ideology", "active", "links", "ambiguous", "source", "territories",
    "leaders", "collective_phrases",
}
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class KnowledgeBase:
    """The actors tieline knows, by id, with a lookup from normalized name to ids."""

    actors: dict[str, Actor] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[KnowledgeBase], T]) -> T:
        """A structure computed from the base once and kept with it (indexes, compiled
        patterns): ``kb.derived("links_into", build)``."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return cast(T, self._derived[key])

    def get(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def name_index(self) -> dict[str, set[str]]:
        """Normalized name -> ids of the actors that carry it (built once; do not
        modify the sets)."""
        def build(base: KnowledgeBase) -> dict[str, set[str]]:
            index: dict[str, set[str]] = {}
            for actor in base.actors.values():
                for name in actor.all_names():
                    index.setdefault(normalize_name(name), set()).add(actor.id)
            return index

        return self.derived("name_index", build)

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose id or any name equals ``name`` (normalized)."""
        if name in self.actors:
            return [self.actors[name]]
        ids = self.name_index().get(normalize_name(name), set())
        return [self.actors[i] for i in sorted(ids)]


def _as_list(value: Any, where: str, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"'{key}' must be a list", where=where,
                                 remedy="write it as [a, b] or as a YAML list")
    return value


def _year(value: Any, where: str, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and 1800 <= value <= 2100:
        return value
    raise KnowledgeBaseError(f"'{key}' must be a year like 2014 or null, got {value!r}",
                             where=where)


def parse_entry(raw: Any, where: str) -> Actor:
    """Turn one YAML mapping into an :class:`Actor`, checking its shape."""
    if not isinstance(raw, dict):
        raise KnowledgeBaseError("an entry must be a mapping with at least id and name",
                                 where=where)
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise KnowledgeBaseError(f"unknown keys {sorted(unknown)}", where=where,
                                 remedy=f"allowed keys: {sorted(ENTRY_KEYS)}")
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not _ID_RE.match(actor_id):
        raise KnowledgeBaseError(f"bad id {actor_id!r}", where=where,
                                 remedy="ids are lowercase ascii words joined by hyphens")
    where = f"{where} ({actor_id})"
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeBaseError("missing name", where=where)
    kind = raw.get("kind", "armed_group")
    if kind not in KINDS:
        raise KnowledgeBaseError(f"unknown kind {kind!r}", where=where,
                                 remedy=f"use one of {sorted(KINDS)}")
    former = _names_in_time(raw, "former_names", where)
    territories = _names_in_time(raw, "territories", where)
    leaders = _names_in_time(raw, "leaders", where)
    links: list[Link] = []
    for item in _as_list(raw.get("links"), where, "links"):
        if not isinstance(item, dict) or item.get("type") not in LINK_TYPES \
                or not isinstance(item.get("target"), str):
            raise KnowledgeBaseError(f"bad link {item!r}", where=where,
                                     remedy=f"write {{type: T, target: ID}}, T in {sorted(LINK_TYPES)}")
        links.append(Link(item["type"], item["target"], _year(item.get("year"), where, "year")))
    active = _as_list(raw.get("active"), where, "active") or [None, None]
    if len(active) != 2:
        raise KnowledgeBaseError("'active' must be [first_year, last_year]", where=where)

    def strings(key: str) -> tuple[str, ...]:
        values = _as_list(raw.get(key), where, key)
        for v in values:
            if not isinstance(v, str) or not v.strip():
                raise KnowledgeBaseError(f"'{key}' holds a non-text value {v!r}", where=where)
        return tuple(v.strip() for v in values)

    return Actor(
        id=actor_id, name=name.strip(), kind=kind,
        aliases=strings("aliases"), acronyms=strings("acronyms"),
        former_names=former, territories=territories, leaders=leaders,
        collective_phrases=strings("collective_phrases"),
        wings=strings("wings"),
        descriptors=strings("descriptors"),
        country=raw.get("country"), region=raw.get("region"), ideology=raw.get("ideology"),
        active=(_year(active[0], where, "active"), _year(active[1], where, "active")),
        links=tuple(links), ambiguous=strings("ambiguous"), source=raw.get("source"),
    )


def _names_in_time(raw: dict[str, Any], key: str, where: str) -> tuple[NameInTime, ...]:
    """A list of names, each a string or ``{name: ..., from: YEAR, until: YEAR}``."""
    out: list[NameInTime] = []
    for item in _as_list(raw.get(key), where, key):
        if isinstance(item, str):
            out.append(NameInTime(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(NameInTime(item["name"], _year(item.get("from"), where, "from"),
                                  _year(item.get("until"), where, "until")))
        else:
            raise KnowledgeBaseError(f"bad entry {item!r} under {key}", where=where,
                                     remedy="write {name: ..., from: YEAR, until: YEAR}")
    return tuple(out)


def read_entries(path: Path | str, text: str | None = None) -> Iterator[tuple[Actor, str]]:
    """Parse one YAML file of entries; yields (actor, where) pairs."""
    name = str(path)
    try:
        data = load_yaml(text if text is not None else Path(path).read_text("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise KnowledgeBaseError(f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                 where=where) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"cannot read the file: {exc}", where=name) from exc
    if data is None:
        return
    if not isinstance(data, list):
        raise KnowledgeBaseError("the file must be a YAML list of entries", where=name)
    for i, raw in enumerate(data):
        yield parse_entry(raw, f"{name} entry {i + 1}"), name


def _shipped_files() -> list[tuple[str, str]]:
    folder = resources.files("tieline") / "data" / "actors"
    out = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            out.append((f"tieline/data/actors/{item.name}", item.read_text("utf-8")))
    return out


def validate(kb: KnowledgeBase) -> None:
    """Check the links and shared names of a whole base; raise on the first problem."""
    for actor in kb:
        where = f"{kb.origins.get(actor.id, '?')} ({actor.id})"
        for link in actor.links:
            if link.target not in kb.actors:
                raise KnowledgeBaseError(f"link {link.type} points to unknown id {link.target!r}",
                                         where=where, remedy="add that entry or fix the id")
            if link.target == actor.id:
                raise KnowledgeBaseError(f"link {link.type} points to itself", where=where)
        names = {normalize_name(n) for n in actor.all_names()}
        for amb in actor.ambiguous:
            if normalize_name(amb) not in names:
                raise KnowledgeBaseError(f"ambiguous name {amb!r} is not one of the entry's names",
                                         where=where)
    owners: dict[str, set[str]] = {}
    for actor in kb:
        for name in actor.all_names():
            owners.setdefault(normalize_name(name), set()).add(actor.id)
    for norm, ids in owners.items():
        if len(ids) < 2:
            continue
        undeclared = [i for i in sorted(ids)
                      if norm not in {normalize_name(a) for a in kb.get(i).ambiguous}]
        if len(undeclared) > 1:
            raise KnowledgeBaseError(
                f"name {norm!r} belongs to {undeclared} without being declared ambiguous",
                where=kb.origins.get(undeclared[0]),
                remedy="keep the name in one entry, or list it under 'ambiguous' in all but one")


def build_kb(sources: Iterable[tuple[str, str]]) -> KnowledgeBase:
    """Build and validate a base from (name, yaml text) pairs; later entries may not
    reuse an earlier id."""
    kb = KnowledgeBase()
    for name, text in sources:
        for actor, where in read_entries(name, text):
            if actor.id in kb.actors:
                raise KnowledgeBaseError(
                    f"id {actor.id!r} is already defined in {kb.origins[actor.id]}",
                    where=where, remedy="choose another id, or edit the existing entry")
            kb.actors[actor.id] = actor
            kb.origins[actor.id] = where
    validate(kb)
    return kb


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> KnowledgeBase:
    sources = _shipped_files()
    for path in extra:
        try:
            sources.append((path, Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"cannot read the file: {exc}", where=path) from exc
    return build_kb(sources)


def load_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base, merged with the user's files in ``extra``."""
    return _load_cached(tuple(str(p) for p in extra))
