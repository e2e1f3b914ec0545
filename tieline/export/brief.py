"""The dyad brief: one self-contained HTML page about a pair of actors.

A summary of where the relationship stands, the chart of its level over time
(:mod:`.chart`, inline SVG), the states by period, the turning points with the events
that drove them (evidence sentences with their hedges marked), every event, and the
sources. Styles are inline and there is no script: the file renders offline, and
every text from the documents is escaped.

Example:
    >>> html = brief_html(dyad_timeline(store, kb, "Hamas", "Wilayat Sinai"))   # doctest: +SKIP
    >>> write_brief(html, "brief.html")                                          # doctest: +SKIP
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from html import escape
from pathlib import Path

from ..events.lexicon import load_hedges
from ..events.ontology import Ontology, load_ontology
from ..relations.dyad import DyadTimeline, date_label
from ..store.store import StoredEvent
from .chart import timeline_svg
from .files import cannot_write

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
       max-width: 960px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.8em; font-size: 1.2em; }
.summary { color: #57606a; } figure { margin: 1em 0; } figcaption { color: #57606a; font-size: .9em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; padding: .3em .5em; border-bottom: 1px solid #d0d7de; vertical-align: top; }
.badge { display: inline-block; padding: 0 .4em; border-radius: .6em; font-size: .8em;
         background: #eaeef2; margin-left: .3em; }
.badge.hedge { background: #fff8c5; } .badge.negated { background: #ffebe9; }
.badge.corrected { background: #ddf4ff; }
.cooperation { color: #1a7f37; } .conflict { color: #cf222e; } .mixed { color: #9a6700; }
.evidence { margin: .2em 0 .8em 1.2em; color: #424a53; }
mark { background: #fff8c5; padding: 0 .1em; }
.turn { border-left: 3px solid #0969da; padding-left: .8em; margin: 1em 0; }
"""


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    """The hedge and negation cues of the shipped lexicon, as one regular expression."""
    hedges = load_hedges()
    cues = {*hedges.adverbs, *hedges.modals, *(p for p, _m in hedges.sentence), *hedges.negators}
    # YAML reads a bare ``no`` as false: only text cues make a pattern.
    alternatives = sorted((c for c in cues if isinstance(c, str) and c.strip()), key=len,
                          reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in alternatives) + r")(?!\w)",
                      re.IGNORECASE)


def highlight_hedges(sentence: str) -> str:
    """``sentence`` escaped for HTML, its hedge and negation cues in ``<mark>``.

    Example:
        >>> highlight_hedges("Hamas reportedly trained <them>.")
        'Hamas <mark>reportedly</mark> trained &lt;them&gt;.'
    """
    out, last = [], 0
    for match in _hedge_pattern().finditer(sentence):
        out += [escape(sentence[last:match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    out.append(escape(sentence[last:]))
    return "".join(out)


def _badges(stored: StoredEvent) -> str:
    e = stored.event
    out = []
    if e.modality != "asserted":
        out.append(f'<span class="badge hedge">{escape(e.modality)}</span>')
    if e.negated:
        out.append('<span class="badge negated">denied</span>')
    if stored.correction:
        out.append(f'<span class="badge corrected">analyst: {escape(stored.correction)}</span>')
    return "".join(out)


def _event_item(tl: DyadTimeline, stored: StoredEvent) -> str:
    """One event: date, type, who → whom by the names they bore then, flags, evidence."""
    e = stored.event
    arrow = "→" if e.directed else "↔"
    source, target = tl.event_names(stored)
    return (f'<li><strong>{escape(date_label(stored))}</strong> '
            f'<span class="{escape(e.polarity)}">{escape(e.type.replace("_", " "))}</span>: '
            f'{escape(source)} {arrow} {escape(target)}{_badges(stored)}'
            f' <small>({escape(stored.document)})</small>'
            f'<div class="evidence">“{highlight_hedges(e.evidence.sentence)}”</div></li>')


def _names_note(tl: DyadTimeline) -> str:
    """What the events call the pair besides their current names (see
    :meth:`DyadTimeline.name_notes`), as a line under the title."""
    notes = tl.name_notes()
    return f'<p class="summary">{escape("; ".join(notes))}.</p>' if notes else ""


def _summary(tl: DyadTimeline) -> str:
    placed = [s for s in tl.states if s.weight > 0]
    documents = len({s.document for s in tl.events})
    if not placed:
        return (f"No dated evidence of a relationship yet ({len(tl.events)} events from "
                f"{documents} documents).")
    last = placed[-1]
    return (f"Latest state ({escape(last.period)}): <strong class=\"{escape(last.polarity)}\">"
            f"{escape(last.relation.replace('_', ' '))}</strong> ({escape(last.polarity)}), "
            f"confidence {last.confidence:.2f}. {len(tl.events)} events from {documents} "
            f"document{'s' if documents != 1 else ''}, {escape(placed[0].period)}–"
            f"{escape(last.period)}; {len(tl.transitions)} turning "
            f"point{'s' if len(tl.transitions) != 1 else ''}.")


def _states_table(tl: DyadTimeline) -> str:
    rows = "".join(
        f'<tr><td>{escape(s.period)}</td><td class="{escape(s.polarity)}">'
        f'{escape(s.relation.replace("_", " "))}</td><td>{escape(s.polarity)}</td>'
        f'<td>{s.confidence:.2f}</td><td>{s.sources}</td><td>{len(s.events)}</td></tr>'
        for s in tl.states)
    return ("<table><thead><tr><th>Period</th><th>Relation</th><th>Polarity</th>"
            "<th>Confidence</th><th>Sources</th><th>Events</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _turning_points(tl: DyadTimeline) -> str:
    if not tl.transitions:
        return "<p>No change of relation between periods.</p>"
    by_id = {s.event.id: s for s in tl.events}
    out = []
    for t in tl.transitions:
        via = f" (through {', '.join(escape(p) for p in t.via)})" if t.via else ""
        items = "".join(_event_item(tl, by_id[i]) for i in t.events if i in by_id)
        out.append(f'<section class="turn"><h3>{escape(t.period_from)} → {escape(t.period)}: '
                   f'{escape(t.relation_from.replace("_", " "))} → '
                   f'{escape(t.relation_to.replace("_", " "))}</h3>'
                   f'<p>Significance {t.significance:.2f}{via}. What drove it:</p>'
                   f'<ul>{items or "<li>(no single event)</li>"}</ul></section>')
    return "".join(out)


def _link(url: str | None) -> str:
    # Only web links become anchors: a javascript: or data: URL from a document stays text.
    if url and re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
    return escape(url or "")


def _sources(tl: DyadTimeline) -> str:
    seen: dict[str, StoredEvent] = {}
    counts: dict[str, int] = {}
    for s in tl.events:
        seen.setdefault(s.document, s)
        counts[s.document] = counts.get(s.document, 0) + 1
    rows = "".join(
        f"<tr><td>{escape(doc)}</td><td>{escape(s.title or '')}</td>"
        f"<td>{escape(s.outlet or '')}</td>"
        f"<td>{escape(s.published.isoformat() if s.published else '')}</td>"
        f"<td>{_link(s.url)}</td><td>{counts[doc]}</td></tr>"
        for doc, s in seen.items())
    return ("<table><thead><tr><th>Document</th><th>Title</th><th>Outlet</th><th>Published</th>"
            f"<th>Link</th><th>Events</th></tr></thead><tbody>{rows}</tbody></table>")


def brief_html(tl: DyadTimeline, ontology: Ontology | None = None,
               generated: date | None = None) -> str:
    """The brief of a dyad timeline as one self-contained HTML page."""
    onto = ontology or load_ontology()
    a, b = escape(tl.a.name), escape(tl.b.name)
    when = (generated or date.today()).isoformat()
    events = "".join(_event_item(tl, s) for s in tl.events)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{a} — {b}: relationship brief</title>
<style>{STYLE}</style></head>
<body>
<h1>{a} — {b}</h1>
{_names_note(tl)}
<p class="summary">{_summary(tl)}<br><small>tieline brief, generated {when}. States by
{escape(tl.period)}; hedged claims (reported, alleged, speculative) weigh less, denials
count against.</small></p>
<figure>{timeline_svg(tl, onto)}
<figcaption>Relationship level by {escape(tl.period)} (bars; more opaque when surer) and the
events (dots at their type's level; hollow: hedged; cross: denied; dashed vertical
lines: turning points). Green: cooperation, red: conflict, purple: structural.</figcaption></figure>
<h2>States</h2>
{_states_table(tl)}
<h2>Turning points</h2>
{_turning_points(tl)}
<h2>All events</h2>
<ul>{events or "<li>(none stored)</li>"}</ul>
<h2>Sources</h2>
{_sources(tl)}
</body></html>
"""


def write_brief(html: str, path: str | Path) -> None:
    """Write the brief to ``path`` (UTF-8)."""
    try:
        Path(path).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise cannot_write(path, exc) from exc
