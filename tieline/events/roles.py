"""The actors in each syntactic role around a trigger, read from the dependency parse.

``token_actor`` maps the index of every token that names an actor to the actor's id
(see :mod:`tieline.events.extract`). :func:`read_roles` collects, for one trigger match,
the actors of its subject (climbing through the clauses that govern it), objects,
prepositional phrases (by preposition), passive agent, possessor or modifier, and the
noun it stands in apposition to; the trigger's frame (:mod:`tieline.events.frames`)
then says which of them is the source and which the target.

Example:
    >>> roles = read_roles(match, token_actor)  # doctest: +SKIP
    >>> roles.subject, roles.preps.get("to")     # doctest: +SKIP
    (['hamas'], ['wilayat-sinai'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .grammar import load_grammar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .match import TriggerMatch

TokenActors = dict[int, str]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "obj"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp", "prep"})
#: Dependants that open a clause of their own: actors under them are not the phrase's.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
FAR_APPOSITION = 8  # tokens: a farther apposition is a parse slip more often than not


@dataclass
class Roles:
    """The actors found in each syntactic role around one trigger."""

    subject: list[str]
    objects: list[str]
    preps: dict[str, list[str]]
    agent: list[str]
    passive: bool
    possessor: list[str]
    appos_head: list[str]
    direct_objects: list[str] = field(default_factory=list)
    nominal: bool = False
    both: list[str] = field(default_factory=list)  # actors after "in/with both ..."


def first(*groups: Sequence[str], exclude: Sequence[str] = ()) -> str | None:
    """The first actor of the first group that has one not in ``exclude``."""
    for group in groups:
        for actor in group:
            if actor not in exclude:
                return actor
    return None


def actors_under(token: Token, token_actor: TokenActors, limit: int = 3,
                 skip_aimed: bool = False) -> list[str]:
    """Actors in the subtree of ``token``, nearest (shallowest) first; coordinated
    actors at the same depth all come back. With ``skip_aimed``, phrases after
    against/on/to... attached to ``token`` itself are left out."""
    aimed = load_grammar().aimed_preps
    out: list[str] = []
    frontier = [token]
    depth = 0
    while frontier and depth <= limit + 3:
        level: list[str] = []
        nxt = []
        for tok in frontier:
            actor = token_actor.get(tok.i)
            if actor and actor not in out and actor not in level:
                level.append(actor)
            for child in tok.children:
                if child.dep_ in CLAUSE_DEPS:
                    continue
                if skip_aimed and tok == token and child.dep_ == "prep" and child.lower_ in aimed:
                    continue
                if child.dep_ == "appos" and abs(child.i - tok.i) > FAR_APPOSITION:
                    continue
                nxt.append(child)
        out.extend(level)
        frontier = nxt
        depth += 1
    return out


def direct_actors(token: Token, token_actor: TokenActors) -> list[str]:
    """The actors ``token`` itself names: its own, or those of its compounds, appositions
    and conjuncts ("the YPG", "X and Y"), not those of phrases hanging off it
    ("attacks against X")."""
    out: list[str] = []
    frontier = [token]
    while frontier:
        tok = frontier.pop(0)
        actor = token_actor.get(tok.i)
        if actor and actor not in out:
            out.append(actor)
        frontier += [c for c in tok.children if c.dep_ in ("compound", "appos", "conj", "poss")]
    return out


def subject_token(head: Token) -> tuple[Token | None, bool]:
    """The subject governing ``head`` (climbing through xcomp/conj/...) and whether the
    clause is passive."""
    scene = load_grammar().scene_preps
    tok: Token | None = head
    steps = 0
    # "X planned the attacks and was helped by Y": the trigger's own voice counts
    head_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    while tok is not None and steps < 5:
        # the voice is the trigger's own: a raising verb above it ("X is said to have
        # provided") does not make it passive
        passive = head_passive
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child, passive
        accused = accused_of(tok)
        if accused is not None:
            return accused, passive
        if tok.dep_ in ("relcl", "acl") and tok.head != tok:
            return tok.head, tok.dep_ == "acl" and tok.tag_ == "VBN"
        if tok.dep_ in CLIMB_DEPS | {"dobj", "pobj", "nsubj", "appos", "compound", "amod", "npadvmod"} \
                and tok.head != tok:
            if tok.dep_ in ("nsubj",):
                return None, False
            if tok.dep_ == "pobj" and tok.head.lower_ in scene:
                return None, False  # "Following the 2004 ceasefire, X broke away": a backdrop
            tok = tok.head
            steps += 1
            continue
        break
    return None, False


def accused_of(tok: Token) -> Token | None:
    """For the act of an accusation ("Saudi Arabia accuses Iran of smuggling missiles",
    "Iran is accused of smuggling", "X blamed Y for bombing"), the one accused: the doer
    of the act, not the accuser."""
    grammar = load_grammar()
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in grammar.accusation_preps:
        return None
    verb = prep.head
    if verb.lemma_ not in grammar.accusing_verbs:
        return None
    wanted = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in verb.children) else ("dobj",)
    return next((c for c in verb.children if c.dep_ in wanted), None)


def read_roles(match: TriggerMatch, token_actor: TokenActors) -> Roles:
    """The actors in each role around ``match``."""
    head = match.head
    subject_tok, passive = subject_token(head)
    subject = actors_under(subject_tok, token_actor, skip_aimed=True) if subject_tok is not None else []
    objects: list[str] = []
    direct_objects: list[str] = []
    both: list[str] = []
    preps: dict[str, list[str]] = defaultdict(list)
    agent: list[str] = []
    possessor: list[str] = []
    distributive = load_grammar().distributive
    span_tokens = match.tokens()
    # A noun trigger that is the object of a light verb ("launched attacks against")
    # takes its prepositions from the verb as well.
    if head.dep_ in ("dobj", "pobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        span_tokens.append(head.head)
    # ... or its subject ("fighting broke out between X and Y", "clashes erupted with X")
    elif head.dep_ == "nsubj" and head.pos_ == "NOUN" and head.head.pos_ == "VERB" and \
            not any(c.dep_ in OBJECT_DEPS for c in head.head.children):
        span_tokens.append(head.head)  # an intransitive verb only: "broke out", "erupted"
    for tok in span_tokens:
        for child in tok.children:
            if child.dep_ in OBJECT_DEPS:
                objects += actors_under(child, token_actor)
                direct_objects += direct_actors(child, token_actor)
            elif child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        preps[child.lower_] += actors_under(pobj, token_actor)
                        if any(t.lower_ in distributive for t in pobj.subtree):
                            both += actors_under(pobj, token_actor)
            elif child.dep_ == "agent":
                for pobj in child.children:
                    agent += actors_under(pobj, token_actor)
            elif child.dep_ in ("poss", "compound", "nmod", "amod") and tok.pos_ in ("NOUN", "PROPN"):
                possessor += actors_under(child, token_actor, limit=1)
    appos_head: list[str] = []
    if head.dep_ == "appos":
        appos_head = [token_actor[head.head.i]] if head.head.i in token_actor else \
            actors_under(head.head, token_actor, limit=0)
    elif head.dep_ == "attr" and subject_tok is not None:
        appos_head = subject
    if subject_tok is not None and subject_tok.i in token_actor and not subject:
        subject = [token_actor[subject_tok.i]]
    return Roles(subject, objects, dict(preps), agent, passive, possessor, appos_head,
                 list(dict.fromkeys(direct_objects)), head.pos_ in ("NOUN", "PROPN"),
                 list(dict.fromkeys(both)))


def governing_subject(head: Token, token_actor: TokenActors,
                      exclude: Sequence[str] = ()) -> str | None:
    """The first actor found as the subject of a clause above ``head``."""
    for anc in head.ancestors:
        for child in anc.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child != head:
                found = [a for a in actors_under(child, token_actor) if a not in exclude]
                if found:
                    return found[0]
    return None


def received(head: Token) -> bool:
    """Whether a noun trigger is what a receiving verb's subject got ("received ...
    financial support", also as a later item of the list of things received)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in load_grammar().receiving_verbs


def reciprocal(head: Token) -> bool:
    """Whether the trigger takes "each other" / "one another" ("condemned each other")."""
    phrases = load_grammar().reciprocals
    for child in head.children:
        words = {t.lower_ for t in child.subtree}
        if any(phrase <= words for phrase in phrases):
            return True
    return False


def coordinated_pair(doc: Doc, token_actor: TokenActors, roles: Roles) -> tuple[str, str] | None:
    """Two different actors coordinated in the sentence ("X and Y"), subjects first."""
    pool = list(dict.fromkeys(roles.subject))
    if len(pool) >= 2:
        return pool[0], pool[1]
    for tok in doc:
        actor = token_actor.get(tok.i)
        if actor is None:
            continue
        for conj in tok.conjuncts:
            other = token_actor.get(conj.i)
            if other and other != actor:
                return actor, other
    return None


def target_is_no_actor(head: Token, roles: Roles, token_actor: TokenActors) -> bool:
    """Whether the trigger's object ("attempted to assassinate a judge") or its
    "against"/"on" phrase ("attacks against army units") holds no actor, and no actor
    but its subject is anywhere under it."""
    struck = load_grammar().struck_preps
    aimed = any(c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in struck)
                for c in head.children)
    if not aimed or (head.pos_ == "VERB" and not roles.subject):
        return False
    under = {token_actor[t.i] for t in head.subtree if t.i in token_actor}
    return not under - set(roles.subject)


def doer_is_no_actor(head: Token, roles: Roles) -> bool:
    """Whether a verb trigger's subject is a noun phrase naming no actor ("a declaration
    of war helps X"): then nobody in the sentence did it. Pronouns are left to the
    fallback, which may find their antecedent."""
    if head.pos_ != "VERB" or roles.subject or roles.passive:
        return False
    subject_tok, _ = subject_token(head)
    if subject_tok is None or subject_tok.pos_ != "NOUN" or subject_tok.head != head:
        return False
    # "its members", "Belmokhtar's men": a pronoun or a name may stand for a group
    aimed_preps = load_grammar().aimed_preps
    aimed = {t.i for c in subject_tok.children if c.dep_ == "prep" and c.lower_ in aimed_preps
             for t in c.subtree}
    return not any(t.pos_ in ("PRON", "PROPN") for t in subject_tok.subtree if t.i not in aimed)
