"""Render an :class:`~tieline.evaluate.result.EvalResult` as text or JSON.

The HTML report is in :mod:`tieline.evaluate.html_report`; both read the figure
descriptions of :data:`FIGURES`.

Example:
    >>> print(render_text(result))       # doctest: +SKIP
    tieline eval: tieline-gold.jsonl (annotated documents, 64) · system: tieline
    ...
"""

from __future__ import annotations

import json
import textwrap

from .result import EvalResult, Figure

# figure -> (what it measures, the count it is a fraction of: (part, whole) keys)
FIGURES: dict[str, tuple[str, tuple[str, str] | None]] = {
    "n": ("gold records (rows or documents)", None),
    "pair_recall": ("gold items whose two actors the output links",
                    ("pairs_found", "gold_events")),
    "type_acc_given_pair": ("of those, with the right type", ("type_correct", "pairs_found")),
    "year_acc_given_pair": ("of those dated, with the right year", ("year_correct", "dated")),
    "e2e_type_acc": ("rows with the right type, a missed pair counting as wrong",
                     None),
    "e2e_macro_f1": ("mean F1 of the gold's types, a miss counting as wrong", None),
    "precision": ("extracted events that are gold events of the right type",
                  ("type_correct", "predicted_events")),
    "recall": ("gold events extracted with the right type", ("type_correct", "gold_events")),
    "f1": ("harmonic mean of precision and recall", None),
    "pair_precision": ("extracted events paired with a gold event",
                       ("pairs_found", "predicted_events")),
    "strict_f1": ("F1 counting type, direction and negation", None),
    "date_acc_given_pair": ("paired and dated: the start right at the gold's precision",
                            ("date_correct", "dated")),
    "direction_acc": ("right type, gold directed: source and target the right way",
                      ("direction_correct", "directed")),
    "modality_acc": ("paired: asserted / reported / alleged / speculative right",
                     ("modality_correct", "pairs_found")),
    "hedge_acc": ("paired: hedged or not, right", ("hedge_correct", "pairs_found")),
    "negation_acc": ("paired: negated or not, right", ("negation_correct", "pairs_found")),
    "actor_recall": ("gold actors found", ("actors_found", "gold_actors")),
    "actor_precision": ("extracted actors that are gold actors",
                        ("predicted_actors_right", "predicted_actors")),
    "mention_recall": ("gold mentions resolved to their actor",
                       ("mentions_found", "gold_mentions")),
}
# Mapping Militants rows: the figures of score_mmp.py, counted over rows.
ROW_FIGURES: dict[str, tuple[str, tuple[str, str] | None]] = {
    "n": ("gold relations", None),
    "pair_recall": ("gold relations whose two groups the output links",
                    ("pairs_found", "rows")),
    "type_acc_given_pair": ("of those, the pair's majority code is the gold type",
                            ("type_correct", "pairs_found")),
    "year_acc_given_pair": ("of those whose text states the gold year, the earliest is it",
                            ("year_correct", "year_stated")),
    "e2e_type_acc": ("gold relations with the right type, a missed pair counting as wrong",
                     None),
}
# News records: each relation scored as a row, plus the lenient figures and precision.
NEWS_FIGURES: dict[str, tuple[str, tuple[str, str] | None]] = {
    **ROW_FIGURES,
    "any_type_recall": ("gold relations some event or dyad of whose pair has the gold type",
                        ("any_type", "rows")),
    "typed_year_recall": ("text states the year: some link has the gold type and year",
                          ("typed_year", "year_stated_all")),
    "pairs_linked": ("distinct pairs the output links (negated events aside)", None),
    "pair_precision": ("of those, pairs a gold relation of the document names",
                       ("pairs_right", "pairs_linked")),
    "documents": ("news records", None),
}
FORMAT_NAMES = {"mmp": "Mapping Militants rows", "documents": "annotated documents",
                "news": "news records"}


def describe(result: EvalResult, figure: str) -> tuple[str, tuple[str, str] | None]:
    """What a figure measures in this result's format, and the counts it is a fraction of."""
    own = {"news": NEWS_FIGURES, "mmp": ROW_FIGURES}.get(result.format, {})
    return own.get(figure) or FIGURES.get(figure, ("", None))


def fmt(value: Figure) -> str:
    """A figure as printed: two decimals, whole numbers as they are, ``n/a`` for None."""
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return f"{value:.2f}"


def counted_over(result: EvalResult, figure: str) -> str:
    """``76/120`` for a figure that is a fraction of counts, else ""."""
    keys = describe(result, figure)[1]
    if keys is None:
        return ""
    if keys[0] not in result.counts or keys[1] not in result.counts:
        return ""
    return f"{result.counts[keys[0]]}/{result.counts[keys[1]]}"


def title(result: EvalResult) -> str:
    return (f"tieline eval: {result.gold} ({FORMAT_NAMES.get(result.format, result.format)}, "
            f"{result.metrics.get('n')}) · system: {result.system}")


def render_json(result: EvalResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def render_text(result: EvalResult, max_errors: int | None = None) -> str:
    """The readable report: figures, per-type scores, confusion matrix, errors."""
    out = [title(result), ""]
    out.append(f"{'figure':<22} {'value':>6}  {'counted':>9}  meaning")
    for name, value in result.metrics.items():
        meaning = describe(result, name)[0]
        out.append(f"{name:<22} {fmt(value):>6}  {counted_over(result, name):>9}  {meaning}")
    out += ["", f"{'type':<26} {'prec':>5} {'rec':>5} {'F1':>5} {'gold':>5}"]
    for label, score in result.per_type.items():
        out.append(f"{label:<26} {score.precision:>5.2f} {score.recall:>5.2f} "
                   f"{score.f1:>5.2f} {score.support:>5}")
    out += ["", *render_confusion(result)]
    errors = result.errors if max_errors is None else result.errors[:max_errors]
    out += ["", f"Errors: {len(result.errors)}" + (
        f" (the first {len(errors)} shown)" if len(errors) < len(result.errors) else "")]
    for error in errors:
        out.append(f"[{error.kind}] {error.document}" + (f"  ({error.where})" if error.where
                                                         else ""))
        out.append(f"    gold:      {error.gold}")
        out.append(f"    predicted: {error.predicted}")
        out.append(textwrap.fill(error.evidence, 100, initial_indent="    evidence:  ",
                                 subsequent_indent=" " * 15))
    for note in result.notes:
        out.append(f"note: {note}")
    return "\n".join(out)


def render_confusion(result: EvalResult) -> list[str]:
    """The confusion matrix as text: rows gold, numbered columns predicted."""
    labels = result.confusion.labels()
    if not labels:
        return ["Confusion matrix: nothing to show"]
    out = ["Confusion matrix (rows: gold type, columns: predicted type by number; "
           "none: missed or spurious)"]
    width = max(3, *(len(str(result.confusion.get(g, p))) for g in labels for p in labels))
    out.append(" " * 30 + "".join(f"{n:>{width + 1}}" for n in range(1, len(labels) + 1)))
    for n, gold in enumerate(labels, start=1):
        cells = "".join(f"{result.confusion.get(gold, p) or '.':>{width + 1}}" for p in labels)
        out.append(f"{n:>3} {gold:<26}{cells}")
    return out
