"""Ingest: streaming, resumable by content hash, robust to bad records."""

from __future__ import annotations

import pytest

from tieline.errors import EmptyInputError, KnowledgeBaseError
from tieline.model import Document, Extraction
from tieline.store.ingest import IngestReport, ingest


class CountingPipeline:
    """Extracts nothing, counts the documents it saw; fails on texts saying 'boom'."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def extract(self, doc: Document) -> Extraction:
        self.seen.append(doc.id)
        if "boom" in doc.text:
            raise RuntimeError("stage crashed")
        return Extraction(document=doc, actors=[], mentions=[], events=[], dyads=[])


def reader_of(*items):
    def read(paths, published):
        return iter(items)
    return read


def test_ingest_adds_new_documents(store):
    docs = [Document(id="a", text="First story."), Document(id="b", text="Second story.")]

    report = ingest(["x"], store, CountingPipeline(), progress=False, reader=reader_of(*docs))

    assert (report.added, report.skipped_duplicates, report.errors) == (2, 0, [])
    assert store.stats()["documents"] == 2


def test_stored_documents_are_skipped_before_extraction(store):
    docs = [Document(id="a", text="First story."), Document(id="b", text="Second story.")]
    ingest(["x"], store, CountingPipeline(), progress=False, reader=reader_of(docs[0]))
    pipeline = CountingPipeline()

    report = ingest(["x"], store, pipeline, progress=False, reader=reader_of(*docs))

    assert pipeline.seen == ["b"]
    assert (report.added, report.skipped_duplicates) == (1, 1)


def test_bad_records_are_reported_and_the_rest_proceeds(store):
    items = [EmptyInputError("the file is empty", where="empty.txt"),
             Document(id="crash", text="This one goes boom."),
             Document(id="fine", text="This one is fine.")]

    report = ingest(["x"], store, CountingPipeline(), progress=False, reader=reader_of(*items))

    assert report.added == 1
    assert len(report.errors) == 2
    assert "empty.txt" in report.errors[0]
    assert "stage crashed" in report.errors[1]


def test_the_report_summarises_in_one_line():
    report = IngestReport(added=2, skipped_duplicates=1, errors=["x"], events_added=5)

    assert report.summary() == "2 documents added (5 events), 1 already stored, 1 failed"


def test_a_broken_knowledge_base_stops_the_run_at_once(store):
    class BrokenKb:
        def extract(self, doc):
            raise KnowledgeBaseError("link points to unknown id 'x'", where="mine.yaml")

    with pytest.raises(KnowledgeBaseError):
        ingest(["x"], store, BrokenKb(), progress=False,
               reader=reader_of(Document(id="a", text="Story.")))
