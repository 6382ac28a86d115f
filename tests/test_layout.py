"""Readable on a phone: no page kind scrolls sideways at 390 px (an iPhone's CSS width).

Each kind of generated page is loaded in the headless browser at 390 x 844, its charts
drawn, and the document must be no wider than the window (``scrollWidth <= innerWidth``).
Wide content (tables, charts) may scroll inside its own box, never the whole page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import offline_browser

WIDTH = 390

#: one page of each kind the generator writes (None: found in the built site)
KINDS = {
    "home": "",
    "region": "regions/guangdong/",
    "region commitments": "regions/guangdong/commitments/",
    "city": "regions/ningbo/",
    "theme": "themes/low-altitude-economy/",
    "article": None,
    "articles index": "articles/",
    "regions index": "regions/",
    "themes index": "themes/",
    "figures": "figures/",
    "review": "review/",
    "about": "about/",
}

WIDEST_JS = """() => {
    const w = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')].filter(el => {
        const r = el.getBoundingClientRect();
        return r.right > w + 1 && getComputedStyle(el).position !== 'fixed';
    }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
    return {scroll: document.documentElement.scrollWidth, inner: w, wide: wide};
}"""


@pytest.fixture(scope="module")
def phone() -> Iterator[object]:
    with offline_browser(width=WIDTH, height=844) as (context, log):
        yield context
        assert log.page_errors == [], log.page_errors


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_page_kind_scrolls_sideways_at_390px(seeds_site, phone, kind) -> None:
    path = KINDS[kind]
    if path is None:
        path = f"articles/{seeds_site.article_ids()[0]}/"
    assert (seeds_site.site_dir / path / "index.html").is_file(), path
    page = phone.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(seeds_site.url(path), wait_until="load")
        page.wait_for_function(  # charts, if any, drawn (their width is the risk)
            """() => [...document.querySelectorAll('.briefing-chart[data-spec-src]')]
                .every(el => el.querySelector('svg, canvas') !== null)""", timeout=15000)
        got = page.evaluate(WIDEST_JS)
        assert got["scroll"] <= got["inner"], f"{kind} ({path}): {got}"
    finally:
        page.close()
