"""The page's layout in the pipeline: boilerplate names no party, a headline is news of
the day it was published, a hard-wrapped sentence is read whole."""

from __future__ import annotations

from datetime import date

import pytest

from tieline.model import Document, Extraction
from tieline.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def extract(pipeline: Pipeline, text: str, published: date | None = None) -> Extraction:
    return pipeline.extract(Document(id="t", text=text, published=published))


def test_a_datelines_country_is_no_party_to_the_sentence(pipeline: Pipeline) -> None:
    text = "CAIRO, Egypt – Ansar Bayt al-Maqdis pledged allegiance to the Islamic State on Monday."
    out = extract(pipeline, text, date(2014, 11, 11))
    assert "egypt" not in {m.actor_id for m in out.mentions}
    assert {(e.source, e.type, e.target) for e in out.events} == {
        ("wilayat-sinai", "allegiance", "islamic-state")}
    [event] = out.events
    assert text[event.evidence.start:event.evidence.end] == event.evidence.sentence
    assert event.evidence.sentence.startswith("Ansar Bayt al-Maqdis")


def test_captions_bylines_and_teasers_make_no_events(pipeline: Pipeline) -> None:
    text = ("Gaza truce holds\n"
            "By Lena Park\n"
            "Hamas and Fatah fighters clashed near the crossing. (Associated Press)\n"
            "Read WATCH: Hamas fighters clash with Fatah in Gaza\n"
            "\n"
            "The truce held through the night, officials said.")
    out = extract(pipeline, text, date(2007, 6, 20))
    assert out.events == [] and out.mentions == []


def test_a_headline_in_the_past_tense_is_dated_by_publication(pipeline: Pipeline) -> None:
    text = "Hamas fighters clashed with Fatah in Gaza\n\nThe two movements have long been rivals."
    out = extract(pipeline, text, date(2007, 6, 14))
    [headline] = [e for e in out.events if e.evidence.start == 0]
    assert headline.type == "armed_clash"
    assert (headline.date.start, headline.date.basis) == ("2007-06-14", "published")


def test_a_hard_wrapped_sentence_makes_its_event(pipeline: Pipeline) -> None:
    text = ("In 2014 the militants of\nAnsar Bayt al-Maqdis pledged allegiance to the\n"
            "Islamic State, the group said in a statement.\n")
    out = extract(pipeline, text)
    assert {(e.source, e.type, e.target) for e in out.events} == {
        ("wilayat-sinai", "allegiance", "islamic-state")}
    [event] = out.events
    assert text[event.evidence.start:event.evidence.end].replace("\n", " ") == event.evidence.sentence
    assert event.date.start == "2014"
