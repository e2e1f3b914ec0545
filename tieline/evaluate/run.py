"""Evaluate a system on a gold file: read, extract (unless given outputs), score.

``system`` is ``tieline`` (the shipped pipeline) or ``baseline`` (the spaCy
co-occurrence reference of :mod:`tieline.evaluate.baseline`). With ``predictions``, the
outputs are read from that file instead of being extracted, so any system following
the output contract can be scored.

Example:
    >>> result = evaluate("tieline/data/gold/tieline-gold.jsonl")     # doctest: +SKIP
    >>> round(result.metrics["f1"], 2)
    0.6
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document
from ..read import parse_published
from .files import GoldKind, GoldSet, load_gold, load_predictions, with_published
from .metrics import score_documents, score_rows
from .news_metrics import score_news
from .result import EvalResult

SYSTEMS = ("tieline", "baseline")


def gold_inputs(gold: GoldSet) -> list[Document]:
    """The documents to extract: the rows' texts, the news texts (with only the id, text
    and date that ``score_news.py --docs`` passes on), or the annotated documents."""
    if gold.format == "mmp":
        return [Document(id=r.id, text=r.text, origin=r.where) for r in gold.rows]
    if gold.format == "news":
        return [Document(id=d.id, text=d.text, published=d.published, origin=d.where)
                for d in gold.news]
    return [Document(id=d.id, text=d.text, published=d.published, origin=d.where)
            for d in gold.documents]


def outcomes(documents: Sequence[Document], system: str = "tieline",
             kb_files: Iterable[str] = ()) -> Iterator[tuple[Document, dict[str, Any] | Exception]]:
    """Each document with the extraction record of ``system`` (or the exception)."""
    from ..pipeline import Pipeline, outcomes_one_by_one

    if system == "tieline":
        for document, result in Pipeline(tuple(kb_files)).outcomes(documents):
            yield document, result if isinstance(result, Exception) else result.to_dict()
    elif system == "baseline":
        from .baseline import CooccurrenceBaseline

        yield from outcomes_one_by_one(CooccurrenceBaseline().extract, documents)
    else:
        raise ValueError(f"unknown system {system!r}: use one of {', '.join(SYSTEMS)}")


def predict(documents: Sequence[Document], system: str = "tieline",
            kb_files: Iterable[str] = ()) -> tuple[list[dict[str, Any]], list[str]]:
    """Extraction records for ``documents``, and a note for each that failed.

    A document the pipeline refuses (an :class:`~tieline.errors.InputError`) counts as
    one where nothing was found; any other error (a broken knowledge base, say) stops
    the evaluation, since every document would fail the same way.
    """
    records, notes = [], []
    for document, result in outcomes(documents, system, kb_files):
        if isinstance(result, InputError):
            notes.append(f"{document.origin or document.id}: extraction failed: {result}")
            records.append({"id": document.id, "actors": [], "events": [], "dyads": []})
        elif isinstance(result, Exception):
            raise result
        else:
            records.append(result)
    return records, notes


def score(gold: GoldSet, records: Sequence[dict[str, Any]], system: str,
          fuzzy: bool = True) -> EvalResult:
    """Score records against a loaded gold set (``fuzzy``: near spellings match)."""
    if gold.format == "mmp":
        return score_rows(gold.rows, records, system=system, gold=gold.path, fuzzy=fuzzy)
    if gold.format == "news":
        return score_news(gold.news, records, system=system, gold=gold.path, fuzzy=fuzzy)
    return score_documents(gold.documents, records, system=system, gold=gold.path,
                           fuzzy=fuzzy)


def load_dated(gold_path: str | Path, published: str | None = None,
               gold_format: GoldKind | None = None) -> GoldSet:
    """A gold file, its documents without a date of their own dated ``published``."""
    gold = load_gold(gold_path, gold_format)
    gold.documents = with_published(gold.documents, published)
    when = parse_published(published, "--published") if published else None
    if when is not None:
        gold.news = [d if d.published else replace(d, published=when) for d in gold.news]
    return gold


@dataclass
class Scored:
    """A gold set, a system's extraction records for it and their scores."""

    gold: GoldSet
    records: list[dict[str, Any]]
    result: EvalResult


def extract_and_score(gold: GoldSet, system: str = "tieline", kb_files: Iterable[str] = (),
                      fuzzy: bool = True) -> Scored:
    """Extract the texts of a loaded gold set with ``system`` and score the records."""
    records, notes = predict(gold_inputs(gold), system, kb_files)
    result = score(gold, records, system, fuzzy)
    result.notes += notes
    return Scored(gold, records, result)


def evaluate(gold_path: str | Path, predictions: str | Path | None = None, *,
             system: str = "tieline", published: str | None = None,
             kb_files: Iterable[str] = (), gold_format: GoldKind | None = None,
             fuzzy: bool = True) -> EvalResult:
    """Score ``system`` (or the records in ``predictions``) on the gold file.

    ``published`` dates the gold documents that carry no full date of their own;
    ``gold_format`` says the file's format instead of recognising it; ``fuzzy=False``
    matches names only when their normalized forms are equal.
    """
    gold = load_dated(gold_path, published, gold_format)
    if predictions is not None:
        return score(gold, load_predictions(predictions), f"predictions {predictions}", fuzzy)
    return extract_and_score(gold, system, kb_files, fuzzy).result
