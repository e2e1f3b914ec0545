"""The attribute table answers exactly as spaCy's attribute ruler, only faster."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from tieline.events.nlp import MODEL, TABLE_NAME, load_nlp, use_attribute_table
from tieline.read import read_documents
from tieline.model import Document
from tieline.text import split_sentences

SAMPLE = "tieline/data/sample"
# Rare rules of the model: the two-token ones ("gonna", "ain't", "y'all", "let's",
# "there is") and the word-specific ones ("gets", "got").
ODD_CASES = [
    "Y'all ain't gonna stop them, let's be clear: there is a war and they gotta win it.",
    "He gets arms; she got money. C'mon, there are two groups and they're gonna merge.",
]


def _analyses(nlp: spacy.language.Language, texts: list[str]) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_)
            for doc in nlp.pipe(texts) for t in doc]


@pytest.fixture(scope="module")
def sample_sentences() -> list[str]:
    documents = [d for d in read_documents([SAMPLE], None) if isinstance(d, Document)]
    assert documents, f"no sample reports under {SAMPLE}"
    return [s.text for d in documents for s in split_sentences(d.text)] + ODD_CASES


def test_the_table_replaces_the_ruler_in_tielines_pipeline() -> None:
    assert TABLE_NAME in load_nlp().pipe_names
    assert "attribute_ruler" not in load_nlp().pipe_names


def test_every_token_gets_what_the_ruler_gives_it(sample_sentences: list[str]) -> None:
    stock = spacy.load(MODEL, disable=["ner"])

    expected = _analyses(stock, sample_sentences)
    found = _analyses(load_nlp(), sample_sentences)

    assert len(found) == len(expected) > 5000
    assert [f for f, e in zip(found, expected) if f != e] == []


def test_the_rare_two_token_rules_apply() -> None:
    lemmas = {t.text: t.lemma_ for t in load_nlp()(ODD_CASES[0])}

    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["ai"] == "be"


def test_a_ruler_the_table_cannot_read_is_kept() -> None:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "big"}, index=-1)

    assert use_attribute_table(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
