"""Give each event the date its document states for it.

An event stated in a sentence takes, in order:

1. the date expression of that sentence that dates it. With the parse of the
   sentence (``head``, the trigger's token), that is a date attached to the event's
   clause (see :mod:`.attach`): the one nearest the trigger in the parse, then in the
   text; a date inside a clause about something else does not date it. Without the
   parse, the expression nearest the trigger. After "after/following/since ... <date>"
   the date is an anchor the event follows: open-ended from then ("two years after"
   the anchor: that much later);
2. else, unless the sentence speaks in the present tense or is a headline, the
   governing date of its paragraph: the last explicit date of an
   earlier sentence of the paragraph that is not background (inside a relative clause,
   a parenthesis, or a participle phrase opening its sentence: "Founded in 1982
   during the war, the council ..."); for a past-tense sentence, failing that and
   unless it has dates of its own about other things, the last such date of the
   previous paragraph;
3. else the publication date (for a past-tense sentence, some time before it);
4. else nothing.

Example:
    >>> from tieline.model import Sentence
    >>> DocumentDates([Sentence(0, 0, 17, "It began in 2014.")], None).for_sentence(0).start
    '2014'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..model import DateInterval, Sentence
from .attach import anchor_token, attachment, date_root
from .expressions import DateMention, _count, _move, find_dates, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

_LEX = lexicon()
# "after the", "following Morsi's", "in the wake of the" right before a date: compiled
# from the anchor words of dates.yaml.
_ANCHOR_BEFORE = _LEX.anchor_before
# The noun the date modifies: "overthrow", "uprising", "Rabaa massacre".
_ANCHOR_NOUN = re.compile(r"(?:['’]s)?\s+[A-Za-z][\w-]*")
# What ends a clause between a date and the trigger.
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—]|\s[-–]\s|,\s*(?i:and|but|while|whereas|although|though|which|who)\b")


@dataclass(frozen=True)
class _Attached:
    """A mention that dates an event by the parse: where an anchor cue on its way to the
    event's clause starts (None: none), and whether the event follows it (``after``)."""

    mention: DateMention
    cue_start: int | None
    after: bool


def _distance(mention: DateMention, near: int) -> int:
    """Characters between a mention and an offset, 0 inside it: ``[10, 14) to 20 -> 6``."""
    if mention.start <= near < mention.end:
        return 0
    return near - mention.end if mention.end <= near else mention.start - near


class DocumentDates:
    """The dates of one document's sentences, found once each, on first use.

    Example:
        >>> dates = DocumentDates([Sentence(0, 0, 24, "Hamas met Fatah in 2007.")], None)
        >>> dates.for_sentence(0, near=6).to_dict()["start"]
        '2007'
    """

    def __init__(self, sentences: list[Sentence], published: date | None):
        self.sentences = list(sentences)
        self.published = published
        self._position = {s.index: i for i, s in enumerate(self.sentences)}
        self._mentions: dict[int, list[DateMention]] = {}
        self._found = 0  # the sentences before this position have their mentions

    def mentions(self, index: int) -> list[DateMention]:
        """The date expressions of sentence ``index`` (document offsets): ``dates.mentions(0)[0].text == "2007"``.

        In a document with no publication date, a month or day the sentence names
        without a year ("On January 6th") takes the year of the last date of the
        sentences before it in its paragraph or the previous one (the narrative year);
        an anaphoric expression ("the following year") is dated from that last date.
        """
        position = self._position[self._sentence(index).index]
        # found in text order, so each sentence's narrative date is known when needed
        while self._found <= position:
            sentence = self.sentences[self._found]
            self._mentions[sentence.index] = find_dates(
                sentence.text, self.published, offset=sentence.start,
                narrative=self._narrative_mention(self._found))
            self._found += 1
        return self._mentions[index]

    def _paragraph_start(self, position: int, back: int = 0) -> int:
        """The position of the first sentence of the paragraph ``back`` paragraphs
        before the one of the sentence at ``position``."""
        paragraph = self.sentences[position].paragraph - back
        while position > 0 and self.sentences[position - 1].paragraph >= paragraph:
            position -= 1
        return position

    def _narrative_mention(self, position: int) -> DateMention | None:
        """The last dated expression before the sentence at ``position``, in its
        paragraph or the previous one (their mentions are already known): the time the
        text was last speaking of."""
        for p in range(position - 1, self._paragraph_start(position, back=1) - 1, -1):
            for mention in reversed(self._mentions.get(self.sentences[p].index, [])):
                if mention.interval.start or mention.interval.end:
                    return mention
        return None

    def for_sentence(self, index: int, near: int | None = None,
                     tense: str | None = None, head: Token | None = None) -> DateInterval:
        """The date of an event of sentence ``index`` with its trigger at ``near``:
        ``for_sentence(0, 6).basis == "sentence"``.

        ``tense`` ("past", "perfect", "present" or None) is the tense of the clause
        stating the event. A sentence without a date of its own that speaks in the
        present ("X appears to be prioritizing") is about the time of writing: it takes
        the publication date, not its paragraph's. One that narrates in the past and
        opens a paragraph with no date continues the time of the previous paragraph;
        with no date there either, it happened some time before publication (an
        interval open at the start, ending at the publication date). A present perfect
        ("fighters have seized") with no date in its paragraph is news of the time of
        writing, and so is a headline without a date, whatever its tense ("Rebels
        seized the town").

        ``head`` is the trigger's token in the parse of the sentence (spaCy's, of the
        sentence's text, with the same character offsets): with it, only a date
        attached to the event's clause dates the event (see :mod:`.attach`). Without
        it, the date nearest ``near`` does.
        """
        sentence = self._sentence(index)
        mentions = self.mentions(index)
        own = bool(mentions)
        if mentions:
            ranked = self._attached(sentence, mentions, head) if head is not None else None
            if ranked is None:
                return self._interval(sentence, self._nearest(sentence, mentions, near), "sentence")
            if ranked:
                return self._dated(sentence, ranked)
        if sentence.kind == "headline":
            tense = "present"
        if tense != "present":
            governing = self._governing(index) or (
                self._narrative(index) if tense == "past" and not own else None)
            if governing is not None:
                return governing
        if self.published is not None:
            if tense == "past":
                # told in the past with no date anywhere near: some time before writing
                return DateInterval(start=None, end=self.published.isoformat(),
                                    text="before publication", basis="published")
            return DateInterval(start=self.published.isoformat(), end=None, text="", basis="published")
        return DateInterval(basis="none")

    def _attached(self, sentence: Sentence, mentions: list[DateMention],
                  head: Token) -> list[_Attached] | None:
        """The mentions that date the event of ``head``, best first; None when the
        parse is not of this sentence."""
        doc = head.doc
        if len(doc.text) != len(sentence.text):
            return None
        scored = []
        for mention in mentions:
            start, end = mention.start - sentence.start, mention.end - sentence.start
            root = date_root(doc, start, end)
            if root is None:
                return None
            attached = attachment(root, head, _LEX.clause_words)
            if attached is None:
                continue
            cue = anchor_token(root, head, lambda t: self._ends_cue(sentence, t.idx + len(t)))
            cue_start = None
            if cue is not None:
                found = _LEX.anchor_end.search(sentence.text, 0, cue.idx + len(cue))
                cue_start = found.start() if found else None
            key = (attached.rank, _distance(mention, sentence.start + head.idx), mention.start)
            scored.append((key, _Attached(mention, cue_start, attached.after)))
        scored.sort(key=lambda item: item[0])
        return [found for _key, found in scored]

    def _dated(self, sentence: Sentence, ranked: list[_Attached]) -> DateInterval:
        """The interval the best attached mention gives: an anchor's when it follows
        one; an open end ("until 2013") starts at a date of the clauses it is
        conjoined with ("signed a truce in 1998 and jointly administered ... until 2013")."""
        best = ranked[0]
        interval = best.mention.interval
        if best.after and interval.start is not None:
            until = self.published.isoformat() if self.published is not None else None
            return DateInterval(start=interval.start, end=until, text=interval.text, basis="anchor")
        if interval.start is None and interval.end is not None:
            opening = next((r.mention for r in ranked[1:] if r.mention.interval.start is not None
                            and r.mention.end <= best.mention.start
                            and r.mention.interval.start[:4] <= interval.end[:4]), None)
            if opening is not None:
                text = sentence.text[opening.start - sentence.start:best.mention.end - sentence.start]
                return DateInterval(start=opening.interval.start, end=interval.end, text=text,
                                    basis="sentence")
        return self._interval(sentence, best.mention, "sentence", best.cue_start)

    @staticmethod
    def _ends_cue(sentence: Sentence, end: int) -> bool:
        """Whether an anchor cue ("after", "in the wake of") ends at offset ``end``."""
        return _LEX.anchor_end.search(sentence.text, max(0, end - 30), end) is not None

    def _narrative(self, index: int) -> DateInterval | None:
        """The last date of the paragraph before this sentence's, when this paragraph
        has none before it: a past-tense narrative continues where the last one left off."""
        position = self._position[index]
        paragraph = self.sentences[position].paragraph
        earlier = [s for s in self.sentences[:position] if s.paragraph == paragraph - 1]
        for sentence in reversed(earlier):
            for mention in reversed(self.mentions(sentence.index)):
                if mention.kind != "relative" and not self._background(sentence, mention):
                    return self._interval(sentence, mention, "paragraph")
        return None

    def _sentence(self, index: int) -> Sentence:
        """The sentence whose ``index`` is given; IndexError when the document has none."""
        if index not in self._position:
            raise IndexError(f"no sentence {index} in this document ({len(self.sentences)} sentences)")
        return self.sentences[self._position[index]]

    def _nearest(self, sentence: Sentence, mentions: list[DateMention], near: int | None) -> DateMention:
        """The mention nearest ``near``; on a tie, one before it in the same clause: "In 2014, X met Y" -> 2014."""
        if near is None:
            return mentions[0]

        def key(mention: DateMention) -> tuple[int, int, int]:
            before = mention.end <= near
            same_clause = before and not _CLAUSE_BREAK.search(
                sentence.text, max(0, mention.end - sentence.start), max(0, near - sentence.start))
            return _distance(mention, near), 0 if same_clause else 1 if before else 2, mention.start

        return min(mentions, key=key)

    def _interval(self, sentence: Sentence, mention: DateMention, basis: str,
                  cue_start: int | None = None) -> DateInterval:
        """The mention's interval, or the one after it when it dates an anchor event
        ("after the July 2013 overthrow": open from then; "two years after the 2011
        uprising": 2013). ``cue_start`` is where the parse found an anchor cue."""
        start, end = mention.start - sentence.start, mention.end - sentence.start
        cue = _ANCHOR_BEFORE.search(sentence.text, max(0, start - 60), start)
        noun = _ANCHOR_NOUN.match(sentence.text, end)
        phrase_end = end
        if cue is not None and noun is not None:
            cue_start, phrase_end = cue.start(), noun.end()
        anchor = mention.interval.end if mention.kind == "range" else mention.interval.start
        if cue_start is None or anchor is None or mention.kind == "open":
            return DateInterval(start=mention.interval.start, end=mention.interval.end,
                                text=mention.interval.text, basis=basis)
        basis = "anchor" if basis == "sentence" else basis
        lapse = _LEX.lapse_before.search(sentence.text, max(0, cue_start - 30), cue_start)
        if lapse is not None:
            unit, size = _LEX.ago_units[lapse.group("u").lower()]
            return DateInterval(start=_move(anchor, unit, size * _count(lapse.group("n"))),
                                end=None, text=sentence.text[lapse.start():phrase_end], basis=basis)
        # open-ended: from the anchor up to the time of writing, when that is known
        until = self.published.isoformat() if self.published is not None else None
        return DateInterval(start=anchor, end=until, text=sentence.text[cue_start:phrase_end],
                            basis=basis)

    @staticmethod
    def _background(sentence: Sentence, mention: DateMention) -> bool:
        """Whether a date is background to its sentence, not the time it narrates:
        inside a parenthesis ("Dokka Umarov (2006-2013)"), a relative clause ("the
        council, which was founded in 1982, ..."), or a participle phrase opening the
        sentence ("Founded in 1982 during the war, the council ...")."""
        start = mention.start - sentence.start
        before = sentence.text[:start]
        if before.rfind("(") > before.rfind(")"):
            return True
        if _LEX.relative_before.search(before, max(0, start - 120)):
            return True
        return bool(_LEX.participle_opening.match(before)) and \
            "," in sentence.text[mention.end - sentence.start:]

    def _governing(self, index: int) -> DateInterval | None:
        """The last date of an earlier sentence of the same paragraph that is not
        background to its sentence: an explicit one, or one relative to the
        publication that names its time ("Earlier this month, X executed Y in a video
        ... In the same video, ..."), not one that only says "recently"."""
        position = self._position[index]
        paragraph = self.sentences[position].paragraph
        for earlier in reversed(self.sentences[:position]):
            if earlier.paragraph != paragraph:
                break
            for mention in reversed(self.mentions(earlier.index)):
                # a relative date that resolves to one month, day or year ("earlier
                # this month", "last year"), not a span ("recently", "in recent years")
                named = mention.kind != "relative" or (
                    self.published is not None and mention.interval.start is not None
                    and mention.interval.end is None)
                if named and not self._background(earlier, mention):
                    return self._interval(earlier, mention, "paragraph")
        return None


__all__ = ["DocumentDates"]
