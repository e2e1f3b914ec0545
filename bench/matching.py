"""Benchmark: the actor matching stage alone, in words per second on one core.

Three figures over the same documents, as :meth:`tieline.pipeline.Pipeline.extract`
runs them:

``actor_matching``
    :meth:`ActorMatcher.find`: the Aho-Corasick automaton over every name of the
    knowledge base, on the folded text, with the case checks. Target 200,000 words/s
    (issue 3).
``actor_matching_fuzzy``
    the automaton plus :meth:`CandidateFinder.find` (near-spellings by fuzzy matching
    and candidate actors for group names the base lacks): every name the pipeline
    finds before resolution. Same target.
``actor_stage``
    what the pipeline does before events: sentence splitting, both finders and mention
    resolution (defined acronyms, wings, affiliates, descriptors); no target.

Example:
    >>> results = run_matching(build_corpus(2000), repeats=1)   # doctest: +SKIP
    >>> results[0]["name"], results[0]["pass"]                  # doctest: +SKIP
    ('actor_matching', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tieline.actors.matcher import NameMatch
from tieline.actors.resolve import resolve_mentions
from tieline.model import Document
from tieline.pipeline import Pipeline
from tieline.text import split_sentences

from .corpus import total_words
from .timing import Clock, measure

MATCHING_TARGET = 200_000  # words per second, issue 3


def find_names(pipe: Pipeline, text: str) -> list[NameMatch]:
    """Every name match of ``text`` before resolution, as ``Pipeline.extract`` finds them:
    exact matches, then fuzzy and candidate names outside their spans."""
    matches = pipe.matcher.find(text)
    others = pipe.candidates.find(text, matches)
    return sorted([*matches, *others], key=lambda m: m.start) if others else matches


def run_matching(documents: Sequence[Document], repeats: int = 5,
                 pipeline: Pipeline | None = None, clock: Clock = "cpu") -> list[dict[str, Any]]:
    """Time the exact matcher, both finders and the whole actor stage over ``documents``."""
    pipe = pipeline or Pipeline()
    matcher, kb = pipe.matcher, pipe.kb
    texts = [d.text for d in documents]
    words = total_words(documents)

    def names(text: str) -> list[NameMatch]:
        return find_names(pipe, text)

    def exact() -> None:
        for text in texts:
            matcher.find(text)

    def fuzzy() -> None:
        pipe.forget()  # every timed run starts with cold memos
        for text in texts:
            names(text)

    def actor_stage() -> None:
        pipe.forget()
        for text in texts:
            resolve_mentions(text, split_sentences(text), names(text), kb)

    timings = measure({"exact": exact, "fuzzy": fuzzy, "actors": actor_stage}, repeats)
    exact_found = sum(len(matcher.find(t)) for t in texts)
    all_found = sum(len(names(t)) for t in texts)
    results = [
        {"name": "actor_matching",
         "description": "ActorMatcher.find over each document (Aho-Corasick over all KB names)",
         **timings["exact"].summary(words, clock), "names_found": exact_found,
         "metric": "words_per_s", "target": MATCHING_TARGET},
        {"name": "actor_matching_fuzzy",
         "description": "ActorMatcher.find + CandidateFinder.find (fuzzy and candidate names)",
         **timings["fuzzy"].summary(words, clock), "names_found": all_found,
         "metric": "words_per_s", "target": MATCHING_TARGET},
    ]
    for result in results:
        result["pass"] = result["words_per_s"] >= MATCHING_TARGET
    results.append(
        {"name": "actor_stage",
         "description": "sentence splitting + both finders + resolve_mentions",
         **timings["actors"].summary(words, clock),
         "metric": "words_per_s", "target": None, "pass": None})
    return results
