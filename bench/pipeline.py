"""Benchmark: the whole ``extract`` pipeline against spaCy's small English pipeline.

In one run, over the same texts, on one core:

* ``tieline``: :meth:`tieline.pipeline.Pipeline.extract` on each document (sentences,
  actors, dates, events with parsing of the candidate sentences, dyads);
* ``spacy``: ``nlp.pipe(texts)`` with the model tieline loads, as spaCy ships it
  (``spacy.load(name)``, every component: tok2vec, tagger, parser, attribute_ruler,
  lemmatizer, ner) — the reference of the target (issue 4: at least 5x);
* ``spacy_as_tieline``: ``nlp.pipe(texts)`` with tieline's own spaCy object (NER off):
  the cost if tieline parsed everything, a stricter yardstick reported alongside.

A stage breakdown (one pass each) says where tieline's time goes.

Example:
    >>> result = run_pipeline(build_corpus(2000), repeats=1)   # doctest: +SKIP
    >>> result["ratio"] > 1                                     # doctest: +SKIP
    True
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from tieline.actors.resolve import resolve_mentions
from tieline.model import Document, Mention, Sentence
from tieline.events.parser_text import parse_texts
from tieline.pipeline import BATCH_DOCUMENTS, Pipeline
from tieline.text import split_sentences
from tieline.time import DocumentDates

from .corpus import total_words, word_count
from .matching import find_names
from .timing import Clock, measure

RATIO_TARGET = 5.0  # tieline words/s over spaCy words/s, issue 4
WARMUP_DOCUMENTS = 5


def model_name(pipe: Pipeline) -> str:
    """The installed package name of the spaCy model tieline loads."""
    meta = pipe.events.nlp.meta
    return f"{meta['lang']}_{meta['name']}"


def run_pipeline(documents: Sequence[Document], repeats: int = 3, name: str = "pipeline_vs_spacy",
                 pipeline: Pipeline | None = None, clock: Clock = "cpu") -> dict[str, Any]:
    """Time tieline and spaCy over ``documents``; the ratio of words per second."""
    import spacy

    pipe = pipeline or Pipeline()
    own_nlp = pipe.events.nlp
    model = model_name(pipe)
    full_nlp = spacy.load(model)
    texts = [d.text for d in documents]
    words = total_words(documents)

    def over(docs: Sequence[Document]) -> Callable[[], None]:
        def run() -> None:
            pipe.forget()  # every timed run starts with cold memos
            for _ in pipe.extract_many(docs):
                pass
        return run

    def spacy_over(nlp: Any, batch: list[str]) -> Callable[[], None]:
        def run() -> None:
            for _ in nlp.pipe(batch):
                pass
        return run

    head = documents[:WARMUP_DOCUMENTS]
    head_texts = texts[:WARMUP_DOCUMENTS]
    timings = measure(
        {"tieline": over(documents), "spacy": spacy_over(full_nlp, texts),
         "spacy_as_tieline": spacy_over(own_nlp, texts)},
        repeats,
        warmups={"tieline": over(head), "spacy": spacy_over(full_nlp, head_texts),
                 "spacy_as_tieline": spacy_over(own_nlp, head_texts)},
    )
    ours, theirs, same = timings["tieline"], timings["spacy"], timings["spacy_as_tieline"]
    result: dict[str, Any] = {
        "name": name,
        "description": "Pipeline.extract_many over the documents vs spaCy nlp.pipe over the same texts",
        **ours.summary(words, clock),
        "baseline": {"name": f"spaCy {model} nlp.pipe, all components {list(full_nlp.pipe_names)}",
                     **theirs.summary(words, clock)},
        "baseline_as_tieline": {"name": f"spaCy {model} nlp.pipe as tieline loads it "
                                        f"{list(own_nlp.pipe_names)}",
                                **same.summary(words, clock)},
        "ratio": round(theirs.best(clock) / ours.best(clock), 2),
        "ratio_median": round(theirs.median(clock) / ours.median(clock), 2),
        "ratio_wall": round(theirs.best("wall") / ours.best("wall"), 2),
        "ratio_vs_as_tieline": round(same.best(clock) / ours.best(clock), 2),
        "metric": "ratio",
        "target": RATIO_TARGET,
    }
    result["pass"] = result["ratio"] >= RATIO_TARGET
    result["stages"] = stage_breakdown(pipe, documents)
    return result


def _timed(run: Callable[[], object]) -> float:
    """CPU seconds of one call."""
    start = time.process_time()
    run()
    return time.process_time() - start


def stage_breakdown(pipe: Pipeline, documents: Sequence[Document]) -> dict[str, Any]:
    """One pass per stage, following ``Pipeline.extract_batch``: CPU seconds and parsed shares.

    The events stage includes the spaCy parse of the candidate sentences, which is
    also timed on its own (``parse_seconds``).
    """
    kb, events = pipe.kb, pipe.events
    pipe.forget()
    split: list[list[Sentence]] = []
    mentions: list[list[Mention]] = []
    seconds: dict[str, float] = {}
    seconds["sentences"] = _timed(lambda: split.extend(split_sentences(d.text) for d in documents))
    seconds["actors"] = _timed(lambda: mentions.extend(
        resolve_mentions(d.text, s, find_names(pipe, d.text), kb) for d, s in zip(documents, split)))
    candidates = [events.candidate_sentences(s, m) for s, m in zip(split, mentions)]
    texts = [parse_texts(group) for group in candidates]
    parses: list[list[Any]] = []

    def parse() -> None:
        # as Pipeline.extract_batch does: the candidate sentences of many documents at once
        for start in range(0, len(texts), BATCH_DOCUMENTS):
            batch = texts[start:start + BATCH_DOCUMENTS]
            docs = events.parse([t for group in batch for t in group])
            for group in batch:
                parses.append(docs[:len(group)])
                docs = docs[len(group):]

    def extract_events() -> None:
        for d, s, c, p in zip(documents, split, candidates, parses):
            if c:
                events.events_in(d, c, p, DocumentDates(s, d.published))

    seconds["parse"] = _timed(parse)
    seconds["events"] = seconds["parse"] + _timed(extract_events)
    sentence_count = sum(len(s) for s in split)
    parsed = [s for group in candidates for s, _ in group]
    return {
        "sentences_seconds": round(seconds["sentences"], 4),
        "actors_seconds": round(seconds["actors"], 4),
        "events_seconds": round(seconds["events"], 4),
        "parse_seconds": round(seconds["parse"], 4),
        "events_without_parse_seconds": round(max(0.0, seconds["events"] - seconds["parse"]), 4),
        "sentences": sentence_count,
        "sentences_with_actor": sum(len({x.sentence for x in m}) for m in mentions),
        "sentences_parsed": len(parsed),
        "words_parsed": sum(word_count(s.text) for s in parsed),
        "share_of_words_parsed": round(sum(word_count(s.text) for s in parsed)
                                       / max(1, total_words(documents)), 3),
    }
