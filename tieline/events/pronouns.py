"""Pronouns bound within one sentence: "Hamas said it had armed the PIJ", "Though
Hamas and Fatah condemned each other, they seemed to cooperate", "The ELN and the FARC
ended their war".

A subject or possessive pronoun stands for the actors of the subject of an earlier
clause of the same sentence: "it"/"its" for a subject naming one actor, "they"/
"their"/"them" for one naming several (coordinated: "X and Y"), or for one actor when
the pronoun's clause is said or done by that subject ("X said they ..."). The nearest
such subject wins; a subject naming several actors never binds "it", one naming one
never binds "they" otherwise. A pronoun bound to several actors stands for all of
them (:func:`tieline.events.roles.plural_of` gives them to the role reader). A pronoun
is bound only where no other actor stands between it and the subject ("X attacked Y
and its allies" leaves "its" alone).

Example:
    >>> bind_pronouns(doc, token_actor)  # doctest: +SKIP
    ({3: 'hamas'}, {})
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import load_grammar
from .roles import PLURAL_KEY, SUBJECT_DEPS, TokenActors
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Clauses a pronoun's clause may hang from when the pronoun stands for their subject.
REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj"})
SINGULAR = frozenset({"it", "its"})
PLURAL = frozenset({"they", "their", "them"})


def bound_pronouns(doc: Doc, token_actor: TokenActors) -> TokenActors:
    """Each bound pronoun with the (first) actor it stands for; the others of a plural
    binding are kept on ``doc`` for :func:`plural_of`."""
    single, plural = bind_pronouns(doc, token_actor)
    doc.user_data[PLURAL_KEY] = {i: actors[1:] for i, actors in plural.items()}
    return {**single, **{i: actors[0] for i, actors in plural.items()}}


def _subject_actors(subject: Token, token_actor: TokenActors) -> list[str]:
    """The actors a subject names: its own tokens and the names coordinated with it."""
    out: list[str] = []
    for tok in subject.subtree:
        if tok.dep_ in ("relcl", "acl", "prep") and tok.i != subject.i:
            continue
        actor = token_actor.get(tok.i)
        if actor and actor not in out and _within_noun_phrase(tok, subject):
            out.append(actor)
    return out


def _within_noun_phrase(tok: Token, subject: Token) -> bool:
    """Whether ``tok`` is part of the subject's own noun phrase (not of a clause or a
    prepositional phrase hanging off it)."""
    while tok.i != subject.i:
        if tok.dep_ in ("relcl", "acl", "prep", "advcl", "ccomp"):
            return False
        tok = tok.head
    return True


def bind_pronouns(doc: Doc, token_actor: TokenActors) -> tuple[TokenActors, dict[int, list[str]]]:
    """The pronouns of ``doc`` bound to one actor, and those bound to several."""
    grammar = load_grammar()
    pronouns = grammar.subject_pronouns | grammar.possessive_pronouns | {"them"}
    if not any(t.lower_ in pronouns for t in tokens(doc)):
        return {}, {}
    subjects = [(s, _subject_actors(s, token_actor)) for s in tokens(doc) if s.dep_ in SUBJECT_DEPS]
    subjects = [(s, actors) for s, actors in subjects if actors]
    single: TokenActors = {}
    plural: dict[int, list[str]] = {}
    for tok in tokens(doc):
        word = tok.lower_
        if tok.i in token_actor or word not in pronouns:
            continue
        if word in ("it", "they") and tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        earlier = [(s, actors) for s, actors in subjects if s.i < tok.i and not _contains(s, tok)]
        if not earlier:
            continue
        subject, actors = max(earlier, key=lambda item: item[0].i)
        between = {token_actor[i] for i in range(subject.right_edge.i + 1, tok.i) if i in token_actor}
        if between - set(actors):
            continue  # another actor stands nearer: the pronoun may be its
        if word in SINGULAR:
            if len(actors) == 1:
                single[tok.i] = actors[0]
        elif len(actors) >= 2:
            plural[tok.i] = actors
        elif _reported_by(tok, subject):
            single[tok.i] = actors[0]  # "X said they had ...": the one who speaks
    return single, plural


def _contains(outer: Token, inner: Token) -> bool:
    return outer.left_edge.i <= inner.i <= outer.right_edge.i


def _reported_by(tok: Token, subject: Token) -> bool:
    """Whether the clause of ``tok`` hangs (through said / announced / and ...) from the
    clause whose subject is ``subject``."""
    clause = tok.head
    while clause.dep_ in REPORTED_CLAUSES and clause.head.i != clause.i:
        clause = clause.head
        if subject.head.i == clause.i:
            return True
    return False
