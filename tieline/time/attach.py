"""Which date expressions of a sentence date its event, read from the sentence's parse.

A date dates an event when it is attached to the event's clause: to the trigger, to a
clause above it, to a clause the trigger's clause shares its subject with ("was
declared ... in 1998 and banned ... in 2001"), to a clause describing the trigger
itself ("the alliance, formed in 2014"), or to a time clause of one of those ("When
Kabul fell in 1996, the militias joined forces"). A date inside a clause about
something else does not: a relative clause on another noun ("criticising Mullah Omar,
who had not been seen since 2001"), or a participle phrase describing the subject
("Founded in 1982 during the war, the council was trained in Tehran").

The parse is spaCy's: tokens with ``head``, ``dep_``, ``pos_``, ``idx`` and
``children``. Offsets are relative to the parsed text (the sentence).

Example:
    >>> # rank = attachment(date_root(doc, 3, 7), trigger)   (0: on the trigger itself)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels of a clause's subject: a conjoined clause with one of its own does
# not share its neighbour's.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Labels of clauses that hang on a noun: on the trigger, they describe the event.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Labels of complements: the time of what is said or wanted, weakly the event's.
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
# Labels that make a verb the head of a clause of its own.
_CLAUSAL = frozenset({"conj", "advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj",
                      "csubjpass", "parataxis"})


def date_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token heading the date expression spanning characters ``[start, end)`` of
    the parsed text: the one whose head lies outside the span ("In" of "In 2014" is
    outside it; "2014" of "October 2014" heads "October"). None when no token lies
    in the span (the parse is of another text).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = [t for t in span if start <= t.idx < end] if span is not None else []
    if not inside:
        return None
    covered = {t.i for t in inside}
    for tok in inside:
        if tok.head.i not in covered or tok.head.i == tok.i:
            return tok
    return inside[0]


def _is_clause(tok: Token) -> bool:
    """A verb or auxiliary in a clausal relation heads a clause (so does the root,
    whatever it is); "according" in "according to" or "banned" in "the banned LeT" do not."""
    return tok.dep_ == "ROOT" or (tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSAL)


def _own_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


@dataclass(frozen=True)
class ClauseWords:
    """The words the attachment rules read (from ``dates.yaml``): ``time_marks`` open a
    time clause ("when", "after"), which dates the clause it hangs on;
    ``circumstances`` are the prepositions whose object is a circumstance of the event
    ("in a video released in March 2007"), so a clause on it dates the event too;
    ``sequels`` are the adverbs that tell a conjoined clause as a later act ("and later
    released", "and has since fought").

    Example: ``ClauseWords(frozenset({"when"}), frozenset({"in"}), frozenset({"later"}))``.
    """

    time_marks: frozenset[str]
    circumstances: frozenset[str]
    sequels: frozenset[str]


@dataclass(frozen=True)
class Attachment:
    """How a date dates an event: ``rank`` 0 on the trigger itself, more the higher
    above it the date attaches and the more clauses lie between; ``after`` when the
    date is that of an earlier act the event follows ("In 1987, X accepted the accord
    and has since fought ..."): the event runs from then on.

    Example: ``Attachment(0.5, False)``.
    """

    rank: float
    after: bool = False


def attachment(date: Token, trigger: Token, words: ClauseWords) -> Attachment | None:
    """How the date whose root token is ``date`` dates the event of ``trigger``, None
    when it belongs to a clause about something else.

    Example:
        >>> # "In 2014, X attacked Y and seized Z in 2015": for "attacked", 2014 -> 0,
        >>> # 2015 -> 0.5 (the clause "seized" shares the subject); for "seized", 2015 -> 0
    """
    chain = [trigger, *trigger.ancestors]
    depth = {t.i: k for k, t in enumerate(chain)}
    path: list[Token] = []
    tok = date
    while tok.i not in depth:
        if tok.head.i == tok.i:
            return None  # another tree of the parse
        path.append(tok)
        tok = tok.head
    # "accepted the accord in 1987 and has since fought": the date is the first act's
    after = any(_is_sequel(t, words.sequels) for t in chain[:depth[tok.i]])
    rank = float(depth[tok.i])
    phrase = {t.i for t in chain if t.pos_ in ("NOUN", "PROPN")}
    for clause in (t for t in path[1:] if _is_clause(t)):
        if _is_sequel(clause, words.sequels):
            return None  # "was arrested ... and was later released in 2015"
        cost = _clause_cost(clause, phrase, words)
        if cost is None:
            return None
        rank += cost
    return Attachment(rank, after)


def _is_sequel(clause: Token, sequels: frozenset[str]) -> bool:
    """A conjoined clause told as coming after the first ("and later released")."""
    return clause.dep_ == "conj" and any(
        c.dep_ == "advmod" and c.lower_ in sequels for c in clause.children)


def _clause_cost(clause: Token, phrase: set[int], words: ClauseWords) -> float | None:
    """What a clause between a date and the trigger's clause costs, or None when the date
    is about something else. Costs: nothing for a clause describing the trigger's own
    noun phrase (``phrase``: the nouns among the trigger and the tokens above it), a
    half for a clause sharing its subject with the one it is conjoined to, a time
    clause, or a clause on a circumstance; one for a clause describing a thing (not a
    named party: "the territory held by the rival group in recent weeks") or a trailing
    infinitive of purpose or participle; three for a complement. None for a clause on
    a named party ("Mullah Omar, who had not been seen since 2001"), a leading
    participle phrase ("Founded in 1982, ...") and the rest."""
    if clause.dep_ == "conj" and not _own_subject(clause):
        return 0.5
    if clause.dep_ in _NOUN_CLAUSES:
        noun = clause.head
        if noun.i in phrase:
            return 0.0
        if _is_circumstance(noun, words.circumstances):
            return 0.5  # "pledged allegiance in an audio speech released in November 2014"
        return None if _is_named(noun) else 1.0
    if clause.dep_ == "advcl" and _is_time_clause(clause, words.time_marks) and _is_clause(clause.head):
        return 0.5
    if clause.dep_ == "advcl" and clause.i > clause.head.i and _is_purpose_or_participle(clause):
        return 1.0  # "fought with IS to take Mosul in June 2014", "..., killing five in 2014"
    if clause.dep_ == "pcomp" and clause.head.lower_ in words.time_marks | words.circumstances and \
            (_is_clause(clause.head.head) or clause.head.head.pos_ in ("NOUN", "PROPN")):
        # "On celebrating its day on 16 March", "in fighting in recent weeks"; not
        # "Responsible for ... since joining IS in 2017, X is the target of ..."
        return 0.5
    if clause.dep_ in _COMPLEMENTS:
        return 3.0
    return None


def _is_named(noun: Token) -> bool:
    """Whether a noun names a party (a person, group or place): a proper noun, a noun
    with a proper name in it ("Saleh loyalists"), or a description in apposition to
    one ("Basayev, a Chechen leader killed in 2006")."""
    if noun.pos_ == "PROPN" or any(c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN"
                                   for c in noun.children):
        return True
    return noun.dep_ == "appos" and noun.head.i != noun.i and _is_named(noun.head)


def _is_circumstance(noun: Token, circumstances: frozenset[str]) -> bool:
    """Whether a noun is a circumstance of the clause it hangs on, not a participant:
    the object of a preposition like "in" or "at" ("in a video", "at a meeting")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in circumstances


def _is_purpose_or_participle(clause: Token) -> bool:
    """An infinitive of purpose ("to take Mosul") or a participle ("killing five")."""
    return clause.tag_ in ("VBG", "VBN") or any(
        c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in clause.children)


def _is_time_clause(clause: Token, time_marks: frozenset[str]) -> bool:
    """Whether an adverbial clause opens with a time word ("when Kabul fell")."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in time_marks for c in clause.children)


def anchor_token(date: Token, trigger: Token, ends_cue: Callable[[Token], bool]) -> Token | None:
    """The token on the way up from the date to the trigger's clause at which an anchor
    cue ends ("after the coup in March 2012": "after"), or the cue opening a clause on
    the way ("After it emerged in 1980, ..."); None when there is none: then the date
    dates the event itself."""
    chain = {t.i for t in (trigger, *trigger.ancestors)}
    tok = date
    while tok.i not in chain and tok.head.i != tok.i:
        if tok is not date and ends_cue(tok):
            return tok
        if tok is not date and _is_clause(tok):
            mark = next((c for c in tok.children if c.dep_ == "mark" and ends_cue(c)), None)
            if mark is not None:
                return mark
        tok = tok.head
    return None
