"""Near-identical copies of one story: evidence sentences that say the same thing.

A wire story reprinted by thirty outlets yields thirty events with (nearly) the same
evidence sentence. They are one source, not thirty: :func:`independent_groups` puts
such events in one group, by the Jaccard similarity of the sentences' word 3-shingles,
so the dyad states can count each group once.

Example:
    >>> same = "Hamas reportedly trained Wilayat Sinai fighters in Gaza last year."
    >>> similarity(same, same.replace("reportedly ", "reportedly, ")) > 0.8
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

# Wire copies differ by a word here and there (outlet names, "said on Tuesday"); two
# different reports of one kind of event share far fewer 3-shingles than this.
COPY_SIMILARITY = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 3) -> frozenset[tuple[str, ...]]:
    """The set of ``size``-word sequences of ``text`` (lower-cased words); a text
    shorter than ``size`` words gives its whole word sequence as one shingle.

    Example:
        >>> sorted(shingles("Hamas trained Sinai fighters"))
        [('hamas', 'trained', 'sinai'), ('trained', 'sinai', 'fighters')]
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def similarity(a: str, b: str) -> float:
    """The Jaccard similarity of two texts' word 3-shingles, from 0 to 1.

    Example:
        >>> similarity("Hamas clashed with Fatah in Gaza.", "Hamas clashed with Fatah in Gaza!")
        1.0
    """
    return jaccard(shingles(a), shingles(b))


def independent_groups(items: Sequence[T], text: Callable[[T], str],
                       threshold: float = COPY_SIMILARITY) -> list[list[T]]:
    """``items`` grouped so that items whose texts are near-identical copies (similarity
    ≥ ``threshold``, transitively) share a group; groups and members keep input order.

    Example:
        >>> independent_groups(["Hamas trained them.", "Hamas trained them!", "Fatah fought."],
        ...                    text=lambda s: s)
        [['Hamas trained them.', 'Hamas trained them!'], ['Fatah fought.']]
    """
    sets = [shingles(text(item)) for item in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if root(i) != root(j) and sets[i] and jaccard(sets[i], sets[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())
