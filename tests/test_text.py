"""Sentences and paragraphs, with exact offsets."""

from __future__ import annotations

import pytest

from tieline.text import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Hamas met Fatah. They agreed.", ["Hamas met Fatah.", "They agreed."]),
    ("Gen. Qassem spoke. The U.S. Army left.", ["Gen. Qassem spoke.", "The U.S. Army left."]),
    ("In Jan. 2014 it split. Then it fought.", ["In Jan. 2014 it split.", "Then it fought."]),
    ('He said "we fight." The group agreed.', ['He said "we fight."', "The group agreed."]),
    ("A. Q. Khan sold it. Done.", ["A. Q. Khan sold it.", "Done."]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_back_into_the_text() -> None:
    text = "Title line\nFirst sentence here. Second one.\n\nNew paragraph."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_paragraphs_are_numbered_by_line_breaks() -> None:
    text = "Title\nOne. Two.\nThree."
    assert [(s.text, s.paragraph) for s in split_sentences(text)] == [
        ("Title", 0), ("One.", 1), ("Two.", 1), ("Three.", 2)]


def test_a_hard_wrapped_sentence_is_one_sentence_and_its_offsets_are_exact() -> None:
    text = ("The Valley Front\n(VF), an armed group of the north, merged with another outfit, the\n"
            "Mountain Legion, to form the\nUnited Command in 2001. It was\nbanned in 2003.\n")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The Valley Front (VF), an armed group of the north, merged with another outfit, the "
        "Mountain Legion, to form the United Command in 2001.",
        "It was banned in 2003."]
    for s in sentences:
        assert len(s.text) == s.end - s.start
        assert text[s.start:s.end].replace("\n", " ") == s.text
    assert len({s.paragraph for s in sentences}) == 1


def test_a_page_with_many_wraps_joins_its_long_lines() -> None:
    lines = ["The Valley Front was formed in 1985 to fight the government of", "the day in the hills of",
             "the north. After a split in 1991 its leaders founded the", "Mountain Legion, which in",
             "the years after fought alongside the Front against the army and the", "Coastal Brigade",
             "until its defeat."]
    text = "\n".join(lines)
    assert [s.text for s in split_sentences(text)] == [
        "The Valley Front was formed in 1985 to fight the government of the day in the hills of the north.",
        "After a split in 1991 its leaders founded the Mountain Legion, which in the years after fought "
        "alongside the Front against the army and the Coastal Brigade until its defeat."]


def test_a_headline_is_its_own_sentence_even_without_a_blank_line() -> None:
    text = "Rebels pledge allegiance to the Front\nThe Valley Brigade pledged allegiance to the Front on Monday."
    sentences = split_sentences(text)
    assert [(s.kind, s.text) for s in sentences] == [
        ("headline", "Rebels pledge allegiance to the Front"),
        ("body", "The Valley Brigade pledged allegiance to the Front on Monday.")]


@pytest.mark.parametrize("text, expected", [
    ("The Front was formed in 2004.[3] It split in 2009.[4]",
     ["The Front was formed in 2004.", "It split in 2009."]),
    ("The Front[1] fought the Legion.", ["The Front    fought the Legion."]),
    ("The groups have fought since the 1960s.4 Later they merged.",
     ["The groups have fought since the 1960s.", "Later they merged."]),
    ("The Front² fought the Legion.", ["The Front  fought the Legion."]),
])
def test_footnote_marks_neither_break_nor_stay_in_a_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_boilerplate_lines_are_sentences_of_their_kind() -> None:
    text = "Rebels merge\nBy Lena Park\nPhoto: Reuters\n\nLAGOS (AFP) - The groups merged. They said so."
    assert [(s.kind, s.text) for s in split_sentences(text)] == [
        ("headline", "Rebels merge"), ("byline", "By Lena Park"), ("caption", "Photo: Reuters"),
        ("dateline", "LAGOS (AFP) -"), ("body", "The groups merged."), ("body", "They said so.")]


@pytest.mark.parametrize("text, expected", [
    # the word before the period, however it is spaced from the one before it
    ("Talks with Lt.\u00a0Col. Amal went on. They ended.", ["Talks with Lt.\u00a0Col. Amal went on.", "They ended."]),
    ("It was formed in\u2003Jan. 2014 by exiles. It grew.", ["It was formed in\u2003Jan. 2014 by exiles.", "It grew."]),
])
def test_an_abbreviation_after_any_whitespace_holds_the_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
