"""Count tieline's errors by class on a gold set (the table of ``docs/accuracy.md``).

Every gold relation falls in one place: *lost with a missed actor* (a gold organisation
of it no output actor matches: :func:`~tieline.evaluate.names.matching_actor_ids`),
*missed relation* (both groups found, not linked; by phenomenon:
:mod:`.phenomena`), or found — and a found one may have the *wrong type* (the pair's
majority Mapping Militants code, as the shared scorers vote), the *wrong date* (the
text states the gold year and the earliest year is another) and, where the gold is
directed (annotated documents such as the reference article), the *wrong direction*
(the event matched to it goes the other way and none holding its cue goes the right
way). *Missed actor* counts the gold organisations of each document that no output
actor matches. On exhaustively labelled news records each linked pair no gold relation
names is a *false pair*, by cause (:mod:`.false_pairs`).

News records and Mapping Militants rows are linked as their scorers link them (pairs
of groups, :func:`~tieline.evaluate.matching.link_row`); annotated documents event by
event (:func:`~tieline.evaluate.matching.match_document`).

Example:
    >>> analysis = analyse_news(gold.news, records)             # doctest: +SKIP
    >>> analysis.counts["missed_relation.apposition"]
    4
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...actors.kb import load_kb
from ..gold import GoldDocument, MmpRow
from ..matching import Record, evidence_of, holds_cue, link_row, match_document, year_of
from ..metrics import records_by_id
from ..names import actor_names, matching_actor_ids, normalize_name
from ..news_gold import NewsDocument
from ..news_metrics import false_pairs, linked_pairs
from .false_pairs import FALSE_CAUSES, classify_false_pair
from .lexicon import ErrorLexicon, load_error_lexicon
from .phenomena import PHENOMENA, classify_missed
from .spans import is_reference

# (key, label, what it counts); a key ending in "." is followed by one row per class.
TABLE: tuple[tuple[str, str, str], ...] = (
    ("missed_actor", "missed actor", "gold organisations of a document"),
    ("lost_with_actor", "relations lost with a missed actor", "gold relations"),
    *((f"missed_relation.{key}", f"missed relation: {label}", "gold relations")
      for key, label in PHENOMENA.items()),
    ("wrong_type", "wrong type", "gold relations found"),
    ("wrong_direction", "wrong direction", "directed gold events found"),
    ("wrong_date", "wrong date", "found, the text stating the gold year"),
    *((f"false_pair.{key}", f"false pair: {label}", "linked pairs")
      for key, label in FALSE_CAUSES.items()),
)
# What the classes are parts of, each with the class (or family of classes, ending in
# ".") it is defined with.
TOTALS = {"gold_organisations": "missed_actor", "gold_relations": "lost_with_actor",
          "found": "wrong_type", "year_stated": "wrong_date",
          "directed_found": "wrong_direction", "pairs_linked": "false_pair."}
EXAMPLES = 3


@dataclass
class SetAnalysis:
    """Error counts of one gold set, and a few examples of each class (ids and names).

    ``applies`` lists the classes defined on this set (direction needs directed gold,
    false pairs exhaustive gold); the others are shown as not applicable.
    """

    counts: dict[str, int] = field(default_factory=dict)
    applies: set[str] = field(default_factory=set)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, example: str = "", count: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + count
        if example and len(self.examples.setdefault(key, [])) < EXAMPLES:
            self.examples[key].append(example)

    def value(self, key: str) -> int | None:
        """The count of a class (0 when none happened), None where it does not apply."""
        if key in TOTALS:
            family = TOTALS[key]
            defined = any(a == family or (family.endswith(".") and a.startswith(family))
                          for a in self.applies)
        else:
            defined = key in self.applies
        return self.counts.get(key, 0) if defined else None


def _keys(*prefixes: str) -> set[str]:
    return {k for k, _, _ in TABLE if any(k == p or k.startswith(p + ".") for p in prefixes)}


def _group_names(gold_names: Sequence[str], ids: set[str], record: Record | None,
                 lexicon: ErrorLexicon) -> list[str]:
    """The names a group goes by in a text: the gold's, and the matching actors' names."""
    names = list(gold_names)
    for actor in (record or {}).get("actors") or []:
        if str(actor.get("id")) in ids:
            names += actor_names(actor)
    return list(dict.fromkeys(n for n in names if n and not is_reference(n, lexicon)))


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class _RowCase:
    row: MmpRow
    document: str
    record: Record | None
    shared_cue: bool


def _organisations(analysis: SetAnalysis, document: str, names: Iterable[tuple[str, bool]]) -> None:
    seen: dict[str, bool] = {}
    for name, found in names:
        key = normalize_name(name)
        seen[key] = seen.get(key, False) or found
    for key, found in seen.items():
        analysis.add("gold_organisations")
        if not found:
            analysis.add("missed_actor", f"{document}: {key}")


def _rows(cases: Sequence[_RowCase], analysis: SetAnalysis, lexicon: ErrorLexicon) -> None:
    by_document: dict[str, list[tuple[str, bool]]] = {}
    for case in cases:
        row, record = case.row, case.record
        links = link_row(row, record)
        ids1, ids2 = links.group1_ids, links.group2_ids
        by_document.setdefault(case.document, []).extend(
            [(row.group1, bool(ids1)), (row.group2, bool(ids2))])
        analysis.add("gold_relations")
        label = f"{row.id}: {row.group1} — {row.group2} ({row.type})"
        if not ids1 or not ids2:
            analysis.add("lost_with_actor", label)
            continue
        if not links.found:
            kind = classify_missed(row.text, row.cue,
                                   _group_names([row.group1], ids1, record, lexicon),
                                   _group_names([row.group2], ids2, record, lexicon),
                                   case.shared_cue, lexicon)
            analysis.add(f"missed_relation.{kind}", f"{label}: {_short(row.evidence)}")
            continue
        analysis.add("found")
        if links.predicted_type != row.type:
            analysis.add("wrong_type", f"{label} read {links.predicted_type}")
        if row.year_stated():
            analysis.add("year_stated")
            if links.year != row.year:
                analysis.add("wrong_date", f"{label} {row.year}, read {links.year or 'none'}")
    for document, names in by_document.items():
        _organisations(analysis, document, names)


def _shared_cues(document: NewsDocument) -> list[bool]:
    """For each relation: does another relation of the document have its cue and one of
    its groups?"""
    out = []
    for k, rel in enumerate(document.relations):
        groups = {normalize_name(rel.group1), normalize_name(rel.group2)}
        out.append(any(j != k and other.cue and other.cue == rel.cue
                       and groups & {normalize_name(other.group1), normalize_name(other.group2)}
                       for j, other in enumerate(document.relations)))
    return out


def analyse_news(documents: Sequence[NewsDocument], records: Sequence[Record],
                 lexicon: ErrorLexicon | None = None) -> SetAnalysis:
    """Error classes of news records (exhaustive gold: false pairs counted)."""
    words = lexicon or load_error_lexicon()
    analysis = SetAnalysis(applies=_keys("missed_actor", "lost_with_actor", "missed_relation",
                                         "wrong_type", "wrong_date", "false_pair"))
    records_of = records_by_id(records)
    cases = [_RowCase(row, doc.id, records_of.get(doc.id), shared)
             for doc in documents for row, shared in zip(doc.rows(), _shared_cues(doc))]
    _rows(cases, analysis, words)
    kb = load_kb()
    for doc in documents:
        record = records_of.get(doc.id)
        relations = [(r.group1, r.group2) for r in doc.all_relations()]
        analysis.add("pairs_linked", count=len(linked_pairs(record)))
        for pair in false_pairs(doc, record):
            cause = classify_false_pair(pair, relations, record, words, kb)
            shown = f"{doc.id}: {pair.first.get('name')} — {pair.second.get('name')}"
            if pair.events:
                shown += f": {_short(evidence_of(pair.events[0]))}"
            analysis.add(f"false_pair.{cause}", shown)
    return analysis


def analyse_rows(rows: Sequence[MmpRow], records: Sequence[Record],
                 lexicon: ErrorLexicon | None = None) -> SetAnalysis:
    """Error classes of Mapping Militants rows (one relation a document, not exhaustive:
    no false pairs; undirected: no direction)."""
    words = lexicon or load_error_lexicon()
    analysis = SetAnalysis(applies=_keys("missed_actor", "lost_with_actor", "missed_relation",
                                         "wrong_type", "wrong_date"))
    records_of = records_by_id(records)
    _rows([_RowCase(row, row.id, records_of.get(row.id), False) for row in rows], analysis,
          words)
    return analysis


def analyse_documents(documents: Sequence[GoldDocument], records: Sequence[Record],
                      lexicon: ErrorLexicon | None = None) -> SetAnalysis:
    """Error classes of annotated documents, event by event (the gold need not be
    exhaustive: no false pairs; directed gold: direction errors)."""
    words = lexicon or load_error_lexicon()
    analysis = SetAnalysis(applies=_keys("missed_actor", "lost_with_actor", "missed_relation",
                                         "wrong_type", "wrong_direction", "wrong_date"))
    records_of = records_by_id(records)
    if len(documents) == 1 and len(records) == 1 and documents[0].id not in records_of:
        records_of = {documents[0].id: records[0]}
    for doc in documents:
        record = records_of.get(doc.id)
        match = match_document(doc, record)
        _organisations(analysis, doc.id, [(a.name, bool(match.actor_ids.get(a.name)))
                                          for a in doc.actors])
        for gold in match.missed:
            analysis.add("gold_relations")
            label = f"{doc.id}: {gold.describe()}"
            ids = [match.actor_ids.get(gold.source, set()), match.actor_ids.get(gold.target, set())]
            if not all(ids):
                analysis.add("lost_with_actor", label)
                continue
            actors = [doc.actor(gold.source), doc.actor(gold.target)]
            names = [_group_names([*a.names(), *a.mentions], i, record, words)
                     for a, i in zip(actors, ids)]
            shared = any(o is not gold and o.cue and o.cue == gold.cue
                         and {o.source, o.target} & {gold.source, gold.target}
                         for o in doc.events)
            kind = classify_missed(doc.text, gold.cue, names[0], names[1], shared, words)
            analysis.add(f"missed_relation.{kind}", f"{label}: {_short(gold.cue or '')}")
        events = list((record or {}).get("events") or [])
        for m in match.matches:
            analysis.add("gold_relations")
            analysis.add("found")
            label = f"{doc.id}: {m.gold.describe()}"
            if not m.type_ok:
                analysis.add("wrong_type", f"{label} read {m.predicted.get('type')}")
            if m.gold.directed:
                analysis.add("directed_found")
                sources = match.actor_ids.get(m.gold.source, set())
                targets = match.actor_ids.get(m.gold.target, set())
                if not any(e.get("source") in sources and e.get("target") in targets
                           and (not m.gold.cue or holds_cue(e, m.gold.cue)) for e in events):
                    analysis.add("wrong_direction", label)
            start = m.gold.date.start if m.gold.date else None
            if start and start[:4] in doc.text:
                analysis.add("year_stated")
                if year_of(m.predicted.get("date")) != int(start[:4]):
                    analysis.add("wrong_date", f"{label}, read {year_of(m.predicted.get('date'))}")
    return analysis
