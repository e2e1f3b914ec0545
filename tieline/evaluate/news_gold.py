"""The real-news gold format: documents whose every stated relation is listed.

A record is one excerpt with the relations it states between two named organisations,
as in the shared ``news-dev.jsonl``::

    {"id": "n1", "url": "https://...", "published": "2016-05-07" or null,
     "text": "...",
     "gold": [{"group1": "...", "group2": "...", "polarity": "conflict", "type": "riv",
               "year": 2016 or null, "modality": "asserted", "cue": "...", "notes": "..."}],
     "added": [...]}

``gold`` is exhaustive (a pair the output links that no relation names is a false
pair); ``added`` lists further relations that count for precision only. Each gold
relation is scored like a Mapping Militants row (:meth:`NewsDocument.rows`), which is
how ``score_news.py`` scores it.

Example:
    >>> doc = parse_news_document({"id": "n1", "text": "Hamas fought Fatah in 2007.",
    ...     "published": None, "gold": [{"group1": "Hamas", "group2": "Fatah",
    ...     "type": "riv", "year": 2007, "cue": "Hamas fought Fatah"}]}, Problems())
    >>> [(r.id, r.type, r.year_stated()) for r in doc.rows()]
    [('n1#0', 'riv', True)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import InputError
from ..model import MODALITIES
from ..read import parse_published
from .gold import MMP_TYPES, MmpRow, Problems

POLARITIES = ("cooperation", "conflict", "structural")
RELATION_KEYS = {"group1", "group2", "polarity", "type", "year", "modality", "cue", "notes"}
RECORD_KEYS = {"id", "url", "published", "text", "gold", "added", "notes", "title", "source"}


@dataclass(frozen=True)
class NewsRelation:
    """One relation a news excerpt states between two organisations (names as written)."""

    group1: str
    group2: str
    type: str | None
    year: int | None = None
    polarity: str | None = None
    modality: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class NewsDocument:
    """A news excerpt and every relation it states (``relations``), plus ``added``
    relations that count for precision only."""

    id: str
    text: str
    relations: tuple[NewsRelation, ...]
    added: tuple[NewsRelation, ...] = ()
    published: date | None = None
    url: str | None = None
    where: str = ""

    def rows(self) -> list[MmpRow]:
        """Each gold relation as a Mapping Militants row of this text (id ``doc#k``)."""
        return [MmpRow(id=f"{self.id}#{k}", text=self.text, group1=r.group1,
                       group2=r.group2, type=str(r.type), year=r.year, where=self.where,
                       cue=r.cue)
                for k, r in enumerate(self.relations)]

    def all_relations(self) -> tuple[NewsRelation, ...]:
        """The relations a linked pair may be named by: gold and added."""
        return self.relations + self.added


def _text(raw: Mapping[str, Any], key: str, path: str, problems: Problems,
          required: bool) -> str | None:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(raw, f"{path}{key}: missing (a non-empty string is required)")
        return None
    if not isinstance(value, str):
        problems.add(raw, f"{path}{key}: must be a string, not {type(value).__name__}")
        return None
    return value


def _choice(raw: Mapping[str, Any], key: str, allowed: tuple[str, ...], path: str,
            problems: Problems, required: bool) -> str | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    if value not in allowed:
        problems.add(raw, f"{path}{key}: {value!r} is not one of {', '.join(allowed)}")
        return None
    return str(value)


def parse_relation(raw: Any, path: str, problems: Problems,
                   scored: bool = True) -> NewsRelation | None:
    """One relation of ``gold`` (``scored``: type required) or of ``added``."""
    if not isinstance(raw, Mapping):
        problems.add(raw, f"{path}: must be an object with group1, group2 and type")
        return None
    before = len(problems.items)
    unknown = sorted(set(raw) - RELATION_KEYS)
    if unknown:
        problems.add(raw, f"{path}: unknown keys {unknown} (allowed: "
                          f"{', '.join(sorted(RELATION_KEYS))})")
    groups = [_text(raw, k, path + ".", problems, required=True) for k in ("group1", "group2")]
    kind = _choice(raw, "type", MMP_TYPES, path + ".", problems, required=scored)
    year = raw.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        problems.add(raw, f"{path}.year: must be a whole number or null, not {year!r}")
    polarity = _choice(raw, "polarity", POLARITIES, path + ".", problems, required=False)
    modality = _choice(raw, "modality", MODALITIES, path + ".", problems, required=False)
    cue = _text(raw, "cue", path + ".", problems, required=False)
    _text(raw, "notes", path + ".", problems, required=False)
    if len(problems.items) > before:
        return None
    return NewsRelation(str(groups[0]), str(groups[1]), kind, year, polarity, modality, cue)


def _relations(record: Mapping[str, Any], key: str, problems: Problems,
               scored: bool) -> tuple[NewsRelation, ...]:
    raw = record.get(key, [])
    if not isinstance(raw, list):
        problems.add(record, f"{key}: must be a list of relations")
        return ()
    return tuple(r for i, item in enumerate(raw)
                 if (r := parse_relation(item, f"{key}[{i}]", problems, scored)))


def parse_news_document(record: Mapping[str, Any], problems: Problems) -> NewsDocument | None:
    """A news record, or None with every problem recorded."""
    unknown = sorted(set(record) - RECORD_KEYS)
    if unknown:
        problems.add(record, f"unknown keys {unknown} (allowed: {', '.join(sorted(RECORD_KEYS))};"
                             " see docs/gold-format.md)")
    doc_id = record.get("id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or str(doc_id) == "":
        problems.add(record, "id: missing (a string is required)")
    text = _text(record, "text", "", problems, required=True)
    url = _text(record, "url", "", problems, required=False)
    published: date | None = None
    try:
        published = parse_published(record.get("published"))
    except InputError as exc:
        problems.add(record, f"published: {exc.message} (write YYYY-MM-DD or null)")
    if "gold" not in record:
        problems.add(record, "gold: missing (the list of relations the text states; "
                             "an empty list when it states none)")
    relations = _relations(record, "gold", problems, scored=True)
    added = _relations(record, "added", problems, scored=False)
    if problems or text is None:
        return None
    return NewsDocument(id=str(doc_id), text=text, relations=relations, added=added,
                        published=published, url=url)
