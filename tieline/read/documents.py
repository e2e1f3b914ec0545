"""Read files (.txt, .md, .html, .jsonl, or ``-`` for stdin) into Documents.

Reading never stops at a bad record: each problem is yielded as an
:class:`~tieline.errors.InputError` naming the file (and line), and the other records
still come through. Text and Markdown files may start with YAML front matter
(``id``, ``title``, ``published``, ``source``, ``url``).

Example:
    >>> docs = list(read_documents(["report.txt"], published=date(2018, 1, 25)))
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import (
    BinaryInputError, EmptyInputError, EncodingError, InputError, InputTooLargeError,
    JsonLineError, UnsupportedFormatError,
)
from ..model import Document
from ..yaml_data import load_yaml
from .dates import parse_published
from .html import html_to_text

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)

ReadResult = Document | InputError


def decode(data: bytes, where: str) -> str:
    """Bytes to text, refusing empty, binary and non-UTF-8 input with a clear error."""
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(f"{len(data)} bytes is over the {MAX_BYTES}-byte limit",
                                 where=where, remedy="split the file into smaller documents")
    if not data.strip():
        raise EmptyInputError("the document is empty", where=where)
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise BinaryInputError("this looks like a binary file, not text", where=where,
                               remedy="give tieline .txt, .md, .html or .jsonl files")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        # one line of a JSON-lines file has its line number in ``where`` already
        place = f" (line {line})" if data.count(b"\n", 0, len(data.rstrip(b"\r\n"))) else ""
        raise EncodingError(f"invalid UTF-8 at byte {exc.start}{place}", where=where,
                            remedy="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """Separate a leading ``---`` YAML block from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"the front matter is not valid YAML: {exc}", where=where) from exc
    if not isinstance(meta, dict):
        raise InputError("the front matter must be a YAML mapping", where=where)
    return meta, text[match.end():]


def _document(doc_id: str, text: str, meta: dict[str, Any], published: date | None,
              where: str) -> Document:
    if not text.strip():
        raise EmptyInputError("the document has no text", where=where)
    own = parse_published(meta.get("published") or meta.get("date"), where)
    return Document(
        id=str(meta.get("id") or doc_id), text=text, published=own or published,
        title=_opt_str(meta.get("title")), source=_opt_str(meta.get("source")),
        url=_opt_str(meta.get("url")), origin=where,
    )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_text(data: bytes, doc_id: str, where: str, published: date | None,
               markdown: bool) -> Document:
    text = decode(data, where)
    meta, body = split_front_matter(text, where)
    if markdown:
        body = strip_markdown(body)
    return _document(doc_id, body, meta, published, where)


def strip_markdown(text: str) -> str:
    """Drop Markdown markup that is not prose (headings' hashes, emphasis, link targets)."""
    text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(\S[^*_]*?\S|\S)\1", r"\2", text)
    return text


def _read_jsonl(data: bytes, where: str, published: date | None) -> Iterator[ReadResult]:
    """JSON lines given as bytes (see :func:`_read_jsonl_lines`)."""
    yield from _read_jsonl_lines(data.splitlines(keepends=True), where, published)


def _read_jsonl_lines(lines: Iterable[bytes], where: str,
                      published: date | None) -> Iterator[ReadResult]:
    """One document per JSON line, read as the lines come: an archive of any size
    streams through in constant memory. The size limit, the binary check and UTF-8
    decoding apply to each line, so a bad line is reported alone and the next one read.
    """
    seen_text = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_text = True
        line_where = f"{where}:{number}"
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark
        try:
            line = decode(raw, line_where)
        except BinaryInputError:
            if number == 1:  # not JSON lines at all: one error for the file
                yield BinaryInputError("this looks like a binary file, not JSON lines",
                                       where=where, remedy="give tieline .txt, .md, .html "
                                       "or .jsonl files")
                return
            yield BinaryInputError("this line holds binary data", where=line_where)
            continue
        except InputError as exc:
            yield exc
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield JsonLineError(f"not valid JSON ({exc.msg} at column {exc.colno})",
                                where=line_where, remedy="fix or remove this line")
            continue
        if not isinstance(record, dict):
            yield JsonLineError("a line must be a JSON object with 'id' and 'text'",
                                where=line_where)
            continue
        body = record.get("text")
        if not isinstance(body, str):
            yield JsonLineError("the record has no 'text' string", where=line_where)
            continue
        try:
            yield _document(str(record.get("id") or f"{Path(where).stem}-{number}"), body,
                            record, published, line_where)
        except InputError as exc:
            yield exc
    if not seen_text:
        yield EmptyInputError("the document is empty", where=where)


def read_bytes(data: bytes, name: str, published: date | None = None,
               fmt: str | None = None) -> Iterator[ReadResult]:
    """Read one input given as bytes; ``fmt`` is a suffix like ``.html`` (guessed from
    ``name`` when absent)."""
    suffix = (fmt or Path(name).suffix).lower()
    doc_id = Path(name).stem or "stdin"
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(data, name, published)
        elif suffix in HTML_SUFFIXES:
            html = decode(data, name)
            text, meta = html_to_text(html)
            yield _document(doc_id, text, meta, published, name)
        elif suffix in MARKDOWN_SUFFIXES:
            yield _read_text(data, doc_id, name, published, markdown=True)
        elif suffix in TEXT_SUFFIXES:
            yield _read_text(data, doc_id, name, published, markdown=False)
        else:
            raise UnsupportedFormatError(f"unsupported file type {suffix!r}", where=name,
                                         remedy="use .txt, .md, .html or .jsonl")
    except InputError as exc:
        yield exc


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:1]
    if head == b"{":
        return ".jsonl"
    if head == b"<":
        return ".html"
    return ".txt"


def read_documents(paths: Iterable[str], published: date | None = None) -> Iterator[ReadResult]:
    """Every document in ``paths``, in order, or an InputError for each bad record.

    A directory is read recursively (files with a known suffix); ``-`` reads stdin.
    """
    for raw in paths:
        if raw == "-":
            stdin = sys.stdin.buffer
            head = stdin.peek(64) if hasattr(stdin, "peek") else b""
            if _sniff(head) == ".jsonl":
                yield from _read_jsonl_lines(stdin, "<stdin>", published)
            else:
                data = stdin.read()
                yield from read_bytes(data, "<stdin>", published, fmt=_sniff(data))
            continue
        path = Path(raw)
        if path.is_dir():
            known = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in known - {""} and p.name != "README.md")
            yield from read_documents([str(p) for p in files], published)
            continue
        try:
            if path.suffix.lower() in JSONL_SUFFIXES:
                with path.open("rb") as lines:  # streamed: archives may be any size
                    yield from _read_jsonl_lines(lines, str(path), published)
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", where=str(path))
            continue
        yield from read_bytes(data, str(path), published)
