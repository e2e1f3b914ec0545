"""Plain-text views for the terminal: an actor's profile, a network, a list of changes.

Example:
    >>> print(network_text(network_at(store, kb, date(2016, 12, 31))))   # doctest: +SKIP
    Network at 2016-12-31: 3 ties among 4 actors
    ...
"""

from __future__ import annotations

from collections.abc import Mapping

from ..store.store import StoredEvent
from .actor import ActorProfile
from .lineage import NamesInTime
from .network import Network
from .states import Transition


def _years(start: int | None, end: int | None) -> str:
    if start is None and end is None:
        return ""
    return f" ({start or '…'}–{end or ''})" if start else f" (until {end})"


def _cut(name: str, width: int = 30) -> str:
    """``name`` shortened to ``width`` characters (with an ellipsis) to keep columns."""
    return name if len(name) <= width else name[:width - 1] + "…"


def actor_text(profile: ActorProfile) -> str:
    """An actor's entry, names over time, links and ties, for the terminal: with a date,
    the name it bore then (and the current one), each counterpart by the name it bore
    at the tie's time."""
    a = profile.actor
    title = a.name
    if profile.name_then and profile.name_then != a.name:
        title = f"{profile.name_then} (now {a.name})"
    lines = [f"{title}  [{a.id}, {a.kind}]"]
    if profile.at:
        lines[0] += f"  at {profile.at.isoformat()}"
    where = ", ".join(x for x in (a.country, a.region) if x)
    if where:
        lines.append(f"  {where}")
    if a.aliases:
        lines.append(f"  aliases: {', '.join(a.aliases)}")
    if a.acronyms:
        lines.append(f"  acronyms: {', '.join(a.acronyms)}")
    if len(profile.names) > 1:
        # Spelling variants of one name share their years: list them together.
        spans: dict[tuple[int | None, int | None], list[str]] = {}
        for n in profile.names:
            spans.setdefault((n.start, n.end), []).append(n.name)
        lines.append("  names over time: " + "; ".join(
            f"{', '.join(names)}{_years(*span)}" for span, names in spans.items()))
    if profile.links:
        lines += ["", "Links"]
        for link in profile.links:
            year = f" ({link.year})" if link.year else ""
            if link.direction == "out":
                lines.append(f"  {link.type} {link.other_name}{year}")
            else:
                lines.append(f"  {link.other_name} is {link.type} it{year}")
    lines += ["", "Ties" + (f" holding at {profile.at.isoformat()}" if profile.at else
                            " (latest state of each pair)")]
    if not profile.ties:
        lines.append("  (none in the store)")
    for tie in profile.ties:
        lines.append(f"  {_cut(profile.counterpart_then(tie), 32):<32} {tie.relation:<20} {tie.polarity:<12} "
                     f"{tie.period:<8} confidence {tie.confidence:.2f}")
    return "\n".join(lines)


def network_text(network: Network) -> str:
    """A network's ties, strongest conflict and cooperation alike, for the terminal; each
    pair by the names it bore at the tie's time."""
    when = network.at.isoformat() if network.at else "latest"
    where = f" in {network.region}" if network.region else ""
    lines = [f"Network at {when}{where}: {len(network.ties)} ties among "
             f"{len(network.actors)} actors"]
    for tie in sorted(network.ties, key=lambda t: (-t.confidence, t.a, t.b)):
        a, b = network.names_then(tie)
        lines.append(f"  {_cut(a):<30} {_cut(b):<30} "
                     f"{tie.relation:<20} {tie.period:<8} {tie.confidence:.2f}")
    return "\n".join(lines)


def changes_text(found: list[Transition], names: Mapping[str, str],
                 events: Mapping[str, StoredEvent], naming: NamesInTime | None = None) -> str:
    """Turning points, most significant first, each with the events that drove it.

    With ``naming``, each turning point is headed by the pair's names in the period it
    reached, the current one beside a former ("Cobalt Legion (now Cobalt Guard)"), and
    each event shows the names of its date; ``names`` serves the actors it lacks.
    """
    if not found:
        return "No changes."

    def then(actor_id: str, year: int | None) -> str:
        return naming.then(actor_id, year, names) if naming else names.get(actor_id, actor_id)

    def label(actor_id: str, year: int | None) -> str:
        return naming.label(actor_id, year, names) if naming else names.get(actor_id, actor_id)

    lines = []
    for t in found:
        reached = int(t.period[:4])
        lines.append(f"{label(t.a, reached)} — {label(t.b, reached)}: {t.period_from} → "
                     f"{t.period}  {t.relation_from} → {t.relation_to}  "
                     f"(significance {t.significance:.2f})")
        for event_id in t.events[:5]:
            stored = events.get(event_id)
            if stored is None:
                continue
            e = stored.event
            year = e.date.year()
            hedge = f" [{e.modality}]" if e.modality != "asserted" else ""
            lines.append(f"    {e.date.start or 'undated':<10} {e.type:<24} "
                         f"{then(e.source, year)} → {then(e.target, year)}"
                         f"{hedge}{' [NOT]' if e.negated else ''}")
        if len(t.events) > 5:
            lines.append(f"    … and {len(t.events) - 5} more")
    return "\n".join(lines)
