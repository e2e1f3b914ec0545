"""Extraction on several processes gives what one process gives, in the same order."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tieline.cli import main
from tieline.errors import ExtractionFailed, KnowledgeBaseError
from tieline.model import Document, Extraction
from tieline.parallel import ParallelPipeline, _portable
from tieline.pipeline import Pipeline
from tieline.read import read_documents

SAMPLE = "tieline/data/sample"


@pytest.fixture(scope="module")
def reports() -> list[Document]:
    documents = [d for d in read_documents([SAMPLE], None) if isinstance(d, Document)]
    assert len(documents) > 30, f"the sample reports under {SAMPLE} are missing"
    return documents


def _records(results) -> list[str]:
    return [json.dumps(r.to_dict(), sort_keys=True) for r in results]


def test_two_workers_give_what_one_process_gives(reports: list[Document]) -> None:
    alone = _records(Pipeline().extract_many(reports))

    # small batches, so that both workers get several
    together = _records(ParallelPipeline(workers=2, batch_documents=5).extract_many(reports))

    assert together == alone


def test_an_error_from_outside_tieline_comes_back_as_text() -> None:
    back = _portable(KeyError("actor"))

    assert isinstance(back, ExtractionFailed)
    assert "extraction failed: KeyError: 'actor'" in str(back)
    assert isinstance(_portable(Extraction(Document(id="d", text="x."), [], [], [], [])),
                      Extraction)


def test_a_broken_knowledge_base_is_reported_before_any_worker_starts(tmp_path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("- id: x\n  name: X\n  links: [{type: ally_of, target: nowhere}]\n"
                   "  source: test\n")

    with pytest.raises(KnowledgeBaseError):
        list(ParallelPipeline([str(bad)], workers=2).outcomes([Document(id="a", text="S.")]))


def test_extract_on_two_workers_from_the_command_line(tmp_path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "text": "In 2014, ABM pledged allegiance to ISIS."}\n'
                    '{"id": "b", "text": ""}\n'
                    '{"id": "c", "text": "Hamas trained the PIJ in 2010."}\n')

    result = CliRunner().invoke(main, ["extract", str(rows), "--workers", "2"])

    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "c"]
    assert "the document has no text" in result.stderr
    assert result.exit_code == 1


@pytest.fixture(scope="module")
def dask_scheduler():
    distributed = pytest.importorskip("distributed", reason="Dask is not installed "
                                      "(pip install 'tieline[cluster]')")
    # one worker thread in this process: no start-up of a second spaCy
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_dask_cluster_gives_what_one_process_gives(reports: list[Document],
                                                     dask_scheduler: str) -> None:
    from tieline.parallel import DaskPipeline

    alone = _records(Pipeline().extract_many(reports))

    on_dask = DaskPipeline(dask_scheduler, batch_documents=7).outcomes(reports)

    assert _records(r for _, r in on_dask) == alone


def test_ingest_on_a_dask_cluster_from_the_command_line(tmp_path, dask_scheduler: str) -> None:
    db = tmp_path / "x.db"

    result = CliRunner().invoke(main, ["ingest", SAMPLE, "--db", str(db), "--no-progress",
                                       "--dask", dask_scheduler])

    assert result.exit_code == 0, result.output
    assert "37 documents added" in result.stdout


def test_workers_and_dask_exclude_each_other(tmp_path) -> None:
    result = CliRunner().invoke(main, ["extract", SAMPLE, "--workers", "2",
                                       "--dask", "tcp://127.0.0.1:1"])

    assert result.exit_code == 2
    assert "--workers and --dask exclude each other" in result.stderr


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path) -> None:
    from tieline.errors import TielineError
    from tieline.parallel import DaskPipeline

    pytest.importorskip("distributed")
    pipe = DaskPipeline("tcp://127.0.0.1:9", [], connect_timeout=1)
    pipe_outcomes = pipe.outcomes([Document(id="a", text="Hamas armed the PIJ.")])

    with pytest.raises(TielineError, match="cannot reach the Dask scheduler"):
        next(pipe_outcomes)
