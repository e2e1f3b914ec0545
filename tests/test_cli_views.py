"""The commands over the whole store: actor, network, changes, export, report, correct."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tieline import cli_views
from tieline.cli import main
from tieline.store.store import Store

A, B = "amber-lions", "cobalt-guard"


pytestmark = pytest.mark.usefixtures("only_test_actors")


def run(command, *args):
    return CliRunner().invoke(command, [str(a) for a in args])


@pytest.fixture
def filled_db(db_url, make_event, make_extraction):
    """Amber Lions train Cobalt Legion (Cobalt Guard's former self) in 2014; Cobalt
    Guard clashes with them in 2017."""
    with Store(db_url) as store:
        store.add(make_extraction(
            make_event(A, "cobalt-legion", "training", "2014", id="training"),
            make_event(B, A, "armed_clash", "2017-11", id="clash"),
            doc_id="article-1"))
    return db_url


def test_every_command_is_registered_with_the_main_group():
    for command in cli_views.commands:
        assert main.get_command(None, command.name) is command


def test_actor_table_shows_names_links_and_latest_ties(filled_db, kb_file):
    result = run(cli_views.actor, "Cobalt Guard", "--db", filled_db, "--kb", kb_file)

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Cobalt Guard  [cobalt-guard, armed_group]"
    assert "names over time: Cobalt Legion (until 2015); Cobalt Guard (2015–)" in result.stdout
    assert "Cobalt Legion is renamed_to it (2015)" in result.stdout
    assert any(line.split()[:4] == ["Amber", "Lions", "violent_rivalry", "conflict"]
               for line in result.stdout.splitlines())


def test_actor_at_a_date_shows_the_ties_holding_then(filled_db, kb_file):
    result = run(cli_views.actor, "cobalt-guard", "--at", "2015", "--db", filled_db,
                 "--kb", kb_file, "--format", "json")

    out = json.loads(result.stdout)
    assert out["at"] == "2015-12-31"
    assert [(t["counterpart"], t["relation"]) for t in out["ties"]] == [(A, "tactical_alliance")]


def test_network_json_lists_actors_and_ties(filled_db, kb_file):
    result = run(cli_views.network, "--at", "2017-12-31", "--db", filled_db, "--kb", kb_file,
                 "--format", "json")

    out = json.loads(result.stdout)
    assert [a["id"] for a in out["actors"]] == [A, B]
    assert [(t["a"], t["b"], t["relation"]) for t in out["ties"]] == [(A, B, "violent_rivalry")]


def test_network_table(filled_db, kb_file):
    result = run(cli_views.network, "--at", "2014", "--db", filled_db, "--kb", kb_file)

    assert result.stdout.splitlines()[0] == "Network at 2014-12-31: 1 ties among 2 actors"


def test_changes_since_lists_turning_points_with_their_events(filled_db, kb_file):
    table = run(cli_views.changes, "--since", "2017", "--db", filled_db, "--kb", kb_file)
    later = run(cli_views.changes, "--since", "2018-01-01", "--db", filled_db, "--kb", kb_file,
                "--format", "json")

    assert table.stdout.splitlines()[0].startswith(
        "Amber Lions — Cobalt Guard: 2014 → 2017  tactical_alliance → violent_rivalry")
    assert "2017-11    armed_clash" in table.stdout
    assert json.loads(later.stdout) == []


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "jsonl", "plover"])
def test_export_writes_the_file_and_says_what(filled_db, kb_file, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"

    result = run(cli_views.export, "--format", fmt, "-o", target, "--db", filled_db,
                 "--kb", kb_file)

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote ") and target.stat().st_size > 0


def test_report_writes_the_brief(filled_db, kb_file, tmp_path):
    target = tmp_path / "brief.html"

    result = run(cli_views.report, "Amber Lions", "Cobalt Guard", "-o", target,
                 "--db", filled_db, "--kb", kb_file)

    assert result.stdout == f"wrote {target}: 2 states, 1 turning points, 2 events\n"
    assert "<svg" in target.read_text("utf-8")


def test_correct_records_a_correction_that_the_views_honour(filled_db, kb_file):
    result = run(cli_views.correct, "clash", "edit", "type=threat", "--note", "words only",
                 "--db", filled_db)
    network = run(cli_views.network, "--db", filled_db, "--kb", kb_file, "--format", "json")

    assert result.stdout == 'edit clash (article-1): {"type": "threat"}\n'
    assert json.loads(network.stdout)["ties"][0]["relation"] == "rhetorical_rivalry"


@pytest.mark.parametrize("args, message", [
    (["correct", "nope", "reject"], "no stored event has id 'nope'"),
    (["correct", "clash", "edit", "colour=red"], "cannot edit colour"),
    (["actor", "Cobalt Gaurd"], "did you mean: Cobalt Guard"),
    (["report", "Amber Lions", "Amber Lions", "-o", "x.html"], "are the same actor"),
])
def test_errors_are_one_line_with_a_reason(filled_db, kb_file, args, message):
    result = run(main, *args, "--db", filled_db, *(["--kb", kb_file] if args[0] != "correct" else []))

    assert result.exit_code == 2
    assert result.stderr.startswith("error: [T")
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["network", "changes", "export"])
def test_a_bad_date_is_a_usage_error(filled_db, command):
    option = "--since" if command == "changes" else "--at"
    extra = ["--format", "csv", "-o", "x.csv"] if command == "export" else []

    result = run(main, command, option, "last year", *extra, "--db", filled_db)

    assert result.exit_code == 2
    assert "is not a date; write YYYY, YYYY-MM or YYYY-MM-DD" in result.stderr


def test_a_missing_database_is_reported(tmp_path):
    result = run(cli_views.network, "--db", tmp_path / "none.db")

    assert result.exit_code == 2 and "no database at" in result.stderr


# Names as of the time: the test knowledge base renames Cobalt Legion Cobalt Guard in 2015.

def test_actor_at_a_date_is_headed_by_the_name_it_bore_then(filled_db, kb_file):
    table = run(cli_views.actor, "Cobalt Guard", "--at", "2014", "--db", filled_db, "--kb", kb_file)
    out = json.loads(run(cli_views.actor, "Cobalt Guard", "--at", "2014", "--db", filled_db,
                         "--kb", kb_file, "--format", "json").stdout)

    assert table.stdout.splitlines()[0] == \
        "Cobalt Legion (now Cobalt Guard)  [cobalt-guard, armed_group]  at 2014-12-31"
    assert out["actor"]["name_at"] == "Cobalt Legion" and out["actor"]["name"] == "Cobalt Guard"


def test_actor_ties_name_the_counterpart_as_at_the_tie(filled_db, kb_file):
    out = json.loads(run(cli_views.actor, "Amber Lions", "--at", "2014", "--db", filled_db,
                         "--kb", kb_file, "--format", "json").stdout)
    table = run(cli_views.actor, "Amber Lions", "--at", "2014", "--db", filled_db, "--kb", kb_file)

    assert [(t["counterpart"], t["counterpart_name_then"]) for t in out["ties"]] == \
        [(B, "Cobalt Legion")]
    assert any(line.split()[:3] == ["Cobalt", "Legion", "tactical_alliance"]
               for line in table.stdout.splitlines())


def test_network_names_each_pair_as_at_the_tie(filled_db, kb_file):
    early = run(cli_views.network, "--at", "2014", "--db", filled_db, "--kb", kb_file)
    latest = json.loads(run(cli_views.network, "--db", filled_db, "--kb", kb_file,
                            "--format", "json").stdout)

    assert early.stdout.splitlines()[1].split()[:4] == ["Amber", "Lions", "Cobalt", "Legion"]
    assert [(t["a"], t["b"], t["a_name"], t["b_name"]) for t in latest["ties"]] == \
        [(A, B, "Amber Lions", "Cobalt Guard")]


def test_changes_show_the_names_of_their_time(db_url, make_event, make_extraction, kb_file):
    with Store(db_url) as store:
        store.add(make_extraction(
            make_event(A, "cobalt-guard", "training", "2012", id="early-training"),
            make_event("cobalt-guard", A, "armed_clash", "2014-06", id="early-clash")))
    table = run(cli_views.changes, "--db", db_url, "--kb", kb_file)
    out = json.loads(run(cli_views.changes, "--db", db_url, "--kb", kb_file, "--format", "json").stdout)

    assert table.stdout.splitlines()[0].startswith(
        "Amber Lions — Cobalt Legion (now Cobalt Guard): 2012 → 2014")
    assert "Cobalt Legion → Amber Lions" in table.stdout
    assert (out[0]["b_name"], out[0]["b_name_then"]) == ("Cobalt Guard", "Cobalt Legion")


def test_csv_export_names_each_dyad_year_as_then(filled_db, kb_file, tmp_path):
    import csv

    target = tmp_path / "years.csv"
    run(cli_views.export, "--format", "csv", "-o", target, "--db", filled_db, "--kb", kb_file)
    rows = {r["year"]: r["actor2"] for r in csv.DictReader(target.open(encoding="utf-8"))}

    assert rows == {"2014": "Cobalt Legion", "2017": "Cobalt Guard"}
