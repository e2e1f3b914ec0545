"""Actors that share a role: conjuncts, written lists of names (with "as well as",
"along with", semicolons between items that hold commas), members named with
"including", and the group a merger or split goes on to form.

Example:
    >>> conjunct_actors(doc, "hamas", token_actor)  # doctest: +SKIP
    ['palestinian-islamic-jihad']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grammar import load_grammar
from .noun_phrases import ActorUnit, NounPhraseLexicon, actor_units, load_noun_phrases, unit_root
from .roles import TokenActors, actors_under
from .tokens import text, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

INCLUDING_WINDOW = 3  # tokens before "including" where the including group may end
MODIFIER_DEPTH = 4    # words climbed from a modifier to the name it modifies
#: A verb inside a list item only says something of the item's name ("the Homs-based
#: Y", "Z, which operates in the north"); any other verb makes the part a clause.
ITEM_VERB_DEPS = frozenset({"relcl", "acl", "amod", "compound"})


def conjunct_actors(doc: Doc, actor: str, token_actor: TokenActors) -> list[str]:
    """Actors coordinated with ``actor`` ("X, Y and Z"), in text order: conjuncts in the
    parse, the other members of a written list of names (which the parser often reads
    as appositions), and members named with "including"."""
    lex = load_noun_phrases()
    out: list[str] = []
    for i in sorted(i for i, a in token_actor.items() if a == actor):
        tok = doc[i]
        if token_actor.get(tok.head.i) == actor:
            continue
        # "both al-Qaeda's leadership and AQI": the phrase the name heads or modifies
        # is what is coordinated, where its noun stands for the organization itself (its
        # leadership, its fighters), not for something of it ("Y's villages")
        while tok.dep_ in ("poss", "compound") and tok.head.i != tok.i and tok.head.i not in token_actor \
                and _stands_for_owner(tok.head, tok.dep_, lex):
            tok = tok.head
        for conj in tok.conjuncts:
            others = [token_actor[conj.i]] if conj.i in token_actor else _phrase_actor(conj, token_actor, lex)
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


def _stands_for_owner(noun: Token, dep: str, lex: NounPhraseLexicon) -> bool:
    """Whether a noun a name possesses or modifies (``dep``) stands for the organization
    itself: its leadership or fighters ("al-Qaeda's leadership", "the Y fighters"), or a
    group noun after its name ("the Islamic State group")."""
    word = noun.lower_
    if word in lex.body_nouns or word in lex.member_nouns:
        return True
    return dep == "compound" and word in load_grammar().group_heads


def _phrase_actor(noun: Token, token_actor: TokenActors, lex: NounPhraseLexicon) -> list[str]:
    """The actor a coordinated noun phrase stands for, through the name that possesses
    or modifies its noun ("both X and al-Qaeda's leadership") or that its noun's "of"
    names ("X and fighters of Y"); none where the noun is something of the name ("X and
    Y's villages")."""
    out = [token_actor[c.i] for c in noun.children
           if c.dep_ in ("poss", "compound") and c.i in token_actor and _stands_for_owner(noun, c.dep_, lex)]
    if noun.lower_ in lex.body_nouns or noun.lower_ in lex.member_nouns:
        out += [token_actor[p.i] for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj" and p.i in token_actor]
    return out


def name_lists(doc: Doc, token_actor: TokenActors) -> list[list[str]]:
    """Runs of actor names joined only by commas, "and", "or", "as well as", "along
    with": "IS, al-Nusra, and Ahrar al-Sham". Each run of two or more that has its
    conjunction is returned in text order (names joined by commas alone are
    appositions or clauses as often as lists; after the conjunction a comma ends the
    run: "After A and B, C did ..."); a name that only possesses the next noun ("the
    Y's perception") is no item. What modifies the next name does not break a run ("X and the Homs-based Y",
    and an actor naming it is no item: "X and the Iran-backed Y" lists X and Y), nor do
    brackets around an acronym or a short aside ("X (XA), Y (in the north) and Z"). A
    list whose items are kept apart by semicolons ("X, the largest group in the north;
    Y; and the Homs-based Z") is one run too."""
    lex = load_noun_phrases()
    units = _list_units(doc, token_actor, lex)
    lists: list[list[str]] = []
    run: list[ActorUnit] = []
    joined = False  # whether the run has its conjunction ("A, B and C")

    def close() -> None:
        names = list(dict.fromkeys(u.actor for u in run))
        if len(names) >= 2 and (joined or _listed_on(doc, run[-1], lex) or _heading(doc, run)):
            lists.append(names)

    for k, unit in enumerate(units):
        gap = _gap(doc, units[k - 1], unit, lex) if k > 0 else None
        if gap is not None and not (joined and gap == "comma") and \
                not _possessor(doc, units[k - 1], token_actor) and not _possessor(doc, unit, token_actor) \
                and not _enclosed(doc, units[k - 1], unit, token_actor) \
                and not _enclosed(doc, unit, units[k - 1], token_actor):
            run.append(unit)
            joined = joined or gap == "conjunction"
        else:
            if run:
                close()
            run, joined = [unit], False
    if run:
        close()
    items = separated_items(doc, units, lex)
    if len(items) >= 2 and items not in lists:
        lists.append(items)
    return lists


def _listed_on(doc: Doc, last: ActorUnit, lex: NounPhraseLexicon) -> bool:
    """Whether a list goes on after its last name to an item that names no actor: "A, B
    and other groups", "A, B (in the north) and C's fighters"."""
    i = last.end
    while i < len(doc):
        tok = doc[i]
        if tok.text in lex.open_brackets:
            close = next((j for j in range(i + 1, min(len(doc), i + 2 + lex.bracket_aside))
                          if doc[j].text in lex.close_brackets), None)
            if close is None:
                return False
            i = close + 1
        elif tok.text == "," or tok.text in lex.close_brackets:
            i += 1
        else:
            return tok.lower_ in lex.conjunctions
    return False


def _heading(doc: Doc, run: list[ActorUnit]) -> bool:
    """A headline's subject, names joined by commas alone: "A, B pledge allegiance to
    C" (headlines write a comma for "and", and end without a full stop)."""
    return run[0].start == 0 and not text(doc).rstrip().rstrip("\"'”’)]").endswith((".", "!", "?"))


def _enclosed(doc: Doc, unit: ActorUnit, other: ActorUnit, token_actor: TokenActors) -> bool:
    """Whether a name lies inside a prepositional phrase the other name is outside of:
    then the two are no items of one list ("X, the Sahara branch of Y (YY), and Z": Y
    is in the description of X; "X and the leader of Y"), whereas "attacks on X and Y"
    keeps both inside one phrase, and the preposition of "X, along with Y" stands
    between them. The climb stops at the clause."""
    other_root = unit_root(doc, other)
    between = range(min(unit.end, other.end), max(unit.start, other.start))
    # every token of the name that hangs outside it (the parse may split a long name)
    for tok in doc[unit.start:unit.end]:
        if unit.covers(tok.head.i):
            continue
        for _ in range(MODIFIER_DEPTH + 2):
            # a preposition between the two names joins them ("X, along with Y"); one
            # inside a name is part of it ("al-Qaeda in the Islamic Maghreb")
            if tok.dep_ == "prep" and other_root not in tok.subtree and tok.i not in between \
                    and tok.i not in token_actor:
                return True
            head = tok.head
            if head.i == tok.i or head.pos_ in ("VERB", "AUX") or other.covers(head.i):
                break
            tok = head
    return False


def _possessor(doc: Doc, unit: ActorUnit, token_actor: TokenActors) -> bool:
    """Whether a name only possesses the noun after it ("the Y's perception"): the noun
    is the list's item, not the name."""
    root = unit_root(doc, unit)
    return root.dep_ == "poss" and root.head.i not in token_actor


def _list_units(doc: Doc, token_actor: TokenActors, lex: NounPhraseLexicon) -> list[ActorUnit]:
    """The names of a sentence as list items: one actor's name and its acronym in
    brackets are one item; a name that only modifies the next one, with no list word
    between them ("Iran" in "the Iran-backed Y"), is none."""
    merged: list[ActorUnit] = []
    brackets = lex.open_brackets | lex.close_brackets
    for unit in actor_units(token_actor):
        if merged and merged[-1].actor == unit.actor and \
                all(t.text in brackets for t in doc[merged[-1].end:unit.start]):
            merged[-1] = ActorUnit(merged[-1].start, unit.end, unit.actor)
        else:
            merged.append(unit)
    glue = load_grammar().list_glue

    def modifier(k: int) -> bool:
        nxt = merged[k + 1] if k + 1 < len(merged) else None
        if nxt is None or nxt.start == merged[k].end:
            return False  # adjacent names ("the two groups" read as two) stay items
        between = doc[merged[k].end:nxt.start]
        return _modifies(doc, unit_root(doc, merged[k]), nxt) and not any(t.lower_ in glue for t in between)

    return [u for k, u in enumerate(merged) if not modifier(k)]


def _modifies(doc: Doc, tok: Token, unit: ActorUnit) -> bool:
    """Whether ``tok``, before ``unit``, depends on it through words between them only
    ("Homs" and "based" in "the Homs-based Y")."""
    if tok.i >= unit.start:
        return False
    for _ in range(MODIFIER_DEPTH):
        head = tok.head
        if unit.covers(head.i):
            return True
        if head.i == tok.i or not tok.i < head.i < unit.start:
            return False
        tok = head
    return False


def _gap(doc: Doc, before: ActorUnit, unit: ActorUnit, lex: NounPhraseLexicon) -> str | None:
    """How the words between two names join them as items of one list: by a
    conjunction ("and", "or", "along with"), by a comma only, or not at all (None)."""
    if unit.start <= before.end:
        return None
    glue = load_grammar().list_glue
    gap = list(doc[before.end:unit.start])
    lowered = [t.lower_ for t in gap]
    # "along with", "as well as": phrases that coordinate as a conjunction does
    phrased = {j for phrase in lex.accompanying for i in range(len(gap) - len(phrase) + 1)
               if tuple(lowered[i:i + len(phrase)]) == phrase for j in range(i, i + len(phrase))}
    words: list[str] = []
    conjunction = bool(phrased)
    i = 0
    while i < len(gap):
        tok = gap[i]
        if i in phrased:
            i += 1
            continue
        if tok.text in lex.item_separators:
            return None  # items kept apart by semicolons: see separated_items
        if tok.text in lex.open_brackets:
            close = next((j for j in range(i + 1, min(len(gap), i + 2 + lex.bracket_aside))
                          if gap[j].text in lex.close_brackets), None)
            if close is None and i == len(gap) - 1 and unit.end < len(doc) and \
                    doc[unit.end].text in lex.close_brackets:
                break  # "A and (B)": the item itself in brackets
            if close is None:
                return None
            i = close + 1  # "(in the north)": an aside
            continue
        if tok.lower_ in lex.conjunctions:
            conjunction = True
        elif tok.lower_ not in glue and tok.text not in lex.close_brackets and \
                not _modifies(doc, tok, unit):
            words.append(tok.lower_)
        i += 1
    if words:
        return None
    return "conjunction" if conjunction else "comma"


def separated_items(doc: Doc, units: list[ActorUnit], lex: NounPhraseLexicon) -> list[str]:
    """The items of a list kept apart by semicolons, each item a name and what is said
    of it: "joined X, the largest faction in the north; Y; the Homs-based Z; and W".
    The first item is the name whose phrase runs up to the first semicolon; each later
    one is the name its part opens with. Empty unless every part has its name."""
    cuts = [t.i for t in tokens(doc) if t.text in lex.item_separators]
    if len(cuts) < 2:
        return []
    glue = load_grammar().list_glue
    # the first item: the name whose phrase (with its appositions) ends at the first cut
    ending = [t for t in doc[:cuts[0]] if any(u.covers(t.i) for u in units) and
              _last_word(doc, t.right_edge.i) == _last_word(doc, cuts[0] - 1)]
    if not ending:
        return []
    first_tok = min(ending, key=lambda t: t.left_edge.i)
    first_unit = next(u for u in units if u.covers(first_tok.i))
    items = [first_unit.actor]
    for k, cut in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(doc)
        unit = next((u for u in units if cut < u.start < end), None)
        if unit is None:
            return []
        if any(t.lower_ not in glue and not _modifies(doc, t, unit) for t in doc[cut + 1:unit.start]):
            return []  # the part opens with something other than its name
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ITEM_VERB_DEPS for t in doc[cut + 1:end]):
            return []  # a clause of its own ("X attacked Y; Z retaliated; ..."), not an item
        if unit.actor not in items:
            items.append(unit.actor)
    return items


def _last_word(doc: Doc, i: int) -> int:
    """The last token at or before ``i`` that is not punctuation."""
    while i > 0 and doc[i].is_punct:
        i -= 1
    return i


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
