"""Reading documents: formats, front matter, and clear errors for bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tieline.errors import (
    BinaryInputError, EmptyInputError, EncodingError, InputError, JsonLineError,
    UnsupportedFormatError,
)
from tieline.model import Document
from tieline.read import read_documents
from tieline.text import split_sentences


def read(paths: list[Path], published: date | None = None) -> list[Document | InputError]:
    return list(read_documents([str(p) for p in paths], published))


def test_text_file_takes_the_given_publication_date(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Hamas clashed with Fatah in Gaza.", "utf-8")
    [doc] = read([f], date(2007, 6, 15))
    assert isinstance(doc, Document)
    assert doc.id == "a" and doc.published == date(2007, 6, 15)


def test_markdown_front_matter_sets_id_title_and_date(tmp_path: Path) -> None:
    f = tmp_path / "b.md"
    f.write_text("---\nid: r1\ntitle: Clashes\npublished: 2012-06-29\n---\n# Clashes\n\n"
                 "**MUJAO** expelled the MNLA from Gao.\n", "utf-8")
    [doc] = read([f])
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.published) == ("r1", "Clashes", date(2012, 6, 29))
    assert "**" not in doc.text and doc.text.startswith("Clashes")


def test_html_is_converted_to_its_article_text(tmp_path: Path) -> None:
    f = tmp_path / "c.html"
    f.write_text("<html><head><title>T</title><script>alert('x')</script></head><body>"
                 "<article><p>Al-Shabaab merged with Hizbul Islam in December 2010, the "
                 "two groups announced in a joint statement in Mogadishu.</p></article>"
                 "</body></html>", "utf-8")
    [doc] = read([f])
    assert isinstance(doc, Document)
    assert "merged with Hizbul Islam" in doc.text and "alert" not in doc.text


def test_jsonl_reads_one_document_per_line(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "x1", "text": "One.", "published": "2014-02"}) + "\n\n"
                 + json.dumps({"id": "x2", "text": "Two."}) + "\n", "utf-8")
    docs = read([f])
    assert [d.id for d in docs if isinstance(d, Document)] == ["x1", "x2"]
    assert isinstance(docs[0], Document) and docs[0].published == date(2014, 2, 1)


@pytest.mark.parametrize("content, error", [
    (b"", EmptyInputError),
    (b"   \n\n", EmptyInputError),
    (b"\x00\x01\x02binary\x00data", BinaryInputError),
    ("caf\u00e9 Hamas".encode("latin-1"), EncodingError),
])
def test_bad_file_gives_a_clear_error_naming_it(tmp_path: Path, content: bytes,
                                                 error: type[InputError]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Hamas met Fatah.", "utf-8")
    results = read([bad, good])
    assert isinstance(results[0], error)
    assert "bad.txt" in str(results[0])
    assert isinstance(results[1], Document), "the next file is still read"


def test_broken_jsonl_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    f = tmp_path / "e.jsonl"
    f.write_text('{"id": "ok1", "text": "Fine."}\n{"id": broken\n{"id": "ok2", "text": "Also."}\n',
                 "utf-8")
    results = read([f])
    assert [type(r).__name__ for r in results] == ["Document", "JsonLineError", "Document"]
    assert "e.jsonl:2" in str(results[1])


def test_jsonl_record_without_text_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "f.jsonl"
    f.write_text('{"id": "no-text"}\n', "utf-8")
    [err] = read([f])
    assert isinstance(err, JsonLineError) and "'text'" in str(err)


def test_unknown_suffix_and_missing_file_are_errors(tmp_path: Path) -> None:
    odd = tmp_path / "g.pdf"
    odd.write_bytes(b"%PDF")
    results = read([odd, tmp_path / "missing.txt"])
    assert isinstance(results[0], UnsupportedFormatError)
    assert isinstance(results[1], InputError) and "missing.txt" in str(results[1])


def test_directory_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("One.", "utf-8")
    (tmp_path / "two.md").write_text("Two.", "utf-8")
    docs = read([tmp_path])
    assert sorted(d.id for d in docs if isinstance(d, Document)) == ["one", "two"]


def test_a_jsonl_archive_larger_than_one_documents_limit_streams_through(tmp_path: Path) -> None:
    f = tmp_path / "archive.jsonl"
    story = "Hamas clashed with Fatah in Gaza. " * 300  # about 10 kB
    with f.open("w", encoding="utf-8") as out:
        for n in range(2500):  # about 25 MB, over the 20 MB limit of one document
            out.write(json.dumps({"id": f"d{n}", "text": story}) + "\n")

    results = read_documents([str(f)])

    assert sum(1 for r in results if isinstance(r, Document)) == 2500


def test_a_jsonl_line_that_is_not_utf8_is_reported_alone(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b'{"id": "a", "text": "Fine."}\n'
                  b'{"id": "b", "text": "caf\xe9"}\n'
                  b'{"id": "c", "text": "Also fine."}\n')

    results = read([f])

    assert [type(r).__name__ for r in results] == ["Document", "EncodingError", "Document"]
    assert "mixed.jsonl:2" in str(results[1])


def test_a_binary_file_named_jsonl_is_one_error(tmp_path: Path) -> None:
    f = tmp_path / "blob.jsonl"
    f.write_bytes(bytes(range(256)) * 40)

    [err] = read([f])

    assert isinstance(err, BinaryInputError) and "blob.jsonl" in str(err)


def test_an_empty_jsonl_file_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "none.jsonl"
    f.write_text("\n\n", "utf-8")

    [err] = read([f])

    assert isinstance(err, EmptyInputError)


NEWS_PAGE = Path(__file__).parent / "fixtures" / "news_page.html"


def test_a_news_page_gives_its_headline_and_story_without_the_page_chrome(tmp_path: Path) -> None:
    [doc] = read([NEWS_PAGE])
    assert isinstance(doc, Document)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Two rebel factions merge in the north"
    assert paragraphs[1].startswith("The Hizbul Islam faction has merged with al-Shabaab")
    assert paragraphs[-1].startswith("Analysts said the merger")
    for chrome in ("Subscribe", "Politics", "Share on", "Related", "Follow us", "rights reserved",
                   "newsletter", "Staff Writer", "Photo:", "dataLayer"):
        assert chrome not in doc.text, chrome
    assert (doc.title, doc.published) == ("Two rebel factions merge in the north", date(2019, 3, 12))
    assert [s.kind for s in split_sentences(doc.text)][:2] == ["headline", "body"]


def test_a_page_whose_headline_stands_outside_the_article_still_opens_with_it(tmp_path: Path) -> None:
    html = NEWS_PAGE.read_text("utf-8")
    html = html.replace("<h1>Two rebel factions merge in the north</h1>", "").replace(
        "<main>", '<main><div class="hero"><h1>Two rebel factions merge in the north</h1></div>')
    f = tmp_path / "page.html"
    f.write_text(html, "utf-8")
    [doc] = read([f])
    assert isinstance(doc, Document)
    assert doc.text.startswith("Two rebel factions merge in the north\n\nThe Hizbul Islam faction")
