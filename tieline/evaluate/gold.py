"""The two gold formats ``tieline eval`` scores against, as typed records.

* **Mapping Militants rows** (:class:`MmpRow`): one relationship description a line,
  with the two groups, the type (``all``, ``riv``, ``aff``, ``spl``, ``mer``) and the
  year, as in the shared ``mmp-dev.jsonl``.
* **Annotated documents** (:class:`GoldDocument`): a text with the actors it names and
  the events it states, as in ``seed-gold.json`` generalised to many documents. The
  format is specified in ``docs/gold-format.md``.

This module turns one parsed JSON object into one record and says precisely what is
wrong with a bad one; :mod:`tieline.evaluate.files` reads files and adds line numbers.

Example:
    >>> row = parse_mmp_row({"id": "r1", "text": "AQI merged...", "group1": "AQI",
    ...                      "group2": "MSC", "type": "mer", "year": 2006}, Problems())
    >>> row.type
    'mer'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import InputError
from ..events.ontology import Ontology, load_ontology
from ..model import MODALITIES
from ..read import parse_published
from ..yaml_data import load_yaml

MMP_TYPES = ("all", "riv", "aff", "spl", "mer")

LineOf = Callable[[Any], int | None]


def _no_line(obj: Any) -> int | None:
    return None


@dataclass
class Problems:
    """What is wrong with one record, each problem with the line it is on if known."""

    line_of: LineOf = _no_line
    items: list[tuple[int | None, str]] = field(default_factory=list)

    def add(self, obj: Any, message: str) -> None:
        self.items.append((self.line_of(obj), message))

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class MmpRow:
    """One Mapping Militants relationship row."""

    id: str
    text: str
    group1: str
    group2: str
    type: str
    year: int | None
    where: str = ""
    cue: str | None = None

    @property
    def evidence(self) -> str:
        """What shows the relation: its cue where the gold gives one, else the text."""
        return self.cue or self.text

    def year_stated(self) -> bool:
        """Whether the text itself states the year the gold dates the relation from."""
        return self.year is not None and str(self.year) in self.text


@dataclass(frozen=True)
class GoldDate:
    """When a gold event happened: partial ISO bounds (``2014``, ``2014-06``...)."""

    start: str | None = None
    end: str | None = None
    text: str = ""

    def label(self) -> str:
        if self.text:
            return self.text
        if self.start and self.end and self.end != self.start:
            return f"{self.start}/{self.end}"
        if self.start:
            return self.start
        return f"before {self.end}" if self.end else "?"


@dataclass(frozen=True)
class GoldActor:
    """An actor of a gold document.

    ``name`` and ``aliases`` identify it (an extracted actor is the same when one of
    its names matches one of these); ``mentions`` are the spans of the text that must
    resolve to it, descriptors included ("the Palestinian group").
    """

    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    kind: str | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(frozen=True)
class GoldEvent:
    """One interaction a gold document states.

    ``types`` holds the accepted ontology types, the first being the annotator's
    choice; ``directed`` is False for mutual interactions and for gold events marked
    ``undirected``; ``cue`` is a verbatim part of the sentence stating it, if given.
    """

    source: str
    target: str
    types: tuple[str, ...]
    polarity: str
    date: GoldDate | None = None
    modality: str = "asserted"
    negated: bool = False
    directed: bool = True
    cue: str | None = None
    line: int | None = None

    @property
    def type(self) -> str:
        return self.types[0]

    def describe(self) -> str:
        arrow = "→" if self.directed else "↔"
        flags = [] if self.modality == "asserted" else [self.modality]
        if self.negated:
            flags.append("NOT")
        when = self.date.label() if self.date else "no date"
        extra = f" [{', '.join(flags)}]" if flags else ""
        return f"{self.source} {arrow} {self.target}: {self.type} ({when}){extra}"


@dataclass(frozen=True)
class GoldDocument:
    """A text annotated with its actors and events."""

    id: str
    text: str
    actors: tuple[GoldActor, ...]
    events: tuple[GoldEvent, ...]
    published: date | None = None
    published_exact: bool = False
    where: str = ""

    def actor(self, name: str) -> GoldActor:
        return next(a for a in self.actors if a.name == name)


@lru_cache(maxsize=1)
def type_aliases() -> dict[str, tuple[str, ...]]:
    """Type names of other annotation schemes mapped to ontology types (shipped data)."""
    text = (resources.files("tieline") / "data" / "evaluate" / "type-aliases.yaml").read_text(
        "utf-8")
    data = load_yaml(text) or {}
    return {str(k): tuple(v if isinstance(v, list) else [v]) for k, v in data.items()}


def _string(record: Mapping[str, Any], key: str, path: str, problems: Problems,
            required: bool = True) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(record, f"{path}{key}: missing (a non-empty string is required)")
        return None
    if not isinstance(value, str):
        problems.add(record, f"{path}{key}: must be a string, not {type(value).__name__}")
        return None
    return value


def _string_list(record: Mapping[str, Any], key: str, path: str,
                 problems: Problems) -> tuple[str, ...]:
    value = record.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(record, f"{path}{key}: must be a list of strings")
        return ()
    return tuple(value)


def parse_mmp_row(record: Mapping[str, Any], problems: Problems) -> MmpRow | None:
    """A Mapping Militants row, or None with the problems recorded."""
    texts = {k: _string(record, k, "", problems) for k in ("id", "text", "group1", "group2")}
    kind = record.get("type")
    if kind not in MMP_TYPES:
        problems.add(record, f"type: {kind!r} is not one of {', '.join(MMP_TYPES)}")
    year = record.get("year")
    if year is not None and not (isinstance(year, int) and not isinstance(year, bool)):
        problems.add(record, f"year: must be a whole number or null, not {year!r}")
        year = None
    if problems:
        return None
    return MmpRow(id=str(texts["id"]), text=str(texts["text"]), group1=str(texts["group1"]),
                  group2=str(texts["group2"]), type=str(kind), year=year)


_PARTIAL_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_OPEN_BEFORE = re.compile(r"^(?:before|until|by)\s+(.+)$", re.I)
_OPEN_AFTER = re.compile(r"^(?:after|since|from)\s+(.+)$", re.I)
_ONWARD = re.compile(r"^(.+?)\s+(?:onwards?|on)$", re.I)
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})


def _partial_iso(text: str) -> str:
    """``2014``, ``2014-06``, ``2014-06-30`` or ``June 2014`` as partial ISO."""
    text = text.strip()
    if _PARTIAL_ISO.match(text):
        return text
    match = _MONTH_YEAR.match(text)
    if match and match.group(1).lower() in _MONTHS:
        return f"{match.group(2)}-{_MONTHS[match.group(1).lower()]:02d}"
    raise ValueError(f"cannot read {text!r} as a date (write YYYY, YYYY-MM or YYYY-MM-DD)")


def parse_gold_date(value: Any) -> GoldDate | None:
    """A gold date from ``2014``, ``"2014-06"``, ``"2015-10/2015-12"``, ``"before 2017"``,
    ``"after July 2013"``, ``"2014 onward"`` or ``{"start": ..., "end": ...}``.

    Raises ValueError with the reason when it cannot.

    Example:
        >>> parse_gold_date("after July 2013")
        GoldDate(start='2013-07', end=None, text='after July 2013')
    """
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return GoldDate(str(value), None, str(value))
    if isinstance(value, Mapping):
        unknown = set(value) - {"start", "end", "text"}
        if unknown:
            raise ValueError(f"unknown keys {sorted(unknown)} (use start, end, text)")
        start = _partial_iso(str(value["start"])) if value.get("start") else None
        end = _partial_iso(str(value["end"])) if value.get("end") else None
        if not start and not end:
            raise ValueError("a date needs a start or an end")
        return GoldDate(start, end, str(value.get("text") or ""))
    if not isinstance(value, str):
        raise ValueError(f"must be a string, a year or a {{start, end}} object, not {value!r}")
    text = value.strip()
    if "/" in text:
        first, _, last = text.partition("/")
        return GoldDate(_partial_iso(first), _partial_iso(last), text)
    if match := _OPEN_BEFORE.match(text):
        return GoldDate(None, _partial_iso(match.group(1)), text)
    if match := _OPEN_AFTER.match(text) or _ONWARD.match(text):
        return GoldDate(_partial_iso(match.group(1)), None, text)
    return GoldDate(_partial_iso(text), None, text)


def _event_types(raw: Any, ontology: Ontology) -> tuple[str, ...]:
    names = raw if isinstance(raw, list) else [raw]
    if not names or not all(isinstance(n, str) for n in names):
        raise ValueError("must be an ontology type or a list of them")
    types: list[str] = []
    for name in names:
        if name in ontology.types:
            types.append(name)
        elif name in type_aliases():
            types.extend(type_aliases()[name])
        else:
            raise ValueError(f"{name!r} is not a type of tieline/data/ontology.yaml "
                             "(nor an alias in tieline/data/evaluate/type-aliases.yaml)")
    return tuple(dict.fromkeys(types))


ACTOR_KEYS = {"name", "aliases", "mentions", "must_resolve", "kind", "relation", "note"}
EVENT_KEYS = {"source", "target", "type", "polarity", "date", "modality", "negated",
              "undirected", "cue", "mmp", "note"}


def _unknown_keys(raw: Mapping[str, Any], allowed: set[str], path: str,
                  problems: Problems) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        problems.add(raw, f"{path}: unknown keys {unknown} (allowed: {', '.join(sorted(allowed))})")


def _parse_actor(raw: Any, path: str, problems: Problems) -> GoldActor | None:
    if not isinstance(raw, Mapping):
        problems.add(raw, f"{path}: must be an object with a name")
        return None
    _unknown_keys(raw, ACTOR_KEYS, path, problems)
    name = _string(raw, "name", path + ".", problems)
    aliases = _string_list(raw, "aliases", path + ".", problems)
    # seed-gold.json calls the mentions that must resolve "must_resolve".
    mentions = _string_list(raw, "mentions", path + ".", problems) + _string_list(
        raw, "must_resolve", path + ".", problems)
    kind = raw.get("kind")
    return GoldActor(str(name), aliases, mentions, str(kind) if kind else None) if name else None


def _flag(raw: Mapping[str, Any], key: str, default: bool, path: str,
          problems: Problems) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        problems.add(raw, f"{path}.{key}: must be true or false, not {value!r}")
        return default
    return value


def _parse_event(raw: Any, path: str, actor_names: set[str], ontology: Ontology,
                 problems: Problems) -> GoldEvent | None:
    if not isinstance(raw, Mapping):
        problems.add(raw, f"{path}: must be an object")
        return None
    before = len(problems.items)
    _unknown_keys(raw, EVENT_KEYS, path, problems)
    ends = {k: _string(raw, k, path + ".", problems) for k in ("source", "target")}
    for key, name in ends.items():
        if name is not None and name not in actor_names:
            problems.add(raw, f"{path}.{key}: {name!r} is not the name of an actor of this "
                              "document (list it under 'actors')")
    types: tuple[str, ...] = ()
    try:
        types = _event_types(raw.get("type"), ontology)
    except ValueError as exc:
        problems.add(raw, f"{path}.type: {exc}")
    polarity = raw.get("polarity")
    if types and polarity is not None and polarity != ontology.types[types[0]].polarity:
        problems.add(raw, f"{path}.polarity: {polarity!r} contradicts type {types[0]!r}, "
                          f"whose polarity is {ontology.types[types[0]].polarity!r}")
    modality = raw.get("modality", "asserted")
    if modality not in MODALITIES:
        problems.add(raw, f"{path}.modality: {modality!r} is not one of {', '.join(MODALITIES)}")
    when: GoldDate | None = None
    try:
        when = parse_gold_date(raw.get("date"))
    except ValueError as exc:
        problems.add(raw, f"{path}.date: {exc}")
    negated = _flag(raw, "negated", False, path, problems)
    undirected = _flag(raw, "undirected", False, path, problems)
    cue = _string(raw, "cue", path + ".", problems, required=False)
    if len(problems.items) > before or not types:
        return None
    directed = ontology.types[types[0]].directed and not undirected
    return GoldEvent(source=str(ends["source"]), target=str(ends["target"]), types=types,
                     polarity=ontology.types[types[0]].polarity, date=when,
                     modality=str(modality), negated=negated, directed=directed, cue=cue,
                     line=problems.line_of(raw))


DOCUMENT_KEYS = {"id", "text", "path", "document", "published", "title", "actors", "events",
                 "note", "dyad_story", "source", "url"}


def parse_gold_document(record: Mapping[str, Any], problems: Problems,
                        read_path: Callable[[str], str] | None = None,
                        ontology: Ontology | None = None) -> GoldDocument | None:
    """A gold document, or None with the problems recorded.

    ``read_path`` reads the text of a document given by ``path`` (or ``document``, as
    ``seed-gold.json`` has it) instead of ``text``; it raises OSError when it cannot.
    """
    onto = ontology or load_ontology()
    unknown = set(record) - DOCUMENT_KEYS
    if unknown:
        problems.add(record, f"unknown keys {sorted(unknown)} (see docs/gold-format.md)")
    path = record.get("path") or record.get("document")
    text = _string(record, "text", "", problems, required=not path)
    if text is None and isinstance(path, str) and read_path is not None:
        try:
            text = read_path(path)
        except OSError as exc:
            problems.add(record, f"path: cannot read {path!r}: {exc.strerror or exc}")
    doc_id = _string(record, "id", "", problems, required=not path)
    if doc_id is None and isinstance(path, str):
        doc_id = re.sub(r"\.[^./]*$", "", path.rsplit("/", 1)[-1])
    published: date | None = None
    try:
        published = parse_published(record.get("published"))
    except InputError as exc:
        problems.add(record, f"published: {exc.message} (write YYYY-MM-DD)")
    actors_raw, events_raw = record.get("actors", []), record.get("events", [])
    if not isinstance(actors_raw, list) or not isinstance(events_raw, list):
        problems.add(record, "actors and events must be lists")
        return None
    actors = [a for i, raw in enumerate(actors_raw)
              if (a := _parse_actor(raw, f"actors[{i}]", problems))]
    names = {a.name for a in actors}
    if len(names) < len(actors):
        problems.add(record, "actors: two actors have the same name")
    events = [e for i, raw in enumerate(events_raw)
              if (e := _parse_event(raw, f"events[{i}]", names, onto, problems))]
    if problems or text is None or doc_id is None:
        return None
    exact = bool(re.match(r"^\d{4}-\d{2}-\d{2}", str(record.get("published") or "")))
    return GoldDocument(id=doc_id, text=text, actors=tuple(actors), events=tuple(events),
                        published=published, published_exact=exact)
