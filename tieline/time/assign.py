"""Give each event the date its document states for it.

An event stated in a sentence takes, in order: the date expression of that sentence
nearest its trigger (or, after "after/following/since the ... <date> <noun>", the anchor
date it follows: open-ended from then); else, unless the sentence speaks in the present
tense, the governing date of its paragraph, the last explicit date of an earlier
sentence of the same paragraph (for a past-tense sentence, failing that, the last date
of the previous paragraph); else the publication date; else nothing.

Example:
    >>> from tieline.model import Sentence
    >>> DocumentDates([Sentence(0, 0, 17, "It began in 2014.")], None).for_sentence(0).start
    '2014'
"""

from __future__ import annotations

import re
from datetime import date

from ..model import DateInterval, Sentence
from .expressions import DateMention, find_dates, lexicon

# "after the", "following Morsi's", "in the wake of the" right before a date: compiled
# from the anchor words of dates.yaml.
_ANCHOR_BEFORE = lexicon().anchor_before
# The noun the date modifies: "overthrow", "uprising", "Rabaa massacre".
_ANCHOR_NOUN = re.compile(r"(?:['’]s)?\s+[A-Za-z][\w-]*")
# What ends a clause between a date and the trigger.
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—]|\s[-–]\s|,\s*(?i:and|but|while|whereas|although|though|which|who)\b")


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
        sentences before it in its paragraph or the previous one (the narrative year).
        """
        position = self._position[self._sentence(index).index]
        # found in text order, so each sentence's narrative year is known when needed
        while self._found <= position:
            sentence = self.sentences[self._found]
            self._mentions[sentence.index] = find_dates(
                sentence.text, self.published, offset=sentence.start,
                year=self._narrative_year(self._found))
            self._found += 1
        return self._mentions[index]

    def _paragraph_start(self, position: int, back: int = 0) -> int:
        """The position of the first sentence of the paragraph ``back`` paragraphs
        before the one of the sentence at ``position``."""
        paragraph = self.sentences[position].paragraph - back
        while position > 0 and self.sentences[position - 1].paragraph >= paragraph:
            position -= 1
        return position

    def _narrative_year(self, position: int) -> int | None:
        """The year of the last dated expression before the sentence at ``position``,
        in its paragraph or the previous one (their mentions are already known)."""
        for p in range(position - 1, self._paragraph_start(position, back=1) - 1, -1):
            for mention in reversed(self._mentions.get(self.sentences[p].index, [])):
                start = mention.interval.start or mention.interval.end
                if start:
                    return int(start[:4])
        return None

    def for_sentence(self, index: int, near: int | None = None,
                     tense: str | None = None) -> DateInterval:
        """The date of an event of sentence ``index`` with its trigger at ``near``:
        ``for_sentence(0, 6).basis == "sentence"``.

        ``tense`` ("past", "perfect", "present" or None) is the tense of the clause
        stating the event. A sentence without a date of its own that speaks in the
        present ("X appears to be prioritizing") is about the time of writing: it takes
        the publication date, not its paragraph's. One that narrates in the past and
        opens a paragraph with no date continues the time of the previous paragraph; with
        no date there either, it happened some time before publication (an interval open
        at the start, ending at the publication date). A present perfect ("fighters have
        seized") with no date is news of the time of writing, and so is a headline
        without a date, whatever its tense ("Rebels seized the town").
        """
        sentence = self._sentence(index)
        mentions = self.mentions(index)
        if mentions:
            return self._interval(sentence, self._nearest(sentence, mentions, near), "sentence")
        if sentence.kind == "headline":
            tense = "present"
        if tense != "present":
            governing = self._governing(index) or (
                self._narrative(index) if tense == "past" else None)
            if governing is not None:
                return governing
        if self.published is not None:
            if tense == "past":
                # told in the past with no date anywhere near: some time before writing
                return DateInterval(start=None, end=self.published.isoformat(),
                                    text="before publication", basis="published")
            return DateInterval(start=self.published.isoformat(), end=None, text="", basis="published")
        return DateInterval(basis="none")

    def _narrative(self, index: int) -> DateInterval | None:
        """The last date of the paragraph before this sentence's, when this paragraph
        has none before it: a past-tense narrative continues where the last one left off."""
        position = self._position[index]
        paragraph = self.sentences[position].paragraph
        earlier = [s for s in self.sentences[:position] if s.paragraph == paragraph - 1]
        for sentence in reversed(earlier):
            for mention in reversed(self.mentions(sentence.index)):
                if mention.kind != "relative":
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

    def _interval(self, sentence: Sentence, mention: DateMention, basis: str) -> DateInterval:
        """The mention's interval, or the open one after it when it dates an anchor event ("after the July 2013 overthrow")."""
        start, end = mention.start - sentence.start, mention.end - sentence.start
        cue = _ANCHOR_BEFORE.search(sentence.text, max(0, start - 60), start)
        noun = _ANCHOR_NOUN.match(sentence.text, end)
        if cue and noun and mention.kind in ("explicit", "relative", "range"):
            anchor = mention.interval.end if mention.kind == "range" else mention.interval.start
            phrase = sentence.text[cue.start():noun.end()]
            # open-ended: from the anchor up to the time of writing, when that is known
            until = self.published.isoformat() if self.published is not None else None
            return DateInterval(start=anchor, end=until, text=phrase,
                                basis="anchor" if basis == "sentence" else basis)
        return DateInterval(start=mention.interval.start, end=mention.interval.end,
                            text=mention.interval.text, basis=basis)

    def _governing(self, index: int) -> DateInterval | None:
        """The last explicit (non-relative) date of an earlier sentence of the same paragraph."""
        position = self._position[index]
        paragraph = self.sentences[position].paragraph
        for earlier in reversed(self.sentences[:position]):
            if earlier.paragraph != paragraph:
                break
            for mention in reversed(self.mentions(earlier.index)):
                if mention.kind != "relative":
                    return self._interval(earlier, mention, "paragraph")
        return None
