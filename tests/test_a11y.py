"""Accessibility: axe-core on the real seeds site, light and dark palette, offline.

axe-core comes from the PyPI package ``axe-playwright-python`` (it ships ``axe.min.js``;
only its file is used, injected with Playwright's ``add_script_tag``), so nothing is fetched
at test time. Each page (home, a region, a theme, an article, the figures list) is loaded
once and checked in both palettes: the test fails on any ``serious`` or ``critical``
violation and lists every violation (moderate and minor ones too) in its message.

Charts are images to assistive technology: each chart container must have an accessible
name (``role="img"`` + ``aria-label``) and its data as a table in a ``<details>`` beside it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from browser import offline_browser
from site_fixture import charts_drawn, set_palette

FAILING_IMPACTS = {"serious", "critical"}
PAGES = {
    "home": "",
    "region": "regions/guangdong/",
    "theme": "themes/low-altitude-economy/",
    "article": None,  # the first article of the build (ids depend on the seeds)
    "figures": "figures/",
}


def axe_script() -> Path:
    """Path of axe.min.js from the axe-playwright-python package (a test dependency)."""
    try:
        path = Path(str(files("axe_playwright_python") / "axe.min.js"))
    except ModuleNotFoundError as error:
        raise AssertionError("axe-core is missing: pip install 'axe-playwright-python'"
                             " (in the [test] extra)") from error
    assert path.is_file(), f"axe.min.js not found at {path}"
    return path


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    """One offline browser for the module (fails at teardown if anything left loopback)."""
    with offline_browser() as (context, log):
        yield context
        assert log.page_errors == [], log.page_errors


def _summary(violations: list[dict]) -> str:
    lines = []
    for v in sorted(violations, key=lambda v: (v["impact"] not in FAILING_IMPACTS, v["id"])):
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
        for node in v["nodes"][:5]:
            summary = " | ".join(node.get("failureSummary", "").splitlines()[1:3])
            lines.append(f"    {json.dumps(node['target'])} {node['html'][:160]}  {summary}")
    return "\n".join(lines)


def _check_chart_alternatives(page) -> int:
    """Each chart: role img with a name, and a data table in a <details> beside it (Material
    wraps tables in scroll containers at run time, hence "details table", not "> table")."""
    charts = page.evaluate("""() => [...document.querySelectorAll('.briefing-chart[data-spec-src]')]
        .map(el => ({
            id: el.id,
            role: el.getAttribute('role'),
            label: (el.getAttribute('aria-label') || '').trim(),
            tableRows: el.parentElement.querySelectorAll(
                ':scope > details table tbody tr').length,
            summary: (el.parentElement.querySelector(':scope > details > summary') || {})
                .textContent || '',
        }))""")
    for chart in charts:
        assert chart["role"] == "img" and chart["label"], chart
        # the name as the browser computes it, not just the attribute
        assert page.get_by_role("img", name=chart["label"], exact=True).count() >= 1, chart
        assert chart["tableRows"] >= 1 and chart["summary"].strip(), (
            f"chart without its data table in a <details> beside it: {chart}")
    return len(charts)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_axe_violations_light_and_dark(seeds_site, browser_context, name) -> None:
    path = PAGES[name]
    if path is None:
        path = f"articles/{seeds_site.article_ids()[0]}/"
    page = browser_context.new_page()
    try:
        page.goto(seeds_site.url(path), wait_until="load")
        page.add_script_tag(path=str(axe_script()))
        assert page.evaluate("typeof axe.run") == "function"
        n_charts = _check_chart_alternatives(page)
        if name in ("home", "region", "theme"):
            assert n_charts >= 1, f"{name} page has no chart"
        failures = []
        for palette in ("light", "dark"):
            set_palette(page, palette)
            if n_charts:
                charts_drawn(page, palette, minimum=n_charts)  # audit the drawn svg too
            result = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})")
            violations = result["violations"]
            if any(v["impact"] in FAILING_IMPACTS for v in violations):
                failures.append(f"--- {palette} palette, {path or 'home'} "
                                f"(axe {result['testEngine']['version']}):\n"
                                + _summary(violations))
        assert not failures, "\n".join(failures)
    finally:
        page.close()
