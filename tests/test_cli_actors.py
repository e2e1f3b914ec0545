"""`tieline actors --unknown`: the groups a user should add to the knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from tieline.actors.kb import build_kb
from tieline.cli import main

REPORT = ("Hamas fought alongside the Nasser Salahuddin Brigade near Rafah in 2014. "
          "Later the Nasser Salahuddin Brigade clashed with Fatah.")


def ingest(tmp_path: Path) -> str:
    db = str(tmp_path / "t.db")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "r.txt"), "--db", db, "--no-progress"])
    assert result.exit_code == 0, result.output
    return db


def test_unknown_lists_candidates_with_counts_and_context(tmp_path: Path) -> None:
    db = ingest(tmp_path)
    result = CliRunner().invoke(main, ["actors", "--unknown", "--db", db, "--format", "json"])
    [row] = json.loads(result.output)
    assert row["name"] == "Nasser Salahuddin Brigade"
    assert (row["mentions"], row["documents"]) == (2, 1) and row["events"] >= 2
    assert "Rafah" in row["example"]["context"]


def test_yaml_output_is_a_valid_knowledge_base_file(tmp_path: Path) -> None:
    db = ingest(tmp_path)
    result = CliRunner().invoke(main, ["actors", "--unknown", "--db", db, "--format", "yaml"])
    kb = build_kb([("mine.yaml", result.output)])
    assert [a.name for a in kb] == ["Nasser Salahuddin Brigade"]
    assert yaml.safe_load(result.output)[0]["id"] == "nasser-salahuddin-brigade"


def test_all_actors_include_known_ones(tmp_path: Path) -> None:
    db = ingest(tmp_path)
    result = CliRunner().invoke(main, ["actors", "--db", db])
    assert "Hamas (hamas)" in result.output and "Fatah (fatah)" in result.output


def test_unknown_shows_each_candidate_with_the_sentence_it_was_seen_in(tmp_path: Path) -> None:
    db = ingest(tmp_path)
    result = CliRunner().invoke(main, ["actors", "--unknown", "--db", db])
    lines = result.output.splitlines()
    assert any("Nasser Salahuddin Brigade (candidate-nasser-salahuddin-brigade)" in x for x in lines)
    assert any(x.strip().endswith("near Rafah in 2014.") for x in lines)
    assert not any("Hamas (hamas)" in x for x in lines)
