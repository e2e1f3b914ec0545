"""What structure of English states a relation the output missed (``make accuracy``).

A missed relation is one whose two groups the output found as actors without linking
them. It is classified from the sentence that states it: the sentences holding the gold
``cue`` (news records, annotated documents) or, without a cue (Mapping Militants rows),
the first sentence that names both groups. A group is *named* there where one of its
names occurs (the gold name, and the names, aliases and mentions of the output actors
that match it, references such as "it" or "the group" aside: :mod:`.spans`). The
sentence is parsed with spaCy's small English pipeline and the two names' head tokens
joined through their lowest common ancestor in the dependency tree. The first of these
rules that holds gives the class:

1. ``cross_sentence``: one group is not named in the sentence (it is referred to by a
   pronoun or a description, "the group", or named in another sentence), or the cue
   leaves it out and holds a reference instead ("the two groups", "its support for"),
   or the two names fall in two sentences of the parse;
2. ``compound_modifier``: a name is joined by a hyphen or dash to a participle or to a
   word of ``compound_heads`` ("Tehran-backed", "Taliban-allied", "Hamas-run");
3. ``relative_clause``: the path between the names passes a relative clause
   (``relcl``: "which swore loyalty to", "whose fighters trained with");
4. ``apposition``: the path passes an apposition ("Lashkar-e-Taiba, the armed wing of
   Markaz Dawa-ul-Irshad");
5. ``copula``: the names meet at a copular verb (``copulas``: "X is part of Y", "X
   became a member of Y"), or the path passes an object predicate ("is considered a
   proxy of");
6. ``purpose_clause``: the path passes a "to" clause (adverbial, complement or
   adnominal) whose governor is not a verb of ``control_verbs`` ("entered an umbrella
   group to battle Z", but not "agreed to merge with");
7. ``possessive``: the names meet at a noun and the path passes a possessive ("the
   Islamic State's Sinai affiliate", "Iran's support for Hezbollah");
8. ``relational_noun``: the names meet at a noun, without a possessive ("cooperation
   between X and Y", "the armed wing of Y"), or one name is part of the other ("Islamic
   State West Africa Province");
9. ``list``: a name is coordinated with a third item ("set Boko Haram against the army,
   vigilantes and rival factions"), or another gold relation of the document has the
   same cue and one of the two groups (one predicate over a list);
10. ``verb_clause``: anything else: the names meet at a verb.

Two names coordinated with each other ("X and Y clashed", "between X and Y") are read
from what governs the coordination.

Example:
    >>> classify_missed("Iran-backed Hezbollah grew.", "Iran-backed Hezbollah",
    ...                 ["Iran"], ["Hezbollah"])                # doctest: +SKIP
    'compound_modifier'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..baseline import SPACY_MODEL
from .lexicon import ErrorLexicon, load_error_lexicon
from .spans import Span, cue_region, locate, name_spans, sentence_regions, words_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# Each class, as docs/accuracy.md names it.
PHENOMENA = {
    "apposition": "apposition",
    "relational_noun": "relational noun (wing, branch, ties between...)",
    "compound_modifier": "compound modifier (X-backed)",
    "possessive": "possessive (X's affiliate)",
    "relative_clause": "relative clause",
    "copula": "copula (X is part of Y)",
    "purpose_clause": "purpose clause",
    "list": "list under one predicate",
    "cross_sentence": "reference across sentences (it, the group)",
    "verb_clause": "verb clause (other)",
}
_JOINED = re.compile(r"^\s?[-–]\s?([A-Za-z]+)")
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}


@lru_cache(maxsize=1)
def _nlp() -> Language:
    import spacy

    return spacy.load(SPACY_MODEL, disable=["ner"])


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """The dependency parse of a sentence (kept for the next question about it)."""
    return _nlp()(text)


def _region(text: str, cue: str | None, names1: Sequence[str],
            names2: Sequence[str]) -> Span | None:
    """The sentence(s) stating the relation: the cue's, else the first naming both."""
    region = cue_region(text, cue)
    if region is not None:
        return region
    for start, end in sentence_regions(text):
        words = words_of(text[start:end])
        part = text[start:end]
        if name_spans(part, names1, words) and name_spans(part, names2, words):
            return start, end
    return None


def _closest(first: list[Span], second: list[Span], cue: Span | None) -> tuple[Span, Span] | None:
    """The two non-overlapping spans that best show the relation: inside the cue, close."""
    best: tuple[tuple[int, int], tuple[Span, Span]] | None = None
    for a in first:
        for b in second:
            if a[0] < b[1] and b[0] < a[1]:
                continue
            outside = sum(1 for s in (a, b) if cue and not (cue[0] <= s[0] and s[1] <= cue[1]))
            distance = max(a[0], b[0]) - min(a[1], b[1])
            key = (outside, distance)
            if best is None or key < best[0]:
                best = (key, (a, b) if a[0] < b[0] else (b, a))
    return best[1] if best else None


def _head(doc: Doc, span: Span) -> Token | None:
    tokens = [t for t in doc if t.idx < span[1] and t.idx + len(t) > span[0]]
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0] if tokens else None


def _ancestors(token: Token) -> list[Token]:
    out = [token]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _coordination_top(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _tokens(doc: Doc, spans: Sequence[Span]) -> set[int]:
    return {t.i for t in doc for s in spans if t.idx < s[1] and t.idx + len(t) > s[0]}


def _structure(doc: Doc, x: Token, y: Token, lexicon: ErrorLexicon,
               names: tuple[set[int], set[int]] = (set(), set())) -> str | None:
    """The class the parse shows (rules 3 to 9 but the shared cue), None for a verb.

    ``names``: the tokens of each group's names; an apposition inside one group's names
    ("The Resistance Front (TRF)") is the name, not a relation."""
    up_x, up_y = _ancestors(x), _ancestors(y)
    ids_x, ids_y = [t.i for t in up_x], [t.i for t in up_y]
    common = next((t for t in up_y if t.i in set(ids_x)), None)
    if common is None:
        return "cross_sentence"
    path = up_x[: ids_x.index(common.i)] + up_y[: ids_y.index(common.i)]
    if common.i in (x.i, y.i) and all(t.dep_ == "conj" for t in path):
        common, path = _coordination_top(common).head, []     # "X and Y ...": what governs
        while common.pos_ == "ADP" and common.head.i != common.i:   # "between X and Y"
            common = common.head
    deps = {t.dep_ for t in path
            if not any(t.i in own and t.head.i in own for own in names)}
    if "relcl" in deps:
        return "relative_clause"
    if "appos" in deps:
        return "apposition"
    if (common.lemma_.lower() in lexicon.copulas
            and any(c.dep_ in ("attr", "acomp") for c in common.children)) or "oprd" in deps:
        return "copula"
    for token in [*path, common]:
        if (token.dep_ in ("advcl", "xcomp", "acl")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
                and token.head.lemma_.lower() not in lexicon.control_verbs):
            return "purpose_clause"
    if common.pos_ in _NOMINAL:
        return "possessive" if "poss" in deps else "relational_noun"
    for end, other in ((x, y), (y, x)):
        conjuncts = [c for c in end.children if c.dep_ == "conj"]
        if end.dep_ == "conj":
            conjuncts.append(end.head)
        if any(c.i != other.i and c.i not in {t.i for t in _ancestors(other)}
               for c in conjuncts):
            return "list"
    return None


def _refers(cue: str, lexicon: ErrorLexicon) -> bool:
    """Whether a cue refers to a group without naming it: a pronoun, or a determiner
    phrase headed by a group noun ("the two terror groups", "both groups")."""
    words = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w’'-]+", cue)]
    for k, word in enumerate(words):
        if word.lower() in lexicon.pronouns:
            return True
        if word.lower() in lexicon.determiners and any(   # lowercase: "the Army" is a name
                w in lexicon.group_nouns for w in words[k + 1:k + 5]):
            return True
    return False


def classify_missed(text: str, cue: str | None, names1: Sequence[str],
                    names2: Sequence[str], shared_cue: bool = False,
                    lexicon: ErrorLexicon | None = None) -> str:
    """The phenomenon of a missed relation between groups named ``names1`` and
    ``names2`` in ``text`` (see the module's rules)."""
    words = lexicon or load_error_lexicon()
    region = _region(text, cue, names1, names2)
    if region is None:
        return "cross_sentence"
    sentence = text[region[0]:region[1]]
    seen = words_of(sentence)
    first, second = name_spans(sentence, names1, seen), name_spans(sentence, names2, seen)
    if not first or not second:
        return "cross_sentence"
    stated = locate(sentence, cue) if cue else None
    if stated and _refers(sentence[stated[0]:stated[1]], words) and not all(
            any(stated[0] <= s[0] and s[1] <= stated[1] for s in spans)
            for spans in (first, second)):
        return "cross_sentence"                      # "the two groups", "its support for"
    pair = _closest(first, second, stated)
    if pair is None:                                         # one name inside the other
        return "relational_noun"
    for span in pair:
        joined = _JOINED.match(sentence[span[1]:])
        if joined and (joined.group(1).lower() in words.compound_heads
                       or joined.group(1).lower().endswith("ed")):
            return "compound_modifier"
    doc = parse(sentence)
    x, y = _head(doc, pair[0]), _head(doc, pair[1])
    if x is None or y is None:
        return "verb_clause"
    found = _structure(doc, x, y, words, (_tokens(doc, first), _tokens(doc, second)))
    if found == "list" or (found is None and shared_cue):
        return "list"
    return found or "verb_clause"
