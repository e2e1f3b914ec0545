"""A deterministic, news-like corpus for the benchmarks.

The repository's own texts are small (37 sample reports, about 10k words), so the
benchmark corpus is generated: a seeded generator recombines whole paragraphs of the
sample reports (``tieline/data/sample``) with sentences written from the templates of
``bench/corpus_data.yaml`` (group names from a snapshot of the knowledge base, states,
cities, dates, numbers) and plenty of news prose that names no armed group. Two mixes:

``news``
    half the documents are stories about armed groups (a third of their paragraphs come
    from the sample reports, the rest mix two-actor, one-actor and filler sentences),
    half are general news (over nine sentences in ten name no armed group). Most
    sentences mention no armed group, as in real news.
``dense``
    the sample reports alone, cycled: reporting *about* armed groups, where about half
    the sentences hold two actors and an interaction cue and are parsed. The hard case.

The same ``words``, ``seed`` and ``mix`` always give the same documents, on any
machine (``random.Random`` with a fixed seed; no hash-order dependence).

Example:
    >>> docs = build_corpus(2000, seed=7)
    >>> sum(len(d.text.split()) for d in docs) >= 2000
    True
    >>> fingerprint(docs) == fingerprint(build_corpus(2000, seed=7))
    True
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from tieline.model import Document
from tieline.read import read_bytes

Mix = Literal["news", "dense"]
DATA_FILE = Path(__file__).with_name("corpus_data.yaml")
DEFAULT_SEED = 20261126
_SLOT = re.compile(r"\{(\w+)\}")
_FIRST_DAY = date(1990, 1, 1)
_DAYS = (date(2022, 12, 31) - _FIRST_DAY).days


@dataclass(frozen=True)
class DocumentKind:
    """How one kind of document is put together.

    ``sample_paragraphs`` is the share of paragraphs copied whole from the sample
    reports; the other paragraphs draw each sentence from the template families with
    the ``weights`` given (two_actors, one_actor, filler).
    """

    name: str
    share: float
    sample_paragraphs: float
    weights: tuple[float, float, float]


NEWS_KINDS = (
    DocumentKind("armed_group_story", 0.5, 0.35, (0.2, 0.2, 0.6)),
    DocumentKind("general_news", 0.5, 0.0, (0.02, 0.06, 0.92)),
)
FAMILIES = ("two_actors", "one_actor", "filler")


@lru_cache(maxsize=1)
def corpus_data() -> dict[str, Any]:
    """The parsed ``corpus_data.yaml``: templates, name lists and slot values."""
    data: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def sample_documents() -> tuple[Document, ...]:
    """The shipped sample reports, in file-name order."""
    folder = resources.files("tieline") / "data" / "sample"
    docs: list[Document] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".md") or entry.name == "README.md":
            continue
        for result in read_bytes(entry.read_bytes(), entry.name):
            if isinstance(result, Document):
                docs.append(result)
    return tuple(docs)


@lru_cache(maxsize=1)
def sample_paragraphs() -> tuple[str, ...]:
    """Every non-empty line (a paragraph, for the sentence splitter) of the sample reports."""
    return tuple(line.strip() for doc in sample_documents()
                 for line in doc.text.splitlines() if line.strip())


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of every words-per-second figure."""
    return len(text.split())


def total_words(documents: Sequence[Document]) -> int:
    """The words of all ``documents``: ``total_words([Document("a", "x y")]) == 2``."""
    return sum(word_count(d.text) for d in documents)


def fingerprint(documents: Sequence[Document]) -> str:
    """SHA-256 over the ids and texts: equal fingerprints mean the same corpus."""
    digest = hashlib.sha256()
    for doc in documents:
        digest.update(doc.id.encode("utf-8") + b"\0" + doc.text.encode("utf-8") + b"\0")
    return digest.hexdigest()


class _Writer:
    """Fills templates from one seeded random source."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.data = corpus_data()

    def _group(self) -> list[str]:
        forms: list[str] = self.rng.choice(self.data["groups"])
        return forms

    def _group_form(self, forms: list[str]) -> str:
        # The canonical name most often, then an alias or an acronym, as reporters vary them.
        weights = [0.6, 0.25, 0.15][: len(forms)]
        return self.rng.choices(forms, weights=weights)[0]

    def fill(self, template: str) -> str:
        rng = self.rng
        a = self._group()
        b = self._group()
        while b == a:
            b = self._group()
        s, s2 = rng.sample(self.data["states"], 2)
        num = rng.randint(3, 400)
        values: dict[str, str] = {
            "A": self._group_form(a), "B": self._group_form(b), "S": str(s), "S2": str(s2),
            "num": str(num), "num2": str(num + rng.randint(100, 2000)),
            "small": str(rng.randint(2, 12)), "digit": str(rng.randint(0, 9)),
            "pct": str(rng.randint(2, 45)), "year": str(rng.randint(1980, 2022)),
            "day": str(rng.randint(1, 28)),
        }

        def slot(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in values:
                return values[key]
            choice: str = rng.choice(self.data["slots"][key])
            return str(choice)

        text = _SLOT.sub(slot, template)
        return text[0].upper() + text[1:]

    def sentence(self, weights: tuple[float, float, float]) -> str:
        family = self.rng.choices(FAMILIES, weights=weights)[0]
        return self.fill(self.rng.choice(self.data[family]))

    def paragraph(self, kind: DocumentKind) -> str:
        if kind.sample_paragraphs and self.rng.random() < kind.sample_paragraphs:
            return self.rng.choice(sample_paragraphs())
        return " ".join(self.sentence(kind.weights) for _ in range(self.rng.randint(1, 4)))

    def document(self, index: int) -> Document:
        kind = self.rng.choices(NEWS_KINDS, weights=[k.share for k in NEWS_KINDS])[0]
        paragraphs = [self.paragraph(kind) for _ in range(self.rng.randint(4, 10))]
        published = _FIRST_DAY + timedelta(days=self.rng.randint(0, _DAYS))
        return Document(id=f"bench-{index:05d}", text="\n\n".join(paragraphs),
                        published=published, title=kind.name, source="tieline benchmark corpus")


def build_corpus(words: int, seed: int = DEFAULT_SEED, mix: Mix = "news") -> list[Document]:
    """Documents totalling at least ``words`` words (the last document may overshoot)."""
    if mix == "dense":
        return _dense(words)
    writer = _Writer(random.Random(seed))
    docs: list[Document] = []
    count = 0
    while count < words:
        doc = writer.document(len(docs))
        docs.append(doc)
        count += word_count(doc.text)
    return docs


def _dense(words: int) -> list[Document]:
    """The sample reports, cycled (with fresh ids) until ``words`` is reached."""
    samples = sample_documents()
    docs: list[Document] = []
    count = 0
    while count < words:
        base = samples[len(docs) % len(samples)]
        copy = len(docs) // len(samples)
        docs.append(Document(id=f"{base.id}#{copy}", text=base.text, published=base.published,
                             title=base.title, source=base.source))
        count += word_count(base.text)
    return docs


def describe(mix: Mix) -> str:
    """One paragraph saying what a corpus of this mix is, for the results files."""
    if mix == "dense":
        return ("The 37 sample reports of tieline/data/sample (the project's own news-style "
                "reports about armed groups), cycled. Dense: most sentences name an armed group "
                "and about half hold two actors and an interaction cue.")
    return ("Generated by bench/corpus.py (seeded): half the documents are stories about "
            "armed groups (35% of their paragraphs copied whole from the 37 sample reports, the "
            "others mixing two-actor, one-actor and filler sentences 20/20/60 from the templates "
            "of bench/corpus_data.yaml), half are general news (2/6/92). Group names come from a "
            "fixed snapshot of the knowledge base; filler is news prose (politics, economy, "
            "weather, health, sport) naming no armed group but often states, dates and numbers.")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench.corpus --words 100000 > corpus.jsonl``: the corpus as JSONL."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--mix", choices=["news", "dense"], default="news")
    args = parser.parse_args(argv)
    for doc in build_corpus(args.words, args.seed, args.mix):
        record = {"id": doc.id, "text": doc.text, "title": doc.title, "source": doc.source,
                  "published": doc.published.isoformat() if doc.published else None}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
