"""Exports of the store: GraphML and GEXF networks, MGAR-style CSV, JSONL and PLOVER
events, and the HTML dyad brief.

One module per format family: :mod:`.graph` (networkx, GraphML, GEXF), :mod:`.tables`
(dyad-year CSV), :mod:`.events` (JSONL, PLOVER), :mod:`.frames` (pandas DataFrames),
:mod:`.brief` and :mod:`.chart` (the HTML report). :func:`export_store` is what
``tieline export`` runs.

Example:
    >>> export_store(Store("news.db"), load_kb(), "gexf", "ties.gexf")   # doctest: +SKIP
    ExportSummary(format='gexf', path='ties.gexf', items=57, unit='ties')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..actors.kb import KnowledgeBase
from ..errors import ExportError
from ..events.ontology import load_ontology
from ..relations.corrections import corrected_events
from ..relations.network import (
    actor_info, build_network, canonical_events, period_start,
)
from ..relations.states import Period, dyad_states
from ..store.store import Store, StoredEvent

FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv", "jsonl", "plover")


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: how many ``items`` (edges, rows, events) of which ``unit``."""

    format: str
    path: str
    items: int
    unit: str

    def __str__(self) -> str:
        return f"wrote {self.items} {self.unit} to {self.path} ({self.format})"


def _until(stored: list[StoredEvent], at: date | None) -> list[StoredEvent]:
    """Events whose date starts on or before ``at`` (all when None; undated ones
    only then, since they cannot be placed before a date)."""
    if at is None:
        return stored
    limit = at.isoformat()
    return [s for s in stored if s.event.date.start and s.event.date.start[:10] <= limit]


def export_store(store: Store, kb: KnowledgeBase, fmt: str, path: str | Path,
                 at: date | None = None, period: Period = "year") -> ExportSummary:
    """Write the store in format ``fmt`` (one of :data:`FORMATS`) to ``path``.

    With ``at``: GraphML is the network of ties holding at that date, GEXF the
    dynamic network of states up to it, CSV the dyad-years up to its year, JSONL and
    PLOVER the events dated up to it. Without it: GraphML holds each pair's latest
    tie, and the others everything. Analysts' corrections are applied throughout.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", remedy=f"use one of {', '.join(FORMATS)}")
    from .events import event_records, plover_records, write_jsonl
    from .graph import dynamic_graph, network_graph, write_gexf, write_graphml
    from .tables import dyad_year_rows, write_csv

    onto = load_ontology()
    stored = _until(corrected_events(store, onto), at)
    store_names = {a.id: a.name for a in store.actors()}

    def info(actor_id: str, year: int | None = None) -> dict[str, Any]:
        return actor_info(kb, store_names, actor_id, year)

    if fmt == "jsonl":
        return ExportSummary(fmt, str(path), write_jsonl(event_records(stored), path), "events")
    if fmt == "plover":
        return ExportSummary(fmt, str(path), write_jsonl(plover_records(stored, info), path),
                             "events")
    events = canonical_events(stored, kb)
    if fmt == "csv":
        states = dyad_states(events, onto, "year")
        count = write_csv(dyad_year_rows(states, lambda i, year: info(i, year)["name"]), path)
        return ExportSummary(fmt, str(path), count, "dyad-years")
    states = dyad_states(events, onto, period)
    if at is not None:
        states = [s for s in states if period_start(s.period) <= at]
    if fmt == "gexf":
        ids = {i for s in states for i in (s.a, s.b)}
        graph = dynamic_graph(states, {i: info(i) for i in ids})
        write_gexf(graph, path)
        return ExportSummary(fmt, str(path), graph.number_of_edges(), "pairs")
    network = build_network(states, kb, store_names, at)
    graph = network_graph(network)
    write_graphml(graph, path)
    return ExportSummary(fmt, str(path), graph.number_of_edges(), "ties")


__all__ = ["FORMATS", "ExportSummary", "export_store"]
