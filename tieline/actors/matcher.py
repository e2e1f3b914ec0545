"""Find the knowledge base's names in text, fast.

All names, aliases, acronyms, former names and wing names of the base go into one
Aho-Corasick automaton (pyahocorasick) over a folded copy of the text that has the
same length as the original, so offsets carry over unchanged. Folding lowercases,
strips accents and turns punctuation (hyphens, apostrophes, quotes) into spaces;
each name is added in the forms that folding can produce ("Qa'ida" as "qa ida" and
"qaida"), with and without a leading "the", and without a leading Arabic article where
what remains is still distinctive ("al-Shabaab" as "shabaab").

Typographic variants meet: the many apostrophes of transliterated Arabic (backtick,
ʿ, ʾ, curly quotes), hyphens and en or em dashes, spaced or not ("NSCN – K" is
"NSCN-K"; the spaces around a dash between two words are read as one).

Acronyms are checked case-sensitively, punctuation aside ("IS" is not "is", "U.S" is
"U.S."); other names need at least
one capital letter in the text ("Hamas", not "hamas" inside a URL slug), except long
hyphenated ones, which are no ordinary words ("anti-balaka militias").

Example:
    >>> m = ActorMatcher(load_kb())
    >>> [(x.text, x.candidates) for x in m.find("Hamas met ISIS leaders.")][:1]
    [('Hamas', (('hamas', 'name', False),))]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from .kb import KnowledgeBase
from .normalize import normalize_name
from .spans import FreeSpans

_APOSTROPHES = "'’‘`´ʼʻʿʾ′"
_ARTICLE = re.compile(r"^(?:al|el|ad|ash|as|an|ar|at|az|ul)\s+")
_LEADING_THE = re.compile(r"^the\s+")
_DASHES = "-‐‑‒–—―"
# A dash with a space beside it, before a word ("NSCN – K"): read as one space when a
# word stands before it too.
_SPACED_DASH = re.compile(rf"(?:[ \t]+[{_DASHES}]|[{_DASHES}][ \t])[{_DASHES} \t]*(?=\w)")
_DASH_NEIGHBOURS = tuple(f"{space}{dash}" for dash in _DASHES for space in " \t") + \
    tuple(f"{dash}{space}" for dash in _DASHES for space in " \t")
# What folding leaves that is neither a letter, a digit nor a space (rare: most
# punctuation folds to a space; so does the underscore, the one word character of
# ``\w`` that is no letter or digit)
_NOT_WORD = re.compile(r"[^\w ]")


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x250):
        ch = chr(code)
        if ch.isalnum():
            base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if not unicodedata.combining(c)).lower()
            table[code] = base if len(base) == 1 else ch.lower()
        else:
            table[code] = " "
    for code in range(0x2000, 0x2070):
        table[code] = " "
    for ch in _APOSTROPHES:
        table[ord(ch)] = " "
    return table


_FOLD = _fold_table()


def fold_text(text: str) -> str:
    """Lowercase, accent-free, punctuation-as-space copy of ``text``, same length.

    Example:
        >>> fold_text("Al Qa'ida-Irak")
        'al qa ida irak'
    """
    folded = text.translate(_FOLD)
    if len(folded) != len(text):  # a character folded to several; keep offsets exact
        folded = "".join(_FOLD.get(ord(c), c.lower()[:1] or " ") for c in text)
    return folded


def name_keys(name: str) -> set[str]:
    """The folded forms under which a knowledge-base name is looked up in text."""
    spaced = " ".join(fold_text(name).split())
    joined = " ".join(fold_text(name.translate({ord(c): None for c in _APOSTROPHES})).split())
    # The raw folded form keeps the double space a word-final apostrophe leaves
    # ("Workers' Party" -> "workers  party"), as folding the text will.
    raw = fold_text(name).strip()
    keys = {spaced, joined, raw, normalize_name(name)}
    for key in list(keys):
        bare = _LEADING_THE.sub("", key)
        keys.add(bare)
        stripped = _ARTICLE.sub("", bare)
        if stripped != bare and len(stripped) >= 5:
            keys.add(stripped)
    return {k for k in keys if k}


def _squeeze_dashes(text: str, folded: str) -> tuple[str, list[int], list[int]]:
    """``folded`` with each spaced dash of ``text`` as one space, and the map back: the
    squeezed positions of those spaces and the characters removed up to each.

    Example:
        >>> _squeeze_dashes("A – B", "a   b")
        ('a b', [1], [2])
    """
    pieces: list[str] = []
    at_runs: list[int] = []
    removed: list[int] = []
    at = total = 0
    for run in _SPACED_DASH.finditer(text):
        if run.start() == 0 or not text[run.start() - 1].isalnum():
            continue
        pieces += [folded[at:run.start()], " "]
        at_runs.append(run.start() - total)
        total += run.end() - run.start() - 1
        removed.append(total)
        at = run.end()
    pieces.append(folded[at:])
    return "".join(pieces), at_runs, removed


def _original(position: int, at_runs: list[int], removed: list[int]) -> int:
    """The offset in the text of a position of the squeezed copy."""
    k = bisect_left(at_runs, position)
    return position + (removed[k - 1] if k else 0)


def _same_acronym(span: str, acronym: str) -> bool:
    """The text spells the acronym, case kept, punctuation aside: "U.S" is "U.S.",
    "NSCN – K" is "NSCN-K", "Is" is not "IS"."""
    return [c for c in span if c.isalnum()] == [c for c in acronym if c.isalnum()]


@dataclass(frozen=True)
class NameMatch:
    """A knowledge-base name found in text, before resolution.

    ``candidates`` are (actor id, how, ambiguous) triples: one name may belong to
    several actors when the base declares it ambiguous.
    """

    start: int
    end: int
    text: str
    candidates: tuple[tuple[str, str, bool], ...]


@dataclass(frozen=True)
class _Entry:
    actor_id: str
    how: str
    ambiguous: bool
    exact: str | None  # the acronym as written, checked case-sensitively


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(name) <= 8 and " " not in name and \
        sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


class ActorMatcher:
    """An automaton over every name of a knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        table: dict[str, list[_Entry]] = {}
        for actor in kb:
            ambiguous = {normalize_name(n) for n in actor.ambiguous}
            named: list[tuple[str, str]] = [(actor.name, "name")]
            named += [(n, "alias") for n in actor.aliases]
            named += [(n, "acronym") for n in actor.acronyms]
            named += [(n.name, "former_name") for n in actor.former_names]
            named += [(n, "wing") for n in actor.wings]
            named += [(n.name, "territory") for n in actor.territories]
            named += [(n.name, "leader") for n in actor.leaders]
            for name, how in named:
                exact = name if (how == "acronym" or _is_acronym(name)) else None
                if exact and how not in ("former_name", "territory", "leader"):
                    how = "acronym"
                # An acronym is ambiguous only in the case written ("LET", not "LeT").
                amb = name in actor.ambiguous if exact else normalize_name(name) in ambiguous
                keys = {" ".join(fold_text(name).split())} if exact else name_keys(name)
                for key in keys:
                    entries = table.setdefault(key, [])
                    entry = _Entry(actor.id, how, amb, exact)
                    if entry not in entries:
                        entries.append(entry)
        # Keys of letters, digits and spaces are looked for with a space on each side in
        # the folded text with every other character a space: the automaton then reports
        # the whole-word occurrences only, not the many inside longer words ("is" in
        # "this"). The few other keys (scripts with combining marks) are looked for as
        # they are, and their boundaries checked after.
        self._bounded = ahocorasick.Automaton()
        self._automaton = ahocorasick.Automaton()
        bounded = other = 0
        for key, entries in table.items():
            if all(c.isalnum() or c == " " for c in key):
                self._bounded.add_word(f" {key} ", (key, tuple(entries)))
                bounded += 1
            else:
                self._automaton.add_word(key, (key, tuple(entries)))
                other += 1
        self._searched = [a for a, n in ((self._bounded, bounded), (self._automaton, other)) if n]
        for automaton in self._searched:
            automaton.make_automaton()

    def find(self, text: str) -> list[NameMatch]:
        """Non-overlapping name matches in ``text``, longest first, in text order."""
        folded = fold_text(text)
        at_runs: list[int] = []
        removed: list[int] = []
        if any(pair in text for pair in _DASH_NEIGHBOURS):
            folded, at_runs, removed = _squeeze_dashes(text, folded)
        n_text = len(text)
        found: list[NameMatch] = []
        for start, end, entries in self._occurrences(folded):
            if at_runs:
                start, end = _original(start, at_runs, removed), _original(end - 1, at_runs, removed) + 1
            if end < n_text and text[end] == "." and any(
                    e.exact is not None and e.exact[-1] == "." for e in entries):
                end += 1  # the acronym's own final period ("U.S.")
            span = text[start:end]
            cands = []
            for e in entries:
                if e.exact is not None:
                    if span != e.exact and not _same_acronym(span, e.exact):
                        continue
                elif not any(c.isupper() for c in span) and any(c.isascii() and c.isalpha() for c in span) \
                        and not ("-" in span and len(span) >= 8):
                    # a name needs a capital letter, unless it is a long hyphenated one,
                    # which is no ordinary word ("anti-balaka militias", "al-qaeda")
                    continue
                cands.append((e.actor_id, e.how, e.ambiguous))
            if cands:
                found.append(NameMatch(start, end, span, tuple(dict.fromkeys(cands))))
        # Longest first, then leftmost: "the Islamic State in the Greater Sahara" is one
        # name, not "the Islamic State" followed by a stray "in the Greater Sahara".
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        free = FreeSpans()
        chosen = [m for m in found if free.take(m.start, m.end)]
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _occurrences(self, folded: str) -> Iterator[tuple[int, int, tuple[_Entry, ...]]]:
        """(start, end, entries) of each key found in ``folded`` as whole words: with no
        letter or digit right before or after it."""
        n = len(folded)
        for automaton in self._searched:
            if automaton is self._bounded:
                spaced = f" {_NOT_WORD.sub(' ', folded)} "
                for end_index, (key, entries) in automaton.iter(spaced):
                    # the key's own spaces stood for spaces, not for other characters
                    start = end_index - len(key) - 1
                    if folded.startswith(key, start):
                        yield start, start + len(key), entries
                continue
            for end_index, (key, entries) in automaton.iter(folded):
                start, end = end_index - len(key) + 1, end_index + 1
                if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                    continue
                yield start, end, entries
