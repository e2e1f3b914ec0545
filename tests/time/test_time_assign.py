"""DocumentDates, by example: which date an event of a sentence gets, and on what basis."""

from __future__ import annotations

from datetime import date

import pytest

from tieline.model import DateInterval, Sentence
from tieline.time import DocumentDates

PUBLISHED = date(2018, 1, 25)


def document(*paragraphs: list[str]) -> list[Sentence]:
    """Sentences with document offsets, one list of texts per paragraph."""
    sentences: list[Sentence] = []
    offset = 0
    for number, texts in enumerate(paragraphs):
        for text in texts:
            sentences.append(Sentence(len(sentences), offset, offset + len(text), text, number))
            offset += len(text) + 1
        offset += 1
    return sentences


def at(sentence: Sentence, word: str) -> int:
    """The document offset of ``word`` in ``sentence``: where the event's trigger is."""
    return sentence.start + sentence.text.index(word)


@pytest.mark.parametrize("text, trigger, start, end", [
    ("In 2014, ABM's leadership pledged allegiance to the Islamic State", "pledged", "2014", None),
    ("In October 2006, under new leadership after al-Zarqawi's June death, AQI announces the "
     "formation of the Islamic State of Iraq", "announces", "2006-10", None),
    ("The SSU split from the IMK in 1998 in response to the IMK's 1997 truce", "split", "1998", None),
    ("The SSU split from the IMK in 1998 in response to the IMK's 1997 truce", "truce", "1997", None),
    ("At the end of 2015, one of Wilayat Sinai's leaders reportedly met with leaders of Hamas' armed wing",
     "met", "2015-09", "2015-12"),
    ("Earlier this month, X executed Y", "executed", "2018-01", None),
    ("Over the past year, Hamas has calculated that ties to Cairo pay", "calculated", "2017-01", "2018-01"),
])
def test_the_date_nearest_the_trigger(text: str, trigger: str, start: str, end: str | None) -> None:
    sentences = document([text])
    dated = DocumentDates(sentences, PUBLISHED).for_sentence(0, near=at(sentences[0], trigger))
    assert (dated.start, dated.end, dated.basis) == (start, end, "sentence")


def test_a_trigger_halfway_between_two_dates_takes_the_one_before_it() -> None:
    sentences = document(["Talks began in 2012 and ended in 2014."])
    text = sentences[0].text
    halfway = (text.index("2012") + 4 + text.index("2014")) // 2
    assert DocumentDates(sentences, None).for_sentence(0, near=halfway).start == "2012"


@pytest.mark.parametrize("text, trigger, start, phrase", [
    ("After the July 2013 overthrow of President Morsi, violence in Sinai skyrocketed",
     "skyrocketed", "2013-07", "After the July 2013 overthrow"),
    ("Following the 2011 uprising, the group seized Arish", "seized", "2011", "Following the 2011 uprising"),
    ("Since the 2014 pledge, Wilayat Sinai has attacked the army", "attacked", "2014", "Since the 2014 pledge"),
])
def test_a_date_after_an_anchor_cue_opens_an_interval(text: str, trigger: str, start: str, phrase: str) -> None:
    sentences = document([text])
    dated = DocumentDates(sentences, PUBLISHED).for_sentence(0, near=at(sentences[0], trigger))
    # open-ended: it runs to the time of writing
    assert dated == DateInterval(start=start, end=PUBLISHED.isoformat(), text=phrase, basis="anchor")
    undated = DocumentDates(sentences, None).for_sentence(0, near=at(sentences[0], trigger))
    assert (undated.start, undated.end) == (start, None)


def test_present_tense_commentary_takes_the_publication_date() -> None:
    sentences = document(["In February 2016, a fighter wrote a letter.",
                          "By confronting Hamas, the group appears to be bold."])
    dates = DocumentDates(sentences, PUBLISHED)
    assert dates.for_sentence(1, tense="present").basis == "published"
    assert dates.for_sentence(1, tense="past").start == "2016-02"


def test_past_narrative_continues_the_previous_paragraph() -> None:
    sentences = document(["After the July 2013 overthrow, violence grew."],
                         ["Wounded fighters received care in Gaza."])
    dates = DocumentDates(sentences, PUBLISHED)
    assert dates.for_sentence(1, tense="past").start == "2013-07"
    assert dates.for_sentence(1).basis == "published"  # tense unknown: no carrying over


def test_without_a_trigger_the_first_date_of_the_sentence() -> None:
    sentences = document(["In 2014 it pledged allegiance, and in 2015 it attacked."])
    assert DocumentDates(sentences, None).for_sentence(0).start == "2014"


def test_a_sentence_without_a_date_takes_the_governing_date_of_its_paragraph() -> None:
    sentences = document(
        ["In 2013, ABM emerged in Sinai.", "Earlier this month, it denied links to Hamas.",
         "It then attacked the army."],
        ["Hamas denied it."],
    )
    dates = DocumentDates(sentences, PUBLISHED)
    # the last date named before it, a relative one included once resolved
    assert dates.for_sentence(2) == DateInterval(start="2018-01", end=None,
                                                 text="Earlier this month", basis="paragraph")
    assert dates.for_sentence(3) == DateInterval(start="2018-01-25", end=None, text="", basis="published")


def test_a_date_that_names_no_time_does_not_govern_its_paragraph() -> None:
    sentences = document(["In 2013, ABM emerged in Sinai.", "Recently, it denied links to Hamas.",
                          "It then attacked the army."])
    dates = DocumentDates(sentences, PUBLISHED)
    assert dates.for_sentence(2).start == "2013"


def test_without_any_date_the_interval_is_empty() -> None:
    assert DocumentDates(document(["Hamas denied it."]), None).for_sentence(0) == DateInterval(basis="none")


def test_mentions_carry_document_offsets() -> None:
    sentences = document(["Hamas denied it."], ["It happened in 2014."])
    mention = DocumentDates(sentences, None).mentions(1)[0]
    assert mention.start == at(sentences[1], "2014") and mention.text == "2014"


def test_an_unknown_sentence_is_an_error() -> None:
    with pytest.raises(IndexError):
        DocumentDates(document(["Hamas denied it."]), None).for_sentence(5)


def test_an_undated_past_event_happened_before_publication() -> None:
    sentences = document(["Hamas helped the group."])
    dated = DocumentDates(sentences, PUBLISHED).for_sentence(0, tense="past")
    assert (dated.start, dated.end) == (None, PUBLISHED.isoformat())


def test_an_undated_present_perfect_is_news_of_the_time_of_writing() -> None:
    sentences = document(["Islamic State fighters have seized villages held by HTS."])
    assert DocumentDates(sentences, PUBLISHED).for_sentence(0, tense="perfect").basis == "published"
    assert DocumentDates(sentences, PUBLISHED).for_sentence(0, tense="perfect").start == PUBLISHED.isoformat()


def test_a_yearless_day_in_a_chronology_takes_the_narrative_year() -> None:
    sentences = document(["In early 2014, tensions between IS and other rebel groups grew.",
                          "On January 6th, IS is driven from Raqqa."])
    dates = DocumentDates(sentences, None)

    assert dates.for_sentence(1, near=at(sentences[1], "driven")).start == "2014-01-06"


def test_a_yearless_month_in_dated_news_is_the_last_one_before_publication() -> None:
    sentences = document(["The feud has divided the movement since 1988."],
                         ["Its fighters attacked rival positions in July."])
    dates = DocumentDates(sentences, date(1990, 11, 8))

    assert dates.for_sentence(1, near=at(sentences[1], "attacked")).start == "1990-07"


def test_mentions_do_not_depend_on_the_order_they_are_asked_for() -> None:
    sentences = document(["X was founded in 2003.", "Y joined it in 2005."],
                         ["In March, Y left.", "On May 2, Y attacked X."])
    in_order = DocumentDates(sentences, None)
    backwards = DocumentDates(sentences, None)

    expected = [in_order.mentions(i) for i in range(4)]

    assert [backwards.mentions(i) for i in reversed(range(4))][::-1] == expected
    assert [m.interval.start for m in expected[2] + expected[3]] == ["2005-03", "2005-05-02"]


def test_an_anaphor_is_dated_from_the_sentences_before() -> None:
    sentences = document(["In November 2017, the front received its first transfer from the council.",
                          "Two years later, the council announced the new province."],
                         ["The following year, the province attacked the army."])
    dates = DocumentDates(sentences, None)
    assert dates.for_sentence(1, near=at(sentences[1], "announced")).start == "2019"
    assert dates.for_sentence(2, near=at(sentences[2], "attacked")).start == "2020"


@pytest.mark.parametrize("background", [
    "Founded in 1982 during the war, the council was an exile group.",
    "The council, which was founded in 1982, was an exile group.",
    "The council (founded 1982) was an exile group.",
])
def test_a_background_date_does_not_govern_the_paragraph(background: str) -> None:
    sentences = document([background, "It fought the army alongside the front."])
    got = DocumentDates(sentences, PUBLISHED).for_sentence(1, tense="past")
    assert (got.start, got.basis) == (None, "published")


def test_the_main_date_of_a_sentence_still_governs_after_a_background_one() -> None:
    sentences = document(["In 2014, the council, which was founded in 1982, split.",
                          "It then fought the army."])
    assert DocumentDates(sentences, PUBLISHED).for_sentence(1, tense="past").start == "2014"


def test_a_year_cited_in_parentheses_does_not_govern_the_paragraph() -> None:
    sentences = document(["Fighting was intense in the summer of 2017.",
                          "The militias killed herders (Jezequel and Cherbib, 2019).",
                          "The front then joined the council."])
    assert DocumentDates(sentences, PUBLISHED).for_sentence(2, tense="past").start == "2017-06"
