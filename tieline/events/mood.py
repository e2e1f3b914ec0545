"""Whether a sentence says that the act a trigger names happened (its mood).

:mod:`~tieline.events.modality` grades how sure a sentence is of an act (asserted,
reported, alleged, speculative) and whether it denies it. This module decides whether
the sentence states the act at all: every event tieline prints must be what its
sentence says happened, or says is reported, alleged or thought to have happened.
Sentences name many acts they do not say happened, and those make no event:

- a condition, and what it conditions: "If X attacks Y, Z will respond", "X will fight
  Y unless ...", "Should X attack Y, ...", "Had X joined Y, ...";
- an unreal past: "X would have attacked Y", "X should have cut its ties with Y" (a
  modal with a perfect states what did not happen);
- an open question or an unreal comparison: "It is unclear whether X funded Y", "X
  acted as if it were Y's ally" (the clause around it may still be a fact);
- a statement about a kind of group, not about the groups named as its examples:
  "Militant groups like X and Y tend to cooperate with Z", "Such groups often fight Z";
- a "respectively" list read across: "X and Y fought Z and W respectively" pairs X with
  Z and Y with W, and neither X with W nor X with Y;
- an act only wanted, planned, offered, asked for or talked about: "planned to attack
  Y", "wants to merge with Y", "by seeking an all-out war with Y", "urged Y to attack
  Z", "met to coordinate their response" (the meeting is the event).

A noun trigger that is the object of an adjunct preposition ("in the clearest sign yet
of tension between X and Y", "with weapons from Z") is a circumstance of its clause,
not the act the clause plans or conditions.

Four readings keep an event, because the sentence does state a relation:

- an act of violence threatened ("threatened to attack Y", "warned that it would
  strike Y", "vowed to keep fighting Y", "announced that its fighters would strike Y")
  is a *threat* against its target by the one who threatens: the threat happened, the
  attack did not;
- an act of cooperation agreed ("agreed to merge with Y", "signed a deal to coordinate
  their operations") is an *agreement* between the two: an agreement to merge is not a
  merger, but it is an agreement (an act of violence agreed on is not done);
- an attempt at violence is violence against its target ("have been trying to seize the
  airport from Y"); an attempt at anything else is not the thing ("tried to merge");
- a purpose clause after an act that was done states the doer's aim, and with it the
  doer's stance: "X entered the coalition to battle Y" says X battles Y, "X was set up
  to fight on behalf of Y" that X fights for Y. Analysts and the labelled news count
  such purposes as the relations they name, so they are kept with the modality of
  their clause. (A purpose after a meeting, a deal or talks is their topic, above.)

A noun trigger with a definite determiner or a possessor ("their alliance", "the war
between X and Y") names a relation the sentence takes as existing: a condition or a
wish over it does not undo it ("X wants to end its alliance with Y").

Example:
    >>> reader = MoodReader(load_mood(), load_ontology(), finder.first_of_type)  # doctest: +SKIP
    >>> reader.asserted(match, "hamas", "fatah", token_actor) is None  # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import OntologyError
from ..yaml_data import load_yaml
from .coordination import name_lists
from .grammar import load_grammar
from .match import TriggerMatch
from .clauses import clause_chain
from .roles import SUBJECT_DEPS, TokenActors, direct_actors, subject_tokens
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import Trigger
    from .ontology import Ontology

_WHERE = "tieline/data/lexicons/mood.yaml"

#: The classes of words whose complement is an act they do not perform.
CLASSES = ("intention", "directive", "commitment", "deliberation", "attempt", "threat",
           "declaration")
#: Dependants that open a clause: words before them do not start the clause they hang on.
CLAUSAL_DEPS = frozenset({"advcl", "ccomp", "csubj", "csubjpass", "parataxis", "relcl", "conj"})
OPENING_WORDS = 5  # words read at the start of a clause for its opener


@dataclass(frozen=True)
class MoodLexicon:
    """The cue words of ``mood.yaml``: phrases are tuples of lower-case words."""

    conditions: tuple[tuple[str, ...], ...]
    open_clauses: tuple[tuple[str, ...], ...]
    inverted: frozenset[str]
    counterfactual: frozenset[str]
    kind_modifiers: frozenset[str]
    habitual: frozenset[str]
    classes: dict[str, str]  # lemma -> class
    noun_objects: frozenset[str]
    purpose_markers: tuple[tuple[str, ...], ...]
    respectively: frozenset[str]
    about: frozenset[str]
    clause_modals: frozenset[str]
    definite: frozenset[str]
    future_modals: frozenset[str]


def _words(data: dict[str, object], key: str, block: str = "") -> list[str]:
    source = data.get(block) if block else data
    value = source.get(key) if isinstance(source, dict) else None
    name = f"{block}.{key}" if block else key
    if not isinstance(value, list) or not value or not all(isinstance(w, str) for w in value):
        raise OntologyError(f"mood lexicon: {name} must be a non-empty list of words",
                            where=_WHERE, remedy="quote words YAML reads otherwise (\"no\", \"on\")")
    return [w.lower() for w in value]


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split()) for w in words)


@lru_cache(maxsize=1)
def load_mood() -> MoodLexicon:
    """The shipped mood cues."""
    text = (resources.files("tieline") / "data" / "lexicons" / "mood.yaml").read_text("utf-8")
    return mood_lexicon(load_yaml(text))


def mood_lexicon(data: object) -> MoodLexicon:
    """The mood cues of a parsed ``mood.yaml``; a missing or malformed class is an
    :class:`~tieline.errors.OntologyError` naming it."""
    if not isinstance(data, dict):
        raise OntologyError("mood lexicon: expected a mapping of word classes", where=_WHERE)
    classes: dict[str, str] = {}
    for cls in CLASSES:
        for lemma in _words(data, cls, "complements"):
            if lemma in classes and classes[lemma] != cls:
                raise OntologyError(f"mood lexicon: {lemma!r} is in both {classes[lemma]} and {cls}",
                                    where=_WHERE, remedy="a word belongs to one class")
            classes[lemma] = cls
    return MoodLexicon(
        conditions=_phrases(_words(data, "conditions")),
        open_clauses=_phrases(_words(data, "open_clauses")),
        inverted=frozenset(_words(data, "inverted")),
        counterfactual=frozenset(_words(data, "counterfactual")),
        kind_modifiers=frozenset(_words(data, "kind_modifiers", "generic")),
        habitual=frozenset(_words(data, "habitual", "generic")),
        classes=classes,
        noun_objects=frozenset(_words(data, "noun_objects")),
        purpose_markers=_phrases(_words(data, "purpose_markers")),
        respectively=frozenset(_words(data, "respectively")),
        about=frozenset(_words(data, "about")),
        clause_modals=frozenset(_words(data, "clause_modals")),
        definite=frozenset(_words(data, "definite")),
        future_modals=frozenset(_words(data, "future_modals")),
    )


# -- the clause around a trigger ---------------------------------------------------------
def clause_opening(tok: Token) -> tuple[str, ...]:
    """The first words of the clause ``tok`` heads, lower case: its left dependants
    and their words, leaving out clauses and punctuation hung on its left ("If X
    attacks Y, Z will respond": the clause of "respond" opens with "Z")."""
    start = tok.i
    for child in tok.children:
        if child.i < tok.i and child.dep_ not in CLAUSAL_DEPS and not child.is_punct:
            start = min(start, child.left_edge.i)
    doc = tok.doc
    words = [t.lower_ for t in doc[start:tok.i + OPENING_WORDS] if not t.is_punct]
    return tuple(words[:OPENING_WORDS])


def _opens(words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(words[:len(p)] == p for p in phrases)


def _inverted(tok: Token, lexicon: MoodLexicon) -> bool:
    """"Had X joined Y, ...", "Were X to attack Y, ...": a subordinate clause opened by
    an auxiliary standing before its subject (the parser reads some as complements:
    "X could have joined Y had Z not intervened")."""
    if tok.dep_ not in ("advcl", "ccomp"):
        return False
    words = clause_opening(tok)
    if not words or words[0] not in lexicon.inverted:
        return False
    first = next(t for t in tok.subtree if not t.is_punct)
    subjects = [t for t in tok.subtree if t.dep_ in SUBJECT_DEPS]
    return first.lower_ in lexicon.inverted and any(first.i < s.i for s in subjects)


def _conditional(tok: Token, lexicon: MoodLexicon) -> bool:
    return _opens(clause_opening(tok), lexicon.conditions) or _inverted(tok, lexicon)


def hypothetical(chain: list[Token], lexicon: MoodLexicon) -> str | None:
    """Why the clause of a trigger states nothing that happened (``"condition"``,
    ``"open"``, ``"counterfactual"``), or None."""
    for tok in chain:
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in CLAUSAL_DEPS:
            words = clause_opening(tok)
            if _conditional(tok, lexicon):
                return "condition"  # "If X attacks Y", "Had X joined Y"
            if _opens(words, lexicon.open_clauses):
                return "open"  # "whether X funded Y"
        if any(c.dep_ in ("advcl", "ccomp") and _conditional(c, lexicon) for c in tok.children):
            return "condition"  # "Z will respond if ...": the consequence of a condition
        aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VBN" and "have" in aux and \
                any(a in lexicon.counterfactual for a in aux[:aux.index("have")]):
            return "counterfactual"  # "would have attacked"
    return None


def presupposed(head: Token, lexicon: MoodLexicon | None = None) -> bool:
    """A noun trigger the sentence takes as existing: one with a definite determiner or
    a possessor ("their alliance", "the war between X and Y", "Hamas's ties to Y")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    definite = (lexicon or load_mood()).definite
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite)
               for c in head.children)


# -- wanted, asked, agreed, talked about, attempted, threatened -------------------------
def _purpose_marker(tok: Token, lexicon: MoodLexicon) -> bool:
    """"order" in "in order to": a purpose marker, not the noun."""
    doc = tok.doc
    return any(tuple(t.lower_ for t in doc[tok.i - len(p) + 1:tok.i + 1]) == p
               for p in lexicon.purpose_markers if tok.i - len(p) + 1 >= 0)


def _to_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _complement_of(lower: Token, governor: Token, head: Token, lexicon: MoodLexicon) -> bool:
    """Whether ``lower`` (on the chain below ``governor``) is what ``governor`` is
    about: its to-infinitive or gerund, a that-clause with a modal or in the
    subjunctive, a purpose clause, an event noun it takes as object, or a phrase after
    of/for/on/about/over."""
    cls = lexicon.classes.get(governor.lemma_.lower())
    dep = lower.dep_
    if cls == "declaration":  # "said it would attack Y"
        return dep == "ccomp" and any(c.dep_ == "aux" and c.lower_ in lexicon.future_modals
                                      for c in lower.children)
    if dep == "xcomp":
        return True
    if dep in ("advcl", "acl"):
        return _to_infinitive(lower)
    if dep == "ccomp":
        return lower.tag_ == "VB" or any(
            c.dep_ == "aux" and c.lower_ in lexicon.clause_modals for c in lower.children)
    if dep == "dobj" and lower.i == head.i:
        return False  # an event noun taken as object: see wished_for
    if dep == "prep" and lower.lower_ in lexicon.about:
        return cls != "commitment"  # "agreed on a ceasefire": the ceasefire is the agreement
    return False


def unrealised(chain: list[Token], head: Token, lexicon: MoodLexicon
               ) -> tuple[str | None, Token | None]:
    """What the words above the trigger whose complement it is make of it, and the word
    that does: ``("drop", word)`` when the act is only wanted, asked for or talked
    about; ``("commitment", word)`` when it is agreed, ``("threat", word)`` when it is
    threatened, ``("declaration", word)`` when it is said to come, ``("attempt",
    word)`` when it is attempted (the lowest such word);
    ``(None, None)`` when none governs it."""
    found: tuple[str | None, Token | None] = (None, None)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lexicon.noun_objects:
        return "drop", head.head  # "seeking an all-out war with Y": wished for
    lower = head
    for tok in chain[1:]:
        cls = lexicon.classes.get(tok.lemma_.lower())
        if cls and not _purpose_marker(tok, lexicon) and _complement_of(lower, tok, head, lexicon):
            if cls in ("threat", "attempt", "commitment", "declaration"):
                if found[0] is None:
                    found = (cls, tok)
            else:
                return "drop", tok
        lower = tok
    return found


def circumstance_cut(chain: list[Token], lexicon: MoodLexicon) -> list[Token]:
    """The chain of a noun trigger up to an adjunct preposition it hangs under ("in the
    clearest sign yet of tension between X and Y", "with weapons from Z"): what governs
    the clause above it plans or conditions the clause's act, not its circumstances."""
    if chain[0].pos_ not in ("NOUN", "PROPN"):
        return chain
    for n, tok in enumerate(chain[1:], start=1):
        if tok.dep_ == "prep" and tok.lower_ not in lexicon.about:
            return chain[:n]
        if tok.pos_ not in ("NOUN", "PROPN", "ADP", "ADJ", "DET", "NUM"):
            break  # the noun phrase ends at a verb: it is the verb's argument
    return chain


# -- kinds of groups ---------------------------------------------------------------------
def generic(chain: list[Token], token_actor: TokenActors, actors: set[str],
            lexicon: MoodLexicon) -> bool:
    """Whether the clause speaks of a kind of group, with the event's actors only as
    examples: a bare plural subject ("militant groups like X and Y", "such groups")
    holding one of them, and a habit ("tend to", "often", a simple present)."""
    verb = next((t for t in chain if any(c.dep_ in SUBJECT_DEPS for c in t.children)), None)
    if verb is None:
        return False
    for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
        if subject.i in token_actor or subject.pos_ != "NOUN" or subject.tag_ != "NNS":
            continue
        if any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in lexicon.kind_modifiers
               for c in subject.children):
            continue  # "these groups", "both groups", "its allies": particular ones
        if not any(token_actor.get(t.i) in actors for t in _examples(subject)):
            continue  # "MILF-protected enclaves", "Hamas fighters": not examples of a kind
        if _habitual(chain, verb, lexicon):
            return True
    return False


def _examples(kind: Token) -> list[Token]:
    """The words naming examples of a kind: after like/including/such as, or in
    apposition ("militant groups like X and Y", "such groups, including X")."""
    inclusion = load_grammar().inclusion_preps
    out: list[Token] = []
    for child in kind.children:
        example = child.dep_ == "appos" or (child.dep_ == "prep" and (
            child.lower_ in inclusion or (child.lower_ == "as" and child.i > 0
                                          and child.doc[child.i - 1].lower_ == "such")))
        if example:
            out += list(child.subtree)
    return out


def _habitual(chain: list[Token], verb: Token, lexicon: MoodLexicon) -> bool:
    for tok in chain:
        if tok.lemma_.lower() in lexicon.habitual:
            return True
        if any(c.dep_ == "advmod" and c.lemma_.lower() in lexicon.habitual for c in tok.children):
            return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return True  # "such groups cooperate"
    # "such groups are backed by ...": a simple present passive
    return verb.tag_ == "VBN" and [a.tag_ for a in aux] in (["VBZ"], ["VBP"]) and \
        all(a.dep_ == "auxpass" for a in aux)


# -- "respectively" ----------------------------------------------------------------------
def _lists(doc: Doc, token_actor: TokenActors) -> list[list[str]]:
    """Coordinated actors, each list in text order: written lists of names and
    conjuncts in the parse."""
    out = name_lists(doc, token_actor)
    for i, actor in token_actor.items():
        tok = doc[i]
        if token_actor.get(tok.head.i) == actor or not tok.conjuncts:
            continue
        names = [token_actor.get(t.i) for t in sorted([tok, *tok.conjuncts], key=lambda t: t.i)]
        group = list(dict.fromkeys(a for a in names if a))
        if len(group) >= 2 and group not in out:
            out.append(group)
    return out


def read_across(chain: list[Token], token_actor: TokenActors, source: str, target: str,
                lexicon: MoodLexicon) -> bool:
    """Whether a "respectively" clause is read across its lists: the pair is two of one
    list ("X and Y fought Z and W respectively": X and Y did not act together) or
    members of two lists at different places (X with W), or lists of different lengths
    that cannot be paired."""
    on_chain = {t.i for t in chain}
    doc = chain[0].doc
    # the adverb on the clause (or on one of its words' dependants: the parser hangs it
    # on the last object too), not in another clause of the sentence
    if not any(t.lower_ in lexicon.respectively and (
            t.head.i in on_chain or (t.head.pos_ in ("NOUN", "PROPN") and t.head.head.i in on_chain))
               for t in tokens(doc)):
        return False
    lists = _lists(doc, token_actor)
    with_source = next((names for names in lists if source in names), None)
    with_target = next((names for names in lists if target in names), None)
    if with_source is None or with_target is None:
        return False  # "X and Y attacked Z in 2001 and 2003 respectively"
    if with_source is with_target:
        return True
    if len(with_source) != len(with_target):
        return True
    return with_source.index(source) != with_target.index(target)


class MoodReader:
    """Decides, for each event the roles give, whether its sentence states the act."""

    def __init__(self, lexicon: MoodLexicon, ontology: Ontology,
                 trigger_of: Callable[[str], Trigger | None]):
        self.lexicon = lexicon
        self.ontology = ontology
        # the triggers a threatened or agreed act is restated with
        self.restated = {"threat": trigger_of("threat"), "commitment": trigger_of("agreement")}

    def asserted(self, match: TriggerMatch, source: str, target: str,
                 token_actor: TokenActors) -> TriggerMatch | None:
        """The act the sentence asserts for the event ``source`` → ``target`` the
        trigger ``match`` names: the match itself, the threat it is the content of
        ("threatened to attack Y"), or None when the sentence does not say it happened."""
        head = match.head
        lexicon = self.lexicon
        chain = clause_chain(head)
        if read_across(chain, token_actor, source, target, lexicon):
            return None
        if generic(chain, token_actor, {source, target}, lexicon):
            return None
        if presupposed(head, lexicon):
            return match
        chain = circumstance_cut(chain, lexicon)
        if hypothetical(chain, lexicon) is not None:
            return None
        verdict, governor = unrealised(chain, head, lexicon)
        if verdict is None or governor is None:
            return match
        conflict = self.ontology.types[match.type].polarity == "conflict"
        if verdict == "attempt" and conflict:
            return match  # "trying to seize the airport from Y"
        if verdict in ("threat", "declaration") and conflict and _speaks(governor, source, token_actor):
            restated = self.restated["threat"]  # "X threatened to attack Y": X threatens Y
        elif verdict == "declaration":
            return match  # "officials said X would attack Y": a forecast, hedged as one
        elif verdict == "commitment" and not conflict:
            restated = self.restated["commitment"]  # "X agreed to merge with Y"
        else:
            return None
        if restated is None:
            return None
        return TriggerMatch(restated, governor.i, governor.i + 1, governor)


def _speaks(verb: Token, actor: str, token_actor: TokenActors) -> bool:
    """Whether ``actor`` is the subject of ``verb`` (or of the clause it shares its
    subject with, or the noun a relative clause on it modifies): the one who threatens."""
    subjects, _ = subject_tokens(verb)
    return any(actor in direct_actors(s, token_actor) for s in subjects)
