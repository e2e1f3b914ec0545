"""HTML pages to article text and metadata, with trafilatura."""

from __future__ import annotations

import json
from typing import Any

import trafilatura


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """The main text of a page and its metadata (title, published date, source, url).

    The text opens with the page's headline (its title, when the article body does not
    start with it already) and has a blank line between blocks, so that the layout
    stage reads each block as a paragraph of its own; navigation, share buttons,
    related links and footers stay out. Falls back to all visible text when trafilatura
    finds no article body. Scripts and styles never reach the text, so hostile markup
    cannot inject anything downstream.
    """
    extracted = trafilatura.extract(html, output_format="json", with_metadata=True,
                                    include_comments=False, favor_recall=True)
    meta: dict[str, Any] = {}
    text = ""
    if extracted:
        record = json.loads(extracted)
        text = record.get("text") or ""
        meta = {"title": record.get("title"), "published": record.get("date"),
                "source": record.get("sitename") or record.get("hostname"),
                "url": record.get("url") or record.get("source")}
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    blocks = [" ".join(line.split()) for line in text.splitlines()]
    blocks = [b for b in blocks if b]
    title = " ".join(str(meta.get("title") or "").split())
    if title and blocks and blocks[0] != title:
        blocks.insert(0, title)
    return "\n\n".join(blocks), {k: v for k, v in meta.items() if v}
