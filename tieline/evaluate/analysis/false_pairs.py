"""Why the output links a pair the text does not relate (news records, ``make accuracy``).

A false pair is a pair of actors the output links (by a dyad or a non-negated event)
that no gold relation of an exhaustively labelled document names. It is classified from
its events' ``mentions`` and evidence sentences and from the actors' kinds (the
``kind`` of the extracted actor, else of its knowledge-base entry). The first of these
rules that holds for the pair, or for one of its events, gives the cause:

1. ``same_group``: a group paired with itself, or two names of one group: a gold name
   of the document matches both actors, the two actors share a name, or one event
   mention holds the other ("Jeish al-Islam's" and "Jeish al-Islam");
2. ``name_piece``: a mention is a piece of a longer name of another organisation
   written around it: the mention extended over the capitalised words joined to it
   (by spaces, dashes or "and", "of", "al"...) is a knowledge-base name of another
   organisation, a gold name of the document or a name of another output actor ("Jihad"
   inside "Tawheed and Jihad"); but ``name_mismatch`` when that longer name is the
   actor's own (the base gives it to the actor alone, or, the base not knowing it, the
   actor's name or an alias of two words or more is part of it, or it begins with the
   actor's one-word name: "Fatemiyoun Division" inside "Afghan Fatemiyoun Division")
   and a gold relation names the pair under it: the text relates the pair, but the
   output's actor does not carry the name the gold uses, so the scorers' name matching
   misses it;
3. ``two_states``: both actors are states (``state_kinds``);
4. ``country_as_place``: a state's mention follows a place preposition, optionally with
   place modifiers and other items of a list ("in northern Syria", "from Algeria,
   Nigeria"), or "<place noun> of" ("swaths of Iraq"), or it is the possessor of a
   place or group noun ("Egypt's Sinai peninsula", "Egypt's Islamist militant group");
5. ``person``: a mention is the name of one of the actor's leaders, or a person word
   governs it ("the deputy head of Hamas' political bureau", "Hezbollah's leader");
6. ``listed_together``: between the two mentions there are only list connectors
   (commas, "and", "or", "as well as"...), other names and brackets;
7. ``other``: anything else (implied ties, misread frames).

Example:
    >>> classify_false_pair(pair, [("Hamas", "Fatah")], record)   # doctest: +SKIP
    'listed_together'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ...actors.kb import KnowledgeBase, load_kb
from ..matching import Record, evidence_of
from ..names import actor_names, name_keys, names_match
from ..news_metrics import LinkedPair
from .lexicon import ErrorLexicon, load_error_lexicon
from .spans import Span, locate, words_of

# Each cause, as docs/accuracy.md names it.
FALSE_CAUSES = {
    "name_piece": "a piece of a longer name read as another group",
    "two_states": "two states",
    "country_as_place": "a country named only as a place",
    "listed_together": "groups merely listed together",
    "person": "a person",
    "same_group": "a group paired with itself, or two names of one group",
    "name_mismatch": "the text's pair, under a name the actor lacks",
    "other": "other (implied ties, misread frames)",
}
Actor = Mapping[str, Any]
_EXTEND = 4
_BRACKETS = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[\w’'`-]+")
# What may stand between two words of one name: spaces, a dash, connecting words.
_NAME_GAP = re.compile(r"^(?:[\s\-–]|\b(?:and|of|the|for|de|del|du|la|el|al|wa|wal)\b|&)*$",
                       re.I)


def _kind(actor: Actor, kb: KnowledgeBase) -> str | None:
    kind = actor.get("kind")
    if not kind and str(actor.get("id")) in kb:
        kind = kb.get(str(actor.get("id"))).kind
    return str(kind) if kind else None


def _mention(event: Record, side: str, actor: Actor, sentence: str) -> tuple[str, Span] | None:
    """The event's mention of one actor and where it is in the evidence sentence."""
    mentions = event.get("mentions") or {}
    said = mentions.get(side) if isinstance(mentions, Mapping) else None
    candidates = [str(said)] if said else []
    candidates += [m for m in actor_names(actor) if m not in candidates]
    for text in candidates:
        where = locate(sentence, text)
        if where is None:
            lowered = sentence.lower().find(text.lower())
            where = (lowered, lowered + len(text)) if lowered >= 0 and text else None
        if where is not None:
            return text, where
    return None


def _sides(pair: LinkedPair, event: Record) -> list[tuple[Actor, str, Span]]:
    """Each actor of an event with its mention and the mention's span in the sentence."""
    sentence = evidence_of(event)
    by_id = {str(pair.first.get("id")): pair.first, str(pair.second.get("id")): pair.second}
    out = []
    for side in ("source", "target"):
        actor = by_id.get(str(event.get(side)))
        found = _mention(event, side, actor, sentence) if actor else None
        if actor is not None and found is not None:
            out.append((actor, found[0], found[1]))
    return out


def _plain(names: Sequence[str]) -> list[str]:
    """Names without a possessive ending ("Hamas'", "Jeish al-Islam's")."""
    return [re.sub(r"['’]s?$", "", n) for n in names]


def _same_group(pair: LinkedPair, gold_names: Sequence[str]) -> bool:
    a, b = _plain(actor_names(pair.first)), _plain(actor_names(pair.second))
    if any(names_match([g], a, fuzzy=False) and names_match([g], b, fuzzy=False)
           for g in gold_names):
        return True
    own_a = set().union(*(name_keys(n) for n in [pair.first.get("name") or ""] if n))
    own_b = set().union(*(name_keys(n) for n in [pair.second.get("name") or ""] if n))
    return bool(own_a & own_b)


def _mentions_overlap(sides: list[tuple[Actor, str, Span]]) -> bool:
    if len(sides) != 2:
        return False
    (_, _, one), (_, _, two) = sides
    return one[0] < two[1] and two[0] < one[1]


def _longer_names(sentence: str, span: Span) -> list[str]:
    """The capitalised word runs of the sentence that hold ``span`` and go beyond it."""
    words = words_of(sentence)
    inside = [k for k, w in enumerate(words) if span[0] <= w.start and w.end <= span[1]]
    if not inside:
        return []
    first, last = inside[0], inside[-1]
    capital = [sentence[w.start].isupper() for w in words]
    joined = [bool(_NAME_GAP.match(sentence[w.end:n.start])) for w, n in zip(words, words[1:])]
    out = []
    for left in range(0, _EXTEND + 1):
        for right in range(0, _EXTEND + 1):
            lo, hi = first - left, last + right
            if ((left or right) and lo >= 0 and hi < len(words) and all(capital[lo:hi + 1])
                    and all(joined[lo:hi])):
                out.append(sentence[words[lo].start:words[hi].end])
    return out


def _same_organisation(actor: Actor, longer: str, kb: KnowledgeBase) -> bool:
    """Whether a longer name is the actor's own: the base gives it to the actor (and to
    no other), or, the base not knowing it, the actor's name or an alias of two words or
    more is part of it ("Fatemiyoun Division" in "Afghan Fatemiyoun Division"), or it
    begins with the actor's one-word name ("Shabab" in "Shabab al-Mujahideen")."""
    own_id = str(actor.get("id"))
    known = {entry.id for entry in kb.lookup(longer)}
    if known:
        return known == {own_id}
    words = [w.form for w in words_of(longer)]
    own = [str(actor.get("name") or ""), *(actor.get("aliases") or [])]
    for name in own:
        forms = [w.form for w in words_of(name)]
        if forms and set(forms) <= set(words) and (len(forms) > 1 or words[0] == forms[0]):
            return True
    return False


def _longer_name_cause(pair: LinkedPair, event: Record, relations: Sequence[tuple[str, str]],
                       record: Record | None, kb: KnowledgeBase) -> str | None:
    """``name_piece`` when a mention is a piece of a longer name of another
    organisation written around it; ``name_mismatch`` when the longer name is the
    actor's own and a gold relation names the pair under it; None otherwise."""
    sentence = evidence_of(event)
    others = list((record or {}).get("actors") or [])
    gold_names = [n for r in relations for n in r]
    for actor, _, span in _sides(pair, event):
        own_id = str(actor.get("id"))
        other = pair.second if own_id == str(pair.first.get("id")) else pair.first
        for longer in _longer_names(sentence, span):
            same = _same_organisation(actor, longer, kb)
            if not same and kb.lookup(longer):
                return "name_piece"
            if same and any(names_match([g], [longer], fuzzy=False)
                            and names_match([h], actor_names(other))
                            for g, h in [*relations, *((b, a) for a, b in relations)]):
                return "name_mismatch"
            if not same and (any(names_match([g], [longer], fuzzy=False) for g in gold_names)
                             or any(str(o.get("id")) != own_id
                                    and names_match([longer], actor_names(o), False)
                                    for o in others)):
                return "name_piece"
    return None


def _words_before(text: str, count: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)][-count:]


def _as_place(sentence: str, span: Span, lexicon: ErrorLexicon) -> bool:
    """Whether the mention at ``span`` is a place: after a place preposition (over
    place modifiers, and over the other items of a list: "from Algeria, Nigeria"), or
    after "<place noun> of"."""
    tokens = re.findall(r"[\w’'-]+|,", sentence[:span[0]])[-12:]
    k = len(tokens)
    while k and (tokens[k - 1].lower() in lexicon.place_modifiers
                 or tokens[k - 1].lower() in (",", "and", "or")
                 or (tokens[k - 1][0].isupper() and k < len(tokens)
                     and tokens[k].lower() in (",", "and", "or"))):
        k -= 1
    if k and tokens[k - 1].lower() in lexicon.place_prepositions:
        return True
    owned = re.match(r"['’]s?\s+((?:[\w-]+\s*){1,4})", sentence[span[1]:])
    if owned and any(w in lexicon.place_nouns or w in lexicon.group_nouns
                     for w in owned.group(1).split()):
        return True                                  # "Egypt's Sinai peninsula", "Egypt's group"
    before = _words_before(sentence[:span[0]], 6)
    while before and before[-1] in lexicon.place_modifiers:
        before.pop()
    if len(before) >= 2 and before[-1] == "of":
        rest = before[:-1]
        while rest and rest[-1] in lexicon.place_modifiers:
            rest.pop()
        return bool(rest) and rest[-1] in lexicon.place_nouns
    return False


def _person(actor: Actor, mention: str, sentence: str, span: Span, lexicon: ErrorLexicon,
            kb: KnowledgeBase) -> bool:
    actor_id = str(actor.get("id"))
    if actor_id in kb:
        leaders = [leader.name for leader in kb.get(actor_id).leaders]
        if leaders and names_match([mention], leaders, fuzzy=False):
            return True
    before = _words_before(sentence[:span[0]], 3)
    if before and before[-1] == "the":
        before.pop()
    if len(before) >= 2 and before[-1] in ("of", "for") and before[-2] in lexicon.person_roles:
        return True
    after = [w.lower().strip("'’") for w in _WORD.findall(sentence[span[1]:])][:3]
    after = [w for w in after if w not in ("s", "")]
    return any(w in lexicon.person_roles for w in after[:2])


def _listed(sentence: str, sides: list[tuple[Actor, str, Span]],
            lexicon: ErrorLexicon) -> bool:
    if len(sides) != 2:
        return False
    (_, _, one), (_, _, two) = sorted(sides, key=lambda s: s[2][0])
    gap = _BRACKETS.sub(" ", sentence[one[1]:two[0]])
    gap = re.sub(r"^['’]s?\b", " ", gap)
    joined = False
    for connector in lexicon.list_connectors:
        pattern = re.escape(connector) if not connector.isalpha() else rf"\b{connector}\b"
        gap, found = re.subn(pattern, " ", gap, flags=re.I)
        joined = joined or bool(found)
    rest = [w for w in _WORD.findall(gap) if not (w[0].isupper() or w.lower() == "the")]
    return joined and not rest


def classify_false_pair(pair: LinkedPair, relations: Sequence[tuple[str, str]],
                        record: Record | None, lexicon: ErrorLexicon | None = None,
                        kb: KnowledgeBase | None = None) -> str:
    """The cause of a false pair (see the module's rules). ``relations``: the two group
    names of each relation of the document (gold and added)."""
    words = lexicon or load_error_lexicon()
    base = kb if kb is not None else load_kb()
    events = list(pair.events)
    sides = {id(e): _sides(pair, e) for e in events}
    gold_names = [n for r in relations for n in r]
    if _same_group(pair, gold_names) or any(_mentions_overlap(s) for s in sides.values()):
        return "same_group"
    for event in events:
        cause = _longer_name_cause(pair, event, relations, record, base)
        if cause:
            return cause
    kinds = [_kind(pair.first, base), _kind(pair.second, base)]
    if all(k in words.state_kinds for k in kinds):
        return "two_states"
    for event in events:
        sentence = evidence_of(event)
        if any(_kind(actor, base) == "state" and _as_place(sentence, span, words)
               for actor, _, span in sides[id(event)]):
            return "country_as_place"
    for event in events:
        sentence = evidence_of(event)
        if any(_person(actor, mention, sentence, span, words, base)
               for actor, mention, span in sides[id(event)]):
            return "person"
    if any(_listed(evidence_of(e), sides[id(e)], words) for e in events):
        return "listed_together"
    return "other"
