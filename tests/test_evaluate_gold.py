"""Reading gold files: both formats, and every bad record reported with its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tieline.errors import GoldFormatError
from tieline.evaluate.files import load_gold, load_predictions, with_published
from tieline.evaluate.gold import GoldDate, parse_gold_date

DOC = {"id": "d1", "published": "2014-08-02",
       "text": "Hezbollah trained the Mahdi Army in 2003.",
       "actors": [{"name": "Hezbollah", "mentions": ["Hezbollah"]},
                  {"name": "Mahdi Army", "aliases": ["JAM"], "mentions": ["the Mahdi Army"]}],
       "events": [{"source": "Hezbollah", "target": "Mahdi Army", "type": "training",
                   "date": "2003", "modality": "reported"}]}
ROW = {"id": "r1", "text": "The GSPC split from the GIA in 1998.", "group1": "GIA",
       "group2": "GSPC", "type": "spl", "year": 1998}


def write_lines(path: Path, *records: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                            for r in records), "utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)
    return caught.value.problems


def test_annotated_documents_load_as_typed_records(tmp_path: Path) -> None:
    gold = load_gold(write_lines(tmp_path / "g.jsonl", DOC))
    assert gold.format == "documents"
    [doc] = gold.documents
    [event] = doc.events
    assert (event.source, event.target, event.types, event.polarity) == (
        "Hezbollah", "Mahdi Army", ("training",), "cooperation")
    assert event.date == GoldDate("2003", None, "2003") and event.modality == "reported"
    assert event.directed and doc.actor("Mahdi Army").names() == ["Mahdi Army", "JAM"]
    assert doc.where == f"{tmp_path / 'g.jsonl'}:1"


def test_mapping_militants_rows_load(tmp_path: Path) -> None:
    gold = load_gold(write_lines(tmp_path / "rows.jsonl", ROW))
    assert gold.format == "mmp" and gold.rows[0].year_stated()


def test_json_with_a_documents_list_loads(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"documents": [DOC, {**DOC, "id": "d2"}]}, indent=1), "utf-8")
    assert [d.id for d in load_gold(path).documents] == ["d1", "d2"]


def test_a_seed_style_document_reads_its_text_from_a_folder_above(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "article.txt").write_text(DOC["text"], "utf-8")
    (tmp_path / "eval").mkdir()
    seed = {"document": "corpus/article.txt", "published": "2018-01",
            "actors": DOC["actors"], "events": [{**DOC["events"][0], "type": "logistics_training"}]}
    (tmp_path / "eval" / "seed.json").write_text(json.dumps(seed, indent=1), "utf-8")
    [doc] = load_gold(tmp_path / "eval" / "seed.json").documents
    assert doc.id == "article" and doc.text == DOC["text"]
    assert doc.events[0].types == ("logistics", "training")   # type-aliases.yaml
    [dated] = with_published([doc], "2018-01-25")
    assert str(dated.published) == "2018-01-25"


def test_bad_records_are_all_reported_with_their_lines(tmp_path: Path) -> None:
    bad_type = {**DOC, "id": "d2", "events": [{**DOC["events"][0], "type": "trainig"}]}
    bad_actor = {**DOC, "id": "d3", "events": [{**DOC["events"][0], "target": "ISIS"}]}
    path = write_lines(tmp_path / "g.jsonl", DOC, bad_type, "{broken", bad_actor, DOC)
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:2: events[0].type: 'trainig'") for p in problems)
    assert any(p.startswith(f"{path}:3: not valid JSON") for p in problems)
    assert any(p.startswith(f"{path}:4: events[0].target: 'ISIS' is not the name of an actor")
               for p in problems)
    assert any(p.startswith(f"{path}:5: id 'd1' was already used at line 1") for p in problems)


def test_problems_inside_a_json_file_point_at_the_event_line(tmp_path: Path) -> None:
    event = json.dumps(DOC["events"][0])
    path = tmp_path / "g.json"
    path.write_text("\n".join([
        '{"documents": [',
        f' {{"id": "d1", "text": "{DOC["text"]}",',
        f'  "actors": {json.dumps(DOC["actors"])},',
        f'  "events": [{event},',
        f'             {event[:-1]}, "modality": "rumoured"}}]}}',
        ']}']), "utf-8")
    assert problems_of(path) == [
        f"{path}:5: events[1].modality: 'rumoured' is not one of asserted, reported, "
        "alleged, speculative"]


@pytest.mark.parametrize("change, message", [
    ({"polarity": "conflict"}, "contradicts type 'training'"),
    ({"date": "sometime"}, "cannot read 'sometime' as a date"),
    ({"negated": "yes"}, "must be true or false"),
    ({"modalty": "reported"}, "unknown keys ['modalty']"),
])
def test_event_mistakes_are_named(tmp_path: Path, change: dict[str, object],
                                  message: str) -> None:
    doc = {**DOC, "events": [{**DOC["events"][0], **change}]}
    [problem] = problems_of(write_lines(tmp_path / "g.jsonl", doc))
    assert message in problem


def test_a_row_with_a_bad_type_is_refused(tmp_path: Path) -> None:
    [problem] = problems_of(write_lines(tmp_path / "rows.jsonl", {**ROW, "type": "ally"}))
    assert "type: 'ally' is not one of all, riv, aff, spl, mer" in problem


def test_a_file_of_neither_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no record looks like a gold record"):
        load_gold(write_lines(tmp_path / "x.jsonl", {"id": "a", "text": "t"}))


@pytest.mark.parametrize("value, expected", [
    ("2014", GoldDate("2014", None, "2014")),
    (2014, GoldDate("2014", None, "2014")),
    ("June 2014", GoldDate("2014-06", None, "June 2014")),
    ("2015-10/2015-12", GoldDate("2015-10", "2015-12", "2015-10/2015-12")),
    ("before 2017", GoldDate(None, "2017", "before 2017")),
    ("2014 onward", GoldDate("2014", None, "2014 onward")),
    ({"start": "1990", "end": "1999"}, GoldDate("1990", "1999", "")),
    (None, None),
])
def test_gold_dates(value: object, expected: GoldDate | None) -> None:
    assert parse_gold_date(value) == expected


def test_prediction_files_are_checked_per_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "out.jsonl", {"id": "d1", "actors": [], "events": []},
                       {"id": "d2", "events": [{"type": "training"}]})
    with pytest.raises(GoldFormatError) as caught:
        load_predictions(path)
    assert caught.value.problems == [f"{path}:2: events[0]: needs 'source' and 'target'"]
