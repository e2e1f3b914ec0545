"""`tieline extract`: the output contract, and bad input that loses nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tieline.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_output_follows_the_contract(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("In 2009, al-Shabaab clashed with Hizbul Islam in Kismayo.", "utf-8")
    code, out, _ = run("extract", str(doc), "--published", "2009-10-03")
    assert code == 0
    record = json.loads(out)
    assert set(record) >= {"id", "actors", "events", "dyads"}
    [event] = record["events"]
    assert set(event) >= {"id", "source", "target", "type", "polarity", "date", "modality",
                          "negated", "confidence", "evidence", "crosswalk"}
    assert event["date"]["start"] == "2009" and event["crosswalk"]["mmp"] == "riv"
    assert record["dyads"][0]["crosswalk"]["mmp"] == "riv"


def test_bad_records_are_reported_and_the_rest_is_output(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00\x10binary")
    (tmp_path / "latin1.txt").write_bytes("Hamas à Gaza".encode("latin-1"))
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "r1", "text": "Hamas clashed with Fatah in 2007."}\n{broken\n'
        '{"id": "r3", "text": "Fatah clashed with Hamas in 2007."}\n', "utf-8")
    (tmp_path / "good.txt").write_text("Hezbollah trained the Mahdi Army in 2003.", "utf-8")
    files = [str(tmp_path / n) for n in ("empty.txt", "binary.txt", "latin1.txt", "rows.jsonl",
                                         "good.txt")]
    code, out, err = run("extract", *files)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r1", "r3", "good"]
    for name in ("empty.txt", "binary.txt", "latin1.txt", "rows.jsonl:2"):
        assert name in err
    assert "4 record(s) failed" in err


def test_table_format_is_readable(tmp_path: Path) -> None:
    doc = tmp_path / "b.txt"
    doc.write_text("Hamas reportedly supplied weapons to Fatah in 2007.", "utf-8")
    code, out, _ = run("extract", str(doc), "--format", "table")
    assert code == 0
    assert "arms_transfer" in out and "[reported]" in out and "Hamas → Fatah" in out


def test_every_command_has_help() -> None:
    for command in ("extract", "ingest", "stats", "dyad", "demo", "eval", "actor", "actors",
                    "network", "changes", "export", "report", "correct"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Example" in out, command
