"""How sure the sentence is of what it states (modality), and whether it denies it.

A hedge applies to a trigger when it is the trigger's own dependant or a dependant of a
word governing it ("is said to have provided", "may have funded"), when a closing
attribution reports the sentence (", the Israeli military alleged"), or when a
sentence-wide cue stands before it ("According to sources, ..."). The weakest
modality wins: speculative < alleged < reported < asserted. The climb stops at a clause
with its own subject, whose hedges are its own.

Example:
    >>> reader = ModalityReader(load_hedges())  # doctest: +SKIP
    >>> reader.modality(match.head, sentence_text)  # doctest: +SKIP
    'reported'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import load_grammar
from .lexicon import HedgeLexicon
from .roles import OBJECT_DEPS, SUBJECT_DEPS
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

MODALITY_RANK = {"asserted": 3, "reported": 2, "alleged": 1, "speculative": 0}


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


class ModalityReader:
    """Reads modality and negation for triggers, with the hedge lexicon it was given."""

    def __init__(self, hedges: HedgeLexicon):
        self.hedges = hedges

    def modality(self, head: Token, sentence_text: str) -> str:
        """The modality of what the trigger at ``head`` states."""
        hedges = self.hedges
        doc = head.doc
        cues: list[str] = []
        for tok in governing_chain(head):
            if tok is not head and tok.lemma_.lower() in hedges.governing:
                cues.append(hedges.governing[tok.lemma_.lower()])
            for child in tok.children:
                lemma = child.lemma_.lower()
                if child.dep_ in ("advmod", "aux", "auxpass", "neg", "amod"):
                    if lemma in hedges.adverbs:
                        cues.append(hedges.adverbs[lemma])
                    elif child.dep_ == "aux" and lemma in hedges.modals:
                        cues.append("speculative")
            if tok.dep_ == "ROOT":
                break
            if own_clause(tok):
                break  # a clause with its own subject keeps its own modality
        lowered = sentence_text.lower()
        trigger_at = head.idx
        attribution = load_grammar().trailing_attribution.search(sentence_text)
        if attribution and attribution.start() > trigger_at:
            # "X armed Y, the Israeli military alleged on Monday."
            verb = next((t for t in tokens(doc) if t.idx == attribution.start(1)), None)
            if verb is not None and verb.lemma_.lower() in hedges.governing:
                cues.append(hedges.governing[verb.lemma_.lower()])
        for phrase, modality in hedges.sentence:
            if modality == "speculative":
                continue
            at = lowered.find(phrase)
            if at != -1 and (at < trigger_at or modality == "reported"):
                cues.append(modality)
        if not cues:
            return "asserted"
        return min(cues, key=lambda m: MODALITY_RANK[m])

    def negated(self, head: Token) -> bool:
        """Whether the sentence denies what the trigger at ``head`` states."""
        hedges = self.hedges
        means = load_grammar().means_preps
        # "received no money from X": the thing given is denied
        for child in head.children:
            if child.dep_ in OBJECT_DEPS and any(
                    c.dep_ == "det" and c.lower_ in hedges.negators for c in child.children):
                return True
        previous = head
        for tok in governing_chain(head):
            # "ended their war with a pact": the pact is how it ended, not what ended
            by_means = previous.dep_ == "prep" and previous.lower_ in means
            if tok is not head and tok.lemma_.lower() in hedges.negating_governors \
                    and not by_means:
                return True
            previous = tok
            if any(c.dep_ == "neg" or (c.lower_ in hedges.negators and c.dep_ in ("neg", "det", "advmod"))
                   for c in tok.children):
                return True
            if tok.dep_ == "ROOT" or tok.pos_ == "NOUN" and tok is not head:
                break
            if own_clause(tok):
                break  # "X has not pledged ..., and its leaders reaffirmed ...": not denied
        return False
