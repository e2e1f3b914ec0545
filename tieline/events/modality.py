"""How sure the sentence is of what it states (modality), and whether it denies it.

Whether the sentence states the act at all (a condition, a plan, a statement about a
kind of group) is :mod:`~tieline.events.mood`'s question; this module grades the acts it
does state. A hedge applies to a trigger when it is the trigger's own dependant or a
dependant of a word governing it ("is said to have provided", "may have funded", "is
likely to have funded", "It is possible that ..."), when a closing attribution reports
the sentence (", the Israeli military alleged"), or when a cue phrase of the lexicon
stands in the sentence. The weakest modality wins: speculative < alleged < reported <
asserted. The climb stops at a clause with its own subject, whose hedges are its own.

Cue phrases do not all reach as far. Who reports a sentence reports all of it
("According to sources, X armed Y and trained Z"), so a *reported* phrase applies
wherever it stands. Speculation and allegation are said of one clause: "X attacked Y,
which may have armed Z" speculates about the arming only, and "X, accused of funding Y,
attacked Z" alleges the funding, not the attack. So a *speculative* or *alleged* phrase
applies only where it stands in the trigger's clause (on the words governing the
trigger, or hung on them). That is why the sentence-wide reading once skipped
speculative phrases altogether: read anywhere in the sentence (and inside words: "likely"
in "unlikely") they hedged acts they do not speak of.

Example:
    >>> reader = ModalityReader(load_hedges())  # doctest: +SKIP
    >>> reader.modality(match.head, sentence_text)  # doctest: +SKIP
    'reported'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .clauses import clause_scope, governing_chain, own_clause
from .grammar import load_grammar
from .lexicon import HedgeLexicon
from .mood import presupposed
from .roles import OBJECT_DEPS, TokenActors
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MODALITY_RANK", "ModalityReader", "governing_chain", "own_clause"]

MODALITY_RANK = {"asserted": 3, "reported": 2, "alleged": 1, "speculative": 0}
#: Dependants of the words on the chain that may carry a hedge ("possibly", "may",
#: "allegedly", "is likely to", "It is possible that").
HEDGE_DEPS = frozenset({"advmod", "aux", "auxpass", "neg", "amod", "acomp"})


class ModalityReader:
    """Reads modality and negation for triggers, with the hedge lexicon it was given."""

    def __init__(self, hedges: HedgeLexicon):
        self.hedges = hedges

    def modality(self, head: Token, sentence_text: str, sides: Sequence[str] = (),
                 token_actor: TokenActors | None = None) -> str:
        """The modality of what the trigger at ``head`` states (between the actors
        ``sides``, whose tokens ``token_actor`` gives)."""
        hedges = self.hedges
        doc = head.doc
        scope = clause_scope(head)
        # "the defection would not affect the coalition's cooperation with Y": a
        # relation taken as existing, with both its sides named in it, is not hedged by
        # what is said of it, only by who says it ("X was blamed for the attack on Y"
        # still alleges who attacked)
        existing = _existing(head, sides, token_actor) and len(scope) > 1 and \
            scope[1].lemma_.lower() not in load_grammar().support_verbs
        cues: list[str] = []
        for tok in scope:
            found: list[str] = []
            lemma = tok.lemma_.lower()
            if tok.i != head.i and lemma in hedges.governing:
                found.append(hedges.governing[lemma])  # "is said to", "is likely to"
            for child in tok.children:
                if child.dep_ not in HEDGE_DEPS:
                    continue
                word = child.lemma_.lower()
                if word in hedges.adverbs:
                    found.append(hedges.adverbs[word])
                elif child.dep_ == "aux" and word in hedges.modals:
                    found.append("speculative")
                elif child.dep_ == "acomp" and word in hedges.governing:
                    found.append(hedges.governing[word])  # "It is possible that ..."
            if existing and tok.i != head.i:
                found = [m for m in found if m == "reported"]
            cues += found
        attribution = load_grammar().trailing_attribution.search(sentence_text)
        if attribution and attribution.start() > head.idx:
            # "X armed Y, the Israeli military alleged on Monday."
            verb = next((t for t in tokens(doc) if t.idx == attribution.start(1)), None)
            if verb is not None and verb.lemma_.lower() in hedges.governing:
                cues.append(hedges.governing[verb.lemma_.lower()])
        for pattern, modality in hedges.sentence_patterns:
            for at in pattern.finditer(sentence_text):
                if modality == "reported" or _reaches(doc, at.start(), at.end(),
                                                       scope[:1] if existing else scope):
                    cues.append(modality)
                    break
        if not cues:
            return "asserted"
        return min(cues, key=lambda m: MODALITY_RANK[m])

    def negated(self, head: Token, sides: Sequence[str] = (),
                token_actor: TokenActors | None = None) -> bool:
        """Whether the sentence denies what the trigger at ``head`` states (between
        ``sides``, whose tokens ``token_actor`` gives).

        Denials count in pairs: "X did not end its alliance with Y" and "X never stopped
        fighting Y" deny the end, not the alliance or the fight. A negation does not reach
        a relation the sentence takes as existing, both its sides named in it, through a
        verb that does not do it: "the defection would not affect the coalition's
        cooperation with Y" denies the effect, not the cooperation; "X did not sign a
        pact with Y" denies the pact, "X was not behind the attack on Y" the attack by X.
        """
        hedges = self.hedges
        grammar = load_grammar()
        means = grammar.means_preps
        # "received no money from X": the thing given is denied
        for child in head.children:
            if child.dep_ in OBJECT_DEPS and any(
                    c.dep_ == "det" and c.lower_ in hedges.negators for c in child.children):
                return True
        denials = 0
        previous = head
        for tok in governing_chain(head):
            lemma = tok.lemma_.lower()
            below = previous
            if tok.i != head.i:
                if previous.i == head.i and _existing(head, sides, token_actor) \
                        and lemma not in grammar.support_verbs \
                        and lemma not in hedges.negating_governors:
                    break  # "would not affect the coalition's cooperation with Y"
                # "ended their war with a pact": the pact is how it ended, not what ended
                by_means = previous.dep_ == "prep" and previous.lower_ in means
                if lemma in hedges.negating_governors and not by_means:
                    denials += 1
            previous = tok
            if any(_denies(c, hedges) for c in tok.children if c.i != below.i):
                denials += 1
            if tok.dep_ == "ROOT" or tok.pos_ == "NOUN" and tok.i != head.i:
                break
            if own_clause(tok):
                break  # "X has not pledged ..., and its leaders reaffirmed ...": not denied
        return denials % 2 == 1


def _existing(head: Token, sides: Sequence[str], token_actor: TokenActors | None) -> bool:
    """A relation the sentence takes as existing, named with both its sides inside its
    noun phrase ("the coalition's collaboration with Y")."""
    if not sides or token_actor is None or not presupposed(head):
        return False
    named = {token_actor.get(t.i) for t in head.subtree}
    return all(side in named for side in sides)


def _denies(child: Token, hedges: HedgeLexicon) -> bool:
    """Whether a dependant negates its head: "not", "never", "no", "It is unlikely
    that ...", but not the "not" of "not only ... but also"."""
    if child.dep_ == "acomp" and child.lemma_.lower() in hedges.negating_governors:
        return True  # "It is unlikely that X funded Y"
    if not (child.dep_ == "neg" or (child.lower_ in hedges.negators
                                    and child.dep_ in ("neg", "det", "advmod"))):
        return False
    doc = child.doc
    after = doc[child.i + 1] if child.i + 1 < len(doc) else None
    return after is None or after.lower_ not in hedges.focus


def _reaches(doc: Doc, start: int, end: int, scope: list[Token]) -> bool:
    """Whether the cue phrase at characters ``start``-``end`` stands in the clause of
    the words in ``scope``: one of its words is on the chain, or hangs on it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    chain = {t.i for t in scope}
    return any(t.i in chain or t.head.i in chain for t in span)
