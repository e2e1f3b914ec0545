"""The dyad chart of the brief: relationship level over time with events as markers.

Plain SVG made in Python, so the brief renders offline in any browser, with no script
and nothing fetched. The vertical axis is the ontology's relationship scale (rank);
each state is a bar across its period at its level (more opaque when surer), joined
by a dashed line; each dated event is a marker at its date and its type's level:
filled when asserted, hollow when hedged, a cross when denied; green for cooperation,
red for conflict, purple for structural events. Turning points are marked by a
vertical line. Every mark has a ``<title>`` tooltip.

Example:
    >>> svg = timeline_svg(timeline, load_ontology())        # doctest: +SKIP
    >>> svg.startswith('<svg')                                # doctest: +SKIP
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from ..events.ontology import Ontology
from ..relations.dyad import DyadTimeline, date_label
from ..relations.network import period_end, period_start
from ..store.store import StoredEvent

WIDTH, HEIGHT = 900, 360
LEFT, RIGHT, TOP, BOTTOM = 150, 20, 20, 40
COLORS = {"cooperation": "#1a7f37", "conflict": "#cf222e", "structural": "#8250df",
          "mixed": "#9a6700", "none": "#57606a"}


@dataclass(frozen=True)
class _Scale:
    """Maps dates (as fractional years) and ranks to SVG coordinates."""

    start: float
    end: float
    low: float
    high: float

    def x(self, year: float) -> float:
        span = self.end - self.start or 1.0
        return LEFT + (year - self.start) / span * (WIDTH - LEFT - RIGHT)

    def y(self, rank: float) -> float:
        span = self.high - self.low or 1.0
        return TOP + (self.high - rank) / span * (HEIGHT - TOP - BOTTOM)


def _years(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _event_year(start: str, end: str | None) -> float | None:
    """The middle of an event's date interval, in fractional years."""
    try:
        first = _years(period_start(start[:7]) if len(start) >= 7 else period_start(start[:4]))
        bound = end or start
        last = _years(period_end(bound[:7]) if len(bound) >= 7 else period_end(bound[:4]))
    except ValueError:
        return None
    return (first + last) / 2


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def timeline_svg(tl: DyadTimeline, ontology: Ontology) -> str:
    """The chart of ``tl`` as an ``<svg>`` element (text, escaped)."""
    dated = [(s, _event_year(s.event.date.start, s.event.date.end))
             for s in tl.events if s.event.date.start]
    points = [y for _s, y in dated if y is not None]
    bounds = points + [_years(period_start(s.period)) for s in tl.states] + \
        [_years(period_end(s.period)) + 1 / 366 for s in tl.states]
    if not bounds:
        bounds = [float(date.today().year), float(date.today().year + 1)]
    ranks = [lvl.rank for lvl in ontology.levels.values()]
    scale = _Scale(int(min(bounds)), int(max(bounds)) + 1, min(ranks), max(ranks))
    parts = [f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" '
             f'aria-label="Relationship level of {escape(tl.a.name)} and {escape(tl.b.name)} over time">']
    parts += _axes(scale, ontology)
    parts += _states(tl, scale)
    parts += _turning_points(tl, scale)
    parts += _markers(tl, dated, scale, ontology)
    parts.append("</svg>")
    return "\n".join(parts)


def _axes(scale: _Scale, ontology: Ontology) -> list[str]:
    zero = scale.y(0)
    out = [f'<rect class="band" x="{LEFT}" y="{TOP}" width="{WIDTH - LEFT - RIGHT}" '
           f'height="{_fmt(zero - TOP)}" fill="#e6f4ea"/>',
           f'<rect class="band" x="{LEFT}" y="{_fmt(zero)}" width="{WIDTH - LEFT - RIGHT}" '
           f'height="{_fmt(HEIGHT - BOTTOM - zero)}" fill="#fbe9eb"/>']
    for level in sorted(ontology.levels.values(), key=lambda lvl: -lvl.rank):
        y = _fmt(scale.y(level.rank))
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="#d0d7de" '
                   f'stroke-width="0.5"/>')
        out.append(f'<text class="level" x="{LEFT - 6}" y="{y}" text-anchor="end" '
                   f'dominant-baseline="middle" font-size="11">{escape(level.id.replace("_", " "))}</text>')
    for year in range(int(scale.start), int(scale.end) + 1):
        x = _fmt(scale.x(year))
        out.append(f'<line x1="{x}" x2="{x}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" stroke="#eaeef2"/>')
        out.append(f'<text class="year" x="{x}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                   f'font-size="11">{year}</text>')
    return out


def _states(tl: DyadTimeline, scale: _Scale) -> list[str]:
    out = []
    previous: tuple[float, float] | None = None
    for s in tl.states:
        if s.weight <= 0:
            continue
        x1, x2 = scale.x(_years(period_start(s.period))), scale.x(_years(period_end(s.period)) + 1 / 366)
        y = scale.y(s.rank)
        if previous is not None:
            out.append(f'<line class="link" x1="{_fmt(previous[0])}" y1="{_fmt(previous[1])}" '
                       f'x2="{_fmt(x1)}" y2="{_fmt(y)}" stroke="#57606a" stroke-dasharray="4 3"/>')
        color = COLORS.get(s.polarity, COLORS["none"])
        out.append(f'<rect class="state" x="{_fmt(x1)}" y="{_fmt(y - 4)}" width="{_fmt(max(x2 - x1, 2))}" '
                   f'height="8" rx="3" fill="{color}" fill-opacity="{0.25 + 0.75 * s.confidence:.2f}">'
                   f'<title>{escape(s.period)}: {escape(s.relation)} ({escape(s.polarity)}), '
                   f'confidence {s.confidence:.2f}, {len(s.events)} events</title></rect>')
        previous = (x2, y)
    return out


def _turning_points(tl: DyadTimeline, scale: _Scale) -> list[str]:
    out = []
    for t in tl.transitions:
        first = t.via[0] if t.via else t.period_to
        x = _fmt(scale.x(_years(period_start(first))))
        out.append(f'<line class="turn" x1="{x}" x2="{x}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
                   f'stroke="#0969da" stroke-width="1.5" stroke-dasharray="2 2">'
                   f'<title>Turning point {escape(t.period)}: {escape(t.relation_from)} → '
                   f'{escape(t.relation_to)}</title></line>')
    return out


def _markers(tl: DyadTimeline, dated: list[tuple[StoredEvent, float | None]], scale: _Scale,
             ontology: Ontology) -> list[str]:
    out = []
    seen: dict[tuple[int, int], int] = {}
    for stored, year in dated:
        e = stored.event
        if year is None or e.type not in ontology.types:
            continue
        level = ontology.levels[ontology.types[e.type].level]
        x, y = scale.x(year), scale.y(level.rank)
        # Markers at the same spot fan out sideways instead of hiding each other.
        slot = (round(x / 6), round(y))
        n = seen.get(slot, 0)
        seen[slot] = n + 1
        x += 7 * ((n + 1) // 2) * (1 if n % 2 else -1)
        color = COLORS.get(e.polarity, COLORS["none"])
        title = (f"<title>{escape(date_label(stored))} {escape(e.type)}: {escape(tl.name(e.source))} → "
                 f"{escape(tl.name(e.target))}" + (f" [{escape(e.modality)}]" if e.modality != "asserted" else "")
                 + (" [denied]" if e.negated else "") + f"\n{escape(e.evidence.sentence[:200])}</title>")
        cls = f'event {escape(e.polarity)}{" hedged" if e.modality != "asserted" else ""}{" negated" if e.negated else ""}'
        if e.negated:
            d = f"M{_fmt(x - 4)} {_fmt(y - 4)} L{_fmt(x + 4)} {_fmt(y + 4)} M{_fmt(x - 4)} {_fmt(y + 4)} L{_fmt(x + 4)} {_fmt(y - 4)}"
            out.append(f'<g class="{cls}"><path d="{d}" stroke="{color}" stroke-width="2"/>'
                       f'<circle class="marker" cx="{_fmt(x)}" cy="{_fmt(y)}" r="5" fill="transparent"/>{title}</g>')
            continue
        fill = color if e.modality == "asserted" else "#ffffff"
        dash = ' stroke-dasharray="2 1"' if e.modality == "speculative" else ""
        out.append(f'<g class="{cls}"><circle class="marker" cx="{_fmt(x)}" cy="{_fmt(y)}" r="5" '
                   f'fill="{fill}" stroke="{color}" stroke-width="1.5"{dash}/>{title}</g>')
    return out
