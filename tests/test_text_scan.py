"""The pre-filters of tieline.text.scan find what the expressions they stand for find."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest

from tieline.text.scan import (
    CASE_TWINS_OF_ASCII, alternation, grouped_alternation, key_words, lowered_for_search, may_hold,
    opening_class, word_positions, words_before,
)

ALL = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_the_case_twins_are_those_re_takes_for_ascii_characters() -> None:
    found = {m.group() for m in re.finditer("[\x00-\x7f]", ALL, re.IGNORECASE)}
    assert {c for c in found if not c.isascii()} == set(CASE_TWINS_OF_ASCII)


def test_punctuation_has_no_case() -> None:
    # what opening_class and key_words count on: (?i) finds a punctuation mark only as
    # itself, and lowering leaves it as it is
    marks = [c for c in ALL if unicodedata.category(c).startswith("P")]
    found = {m.group() for m in re.finditer(f"[{re.escape(''.join(marks))}]", ALL, re.IGNORECASE)}
    assert found == set(marks)
    assert all(c.lower() == c for c in marks)


def test_whitespace_is_the_same_for_re_and_str() -> None:
    # sentences.py reads a chunk's last word with str.rsplit where it used ``\s``
    assert {m.group() for m in re.finditer(r"\s", ALL)} == {c for c in ALL if c.isspace()}


def test_lowered_copy_keeps_offsets_and_refuses_case_twins() -> None:
    assert lowered_for_search("The ARMY’s base") == "the army’s base"
    assert lowered_for_search("the mılitary") is None      # dotless i: (?i:military) finds it
    assert lowered_for_search("İstanbul police") is None   # lower() would lengthen it


def test_word_positions_finds_every_start_even_overlapping() -> None:
    low = "forces and air forces; airforce"
    assert word_positions(low, ("forces", "air")) == [0, 11, 15, 23]
    assert word_positions(low, ("navy",)) == []


def test_words_before_goes_back_over_runs_of_whitespace() -> None:
    text = "seen by the  Syrian\narmy today"
    army = text.index("army")
    assert text[words_before(text, army, 0):] == "army today"
    assert text[words_before(text, army, 1):] == "Syrian\narmy today"
    assert text[words_before(text, army, 2):] == "the  Syrian\narmy today"
    assert words_before(text, army, 10) == 0
    assert words_before("pro-army", 4, 0) == 0   # a word may start inside "pro-army"


WORDS = ["army", "air force", "armed forces", "Army", "police", "Niger", "Nigeria", "-courtesy",
         "/afp", "a", "ab", " lead", "A.B."]


@pytest.mark.parametrize("ignore_case", [False, True])
def test_grouped_alternation_matches_as_the_plain_one(ignore_case: bool) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    ordered = sorted(WORDS, key=len, reverse=True)
    plain = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered), flags)
    grouped = re.compile(alternation(WORDS, ignore_case), flags)
    assert grouped.pattern != plain.pattern
    rng = random.Random(7)
    pieces = [*WORDS, " ", "  ", "\n", "ARMY", "NIGER", "x", "ıa", ",", "ria"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_grouping_keeps_the_order_of_words_that_share_a_first_letter() -> None:
    # the first alternative that lets the rest match wins, as in the plain alternation
    pattern = re.compile(rf"(?P<w>{grouped_alternation(['Nigeria', 'Niger'], ['Nigeria', 'Niger'])})(?P<rest>\w*)")
    assert pattern.match("Nigerian")["w"] == "Nigeria"   # type: ignore[index]
    assert "N(?:igeria|iger)" in pattern.pattern


def test_words_outside_ascii_are_not_grouped_when_case_is_ignored() -> None:
    assert alternation(["ſtate", "state"], ignore_case=True) == "ſtate|state"
    assert alternation(["état", "état-major"]) == "é(?:tat\\-major|tat)"


def test_opening_class_holds_every_first_character_a_match_may_have() -> None:
    words = ["photo by", "/afp", "– courtesy", "Kilo", "sky"]
    chars = opening_class(words)
    assert chars is not None
    look = re.compile(chars)
    for start in ["P", "p", "/", "–", "K", "k", "\u212a", "S", "s", "\u017f"]:
        assert look.match(start), start
    assert not look.match("x") and not look.match("-")
    assert opening_class(["army", " x"]) is None and opening_class(["émigré"]) is None


def test_key_words_are_held_by_any_text_that_holds_a_phrase() -> None:
    phrases = ["photo by", "- courtesy", "AP Photo", "source: video", "getty images"]
    keys = key_words(phrases)
    assert keys == ("courtesy", "images", "photo", "source:")
    pattern = re.compile(alternation([p.lower() for p in phrases]), re.IGNORECASE)
    rng = random.Random(11)
    pieces = ["Photo", "PHOTO", "by", "-", "courtesy", "AP", "Source:", "video", "Getty", "images",
              " ", "\n", "x", "photograph"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 8)))
        if pattern.search(text):
            assert may_hold(lowered_for_search(text), keys), text
    assert not may_hold("a man at a checkpoint.", keys)
    assert may_hold(None, keys) and may_hold("anything", None)
    assert key_words(["état major"]) == ("major",) and key_words(["état"]) is None


def test_holds_words_tells_what_a_word_bounded_search_tells() -> None:
    from tieline.text.scan import holds_words

    rng = random.Random(4)
    pieces = ["sinai", "-based", "sinais", "_", " ", "é", "1", "gaza", "-", "(", "x"]
    needles = ["sinai", "-based", "sinai-based", "gaza strip", "_", "(", "é", "", "1"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 8)))
        for words in needles:
            expected = re.search(rf"\b{re.escape(words)}\b", text) is not None
            assert holds_words(text, words) == expected, (text, words)


def test_word_alternation_matches_as_a_bounded_case_insensitive_one() -> None:
    from tieline.text.scan import word_alternation

    words = ["its", "it", "they", "them", "the two", "both", "sky", "Kin", "a", "an"]
    plain = re.compile(rf"\b(?i:{'|'.join(re.escape(w).replace(chr(92) + ' ', chr(92) + 's+') for w in sorted(words, key=len, reverse=True))})(?P<rest>\w*)")
    fast = re.compile(rf"{word_alternation(words)}(?P<rest>\w*)")
    assert fast.pattern.startswith("[")
    rng = random.Random(6)
    pieces = [*words, "IT", "İts", "ıt", "ſky", "\u212ain", "x", "_", "1", " ", "  ", "\n", "-", "THE TWO"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8)))
        found = [(m.span(), m.group("rest")) for m in fast.finditer(text)]
        assert found == [(m.span(), m.group("rest")) for m in plain.finditer(text)], text
    assert word_alternation(["-based", "x"]).startswith(r"\b(?i:")
