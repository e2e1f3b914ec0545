"""The store's commands: ingest, stats, dyad."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tieline import cli_store
from tieline.errors import EmptyInputError
from tieline.model import Document, Extraction
from tieline.store import ingest as ingest_module
from tieline.store.store import Store


pytestmark = pytest.mark.usefixtures("only_test_actors")


def run(command, *args):
    return CliRunner().invoke(command, [str(a) for a in args])


@pytest.fixture
def filled_db(db_url, make_event, make_extraction):
    """A store holding a small Amber Lions – Cobalt Guard story."""
    with Store(db_url) as store:
        store.add(make_extraction(
            make_event("amber-lions", "cobalt-guard", "arms_transfer", "2014-03",
                       modality="reported",
                       sentence="Amber Lions reportedly smuggled rockets to the Cobalt "
                                "Guard through the tunnels under the border, officials "
                                "said on Tuesday."),
            make_event("cobalt-guard", "amber-lions", "armed_clash", "2017-11",
                       sentence="Cobalt Guard fighters clashed with the Amber Lions."),
            make_event("amber-lions", "cobalt-guard", "training", "2016", negated=True,
                       sentence="Amber Lions denied training Cobalt Guard fighters."),
        ))
    return db_url


def test_stats_json_prints_exactly_the_three_counts(filled_db):
    result = run(cli_store.stats, "--db", filled_db, "--format", "json")

    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"documents": 1, "events": 3, "actors": 2}


def test_stats_table_lists_the_counts(filled_db):
    result = run(cli_store.stats, "--db", filled_db)

    assert result.stdout.split() == ["documents", "1", "events", "3", "actors", "2"]


def test_a_missing_database_is_an_error_without_traceback(tmp_path):
    result = run(cli_store.stats, "--db", tmp_path / "none.db")

    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "no database at" in result.stderr
    assert "Traceback" not in result.output


def test_dyad_table_shows_states_then_events_with_flags(filled_db, kb_file):
    result = run(cli_store.dyad, "Amber Lions", "Cobalt Guard",
                 "--db", filled_db, "--kb", kb_file)

    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "Amber Lions — Cobalt Guard"
    assert any(line.split()[:2] == ["2014", "transactional"] for line in lines)
    assert any(line.split()[:2] == ["2017", "violent_rivalry"] for line in lines)
    # each event shows the names of its time: Cobalt Guard was Cobalt Legion until 2015
    assert "Amber Lions → Cobalt Legion  [reported]" in result.stdout
    assert "Amber Lions → Cobalt Guard  [NOT]" in result.stdout
    assert "Cobalt Guard ↔ Amber Lions" in result.stdout      # a clash has no direction
    assert "    under the border, officials said on Tuesday." in lines  # wrapped, indented


def test_dyad_table_lists_events_by_date(filled_db, kb_file):
    result = run(cli_store.dyad, "cobalt-guard", "amber-lions",
                 "--db", filled_db, "--kb", kb_file)

    events = result.stdout.split("\nEvents\n")[1]
    positions = [events.index(d) for d in ("2014-03 ", "2016 ", "2017-11 ")]
    assert positions == sorted(positions)


def test_dyad_json_is_the_timeline_dict(filled_db, kb_file):
    result = run(cli_store.dyad, "Lions of Amber", "Cobalt Guard",
                 "--db", filled_db, "--kb", kb_file, "--format", "json")

    out = json.loads(result.stdout)
    assert out["a"] == {"id": "amber-lions", "name": "Amber Lions"}
    assert [s["period"] for s in out["states"]] == ["2014", "2016", "2017"]
    assert {"id", "document", "evidence", "modality"} <= set(out["events"][0])


def test_dyad_with_an_unknown_actor_suggests_close_names(filled_db, kb_file):
    result = run(cli_store.dyad, "Amber Lions", "Cobalt Gaurd",
                 "--db", filled_db, "--kb", kb_file)

    assert result.exit_code == 2
    assert "error: " in result.stderr
    assert "no actor is called 'Cobalt Gaurd'" in result.stderr
    assert "Cobalt Guard" in result.stderr


class OneEventPipeline:
    def extract(self, doc: Document) -> Extraction:
        return Extraction(document=doc, actors=[], mentions=[], events=[], dyads=[])


@pytest.fixture
def fake_reading(monkeypatch):
    """Paths become documents whose text is the path; paths ending in .bad fail."""

    def read(paths, published):
        for path in paths:
            if path.endswith(".bad"):
                yield EmptyInputError("the file is empty", where=path)
            else:
                yield Document(id=path, text=f"Story from {path}.", published=published)

    monkeypatch.setattr(ingest_module, "_default_reader", read)
    monkeypatch.setattr(cli_store, "make_pipeline", lambda kb_files, workers=1, dask_address=None: OneEventPipeline())


def test_ingest_prints_a_summary_and_is_idempotent(fake_reading, db_url):
    first = run(cli_store.ingest, "a.txt", "b.txt", "--db", db_url, "--no-progress")
    again = run(cli_store.ingest, "a.txt", "b.txt", "--db", db_url, "--no-progress")

    assert first.exit_code == again.exit_code == 0
    assert first.stdout == "2 documents added (0 events), 0 already stored, 0 failed\n"
    assert again.stdout == "0 documents added (0 events), 2 already stored, 0 failed\n"


def test_ingest_exits_1_after_processing_the_rest_when_a_record_fails(fake_reading, db_url):
    result = run(cli_store.ingest, "a.txt", "empty.bad", "c.txt",
                 "--db", db_url, "--no-progress")

    assert result.exit_code == 1
    assert "empty.bad" in result.stderr
    assert result.stdout.startswith("2 documents added")


@pytest.mark.parametrize("command", cli_store.commands, ids=lambda c: c.name)
def test_every_command_explains_itself_with_an_example(command):
    result = run(command, "--help")

    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"tieline {command.name} " in result.stdout
