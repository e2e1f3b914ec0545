"""Read gold files and prediction files, every problem reported with its line.

A gold file is one of:

* JSON lines (``.jsonl``), one Mapping Militants row, one news record or one annotated
  document a line;
* JSON (``.json``): an object with a ``documents`` list, a list of records, or one
  annotated document (the shape of ``seed-gold.json``).

The format is recognised from the records (or given: ``load_gold(path, "news")``):
news records have a ``gold`` list of relations (``news-dev.jsonl``); rows have
``group1``, ``group2`` and ``type``; documents have ``actors`` and ``events``. A
prediction file is the JSON lines output of ``tieline extract --format jsonl`` (or of
any system following its contract).

Reading checks every record and raises one :class:`~tieline.errors.GoldFormatError`
listing each bad one as ``file:line: what is wrong``.

Example:
    >>> gold = load_gold("tieline/data/gold/tieline-gold.jsonl")
    >>> gold.format, len(gold.documents) > 60
    ('documents', True)
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import GoldFormatError
from ..read import parse_published
from .gold import GoldDocument, MmpRow, Problems, parse_gold_document, parse_mmp_row
from .news_gold import NewsDocument, parse_news_document

GoldKind = Literal["mmp", "news", "documents"]
GOLD_KINDS: tuple[GoldKind, ...] = ("mmp", "news", "documents")
MAX_LISTED = 50


class _Located(dict[str, Any]):
    """A JSON object that remembers the character offset it started at."""

    offset: int = 0


def _object_with_offset(s_and_end: tuple[str, int], *args: Any) -> tuple[_Located, int]:
    parse_object = getattr(json.decoder, "JSONObject")
    pairs, end = parse_object(s_and_end, *args)
    located = _Located(pairs)
    located.offset = s_and_end[1] - 1
    return located, end


class _LocatingDecoder(json.JSONDecoder):
    """json.JSONDecoder whose objects carry their offsets (pure-Python scanner)."""

    def __init__(self) -> None:
        super().__init__()
        self.parse_object = _object_with_offset
        self.scan_once = getattr(json.scanner, "py_make_scanner")(self)


class _Lines:
    """Offsets of a text to 1-based line numbers."""

    def __init__(self, text: str, first_line: int = 1):
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.first_line = first_line

    def of(self, obj: Any) -> int | None:
        if isinstance(obj, _Located):
            return bisect.bisect_right(self.starts, obj.offset) - 1 + self.first_line
        return None


@dataclass
class _Record:
    """One JSON record of a file, where it is and how to find lines inside it."""

    data: Any
    line: int
    lines: _Lines


@dataclass
class GoldSet:
    """A loaded gold file: Mapping Militants rows, news records or annotated documents."""

    path: str
    format: GoldKind
    rows: list[MmpRow]
    documents: list[GoldDocument]
    news: list[NewsDocument] = field(default_factory=list)

    def __len__(self) -> int:
        return {"mmp": len(self.rows), "news": len(self.news)}.get(self.format,
                                                                   len(self.documents))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GoldFormatError(f"cannot read the file: {exc.strerror or exc}",
                              where=str(path)) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GoldFormatError(f"invalid UTF-8 at line {line}", where=str(path),
                              remedy="save the file as UTF-8") from exc


def _json_lines(text: str, where: str, problems: list[str]) -> Iterator[_Record]:
    decoder = _LocatingDecoder()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = decoder.decode(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}:{number}: not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _Record(data, number, _Lines(line, number))


def _json_document(text: str, where: str) -> Iterator[_Record]:
    try:
        data = _LocatingDecoder().decode(text)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column "
                              f"{exc.colno})", where=where) from exc
    lines = _Lines(text)
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        items = data["documents"]
    elif isinstance(data, list):
        items = data
    else:
        items = [data]
    for item in items:
        yield _Record(item, lines.of(item) or 1, lines)


def _records(path: Path, problems: list[str]) -> list[_Record]:
    text = _read_text(path)
    where = str(path)
    if not text.strip():
        raise GoldFormatError("the file is empty", where=where)
    if path.suffix.lower() == ".json":
        return list(_json_document(text, where))
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        try:  # no telling suffix: a file that parses whole is JSON, else JSON lines
            return list(_json_document(text, where))
        except GoldFormatError:
            pass
    return list(_json_lines(text, where, problems))


def _kind_of(data: Any) -> GoldKind | None:
    if isinstance(data, dict) and "gold" in data:
        return "news"
    if isinstance(data, dict) and {"group1", "group2"} & set(data):
        return "mmp"
    if isinstance(data, dict) and {"actors", "events", "document", "path"} & set(data):
        return "documents"
    return None


def _raise_if(problems: list[str], path: Path, what: str) -> None:
    if not problems:
        return
    listed = problems[:MAX_LISTED]
    more = len(problems) - len(listed)
    message = f"{len(problems)} bad record(s) in this {what}:\n  " + "\n  ".join(listed)
    if more:
        message += f"\n  ... and {more} more"
    raise GoldFormatError(message, problems=problems, where=str(path),
                          remedy="see docs/gold-format.md")


def load_gold(path: str | Path, expect: GoldKind | None = None) -> GoldSet:
    """Read and check a gold file of any format (``expect``: of this format only).

    Without ``expect`` the format is that of the first record that shows one; every
    other record must be of the same format. Raises
    :class:`~tieline.errors.GoldFormatError` listing every bad record.
    """
    file = Path(path)
    problems: list[str] = []
    records = _records(file, problems)
    kinds = [_kind_of(r.data) for r in records]
    known = [k for k in kinds if k]
    if expect is None and not known:
        raise GoldFormatError(
            "no record looks like a gold record: a news record needs 'text' and a 'gold' "
            "list; a Mapping Militants row needs 'group1', 'group2' and 'type'; an "
            "annotated document needs 'actors' and 'events'",
            where=str(file), remedy="see docs/gold-format.md")
    kind: GoldKind = expect or known[0]
    rows: list[MmpRow] = []
    documents: list[GoldDocument] = []
    news: list[NewsDocument] = []
    seen: dict[str, int] = {}

    def read_path(name: str) -> str:
        return _resolve_text_path(file, name).read_text("utf-8")

    for record, record_kind in zip(records, kinds):
        found = Problems(line_of=record.lines.of)
        where = f"{file}:{record.line}"
        parsed: MmpRow | GoldDocument | NewsDocument | None = None
        if not isinstance(record.data, dict):
            found.add(record.data, f"a record must be a JSON object ({_KIND_NAMES[kind]})")
        elif record_kind != kind and (expect is None or record_kind is not None):
            found.add(record.data, f"this record is not {_KIND_NAMES[kind]}" + (
                " (the format asked for)" if expect else " like the first record of the file"))
        elif kind == "mmp":
            parsed = parse_mmp_row(record.data, found)
        elif kind == "news":
            parsed = parse_news_document(record.data, found)
        else:
            parsed = parse_gold_document(record.data, found, read_path)
        if parsed is not None and parsed.id in seen:
            found.add(record.data, f"id {parsed.id!r} was already used at line {seen[parsed.id]}")
            parsed = None
        problems += [f"{file}:{line or record.line}: {msg}" for line, msg in found.items]
        if parsed is not None:
            seen[parsed.id] = record.line
            parsed = _with_where(parsed, where)
        if isinstance(parsed, MmpRow):
            rows.append(parsed)
        elif isinstance(parsed, GoldDocument):
            documents.append(parsed)
        elif isinstance(parsed, NewsDocument):
            news.append(parsed)
    _raise_if(problems, file, "gold file")
    return GoldSet(path=str(file), format=kind, rows=rows, documents=documents, news=news)


_KIND_NAMES = {"mmp": "a Mapping Militants row", "documents": "an annotated document",
               "news": "a news record"}


def _with_where(record: Any, where: str) -> Any:
    return replace(record, where=where)


def _resolve_text_path(gold_file: Path, name: str) -> Path:
    """A document path of a gold file: against the gold file's folder, then its parents.

    ``seed-gold.json`` sits in ``eval/`` and names ``corpus/...`` of the folder above.
    """
    candidate = Path(name)
    if candidate.is_absolute():
        return candidate
    for folder in [gold_file.resolve().parent, *gold_file.resolve().parent.parents]:
        if (folder / candidate).is_file():
            return folder / candidate
    raise FileNotFoundError(2, "no such file next to the gold file or in a folder above it")


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON lines file of extraction records (the ``tieline extract`` contract).

    Each record needs an ``id``; ``actors`` and ``events`` (and ``dyads``) must be lists
    of objects whose events name a ``source`` and a ``target``.
    """
    file = Path(path)
    problems: list[str] = []
    text = _read_text(file)
    out: list[dict[str, Any]] = []
    for record in _json_lines(text, str(file), problems):
        found = _check_prediction(record.data)
        problems += [f"{file}:{record.line}: {msg}" for msg in found]
        if not found:
            out.append(record.data)
    _raise_if(problems, file, "prediction file")
    return out


def _check_prediction(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["a prediction record must be a JSON object"]
    found = [] if isinstance(data.get("id"), str | int) else ["id: missing"]
    for key in ("actors", "events", "dyads"):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            found.append(f"{key}: must be a list of objects")
    events = data.get("events", [])
    if isinstance(events, list):
        for n, event in enumerate(events):
            if isinstance(event, dict) and not ({"source", "target"} <= set(event)):
                found.append(f"events[{n}]: needs 'source' and 'target'")
    return found


def with_published(documents: list[GoldDocument], value: str | None) -> list[GoldDocument]:
    """The documents, those whose own date is missing or coarser than a day dated ``value``.

    ``seed-gold.json`` gives only the month (``2018-01``); relative expressions such as
    "earlier this month" resolve against the exact day given here.
    """
    when = parse_published(value, "--published") if value else None
    if when is None:
        return documents
    return [d if d.published_exact else replace(d, published=when, published_exact=True)
            for d in documents]
