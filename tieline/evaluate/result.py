"""What an evaluation returns: figures, per-type scores, a confusion matrix, errors.

:class:`EvalResult` is plain data; :mod:`tieline.evaluate.report` renders it as text,
JSON or HTML. Its headline figures use the names of the Mapping Militants scorer
(``pair_recall``, ``type_acc_given_pair``, ``year_acc_given_pair``, ``e2e_macro_f1``)
for both gold formats.

Example:
    >>> score = TypeScore(tp=3, fp=1, fn=2)
    >>> round(score.f1, 3)
    0.667
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NONE_LABEL = "none"
Figure = float | int | None


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to count."""
    return part / whole if whole else None


def f1_of(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class TypeScore:
    """True positives, false positives and false negatives of one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    @property
    def support(self) -> int:
        """How many gold items have this type."""
        return self.tp + self.fn

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Confusion:
    """Counts of (gold type, predicted type); ``none`` stands for a miss or a spurious."""

    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, gold: str, predicted: str) -> None:
        self.counts[(gold, predicted)] = self.counts.get((gold, predicted), 0) + 1

    def labels(self) -> list[str]:
        """Every type seen, sorted, with ``none`` last."""
        seen = {label for pair in self.counts for label in pair}
        return sorted(seen - {NONE_LABEL}) + ([NONE_LABEL] if NONE_LABEL in seen else [])

    def get(self, gold: str, predicted: str) -> int:
        return self.counts.get((gold, predicted), 0)

    def to_dict(self) -> dict[str, Any]:
        labels = self.labels()
        return {"labels": labels, "rows": "gold", "columns": "predicted",
                "matrix": [[self.get(g, p) for p in labels] for g in labels]}


@dataclass(frozen=True)
class ErrorCase:
    """One mistake, with the sentence that shows it.

    ``kind`` is one of ``missed``, ``spurious``, ``wrong_type``, ``wrong_direction``,
    ``wrong_modality``, ``wrong_date``, ``wrong_negation``, ``missed_pair``,
    ``missed_actor``, ``false_pair`` (news records: a linked pair no gold relation names).
    """

    kind: str
    document: str
    gold: str
    predicted: str
    evidence: str
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "document": self.document, "gold": self.gold,
                "predicted": self.predicted, "evidence": self.evidence, "where": self.where}


@dataclass
class EvalResult:
    """The scores of one system on one gold file.

    ``metrics`` holds the headline figures in a stable order (None where nothing could
    be counted), ``counts`` the numbers they are fractions of.
    """

    gold: str
    format: str
    system: str
    metrics: dict[str, Figure]
    counts: dict[str, int]
    per_type: dict[str, TypeScore]
    confusion: Confusion
    errors: list[ErrorCase]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``tieline eval --format json``."""
        return {
            "gold": self.gold, "format": self.format, "system": self.system,
            **self.metrics,
            "f1_by_type": {t: s.f1 for t, s in self.per_type.items()},
            "per_type": {t: s.to_dict() for t, s in self.per_type.items()},
            "counts": dict(self.counts),
            "confusion": self.confusion.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
            "notes": list(self.notes),
        }
