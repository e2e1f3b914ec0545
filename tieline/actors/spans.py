"""Spans taken one by one, none overlapping another, each checked in logarithmic time.

Choosing the longest of overlapping matches takes the matches longest first and keeps
each one that overlaps none kept before. Comparing each with all those kept is
quadratic in the matches of a document; :class:`FreeSpans` keeps the taken spans in
order instead, so that one binary search finds the only one that may overlap.

Example:
    >>> free = FreeSpans()
    >>> [free.take(s, e) for s, e in [(4, 9), (0, 5), (9, 12), (0, 4)]]
    [True, False, True, True]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_HasSpan)


class FreeSpans:
    """The spans ``[start, end)`` taken so far, disjoint, in text order.

    Two spans overlap when each starts before the other ends, as in ``a.start < b.end
    and b.start < a.end``; an empty span overlaps only a span around it.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span taken."""
        # the taken spans are disjoint and in order, so their ends are in order too: the
        # first one that ends after ``start`` is the only one that may overlap
        k = bisect_right(self._ends, start)
        return k < len(self._starts) and self._starts[k] < end

    def take(self, start: int, end: int) -> bool:
        """Take ``[start, end)`` if it overlaps no span taken; whether it was taken."""
        k = bisect_right(self._ends, start)
        if k < len(self._starts) and self._starts[k] < end:
            return False
        self._starts.insert(k, start)
        self._ends.insert(k, end)
        return True


class SpanIndex(Generic[_Spanned]):
    """Items with ``start`` and ``end`` (name matches), for finding those that overlap
    a span: by binary search when the items are in order of both starts and ends (the
    non-overlapping matches of a text are), else by looking at each."""

    def __init__(self, items: Sequence[_Spanned]) -> None:
        self._items = items
        self._starts = [m.start for m in items]
        self._ends = [m.end for m in items]
        self._ordered = all(a <= b for a, b in zip(self._starts, self._starts[1:], strict=False)) \
            and all(a <= b for a, b in zip(self._ends, self._ends[1:], strict=False))

    def overlapping(self, start: int, end: int) -> list[_Spanned]:
        """The items that overlap ``[start, end)``, in their order."""
        if not self._ordered:
            return [m for m in self._items if m.start < end and start < m.end]
        # ends in order: those that end after ``start`` follow the first of them;
        # starts in order: those that start before ``end`` precede the first that does not
        return list(self._items[bisect_right(self._ends, start):bisect_left(self._starts, end)])
