"""The layout of a published page: what is prose and what is page furniture.

The pages here are made up; each shows one thing a real news page does.
"""

from __future__ import annotations

import pytest

from tieline.text import is_boilerplate, page_layout, split_sentences


def kinds(text: str) -> list[tuple[str, str]]:
    """Each part of the page, as (kind, text)."""
    return [(s.kind, text[s.start:s.end]) for s in page_layout(text).spans]


def prose(text: str) -> list[str]:
    """The sentences of the page that are prose."""
    return [s.text for s in split_sentences(text) if not is_boilerplate(s.kind)]


def test_a_wire_story_with_headline_byline_timestamp_and_dateline() -> None:
    page = ("Rebels and militia sign a truce\n"
            "By Jane Roe and Omar Said\n"
            "Tuesday, March 12, 2019\n"
            "\n"
            "KABUL (Reuters) - The Northern Front and the Valley Militia signed a truce on Monday.\n")
    assert kinds(page) == [
        ("headline", "Rebels and militia sign a truce"),
        ("byline", "By Jane Roe and Omar Said"),
        ("timestamp", "Tuesday, March 12, 2019"),
        ("dateline", "KABUL (Reuters) -"),
        ("body", "The Northern Front and the Valley Militia signed a truce on Monday."),
    ]


@pytest.mark.parametrize("opening, dateline", [
    ("PORT SAID, Egypt – ", "PORT SAID, Egypt –"),
    ("GAROWE, Somalia, Aug. 14 -- ", "GAROWE, Somalia, Aug. 14 --"),
    ("TRIPOLI, MAY 3 /NAN/ - ", "TRIPOLI, MAY 3 /NAN/ -"),
    ("LAHORE: ", "LAHORE:"),
    ("Quetta, Jan 9 2016, City Desk: ", "Quetta, Jan 9 2016, City Desk:"),
    ("Herat: ", "Herat:"),
    ("(AFP) ", "(AFP)"),
    ("(Maiduguri), ", "(Maiduguri),"),
    ("March 3, 2011: ", "March 3, 2011:"),
])
def test_datelines_are_set_apart_from_the_sentence_they_open(opening: str, dateline: str) -> None:
    text = "Some earlier paragraph ends here.\n" + opening + "Two armed groups clashed near the town."
    parts = kinds(text)
    assert parts[1] == ("dateline", dateline)
    assert parts[2] == ("body", "Two armed groups clashed near the town.")
    assert parts[1][0] != parts[2][0] and page_layout(text).spans[1].paragraph == page_layout(text).spans[2].paragraph


def test_a_dateline_place_is_blanked_and_the_rest_of_the_sentence_kept() -> None:
    text = "CAIRO, Egypt – Rebel groups pledged allegiance to the Front."
    masked = page_layout(text).masked_text(text)
    assert len(masked) == len(text)
    assert "Egypt" not in masked and masked.strip() == "Rebel groups pledged allegiance to the Front."


def test_a_sentence_that_opens_with_a_group_is_no_dateline() -> None:
    text = "Earlier paragraph.\nThe Front, which split in 2014 - and fought on - denied it."
    assert kinds(text)[1][0] == "body"
    assert kinds("Earlier paragraph.\nHamas, Fatah and others met.")[1][0] == "body"


def test_a_heading_built_like_a_name_and_a_colon_stays_prose() -> None:
    text = "Profiles of the groups\n\nThe Western Battalion of Martyrs:\n\nThe battalion was formed in 2004."
    assert [k for k, _ in kinds(text)] == ["headline", "heading", "body"]


@pytest.mark.parametrize("line, kind", [
    ("Photo: Reuters", "caption"),
    ("Fighters guard a checkpoint outside the city. (Associated Press)", "caption"),
    ("A convoy on the coast road – Credit: Local TV / CC BY 4.0", "caption"),
    ("Image credit: AFP", "caption"),
    ("Read this in French", "link"),
    ("Read in Arabic", "link"),
    ("Read WATCH: Fighters parade in the capital", "teaser"),
    ("Read more: How the war began", "teaser"),
    ("Share on Facebook", "chrome"),
    ("Subscribe to our newsletter", "chrome"),
    ("Skip to main content", "chrome"),
    ("Advertisement", "chrome"),
    ("Map of the region. Click to view.", "chrome"),
    ("4 min read", "chrome"),
    ("Updated: 12 March 2019", "timestamp"),
    ("Sun Apr 3, 2016 14:22:10", "timestamp"),
    ("This is an archive article published on June 2, 2001", "timestamp"),
    ("The Evening Gazette - Monday, May 6, 2002", "timestamp"),
    ("Objava 12.04.2015 10:30", "timestamp"),
    ("By Lena Park", "byline"),
    ("CITY STAFF WRITER", "byline"),
    ("Special to The Evening Gazette", "byline"),
    ("Source: Wire desk", "byline"),
    ("ISLAMABAD:", "dateline"),
    ("Lima EFE", "dateline"),
    ("12345-678", "chrome"),
])
def test_page_furniture_lines(line: str, kind: str) -> None:
    text = f"A headline about the war\n\n{line}\n\nThe two groups fought over the town last year."
    assert kinds(text)[1] == (kind, line)


@pytest.mark.parametrize("line", [
    "By 2015, the Front had lost most of its fighters.",
    "Reading the statement, officials said the groups had merged.",
    "Fighters of the Front received weapons courtesy of a foreign backer.",
    "The statement, published on 5 June 2014, named both groups.",
    "Related groups in the north have since joined the Front.",
    "Watch groups said the two factions clashed in May 2014.",
])
def test_prose_that_merely_starts_like_furniture_stays_prose(line: str) -> None:
    text = f"A headline about the war\n\n{line}\n\nThe two groups fought over the town last year."
    assert kinds(text)[1] == ("body", line)


def test_a_headline_label_is_not_part_of_the_headline() -> None:
    text = "VIDEO: Militants storm a rival's base\n\nThe attack lasted hours."
    assert kinds(text)[:2] == [("chrome", "VIDEO:"), ("headline", "Militants storm a rival's base")]


def test_a_single_line_document_has_no_headline() -> None:
    assert kinds("Hamas clashed with Fatah in Gaza") == [("body", "Hamas clashed with Fatah in Gaza")]


def test_later_title_like_lines_are_headings() -> None:
    text = "Rival groups merge\n\nThe groups merged.\n\nWhat comes next?\n\nMore fighting."
    assert [k for k, _ in kinds(text)] == ["headline", "body", "heading", "body"]


def test_a_line_the_page_printed_already_is_a_duplicate() -> None:
    text = ("Rival groups merge in the north\n\nSupport our site\n\n"
            "Rival groups merge in the north\n\nThe groups merged on Monday.")
    assert [k for k, _ in kinds(text)] == ["headline", "heading", "duplicate", "body"]


def test_a_caption_repeated_without_its_credit_is_a_caption() -> None:
    text = ("Rival groups merge\n"
            "Fighters of both groups celebrate in the main square.\n"
            "Fighters of both groups celebrate in the main square. (Associated Press)\n"
            "The groups merged on Monday.")
    assert [k for k, _ in kinds(text)] == ["headline", "caption", "caption", "body"]


def test_a_teaser_cut_short_of_the_paragraph_below_is_a_teaser() -> None:
    text = ("Rival groups merge\n\n"
            "The largest armed group of the valley, banned by the government in 2001, has merged with a sm...\n\n"
            "The largest armed group of the valley, banned by the government in 2001, has merged with a smaller one.")
    assert [k for k, _ in kinds(text)] == ["headline", "teaser", "body"]


def test_bullet_marks_are_marks_and_each_item_a_paragraph() -> None:
    text = "Key facts\n\n· The Front was formed in 1990.\n· It split in 2004.\n- Its rival is the Legion."
    page = page_layout(text)
    assert [(s.kind, text[s.start:s.end]) for s in page.spans][1:] == [
        ("body", "The Front was formed in 1990."), ("body", "It split in 2004."),
        ("body", "Its rival is the Legion.")]
    assert [text[a:b] for a, b in page.marks] == ["·", "·", "-"]
    assert len({s.paragraph for s in page.spans}) == 4


def test_a_large_page_is_laid_out_line_by_line() -> None:
    text = "Rival groups merge\n\n" + "".join(f"The Front fought the Legion in valley {i}.\n"
                                             for i in range(5000))
    page = page_layout(text)
    assert len(page.spans) == 5001 and {s.kind for s in page.spans[1:]} == {"body"}
