"""The demo: ingest the sample corpus, then show the pair whose relationship moved most.

Example:
    >>> report, timeline = run_demo(Store("sqlite:///demo.db"))   # doctest: +SKIP
"""

from __future__ import annotations

from importlib import resources

from .pipeline import Pipeline
from .relations.dyad import DyadTimeline, dyad_timeline
from .store.ingest import IngestReport, ingest
from .store.store import Store


def sample_corpus_path() -> str:
    """Where the sample corpus shipped with the package lives."""
    return str(resources.files("tieline") / "data" / "sample")


def change_score(timeline: DyadTimeline) -> tuple[int, int, int]:
    """How much a pair's relationship moved: polarity flips first, then changes of
    relation, then the number of events (to break ties)."""
    flips = 0
    polarities = [s.polarity for s in timeline.states if s.polarity in ("cooperation", "conflict")]
    for before, after in zip(polarities, polarities[1:]):
        flips += before != after
    return flips, len(timeline.transitions), len(timeline.events)


def most_changed_pair(store: Store, pipeline: Pipeline) -> DyadTimeline | None:
    """The timeline of the stored pair whose relationship changed most."""
    best: DyadTimeline | None = None
    best_score = (-1, -1, -1)
    for a, b, _count in store.pairs():
        if a == b or a not in pipeline.kb or b not in pipeline.kb:
            continue
        # The demo is about armed groups' relations, not their dealings with states.
        if {pipeline.kb.get(a).kind, pipeline.kb.get(b).kind} != {"armed_group"}:
            continue
        timeline = dyad_timeline(store, pipeline.kb, a, b)
        score = change_score(timeline)
        if score > best_score:
            best, best_score = timeline, score
    return best


def run_demo(store: Store, pipeline: Pipeline | None = None,
             progress: bool = True) -> tuple[IngestReport, DyadTimeline | None]:
    """Ingest the sample corpus into ``store`` and pick the pair that changed most."""
    pipe = pipeline or Pipeline()
    report = ingest([sample_corpus_path()], store, pipe, progress=progress)
    return report, most_changed_pair(store, pipe)


__all__ = ["change_score", "most_changed_pair", "run_demo", "sample_corpus_path"]
