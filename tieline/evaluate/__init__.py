"""Evaluation: score tieline (or any output following its contract) against gold data.

Modules: :mod:`.gold` and :mod:`.news_gold` (the gold records), :mod:`.files` (reading
gold and prediction files), :mod:`.names` (when a gold name is an extracted actor),
:mod:`.matching` (pairing), :mod:`.metrics` and :mod:`.news_metrics` (the figures),
:mod:`.report` and :mod:`.html_report` (rendering), :mod:`.run` (extract and score),
:mod:`.baseline` (the spaCy co-occurrence reference) and :mod:`.accuracy_report`
(``make accuracy``).

Example:
    >>> from tieline.evaluate import evaluate, render_text
    >>> print(render_text(evaluate("tieline/data/gold/tieline-gold.jsonl")))  # doctest: +SKIP
"""

from .files import GoldSet, load_gold, load_predictions
from .html_report import render_html
from .metrics import score_documents, score_rows
from .news_metrics import score_news
from .report import render_json, render_text
from .result import EvalResult
from .run import evaluate, predict

__all__ = ["EvalResult", "GoldSet", "evaluate", "load_gold", "load_predictions", "predict",
           "render_html", "render_json", "render_text", "score_documents", "score_news",
           "score_rows"]
