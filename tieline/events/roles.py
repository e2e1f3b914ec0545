"""The actors in each syntactic role around a trigger, read from the dependency parse.

``token_actor`` maps the index of every token that names an actor to the actor's id
(see :mod:`tieline.events.extract`). :func:`read_roles` collects, for one trigger match,
the actors of its subject (climbing through the clauses that govern it), objects,
prepositional phrases (by preposition), passive agent, possessor or modifier, and, for
a noun, the actor the noun phrase is said of (its *referent*: "X" in "X, the armed
wing of Y", "X is an affiliate of Y", "its ally X"). The trigger's frame
(:mod:`tieline.events.frames`) then says which of them is the source and which the
target. An actor that fills no role is no party to the trigger.

A verb's subject is its own, or that of the clause it depends on when it has none
("decided to join", "fought and captured", "..., killing"); a relative pronoun stands
for the noun its clause modifies. A noun takes the subject of the verb above it only
where the verb is a light verb that does the act the noun names ("launched attacks",
"has ties with"), not where the verb only speaks of it ("confirmed the split").

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
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .match import TriggerMatch

TokenActors = dict[int, str]
#: Where a parsed sentence keeps the further actors its plural pronouns stand for
#: (see :mod:`tieline.events.pronouns`).
PLURAL_KEY = "tieline.plural_pronouns"

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "obj"})
#: A verb with one of these relations and no subject of its own shares the subject of
#: the word it depends on.
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp"})
#: Dependants that open a clause of their own: actors under them are not the phrase's.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
#: Dependants of a noun that name who it is of or by ("Hezbollah's support", "US strikes").
MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
#: Dependants of a noun that may name the very actor the noun phrase refers to.
NAMING_DEPS = frozenset({"appos", "compound", "npadvmod"})
FAR_APPOSITION = 8  # tokens: a farther apposition is a parse slip more often than not
MAX_CLIMB = 6       # clauses climbed looking for a subject


@dataclass
class Roles:
    """The actors found in each syntactic role around one trigger.

    ``subject`` holds the actors of the subject (the doer of an active verb, the one
    acted on of a passive one; for a noun, the subject of the light verb doing it),
    ``objects`` those of the objects, ``agent`` those after a passive's "by",
    ``possessor`` a noun's possessor or modifier, ``referent`` the actor a noun
    phrase is said of (copula subject, apposition, a name it stands beside).
    """

    subject: list[str]
    objects: list[str]
    preps: dict[str, list[str]]
    agent: list[str]
    passive: bool
    possessor: list[str]
    referent: list[str]
    direct_objects: list[str] = field(default_factory=list)
    nominal: bool = False
    both: list[str] = field(default_factory=list)  # actors after "in/with both ..."
    fragment: bool = False  # a noun heading a sentence without a verb ("X and Y allies.")
    owner: list[str] = field(default_factory=list)  # who has the thing the subject names
    # "For X, Y is central to the smuggling network": whose act it is, Y taking part
    beneficiary: list[str] = field(default_factory=list)


def first(*groups: Sequence[str], exclude: Sequence[str] = ()) -> str | None:
    """The first actor of the first group that has one not in ``exclude``."""
    for group in groups:
        for actor in group:
            if actor not in exclude:
                return actor
    return None


def plural_of(tok: Token) -> list[str]:
    """The further actors a plural pronoun stands for ("they" for "X and Y")."""
    bound: dict[int, list[str]] = tok.doc.user_data.get(PLURAL_KEY, {})
    return bound.get(tok.i, [])


def actors_under(token: Token, token_actor: TokenActors, limit: int = 3,
                 skip_aimed: bool = False) -> list[str]:
    """Actors in the subtree of ``token``, nearest (shallowest) first; coordinated
    actors at the same depth all come back. With ``skip_aimed``, phrases after
    against/on/to... attached to ``token`` itself are left out."""
    aimed = load_grammar().aimed_preps
    renegades = load_grammar().renegades
    out: list[str] = []
    frontier = [token]
    depth = 0
    while frontier and depth <= limit + 3:
        level: list[str] = []
        nxt = []
        for tok in frontier:
            actor = token_actor.get(tok.i)
            if actor:
                for a in (actor, *plural_of(tok)):
                    if a not in out and a not in level:
                        level.append(a)
            for child in tok.children:
                if child.dep_ in CLAUSE_DEPS and not _aiming(child):
                    continue
                if skip_aimed and tok == token and child.dep_ == "prep" and child.lower_ in aimed:
                    continue
                if child.dep_ == "appos" and abs(child.i - tok.i) > FAR_APPOSITION:
                    continue
                if child.dep_ == "amod" and child.pos_ == "VERB" and tok.i not in token_actor:
                    continue  # "IRGC-backed militias": the backer is no part of the militias
                if child.dep_ == "prep" and tok.lemma_.lower() in renegades:
                    continue  # "dissidents of the FARC" are not the FARC
                if child.dep_ == "poss" and actor and token_actor.get(child.i) not in (None, actor):
                    continue  # "ISIS's Sinai affiliate attacked": the affiliate, not ISIS
                nxt.append(child)
        out.extend(level)
        frontier = nxt
        depth += 1
    return out


def _aiming(clause: Token) -> bool:
    """"attacks targeting X": a participle saying at whom the noun's act is aimed, whose
    object is then the noun's own."""
    return clause.dep_ == "acl" and clause.tag_ == "VBG" and \
        clause.lemma_.lower() in load_grammar().aiming_verbs


def fellows(token: Token) -> bool:
    """"a fellow Islamic State member": one of the doer's own."""
    return any(c.lower_ == "fellow" for c in token.children)


def collaborator_side(head: Token, token_actor: TokenActors, exclude: Sequence[str]) -> str | None:
    """For a killing or punishment "amid accusations that V had smuggled weapons to W"
    (or "on charges of spying for W"), W: whom the victim is said to have helped."""
    grammar = load_grammar()
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in grammar.accusations:
                continue
            for clause in noun.subtree:
                if clause.pos_ == "VERB" and clause.lemma_.lower() in grammar.collaborating_verbs:
                    found = [a for c in clause.children if c.dep_ in ("prep", "dative", "dobj")
                             for a in actors_under(c, token_actor) if a not in exclude]
                    if found:
                        return found[0]
    return None


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


def _subjects(tok: Token) -> list[Token]:
    """``tok``'s own subjects; a relative pronoun stands for the noun its clause
    modifies ("X, which swore loyalty to Y")."""
    relative = load_grammar().relative_pronouns
    out = []
    # "ART became associated with Y": the parser may hang the subject on the auxiliary
    children = [*tok.children, *(g for a in tok.children if a.dep_ in ("aux", "auxpass")
                                 for g in a.children)]
    for child in children:
        if child.dep_ not in SUBJECT_DEPS:
            continue
        if child.lower_ in relative and tok.dep_ == "relcl" and tok.head.i != tok.i:
            out.append(tok.head)
        elif child.lower_ in relative and child.tag_ in ("WDT", "WP", "DT") and child.i > 0 and \
                child.doc[child.i - 1].is_punct:
            # ", that likely came from": the parser missed the relative clause; the
            # pronoun stands for the noun just before it
            before = next((t for t in reversed(child.doc[:child.i])
                           if t.pos_ in ("NOUN", "PROPN")), None)
            out.append(before if before is not None else child)
        else:
            out.append(child)
    return out


def subject_tokens(head: Token) -> tuple[list[Token], bool]:
    """The subject tokens of the clause that states the verb ``head`` (climbing to the
    clause it depends on when it has none of its own), and whether ``head`` is passive.

    A participle modifying a noun takes that noun: its doer for a present participle
    ("troops supporting the government"), the one acted on for a past one ("militias
    trained by Hezbollah"). A clause that only sets the scene ("Following the 2004
    ceasefire, ...") has no subject for the act it names.
    """
    scene = load_grammar().scene_preps
    # "X planned the attacks and was helped by Y": the trigger's own voice counts; a
    # raising verb above it ("X is said to have provided") does not make it passive
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or (
        head.tag_ == "VBN" and any(c.dep_ == "agent" for c in head.children))  # "Established by X, Y ..."
    tok = head
    for _ in range(MAX_CLIMB):
        subjects = _subjects(tok)
        if subjects:
            return subjects, passive
        accused = accused_of(tok)
        if accused is not None:
            return [accused], passive
        parent = tok.head
        if parent.i == tok.i:
            break
        if tok.dep_ == "acl" or (tok.dep_ == "relcl" and _infinitive(tok)):
            return _acl_subject(tok)  # "adopted measures to crack down on X"
        if tok.dep_ == "relcl":
            return [parent], False
        if tok.dep_ in ("csubj", "csubjpass"):
            # "X calculated that cultivating ties with Y is the best way": the gerund's
            # doer is the one whose reasoning it is
            if parent.dep_ in SHARED_SUBJECT_DEPS and parent.head.i != parent.i:
                tok = parent.head
                continue
            break
        if tok.dep_ == "xcomp" and parent.lemma_.lower() in load_grammar().object_control:
            # "X encouraged its supporters to attack Y", "X helped Y seize Z": the
            # object of such a verb does what the infinitive says
            controllers = [c for c in parent.children if c.dep_ in ("dobj", "obj")]
            if controllers:
                return controllers, passive
        if tok.dep_ == "ccomp" and tok.i > 0:
            # "The statement added 15 ISIS insurgents were killed": the parser took the
            # clause's subject for the object of the verb before it
            taken = [c for c in parent.children if c.dep_ in ("dobj", "obj") and
                     c.right_edge.i + 1 == tok.left_edge.i]
            if taken:
                return taken, passive
        if tok.dep_ in SHARED_SUBJECT_DEPS or tok.dep_ in ("pcomp", "prep", "acomp", "npadvmod"):
            tok = parent
            continue
        if tok.dep_ == "pobj" and parent.lower_ not in scene:
            tok = parent
            continue
        break
    return [], False


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _acl_subject(clause: Token) -> tuple[list[Token], bool]:
    """Who does what a clause modifying a noun names, and whether it is passive.

    "troops supporting the government": the noun, doing it; "militias trained by
    Hezbollah": the noun, undergoing it; "released a statement condemning X": the one
    who issued the statement; "began a campaign to eliminate X", "X's plan to attack
    Y": the one whose campaign or plan it is (the light verb's subject, the possessor).
    """
    grammar = load_grammar()
    noun = clause.head
    if _infinitive(clause):
        return _owner_tokens(noun), False
    if clause.tag_ == "VBG" and noun.lemma_.lower() in grammar.communications and \
            noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
        return subject_tokens(noun.head)
    return [noun], clause.tag_ == "VBN"


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


def light_verb(head: Token, token_actor: TokenActors | None = None) -> Token | None:
    """The light verb doing the act a noun trigger names: the verb whose object the
    noun is ("launched attacks against Y", "maintains ties with Y"), or the verb whose
    manner it is ("X has been in combat with Y", "X, in collaboration with Y, invaded").
    None when the verb above only reports, judges or denies the act."""
    grammar = load_grammar()
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "provided money and training": the first of the things given
    verb = tok.head
    if tok.dep_ in ("dobj", "obj") and verb.pos_ in ("VERB", "AUX") and \
            verb.lemma_.lower() in grammar.support_verbs:
        return verb
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in grammar.activity_preps:
        governor = verb.head
        # "took control of the city in the worst fighting since the war" describes the
        # time; "X has been in combat with Y", "X was involved in a struggle" do not
        own_partner = any(c.dep_ == "prep" and c.lower_ in grammar.partner_preps + ("against", "on")
                          for c in tok.children) or any(c.lower_ == "joint" for c in tok.children)
        if governor.pos_ in ("VERB", "AUX") and (
                verb.lower_ not in ("in", "into") or own_partner or
                governor.lemma_.lower() in grammar.involvement_verbs):
            return governor
    if tok.dep_ == "pobj" and verb.dep_ == "prep":
        governor = verb.head
        # "X was blamed for the attack on Y", "Z accused X of attacks on Y": the accused
        if verb.lower_ in grammar.accusation_preps and governor.lemma_ in grammar.accusing_verbs:
            return governor
        # "X was responsible for the attack", "X is behind the attacks"
        if verb.lower_ in grammar.responsible and governor.pos_ in ("VERB", "AUX"):
            return governor
        if verb.lower_ in ("for", "to", "in") and governor.lower_ in grammar.responsible and \
                governor.head.pos_ in ("VERB", "AUX"):
            return governor.head  # "X was responsible for ...", "X is central to ..."
    partnered = any(c.dep_ == "prep" and c.lower_ in grammar.partner_preps + ("against",)
                    for c in head.children)
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in grammar.prior_preps \
            and not partnered:  # "after street battles with Z": with Z, not between X and Y
        governor = verb.head
        subjects = _subjects(governor) if governor.pos_ in ("VERB", "AUX") else []
        named = {a for s in subjects for a in actors_under(s, token_actor or {})}
        if len(named) >= 2:
            return governor  # "X and Y signed a truce after clashes"
    return None


def copula_subject(head: Token) -> list[Token]:
    """For a noun or adjective predicated of a subject ("X is an affiliate of Y", "X
    and Y were allies", "X is considered a rival of Y", "X is allied with Y"), the
    subject tokens."""
    if head.dep_ not in ("attr", "oprd", "acomp", "xcomp"):
        return []
    verb = head.head
    if verb.lemma_.lower() not in load_grammar().copulas:
        return []
    subjects = _subjects(verb)
    if not subjects and verb.dep_ in SHARED_SUBJECT_DEPS:
        subjects, _ = subject_tokens(verb)
    return subjects


def referent_tokens(head: Token, token_actor: TokenActors) -> list[Token]:
    """The tokens that name what a noun phrase headed by ``head`` refers to: the noun
    it stands in apposition to ("X, the armed wing of Y"), the subject it is predicated
    of ("X is an affiliate of Y"), the name beside it ("its ally X", "the splinter
    group X"), or the name it is "known as"."""
    grammar = load_grammar()
    found: list[Token] = []
    if head.dep_ == "appos" and abs(head.i - head.head.i) <= FAR_APPOSITION:
        found.append(head.head)
    found += copula_subject(head)
    # "X formed as a splinter group of Y", "X acts as an ally of Y", "others see X as
    # affiliated with Y": the verb's object, else its subject
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.dep_ == "prep":
        verb = head.head.head
        if verb.pos_ in ("VERB", "AUX"):
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            found += objects or subject_tokens(verb)[0]
    for child in head.children:
        if child.dep_ in ("appos",) and child.i > head.i and any(t.i in token_actor for t in child.subtree):
            found.append(child)
        elif child.dep_ in NAMING_DEPS and child.i > head.i and child.i in token_actor:
            found.append(child)
        elif child.dep_ == "acl" and child.lemma_ in grammar.naming_verbs:
            found += [t for t in child.subtree if t.i in token_actor][:1]
    # "the Islamist group Ansar Dine": the name heads the phrase, the noun modifies it
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i in token_actor and head.head.i > head.i:
        found.append(head.head)
    return found


def _beneficiary(head: Token, verb: Token, token_actor: TokenActors) -> list[str]:
    """"For X, Y is central to the smuggling network": where a noun trigger is what
    the subject of a copula takes part in ("central to", "key to"), a "for" phrase of
    the clause names whose act it is."""
    grammar = load_grammar()
    adjective = head.head.head if head.dep_ == "pobj" else None
    if adjective is None or adjective.lower_ not in grammar.responsible or \
            verb.lemma_.lower() not in grammar.copulas:
        return []
    return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children for a in actors_under(p, token_actor)]


def holders(place: Token, token_actor: TokenActors) -> list[str]:
    """The actors a place is said to be held by: "the town of Beledweyne, controlled by
    X", "field hospitals run by X"."""
    grammar = load_grammar()
    out: list[str] = []
    for clause in place.children:
        if clause.dep_ in ("acl", "advcl") and clause.tag_ == "VBN" and \
                clause.lemma_.lower() in grammar.holding_verbs:
            out += [a for agent in clause.children if agent.dep_ == "agent"
                    for pobj in agent.children for a in actors_under(pobj, token_actor)]
    return out


def _within_phrase(tok: Token, top: Token) -> bool:
    """Whether ``tok`` belongs to ``top``'s own name or noun phrase: reached through
    compounds, appositions, conjuncts and possessives only."""
    while tok.i != top.i:
        if tok.dep_ not in ("compound", "appos", "conj", "poss", "flat", "nmod", "amod", "det", "punct", "cc", "case"):
            return False
        tok = tok.head
    return True


def phrase_head(head: Token) -> Token:
    """The noun whose phrase a noun trigger's relations belong to: the trigger itself,
    or the generic group noun it modifies ("a splinter group of X", "the rival faction
    Y")."""
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and \
            head.head.lower_ in load_grammar().group_heads and head.head.i > head.i:
        return head.head
    return head


def read_roles(match: TriggerMatch, token_actor: TokenActors) -> Roles:
    """The actors in each role around ``match``."""
    head = match.head
    nominal = head.pos_ in ("NOUN", "PROPN")
    grammar = load_grammar()
    span_tokens = match.tokens()
    referent: list[str] = []
    if nominal and _subjects(head):
        nominal = False  # "The SSU split from the IMK": a verb the tagger took for a noun
    if not nominal and head.pos_ in ("ADJ", "ADV") and head.dep_ in ("amod", "advmod"):
        # "in a joint operation", "attacked jointly": the noun or verb it qualifies
        # names the act
        span_tokens.append(head.head)
        head = head.head
        nominal = head.pos_ in ("NOUN", "PROPN")
    if nominal:
        noun = phrase_head(head)
        if noun.i != head.i:
            span_tokens.append(noun)
            head = noun
        verb = light_verb(head, token_actor)
        subject_toks, passive = subject_tokens(verb) if verb is not None else ([], False)
        if verb is not None and verb.lemma_ in grammar.accusing_verbs and head.head.head.i == verb.i:
            # "X was blamed for the attack", "Z accused X of the attacks": the accused did it
            wanted = "nsubjpass" if passive else "dobj"
            subject_toks = [c for c in verb.children if c.dep_ == wanted]
            passive = False
        anchor = head
        while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.dep_ == "pobj":
            anchor = anchor.head.head  # "after a week of fighting"
        if verb is None and anchor.dep_ == "pobj" and anchor.head.lower_ in grammar.prior_preps \
                and not any(c.dep_ == "prep" and c.lower_ in grammar.partner_preps
                            for c in head.children):
            # "X drove Y out of Gaza after a week of fighting": between the two
            governor = anchor.head.head
            if governor.pos_ == "VERB":
                sides = [c for c in governor.children if c.dep_ in ("nsubj", "dobj")]
                if len({a for c in sides for a in actors_under(c, token_actor)}) >= 2:
                    subject_toks = sides
        if verb is None and head.dep_ == "pobj" and head.head.lower_ in grammar.activity_preps \
                and head.head.head.i in token_actor:
            # "MUJAO, in collaboration with the MNLA, invaded": the name the phrase is set
            # beside does it
            subject_toks = [head.head.head]
        beneficiary = _beneficiary(head, verb, token_actor) if verb is not None else []
        if verb is not None:
            span_tokens.append(verb)  # "launched attacks against Y": the verb's "against"
        elif head.dep_ == "nsubj" and head.head.pos_ == "VERB" and \
                not any(c.dep_ in OBJECT_DEPS for c in head.head.children):
            # "fighting broke out between X and Y", "clashes erupted with X": an
            # intransitive verb's phrases are the event's
            span_tokens.append(head.head)
        for child in head.children:
            # "airstrikes conducted by the US", "a programme provided by the AA"
            if child.dep_ == "acl" and child.tag_ == "VBN" and \
                    child.lemma_.lower() in grammar.support_verbs:
                subject_toks = [g for a in child.children if a.dep_ == "agent"
                                for g in a.children if g.dep_ == "pobj"] or subject_toks
        phrase = {t.i for t in head.subtree}
        for tok in referent_tokens(head, token_actor):
            # the name the phrase is said of, not the names inside the phrase itself
            # ("Ansaru, a splinter group of Boko Haram": Ansaru)
            named = [token_actor[t.i] for t in tok.subtree if t.i in token_actor and
                     (t.i not in phrase or tok.i in phrase) and _within_phrase(t, tok)]
            referent += named
        referent = list(dict.fromkeys(referent))
    else:
        beneficiary = []
        subject_toks, passive = subject_tokens(head)
        if not subject_toks and head.pos_ == "ADJ":
            subject_toks = copula_subject(head)
    subject: list[str] = []
    for tok in subject_toks:
        for actor in actors_under(tok, token_actor, skip_aimed=True):
            if actor not in subject:
                subject.append(actor)
        if tok.i in token_actor and token_actor[tok.i] not in subject:
            subject.append(token_actor[tok.i])
    objects: list[str] = []
    direct_objects: list[str] = []
    both: list[str] = []
    preps: dict[str, list[str]] = defaultdict(list)
    agent: list[str] = []
    possessor: list[str] = []
    # a verb in a relative clause whose subject is its own acts on the noun modified:
    # "the militia it is fighting"
    if not nominal and head.dep_ == "relcl" and subject_toks and \
            all(t.lower_ not in grammar.relative_pronouns for t in subject_toks) and \
            not any(c.dep_ in OBJECT_DEPS for c in head.children) and head.head.i in token_actor:
        objects.append(token_actor[head.head.i])
        direct_objects.append(token_actor[head.head.i])
    for tok in span_tokens:
        for child in tok.children:
            if child.dep_ in OBJECT_DEPS:
                if child.i == head.i or fellows(child):
                    continue
                # what the verb acts on, not what a long phrase after it mentions ("a
                # junta base in X, a hub for trade with India")
                objects += actors_under(child, token_actor, limit=2) + holders(child, token_actor)
                direct_objects += direct_actors(child, token_actor)
            elif child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        preps[child.lower_] += actors_under(pobj, token_actor) + \
                            holders(pobj, token_actor)
                        if any(t.lower_ in grammar.distributive for t in pobj.subtree):
                            both += actors_under(pobj, token_actor)
            elif child.dep_ == "agent":
                for pobj in child.children:
                    agent += actors_under(pobj, token_actor)
            elif child.dep_ in MODIFIER_DEPS and tok.pos_ in ("NOUN", "PROPN"):
                if tok.i == head.i and child.i > head.i:
                    continue  # a name after the noun is what it refers to, not whose it is
                possessor += actors_under(child, token_actor, limit=1)
    if not nominal and objects == [] and any(c.dep_ in OBJECT_DEPS for c in head.children):
        # "attacked the town of Beledweyne, controlled by X": the parser hung the
        # holder's clause on the verb
        objects += holders(head, token_actor)
    if not nominal and not objects and not any(c.dep_ in OBJECT_DEPS for c in head.children) \
            and head.lemma_.lower() in grammar.announcing_verbs:
        # "X threatened to attack Y", "X vowed to destroy Y": what is threatened or
        # vowed is done to the infinitive's object
        for clause in head.children:
            if clause.dep_ == "xcomp" and _infinitive(clause):
                objects += [a for c in clause.children if c.dep_ in OBJECT_DEPS
                            for a in actors_under(c, token_actor)]
    if not nominal and not objects:
        # "Iran helped the Houthis seize Sanaa": the complement's subject is helped
        for clause in head.children:
            # a bare complement, not a reported one ("warned that Y would attack")
            if clause.dep_ in ("ccomp", "xcomp") and clause.i > head.i and \
                    not any(c.dep_ == "mark" for c in clause.children):
                objects += [a for c in clause.children if c.dep_ in ("nsubj", "compound")
                            for a in actors_under(c, token_actor)]
    if nominal and head.dep_ == "pobj" and head.head.lower_ == "with" and preps.get("of") \
            and not possessor:
        # "With the help of the army, X organized ...": the army helps X
        possessor, objects, subject = list(preps.pop("of")), subject, []
    if passive and not agent and not nominal:
        agent = _stray_agent(head, token_actor) or attributed_doer(head, token_actor)
    elif nominal and not preps.get("by") and not possessor:
        # "reprisals on IS positions by the Badr Organization", "the bombing, which
        # many blamed on X"
        stray = _stray_agent(head, token_actor) or attributed_doer(head, token_actor)
        if stray:
            preps["by"] = stray
    possessor = [a for a in possessor if a not in referent]
    owner = [a for tok in subject_toks for a in owner_of(tok, token_actor)] if not subject else []
    fragment = nominal and not any(t.pos_ in ("VERB", "AUX") for t in head.doc)
    if fragment:
        # "ART and LeT affiliates.": a line without a verb relates the names it lists
        possessor = list(dict.fromkeys(a for _, a in sorted(token_actor.items())))
    return Roles(subject, objects, dict(preps), agent, passive, possessor, referent,
                 list(dict.fromkeys(direct_objects)), nominal, list(dict.fromkeys(both)),
                 fragment=fragment, owner=owner, beneficiary=beneficiary)


def _owner_tokens(thing: Token) -> list[Token]:
    """The tokens naming who has a thing: its possessor, or the subject of the verb it
    is the object of, through the phrases and lists it is part of ("X's attacks
    involved weapons, including a missile system", "X conducts operations under the
    name of Y to eliminate Z")."""
    tok = thing
    for _ in range(MAX_CLIMB):
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if owners:
            return owners
        if tok.dep_ in ("dobj", "obj") and tok.head.pos_ in ("VERB", "AUX"):
            return subject_tokens(tok.head)[0]
        if tok.dep_ in ("conj", "appos", "pobj", "prep") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return []


def owner_of(thing: Token, token_actor: TokenActors) -> list[str]:
    """The actors who have a thing named by a noun that is no actor (see
    :func:`_owner_tokens`)."""
    return [a for t in _owner_tokens(thing) for a in actors_under(t, token_actor)]


def attributed_doer(head: Token, token_actor: TokenActors) -> list[str]:
    """Who the text lays an act at the door of: "killed in a bombing in 2014, which
    many blamed on X", "attacks attributed to X" (a clause on the act's noun, or on the
    noun of a phrase of the act, that blames or attributes it)."""
    grammar = load_grammar()
    nouns = [head] + [p for c in head.children if c.dep_ == "prep" for p in c.children
                      if p.dep_ == "pobj"]
    for noun in nouns[1:]:
        # "were killed during the airstrikes conducted by the US": the act's doer
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBN" and \
                    clause.lemma_.lower() in grammar.support_verbs:
                found = [a for g in clause.children if g.dep_ == "agent"
                         for p in g.children for a in actors_under(p, token_actor)]
                if found:
                    return found
    return blamed_doer(head, token_actor)


def blamed_doer(head: Token, token_actor: TokenActors) -> list[str]:
    """Who a clause blames an act on ("a bombing which many blamed on X", "attacks
    attributed to X"): an accusation, so the event is alleged."""
    grammar = load_grammar()
    nouns = [head] + [p for c in head.children if c.dep_ == "prep" for p in c.children
                      if p.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.subtree:
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in grammar.attributing_verbs:
                continue
            for prep in clause.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ in ("on", "to"):
                    found = [a for p in prep.children for a in actors_under(p, token_actor)]
                    if found:
                        return found
    return []


def _stray_agent(head: Token, token_actor: TokenActors) -> list[str]:
    """The actors of a passive's "by" phrase that the parser hung on a noun of the
    verb's complement ("was categorised as a terrorist outfit by the US")."""
    for child in head.children:
        if child.dep_ != "prep":
            continue
        for tok in child.subtree:
            if tok.dep_ == "prep" and tok.lower_ == "by" and tok.head.pos_ in ("NOUN", "PROPN") and \
                    not any(a.dep_ in CLAUSE_DEPS for a in tok.ancestors if a.i != head.i and head in a.ancestors):
                return [a for p in tok.children if p.dep_ == "pobj" for a in actors_under(p, token_actor)]
    return []


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
        if child.dep_ in CLAUSE_DEPS or child.dep_ in ("conj", "cc", "xcomp"):
            continue  # "X attacked Z, and Y says they fought alongside each other"
        words = {t.lower_ for t in child.subtree}
        if any(phrase <= words for phrase in phrases):
            return True
    return False


def coordinated_pair(doc: Doc, token_actor: TokenActors, roles: Roles) -> tuple[str, str] | None:
    """Two different actors coordinated in the sentence ("X and Y"), subjects first."""
    pool = list(dict.fromkeys(roles.subject))
    if len(pool) >= 2:
        return pool[0], pool[1]
    for tok in tokens(doc):
        actor = token_actor.get(tok.i)
        if actor is None:
            continue
        for conj in tok.conjuncts:
            other = token_actor.get(conj.i)
            if other and other != actor:
                return actor, other
    return None
