"""Analysts' corrections applied to stored events: they always win over the machine.

The store keeps corrections apart from extracted events (:meth:`Store.add_correction`);
every view reads events through :func:`apply_corrections`, so a rejected event is gone
from states, transitions, networks and exports, an accepted one counts with full
confidence, and an edited one counts as edited — even after the document is extracted
again.

Example:
    >>> from tieline.store.store import Store
    >>> store = Store("sqlite://")
    >>> correct(store, load_ontology(), "4f0c2a", "reject")   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from ..errors import CorrectionError
from ..events.ontology import Ontology, load_ontology
from ..model import MODALITIES, Correction, DateInterval
from ..store.store import Store, StoredEvent

Key = tuple[str, str]


def apply_corrections(stored: Iterable[StoredEvent], corrections: Mapping[Key, Correction],
                      ontology: Ontology | None = None) -> list[StoredEvent]:
    """``stored`` with the corrections in force applied, rejected events left out.

    An accepted or edited event gets confidence 1.0 (an analyst vouches for it) and
    ``correction`` set to the action; an edit of ``type`` also takes that type's
    polarity, direction and crosswalk codes from the ontology.

    Example:
        >>> [s.correction for s in apply_corrections(events, store.corrections())]  # doctest: +SKIP
        [None, 'edit']
    """
    onto = ontology or load_ontology()
    out: list[StoredEvent] = []
    for item in stored:
        correction = corrections.get(item.key)
        if correction is None:
            out.append(item)
        elif correction.action != "reject":
            out.append(_corrected(item, correction, onto))
    return out


def _corrected(item: StoredEvent, correction: Correction, ontology: Ontology) -> StoredEvent:
    changes = correction.changes
    event = replace(item.event, confidence=1.0)
    if "type" in changes and changes["type"] in ontology.types:
        kind = ontology.types[changes["type"]]
        event = replace(event, type=kind.id, polarity=kind.polarity, directed=kind.directed,
                        crosswalk=ontology.crosswalk(kind.id))
    if "source" in changes:
        event = replace(event, source=str(changes["source"]))
    if "target" in changes:
        event = replace(event, target=str(changes["target"]))
    if "modality" in changes:
        event = replace(event, modality=str(changes["modality"]))
    if "negated" in changes:
        event = replace(event, negated=bool(changes["negated"]))
    if "date_start" in changes or "date_end" in changes:
        start = changes.get("date_start", event.date.start)
        end = changes.get("date_end", event.date.end)
        event = replace(event, date=DateInterval(start, end, event.date.text, "analyst"))
    return replace(item, event=event, correction=correction.action)


def edited_into(corrections: Mapping[Key, Correction], ids: set[str]) -> list[Key]:
    """Events an edit moved onto one of ``ids`` (as source or target): a dyad query by
    the machine's actors would miss them.

    Example:
        >>> edited_into({("d1", "e1"): Correction("d1", "e1", "edit", {"target": "hamas"})},
        ...             {"hamas"})
        [('d1', 'e1')]
    """
    return [key for key, c in corrections.items()
            if c.action == "edit" and ({c.changes.get("source"), c.changes.get("target")} & ids)]


def parse_changes(pairs: Iterable[str], ontology: Ontology | None = None) -> dict[str, Any]:
    """``FIELD=VALUE`` strings (from the command line) as an edit's changes, checked.

    Example:
        >>> parse_changes(["type=crackdown", "negated=false", "date_start=2017"])
        {'type': 'crackdown', 'negated': False, 'date_start': '2017'}
    """
    onto = ontology or load_ontology()
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name:
            raise CorrectionError(f"{pair!r} is not FIELD=VALUE", remedy="e.g. type=crackdown")
        out[name] = value
    return check_changes(out, onto)


def check_changes(changes: dict[str, Any], ontology: Ontology) -> dict[str, Any]:
    """``changes`` with ``negated`` as a boolean, or :class:`CorrectionError` naming
    the first value that is not allowed (unknown type or modality, bad date)."""
    out = dict(changes)
    if "type" in out and out["type"] not in ontology.types:
        raise CorrectionError(f"unknown event type {out['type']!r}",
                              remedy=f"use one of {', '.join(sorted(ontology.types))}")
    if "modality" in out and out["modality"] not in MODALITIES:
        raise CorrectionError(f"unknown modality {out['modality']!r}",
                              remedy=f"use one of {', '.join(MODALITIES)}")
    if "negated" in out and not isinstance(out["negated"], bool):
        text = str(out["negated"]).lower()
        if text not in ("true", "false", "yes", "no", "1", "0"):
            raise CorrectionError(f"negated must be true or false, not {out['negated']!r}")
        out["negated"] = text in ("true", "yes", "1")
    for name in ("date_start", "date_end"):
        if name in out and not _iso_like(str(out[name])):
            raise CorrectionError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, "
                                  f"not {out[name]!r}")
    return out


def _iso_like(text: str) -> bool:
    parts = text.split("-")
    lengths = [len(p) for p in parts]
    return all(p.isdigit() for p in parts) and lengths in ([4], [4, 2], [4, 2, 2])


def correct(store: Store, event_id: str, action: str, changes: dict[str, Any] | None = None,
            *, document: str | None = None, note: str = "", analyst: str | None = None,
            ontology: Ontology | None = None) -> Correction:
    """Record an analyst's ``accept``, ``reject`` or ``edit`` of the stored event
    ``event_id`` (``document`` tells two events with the same id apart).

    Example:
        >>> correct(store, "4f0c2a", "edit", {"type": "crackdown"}, note="raid, not clash")  # doctest: +SKIP
        Correction(document='article-1', event_id='4f0c2a', action='edit', ...)
    """
    found = [s for s in store.find_events(event_id)
             if document is None or s.document == document]
    if not found:
        raise CorrectionError(f"no stored event has id {event_id!r}"
                              + (f" in document {document!r}" if document else ""),
                              remedy="copy the id from `tieline dyad A B --format json`")
    docs = sorted({s.document for s in found})
    if len(docs) > 1:
        raise CorrectionError(f"event id {event_id!r} is in several documents: "
                              f"{', '.join(docs)}", remedy="name one with --document")
    checked = check_changes(dict(changes or {}), ontology or load_ontology())
    return store.add_correction(Correction(docs[0], event_id, action, checked, note, analyst))


def corrected_events_between(store: Store, a_ids: set[str], b_ids: set[str],
                             ontology: Ontology | None = None) -> list[StoredEvent]:
    """:meth:`Store.events_between` as the analysts left it: corrections applied,
    rejected events gone, events an edit moved onto the pair added, by date.

    Example:
        >>> corrected_events_between(Store("sqlite://"), {"hamas"}, {"fatah"})
        []
    """
    def between(s: StoredEvent) -> bool:
        return (s.event.source in a_ids and s.event.target in b_ids) or \
            (s.event.source in b_ids and s.event.target in a_ids)

    return _corrected_query(store, store.events_between(a_ids, b_ids), a_ids | b_ids,
                            between, ontology)


def corrected_events_involving(store: Store, ids: set[str],
                               ontology: Ontology | None = None) -> list[StoredEvent]:
    """:meth:`Store.events_involving` as the analysts left it (see
    :func:`corrected_events_between`).

    Example:
        >>> corrected_events_involving(Store("sqlite://"), {"hamas"})
        []
    """
    def involving(s: StoredEvent) -> bool:
        return s.event.source in ids or s.event.target in ids

    return _corrected_query(store, store.events_involving(ids), ids, involving, ontology)


def _corrected_query(store: Store, stored: list[StoredEvent], ids: set[str],
                     keep: Callable[[StoredEvent], bool],
                     ontology: Ontology | None) -> list[StoredEvent]:
    fixes = store.corrections()
    if not fixes:
        return stored
    have = {s.key for s in stored}
    moved = [s for s in store.events_by_keys(edited_into(fixes, ids)) if s.key not in have]
    out = [s for s in apply_corrections(stored + moved, fixes, ontology) if keep(s)]
    return sorted(out, key=chronological)


def corrected_events(store: Store, ontology: Ontology | None = None) -> list[StoredEvent]:
    """Every stored event as the analysts left it (corrections applied), by date."""
    fixes = store.corrections()
    stored = list(store.iter_events())
    if not fixes:
        return stored
    return sorted(apply_corrections(stored, fixes, ontology), key=chronological)


def chronological(stored: StoredEvent) -> tuple[bool, str, str]:
    """A sort key putting events in date order, undated ones last."""
    date = stored.event.date
    return (date.start is None, date.start or "", date.end or "")
