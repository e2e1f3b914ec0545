"""Which role of a trigger is the source and which the target: its frame.

A trigger's frame (``triggers.yaml``) names how its roles map onto the two sides of
the event: ``agent`` (the doer acts on the object), ``receiver`` (the subject gets
something from the other), ``mutual`` (two sides of one act), ``joiner`` (the subject
joins, pledges to or leaves the other), ``formed_from`` (a group formed out of
another). :func:`frame_pair` reads the pair from :class:`~tieline.events.roles.Roles`;
:func:`expand` adds the pairs coordinated actors form.

Example:
    >>> frame_pair("agent", roles)  # doctest: +SKIP
    ('hamas', 'wilayat-sinai')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coordination import conjunct_actors, formed_actors
from .grammar import load_grammar
from .roles import Roles, TokenActors, actors_under, first

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .match import TriggerMatch

#: A pair of actors found for a trigger (source, target) and how it was found: the
#: event's ``basis`` (``parse`` when both are arguments of the trigger).
FoundPair = tuple[str, str, str]

STRUCTURAL_FRAMES = frozenset({"mutual", "joiner", "formed_from"})
STRUCTURAL_TYPES = frozenset({"merger", "split", "allegiance"})


#: Where the other side of a participant noun is ("X, the affiliate of Y", "Y's
#: supporter X", "an al Qaeda affiliate"), in order.
OTHER_SIDE_PREPS = ("of", "to", "with", "for", "from", "into", "between", "among")


def referent_pair(side: str, r: Roles) -> tuple[str, str] | None:
    """The pair a participant noun states between the actor its phrase refers to and
    the other side: "X is an affiliate of Y" (X, Y), "Iran, Hezbollah's main supporter"
    (Iran, Hezbollah), "X and Y were allies" (X, Y)."""
    referent = list(dict.fromkeys(r.referent))
    if side == "side" and len(referent) >= 2:
        return referent[0], referent[1]
    if not referent:
        # "ART and LeT affiliates.", "X and Y allies.": a verbless sentence naming two
        named = list(dict.fromkeys(r.possessor)) if r.fragment else []
        return (named[0], named[1]) if len(named) >= 2 else None
    ref = referent[0]
    other = first(r.possessor, *[r.preps.get(p, []) for p in OTHER_SIDE_PREPS], exclude=referent)
    if other is None:
        return None
    return (other, ref) if side == "target" else (ref, other)


def modifier_pair(frame: str, head: Token, token_actor: TokenActors) -> tuple[str, str] | None:
    """"The Iran-backed Houthis", "the al Qaeda-linked al Shabaab rebels": a participle
    modifying a name, itself modified by an actor. The modifier does what an agent
    trigger says to the named actor; for a mutual or joiner trigger ("linked",
    "affiliated") the named actor is the one that joins or the first side. None when
    the phrase names no actor ("IRGC-backed militias")."""
    if head.dep_ != "amod" or head.pos_ not in ("VERB", "ADJ"):
        return None
    modifiers = [a for c in head.children if c.dep_ in ("npadvmod", "compound", "nmod")
                 for a in actors_under(c, token_actor, limit=1)]
    if not modifiers:
        return None
    # the name nearest after the participle ("the Iran-backed Houthis and Saleh
    # loyalists": the Houthis)
    after = sorted(t.i for t in head.head.subtree if t.i > head.i and t.i in token_actor
                   and token_actor[t.i] not in modifiers)
    named = token_actor[after[0]] if after else None
    if named is None:
        return None
    if frame in ("mutual", "joiner"):
        return named, modifiers[0]
    if frame == "agent":
        return modifiers[0], named
    return None


def frame_pair(frame: str, r: Roles, cooperative: bool = False,
               conflict: bool = False, referent: str | None = None) -> tuple[str, str] | None:
    """The (source, target) the frame reads from the roles, or None.

    A noun naming a participant (``referent`` given: "affiliate", "ally") states a
    pair only with the actor its phrase refers to; a noun naming an act ("split",
    "support") takes its sides from its possessor, its "by" phrase, the light verb
    doing it and its other prepositions."""
    preps = r.preps
    if r.nominal and referent is not None:
        return referent_pair(referent, r)
    prep_targets = [preps.get(p, []) for p in load_grammar().target_preps if p not in ("from", "by", "of")]
    if frame == "mutual":
        return mutual_pair(r, cooperative)
    if frame == "receiver":
        target = first(r.subject, r.possessor, r.owner)
        # "received training from X", "... by X", "... in X's camps", "received the
        # assistance of X"
        source = first(preps.get("from", []), r.agent, preps.get("in", []), preps.get("of", []),
                       exclude=r.subject or ([target] if target else []))
        if target and source:
            return source, target
        return None
    if frame == "joiner":
        source = first(r.subject, r.possessor)
        target = first(preps.get("to", []), preps.get("into", []), preps.get("with", []),
                       preps.get("from", []), r.objects, preps.get("of", []),
                       exclude=[source] if source else [])
        if source and target:
            return source, target
        return None
    if frame == "formed_from":
        # "members of X formed Y", "former X guerrillas founded Y": the parent may be
        # named inside the subject
        parent = first(preps.get("of", []), preps.get("from", []), r.agent, r.possessor,
                       preps.get("by", []), r.subject if r.objects else [])
        child = first(r.subject, r.objects, exclude=[parent] if parent else [])
        if parent and child:
            return child, parent
        return None
    # agent frame
    if r.nominal and preps.get("by"):
        # "reprisals on IS positions by the Badr Organization": the noun's agent
        source = first(preps["by"], r.possessor)
        target = first(r.objects, *prep_targets, preps.get("of", []), exclude=[source] if source else [])
        if source and target:
            return source, target
    if r.passive:
        # "... were trained by X"; for help given, "... were trained in X's camps"
        source = first(r.agent, preps.get("by", []), preps.get("in", []) if cooperative else [])
        target = first(r.subject, *prep_targets, exclude=[source] if source else [])
    else:
        source = first(r.subject, r.possessor)
        # what the subject's own actors do is not done to themselves ("X, Y and Z ended
        # their alliances with W": W); an object that is the subject's own people ("X
        # encouraged its supporters in Gaza") is no other party, whatever it holds
        own_people = bool(r.direct_objects) and set(r.direct_objects) <= set(r.subject)
        target = first([] if own_people else r.objects, *prep_targets, preps.get("by", []),
                       exclude=r.subject or ([source] if source else []))
        if target is None and conflict:
            target = first(preps.get("from", []), exclude=[source] if source else [])  # "seized Gao from X"
        if source is None and target is not None:
            source = first(r.possessor, preps.get("from", []), preps.get("of", []),
                           exclude=[target])
    if source and target:
        return source, target
    return None


def mutual_pair(r: Roles, cooperative: bool) -> tuple[str, str] | None:
    """Two sides of a mutual interaction: the subject and its partner ("X allied with
    Y"), or two coordinated subjects ("X and Y clashed"). For cooperation the noun after
    "against" is the common enemy, never the partner ("X and Y coordinated attacks
    against Z"), and an object counts only when it is itself an actor."""
    preps = r.preps
    grammar = load_grammar()
    if r.beneficiary and r.subject and r.beneficiary[0] not in r.subject:
        return r.beneficiary[0], r.subject[0]  # "For X, Y is central to the smuggling network"
    pool = list(dict.fromkeys(r.subject + r.possessor))
    a = first(r.subject, r.possessor, r.agent)
    exclude = pool or ([a] if a else [])
    partner = first(*[preps.get(p, []) for p in grammar.partner_preps],
                    r.agent if r.passive else [], exclude=exclude)  # "X was absorbed by Y"
    if not cooperative and partner is None:
        partner = first(preps.get("against", []), exclude=exclude)
    if a and partner:
        return a, partner
    partner = first(r.direct_objects, exclude=exclude)  # "X fought Y"
    if a and partner:
        return a, partner
    if len(pool) >= 2:
        return pool[0], pool[1]
    between = preps.get("between", []) + preps.get("among", [])
    if len(set(between)) >= 2:
        return between[0], between[1]
    if a is None and len(r.both) >= 2:  # "commanders served in both X and Y"
        return r.both[0], r.both[1]
    others = [preps.get(p, []) for p in grammar.target_preps
              if p not in grammar.partner_preps and not (cooperative and p == "against")]
    partner = first(*others, preps.get("of", []), *([] if cooperative else [r.objects]),
                    exclude=exclude)
    if a and partner:
        return a, partner
    return None


def expand(pair: FoundPair, doc: Doc, match: TriggerMatch, token_actor: TokenActors,
           cooperative: bool = False) -> list[FoundPair]:
    """The pair, plus the pairs its coordinated actors form ("X and Y fought Z" gives
    X-Z and Y-Z), plus the group a merger or split forms."""
    source, target, basis = pair
    if basis != "parse":
        return [pair]
    trig = match.trigger
    sources = [source, *(a for a in conjunct_actors(doc, source, token_actor) if a != target)]
    targets = [target, *(a for a in conjunct_actors(doc, target, token_actor) if a != source)]
    out = [(s, t, basis) for s in sources for t in targets if s != t]
    if trig.frame == "mutual" and (target in sources or cooperative):
        # "X and Y clashed"; "X and Y cooperated with Z" (X and Y cooperate as well)
        out += [(a, b, basis) for i, a in enumerate(sources) for b in sources[i + 1:]]
    if trig.type in STRUCTURAL_TYPES and trig.frame in STRUCTURAL_FRAMES:
        formed = formed_actors(match.head, token_actor)
        if trig.type == "split":  # the group formed split from the parent, not the reverse
            out = [(f, p, basis) for f in formed for p in targets if f != p] or out
        elif trig.type == "merger" and formed:
            # "X and Y merged to form Z": each merged into Z (the way the datasets code a
            # merger); X and Y are not said to have merged into each other
            out = [(s, f, basis) for s in dict.fromkeys(sources + targets) for f in formed if s != f]
        else:
            out += [(s, f, basis) for s in sources + targets for f in formed if s != f]
    return list(dict.fromkeys(out))
