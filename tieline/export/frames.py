"""Results as pandas DataFrames: states, transitions, events, ties, dyad-years.

Example:
    >>> states_frame(timeline.states, timeline.names).columns[:4].tolist()   # doctest: +SKIP
    ['a', 'a_name', 'b', 'b_name']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..relations.network import Tie
from ..relations.states import DyadState, Transition
from ..store.store import StoredEvent
from .tables import CSV_COLUMNS, NameAt, dyad_year_rows


def _named(rows: list[dict[str, Any]], names: Mapping[str, str], *keys: str) -> None:
    for row in rows:
        for key in keys:
            row[f"{key}_name"] = names.get(row[key], row[key])


def _frame(rows: list[dict[str, Any]], first: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=first)
    return frame[first + [c for c in frame.columns if c not in first]]


def states_frame(states: Iterable[DyadState], names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per dyad state: pair (ids and names), period, relation, polarity,
    confidence, rank, weight, sources, event ids.

    Example:
        >>> states_frame([]).empty
        True
    """
    rows = [s.to_dict(detail=True) for s in states]
    _named(rows, names or {}, "a", "b")
    for row in rows:
        row["events"] = list(row["events"])
    return _frame(rows, ["a", "a_name", "b", "b_name", "period", "relation", "polarity",
                         "confidence"])


def transitions_frame(found: Iterable[Transition],
                      names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per transition: pair, period, from, to, shift, significance, events.

    Example:
        >>> transitions_frame([]).columns.tolist()[:4]
        ['a', 'a_name', 'b', 'b_name']
    """
    rows = [t.to_dict(detail=True) for t in found]
    _named(rows, names or {}, "a", "b")
    return _frame(rows, ["a", "a_name", "b", "b_name", "period", "from", "to", "significance"])


def events_frame(stored: Iterable[StoredEvent],
                 names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per event, flattened: date start/end, evidence sentence, crosswalk
    codes as columns, plus the document's title, outlet, url and publication date.

    Example:
        >>> events_frame([]).empty
        True
    """
    rows = []
    for s in stored:
        e = s.event
        row: dict[str, Any] = {
            "id": e.id, "document": s.document, "source": e.source, "target": e.target,
            "type": e.type, "polarity": e.polarity, "date_start": e.date.start,
            "date_end": e.date.end, "date_text": e.date.text, "date_basis": e.date.basis,
            "modality": e.modality, "negated": e.negated, "confidence": e.confidence,
            "sentence": e.evidence.sentence, "title": s.title, "outlet": s.outlet,
            "url": s.url, "published": s.published, "corrected": s.correction,
        }
        row.update({f"crosswalk_{k}": v for k, v in e.crosswalk.items()})
        rows.append(row)
    _named(rows, names or {}, "source", "target")
    return _frame(rows, ["id", "document", "source", "source_name", "target", "target_name",
                         "type", "date_start"])


def ties_frame(ties: Iterable[Tie], names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per tie of a network: pair, relation, polarity, confidence, period.

    Example:
        >>> ties_frame([]).empty
        True
    """
    rows = [t.to_dict() for t in ties]
    _named(rows, names or {}, "a", "b")
    return _frame(rows, ["a", "a_name", "b", "b_name", "relation", "polarity", "confidence",
                         "period"])


def dyad_years_frame(states: Iterable[DyadState], name_at: NameAt) -> pd.DataFrame:
    """The MGAR-style dyad-year table (:func:`~tieline.export.tables.dyad_year_rows`).

    Example:
        >>> dyad_years_frame([], lambda i, y: i).columns.tolist()[:3]
        ['year', 'actor1_id', 'actor1']
    """
    return _frame(dyad_year_rows(states, name_at), list(CSV_COLUMNS))
