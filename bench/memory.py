"""Benchmark: peak memory of an ingest, at two corpus sizes.

The specification's bar is a peak under 1 GB while ingesting 100k documents. Ingesting
100k documents takes about half an hour on one core, too long for ``make bench``, so
this benchmark ingests two smaller slices of the news corpus (by default 1,000 and
4,000 documents), each in a fresh process (``tieline.store.ingest.ingest`` with the
shipped pipeline into a new SQLite file), and reads that process's peak resident set
size. Streaming ingest should need the same memory at any size: the growth between
the two runs, per document, is extrapolated to 100k documents, and that projection is
what is compared with the bar (the result says it is a projection).

Example:
    >>> run_memory((20, 40))["projected_mb"] < 1024              # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .corpus import DEFAULT_SEED, build_corpus

TARGET_MB = 1024
TARGET_DOCUMENTS = 100_000
WORDS_PER_DOCUMENT = 280  # a little above the news corpus's mean, so slices are big enough


def run_memory(sizes: Sequence[int] = (1000, 4000), seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Peak memory of ingesting the first ``sizes`` documents of the news corpus."""
    sizes = sorted(sizes)
    documents = build_corpus(sizes[-1] * WORDS_PER_DOCUMENT, seed)[:sizes[-1]]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"news-{size}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for doc in documents[:size]:
                    out.write(json.dumps({"id": doc.id, "text": doc.text,
                                          "published": doc.published.isoformat()
                                          if doc.published else None}) + "\n")
            runs.append({"documents": size, **_ingest_in_fresh_process(
                str(path), f"sqlite:///{Path(tmp) / f'store-{size}.db'}")})
    first, last = runs[0], runs[-1]
    span = last["documents"] - first["documents"]
    growth = max(0.0, (last["peak_mb"] - first["peak_mb"]) / span) if span else 0.0
    projected = last["peak_mb"] + growth * (TARGET_DOCUMENTS - last["documents"])
    return {
        "name": "ingest_peak_memory",
        "description": "peak RSS of tieline.store.ingest.ingest in a fresh process "
                       "(shipped pipeline, new SQLite store), news corpus",
        "runs": runs,
        "growth_mb_per_1000_documents": round(growth * 1000, 2),
        "projected_documents": TARGET_DOCUMENTS,
        "projected_mb": round(projected, 1),
        "target_mb": TARGET_MB,
        "pass": projected < TARGET_MB,
    }


def _ingest_in_fresh_process(path: str, db_url: str) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_ingest, path, db_url).result()


def _ingest(path: str, db_url: str) -> dict[str, Any]:
    from tieline.pipeline import Pipeline
    from tieline.store.ingest import ingest
    from tieline.store.store import Store

    start = time.perf_counter()
    store = Store(db_url)
    report = ingest([path], store, Pipeline(), progress=False)
    store.close()
    return {"peak_mb": round(_peak_kb() / 1024, 1), "seconds": round(time.perf_counter() - start, 1),
            "added": report.added, "events": report.events_added, "failed": report.failed}


def _peak_kb() -> int:
    """This process's peak resident set size in kilobytes. Linux's ``VmHWM`` counts
    from the process's own start; ``ru_maxrss`` would also count the memory of the
    parent it was forked from before its interpreter started, so it is the fallback."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
