"""HTML pages to article text and metadata, with trafilatura."""

from __future__ import annotations

import json
from typing import Any

import trafilatura


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """The main text of a page and its metadata (title, published date, source, url).

    Falls back to all visible text when trafilatura finds no article body. Scripts and
    styles never reach the text, so hostile markup cannot inject anything downstream.
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
    return text, {k: v for k, v in meta.items() if v}
