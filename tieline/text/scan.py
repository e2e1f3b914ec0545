"""Cheap pre-filters for expensive patterns: where some words may stand in a text.

A regular expression that opens with an optional part or a long alternation (a list of
state names, of nouns) is tried at every character of a text, which is slow on a long
page. Most texts hold none of the words such a pattern needs, or hold them in a few
places only; a plain substring search (in C) finds those places, and the pattern is
then run only there.

:func:`lowered_for_search` gives a lower-case copy of a text in which a word of ASCII
letters stands exactly where a case-insensitive regular expression (``(?i:word)``)
would find it, or None when the text holds a character for which this is not so;
:func:`word_positions` gives every place where some of the words start in that copy.

Example:
    >>> low = lowered_for_search("The Army and the POLICE")
    >>> word_positions(low, ("army", "police"))
    [4, 17]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# The characters other than ASCII ones that a case-insensitive expression of Python's
# ``re`` takes for an ASCII letter: dotted and dotless I (i), long s (s), Kelvin sign (k).
# ``tests/test_text_scan.py`` checks this list against ``re`` itself.
CASE_TWINS_OF_ASCII = "\u0130\u0131\u017f\u212a"
_TWINS = re.compile(f"[{CASE_TWINS_OF_ASCII}]")


def lowered_for_search(text: str) -> str | None:
    """``text`` in lower case, same length, where ASCII words are found as ``(?i:...)``
    finds them; None when it holds a character ``re`` folds onto an ASCII letter."""
    if not text.isascii() and _TWINS.search(text):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def word_positions(lowered: str, words: Iterable[str]) -> list[int]:
    """The sorted offsets in ``lowered`` where one of ``words`` (lower case) starts."""
    found: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at != -1:
            found.add(at)
            at = lowered.find(word, at + 1)
    return sorted(found)


def words_before(text: str, position: int, gaps: int) -> int:
    """The first offset ``s`` such that ``text[s:position]`` holds at most ``gaps``
    runs of whitespace and starts with no whitespace: where a phrase of at most
    ``gaps + 1`` words that ends at ``position`` may start.

    Example:
        >>> t = "the Syrian  army"
        >>> t[words_before(t, 12, 1):]
        'Syrian  army'
    """
    at = position
    for crossed in range(gaps + 1):
        while at > 0 and not text[at - 1].isspace():
            at -= 1
        if crossed == gaps or at == 0:
            break
        while at > 0 and text[at - 1].isspace():
            at -= 1
    return at


def alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """A regular expression for any of ``words``, longest first, each space matching any
    run of whitespace, grouped as :func:`grouped_alternation` groups them.

    Example:
        >>> print(alternation(["army", "air force", "police", "-x"]))
        a(?:ir\\s+force|rmy)|police|\\-x
    """
    ordered = sorted(words, key=len, reverse=True)
    return grouped_alternation(ordered, [re.escape(w).replace(r"\ ", r"\s+") for w in ordered],
                               ignore_case)


def grouped_alternation(words: Sequence[str], patterns: Sequence[str], ignore_case: bool = False) -> str:
    """The alternation of ``patterns`` (the expression of each of ``words``, in the order
    given) with those of the words that open with the same letter or digit grouped
    behind it ("a(?:rmy|uthorities)"), so that ``re`` tries one branch, not all, where a
    word may start. It finds what ``"|".join(patterns)`` finds, with the same groups:
    words that can match at one place open with the same character, and keep their
    order. A word whose expression does not open with the word's first character, as
    :func:`re.escape` writes it, stays a branch of its own, as does one that opens with
    anything but a letter or a digit. ``ignore_case`` says that the expression is used
    case-insensitively: nothing is grouped then if a word opens with a letter or digit
    outside ASCII (which ``re`` may take for another).
    """
    plain = "|".join(patterns)
    if not all(words) or ignore_case and any(w[0].isalnum() and not w[0].isascii() for w in words):
        return plain
    # the branches in order: (first character, what follows it in each word); a word
    # that cannot be grouped is a branch of its own (first character None)
    branches: list[tuple[str | None, list[str]]] = []
    by_first: dict[str, list[str]] = {}
    for word, pattern in zip(words, patterns, strict=True):
        head = re.escape(word[0])
        first = word[0].lower() if ignore_case else word[0]
        if not first.isalnum() or not pattern.startswith(head):
            branches.append((None, [pattern]))
        elif first in by_first:
            by_first[first].append(pattern[len(head):])
        else:
            by_first[first] = [pattern[len(head):]]
            branches.append((first, by_first[first]))
    out = []
    for opening, rests in branches:
        if opening is None:
            out.append(rests[0])
        elif len(rests) == 1:
            out.append(re.escape(opening) + rests[0])
        else:
            out.append(f"{re.escape(opening)}(?:{'|'.join(rests)})")
    return "|".join(out)


def opening_class(words: Iterable[str]) -> str | None:
    """A character class holding every character with which one of ``words`` matches,
    case ignored or not (``[Aa-]`` for "army" and "-courtesy"): put in a lookahead before
    an alternation that is searched for, it lets ``re`` pass over most places at the cost
    of one test. None when a word opens with whitespace, or with a character neither
    ASCII nor punctuation (which may have case variants).

    Example:
        >>> opening_class(["photo by", "/afp", "Getty images", "– courtesy"])
        '[/GPgp–]'
    """
    chars: set[str] = set()
    for word in words:
        first = word[:1]
        if first and not first.isascii() and unicodedata.category(first).startswith("P"):
            chars.add(first)  # punctuation has no case
            continue
        if not first or not first.isascii() or first.isspace():
            return None
        chars |= {first, first.lower(), first.upper()}
        chars |= {twin for twin in CASE_TWINS_OF_ASCII
                  if re.fullmatch(re.escape(first), twin, re.IGNORECASE)}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def key_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """Words of which a text holds one wherever it holds one of ``phrases``, looked for
    case-insensitively (``(?i)``, any whitespace between their words) in the text as
    :func:`lowered_for_search` lowers it: each phrase's word with the longest opening of
    ASCII characters and punctuation (which has no case), cut to that opening; a key
    that holds another is left out. None when a phrase has no such word.

    Example:
        >>> key_words(["photo by", "- courtesy", "ap photo", "photograph:"])
        ('courtesy', 'photo')
    """
    keys = set()
    for phrase in phrases:
        key = max((_literal_prefix(w) for w in str(phrase).lower().split()), key=len, default="")
        if not key:
            return None
        keys.add(key)
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def may_hold(lowered: str | None, keys: tuple[str, ...] | None) -> bool:
    """Whether a text (``lowered`` as :func:`lowered_for_search` gives it) may hold one
    of the phrases whose :func:`key_words` are ``keys``."""
    return lowered is None or keys is None or any(k in lowered for k in keys)


def _literal_prefix(word: str) -> str:
    """The opening of ``word`` that a case-insensitive expression finds only where the
    lowered text has it: ASCII characters and punctuation."""
    out = []
    for c in word:
        if not (c.isascii() or unicodedata.category(c).startswith("P")):
            break
        out.append(c)
    return "".join(out)


def holds_words(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words: what
    ``re.search(rf"\\b{re.escape(words)}\\b", text)`` tells, without compiling an
    expression for each ``words`` (a substring search, and the word boundaries checked
    as ``re`` defines them: a letter, digit or underscore on one side only).

    Example:
        >>> holds_words("the sinai-based group", "sinai"), holds_words("sinais", "sinai")
        (True, False)
    """
    if not words:
        return re.search(r"\b", text) is not None
    at = text.find(words)
    while at != -1:
        if _boundary(text, at) and _boundary(text, at + len(words)):
            return True
        at = text.find(words, at + 1)
    return False


def _boundary(text: str, at: int) -> bool:
    """Whether ``\\b`` holds at offset ``at`` of ``text``."""
    before = at > 0 and _is_word(text[at - 1])
    after = at < len(text) and _is_word(text[at])
    return before != after


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def word_alternation(words: Iterable[str]) -> str:
    """What ``\\b(?i:{alternation(words)})`` matches (any of ``words``, case ignored,
    opening at a word boundary), written to open with one class of characters, which
    ``re`` skips to fast instead of trying the alternation at every character:
    ``[AaTt](?<!\\w.)(?:(?<=[Aa])(?i:rmy)|(?<=[Tt])(?i:roops))``. The boundary is the
    lookbehind after the first letter, which is a word character. When a word does not
    open with an ASCII letter, the plain form is returned.

    Example:
        >>> import re
        >>> pattern = re.compile(word_alternation(["army", "troops"]))
        >>> [m.group() for m in pattern.finditer("The ARMY, not the navy's troops; Tarmy")]
        ['ARMY', 'troops']
    """
    ordered = sorted(words, key=len, reverse=True)
    if not ordered or not all(w[:1].isascii() and w[:1].isalpha() for w in ordered):
        return rf"\b(?i:{alternation(ordered, ignore_case=True)})"
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:]).replace(r"\ ", r"\s+"))
    branches = []
    letters: set[str] = set()
    for first, rests in groups.items():
        variants = _case_variants(first)
        letters |= variants
        branches.append(f"(?<=[{''.join(sorted(variants))}])(?i:{'|'.join(rests)})")
    return f"[{''.join(sorted(letters))}](?<!\\w.)(?:{'|'.join(branches)})"


def _case_variants(letter: str) -> set[str]:
    """An ASCII letter in both cases, and the other characters ``re`` takes for it."""
    return {letter.lower(), letter.upper()} | {
        twin for twin in CASE_TWINS_OF_ASCII if re.fullmatch(letter, twin, re.IGNORECASE)}
