"""The dyad timeline: names resolved, predecessors included, states over the years."""

from __future__ import annotations

import pytest

from tieline.errors import UnknownActorError
from tieline.relations.dyad import dyad_timeline, lineage, resolve_actor, timeline_text


def test_any_name_or_alias_resolves_to_the_actor(kb):
    assert resolve_actor(kb, "Lions of Amber").id == "amber-lions"
    assert resolve_actor(kb, "cobalt-guard").name == "Cobalt Guard"


def test_an_unknown_name_suggests_close_names(kb):
    with pytest.raises(UnknownActorError, match="did you mean: Cobalt Guard"):
        resolve_actor(kb, "Cobalt Gard")


def test_a_predecessor_belongs_to_the_lineage_of_its_heir(kb):
    assert lineage(kb, "cobalt-guard") == ["cobalt-guard", "cobalt-legion"]
    assert lineage(kb, "cobalt-legion") == ["cobalt-legion"]


def test_a_predecessors_events_count_for_its_heir(store, kb, make_event, make_extraction):
    store.add(make_extraction(make_event("cobalt-legion", "amber-lions", "training", "2013",
                                         id="old-name"),
                              make_event("amber-lions", "cobalt-guard", "armed_clash", "2017",
                                         id="new-name")))

    tl = dyad_timeline(store, kb, "Amber Lions", "Cobalt Guard")

    assert [e.event.id for e in tl.events] == ["old-name", "new-name"]
    assert [(s.period, s.relation) for s in tl.states] == [("2013", "tactical_alliance"),
                                                           ("2017", "violent_rivalry")]
    assert len(tl.transitions) == 1


def test_the_timeline_converts_to_the_documented_dict(store, kb, make_event, make_extraction):
    event = make_event("amber-lions", "cobalt-guard", "training", "2014", id="t1")
    store.add(make_extraction(event, doc_id="article-1"))

    out = dyad_timeline(store, kb, "amber-lions", "cobalt-guard").to_dict()

    assert out["a"] == {"id": "amber-lions", "name": "Amber Lions"}
    assert out["b"] == {"id": "cobalt-guard", "name": "Cobalt Guard"}
    assert out["events"] == [{**event.to_dict(), "document": "article-1",
                              "source_name": "Amber Lions", "target_name": "Cobalt Legion"}]
    assert [s["period"] for s in out["states"]] == ["2014"]
    assert out["transitions"] == []


def test_the_text_view_marks_hedges_and_denials(store, kb, make_event, make_extraction):
    store.add(make_extraction(
        make_event("amber-lions", "cobalt-guard", "arms_transfer", "2016-07",
                   modality="alleged", negated=True,
                   sentence="Amber Lions denied it sent rockets to the Cobalt Guard.")))

    text = timeline_text(dyad_timeline(store, kb, "Amber Lions", "Cobalt Guard"))

    assert "Amber Lions → Cobalt Guard  [alleged] [NOT]" in text
    assert "    Amber Lions denied it sent rockets" in text


def test_events_show_the_names_of_their_time(store, kb, make_event, make_extraction):
    # the knowledge base renames Cobalt Legion Cobalt Guard in 2015
    store.add(make_extraction(
        make_event("amber-lions", "cobalt-guard", "training", "2013", id="early"),
        make_event("cobalt-legion", "amber-lions", "armed_clash", "2017", id="late"),
        make_event("amber-lions", "cobalt-guard", "threat", None, id="undated")))

    tl = dyad_timeline(store, kb, "Amber Lions", "Cobalt Guard")
    names = {e["id"]: (e["source_name"], e["target_name"]) for e in tl.to_dict()["events"]}
    text = timeline_text(tl)

    assert names == {"early": ("Amber Lions", "Cobalt Legion"),
                     "late": ("Cobalt Guard", "Amber Lions"),
                     "undated": ("Amber Lions", "Cobalt Guard")}
    assert "training                 Amber Lions → Cobalt Legion" in text
    assert "Cobalt Guard ↔ Amber Lions" in text
    assert text.splitlines()[0] == "Amber Lions — Cobalt Guard"


def test_the_header_tells_the_former_names_the_events_show(store, kb, make_event, make_extraction):
    from tieline.actors.kb import build_kb

    renamed = build_kb([("x.yaml", """\
- id: amber-lions
  name: Amber Lions
  source: test
- id: cobalt-guard
  name: Cobalt Guard
  former_names: [{name: Cobalt Legion, until: 2015}, {name: Legion of Cobalt, until: 2015}]
  source: test
""")])
    store.add(make_extraction(make_event("amber-lions", "cobalt-guard", "training", "2013")))

    text = timeline_text(dyad_timeline(store, renamed, "Amber Lions", "Cobalt Guard"))

    assert "  (Cobalt Guard was Cobalt Legion in earlier events)" in text.splitlines()
    assert "Amber Lions → Cobalt Legion" in text
