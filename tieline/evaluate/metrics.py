"""Score extraction records against gold rows and annotated documents.

:func:`score_rows` scores Mapping Militants rows the way the shared scorer does
(``pair_recall``, ``type_acc_given_pair``, ``year_acc_given_pair`` over the rows whose
text states the year, ``e2e_type_acc`` and ``e2e_macro_f1`` over the gold types, a
missed pair counting as type ``none``); :func:`row_figures` computes these figures
from linked rows, for news records too (:mod:`tieline.evaluate.news_metrics`).

:func:`score_documents` scores annotated documents event by event (pairing in
:mod:`tieline.evaluate.matching`):

* ``precision``, ``recall``, ``f1``: an extracted event is right when it is paired
  with a gold event and has one of its accepted types; per type as well, and
  ``e2e_macro_f1`` averages the F1 of the types the gold holds;
* ``pair_recall`` / ``pair_precision``: pairing alone, whatever the type;
* ``type_acc_given_pair``, ``year_acc_given_pair``, ``date_acc_given_pair`` (the start
  at the gold's precision), ``modality_acc``, ``hedge_acc`` (asserted or not),
  ``negation_acc``: over the paired events (dates over those the gold dates);
* ``direction_acc``: over the paired events of the right type whose gold is directed;
* ``strict_f1``: right type, direction and negation;
* ``actor_recall``, ``actor_precision``, ``mention_recall``: the actors, and the spans
  that must resolve to them (an extracted mention of the actor holding the gold span,
  possessive aside, counts: "al-Qaeda's fighters" holds "al-Qaeda").

Example:
    >>> result = score_documents(gold.documents, records, system="tieline")  # doctest: +SKIP
    >>> result.metrics["f1"]
    0.71
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .gold import GoldDocument, GoldEvent, MmpRow
from .matching import (
    DocumentMatch, EventMatch, Record, RowLinks, evidence_of, link_row, match_document,
)
from .names import normalize_name
from .result import (
    NONE_LABEL, Confusion, ErrorCase, EvalResult, Figure, TypeScore, f1_of, ratio,
)


def records_by_id(records: Sequence[Record]) -> dict[str, Record]:
    return {str(r.get("id")): r for r in records}


@dataclass
class RowFigures:
    """The Mapping Militants figures of linked rows, with what they are counted from."""

    metrics: dict[str, Figure]
    counts: dict[str, int]
    per_type: dict[str, TypeScore]
    confusion: Confusion
    errors: list[ErrorCase]


def row_figures(linked: Sequence[RowLinks]) -> RowFigures:
    """Pair recall, type and year given the pair, end-to-end type accuracy and macro-F1
    of rows, each with the links an extraction record gives it (:func:`link_row`)."""
    confusion = Confusion()
    errors: list[ErrorCase] = []
    found = type_ok = stated = year_ok = 0
    pairs: list[tuple[str, str]] = []
    for links in linked:
        row = links.row
        predicted = links.predicted_type
        pairs.append((row.type, predicted))
        confusion.add(row.type, predicted)
        what = f"{row.group1} — {row.group2}: {row.type}" + (f" ({row.year})" if row.year else "")
        if not links.found:
            errors.append(ErrorCase("missed_pair", row.id, what, _found_groups(links),
                                    row.evidence, row.where))
            continue
        found += 1
        type_ok += predicted == row.type
        if predicted != row.type:
            errors.append(ErrorCase("wrong_type", row.id, what, predicted,
                                    " | ".join(links.evidence) or row.evidence, row.where))
        if row.year_stated():
            stated += 1
            year_ok += links.year == row.year
            if links.year != row.year:
                errors.append(ErrorCase("wrong_date", row.id, what, f"earliest year "
                                        f"{links.year or 'none'}", row.evidence, row.where))
    per_type = {label: TypeScore() for label in sorted({g for g, _ in pairs})}
    for truth, predicted in pairs:
        if truth == predicted:
            per_type[truth].tp += 1
            continue
        per_type[truth].fn += 1
        if predicted in per_type:
            per_type[predicted].fp += 1
    n = len(linked)
    metrics: dict[str, Figure] = {
        "n": n,
        "pair_recall": found / n if n else 0.0,
        "type_acc_given_pair": type_ok / found if found else 0.0,
        "year_acc_given_pair": year_ok / stated if stated else 0.0,
        "e2e_type_acc": sum(g == p for g, p in pairs) / n if n else 0.0,
        "e2e_macro_f1": (sum(s.f1 for s in per_type.values()) / len(per_type)
                         if per_type else 0.0),
    }
    counts = {"rows": n, "pairs_found": found, "type_correct": type_ok,
              "year_stated": stated, "year_correct": year_ok}
    return RowFigures(metrics, counts, per_type, confusion, errors)


def score_rows(rows: Sequence[MmpRow], records: Sequence[Record], *, system: str,
               gold: str = "", fuzzy: bool = True) -> EvalResult:
    """Score extraction records against Mapping Militants rows."""
    by_id = records_by_id(records)
    figures = row_figures([link_row(row, by_id.get(row.id), fuzzy) for row in rows])
    counts = dict(figures.counts)
    counts["records_missing"] = sum(1 for r in rows if r.id not in by_id)
    return EvalResult(gold=gold, format="mmp", system=system, metrics=figures.metrics,
                      counts=counts, per_type=figures.per_type, confusion=figures.confusion,
                      errors=figures.errors,
                      notes=missing_note(counts["records_missing"], len(rows)))


def _found_groups(links: Any) -> str:
    parts = []
    for name, ids in ((links.row.group1, links.group1_ids), (links.row.group2, links.group2_ids)):
        parts.append(f"{name}: " + (", ".join(sorted(ids)) if ids else "not found"))
    return "; ".join(parts)


def missing_note(missing: int, n: int) -> list[str]:
    if not missing:
        return []
    return [f"{missing} of {n} gold records have no extraction record with the same id; "
            "they count as found nothing."]


def records_for(documents: Sequence[GoldDocument],
                 records: Sequence[Record]) -> dict[str, Record]:
    by_id = records_by_id(records)
    if len(documents) == 1 and len(records) == 1 and documents[0].id not in by_id:
        # One document scored against one output: pair them whatever the ids.
        return {documents[0].id: records[0]}
    return by_id


def _names(record: Record | None) -> dict[str, str]:
    return {str(a.get("id")): str(a.get("name") or a.get("id"))
            for a in (record or {}).get("actors") or []}


def describe_event(event: Record, names: Mapping[str, str]) -> str:
    """``Hamas → Fatah: arms_transfer (2007) [reported]`` for an extracted event."""
    arrow = "→" if event.get("directed", True) else "↔"
    source, target = event.get("source"), event.get("target")
    flags = [] if event.get("modality", "asserted") == "asserted" else [event.get("modality")]
    if event.get("negated"):
        flags.append("NOT")
    date = event.get("date") or {}
    when = date.get("start") if isinstance(date, Mapping) else date
    extra = f" [{', '.join(str(f) for f in flags)}]" if flags else ""
    return (f"{names.get(str(source), source)} {arrow} {names.get(str(target), target)}: "
            f"{event.get('type')} ({when or 'no date'}){extra}")


class _DocumentTally:
    """Running counts over the documents of one evaluation."""

    def __init__(self) -> None:
        self.per_type: dict[str, TypeScore] = {}
        self.confusion = Confusion()
        self.errors: list[ErrorCase] = []
        self.counts: dict[str, int] = dict.fromkeys(
            ("documents", "gold_events", "predicted_events", "pairs_found", "type_correct",
             "strict_correct", "dated", "year_correct", "date_correct", "directed",
             "direction_correct", "modality_correct", "hedge_correct", "negation_correct",
             "gold_actors", "actors_found", "predicted_actors", "predicted_actors_right",
             "gold_mentions", "mentions_found", "records_missing"), 0)

    def type(self, label: str) -> TypeScore:
        return self.per_type.setdefault(label, TypeScore())

    def add(self, match: DocumentMatch) -> None:
        c = self.counts
        doc, record = match.document, match.record
        names = _names(record)
        c["documents"] += 1
        c["records_missing"] += record is None
        c["gold_events"] += len(doc.events)
        c["predicted_events"] += len(match.matches) + len(match.spurious)
        for paired in match.matches:
            self._paired(paired, doc, names)
        for gold in match.missed:
            self.type(gold.type).fn += 1
            self.confusion.add(gold.type, NONE_LABEL)
            self.errors.append(ErrorCase("missed", doc.id, gold.describe(),
                                         self._actors_found(gold, match),
                                         gold.cue or _excerpt(doc.text), _at(doc, gold)))
        for event in match.spurious:
            self.type(str(event.get("type"))).fp += 1
            self.confusion.add(NONE_LABEL, str(event.get("type")))
            self.errors.append(ErrorCase("spurious", doc.id, "-", describe_event(event, names),
                                         evidence_of(event), doc.where))
        self._actors(match)

    def _paired(self, m: EventMatch, doc: GoldDocument, names: Mapping[str, str]) -> None:
        c = self.counts
        c["pairs_found"] += 1
        self.confusion.add(m.label, str(m.predicted.get("type")))
        if m.type_ok:
            c["type_correct"] += 1
            self.type(m.label).tp += 1
            c["directed"] += m.gold.directed
            c["direction_correct"] += m.gold.directed and m.forward
            c["strict_correct"] += m.direction_ok and m.negation_ok
        else:
            self.type(m.gold.type).fn += 1
            self.type(str(m.predicted.get("type"))).fp += 1
        if m.gold.date and m.gold.date.start:
            c["dated"] += 1
            c["year_correct"] += m.year_ok
            c["date_correct"] += m.date_ok
        c["modality_correct"] += m.modality_ok
        c["hedge_correct"] += m.hedge_ok
        c["negation_correct"] += m.negation_ok
        checks = [("wrong_type", m.type_ok), ("wrong_direction", not m.type_ok or m.direction_ok),
                  ("wrong_modality", m.modality_ok), ("wrong_negation", m.negation_ok),
                  ("wrong_date", not (m.gold.date and m.gold.date.start) or m.date_ok)]
        for kind, ok in checks:
            if not ok:
                self.errors.append(ErrorCase(kind, doc.id, m.gold.describe(),
                                             describe_event(m.predicted, names),
                                             evidence_of(m.predicted), _at(doc, m.gold)))

    @staticmethod
    def _actors_found(gold: GoldEvent, match: DocumentMatch) -> str:
        lost = [n for n in (gold.source, gold.target) if not match.actor_ids.get(n)]
        if lost:
            return "actor not found: " + ", ".join(dict.fromkeys(lost))
        return "both actors found, no event between them"

    def _actors(self, match: DocumentMatch) -> None:
        c = self.counts
        predicted = list((match.record or {}).get("actors") or [])
        found_ids = set().union(*match.actor_ids.values()) if match.actor_ids else set()
        c["predicted_actors"] += len(predicted)
        c["predicted_actors_right"] += sum(1 for a in predicted if str(a.get("id")) in found_ids)
        by_id = {str(a.get("id")): a for a in predicted}
        for actor in match.document.actors:
            ids = match.actor_ids.get(actor.name, set())
            c["gold_actors"] += 1
            c["actors_found"] += bool(ids)
            if not ids:
                self.errors.append(ErrorCase("missed_actor", match.document.id, actor.name,
                                             "-", _excerpt(match.document.text),
                                             match.document.where))
            spans = [span_key(str(m)) for i in ids
                     for m in by_id.get(i, {}).get("mentions") or []]
            for mention in actor.mentions:
                c["gold_mentions"] += 1
                if any(covers(span, span_key(mention)) for span in spans):
                    c["mentions_found"] += 1
                else:
                    self.errors.append(ErrorCase("missed_mention", match.document.id,
                                                 f"{mention!r} → {actor.name}", "-",
                                                 _excerpt(match.document.text),
                                                 match.document.where))

    def metrics(self) -> dict[str, Figure]:
        c = self.counts
        gold_types = [s for s in self.per_type.values() if s.support]
        precision = ratio(c["type_correct"], c["predicted_events"]) or 0.0
        recall = ratio(c["type_correct"], c["gold_events"]) or 0.0
        strict_p = ratio(c["strict_correct"], c["predicted_events"]) or 0.0
        strict_r = ratio(c["strict_correct"], c["gold_events"]) or 0.0
        return {
            "n": c["documents"],
            "pair_recall": ratio(c["pairs_found"], c["gold_events"]),
            "type_acc_given_pair": ratio(c["type_correct"], c["pairs_found"]),
            "year_acc_given_pair": ratio(c["year_correct"], c["dated"]),
            "e2e_macro_f1": (sum(s.f1 for s in gold_types) / len(gold_types)
                             if gold_types else None),
            "precision": precision, "recall": recall, "f1": f1_of(precision, recall),
            "pair_precision": ratio(c["pairs_found"], c["predicted_events"]),
            "strict_f1": f1_of(strict_p, strict_r),
            "date_acc_given_pair": ratio(c["date_correct"], c["dated"]),
            "direction_acc": ratio(c["direction_correct"], c["directed"]),
            "modality_acc": ratio(c["modality_correct"], c["pairs_found"]),
            "hedge_acc": ratio(c["hedge_correct"], c["pairs_found"]),
            "negation_acc": ratio(c["negation_correct"], c["pairs_found"]),
            "actor_recall": ratio(c["actors_found"], c["gold_actors"]),
            "actor_precision": ratio(c["predicted_actors_right"], c["predicted_actors"]),
            "mention_recall": ratio(c["mentions_found"], c["gold_mentions"]),
        }


def span_key(text: str) -> str:
    """A mention compared without case, punctuation or a possessive ending."""
    return normalize_name(re.sub(r"['’]s?\b", "", text))


def covers(extracted: str, gold: str) -> bool:
    """Whether an extracted mention holds the gold one ("al qaeda fighters" ⊇ "al qaeda")."""
    return bool(gold) and f" {gold} " in f" {extracted} "


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _at(doc: GoldDocument, gold: GoldEvent) -> str:
    if gold.line and doc.where:
        return f"{doc.where.rsplit(':', 1)[0]}:{gold.line}"
    return doc.where


def score_documents(documents: Sequence[GoldDocument], records: Sequence[Record], *,
                    system: str, gold: str = "", fuzzy: bool = True) -> EvalResult:
    """Score extraction records against annotated gold documents."""
    records_of = records_for(documents, records)
    tally = _DocumentTally()
    for document in documents:
        tally.add(match_document(document, records_of.get(document.id), fuzzy))
    per_type = dict(sorted(tally.per_type.items()))
    notes = missing_note(tally.counts["records_missing"], len(documents))
    return EvalResult(gold=gold, format="documents", system=system, metrics=tally.metrics(),
                      counts=dict(tally.counts), per_type=per_type, confusion=tally.confusion,
                      errors=tally.errors, notes=notes)
