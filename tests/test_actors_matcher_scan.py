"""The matcher finds every key of the base where it stands as whole words, and no other.

Keys of letters, digits and spaces are looked for padded with spaces in a copy of the
folded text where every other character is a space (so that the automaton reports
only whole-word occurrences); keys with other characters (combining marks) as they are.
Both must give what a plain search for each key with the boundary check gives.
"""

from __future__ import annotations

import random

from tieline.actors.kb import build_kb
from tieline.actors.matcher import ActorMatcher, fold_text
from tieline.actors.spans import FreeSpans

KB_YAML = """\
- id: is-group
  name: Islamic Sword
  acronyms: [IS]
- id: sun-front
  name: Sun Front
  aliases: [al-Shams Front, Front of the Sun]
- id: nepal-party
  name: नेपाल पार्टी माओवादी
- id: lone
  name: Lone Wolves
"""


def plain_occurrences(matcher: ActorMatcher, folded: str) -> set[tuple[int, int]]:
    keys = [k.strip(" ") if k.startswith(" ") else k
            for a in matcher._searched for k in a.keys()]  # type: ignore[attr-defined]
    out = set()
    for key in keys:
        at = folded.find(key)
        while at != -1:
            end = at + len(key)
            if not (at > 0 and folded[at - 1].isalnum()) and not (end < len(folded) and folded[end].isalnum()):
                out.add((at, end))
            at = folded.find(key, at + 1)
    return out


def test_every_whole_word_occurrence_of_every_key_is_found() -> None:
    matcher = ActorMatcher(build_kb([("t.yaml", KB_YAML)]))
    assert len(matcher._searched) == 2  # both kinds of key are in use
    pieces = ["Sun", "Front", "IS", "is", "this", "al-Shams", "of the", "नेपाल", "पार्टी", "माओवादी",
              "Lone", "Wolves", "€", "_", "\n", " ", "  ", "-", "x", "ा", "Islamic", "Sword", "ʿ"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 12)))
        folded = fold_text(text)
        found = {(s, e) for s, e, _ in matcher._occurrences(folded)}
        assert found == plain_occurrences(matcher, folded), text


def taken_one_by_one(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quadratic check FreeSpans replaces: each span against every one kept."""
    chosen: list[tuple[int, int]] = []
    for s, e in spans:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return chosen


def test_free_spans_keep_what_the_pairwise_check_keeps() -> None:
    # an empty span overlaps only a span around it: (5, 5) is inside (0, 10)
    spans = [(10, 20), (0, 12), (18, 25), (20, 22), (5, 5), (15, 15), (20, 20), (0, 10)]
    free = FreeSpans()
    assert [s for s in spans if free.take(*s)] == [(10, 20), (20, 22), (5, 5), (20, 20)]
    rng = random.Random(2)
    for _ in range(2000):
        starts = [rng.randint(0, 30) for _ in range(rng.randint(0, 15))]
        spans = [(s, s + rng.randint(0, 6)) for s in starts]
        free = FreeSpans()
        assert [s for s in spans if free.take(*s)] == taken_one_by_one(spans), spans
