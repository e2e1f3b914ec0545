"""Networks as networkx graphs, written as GraphML and GEXF (both open in Gephi).

A *static* graph is the network at a date (:class:`~tieline.relations.network.Network`):
one edge per tie. A *dynamic* graph holds every state of every pair: one edge per pair
whose ``spells`` are the periods with a state, and whose ``relation``, ``polarity``,
``confidence`` and ``rank`` change over time (GEXF dynamic attributes, dates as
``YYYY-MM-DD``), so Gephi's timeline can play the story.

Example:
    >>> graph = dynamic_graph(states, actors)             # doctest: +SKIP
    >>> write_gexf(graph, "ties.gexf")                    # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..relations.network import Network, period_end, period_start
from ..relations.states import DyadState
from .files import cannot_write

ActorInfo = Mapping[str, Mapping[str, Any]]


def _node_attributes(info: Mapping[str, Any]) -> dict[str, Any]:
    # GraphML has no null: an unknown country is an empty string.
    return {"label": str(info.get("name") or ""), "kind": str(info.get("kind") or ""),
            "country": str(info.get("country") or ""), "region": str(info.get("region") or "")}


def network_graph(network: Network) -> nx.Graph:
    """The ties of ``network`` as an undirected graph: nodes carry ``label`` (the
    name at the network's date), ``kind``, ``country``, ``region``; edges carry
    ``relation``, ``polarity``, ``confidence``, ``rank``, ``period``, ``events``
    (space-separated ids) and the crosswalk codes (``mmp``, ``mgar`` ...).

    Example:
        >>> from tieline.relations.network import Network, Tie
        >>> net = Network(None, [Tie("a", "b", "violent_rivalry", "conflict", .7, "2018")],
        ...               {"a": {"name": "A"}, "b": {"name": "B"}})
        >>> network_graph(net).edges["a", "b"]["relation"]
        'violent_rivalry'
    """
    graph = nx.Graph(at=network.at.isoformat() if network.at else "",
                     region=network.region or "")
    for actor_id, info in sorted(network.actors.items()):
        graph.add_node(actor_id, **_node_attributes(info))
    for tie in network.ties:
        graph.add_edge(tie.a, tie.b, relation=tie.relation, polarity=tie.polarity,
                       confidence=round(tie.confidence, 3), rank=float(tie.rank),
                       period=tie.period, events=" ".join(tie.events),
                       **{k: v for k, v in tie.crosswalk.items()})
    return graph


def dynamic_graph(states: Iterable[DyadState], actors: ActorInfo) -> nx.Graph:
    """Every state of every pair as one dynamic graph (see the module docstring).
    States without weight or relation are left out; ``actors`` gives node labels.

    Example:
        >>> from tieline.relations.states import DyadState
        >>> s = DyadState("a", "b", "2016", "tactical_alliance", 2, "cooperation", .6, 1, ["e"])
        >>> dynamic_graph([s], {}).edges["a", "b"]["relation"]
        [('tactical_alliance', '2016-01-01', '2016-12-31')]
    """
    graph = nx.Graph(mode="dynamic")
    by_pair: dict[tuple[str, str], list[DyadState]] = {}
    for s in states:
        if s.weight > 0 and s.relation != "none":
            by_pair.setdefault((s.a, s.b), []).append(s)
    spans: dict[str, list[str]] = {}
    for (a, b), pair in sorted(by_pair.items()):
        pair.sort(key=lambda s: s.period)
        spells = [(period_start(s.period).isoformat(), period_end(s.period).isoformat())
                  for s in pair]

        def over_time(value: Any, pair: list[DyadState] = pair,
                      spells: list[tuple[str, str]] = spells) -> list[tuple[Any, str, str]]:
            return [(value(s), start, end) for s, (start, end) in zip(pair, spells)]

        graph.add_edge(a, b, spells=spells, start=spells[0][0], end=spells[-1][1],
                       relation=over_time(lambda s: s.relation),
                       polarity=over_time(lambda s: s.polarity),
                       confidence=over_time(lambda s: round(s.confidence, 3)),
                       rank=over_time(lambda s: float(s.rank)))
        for actor_id in (a, b):
            spans.setdefault(actor_id, []).extend(x for spell in spells for x in spell)
    for actor_id, dates in spans.items():
        info = actors.get(actor_id, {"name": actor_id})
        graph.add_node(actor_id, start=min(dates), end=max(dates), **_node_attributes(info))
    return graph


def write_graphml(graph: nx.Graph, path: str | Path) -> None:
    """Write a static graph as GraphML (Gephi, yEd, networkx ``read_graphml``)."""
    _write(nx.write_graphml, graph, path)


def write_gexf(graph: nx.Graph, path: str | Path) -> None:
    """Write a graph as GEXF 1.2 (Gephi; dynamic when built by :func:`dynamic_graph`)."""
    _write(nx.write_gexf, graph, path)


def _write(writer: Any, graph: nx.Graph, path: str | Path) -> None:
    try:
        writer(graph, str(path))
    except OSError as exc:
        raise cannot_write(path, exc) from exc
