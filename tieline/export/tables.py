"""Dyad-years in the MGAR style: one row per pair and year, categories via the crosswalk.

Each row gives the pair (ids and the names they went by that year), tieline's relation
and polarity with its confidence, and the codes the ontology's crosswalk gives that
relation in other datasets' vocabularies: MGAR category and content, Mapping
Militants type, ViNSAR rivalry level, Moghadam's cooperation type.

Example:
    >>> rows = dyad_year_rows(states, names)                      # doctest: +SKIP
    >>> rows[0]["mgar_category"], rows[0]["mgar_content"]         # doctest: +SKIP
    ('associates', 'material;training')
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..relations.states import DyadState
from .files import cannot_write

CSV_COLUMNS: tuple[str, ...] = (
    "year", "actor1_id", "actor1", "actor2_id", "actor2", "relation", "polarity",
    "confidence", "mgar_category", "mgar_content", "mmp", "vinsar", "moghadam",
    "sources", "n_events", "events",
)

NameAt = Callable[[str, int], str]


def dyad_year_rows(states: Iterable[DyadState], name_at: NameAt) -> list[dict[str, Any]]:
    """One row per dyad-year state with a relation (yearly states only), by pair and
    year; ``name_at(id, year)`` gives an actor's name in that year.

    Example:
        >>> from tieline.relations.states import DyadState
        >>> s = DyadState("fatah", "hamas", "2007", "violent_rivalry", -2, "conflict",
        ...               0.8, 1.5, ["e1"], crosswalk={"mgar": "competitors", "mmp": "riv"})
        >>> row = dyad_year_rows([s], lambda i, y: i.title())[0]
        >>> row["year"], row["actor2"], row["mgar_category"], row["mmp"]
        (2007, 'Hamas', 'competitors', 'riv')
    """
    rows = []
    for s in states:
        if len(s.period) != 4 or s.weight <= 0 or s.relation == "none":
            continue
        year = int(s.period)
        codes = s.crosswalk
        rows.append({
            "year": year, "actor1_id": s.a, "actor1": name_at(s.a, year),
            "actor2_id": s.b, "actor2": name_at(s.b, year),
            "relation": s.relation, "polarity": s.polarity,
            "confidence": round(s.confidence, 3),
            "mgar_category": codes.get("mgar", ""), "mgar_content": codes.get("mgar_content", ""),
            "mmp": codes.get("mmp", ""), "vinsar": codes.get("vinsar", ""),
            "moghadam": codes.get("moghadam", ""), "sources": s.sources,
            "n_events": len(s.events), "events": " ".join(s.events),
        })
    return sorted(rows, key=lambda r: (r["actor1_id"], r["actor2_id"], r["year"]))


def write_csv(rows: Iterable[dict[str, Any]], path: str | Path,
              columns: tuple[str, ...] = CSV_COLUMNS) -> int:
    """Write ``rows`` as CSV with a header line; returns the number of rows.

    Example:
        >>> write_csv([], "/tmp/empty.csv")                      # doctest: +SKIP
        0
    """
    count = 0
    try:
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
                count += 1
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    return count
