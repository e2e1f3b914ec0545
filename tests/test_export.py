"""Every export read back with the tools users open it in: networkx, pandas, json."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
import pandas as pd
import pytest

from tieline.errors import ExportError
from tieline.export import FORMATS, export_store
from tieline.relations.corrections import correct
from tieline.relations.dyad import dyad_timeline

A, B = "amber-lions", "cobalt-guard"


@pytest.fixture
def filled(store, make_event, make_extraction):
    """Training in 2014 (by Cobalt Guard's predecessor), a reported clash in 2017, a
    denied arms transfer in 2017, an undated statement of support, in two documents."""
    store.add(make_extraction(
        make_event("cobalt-legion", A, "training", "2014-03", id="training"),
        make_event(A, B, "armed_clash", "2017-05", id="clash", modality="reported"),
        doc_id="article-1"))
    store.add(make_extraction(
        make_event(A, B, "arms_transfer", "2017-08", id="denied", negated=True),
        make_event(B, A, "rhetorical_support", None, id="undated"),
        doc_id="article-2"))
    return store


def export(store, kb, tmp_path, fmt, at=None):
    path = tmp_path / f"out.{fmt}"
    summary = export_store(store, kb, fmt, path, at)
    return path, summary


def test_graphml_is_the_latest_tie_of_each_pair_with_named_nodes(filled, kb, tmp_path):
    path, summary = export(filled, kb, tmp_path, "graphml")

    graph = nx.read_graphml(path)
    assert (summary.items, summary.unit) == (1, "ties")
    assert graph.nodes[B]["label"] == "Cobalt Guard"
    edge = graph.edges[A, B]
    assert (edge["relation"], edge["polarity"], edge["period"]) == ("violent_rivalry",
                                                                   "conflict", "2017")
    assert (edge["mmp"], edge["mgar"]) == ("riv", "competitors")
    assert 0 < edge["confidence"] < 1


def test_graphml_at_a_date_is_the_network_then(filled, kb, tmp_path):
    path, _ = export(filled, kb, tmp_path, "graphml", at=date(2015, 12, 31))

    graph = nx.read_graphml(path)
    assert graph.graph["at"] == "2015-12-31"
    assert graph.edges[A, B]["relation"] == "tactical_alliance"
    assert graph.edges[A, B]["events"] == "training"


def test_gexf_is_dynamic_with_the_relation_over_time_on_the_edge(filled, kb, tmp_path):
    path, summary = export(filled, kb, tmp_path, "gexf")

    graph = nx.read_gexf(path)
    text = path.read_text("utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    edge = graph.edges[A, B]
    assert edge["spells"] == [("2014-01-01", "2014-12-31"), ("2017-01-01", "2017-12-31")]
    assert edge["relation"] == [("tactical_alliance", "2014-01-01", "2014-12-31"),
                                ("violent_rivalry", "2017-01-01", "2017-12-31")]
    assert graph.nodes[A]["label"] == "Amber Lions"
    assert (graph.nodes[A]["start"], graph.nodes[A]["end"]) == ("2014-01-01", "2017-12-31")
    assert summary.items == 1


def test_gexf_at_a_date_stops_there(filled, kb, tmp_path):
    path, _ = export(filled, kb, tmp_path, "gexf", at=date(2016, 6, 1))

    assert nx.read_gexf(path).edges[A, B]["spells"] == [("2014-01-01", "2014-12-31")]


def test_csv_is_one_row_per_dyad_year_with_crosswalk_categories(filled, kb, tmp_path):
    path, summary = export(filled, kb, tmp_path, "csv")

    rows = pd.read_csv(path, keep_default_na=False)
    assert summary.items == len(rows) == 2
    assert rows[["year", "actor1_id", "actor2_id", "relation"]].values.tolist() == [
        [2014, A, B, "tactical_alliance"], [2017, A, B, "violent_rivalry"]]
    first, second = rows.to_dict("records")
    assert (first["mgar_category"], first["mgar_content"], first["mmp"]) == (
        "associates", "training", "all")
    assert (second["mgar_category"], second["vinsar"], second["mmp"]) == (
        "competitors", "violence", "riv")
    assert second["events"].split() == ["clash", "denied"]


def test_jsonl_is_one_event_a_line_as_in_the_output_contract(filled, kb, tmp_path):
    path, summary = export(filled, kb, tmp_path, "jsonl")

    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert summary.items == len(lines) == 4
    assert [e["id"] for e in lines] == ["training", "clash", "denied", "undated"]
    assert {"id", "document", "source", "target", "type", "polarity", "date", "modality",
            "negated", "confidence", "evidence", "crosswalk"} <= set(lines[0])
    assert lines[0]["document"] == "article-1"


def test_plover_speaks_plover_and_leaves_denials_out(filled, kb, tmp_path):
    path, summary = export(filled, kb, tmp_path, "plover")

    records = {r["id"]: r for r in map(json.loads, path.read_text("utf-8").splitlines())}
    assert sorted(records) == ["clash", "training", "undated"]
    clash = records["clash"]
    assert (clash["event_type"], clash["quad_class"], clash["cameo"]) == (
        "ASSAULT", "material_conflict", "190")
    assert (clash["actor_name"], clash["recipient_name"], clash["modality"]) == (
        "Amber Lions", "Cobalt Guard", "reported")
    assert (records["training"]["event_type"], records["training"]["mode"]) == ("AID", "military")
    assert summary.items == 3


def test_events_exports_at_a_date_hold_the_events_dated_up_to_it(filled, kb, tmp_path):
    path, summary = export(filled, kb, tmp_path, "jsonl", at=date(2016, 12, 31))

    assert [json.loads(x)["id"] for x in path.read_text("utf-8").splitlines()] == ["training"]


def test_exports_apply_corrections(filled, kb, tmp_path):
    correct(filled, "clash", "edit", {"type": "joint_operation"})

    path, _ = export(filled, kb, tmp_path, "csv")

    assert pd.read_csv(path)["relation"].tolist() == ["tactical_alliance", "tactical_alliance"]


def test_an_unknown_format_or_unwritable_file_is_an_export_error(filled, kb, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'xls'"):
        export_store(filled, kb, "xls", tmp_path / "x.xls")
    for fmt in FORMATS:
        with pytest.raises(ExportError, match="cannot write"):
            export_store(filled, kb, fmt, tmp_path / "missing" / f"x.{fmt}")


def test_a_timeline_converts_to_pandas(filled, kb):
    timeline = dyad_timeline(filled, kb, A, B)

    states = timeline.to_pandas("states")
    events = timeline.to_pandas("events")
    changes = timeline.to_pandas("transitions")

    assert states[["period", "relation"]].values.tolist() == [["2014", "tactical_alliance"],
                                                              ["2017", "violent_rivalry"]]
    assert events.loc[events["id"] == "training", "source_name"].item() == "Cobalt Legion"
    assert changes[["from", "to"]].values.tolist() == [["tactical_alliance", "violent_rivalry"]]
    with pytest.raises(ValueError, match="table must be"):
        timeline.to_pandas("actors")
