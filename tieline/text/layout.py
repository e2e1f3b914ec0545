"""Read a page the way it was laid out: headline, bylines, datelines, captions, prose.

A news page as published carries more than its story: a headline, a byline, a dateline
opening the first paragraph ("GAZA CITY (Reuters) - "), timestamp lines, photo captions
and credits, links to the page in other languages, teasers for other stories, share and
subscribe buttons, bullet marks and footnote marks. Some pages are hard-wrapped, so that
a sentence goes on on the next line. :func:`page_layout` tells these apart, in one pass
over the lines with precompiled expressions (no parsing), and returns the page's parts
as classified spans with exact offsets:

- prose: ``headline`` (the first line of the page, when it is built like a title and
  prose follows), ``heading`` (a title-like line further down), ``body``;
- boilerplate, which names no party and states no event: ``byline``, ``dateline`` (a
  line of its own, or the prefix of a paragraph: the rest of the paragraph is body),
  ``timestamp``, ``caption`` (captions and photo credits), ``link`` ("Read this in
  French"), ``teaser``, ``chrome`` (share, subscribe, navigation, labels) and
  ``duplicate`` (a line the page already printed, such as a headline repeated above
  the story, or a caption repeated with its credit).

Lines a hard wrap broke are one paragraph (the line breaks read as spaces); footnote
marks ("[4]", "Belmokhtar[8]", a superscript or a digit right after a sentence's period)
and bullet marks are :attr:`Layout.marks`, read as spaces. The cue words are data:
``data/lexicons/layout.yaml``.

Example:
    >>> page = page_layout("Rebels split\\nBy A. Writer\\nGAZA (Reuters) - The group split.")
    >>> [(s.kind, s.paragraph) for s in page.spans]
    [('headline', 0), ('byline', 1), ('dateline', 2), ('body', 2)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..yaml_data import load_yaml
from .scan import grouped_alternation, key_words, lowered_for_search, may_hold, opening_class

PROSE_KINDS: frozenset[str] = frozenset({"body", "headline", "heading"})
BOILERPLATE_KINDS: frozenset[str] = frozenset(
    {"byline", "dateline", "timestamp", "caption", "link", "teaser", "chrome", "duplicate"})


def is_boilerplate(kind: str) -> bool:
    """Whether a span (or a sentence) of this kind is page furniture, not prose."""
    return kind in BOILERPLATE_KINDS


@dataclass(frozen=True)
class Span:
    """A classified part of a page: ``text[start:end]``, of paragraph ``paragraph``."""

    start: int
    end: int
    kind: str
    paragraph: int


@dataclass(frozen=True)
class Layout:
    """The parts of a page in text order, and the marks that read as spaces.

    ``spans`` cover every non-blank line (a paragraph may be split in a dateline and
    its body); ``marks`` are (start, end) spans of bullet and footnote marks.
    """

    spans: tuple[Span, ...]
    marks: tuple[tuple[int, int], ...] = ()

    def reading_text(self, text: str) -> str:
        """``text`` as the later stages read it, same length: footnote and bullet marks,
        and the line breaks inside a paragraph (a hard wrap), become spaces.

        Example:
            >>> t = "It was formed by\\nthe ISI.[3]"
            >>> page_layout(t).reading_text(t)
            'It was formed by the ISI.   '
        """
        pieces: list[str] = []
        at = 0
        for start, end in self.marks:
            start = max(start, at)
            if end > start:
                pieces += [text[at:start], " " * (end - start)]
                at = end
        pieces.append(text[at:])
        out = "".join(pieces)
        if "\n" not in out:
            return out
        pieces, at = [], 0
        for span in self.spans:
            piece = out[span.start:span.end]
            if "\n" in piece:
                pieces += [out[at:span.start], piece.replace("\r", " ").replace("\n", " ")]
                at = span.end
        pieces.append(out[at:])
        return "".join(pieces)

    def masked_text(self, text: str) -> str:
        """The reading text with the boilerplate blanked (the line breaks between
        paragraphs kept): the text in which actors are looked for.

        Example:
            >>> t = "MANILA, Philippines - Rebels pledged allegiance."
            >>> page_layout(t).masked_text(t).strip()
            'Rebels pledged allegiance.'
        """
        reading = self.reading_text(text)
        pieces: list[str] = []
        at = 0
        for span in self.spans:
            if is_boilerplate(span.kind):
                pieces += [reading[at:span.start], " " * (span.end - span.start)]
                at = span.end
        pieces.append(reading[at:])
        return "".join(pieces)


# -- the lexicon ---------------------------------------------------------------------

def _words(items: Iterable[str]) -> str:
    """An alternation of phrases, longest first, each space matching any whitespace,
    for a case-insensitive expression (grouped by first letter: tried faster)."""
    ordered = sorted({str(i).lower() for i in items}, key=len, reverse=True)
    patterns = [r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in ordered]
    return grouped_alternation(ordered, patterns, ignore_case=True)


def _opening(items: Iterable[str]) -> str:
    """A lookahead for the characters the phrases open with, put before a searched
    alternation of them (see :func:`~tieline.text.scan.opening_class`), or nothing."""
    chars = opening_class(" ".join(str(i).split()) for i in items)
    return f"(?={chars})" if chars else ""


@dataclass(frozen=True)
class _Lexicon:
    chrome_lines: frozenset[str]
    link: re.Pattern[str]
    teaser: re.Pattern[str]
    chrome: re.Pattern[str]
    chrome_anywhere: re.Pattern[str]
    byline_opening: re.Pattern[str]
    byline_cue: re.Pattern[str]
    byline_joiners: frozenset[str]
    byline_max_words: int
    credit: re.Pattern[str]
    agency_closing: re.Pattern[str]
    label: re.Pattern[str]
    header_words: frozenset[str]
    header_cues: frozenset[str]
    separators: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]
    reading_time: re.Pattern[str]
    agency_words: frozenset[str]
    continuation: frozenset[str]
    dateline: re.Pattern[str]
    dateline_line: re.Pattern[str]
    date_prefix: re.Pattern[str]
    # words a line holds if it holds a cue searched for (tieline.text.scan.key_words)
    keys: dict[str, tuple[str, ...] | None]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The layout cues of ``data/lexicons/layout.yaml``, compiled once."""
    raw = (resources.files("tieline") / "data" / "lexicons" / "layout.yaml").read_text("utf-8")
    return _compile(load_yaml(raw))


def _compile(data: dict[str, Any]) -> _Lexicon:
    openings = data["line_openings"]
    # a link or teaser opening is followed by a colon, a dash, the line's end or a
    # capitalised word ("Read WATCH: ...", "Read this in French")
    followed = r"(?=\s*(?:$|[:|\-–—»>]|[\"“‘'(]?[A-Z]))"
    agencies = _words(data["agencies"])
    months = _words(data["months"])
    month = rf"(?i:{months})\.?"
    day_date = (rf"(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
                rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:,?\s+\d{{4}})?)")
    caps = r"[A-Z][A-Z'’\-]*[A-Z]\.?"
    title = r"[A-Z][a-z][\w'’\-]*"
    caps_place = rf"{caps}(?:\s{caps}){{0,3}}"
    title_place = rf"{title}(?:\s{title}){{0,2}}"
    place = rf"(?:{caps_place}|{title_place})"
    region = rf",\s{title}(?:\s{title}){{0,2}}"
    date_part = rf",?\s{day_date}"
    agency = rf"\s?(?:\((?i:{agencies})\)|/[A-Z]{{2,10}}/)"
    extra = rf",\s(?:{title}|{caps})(?:\s(?:{title}|{caps})){{0,2}}"
    sep = r"\s*(?:--|[-–—:])\s+"
    starts = r"(?=[\"“‘'(]?[A-Z0-9])"
    dateline = "|".join([
        # MANILA, Philippines - | NAHR AL-BARED, Lebanon, Sept. 2 -- | GAZA (Reuters) -
        rf"{caps_place}(?:{region})?(?:{date_part})?(?:{agency})?(?:{extra})?{sep}",
        # Srinagar, Sep 16 2017, Daily News: | Kabul (AFP) - : a date or an agency
        rf"{title_place}(?:{region})?(?:{date_part}(?:{agency})?|{agency})(?:{extra})?{sep}",
        # Riyadh: The coalition said ... (one or two words: a longer name before a
        # colon is rather a heading, "Islamic International Brigade: ...")
        rf"{title}(?:\s{title})?:\s+",
        # (Agency) ... | (City), ...
        rf"\((?:{title}|{caps})(?:\s(?:{title}|{caps})){{0,3}}\)\s*[,:\-–—]?\s+",
        # July 4, 2012: ...
        rf"{day_date}\s*[:\-–—]\s+",
        # Source- (a source's name glued to a dash)
        r"[A-Z][a-z]+-\s+",
    ])
    # a line of its own: "ISLAMABAD:", "Bogota EFE", "KABUL, May 3 -"; not a title-case
    # name and a colon alone, which is as likely a heading ("Islamic Front:")
    dateline_line = (rf"{place}(?:{region})?(?:(?:{date_part})?(?:{agency}|\s(?i:{agencies}))"
                     rf"|{date_part})\s*[:\-–—]?|{caps_place}(?:{region})?\s*[:\-–—]")
    header = _words(data["date_header_cues"])
    date_prefix = rf"(?i:{header}):?\s+(?:\d{{4}}-\d\d-\d\d|{day_date}(?:,?\s+\d{{4}})?)\s+"
    return _Lexicon(
        chrome_lines=frozenset(str(w).lower() for w in data["chrome_lines"]),
        link=re.compile(rf"(?i:{_words(openings['link'])}){followed}"),
        teaser=re.compile(rf"(?i:{_words(openings['teaser'])})\b{followed}"),
        chrome=re.compile(rf"(?i:{_words(openings['chrome'])})(?!\w)"),
        chrome_anywhere=re.compile(rf"{_opening(data['chrome_anywhere'])}(?i:{_words(data['chrome_anywhere'])})(?!\w)"),
        byline_opening=re.compile(rf"(?i:{_words(data['byline_openings'])})(?!\w)\s*"),
        byline_cue=re.compile(rf"{_opening(data['byline_cues'])}(?<!\w)(?i:{_words(data['byline_cues'])})(?!\w)"),
        byline_joiners=frozenset(str(w).lower() for w in data["byline_joiners"]),
        byline_max_words=int(data["byline_max_words"]),
        credit=re.compile(rf"{_opening(data['credit_cues'])}(?<!\w)(?i:{_words(data['credit_cues'])})"),
        agency_closing=re.compile(rf"\((?i:{agencies})\)\.?$"),
        label=re.compile(rf"(?i:{_words(data['headline_labels'])})\s*[:|\-–—]\s+"),
        header_words=frozenset(str(w).lower() for w in data["date_header_words"]),
        header_cues=frozenset(str(w).lower() for w in data["date_header_cues"]),
        separators=frozenset(str(w) for w in data["date_separators"]),
        weekdays=frozenset(str(w).lower() for w in data["weekdays"]),
        months=frozenset(str(w).lower() for w in data["months"]),
        reading_time=re.compile(rf"{_opening(data['reading_time'])}(?i:{_words(data['reading_time'])})"),
        agency_words=frozenset(str(a).lower() for a in data["agencies"] if " " not in str(a)),
        continuation=frozenset(str(w) for w in data["continuation_words"]),
        dateline=re.compile(rf"(?:{dateline}){starts}"),
        dateline_line=re.compile(rf"(?:{dateline_line})$"),
        date_prefix=re.compile(date_prefix),
        keys={"chrome_anywhere": key_words(data["chrome_anywhere"]),
              "byline_cue": key_words(data["byline_cues"]), "credit": key_words(data["credit_cues"])},
    )


# -- marks -----------------------------------------------------------------------------

_BULLET = re.compile(r"(?:[-–—•·*▪►●◦‣■□➢✓]|\d{1,2}[.)])[ \t]+(?=[\"“‘'(]?[A-Z0-9])")
_FOOTNOTE = re.compile(
    r"(?=[\[{¹²³⁰⁴⁵⁶⁷⁸⁹\d])"                      # (what the marks open with: passes fast)
    r"(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"          # [4], [4, 5], [4-6]
    r"|[¹²³⁰⁴⁵⁶⁷⁸⁹]+"                              # superscript digits
    r"|(?<=[a-z)\]”’\"'][.,;:])\d{1,2}(?=\s|$)"     # "in the 1960s.4 The ..."
    r"|\{[a-z][a-z0-9_-]*\})")                      # template tokens left in the page
_TERMINAL = re.compile(r"(?:[.!?:]|\.\.\.|…)[\"'”’)\]]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")
_TOKENS = re.compile(r"[\w.:/'’-]+|[|–—·•]")
_TIME = re.compile(r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ap]\.?m\.?)?$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d\d-\d\d)$")
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th)?$")
_LONGEST_CAPTION = 60  # words: a longer line is a paragraph of prose, no caption or byline
_DIGIT = re.compile(r"\d")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|info|news)(?![a-z])")


@dataclass
class _Line:
    start: int      # the content, after any bullet mark
    end: int
    text: str
    blank_before: bool
    bullet: tuple[int, int] | None
    kind: str | None = None   # a boilerplate kind, or None for prose


def page_layout(text: str) -> Layout:
    """The classified spans of ``text`` (see the module's documentation)."""
    lex = lexicon()
    lines = _lines(text)
    for line in lines:
        line.kind = _line_kind(line.text, lex)
    _mark_repeats(lines, lex)
    groups = _paragraphs(lines, lex)
    spans: list[Span] = []
    headline_possible = True
    prose_paragraphs = sum(1 for g in groups if g[0].kind is None)
    for paragraph, group in enumerate(groups):
        first, last = group[0], group[-1]
        if first.kind is not None:
            spans.append(Span(first.start, first.end, first.kind, paragraph))
            continue
        start, end = first.start, last.end
        body = text[start:end]
        if len(group) == 1 and prose_paragraphs > 1 and _title_like(body):
            kind = "headline" if headline_possible else "heading"
            headline_possible = False
            label = lex.label.match(body)
            if label and label.end() < len(body):
                spans.append(Span(start, start + len(label.group().rstrip()), "chrome", paragraph))
                start += label.end()
            spans.append(Span(start, end, kind, paragraph))
            continue
        headline_possible = False
        for _ in range(3):  # a header date, then a dateline, then the story
            prefix = lex.date_prefix.match(text, start, end)
            kind = "timestamp"
            if prefix is None:
                prefix = lex.dateline.match(text, start, end)
                kind = "dateline"
            if prefix is None or prefix.end() >= end:
                break
            spans.append(Span(start, start + len(prefix.group().rstrip()), kind, paragraph))
            start = prefix.end()
        spans.append(Span(start, end, "body", paragraph))
    marks = [line.bullet for line in lines if line.bullet is not None]
    marks += [(m.start(), m.end()) for m in _FOOTNOTE.finditer(text)]
    return Layout(tuple(spans), tuple(sorted(marks)))


def _lines(text: str) -> list[_Line]:
    """The non-blank lines, their content trimmed, with any bullet mark set apart."""
    out: list[_Line] = []
    blank = True
    at = 0
    n = len(text)
    while at <= n:
        nl = text.find("\n", at)
        stop = n if nl == -1 else nl
        start, end = at, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            blank = True
        else:
            bullet = None
            mark = _BULLET.match(text, start, end)
            if mark and mark.end() < end:
                bullet = (start, start + len(mark.group().rstrip()))
                start = mark.end()
            out.append(_Line(start, end, text[start:end], blank, bullet))
            blank = False
        if nl == -1:
            break
        at = nl + 1
    return out


def _line_kind(line: str, lex: _Lexicon) -> str | None:
    """The boilerplate kind of a whole line, or None when it may be prose."""
    if not any(c.isalpha() for c in line):
        return "chrome"
    bare = line.strip(" \t.:;,!|-–—•·>»").lower()
    if bare in lex.chrome_lines:
        return "chrome"
    if lex.link.match(line):
        return "link"
    if lex.teaser.match(line):
        return "teaser"
    if lex.chrome.match(line):
        return "chrome"
    words = line.split()
    if len(words) > _LONGEST_CAPTION:
        return None  # a paragraph of prose
    short = len(words) <= 16
    # the cues searched for in the line are looked for only if it holds a key word
    lowered = lowered_for_search(line)
    if short and may_hold(lowered, lex.keys["chrome_anywhere"]) and lex.chrome_anywhere.search(line):
        return "chrome"
    if (may_hold(lowered, lex.keys["credit"]) and lex.credit.search(line)) or lex.agency_closing.search(line):
        return "caption"
    if _is_byline(line, words, lex, lowered):
        return "byline"
    if short and _is_timestamp(line, lex):
        return "timestamp"
    if len(words) <= 6 and lex.reading_time.search(line):
        return "chrome"
    if short and _DOMAIN.search(line) and not _TERMINAL.search(line):
        return "chrome"
    if len(words) <= 5 and lex.dateline_line.match(line) and _dateline_line(line, lex):
        return "dateline"
    return None


def _dateline_line(line: str, lex: _Lexicon) -> bool:
    """A line that is a place alone needs a colon or a dash after it, a date or an
    agency ("Bogota EFE")."""
    words = line.split()
    return line.endswith((":", "-", "–", "—")) or lex.agency_closing.search(line) is not None \
        or any(w.lower().strip(".,()/") in lex.months for w in words) \
        or (len(words) > 1 and words[-1].strip("()/").lower() in lex.agency_words)


def _is_byline(line: str, words: Sequence[str], lex: _Lexicon, lowered: str | None) -> bool:
    """"By A. Writer and B. Writer", or a short line with a staff cue and no sentence end."""
    if len(words) > lex.byline_max_words:
        return False
    opening = lex.byline_opening.match(line)
    if opening:
        if opening.group().rstrip().endswith(":"):  # "Source: ...", "Author: ..."
            return opening.end() < len(line)
        names = line[opening.end():].replace(",", " , ").split()
        return bool(names) and all(w[0].isupper() or w.lower() in lex.byline_joiners for w in names)
    return may_hold(lowered, lex.keys["byline_cue"]) and lex.byline_cue.search(line) is not None \
        and not line.rstrip().endswith(".")


def _is_timestamp(line: str, lex: _Lexicon) -> bool:
    """A line that ends in a date or a time, with few other words: a source's name or
    a header word ("Updated: 12 March 2019", "The Daily Paper - Monday, July 1, 2002")."""
    if not _DIGIT.search(line):
        return False  # a date, a time or a day's number has a digit
    tokens = [t.strip(",.;()") or t for t in _TOKENS.findall(line)]
    kinds = []
    for token in tokens:
        low = token.lower().rstrip(":")
        if _TIME.match(token):
            kinds.append("time")
        elif _NUMERIC_DATE.match(token):
            kinds.append("date")
        elif low in lex.months:
            kinds.append("month")
        elif _NUMBER.match(token):
            kinds.append("number")
        elif low in lex.weekdays:
            kinds.append("weekday")
        elif token in lex.separators:
            kinds.append("separator")
        elif low in lex.header_words:
            kinds.append("cue" if low in lex.header_cues else "header")
        else:
            kinds.append("other")
    dated = "date" in kinds or "time" in kinds or ("month" in kinds and "number" in kinds)
    if not dated:
        return False
    # the line ends in the date: at most one word (a place) after its last part
    last = max(i for i, k in enumerate(kinds) if k in ("date", "time", "month", "number", "weekday"))
    trailing = [k for k in kinds[last + 1:] if k == "other"]
    others = kinds.count("other")
    if len(trailing) > 1:
        return False
    strong = "cue" in kinds or "time" in kinds or "weekday" in kinds or "separator" in kinds
    return others <= (5 if strong else 2)


def _mark_repeats(lines: list[_Line], lex: _Lexicon) -> None:
    """Lines the page printed before are duplicates; a caption's text printed again
    without its credit is a caption too; a teaser cut short ("... banned by Pa...")
    of a paragraph that follows is a teaser."""
    seen: dict[str, int] = {}
    by_prefix: dict[str, list[int]] = {}
    keys = [" ".join(line.text.lower().split()) for line in lines]
    for i, key in enumerate(keys):
        by_prefix.setdefault(key[:30], []).append(i)
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if line.kind is None and len(key) >= 20 and key in seen:
            line.kind = "duplicate"
        seen.setdefault(key, i)
    for i, line in enumerate(lines):
        if line.kind == "caption":
            core = _caption_core(line.text, lex)
            if len(core) >= 20:
                for j in by_prefix.get(core[:30], ()):
                    if j != i and lines[j].kind in (None, "duplicate") and keys[j] == core:
                        lines[j].kind = "caption"
        elif line.kind is None and _ELLIPSIS.search(line.text):
            core = _ELLIPSIS.sub("", keys[i]).rstrip()
            if len(core) >= 30 and any(j > i and keys[j].startswith(core) and len(keys[j]) > len(core)
                                       for j in by_prefix.get(core[:30], ())):
                line.kind = "teaser"


def _caption_core(line: str, lex: _Lexicon) -> str:
    """A caption without its credit: "Fighters at a checkpoint. (Agency)" -> "fighters at a checkpoint."."""
    cut = len(line)
    closing = lex.agency_closing.search(line)
    if closing:
        cut = closing.start()
    credit = lex.credit.search(line)
    if credit:
        cut = min(cut, credit.start())
    return " ".join(line[:cut].lower().split()).rstrip(" -–—|(")


def _paragraphs(lines: list[_Line], lex: _Lexicon) -> list[list[_Line]]:
    """The lines grouped in paragraphs: a prose line joins the one before it when a hard
    wrap cut the sentence there. A page with several sure wraps is hard-wrapped, and
    then any long line that does not end its sentence goes on on the next."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if _may_join(a, b, lex)]
    sure = {id(b) for a, b in pairs if _sure_wrap(a, b, lex)}
    wrapped = len(sure) >= 3 and len(sure) * 4 >= len(pairs)
    joined = {id(b) for a, b in pairs
              if id(b) in sure or (wrapped and len(a.text) >= 40 and b.text[:1].isalnum())}
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and id(line) in joined:
            line.kind = None
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _may_join(a: _Line, b: _Line, lex: _Lexicon) -> bool:
    """Two adjacent prose lines, the first not ending its sentence, the second no new
    item (a bullet) and no dateline. (A line of figures alone, "1993.", may be the end
    of the sentence before it.)"""
    return (a.kind is None and (b.kind is None or _figures(b.text)) and not b.blank_before
            and b.bullet is None and not _TERMINAL.search(a.text)
            and lex.dateline.match(b.text) is None)


def _figures(line: str) -> bool:
    """A line of figures and punctuation only, opening with a figure."""
    return line[:1].isdigit() and not any(c.isalpha() for c in line)


def _sure_wrap(a: _Line, b: _Line, lex: _Lexicon) -> bool:
    """The second line goes on with the first one's sentence: it opens in lower case or
    with a parenthesis, or the first ends in a comma, a hyphen or a word that cannot
    end a sentence ("... merged with another outfit, the")."""
    head = b.text[:1]
    if head.islower() or head in "([":
        return True
    if a.text.endswith((",", ";", "&", "-", "–", "—")):
        return True
    last = _LAST_WORD.search(a.text)
    return last is not None and last.group(1) in lex.continuation


def _title_like(line: str) -> bool:
    """Built like a headline: no sentence end (a question or an exclamation may end it),
    no trailing comma, at most 25 words."""
    stripped = line.rstrip(" \"'”’")
    return bool(stripped) and not stripped.endswith((".", ",", ";")) and len(line.split()) <= 25
