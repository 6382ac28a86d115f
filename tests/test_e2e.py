"""End to end: the real seeds site in headless Chromium, with the network cut.

What an analyst does on the published site, checked on the built seeds (session fixture
``seeds_site``, served on loopback with a matching ``site_url``):

* home, a region and a theme page load offline and every chart on them is drawn;
* clicking links moves between them by Material's instant navigation (a ``window``
  marker set before the click survives it) and the charts of the new page are drawn;
* the search box finds the low-altitude economy theme page;
* a citation link lands on its article sentence, which is highlighted (``:target``);
* the dark palette draws the charts too.

Every test fails if the browser tried to reach anything but the loopback server
(``browser.offline_browser``).
"""

from __future__ import annotations

import re

import pytest
from browser import offline_browser
from site_fixture import RENDER_TIMEOUT, charts_drawn, set_palette

REGION = "regions/guangdong/"
THEME = "themes/low-altitude-economy/"
THEME_TITLE = "Low-altitude economy"


def _no_script_errors(log) -> None:
    assert log.page_errors == [], log.page_errors
    assert log.console_errors == [], log.console_errors


def _click_and_wait(page, link, url: str | re.Pattern) -> None:
    """Click *link* and wait until the new page's content is in place.

    The URL changes (pushState) before instant navigation swaps the content in, so the
    old article is tagged first and the wait is for an article without the tag.
    """
    page.evaluate("document.querySelector('article').setAttribute('data-e2e-left', '')")
    link.click()
    page.wait_for_url(url, timeout=RENDER_TIMEOUT)
    page.wait_for_selector("article:not([data-e2e-left])", state="attached",
                           timeout=RENDER_TIMEOUT)


def _link_to(page, path: str):
    """The first visible link in the page content whose target ends with *path*."""
    # Material rewrites links to absolute URLs for instant navigation; `$=` matches both.
    return page.locator(f"article a[href$='{path}']:visible").first


def test_pages_draw_charts_offline_and_across_instant_navigation(seeds_site) -> None:
    with offline_browser() as (context, log):
        page = context.new_page()
        # Direct loads: every chart of each page is drawn from the local bundle.
        drawn = {}
        for path, minimum in ((REGION, 1), (THEME, 1), ("", 4)):
            page.goto(seeds_site.url(path), wait_until="load")
            drawn[path] = charts_drawn(page, "light", minimum=minimum)
        assert {c["id"] for c in drawn[""]} >= {
            "chart-region-theme-heatmap", "chart-themes-ranked", "chart-tile-map",
            "chart-articles-over-time"}, drawn[""]

        # Clicks from the home page: -> region -> theme, in the same document (instant
        # navigation).
        page.evaluate("window.__marker = 'kept'")
        for path in (REGION, THEME):
            _click_and_wait(page, _link_to(page, path), seeds_site.url(path))
            after = charts_drawn(page, "light")
            assert [c["id"] for c in after] == [c["id"] for c in drawn[path]], after
            assert page.evaluate("window.__marker") == "kept", (
                f"clicking to {path} reloaded the page: instant navigation is off "
                "(is site_url the serving origin?)")
        assert page.locator("h1").first.inner_text().rstrip("¶ \n") == THEME_TITLE

        assert any(url.endswith("10-vega-bundle.js") for url in log.requests), log.requests
        _no_script_errors(log)
        log.assert_offline()


def test_search_finds_the_theme_page(seeds_site) -> None:
    with offline_browser() as (context, log):
        page = context.new_page()
        page.goto(seeds_site.url(), wait_until="load")
        page.evaluate("window.__marker = 'kept'")
        page.locator(".md-search__input").click()
        page.keyboard.type("low-altitude")
        hit = page.locator(f".md-search-result__item a[href*='{THEME}']").first
        hit.wait_for(state="visible", timeout=RENDER_TIMEOUT)
        items = page.locator(".md-search-result__item")
        assert items.count() >= 1
        assert THEME_TITLE in hit.inner_text(), hit.inner_text()

        # Following the result is instant navigation too, with the query highlighted.
        _click_and_wait(page, hit, re.compile(re.escape(seeds_site.url(THEME)) + r"\?h=low"))
        charts_drawn(page, "light")
        assert page.evaluate("window.__marker") == "kept"
        assert page.locator("article mark").count() >= 1  # search.highlight
        _no_script_errors(log)


@pytest.mark.parametrize("query,expected", [
    ("Ningbo", "regions/ningbo/"),
    ("brain-computer", "themes/brain-computer-interface/"),
    ("low-altitude", THEME),
])
def test_search_puts_the_right_page_first(seeds_site, query, expected) -> None:
    """With listings, commitment pages and review pages out of the index (and region and
    theme pages indexed by title and summary only), the page about the term still comes
    first."""
    with offline_browser() as (context, log):
        page = context.new_page()
        page.goto(seeds_site.url(), wait_until="load")
        page.locator(".md-search__input").click()
        page.keyboard.type(query)
        first = page.locator(".md-search-result__item a").first
        first.wait_for(state="visible", timeout=RENDER_TIMEOUT)
        page.wait_for_timeout(300)  # results settle after the last keystroke
        href = page.locator(".md-search-result__item a").first.get_attribute("href") or ""
        assert expected in href, href
        _no_script_errors(log)


SENTENCE_STYLE_JS = """(id) => {
    const target = document.getElementById(id);
    const other = [...document.querySelectorAll('.sentence')].find(s => s !== target);
    const style = (el) => {
        const s = getComputedStyle(el);
        return {background: s.backgroundColor, outline: s.outlineStyle,
                outlineWidth: s.outlineWidth};
    };
    const box = target.getBoundingClientRect();
    return {isTarget: target.matches(':target'), target: style(target), other: style(other),
            otherIsTarget: other.matches(':target'),
            inView: box.bottom > 0 && box.top < window.innerHeight};
}"""


def test_citation_lands_on_a_highlighted_sentence(seeds_site) -> None:
    with offline_browser() as (context, log):
        page = context.new_page()
        page.goto(seeds_site.url(THEME), wait_until="load")
        charts_drawn(page, "light")
        page.evaluate("window.__marker = 'kept'")
        citation = page.locator("article a.citation:visible").first
        href = citation.evaluate("a => a.href")
        match = re.search(r"/articles/([^/]+)/#(s\d+)$", href)
        assert match, href
        _click_and_wait(page, citation, href)
        assert page.evaluate("location.hash") == f"#{match[2]}"
        assert page.evaluate("window.__marker") == "kept", "citation click reloaded the page"

        page.wait_for_function("(id) => document.getElementById(id).matches(':target')",
                               arg=match[2], timeout=RENDER_TIMEOUT)
        page.wait_for_function(  # Material scrolls the anchor into view after the swap
            "(id) => { const b = document.getElementById(id).getBoundingClientRect();"
            " return b.bottom > 0 && b.top < window.innerHeight; }",
            arg=match[2], timeout=RENDER_TIMEOUT)
        styles = page.evaluate(SENTENCE_STYLE_JS, match[2])
        assert styles["isTarget"] and not styles["otherIsTarget"], styles
        assert styles["inView"], styles
        # zz-pages.css: .sentence:target gets the accent background and a solid outline.
        assert styles["target"]["outline"] == "solid", styles
        assert styles["other"]["outline"] == "none", styles
        assert styles["target"]["background"] != styles["other"]["background"], styles
        _no_script_errors(log)


def test_dark_palette_draws_the_charts(seeds_site) -> None:
    with offline_browser() as (context, log):
        page = context.new_page()
        page.goto(seeds_site.url(REGION), wait_until="load")
        light = charts_drawn(page, "light")
        set_palette(page, "dark")
        dark = charts_drawn(page, "dark")
        assert [c["id"] for c in dark] == [c["id"] for c in light]
        # one view per chart after the re-render (the light one is gone)
        assert page.evaluate(
            "[...document.querySelectorAll('.briefing-chart[data-spec-src]')]"
            ".every(el => el.querySelectorAll('svg').length === 1)")
        # the choice persists: a full load of another page draws it dark straight away
        page.goto(seeds_site.url(), wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        home = charts_drawn(page, "dark", minimum=4)
        fills = page.evaluate(
            "[...document.querySelectorAll('.briefing-chart svg .role-axis-label text')]"
            ".map(t => t.getAttribute('fill'))")
        assert fills and "#57606a" not in fills, fills  # no light-palette axis labels
        assert all(c["marks"] > 0 or c["canvas"] > 0 for c in home)
        _no_script_errors(log)
