"""Whose voice an act is in: communications a group releases, and the people in them.

Armed groups speak through videos, statements and messages. An act the text places
"in a video released by X" is X's act when the sentence names no other organization as
its doer: the doer it names is a person acting for X ("al-Dajani executed Abu Zamat in
a video released by Wilayat Sinai") or the brand X belongs to ("the Islamic State" in
its affiliate's video). "In the same video" refers back to the last release of the
paragraph. A person shown doing the act of X's release stands for X in the main
clause of the paragraph's later sentences (a mention tied to the group; tieline keeps
nothing else of the person).

Example:
    >>> memory = ReleaseMemory()
    >>> memory.issuer_in(0) is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .grammar import load_grammar
from .roles import TokenActors, actors_under
from .tokens import root, text, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Determiners and adjectives by which a communication noun refers back to the last one.
REFERRING_BACK = frozenset({"same", "this", "that"})


@dataclass
class ReleaseMemory:
    """What a document has said so far of releases: the last issuer of each paragraph,
    and the people shown acting in them (by the last word of their name)."""

    issuers: dict[int, str] = field(default_factory=dict)
    members: dict[tuple[int, str], str] = field(default_factory=dict)

    def issuer_in(self, paragraph: int) -> str | None:
        return self.issuers.get(paragraph)


def issuer_of(noun: Token, token_actor: TokenActors) -> str | None:
    """The actor that issued a communication noun: "a video released by X", "X's
    statement"."""
    grammar = load_grammar()
    if noun.lemma_.lower() not in grammar.communications:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in grammar.releasing_verbs:
            for agent in child.children:
                if agent.dep_ == "agent":
                    found = [a for p in agent.children for a in actors_under(p, token_actor)]
                    if found:
                        return found[0]
        if child.dep_ == "poss" and child.i in token_actor:
            return token_actor[child.i]
    return None


def release_of(head: Token, token_actor: TokenActors, memory: ReleaseMemory,
               paragraph: int) -> str | None:
    """The issuer of the release an act at ``head`` is placed in ("in a video released
    by X", "in the same video"), climbing to the clause the act belongs to."""
    communications = load_grammar().communications
    for tok in [head, *head.ancestors]:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in communications:
                    continue
                issuer = issuer_of(noun, token_actor)
                if issuer is not None:
                    return issuer
                if any(c.lower_ in REFERRING_BACK for c in noun.children):
                    return memory.issuer_in(paragraph)
        if tok.dep_ in ("ROOT", "relcl", "advcl", "ccomp"):
            break
    return None


def note_releases(doc: Doc, token_actor: TokenActors, memory: ReleaseMemory,
                  paragraph: int) -> None:
    """Remember the releases a sentence names, and the person its main act is done by."""
    grammar = load_grammar()
    if not grammar.release_pattern.search(text(doc)):
        return  # no "released by", "published by": nothing to remember
    communications = grammar.communications
    for tok in tokens(doc):
        if tok.lemma_.lower() in communications:
            issuer = issuer_of(tok, token_actor)
            if issuer is not None:
                memory.issuers[paragraph] = issuer
    main = root(doc)
    if main is None:
        return
    issuer = release_of(main, token_actor, memory, paragraph)
    person = _person_subject(main, token_actor)
    if issuer is not None and person is not None:
        memory.members[(paragraph, person.lower_)] = issuer


def tie_members(doc: Doc, token_actor: TokenActors, memory: ReleaseMemory,
                paragraph: int) -> TokenActors:
    """Tokens of a person remembered as acting for a group, where the person is the
    subject of the sentence's main clause: the group they stand for."""
    main = root(doc)
    if main is None or not any(p == paragraph for p, _ in memory.members):
        return {}
    person = _person_subject(main, token_actor)
    if person is None:
        return {}
    actor = memory.members.get((paragraph, person.lower_))
    if actor is None:
        return {}
    return {t.i: actor for t in person.subtree if t.i not in token_actor and
            t.pos_ in ("PROPN", "PUNCT")}


def _person_subject(verb: Token, token_actor: TokenActors) -> Token | None:
    """The subject of ``verb`` when it is a proper name that names no actor (a person),
    as its last word."""
    names = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not names or any(c.pos_ != "PROPN" or any(t.i in token_actor for t in c.subtree)
                        for c in names):
        return None
    return max(names, key=lambda c: c.i)  # "Muhammad al-Dajani": the name's last word
