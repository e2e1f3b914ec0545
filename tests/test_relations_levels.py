"""One-way support is patronage; support that flows both ways or joint action is not."""

from __future__ import annotations

from tieline.events.ontology import load_ontology
from tieline.model import DateInterval, Event
from tieline.relations.levels import refine_level
from tieline.relations.summary import summarize_dyads


def event(source: str, target: str, etype: str, negated: bool = False) -> Event:
    return Event(f"{source}-{etype}-{target}", source, target, etype, "cooperation",
                 DateInterval("2006"), negated=negated)


def test_weapons_money_and_training_from_one_patron_is_patronage() -> None:
    events = [event("hezbollah", "aah", "arms_transfer"), event("hezbollah", "aah", "training"),
              event("hezbollah", "aah", "financing")]
    assert refine_level("tactical_alliance", events, load_ontology()) == "patronage"
    [dyad] = summarize_dyads(events)
    assert (dyad.relation, dyad.crosswalk["mmp"]) == ("patronage", "aff")


def test_support_both_ways_or_fighting_together_stays_an_alliance() -> None:
    onto = load_ontology()
    both_ways = [event("a", "b", "training"), event("b", "a", "financing")]
    together = [event("a", "b", "training"), event("a", "b", "joint_operation")]
    assert refine_level("tactical_alliance", both_ways, onto) == "tactical_alliance"
    assert refine_level("tactical_alliance", together, onto) == "tactical_alliance"


def test_only_cooperative_levels_are_refined() -> None:
    events = [event("a", "b", "training")]
    assert refine_level("violent_rivalry", events, load_ontology()) == "violent_rivalry"


def test_several_kinds_of_one_way_support_outweigh_a_joint_operation() -> None:
    events = [event("hezbollah", "aah", "training"), event("hezbollah", "aah", "financing"),
              event("hezbollah", "aah", "joint_operation")]
    assert refine_level("tactical_alliance", events, load_ontology()) == "patronage"
    single = [event("hezbollah", "aah", "training"), event("hezbollah", "aah", "joint_operation")]
    assert refine_level("tactical_alliance", single, load_ontology()) == "tactical_alliance"
