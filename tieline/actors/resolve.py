"""Resolve a document's actor mentions: names, defined acronyms, wings, references.

Input: the document text, its sentences and the raw name matches of
:class:`~tieline.actors.matcher.ActorMatcher`. Output: :class:`~tieline.model.Mention`
records, each tied to one actor, in text order. Steps, each a small function:

1. acronyms the text defines ("Ansar Bayt al-Maqdis (ABM)") bind for the document;
2. ambiguous names go to the candidate the rest of the document points at
   (:mod:`~tieline.actors.disambiguate`);
3. a wing or part after or before a name ("Hamas' military wing") widens the mention
   and records the wing;
4. "X's affiliate" / "the X affiliate" resolves to the affiliate of X that the base or
   the document knows;
5. a territory an actor holds ("from Gaza") stands for it, when the actor is named too
   (events use such mentions for support given or received there, never for violence);
6. pronouns, descriptions ("the Palestinian group", "the council") and pair phrases
   ("the two groups") bind to the group the text means, read sentence by sentence
   (:mod:`~tieline.actors.reference`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Actor, Mention, Sentence
from .candidates import outermost
from .disambiguate import DocumentContext, choose_candidate
from .institutions import document_countries, institution_mentions
from .kb import KnowledgeBase
from .lexicon import reference_lexicon
from .matcher import NameMatch
from .places import continues_place_list, is_place
from .reference import reference_mentions
from .reference_phrases import describing_words

_DEFINED = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z0-9&\-]{1,11})\s*\)")
_AKA = re.compile(r"\s*\(\s*(?:formerly|also known as|aka|a\.k\.a\.|known as)\s+([^)]{2,60})\)")


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = reference_lexicon()
    mods = _alternation(lex.wing_modifiers)
    nouns = _alternation(lex.wing_nouns)
    return {
        # after a name: "’s military wing", "' armed wing", " militants"
        "wing_after": re.compile(rf"(?:['’]s?)?\s+((?:(?:{mods})\s+)?(?:{nouns}))\b", re.I),
        # before a name: "the armed wing of "
        "wing_before": re.compile(rf"\b(?:the\s+)?((?:{mods})\s+(?:{nouns}))\s+of\s+(?:the\s+)?$", re.I),
        "affiliate_after": re.compile(
            rf"(?:['’]s?)?\s+((?:[A-Z][\w-]*\s+)?(?:{_alternation(lex.affiliate_nouns)}))\b(?!\s+of\b)"),
        "parent_after": re.compile(
            rf"['’]s?\s+((?:{_alternation(lex.parent_nouns)}))\b", re.I),
        "members": re.compile(
            rf"\b([A-Z][\w-]*(?:-based)?)\s+({_alternation(lex.member_nouns)})\b"),
    }


def _index_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def resolve_mentions(text: str, sentences: Sequence[Sentence], matches: Sequence[NameMatch],
                     kb: KnowledgeBase) -> list[Mention]:
    """Resolve raw name matches and descriptive references into mentions."""
    starts = [s.start for s in sentences]
    # a longer name found around known ones ("Tawheed and Jihad") is the name there
    matches = outermost(list(matches))
    defined = _defined_acronyms(text, matches)
    matches = _add_defined_acronym_matches(text, matches, defined)
    present = set(defined.values())
    for m in matches:
        clear = {cand[0] for cand in m.candidates if not cand[2] and cand[1] != "territory"}
        if len(clear) == 1:
            present |= clear
    chosen = _choose_all(text, sentences, starts, matches, kb, present, defined)
    mentions: list[Mention] = []
    place_end = -1  # where the last state named as a place ends: "in Syria, Iraq and Yemen"
    for m in matches:
        actor_id, how = chosen[m.start]
        if _is_state(actor_id, kb) and (is_place(text, m.start, m.end)
                                        or continues_place_list(text, place_end, m.start)):
            place_end = m.end  # a state named as a location is not a party there
            continue
        if how == "candidate" and _descriptive(m.text, kb):
            continue  # "the Islamist movement": a description, read as a reference later
        if how == "territory":
            # "weapons that came from Gaza": the place stands for the actor that holds
            # it, when the document names that actor as well.
            if actor_id in present:
                mentions.append(Mention(m.start, m.end, m.text, actor_id,
                                        _index_of(starts, m.start), how))
            continue
        if actor_id is None:
            continue
        if how == "leader" and _person_tied_elsewhere(text, m.start, m.end):
            continue
        start, end, wing = _widen_for_wing(text, _with_demonym(text, m.start, actor_id, kb), m.end)
        affiliate = _affiliate_reference(text, m.end, actor_id, kb, present)
        if affiliate is not None:
            # "ISIS's Sinai affiliate" names the affiliate; the parent's own name in it
            # is still a mention of the parent (after the phrase's, so its words stand
            # for the parent), so the phrase can relate the two
            affiliate_id, affiliate_how, affiliate_end = affiliate
            mentions.append(Mention(start, affiliate_end, text[start:affiliate_end], affiliate_id,
                                    _index_of(starts, start), affiliate_how))
            mentions.append(Mention(m.start, m.end, m.text, actor_id, _index_of(starts, m.start), how))
            continue
        mentions.append(Mention(start, end, text[start:end], actor_id,
                                _index_of(starts, start), how, wing))
    mentions += _member_mentions(text, starts, mentions, kb)
    mentions += _name_head_mentions(text, starts, mentions, kb)
    institutions, absorbed = institution_mentions(text, starts, mentions, matches, kb)
    mentions = [m for m in mentions if m.start not in absorbed or m.how not in _NAMED] + institutions
    mentions += _collective_mentions(text, starts, mentions, matches, kb)
    # pronouns, descriptions and pair phrases, read in order of the text
    mentions += reference_mentions(text, sentences, mentions, kb)
    mentions = _states_owning_others(text, _tied_leaders(text, sentences, mentions), kb)
    mentions = [_parent_reference(text, m, kb) for m in mentions]
    mentions.sort(key=lambda x: x.start)
    return mentions


def _tied_leaders(text: str, sentences: Sequence[Sentence],
                  mentions: list[Mention]) -> list[Mention]:
    """A person stands for the group they lead only where the text ties them to it: the
    group is named in the same sentence or the one before ("Hezbollah's leader Hassan
    Nasrallah met ..."), or the person acts for it, as the subject opening the sentence
    ("Osama bin Laden authorized the plot") or through a possessive ("bin Laden's
    fatwa"). "criticising Mullah Omar" is about a person, not a group."""
    named = {(m.actor_id, m.sentence) for m in mentions if m.how != "leader"}

    def tied(m: Mention) -> bool:
        if (m.actor_id, m.sentence) in named or (m.actor_id, m.sentence - 1) in named:
            return True
        if _POSSESSIVE_AFTER.match(text, m.end) or _OWNED_BEFORE.search(text, 0, m.start):
            return True  # "bin Laden's fatwa", "Libya's Khalifa Haftar"
        opening = sentences[m.sentence].start if m.sentence < len(sentences) else 0
        return _SUBJECT_OPENING.fullmatch(text[opening:m.start]) is not None

    return [m for m in mentions if m.how != "leader" or tied(m)]


_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_OWNED_BEFORE = re.compile(r"\b[A-Z][\w-]*['’]s?\s+$")


def _states_owning_others(text: str, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """"Libya's Khalifa Haftar", "Iran's Islamic Revolutionary Guard Corps": a state's
    possessive right before another actor's name only places that actor; the state takes
    no part."""
    by_start = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        after = _POSSESSIVE_AFTER.match(text, m.end)
        nxt = by_start.get(after.end()) if after else None
        if nxt is not None and nxt.actor_id != m.actor_id and _is_state(m.actor_id, kb) \
                and m.how in _NAMED:
            continue
        out.append(m)
    return out


_PARENT_LINKS = ("affiliate_of", "branch_of", "wing_of")

def _name_head_mentions(text: str, starts: list[int], mentions: list[Mention],
                        kb: KnowledgeBase) -> list[Mention]:
    """"the Army" after "the Mahdi Army", "the Front" after "the Levantine Front": the
    capitalised last word of a recent name stands for it (within three sentences)."""
    from .candidates import group_name_rules

    heads = group_name_rules().head_nouns
    taken = [(m.start, m.end) for m in mentions]
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for hit in _NAME_HEAD.finditer(text):
        noun = hit.group(1)
        if noun.lower() not in heads or any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        sentence = _index_of(starts, hit.start())
        for m in reversed(ordered):
            if m.start >= hit.start() or sentence - m.sentence > 3 or m.how == "pair_reference":
                continue
            actor = kb.actors.get(m.actor_id)
            names = [m.text] + ([actor.name] if actor is not None else [])
            if any(n.rstrip().split()[-1:] == [noun] for n in names if n.strip()):
                out.append(Mention(hit.start(), hit.end(), hit.group(), m.actor_id, sentence,
                                   "coreference"))
                break
    return out


_NAME_HEAD = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\b(?!\s+(?:of\s+)?[A-Z])")


def _collective_patterns(kb: KnowledgeBase) -> list[tuple[re.Pattern[str], str, str, str]]:
    """The phrases of the base's collective actors, compiled once per base, each with
    its actor, country and first word (lower case: a text without it is not searched)."""
    def build(base: KnowledgeBase) -> list[tuple[re.Pattern[str], str, str, str]]:
        out = []
        for actor in base:
            for phrase in actor.collective_phrases:
                words = r"\s+".join(re.escape(w) for w in phrase.split())
                out.append((re.compile(rf"\b(?:[A-Z][a-z]+\s+)?(?i:{words})\b"), actor.id,
                            actor.country or "", phrase.split()[0].lower()))
        return out

    return kb.derived("collective_patterns", build)


_PLURAL_GROUPS = re.compile(r"(?i)\b(?:groups|factions|organi[sz]ations|militias)\b")


def _collective_mentions(text: str, starts: list[int], mentions: list[Mention],
                         matches: Sequence[NameMatch], kb: KnowledgeBase) -> list[Mention]:
    """"rebel groups", "smaller Iraqi jihadist groups": the collective actor of the
    country the document is about, when the base has one."""
    patterns = _collective_patterns(kb)
    if not patterns or not _PLURAL_GROUPS.search(text):
        return []
    countries = document_countries(mentions, matches, kb)
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    lowered = text.lower()
    for pattern, actor_id, country, first_word in patterns:
        if country not in countries or first_word not in lowered:
            continue
        for hit in pattern.finditer(text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            taken.append((hit.start(), hit.end()))
            out.append(Mention(hit.start(), hit.end(), hit.group(), actor_id,
                               _index_of(starts, hit.start()), "collective"))
    return out


_NAMED = ("name", "alias", "acronym", "defined_acronym", "former_name", "wing", "fuzzy",
          "leader")
# What may come before the subject at the start of a sentence: a fronted phrase, "the".
_SUBJECT_OPENING = re.compile(r"(?:[^,.;:]{1,40},\s+)?(?:[Tt]he\s+)?")


def _parent_reference(text: str, m: Mention, kb: KnowledgeBase) -> Mention:
    """"the group's core" after a reference to an affiliate: the organization it belongs
    to. After a name ("the Islamic State's core") the core is the named group's own."""
    if m.how not in ("descriptor", "coreference"):
        return m
    hit = _patterns()["parent_after"].match(text, m.end, min(len(text), m.end + 40))
    if hit is None or m.actor_id not in kb:
        return m
    parents = [link.target for link in kb.get(m.actor_id).links
               if link.type in _PARENT_LINKS and link.target in kb]
    if len(set(parents)) != 1:
        return m
    return Mention(m.start, hit.end(), text[m.start:hit.end()], parents[0], m.sentence,
                   "descriptor", hit.group(1).lower())


def _member_mentions(text: str, starts: list[int], mentions: list[Mention],
                     kb: KnowledgeBase) -> list[Mention]:
    """"Sinai-based militants" -> the one actor of the document described as Sinai-based."""
    present = list(dict.fromkeys(m.actor_id for m in mentions))
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for hit in _patterns()["members"].finditer(text):
        if any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        word = hit.group(1).lower()
        fitting = [a for a in present if a in kb and kb.get(a).kind in ("armed_group", "political_org")
                   and word in {d.lower() for d in kb.get(a).descriptors}]
        if len(fitting) == 1:
            out.append(Mention(hit.start(), hit.end(), hit.group(), fitting[0],
                               _index_of(starts, hit.start()), "descriptor"))
    return out


def _choose_all(text: str, sentences: Sequence[Sentence], starts: list[int],
                matches: Sequence[NameMatch], kb: KnowledgeBase, present: set[str],
                defined: dict[str, str]) -> dict[int, tuple[str | None, str]]:
    """The actor of every match, by start offset. Ambiguous names are settled from the
    document's context; a name settled that way adds to the context, so a second pass
    may settle one that depended on it ("JI members trained at MILF camps")."""
    ambiguous = [m for m in matches
                 if len({c[0] for c in m.candidates}) > 1 or any(c[2] for c in m.candidates)]
    chosen = {m.start: _choose(m, kb, None, defined, "") for m in matches if m not in ambiguous}
    if not ambiguous:
        return chosen
    known = set(present)
    for _ in range(2):
        context = DocumentContext.build(kb, text, known, matches)
        for m in ambiguous:
            sentence = sentences[_index_of(starts, m.start)].text if sentences else ""
            chosen[m.start] = _choose(m, kb, context, defined, sentence)
        settled = {a for a, how in chosen.values() if a is not None and how != "territory"}
        if settled <= known:
            break
        known |= settled
    return chosen


_PERSON_ROLE = re.compile(
    r"^\s*,\s*(?:the|a|an|its|their)\s+(?:\w+\s+){0,2}?(?:founder|co-founder|leader|commander|head|"
    r"chief|emir|spokesman|spokesperson|operative|member|deputy|ideologue)s?\s+(?:of|in)\b", re.I)
_LED_BY = re.compile(r"\b(?:led|lead|headed|commanded|founded)\s+by\s+$", re.I)


def _person_tied_elsewhere(text: str, start: int, end: int) -> bool:
    """A leader named with the group the sentence ties them to ("al-Muhandis, the founder
    of KIA"; "militants led by Hattab") stands for that tie, not for the leader's group."""
    return bool(_PERSON_ROLE.match(text[end:end + 80]) or _LED_BY.search(text[max(0, start - 20):start]))


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[^\S\n]+$")


def _with_demonym(text: str, start: int, actor_id: str, kb: KnowledgeBase) -> int:
    """Where a state force's mention starts: with the demonym of its country before it,
    as the text names it ("Russian Spetsnaz", "Indian Assam Rifles")."""
    actor = kb.actors.get(actor_id)
    if actor is None or actor.kind != "state_force":
        return start
    before = _WORD_BEFORE.search(text[max(0, start - 20):start])
    if before is None:
        return start
    def build(base: KnowledgeBase) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for a in base:
            if a.kind == "state" and a.country:
                out.setdefault(a.country, set()).update(a.descriptors)
        return out

    demonyms = kb.derived("demonyms_by_country", build).get(actor.country or "", set())
    return start - len(before.group()) if before.group(1) in demonyms else start


def _descriptive(name: str, kb: KnowledgeBase) -> bool:
    """Whether a name found in the text only describes a group: words that describe
    groups (the base's descriptors and ideologies, ``descriptive_words``) before a
    lower-case group noun ("Islamist movement", "Shiite militia"), where a name has a
    proper head ("Islamic Movement of Uzbekistan") or a proper word ("Zintan militia")."""
    words = name.split()
    if len(words) < 2 or words[-1] not in reference_lexicon().group_nouns:
        return False
    describing = describing_words(kb)
    return all(w.lower() in describing for w in words[:-1])


def _is_state(actor_id: str | None, kb: KnowledgeBase) -> bool:
    actor = kb.actors.get(actor_id) if actor_id is not None else None
    return actor is not None and actor.kind == "state"


def _defined_acronyms(text: str, matches: Sequence[NameMatch]) -> dict[str, str]:
    """Acronyms the text defines right after an unambiguous name: "Name (ACR)"."""
    defined: dict[str, str] = {}
    for m in matches:
        follow = _DEFINED.match(text, m.end)
        if not follow:
            continue
        unambiguous = [c for c in m.candidates if not c[2]] or list(m.candidates)
        if len(unambiguous) == 1:
            defined[follow.group(1)] = unambiguous[0][0]
    return defined


def _add_defined_acronym_matches(text: str, matches: Sequence[NameMatch],
                                 defined: dict[str, str]) -> list[NameMatch]:
    """Occurrences of acronyms defined in the text, which override the base's reading."""
    if not defined:
        return list(matches)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in defined) + r")\b")
    extra = []
    taken = [(m.start, m.end) for m in matches]
    for hit in pattern.finditer(text):
        if any(s <= hit.start() < e for s, e in taken):
            continue
        extra.append(NameMatch(hit.start(), hit.end(), hit.group(),
                               ((defined[hit.group()], "defined_acronym", False),)))
    out = []
    for m in matches:
        if m.text in defined:
            m = NameMatch(m.start, m.end, m.text, ((defined[m.text], "defined_acronym", False),))
        out.append(m)
    return sorted(out + extra, key=lambda m: m.start)


def _choose(m: NameMatch, kb: KnowledgeBase, context: DocumentContext | None,
            defined: dict[str, str], sentence_text: str) -> tuple[str | None, str]:
    if m.text in defined:
        return defined[m.text], "defined_acronym"
    if context is None:  # one actor, declared unambiguous
        return m.candidates[0][0], m.candidates[0][1]
    clear = list(dict.fromkeys((c[0], c[1]) for c in m.candidates if not c[2]))
    if len({c[0] for c in clear}) == 1:
        if len({c[0] for c in m.candidates}) == 1:
            return clear[0]
        # The base's default reading, unless the document points at another one, or at
        # least points at it more than at the default.
        chosen = choose_candidate(m, kb, context, sentence_text)
        if chosen[0] is not None:
            return chosen
        default = clear[0]
        others = sorted(((context.score(kb.get(c[0])), c[0], c[1]) for c in m.candidates
                         if c[0] != default[0] and c[0] in kb), reverse=True)
        if others and others[0][0] >= context.score(kb.get(default[0])) + 0.5:
            return others[0][1], others[0][2]
        return default
    return choose_candidate(m, kb, context, sentence_text)


def _widen_for_wing(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    pats = _patterns()
    after = pats["wing_after"].match(text, end, min(len(text), end + 40))
    if after:
        return start, after.end(), after.group(1).lower()
    window_start = max(0, start - 40)
    before = pats["wing_before"].search(text[window_start:start])
    if before:
        return window_start + before.start(), end, before.group(1).lower()
    return start, end, None


def _affiliates_of(kb: KnowledgeBase, parent: str) -> list[Actor]:
    return [a for a in kb if any(l.target == parent and l.type in ("affiliate_of", "branch_of")
                                 for l in a.links)]


def _affiliate_reference(text: str, end: int, parent: str, kb: KnowledgeBase,
                         present: set[str]) -> tuple[str, str, int] | None:
    """"ISIS's Sinai affiliate" -> the affiliate of ISIS described as Sinai(-based), and
    where the phrase ends."""
    hit = _patterns()["affiliate_after"].match(text, end, min(len(text), end + 40))
    if not hit:
        return None
    words = hit.group(1).split()
    qualifier = words[0].lower() if len(words) > 1 else None
    tail = text[hit.end(): hit.end() + 40]
    place = re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w-]*)", tail)
    if qualifier is None and place:
        qualifier = place.group(1).lower()
    options = _affiliates_of(kb, parent)
    if qualifier:
        options = [a for a in options if qualifier in {d.lower() for d in a.descriptors}
                   or qualifier in (a.country or "").lower()]
    else:
        options = [a for a in options if a.id in present]
    if len(options) == 1:
        return options[0].id, "descriptor", hit.end()
    return None
