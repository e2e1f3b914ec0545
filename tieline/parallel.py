"""Extraction over several cores or machines: the same per-batch function, elsewhere.

:class:`ParallelPipeline` runs a pool of local processes; :class:`DaskPipeline` sends
the batches to a Dask cluster (``--dask tcp://scheduler:8786``). Either way, each worker
process builds its own :class:`~tieline.pipeline.Pipeline` once (knowledge base,
lexicons, spaCy) and runs :meth:`Pipeline.extract_batch` on the batches of documents
sent to it; results come back in document order. At most two batches per worker are in
flight, so memory stays flat on a stream of any length, and the caller (ingest, the
``extract`` command) keeps writing results while the workers read on.

A document a stage fails on comes back as its exception (tieline errors keep their code
and place; any other error becomes "extraction failed: <type>: <message>"), like
:meth:`Pipeline.outcomes`. A broken knowledge base or ontology is detected before any
worker starts.

Example:
    >>> pipe = ParallelPipeline(workers=2)                         # doctest: +SKIP
    >>> [type(r).__name__ for _, r in pipe.outcomes(documents)]    # doctest: +SKIP
    ['Extraction', 'Extraction', ...]
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .errors import ClusterError, ExtractionFailed, TielineError
from .model import Document, Extraction
from .pipeline import BATCH_DOCUMENTS, Outcome, Pipeline, batches, raise_first_failure

_WORKER_PIPELINE: Pipeline | None = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class ParallelPipeline:
    """Extraction on ``workers`` processes, each with its own pipeline.

    ``kb_files`` are the user's extra actor files, as for :class:`Pipeline`.
    """

    def __init__(self, kb_files: Iterable[str] = (), workers: int | None = None,
                 batch_documents: int = BATCH_DOCUMENTS):
        self.kb_files = tuple(kb_files)
        self.workers = workers or default_workers()
        self.batch_documents = batch_documents

    def outcomes(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """Each document with its extraction (or its exception), in input order."""
        _check_configuration(self.kb_files)
        context = multiprocessing.get_context("spawn")  # no forked copies of spaCy's state
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                 initargs=(self.kb_files,)) as pool:
            yield from _in_order(documents, self.batch_documents, 2 * self.workers,
                                 lambda batch: pool.submit(_extract_batch, batch))

    def extract(self, document: Document) -> Extraction:
        """One document (through a fresh pool: use :meth:`outcomes` for many)."""
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions of ``documents`` in order; the first failing document raises."""
        return raise_first_failure(self.outcomes(documents))


class DaskPipeline:
    """Extraction on a Dask cluster: ``address`` is its scheduler (``tcp://host:8786``).

    The workers need tieline installed (the same version) and the ``kb_files`` at the
    same paths. Each worker process keeps one pipeline per set of ``kb_files``; threads
    of one worker take turns with it, so start workers with ``--nthreads 1`` and as many
    processes as cores.
    """

    def __init__(self, address: str, kb_files: Iterable[str] = (),
                 batch_documents: int = BATCH_DOCUMENTS, connect_timeout: float = 30.0):
        self.address = address
        self.kb_files = tuple(kb_files)
        self.batch_documents = batch_documents
        self.connect_timeout = connect_timeout

    def outcomes(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """Each document with its extraction (or its exception), in input order."""
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterError("Dask is not installed", remedy="pip install 'tieline[cluster]'") from exc
        _check_configuration(self.kb_files)
        try:
            client = Client(self.address, timeout=f"{self.connect_timeout}s")
        except OSError as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {self.address}: {exc}",
                               remedy="check the address, and that the scheduler runs") from exc
        with client:
            workers = len(client.scheduler_info().get("workers", {}))
            yield from _in_order(documents, self.batch_documents, 2 * max(1, workers),
                                 lambda batch: client.submit(_extract_on_dask_worker, batch,
                                                             self.kb_files, pure=False))

    def extract(self, document: Document) -> Extraction:
        """One document (use :meth:`outcomes` for many)."""
        return next(raise_first_failure(self.outcomes([document])))


def _in_order(documents: Iterable[Document], size: int, in_flight: int,
              submit: Callable[[list[Document]], Any]) -> Iterator[Outcome]:
    """Batches of ``documents`` handed to ``submit`` (which returns a future), at most
    ``in_flight`` at a time; each document with its result, in input order."""
    pending: deque[tuple[list[Document], Any]] = deque()
    for batch in batches(documents, size):
        pending.append((batch, submit(batch)))
        if len(pending) >= in_flight:
            done, future = pending.popleft()
            yield from zip(done, future.result())
    while pending:
        done, future = pending.popleft()
        yield from zip(done, future.result())


_DASK_LOCK = threading.Lock()


def _extract_on_dask_worker(documents: list[Document],
                            kb_files: tuple[str, ...]) -> list[Extraction | Exception]:
    from .pipeline import _default_pipeline

    with _DASK_LOCK:  # one pipeline per process: its threads take turns
        return [_portable(r) for r in _default_pipeline(kb_files).extract_batch(documents)]


def _check_configuration(kb_files: Sequence[str]) -> None:
    """Load the knowledge base and the ontology here, so that their errors are raised
    once, in the caller's process, instead of breaking every worker."""
    from .actors.kb import load_kb
    from .events.ontology import load_ontology

    load_kb(kb_files)
    load_ontology()


def _start_worker(kb_files: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(kb_files)


def _extract_batch(documents: list[Document]) -> list[Extraction | Exception]:
    assert _WORKER_PIPELINE is not None, "the worker was not started"
    return [_portable(r) for r in _WORKER_PIPELINE.extract_batch(documents)]


def _portable(result: Extraction | Exception) -> Extraction | Exception:
    """A result that survives the trip back: an error from outside tieline (whose class
    may not pickle) becomes an :class:`ExtractionFailed` with the same message."""
    if isinstance(result, Exception) and not isinstance(result, TielineError):
        return ExtractionFailed(f"extraction failed: {type(result).__name__}: {result}")
    return result
