"""The benchmarks' smoke tests: the corpus is deterministic and the runner works.

No timing is asserted here (speed is measured by ``make bench``, not by tests).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# bench/ sits next to tests/ at the repository root, which plain `pytest` does not
# put on sys.path (`python -m pytest` does).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import build_corpus, fingerprint, main, total_words  # noqa: E402
from bench.run import run, write  # noqa: E402


@pytest.mark.parametrize("mix", ["news", "dense"])
def test_corpus_is_deterministic(mix):
    first = build_corpus(3000, seed=5, mix=mix)
    again = build_corpus(3000, seed=5, mix=mix)
    assert fingerprint(first) == fingerprint(again)
    assert [d.published for d in first] == [d.published for d in again]
    assert total_words(first) >= 3000


def test_corpus_depends_on_the_seed_and_grows_as_a_prefix():
    small = build_corpus(3000, seed=5)
    assert fingerprint(small) != fingerprint(build_corpus(3000, seed=6))
    larger = build_corpus(6000, seed=5)
    assert fingerprint(larger[: len(small)]) == fingerprint(small)


def test_news_corpus_mixes_filler_and_actor_sentences():
    text = " ".join(d.text for d in build_corpus(5000, seed=5))
    assert "{" not in text and "}" not in text  # every slot filled
    assert "percent" in text  # filler prose
    assert any(d.title == "armed_group_story" for d in build_corpus(5000, seed=5))


def test_corpus_command_writes_jsonl(capsys):
    assert main(["--words", "500", "--seed", "3"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all({"id", "text", "published"} <= set(r) for r in records)


def test_bench_runs_on_a_tiny_corpus(tmp_path):
    results = run(matching_words=800, pipeline_words=400, dense_words=300, repeats=1,
                  memory_documents=(3, 6), query_events=3000)
    results["environment"] = {"date": "today", "git_commit": None, "python": "3", "spacy": "3",
                              "cpu_model": "cpu", "cpu_count": 1, "pinned_cpu": None,
                              "platform": "test"}
    write(results, tmp_path)
    saved = json.loads((tmp_path / "results.json").read_text())
    names = [b["name"] for b in saved["benchmarks"]]
    assert names == ["actor_matching", "actor_matching_fuzzy", "actor_stage",
                     "actor_matching_dense", "actor_matching_fuzzy_dense", "actor_stage_dense",
                     "pipeline_vs_spacy", "pipeline_vs_spacy_dense"]
    for bench in saved["benchmarks"]:
        assert {"words", "seconds", "words_per_s", "target", "pass"} <= set(bench)
        assert bench["words"] > 0 and bench["seconds"] > 0
    pipeline = saved["benchmarks"][6]
    assert pipeline["ratio"] > 0 and pipeline["target"] == 5.0
    assert "pipeline_vs_spacy" in (tmp_path / "RESULTS.md").read_text()
    memory = saved["memory"]
    assert [r["documents"] for r in memory["runs"]] == [3, 6]
    assert all(r["added"] == r["documents"] and r["peak_mb"] > 50 for r in memory["runs"])
    assert memory["projected_documents"] == 100_000 and memory["target_mb"] == 1024
    assert "projected peak at 100,000 documents" in (tmp_path / "RESULTS.md").read_text()
    query = saved["query"]
    assert query["events_in_store"] == 3000 and query["pair_events"] >= 400
    assert query["states"] > 0 and query["ms"] > 0
    assert "dyad_timeline_1m" in (tmp_path / "RESULTS.md").read_text()
