"""Names as of the time: NamesInTime over former names and predecessors' entries."""

from __future__ import annotations

from tieline.actors.kb import build_kb
from tieline.relations.lineage import NamesInTime

CHAIN = """\
- id: ember-cell
  name: Ember Cell
  active: [2001, 2006]
  links: [{type: renamed_to, target: ember-front, year: 2006}]
  source: test
- id: ember-front
  name: Ember Front
  former_names: [{name: Ember Council, until: 2013}, {name: EC, until: 2013}]
  links: [{type: predecessor_of, target: ember-state, year: 2014}]
  source: test
- id: ember-state
  name: Ember State
  former_names: [{name: Ember Emirate, until: 2019}]
  source: test
"""


def test_each_year_takes_the_name_then_in_use() -> None:
    names = NamesInTime.of(build_kb([("chain.yaml", CHAIN)]))

    assert [names.then("ember-state", y) for y in (2003, 2010, 2013, 2016, 2020)] == [
        "Ember Cell", "Ember Council", "Ember Front", "Ember Emirate", "Ember State"]


def test_a_predecessor_takes_its_heirs_names_after_it() -> None:
    names = NamesInTime.of(build_kb([("chain.yaml", CHAIN)]))

    assert names.then("ember-cell", 2003) == "Ember Cell"
    assert names.then("ember-cell", 2016) == "Ember Emirate"
    assert names.now("ember-cell") == "Ember State"
    assert names.then("ember-cell", None) == "Ember Cell"  # undated: the entry's own


def test_the_label_gives_the_current_name_beside_a_former_one() -> None:
    names = NamesInTime.of(build_kb([("chain.yaml", CHAIN)]))

    assert names.label("ember-state", 2010) == "Ember Council (now Ember State)"
    assert names.label("ember-state", 2021) == "Ember State"
    assert names.label("someone-else", 2010, {"someone-else": "Someone"}) == "Someone"


def test_the_test_base_renames_cobalt_legion_in_2015(kb) -> None:
    names = NamesInTime.of(kb)

    assert (names.then("cobalt-guard", 2014), names.then("cobalt-guard", 2015)) == \
        ("Cobalt Legion", "Cobalt Guard")
