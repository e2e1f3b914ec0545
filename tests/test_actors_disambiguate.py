"""The document context that settles ambiguous names: the years a text speaks of."""

from __future__ import annotations

import random
import re

from tieline.actors.disambiguate import _YEAR


def test_years_and_decades_are_read_as_whole_numbers() -> None:
    text = "In 1995 and the 1990s, not in 21995, A1999 or 1999x; 2014s, (2003)."
    assert [h.group(1) for h in _YEAR.finditer(text)] == ["1995", "1990", "2014", "2003"]


def test_the_year_expression_finds_what_the_plain_one_finds() -> None:
    plain = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
    rng = random.Random(8)
    pieces = ["1999", "2014", "1899", "x", "s", " ", "\n", "19", "20", "2", "1", "a", "_", "(", "2001s"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        found = [(h.span(), h.group(1)) for h in _YEAR.finditer(text)]
        assert found == [(h.span(), h.group(1)) for h in plain.finditer(text)], text
