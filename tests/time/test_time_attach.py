"""Dates read with the parse: only a date attached to the event's clause dates the event.

Each example parses a made-up sentence with the pipeline's spaCy model and asks
DocumentDates for the date of the event whose trigger is the given word.
"""

from __future__ import annotations

from datetime import date

import pytest

from tieline.events.nlp import load_nlp
from tieline.model import DateInterval, Sentence
from tieline.time import DocumentDates

PUBLISHED = date(2018, 1, 25)


def dated(text: str, trigger: str, published: date | None = None, *,
          before: list[str] | None = None) -> DateInterval:
    """The date of the event triggered by the word ``trigger`` of ``text`` (the last
    sentence, after the ``before`` sentences of the same paragraph)."""
    texts = [*(before or []), text]
    sentences, offset = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(i, offset, offset + len(t), t, 0))
        offset += len(t) + 1
    doc = load_nlp()(text)
    head = next(t for t in doc if t.text == trigger)
    last = sentences[-1]
    return DocumentDates(sentences, published).for_sentence(
        last.index, near=last.start + head.idx, tense="past", head=head)


@pytest.mark.parametrize("text, trigger, start", [
    # a date in a relative clause about another party does not date the event
    ("In September 2014, the commander pledged support to the Falcon Front, criticising "
     "Omar Haddad, who had not been seen in public since 2001.", "criticising", "2014-09"),
    # the date on the trigger's own clause wins over one on the clause it is conjoined to
    ("The Ember Brigade was declared a terrorist group by the US in 1998 and banned by "
     "Pakistan in November 2001.", "banned", "2001-11"),
    ("The Ember Brigade was declared a terrorist group by the US in 1998 and banned by "
     "Pakistan in November 2001.", "declared", "1998"),
    # a time clause dates the clause it hangs on
    ("When the capital fell to the Falcon Front in 1996, the two militias joined forces.",
     "joined", "1996"),
    # a trailing infinitive of purpose dates the act it is the purpose of
    ("The Ember Brigade fought with the Falcon Front to take the port in June 2014.",
     "fought", "2014-06"),
    # a clause on a circumstance of the event dates it
    ("The Ember Brigade pledged allegiance to the Falcon Front in an audio speech released "
     "on the internet in November 2014.", "pledged", "2014-11"),
])
def test_the_date_attached_to_the_event_clause(text: str, trigger: str, start: str) -> None:
    assert dated(text, trigger).start == start


@pytest.mark.parametrize("text, trigger", [
    ("Founded in 1982 during the war, the Ember Council was an exile group trained by "
     "the Falcon Front.", "trained"),
    ("The Ember Brigade, which was founded in 2003, attacked the Falcon Front.", "attacked"),
])
def test_a_date_about_something_else_does_not_date_the_event(text: str, trigger: str) -> None:
    got = dated(text, trigger, PUBLISHED)
    assert got.basis == "published" and got.start is None  # some time before publication


def test_the_date_of_a_later_act_does_not_date_the_first() -> None:
    text = ("The commander tried to join the Falcon Front in 2013, but was arrested by the "
            "Ember Brigade and was later released in 2015.")
    assert dated(text, "arrested").start == "2013"
    assert dated(text, "released").start == "2015"


def test_a_later_act_runs_from_the_date_of_the_first() -> None:
    got = dated("In 1987, the Ember Brigade accepted the accord and has since fought "
                "alongside the army.", "fought", PUBLISHED)
    assert (got.start, got.end, got.basis) == ("1987", PUBLISHED.isoformat(), "anchor")


def test_an_anchor_inside_a_prepositional_phrase_opens_the_interval() -> None:
    got = dated("The Ember Brigade allied with the Falcon Front after the coup of March 2012.",
                "allied")
    assert (got.start, got.end, got.basis) == ("2012-03", None, "anchor")
    assert got.text == "after the coup of March 2012"


def test_a_clause_opened_by_an_anchor_cue_opens_the_interval() -> None:
    got = dated("After it emerged in 1980, the Ember Council granted assistance to the "
                "Falcon Front.", "granted", PUBLISHED)
    assert (got.start, got.end, got.basis) == ("1980", PUBLISHED.isoformat(), "anchor")
    assert got.text == "After it emerged in 1980"


def test_a_lapse_after_an_anchor_moves_the_date() -> None:
    got = dated("A few months after the coup in March 2012, the Ember Brigade allied with "
                "the Falcon Front.", "allied")
    assert (got.start, got.end, got.basis) == ("2012-06", None, "anchor")


def test_an_open_end_starts_at_the_date_of_the_conjoined_clause() -> None:
    got = dated("The two fronts signed a truce in 1998 and jointly ran the region until 2013.",
                "ran")
    assert (got.start, got.end) == ("1998", "2013")


def test_without_a_date_of_its_own_the_paragraph_still_governs() -> None:
    got = dated("The Ember Brigade then attacked the Falcon Front.", "attacked",
                before=["In 2014, the Ember Brigade split from the Falcon Front."])
    assert (got.start, got.basis) == ("2014", "paragraph")


def test_a_parse_of_another_text_falls_back_to_the_nearest_date() -> None:
    sentences = [Sentence(0, 0, 30, "The front attacked X in 2014.")]
    head = load_nlp()("Something else entirely, longer than that.")[1]
    got = DocumentDates(sentences, None).for_sentence(0, near=10, head=head)
    assert got.start == "2014"
