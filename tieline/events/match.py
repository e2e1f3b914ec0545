"""Where the trigger lexicon matches a parsed sentence: :class:`TriggerMatch` values.

The patterns of ``triggers.yaml`` are matched over lemmas with spaCy's Matcher. A
sentence lacking a lemma that a pattern requires cannot match it, so only the patterns
the sentence could match are tried (matchers for each such choice are cached). Of the
matches, the longest win; a match whose head lies inside a longer one, or that shares
its head with another, is dropped, except several things given on one verb ("provided
weapons and training to X": two events).

Example:
    >>> finder = TriggerFinder(load_nlp(), load_triggers(), load_ontology())  # doctest: +SKIP
    >>> [m.trigger.type for m in finder.find(nlp("Hamas trained the fighters."))]  # doctest: +SKIP
    ['training']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .lexicon import Trigger, TriggerLexicon
from .ontology import Ontology
from .tokens import tokens

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MATCHER_CACHE = 2048  # distinct pattern choices kept compiled


@dataclass(frozen=True)
class TriggerMatch:
    """One trigger found in a parsed sentence: the pattern, its token span and its head
    (the token whose dependents hold the roles)."""

    trigger: Trigger
    start: int
    end: int
    head: Token

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def frame(self) -> str:
        return self.trigger.frame

    @property
    def length(self) -> int:
        return self.end - self.start

    def covers(self, i: int) -> bool:
        """Whether token ``i`` lies inside the matched span."""
        return self.start <= i < self.end

    def tokens(self) -> list[Token]:
        """The matched tokens, and the head where it lies outside them."""
        doc = self.head.doc
        span = list(doc[self.start:self.end])
        return span + ([self.head] if not self.covers(self.head.i) else [])

    def text(self, sentence_text: str | None = None) -> str:
        """The words the match covers, cut from ``sentence_text`` (the sentence as
        written, where the parsed text masks some words) or else from the parse."""
        doc = self.head.doc
        first, last = doc[self.start], doc[self.end - 1]
        source = doc.text if sentence_text is None else sentence_text
        return source[first.idx:last.idx + len(last)]


#: Prepositions through which a verb's adjunct hangs: a noun reached through them is no
#: part of what the verb does ("ended their war with a pact": the pact is not ended).
ADJUNCT_PREPS = frozenset({"with", "in", "by", "after", "before", "during", "from", "since",
                           "amid", "despite", "following", "under", "at"})


def _attached(match: TriggerMatch) -> bool:
    """Whether the last word of a verb's pattern ("ended ... pact") hangs from the verb
    as what it acts on, not through an adjunct: a pattern is read over words in order,
    and the parse says whether they belong together."""
    head = match.head
    doc = head.doc
    last = doc[match.end - 1]
    if head.pos_ != "VERB" or last.i <= head.i or last.pos_ not in ("NOUN", "PROPN"):
        return True
    if last.is_ancestor(head):
        return True  # "the unraveling ties": the participle qualifies the noun
    tok = last
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return False  # not under the verb at all
        if tok.dep_ == "prep" and tok.lower_ in ADJUNCT_PREPS and tok.head.i == head.i:
            return False
        tok = tok.head
    return True


def is_given(trigger: Trigger, ontology: Ontology) -> bool:
    """Whether a trigger names something one actor gives another (weapons, money,
    training...): several of those can hang on one verb."""
    etype = ontology.types[trigger.type]
    return etype.polarity == "cooperation" and etype.directed


class TriggerFinder:
    """The trigger lexicon compiled for spaCy, and the rules that choose among matches."""

    def __init__(self, nlp: Language, triggers: TriggerLexicon, ontology: Ontology):
        self.nlp = nlp
        self.triggers = triggers
        self.ontology = ontology
        self._heads: dict[str, int] = {}
        # Each pattern with the lemma sets its required tokens draw from: a sentence
        # lacking a lemma of any of them cannot match it, so it is not tried there.
        self._patterns: list[tuple[str, list[Any], list[frozenset[str]]]] = []
        for key, trig in triggers.triggers.items():
            for n, (head, spec) in enumerate(trig.specs):
                name = f"{key}~{n}"
                required = [frozenset(t["LEMMA"]["IN"]) for t in spec
                            if "LEMMA" in t and t.get("OP") in (None, "1", "+")]
                self._patterns.append((name, list(spec), required))
                self._heads[name] = head
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
            if len(self._matchers) > MATCHER_CACHE:
                self._matchers.clear()
            matcher = Matcher(self.nlp.vocab)
            for i in chosen:
                name, spec, _ = self._patterns[i]
                matcher.add(name, [spec])
            self._matchers[chosen] = matcher
        return self._matchers[chosen]

    def first_of_type(self, type_id: str) -> Trigger | None:
        """The first trigger of a type: what an inferred event of that type cites."""
        return next((t for t in self.triggers.triggers.values() if t.type == type_id), None)

    def find(self, doc: Doc) -> list[TriggerMatch]:
        """Trigger matches in text order, longest first among overlapping ones, none
        whose head lies inside a longer one."""
        lemmas = {t.lemma_.lower() for t in tokens(doc)}
        possible = {i for lemma in lemmas for i in self._by_first_lemma.get(lemma, ())}
        chosen = tuple(i for i in sorted(possible | self._unanchored)
                       if all(not r.isdisjoint(lemmas) for r in self._patterns[i][2]))
        if not chosen:
            return []
        found: list[TriggerMatch] = []
        for match_id, start, end, align in self._matcher_for(chosen)(doc, with_alignments=True):
            name = self.nlp.vocab.strings[match_id]
            head_i = start + next((i for i, pos in enumerate(align) if pos == self._heads[name]), 0)
            trig = self.triggers.triggers[name.split("~")[0]]
            found.append(TriggerMatch(trig, start, end, doc[head_i]))
        found = [m for m in found if _attached(m)]
        found.sort(key=lambda m: (-m.length, m.start))
        accepted: list[TriggerMatch] = []
        for match in found:
            # "provided weapons and training to X": one verb, two things given, two
            # events; otherwise a trigger inside a longer one, or on the same head, is
            # dropped
            shared = [m for m in accepted if m.head.i == match.head.i]
            if shared and is_given(match.trigger, self.ontology) and all(
                    is_given(m.trigger, self.ontology) and m.type != match.type and m.end != match.end
                    for m in shared):
                accepted.append(match)
                continue
            if any(m.covers(match.head.i) and m.length > match.length for m in accepted):
                continue
            if shared:
                continue
            accepted.append(match)
        accepted.sort(key=lambda m: m.start)
        return accepted
