"""Benchmark: the actor matching stage alone, in words per second on one core.

``actor_matching`` times :meth:`ActorMatcher.find` (the Aho-Corasick automaton over
every name of the knowledge base, on the folded text, with the case checks) over each
document; the target is 200,000 words/s (issue 3). ``actor_stage`` adds what the
pipeline does around it before events: sentence splitting and mention resolution
(defined acronyms, wings, affiliates, descriptors); it is reported without a target.

Example:
    >>> results = run_matching(build_corpus(2000), repeats=1)   # doctest: +SKIP
    >>> results[0]["name"], results[0]["pass"]                  # doctest: +SKIP
    ('actor_matching', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tieline.actors.resolve import resolve_mentions
from tieline.model import Document
from tieline.pipeline import Pipeline
from tieline.text import split_sentences

from .corpus import total_words
from .timing import Clock, measure

MATCHING_TARGET = 200_000  # words per second, issue 3


def run_matching(documents: Sequence[Document], repeats: int = 5,
                 pipeline: Pipeline | None = None, clock: Clock = "cpu") -> list[dict[str, Any]]:
    """Time matching alone and the whole actor stage over ``documents``."""
    pipe = pipeline or Pipeline()
    matcher, kb = pipe.matcher, pipe.kb
    texts = [d.text for d in documents]
    words = total_words(documents)

    def match() -> None:
        for text in texts:
            matcher.find(text)

    def actor_stage() -> None:
        for text in texts:
            resolve_mentions(text, split_sentences(text), matcher.find(text), kb)

    timings = measure({"match": match, "actors": actor_stage}, repeats)
    names_found = sum(len(matcher.find(t)) for t in texts)
    matching = {
        "name": "actor_matching",
        "description": "ActorMatcher.find over each document (Aho-Corasick over all KB names)",
        **timings["match"].summary(words, clock),
        "names_found": names_found,
        "metric": "words_per_s",
        "target": MATCHING_TARGET,
    }
    matching["pass"] = matching["words_per_s"] >= MATCHING_TARGET
    stage = {
        "name": "actor_stage",
        "description": "sentence splitting + ActorMatcher.find + resolve_mentions",
        **timings["actors"].summary(words, clock),
        "metric": "words_per_s",
        "target": None,
        "pass": None,
    }
    return [matching, stage]
