"""Reference across sentences: "it", "they", "the group", "the council", "the two
movements" bound to the group the text means.

The document is read sentence by sentence, the way a reader keeps track of what it is
about (:func:`reference_mentions`):

- A sentence's *subject* is what its opening noun phrase names (after fronted phrases
  and words such as "But"): an actor named as such ("Hamas fired ...", "In May, the
  group ..."), an actor as the owner of what is named ("The ideology of Hamas ...",
  "Members of the battalion ...", "Its fighters ...", "ABM's leadership ..."), several
  actors ("MUJAO and the Brigade allied ..."), a person (a leader named for his
  group), an unnamed group ("The Tupac Amaru guerrillas ...", "Another group of
  militants ...", or a reference left unbound: "They called ..."), some other thing
  ("The accord ..."), or nothing (a quotation, "There ...").
- The paragraph's *topic* is its latest subject naming an actor; before one, the one
  actor its first sentences name. A person or a thing as subject leaves the topic as it
  is; several actors leave none, an unnamed group makes it unknown. A new paragraph keeps the
  previous one's topic (if a subject made it so) only through its first sentence's
  subject ("It ...", "The group ..."); after a headline, only a description does ("The
  group ..."), never a pronoun. A heading that is one group's name ("Mahdi Army",
  "Islamic International Brigade:") makes that group its *section*'s, which a
  description falls back on when nothing nearer fits.
- A reference is bound only to an actor that fits it: "it"/"its" one group;
  "they"/"their"/"them" a group named as plural ("the Taliban", "Hezbollah fighters");
  "the group", "the organisation", "the militants" a group, never a state, its other
  words fitting the group ("the Palestinian group"); "the council", "the coalition" a
  group whose name has that head, or that the text called so ("the Hizbul Islam
  coalition"); "the new group" the one group the last sentences said was formed; "the
  two groups", "both movements" exactly two groups, the last two named when the
  sentence that completes the pair names no third. A state may be "it" only as the
  subject of the sentence before. A person is never a referent, nor a name that only
  modifies another word ("ISIS-linked"), nor many groups for "it" ("rebel groups"). A
  group brought in without a name ("A faction of X ...") is what "the faction" means
  for three sentences.
- Within its sentence: a pronoun after an actor is left to the sentence's parse
  (:mod:`tieline.events.pronouns`), but a part ("its leaders", "their fighters") goes to
  the subject of its clause, else to the first group named that agrees in number; so
  is a pronoun or a bare description in a phrase set before a named subject ("Despite
  its losses, Hamas ..."), and a pronoun after a reference left unbound ("The group
  said it ..."). A description is not the subject of its own clause ("X merged into the
  alliance", "X split from Y, forming the core of the organization": Y) unless a copula
  or an apposition links them, it is a possessor ("X received funds from the group's
  core") or the subject of a clause of its own ("X made headlines when the organization
  pledged ..."); a member who speaks of "the group" speaks of his own ("an X spokesman
  said the group ..."), and a speaker after the clause (", the group said") is its
  subject. Of several fitting actors left, the owner named in the sentence's subject
  ("X's leadership ... the group's core"); otherwise it stays unbound.
- Across sentences, in order: the subject of the sentence before; the topic and the
  actors that sentence names, when exactly one of them fits; for a description, the one
  group of the document whose name has its head, the one group of this paragraph and
  the one before that its words fit, then the section's group. A subject pronoun after
  a sentence about some other thing stands for that thing ("The accord was signed in
  May. It commits ...") and stays unbound; two fitting actors at one step leave any
  reference unbound. Pronouns in quotations and the dummy "it" ("It is unclear
  whether") are no references (:mod:`.reference_phrases` finds the phrases).

Every reference bound becomes a mention (``how``: ``pronoun``; ``descriptor`` when words
of the description fit the group, else ``coreference``; ``pair_reference``, one per
group), which later sentences read like a name. The words are data
(``lexicons/references.yaml``).

Example:
    >>> [(m.text, m.actor_id) for m in reference_mentions(text, sentences, mentions, kb)]  # doctest: +SKIP
    [('It', 'hamas')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Mention, Sentence
from ..text import is_boilerplate
from .kb import KnowledgeBase
from .lexicon import ReferenceLexicon, reference_lexicon
from .reference_phrases import (
    Expression, describing_words, expressions, inside, overlaps, patterns, phrase_starts,
    quoted_spans, stem,
)

#: Kinds of actor a group reference ("it", "the group") may stand for.
GROUP_KINDS = frozenset({"armed_group", "political_org"})
#: Kinds that may be "it" as the subject of the sentence before ("Iran denied it. It ...").
SUBJECT_KINDS = GROUP_KINDS | {"state", "state_force", "other"}
#: Ways a mention is found that make it no referent: a person, a place a group holds.
NOT_REFERENTS = frozenset({"leader", "territory"})
#: The topic when the subject is a group the text does not name.
UNKNOWN = "?"
#: How many sentences before its own a pair phrase ("the two groups") looks back, and an
#: unnamed group ("a faction of X") stays what "the faction" means.
REACH = 3


@dataclass(frozen=True)
class Referent:
    """An actor as a mention presents it to later references."""

    actor: str
    kind: str
    plural: bool            # the mention is plural ("Hezbollah fighters", "the Taliban")
    plural_name: bool       # its name is ("the Taliban", "the Houthis")
    collective: bool        # it is many groups ("Syrian opposition groups")
    start: int
    end: int
    names: frozenset[str]   # the word stems of its names
    words: frozenset[str]   # its descriptors, ideology and country, lower case


@dataclass(frozen=True)
class Subject:
    """What a sentence's opening noun phrase names (see the module docstring)."""

    role: str               # actor, owner, several, person, group, thing, none
    actor: str | None = None


@dataclass
class _Facts:
    """One sentence as read: its subject and the referents it names, in order."""

    subject: Subject
    referents: list[Referent]
    heading: bool = False


def reference_mentions(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                       kb: KnowledgeBase) -> list[Mention]:
    """The mentions that pronouns, descriptions and pair phrases make, read in order."""
    lex = reference_lexicon()
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    taken = sorted((m.start, m.end) for m in mentions)
    name_starts = frozenset(m.start for m in mentions)
    quoted = quoted_spans(text, sentences)
    describing = describing_words(kb)
    reader = _Reader(text, kb, lex)
    out: list[Mention] = []
    for sentence in sentences:
        if is_boilerplate(sentence.kind):
            continue
        named = sorted(by_sentence.get(sentence.index, []), key=lambda m: m.start)
        found = [] if sentence.kind != "body" else [
            e for e in expressions(text, sentence, lex, name_starts, describing)
            if not overlaps(e.start, e.end, taken) and not inside(e.start, quoted)]
        out += reader.read(sentence, named, found)
    return out


# -- reading the document ---------------------------------------------------------------

@dataclass
class _Reader:
    """What the text is about, sentence after sentence (see the module docstring)."""

    text: str
    kb: KnowledgeBase
    lex: ReferenceLexicon
    topic: str | None = None
    carried: str | None = None          # the topic the previous paragraph ended with
    heading: bool = False               # the previous paragraph was a headline or heading
    topical: bool = False               # the topic was a sentence's subject
    section: str | None = None
    paragraph: int | None = None
    prev: _Facts | None = None          # the sentence before, in this paragraph
    paragraph_facts: list[_Facts] = field(default_factory=list)
    before_facts: list[_Facts] = field(default_factory=list)  # the previous paragraph's
    recent: list[_Facts] = field(default_factory=list)     # the last sentences read
    unnamed: list[tuple[int, int, str]] = field(default_factory=list)  # "a faction of X": sentence, where, head
    excluded: str | None = None         # an actor the reference being bound cannot be
    heads: dict[str, set[str]] = field(default_factory=dict)  # "X coalition": X is a coalition
    created: dict[str, int] = field(default_factory=dict)     # groups said to be formed: where
    latest: dict[str, Referent] = field(default_factory=dict)
    seen: list[Referent] = field(default_factory=list)

    def read(self, sentence: Sentence, named: list[Mention],
             found: list[Expression]) -> list[Mention]:
        """Bind the references of one sentence; note what it is about."""
        if sentence.paragraph != self.paragraph:
            self._new_paragraph(sentence.paragraph)
        first = self.prev is None
        mentions = list(named)
        if sentence.kind == "body":
            self.unnamed += self._unnamed_groups(sentence, named)
        out: list[Mention] = []
        unsettled = False  # a description or a subject before, left unbound: a later pronoun may be its
        unbound: list[Expression] = []
        for expr in found:
            actors = [] if unsettled and expr.form == "pronoun" else \
                self._bind(expr, sentence, mentions, first)
            unsettled = unsettled or not actors and (expr.form != "pronoun" or patterns().opening.fullmatch(
                self.text, sentence.start, expr.start) is not None)
            if not actors:
                unbound.append(expr)
            made = [Mention(expr.start, expr.end, expr.text, a, sentence.index,
                            self._how(expr), expr.wing) for a in actors]
            out += made
            mentions = sorted(mentions + made, key=lambda m: m.start)
        referents = [r for m in mentions if (r := self._referent(m)) is not None]
        subject = self._subject(sentence, mentions, unbound)
        facts = _Facts(subject, referents, sentence.kind != "body")
        self._note(sentence, facts, mentions)
        return out

    # -- state ------------------------------------------------------------------------
    def _new_paragraph(self, paragraph: int) -> None:
        # what a paragraph was about goes on only if a subject made it its topic
        self.carried = self.topic if self.topic is not None and self.topical else self.section
        self.heading = bool(self.paragraph_facts) and self.paragraph_facts[-1].heading
        self.topic, self.prev, self.paragraph = None, None, paragraph
        self.before_facts, self.paragraph_facts = self.paragraph_facts, []

    def _note(self, sentence: Sentence, facts: _Facts, mentions: list[Mention]) -> None:
        subject = facts.subject
        pats = patterns()
        for r in facts.referents:
            self.latest[r.actor] = r
            self.seen.append(r)
            if pats.created_before.search(self.text, sentence.start, r.start) or \
                    pats.created_after.match(self.text, r.end):
                self.created[r.actor] = sentence.index  # "formed a new alliance, X"
            # a group noun right after a name says what the group is ("the Hizbul Islam
            # coalition", "the Houthi militia"): "the coalition" may stand for it
            words = _HEAD_WORDS.match(self.text[r.end:r.end + 40])
            if words is None:
                continue
            first, second = words.group(1), words.group(2)
            if first not in self.lex.name_head_nouns and first in self.lex.free_modifiers:
                first = second or ""  # "the X militant coalition"
            if first in self.lex.name_head_nouns:
                self.heads.setdefault(r.actor, set()).add(stem(first))
        if sentence.kind in ("headline", "heading"):
            label = self._label(sentence, mentions, facts)
            self.section = label
            if label is not None:
                subject = Subject("actor", label)
        if subject.role in ("actor", "owner"):
            self.topic, self.topical = subject.actor, True
        elif subject.role == "group":
            self.topic, self.topical = UNKNOWN, True
        elif subject.role == "several":
            self.topic, self.topical = None, False
        elif self.topic is None and sentence.kind == "body":
            actors = {r.actor for r in facts.referents}
            if len(actors) == 1:
                # the one actor the paragraph has named, not yet as a subject
                self.topic, self.topical = actors.pop(), False
        self.prev = facts
        self.paragraph_facts.append(facts)
        self.recent = [*self.recent, facts][-REACH:]

    def _unnamed_groups(self, sentence: Sentence, named: list[Mention]) -> list[tuple[int, int, str]]:
        """Groups a sentence brings in without a name, as its subject ("An Islamist
        militia said ...") or as a part of a named one ("a faction of Hizbul Islam"):
        the sentence, where, and their head noun. A description of a named group is
        none ("Hamas, a Palestinian group", "a group known as X", "X emerged as a
        group"), nor is a number of people ("a group of commanders")."""
        pats = patterns()
        starts = {m.start for m in named}
        out = []
        for hit in pats.indefinite.finditer(self.text, sentence.start, sentence.end):
            part_of = _PART_OF.match(self.text, hit.end())
            if not (part_of is not None and part_of.end() in starts
                    or pats.opening.fullmatch(self.text, sentence.start, hit.start())):
                continue
            after = pats.apposed.match(self.text, hit.end())
            if after is not None and after.end() in starts or _NAMED_AFTER.match(self.text, hit.end()):
                continue
            if any(m.end <= hit.start() and _APPOSED_BEFORE.fullmatch(self.text, m.end, hit.start())
                   for m in named):
                continue
            if _PREDICATE_BEFORE.search(self.text, sentence.start, hit.start()):
                continue  # "built up a following as a militia", "is a group"
            later = _NAMED_LATER.match(self.text, hit.end(), sentence.end)
            if _PEOPLE_AFTER.match(self.text, hit.end()) or later is not None and later.end() in starts:
                continue
            out.append((sentence.index, hit.start(), stem(hit.group(1))))
        return out

    def _label(self, sentence: Sentence, mentions: list[Mention], facts: _Facts) -> str | None:
        """The group a heading is the name of ("Mahdi Army", "Profile: Hamas"), if any."""
        actors = {r.actor for r in facts.referents if r.kind in GROUP_KINDS}
        if len(actors) != 1:
            return None
        rest = self.text[sentence.start:sentence.end]
        for m in mentions:
            rest = rest.replace(m.text, " ")
        return actors.pop() if len(_WORD.findall(rest)) <= 2 else None

    # -- referents and subjects -------------------------------------------------------
    def _kind(self, actor: str) -> str:
        # an organisation found in the text but not in the base is a group (candidates)
        return self.kb.get(actor).kind if actor in self.kb else "armed_group"

    def _referent(self, m: Mention) -> Referent | None:
        if m.how in NOT_REFERENTS or _is_modifier(self.text, m.end):
            return None
        last = m.text.split()[-1].lower() if m.text.split() else ""
        plural_name = m.how == "pair_reference" or (last in self.lex.plural_words and m.wing is None)
        plural = plural_name or last in self.lex.plural_words or (
            m.wing is not None and stem(m.wing) != m.wing.lower()) or (
            m.how == "pronoun" and m.text.split()[0].lower() in self.lex.plural_pronouns)
        names, words = self._names(m.actor_id)
        return Referent(m.actor_id, self._kind(m.actor_id), plural, plural_name,
                        m.how == "collective", m.start, m.end, names | _stems(m.text), words)

    def _names(self, actor_id: str) -> tuple[frozenset[str], frozenset[str]]:
        def build(base: KnowledgeBase) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
            out = {}
            for a in base:
                names = frozenset(w for n in a.all_names() for w in _stems(n))
                words = {d.lower() for d in a.descriptors} | {(a.country or "").lower()}
                words |= set(_HYPHENATED_WORD.findall((a.ideology or "").lower()))
                out[a.id] = (names, frozenset(words - {""}))
            return out

        return self.kb.derived("reference_names", build).get(actor_id, (frozenset(), frozenset()))

    def _subject(self, sentence: Sentence, mentions: list[Mention],
                 unbound: Sequence[Expression] = ()) -> Subject:
        """What the sentence's opening noun phrase names; ``unbound`` are its references
        left unbound (one of them as the subject makes what it is about unknown)."""
        pats = patterns()
        for expr in unbound:
            if expr.text.split()[0].lower() not in self.lex.possessive_pronouns and \
                    pats.opening.fullmatch(self.text[sentence.start:expr.start]):
                return Subject("group")  # "They called ...": who, the text has not said
        for m in mentions:
            prefix = self.text[sentence.start:m.start]
            if pats.opening.fullmatch(prefix):
                if m.how == "leader":
                    return Subject("person")
                if self._referent(m) is None:
                    return Subject("thing")
                owner = _POSSESSIVE_NEXT.match(self.text[m.end:m.end + 3]) is not None or \
                    m.text.split()[0].lower() in self.lex.possessive_pronouns or (
                        m.wing is not None and _POSSESSIVE_INSIDE.search(m.text) is not None)
                if not owner and self._coordinated(m, mentions):
                    return Subject("several")  # "MUJAO and the Brigade allied ..."
                return Subject("owner" if owner else "actor", m.actor_id)
            if pats.owner_opening.fullmatch(prefix) and self._referent(m) is not None:
                return Subject("owner", m.actor_id)
        rest = self.text[sentence.start:sentence.end]
        for start in phrase_starts(rest, pats):
            if pats.unnamed_group.match(rest, start):
                return Subject("group")
        if any(pats.no_subject.match(rest, start) for start in phrase_starts(rest, pats)) \
                or not rest.strip():
            return Subject("none")
        return Subject("thing")

    def _coordinated(self, m: Mention, mentions: list[Mention]) -> bool:
        """Whether another actor is coordinated with ``m`` ("X and Y", "X, Y and Z")."""
        joint = _COORDINATION.match(self.text, m.end)
        if joint is None:
            return False
        article = _THE.match(self.text[joint.end():joint.end() + 5])
        starts = {joint.end(), joint.end() + (article.end() if article else 0)}
        return any(o.start in starts and o.actor_id != m.actor_id for o in mentions)

    # -- binding ----------------------------------------------------------------------
    def _how(self, expr: Expression) -> str:
        if expr.form == "pronoun":
            return "pronoun"
        if expr.form == "pair":
            return "pair_reference"
        return "descriptor" if expr.modifiers else "coreference"

    def _bind(self, expr: Expression, sentence: Sentence, mentions: list[Mention],
              first: bool) -> list[str]:
        """The actors an expression stands for (none when the text does not settle it)."""
        prefix = self.text[sentence.start:expr.start]
        pats = patterns()
        before = [m for m in mentions if m.start < expr.start]
        if expr.form == "pair":
            return self._pair(expr, before)
        if not expr.modifiers and pats.fronted.match(self.text, sentence.start) and \
                "," not in prefix and any(
                    m.start >= expr.end and pats.opening.fullmatch(self.text[sentence.start:m.start])
                    for m in mentions if m.how not in NOT_REFERENTS):
            # in a phrase set before a named subject, a pronoun or a bare description may
            # look ahead to it ("Despite its losses, Hamas ...", "After the group left
            # AQIM, the Brigade ..."): the parse's to bind
            return []
        subject_position = pats.opening.fullmatch(prefix) is not None or (
            expr.form != "pronoun" and pats.owner_opening.fullmatch(prefix) is not None)
        if not subject_position and not before and \
                self._subject(sentence, [], ()).role == "group" and not expr.modifiers:
            return []  # "A new militant group has drawn attention due to its threat ..."
        if expr.new:
            made = [a for a, index in self.created.items() if sentence.index - index <= REACH
                    and (r := self.latest.get(a)) is not None and self._fits(expr, r, False)]
            if len(made) == 1:
                return made  # "X announced its Khorasan Province ... the new group"
        if expr.form == "description" and not expr.modifiers and any(
                at < expr.start and head == stem(expr.noun) and sentence.index - index <= REACH
                for index, at, head in self.unnamed):
            return []  # "A faction of X split ... The faction ...": that faction, not X
        mine = [r for m in before if (r := self._referent(m)) is not None]
        fitting = _distinct(r.actor for r in mine if self._fits(expr, r, False))
        if before and expr.form == "pronoun":
            # within its sentence a pronoun is the parse's to bind; a part ("its
            # leaders", "their fighters", whatever the number) goes to the first group
            # the sentence names, outside a relative clause closed before it
            if expr.wing is None:
                return []
            local = self._clause_subject(sentence, before, expr.start)
            if local is not None and (r := self._referent(local)) is not None \
                    and r.kind in GROUP_KINDS and self._agrees(expr, r):
                return [local.actor_id]  # "..., and X's leadership urged its fighters"
            owners = [r for r in mine if r.kind in GROUP_KINDS and self._agrees(expr, r)
                      and not self._in_closed_relative(sentence, r, expr.start)]
            return [owners[0].actor] if owners else []
        if fitting:
            if len(fitting) == 1:
                local = self._clause_subject(sentence, before, expr.start)
                if local is None or local.actor_id != fitting[0] or not self._acts_as_group(local) \
                        or self._speaks(local, expr.start) \
                        or _LINKED.fullmatch(self.text, local.end, expr.start) \
                        or _POSSESSIVE_NEXT.match(self.text[expr.end:expr.end + 3]) \
                        or pats.clause_opener_before.search(self.text, local.end, expr.start):
                    # "X is the group ...", "X received funds from the group's core", "X
                    # made headlines when the organization pledged ..."
                    return fitting
                # "X merged into the alliance": the subject of its own clause is not
                # what the description stands for (unless "X is the group ...")
                self.excluded = local.actor_id
                try:
                    return self._across(expr, first, subject_position, prefix)
                finally:
                    self.excluded = None
            return self._among(expr, sentence, before, fitting)
        return self._across(expr, first, subject_position, prefix)

    def _among(self, expr: Expression, sentence: Sentence, before: list[Mention],
               fitting: list[str]) -> list[str]:
        """A description after several fitting actors of its sentence. The speaker set
        after a clause (", the group said") is the sentence's subject, and a member of a
        group who speaks of "the group" speaks of his own ("an al-Shabaab spokesman said
        the group had ...", "its leader has said the group ..."). Otherwise the subject
        of the description's own clause is not what it stands for ("X split from Y,
        forming the core of the organization": Y; "X fighters attacked Y and expelled the
        group": Y); of the others, the one left, or the owner named in the sentence's
        subject ("X's leadership pledged allegiance to Y, receiving funds from the
        group's core": X) when no clause with a subject of its own stands between ("...
        who appeared in the organization's videos")."""
        pats = patterns()
        subject = self._subject(sentence, before)
        if self.text[expr.start - 2:expr.start] == ", " and \
                pats.speaker.match(self.text, expr.end) is not None:
            return [subject.actor] if subject.actor in fitting else []
        local = self._clause_subject(sentence, before, expr.start)
        if local is not None and local.actor_id in fitting and self._speaks(local, expr.start):
            return [local.actor_id]
        excluded = local.actor_id if local is not None and self._acts_as_group(local) else None
        left = [a for a in fitting if a != excluded]
        if len(left) == 1:
            return left
        if subject.role == "owner" and subject.actor in left:
            start = next(m.end for m in before if m.actor_id == subject.actor)
            if pats.clause_opener.search(self.text, start, expr.start) is None:
                return [subject.actor]
        return []

    def _speaks(self, m: Mention, offset: int) -> bool:
        """Whether ``m`` names a member of a group who says what follows, up to
        ``offset``: "an al-Shabaab spokesman said", "its leader has said that"."""
        between = self.text[m.end:offset]
        person = m.wing is not None and stem(m.wing) == m.wing.lower()
        hit = patterns().member_speaks.fullmatch(between)
        return hit is not None and (person or hit.group(1) is not None)

    def _acts_as_group(self, m: Mention) -> bool:
        """Whether ``m`` as a clause's subject is the group itself acting (a name, its
        fighters), not an owner ("X's leadership") or one member ("an X official")."""
        if _POSSESSIVE_NEXT.match(self.text[m.end:m.end + 3]) or (
                m.wing is not None and _POSSESSIVE_INSIDE.search(m.text)):
            return False
        return m.wing is None or stem(m.wing) != m.wing.lower()

    def _clause_subject(self, sentence: Sentence, before: list[Mention], offset: int) -> Mention | None:
        """The mention naming the subject of the clause ``offset`` is in: a mention at
        the sentence's opening or right after the conjunction opening a later clause
        (", and X ...", ", while an X spokesman ..."), or the one a relative clause hangs
        from ("Y, which lost members to the group": Y); a clause opening with a verb
        shares the subject before it ("X attacked Y, and liquidated ..."). None where the
        clause's subject names no actor, or the expression at ``offset`` is that subject
        itself."""
        pats = patterns()
        function_words = set(self.lex.function_words) | set(self.lex.no_subject_words)
        starts = [sentence.start] + [c.end() for c in pats.clause_start.finditer(
            self.text, sentence.start, offset)]
        relatives: dict[int, Mention] = {}
        for rel in pats.relative.finditer(self.text, sentence.start, offset):
            head = next((m for m in before if m.end == rel.start()), None)
            if head is not None:
                relatives[rel.end()] = head
        local: Mention | None = None
        for clause in sorted({*starts, *relatives}):
            if clause == offset:
                return None  # the expression is its clause's subject
            if clause in relatives:
                local = relatives[clause] if relatives[clause].how not in NOT_REFERENTS else None
                continue
            named = next((m for m in before if m.start >= clause and m.how not in NOT_REFERENTS
                          and pats.clause_subject.fullmatch(self.text, clause, m.start)), None)
            if named is not None:
                local = named
                continue
            word = _LOWER_WORD.match(self.text[clause:offset])
            if clause == sentence.start or word is None or word.group() in function_words:
                local = None  # a subject of its own that names no actor
        return local

    def _agrees(self, expr: Expression, r: Referent) -> bool:
        """Whether a possessive agrees in number with a group of its sentence: "its" with
        a group named as one, "their" with one named as plural ("the Taliban", "Hamas
        fighters") or as the owner of a plural ("Hizbul Islam officials said their
        ...")."""
        if not expr.plural:
            return not r.plural_name
        head = _NEXT_LOWER_WORD.match(self.text[r.end:r.end + 30])
        return r.plural or head is not None and head.group(1) in self.lex.plural_words

    def _in_closed_relative(self, sentence: Sentence, r: Referent, offset: int) -> bool:
        """Whether ``r`` is named inside a relative clause that closes before ``offset``
        ("Abu Jabir, who had led Ahrar al-Sham, was named its leader")."""
        pats = patterns()
        opened = [m.end() for m in pats.relative.finditer(self.text, sentence.start, r.start)]
        return bool(opened) and "," in self.text[r.end:offset]

    def _across(self, expr: Expression, first: bool, subject_position: bool,
                prefix: str) -> list[str]:
        """Bind to what the sentences before are about."""
        description = expr.form == "description"
        if first:
            # a new paragraph keeps the topic only through its first sentence's subject;
            # a headline's only for a description ("The group"), never for a pronoun
            keeps = subject_position and not (self.heading and expr.form == "pronoun")
            carried = self.latest.get(self.carried or "") if keeps else None
            if carried is not None and self._fits(expr, carried, True):
                return [carried.actor]
            return self._fallback(expr) if description else []
        prev = self.prev
        assert prev is not None
        subject = prev.subject
        opening_pronoun = expr.form == "pronoun" and subject_position \
            and expr.text.lower() not in self.lex.possessive_pronouns
        if subject.role == "group" or self.topic == UNKNOWN:
            return self._name_head(expr) if description else []
        if subject.role in ("actor", "owner") and subject.actor is not None:
            ref = self._in(prev, subject.actor)
            if subject.role == "owner" and opening_pronoun and subject.actor != self.topic:
                return []  # "The ideology of X is ... It ...": the ideology or X
            if ref is not None and self._fits(expr, ref, subject.role == "actor"):
                return [subject.actor]
        elif subject.role in ("thing", "several") and opening_pronoun:
            return []  # "The accord was signed. It commits ...": the accord
        pool = list(prev.referents)
        if self.topic is not None and self.topic in self.latest:
            pool.append(self.latest[self.topic])
        fitting = _distinct(r.actor for r in pool if self._fits(expr, r, False))
        if len(fitting) == 1:
            return fitting
        if fitting or not description:
            return []
        return self._fallback(expr)

    def _fallback(self, expr: Expression) -> list[str]:
        """A description nothing near fits: the one group of the document named with
        its head ("the council"); with words that fit ("the Syrian group"), the one group
        of this paragraph and the one before that they fit; else the section's group."""
        named = self._name_head(expr)
        if named:
            return named
        if expr.modifiers:
            recent = [r for f in self.before_facts + self.paragraph_facts for r in f.referents]
            fitting = _distinct(r.actor for r in recent if self._fits(expr, r, False))
            if fitting:
                return fitting if len(fitting) == 1 else []
        section = self.latest.get(self.section or "")
        if section is not None and self.topic != UNKNOWN and self._fits(expr, section, False):
            return [section.actor]
        return []

    def _name_head(self, expr: Expression) -> list[str]:
        if stem(expr.noun) not in self.lex.name_head_nouns:
            return []
        fitting = _distinct(r.actor for r in self.seen if self._fits(expr, r, False, by_name=True))
        return fitting if len(fitting) == 1 else []

    def _pair(self, expr: Expression, before: list[Mention]) -> list[str]:
        """The two groups a pair phrase means: the two last named (in its sentence and
        the three sentences before it: the phrase says what it stands for, and may reach
        across a paragraph), when the sentence that completes the pair names no third,
        or names those two as one coordination ("X's splinters, Y and Z, both groups
        known for ..."). A plural head of names ("both Shura Councils", "the two
        movements") first looks for two groups named so, through this paragraph and the
        one before. "The groups" without "two" or "both" looks only at its own sentence,
        or the one before."""
        here = [r for m in before if (r := self._referent(m)) is not None]
        window = [here] + [f.referents for f in reversed(self.recent)]
        if not expr.exact:
            window = window[:1] if window[0] else window[1:2]
        # a head that names them ("both Shura Councils") reaches through this paragraph
        # and the one before
        named = [here] + [f.referents for f in reversed(self.before_facts + self.paragraph_facts)]
        by_name = stem(expr.noun) in self.lex.name_head_nouns
        for attempt in ((True, False) if by_name else (False,)):
            found: list[Referent] = []
            for referents in (named if attempt and expr.exact else window):
                for r in reversed(referents):
                    if found and r.actor == found[-1].actor and r.end <= found[-1].start:
                        found[-1] = r  # "X (XA)": the name that opens the run
                    elif r.actor not in {f.actor for f in found} and self._fits_pair(expr, r, attempt):
                        found.append(r)
                if len(found) >= 2:
                    break
            if len(found) == 2 or len(found) > 2 and self._coordination(found):
                return [found[1].actor, found[0].actor]
            if attempt and stem(expr.noun) not in self.lex.group_nouns:
                return []
        return []

    def _coordination(self, found: list[Referent]) -> bool:
        """Whether the last two of ``found`` (latest first) are named as one
        coordination ("X (XA) and Y"), not as the end of a longer list ("W, X and Y")."""
        last, second, third = found[0], found[1], found[2]
        return _COORDINATED.fullmatch(self.text, second.end, last.start) is not None and \
            _LISTED.fullmatch(self.text, third.end, second.start) is None

    # -- fitting ------------------------------------------------------------------------
    def _fits(self, expr: Expression, r: Referent, as_subject: bool, by_name: bool = False) -> bool:
        """Whether ``r`` may be what ``expr`` stands for (``as_subject``: it was the
        subject of the sentence before)."""
        if r.collective and not expr.plural or r.actor == self.excluded:
            return False  # many groups are no "it", no "the group"
        if expr.form == "pronoun":
            if r.kind not in (SUBJECT_KINDS if as_subject else GROUP_KINDS):
                return False
            return r.plural if expr.plural else not r.plural_name
        if r.kind not in GROUP_KINDS:
            return False
        noun = stem(expr.noun)
        if by_name or noun not in self.lex.group_nouns and expr.noun not in self.lex.member_nouns:
            if noun not in r.names and noun not in self.heads.get(r.actor, ()):
                return False
        return not expr.modifiers or any(w in r.words or stem(w) in r.names for w in expr.modifiers)

    def _fits_pair(self, expr: Expression, r: Referent, by_name: bool) -> bool:
        if r.kind not in GROUP_KINDS or r.collective:
            return False
        if by_name and stem(expr.noun) not in r.names:
            return False
        return not expr.modifiers or any(w in r.words or stem(w) in r.names for w in expr.modifiers)

    @staticmethod
    def _in(facts: _Facts, actor: str) -> Referent | None:
        return next((r for r in facts.referents if r.actor == actor), None)


def _distinct(actors: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(actors))


def _stems(name: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _NAME_WORD.findall(name))


# (compiled once: each call with a string pattern looks it up in re's cache)
_HEAD_WORDS = re.compile(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
_WORD = re.compile(r"\w+")
_HYPHENATED_WORD = re.compile(r"[\w-]+")
_POSSESSIVE_NEXT = re.compile(r"['’]s?\s")
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s?\s")
_THE = re.compile(r"the\s+", re.I)
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")
_NAME_WORD = re.compile(r"[\w'’]+")
# After an indefinite group noun, what names it ("a group known as X", "a faction called X").
_NAMED_AFTER = re.compile(r"(?:\s+of\s+[\w-]+)?\s*,?\s*(?:(?:also\s+)?(?:known|referred\s+to)\s+as|"
                          r"calling\s+itself|called|named|dubbed)\b")
# Between a name and an indefinite group noun describing it: "Hamas, a ...", "Hamas is a ...".
# Between a name and a description of the same group: "X, the group that ...", "X is the
# group responsible for ...".
_LINKED = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*(?:,\s*|\s+(?:is|was|are|were|became|becomes|"
                     r"remains|remained|has\s+become|had\s+become)\s+(?:also\s+|now\s+)?)")
_APPOSED_BEFORE = re.compile(r"\)?(?:\s*,|[^.;,]{0,60}?\s(?:is|was|are|were|became|becomes|remains|"
                             r"remained|as))\s+")
# After an indefinite group noun, what makes it a part of the group named next: "a faction
# of Somalia's Hizbul Islam", "a splinter group of the MILF".
_PART_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?")
# Right before an indefinite group noun, what makes it a predicate: "as a militia".
_PREDICATE_BEFORE = re.compile(r"\b(?:as|is|was|are|were|became|becomes|remains|remained|be|been|being)\s+$")
# Later in the clause of an indefinite group noun, what names it: "a group breaking away
# from X and calling itself Y".
_NAMED_LATER = re.compile(r"[^.;]{0,80}?\b(?:calling\s+itself|known\s+as|called|named|dubbed)\s+(?:the\s+)?")
# After "a group": people counted, not an organisation ("a group of commanders").
_PEOPLE_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+)?[a-z][\w-]*s\b(?!\s+(?:known|called|named))")
_COORDINATED = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:and|&)\s+(?:the\s+)?")
_LISTED = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:the\s+)?")
_COORDINATION = re.compile(r"\s*(?:,|\band\b|&)\s*")
_MODIFIER_AFTER = re.compile(r"[-–][A-Za-z]")


def _is_modifier(text: str, end: int) -> bool:
    """Whether a name only modifies what follows it: "ISIS-linked", "Iran-backed"."""
    return _MODIFIER_AFTER.match(text, end) is not None
