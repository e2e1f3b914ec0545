"""Interaction events from sentences that hold two actors.

The cheap stages run first: only a sentence with two different actors and a trigger
cue (a regular expression over the raw text) is parsed with spaCy. In a parsed
sentence, the trigger lexicon's patterns are matched over lemmas; for each trigger the
roles are read from the dependency parse (subject, object, passive agent, the noun
after to/with/from/between..., coordinated subjects), and the trigger's frame says
which role is the source and which the target. Where the parse gives no second actor,
the nearest actors before and after the trigger fill in, at lower confidence.

Example:
    >>> extractor = EventExtractor(load_nlp())
    >>> # extractor.extract(document, sentences, mentions, dates) -> list[Event]
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Document, Event, Evidence, Mention, Sentence
from ..time import DocumentDates
from .nlp import load_nlp
from .lexicon import HedgeLexicon, Trigger, TriggerLexicon, load_hedges, load_triggers
from .ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd", "obj"}
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp", "prep"}
TARGET_PREPS = ("to", "with", "against", "alongside", "beside", "into", "for", "on", "at",
                "over", "toward",
                "towards", "between", "among", "in", "of", "from", "by")
MODALITY_RANK = {"asserted": 3, "reported": 2, "alleged": 1, "speculative": 0}
PARSE_BATCH = 128  # sentences per spaCy batch: measured fastest on one core (bench/)


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


class EventExtractor:
    """Finds events in a document whose sentences and mentions are known."""

    def __init__(self, nlp: Language, triggers: TriggerLexicon | None = None,
                 hedges: HedgeLexicon | None = None, ontology: Ontology | None = None):
        self.nlp = nlp
        self.triggers = triggers or load_triggers()
        self.hedges = hedges or load_hedges()
        self.ontology = ontology or load_ontology()
        self._heads: dict[str, list[int]] = {}
        # Each pattern with the lemma sets its required tokens draw from: a sentence
        # lacking a lemma of any of them cannot match it, so it is not tried there.
        self._patterns: list[tuple[str, list[Any], list[frozenset[str]]]] = []
        for key, trig in self.triggers.triggers.items():
            for n, (head, spec) in enumerate(trig.specs):
                name = f"{key}~{n}"
                required = [frozenset(t["LEMMA"]["IN"]) for t in spec
                            if "LEMMA" in t and t.get("OP") in (None, "1", "+")]
                self._patterns.append((name, list(spec), required))
                self._heads[name] = [head]
        # index: a lemma of each pattern's first required set -> the patterns
        self._by_first_lemma: dict[str, list[int]] = {}
        self._unanchored: set[int] = set()
        for i, (_, _, required) in enumerate(self._patterns):
            if not required:
                self._unanchored.add(i)
            for lemma in (required[0] if required else ()):
                self._by_first_lemma.setdefault(lemma, []).append(i)
        self._matchers: dict[tuple[int, ...], Any] = {}
        self.matcher = self._matcher_for(tuple(range(len(self._patterns))))

    def _matcher_for(self, chosen: tuple[int, ...]) -> Any:
        """A spaCy Matcher over the chosen patterns, in lexicon order (cached)."""
        from spacy.matcher import Matcher

        if chosen not in self._matchers:
            if len(self._matchers) > 2048:
                self._matchers.clear()
            matcher = Matcher(self.nlp.vocab)
            for i in chosen:
                name, spec, _ = self._patterns[i]
                matcher.add(name, [spec])
            self._matchers[chosen] = matcher
        return self._matchers[chosen]

    # -- the cheap stages -------------------------------------------------------------
    def candidate_sentences(self, sentences: Sequence[Sentence],
                            mentions: Sequence[Mention]) -> list[tuple[Sentence, list[Mention]]]:
        """Sentences with two different actors and a trigger cue: the only ones parsed."""
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_sentence[m.sentence].append(m)
        out = []
        for index, group in sorted(by_sentence.items()):
            if len({m.actor_id for m in group}) < 2:
                continue
            sentence = sentences[index]
            if self.triggers.cue_pattern.search(sentence.text):
                out.append((sentence, group))
        return out

    # -- the whole stage ----------------------------------------------------------------
    def extract(self, document: Document, sentences: Sequence[Sentence],
                mentions: Sequence[Mention], dates: DocumentDates) -> list[Event]:
        """All events of one document, in text order."""
        candidates = self.candidate_sentences(sentences, mentions)
        if not candidates:
            return []
        return self.events_in(document, candidates, self.parse(parse_texts(candidates)), dates)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Parse sentences with spaCy, in batches of the size it runs fastest at.

        The texts may come from many documents: parsing them together (as
        :meth:`tieline.pipeline.Pipeline.extract_batch` does) is much faster than one
        document at a time, and gives the same parses.
        """
        return list(self.nlp.pipe(texts, batch_size=PARSE_BATCH))

    def events_in(self, document: Document, candidates: Sequence[tuple[Sentence, list[Mention]]],
                  docs: Sequence[Doc], dates: DocumentDates) -> list[Event]:
        """The events of the candidate sentences of one document, given their parses."""
        events: list[Event] = []
        for (sentence, group), doc in zip(candidates, docs, strict=True):
            events.extend(self._sentence_events(document, sentence, group, doc, dates))
        return events

    def _sentence_events(self, document: Document, sentence: Sentence, group: list[Mention],
                         doc: Doc, dates: DocumentDates) -> list[Event]:
        token_actor: dict[int, str] = {}
        territorial: set[int] = set()
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for m in group:
            span = doc.char_span(m.start - sentence.start, m.end - sentence.start,
                                 alignment_mode="expand")
            if span is None:
                continue
            tokens = list(span)
            if m.how == "pair_reference":
                # "the two groups": the head noun stands for the second group, the
                # words before it for the first, so the phrase reads as "X and Y".
                nth = shared[(m.start, m.end)]
                shared[(m.start, m.end)] += 1
                tokens = tokens[:-1] if nth == 0 else tokens[-1:]
            for tok in tokens:
                token_actor[tok.i] = m.actor_id
                if m.how == "territory":
                    territorial.add(tok.i)
        attribution = _TRAILING_ATTRIBUTION.search(doc.text)
        if attribution:
            # "..., the Israeli military alleged": who speaks takes no part in the events
            token_actor = {i: a for i, a in token_actor.items() if doc[i].idx < attribution.start()}
        if len(set(token_actor.values())) < 2:
            return []
        token_actor.update(_bound_pronouns(doc, token_actor))
        # A place stands for its holder only where support is given or received there.
        named_only = {i: a for i, a in token_actor.items() if i not in territorial}
        matches = self._triggers_in(doc)
        events: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        for trig, start, end, head in matches:
            if head.i in token_actor:
                continue  # "ISIS's Sinai affiliate" names an actor; it states no event
            if head.dep_ == "compound" and self._given(trig):
                continue  # "training camps", "funding networks" name things, not acts
            if _backdrop(head, token_actor):
                continue  # "praised Hamas for its resistance during the 2014 war"
            cooperative = self.ontology.types[trig.type].polarity == "cooperation"
            roles_map = token_actor if cooperative else named_only
            pair = self._pair(trig, doc, head, start, end, roles_map)
            if pair is None:
                # "X, including Y, seized the air base": no actor was acted on, but the
                # actors who did it together are still allies in it
                subject = _roles(doc, head, start, end, roles_map).subject
                if subject:
                    mates = [subject[0], *_conjunct_actors(doc, subject[0], roles_map)]
                    events += self._co_agents(document, sentence, group, doc, dates, trig,
                                              start, end, head,
                                              [(a, "", True) for a in dict.fromkeys(mates)], seen)
                continue
            expanded = _expand(pair, doc, head, trig, roles_map, cooperative)
            for source, target, from_parse in expanded:
                event = self._event(document, sentence, group, doc, dates, trig, start, end,
                                    head, source, target, from_parse, seen)
                if event is not None:
                    events.append(event)
            events += self._co_agents(document, sentence, group, doc, dates, trig, start, end,
                                      head, expanded, seen)
            enemy = self._common_enemy(trig, doc, head, start, end, named_only)
            if enemy is not None:
                sides = list(dict.fromkeys(a for s, t, _ in expanded for a in (s, t)))
                clash = enemy[0]
                enemies = [enemy[1], *_conjunct_actors(doc, enemy[1], named_only)]
                for side in sides:
                    for foe in enemies:
                        if side == foe or foe in sides:
                            continue
                        event = self._event(document, sentence, group, doc, dates, clash, start,
                                            end, head, side, foe, True, seen)
                        if event is not None:
                            events.append(event)
        return events

    def _event(self, document: Document, sentence: Sentence, group: list[Mention], doc: Doc,
               dates: DocumentDates, trig: Trigger, start: int, end: int, head: Token,
               source: str, target: str, from_parse: bool,
               seen: set[tuple[str, str, str]]) -> Event | None:
        """One event, unless the same type and pair is already stated in the sentence."""
        etype = self.ontology.types[trig.type]
        # A mutual interaction keeps the order the sentence gives (its subject first),
        # but is stated once whichever way round it is found.
        key = (trig.type, source, target) if etype.directed else \
            (trig.type, min(source, target), max(source, target))
        if key in seen:
            return None
        seen.add(key)
        modality = self._modality(doc, head, sentence.text)
        negated = self._negated(doc, head)
        trigger_text = sentence.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        offset = sentence.start + doc[start].idx
        date = dates.for_sentence(sentence.index, near=offset, tense=_tense(head))
        confidence = 0.45 + (0.3 if from_parse else 0.0) + (0.1 if date.basis == "sentence" else 0.0)
        confidence *= {"asserted": 1.0, "reported": 0.9, "alleged": 0.8, "speculative": 0.7}[modality]
        src_m = next((m.text for m in group if m.actor_id == source), "")
        tgt_m = next((m.text for m in group if m.actor_id == target), "")
        if any(all(m.how == "territory" for m in group if m.actor_id == side)
               for side in (source, target)):
            confidence *= 0.8  # the actor stands behind a place the sentence names
        if any(m.actor_id == source and m.wing in SINGLE_MEMBERS for m in group) and \
                not any(m.actor_id == source and m.wing not in SINGLE_MEMBERS for m in group):
            confidence *= 0.6  # one member's act says less about the organization's stance
        return Event(
            id=_event_id(document.id, sentence.start, trig.type, source, target),
            source=source, target=target, type=trig.type, polarity=etype.polarity,
            date=date, modality=modality, negated=negated,
            confidence=min(confidence, 0.95),
            evidence=Evidence(sentence.text, sentence.start, sentence.end, trigger_text),
            crosswalk=self.ontology.crosswalk(trig.type), directed=etype.directed,
            source_mention=src_m, target_mention=tgt_m,
        )

    # -- triggers -------------------------------------------------------------------
    def _triggers_in(self, doc: Doc) -> list[tuple[Trigger, int, int, Token]]:
        """Trigger matches, longest first, none whose head lies inside a longer one."""
        found = []
        lemmas = {t.lemma_.lower() for t in doc}
        possible = {i for lemma in lemmas for i in self._by_first_lemma.get(lemma, ())}
        chosen = tuple(i for i in sorted(possible | self._unanchored)
                       if all(not r.isdisjoint(lemmas) for r in self._patterns[i][2]))
        if not chosen:
            return []
        matches: list[Any] = self._matcher_for(chosen)(doc, with_alignments=True)
        for match_id, start, end, align in matches:
            name = self.nlp.vocab.strings[match_id]
            key = name.split("~")[0]
            head_pattern_pos = self._heads[name][0]
            head_i = start
            for i, pos in enumerate(align):
                if pos == head_pattern_pos:
                    head_i = start + i
                    break
            trig = self.triggers.triggers[key]
            found.append((trig, start, end, doc[head_i]))
        found.sort(key=lambda x: (-(x[2] - x[1]), x[1]))
        accepted: list[tuple[Trigger, int, int, Token]] = []
        for trig, start, end, head in found:
            # "provided weapons and training to X": one verb, two things given, two events;
            # otherwise a trigger inside a longer one, or on the same head, is dropped
            shared = [(t, s, e, h) for t, s, e, h in accepted if h.i == head.i]
            if shared and self._given(trig) and all(
                    self._given(t) and t.type != trig.type and e != end for t, s, e, _ in shared):
                accepted.append((trig, start, end, head))
                continue
            if any(s <= head.i < e and (e - s) > (end - start) for _, s, e, _ in accepted):
                continue
            if shared:
                continue
            accepted.append((trig, start, end, head))
        accepted.sort(key=lambda x: x[1])
        return accepted

    def _trigger_of(self, type_id: str) -> Trigger | None:
        """The first trigger of a type: what an inferred event of that type cites."""
        return next((t for t in self.triggers.triggers.values() if t.type == type_id), None)

    def _given(self, trig: Trigger) -> bool:
        """Whether a trigger names something one actor gives another (weapons, money,
        training...): several of those can hang on one verb."""
        etype = self.ontology.types[trig.type]
        return etype.polarity == "cooperation" and etype.directed

    # -- roles ----------------------------------------------------------------------
    def _pair(self, trig: Trigger, doc: Doc, head: Token, start: int, end: int,
              token_actor: dict[int, str]) -> tuple[str, str, bool] | None:
        roles = _roles(doc, head, start, end, token_actor)
        if _reciprocal(head):
            # "they condemned each other": the two coordinated actors of the sentence
            pair = _coordinated_pair(doc, token_actor, roles)
            if pair is not None:
                return pair[0], pair[1], True
        if trig.frame == "severed_ties":
            # "(X argued that) ties with Y should be cut": X the subject of a governing
            # clause, Y the partner of the ties.
            subject_tok, _ = _subject_token(head)
            ties = _actors_under(subject_tok, token_actor) if subject_tok is not None else []
            partner = _first(ties if roles.passive else roles.objects, roles.objects)
            source = _governing_subject(head, token_actor, exclude=[partner] if partner else [])
            if partner and source:
                return source, partner, True
            return None
        if trig.type == "split":
            # "Members of X split from X and formed Y": the group formed is the splinter.
            formed = _formed_actors(head, token_actor)
            parent = _first(roles.preps.get("from", []), roles.subject, roles.possessor,
                            exclude=formed)
            if formed and parent:
                return formed[0], parent, True
        cooperative = self.ontology.types[trig.type].polarity == "cooperation"
        frame = trig.frame
        if frame == "agent" and _received(head):
            frame = "receiver"  # "X received weapons, training and financial support from Y"
        elif frame == "agent" and not self.ontology.types[trig.type].directed:
            frame = "mutual"  # "the FARC and the ELN shared intelligence"
        conflict = self.ontology.types[trig.type].polarity == "conflict"
        pair = _frame_pair(frame, roles, cooperative, conflict)
        if pair is not None and pair[0] != pair[1]:
            return pair[0], pair[1], True
        if head.pos_ == "NOUN" and trig.frame != "mutual" and \
                self.ontology.types[trig.type].polarity == "conflict" and \
                not (roles.objects or roles.preps.get("against") or roles.preps.get("on")):
            # "coordinated attacks together", "in an attack a research centre": an act
            # named by a noun with no actor it is aimed at states no tie between actors.
            return None
        if roles.passive and not roles.agent and head.lemma_ in ACCUSING_VERBS:
            return None  # "X was accused of ...": by whom, the sentence does not say
        if _target_is_no_actor(head, roles, token_actor) or _doer_is_no_actor(head, roles):
            # The parse names what the act was aimed at, and no other actor is in the
            # phrase: that it was aimed at no actor is an answer, not a gap to fill.
            return None
        return _linear_pair(frame, doc, start, end, token_actor, roles)

    def _co_agents(self, document: Document, sentence: Sentence, group: list[Mention],
                   doc: Doc, dates: DocumentDates, trig: Trigger, start: int, end: int,
                   head: Token, expanded: list[tuple[str, str, bool]],
                   seen: set[tuple[str, str, str]]) -> list[Event]:
        """"X and Y attacked Z", "X, including Y, seized the base": actors who carry out
        one act against a third party together act jointly (an inferred joint operation,
        at lower confidence)."""
        etype = self.ontology.types[trig.type]
        if etype.polarity != "conflict" or not etype.directed:
            return []
        agents = list(dict.fromkeys(s for s, _, parsed in expanded if parsed))
        targets = {t for _, t, _ in expanded if t}
        joint = self._trigger_of("joint_operation")
        if joint is None or len(agents) < 2 or targets & set(agents):
            return []
        out = []
        for i, a in enumerate(agents):
            for b in agents[i + 1:]:
                event = self._event(document, sentence, group, doc, dates, joint, start, end,
                                    head, a, b, False, seen)
                if event is not None:
                    out.append(event)
        return out

    def _common_enemy(self, trig: Trigger, doc: Doc, head: Token, start: int, end: int,
                      token_actor: dict[int, str]) -> tuple[Trigger, str] | None:
        """For "X fought alongside Y against Z": the clash trigger and Z, the enemy the
        allies fought together."""
        if trig.type != "joint_operation" or head.lemma_ not in FIGHTING_VERBS:
            return None
        against = [t for t in head.subtree if t.dep_ == "prep" and t.lower_ == "against"]
        enemy = _first(*[_actors_under(t, token_actor) for t in against])
        clash = self._trigger_of("armed_clash")
        if enemy is None or clash is None:
            return None
        return clash, enemy

    # -- modality and negation ----------------------------------------------------------
    def _modality(self, doc: Doc, head: Token, sentence_text: str) -> str:
        cues: list[str] = []
        chain = _governing_chain(head)
        for tok in chain:
            if tok is not head and tok.lemma_.lower() in self.hedges.governing:
                cues.append(self.hedges.governing[tok.lemma_.lower()])
            for child in tok.children:
                lemma = child.lemma_.lower()
                if child.dep_ in ("advmod", "aux", "auxpass", "neg", "amod"):
                    if lemma in self.hedges.adverbs:
                        cues.append(self.hedges.adverbs[lemma])
                    elif child.dep_ == "aux" and lemma in self.hedges.modals:
                        cues.append("speculative")
            if tok.dep_ == "ROOT":
                break
            if _own_clause(tok):
                break  # a clause with its own subject keeps its own modality
        lowered = sentence_text.lower()
        trigger_at = head.idx
        attribution = _TRAILING_ATTRIBUTION.search(sentence_text)
        if attribution and attribution.start() > trigger_at:
            # "X armed Y, the Israeli military alleged on Monday."
            verb = next((t for t in doc if t.idx == attribution.start(1)), None)
            if verb is not None and verb.lemma_.lower() in self.hedges.governing:
                cues.append(self.hedges.governing[verb.lemma_.lower()])
        for phrase, modality in self.hedges.sentence:
            if modality == "speculative":
                continue
            at = lowered.find(phrase)
            if at != -1 and (at < trigger_at or modality == "reported"):
                cues.append(modality)
        if not cues:
            return "asserted"
        return min(cues, key=lambda m: MODALITY_RANK[m])

    def _negated(self, doc: Doc, head: Token) -> bool:
        # "received no money from X": the thing given is denied
        for child in head.children:
            if child.dep_ in OBJECT_DEPS and any(
                    c.dep_ == "det" and c.lower_ in self.hedges.negators for c in child.children):
                return True
        previous = head
        for tok in _governing_chain(head):
            # "ended their war with a pact": the pact is how it ended, not what ended
            by_means = previous.dep_ == "prep" and previous.lower_ in MEANS_PREPS
            if tok is not head and tok.lemma_.lower() in self.hedges.negating_governors \
                    and not by_means:
                return True
            previous = tok
            if any(c.dep_ == "neg" or (c.lower_ in self.hedges.negators and c.dep_ in ("neg", "det", "advmod"))
                   for c in tok.children):
                return True
            if tok.dep_ == "ROOT" or tok.pos_ == "NOUN" and tok is not head:
                break
            if _own_clause(tok):
                break  # "X has not pledged ..., and its leaders reaffirmed ...": not denied
        return False


#: Prepositions whose noun is the means of the verb above ("ended the war with a pact").
MEANS_PREPS = frozenset({"with", "by", "through", "via"})
# ", the Israeli military alleged on Monday." closing a sentence: who says it
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:[\w'’.-]+\s+){1,6}(said|alleged|claimed|reported|stated|told|suggested|"
    r"believed|estimated|charged|accused)\b[^,;]{0,40}[.!?\"”’]*\s*$", re.I)


def _backdrop(head: Token, token_actor: dict[int, str]) -> bool:
    """A noun trigger after "during" sets the time of the clause ("praised Hamas during
    the 2014 Gaza war") and states nothing between the clause's actors, unless it names
    two actors itself ("during the war between Amal and Hezbollah"). After "after" or
    "since" it usually does ("signed a truce after clashes"), so it is kept there."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "pobj" or \
            head.head.lower_ not in ("during", "throughout", "amid"):
        return False
    return len({token_actor[t.i] for t in head.subtree if t.i in token_actor}) < 2


def _governing_chain(head: Token) -> list[Token]:
    """The trigger and the words governing it whose hedges and negations reach it. The
    climb stops at an active subject: a trigger inside the one who speaks ("Ansaru, a
    splinter group of Boko Haram, announced ...") is not what is announced."""
    chain = [head]
    tok = head
    while tok.head.i != tok.i and tok.dep_ != "nsubj":
        tok = tok.head
        chain.append(tok)
    return chain


#: Prepositions whose noun sets the time of a clause rather than acting in it.
SCENE_PREPS = frozenset({"following", "after", "before", "since", "during", "until", "throughout"})
ACCUSING_VERBS = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticize",
                            "criticise", "denounce"})
SINGLE_MEMBERS = frozenset({"fighter", "member", "operative", "militant", "commander", "official"})
FIGHTING_VERBS = frozenset({"fight", "battle", "combat", "operate", "serve", "stand"})
FORMING_VERBS = {"form", "create", "establish", "found", "launch", "become", "build"}
STRUCTURAL_FRAMES = {"mutual", "joiner", "formed_from"}


def _conjunct_actors(doc: Doc, actor: str, token_actor: dict[int, str]) -> list[str]:
    """Actors coordinated with ``actor`` ("X, Y and Z"), in text order: conjuncts in the
    parse, and the other members of a written list of names (which the parser often
    reads as appositions)."""
    out: list[str] = []
    for i in sorted(i for i, a in token_actor.items() if a == actor):
        tok = doc[i]
        if token_actor.get(tok.head.i) == actor:
            continue
        for conj in tok.conjuncts:
            other = token_actor.get(conj.i)
            if other and other != actor and other not in out:
                out.append(other)
    key = f"tieline.name_lists.{id(token_actor)}"
    if key not in doc.user_data:  # once per sentence and actor map
        doc.user_data[key] = _name_lists(doc, token_actor)
    for names in doc.user_data[key]:
        if actor in names:
            out += [a for a in names if a != actor and a not in out]
    # "the CMA, including the MNLA": members named share the role of their coalition
    if "tieline.including" not in doc.user_data:
        doc.user_data["tieline.including"] = [
            tok for tok in doc
            if tok.dep_ == "prep" and tok.lower_ in ("including", "like", "notably")]
    for tok in doc.user_data["tieline.including"]:
        before = next((token_actor[i] for i in range(tok.i - 1, max(-1, tok.i - 4), -1)
                       if i in token_actor), None)
        if before == actor:
            out += [a for a in _actors_under(tok, token_actor) if a != actor and a not in out]
    return out


LIST_GLUE = frozenset({",", "and", "or", "the", "both", "as", "well", "&", ";"})


def _name_lists(doc: Doc, token_actor: dict[int, str]) -> list[list[str]]:
    """Runs of actor names joined only by commas, "and", "or", "as well as": "IS,
    al-Nusra, and Ahrar al-Sham". Each run of two or more is returned in text order."""
    units: list[tuple[int, int, str]] = []  # (first token, last token, actor)
    for i in sorted(token_actor):
        actor = token_actor[i]
        if units and units[-1][2] == actor and units[-1][1] == i - 1:
            units[-1] = (units[-1][0], i, actor)
        else:
            units.append((i, i, actor))
    lists: list[list[str]] = []
    current: list[str] = []
    for k, (first, _last, actor) in enumerate(units):
        glued = k > 0 and all(t.lower_ in LIST_GLUE for t in doc[units[k - 1][1] + 1:first]) \
            and first > units[k - 1][1] + 1
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


def _formed_actors(head: Token, token_actor: dict[int, str]) -> list[str]:
    """The actor a merger or split goes on "to form": "X merged with Y to form Z".

    The forming verb is a dependant of the trigger, or a purpose clause ("to form")
    after it however the parser attached it."""
    out: list[str] = []
    for tok in head.doc[head.i + 1:]:
        if tok.lemma_ not in FORMING_VERBS or tok.pos_ != "VERB":
            continue
        governed = tok.head == head or (tok.dep_ in ("xcomp", "advcl", "conj") and head in tok.ancestors)
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if not (governed or purpose):
            continue
        for obj in tok.children:
            if obj.dep_ in ("dobj", "attr", "oprd", "prep"):
                out += _actors_under(obj, token_actor)
                # "an umbrella organization known as the ENLF"
                for named in obj.children:
                    if named.dep_ == "acl" and named.lemma_ in ("know", "call", "name", "dub"):
                        out += _actors_under(named, token_actor)
        break
    return list(dict.fromkeys(out))


def _expand(pair: tuple[str, str, bool], doc: Doc, head: Token, trig: Trigger,
            token_actor: dict[int, str], cooperative: bool = False) -> list[tuple[str, str, bool]]:
    """The pair, plus the pairs its coordinated actors form ("X and Y fought Z" gives
    X-Z and Y-Z), plus the group a merger or split forms."""
    source, target, from_parse = pair
    if not from_parse:
        return [pair]
    sources = [source, *(a for a in _conjunct_actors(doc, source, token_actor) if a != target)]
    targets = [target, *(a for a in _conjunct_actors(doc, target, token_actor) if a != source)]
    out = [(s, t, True) for s in sources for t in targets if s != t]
    if trig.frame == "mutual" and (target in sources or cooperative):
        # "X and Y clashed"; "X and Y cooperated with Z" (X and Y cooperate as well)
        out += [(a, b, True) for i, a in enumerate(sources) for b in sources[i + 1:]]
    if trig.type in ("merger", "split", "allegiance") and trig.frame in STRUCTURAL_FRAMES:
        formed = _formed_actors(head, token_actor)
        if trig.type == "split":  # the group formed split from the parent, not the reverse
            out = [(f, p, True) for f in formed for p in targets if f != p] or out
        else:
            out += [(s, f, True) for s in sources + targets for f in formed if s != f]
    return list(dict.fromkeys(out))


_SUBJECT_PRONOUNS = frozenset({"it", "they"})
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def _bound_pronouns(doc: Doc, token_actor: dict[int, str]) -> dict[int, str]:
    """"Hamas said it had armed the PIJ": a subject pronoun of a clause stands for the
    actor that is the subject of the clause it depends on (said, denied, announced
    that...), when that subject comes before it and names one actor only. Other
    pronouns stay unbound."""
    bound: dict[int, str] = {}
    for tok in doc:
        if tok.i in token_actor or tok.lower_ not in _SUBJECT_PRONOUNS or \
                tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        clause = tok.head
        while clause.dep_ in _REPORTED_CLAUSES and clause.head.i != clause.i:
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None:
                continue
            actors = {token_actor[t.i] for t in subject.subtree if t.i in token_actor}
            if len(actors) == 1 and subject.i < tok.i:  # "X and Y said they..." stays as is
                bound[tok.i] = actors.pop()
            break
    return bound


def parse_texts(candidates: Sequence[tuple[Sentence, list[Mention]]]) -> list[str]:
    """The texts the parser sees for the candidate sentences (see :func:`_parse_text`)."""
    return [_parse_text(sentence, group) for sentence, group in candidates]


def _parse_text(sentence: Sentence, group: Sequence[Mention]) -> str:
    """The sentence as the parser sees it: an acronym that spells a function word ("IS",
    "US") becomes a neutral capitalised word of the same length, so that "fought with IS
    to take Mosul" is not parsed with a verb "is". Offsets are unchanged."""
    text = sentence.text
    for m in group:
        surface = m.text
        if surface.isupper() and len(surface) <= 4 and surface.lower() in _function_words():
            at = m.start - sentence.start
            text = text[:at] + "Q" + "x" * (len(surface) - 1) + text[at + len(surface):]
    return text


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _target_is_no_actor(head: Token, roles: Roles, token_actor: dict[int, str]) -> bool:
    """Whether the trigger's object ("attempted to assassinate a judge") or its
    "against"/"on" phrase ("attacks against army units") holds no actor, and no actor
    but its subject is anywhere under it."""
    aimed = any(c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in ("against", "on", "at"))
                for c in head.children)
    if not aimed or (head.pos_ == "VERB" and not roles.subject):
        return False
    under = {token_actor[t.i] for t in head.subtree if t.i in token_actor}
    return not under - set(roles.subject)


RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "accept", "enjoy", "acquire", "gain",
                             "secure", "seek", "request", "take"})


def _received(head: Token) -> bool:
    """Whether a noun trigger is what a receiving verb's subject got ("received ...
    financial support", also as a later item of the list of things received)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in RECEIVING_VERBS


def _doer_is_no_actor(head: Token, roles: Roles) -> bool:
    """Whether a verb trigger's subject is a noun phrase naming no actor ("a declaration
    of war helps X"): then nobody in the sentence did it. Pronouns are left to the
    fallback, which may find their antecedent."""
    if head.pos_ != "VERB" or roles.subject or roles.passive:
        return False
    subject_tok, _ = _subject_token(head)
    if subject_tok is None or subject_tok.pos_ != "NOUN" or subject_tok.head != head:
        return False
    # "its members", "Belmokhtar's men": a pronoun or a name may stand for a group
    aimed = {t.i for c in subject_tok.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
             for t in c.subtree}
    return not any(t.pos_ in ("PRON", "PROPN") for t in subject_tok.subtree if t.i not in aimed)


def _tense(head: Token) -> str | None:
    """"past", "perfect" or "present" for the clause that states the trigger, None when
    unclear.

    The clause's verb is the trigger itself or the first verb above it. Simple present
    and present progressive ("appears", "is picking on") are present; a present perfect
    ("have defected") is perfect; other past forms are past.
    """
    verbs = [t for t in [head, *head.ancestors] if t.pos_ in ("VERB", "AUX")]
    # a participle or gerund without auxiliary ("By openly confronting Hamas, X appears
    # ...") takes the tense of the clause above it
    def finite(v: Token) -> bool:
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lemma_ == "have" for a in aux):
            return True  # a perfect, even infinitive: "is said to have provided"
        if any(a.lower_ == "to" for a in aux):
            return False  # an infinitive ("to secure arms shipments")
        return v.tag_ not in ("VBG", "VBN", "VB") or bool(aux)

    verb = next((v for v in verbs if finite(v)), None)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return "perfect"  # "have seized": just before the time of writing
    if any(a.tag_ in ("VBD",) or a.lemma_ == "have" for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"
    return None


def _own_clause(tok: Token) -> bool:
    """A subordinate or coordinated clause with a subject of its own ("..., and its
    leaders reaffirmed ..."): hedges and negations above it do not reach into it."""
    return tok.dep_ in ("advcl", "relcl", "conj") and any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _reciprocal(head: Token) -> bool:
    """Whether the trigger takes "each other" / "one another" ("condemned each other")."""
    for child in head.children:
        words = {t.lower_ for t in child.subtree}
        if {"each", "other"} <= words or {"one", "another"} <= words:
            return True
    return False


def _coordinated_pair(doc: Doc, token_actor: dict[int, str],
                      roles: Roles) -> tuple[str, str] | None:
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


def _governing_subject(head: Token, token_actor: dict[int, str],
                       exclude: Sequence[str] = ()) -> str | None:
    """The first actor found as the subject of a clause above ``head``."""
    for anc in head.ancestors:
        for child in anc.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child != head:
                found = [a for a in _actors_under(child, token_actor) if a not in exclude]
                if found:
                    return found[0]
    return None


def _event_id(doc_id: str, offset: int, etype: str, source: str, target: str) -> str:
    raw = f"{doc_id}|{offset}|{etype}|{source}|{target}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


#: Prepositions whose object is aimed at, not part of, the phrase they modify: the
#: subject "a declaration of war against Hamas" does not make Hamas the one who acts.
AIMED_PREPS = frozenset({"against", "on", "to", "toward", "towards", "into", "at", "for"})


def _actors_under(token: Token, token_actor: dict[int, str], limit: int = 3,
                  skip_aimed: bool = False) -> list[str]:
    """Actors in the subtree of ``token``, nearest (shallowest) first; coordinated
    actors at the same depth all come back. With ``skip_aimed``, phrases after
    against/on/to... attached to ``token`` itself are left out."""
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
                if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "parataxis"):
                    continue
                if skip_aimed and tok == token and child.dep_ == "prep" and child.lower_ in AIMED_PREPS:
                    continue
                if child.dep_ == "appos" and abs(child.i - tok.i) > 8:
                    continue  # a far apposition is a parse slip more often than not
                nxt.append(child)
        out.extend(level)
        frontier = nxt
        depth += 1
    return out


def _subject_token(head: Token) -> tuple[Token | None, bool]:
    """The subject governing ``head`` (climbing through xcomp/conj/...) and whether the
    clause is passive."""
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
        accused = _accused_of(tok)
        if accused is not None:
            return accused, passive
        if tok.dep_ in ("relcl", "acl") and tok.head != tok:
            return tok.head, tok.dep_ == "acl" and tok.tag_ == "VBN"
        if tok.dep_ in CLIMB_DEPS | {"dobj", "pobj", "nsubj", "appos", "compound", "amod", "npadvmod"} \
                and tok.head != tok:
            if tok.dep_ in ("nsubj",):
                return None, False
            if tok.dep_ == "pobj" and tok.head.lower_ in SCENE_PREPS:
                return None, False  # "Following the 2004 ceasefire, X broke away": a backdrop
            tok = tok.head
            steps += 1
            continue
        break
    return None, False


def _accused_of(tok: Token) -> Token | None:
    """For the act of an accusation ("Saudi Arabia accuses Iran of smuggling missiles",
    "Iran is accused of smuggling", "X blamed Y for bombing"), the one accused: the doer
    of the act, not the accuser."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "with"):
        return None
    verb = prep.head
    if verb.lemma_ not in ACCUSING_VERBS:
        return None
    wanted = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in verb.children) else ("dobj",)
    return next((c for c in verb.children if c.dep_ in wanted), None)


def _roles(doc: Doc, head: Token, start: int, end: int, token_actor: dict[int, str]) -> Roles:
    subject_tok, passive = _subject_token(head)
    subject = _actors_under(subject_tok, token_actor, skip_aimed=True) if subject_tok is not None else []
    objects: list[str] = []
    direct_objects: list[str] = []
    both: list[str] = []
    preps: dict[str, list[str]] = defaultdict(list)
    agent: list[str] = []
    possessor: list[str] = []
    span_tokens = list(doc[start:end]) + ([head] if not start <= head.i < end else [])
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
                objects += _actors_under(child, token_actor)
                direct_objects += _direct_actors(child, token_actor)
            elif child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        preps[child.lower_] += _actors_under(pobj, token_actor)
                        if any(t.lower_ == "both" for t in pobj.subtree):
                            both += _actors_under(pobj, token_actor)
            elif child.dep_ == "agent":
                for pobj in child.children:
                    agent += _actors_under(pobj, token_actor)
            elif child.dep_ in ("poss", "compound", "nmod", "amod") and tok.pos_ in ("NOUN", "PROPN"):
                possessor += _actors_under(child, token_actor, limit=1)
    appos_head: list[str] = []
    if head.dep_ == "appos":
        appos_head = [token_actor[head.head.i]] if head.head.i in token_actor else \
            _actors_under(head.head, token_actor, limit=0)
    elif head.dep_ == "attr" and subject_tok is not None:
        appos_head = subject
    if subject_tok is not None and subject_tok.i in token_actor and not subject:
        subject = [token_actor[subject_tok.i]]
    return Roles(subject, objects, dict(preps), agent, passive, possessor, appos_head,
                 list(dict.fromkeys(direct_objects)), head.pos_ in ("NOUN", "PROPN"),
                 list(dict.fromkeys(both)))


def _direct_actors(token: Token, token_actor: dict[int, str]) -> list[str]:
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


def _first(*groups: Sequence[str], exclude: Sequence[str] = ()) -> str | None:
    for group in groups:
        for actor in group:
            if actor not in exclude:
                return actor
    return None


def _frame_pair(frame: str, r: Roles, cooperative: bool = False,
                conflict: bool = False) -> tuple[str, str] | None:
    preps = r.preps
    prep_targets = [preps.get(p, []) for p in TARGET_PREPS if p not in ("from", "by", "of")]
    if frame == "mutual":
        return _mutual_pair(r, cooperative)
    if frame == "receiver":
        target = _first(r.subject, r.possessor)
        # "received training from X", "... by X", "... in X's camps"
        source = _first(preps.get("from", []), r.agent, preps.get("in", []),
                        exclude=[target] if target else [])
        if target and source:
            return source, target
        return None
    if frame == "joiner":
        source = _first(r.subject, r.possessor, r.appos_head)
        target = _first(preps.get("to", []), preps.get("into", []), preps.get("with", []),
                        preps.get("from", []), r.objects, preps.get("of", []),
                        exclude=[source] if source else [])
        if source and target:
            return source, target
        return None
    if frame == "formed_from":
        parent = _first(preps.get("of", []), preps.get("from", []), r.agent, r.possessor,
                        preps.get("by", []))
        child = _first(r.appos_head, r.subject, r.objects, exclude=[parent] if parent else [])
        if parent and child:
            return child, parent
        return None
    # agent frame
    if r.nominal and preps.get("by"):
        # "reprisals on IS positions by the Badr Organization": the noun's agent
        source = _first(preps["by"], r.possessor)
        target = _first(r.objects, *prep_targets, preps.get("of", []), exclude=[source] if source else [])
        if source and target:
            return source, target
    if r.passive:
        # "... were trained by X"; for help given, "... were trained in X's camps"
        source = _first(r.agent, preps.get("by", []), preps.get("in", []) if cooperative else [])
        target = _first(r.subject, *prep_targets, exclude=[source] if source else [])
    else:
        source = _first(r.subject, r.possessor)
        target = _first(r.objects, *prep_targets, preps.get("by", []),
                        exclude=[source] if source else [])
        if target is None and conflict:
            target = _first(preps.get("from", []), exclude=[source] if source else [])  # "seized Gao from X"
        if source is None and target is not None:
            source = _first(r.possessor, preps.get("from", []), preps.get("of", []),
                            exclude=[target])
    if source and target:
        return source, target
    return None


PARTNER_PREPS = ("with", "alongside", "beside", "between", "among", "into")


def _mutual_pair(r: Roles, cooperative: bool) -> tuple[str, str] | None:
    """Two sides of a mutual interaction: the subject and its partner ("X allied with
    Y"), or two coordinated subjects ("X and Y clashed"). For cooperation the noun after
    "against" is the common enemy, never the partner ("X and Y coordinated attacks
    against Z"), and an object counts only when it is itself an actor."""
    preps = r.preps
    pool = list(dict.fromkeys(r.subject + r.possessor))
    a = _first(r.subject, r.possessor, r.agent)
    exclude = pool or ([a] if a else [])
    partner = _first(*[preps.get(p, []) for p in PARTNER_PREPS], exclude=exclude)
    if not cooperative and partner is None:
        partner = _first(preps.get("against", []), exclude=exclude)
    if a and partner:
        return a, partner
    partner = _first(r.direct_objects, exclude=exclude)  # "X fought Y"
    if a and partner:
        return a, partner
    if len(pool) >= 2:
        return pool[0], pool[1]
    between = preps.get("between", []) + preps.get("among", [])
    if len(set(between)) >= 2:
        return between[0], between[1]
    if a is None and len(r.both) >= 2:  # "commanders served in both X and Y"
        return r.both[0], r.both[1]
    others = [preps.get(p, []) for p in TARGET_PREPS
              if p not in PARTNER_PREPS and not (cooperative and p == "against")]
    partner = _first(*others, preps.get("of", []), *([] if cooperative else [r.objects]),
                     exclude=exclude)
    if a and partner:
        return a, partner
    return None


def _linear_pair(frame: str, doc: Doc, start: int, end: int, token_actor: dict[int, str],
                 roles: Roles) -> tuple[str, str, bool] | None:
    """Nearest actors on either side of the trigger (or the two nearest on one side).

    When the parse found only the target ("a declaration of war against Hamas helps
    Wilayat Sinai"), the source is the nearest other actor of the sentence."""
    before = [token_actor[i] for i in range(start - 1, -1, -1) if i in token_actor]
    after = [token_actor[i] for i in range(end, len(doc)) if i in token_actor]
    known = _first(roles.subject, roles.possessor, roles.appos_head)
    aimed = _first(roles.objects, *[roles.preps.get(p, []) for p in ("against", "on", "to", "at")])
    if known is None and aimed is not None and frame == "agent":
        nearest = sorted((abs(i - start), a) for i, a in token_actor.items()
                         if a != aimed and not start <= i < end)
        return (nearest[0][1], aimed, False) if nearest else None
    left = known or (before[0] if before else None)
    right = next((a for a in after if a != left), None)
    if right is None:
        right = next((a for a in before if a != left), None)
        if right is not None and left is not None:
            left, right = right, left
    if left is None or right is None or left == right:
        return None
    if frame == "receiver" or (roles.passive and known is not None and left == known):
        # "X's leadership was killed in a bombing ... blamed on Y": the passive subject
        # suffered the act
        return right, left, False
    return left, right, False


def events_to_dicts(events: Sequence[Event]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in events]
