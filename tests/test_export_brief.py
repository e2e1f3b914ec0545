"""The HTML dyad brief: self-contained, escaped, and its chart renders in a browser."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tieline.export.brief import brief_html, highlight_hedges, write_brief
from tieline.relations.dyad import dyad_timeline

A, B = "amber-lions", "cobalt-guard"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def timeline(store, kb, make_event, make_extraction):
    store.add(make_extraction(
        make_event(A, B, "training", "2014-03", id="training", modality="reported",
                   sentence="Amber Lions reportedly trained Cobalt Guard fighters."),
        make_event(A, B, "sanctuary", "2015", id="shelter"),
        make_event(B, A, "assassination_execution", "2018-01", id="execution",
                   sentence="Cobalt Guard executed an Amber Lions <script>alert(1)</script> courier."),
        make_event(A, B, "arms_transfer", "2018-02", id="denied", negated=True),
        doc_id="article-1"))
    return dyad_timeline(store, kb, A, B)


def test_the_brief_holds_summary_chart_turning_points_and_sources(timeline):
    html = brief_html(timeline, generated=date(2018, 2, 1))

    assert "<h1>Amber Lions — Cobalt Guard</h1>" in html
    assert "Latest state (2018)" in html and "violent rivalry" in html
    assert html.count('<svg id="timeline"') == 1
    assert "2015 → 2018: tactical alliance → violent rivalry" in html
    assert "Amber Lions <mark>reportedly</mark> trained" in html
    assert '<span class="badge negated">denied</span>' in html
    assert "https://example.org/" in html                                   # the source


def test_events_show_the_names_of_their_time(timeline):
    # Cobalt Guard was Cobalt Legion until 2015 (test knowledge base)
    html = brief_html(timeline)
    training = re.search(r"<li><strong>2014-03</strong>.*?</li>", html).group(0)
    execution = re.search(r"<li><strong>2018-01</strong>.*?</li>", html).group(0)

    assert "Amber Lions → Cobalt Legion" in training
    assert "Cobalt Guard → Amber Lions" in execution
    assert '<p class="summary">Cobalt Guard includes Cobalt Legion.</p>' in html


def test_the_brief_fetches_nothing_and_runs_nothing(timeline):
    html = brief_html(timeline)

    assert "<script" not in html
    assert not re.search(r'<(link|img|iframe)\b|src=|@import|url\(', html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_only_web_links_become_anchors(store, kb, make_event, make_extraction):
    extraction = make_extraction(make_event(A, B, "training", "2014"))
    extraction.document.url = "javascript:alert(1)"
    store.add(extraction)

    html = brief_html(dyad_timeline(store, kb, A, B))

    assert 'href="javascript' not in html


def test_hedge_cues_are_marked_and_text_escaped():
    assert highlight_hedges("They may have <b>allegedly</b> met.") == (
        "They <mark>may have</mark> &lt;b&gt;<mark>allegedly</mark>&lt;/b&gt; met.")


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=(
    f"{CHROMIUM} is missing: install Debian's chromium package (make test does, as root) "
    "to check the brief renders in a browser"))
def test_the_chart_renders_in_headless_chromium(timeline, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = tmp_path / "brief.html"
    write_brief(brief_html(timeline), path)

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(path.as_uri())
            box = page.locator("svg#timeline").bounding_box()
            markers = page.locator("svg#timeline .event").count()
            bars = page.eval_on_selector_all(
                "svg#timeline rect.state", "els => els.map(e => e.getBBox().width)")
            title = page.title()
        finally:
            browser.close()

    assert box is not None and box["width"] > 600 and box["height"] > 200
    assert markers == 4                                  # one marker per dated event
    assert len(bars) == 3 and all(width > 0 for width in bars)
    assert title == "Amber Lions — Cobalt Guard: relationship brief"
    assert requests == [path.as_uri()]                   # nothing else was fetched



def test_a_brief_that_cannot_be_written_is_an_export_error(tmp_path):
    from tieline.errors import ExportError

    with pytest.raises(ExportError, match="cannot write"):
        write_brief("<html></html>", tmp_path / "missing" / "brief.html")
