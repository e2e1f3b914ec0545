"""Relations a noun phrase states between two organizations without a trigger word.

Analysis prose states most of a conflict's structure inside noun phrases, and often
with no word of the trigger lexicon: a unit named as another group's possession
("the Amber Lions' Falcon Battalion"), a unit's name followed by its parent's ("the
Falcon Battalion of the Amber Lions"), a name equated with a description of another
group's part ("the Falcon Battalion, the armed wing of the Amber Lions"; "the Amber
Lions' military wing, the Falcon Battalion"; "X is the armed wing of Y"), and an
organization's members named under it ("The council includes X and Y"; "Within the
council, there are groups including X and Y"; "the council, including X"). Each of
these says that one organization is a unit or a member of the other: an
``allegiance`` of the part to the whole, the way the datasets code affiliation.

One function per shape reads its relations from the dependency parse and the actors
its tokens name (``token_actor``, see :mod:`tieline.events.extract`); the words they
rely on are in ``data/lexicons/noun_phrases.yaml``. The whole in every shape must be
a non-state organization: a state's possessive is a place or the state's own organ
("Nigeria's Boko Haram", "Iran's Quds Force"), a state's "wing" or "province" is part
of its government or territory.

Example:
    >>> relations = phrase_relations(doc, token_actor, facts)  # doctest: +SKIP
    >>> [(r.source, r.target, r.how) for r in relations]        # doctest: +SKIP
    [('falcon-battalion', 'amber-lions', 'possessive')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import OntologyError
from ..yaml_data import load_yaml
from .actor_facts import ActorFacts
from .grammar import load_grammar
from .lexicon import Trigger
from .roles import CLAUSE_DEPS, SUBJECT_DEPS, TokenActors, referent_tokens
from .tokens import tokens
from .scope import NON_STATE_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Mention

__all__ = ["ActorUnit", "NounPhraseLexicon", "PhraseRelation", "load_noun_phrases", "noun_phrase_cue",
           "noun_phrase_lexicon",
           "actor_units", "phrase_relations", "phrase_trigger", "unit_root"]

_WHERE = "tieline/data/lexicons/noun_phrases.yaml"
#: The event type every relation of this module states: the part's allegiance to the whole.
PHRASE_TYPE = "allegiance"


@dataclass(frozen=True)
class NounPhraseLexicon:
    """The word lists of ``noun_phrases.yaml`` (each is described in the file)."""

    unit_heads_last: frozenset[str]
    unit_heads_first: frozenset[str]
    part_nouns: frozenset[str]
    part_of_preps: frozenset[str]
    member_nouns: frozenset[str]
    body_nouns: frozenset[str]
    membership_verbs: frozenset[str]
    membership_preps: frozenset[str]
    membership_particles: frozenset[str]
    placing_preps: frozenset[str]
    member_subjects: frozenset[str]
    including_preps: frozenset[str]
    within_preps: frozenset[str]
    conjunctions: frozenset[str]
    accompanying: tuple[tuple[str, ...], ...]
    open_brackets: frozenset[str]
    close_brackets: frozenset[str]
    bracket_aside: int
    item_separators: frozenset[str]
    locative_preps: frozenset[str]
    apposition_marks: frozenset[str]

    @property
    def cue_pattern(self) -> re.Pattern[str]:
        """The words without which a sentence states none of these relations, as one
        pattern over its raw text (the cheap test before a sentence is parsed)."""
        return _cue_pattern(self)


@dataclass(frozen=True)
class PhraseRelation:
    """One relation a noun phrase states: ``source`` is a unit or member of ``target``.

    ``start`` and ``end`` are the tokens of the words that state it (cited as the
    event's cue); ``head`` the token whose clause gives its modality and date; ``how``
    the shape it was read from (``possessive``, ``unit_of``, ``part``, ``membership``,
    ``including``, ``within``).
    """

    source: str
    target: str
    start: int
    end: int
    head: int
    how: str


@dataclass(frozen=True)
class ActorUnit:
    """A run of consecutive tokens naming one actor."""

    start: int
    end: int  # one past the last token
    actor: str

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


# -- the lexicon ------------------------------------------------------------------------
def _words(data: dict[str, Any], key: str, block: dict[str, Any] | None = None) -> frozenset[str]:
    source = data if block is None else block
    value = source.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) for w in value):
        raise OntologyError(f"noun-phrase lexicon: {key} must be a non-empty list of words",
                            where=_WHERE, remedy="quote words YAML reads otherwise (\"on\", \"no\")")
    return frozenset(w.lower() for w in value)


@lru_cache(maxsize=1)
def load_noun_phrases() -> NounPhraseLexicon:
    """The shipped noun-phrase lexicon (read once)."""
    text = (resources.files("tieline") / "data" / "lexicons" / "noun_phrases.yaml").read_text("utf-8")
    return noun_phrase_lexicon(load_yaml(text))


def noun_phrase_lexicon(data: Any) -> NounPhraseLexicon:
    """The lexicon from the parsed file; a missing or malformed list is named."""
    if not isinstance(data, dict):
        raise OntologyError("noun-phrase lexicon: expected a mapping of word lists", where=_WHERE)
    heads = data.get("unit_heads")
    if not isinstance(heads, dict):
        raise OntologyError("noun-phrase lexicon: unit_heads must map 'first' and 'last' to words",
                            where=_WHERE)
    accompanying = data.get("accompanying")
    if not isinstance(accompanying, list) or not all(
            isinstance(p, list) and p and all(isinstance(w, str) for w in p) for p in accompanying):
        raise OntologyError("noun-phrase lexicon: accompanying must be a list of word lists",
                            where=_WHERE)
    aside = data.get("bracket_aside")
    if not isinstance(aside, int) or isinstance(aside, bool) or aside < 0:
        raise OntologyError("noun-phrase lexicon: bracket_aside must be a whole number of tokens",
                            where=_WHERE)
    return NounPhraseLexicon(
        unit_heads_last=_words(data, "last", heads),
        unit_heads_first=_words(data, "first", heads),
        part_nouns=_words(data, "part_nouns"),
        part_of_preps=_words(data, "part_of_preps"),
        member_nouns=_words(data, "member_nouns"),
        body_nouns=_words(data, "body_nouns"),
        membership_verbs=_words(data, "membership_verbs"),
        membership_preps=_words(data, "membership_preps"),
        membership_particles=_words(data, "membership_particles"),
        placing_preps=_words(data, "placing_preps"),
        member_subjects=_words(data, "member_subjects"),
        including_preps=_words(data, "including_preps"),
        within_preps=_words(data, "within_preps"),
        conjunctions=_words(data, "conjunctions"),
        accompanying=tuple(tuple(w.lower() for w in p) for p in accompanying),
        open_brackets=_words(data, "open_brackets"),
        close_brackets=_words(data, "close_brackets"),
        bracket_aside=aside,
        item_separators=_words(data, "item_separators"),
        locative_preps=_words(data, "locative_preps"),
        apposition_marks=_words(data, "apposition_marks"),
    )


@lru_cache(maxsize=2)
def _cue_pattern(lexicon: NounPhraseLexicon) -> re.Pattern[str]:
    words = (lexicon.unit_heads_last | lexicon.unit_heads_first | lexicon.part_nouns
             | lexicon.including_preps | lexicon.within_preps)
    # membership verbs in any inflection: their stems ("compris", "consist", "includ")
    stems = {v[:-1] if v.endswith("e") else v for v in lexicon.membership_verbs - {"make"}}
    alternation = "|".join(sorted((re.escape(w) for w in words | stems), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})|\bmade\s+up\b|['’]", re.I)


@lru_cache(maxsize=8)
def phrase_trigger(how: str) -> Trigger:
    """The trigger an event read from a noun phrase of shape ``how`` cites: an
    allegiance of the part to the whole, with no pattern of its own."""
    return Trigger(key=f"noun_phrase#{how}", type=PHRASE_TYPE, frame="joiner", source=how, specs=())


def noun_phrase_cue(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a sentence naming two actors may state one of this module's relations:
    a possessive, a unit's name, a part noun or a membership word in its text (the
    cheap test that decides whether a sentence without a trigger word is parsed)."""
    if len({m.actor_id for m in mentions}) < 2:
        return False
    return bool(load_noun_phrases().cue_pattern.search(text))


# -- the relations of one sentence ------------------------------------------------------
def phrase_relations(doc: Doc, token_actor: TokenActors, facts: ActorFacts,
                     lexicon: NounPhraseLexicon | None = None) -> list[PhraseRelation]:
    """Every relation the sentence's noun phrases state, in the order of the shapes.

    ``token_actor`` should leave out the places that stand for their holder ("Derna-based
    X" names X only)."""
    lex = lexicon or load_noun_phrases()
    units = actor_units(token_actor)
    found = [*possessive_units(doc, units, token_actor, facts, lex),
             *named_units(doc, units, token_actor, facts, lex),
             *described_parts(doc, units, token_actor, facts, lex),
             *member_lists(doc, units, token_actor, facts, lex),
             *including_members(doc, units, token_actor, facts, lex),
             *members_within(doc, units, token_actor, facts, lex)]
    out: list[PhraseRelation] = []
    seen: set[tuple[str, str]] = set()
    for rel in found:
        if rel.source != rel.target and (rel.source, rel.target) not in seen:
            seen.add((rel.source, rel.target))
            out.append(rel)
    return out


def actor_units(token_actor: TokenActors) -> list[ActorUnit]:
    """The runs of consecutive tokens that name one actor, in text order."""
    units: list[ActorUnit] = []
    for i in sorted(token_actor):
        actor = token_actor[i]
        if units and units[-1].actor == actor and units[-1].end == i:
            units[-1] = ActorUnit(units[-1].start, i + 1, actor)
        else:
            units.append(ActorUnit(i, i + 1, actor))
    return units


def unit_root(doc: Doc, unit: ActorUnit) -> Token:
    """The token of a unit whose head lies outside it (the last one if the parse
    splits the name)."""
    tokens = doc[unit.start:unit.end]
    outside = [t for t in tokens if not unit.covers(t.head.i) or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]


def _one_organization(tok: Token) -> bool:
    """Whether a token naming an actor may name one organization as a whole: not a
    plural common noun, which names a set of groups ("rebel groups, including X",
    "the opposition factions' Y")."""
    return tok.tag_ != "NNS"


def _non_state(actor: str, facts: ActorFacts) -> bool:
    return facts.kind(actor) in NON_STATE_KINDS


def _part_and_whole(part: str, whole: str, facts: ActorFacts) -> bool:
    """Whether ``part`` may be a unit or member of ``whole``: two different actors, the
    whole a non-state organization, the part no state."""
    return part != whole and _non_state(whole, facts) and facts.kind(part) != "state"


def _unit_at(units: Sequence[ActorUnit], i: int) -> ActorUnit | None:
    return next((u for u in units if u.covers(i)), None)


def possessive_units(doc: Doc, units: Sequence[ActorUnit], token_actor: TokenActors,
                     facts: ActorFacts, lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"the Amber Lions' Falcon Battalion", "its Falcon Battalion": a name possessed by
    another organization names one of its units.

    The name must head its phrase, or modify only a noun for its members ("the Amber
    Lions' Falcon Battalion fighters"); before another noun the possessive belongs to
    that noun ("the Amber Lions' Cobalt Guard allies" states an alliance, if anything).
    """
    out: list[PhraseRelation] = []
    for unit in units:
        root = unit_root(doc, unit)
        if root.pos_ != "PROPN":
            continue  # "its fighters", "the group's leader": not a unit's name
        if root.dep_ in ("compound", "nmod", "amod") and not unit.covers(root.head.i) and \
                root.head.lemma_.lower() not in lex.member_nouns:
            continue
        for tok in doc[unit.start:unit.end]:
            for child in tok.children:
                if child.dep_ != "poss" or unit.covers(child.i):
                    continue
                owner = token_actor.get(child.i) if _one_organization(child) else None
                if owner is None or not _part_and_whole(unit.actor, owner, facts) or \
                        not _non_state(unit.actor, facts):
                    continue
                owner_unit = _unit_at(units, child.i)
                start = min([t.i for t in child.subtree] + ([owner_unit.start] if owner_unit else []))
                out.append(PhraseRelation(unit.actor, owner, start, unit.end, root.i, "possessive"))
    return out


def _unit_head_word(doc: Doc, unit: ActorUnit, lex: NounPhraseLexicon) -> bool:
    """Whether a unit's name is headed by a word for a unit: its last word in English
    ("Falcon Battalion"), its first in Arabic ("Katibat al-Nur")."""
    words = [t.lower_ for t in doc[unit.start:unit.end] if t.is_alpha or "'" in t.text]
    if not words:
        return False
    return words[-1] in lex.unit_heads_last or words[0] in lex.unit_heads_first


def named_units(doc: Doc, units: Sequence[ActorUnit], token_actor: TokenActors,
                facts: ActorFacts, lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"the Falcon Battalion of the Amber Lions": a name headed by a word for a unit,
    followed by "of" and an organization's name, names one of its units."""
    out: list[PhraseRelation] = []
    for unit in units:
        if not _unit_head_word(doc, unit, lex):
            continue
        root = unit_root(doc, unit)
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != unit.end:
                continue  # the "of" right after the name, attached to it
            for pobj in prep.children:
                whole = token_actor.get(pobj.i) if _one_organization(pobj) else None
                if pobj.dep_ != "pobj" or whole is None or not _part_and_whole(unit.actor, whole, facts):
                    continue
                # the organization's name itself follows "of" ("of the Amber Lions"), not
                # a phrase about it ("of the Amber Lions' leader")
                if any(t.i not in token_actor and t.dep_ != "det" for t in doc[prep.i + 1:pobj.i]):
                    continue
                end = next((u.end for u in units if u.covers(pobj.i)), pobj.i + 1)
                out.append(PhraseRelation(unit.actor, whole, unit.start, end, root.i, "unit_of"))
    return out


# -- descriptions of a part -------------------------------------------------------------
def _part_noun(tok: Token, lex: NounPhraseLexicon) -> bool:
    """A common noun naming a part of an organization ("wing", "unit"), or a group noun
    it qualifies ("a front group", "an affiliate organization")."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNS" and tok.lower_ in lex.member_nouns:
        return False  # "members of Y", "units of Y": people or pieces, not one named part
    if lemma in lex.part_nouns:
        return True
    return lemma in load_grammar().group_heads and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex.part_nouns for c in tok.children)


def _owners(part: Token, token_actor: TokenActors, lex: NounPhraseLexicon) -> list[str]:
    """The organizations the words around a part noun say it is of: its possessor ("Y's
    wing"; "whose wing": the noun the relative clause is about), the name compounded
    with it ("the Y unit"), the one after of/for ("a front for Y"; "Y, of which X is a
    member": the noun the relative clause is about)."""
    relative = load_grammar().relative_pronouns
    out: list[str] = []
    for child in part.children:
        if child.dep_ == "poss":
            if child.lower_ in relative:
                about = _relative_antecedent(child, token_actor)
                if about is not None:
                    out.append(about)
            out += [token_actor[t.i] for t in child.subtree if t.i in token_actor and _one_organization(t)]
        elif child.dep_ in ("compound", "nmod") and child.i < part.i:
            out += [token_actor[t.i] for t in child.subtree if t.i in token_actor and _one_organization(t)]
        elif child.dep_ == "prep" and child.lower_ in lex.part_of_preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in token_actor and _one_organization(pobj):
                    out.append(token_actor[pobj.i])
    # "Y, of which X is a member": the relative pronoun after of/for, fronted onto the
    # clause's verb, stands for Y
    verb = part.head
    if part.dep_ in ("attr", "oprd") and verb.dep_ == "relcl":
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.part_of_preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in relative and verb.head.i in token_actor:
                        out.append(token_actor[verb.head.i])
    return list(dict.fromkeys(out))


def _relative_antecedent(pronoun: Token, token_actor: TokenActors) -> str | None:
    """The actor a relative pronoun ("whose") stands for: the noun its clause modifies,
    or, where the parse attached the clause elsewhere, the name right before it ("X -
    whose military wing was Y - ...")."""
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    if clause is not None and clause.head.i in token_actor:
        return token_actor[clause.head.i]
    i = pronoun.i - 1
    while i >= 0 and pronoun.doc[i].is_punct:
        i -= 1
    return token_actor.get(i) if i >= 0 else None


def _named_by(part: Token, token_actor: TokenActors) -> list[str]:
    """The actors a part noun's phrase is said of: by apposition, a copula ("X is the
    armed wing of Y", "Y's armed wing is X", "whose military wing was X"), "as" ("see X
    as a front for Y")."""
    found = list(referent_tokens(part, token_actor))
    verb = part.head
    if part.dep_ in SUBJECT_DEPS and verb.lemma_.lower() in load_grammar().copulas:
        found += [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    out: list[str] = []
    for tok in found:
        actor = token_actor.get(tok.i)
        if actor is None:
            # "X, the armed wing of Y": a name's tokens, or the noun a name modifies
            actor = next((token_actor[c.i] for c in tok.children
                          if c.dep_ in ("compound", "appos") and c.i in token_actor), None)
        if actor is not None:
            out.append(actor)
    return list(dict.fromkeys(out))


def described_parts(doc: Doc, units: Sequence[ActorUnit], token_actor: TokenActors,
                    facts: ActorFacts, lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"X, the armed wing of Y", "Y's military wing, X", "X is the armed wing of Y",
    "Y, whose military wing is X", "X, a Y front group": a name said to be a part of
    another organization is a unit of it.

    The part noun's phrase may itself be a mention: of the whole (the resolver reads
    "the armed wing of Y" as a mention of Y), or of the part ("Y's Sinai affiliate" read
    as the affiliate, with Y's own name a mention of Y), which the phrase then relates
    to the whole without another name."""
    out: list[PhraseRelation] = []
    for tok in tokens(doc):
        if not _part_noun(tok, lex):
            continue
        named = _named_by(tok, token_actor)
        owners = _owners(tok, token_actor, lex)
        own = token_actor.get(tok.i)
        if own is not None and owners and own not in owners and tok.tag_ != "NNS":
            named.append(own)  # "Y's Sinai affiliate": a mention of the affiliate
        elif own is not None:
            owners.insert(0, own)  # "the armed wing of Y": a mention of Y
        for part in named:
            for whole in owners:
                if _part_and_whole(part, whole, facts):
                    out.append(_span_relation(doc, units, part, whole, tok, "part"))
    out += _compound_descriptions(doc, units, facts, lex)
    return out


def _span_relation(doc: Doc, units: Sequence[ActorUnit], part: str, whole: str, noun: Token,
                   how: str) -> PhraseRelation:
    """A relation whose cue runs from the part's nearest name to the end of the part
    noun's phrase (to the whole's name, where it follows the noun)."""
    near = min((u for u in units if u.actor == part), key=lambda u: abs(u.start - noun.i))
    inside = [u for u in units if u.actor == whole and noun.left_edge.i <= u.start and
              u.end <= noun.right_edge.i + 1]
    left = min([near.start, noun.left_edge.i] + [u.start for u in inside])
    right = max([near.end, noun.i + 1] + [u.end for u in inside])
    return PhraseRelation(part, whole, left, right, noun.i, how)


def _compound_descriptions(doc: Doc, units: Sequence[ActorUnit], facts: ActorFacts,
                           lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"X, an AQ front group" and "the AQ cell in Kashmir - X": a name beside a
    description made of a determiner, another organization's name and a part noun,
    whatever the parse made of it (it often reads the second name as the apposition and
    the part noun as hanging off it, or the first name as a place's compound)."""
    out: list[PhraseRelation] = []
    for k, owner in enumerate(units):
        noun = _described_part(doc, owner, units, lex)
        if noun is None or owner.start == 0 or doc[owner.start - 1].pos_ != "DET":
            continue
        before = units[k - 1] if k > 0 else None
        # "X, an AQ front group"
        if before is not None and before.end == owner.start - 2 and doc[before.end].text == ",":
            if _part_and_whole(before.actor, owner.actor, facts):
                out.append(PhraseRelation(before.actor, owner.actor, before.start, noun.i + 1,
                                          noun.i, "part"))
        # "the AQ cell in Kashmir - X,": the name closes the apposition
        after = units[k + 1] if k + 1 < len(units) else None
        i = noun.i + 1
        if i < len(doc) and doc[i].lower_ in lex.locative_preps:
            i += 1
            while i < len(doc) and doc[i].pos_ == "PROPN" and not any(u.covers(i) for u in units):
                i += 1
        if after is None or i >= len(doc) or doc[i].text not in lex.apposition_marks or \
                after.start not in (i + 1, i + 2) or (after.start == i + 2 and doc[i + 1].pos_ != "DET"):
            continue
        closed = after.end >= len(doc) or doc[after.end].is_punct
        if closed and _part_and_whole(after.actor, owner.actor, facts):
            out.append(PhraseRelation(after.actor, owner.actor, owner.start - 1, after.end,
                                      noun.i, "part"))
    return out


def _described_part(doc: Doc, owner: ActorUnit, units: Sequence[ActorUnit],
                    lex: NounPhraseLexicon) -> Token | None:
    """The part noun right after an organization's name (and an acronym of it in
    brackets), or the group noun it qualifies: "AQ front group", "AQ cell"."""
    i = owner.end
    brackets = lex.open_brackets | lex.close_brackets
    while i < len(doc) and (doc[i].text in brackets or
                            any(u.covers(i) and u.actor == owner.actor for u in units)):
        i += 1
    if i >= len(doc) or doc[i].lemma_.lower() not in lex.part_nouns or doc[i].pos_ == "PROPN":
        return None
    if i + 1 < len(doc) and doc[i + 1].lemma_.lower() in load_grammar().group_heads and \
            doc[i + 1].pos_ == "NOUN":
        return doc[i + 1]
    return doc[i] if doc[i].pos_ in ("NOUN", "ADJ") else None


# -- members ----------------------------------------------------------------------------
def _listed(tok: Token, token_actor: TokenActors, lex: NounPhraseLexicon) -> list[Token]:
    """The tokens of a list of names headed by ``tok``: itself, its conjuncts and
    appositions ("A, B and C"), and the names after "including" when it is a plural
    noun ("several groups, including A and B")."""
    out: list[Token] = []
    frontier = [tok]
    while frontier:
        t = frontier.pop(0)
        if t in out:
            continue
        out.append(t)
        for child in t.children:
            if child.dep_ in ("conj", "appos"):
                frontier.append(child)
            elif child.dep_ == "prep" and child.lower_ in lex.including_preps and t.i not in token_actor:
                frontier += [p for p in child.children if p.dep_ == "pobj"]
    return out


def _members(tok: Token, token_actor: TokenActors, lex: NounPhraseLexicon) -> list[str]:
    """The actors a list headed by ``tok`` names, in text order (names only: "fighters
    from X" names no member)."""
    listed = sorted(_listed(tok, token_actor, lex), key=lambda t: t.i)
    return list(dict.fromkeys(token_actor[t.i] for t in listed if t.i in token_actor))


def _umbrella(subject: Token, token_actor: TokenActors, lex: NounPhraseLexicon) -> str | None:
    """The organization a subject names as a whole: its own name ("the council
    includes"), or the owner of its members ("the council's members include", "the
    members of the council include")."""
    relative = load_grammar().relative_pronouns
    if subject.lower_ in relative and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "the council, which includes A and B"
    if subject.lemma_.lower() not in lex.member_subjects:
        if subject.i in token_actor and _one_organization(subject):
            return token_actor[subject.i]
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.i in token_actor:
            return token_actor[child.i]
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in token_actor:
                    return token_actor[pobj.i]
    return None


def member_lists(doc: Doc, units: Sequence[ActorUnit], token_actor: TokenActors,
                 facts: ActorFacts, lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"The council includes A and B", "the council, comprising A and B", "the council
    is made up of A and B", "the council's members include A": the names listed are
    members of the organization."""
    out: list[PhraseRelation] = []
    for verb in tokens(doc):
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in lex.membership_verbs:
            continue
        particles = [c for c in verb.children if c.dep_ == "prt"]
        if lemma == "make" and not any(p.lower_ in lex.membership_particles for p in particles):
            continue  # "made up of", not "made"
        if _placed(verb, lex):
            continue  # "X includes Y in its plans": puts Y into something, Y is no member
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            subjects = [verb.head]  # "the council, comprising A and B"
        else:
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        listed = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        listed += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.membership_preps
                   for p in c.children if p.dep_ == "pobj"]
        for subject in subjects:
            whole = _umbrella(subject, token_actor, lex)
            if whole is None:
                continue
            for head in listed:
                for member in _members(head, token_actor, lex):
                    if _part_and_whole(member, whole, facts) and _non_state(member, facts):
                        out.append(PhraseRelation(member, whole, verb.i, verb.i + 1, verb.i, "membership"))
    return out


def _placed(verb: Token, lex: NounPhraseLexicon) -> bool:
    """Whether a membership verb puts its object into something other than its subject
    ("X includes Y in its plans", "X united Y into a front"): a phrase after in/into on
    the verb or its object (where the parser often hangs it) naming a thing, not a place
    ("in Tarsa" may still say where the member is)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any(prep.dep_ == "prep" and prep.lower_ in lex.placing_preps and
               any(p.dep_ == "pobj" and p.pos_ == "NOUN" for p in prep.children)
               for tok in (verb, *objects) for prep in tok.children)


def _extraposed(tok: Token, token_actor: TokenActors) -> bool:
    """Whether "including" after ``tok`` more likely lists members of the clause's
    plural subject than of ``tok`` ("Several groups backed X, including Y")."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("NNS", "NNPS") and c.i not in token_actor
               for c in verb.children)


def including_members(doc: Doc, units: Sequence[ActorUnit], token_actor: TokenActors,
                      facts: ActorFacts, lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"the council, including A and B", "the council's factions, including A": names
    an organization is said to include are its members (not after "like" or "such as",
    which compare)."""
    out: list[PhraseRelation] = []
    for prep in tokens(doc):
        if prep.dep_ != "prep" or prep.lower_ not in lex.including_preps:
            continue
        holder = prep.head
        whole = _umbrella(holder, token_actor, lex)
        if whole is None or _extraposed(holder, token_actor):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for member in _members(pobj, token_actor, lex):
                if _part_and_whole(member, whole, facts) and _non_state(member, facts):
                    out.append(PhraseRelation(member, whole, prep.i, prep.i + 1, prep.i, "including"))
    return out


def members_within(doc: Doc, units: Sequence[ActorUnit], token_actor: TokenActors,
                   facts: ActorFacts, lex: NounPhraseLexicon) -> list[PhraseRelation]:
    """"Within the council, there are groups including A and B", "the A fighters within
    the council": what is said to be within an organization is part of it."""
    out: list[PhraseRelation] = []
    for prep in tokens(doc):
        if prep.dep_ != "prep" or prep.lower_ not in lex.within_preps:
            continue
        wholes = [token_actor[p.i] for p in prep.children
                  if p.dep_ == "pobj" and p.i in token_actor and _one_organization(p)]
        if not wholes:
            continue
        holder = prep.head
        if holder.pos_ in ("VERB", "AUX"):
            if not any(c.dep_ == "expl" for c in holder.children):
                continue  # only "there are ... within X"; "X operates within Y" says less
            heads = [c for c in holder.children if c.dep_ in ("attr", "nsubj")]
            members = [a for h in heads for a in _existential_members(h, token_actor)]
        elif holder.i in token_actor:
            members = _members(holder, token_actor, lex)  # "the A forces within the council"
        elif holder.lemma_.lower() in lex.member_nouns:
            # "the A fighters within the council": a name modifying a noun for its members
            members = [token_actor[c.i] for c in holder.children
                       if c.dep_ == "compound" and c.i in token_actor]
        else:
            members = []
        for member in dict.fromkeys(members):
            for whole in wholes:
                if _part_and_whole(member, whole, facts) and _non_state(member, facts):
                    out.append(PhraseRelation(member, whole, prep.i, prep.i + 1, prep.i, "within"))
    return out


def _existential_members(head: Token, token_actor: TokenActors) -> list[str]:
    """The names of what "there are" within an organization ("a number of groups
    including A, B and C"), in text order, leaving out clauses about them."""
    out: list[str] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if tok.i in token_actor:
            out.append(token_actor[tok.i])
        stack += [c for c in tok.children if c.dep_ not in CLAUSE_DEPS]
    order = {a: min(i for i, b in token_actor.items() if b == a) for a in out}
    return sorted(dict.fromkeys(out), key=lambda a: order[a])

