"""The phrases that may refer to a group without naming it, and the patterns that read a
sentence's opening (:mod:`tieline.actors.reference` binds them).

:func:`expressions` finds a sentence's pair phrases ("the two groups", "both Shura
Councils", "the groups"), descriptions ("the group", "the Palestinian group", "the
council", "the militants") and pronouns ("it", "its leaders", "they", "their", "them"),
leaving out the dummy "it" ("It is unclear whether"), a description set before a name
("the rival group, Hizbul Islam"), one that only begins a longer phrase ("the group of
...", "the alliance between X and Y", "the group known as X"), and one that holds a name
("the Iraqi Union Alliance coalition"). :func:`patterns` compiles the lexicon's words
once: where a sentence's subject may start (after fronted phrases such as "In May," or
"According to X,"), and the clause boundaries the reading needs. The words are data
(``lexicons/references.yaml``).

Example:
    >>> [e.text for e in expressions(text, sentence, reference_lexicon(), starts, words)]  # doctest: +SKIP
    ['It', 'the two groups']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Sentence
from ..text.scan import alternation, word_alternation
from .kb import KnowledgeBase
from .lexicon import ReferenceLexicon, reference_lexicon

@dataclass(frozen=True)
class Expression:
    """A phrase that may stand for a group without naming it.

    ``form`` is ``pronoun``, ``description`` or ``pair``; ``noun`` the head of a
    description or pair (lower case); ``modifiers`` its words that must fit the group;
    ``wing`` the part of the group it names ("its leaders"); ``exact`` for a pair, that
    it says "two" or "both" (not only "the groups"); ``new`` that it calls the group
    new ("the new group").
    """

    start: int
    end: int
    text: str
    form: str
    plural: bool
    noun: str = ""
    modifiers: tuple[str, ...] = ()
    wing: str | None = None
    exact: bool = True
    new: bool = False




def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


def _grouped(words: Iterable[str], ignore_case: bool) -> str:
    """:func:`_alternation` grouped by first letter: the same matches, tried faster
    (``ignore_case`` when it is used case-insensitively)."""
    return alternation(set(words), ignore_case)




def stem(word: str) -> str:
    """A noun without its plural ending, lower case: "councils" -> "council",
    "militias" -> "militia", "parties" -> "party"."""
    w = word.lower().strip("'’")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@dataclass(frozen=True)
class Patterns:
    pronoun: re.Pattern[str]
    part: re.Pattern[str]
    expletive_after: re.Pattern[str]
    expletive_before: re.Pattern[str]
    description: re.Pattern[str]
    pair: re.Pattern[str]
    plural: re.Pattern[str]
    apposed: re.Pattern[str]
    opening: re.Pattern[str]
    owner_opening: re.Pattern[str]
    unnamed_group: re.Pattern[str]
    indefinite: re.Pattern[str]
    created_before: re.Pattern[str]
    created_after: re.Pattern[str]
    fronted: re.Pattern[str]
    opening_words: re.Pattern[str]
    speaker: re.Pattern[str]
    clause_opener: re.Pattern[str]
    clause_opener_before: re.Pattern[str]
    clause_start: re.Pattern[str]
    relative: re.Pattern[str]
    clause_subject: re.Pattern[str]
    member_speaks: re.Pattern[str]
    no_subject: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = reference_lexicon()
    followers = "|".join(
        (re.escape(f) if f[0] in "'’" else r"\s+" + re.escape(f).replace(r"\ ", r"\s+"))
        for f in sorted(lex.expletive_followers, key=len, reverse=True))
    # a modifier is a word that is not a determiner, a preposition or a conjunction
    modifier = rf"(?:(?!(?i:{_grouped(lex.function_words, True)})\b)[\w'’-]+\s+)"
    heads = _grouped({*lex.group_nouns, *lex.name_head_nouns, *lex.member_nouns}, False)
    generic_plurals = list(lex.plural_group_nouns)
    names = r"(?:[A-Z][\w'’-]*\s+){1,4}"
    # a phrase set before the subject: opened by a preposition, a subordinator, an adverb,
    # a participle or a number ("In May,", "According to X,", "Reportedly,", "Founded in
    # 1982,", "On Oct. 23, 2002,"), up to its comma
    phrase = (rf"(?:(?:(?i:{_alternation([*lex.fronting_words, *lex.opening_words])})\b|"
              rf"[A-Z][a-z]+(?:ing|ed|ly)\b|\d)[^,;:\"“”]{{0,80}},\s+)")
    return Patterns(
        pronoun=re.compile(rf"{word_alternation(set([*lex.singular_pronouns, *lex.plural_pronouns]))}\b"),
        part=re.compile(rf"\s+({modifier}{{0,2}}?)((?i:{_alternation(lex.possessed_parts)}))\b"),
        expletive_after=re.compile(rf"(?i:{followers})\b"),
        expletive_before=re.compile(rf"{word_alternation(set(lex.expletive_verbs))}\s+$"),
        description=re.compile(
            rf"{word_alternation(set(lex.determiners))}\s+"
            rf"({modifier}{{0,3}}?)({heads})\b"),
        pair=re.compile(rf"[TtBb](?<!\w.)(?:(?<=[Tt])(?i:he\s+two|hese\s+two)|(?<=[Bb])(?i:oth(?:\s+the)?))"
                        rf"\s+({modifier}{{0,2}}?)"
                        rf"((?i:{_alternation(lex.pair_nouns)}))\b"),
        plural=re.compile(rf"[Tt](?<!\w.)(?i:he)\s+({modifier}{{0,2}}?)({_grouped(generic_plurals, False)})\b"),
        apposed=re.compile(r"\s*,?\s*(?:(?:also\s+)?(?:known|referred\s+to)\s+as\s+|called\s+|"
                           r"named\s+|dubbed\s+)?(?:the\s+)?"),
        opening=re.compile(rf"\s*{phrase}{{0,3}}"
                           rf"(?:(?i:{_alternation(lex.opening_words)}),?\s+)?(?:[Tt]he\s+)?"),
        owner_opening=re.compile(rf"\s*{phrase}{{0,3}}"
                                 rf"(?:(?i:{_alternation(lex.opening_words)}),?\s+)?"
                                 rf"(?:{modifier}|(?i:the|a|an|some|most|many|several|all|one|two|members)\s+){{1,3}}"
                                 r"(?:of|among|within)\s+(?:the\s+)?"),
        unnamed_group=re.compile(
            rf"(?:[Tt]he\s+{names}(?:{_alternation(lex.member_nouns)}|"
            rf"{_alternation(lex.group_nouns)})\b|(?:[Aa]nother|[Aa]n?)\s+{modifier}{{0,2}}"
            rf"(?:{_alternation(lex.group_nouns)})\b)"),
        fronted=re.compile(rf"\s*(?:(?i:{_alternation(lex.opening_words)}),?\s+)?"
                           rf"(?:(?i:{_alternation(lex.fronting_words)})\b|[A-Z][a-z]+(?:ing|ed)\b)"),
        created_before=re.compile(rf"{word_alternation(set(lex.creation_verbs))}\s+(?:[\w'’-]+,?\s+){{0,5}}$"),
        created_after=re.compile(rf"(?:\s*\([^()]{{1,20}}\))?\s+(?:was|were|is|has\s+been|had\s+been)\s+"
                                 rf"(?:\w+\s+)?(?i:{_alternation(lex.creation_verbs)})\b"),
        indefinite=re.compile(rf"\b(?:[Aa]n?|[Aa]nother)\s+{modifier}{{0,3}}({_alternation(lex.group_nouns)})\b"),
        opening_words=re.compile(rf"\s*(?:(?i:{_alternation(lex.opening_words)}),?\s+)?(?:[Tt]he\s+)?"),
        clause_subject=re.compile(rf"\s*{phrase}{{0,3}}"
                                  rf"(?:(?i:{_alternation(lex.opening_words)}),?\s+)?(?:(?i:the|an?)\s+)?"),
        member_speaks=re.compile(rf"(?:['’]s)?(\s+(?i:{_alternation(lex.speaker_nouns)}))?"
                                 rf"(?:\s+[\w-]+){{0,2}}\s+(?i:{_alternation(lex.speech_verbs)})"
                                 rf"(?:\s+that)?\s+"),
        relative=re.compile(rf"\)?,\s*(?i:{_alternation(lex.relative_pronouns)})\s+"),
        clause_start=re.compile(rf"[,;]\s*(?i:{_alternation(lex.clause_conjunctions)})\s+"),
        clause_opener_before=re.compile(rf"{word_alternation(set(lex.clause_openers))}\s+$"),
        clause_opener=re.compile(rf"{word_alternation(set(lex.clause_openers))}\b"),
        speaker=re.compile(rf"\s+(?:\w+\s+)?(?i:{_alternation(lex.speech_verbs)})\b"),
        no_subject=re.compile(rf"[\"“”‘']|(?i:{_alternation(lex.no_subject_words)})\b"),
    )


def expressions(text: str, sentence: Sentence, lex: ReferenceLexicon,
                 name_starts: frozenset[int], describing: frozenset[str]) -> list[Expression]:
    """The pair phrases, descriptions and pronouns of a sentence, in text order (a
    phrase inside a longer one is left out, and so is a description set before a name:
    "the rival group, Hizbul Islam", "the Palestinian group Hamas")."""
    pats = patterns()
    start, end = sentence.start, sentence.end
    found: list[Expression] = []

    def free(a: int, b: int) -> bool:
        return not any(e.start < b and a < e.end for e in found)

    for hit in pats.pair.finditer(text, start, end):
        noun = hit.group(2).lower()
        if _not_a_reference(text, hit.end()):
            continue  # "on both sides of the country"
        found.append(Expression(hit.start(), hit.end(), hit.group(), "pair", True, noun,
                                _modifiers(hit.group(1), lex)))
    for hit in pats.plural.finditer(text, start, end):
        if free(hit.start(), hit.end()) and not _not_a_reference(text, hit.end()) and \
                not _OF_AMONG_BEFORE.search(text[start:hit.start()]):
            found.append(Expression(hit.start(), hit.end(), hit.group(), "pair", True,
                                    hit.group(2).lower(), _modifiers(hit.group(1), lex), exact=False))
    for hit in pats.description.finditer(text, start, end):
        noun = hit.group(2)
        if not free(hit.start(), hit.end()) or _not_a_reference(text, hit.end()):
            continue
        apposed = pats.apposed.match(text, hit.end())
        if apposed is not None and apposed.end() in name_starts:
            continue
        if _names_something(hit.group(1), describing):
            continue  # "the Iraqi Union Alliance coalition": a name the base lacks
        member = noun in lex.member_nouns
        new = any(w.lower() in lex.new_words for w in hit.group(1).split())
        found.append(Expression(hit.start(), hit.end(), hit.group(), "description", member, noun,
                                _modifiers(hit.group(1), lex), noun if member else None,
                                new=new))
    for hit in pats.pronoun.finditer(text, start, end):
        word = hit.group().lower()
        if not free(hit.start(), hit.end()):
            continue
        if word == "it" and (pats.expletive_after.match(text, hit.end())
                             or pats.expletive_before.search(text[start:hit.start()])):
            continue  # "It is unclear whether", "made it clear"
        stop, wing = hit.end(), None
        if word in lex.possessive_pronouns:
            part = pats.part.match(text, hit.end(), end)
            if part is not None:
                stop, wing = part.end(), part.group(2).lower()
        found.append(Expression(hit.start(), stop, text[hit.start():stop], "pronoun",
                                word in lex.plural_pronouns, wing=wing))
    return sorted(found, key=lambda e: e.start)


def describing_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words that describe groups without naming them (lower case): the base's
    descriptors and ideologies and the lexicon's ``descriptive_words``."""
    def build(base: KnowledgeBase) -> frozenset[str]:
        found = {d.lower() for a in base for d in a.descriptors}
        found |= {(a.ideology or "").lower() for a in base}
        return frozenset(found | {w.lower() for w in reference_lexicon().descriptive_words})

    return kb.derived("describing_words", build)


def _names_something(words: str, describing: frozenset[str]) -> bool:
    """Whether the words of a description hold a name: capitalised words that describe
    nothing, two in a row ("the Iraqi Union Alliance coalition"), where a description
    has describing ones ("the Palestinian group", "the Tuareg Islamist movement")."""
    capitals = [w for w in _CAPITALISED.findall(words) if w.lower() not in describing]
    return _TWO_CAPITALISED.search(words) is not None and len(capitals) >= 1


def _modifiers(words: str, lex: ReferenceLexicon) -> tuple[str, ...]:
    """The words of a description that must fit its group (not "new", "militant" ...)."""
    free = set(lex.free_modifiers)
    return tuple(w for w in (x.lower().strip("'’") for x in words.split()) if w and w not in free)


_OF_AMONG_BEFORE = re.compile(r"\b(?:of|among)\s+$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_TWO_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*\s+[A-Z][\w'’-]*")
_COMMA = re.compile(r",\s+")
_NOT_REFERENCE_AFTER = re.compile(r"\s+of\s+(?![a-z]+ing\b)|\s+between\b|"
                                  r"\s+(?:(?:also\s+)?known\s+as|called|named|dubbed)\b")


def _not_a_reference(text: str, end: int) -> bool:
    """Whether a description is no reference to a group named before: "the group of
    ...", "the alliance between X and Y", "the group known as ..." (but "accused the
    group of attacking" is one)."""
    return _NOT_REFERENCE_AFTER.match(text, end) is not None


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


_QUOTE_MARK = re.compile('[“”"]')


def quoted_spans(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """What the text quotes, paragraph by paragraph: a pronoun in someone's words
    ("“We will support them,” said ...") is the speaker's, not the narrative's."""
    paragraphs: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, b = paragraphs.get(s.paragraph, (s.start, s.end))
        paragraphs[s.paragraph] = (min(a, s.start), max(b, s.end))
    spans = []
    for a, b in paragraphs.values():
        opened: int | None = None
        for mark in _QUOTE_MARK.finditer(text, a, b):  # the other characters change nothing
            i, ch = mark.start(), mark.group()
            if ch == "“" or (ch == '"' and opened is None):
                opened = i
            elif (ch == "”" or ch == '"') and opened is not None:
                spans.append((opened, i + 1))
                opened = None
        if opened is not None:
            spans.append((opened, b))
    return spans


def phrase_starts(text: str, pats: Patterns) -> list[int]:
    """Where the subject of a sentence may start: after its opening words ("But",
    "Meanwhile,"), and after each of up to two fronted phrases ending in a comma."""
    words = pats.opening_words.match(text)
    starts = [words.end() if words else 0]
    for comma in _COMMA.finditer(text[:200]):
        starts.append(comma.end())
        if len(starts) == 3:
            break
    return starts
