"""The whole store at once: ties at a date, the network by region, changes, actors."""

from __future__ import annotations

from datetime import date

import pytest

from tieline.actors.kb import build_kb
from tieline.relations.actor import actor_profile
from tieline.relations.corrections import correct
from tieline.relations.network import (
    changes_since, network_at, period_end, store_states, ties_at,
)
from tieline.relations.states import DyadState

ACTORS = """\
- id: amber-lions
  name: Amber Lions
  country: Freedonia
  region: Sahel
  source: "test fixture"
- id: amber-lions-brigades
  name: Amber Lions Brigades
  links: [{type: wing_of, target: amber-lions, year: 2010}]
  source: "test fixture"
- id: cobalt-guard
  name: Cobalt Guard
  former_names: [{name: Cobalt Legion Front, until: 2015}]
  country: Sylvania
  region: Europe
  links: [{type: splinter_of, target: amber-lions, year: 2012}]
  source: "test fixture"
- id: cobalt-legion
  name: Cobalt Legion
  links: [{type: renamed_to, target: cobalt-guard, year: 2015}]
  source: "test fixture"
- id: dune-riders
  name: Dune Riders
  country: Sylvania
  region: Europe
  source: "test fixture"
"""
A, B, C = "amber-lions", "cobalt-guard", "dune-riders"


@pytest.fixture
def world():
    return build_kb([("world.yaml", ACTORS)])


@pytest.fixture
def filled(store, make_event, make_extraction):
    """Amber Lions and Cobalt Guard: allies in 2014 (as Cobalt Legion), enemies in
    2017; Cobalt Guard and Dune Riders: a small quarrel in 2016."""
    store.add(make_extraction(
        make_event("cobalt-legion", A, "training", "2014", id="training"),
        make_event(A, B, "armed_clash", "2017-05", id="clash"),
        make_event(B, C, "denunciation", "2016", id="words"),
        doc_id="article-1"))
    return store


def state(period, relation="tactical_alliance", weight=1.0, confidence=0.8):
    return DyadState("a", "b", period, relation, 2, "cooperation", confidence, weight, ["e"])


def test_a_tie_holds_from_its_state_until_it_grows_stale():
    states = [state("2014")]

    assert ties_at(states, date(2013, 12, 31)) == []
    assert [t.period for t in ties_at(states, date(2014, 6, 1))] == ["2014"]
    assert ties_at(states, date(2019, 12, 31))[0].confidence < 0.8 / 4
    assert ties_at(states, date(2020, 6, 1)) == []                  # five years later


def test_the_latest_state_up_to_the_date_is_the_tie():
    states = [state("2014"), state("2017", "violent_rivalry")]

    assert ties_at(states, date(2016, 1, 1))[0].relation == "tactical_alliance"
    assert ties_at(states, date(2017, 1, 1))[0].relation == "violent_rivalry"
    assert ties_at(states)[0].relation == "violent_rivalry"


def test_a_period_of_denials_only_is_no_tie():
    assert ties_at([state("2014", "none", weight=0.0)], date(2014, 6, 1)) == []


@pytest.mark.parametrize("label, expected", [
    ("2016", date(2016, 12, 31)), ("2016-02", date(2016, 2, 29)), ("2015-12", date(2015, 12, 31)),
])
def test_period_end(label, expected):
    assert period_end(label) == expected


def test_predecessors_count_as_their_heirs_store_wide(filled, world):
    everything = store_states(filled, world)

    assert [(s.period, s.relation) for s in everything.of_pair(A, B)] == [
        ("2014", "tactical_alliance"), ("2017", "violent_rivalry")]
    assert everything.events["training"].event.source == "cobalt-legion"   # as stored


def test_the_network_at_a_date_names_actors_as_they_were_called_then(filled, world):
    net = network_at(filled, world, date(2014, 12, 31))

    assert [(t.a, t.b, t.relation) for t in net.ties] == [(A, B, "tactical_alliance")]
    assert net.name(B) == "Cobalt Legion Front"
    assert network_at(filled, world, date(2017, 12, 31)).name(B) == "Cobalt Guard"


def test_a_region_keeps_the_ties_with_an_actor_of_that_region_or_country(filled, world):
    sahel = network_at(filled, world, date(2017, 12, 31), region="sahel")
    sylvania = network_at(filled, world, date(2017, 12, 31), region="Sylvania")

    assert [(t.a, t.b) for t in sahel.ties] == [(A, B)]
    assert [(t.a, t.b) for t in sylvania.ties] == [(A, B), (B, C)]


def test_the_network_converts_to_networkx_and_pandas(filled, world):
    net = network_at(filled, world, date(2017, 12, 31))

    graph = net.to_networkx()
    frame = net.to_pandas()

    assert graph.edges[A, B]["relation"] == "violent_rivalry"
    assert graph.nodes[A]["region"] == "Sahel"
    assert frame[["a_name", "b_name", "relation"]].values.tolist() == [
        ["Amber Lions", "Cobalt Guard", "violent_rivalry"],
        ["Cobalt Guard", "Dune Riders", "rhetorical_rivalry"]]


def test_changes_since_a_date_most_significant_first(store, world, make_event, make_extraction):
    store.add(make_extraction(
        make_event(A, B, "training", "2014"), make_event(A, B, "armed_clash", "2017"),
        make_event(B, C, "rhetorical_support", "2016"), make_event(B, C, "denunciation", "2018"),
        make_event(A, C, "training", "2010"), make_event(A, C, "armed_clash", "2012")))

    found = changes_since(store, world, date(2015, 1, 1))

    assert [(t.a, t.b, t.period) for t in found] == [(A, B, "2017"), (B, C, "2018")]
    assert found[0].significance > found[1].significance


def test_a_rejected_event_leaves_the_network(filled, world):
    correct(filled, "clash", "reject")

    net = network_at(filled, world, date(2017, 12, 31))

    assert [(t.a, t.b, t.relation) for t in net.ties][0] == (A, B, "tactical_alliance")


def test_an_actor_profile_has_names_over_time_links_both_ways_and_ties(filled, world):
    profile = actor_profile(filled, world, "Cobalt Guard")

    assert [(n.name, n.end) for n in profile.names] == [
        ("Cobalt Legion", 2015), ("Cobalt Legion Front", 2015), ("Cobalt Guard", None)]
    assert [(l.type, l.other, l.direction) for l in profile.links] == [
        ("splinter_of", A, "out"), ("renamed_to", "cobalt-legion", "in")]
    assert [(profile.counterpart(t), t.relation) for t in profile.ties] == [
        ("Amber Lions", "violent_rivalry"), ("Dune Riders", "rhetorical_rivalry")]


def test_an_actor_at_a_date_shows_only_the_ties_holding_then(filled, world):
    profile = actor_profile(filled, world, "Amber Lions", date(2014, 12, 31))

    assert [(t.other(A), t.relation, t.period) for t in profile.ties] == [
        (B, "tactical_alliance", "2014")]
    assert profile.counterpart(profile.ties[0]) == "Cobalt Legion Front"
    assert profile.to_dict()["links"] == [{"type": "wing_of", "actor": "amber-lions-brigades",
                                           "name": "Amber Lions Brigades", "year": 2010,
                                           "direction": "in"},
                                          {"type": "splinter_of", "actor": B,
                                           "name": "Cobalt Guard", "year": 2012,
                                           "direction": "in"}]


def test_an_actor_at_a_date_lists_only_the_links_made_by_then(filled, world):
    profile = actor_profile(filled, world, "Amber Lions", date(2011, 6, 30))

    assert [(l.type, l.other, l.year) for l in profile.links] == [
        ("wing_of", "amber-lions-brigades", 2010)]
