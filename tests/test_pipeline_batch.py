"""Extracting in batches: the same results as one at a time, one failure kept to itself."""

from __future__ import annotations

import json

import pytest

from tieline.errors import KnowledgeBaseError
from tieline.model import Document, Extraction
from tieline.pipeline import Pipeline
from tieline.read import read_documents
from tieline.store.ingest import ingest

SAMPLE = "tieline/data/sample"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def reports() -> list[Document]:
    documents = [d for d in read_documents([SAMPLE], None) if isinstance(d, Document)]
    assert len(documents) > 30, f"the sample reports under {SAMPLE} are missing"
    return documents


def _record(extraction: Extraction | Exception) -> str:
    assert isinstance(extraction, Extraction), extraction
    return json.dumps(extraction.to_dict(), sort_keys=True)


def test_a_batch_gives_what_one_at_a_time_gives(pipeline: Pipeline,
                                                reports: list[Document]) -> None:
    one_by_one = [_record(pipeline.extract(d)) for d in reports]

    batched = [_record(x) for x in pipeline.extract_batch(reports)]

    assert batched == one_by_one
    assert sum(json.loads(r)["events"] != [] for r in batched) > 20


def test_a_document_that_fails_keeps_its_place_and_spares_the_others(
        pipeline: Pipeline, reports: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    find = pipeline.matcher.find

    def fragile(text: str):  # a stage bug triggered by one document only
        if "BOOM" in text:
            raise RuntimeError("matcher crashed")
        return find(text)

    monkeypatch.setattr(pipeline.matcher, "find", fragile)
    batch = [reports[0], Document(id="bad", text="BOOM. Hamas armed the PIJ."), reports[1]]

    first, bad, last = pipeline.extract_batch(batch)

    assert isinstance(bad, RuntimeError)
    assert _record(first) == _record(pipeline.extract(reports[0]))
    assert _record(last) == _record(pipeline.extract(reports[1]))


def test_outcomes_pair_every_document_with_its_result_in_order(
        pipeline: Pipeline, reports: list[Document]) -> None:
    documents = reports * 3  # more than one batch

    pairs = list(pipeline.outcomes(documents))

    assert [d.id for d, _ in pairs] == [d.id for d in documents]
    assert all(isinstance(r, Extraction) and r.document is d for d, r in pairs)


def test_a_broken_knowledge_base_is_raised_not_blamed_on_a_document(tmp_path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("- id: x\n  name: X\n  links: [{type: ally_of, target: nowhere}]\n"
                   "  source: test\n")

    with pytest.raises(KnowledgeBaseError):
        Pipeline([str(bad)]).extract_batch([Document(id="a", text="Story.")])


class StreamingPipeline:
    """Takes the whole stream (as Pipeline and ParallelPipeline do); fails on 'boom'."""

    def __init__(self) -> None:
        self.streams = 0

    def outcomes(self, docs):
        self.streams += 1
        for d in docs:
            yield d, (RuntimeError("stage crashed") if "boom" in d.text else
                      Extraction(document=d, actors=[], mentions=[], events=[], dyads=[]))

    def extract(self, doc: Document) -> Extraction:
        raise AssertionError("ingest should hand over the stream")


def test_ingest_hands_the_stream_over_and_reports_the_failures(store) -> None:
    docs = [Document(id=f"d{i}", text=f"Story {i}." + (" boom" if i == 70 else ""))
            for i in range(100)]
    pipeline = StreamingPipeline()

    report = ingest(["x"], store, pipeline, progress=False, reader=lambda p, d: iter(docs))

    assert pipeline.streams == 1
    assert report.added == 99
    assert report.errors == ["d70: extraction failed: RuntimeError: stage crashed"]
