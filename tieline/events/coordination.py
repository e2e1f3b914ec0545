"""Actors that share a role: conjuncts, written lists of names, members named with
"including", and the group a merger or split goes on to form.

Example:
    >>> conjunct_actors(doc, "hamas", token_actor)  # doctest: +SKIP
    ['palestinian-islamic-jihad']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import load_grammar
from .roles import TokenActors, actors_under
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

INCLUDING_WINDOW = 3
SEPARATORS = frozenset({",", "and", "or", "&", ";"})  # tokens before "including" where the including group may end


def conjunct_actors(doc: Doc, actor: str, token_actor: TokenActors) -> list[str]:
    """Actors coordinated with ``actor`` ("X, Y and Z"), in text order: conjuncts in the
    parse, and the other members of a written list of names (which the parser often
    reads as appositions)."""
    out: list[str] = []
    for i in sorted(i for i, a in token_actor.items() if a == actor):
        tok = doc[i]
        if token_actor.get(tok.head.i) == actor:
            continue
        # "both al-Qaeda's leadership and AQI": the phrase the name heads or modifies
        # is what is coordinated
        while tok.dep_ in ("poss", "compound") and tok.head.i != tok.i and tok.head.i not in token_actor:
            tok = tok.head
        for conj in tok.conjuncts:
            others = [token_actor[t.i] for t in conj.subtree if t.i in token_actor]
            for other in others[:1]:
                if other != actor and other not in out:
                    out.append(other)
    key = f"tieline.name_lists.{id(token_actor)}"
    if key not in doc.user_data:  # once per sentence and actor map
        doc.user_data[key] = name_lists(doc, token_actor)
    for names in doc.user_data[key]:
        if actor in names:
            out += [a for a in names if a != actor and a not in out]
    # "the CMA, including the MNLA": members named share the role of their coalition
    if "tieline.including" not in doc.user_data:
        inclusion = load_grammar().inclusion_preps
        doc.user_data["tieline.including"] = [
            tok for tok in tokens(doc) if tok.dep_ == "prep" and tok.lower_ in inclusion]
    for tok in doc.user_data["tieline.including"]:
        before = next((token_actor[i] for i in range(tok.i - 1, max(-1, tok.i - 1 - INCLUDING_WINDOW), -1)
                       if i in token_actor), None)
        if before == actor:
            out += [a for a in actors_under(tok, token_actor) if a != actor and a not in out]
    return out


def name_lists(doc: Doc, token_actor: TokenActors) -> list[list[str]]:
    """Runs of actor names joined only by commas, "and", "or", "as well as": "IS,
    al-Nusra, and Ahrar al-Sham". Each run of two or more is returned in text order."""
    glue = load_grammar().list_glue
    units: list[tuple[int, int, str]] = []  # (first token, last token, actor)
    for i in sorted(token_actor):
        actor = token_actor[i]
        if units and units[-1][2] == actor and units[-1][1] == i - 1:
            units[-1] = (units[-1][0], i, actor)
        else:
            units.append((i, i, actor))
    lists: list[list[str]] = []
    current: list[str] = []
    for k, (start, _last, actor) in enumerate(units):
        between = doc[units[k - 1][1] + 1:start] if k > 0 else doc[0:0]
        # "X, Y and Z": only glue words between, one of them a separator ("of the army
        # the IJT" is no list)
        glued = k > 0 and len(between) > 0 and all(t.lower_ in glue for t in between) \
            and any(t.lower_ in SEPARATORS for t in between)
        if glued:
            if actor not in current:
                current.append(actor)
        else:
            if len(current) >= 2:
                lists.append(current)
            current = [actor]
    if len(current) >= 2:
        lists.append(current)
    return lists


def formed_actors(head: Token, token_actor: TokenActors) -> list[str]:
    """The actor a merger or split goes on "to form": "X merged with Y to form Z".

    The forming verb is a dependant of the trigger, or a purpose clause ("to form")
    after it however the parser attached it."""
    grammar = load_grammar()
    out: list[str] = []
    for tok in head.doc[head.i + 1:]:
        if tok.lemma_ not in grammar.forming_verbs or tok.pos_ != "VERB":
            continue
        governed = tok.head == head or (tok.dep_ in ("xcomp", "advcl", "conj") and head in tok.ancestors)
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if not (governed or purpose):
            continue
        for obj in tok.children:
            if obj.dep_ in ("dobj", "attr", "oprd", "prep"):
                out += actors_under(obj, token_actor)
                # "an umbrella organization known as the ENLF"
                for named in obj.children:
                    if named.dep_ == "acl" and named.lemma_ in grammar.naming_verbs:
                        out += actors_under(named, token_actor)
        break
    return list(dict.fromkeys(out))
