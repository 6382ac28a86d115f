"""The real thing: `mkdocs build --strict` on the project's config and seeds, then the HTML.

Builds run the `mkdocs` CLI in a subprocess (as a user or CI would), once per session:

* the project itself (seeds/, mkdocs.yml, docs/), strict;
* a scratch copy of the project whose seeds/ holds a hostile article and an empty file
  (non-strict: the empty file is a warning, the hostile article must build as plain text);
* a scratch copy with a hand-written page where a generated one goes (must fail).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "http://127.0.0.1:8000/"

HOSTILE_TXT = """\
Plan: "5%" <script>alert(1)</script> {{ jinja }} {% raw %} [x](javascript:alert(1)) *emph*

By Eve Hostile ( Hostile Times

Guangdong will build <script>alert(1)</script> humanoid robots | with pipes | and *emphasis*.

Shanghai will invest [click](javascript:alert(1)) {: onclick="alert(4)" } in AI.

Zhejiang set a GDP growth target of more than 5.5 percent for 2025, said <img src=x onerror=alert(2)> {{ config.site_name }} `backticks`.

Hainan will develop {% include 'x.html' %} ports <svg onload=alert(5)> and <b>bold</b> tags.
"""


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SITE_URL": SITE_URL}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def scratch_project(base: Path) -> Path:
    """A copy of the project's site config and hand-written docs, with an empty seeds/."""
    base.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", base / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", base / "docs")
    (base / "seeds").mkdir()
    return base


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, float]:
    site = tmp_path_factory.mktemp("real") / "site"
    start = time.monotonic()
    result = mkdocs("build", "--strict", "-d", str(site), cwd=ROOT)
    return site, result, time.monotonic() - start


@pytest.fixture(scope="session")
def built(real_site) -> Path:
    site, result, _ = real_site
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="session")
def records() -> list[dict]:
    corpus = run(["seeds"], base_dir=ROOT)
    assert corpus.records
    return corpus.records


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    project = scratch_project(tmp_path_factory.mktemp("hostile") / "project")
    (project / "seeds" / "hostile.txt").write_text(HOSTILE_TXT, "utf-8")
    (project / "seeds" / "empty.txt").write_text("", "utf-8")
    result = mkdocs("build", "-d", "site", cwd=project)
    return project, project / "site", result


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def page(site: Path, url: str) -> Path:
    return site / url / "index.html" if url else site / "index.html"


# --- the project's own build ----------------------------------------------------------------

def test_strict_build_passes_without_warnings(real_site):
    site, result, seconds = real_site
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr
    assert (site / "index.html").is_file()
    print(f"mkdocs build --strict on seeds/: {seconds:.1f} s")


def test_page_for_every_article_region_and_theme(built, records):
    for rec in records:
        path = page(built, f"articles/{rec['id']}")
        assert path.is_file(), rec["id"]
        ids = {el["id"] for el in _soup(path).select("span.sentence")}
        assert ids == {f"s{n}" for n in range(1, len(rec["sentences"]) + 1)}, rec["id"]
        assert (built / "data" / "articles" / f"{rec['id']}.yaml").is_file()
    subjects = {r["id"] for rec in records for r in rec["regions"] if "subject" in r["roles"]}
    themes = {t["id"] for rec in records for t in rec["themes"]}
    assert subjects and themes
    for rid in subjects:
        assert page(built, f"regions/{rid}").is_file(), rid
    for tid in themes:
        assert page(built, f"themes/{tid}").is_file(), tid
    for url in ("regions", "themes", "articles", "figures", "about", "review"):
        assert page(built, url).is_file(), url
    for data in ("briefing.json", "figures.csv", "article.schema.json"):
        assert (built / "data" / data).is_file()
    # the feed lists the dated articles (undated ones would be dated today by the plugin)
    feed = BeautifulSoup((built / "feed_rss_created.xml").read_text("utf-8"), "xml")
    links = {item.find("link").get_text() for item in feed.find_all("item")}
    assert links == {f"{SITE_URL}articles/{r['id']}/" for r in records if r["date"]}


def _targets(site: Path, html_file: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link on `html_file` points to (None: external)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return html_file, unquote(parts.fragment)
    target = (html_file.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def _check_links(site: Path) -> tuple[int, list[str]]:
    citations, broken = 0, []
    for html_file in sorted(site.rglob("*.html")):
        if html_file == site / "404.html":
            continue  # served at any depth, so MkDocs gives it root-absolute links
        soup = _soup(html_file)
        hrefs = [a.get("href", "") for a in soup.find_all("a") if a.get("href")]
        for chart in soup.select("[data-spec-src]"):  # chart links: raw URLs in the spec file
            hrefs.append(chart["data-spec-src"])
            spec = html_file.parent / chart["data-spec-src"]
            if spec.is_file():
                hrefs += re.findall(r'"url":\s*"([^"]+)"', spec.read_text("utf-8"))
        for a in soup.select("a.citation"):
            assert re.search(r"#s\d+$", a["href"]), a
            citations += 1
        for href in hrefs:
            resolved = _targets(site, html_file, href)
            if resolved is None:
                continue
            target, fragment = resolved
            where = f"{html_file.relative_to(site)} -> {href}"
            if not target.is_file():
                broken.append(f"{where}: no file")
            elif fragment and target.suffix == ".html":
                if _soup(target).find(id=fragment) is None:
                    broken.append(f"{where}: no #{fragment}")
    return citations, broken


def test_every_link_and_citation_resolves(built, records):
    citations, broken = _check_links(built)
    assert broken == []
    n_items = sum(len(r["figures"]) + len(r["commitments"]) for r in records)
    assert citations >= n_items  # every figure and commitment is cited at least once


def test_nav_stays_small(built, records):
    soup = _soup(built / "index.html")
    tabs = [_text(a) for a in soup.select(".md-tabs__item > a")]
    assert tabs == ["Home", "Regions", "Themes", "Editions", "Articles", "Figures", "About"]
    primary = soup.select(".md-nav--primary > .md-nav__list > .md-nav__item")
    assert len(primary) == 7
    # no article page in the nav of an article page either
    art = _soup(page(built, f"articles/{records[0]['id']}"))
    nav_links = {a.get("href") for a in art.select(".md-nav--primary a")}
    assert not any("articles/" in (h or "") and h.rstrip("/").split("/")[-1] != "articles"
                   for h in nav_links if h and not h.startswith("#")), nav_links


def _text(el) -> str:
    return re.sub(r"\s+", " ", el.get_text()).strip()


def test_home_page_has_overview(built):
    soup = _soup(built / "index.html")
    ids = {el["id"] for el in soup.select(".briefing-chart")}
    assert {"chart-region-theme-heatmap", "chart-themes-ranked", "chart-tile-map",
            "chart-articles-over-time"} <= ids
    assert soup.select("h1")[0].get_text().startswith("Regional policy briefing")
    # the tile map names all 34 provincial-level divisions
    tile = soup.find(id="chart-tile-map")
    spec = json.loads((built / tile["data-spec-src"]).read_text("utf-8"))  # from the home page
    assert len(json.dumps(spec)) > 1000
    assert soup.find(id="chart-tile-map-figure").find("table") is not None
    rows = soup.find(id="chart-tile-map-figure").find("tbody").find_all("tr")
    assert len(rows) == 34


def test_assets_are_local(built):
    soup = _soup(built / "index.html")
    srcs = [s.get("src") for s in soup.find_all("script") if s.get("src")]
    srcs += [link.get("href") for link in soup.find_all("link") if link.get("href")]
    external = [s for s in srcs if urlsplit(s).scheme and not s.startswith(SITE_URL)]
    assert external == []
    assert any("assets/briefing/zz-pages.css" in s for s in srcs)
    assert any("assets/briefing/30-tablesort.min.js" in s for s in srcs)
    assert (built / "assets" / "briefing" / "zz-pages.js").is_file()


# --- hostile input ----------------------------------------------------------------------------

def test_empty_seed_is_a_warning_not_a_failure(hostile_site):
    _project, site, result = hostile_site
    assert result.returncode == 0, result.stderr[-4000:]
    assert re.search(r"WARNING.*seeds/empty\.txt", result.stderr), result.stderr


def test_hostile_article_builds_as_text(hostile_site):
    project, site, result = hostile_site
    assert result.returncode == 0, result.stderr[-4000:]
    corpus = run(["seeds"], base_dir=project)
    (rec,) = corpus.records
    soup = _soup(page(site, f"articles/{rec['id']}"))
    article = soup.find("article")
    # nothing from the text became an element
    assert article.find_all(["img", "svg", "b", "iframe", "em", "code"]) == []
    assert [s for s in soup.find_all("script") if "alert" in (s.string or "")] == []
    for el in soup.find_all(True):
        assert not any(a.startswith("on") for a in el.attrs), el
        assert not str(el.get("href", "")).lower().startswith("javascript:"), el
    # ... and all of it is visible as text
    text = _text(article)
    for sentence in rec["sentences"]:
        assert re.sub(r"\s+", " ", sentence).strip() in text
    assert "<script>alert(1)</script>" in text
    assert "{{ jinja }}" in text and "[x](javascript:alert(1))" in text
    header = soup.select_one(".md-header__topic + .md-header__topic") or soup.select_one(
        ".md-header__title")
    assert [el.name for el in header.find_all(True)] in (["span"], ["div", "span", "div",
                                                                    "span"]), header
    assert _text(soup.find("title")).startswith(re.sub(r"\s+", " ", rec["title"]).strip())
    # every link still resolves in that build
    _citations, broken = _check_links(site)
    assert broken == []


def test_input_problems_fail_strict_builds(hostile_site, tmp_path):
    project, _site, _result = hostile_site
    # mkdocs' own --strict: the warning fails the build
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "strict"), cwd=project)
    assert result.returncode != 0
    assert "seeds/empty.txt" in result.stderr
    # the plugin's `strict: true`: stops at once, even without --strict
    config = (project / "mkdocs.yml").read_text("utf-8")
    assert "      strict: false" in config
    (project / "strict.yml").write_text(config.replace("      strict: false",
                                                       "      strict: true"), "utf-8")
    result = mkdocs("build", "-f", "strict.yml", "-d", str(tmp_path / "plugin"), cwd=project)
    assert result.returncode != 0
    assert "seeds/empty.txt" in result.stdout + result.stderr


# --- collisions -------------------------------------------------------------------------------

def test_hand_written_page_colliding_with_generated_stops_the_build(tmp_path):
    project = scratch_project(tmp_path / "project")
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:1]:
        shutil.copy(seed, project / "seeds" / seed.name)
    (project / "docs" / "regions").mkdir()
    (project / "docs" / "regions" / "index.md").write_text("# My regions\n", "utf-8")
    result = mkdocs("build", "-d", "site", cwd=project)
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "docs/regions/index.md" in message and "'regions/index.md'" in message, message
    assert not (project / "site" / "regions" / "index.html").exists()


def test_same_records_give_byte_identical_pages(records):
    from generator.pages import render_site
    from generator.reference import load_gazetteer, load_taxonomy

    gazetteer, taxonomy = load_gazetteer(), load_taxonomy()
    first = render_site(records, gazetteer, taxonomy)
    again = render_site(list(reversed(records)), gazetteer, taxonomy)
    assert first == again
