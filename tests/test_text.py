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
