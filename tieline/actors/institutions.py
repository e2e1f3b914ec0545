"""A state's institutions and forces named without their proper names.

"government forces", "the army", "police", "Syrian intelligence", "the newly-elected
parliament", "Mali army", "British security service", "Bashar Assad's government": each
is the state its qualifier names (a demonym, the state's name or its possessive), or,
without one, the state the document is about (:func:`document_countries`). Where the base
holds exactly one state force of that country named for the noun ("army": the Syrian Arab
Army), the phrase is that force.

The mention keeps the phrase as the text writes it, from the qualifier (or, without one,
the first word of the name) to the noun: "government forces", "Mali army", "parliament"
for "the newly-elected parliament". A noun that only modifies another one ("the military
coup", "police stations", "government-backed") names no body. The words are data
(``lexicons/institutions.yaml``).

Example:
    >>> [m.text for m in institution_mentions(text, starts, mentions, matches, kb)]  # doctest: +SKIP
    ['government forces']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import KnowledgeBaseError
from ..model import Actor, Mention
from ..text.scan import alternation, lowered_for_search, opening_class, word_positions, words_before
from ..yaml_data import load_yaml
from .kb import KnowledgeBase
from .matcher import NameMatch


@dataclass(frozen=True)
class InstitutionLexicon:
    """The lists of ``institutions.yaml`` (each described there)."""

    nouns: tuple[str, ...]
    bare_nouns: frozenset[str]
    modifiers: tuple[str, ...]
    foreign_modifiers: frozenset[str]
    compound_heads: frozenset[str]
    led_nouns: frozenset[str]
    plain_nouns: frozenset[str]


@lru_cache(maxsize=1)
def institution_lexicon() -> InstitutionLexicon:
    path = resources.files("tieline") / "data" / "lexicons" / "institutions.yaml"
    data = load_yaml(path.read_text("utf-8"))
    keys = {"nouns", "bare_nouns", "modifiers", "foreign_modifiers", "compound_heads", "led_nouns",
            "plain_nouns"}
    if not isinstance(data, dict) or set(data) != keys:
        raise KnowledgeBaseError(f"institutions.yaml: expected exactly the lists {sorted(keys)}")
    low = {k: [str(w).lower() for w in v] for k, v in data.items()}
    return InstitutionLexicon(
        nouns=tuple(low["nouns"]), bare_nouns=frozenset(low["bare_nouns"]),
        modifiers=tuple(low["modifiers"]), foreign_modifiers=frozenset(low["foreign_modifiers"]),
        compound_heads=frozenset(low["compound_heads"]), led_nouns=frozenset(low["led_nouns"]),
        plain_nouns=frozenset(low["plain_nouns"]))


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _qualifiers(kb: KnowledgeBase) -> dict[str, str]:
    """Each state's name and demonyms -> its id (a word shared by two states is left out)."""
    def build(base: KnowledgeBase) -> dict[str, str]:
        seen: dict[str, set[str]] = {}
        for actor in base:
            if actor.kind == "state":
                for word in (actor.name, *actor.descriptors):
                    if word[:1].isupper():
                        seen.setdefault(word, set()).add(actor.id)
        return {w: ids.pop() for w, ids in seen.items() if len(ids) == 1}

    return kb.derived("institution_qualifiers", build)


@dataclass(frozen=True)
class _Scan:
    """The pattern of an institution's phrase, and what finds the few places it may match.

    Every match ends in one of the lexicon's nouns, at most ``gaps`` runs of whitespace
    after the match's start (a qualifier of several words and the space after it, a
    person's two-word name, an adjective, two modifiers): the pattern need only be tried
    a few words before each place where a noun stands (``noun_at``), which a substring
    search for the nouns' first words (``first_words``) finds.
    """

    pattern: re.Pattern[str]
    noun_at: re.Pattern[str]
    first_words: tuple[str, ...]
    gaps: int


def _spaces(words: Sequence[str]) -> int:
    return max((sum(c.isspace() for c in w) for w in words), default=0)


def _scan(kb: KnowledgeBase) -> _Scan:
    def build(base: KnowledgeBase) -> _Scan:
        lex = institution_lexicon()
        qualifiers = list(_qualifiers(base))
        # grouped by first letter (the same matches, far fewer branches tried)
        quals = alternation(qualifiers)
        nouns = alternation(lex.nouns, ignore_case=True)
        # what the name opens with, tested first where it may start (passes fast)
        chars = opening_class([*lex.modifiers, *lex.nouns])
        opening = f"(?={chars})" if chars else ""
        pattern = re.compile(
            rf"(?:(?P<qual>{quals})(?P<poss>['’]s?)?\s+"
            rf"|(?P<person>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s?\s+)?"
            rf"(?:(?P<adj>[a-z][\w-]*-[\w-]+)\s+)?"  # "newly-elected": not in the mention
            rf"{opening}(?P<name>(?i:(?:(?:{alternation(lex.modifiers, ignore_case=True)})\s+){{0,2}}"
            rf"(?:{nouns})))\b")
        # the whitespace runs a match may hold before its noun (see _Scan): the prefix
        # (a qualifier's inner spaces and one after it, or a person's name and one after
        # it), an adjective and one space, two modifiers and a space after each
        gaps = max(_spaces(qualifiers) + 1, 2) + 1 + 2 * (_spaces(lex.modifiers) + 1)
        plain = all(n.isascii() for n in lex.nouns)
        first = tuple(sorted({n.split()[0] for n in lex.nouns if n.split()})) if plain else ()
        return _Scan(pattern, re.compile(rf"(?i:{nouns})\b"), first, gaps)

    return kb.derived("institution_scan", build)


def _hits(text: str, kb: KnowledgeBase) -> Iterator[re.Match[str]]:
    """The pattern's matches in ``text``, as ``finditer`` gives them, found by trying it
    only a few words before each noun of the lexicon."""
    scan = _scan(kb)
    lowered = lowered_for_search(text) if scan.first_words else None
    if lowered is None:
        yield from scan.pattern.finditer(text)
        return
    at = 0
    for position in word_positions(lowered, scan.first_words):
        if position < at or scan.noun_at.match(text, position) is None:
            continue
        # no match starts before this window: each holds a noun at or after this one
        hit = scan.pattern.search(text, max(at, words_before(text, position, scan.gaps)))
        if hit is None:
            return
        yield hit
        at = hit.end()


_AFTER = re.compile(r"(-)|\s+([A-Za-z][\w-]*)")
_BEFORE = re.compile(r"([\w'’-]+)\s*$")


def institution_mentions(text: str, starts: list[int], mentions: Sequence[Mention],
                         matches: Sequence[NameMatch], kb: KnowledgeBase) -> tuple[list[Mention], set[int]]:
    """The mentions of state institutions in ``text``, and the starts of the state
    mentions they take in ("Mali" in "Mali army"), which the caller drops."""
    lex = institution_lexicon()
    quals = _qualifiers(kb)
    if not quals:
        return [], set()
    taken = [(m.start, m.end, m) for m in mentions]
    home: str | None | bool = False  # the document's state, computed when first needed
    out: list[Mention] = []
    absorbed: set[int] = set()
    for hit in _hits(text, kb):
        name = hit.group("name")
        noun = _noun_of(name, lex)
        if noun is None or _modifies_another(text, hit.end(), lex):
            continue
        state: str | None
        if hit.group("qual"):
            state = quals[hit.group("qual")]
            start = hit.start("qual")
        elif hit.group("person") and noun in lex.led_nouns and hit.group("person") not in quals:
            home = _home(mentions, matches, kb) if home is False else home
            state, start = home if isinstance(home, str) else None, hit.start("person")
        else:
            opening = hit.start("adj") if hit.group("adj") else hit.start("name")
            if hit.group("person") or not _bare(text, opening, name, noun, lex) \
                    or _foreign(text, opening, lex):
                continue
            home = _home(mentions, matches, kb) if home is False else home
            state, start = home if isinstance(home, str) else None, hit.start("name")
        if state is None:
            continue
        end = hit.end("name")
        inside = [m for s, e, m in taken if s < end and start < e]
        if any(m.actor_id != state or kb.actors.get(m.actor_id) is None for m in inside):
            continue  # part of some other name ("Hezbollah's army", "the Syrian Arab Army")
        if any(m.start <= start and end <= m.end for m in inside):
            continue  # already a name of the state ("Syrian army")
        absorbed |= {m.start for m in inside}
        actor_id = _state_force(kb, state, noun) or state
        sentence = max(0, bisect.bisect_right(starts, start) - 1)
        out.append(Mention(start, end, text[start:end], actor_id, sentence, "descriptor"))
    return out, absorbed


def _noun_of(name: str, lex: InstitutionLexicon) -> str | None:
    lowered = " ".join(name.lower().split())
    for noun in _longest_first(lex.nouns):
        if lowered.endswith(noun):
            return noun
    return None


@lru_cache(maxsize=4)
def _longest_first(nouns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(nouns, key=len, reverse=True))


def _bare(text: str, start: int, name: str, noun: str, lex: InstitutionLexicon) -> bool:
    """Whether the phrase names the state's body without a qualifier: a phrase of the
    list ("government forces", "police"); a single word after "the" only where it may
    also be an adjective ("the military", never "military training")."""
    lowered = " ".join(name.lower().split())
    if lowered not in lex.bare_nouns:
        return False
    return " " in lowered or lowered in lex.plain_nouns or \
        re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start]) is not None


def _modifies_another(text: str, end: int, lex: InstitutionLexicon) -> bool:
    """"the military coup", "government-backed": the phrase modifies the next word."""
    after = _AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(2) or ""
    # "Parliament Speaker Aguila Saleh": a capitalised title after it
    return bool(after.group(1)) or word.lower() in lex.compound_heads or word[:1].isupper() \
        and word.lower() not in ("and", "or")


def _foreign(text: str, start: int, lex: InstitutionLexicon) -> bool:
    """A word right before that makes the phrase another body's ("rebel army",
    "pro-government", "the Houthi-led government", "Taliban government")."""
    if start > 0 and text[start - 1] == "-":
        return True
    before = _BEFORE.search(text[max(0, start - 30):start])
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in lex.foreign_modifiers or word.endswith(("'s", "’s", "'", "’")) or "-" in word:
        return True
    # a capitalised word that does not open the sentence names another body ("Taliban")
    opening = re.search(r"(?:^|[.!?]\s+|\n)\S*$", text[max(0, start - 30):start]) is not None
    return word[:1].isupper() and not opening and word.lower() not in ("the", "a", "an")


def _home(mentions: Sequence[Mention], matches: Sequence[NameMatch],
          kb: KnowledgeBase) -> str | None:
    """The one state the document is about, if there is one."""
    countries = document_countries(mentions, matches, kb)
    if len(countries) != 1:
        return None
    states = _by_country(kb, "state").get(next(iter(countries)), [])
    return states[0].id if len(states) == 1 else None


def _state_force(kb: KnowledgeBase, state: str, noun: str) -> str | None:
    """The one state force of the state's country whose proper name ends in ``noun``
    ("army": the Syrian Arab Army), if the base has exactly one."""
    country = kb.get(state).country or kb.get(state).name
    if noun not in ("army", "police", "navy", "air force", "gendarmerie", "national guard"):
        return None
    fitting = [a.id for a in _by_country(kb, "state_force").get(country, []) if a.country == country
               and _ends_with(a, noun)]
    return fitting[0] if len(fitting) == 1 else None


def _by_country(kb: KnowledgeBase, kind: str) -> dict[str, list[Actor]]:
    """The base's actors of ``kind`` by their country (a state without one by its name),
    in the base's order: built once, not searched for each phrase."""
    def build(base: KnowledgeBase) -> dict[str, list[Actor]]:
        out: dict[str, list[Actor]] = {}
        for actor in base:
            if actor.kind == kind:
                out.setdefault(actor.country or actor.name, []).append(actor)
        return out

    return kb.derived(f"institution_{kind}_by_country", build)


def _ends_with(actor: Actor, noun: str) -> bool:
    return any(n.lower().endswith(" " + noun) for n in (actor.name, *actor.aliases))


def document_countries(mentions: Sequence[Mention], matches: Sequence[NameMatch],
                       kb: KnowledgeBase) -> set[str]:
    """The country (or countries, on a tie) a document is most about: the one with the
    most distinct actors named, counting the states it names (even as places) and the
    countries of the armed groups it names. A story about Mali's groups that mentions
    the Islamic State is still about Mali."""
    states, groups = _countries_of(kb)
    named: dict[str, set[str]] = {}
    for m in matches:
        for c in m.candidates:
            state = states.get(c[0])
            if state is not None:
                named.setdefault(state, set()).add(c[0])
    for mention in mentions:
        country = groups.get(mention.actor_id)
        if country:
            named.setdefault(country, set()).add(mention.actor_id)
    if not named:
        return set()
    most = max(len(actors) for actors in named.values())
    return {c for c, actors in named.items() if len(actors) == most}


def _countries_of(kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, str | None]]:
    """The country of each state (its name if it has none) and of each armed group or
    political organization of the base, by id (built once per base)."""
    def build(base: KnowledgeBase) -> tuple[dict[str, str], dict[str, str | None]]:
        states = {a.id: a.country or a.name for a in base if a.kind == "state"}
        groups = {a.id: a.country for a in base if a.kind in ("armed_group", "political_org")}
        return states, groups

    return kb.derived("countries_of_states_and_groups", build)
