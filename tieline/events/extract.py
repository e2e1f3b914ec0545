"""Interaction events from sentences that hold two actors.

The cheap stages run first: only a sentence with two different actors and a trigger
cue (a regular expression over the raw text) is parsed with spaCy. In a parsed
sentence, the trigger lexicon's patterns are matched over lemmas
(:mod:`~tieline.events.match`); for each trigger the roles are read from the dependency
parse (:mod:`~tieline.events.roles`), and the trigger's frame
(:mod:`~tieline.events.frames`) says which role is the source and which the target.
Both actors of an event are arguments of its trigger: where the parse gives only one,
the sentence states no event between two actors. Modality and negation (:mod:`~tieline.events.modality`),
the date (:mod:`tieline.time`) and the confidence (:mod:`~tieline.events.confidence`)
complete each event.

Example:
    >>> extractor = EventExtractor(load_nlp())
    >>> # extractor.extract(document, sentences, mentions, dates) -> list[Event]
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Document, Event, Evidence, Mention, Sentence
from ..time import DocumentDates
from .actor_facts import ActorFacts
from .clauses import backdrop, tense
from .confidence import event_confidence
from .coordination import conjunct_actors, formed_actors
from .frames import FoundPair, expand, frame_pair, modifier_pair
from .grammar import load_grammar
from .lexicon import HedgeLexicon, TriggerLexicon, load_hedges, load_triggers
from .match import TriggerFinder, TriggerMatch, is_given
from .modality import MODALITY_RANK, ModalityReader
from .mood import MoodReader, load_mood
from .nlp import load_nlp
from .noun_phrases import noun_phrase_cue, phrase_relations, phrase_trigger
from .ontology import Ontology, load_ontology
from .parser_text import parse_texts
from .pronouns import bound_pronouns
from .releases import ReleaseMemory, note_releases, release_of, tie_members
from .tokens import text, tokens
from .roles import (
    TokenActors, actors_under, blamed_doer, collaborator_side, coordinated_pair, first, governing_subject,
    read_roles, received, reciprocal, subject_tokens,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["EventExtractor", "events_to_dicts", "load_nlp", "parse_texts"]

#: Bases of events whose two sides the parse gave (see :class:`~tieline.model.Event`).
PARSED_BASES = frozenset({"parse", "noun_phrase", "common_enemy"})
#: Kinds of actor that are a state or its organs.
STATE_KINDS = frozenset({"state", "state_force"})
#: Acts against a person that, done for helping an actor, are acts against that actor.
PUNISHING_TYPES = frozenset({"assassination_execution", "crackdown"})
PARSE_BATCH = 128  # sentences per spaCy batch: measured fastest on one core (bench/)


@dataclass
class SentenceContext:
    """One parsed candidate sentence and what is known of it while its events are read.

    ``token_actor`` maps each token naming an actor to the actor's id; ``named_only``
    leaves out the places that stand for their holder (used for violence, which is
    never done to a place's holder by naming the place); ``seen`` holds the events
    already stated, by type and pair.
    """

    document: Document
    sentence: Sentence
    group: list[Mention]
    doc: Doc
    dates: DocumentDates
    token_actor: TokenActors
    named_only: TokenActors
    facts: ActorFacts = field(default_factory=ActorFacts)
    releases: ReleaseMemory = field(default_factory=ReleaseMemory)
    seen: set[tuple[str, str, str]] = field(default_factory=set)

    def mention_of(self, actor: str) -> str:
        """The text of the sentence's first mention of ``actor`` (or of the first token
        standing for it: a pronoun, a person acting for it)."""
        named = next((m.text for m in self.group if m.actor_id == actor), None)
        if named is not None:
            return named
        return next((self.doc[i].text for i, a in sorted(self.token_actor.items()) if a == actor), "")


class EventExtractor:
    """Finds events in a document whose sentences and mentions are known."""

    def __init__(self, nlp: Language, triggers: TriggerLexicon | None = None,
                 hedges: HedgeLexicon | None = None, ontology: Ontology | None = None):
        self.nlp = nlp
        self.triggers = triggers or load_triggers()
        self.hedges = hedges or load_hedges()
        self.ontology = ontology or load_ontology()
        self.finder = TriggerFinder(nlp, self.triggers, self.ontology)
        self.modality = ModalityReader(self.hedges)
        self.mood = MoodReader(load_mood(), self.ontology, self.finder.first_of_type)

    # -- the cheap stages -------------------------------------------------------------
    def candidate_sentences(self, sentences: Sequence[Sentence],
                            mentions: Sequence[Mention]) -> list[tuple[Sentence, list[Mention]]]:
        """Sentences with two different actors and a trigger cue: the only ones parsed."""
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_sentence[m.sentence].append(m)
        out = []
        release = load_grammar().release_pattern
        for index, group in sorted(by_sentence.items()):
            sentence = sentences[index]
            if len({m.actor_id for m in group}) < 2:
                # "... executed Y in a video released by X": who acts for X later on
                if release.search(sentence.text):
                    out.append((sentence, group))
                continue
            if self.triggers.cue_pattern.search(sentence.text) or noun_phrase_cue(sentence.text, group):
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
                  docs: Sequence[Doc], dates: DocumentDates,
                  facts: ActorFacts | None = None) -> list[Event]:
        """The events of the candidate sentences of one document, given their parses
        (and, when given, what the knowledge base says of its actors)."""
        events: list[Event] = []
        releases = ReleaseMemory()
        for (sentence, group), doc in zip(candidates, docs, strict=True):
            ctx = self._context(document, sentence, group, doc, dates, facts or ActorFacts(), releases)
            if ctx is not None:
                events.extend(self._sentence_events(ctx))
        return events

    # -- one sentence -----------------------------------------------------------------
    def _context(self, document: Document, sentence: Sentence, group: list[Mention],
                 doc: Doc, dates: DocumentDates, facts: ActorFacts,
                 releases: ReleaseMemory) -> SentenceContext | None:
        """The sentence's tokens mapped to actors, or None when fewer than two actors
        can take part in an event, or the sentence asks rather than states."""
        if _asks(sentence.text):
            return None  # "What do we know of the war between X and Y?"
        token_actor: TokenActors = {}
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
        attribution = load_grammar().trailing_attribution.search(text(doc))
        if attribution:
            # "..., the Israeli military alleged": who speaks takes no part in the events
            token_actor = {i: a for i, a in token_actor.items() if doc[i].idx < attribution.start()}
        for i in _opening_source(doc):
            token_actor.pop(i, None)  # "According to Indonesian police, ...": the same
        note_releases(doc, token_actor, releases, sentence.paragraph)
        token_actor.update(tie_members(doc, token_actor, releases, sentence.paragraph))
        if len(set(token_actor.values())) < 2:
            return None
        token_actor.update(bound_pronouns(doc, token_actor))
        # A place stands for its holder only where support is given or received there.
        named_only = {i: a for i, a in token_actor.items() if i not in territorial}
        return SentenceContext(document, sentence, group, doc, dates, token_actor, named_only,
                               facts, releases)

    def _sentence_events(self, ctx: SentenceContext) -> list[Event]:
        doc = ctx.doc
        events: list[Event] = []
        for match in self.finder.find(doc):
            head = match.head
            if head.i in ctx.token_actor:
                continue  # "ISIS's Sinai affiliate" names an actor; it states no event
            if head.dep_ == "compound" and is_given(match.trigger, self.ontology):
                continue  # "training camps", "funding networks" name things, not acts
            if backdrop(head, ctx.token_actor):
                continue  # "praised Hamas for its resistance during the 2014 war"
            cooperative = self.ontology.types[match.type].polarity == "cooperation"
            roles_map = ctx.token_actor if cooperative else ctx.named_only
            pair = self._pair(match, roles_map)
            if pair is None:
                # "X, including Y, seized the air base": no actor was acted on, but the
                # actors who did it together are still allies in it
                subject = read_roles(match, roles_map).subject
                if subject:
                    mates = [subject[0], *conjunct_actors(doc, subject[0], roles_map)]
                    events += self._co_agents(ctx, match,
                                              [(a, "", "parse") for a in dict.fromkeys(mates)])
                continue
            pair, voiced = self._in_release(ctx, match, pair, roles_map)
            expanded = expand(pair, doc, match, roles_map, cooperative)
            for source, target, basis in expanded:
                event = self._event(ctx, match, source, target, basis,
                                    voiced if source == pair[0] else None)
                if event is not None:
                    events.append(event)
            events += self._co_agents(ctx, match, expanded)
            events += self._common_enemy_events(ctx, match, expanded)
        events += self._noun_phrase_events(ctx)
        return events

    def _noun_phrase_events(self, ctx: SentenceContext) -> list[Event]:
        """Units and members a noun phrase names without a trigger word ("X's Y", "the
        Y Battalion of X", "Y, the armed wing of X", "X includes Y and Z"): see
        :mod:`~tieline.events.noun_phrases`."""
        out = []
        for rel in phrase_relations(ctx.doc, ctx.named_only, ctx.facts):
            match = TriggerMatch(phrase_trigger(rel.how), rel.start, rel.end, ctx.doc[rel.head])
            event = self._event(ctx, match, rel.source, rel.target, "noun_phrase")
            if event is not None:
                out.append(event)
        return out

    def _in_release(self, ctx: SentenceContext, match: TriggerMatch, pair: FoundPair,
                    token_actor: TokenActors) -> tuple[FoundPair, str | None]:
        """An act placed in a group's release and done in the name of the brand it
        belongs to ("In the same video, the Islamic State included a call ...", in a
        video Wilayat Sinai released) is the releasing group's; the words that named
        the brand are kept as the event's source mention."""
        issuer = release_of(match.head, token_actor, ctx.releases, ctx.sentence.paragraph)
        source, target, basis = pair
        if issuer is not None and issuer != target and ctx.facts.belongs_to(issuer, source):
            return (issuer, target, basis), ctx.mention_of(source)
        return pair, None

    def _event(self, ctx: SentenceContext, match: TriggerMatch, source: str, target: str,
               basis: str, source_words: str | None = None) -> Event | None:
        """One event, unless the sentence does not say it happened (:mod:`~tieline.events.mood`)
        or the same type and pair is already stated in the sentence."""
        asserted = self.mood.asserted(match, source, target, ctx.token_actor)
        if asserted is None:
            return None  # a condition, a plan, a kind of group: nothing said to have happened
        match = asserted  # "threatened to attack Y": the threat; "agreed to merge": the agreement
        trig, head = match.trigger, match.head
        if trig.type == "split" and ctx.facts.kind(target) in STATE_KINDS:
            # "the Fatemiyoun were established by the IRGC": no group splits from a
            # state; a state that sets up a force sponsors it
            sponsored = self.finder.first_of_type("affiliation")
            if sponsored is not None:
                trig, match = sponsored, TriggerMatch(sponsored, match.start, match.end, head)
                source, target = target, source
        etype = self.ontology.types[trig.type]
        # A mutual interaction keeps the order the sentence gives (its subject first),
        # but is stated once whichever way round it is found.
        key = (trig.type, source, target) if etype.directed else \
            (trig.type, min(source, target), max(source, target))
        if key in ctx.seen:
            return None
        ctx.seen.add(key)
        sentence, doc = ctx.sentence, ctx.doc
        modality = self.modality.modality(head, sentence.text, (source, target), ctx.token_actor)
        if source in blamed_doer(head, ctx.token_actor) and \
                MODALITY_RANK[modality] > MODALITY_RANK["alleged"]:
            modality = "alleged"  # "a bombing which many blamed on X": X is accused of it
        negated = self.modality.negated(head, (source, target), ctx.token_actor)
        offset = sentence.start + doc[match.start].idx
        date = ctx.dates.for_sentence(sentence.index, near=offset, tense=tense(head), head=head)
        single_members = load_grammar().single_members
        confidence = event_confidence(
            from_parse=basis in PARSED_BASES, dated_in_sentence=date.basis == "sentence", modality=modality,
            through_territory=any(all(m.how == "territory" for m in ctx.group if m.actor_id == side)
                                  for side in (source, target)),
            single_member=any(m.actor_id == source and m.wing in single_members for m in ctx.group)
            and not any(m.actor_id == source and m.wing not in single_members for m in ctx.group))
        return Event(
            id=_event_id(ctx.document.id, sentence.start, trig.type, source, target),
            source=source, target=target, type=trig.type, polarity=etype.polarity,
            date=date, modality=modality, negated=negated, confidence=confidence,
            evidence=Evidence(sentence.text, sentence.start, sentence.end, match.text(sentence.text)),
            crosswalk=self.ontology.crosswalk(trig.type), directed=etype.directed,
            source_mention=source_words or ctx.mention_of(source),
            target_mention=ctx.mention_of(target),
            basis=basis,
        )

    # -- roles ----------------------------------------------------------------------
    def _pair(self, match: TriggerMatch, token_actor: TokenActors) -> FoundPair | None:
        """The two sides of the trigger, and whether the parse gave both."""
        trig, head = match.trigger, match.head
        doc = head.doc
        roles = read_roles(match, token_actor)
        if reciprocal(head):
            # "they condemned each other": the two coordinated actors of the sentence
            pair = coordinated_pair(doc, token_actor, roles)
            if pair is not None:
                return pair[0], pair[1], "parse"
        modified = modifier_pair(trig.frame, head, token_actor)
        if modified is not None:
            # "the Iran-backed Houthis and Saleh loyalists": backed are the Houthis only
            return modified[0], modified[1], "noun_phrase"
        if trig.frame == "severed_ties":
            # "(X argued that) ties with Y should be cut": X the subject of a governing
            # clause, Y the partner of the ties.
            subject_toks, _ = subject_tokens(head)
            ties = [a for tok in subject_toks for a in actors_under(tok, token_actor)]
            partner = first(ties if roles.passive else roles.objects, roles.objects)
            source = governing_subject(head, token_actor, exclude=[partner] if partner else [])
            if partner and source:
                return source, partner, "parse"
            return None
        if trig.type == "split":
            # "Members of X split from X and formed Y": the group formed is the splinter.
            formed = formed_actors(head, token_actor)
            parent = first(roles.preps.get("from", []), roles.subject, roles.possessor,
                           exclude=formed)
            if formed and parent:
                return formed[0], parent, "parse"
        etype = self.ontology.types[trig.type]
        cooperative = etype.polarity == "cooperation"
        frame = trig.frame
        if frame == "agent" and received(head):
            frame = "receiver"  # "X received weapons, training and financial support from Y"
        elif frame == "agent" and not etype.directed:
            frame = "mutual"  # "the FARC and the ELN shared intelligence"
        conflict = etype.polarity == "conflict"
        pair = frame_pair(frame, roles, cooperative, conflict, trig.referent)
        if pair is not None and pair[0] != pair[1]:
            return pair[0], pair[1], "parse"
        if trig.type == "merger" and roles.subject:
            # "X merged (with unnamed others) to form Z": X merged into Z
            formed = formed_actors(head, token_actor)
            if formed and formed[0] != roles.subject[0]:
                return roles.subject[0], formed[0], "parse"
        if trig.type in PUNISHING_TYPES and roles.subject:
            # "X shot V amid accusations that V had smuggled weapons to W": against W
            helped = collaborator_side(head, token_actor, exclude=roles.subject)
            if helped is not None:
                return roles.subject[0], helped, "parse"
        # Both sides must be arguments of the trigger: two names and a cue word in one
        # sentence state nothing between them.
        return None

    def _co_agents(self, ctx: SentenceContext, match: TriggerMatch,
                   expanded: list[FoundPair]) -> list[Event]:
        """"X and Y attacked Z", "X, including Y, seized the base": actors who carry out
        one act against a third party together act jointly (an inferred joint operation,
        at lower confidence)."""
        etype = self.ontology.types[match.type]
        if etype.level != "violent_rivalry" or not etype.directed:
            return []  # fighting side by side, not denouncing or breaking ties together
        agents = list(dict.fromkeys(s for s, _, basis in expanded if basis == "parse"))
        targets = {t for _, t, _ in expanded if t}
        joint = self.finder.first_of_type("joint_operation")
        if joint is None or len(agents) < 2 or targets & set(agents):
            return []
        inferred = TriggerMatch(joint, match.start, match.end, match.head)
        out = []
        for i, a in enumerate(agents):
            for b in agents[i + 1:]:
                event = self._event(ctx, inferred, a, b, "co_agents")
                if event is not None:
                    out.append(event)
        return out

    def _common_enemy_events(self, ctx: SentenceContext, match: TriggerMatch,
                             expanded: list[FoundPair]) -> list[Event]:
        """For "X fought alongside Y against Z": the clashes of the allies with Z, the
        enemy they fought together."""
        if match.type != "joint_operation" or match.head.lemma_ not in load_grammar().fighting_verbs:
            return []
        against = [t for t in match.head.subtree if t.dep_ == "prep" and t.lower_ == "against"]
        enemy = first(*[actors_under(t, ctx.named_only) for t in against])
        clash = self.finder.first_of_type("armed_clash")
        if enemy is None or clash is None:
            return []
        inferred = TriggerMatch(clash, match.start, match.end, match.head)
        sides = list(dict.fromkeys(a for s, t, _ in expanded for a in (s, t)))
        enemies = [enemy, *conjunct_actors(ctx.doc, enemy, ctx.named_only)]
        out = []
        for side in sides:
            for foe in enemies:
                if side == foe or foe in sides:
                    continue
                event = self._event(ctx, inferred, side, foe, "common_enemy")
                if event is not None:
                    out.append(event)
        return out


def _opening_source(doc: Doc) -> list[int]:
    """The tokens of a source the sentence opens by citing ("According to Indonesian
    police, ...", "According to X's statement, ..."): the one who reports takes no part
    in what it reports."""
    if len(doc) < 3 or doc[0].lower_ != "according" or doc[1].lower_ != "to":
        return []
    comma = next((t.i for t in tokens(doc) if t.text == ","), None)
    return list(range(2, comma)) if comma is not None else []


def _asks(text: str) -> bool:
    """Whether a sentence is a question (it ends with a question mark, before any
    closing quotes or brackets)."""
    return text.rstrip().rstrip("\"'”’)]").endswith("?")


def _event_id(doc_id: str, offset: int, etype: str, source: str, target: str) -> str:
    raw = f"{doc_id}|{offset}|{etype}|{source}|{target}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def events_to_dicts(events: Sequence[Event]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in events]

