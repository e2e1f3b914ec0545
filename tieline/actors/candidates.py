"""Names the knowledge base does not hold: near-spellings, and groups it does not know.

After exact matching, the capitalised name-like runs of a text that no known name
covers are examined:

1. a run that is a near-spelling of a known name ("Asai'ib Ahl al-Haqq", "Madhi Army")
   becomes a mention of that actor (``how="fuzzy"``), when the similarity of the folded
   strings (rapidfuzz ratio) reaches :data:`FUZZY_THRESHOLD` and each word is a
   near-spelling of its counterpart (a different word is a different name); short
   names are never matched fuzzily, their near-spellings are mostly other names;
2. a run built like the name of an armed group ("the Victorious Sect Group", "Jaysh
   al-Sunna", "the militant group Ansar Dine") becomes a *candidate actor*: an actor
   with ``candidate=True`` and an id derived from its name, so that its events are
   kept and ``tieline actors --unknown`` can list it for a user to add to the base.

The rules for what a group's name looks like are data (``lexicons/group_names.yaml``).

Example:
    >>> finder = CandidateFinder(load_kb())
    >>> [m.text for m in finder.find("The Victorious Sect Group joined the council.", [])]
    ['Victorious Sect Group']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from ..model import Actor
from ..yaml_data import load_yaml
from .kb import KnowledgeBase
from .matcher import NameMatch, fold_text, name_keys

#: Least rapidfuzz ratio (0-100) for a near-spelling to count as a known name.
FUZZY_THRESHOLD = 90.0
#: Shortest folded name that may be matched fuzzily.
FUZZY_MIN_LENGTH = 9
CANDIDATE_PREFIX = "candidate-"


@dataclass(frozen=True)
class GroupNameRules:
    head_nouns: frozenset[str]
    lead_words: frozenset[str]
    particles: frozenset[str]
    not_groups: frozenset[str]
    introducers: tuple[str, ...]


@lru_cache(maxsize=1)
def group_name_rules() -> GroupNameRules:
    path = resources.files("tieline") / "data" / "lexicons" / "group_names.yaml"
    data = load_yaml(path.read_text("utf-8"))
    return GroupNameRules(
        head_nouns=frozenset(w.lower() for w in data["head_nouns"]),
        lead_words=frozenset(w.lower() for w in data["lead_words"]),
        particles=frozenset(w.lower() for w in data["particles"]),
        not_groups=frozenset(fold_text(w).strip() for w in data["not_groups"]),
        introducers=tuple(data["introducers"]),
    )


_WORD = r"[A-Z][\w'’`]*"
_SENTENCE_OPENER = re.compile(r"([A-Z]\w+),?\s+the\s+")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)$")


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """A run of capitalised words, possibly joined by particles ("Jaysh al-Sunna", "Army
    of the Men of the Naqshbandi Order")."""
    particles = "|".join(sorted(group_name_rules().particles, key=len, reverse=True))
    joiner = rf"(?:(?:{particles})(?:-|\s+))"
    heads = "|".join(sorted({h for h in group_name_rules().head_nouns if h.isalpha()}, key=len,
                            reverse=True))
    # a head noun written in lower case may end it ("the Madhi army")
    return re.compile(rf"{_WORD}(?:(?:\s+|-){joiner}*{_WORD})*(?:\s+(?:{heads})\b)?")


def candidate_id(name: str) -> str:
    """A stable id for a candidate actor: ``candidate-`` and a slug of its name."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold_text(name).lower()).strip("-")
    return CANDIDATE_PREFIX + slug


def is_candidate_id(actor_id: str) -> bool:
    return actor_id.startswith(CANDIDATE_PREFIX)


class CandidateFinder:
    """Fuzzy matches and candidate actors among the runs no exact match covers."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.rules = group_name_rules()
        self._by_length: dict[int, tuple[list[str], list[str]]] = {}
        # folded run -> its fuzzy owner: the same capitalised runs ("Prime Minister",
        # "United Nations") recur across a news archive
        self._owner_of: dict[str, str | None] = {}

    @cached_property
    def _fuzzy_index(self) -> tuple[list[str], list[str]]:
        keys: list[str] = []
        owners: list[str] = []
        for actor in self.kb:
            ambiguous = {fold_text(n).strip() for n in actor.ambiguous}
            for name in [actor.name, *actor.aliases, *(n.name for n in actor.former_names)]:
                for key in name_keys(name):
                    if len(key) >= FUZZY_MIN_LENGTH and key not in ambiguous:
                        keys.append(key)
                        owners.append(actor.id)
        return keys, owners

    def find(self, text: str, matches: Sequence[NameMatch]) -> list[NameMatch]:
        """Fuzzy and candidate matches in ``text`` outside the spans of ``matches``."""
        taken = [(m.start, m.end) for m in matches]
        out: list[NameMatch] = []
        for start, end in self._runs(text):
            if any(s < end and start < e for s, e in taken):
                continue
            span = text[start:end]
            folded = " ".join(fold_text(span).split())
            if folded in self.rules.not_groups:
                continue
            owner = self._fuzzy_owner(folded)
            if owner is not None:
                out.append(NameMatch(start, end, span, ((owner, "fuzzy", False),)))
                continue
            last = text[start:end].split()[-1]
            if last.islower() and last in self.rules.head_nouns:
                # a lower-case head ("the Madhi army") may end a near-spelling, never
                # the name of a new group ("the Palestinian group")
                continue
            named = self._group_name_in(text, start, end)
            if named is not None:
                s, e = named
                out.append(NameMatch(s, e, text[s:e], ((candidate_id(text[s:e]), "candidate", False),)))
        return out

    def _group_name_in(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of the run that is built like a group's name: the whole run, or the
        part from a leading word on ("Fighters of [Jaysh al-Sunna]"), or the part up to
        a head noun ("[Nasser Salahuddin Brigade] Commander")."""
        if self._looks_like_group(text, start, text[start:end]):
            return start, end
        words = [(w.start() + start, w.end() + start, w.group().lower().strip("'’"))
                 for w in re.finditer(r"[^\s-]+", text[start:end])]
        for k, (s, _e, word) in enumerate(words[:-1]):
            if k > 0 and word in self.rules.lead_words:
                return (s, end) if self._looks_like_group(text, s, text[s:end]) else None
        for k in range(len(words) - 2, 0, -1):
            if words[k][2] in self.rules.head_nouns:
                e = words[k][1]
                return (start, e) if self._looks_like_group(text, start, text[start:e]) else None
        return None

    def _runs(self, text: str) -> list[tuple[int, int]]:
        runs = []
        for hit in _run_pattern().finditer(text):
            start, end = hit.start(), hit.end()
            span = hit.group()
            if span.lower().startswith("the "):
                start += 4
            else:
                opener = _SENTENCE_OPENER.match(span)
                # "Later the X Brigade": a capitalised first word of a sentence is no part
                # of the name that follows its "the".
                if opener and _SENTENCE_START.search(text[max(0, start - 3):start] or ".") \
                        and opener.group(1).lower() not in self.rules.lead_words:
                    start += opener.end()
            if end - start >= 4:
                runs.append((start, end))
        return runs

    def _keys_of_length(self, length: int) -> tuple[list[str], list[str]]:
        """The name keys a string of ``length`` characters can reach the threshold with:
        a ratio of r needs lengths within r/(2-r) of each other."""
        if length not in self._by_length:
            keys, owners = self._fuzzy_index
            r = FUZZY_THRESHOLD / 100
            low, high = length * r / (2 - r), length * (2 - r) / r
            picked = [i for i, k in enumerate(keys) if low <= len(k) <= high]
            self._by_length[length] = ([keys[i] for i in picked], [owners[i] for i in picked])
        return self._by_length[length]

    def forget(self) -> None:
        """Drop the memo of fuzzy owners (it is bounded; benchmarks start cold)."""
        self._owner_of.clear()

    def _fuzzy_owner(self, folded: str) -> str | None:
        if len(folded) < FUZZY_MIN_LENGTH:
            return None
        if folded not in self._owner_of:
            if len(self._owner_of) > 100_000:
                self._owner_of.clear()
            self._owner_of[folded] = self._closest_owner(folded)
        return self._owner_of[folded]

    def _closest_owner(self, folded: str) -> str | None:
        keys, owners = self._keys_of_length(len(folded))
        best = process.extractOne(folded, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if best is None:
            return None
        # A near-spelling shared by two actors is no evidence for either.
        rivals = process.extract(folded, keys, scorer=fuzz.ratio, score_cutoff=best[1], limit=5)
        fitting = {owners[r[2]] for r in rivals if _words_align(folded, r[0])}
        return fitting.pop() if len(fitting) == 1 else None

    def _looks_like_group(self, text: str, start: int, span: str) -> bool:
        words = [w for w in re.split(r"[\s-]+", span) if w]
        if len(words) < 2 or len(words) > 9:
            return False
        first, last = words[0].lower().strip("'’"), words[-1].lower().strip("'’")
        if last in self.rules.particles:
            return False
        if last in self.rules.head_nouns or first in self.rules.lead_words:
            return True
        before = text[max(0, start - 40):start].lower()
        return any(before.rstrip().endswith(phrase) for phrase in self.rules.introducers)


#: Least rapidfuzz ratio between two words for one to be a spelling of the other.
WORD_THRESHOLD = 75.0


def _words_align(a: str, b: str) -> bool:
    """Same number of words, each a near-spelling of its counterpart: "madhi army" is
    "mahdi army", but "movement for the liberation of azawad" is not "movement for the
    salvation of azawad"."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(fuzz.ratio(x, y) >= WORD_THRESHOLD for x, y in zip(wa, wb))


def candidate_actor(match: NameMatch) -> Actor:
    """The actor a candidate match stands for: named as written, flagged as a candidate."""
    name = match.text
    return Actor(id=candidate_id(name), name=name, kind="armed_group", candidate=True,
                 source="found in text; not in the knowledge base")
