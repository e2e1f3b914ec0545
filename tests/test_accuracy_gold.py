"""tieline's accuracy on the project's own gold set may not drop.

The gold set (tieline/data/gold/tieline-gold.jsonl, see its README) is extracted and
scored once; each figure must stay at or above its threshold. The thresholds sit just
below the figures measured when they were set: ratchet them up as the extractor improves
(run `tieline eval tieline/data/gold/tieline-gold.jsonl` and raise any figure that has
risen), never down without saying why in the commit. The set has also served for error
analysis while the extractor was developed, so its figures flatter tieline: they guard
against regressions, they do not estimate accuracy on unseen text.
"""

from __future__ import annotations

import pytest

from tieline.evaluate import EvalResult, evaluate, load_gold
from tieline.evaluate.accuracy_report import own_gold_path
from tieline.events.ontology import load_ontology

# figure: threshold  # the figure measured when the threshold was set
THRESHOLDS = {
    # Lowered for recall when the nearest-actor fallback went (an event needs both
    # actors as arguments of its trigger): pair recall 0.90 -> 0.85, precision 0.81 -> 0.90.
    "pair_recall": 0.82,           # 0.85
    "type_acc_given_pair": 0.95,   # 0.99
    "year_acc_given_pair": 0.95,   # 0.98
    "precision": 0.87,             # 0.90
    "recall": 0.81,                # 0.84
    "f1": 0.84,                    # 0.87
    "e2e_macro_f1": 0.82,          # 0.85
    "strict_f1": 0.83,             # 0.86
    "date_acc_given_pair": 0.94,   # 0.97
    "direction_acc": 0.97,         # 1.00
    "modality_acc": 0.94,          # 0.97
    "negation_acc": 0.96,          # 0.99
    "actor_recall": 0.96,          # 0.99
    "mention_recall": 0.93,        # 0.96
}


@pytest.fixture(scope="module")
def result() -> EvalResult:
    return evaluate(own_gold_path())


@pytest.mark.parametrize("figure, threshold", THRESHOLDS.items())
def test_figure_stays_above_its_threshold(result: EvalResult, figure: str,
                                          threshold: float) -> None:
    value = result.metrics[figure]
    assert value is not None and value >= threshold, (
        f"{figure} fell to {value:.3f} (threshold {threshold}); see the errors with "
        "`tieline eval tieline/data/gold/tieline-gold.jsonl`")


def test_every_document_was_extracted(result: EvalResult) -> None:
    assert result.notes == []


def test_the_gold_set_is_large_and_covers_every_type() -> None:
    gold = load_gold(own_gold_path())
    assert len(gold.documents) >= 60
    types = {t for d in gold.documents for e in d.events for t in e.types}
    assert types == set(load_ontology().types)
    modalities = {e.modality for d in gold.documents for e in d.events}
    assert modalities == {"asserted", "reported", "alleged", "speculative"}
    assert any(e.negated for d in gold.documents for e in d.events)
