"""Pick the actor an ambiguous name refers to, from the rest of the document.

A name is ambiguous when several actors share it ("IRA": the pre-1969 army and the
Provisionals; "Jundallah" in Pakistan and in Iran) or when it is also an ordinary word
or a common acronym ("IS", "Tara", "TP"). The document usually settles it: the other
groups it names, the countries it mentions and the years it speaks of. Each candidate
gets a score from that evidence:

- named unambiguously elsewhere in the document: +3;
- linked in the base (wing, branch, splinter, ally...) to an actor the document names: +2;
- its country is mentioned, or is the country of a group the document names: +1.5;
- one of its proper descriptors ("Libyan", "Sinai-based") is in the text: +0.5;
- the years the document mentions fall inside its active years: +1, all outside: -1;
- failing the country, the region of a group the document names: +0.5.

Several candidates: the best wins when it leads by a clear margin. One candidate that
may be an ordinary word: it needs supporting evidence, not from years alone (they rule
a reading out, but do not point at one), and an ambiguous state name ("the Oslo accords")
does not count its own country as that evidence; the exception is an acronym written
exactly as the base writes it, in a document that names other armed groups (an "IS"
next to "the IAI" is the Islamic State; "IS" alone in a headline is not resolved).

Example:
    >>> ctx = DocumentContext.build(kb, "PIRA and the IRA fought in Belfast in 1975.", present)
    >>> choose_candidate(match, ctx)      # doctest: +SKIP
    ('pira', 'acronym')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Actor
from ..text.scan import holds_words
from .kb import KnowledgeBase
from .matcher import NameMatch

# A year or a decade: what r"\b(1[89]\d\d|20\d\d)s?\b" finds, written to open with a digit
# (which ``re`` then skips to): the word boundary before it is the lookbehind after it.
_YEAR = re.compile(r"(1(?<!\w.)[89]\d\d|2(?<!\w.)0\d\d)s?\b")
_ARMED = ("armed_group", "political_org")

#: The lead a candidate needs over the runner-up, and the least score it needs.
MARGIN = 0.5
MINIMUM = 1.0


@dataclass(frozen=True)
class DocumentContext:
    """What a document says around its names: groups, countries, regions, years."""

    present: frozenset[str]
    linked: frozenset[str]
    countries: frozenset[str]
    regions: frozenset[str]
    years: tuple[tuple[int, int], ...]  # (first, last): a year, or a decade's span
    armed_candidates: frozenset[str]
    lowered: str
    _mentioned: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, kb: KnowledgeBase, text: str, present: Iterable[str],
              matches: Sequence[NameMatch] = ()) -> DocumentContext:
        """Context from the unambiguous actors ``present`` and every raw name match."""
        present_set = frozenset(a for a in present if a in kb)
        actors = [kb.get(a) for a in present_set]
        linked: set[str] = set()
        for actor in actors:
            linked |= {link.target for link in actor.links}
        pointing = _links_into(kb)
        for target in present_set:
            linked |= pointing.get(target, set())
        countries = {a.country.lower() for a in actors if a.country}
        for m in matches:  # a state named anywhere, even as a place, sets the scene
            for actor_id, _how, ambiguous in m.candidates:
                state = kb.actors.get(actor_id)
                # ... but not by a name that may mean something else ("the Oslo
                # accords"): an ambiguous name cannot vouch for its own reading
                if state is not None and state.kind == "state" and not ambiguous:
                    countries.add((state.country or state.name).lower())
        regions = {a.region for a in actors if a.region and a.kind in _ARMED}
        spans = set()
        for hit in _YEAR.finditer(text):  # "1995" is a year, "the 1990s" a decade
            year = int(hit.group(1))
            spans.add((year, year + 9) if hit.group().endswith("s") else (year, year))
        years = tuple(sorted(spans))
        armed = {a.id for a in actors if a.kind in _ARMED}
        armed |= {c[0] for m in matches for c in m.candidates
                  if getattr(kb.actors.get(c[0]), "kind", None) in _ARMED}
        return cls(present_set, frozenset(linked), frozenset(countries), frozenset(regions),
                   years, frozenset(armed), text.lower())

    def score(self, actor: Actor, years: bool = True) -> float:
        """How strongly the document points at ``actor`` (see the module notes).
        ``years=False`` leaves out whether the document's years fit its active years,
        which can tell two readings apart but is no evidence for a reading alone."""
        score = 0.0
        if actor.id in self.present:
            score += 3
        if actor.id in self.linked:
            score += 2
        if actor.country and (actor.country.lower() in self.countries
                              or self.mentions(actor.country.lower())):
            score += 1.5
        elif actor.region and actor.region in self.regions:
            score += 0.5
        if any(self.mentions(d.lower()) for d in actor.descriptors if d[:1].isupper()):
            score += 0.5
        if years:
            score += self._years_fit(actor)
        return score

    def mentions(self, words: str) -> bool:
        """Whether the document has ``words`` (lower case) as whole words."""
        if words not in self._mentioned:
            self._mentioned[words] = words in self.lowered and holds_words(self.lowered, words)
        return self._mentioned[words]

    def _years_fit(self, actor: Actor) -> float:
        first, last = actor.active
        if not self.years or (first is None and last is None):
            return 0.0
        inside = [(lo, hi) for lo, hi in self.years
                  if (first is None or hi >= first) and (last is None or lo <= last)]
        if len(inside) == len(self.years):
            return 1.0
        return -1.0 if not inside else 0.0


def _links_into(kb: KnowledgeBase) -> dict[str, set[str]]:
    """For each actor, the actors whose links point at it (computed once per base)."""
    def build(base: KnowledgeBase) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for actor in base:
            for link in actor.links:
                index.setdefault(link.target, set()).add(actor.id)
        return index

    return kb.derived("links_into", build)


def choose_candidate(m: NameMatch, kb: KnowledgeBase, ctx: DocumentContext,
                     sentence_text: str = "") -> tuple[str | None, str]:
    """The actor an ambiguous match refers to, or ``(None, "")`` when unsettled."""
    options = list(dict.fromkeys((c[0], c[1]) for c in m.candidates if c[0] in kb))
    if not options:
        return None, ""
    scored = sorted(((ctx.score(kb.get(a)), a, how) for a, how in options), reverse=True)
    best_score, best, how = scored[0]
    if len(scored) > 1:
        if best_score >= MINIMUM and best_score - scored[1][0] >= MARGIN:
            return best, how
        return None, ""
    if how == "acronym" and _shouting(sentence_text):
        # In capitals an acronym cannot be told from a word: only a name elsewhere counts.
        return (best, how) if best in ctx.present else (None, "")
    if best_score >= MINIMUM and ctx.score(kb.get(best), years=False) > 0:
        return best, how
    others = ctx.armed_candidates - {best}
    if how == "acronym" and others and kb.get(best).kind in (*_ARMED, "state", "state_force"):
        return best, how
    return None, ""


def _shouting(sentence: str) -> bool:
    """A headline or a sentence in capitals, where acronyms cannot be told from words."""
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
