"""find_dates, by example: a sentence in, its date expressions out as (start, end, kind)."""

from __future__ import annotations

from datetime import date

import pytest

from tieline.time import expressions
from tieline.time import find_dates
from tieline.time.expressions import has_date_cue

PUBLISHED = date(2018, 1, 25)


def dates(sentence: str, published: date | None = PUBLISHED) -> list[tuple[str | None, str | None, str]]:
    """(start, end, kind) of each expression: ``dates("in 2014") == [("2014", None, "explicit")]``."""
    return [(m.interval.start, m.interval.end, m.kind) for m in find_dates(sentence, published)]


@pytest.mark.parametrize("sentence, start, end", [
    ("In 2014, ABM's leadership pledged allegiance to the Islamic State", "2014", None),
    ("2014's deadliest attack struck Arish", "2014", None),
    ("An extraordinary incident in August 2017", "2017-08", None),
    ("In February 2016, a fighter wrote a letter", "2016-02", None),
    ("The cell was dismantled in Oct. 2006", "2006-10", None),
    ("Gunmen stormed the checkpoint on 3 May 2014", "2014-05-03", None),
    ("Gunmen stormed the checkpoint on May 3, 2014", "2014-05-03", None),
    ("The statement is dated 2014-05-03", "2014-05-03", None),
    ("The raids of Sept. 11, 2001 changed everything", "2001-09-11", None),
    ("At the end of 2015, one of Wilayat Sinai's leaders reportedly met with leaders of Hamas' armed wing",
     "2015-09", "2015-12"),
    ("Fighting intensified in the summer of 2014", "2014-06", "2014-08"),
    ("The winter of 2014 was quiet", "2014-12", "2015-02"),
    ("The group grew in early 2016", "2016-01", "2016-04"),
    ("It split in mid-2013", "2013-05", "2013-08"),
    ("It was founded in early October 2016", "2016-10-01", "2016-10-10"),
    ("Jihadists returned from Afghanistan in the 1990s", "1990", "1999"),
    ("The movement emerged in the mid-1990s", "1994", "1996"),
    ("The network dates from the late 1980s", "1987", "1989"),
])
def test_explicit_dates(sentence: str, start: str, end: str | None) -> None:
    assert dates(sentence) == [(start, end, "explicit")]


@pytest.mark.parametrize("sentence, start, end, kind", [
    ("The insurgency raged from 2003 to 2007", "2003", "2007", "range"),
    ("Between 2010 and 2012 the two groups cooperated", "2010", "2012", "range"),
    ("During the 2003-2007 insurgency", "2003", "2007", "range"),
    ("During the 2003–07 insurgency", "2003", "2007", "range"),
    ("Talks were held between May and July 2014", "2014-05", "2014-07", "range"),
    ("Clashes on 3-5 May 2014 killed dozens", "2014-05-03", "2014-05-05", "range"),
    ("Since 2012, the group has fought the army", "2012", "2018", "open"),
    ("From 2014 onward, the group fought the army", "2014", "2018", "open"),
    ("The truce held until 2009", None, "2009", "open"),
])
def test_ranges_and_open_intervals(sentence: str, start: str | None, end: str, kind: str) -> None:
    assert dates(sentence) == [(start, end, kind)]


@pytest.mark.parametrize("sentence, start", [
    ("By 2014, the group had allied with the army", "2014"),
    ("By the end of 2015 it controlled the coast", "2015-12"),
    ("As of mid-2016, the two fronts were still allied", "2016-08"),
])
def test_by_a_date_is_the_time_the_sentence_finds_things_so(sentence: str, start: str) -> None:
    assert dates(sentence) == [(start, None, "explicit")]


@pytest.mark.parametrize("sentence, start, end", [
    ("They clashed in the latter half of 2014", "2014-07", "2014-12"),
    ("They clashed in the early months of 2014", "2014-01", "2014-04"),
    ("They clashed in the final months of 2014", "2014-09", "2014-12"),
    ("They clashed in the first days of May 2014", "2014-05-01", "2014-05-07"),
    ("Militias spread in the 1990's", "1990", "1999"),
    ("The fronts collaborated from the late 1960s.4 After it emerged, the council grew",
     "1967", "1969"),
])
def test_parts_of_periods_decades_and_footnote_marks(sentence: str, start: str, end: str) -> None:
    assert dates(sentence)[:1] == [(start, end, "explicit")]


@pytest.mark.parametrize("sentence", [
    "Herders were killed (Jezequel and Cherbib, 2017).",
    "Both groups pledged allegiance (Menastream, 2018) (see Graph 1 below).",
    "The conflict dates back decades (Smith et al. 2017: 45).",
    "The networks overlap (Sandor, 2017; Keita 2019).",
])
def test_the_year_of_a_citation_is_no_date(sentence: str) -> None:
    assert dates(sentence) == []


def test_a_month_in_parentheses_is_still_a_date() -> None:
    assert dates("The truce was signed (June, 2014).") == [("2014-06", None, "explicit")]


def test_a_decimal_after_a_year_is_not_a_footnote() -> None:
    assert dates("The budget was 2014.5 million dollars") == []


@pytest.mark.parametrize("sentence, start, end, kind", [
    ("In August 1997 they attacked; the following year they bombed the city", "1998", None, "explicit"),
    ("In 2011 the front split, and two years later it merged", "2013", None, "explicit"),
    ("In November 2014 it formed; a few months later it split", "2015-02", None, "explicit"),
    ("In 2012 the council formed, and since then it has fought", "2012", "2018", "open"),
    ("The fronts met in May 2014 and later that month they merged", "2014-05", None, "explicit"),
])
def test_an_anaphor_is_dated_from_the_date_before_it(sentence: str, start: str, end: str | None,
                                                    kind: str) -> None:
    assert dates(sentence)[-1] == (start, end, kind)


def test_an_anaphor_restated_by_a_date_gives_way_to_it() -> None:
    assert [m.text for m in find_dates("In 2014 X split. A few months later, in March 2015, Y formed.")] \
        == ["2014", "March 2015"]


def test_an_anaphor_with_nothing_to_refer_to_is_dropped() -> None:
    assert dates("The following year, the front split.") == []


def test_earlier_in_the_year_is_the_year_of_publication() -> None:
    assert dates("Forces sent earlier in the year helped the army") == [("2018", None, "relative")]


def test_every_word_of_the_lexicon_is_text() -> None:
    # YAML reads a bare ``no`` or ``on`` as a boolean: the file must quote them
    def words(value: object) -> list[object]:
        """Keys and list items: the words (a flag such as ``open: true`` is no word)."""
        if isinstance(value, dict):
            return [*value.keys(), *(w for v in value.values() for w in words(v))]
        if isinstance(value, list):
            return [w if not isinstance(w, (dict, list)) else x for w in value
                    for x in (words(w) if isinstance(w, (dict, list)) else [w])]
        return []

    assert not [w for w in words(expressions.read_lexicon()) if isinstance(w, bool)]


def test_since_without_publication_date_is_open_ended() -> None:
    assert dates("Since 2012, the group has fought the army", None) == [("2012", None, "open")]


@pytest.mark.parametrize("sentence, start, end", [
    ("Earlier this month, X executed Y", "2018-01", None),
    ("Over the past year, Hamas has calculated that cooperation serves it", "2017-01", "2018-01"),
    ("Last month, the group attacked a convoy", "2017-12", None),
    ("Last year, the group attacked a convoy", "2017", None),
    ("This year, the group attacked a convoy", "2018", None),
    ("The group attacked a convoy last week", "2018-01-18", None),
    ("The group has recently attacked convoys", "2017-10", "2018-01"),
    ("In recent months, the group attacked convoys", "2017-10", "2018-01"),
    ("Two years ago, the group attacked a convoy", "2016", None),
    ("A decade ago, the group attacked a convoy", "2008", None),
    ("In the last three months, it attacked convoys", "2017-10", "2018-01"),
    ("Late last year, it attacked a convoy", "2017-09", "2017-12"),
    ("Last summer, it attacked a convoy", "2017-06", "2017-08"),
    ("It attacked a convoy in November", "2017-11", None),
    ("It attacked a convoy on Monday", "2018-01-22", None),
])
def test_relative_dates_resolve_against_publication(sentence: str, start: str, end: str | None) -> None:
    assert dates(sentence) == [(start, end, "relative")]


@pytest.mark.parametrize("sentence", [
    "Earlier this month, X executed Y",
    "Over the past year, Hamas has calculated that cooperation serves it",
    "It attacked a convoy in November",
])
def test_relative_dates_need_a_publication_date(sentence: str) -> None:
    assert dates(sentence, None) == []


@pytest.mark.parametrize("sentence", [
    "The group killed 2,000 fighters",
    "Officials said 2000 fighters crossed the border",
    "The army sent 1500 troops",
    "The ministry deployed 2000 foreign troops",
    "a 2000-strong force",
    "Resolution 1267 and Resolution 2254 were cited",
    "Flight 2014 was shot down",
    "The March 14 Alliance protested",
    "The 1920 Revolution Brigades attacked",
    "The last year of the war was the worst",
])
def test_counts_ids_and_names_are_not_dates(sentence: str) -> None:
    assert dates(sentence) == []


def test_a_year_after_in_is_a_year_even_before_a_count_noun() -> None:
    assert dates("In 2014 fighters attacked the base") == [("2014", None, "explicit")]


def test_a_lone_month_needs_a_preposition() -> None:
    sentence = ("In October 2006, under new leadership after al-Zarqawi's June death, "
                "AQI announces the formation of the Islamic State of Iraq")
    assert [m.text for m in find_dates(sentence, PUBLISHED)] == ["October 2006"]


def test_a_yearless_month_takes_the_year_of_the_sentence() -> None:
    sentence = "In 2014, it attacked in November and again on December 3."
    assert dates(sentence) == [("2014", None, "explicit"), ("2014-11", None, "explicit"),
                               ("2014-12-03", None, "explicit")]


def test_mentions_are_in_order_with_offsets_and_text() -> None:
    sentence = "The SSU split from the IMK in 1998 in response to the IMK's 1997 truce"
    mentions = find_dates(sentence, offset=100)
    first, second = 100 + sentence.index("1998"), 100 + sentence.index("1997")
    assert [(m.start, m.end, m.text) for m in mentions] == [(first, first + 4, "1998"), (second, second + 4, "1997")]
    assert mentions[0].interval.basis == "sentence" and mentions[0].interval.text == "1998"


def test_the_longest_expression_wins() -> None:
    assert [m.text for m in find_dates("It fought from 2003 to 2007 and since 2012.")] == [
        "from 2003 to 2007", "since 2012"]


@pytest.mark.parametrize("sentence, published, expected", [
    ("Hamas officials denied any involvement.", PUBLISHED, False),
    ("Earlier this month, X executed Y", None, False),
    ("Earlier this month, X executed Y", PUBLISHED, True),
    ("It happened in 2014.", None, True),
])
def test_date_cue(sentence: str, published: date | None, expected: bool) -> None:
    assert has_date_cue(sentence, published) is expected


class _Exploding(list):  # type: ignore[type-arg]
    """A scanner list that fails when iterated: proof that no pattern ran."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the patterns ran")


def test_a_sentence_without_digit_or_date_word_exits_before_any_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(expressions, "_SCANNERS", _Exploding())
    assert find_dates("Hamas officials denied any involvement and blamed Fatah.", PUBLISHED) == []
    with pytest.raises(AssertionError):
        find_dates("Hamas officials denied any involvement in 2014.", PUBLISHED)
