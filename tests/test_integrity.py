"""Integrity of the built site, checked on the HTML and XML MkDocs wrote.

One build (module fixture) of a scratch copy of the project: its mkdocs.yml, docs/ and seeds/,
plus one extra article whose front matter gives a source URL (the seeds have none), so that
the "external links point at article sources only" rule is exercised. The site is served
under a sub-path (``site_url`` ``https://briefing.example.org/digest/``), which catches links
and sitemap entries that assume the site lives at the server root.

Checked:

* every local reference resolves: ``a[href]`` (also inside ``<details>`` tables),
  ``link[href]``, ``script[src]``, ``img[src]``, the ``url`` values inside chart specs and the
  search index locations point at a built file, and a ``#fragment`` at an element id there;
* external ``http(s)`` links go to article source URLs only;
* every page is reachable from the home page by following links (nav or index pages);
* sitemap.xml is a valid sitemap listing exactly the built pages, under site_url;
* the RSS feeds are valid RSS 2.0 (and feedparser reads them without complaint) and list
  exactly the dated articles.
"""

from __future__ import annotations

import email.utils
import gzip
import json
import os
import shutil
import subprocess
import sys
from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from generator.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://briefing.example.org/digest/"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SOURCE_URL = "https://news.example.com/2025/02/20/guangdong-robots.html?ref=rss"

# An article with editor-given metadata, so one article page links out to its source.
EXTRA_SEED = f"""\
---
title: Guangdong bets on humanoid robots and low-altitude economy
date: 2025-02-20
source: Example News
url: {SOURCE_URL}
---
Guangdong will invest 10 billion yuan in humanoid robots and embodied intelligence in 2025, the provincial government said on Thursday.

Shenzhen set a GDP growth target of around 5.5 percent for 2025 and will build a low-altitude economy hub.

The province will also support brain-computer interface research in Guangzhou.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("integrity") / "project"
    base.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", base / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", base / "docs")
    shutil.copytree(ROOT / "seeds", base / "seeds")
    (base / "seeds" / "zz_example_news.md").write_text(EXTRA_SEED, "utf-8")
    return base


@pytest.fixture(scope="module")
def site(project) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SITE_URL": SITE_URL,
           "BRIEFING_CACHE": "false"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


@pytest.fixture(scope="module")
def records(project) -> list[dict]:
    corpus = run(["seeds"], base_dir=project)
    assert len(corpus.records) == len(list((ROOT / "seeds").glob("*.txt"))) + 1
    return corpus.records


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = _soup(path)
    return frozenset([el["id"] for el in soup.find_all(id=True)]
                     + [el["name"] for el in soup.find_all("a", attrs={"name": True})])


def _pages(site: Path) -> list[Path]:
    """Every page a reader can land on: the HTML files, less 404 and theme assets."""
    return sorted(p for p in site.rglob("*.html")
                  if p != site / "404.html" and p.relative_to(site).parts[0] != "assets")


def _page_url(site: Path, page: Path) -> str:
    """The absolute URL a built page is served at (directory URLs)."""
    rel = page.relative_to(site).as_posix()
    rel = rel.removesuffix("index.html")
    return SITE_URL + rel


def _resolve(site: Path, page: Path, ref: str) -> tuple[Path, str] | None:
    """The file and fragment a reference on `page` points to; None: outside the site.

    References are resolved as a browser would (against the page's URL), so relative,
    root-absolute (the 404 page) and absolute links into site_url are all checked alike.
    """
    absolute = urljoin(_page_url(site, page), ref)
    parts = urlsplit(absolute)
    if not absolute.startswith(SITE_URL.rstrip("/")) or parts.scheme not in ("http", "https"):
        return None
    rel = unquote(parts.path)[len(urlsplit(SITE_URL).path):]
    target = site / rel
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def _spec_urls(spec: object) -> list[str]:
    """The `url` strings anywhere in a Vega-Lite spec (link targets and data URLs)."""
    found: list[str] = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "url" and isinstance(value, str):
                found.append(value)
            else:
                found += _spec_urls(value)
    elif isinstance(spec, list):
        for item in spec:
            found += _spec_urls(item)
    return found


def _references(soup: BeautifulSoup, page: Path | None = None) -> list[tuple[str, str]]:
    """(what, reference) for every link-like attribute of a page; a chart's spec file, and
    with *page* given the URLs inside it (relative to the page, as the chart opens them)."""
    refs: list[tuple[str, str]] = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                      ("source", "src"), ("iframe", "src")):
        for el in soup.find_all(tag, attrs={attr: True}):
            where = "details" if el.find_parent("details") else tag
            refs.append((where, el[attr]))
    for chart in soup.select("[data-spec-src]"):
        refs.append(("chart", chart["data-spec-src"]))
        spec_file = (page.parent / chart["data-spec-src"]) if page is not None else None
        if spec_file is not None and spec_file.is_file():
            refs += [("chart", url) for url in _spec_urls(json.loads(spec_file.read_text()))]
    assert not soup.select("[data-spec]"), "chart specs are files, not inline JSON"
    return refs


def test_build_exercises_all_kinds_of_link(site, records):
    """Guard for the checks below: they must have something to check."""
    soup = _soup(site / "index.html")
    kinds = {kind for kind, _ in _references(soup)}
    assert {"a", "link", "script", "chart", "details"} <= kinds, kinds
    assert any(r["url"] == SOURCE_URL for r in records)


def test_no_broken_local_reference(site):
    broken: list[str] = []
    checked = 0
    for page in [*_pages(site), site / "404.html"]:
        for kind, ref in _references(_soup(page), page):
            if ref.startswith(("mailto:", "javascript:", "data:")):
                continue
            resolved = _resolve(site, page, ref)
            if resolved is None:
                continue
            checked += 1
            target, fragment = resolved
            where = f"{page.relative_to(site)} ({kind}) -> {ref}"
            if not target.is_file():
                broken.append(f"{where}: no file {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in _ids(target):
                broken.append(f"{where}: no element with id {fragment!r}")
    assert broken == [], f"{len(broken)} broken of {checked}:\n" + "\n".join(broken[:40])
    assert checked > 1000


def test_search_index_locations_resolve(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    broken = []
    for doc in index["docs"]:
        target, fragment = _resolve(site, site / "index.html", doc["location"])
        if not target.is_file():
            broken.append(f"{doc['location']}: no file")
        elif fragment and fragment not in _ids(target):
            broken.append(f"{doc['location']}: no #{fragment}")
    assert broken == []
    assert len(index["docs"]) >= len(_pages(site))


def test_external_links_only_to_article_sources(site, records):
    sources = {r["url"] for r in records if r.get("url")}
    offending: list[str] = []
    for page in [*_pages(site), site / "404.html"]:
        soup = _soup(page)
        for el in soup.find_all(["a", "area"], href=True):
            ref = el["href"]
            if urlsplit(ref).scheme in ("http", "https") and _resolve(site, page, ref) is None:
                if ref not in sources:
                    offending.append(f"{page.relative_to(site)}: {ref}")
    assert offending == [], "\n".join(sorted(set(offending))[:20])
    # ... and the article with a source URL does link to it, from its own page
    rec = next(r for r in records if r.get("url") == SOURCE_URL)
    article = _soup(site / "articles" / rec["id"] / "index.html")
    assert article.find("a", href=SOURCE_URL) is not None


def test_every_page_is_reachable_from_the_home_page(site):
    home = site / "index.html"
    seen = {home}
    queue = deque([home])
    while queue:
        page = queue.popleft()
        for a in _soup(page).find_all("a", href=True):
            resolved = _resolve(site, page, a["href"])
            if resolved is None:
                continue
            target = resolved[0]
            if target.suffix == ".html" and target.is_file() and target not in seen:
                seen.add(target)
                queue.append(target)
    unreachable = [p.relative_to(site).as_posix() for p in _pages(site) if p not in seen]
    assert unreachable == []
    # the downloadable data is linked from some page too
    data = sorted(p for p in (site / "data").rglob("*") if p.is_file())
    linked = {resolved[0] for page in seen for a in _soup(page).find_all("a", href=True)
              if (resolved := _resolve(site, page, a["href"])) is not None}
    assert [p.relative_to(site).as_posix() for p in data if p not in linked] == []


def test_sitemap_lists_exactly_the_pages(site):
    tree = etree.parse(str(site / "sitemap.xml"))
    root = tree.getroot()
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    urls = root.findall(f"{{{SITEMAP_NS}}}url")
    assert urls and all(child.tag == f"{{{SITEMAP_NS}}}url" for child in root)
    locs = []
    for url in urls:
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc")
        assert loc and loc.startswith(SITE_URL), loc
        lastmod = url.findtext(f"{{{SITEMAP_NS}}}lastmod")
        if lastmod is not None:  # W3C datetime: a date, or a date and time
            assert len(lastmod) >= 10 and lastmod[4] == "-" and lastmod[7] == "-", lastmod
        locs.append(loc)
    assert len(locs) == len(set(locs))
    for loc in locs:
        target, _ = _resolve(site, site / "index.html", loc)
        assert target.is_file(), loc
    assert sorted(locs) == sorted(_page_url(site, p) for p in _pages(site))
    # the gzipped copy has the same content
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == \
        (site / "sitemap.xml").read_bytes()


def _feeds(site: Path) -> list[Path]:
    return sorted(site.glob("feed_*.xml"))


def test_feeds_are_valid_rss2_listing_the_dated_articles(site, records):
    feeds = _feeds(site)
    assert [f.name for f in feeds] == ["feed_rss_created.xml", "feed_rss_updated.xml"]
    dated = {f"{SITE_URL}articles/{r['id']}/" for r in records if r["date"]}
    assert len(dated) >= 2
    soup = _soup(site / "index.html")  # the pages advertise the feeds
    advertised = {link["href"] for link in soup.find_all("link", type="application/rss+xml")}
    assert {f"{SITE_URL}{f.name}" for f in feeds} <= {urljoin(SITE_URL, h) for h in advertised}
    for feed in feeds:
        root = etree.parse(str(feed)).getroot()  # well-formed XML
        assert root.tag == "rss" and root.get("version") == "2.0", feed.name
        (channel,) = root.findall("channel")
        for field in ("title", "link", "description"):
            assert (channel.findtext(field) or "").strip(), f"{feed.name}: channel/{field}"
        assert channel.findtext("link").startswith(SITE_URL)
        for field in ("pubDate", "lastBuildDate"):
            if channel.find(field) is not None:
                email.utils.parsedate_to_datetime(channel.findtext(field))
        image = channel.find("image")
        if image is not None:  # optional, but if there, url/title/link are required
            url = image.findtext("url") or ""
            assert urlsplit(url).scheme in ("http", "https"), f"{feed.name}: image url {url!r}"
            target, _ = _resolve(site, site / "index.html", url)
            assert target.is_file(), url
            assert image.findtext("title") and image.findtext("link")
        links = []
        for item in channel.findall("item"):
            title, link = item.findtext("title"), item.findtext("link")
            assert title and title.strip(), f"{feed.name}: item without title"
            assert link, f"{feed.name}: {title}: no link"
            target, _ = _resolve(site, site / "index.html", link)
            assert target.is_file() and target.parent.parent == site / "articles", link
            assert item.findtext("guid"), f"{feed.name}: {title}: no guid"
            published = email.utils.parsedate_to_datetime(item.findtext("pubDate") or "")
            assert published.tzinfo is not None
            links.append(link)
        assert len(links) == len(set(links))
        assert set(links) == dated, feed.name
        parsed = feedparser.parse(feed.read_bytes())
        assert parsed.bozo == 0, f"{feed.name}: {parsed.get('bozo_exception')}"
        assert parsed.version == "rss20"
        assert {e.link for e in parsed.entries} == dated


def test_search_index_has_names_and_article_text_but_not_the_copies(site, records):
    """Region and theme names and every article's text are searchable; the copies of article
    sentences in lists and tables (on region, theme and overview pages, and the article's own
    commitment list) are not indexed a second time."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        by_page[page] = by_page.get(page, "") + " " + doc["title"] + " " + doc["text"]
    everything = " ".join(by_page.values())
    assert "Guangdong" in everything and "Low-altitude economy" in everything
    rec = next(r for r in records if r["commitments"])
    sentence = rec["commitments"][0]["text"][:60]
    article_pages = [p for p in by_page if p.startswith(f"articles/{rec['id']}")]
    assert any(sentence in by_page[p] for p in article_pages)
    copies = [doc["location"] for doc in index["docs"] if sentence in doc["text"]]
    assert len(copies) == 1 and copies[0].startswith(f"articles/{rec['id']}/"), copies
