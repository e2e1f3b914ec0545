"""Find the date expressions of a sentence and resolve each to an interval.

Every word comes from ``tieline/data/lexicons/dates.yaml``; the regular expressions are
built from it and compiled once, at import. A sentence with no digit and no date word
(month, season, weekday or relative cue) is turned away by one cheap test before any of
them runs, and the patterns that need a year only search windows around the years.
Expressions that need the publication date (``last year``, ``in November``) are dropped
when there is none, unless an earlier date of the sentence gives the year.

Example:
    >>> [m.interval.start for m in find_dates("In 2014, ABM pledged allegiance.")]
    ['2014']
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any, Literal

import yaml

from ..errors import OntologyError
from ..model import DateInterval
from .attach import ClauseWords

MentionKind = Literal["explicit", "relative", "range", "open"]
Bounds = tuple[str | None, str | None]

LEXICON = "tieline/data/lexicons/dates.yaml"
_REQUIRED = (
    "years", "months", "weekdays", "seasons", "parts", "range_connectors", "open_start",
    "open_start_after", "open_end", "month_prepositions", "relative", "relative_cues",
    "ago_units", "span_units", "span_prepositions", "numbers", "not_year_after",
    "count_adjectives", "year_prepositions", "not_year_before", "name_heads",
    "anchor_cues", "anchor_determiners", "this_words", "last_words", "attested_by",
    "anaphora", "lapse_later", "lapse_earlier", "citation_joiners", "time_marks",
    "relative_words", "participles", "participle_followers", "circumstance_prepositions",
    "sequence_adverbs",
)


@dataclass(frozen=True)
class DateMention:
    """A date expression of a sentence: its span (plus the offset), text and interval.

    Example:
        >>> find_dates("It began in 2014.", offset=100)[0].start
        112
    """

    start: int
    end: int
    text: str
    interval: DateInterval
    kind: MentionKind


@dataclass(frozen=True)
class Anaphor:
    """How an anaphoric expression moves from the date it refers back to: ``unit``
    (year, month, day, or none to keep the reference's precision), ``shift`` in that
    unit, and ``open`` when it runs on to the publication date ("since then").

    Example: ``Anaphor("year", 1)`` is "the following year".
    """

    unit: str
    shift: int
    open: bool = False


@dataclass(frozen=True)
class _Found:
    """A candidate expression; ``bounds`` is None when it still needs a year.

    Example: ``_Found(3, 11, "relative", None, month=11)`` is "November" awaiting a year.
    """

    start: int
    end: int
    kind: MentionKind
    bounds: Bounds | None
    month: int = 0
    days: tuple[int, int] | None = None
    mode: str = "point"
    anaphor: Anaphor | None = None


Handler = Callable[[re.Match[str], date | None], "_Found | None"]


def read_lexicon() -> dict[str, Any]:
    """The parsed ``dates.yaml``: ``read_lexicon()["years"] == [1900, 2039]``."""
    text = (resources.files("tieline") / "data" / "lexicons" / "dates.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise OntologyError("expected a mapping of sections", where=LEXICON,
                            remedy="restore the file from the package")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise OntologyError(f"missing sections: {', '.join(missing)}", where=LEXICON,
                            remedy="add them, even if empty")
    return data


def _norm(text: str) -> str:
    """Lowercase, no periods, single spaces: ``_norm("Sept.  of") == "sept of"``."""
    return " ".join(text.lower().replace(".", " ").replace("-", " ").split())


def _phrase(phrase: str) -> str:
    r"""Regex of a phrase, any whitespace between words: ``_phrase("end of") == r"end\s+of"``."""
    return r"\s+".join(re.escape(word) for word in str(phrase).split())


def _alt(phrases: Iterable[str]) -> str:
    """Non-capturing alternation, longest first: ``_alt(["a", "ab"]) == "(?:ab|a)"``."""
    unique = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_phrase(p) for p in unique) + ")"


def _ym(year: int, month: int) -> str:
    """``_ym(2014, 5) == "2014-05"``."""
    return f"{year:04d}-{month:02d}"


def _ymd(year: int, month: int, day: int) -> str:
    """``_ymd(2014, 5, 3) == "2014-05-03"``."""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _last_day(year: int, month: int) -> int:
    """``_last_day(2016, 2) == 29``."""
    return calendar.monthrange(year, month)[1]


def _not_after(a: str, b: str) -> bool:
    """Whether bound ``a`` is not later than ``b`` at their common precision: ``_not_after("2003", "2007-05")``."""
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def _at_precision(day: date, like: str) -> str:
    """``day`` written with the precision of ``like``: ``_at_precision(date(2018, 1, 25), "2012") == "2018"``."""
    return day.isoformat()[: len(like)]


def _shift(published: date, unit: str, n: int) -> str:
    """``published`` moved ``n`` units, at that unit's precision: ``_shift(date(2018, 1, 25), "month", -1) == "2017-12"``."""
    if unit == "day":
        return (published + timedelta(days=n)).isoformat()
    if unit == "month":
        total = published.year * 12 + published.month - 1 + n
        return _ym(total // 12, total % 12 + 1)
    return f"{published.year + n:04d}"


class DateLexicon:
    """The date words of ``dates.yaml`` as lookups and compiled patterns.

    Example: ``DateLexicon(read_lexicon()).month_of["sept"] == 9``.
    """

    def __init__(self, data: dict[str, Any]):
        self.min_year, self.max_year = (int(y) for y in data["years"])
        self.month_of: dict[str, int] = {}
        full: list[str] = []
        abbreviations: list[str] = []
        for number, names in enumerate(data["months"], start=1):
            full.append(str(names[0]))
            abbreviations.extend(str(n) for n in names[1:])
            for name in names:
                self.month_of[_norm(str(name))] = number
        self.full_months = full
        self.weekday_of = {_norm(str(w)): i for i, w in enumerate(data["weekdays"])}
        self.season_of = {_norm(str(k)): (int(v[0]), int(v[1])) for k, v in data["seasons"].items()}
        self.part_of: dict[str, dict[str, tuple[int, int]]] = {}
        for part in data["parts"]:
            spans = {k: (int(part[k][0]), int(part[k][1])) for k in ("months", "days", "decade") if k in part}
            for phrase in part["phrases"]:
                self.part_of[_norm(str(phrase))] = spans
        self.relative_of: dict[str, tuple[str, int, int | None]] = {}
        for rule in data["relative"]:
            end = rule.get("end")
            for phrase in rule["phrases"]:
                self.relative_of[_norm(str(phrase))] = (str(rule["unit"]), int(rule["start"]),
                                                        None if end is None else int(end))
        self.ago_units = {str(k): (str(v["unit"]), int(v["size"])) for k, v in data["ago_units"].items()}
        self.anaphor_of: dict[str, Anaphor] = {}
        for rule in data["anaphora"]:
            move = Anaphor(str(rule["unit"]), int(rule["shift"]), bool(rule.get("open", False)))
            for phrase in rule["phrases"]:
                self.anaphor_of[_norm(str(phrase))] = move
        self.lapse_sign = {**{_norm(str(w)): 1 for w in data["lapse_later"]},
                           **{_norm(str(w)): -1 for w in data["lapse_earlier"]}}
        self.span_units = {str(k): (str(v["unit"]), int(v["size"])) for k, v in data["span_units"].items()}
        self.numbers = {_norm(str(k)): int(v) for k, v in data["numbers"].items()}
        self.mode_of = {_norm(str(k)): str(v) for k, v in data["month_prepositions"].items()}
        self.this_words = {_norm(str(w)) for w in data["this_words"]}
        self.last_words = {_norm(str(w)) for w in data["last_words"]}
        self.open_start = [str(w) for w in data["open_start"]]
        self.open_end = [str(w) for w in data["open_end"]]
        self.relative_cues = [str(w) for w in data["relative_cues"]]
        self.cue_words = [*self.relative_cues, *data["seasons"], *data["weekdays"]]
        self.anchor_cues = [str(c) for c in data["anchor_cues"]]
        self.attested_by = [str(w) for w in data["attested_by"]]
        self.clause_words = ClauseWords(
            time_marks=frozenset(_norm(str(w)) for w in data["time_marks"]),
            circumstances=frozenset(_norm(str(w)) for w in data["circumstance_prepositions"]),
            sequels=frozenset(_norm(str(w)) for w in data["sequence_adverbs"]))
        self.anchor_determiners = [str(d) for d in data["anchor_determiners"]]
        self._check_cues(data)
        self._compile(data, full, abbreviations)

    def _check_cues(self, data: dict[str, Any]) -> None:
        """Fail unless every relative phrase holds a cue word ("earlier this month" holds "month")."""
        cues = {_norm(str(c)) for c in data["relative_cues"]}
        for phrase in [*self.relative_of, *self.anaphor_of]:
            if not cues & set(phrase.split()):
                raise OntologyError(f"relative phrase {phrase!r} holds no word of relative_cues",
                                    where=LEXICON, remedy="add one of its words to relative_cues")

    def _compile(self, data: dict[str, Any], full: list[str], abbreviations: list[str]) -> None:
        """Build every pattern from the words: ``self.atom`` matches "the end of 2015"."""
        caps = full + [n.upper() for n in full]
        cap_abbr = abbreviations + [n.upper() for n in abbreviations]
        full_alt, abbr_alt = _alt(full), _alt(abbreviations)
        seasons = _alt(data["seasons"])
        weekdays = _alt(list(data["weekdays"]) + [str(w).upper() for w in data["weekdays"]])
        numbers = _alt(data["numbers"])
        this_last = _alt(self.this_words | self.last_words)

        def month(name: str) -> str:
            """A month name in any case, abbreviations with or without a period: "Sept." or "OCTOBER"."""
            return rf"(?P<{name}>(?i:{full_alt})\b|(?i:{abbr_alt})(?:\.|\b))"

        def month_cap(name: str) -> str:
            """A capitalized or upper-case month name: "May" but not "may"."""
            return rf"(?P<{name}>{_alt(caps)}\b|{_alt(cap_abbr)}(?:\.|\b))"

        def day(name: str) -> str:
            """A day of the month, with an optional ordinal suffix: "3", "03", "3rd"."""
            return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"

        def part(key: str | None) -> str:
            """A part phrase that combines with ``key`` (months/days/decade): "the end of ", "mid-"."""
            phrases = [p for p, spans in self.part_of.items() if key is None or key in spans]
            return rf"(?:(?i:the)\s+)?(?P<part>(?i:{_alt(phrases)}))(?:\s*-\s*|\s+)"

        year = r"(?P<year>[12]\d{3})(?!\d)"
        forms: list[tuple[str, str]] = [
            ("iso", rf"{year}-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])(?!\d)"),
            ("date", rf"{day('day')}\s+(?:(?i:of)\s+)?{month('month')},?\s+{year}"),
            ("date", rf"{month('month')}\s+{day('day')},?\s+{year}"),
            ("part_month", rf"{part('days')}{month('month')},?\s+(?:(?i:of)\s+)?{year}"),
            ("season", rf"(?:(?i:the)\s+)?(?P<season>(?i:{seasons}))\s+(?:(?i:of)\s+)?{year}"),
            ("part_year", rf"{part('months')}(?:(?i:the\s+year)\s+)?{year}"),
            ("month", rf"{month('month')},?\s+(?:(?i:of)\s+)?{year}"),
            ("decade", rf"(?:(?i:the)\s+)?(?:{part('decade')})?(?P<decade>[12]\d{{2}}0|['’]\d0)s(?!\w)"),
            # "the 1990's": the apostrophe only after "the" ("2010's election" is a year's)
            ("decade", rf"(?i:the)\s+(?:{part('decade')})?(?P<decade>[12]\d{{2}}0)['’]s(?!\w)"),
            ("year", year),
        ]
        self.forms = [(kind, re.compile(pattern)) for kind, pattern in forms]
        atom = "(?:" + "|".join(_unnamed(p) for _, p in forms) + ")"

        lb = r"(?<![\w$€£#@&])(?<!\d[.,:/\u2013\u2014-])"
        not_the = r"(?<![Tt]he\s)"
        # not before a decimal ("2014.5 million"), but a footnote mark may follow
        # ("the late 1960s.4 After it emerged")
        la = r"(?![\w%$€£]|[.,:]\d(?!\d?(?:\s+[\"“‘(\[]?[A-Z]|\s*$))|\s?[-\u2013\u2014/]\s?\d)"
        dash = r"\s*[-\u2013\u2014]\s*"
        conn = _alt(data["range_connectors"])

        def scan(body: str) -> re.Pattern[str]:
            """``body`` compiled between word boundaries that also reject "2,014" and "2014-15"."""
            return re.compile(lb + body + la)

        self.range = scan(rf"(?:(?i:from)\s+)?(?P<a>{atom})(?:{dash}|\s+(?i:{conn})\s+)(?P<b>{atom})")
        self.between = scan(rf"(?i:between)\s+(?P<a>{atom})\s+(?i:and)\s+(?P<b>{atom})")
        self.short = scan(r"(?:(?i:from)\s+)?(?P<a>[12]\d{3})\s*[-\u2013/]\s*(?P<b>\d\d)(?!\d)")
        self.months = scan(rf"(?:(?P<between>(?i:from|between))\s+)?{month('m1')}"
                           rf"(?:{dash}|\s+(?P<conn>(?i:{conn}|and))\s+){month('m2')},?\s+(?:(?i:of)\s+)?{year}")
        self.days = scan(rf"(?:(?P<between>(?i:from|between))\s+)?(?:{day('d1')}(?:{dash}|\s+(?P<conn>(?i:to|and))\s+)"
                         rf"{day('d2')}\s+(?:(?i:of)\s+)?{month('month')}|{month('month2')}\s+{day('d3')}"
                         rf"(?:{dash}|\s+(?P<conn2>(?i:to|and))\s+){day('d4')}),?\s+{year}")
        self.since = scan(rf"(?i:{_alt(data['open_start'])})\s+(?P<a>{atom})")
        self.from_on = scan(rf"(?i:from)\s+(?P<a>{atom})\s+(?i:{_alt(data['open_start_after'])})")
        self.until = scan(rf"(?i:{_alt(data['open_end'])})\s+(?P<a>{atom})")
        self.attested = scan(rf"(?i:{_alt(data['attested_by'])})\s+(?P<a>{atom})")
        self.atom = scan(rf"(?P<a>{atom})")
        self.relative = scan(not_the + rf"(?i:{_alt(self.relative_of)})")
        self.anaphor = scan(rf"(?i:{_alt(self.anaphor_of)})")
        self.lapse = scan(rf"(?i:(?P<n>{numbers}|\d{{1,2}})\s+(?P<u>{_alt(self.ago_units)})s?\s+"
                          rf"(?P<dir>{_alt(self.lapse_sign)}))")
        self.ago = scan(rf"(?i:(?P<n>{numbers}|\d{{1,2}})\s+(?P<u>{_alt(self.ago_units)})s?\s+ago)")
        self.span = scan(rf"(?i:(?:{_alt(data['span_prepositions'])}\s+)?the\s+(?:past|last|previous)\s+"
                         rf"(?:(?P<n>{numbers}|\d{{1,2}})\s+)?(?P<u>{_alt(self.span_units)})s?)(?!\s+(?i:of)\b)")
        self.last_month = scan(not_the + rf"(?P<w>(?i:{this_last}))\s+(?P<month>{_alt(caps)})")
        self.last_season = scan(not_the + rf"(?P<w>(?i:{this_last}))\s+(?P<season>(?i:{seasons}))")
        self.part_relative = scan(rf"{part(None)}(?P<w>(?i:{this_last}))\s+(?P<u>(?i:year|month))")
        self.weekday = scan(rf"(?:(?P<w>(?i:{this_last}))\s+)?(?P<wd>{weekdays})"
                            r"(?:\s+(?i:morning|afternoon|evening|night))?")
        preps = _alt(self.mode_of)
        self.bare_month = scan(rf"(?:(?P<pre>(?i:{preps}))\s+)?(?P<d>(?:{part('days')})?(?P<month>{_alt(caps)}))")
        self.month_day = scan(rf"(?:(?P<pre>(?i:{preps}))\s+)?(?P<d>{month_cap('month')}\s+{day('day')}"
                              rf"|{day('day2')}\s+(?:(?i:of)\s+)?{month_cap('month2')})")

        nouns, adjectives = _alt(data["not_year_after"]), _alt(data["count_adjectives"])
        self.count_after = re.compile(rf"(?i:(?:\s+|-)(?:{adjectives}\s+)?{nouns}\b)")
        self.year_before = re.compile(rf"(?i:\b{_alt(data['year_prepositions'])}\s+)$")
        self.id_before = re.compile(rf"(?i:\b{_alt(data['not_year_before'])}\.?\s*)$")
        self.list_gap = re.compile(rf"(?:[\s,]+|(?i:and|or|&)|{_alt(caps)})*")
        self.anchor_before = re.compile(
            rf"(?<!\w)(?P<cue>(?i:{_alt(self.anchor_cues)}))\s+"
            rf"(?:(?i:{_alt(self.anchor_determiners)})\s+|[A-Z][\w'’.-]*?(?:'s|’s|s'|s’)\s+)?$")
        # the end of a cue ("after", "in the wake of") and a lapse before it ("two years after")
        self.anchor_end = re.compile(rf"(?<!\w)(?i:{_alt(self.anchor_cues)})$")
        self.lapse_before = re.compile(
            rf"(?<!\w)(?i:(?P<n>{numbers}|\d{{1,2}})\s+(?P<u>{_alt(self.ago_units)})s?)\s+$")
        # background: inside a relative clause, or a participle phrase opening the sentence
        self.relative_before = re.compile(
            rf"(?<!\w)(?i:{_alt(data['relative_words'])})\b[^,;:()\[\]—–]*$")
        self.participle_opening = re.compile(
            rf"^(?:[A-Z][a-z]+ly\s+)?(?:[A-Z][a-z]+ed|(?i:{_alt(data['participles'])}))\s+"
            rf"(?i:{_alt(data['participle_followers'])})\b[^,;:]*$")
        self.month_word = re.compile(rf"(?i:\b(?:{full_alt}|{abbr_alt})\b)")
        name = r"[A-Z][\w’'.-]*"
        joiners = _alt(data["citation_joiners"])
        self.citation_before = re.compile(
            rf"\((?:[^()]*;\s*)?(?P<names>{name}(?:(?:\s+|\s*,\s*|\s+{joiners}\s+){name})*)"
            rf"(?:\s+{joiners})?\s*,?\s*$")
        self.citation_after = re.compile(r"[a-z]?(?:\s*[:,]\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?\s*[;)]")
        self.name_after = re.compile(rf"\s+(?:[A-Z][\w'’-]*\s+)?{_alt(data['name_heads'])}\b")


def _unnamed(pattern: str) -> str:
    """The pattern without group names: ``_unnamed("(?P<y>1)") == "(?:1)"``."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_LEX = DateLexicon(read_lexicon())
_DIGIT = re.compile(r"\d")


def lexicon() -> DateLexicon:
    """The compiled date lexicon: ``lexicon().month_of["oct"] == 10``."""
    return _LEX


def _year(text: str) -> int | None:
    """A year within the lexicon's range: ``_year("2014") == 2014``, ``_year("1850") is None``."""
    value = int(text)
    return value if _LEX.min_year <= value <= _LEX.max_year else None


def _day(text: str) -> int:
    """``_day("3rd") == 3``."""
    return int(text.rstrip("stndrh"))


def _month(text: str) -> int:
    """``_month("Sept.") == 9``."""
    return _LEX.month_of[_norm(text)]


def _parse_form(kind: str, m: re.Match[str]) -> Bounds | None:
    """Bounds of one matched atom form: ``("date", "3 May 2014") -> ("2014-05-03", None)``."""
    g = m.groupdict()
    if kind == "decade":
        raw = g["decade"].lstrip("'’")
        start = int(raw) if len(raw) == 4 else int(raw) + (1900 if int(raw) >= 40 else 2000)
        low, high = (0, 9)
        if g.get("part"):
            low, high = _LEX.part_of[_norm(g["part"])]["decade"]
        if _year(str(start)) is None:
            return None
        return f"{start + low:04d}", f"{start + high:04d}"
    y = _year(g["year"])
    if y is None:
        return None
    if kind == "year":
        return f"{y:04d}", None
    if kind == "season":
        first, last = _LEX.season_of[_norm(g["season"])]
        return _ym(y, first), _ym(y + 1 if last < first else y, last)
    if kind == "part_year":
        first, last = _LEX.part_of[_norm(g["part"])]["months"]
        return _ym(y, first), _ym(y, last)
    if kind == "iso":
        mo, d = int(g["mm"]), int(g["dd"])
    else:
        mo = _month(g["month"])
        if kind == "month":
            return _ym(y, mo), None
        if kind == "part_month":
            first, last = _LEX.part_of[_norm(g["part"])]["days"]
            return _ymd(y, mo, first), _ymd(y, mo, min(last, _last_day(y, mo)))
        d = _day(g["day"])
    if d > _last_day(y, mo):
        return None
    return _ymd(y, mo, d), None


def parse_atom(text: str) -> Bounds | None:
    """Bounds of one explicit expression: ``parse_atom("the end of 2015") == ("2015-09", "2015-12")``."""
    for kind, pattern in _LEX.forms:
        m = pattern.fullmatch(text)
        if m:
            return _parse_form(kind, m)
    return None


def _atom(m: re.Match[str], published: date | None) -> _Found | None:
    """``2014``, ``October 2006``, ``the late 1980s``: explicit."""
    bounds = parse_atom(m.group("a"))
    return _Found(m.start(), m.end(), "explicit", bounds) if bounds else None


def _range(m: re.Match[str], published: date | None) -> _Found | None:
    """``from 2003 to 2007``, ``between 2010 and 2012``: a range from a's start to b's end."""
    a, b = parse_atom(m.group("a")), parse_atom(m.group("b"))
    if not a or not b or a[0] is None:
        return None
    end = b[1] or b[0]
    if end is None or not _not_after(a[0], end) or a[0] == end:
        return None
    return _Found(m.start(), m.end(), "range", (a[0], end))


def _short(m: re.Match[str], published: date | None) -> _Found | None:
    """``2003–07``, ``2014/15``: a range with a two-digit end."""
    first = _year(m.group("a"))
    if first is None:
        return None
    last = first // 100 * 100 + int(m.group("b"))
    if last <= first or _year(str(last)) is None:
        return None
    return _Found(m.start(), m.end(), "range", (f"{first:04d}", f"{last:04d}"))


def _joined_by_and_alone(m: re.Match[str], *groups: str) -> bool:
    """Whether two parts are joined by "and" without "between": "May and July 2014" is two months."""
    joined = any(m.groupdict().get(g) and _norm(m.group(g)) == "and" for g in groups)
    return joined and _norm(m.group("between") or "") != "between"


def _months(m: re.Match[str], published: date | None) -> _Found | None:
    """``between May and July 2014``, ``March–May 2014``: a range of months."""
    y = _year(m.group("year"))
    if y is None or _joined_by_and_alone(m, "conn"):
        return None
    first, last = _month(m.group("m1")), _month(m.group("m2"))
    if first == last:
        return None
    start_year = y if first < last else y - 1
    return _Found(m.start(), m.end(), "range", (_ym(start_year, first), _ym(y, last)))


def _days(m: re.Match[str], published: date | None) -> _Found | None:
    """``3–5 May 2014``, ``May 3-5, 2014``: a range of days."""
    y = _year(m.group("year"))
    if y is None or _joined_by_and_alone(m, "conn", "conn2"):
        return None
    if m.group("d1"):
        mo, first, last = _month(m.group("month")), _day(m.group("d1")), _day(m.group("d2"))
    else:
        mo, first, last = _month(m.group("month2")), _day(m.group("d3")), _day(m.group("d4"))
    if not first < last <= _last_day(y, mo):
        return None
    return _Found(m.start(), m.end(), "range", (_ymd(y, mo, first), _ymd(y, mo, last)))


def _since(m: re.Match[str], published: date | None) -> _Found | None:
    """``since 2012``, ``from 2014 onward``: open, ending at publication (None without it)."""
    bounds = parse_atom(m.group("a"))
    if not bounds or bounds[0] is None:
        return None
    start = bounds[0]
    end = _at_precision(published, start) if published else None
    if end is not None and not _not_after(start, end):
        end = None
    return _Found(m.start(), m.end(), "open", (start, end))


def _until(m: re.Match[str], published: date | None) -> _Found | None:
    """``until 2009``, ``by the end of 2015``: open, with no start."""
    bounds = parse_atom(m.group("a"))
    if not bounds:
        return None
    return _Found(m.start(), m.end(), "open", (None, bounds[1] or bounds[0]))


def _attested(m: re.Match[str], published: date | None) -> _Found | None:
    """``by 2014``, ``as of mid-2016``: the time the sentence finds things so (the last
    point of the expression: "by the end of 2015" is 2015-12)."""
    bounds = parse_atom(m.group("a"))
    if not bounds:
        return None
    return _Found(m.start(), m.end(), "explicit", (bounds[1] or bounds[0], None))


def _anaphor(m: re.Match[str], published: date | None) -> _Found | None:
    """``the following year``, ``that month``, ``since then``: awaiting the date it refers to."""
    return _Found(m.start(), m.end(), "relative", None, anaphor=_LEX.anaphor_of[_norm(m.group())])


def _lapse(m: re.Match[str], published: date | None) -> _Found | None:
    """``two years later``, ``a few months earlier``: a lapse from the date referred to."""
    unit, size = _LEX.ago_units[_norm(m.group("u"))]
    shift = size * _count(m.group("n")) * _LEX.lapse_sign[_norm(m.group("dir"))]
    return _Found(m.start(), m.end(), "relative", None, anaphor=Anaphor(unit, shift))


def _relative(m: re.Match[str], published: date | None) -> _Found | None:
    """``earlier this month``, ``last year``, ``in recent months``: by the yaml's rule."""
    if published is None:
        return None
    unit, start, end = _LEX.relative_of[_norm(m.group())]
    bounds = (_shift(published, unit, start), None if end is None else _shift(published, unit, end))
    return _Found(m.start(), m.end(), "relative", bounds)


def _count(text: str) -> int:
    """``_count("two") == 2``, ``_count("12") == 12``."""
    return int(text) if text.isdigit() else _LEX.numbers[_norm(text)]


def _ago(m: re.Match[str], published: date | None) -> _Found | None:
    """``two years ago``, ``a decade ago``: a point, n units back."""
    if published is None:
        return None
    unit, size = _LEX.ago_units[_norm(m.group("u"))]
    return _Found(m.start(), m.end(), "relative", (_shift(published, unit, -size * _count(m.group("n"))), None))


def _span(m: re.Match[str], published: date | None) -> _Found | None:
    """``over the past two years``: from n units back to publication."""
    if published is None:
        return None
    unit, size = _LEX.span_units[_norm(m.group("u"))]
    n = _count(m.group("n")) if m.group("n") else 1
    return _Found(m.start(), m.end(), "relative",
                  (_shift(published, unit, -size * n), _shift(published, unit, 0)))


def _last_month(m: re.Match[str], published: date | None) -> _Found | None:
    """``last November`` (before the publication month), ``this March`` (on or before)."""
    if published is None:
        return None
    mo = _month(m.group("month"))
    strict = _norm(m.group("w")) in _LEX.last_words
    y = published.year if mo < published.month or (mo == published.month and not strict) else published.year - 1
    return _Found(m.start(), m.end(), "relative", (_ym(y, mo), None))


def _last_season(m: re.Match[str], published: date | None) -> _Found | None:
    """``last summer`` (the latest one over before the publication month), ``this spring``."""
    if published is None:
        return None
    first, last = _LEX.season_of[_norm(m.group("season"))]
    wraps = last < first
    now = (published.year, published.month)
    if _norm(m.group("w")) in _LEX.this_words:
        y = published.year - 1 if wraps and published.month <= last else published.year
    else:
        y = published.year
        while (y + 1 if wraps else y, last) >= now:
            y -= 1
    return _Found(m.start(), m.end(), "relative", (_ym(y, first), _ym(y + 1 if wraps else y, last)))


def _part_relative(m: re.Match[str], published: date | None) -> _Found | None:
    """``late last year``, ``the end of last month``, ``early this year``."""
    if published is None:
        return None
    spans = _LEX.part_of[_norm(m.group("part"))]
    back = -1 if _norm(m.group("w")) in _LEX.last_words else 0
    if _norm(m.group("u")) == "year":
        if "months" not in spans:
            return None
        y = published.year + back
        return _Found(m.start(), m.end(), "relative", (_ym(y, spans["months"][0]), _ym(y, spans["months"][1])))
    if "days" not in spans:
        return None
    ym = _shift(published, "month", back)
    y, mo = int(ym[:4]), int(ym[5:])
    first, last = spans["days"]
    return _Found(m.start(), m.end(), "relative",
                  (_ymd(y, mo, first), _ymd(y, mo, min(last, _last_day(y, mo)))))


def _weekday(m: re.Match[str], published: date | None) -> _Found | None:
    """``on Monday``: the latest such day on or before publication (before it for ``last``)."""
    if published is None:
        return None
    back = (published.weekday() - _LEX.weekday_of[_norm(m.group("wd"))]) % 7
    if back == 0 and _norm(m.group("w") or "") in _LEX.last_words:
        back = 7
    return _Found(m.start(), m.end(), "relative", ((published - timedelta(days=back)).isoformat(), None))


def _mode(pre: str | None) -> str:
    """How a preposition bounds a month: ``_mode("since") == "since"``, ``_mode("in") == "point"``."""
    return _LEX.mode_of.get(_norm(pre or ""), "point")


def _bare_month(m: re.Match[str], published: date | None) -> _Found | None:
    """``in November``, ``early October``: a month awaiting its year (needs a preposition or part)."""
    part = m.groupdict().get("part")
    if not m.group("pre") and not part:
        return None
    days = _LEX.part_of[_norm(part)]["days"] if part else None
    mode = _mode(m.group("pre"))
    return _Found(m.start("d") if mode == "point" else m.start(), m.end(), "relative", None,
                  month=_month(m.group("month")), days=days, mode=mode)


def _month_day(m: re.Match[str], published: date | None) -> _Found | None:
    """``on May 3``, ``3 May``: a day awaiting its year."""
    if m.group("month"):
        mo, d = _month(m.group("month")), _day(m.group("day"))
    else:
        mo, d = _month(m.group("month2")), _day(m.group("day2"))
    if d > _last_day(2000, mo):
        return None
    mode = _mode(m.group("pre"))
    return _Found(m.start("d") if mode == "point" else m.start(), m.end(), "relative", None,
                  month=mo, days=(d, d), mode=mode)


@dataclass(frozen=True)
class _Scanner:
    """One pattern, its handler and when it is worth running.

    ``scope``: "years" runs only in windows around four-digit years (every match holds one),
    "digit" on text with a digit, "dated" on text with a year or a publication date, "text"
    always. Each of ``gates`` must share a word with the text; ``min_years`` is the number
    of years a match needs (two for "from 2003 to 2007").
    Example: ``_Scanner(_LEX.atom, _atom, "years")``.
    """

    pattern: re.Pattern[str]
    handler: Handler
    scope: str
    gates: tuple[frozenset[str], ...] = ()
    published: bool = False
    min_years: int = 1


_WORD = re.compile(r"[a-z]+")
_YEARISH = re.compile(r"[12]\d{3}|['’]\d0s")
# How far an expression reaches before and after a year it holds: "between the first
# half of 2014", "from 2014 to the present". Windows are searched with these margins.
_REACH_BACK = 64
_REACH_AHEAD = 24


def _words(*groups: Iterable[Any]) -> frozenset[str]:
    """Lowercase words of phrases: ``_words(["earlier this"]) == {"earlier", "this"}``."""
    return frozenset(w for group in groups for p in group for w in _WORD.findall(str(p).lower()))


_MONTHS = _words(_LEX.full_months)
_ANY_MONTH = _words(_LEX.month_of)
_THIS_LAST = _words(_LEX.this_words, _LEX.last_words)
_CUES = _words(_LEX.cue_words) | _MONTHS
_SCANNERS: list[_Scanner] = [
    _Scanner(_LEX.range, _range, "years", min_years=2),
    _Scanner(_LEX.between, _range, "years", (frozenset({"between"}),), min_years=2),
    _Scanner(_LEX.short, _short, "years"),
    _Scanner(_LEX.months, _months, "years", (_ANY_MONTH,)),
    _Scanner(_LEX.days, _days, "years", (_ANY_MONTH,)),
    _Scanner(_LEX.from_on, _since, "years", (frozenset({"from"}),)),
    _Scanner(_LEX.since, _since, "years", (_words(_LEX.open_start),)),
    _Scanner(_LEX.until, _until, "years", (_words(_LEX.open_end),)),
    _Scanner(_LEX.attested, _attested, "years", (_words(_LEX.attested_by),)),
    _Scanner(_LEX.atom, _atom, "years"),
    _Scanner(_LEX.month_day, _month_day, "digit", (_ANY_MONTH,)),
    _Scanner(_LEX.relative, _relative, "text", (_words(_LEX.relative_cues),), published=True),
    _Scanner(_LEX.anaphor, _anaphor, "text", (_words(_LEX.anaphor_of) & _words(_LEX.relative_cues),)),
    _Scanner(_LEX.lapse, _lapse, "text",
             (_words(_LEX.lapse_sign), frozenset(w for u in _LEX.ago_units for w in (u, u + "s")))),
    _Scanner(_LEX.ago, _ago, "text", (frozenset({"ago"}),), published=True),
    _Scanner(_LEX.span, _span, "text", (frozenset({"past", "last", "previous"}),), published=True),
    _Scanner(_LEX.part_relative, _part_relative, "text", (_THIS_LAST, frozenset({"year", "month"})),
             published=True),
    _Scanner(_LEX.last_month, _last_month, "text", (_THIS_LAST, _MONTHS), published=True),
    _Scanner(_LEX.last_season, _last_season, "text", (_THIS_LAST, _words(_LEX.season_of)), published=True),
    _Scanner(_LEX.weekday, _weekday, "text", (_words(_LEX.weekday_of),), published=True),
    _Scanner(_LEX.bare_month, _bare_month, "dated", (_MONTHS,)),
]


def has_date_cue(text: str, published: date | None = None) -> bool:
    """Whether ``text`` may hold a date (the early exit): ``has_date_cue("Hamas denied it.") is False``."""
    if _DIGIT.search(text):
        return True
    return published is not None and not _CUES.isdisjoint(_WORD.findall(text.lower()))


def _year_windows(text: str) -> tuple[int, list[tuple[int, int]]]:
    """How many years ``text`` holds and the merged windows around them: ``(1, [(0, 28)])`` for "In 2014"."""
    count = 0
    windows: list[tuple[int, int]] = []
    for m in _YEARISH.finditer(text):
        count += 1
        first, last = max(0, m.start() - _REACH_BACK), min(len(text), m.end() + _REACH_AHEAD)
        if windows and first <= windows[-1][1]:
            windows[-1] = (windows[-1][0], last)
        else:
            windows.append((first, last))
    return count, windows


def _plausible(text: str, found: _Found) -> bool:
    """Whether a candidate is a date, not a count, an id or part of a name ("2000 fighters")."""
    if _LEX.name_after.match(text, found.end):
        return False
    if text[found.start].isdigit() and _LEX.id_before.search(text, max(0, found.start - 30), found.start):
        return False
    if text[found.start].isdigit() and _cited(text, found):
        return False
    if not text[found.end - 1].isdigit() or not _LEX.count_after.match(text, found.end):
        return True
    number = found.end
    while number > found.start and text[number - 1].isdigit():
        number -= 1
    if found.end - number <= 2:
        return False
    if _LEX.month_word.search(text, found.start, number):
        return True
    return bool(_LEX.year_before.search(text, max(0, number - 20), number))


def _cited(text: str, found: _Found) -> bool:
    """Whether a year is that of a bibliographic citation: "(Smith and Jones, 2017)"."""
    before = _LEX.citation_before.search(text, max(0, found.start - 80), found.start)
    if before is None or not _LEX.citation_after.match(text, found.end):
        return False
    # "(June, 2014)" is a date: a month, season or weekday is no author
    names = {_norm(w) for w in re.findall(r"[A-Za-z]+", before.group("names"))}
    return names.isdisjoint(_LEX.month_of.keys() | _LEX.weekday_of.keys() | _LEX.season_of.keys())


def _longest(found: list[_Found]) -> list[_Found]:
    """Non-overlapping candidates, longest first, in text order: ``[0,4) [0,9)`` keeps ``[0,9)``."""
    taken: list[_Found] = []
    starts: list[int] = []
    for cand in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        i = bisect.bisect_left(starts, cand.start)
        if (i > 0 and taken[i - 1].end > cand.start) or (i < len(taken) and taken[i].start < cand.end):
            continue
        taken.insert(i, cand)
        starts.insert(i, cand.start)
    return taken


def _complete(found: _Found, year: int | None, published: date | None) -> Bounds | None:
    """Bounds of a month or day named without a year, given the year of an earlier date or publication."""
    if year is None:
        if published is None:
            return None
        first_day = found.days[0] if found.days else 1
        later = (found.month, first_day) > (published.month, published.day)
        year = published.year - 1 if later else published.year
    if found.days is None:
        start, end = _ym(year, found.month), None
    else:
        last = min(found.days[1], _last_day(year, found.month))
        if found.days[0] > last:
            return None
        start = _ymd(year, found.month, found.days[0])
        end = None if found.days[0] == found.days[1] else _ymd(year, found.month, last)
    if found.mode == "since":
        until = _at_precision(published, start) if published else None
        return start, until if until and _not_after(start, until) else None
    if found.mode == "until":
        return None, end or start
    return start, end


def find_dates(text: str, published: date | None = None, offset: int = 0,
               year: int | None = None, narrative: DateMention | None = None) -> list[DateMention]:
    """Every date expression of ``text``, in order: ``find_dates("In October 2006, ...")[0].interval.start == "2006-10"``.

    ``year`` is the year the text before ``text`` was last speaking of (its narrative
    year). A month or day named without a year takes the year of a date next to it in
    ``text``; else, in a document with no publication date (a chronology, a codebook
    entry), the narrative year; else the year that puts it last before publication.
    News with a publication date is not given the narrative year: there "in July"
    after a paragraph about 1988 most often means the July before the report.

    ``narrative`` is the last date expression of the text before (its interval and
    kind): an anaphoric expression ("the following year", "two years later", "since
    then") is dated from the date before it in ``text``, else from ``narrative``, and is
    dropped when there is neither. ``year`` defaults to the narrative's year.
    """
    told = narrative.interval.start or narrative.interval.end if narrative is not None else None
    if year is None and told:
        year = int(told[:4])
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and published is None and year is None:
        return []
    words = set(_WORD.findall(text.lower()))
    if not has_digit and _CUES.isdisjoint(words):
        return []
    years, windows = _year_windows(text) if has_digit else (0, [])
    whole = [(0, len(text))]
    found: list[_Found] = []
    for scanner in _SCANNERS:
        if scanner.published and published is None:
            continue
        if scanner.scope == "years" and years < scanner.min_years:
            continue
        if (scanner.scope == "digit" and not has_digit) or \
                (scanner.scope == "dated" and not (years or published or year)):
            continue
        if any(gate.isdisjoint(words) for gate in scanner.gates):
            continue
        for first, last in windows if scanner.scope == "years" else whole:
            for m in scanner.pattern.finditer(text, first, last):
                cand = scanner.handler(m, published)
                if cand is not None and _plausible(text, cand):
                    found.append(cand)
    return _resolve(text, _longest(found), published, offset, year, narrative)


def _year_after(text: str, chosen: list[_Found], i: int) -> tuple[int | None, MentionKind]:
    """The year of a date right after candidate ``i`` ("in May and July 2014"), through other yearless ones."""
    for j in range(i + 1, len(chosen)):
        if not _LEX.list_gap.fullmatch(text, chosen[j - 1].end, chosen[j].start):
            break
        bounds = chosen[j].bounds
        if bounds is not None:
            return (int(bounds[0][:4]), chosen[j].kind) if bounds[0] else (None, "explicit")
    return None, "explicit"


def _restated(text: str, chosen: list[_Found], i: int) -> bool:
    """Whether an explicit date restates anaphor ``i`` right after it: "A few months
    later, in March 2015" is March 2015."""
    if i + 1 >= len(chosen) or chosen[i + 1].bounds is None or chosen[i + 1].anaphor is not None:
        return False
    return _RESTATED_GAP.fullmatch(text, chosen[i].end, chosen[i + 1].start) is not None


_RESTATED_GAP = re.compile(r"[\s,]*(?:(?i:in|on|during|by|around)\s+)?")


def _move(base: str, unit: str, n: int) -> str:
    """A date moved ``n`` units, at the unit's precision where the date has it:
    ``_move("1997-08", "year", 1) == "1998"``, ``_move("2014-11", "month", 3) == "2015-02"``."""
    parts = base.split("-")
    y = int(parts[0])
    if unit == "none":
        return base
    if unit == "year" or (unit == "month" and len(parts) < 2):
        return f"{y + (n if unit == 'year' else int(n / 12)):04d}"
    if unit == "month":
        total = y * 12 + int(parts[1]) - 1 + n
        return _ym(total // 12, total % 12 + 1)
    if len(parts) < 3:
        return base  # a lapse of days from a month or a year stays in it
    return (date.fromisoformat(base) + timedelta(days=n)).isoformat()


def _refer(move: Anaphor, ref: DateMention | None, published: date | None) -> tuple[Bounds, MentionKind] | None:
    """Bounds and kind of an anaphor referring to ``ref`` (None when nothing is referred to)."""
    if ref is None:
        return None
    interval = ref.interval
    forward_of_range = move.shift > 0 and ref.kind == "range" and interval.end
    base = interval.end if forward_of_range else interval.start or interval.end
    if base is None:
        return None
    start = _move(base, move.unit, move.shift)
    kind: MentionKind = "relative" if ref.kind == "relative" else "explicit"
    if not move.open:
        return (start, None), kind
    until = _at_precision(published, start) if published else None
    return (start, until if until and _not_after(start, until) else None), "open"


def _resolve(text: str, chosen: list[_Found], published: date | None, offset: int,
             narrative_year: int | None = None, narrative: DateMention | None = None) -> list[DateMention]:
    """Mentions of the chosen candidates; yearless ones take the year of the date before
    (or right after) them, else (with no publication date) the narrative year;
    anaphors are dated from the mention before them, else from ``narrative``."""
    mentions: list[DateMention] = []
    year: int | None = None
    year_kind: MentionKind = "explicit"
    for i, cand in enumerate(chosen):
        kind, bounds = cand.kind, cand.bounds
        if cand.anaphor is not None:
            referred = None if _restated(text, chosen, i) else \
                _refer(cand.anaphor, mentions[-1] if mentions else narrative, published)
            if referred is None:
                continue
            bounds, kind = referred
        elif bounds is None:
            source, source_kind = (year, year_kind) if year is not None else _year_after(text, chosen, i)
            if source is None and narrative_year is not None and published is None:
                source, source_kind = narrative_year, "explicit"
            bounds = _complete(cand, source, published)
            if source is not None and source_kind != "relative":
                kind = "open" if cand.mode != "point" else "explicit"
        if bounds is None:
            continue
        if bounds[0] is not None:
            year, year_kind = int(bounds[0][:4]), kind
        phrase = text[cand.start:cand.end]
        interval = DateInterval(start=bounds[0], end=bounds[1], text=phrase, basis="sentence")
        mentions.append(DateMention(cand.start + offset, cand.end + offset, phrase, interval, kind))
    return mentions
