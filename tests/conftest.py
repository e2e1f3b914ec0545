"""Shared fixtures: hand-built extractions, a small test knowledge base, a store.

The actors of the test base are fictional (Amber Lions, Cobalt Guard and its
predecessor Cobalt Legion) so tests never depend on the shipped actor files.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tieline.actors.kb import KnowledgeBase, build_kb
from tieline.events.ontology import load_ontology
from tieline.model import (
    Actor, DateInterval, Document, Event, Evidence, Extraction, Mention,
)
from tieline.store.schema import metadata
from tieline.store.store import Store

TEST_ACTORS = """\
- id: amber-lions
  name: Amber Lions
  aliases: [Lions of Amber]
  source: "test fixture"
- id: cobalt-guard
  name: Cobalt Guard
  aliases: [Cobalt Guard Brigades]
  source: "test fixture"
- id: cobalt-legion
  name: Cobalt Legion
  links: [{type: renamed_to, target: cobalt-guard, year: 2015}]
  source: "test fixture"
"""

_counter = itertools.count(1)

MakeEvent = Callable[..., Event]
MakeExtraction = Callable[..., Extraction]


@pytest.fixture
def make_event() -> MakeEvent:
    """Build an event: ``make_event("amber-lions", "cobalt-guard", "training", "2014")``.

    Polarity and direction come from the ontology; the evidence sentence is made up
    from the arguments unless given.
    """
    ontology = load_ontology()

    def make(source: str, target: str, type: str, when: str | None = None, *,
             modality: str = "asserted", negated: bool = False, id: str | None = None,
             sentence: str | None = None) -> Event:
        n = next(_counter)
        event_type = ontology.types[type]
        text = sentence or f"{source} {type.replace('_', ' ')} {target} (event {n})."
        return Event(
            id=id or f"e{n}", source=source, target=target, type=type,
            polarity=event_type.polarity,
            date=DateInterval(when, None, when or "", "sentence" if when else "none"),
            modality=modality, negated=negated, confidence=0.8,
            evidence=Evidence(text, 0, len(text), type),
            crosswalk=ontology.crosswalk(type), directed=event_type.directed,
            source_mention=source, target_mention=target,
        )

    return make


@pytest.fixture
def make_extraction() -> MakeExtraction:
    """Build the extraction of one document holding ``events``.

    The text is made of the events' sentences (plus a unique tag, so each call is a
    new document unless ``text`` is given); actors and mentions follow the events.
    """

    def make(*events: Event, text: str | None = None, doc_id: str | None = None,
             published: str | None = None) -> Extraction:
        n = next(_counter)
        body = text if text is not None else " ".join(
            [e.evidence.sentence for e in events] + [f"[doc {n}]"])
        doc = Document(id=doc_id or f"doc-{n}", text=body, title=f"Article {n}",
                       source="Test Wire", url=f"https://example.org/{n}",
                       origin=f"test-{n}.txt",
                       published=date.fromisoformat(published) if published else None)
        ids = list(dict.fromkeys(i for e in events for i in (e.source, e.target)))
        actors = [Actor(id=i, name=i.replace("-", " ").title()) for i in ids]
        mentions = [Mention(0, len(i), i, i, 0) for i in ids]
        return Extraction(document=doc, actors=actors, mentions=mentions,
                          events=list(events), dyads=[])

    return make


@pytest.fixture
def kb_file(tmp_path: Path) -> Path:
    """A YAML actor file with the fictional test actors (for ``--kb``)."""
    path = tmp_path / "test-actors.yaml"
    path.write_text(TEST_ACTORS, "utf-8")
    return path


@pytest.fixture
def only_test_actors(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Load only the --kb files, not the shipped actor files (they have tests of their
    own): for command-line tests, ``pytestmark = pytest.mark.usefixtures(...)``."""
    from tieline.actors import kb as kb_module

    monkeypatch.setattr(kb_module, "_shipped_files", lambda: [])
    kb_module._load_cached.cache_clear()
    yield
    kb_module._load_cached.cache_clear()


@pytest.fixture
def kb() -> KnowledgeBase:
    """A knowledge base of the test actors only."""
    return build_kb([("test-actors.yaml", TEST_ACTORS)])


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file in ``tmp_path``, or the database named by
    ``$TIELINE_TEST_DATABASE`` (e.g. a PostgreSQL URL), emptied first, so the same tests
    run on both."""
    url = os.environ.get("TIELINE_TEST_DATABASE")
    if not url:
        return f"sqlite:///{tmp_path / 'test.db'}"
    engine = sa.create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened
