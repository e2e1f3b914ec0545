"""Ingest: read files, extract each document, store it — streaming, resumable, robust.

Documents are read, extracted and stored in small batches (their candidate sentences
are parsed together, which is much faster), so memory stays flat however large the
corpus. A document whose content hash is already stored is skipped before
extraction, which makes re-running an interrupted ingest cheap. A bad record (unreadable
input, a failed extraction or insert) is reported and the rest proceeds.

Example:
    >>> report = ingest(["corpus/"], Store(), Pipeline())      # doctest: +SKIP
    >>> report.summary()                                       # doctest: +SKIP
    '12 documents added (57 events), 3 already stored, 1 failed'
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from tqdm import tqdm

from ..errors import InputError, TielineError
from ..model import Document, Extraction
from .store import Store

Reader = Callable[[list[str], date | None], Iterable[Document | InputError]]


class Extractor(Protocol):
    """Anything that turns a document into an extraction (``tieline.pipeline.Pipeline``);
    one that also has ``outcomes(documents)`` is given the whole stream (faster)."""

    def extract(self, doc: Document) -> Extraction: ...


@dataclass
class IngestReport:
    """What an ingest did: documents added, duplicates skipped, per-record errors.

    Example:
        >>> IngestReport(added=2, skipped_duplicates=1, events_added=5).summary()
        '2 documents added (5 events), 1 already stored, 0 failed'
    """

    added: int = 0
    skipped_duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    events_added: int = 0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        """One line for the end of a run."""
        noun = "document" if self.added == 1 else "documents"
        return (f"{self.added} {noun} added ({self.events_added} events), "
                f"{self.skipped_duplicates} already stored, {self.failed} failed")

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "skipped_duplicates": self.skipped_duplicates,
                "events_added": self.events_added, "errors": list(self.errors)}


def _default_reader(paths: list[str], published: date | None) -> Iterator[Document | InputError]:
    # Imported here so the store works (and is testable) without the readers loaded.
    from ..read import read_documents

    return iter(read_documents(paths, published))


def ingest(paths: Iterable[str], store: Store, pipeline: Extractor,
           published: date | None = None, progress: bool = True, *,
           reader: Reader | None = None) -> IngestReport:
    """Read ``paths``, extract every new document with ``pipeline`` and add it to ``store``.

    ``published`` is the fallback date for documents that carry none. ``reader`` replaces
    :func:`tieline.read.read_documents` (tests use it). Progress goes to stderr.
    Errors of one record are collected in the report; a :class:`KnowledgeBaseError` or
    :class:`OntologyError` (the configuration, not the record) is raised.

    Example:
        >>> ingest(["news.jsonl"], Store("sqlite:///x.db"), Pipeline()).added  # doctest: +SKIP
        40
    """
    read = reader or _default_reader
    report = IngestReport()
    bar = tqdm(desc="ingest", unit="doc", file=sys.stderr, disable=not progress,
               dynamic_ncols=True)

    def new_documents() -> Iterator[Document]:
        """The documents to extract; unreadable and stored ones are counted here."""
        for item in read(list(paths), published):
            if isinstance(item, InputError):
                report.errors.append(str(item))
                bar.update(1)
            elif _already_stored(item, store, report):
                bar.update(1)
            else:
                yield item

    try:
        for doc, result in _outcomes(pipeline, new_documents()):
            _store_one(doc, result, store, report)
            bar.set_postfix(added=report.added, events=report.events_added,
                            failed=report.failed, refresh=False)
            bar.update(1)
    finally:
        bar.close()
    return report


def _already_stored(doc: Document, store: Store, report: IngestReport) -> bool:
    """Checked before extracting: extraction is the expensive step, and a resumed ingest
    should race through what it already stored. A failed check counts as an error."""
    try:
        if store.has(doc.content_hash):
            report.skipped_duplicates += 1
            return True
        return False
    except Exception as exc:  # noqa: BLE001
        report.errors.append(f"{doc.origin or doc.id}: {exc}")
        return True


def _outcomes(pipeline: Extractor, docs: Iterable[Document]) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Each document with its extraction, or the exception it failed with, in order.

    A pipeline with ``outcomes`` (:class:`~tieline.pipeline.Pipeline`, which extracts
    in batches, or :class:`~tieline.parallel.ParallelPipeline`) streams them itself;
    any other is called per document. Configuration errors propagate.
    """
    from ..pipeline import outcomes_one_by_one

    stream = getattr(pipeline, "outcomes", None)
    if stream is not None:
        return iter(stream(docs))
    return outcomes_one_by_one(pipeline.extract, docs)


def _store_one(doc: Document, result: Extraction | Exception, store: Store,
               report: IngestReport) -> None:
    where = doc.origin or doc.id
    if isinstance(result, TielineError):
        report.errors.append(str(result) if where in str(result) else f"{where}: {result}")
        return
    if isinstance(result, Exception):
        # One document that trips a bug in a stage must not stop a run over thousands;
        # the message names it so it can be reproduced alone.
        report.errors.append(f"{where}: extraction failed: {type(result).__name__}: {result}")
        return
    try:
        if store.add(result):
            report.added += 1
            report.events_added += len(result.events)
        else:
            report.skipped_duplicates += 1
    except TielineError as exc:
        report.errors.append(str(exc))
    except Exception as exc:  # noqa: BLE001
        report.errors.append(f"{where}: could not be stored: {type(exc).__name__}: {exc}")
