"""What the clause around a trigger says of it: the words governing it, its tense, and
whether it is only the backdrop of another act.

Example:
    >>> tense(match.head)  # doctest: +SKIP
    'past'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import load_grammar
from .roles import SUBJECT_DEPS, TokenActors

if TYPE_CHECKING:
    from spacy.tokens import Token


def governing_chain(head: Token) -> list[Token]:
    """The trigger and the words governing it whose hedges and negations reach it. The
    climb stops at an active subject: a trigger inside the one who speaks ("Ansaru, a
    splinter group of Boko Haram, announced ...") is not what is announced."""
    chain = [head]
    tok = head
    while tok.head.i != tok.i and tok.dep_ != "nsubj":
        tok = tok.head
        chain.append(tok)
    return chain


def own_clause(tok: Token) -> bool:
    """A subordinate or coordinated clause with a subject of its own ("..., and its
    leaders reaffirmed ..."): hedges and negations above it do not reach into it."""
    return tok.dep_ in ("advcl", "relcl", "conj") and any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def clause_scope(head: Token) -> list[Token]:
    """The governing chain up to the top of the trigger's clause: the root, or a clause
    with its own subject, included. Its words' hedges are the trigger's."""
    scope = []
    for tok in governing_chain(head):
        scope.append(tok)
        if tok.dep_ == "ROOT" or own_clause(tok):
            break
    return scope


def clause_chain(head: Token) -> list[Token]:
    """The trigger and the words governing it up to the top of its clause, like
    :func:`clause_scope`, but climbing out of a subject too: a trigger inside the subject
    of a condition ("if war breaks out between X and Y") is in the condition."""
    chain = [head]
    tok = head
    while tok.head.i != tok.i and not own_clause(tok):
        tok = tok.head
        chain.append(tok)
    return chain


def backdrop(head: Token, token_actor: TokenActors) -> bool:
    """A noun trigger after "during" sets the time of the clause ("praised Hamas during
    the 2014 Gaza war") and states nothing between the clause's actors, unless it names
    two actors itself ("during the war between Amal and Hezbollah"). After "after" or
    "since" it usually does ("signed a truce after clashes"), so it is kept there."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "pobj" or \
            head.head.lower_ not in load_grammar().backdrop_preps:
        return False
    return len({token_actor[t.i] for t in head.subtree if t.i in token_actor}) < 2


def tense(head: Token) -> str | None:
    """"past", "perfect" or "present" for the clause that states the trigger, None when
    unclear.

    The clause's verb is the trigger itself or the first verb above it. Simple present
    and present progressive ("appears", "is picking on") are present; a present perfect
    ("have defected") is perfect; other past forms are past.
    """
    verbs = [t for t in [head, *head.ancestors] if t.pos_ in ("VERB", "AUX")]

    # a participle or gerund without auxiliary ("By openly confronting Hamas, X appears
    # ...") takes the tense of the clause above it
    def finite(v: Token) -> bool:
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lemma_ == "have" for a in aux):
            return True  # a perfect, even infinitive: "is said to have provided"
        if any(a.lower_ == "to" for a in aux):
            return False  # an infinitive ("to secure arms shipments")
        return v.tag_ not in ("VBG", "VBN", "VB") or bool(aux)

    verb = next((v for v in verbs if finite(v)), None)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return "perfect"  # "have seized": just before the time of writing
    if any(a.tag_ in ("VBD",) or a.lemma_ == "have" for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    return None
