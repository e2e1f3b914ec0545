"""Score extraction records against news records, as ``score_news.py`` does.

Each gold relation is a Mapping Militants row of its document's text
(:meth:`~tieline.evaluate.news_gold.NewsDocument.rows`), linked and scored by
:func:`~tieline.evaluate.metrics.row_figures`: ``pair_recall``,
``type_acc_given_pair`` (the majority code, a dyad weighing 3), ``year_acc_given_pair``
(the earliest year, over the relations whose text states the gold year),
``e2e_type_acc`` and ``e2e_macro_f1``. Two lenient figures follow:

* ``any_type_recall``: relations some event or dyad of whose pair carries the gold
  type;
* ``typed_year_recall``: of the relations whose text states the year, those some event
  or dyad of whose pair carries both the gold type and the gold year.

And, the gold being exhaustive, precision over the pairs the output links:

* ``pairs_linked``: the distinct pairs of actors of a record joined by a dyad or by an
  event that is not negated;
* ``pair_precision``: the share of those that some relation of the document (``gold``
  or ``added``) names, one actor matching each group in either order.

Example:
    >>> result = score_news(gold.news, records, system="tieline")   # doctest: +SKIP
    >>> result.metrics["pair_precision"]
    0.53
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .matching import Record, RowLinks, evidence_of, link_row
from .metrics import describe_event, missing_note, records_by_id, row_figures
from .names import actor_names, names_match
from .news_gold import NewsDocument, NewsRelation
from .result import ErrorCase, EvalResult, Figure

Actor = Mapping[str, Any]


@dataclass(frozen=True)
class LinkedPair:
    """Two actors an extraction record links, with the events that link them."""

    first: Actor
    second: Actor
    events: tuple[Record, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset((str(self.first.get("id")), str(self.second.get("id"))))


def linked_pairs(record: Record | None) -> list[LinkedPair]:
    """The distinct pairs of known actors a record links by a dyad or a non-negated
    event, in the order they first appear (dyads, then events)."""
    if not record:
        return []
    actors = {str(a.get("id")): a for a in record.get("actors") or []}
    order: dict[frozenset[str], list[Record]] = {}
    for dyad in record.get("dyads") or []:
        order.setdefault(frozenset((str(dyad.get("a")), str(dyad.get("b")))), [])
    for event in record.get("events") or []:
        if not event.get("negated"):
            pair = frozenset((str(event.get("source")), str(event.get("target"))))
            order.setdefault(pair, []).append(event)
    out = []
    for pair, events in order.items():
        if len(pair) == 2 and pair <= set(actors):
            first, second = sorted(pair)
            out.append(LinkedPair(actors[first], actors[second], tuple(events)))
    return out


def names_pair(relation: NewsRelation, first: Actor, second: Actor,
               fuzzy: bool = True) -> bool:
    """Whether a relation's two groups are these two actors, in either order."""
    a, b = actor_names(first), actor_names(second)
    g1, g2 = [relation.group1], [relation.group2]
    return ((names_match(g1, a, fuzzy) and names_match(g2, b, fuzzy))
            or (names_match(g1, b, fuzzy) and names_match(g2, a, fuzzy)))


def false_pairs(document: NewsDocument, record: Record | None,
                fuzzy: bool = True) -> Iterator[LinkedPair]:
    """The linked pairs that no relation of the document names."""
    relations = document.all_relations()
    for pair in linked_pairs(record):
        if not any(names_pair(r, pair.first, pair.second, fuzzy) for r in relations):
            yield pair


def _lenient(linked: Sequence[RowLinks]) -> tuple[int, int, int]:
    any_type = typed_year = stated = 0
    for links in linked:
        row = links.row
        any_type += links.carries(row.type)
        if row.year_stated():
            stated += 1
            typed_year += links.carries(row.type, row.year)
    return any_type, typed_year, stated


def _false_pair_error(document: NewsDocument, pair: LinkedPair) -> ErrorCase:
    names = {str(a.get("id")): str(a.get("name") or a.get("id"))
             for a in (pair.first, pair.second)}
    shown = describe_event(pair.events[0], names) if pair.events else (
        f"{names[str(pair.first.get('id'))]} — {names[str(pair.second.get('id'))]}: dyad")
    evidence = evidence_of(pair.events[0]) if pair.events else ""
    return ErrorCase("false_pair", document.id, "no gold relation names this pair", shown,
                     evidence, document.where)


def score_news(documents: Sequence[NewsDocument], records: Sequence[Record], *,
               system: str, gold: str = "", fuzzy: bool = True) -> EvalResult:
    """Score extraction records against news records (``fuzzy``: near spellings match)."""
    records_of = records_by_id(records)
    linked = [link_row(row, records_of.get(doc.id), fuzzy)
              for doc in documents for row in doc.rows()]
    figures = row_figures(linked)
    any_type, typed_year, stated = _lenient(linked)
    pairs = right = 0
    errors = list(figures.errors)
    for document in documents:
        record = records_of.get(document.id)
        wrong = list(false_pairs(document, record, fuzzy))
        found = len(linked_pairs(record))
        pairs += found
        right += found - len(wrong)
        errors += [_false_pair_error(document, p) for p in wrong]
    n = len(linked)
    metrics: dict[str, Figure] = dict(figures.metrics)
    metrics.update({
        "any_type_recall": any_type / n if n else 0.0,
        "typed_year_recall": typed_year / stated if stated else 0.0,
        "pairs_linked": pairs,
        "pair_precision": right / pairs if pairs else 0.0,
        "documents": len(documents),
    })
    missing = sum(1 for d in documents if d.id not in records_of)
    counts = dict(figures.counts, any_type=any_type, typed_year=typed_year,
                  year_stated_all=stated, pairs_linked=pairs, pairs_right=right,
                  documents=len(documents), records_missing=missing)
    return EvalResult(gold=gold, format="news", system=system, metrics=metrics,
                      counts=counts, per_type=figures.per_type, confusion=figures.confusion,
                      errors=errors, notes=missing_note(missing, len(documents)))
