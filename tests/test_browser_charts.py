"""Charts render in a real browser, offline, across Material instant navigation and palettes.

A tiny standalone MkDocs-material project (not the briefing plugin: this checks the
assets and chart blocks on their own) is built into tmp, served on loopback, and
browsed with system Chromium with the network cut (see tests/browser.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import offline_browser, serve_directory

from generator import charts

ASSETS = Path(charts.__file__).parent / "assets"
# Only the chart assets: other scripts in generator/assets belong to the pages and are
# tested with the full site build.
CHART_ASSETS = ["10-vega-bundle.js", "20-briefing-charts.js", "briefing.css"]
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> {{ x }} | [l](javascript:alert(1))'
TIMEOUT = 20_000  # ms; first render includes parsing the 0.9 MB bundle


def _page_one() -> str:
    rows = [
        {"theme_id": "ai", "theme": "Artificial intelligence", "regions": 4, "url": "two/"},
        {"theme_id": "bci", "theme": HOSTILE, "regions": 2, "url": "javascript:alert(1)"},
        {"theme_id": "ev", "theme": "New-energy vehicles", "regions": 1, "url": "two/"},
    ]
    block = charts.chart_block(
        charts.themes_ranked(rows), caption=f"Themes by regions {HOSTILE}",
        columns=[("theme", "Theme"), ("regions", "Regions")], rows=rows, chart_id="chart-one",
    )
    return f"# Page one\n\n[Go to page two](two.md)\n{block}\nAfter the chart.\n"


def _page_two() -> str:
    rows = [
        {"region_id": "guangdong", "region": "Guangdong", "value": 5, "value_max": None,
         "qualifier": "around", "year": 2025, "url": "../"},
        {"region_id": "hainan", "region": "Hainan", "value": 5.5, "value_max": 6,
         "qualifier": "range", "year": 2025, "url": "../"},
        {"region_id": "hubei", "region": "Hubei", "value": 6, "value_max": None,
         "qualifier": "more-than", "year": 2025, "url": "../"},
    ]
    block = charts.chart_block(
        charts.growth_targets(rows, {"value": 5, "qualifier": "around", "year": 2025}),
        caption="Growth targets", columns=[("region", "Region"), ("value", "Target (%)")],
        rows=rows, chart_id="chart-two",
    )
    return f"# Page two\n\n[Back to page one](index.md)\n{block}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """Build the test site once; yield (site dir, server base URL)."""
    root = tmp_path_factory.mktemp("browser-site")
    site_dir = root / "site"
    with serve_directory(site_dir) as base_url:
        docs = root / "docs"
        (docs / "assets" / "briefing").mkdir(parents=True)
        for name in CHART_ASSETS:
            shutil.copy2(ASSETS / name, docs / "assets" / "briefing" / name)
        (docs / "index.md").write_text(_page_one(), encoding="utf-8")
        (docs / "two.md").write_text(_page_two(), encoding="utf-8")
        scripts = sorted(n for n in CHART_ASSETS if n.endswith(".js"))
        styles = sorted(n for n in CHART_ASSETS if n.endswith(".css"))
        config = textwrap.dedent(f"""\
            site_name: Chart test
            site_url: {base_url}
            theme:
              name: material
              font: false
              features: [navigation.instant]
              palette:
                - scheme: default
                  toggle: {{icon: material/brightness-7, name: Switch to dark mode}}
                - scheme: slate
                  toggle: {{icon: material/brightness-4, name: Switch to light mode}}
            markdown_extensions: [md_in_html, attr_list, admonition, pymdownx.details,
                                  pymdownx.superfences, pymdownx.snippets, pymdownx.critic]
            plugins: [search]
            nav: [index.md, two.md]
            extra_javascript: {[f"assets/briefing/{n}" for n in scripts]}
            extra_css: {[f"assets/briefing/{n}" for n in styles]}
            """)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
             "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
            capture_output=True, text=True, timeout=180,
        )
        assert build.returncode == 0, build.stdout + build.stderr
        yield site_dir, base_url


def _wait_rendered(page, chart: str, state: str, renders: int) -> None:
    page.wait_for_selector(
        f'#{chart}[data-chart-state="{state}"][data-chart-renders="{renders}"] svg',
        state="attached", timeout=TIMEOUT,
    )


def _chart_info(page, chart: str) -> dict:
    return page.evaluate(
        """(id) => {
            const el = document.getElementById(id);
            const svgs = el.querySelectorAll('svg');
            const svg = svgs[0];
            return {
                svgs: svgs.length,
                views: el.querySelectorAll('.briefing-chart__view').length,
                bars: svg ? svg.querySelectorAll('[aria-roledescription="bar"]').length : 0,
                rules: svg ? svg.querySelectorAll('[aria-roledescription="rule mark"]').length : 0,
                width: svg ? svg.getBoundingClientRect().width : 0,
                fills: svg ? [...svg.querySelectorAll('text')].map(t => t.getAttribute('fill')) : [],
                state: el.getAttribute('data-chart-state'),
                renders: el.getAttribute('data-chart-renders'),
            };
        }""",
        chart,
    )


def test_charts_render_offline_across_instant_navigation_and_palette(site) -> None:
    site_dir, base_url = site
    with offline_browser() as (context, log):
        page = context.new_page()
        page.goto(base_url, wait_until="load")
        _wait_rendered(page, "chart-one", "light", 1)
        one = _chart_info(page, "chart-one")
        assert one["svgs"] == 1 and one["views"] == 1, one  # rendered exactly once
        assert one["bars"] == 3, one
        assert one["width"] > 400, one  # width "container" filled the content column
        assert "#57606a" in one["fills"], one  # light palette axis labels
        assert page.evaluate("window.__pwned") is None  # hostile text stayed text
        assert page.locator("#chart-one-figure details table td", has_text="<script>").count() == 1

        # Tooltip handler from the bundle works offline and shows hostile names as text.
        page.locator('#chart-one svg [aria-roledescription="bar"]').nth(1).hover()
        tooltip = page.wait_for_selector("#vg-tooltip-element.visible", timeout=TIMEOUT)
        assert "<script>window.__pwned=1</script>" in tooltip.inner_text()
        assert page.evaluate("window.__pwned") is None

        # Instant navigation: same document, new content, chart rendered via document$.
        page.evaluate("window.__marker = 1")
        page.get_by_role("link", name="Go to page two").click()
        page.wait_for_url(f"{base_url}two/", timeout=TIMEOUT)
        _wait_rendered(page, "chart-two", "light", 1)
        assert page.evaluate("window.__marker") == 1, "instant navigation reloaded the page"
        two = _chart_info(page, "chart-two")
        assert two["svgs"] == 1 and two["bars"] == 4 and two["rules"] == 1, two  # + range

        # Palette toggle: re-rendered once, with the dark config, still a single view.
        page.locator("label.md-header__button[for='__palette_1']").click()
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        _wait_rendered(page, "chart-two", "dark", 2)
        page.wait_for_function(
            "document.querySelectorAll('#chart-two .briefing-chart__view').length === 1")
        dark = _chart_info(page, "chart-two")
        assert dark["svgs"] == 1 and (dark["bars"], dark["rules"]) == (4, 1), dark
        assert "#a8afbd" in dark["fills"] and "#57606a" not in dark["fills"], dark

        # Back (instant navigation again): page one's chart comes back in the dark palette.
        page.go_back()
        page.wait_for_url(base_url, timeout=TIMEOUT)
        _wait_rendered(page, "chart-one", "dark", 1)
        assert page.evaluate("window.__marker") == 1

        # Marks link to pages through the href channel (bar 1 -> "two/"); javascript: URLs
        # were dropped, so the hostile bar is not a link.
        page.locator('#chart-one svg [aria-roledescription="bar"]').first.click()
        page.wait_for_url(f"{base_url}two/", timeout=TIMEOUT)
        _wait_rendered(page, "chart-two", "dark", 1)

        # file:// has no document$ emissions: DOMContentLoaded alone must render.
        local = context.new_page()
        local.goto((site_dir / "two" / "index.html").as_uri(), wait_until="load")
        local.wait_for_selector("#chart-two", state="attached")
        scheme = local.evaluate(
            "document.body.getAttribute('data-md-color-scheme') === 'slate' ? 'dark' : 'light'")
        _wait_rendered(local, "chart-two", scheme, 1)  # file:// has its own localStorage

        assert log.page_errors == [], log.page_errors
        assert not [m for m in log.console_errors if "briefing-charts" in m], log.console_errors
        assert any(url.endswith("10-vega-bundle.js") for url in log.requests), log.requests
        log.assert_offline()


def test_harness_records_and_blocks_external_requests(tmp_path) -> None:
    """The offline guarantee is only worth something if the harness really catches leaks."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>t</title><img src='http://192.0.2.1/pixel.png'>"
        "<script>fetch('https://example.invalid/x').catch(() => {});</script>",
        encoding="utf-8",
    )
    with serve_directory(tmp_path) as base_url, \
            offline_browser(expect_offline=False) as (context, log):
        page = context.new_page()
        page.goto(base_url, wait_until="load")
        page.wait_for_function("performance.getEntriesByType('resource').length >= 0")
        page.wait_for_timeout(300)
        assert base_url in log.requests
        leaked = log.non_loopback()
        assert "http://192.0.2.1/pixel.png" in leaked, log
        assert "https://example.invalid/x" in leaked, log
        assert set(leaked) <= set(log.blocked), log
        with pytest.raises(AssertionError, match="tried to reach the network"):
            log.assert_offline()
