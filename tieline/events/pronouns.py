"""Subject pronouns bound within one sentence: "Hamas said it had armed the PIJ".

Example:
    >>> bound_pronouns(doc, token_actor)  # doctest: +SKIP
    {3: 'hamas'}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import load_grammar
from .roles import SUBJECT_DEPS, TokenActors

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Clauses a pronoun's clause may hang from when the pronoun stands for their subject.
REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def bound_pronouns(doc: Doc, token_actor: TokenActors) -> TokenActors:
    """"Hamas said it had armed the PIJ": a subject pronoun of a clause stands for the
    actor that is the subject of the clause it depends on (said, denied, announced
    that...), when that subject comes before it and names one actor only. Other
    pronouns stay unbound."""
    pronouns = load_grammar().subject_pronouns
    bound: TokenActors = {}
    for tok in doc:
        if tok.i in token_actor or tok.lower_ not in pronouns or \
                tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        clause = tok.head
        while clause.dep_ in REPORTED_CLAUSES and clause.head.i != clause.i:
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None:
                continue
            actors = {token_actor[t.i] for t in subject.subtree if t.i in token_actor}
            if len(actors) == 1 and subject.i < tok.i:  # "X and Y said they..." stays as is
                bound[tok.i] = actors.pop()
            break
    return bound
