"""The real seeds site, built once per test session and served on loopback for browser tests.

Shared by test_e2e.py and test_a11y.py (the fixture itself is re-exported by conftest.py so
pytest builds it once for the whole session). Design:

* The build runs on a scratch copy of the project (mkdocs.yml, docs/, seeds/) with
  ``BRIEFING_CACHE=false``, so neither the extraction cache nor mkdocs-rss-plugin's cache
  lands in the repository.
* :func:`browser.serve_directory` binds its port *before* the build, and the build gets
  that origin as ``BRIEFING_SITE_URL``: Material's instant navigation only intercepts
  links under ``site_url`` and silently degrades to full page loads otherwise.
* Helpers to wait for every chart of a page to be drawn and to switch the Material palette,
  so each browser test checks the same thing the same way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import serve_directory

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml",)
PROJECT_DIRS = ("docs", "seeds")
RENDER_TIMEOUT = 20_000  # ms; the first page parses the 0.9 MB Vega bundle

# Material palettes (mkdocs.yml): toggle index and the body's data-md-color-scheme.
SCHEMES = {"light": "default", "dark": "slate"}


@dataclass(frozen=True)
class SeedsSite:
    """A built copy of the project's site and the loopback origin serving it."""

    site_dir: Path
    base_url: str
    project: Path
    build_seconds: float

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def article_ids(self) -> list[str]:
        return sorted(p.name for p in (self.site_dir / "articles").iterdir()
                      if (p / "index.html").is_file())


def copy_project(dest: Path) -> Path:
    """Copy the site's inputs (mkdocs.yml, docs/, seeds/) to *dest*; return *dest*."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, dest / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, dest / name)
    return dest


def mkdocs_env(site_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SITE_URL": site_url,
            "BRIEFING_CACHE": "false", **extra}


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeedsSite]:
    """Build the seeds site (strict) once and serve it for the whole session."""
    project = copy_project(tmp_path_factory.mktemp("seeds-site") / "project")
    site_dir = project / "site"
    with serve_directory(site_dir) as base_url:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
             "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
            cwd=project, env=mkdocs_env(base_url), capture_output=True, text=True, timeout=300,
        )
        assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
        yield SeedsSite(site_dir, base_url, project, time.monotonic() - started)


# --- browser helpers (Playwright sync pages) -----------------------------------------------

CHARTS_JS = """() => [...document.querySelectorAll('.briefing-chart[data-spec-src]')].map(el => {
    const svg = el.querySelector('svg');
    const canvas = el.querySelector('canvas');
    return {
        id: el.id,
        state: el.getAttribute('data-chart-state'),
        // data marks only (not axes or legends): Vega puts them in g.role-mark groups
        marks: svg ? svg.querySelectorAll('g.role-mark > :not(g), g.role-mark g > :not(g)').length : 0,
        canvas: canvas ? canvas.width * canvas.height : 0,
        width: (svg || canvas) ? (svg || canvas).getBoundingClientRect().width : 0,
    };
})"""


def charts_drawn(page: object, palette: str, *, minimum: int = 1) -> list[dict]:
    """Wait until every chart container on *page* is drawn for *palette*; return their info.

    Fails unless there are at least *minimum* charts and each one holds an svg with data
    marks (or a non-empty canvas) of a visible width.
    """
    page.wait_for_function(  # type: ignore[attr-defined]
        """([palette, minimum]) => {
            const els = [...document.querySelectorAll('.briefing-chart[data-spec-src]')];
            return els.length >= minimum && els.every(el =>
                el.getAttribute('data-chart-state') === palette &&
                el.querySelector('svg, canvas') !== null);
        }""",
        arg=[palette, minimum], timeout=RENDER_TIMEOUT,
    )
    charts = page.evaluate(CHARTS_JS)  # type: ignore[attr-defined]
    assert len(charts) >= minimum, charts
    for chart in charts:
        assert chart["marks"] > 0 or chart["canvas"] > 0, f"chart drawn without marks: {chart}"
        assert chart["width"] > 100, f"chart collapsed: {chart}"
    return charts


def set_palette(page: object, palette: str) -> None:
    """Switch the Material palette with its header toggle (the choice persists per origin)."""
    want = SCHEMES[palette]
    current = page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # type: ignore
    if current == want:
        return
    # A click event without moving the pointer there: a hovered toggle shows its tooltip
    # (content.tooltips) after a delay, which a contrast check could catch mid-fade.
    page.locator("label.md-header__button[for^='__palette_']:visible").dispatch_event(  # type: ignore
        "click")
    page.wait_for_function(  # type: ignore[attr-defined]
        "(want) => document.body.getAttribute('data-md-color-scheme') === want", arg=want)
    # Material fades colours over ~0.25 s: let every finite CSS transition finish.
    page.wait_for_function(  # type: ignore[attr-defined]
        "document.getAnimations().every(a => a.playState !== 'running'"
        " || !isFinite(a.effect.getComputedTiming().endTime))", timeout=RENDER_TIMEOUT)
