"""A self-contained HTML page for an evaluation (``tieline eval --html REPORT.html``).

One file, no script, no external asset: styles are inline, every text from the gold
or the output is escaped. Sections: figures, per-type scores, confusion matrix (shaded
by count), errors grouped by kind with their evidence.

Example:
    >>> page = render_html(result)       # doctest: +SKIP
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .report import counted_over, describe, fmt, title
from .result import ErrorCase, EvalResult

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;border:1px solid #ddd}
th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.matrix td{text-align:center;min-width:2em}.matrix th.col{writing-mode:vertical-rl;
transform:rotate(180deg);font-weight:normal}.ok{background:#e6f4ea}
details{margin:.4em 0}summary{cursor:pointer;font-weight:600}
.err{border-left:3px solid #c33;padding:.2em .8em;margin:.5em 0}.err .ev{color:#555}
.muted{color:#777}
"""


def _figures(result: EvalResult) -> str:
    rows = []
    for name, value in result.metrics.items():
        meaning = describe(result, name)[0]
        rows.append(f"<tr><td><code>{escape(name)}</code></td><td class=n>{fmt(value)}</td>"
                    f"<td class=n>{escape(counted_over(result, name))}</td>"
                    f"<td>{escape(meaning)}</td></tr>")
    return ("<table><tr><th>figure</th><th>value</th><th>counted</th><th>meaning</th></tr>"
            + "".join(rows) + "</table>")


def _per_type(result: EvalResult) -> str:
    rows = [f"<tr><td>{escape(label)}</td><td class=n>{s.precision:.2f}</td>"
            f"<td class=n>{s.recall:.2f}</td><td class=n>{s.f1:.2f}</td>"
            f"<td class=n>{s.support}</td></tr>" for label, s in result.per_type.items()]
    return ("<table><tr><th>type</th><th>precision</th><th>recall</th><th>F1</th>"
            "<th>gold</th></tr>" + "".join(rows) + "</table>")


def _confusion(result: EvalResult) -> str:
    labels = result.confusion.labels()
    if not labels:
        return "<p class=muted>Nothing to show.</p>"
    top = max(result.confusion.counts.values())
    head = "".join(f"<th class=col>{escape(p)}</th>" for p in labels)
    rows = []
    for gold in labels:
        cells = []
        for predicted in labels:
            count = result.confusion.get(gold, predicted)
            shade = 0.08 + 0.6 * count / top if count else 0
            style = f' style="background:rgba(40,90,200,{shade:.2f})"' if count else ""
            mark = " class=ok" if count and gold == predicted and gold != "none" else ""
            cells.append(f"<td{mark}{style}>{count or ''}</td>")
        rows.append(f"<tr><th>{escape(gold)}</th>{''.join(cells)}</tr>")
    return (f"<table class=matrix><tr><th>gold ↓ / predicted →</th>{head}</tr>"
            + "".join(rows) + "</table>")


def _error(error: ErrorCase) -> str:
    where = f" <span class=muted>{escape(error.where)}</span>" if error.where else ""
    return (f"<div class=err><b>{escape(error.document)}</b>{where}<br>"
            f"gold: {escape(error.gold)}<br>predicted: {escape(error.predicted)}<br>"
            f"<span class=ev>“{escape(error.evidence)}”</span></div>")


def _errors(result: EvalResult) -> str:
    by_kind: dict[str, list[ErrorCase]] = defaultdict(list)
    for error in result.errors:
        by_kind[error.kind].append(error)
    if not by_kind:
        return "<p>No errors.</p>"
    return "".join(f"<details><summary>{escape(kind)} ({len(items)})</summary>"
                   + "".join(_error(e) for e in items) + "</details>"
                   for kind, items in sorted(by_kind.items()))


def render_html(result: EvalResult) -> str:
    """The whole page."""
    notes = "".join(f"<p class=muted>{escape(n)}</p>" for n in result.notes)
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(title(result))}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title(result))}</h1>{notes}"
        f"<h2>Figures</h2>{_figures(result)}"
        f"<h2>Per type</h2>{_per_type(result)}"
        f"<h2>Confusion matrix</h2>{_confusion(result)}"
        f"<h2>Errors ({len(result.errors)})</h2>{_errors(result)}"
        "</body></html>\n")
