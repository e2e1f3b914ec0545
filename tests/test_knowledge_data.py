"""The shipped data files load and hold together: actors, ontology, lexicons."""

from __future__ import annotations

import pytest

from tieline.actors.kb import build_kb, load_kb
from tieline.errors import KnowledgeBaseError
from tieline.events.lexicon import load_hedges, load_triggers
from tieline.events.ontology import load_ontology


def test_shipped_base_validates_and_covers_every_region() -> None:
    kb = load_kb()
    assert len(kb) >= 400
    regions = {a.region for a in kb if a.kind == "armed_group"}
    assert len(regions) >= 5


def test_every_link_points_to_an_existing_actor() -> None:
    kb = load_kb()
    assert all(link.target in kb for actor in kb for link in actor.links)


@pytest.mark.parametrize("yaml_text, message", [
    ("- id: a\n  name: A\n- id: a\n  name: B\n", "already defined"),
    ("- id: a\n  name: A\n  links: [{type: wing_of, target: nowhere}]\n", "unknown id"),
    ("- id: a\n  name: X\n- id: b\n  name: X\n", "declared ambiguous"),
    ("- id: Bad Id\n  name: A\n", "bad id"),
    ("- id: a\n  name: A\n  colour: red\n", "unknown keys"),
])
def test_inconsistent_entries_are_refused(yaml_text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        build_kb([("user.yaml", yaml_text)])


def test_ontology_has_types_of_every_polarity_and_their_crosswalk() -> None:
    onto = load_ontology()
    assert len(onto.types) >= 20
    assert {t.polarity for t in onto.types.values()} == {"cooperation", "conflict", "structural"}
    for type_id, event_type in onto.types.items():
        if type_id != "rename":
            assert onto.crosswalk(type_id)["mmp"] in {"all", "riv", "aff", "spl", "mer"}


def test_every_trigger_type_is_in_the_ontology() -> None:
    onto = load_ontology()
    assert {t.type for t in load_triggers().triggers.values()} <= set(onto.types)


def test_hedge_lexicon_loads() -> None:
    hedges = load_hedges()
    assert hedges.adverbs["reportedly"] == "reported" and "may" in hedges.modals
