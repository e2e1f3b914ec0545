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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from ..model import Actor
from ..text.scan import grouped_alternation
from ..yaml_data import load_yaml
from .kb import KnowledgeBase
from .matcher import NameMatch, fold_text, name_keys
from .spans import FreeSpans, SpanIndex

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
    openers: frozenset[str]
    part_nouns: frozenset[str]
    generic_owners: frozenset[str]
    self_nouns: frozenset[str]
    descriptive_heads: frozenset[str]
    complement_heads: frozenset[str]
    follower_heads: frozenset[str]


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
        openers=frozenset(data["openers"]),
        part_nouns=frozenset(data["part_nouns"]),
        generic_owners=frozenset(w.lower() for w in data["generic_owners"]),
        self_nouns=frozenset(w.lower() for w in data["self_nouns"]),
        descriptive_heads=frozenset(w.lower() for w in data["descriptive_heads"]),
        complement_heads=frozenset(w.lower() for w in data["complement_heads"]),
        follower_heads=frozenset(w.lower() for w in data["follower_heads"]),
    )


_WORD = r"[A-Z][\w'’`]*"
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\s+$")
_FIRST_WORD = re.compile(r"([A-Z][a-z]+)\s+(?:the\s+)?(?=[A-Z])")
_PART_OF = re.compile(r"([A-Z][a-z]+)\s+of\s+(?:the\s+)?(?=[A-Z])")
_OF_BEFORE = re.compile(r"\s+(?:of|in|for)\s+(?:the\s+)?$")
_CAPITALISED_AFTER = re.compile(r"[^\S\n]+[A-Z]")
_DASH_FACTION = re.compile(r"[^\S\n]*[–—][^\S\n]*([A-Z][A-Za-z]{0,11})\b|[^\S\n]+-[^\S\n]+([A-Z][A-Za-z]{0,11})\b")
_POSSESSIVE_AT = re.compile(r"['’]s?\s+")
_LEADING_ACRONYM_POSSESSIVE = re.compile(r"[A-Z]{1,6}['’]s?\s+(?=[A-Z])")
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_HEAD = re.compile(r"['’]\s+([a-z]+)\b")
_JOINED = re.compile(r"\b([A-Z][\w'’`-]+)\s+and\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")
_ACRONYM = re.compile(r"\(\s*((?:[A-Z][A-Za-z0-9&]?\.?){2,10})\s*\)")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*((?:[A-Z][A-Za-z0-9&]?\.?){2,10})\s*\)")
_SENTENCE_OPENER = re.compile(r"([A-Z]\w+),?\s+the\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NON_SPACE = re.compile(r"\S+")
_WORD_BETWEEN_DASHES = re.compile(r"[^\s\-–—]+")
_WORD_BETWEEN_HYPHENS = re.compile(r"[^\s-]+")
_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")
_TRAILING_THE = re.compile(r"(?i)\s+the\s*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*)$")


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens the text, a line or a sentence."""
    return start == 0 or _SENTENCE_START.search(text[max(0, start - 3):start]) is not None


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """A run of capitalised words, possibly joined by particles ("Jaysh al-Sunna", "Army
    of the Men of the Naqshbandi Order")."""
    particles = _words(sorted(group_name_rules().particles, key=len, reverse=True))
    space = r"[^\S\n]+"  # a name does not run on across lines
    joiner = rf"(?:(?:{particles})(?:-|{space}))"
    rules = group_name_rules()
    heads = _words(sorted({h for h in rules.head_nouns | rules.descriptive_heads if h.isalpha()},
                          key=len, reverse=True))
    # a head noun written in lower case may end it ("the Madhi army", "the Zintan militia")
    # a numbered unit opens with its ordinal ("the 10th Front", "the 7th Muslim brigade");
    # a run opens with a capital or a digit (the lookahead passes over other places fast)
    ordinal = rf"(?:\d{{1,3}}(?:st|nd|rd|th){space})?"
    return re.compile(
        rf"(?=[A-Z\d]){ordinal}{_WORD}(?:(?:{space}|-){joiner}*{_WORD})*(?:{space}(?:{heads})\b)?")


def _words(words: list[str]) -> str:
    """The alternation of ``words`` (as written, in this order), grouped by first letter
    when none holds a character that has a meaning in an expression."""
    if any(re.escape(w) != w for w in words):
        return "|".join(words)
    return grouped_alternation(words, words)


def candidate_id(name: str) -> str:
    """A stable id for a candidate actor: ``candidate-`` and a slug of its name."""
    slug = _NOT_SLUG.sub("-", fold_text(name).lower()).strip("-")
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
        # the same for a run as written (before folding and the readings without a
        # possessive or a head noun)
        self._owner_of_span: dict[str, str | None] = {}

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
        """Fuzzy and candidate matches in ``text`` beside the exact ``matches``.

        A returned match may cover exact matches: a longer name that contains a known
        one ("Tawheed and Jihad", "the Nour al-Din Zinki Movement", "Peshmerga Rojava
        forces"), which the resolver then prefers to the known name inside it.
        """
        headlines = _title_case_lines(text)
        out: list[NameMatch] = []
        known = SpanIndex(matches)
        for start, end in self._runs(text):
            inside = known.overlapping(start, end)
            headline = any(s <= start < e for s, e in headlines)
            if inside:
                found = None if headline else self._covering(text, start, end, inside)
            else:
                found = self._new_name(text, start, end, headline)
            if found is not None:
                out.append(found)
        out += self._dash_factions(text, matches)
        out += self._joined_names(text, matches, out, headlines)
        out += self._acronym_names(text, matches, out)
        return [self._named_by_acronym(text, m) for m in outermost(out)]

    def _named_by_acronym(self, text: str, m: NameMatch) -> NameMatch:
        """A candidate the text defines with an acronym the base knows ("Movement for
        the Liberation of Azawad (MNLA)") is that acronym's group, named another way."""
        if m.candidates[0][1] != "candidate":
            return m
        hit = _ACRONYM_AFTER.match(text, m.end)
        owner = self._acronym_owner(hit.group(1).replace(".", "")) if hit else None
        return NameMatch(m.start, m.end, m.text, ((owner, "fuzzy", False),)) if owner else m

    def _new_name(self, text: str, start: int, end: int, headline: bool) -> NameMatch | None:
        """A run no known name touches: a near-spelling of one, or a new group."""
        span = text[start:end]
        folded = " ".join(fold_text(span).split())
        if folded in self.rules.not_groups:
            return None
        owner = self._fuzzy_owner_of(span)
        if owner is not None:
            return NameMatch(start, end, span, ((owner, "fuzzy", False),))
        if headline:
            # A headline capitalises every word: only a known name at its start counts
            # ("Jeish al-Islam Stormed Rival Terrorists"), never a new name.
            return self._headline_prefix(text, start, end)
        if self._owned(text, start):
            return None  # "our Islamic Movement" is a phrase, not a name
        last = span.split()[-1]
        if last.islower() and (last in self.rules.head_nouns or last in self.rules.descriptive_heads):
            # a lower-case head ("the Madhi army") may end a near-spelling (above), or
            # make a descriptive actor of a place or name ("the Zintan militia")
            return self._descriptive(text, start, end)
        named = self._group_name_in(text, start, end)
        if named is None:
            return None
        s, e = named
        return _candidate(text, s, e)

    def _covering(self, text: str, start: int, end: int,
                  inside: list[NameMatch]) -> NameMatch | None:
        """A run longer than the known names inside it: the longer name, when it is one.

        "Nour al-Din Zinki Movement" is the known group under its own fuller name;
        "Islamic State West African Province" a near-spelling of a known name;
        "Peshmerga Rojava forces" or "Liberation Army of Azawad" a group of its own.
        "Iraqi Hezbollah" or "Taliban Commander Mullah Omar" are the known name with
        words around it, and stay as they are.
        """
        span = text[start:end]
        outside = [(w.start() + start, w.group()) for w in _WORD_BETWEEN_DASHES.finditer(span)
                   if not any(m.start <= w.start() + start < m.end for m in inside)]
        words = [w.strip("'’`") for _, w in outside]
        capitalised = [w for w in words if w[:1].isupper() and w.lower() not in self.rules.particles]
        if outside and outside[0][0] == start and _at_sentence_start(text, start) \
                and capitalised and capitalised[0] == words[0]:
            capitalised = capitalised[1:]  # "Wounded Jabhat al-Nusra fighters": a first word
        if len(inside) == 1 and words and all(w.lower() in self.rules.self_nouns for w in words) \
                and inside[0].end <= outside[0][0]:
            m = inside[0]  # "the Nour al-Din Zinki Movement": the same group, named in full
            return NameMatch(start, end, span, m.candidates)
        if not capitalised or all(w.lower() in self._state_words for w in capitalised):
            # known names side by side, a known name and a wing noun, or a demonym
            # before it ("Iraqi Hezbollah fighters")
            return None
        owner = self._fuzzy_owner_of(span)
        if owner is not None:
            return NameMatch(start, end, span, ((owner, "fuzzy", False),))
        for m in inside:
            if _POSSESSIVE_AT.match(text, m.end):
                # "Hamas's Qassam Brigades", "the NSCN's Indo-Burma Front": a group of the
                # known one, named after the possessive; the known name stays itself
                rest = _POSSESSIVE_AT.match(text, m.end).end()  # type: ignore[union-attr]
                if any(x.start >= rest for x in inside) or end - rest < 4:
                    return None
                return _candidate(text, rest, end) if \
                    self._looks_like_group(text, rest, text[rest:end]) else None
            if self._is_state(m) and not _OF_BEFORE.search(text, start, m.start) \
                    and not _CAPITALISED_AFTER.match(text, m.end, end):
                return None  # "African Mali army", "Crusader Mozambican army": the state's
        part = self._part_of_known(text, start, inside)
        if part is not None:
            return None if part is _KEEP else part
        last_inside = any(m.start < end <= m.end for m in inside)
        if last_inside and not all(self._is_state(m) for m in inside if m.end >= end) and \
                all(w.lower() in self._state_words for w in capitalised):
            return None  # "Iraqi Hezbollah": a known name with a demonym before it
        if self._owned(text, start):
            return None
        if self._looks_like_group(text, start, span):
            return _candidate(text, start, end)
        return None

    def _part_of_known(self, text: str, start: int, inside: list[NameMatch]) -> NameMatch | None:
        """"the Jose Solano Front of the National Liberation Army": a unit of a known group
        is a name of its own before "of", and the known group stays itself."""
        for m in inside:
            if self._is_state(m):
                continue
            of = _OF_BEFORE.search(text, start, m.start)
            if of is None or any(x.start < of.start() for x in inside if x is not m and x.start < m.start):
                continue
            if of.start() - start >= 4 and self._looks_like_group(text, start, text[start:of.start()]):
                return _candidate(text, start, of.start())
            return _KEEP  # "Fighters of the Popular Mobilization Forces": the known group
        return None

    def _descriptive(self, text: str, start: int, end: int) -> NameMatch | None:
        """"the Zintan militia", "a Misrata fighters' movement": a capitalised name or
        place (no known group, no state, not a sentence's first word) and a lower-case
        noun for an armed body make a descriptive actor, named as written."""
        words = text[start:end].split()
        if words[-1] not in self.rules.descriptive_heads:
            return None
        named = words[:-1]
        tail = _POSSESSIVE_HEAD.match(text, end)
        if tail and tail.group(1).lower() in self.rules.descriptive_heads:
            end = tail.end()  # "Misrata fighters' movement"
        elif len(named) == 1 and words[-1].endswith("s") \
                and words[-1] not in self.rules.follower_heads:
            return None  # "Hazara militias", "Islamist fighters": a class of people, no body
        if not named or any(w.strip("'’") in self.rules.openers for w in named) \
                or _at_sentence_start(text, start):
            return None
        if any(w.lower().strip("'’") in self._state_words for w in named):
            return None  # "Libyan forces" are the state's (tieline.actors.states)
        return _candidate(text, start, end)

    def _headline_prefix(self, text: str, start: int, end: int) -> NameMatch | None:
        """The longest start of a headline's run that is a near-spelling of a known name."""
        words = list(_NON_SPACE.finditer(text[start:end]))
        for k in range(len(words) - 1, 1, -1):
            e = start + words[k - 1].end()
            owner = self._fuzzy_owner_of(text[start:e])
            if owner is not None:
                return NameMatch(start, e, text[start:e], ((owner, "fuzzy", False),))
        return None

    def _dash_factions(self, text: str, matches: Sequence[NameMatch]) -> list[NameMatch]:
        """"NSCN – K", "ULFA – I", "National Socialist Council of Nagalim – Khaplang": a
        known name, a dash and a capitalised word name the faction the base knows as
        "NSCN-K" or "National Socialist Council of Nagaland (Khaplang)"."""
        out = []
        for m in matches:
            hit = _DASH_FACTION.match(text, m.end)
            if hit is None:
                continue
            suffix = hit.group(1) or hit.group(2)
            owner = self._acronym_owner(f"{m.text}-{suffix}") if m.text.isupper() \
                else self._faction_owner(m.text, suffix)
            if owner is not None:
                out.append(NameMatch(m.start, hit.end(), text[m.start:hit.end()],
                                     ((owner, "fuzzy", False),)))
        return out

    def _faction_owner(self, name: str, suffix: str) -> str | None:
        """The one actor with a name that starts like ``name`` and holds the word
        ``suffix``: "National Socialist Council of Nagaland (Khaplang)"."""
        stem_words = fold_text(name).split()[:-1]
        stem = " ".join(stem_words)
        word = fold_text(suffix).strip()
        index = self._names_by_first_word
        # a name that starts with a stem of two words or more has the stem's first word
        entries = index.get(stem_words[0], []) if len(stem_words) >= 2 else \
            [e for group in index.values() for e in group]
        owners = {actor_id for actor_id, folded, joined in entries
                  if joined.startswith(stem) and word in folded[len(stem_words):]}
        return owners.pop() if len(owners) == 1 else None

    @cached_property
    def _names_by_first_word(self) -> dict[str, list[tuple[str, list[str], str]]]:
        """Every name of the base, folded: (actor id, its words, the words joined), by
        its first word (folded once, not for each faction looked up)."""
        index: dict[str, list[tuple[str, list[str], str]]] = {}
        for actor in self.kb:
            for n in actor.all_names():
                folded = fold_text(n).split()
                index.setdefault(folded[0] if folded else "", []).append(
                    (actor.id, folded, " ".join(folded)))
        return index

    def _joined_names(self, text: str, matches: Sequence[NameMatch], found: list[NameMatch],
                      headlines: list[tuple[int, int]]) -> list[NameMatch]:
        """"Tawheed and Jihad": a capitalised word joined by "and" to a name's head noun
        ("Jihad", "Resistance") is one name, not a word and the known group that the
        head alone may spell."""
        out = []
        for hit in _JOINED.finditer(text):
            first, head = hit.group(1), hit.group(2)
            if head.lower() not in self.rules.head_nouns or first in self.rules.openers \
                    or any(s <= hit.start() < e for s, e in headlines) \
                    or _at_sentence_start(text, hit.start()):
                continue
            if any(m.start < hit.end(1) and hit.start() < m.end for m in [*matches, *found]):
                continue  # "Hamas and Jihad": two names
            span = hit.group()
            owner = self._fuzzy_owner_of(span)
            how = ((owner, "fuzzy", False),) if owner else ((candidate_id(span), "candidate", False),)
            out.append(NameMatch(hit.start(), hit.end(), span, how))
        return out

    def _acronym_names(self, text: str, matches: Sequence[NameMatch],
                       found: list[NameMatch]) -> list[NameMatch]:
        """A capitalised name the text defines with an acronym, "the People's Revolutionary
        Front (FRP)": the shortest run of capitalised words before the brackets whose
        initials hold the acronym's letters. The name is a known group when the acronym
        or a near-spelling says so, else a candidate."""
        out = []
        for hit in _ACRONYM.finditer(text):
            acronym = hit.group(1).replace(".", "")
            named = _initials_span(text, hit.start(), acronym, self.rules.particles)
            if named is None:
                continue
            start, end = named
            if any(m.start == start and m.end == end for m in [*matches, *found]):
                continue  # a name already found; the resolver binds its acronym
            if any(m.start < start < m.end or m.start < end < m.end for m in [*matches, *found]):
                continue  # it would cut a name found already
            span = text[start:end]
            owner = self._acronym_owner(acronym) or self._fuzzy_owner_of(span)
            how = ((owner, "fuzzy", False),) if owner else ((candidate_id(span), "candidate", False),)
            out.append(NameMatch(start, end, span, how))
        return out

    def _acronym_owner(self, acronym: str) -> str | None:
        """The one actor of the base with this acronym, not declared ambiguous."""
        owners = self._acronym_owners.get(acronym, set())
        return next(iter(owners)) if len(owners) == 1 else None

    @cached_property
    def _acronym_owners(self) -> dict[str, set[str]]:
        """Each acronym of the base -> the actors that have it and do not declare it
        ambiguous."""
        index: dict[str, set[str]] = {}
        for actor in self.kb:
            for acronym in actor.acronyms:
                if acronym not in actor.ambiguous:
                    index.setdefault(acronym, set()).add(actor.id)
        return index

    @cached_property
    def _state_words(self) -> frozenset[str]:
        """Names and demonyms of the base's states, in lower case."""
        return frozenset(w.lower() for a in self.kb if a.kind == "state"
                         for w in (a.name, *a.descriptors))

    def _is_state(self, m: NameMatch) -> bool:
        return any(c[0] in self.kb and self.kb.get(c[0]).kind == "state" for c in m.candidates)

    def _owned(self, text: str, start: int) -> bool:
        """Whether a possessive pronoun stands right before ``start`` ("our ...")."""
        previous = _PREVIOUS_WORD.search(text[max(0, start - 12):start])
        return previous is not None and previous.group(1).lower() in self.rules.generic_owners

    def _fuzzy_owner_of(self, span: str) -> str | None:
        """The known actor ``span`` is a near-spelling of, also read without a possessive
        ("Jeish al-Islam's", "Libya's Dawn") or a lower-case head noun ("the Madhi army"
        is found whole)."""
        if span not in self._owner_of_span:
            if len(self._owner_of_span) > 100_000:
                self._owner_of_span.clear()
            self._owner_of_span[span] = self._read_fuzzy_owner(span)
        return self._owner_of_span[span]

    def _read_fuzzy_owner(self, span: str) -> str | None:
        folded = " ".join(fold_text(span).split())
        owner = self._fuzzy_owner(folded)
        if owner is None and " s " in f"{folded} ":
            owner = self._fuzzy_owner(" ".join(w for w in folded.split() if w != "s"))
        words = span.split()
        if owner is None and len(words) > 2 and words[-1].islower() \
                and words[-1] in self.rules.descriptive_heads:
            owner = self._fuzzy_owner_of(" ".join(words[:-1]))
        return owner

    def _group_name_in(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of the run that is built like a group's name: the whole run, or the
        part from a leading word on ("Fighters of [Jaysh al-Sunna]"), or the part up to
        a head noun ("[Nasser Salahuddin Brigade] Commander")."""
        if self._looks_like_group(text, start, text[start:end]):
            return start, end
        words = [(w.start() + start, w.end() + start, w.group().lower().strip("'’"))
                 for w in _WORD_BETWEEN_HYPHENS.finditer(text[start:end])]
        for k, (s, _e, word) in enumerate(words[:-1]):
            if k > 0 and word in self.rules.lead_words:
                return (s, end) if self._looks_like_group(text, s, text[s:end]) else None
        for k in range(len(words) - 2, 0, -1):
            if words[k][2] in self.rules.head_nouns:
                if words[k + 1][2] in self.rules.particles:
                    return None  # "Liberation Army of Azawad" is not "Liberation Army"
                e = words[k][1]
                return (start, e) if self._looks_like_group(text, start, text[start:e]) else None
        return None

    def _runs(self, text: str) -> list[tuple[int, int]]:
        """Runs of capitalised words, without what opens a sentence or a phrase before
        a name ("The", "Both", "Members of the") and without a closing possessive."""
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
                if opener and _at_sentence_start(text, start) \
                        and opener.group(1).lower() not in self.rules.lead_words:
                    start += opener.end()
            start = self._past_openers(text, start, end)
            owner = _LEADING_ACRONYM_POSSESSIVE.match(text, start, end)
            if owner:
                start = owner.end()  # "K's Indo-Burma Revolutionary Front": K's is not in it
            possessive = _TRAILING_POSSESSIVE.search(text, start, end)
            if possessive:
                end = possessive.start()
            if end - start >= 4:
                runs.append((start, end))
        return runs

    def _past_openers(self, text: str, start: int, end: int) -> int:
        """Skip "Both", "Several" and "Members of (the)" at the start of a run."""
        while True:
            word = _FIRST_WORD.match(text, start, end)
            if word is not None and word.group(1) in self.rules.openers:
                start = word.end()
                continue
            part = _PART_OF.match(text, start, end)
            if part is not None and part.group(1) in self.rules.part_nouns:
                start = part.end()
                continue
            return start

    def _keys_of_length(self, length: int) -> tuple[list[str], list[str]]:
        """The name keys a string of ``length`` characters can reach the threshold with:
        a ratio of r needs lengths within r/(2-r) of each other."""
        if length not in self._by_length:
            keys, owners = self._fuzzy_index
            r = FUZZY_THRESHOLD / 100
            low, high = length * r / (2 - r), length * (2 - r) / r
            lengths, order = self._keys_by_length
            # the keys of those lengths, in the index's own order (which breaks ties)
            picked = sorted(order[bisect_left(lengths, low):bisect_right(lengths, high)])
            self._by_length[length] = ([keys[i] for i in picked], [owners[i] for i in picked])
        return self._by_length[length]

    @cached_property
    def _keys_by_length(self) -> tuple[list[int], list[int]]:
        """The fuzzy keys' lengths in increasing order, and the keys' positions in that order."""
        keys, _ = self._fuzzy_index
        order = sorted(range(len(keys)), key=lambda i: len(keys[i]))
        return [len(keys[i]) for i in order], order

    def forget(self) -> None:
        """Drop the memos of fuzzy owners (they are bounded; benchmarks start cold)."""
        self._owner_of.clear()
        self._owner_of_span.clear()

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
        # (rapidfuzz turns a cutoff into a whole edit distance, which may leave out the best
        # itself: ask for a little less and keep the ties)
        rivals = process.extract(folded, keys, scorer=fuzz.ratio, score_cutoff=best[1] - 0.5,
                                 limit=5)
        fitting = {owners[r[2]] for r in rivals
                   if r[1] >= best[1] - 1e-9 and _words_align(folded, r[0])}
        return fitting.pop() if len(fitting) == 1 else None

    def _looks_like_group(self, text: str, start: int, span: str) -> bool:
        words = [w for w in _SPACES_OR_HYPHENS.split(span) if w]
        if len(words) < 2 or len(words) > 9:
            return False
        first, last = words[0].lower().strip("'’"), words[-1].lower().strip("'’")
        if last in self.rules.particles:
            return False
        if last in self.rules.head_nouns or first in self.rules.lead_words:
            return True
        # "Army of Islam", "Liberation Army of Azawad": a head noun and its complement
        if any(w.lower() in self.rules.complement_heads and nxt.lower() in ("of", "for")
               for w, nxt in zip(words, words[1:])):
            return True
        before = _TRAILING_THE.sub("", text[max(0, start - 40):start]).lower()
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


#: What :meth:`CandidateFinder._part_of_known` returns when the known name stays alone.
_KEEP = NameMatch(0, 0, "", ())


def _candidate(text: str, start: int, end: int) -> NameMatch:
    span = text[start:end]
    return NameMatch(start, end, span, ((candidate_id(span), "candidate", False),))


def outermost(found: list[NameMatch]) -> list[NameMatch]:
    """The longest of overlapping matches, in text order."""
    free = FreeSpans()
    chosen = [m for m in sorted(found, key=lambda x: (-(x.end - x.start), x.start))
              if free.take(m.start, m.end)]
    return sorted(chosen, key=lambda m: m.start)


_LINE = re.compile(r"[^\n]+")
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z'’]{3,}\b")


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines written in Title Case (headlines), where a capital letter
    says nothing about a name: no full stop at the end, four or more words of four
    letters or more, nearly all capitalised."""
    spans = []
    for line in _LINE.finditer(text):
        if line.group().rstrip().endswith("."):
            continue
        words = _TITLE_WORD.findall(line.group())
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            spans.append((line.start(), line.end()))
    return spans


_NAME_TOKEN = re.compile(r"[\w'’`]+(?:-[\w'’`]+)*")


def _initials_span(text: str, bracket: int, acronym: str,
                   particles: frozenset[str]) -> tuple[int, int] | None:
    """The shortest run of words right before ``bracket`` whose capitalised initials
    hold every letter of ``acronym`` (in any order: "People's Revolutionary Front
    (FRP)"), with at least two capitalised words; particles and "and" may sit inside."""
    before = text[max(0, bracket - 150):bracket]
    offset = bracket - len(before)
    tokens = list(_NAME_TOKEN.finditer(before))
    if not tokens or before[tokens[-1].end():].strip() not in ("",):
        return None
    letters = {c for c in acronym.upper() if c.isalpha()}
    initials: set[str] = set()
    capitalised = 0
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        gap = before[token.end():tokens[k + 1].start()] if k + 1 < len(tokens) else ""
        if gap.strip():
            return None  # punctuation breaks the name
        word = token.group()
        if word.lower() in particles or word.lower() == "and":
            continue
        parts = [p for p in word.split("-") if p]
        caps = [p[0] for p in parts if p[0].isupper()]
        if not caps:
            return None  # a lower-case word ends the name
        capitalised += 1
        initials |= set(caps)
        if letters <= initials and capitalised >= 2:
            return offset + token.start(), offset + tokens[-1].end()
        if capitalised >= len(letters) + 2:
            return None
    return None
