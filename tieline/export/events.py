"""Events one per line: tieline's own JSON (JSONL) or PLOVER event JSON.

JSONL lines are the output contract's events with their ``id`` and ``document``.
PLOVER lines speak that ontology's vocabulary: ``event_type`` and ``mode`` from the
crosswalk, the ``quad_class`` (``tieline/data/plover.yaml``), the CAMEO code, actor and
recipient with their names and countries, the date and the sentence. PLOVER records
events that happened, so negated events (denials) are left out of it; the hedge stays
in ``modality``.

Example:
    >>> record = plover_record(stored, names)            # doctest: +SKIP
    >>> record["event_type"], record["mode"], record["quad_class"]   # doctest: +SKIP
    ('ASSAULT', 'explosives', 'material_conflict')
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from ..store.store import StoredEvent
from ..yaml_data import load_yaml
from .files import cannot_write

ActorLookup = Callable[[str], Mapping[str, Any]]


@lru_cache(maxsize=1)
def quad_classes() -> dict[str, str]:
    """PLOVER event type → quad class, from ``tieline/data/plover.yaml``.

    Example:
        >>> quad_classes()["ASSAULT"]
        'material_conflict'
    """
    text = (resources.files("tieline") / "data" / "plover.yaml").read_text("utf-8")
    return {event_type: quad for quad, types in load_yaml(text).items()
            for event_type in types}


def plover_record(stored: StoredEvent, actor: ActorLookup) -> dict[str, Any] | None:
    """One event as a PLOVER record, or None when it has no PLOVER type (a rename) or
    is negated. ``actor(id)`` gives ``name`` and ``country`` of an actor.

    Example:
        >>> plover_record(stored, lambda i: {"name": i, "country": None})["actor_name"]  # doctest: +SKIP
        'wilayat-sinai'
    """
    e = stored.event
    event_type = e.crosswalk.get("plover")
    if not event_type or e.negated:
        return None
    source, target = actor(e.source), actor(e.target)
    return {
        "id": e.id,
        "date": e.date.start,
        "date_end": e.date.end,
        "event_type": event_type,
        "mode": e.crosswalk.get("plover_mode"),
        "quad_class": quad_classes().get(event_type),
        "cameo": e.crosswalk.get("cameo"),
        "actor_id": e.source, "actor_name": source.get("name", e.source),
        "actor_country": source.get("country"),
        "recipient_id": e.target, "recipient_name": target.get("name", e.target),
        "recipient_country": target.get("country"),
        "directed": e.directed,
        "modality": e.modality,
        "confidence": round(e.confidence, 3),
        "tieline_type": e.type,
        "text": e.evidence.sentence,
        "document": stored.document,
        "publisher": stored.outlet,
        "url": stored.url,
        "published": stored.published.isoformat() if stored.published else None,
    }


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path | IO[str]) -> int:
    """Write one JSON object a line to ``path`` (a file name or an open text file);
    returns the number of lines.

    Example:
        >>> import io
        >>> buffer = io.StringIO()
        >>> write_jsonl([{"id": "e1"}], buffer), buffer.getvalue()
        (1, '{"id": "e1"}\\n')
    """
    if not isinstance(path, (str, Path)):
        return _write_lines(records, path)
    try:
        with open(path, "w", encoding="utf-8") as out:
            return _write_lines(records, out)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


def _write_lines(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def event_records(stored: Iterable[StoredEvent]) -> Iterable[dict[str, Any]]:
    """The JSONL export's records: each event's output-contract dict with its document."""
    return (s.to_dict() for s in stored)


def plover_records(stored: Iterable[StoredEvent], actor: ActorLookup) -> Iterable[dict[str, Any]]:
    """The PLOVER export's records (events without a PLOVER record left out)."""
    for s in stored:
        record = plover_record(s, actor)
        if record is not None:
            yield record
