"""Markdown pages and data files (generator.pages) from the fixture records.

Pages are checked as a reader gets them: Markdown converted with the Markdown extensions that
mkdocs.yml enables, then parsed with BeautifulSoup. The full MkDocs build is in
tests/test_site_build.py.
"""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
import random
import re
from datetime import date
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pages
from generator.cache import PageStore
from generator.reference import load_gazetteer, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "records"
HOSTILE = "undated-hostile-article"


def load_records() -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(FIXTURES.glob("*.yaml"))]


def md_extensions() -> tuple[list, dict]:
    """The Markdown extensions of the project's mkdocs.yml (the real configuration)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, options), = ext.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(ext)
    return names, configs


def to_html(text: str) -> BeautifulSoup:
    names, configs = md_extensions()
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return BeautifulSoup(markdown.markdown(body, extensions=names, extension_configs=configs),
                         "lxml")


def front(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:].split("\n---\n", 1)[0])


@pytest.fixture(scope="module")
def reference():
    return load_gazetteer(), load_taxonomy()


@pytest.fixture(scope="module")
def site(reference) -> dict[str, str | bytes]:
    return pages.render_site(load_records(), *reference)


# --- escaping -------------------------------------------------------------------------------

HOSTILE_STRINGS = [
    "<script>alert(1)</script>",
    "{{ jinja }} {% raw %} {% endraw %}",
    "[x](javascript:alert(1))",
    "a | b | c",
    "*emphasis* _under_ __strong__ **strong**",
    "`code` ``more``",
    'Plan: "5%" it\'s',
    "# not a heading",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "3) not a list",
    "> not a quote",
    "    not code",
    "text {: onclick=\"alert(1)\" }",
    "![img](x.png) <img src=x onerror=alert(1)>",
    "&amp; &lt; &#42; & < >",
    "line\nbreak\n\nparagraph",
    "trailing backslash \\",
    "[^1] *[HTML]: abbr ~~del~~ ==mark== ^^ins^^ $x$",
    "<!-- comment --> <http://example.com> https://example.com",
    "===",
    "---",
]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_escape_renders_as_visible_text(text):
    soup = to_html(pages.escape(text))
    elements = [el.name for el in soup.body.find_all(True)] if soup.body else []
    assert elements in ([], ["p"]), elements
    assert _norm(soup.get_text()) == _norm(text)


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_escape_in_table_cells_and_links(text):
    cell = pages.escape(text)
    link = f"[{cell}](other.md \"{pages.link_title(text)}\")"
    md = f"| A | B |\n| --- | --- |\n| {cell} | {link} |\n"  # as the templates write tables
    soup = to_html(md)
    cells = soup.find_all("td")
    assert len(cells) == 2
    assert _norm(cells[0].get_text()) == _norm(text)
    link = cells[1].find("a")
    assert link is not None and link["href"] == "other.md"
    assert _norm(link.get_text()) == _norm(text)
    assert _norm(link["title"]) == _norm(text)
    assert soup.find_all(["script", "img", "code", "em", "strong", "h1"]) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_escape_roundtrips_any_text(text):
    soup = to_html(pages.escape(text))
    assert _norm(soup.get_text()) == _norm(text)
    assert [el.name for el in soup.body.find_all(True)] in ([], ["p"]) if soup.body else True


def test_front_matter_survives_quotes_and_markup():
    title = 'Plan: "5%" <script>x</script> \'quoted\' --- # {{ x }}'
    fm = pages.front_matter(title, date="2025-01-10", tags=["A: b", "<i>c</i>"],
                            description="d: \"e\"\n---\nf")
    meta = front(fm)
    assert html.unescape(meta["title"]) == title
    assert "<" not in meta["title"]  # themes print the title as HTML
    assert str(meta["date"]) == "2025-01-10"
    assert [html.unescape(t) for t in meta["categories"]] == ["A: b", "<i>c</i>"]
    assert html.unescape(meta["description"]) == 'd: "e" --- f'


# --- the page set ---------------------------------------------------------------------------

def test_page_set(site):
    records = load_records()
    expected = {"index.md", "regions/index.md", "themes/index.md", "articles/index.md",
                "figures.md", "review.md", "data/briefing.json", "data/figures.csv",
                "data/figures.json", "data/article.schema.json"}
    expected |= {f"articles/{r['id']}.md" for r in records}
    expected |= {f"data/articles/{r['id']}.yaml" for r in records}
    expected |= {f"regions/{rid}.md" for rid in
                 ("china", "guangdong", "shenzhen", "ningbo", "zhejiang", "hostile-land")}
    themes = {t["id"] for r in records for t in r["themes"]}
    expected |= {f"themes/{tid}.md" for tid in themes}
    # editions: one per ISO week with a dated article, their index and the feeds
    weeks = {"{}-W{:02d}".format(*date.fromisoformat(r["date"]).isocalendar()[:2])
             for r in records if r["date"]}
    expected |= {"editions/index.md", "feeds/editions.xml"}
    expected |= {f"editions/{w}.md" for w in weeks}
    expected |= {f"feeds/regions/{rid}.xml" for rid in
                 ("china", "guangdong", "shenzhen", "ningbo", "zhejiang", "hostile-land")}
    expected |= {f"feeds/themes/{tid}.xml" for tid in themes}
    expected |= {"feeds/sitemap.xml", "feeds/regions/sitemap.xml", "feeds/themes/sitemap.xml"}
    # chart specs are files: exactly the ones the pages' charts load
    specs = set()
    for path, content in site.items():
        if path.endswith(".md"):
            for chart in BeautifulSoup(content, "lxml").select("div.briefing-chart"):
                specs.add(spec_path(path, chart["data-spec-src"]))
    assert specs and all(p.startswith("assets/charts/") for p in specs)
    assert set(site) == expected | specs
    assert list(site) == sorted(site)


def spec_path(page: str, url: str) -> str:
    """The site path a chart's data-spec-src (relative to the page's built URL) points at."""
    base = pages.dest_url(page)
    base = base.rsplit("/", 1)[0] if "/" in base else ""
    return posixpath.normpath(posixpath.join(base, url))


def spec_of(site: dict, page: str, chart) -> dict:
    """The Vega-Lite spec a chart on *page* loads, read from the generated file."""
    assert not chart.has_attr("data-spec"), "specs are files, not inline JSON"
    return json.loads(site[spec_path(page, chart["data-spec-src"])])


def test_deterministic(reference):
    records = load_records()
    a = pages.render_site(records, *reference)
    random.Random(3).shuffle(records)
    b = pages.render_site(records, *reference)
    assert a == b


def test_every_page_has_front_matter(site):
    for path, content in site.items():
        if path.endswith(".md"):
            meta = front(content)
            assert meta["title"], path
            assert set(meta) <= {"title", "date", "categories", "description", "search",
                                 "feed", "feed_title"}, path
            if path.startswith(("regions/", "themes/", "editions/")) and path.count("/") == 1 \
                    and not path.endswith("/index.md"):
                assert meta["feed"].startswith("feeds/"), path
            # listings, commitment pages and review pages repeat the article pages: kept out
            # of the search index, which then holds the article text once
            assert meta.get("search", {"exclude": False}) == {"exclude": (
                "/articles" in path or "/all-" in path or path.startswith("review")
                or "/commitments" in path or "/plans" in path
                or (path.startswith("articles/all-")))} or path == "articles/index.md", path


# --- articles -------------------------------------------------------------------------------

def test_article_page_anchors_every_sentence(site):
    rec = load_records()[0]
    soup = to_html(site[f"articles/{rec['id']}.md"])
    spans = soup.select("span.sentence")
    assert [s["id"] for s in spans] == [f"s{i}" for i in range(1, len(rec["sentences"]) + 1)]
    assert [_norm(s.get_text()) for s in spans] == [_norm(t) for t in rec["sentences"]]
    # paragraphs follow the record
    paras = [p for p in soup.find_all("p") if p.find("span", class_="sentence")]
    assert len(paras) == len(rec["paragraphs"])
    # the original URL, tags and a table of figures
    assert soup.find("a", string="Original article")["href"] == rec["url"]
    meta = front(site[f"articles/{rec['id']}.md"])
    assert {"Ningbo", "Zhejiang", "China"} <= set(meta["categories"])
    assert len(soup.find("table").find_all("tr")) == len(rec["figures"]) + 1


def test_every_citation_points_to_an_existing_sentence(site):
    records = {r["id"]: r for r in load_records()}
    # Markdown links ("](../articles/x.md#s3)") and, in the raw HTML lists and tables, final
    # URLs ('href="../../articles/x/#s3"'; "#s3" on the article itself)
    md_link = re.compile(r"\]\((?:(?:\.\./)*articles/)?(?:([a-z0-9-]+)\.md)?#s(\d+)")
    html_link = re.compile(r'href="(?:(?:\.\./)*articles/([a-z0-9-]+)/)?#s(\d+)"')
    seen = 0
    for path, content in site.items():
        if not path.endswith(".md"):
            continue
        for target, n in md_link.findall(content) + html_link.findall(content):
            article = target or Path(path).stem
            assert article in records, (path, target)
            assert 1 <= int(n) <= len(records[article]["sentences"]), (path, target, n)
            seen += 1
    assert seen > 20


def test_hostile_article_is_text_only(site):
    rec = next(r for r in load_records() if r["id"] == HOSTILE)
    content = site[f"articles/{HOSTILE}.md"]
    meta = front(content)
    assert html.unescape(meta["title"]) == rec["title"]
    assert "date" not in meta
    soup = to_html(content)
    assert soup.find_all(["script", "img", "svg", "b", "i", "iframe", "code", "em"]) == []
    for el in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in el.attrs), el
        assert not str(el.get("href", "")).lower().startswith("javascript"), el
    assert soup.find("a", string="Original article") is None  # javascript: URL dropped
    text = _norm(soup.get_text())
    for sentence in rec["sentences"]:
        assert _norm(sentence) in text
    assert _norm(rec["title"]) in text
    assert _norm(rec["summary"]) in text
    assert _norm(rec["source"]) in text
    # the figures table keeps its shape despite pipes in the data
    rows = soup.find("table").find_all("tr")
    assert {len(r.find_all(["td", "th"])) for r in rows} == {7}
    assert _norm(rec["figures"][0]["text"]) in _norm(rows[1].get_text())


def test_hostile_names_on_region_and_theme_pages(site):
    for path in ("regions/hostile-land.md", "themes/hostile-theme.md", "index.md",
                 "regions/index.md", "themes/index.md"):
        soup = to_html(site[path])
        assert soup.find_all(["script", "img", "svg", "b", "i", "iframe", "code"]) == [], path
        for el in soup.find_all(True):
            assert not any(attr.startswith("on") for attr in el.attrs), (path, el)
        text = soup.get_text()
        assert ("Hostile<script>alert(2)</script>Land" in text
                or "Theme | with *pipes* {: onclick=alert(3)}" in text), path
    # the Figures page's table is JSON data (the table script escapes every value)
    soup = to_html(site["figures.md"])
    assert soup.find_all(["script", "img", "svg", "b", "i", "iframe"]) == []
    rows = json.loads(site["data/figures.json"])
    assert any(r["r"] == "Hostile<script>alert(2)</script>Land" for r in rows)


def test_articles_index_newest_first(site):
    soup = to_html(site["articles/index.md"])
    # the table is raw HTML with final URLs: articles/index/ -> articles/<id>/ is "<id>/"
    hrefs = [a["href"] for a in soup.select("table a") if "regions" not in a["href"]]
    assert hrefs == ["2025-02-13-guangdong-robots/", "2025-01-10-ningbo-targets-growth/",
                     f"{HOSTILE}/"]


# --- regions and themes ---------------------------------------------------------------------

def test_province_page_lists_city_items_marked_with_city(site):
    soup = to_html(site["regions/zhejiang.md"])
    items = [_norm(li.get_text()) for li in soup.find_all("li")]
    assert any(t.startswith("Ningbo: Ningbo vowed to construct") for t in items), items
    assert any(t.startswith("Zhejiang will build a digital economy hub.") for t in items)
    # growth target of the city, with its qualifier, on the province page
    rows = [_norm(tr.get_text(" ")) for tr in soup.find_all("tr")]
    assert any(t.startswith("Ningbo more than 5.5 % GDP growth target 2025") for t in rows), rows
    # links: parent, children with pages, the theme pages, citations to sentences
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert {"../china/", "../ningbo/"} <= hrefs
    assert "../../themes/ports/" in hrefs  # what it plans: a raw HTML list, final URLs
    # (citations sit in raw HTML lists: final URLs, from regions/zhejiang/)
    assert "../../articles/2025-01-10-ningbo-targets-growth/#s3" in hrefs
    # child cities without a page are named, not linked
    assert "Hangzhou" in soup.get_text() and "hangzhou.md" not in hrefs


def test_city_page(site):
    soup = to_html(site["regions/ningbo.md"])
    text = soup.get_text()
    assert "宁波市" in text and "City" in text
    assert soup.find("a", href="../zhejiang/") is not None


def test_theme_page_regions_and_commitments(site):
    soup = to_html(site["themes/robotics.md"])
    text = _norm(soup.get_text())
    assert "Guangdong (2), Shenzhen (1)" in text, text
    # what regions plan: each region's most cited commitments, under its name
    plans = [_norm(dt.get_text()) for dt in soup.select("dl.briefing-plans dt")]
    assert plans == ["Guangdong", "Shenzhen"], plans


def test_region_figure_charts_name_what_each_bar_measures(site):
    """A bar reads "output growth, 2025", never its own number ("31.1 percent")."""
    soup = BeautifulSoup(site["regions/ningbo.md"], "lxml")
    chart = soup.find("div", id="chart-region-figures")
    names = [d["name"] for d in spec_of(site, "regions/ningbo.md", chart)["data"]["values"]]
    assert names == ["GDP growth target, 2025", "output growth, 2025"]


def test_a_theme_whose_commitments_are_all_shown_above_gets_no_empty_heading(reference):
    """A commitment naming two themes is listed once, under the first; its second theme,
    with nothing else in it, is named on the "Also planned" line, not given an empty list."""
    records = load_records()
    ningbo = next(r for r in records if r["id"] == "2025-01-10-ningbo-targets-growth")
    ningbo["commitments"][1]["themes"] = ["new-energy-vehicles", "ports"]
    ningbo["commitments"][0]["text"] = ningbo["commitments"][1]["text"]
    ningbo["commitments"][0]["themes"] = ["new-energy-vehicles"]
    soup = to_html(pages.render_site(records, *reference)["regions/ningbo.md"])
    plans = soup.select_one("dl.briefing-plans")
    assert all(dd.find("li") for dd in plans.find_all("dd")), plans
    headings = [_norm(dt.get_text()) for dt in plans.find_all("dt")]
    assert "Ports" not in " ".join(headings)
    also = next(p for p in soup.find_all("p") if p.get_text().startswith("Also planned"))
    assert "Ports" in also.get_text()


def test_charts_carry_page_relative_urls(site):
    """Chart specs and data tables are raw HTML: their URLs must already be final."""
    spec_urls: dict[str, list[str]] = {}
    for path in ("index.md", "regions/zhejiang.md", "themes/robotics.md", "regions/index.md"):
        soup = BeautifulSoup(site[path], "lxml")
        charts = soup.select("div.briefing-chart")
        assert charts, path
        for chart in charts:
            spec = spec_of(site, path, chart)
            spec_urls.setdefault(path, []).extend(
                re.findall(r'"url":\s*"([^"]+)"', json.dumps(spec)))
    assert "articles/2025-01-10-ningbo-targets-growth/#s1" in spec_urls["index.md"]
    assert "../../articles/2025-01-10-ningbo-targets-growth/#s1" in spec_urls[
        "regions/zhejiang.md"]
    assert "../../regions/guangdong/" in spec_urls["themes/robotics.md"]
    assert "zhejiang/" in spec_urls["regions/index.md"]


def test_relative_url():
    assert pages.relative_url("index.md", "articles/a.md", "s2") == "articles/a/#s2"
    assert pages.relative_url("regions/x.md", "articles/a.md") == "../../articles/a/"
    assert pages.relative_url("regions/index.md", "regions/x.md") == "x/"
    assert pages.relative_url("regions/x.md", "index.md") == "../../"
    assert pages.relative_url("regions/x.md", "regions/x.md", "s1") == "./#s1"
    assert pages.relative_url("regions/x.md", "articles/a.md", use_directory_urls=False) == \
        "../articles/a.html"


# --- data files -----------------------------------------------------------------------------

def test_data_files(site):
    records = load_records()
    doc = json.loads(site["data/briefing.json"])
    assert doc["articles"] == sorted(records, key=lambda r: r["id"])
    rows = list(csv.DictReader(io.StringIO(site["data/figures.csv"].decode("utf-8"))))
    assert len(rows) == sum(len(r["figures"]) for r in records)
    hostile = [r for r in rows if r["article"] == HOSTILE]
    assert hostile[0]["text"] == "5 | 6 <b>bold</b> `tick`"
    ningbo = next(r for r in rows if r["region"] == "ningbo" and r["sentence"] == "1")
    assert ningbo["province"] == "zhejiang" and ningbo["qualifier"] == "more-than"
    by_id = {r["id"]: r for r in records}
    for row in rows:  # each row can be cited from the spreadsheet alone
        rec = by_id[row["article"]]
        assert row["date"] == (rec["date"] or "") and row["title"] == rec["title"]
        assert row["source"] == (rec["source"] or "")
        # only an http(s) URL is passed on: a javascript: one is dropped, not exported
        assert row["url"] == (rec["url"] if str(rec["url"]).startswith("http") else "")
    for rec in records:
        assert yaml.safe_load(site[f"data/articles/{rec['id']}.yaml"]) == rec
    schema = json.loads(site["data/article.schema.json"])
    assert schema["$id"] == "briefing/article@1"
    soup = to_html(site["figures.md"])
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert {"data/figures.csv", "data/briefing.json", "data/article.schema.json"} <= hrefs
    # the big table is JSON, drawn by the table script; the page keeps a summary
    (box,) = soup.select(".briefing-table[data-src]")
    assert box["data-src"] == "../data/figures.json"  # from figures/
    facts = json.loads(site["data/figures.json"])
    assert 0 < len(facts) <= len(rows) and sum(r["k"] for r in facts) <= len(rows)
    assert {"r", "y", "v", "i", "t", "x", "k", "c", "cu"} <= set(facts[0])
    assert soup.find("table") is not None  # the per-measure summary, without JavaScript


def test_intro_replaces_default_heading(reference):
    intro = "# My briefing\n\nHand-written *intro*."
    out = pages.render_site(load_records(), *reference, intro=intro)
    soup = to_html(out["index.md"])
    assert [h.get_text().rstrip("¶") for h in soup.find_all("h1")] == ["My briefing"]
    assert soup.find("em").get_text() == "intro"  # trusted Markdown, rendered as such


def test_empty_corpus(reference):
    out = pages.render_site([], *reference)
    assert {p for p in out if not p.startswith("assets/charts/")} == {
        "index.md", "regions/index.md", "themes/index.md", "articles/index.md",
        "figures.md", "review.md", "data/briefing.json", "data/figures.csv",
        "data/figures.json", "data/article.schema.json", "editions/index.md",
        "feeds/editions.xml", "feeds/sitemap.xml", "feeds/regions/sitemap.xml",
        "feeds/themes/sitemap.xml"}
    assert "No articles yet." in to_html(out["index.md"]).get_text()
    assert "No dated articles yet." in to_html(out["editions/index.md"]).get_text()
    assert json.loads(out["data/briefing.json"])["articles"] == []


def test_duplicate_ids_are_refused(reference):
    records = load_records()
    with pytest.raises(ValueError, match="duplicate article ids"):
        pages.render_site(records + records[:1], *reference)


# --- reuse between builds (mkdocs serve) ----------------------------------------------------

def test_pages_reused_after_an_edit_are_the_pages_a_fresh_build_makes(reference):
    import copy

    records = load_records()
    pages.render_site(records, *reference)  # fills the in-process cache
    edited = copy.deepcopy(records)
    target = next(r for r in edited if r["figures"] and r["commitments"])
    target["commitments"][0]["text"] = "Zhejiang will build a new edited hub."
    target["figures"][0]["value"] = 42.0
    reused = pages.render_site(edited, *reference)
    fresh = pages.render_site(edited, *reference, reuse=False)
    assert reused == fresh
    # and the edit reached the pages that show it, not only the article page
    before = pages.render_site(records, *reference, reuse=False)
    changed = {path for path in fresh if before.get(path) != fresh[path]}
    assert f"articles/{target['id']}.md" in changed
    assert any(p.startswith("regions/") for p in changed)
    assert "data/figures.json" in changed


def _variants(records: list[dict]) -> dict[str, list[dict]]:
    """Edits an editor makes between two `mkdocs serve` rebuilds."""
    import copy

    def edited(fn) -> list[dict]:
        out = copy.deepcopy(records)
        fn(out)
        return out

    def new_article(rs: list[dict], review: bool = True) -> None:
        twin = copy.deepcopy(next(r for r in rs if r["figures"] and r["commitments"]))
        twin["id"] = "2099-01-01-a-new-article"
        twin["file"] = "seeds/new-article.txt"
        twin["date"] = "2099-01-01"
        twin["title"] = "A new article"
        # not the newest national target (that is on many pages); with review: it joins a
        # Needs review page
        twin["figures"] = [dict(f, confidence="high") for f in twin["figures"]
                           if f.get("region") != "china"]
        if review:
            twin["figures"][0]["confidence"] = "low"
        rs.append(twin)

    def new_source(rs: list[dict]) -> None:
        target = next(r for r in rs if r["figures"])
        target["source"] = "Another outlet"
        target["title"] = "An edited title"

    def low_confidence(rs: list[dict]) -> None:
        for r in rs[:3]:  # Needs review pages fill up: other articles' review links move
            for f in r["figures"]:
                f["confidence"] = "low"

    return {"new article": edited(new_article),
            "new article, all confident": edited(lambda rs: new_article(rs, review=False)),
            "article removed": edited(lambda rs: rs.pop(0)),
            "source and title": edited(new_source), "review moves": edited(low_confidence)}


@pytest.mark.parametrize("change", ["new article", "article removed", "source and title",
                                    "review moves"])
def test_pages_reused_after_any_change_are_the_pages_a_fresh_build_makes(reference, change):
    records = load_records()
    after = _variants(records)[change]
    pages.render_site(records, *reference)  # fills the in-process cache
    reused = pages.render_site(after, *reference)
    fresh = pages.render_site(after, *reference, reuse=False)
    assert reused.keys() == fresh.keys()
    assert [p for p in fresh if reused[p] != fresh[p]] == []


def test_a_new_article_renders_its_own_page_not_every_article_page(reference, monkeypatch):
    """What keeps `mkdocs serve` quick: the page cache survives an article being added."""
    records = load_records()
    after = _variants(records)["new article, all confident"]
    pages.render_site(records, *reference)
    rendered: list[str] = []
    original = pages._Site.article_page

    def counting(self, art):
        rendered.append(art.id)
        return original(self, art)

    monkeypatch.setattr(pages._Site, "article_page", counting)
    pages.render_site(after, *reference)
    assert rendered == ["2099-01-01-a-new-article"]


# --- reuse between processes: the page store (a new `mkdocs build` after an edit) ----------

def _stored_site(records, reference, store_root, **kwargs) -> tuple[dict, dict]:
    """render_site into a store at *store_root*, as one build: (path -> changed, path ->
    the file's bytes as kept)."""
    store = PageStore(store_root)
    assert store.begin(), store.problem
    try:
        changed = pages.render_site(records, *reference, store=store, **kwargs)
    finally:
        store.release()
    assert store.problem is None
    return changed, {p: store.path(p).read_bytes() for p in changed}


def _fresh(records, reference) -> dict:
    return pages.render_site(records, *reference, reuse=False, pages_as_bytes=True)


def test_pages_kept_in_the_store_are_reused_by_a_new_build_and_equal_a_fresh_build(
        reference, tmp_path, monkeypatch):
    records = load_records()
    after = _variants(records)["new article, all confident"]
    changed, kept = _stored_site(records, reference, tmp_path)
    assert kept == _fresh(records, reference) and all(changed.values())
    rendered: list[str] = []
    original = pages._Site.article_page
    monkeypatch.setattr(pages._Site, "article_page",
                        lambda self, art: rendered.append(art.id) or original(self, art))
    changed, kept = _stored_site(after, reference, tmp_path)
    assert not pages._PAGE_CACHE, "with a store, this process keeps no pages of its own"
    assert rendered == ["2099-01-01-a-new-article"]
    monkeypatch.undo()
    assert kept == _fresh(after, reference)
    # what changed is what a dirty rebuild converts again: the new page, not the others
    assert changed["articles/2099-01-01-a-new-article.md"]
    assert not changed[f"articles/{records[0]['id']}.md"]


@pytest.mark.parametrize("change", ["article removed", "source and title", "review moves"])
def test_a_store_after_any_change_holds_what_a_fresh_build_makes_and_nothing_else(
        reference, tmp_path, change):
    records = load_records()
    after = _variants(records)[change]
    _stored_site(records, reference, tmp_path)
    changed, kept = _stored_site(after, reference, tmp_path)
    assert kept == _fresh(after, reference)
    on_disk = {p.relative_to(tmp_path / "files").as_posix()
               for p in (tmp_path / "files").rglob("*") if p.is_file()}
    assert on_disk == set(changed), "files of the last build that this one did not make stay"


def test_an_unchanged_file_keeps_its_time(reference, tmp_path):
    """A dirty `mkdocs serve` rebuild converts only pages whose file changed."""
    records = load_records()
    _stored_site(records, reference, tmp_path)
    home = tmp_path / "files" / "index.md"
    stamp = home.stat().st_mtime_ns  # the home page is made again on every build
    changed, _ = _stored_site(records, reference, tmp_path)
    assert not any(changed.values())
    assert home.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("damage", ["torn", "other code", "file changed", "file missing",
                                    "not json", "no index"])
def test_a_damaged_page_store_is_not_trusted(reference, tmp_path, monkeypatch, damage):
    records = load_records()
    _stored_site(records, reference, tmp_path)
    index = tmp_path / "index.json"
    page = tmp_path / "files" / f"articles/{records[0]['id']}.md"
    if damage == "torn":
        index.write_bytes(index.read_bytes()[: index.stat().st_size // 2])
    elif damage == "other code":  # pages another version would make
        data = json.loads(index.read_bytes())
        data["version"] = "0" * 64
        index.write_text(json.dumps(data), "utf-8")
    elif damage == "file changed":
        page.write_bytes(page.read_bytes() + b"<script>stale</script>")
    elif damage == "file missing":
        page.unlink()
    elif damage == "not json":
        index.write_text("{not json", "utf-8")
    else:  # a build killed between its first file and its index
        index.unlink()
    store = PageStore(tmp_path)
    assert store.begin() and store.previous == {}
    assert not any((tmp_path / "files").iterdir()), "files of no trusted index are removed"
    rendered: list[str] = []
    original = pages._Site.article_page
    monkeypatch.setattr(pages._Site, "article_page",
                        lambda self, art: rendered.append(art.id) or original(self, art))
    changed = pages.render_site(records, *reference, store=store)
    store.release()
    monkeypatch.undo()
    assert len(rendered) == len(records)
    assert {p: store.path(p).read_bytes() for p in changed} == _fresh(records, reference)


def test_a_file_another_process_wrote_during_the_build_counts_as_changed(tmp_path):
    """A forked render child that wrote a page and died before it reported it: the page is
    made again here, with the same bytes the file holds now, and it must still count as
    changed (a dirty rebuild converts only changed pages), because the last build left
    other bytes there."""
    store = PageStore(tmp_path)
    assert store.begin()
    assert store.write("a.md", b"as the last build made it")
    store.finish({"a": ("key", ["a.md"])}, ["a.md"])
    store.release()
    store = PageStore(tmp_path)
    assert store.begin() and store.previous == {"a": ("key", ["a.md"])}
    assert not store.write("a.md", b"as the last build made it")  # as it was: unchanged
    store.path("a.md").write_bytes(b"new, from a child that died")
    assert store.write("a.md", b"new, from a child that died")
    store.release()


def test_a_store_is_used_by_one_build_at_a_time(tmp_path):
    """`mkdocs serve` and `mkdocs build` of one project at once: the second cannot begin
    (the plugin then keeps its pages in a temporary store) until the first releases it."""
    first, second = PageStore(tmp_path), PageStore(tmp_path)
    assert first.begin()
    assert not second.begin() and "in use by another build" in second.problem
    first.release()
    assert second.begin() and second.problem is None
    second.release()


def test_a_store_only_keeps_files_under_its_folder(tmp_path):
    store = PageStore(tmp_path)
    for bad in ("../escape.md", "/etc/passwd", "a/../../b.md"):
        with pytest.raises(ValueError, match="not a site path"):
            store.path(bad)


def test_pages_reused_by_the_records_yaml_fingerprint_equal_a_fresh_build(reference):
    """With the pipeline's YAML texts, a record's fingerprint is the hash of its text."""
    import copy

    from generator.record import dump

    records = load_records()
    texts = {r["id"]: dump(r) for r in records}
    pages.render_site(records, *reference, record_texts=texts)
    edited = copy.deepcopy(records)
    target = next(r for r in edited if r["commitments"])
    target["commitments"][0]["text"] = "Zhejiang will build a new edited hub."
    texts[target["id"]] = dump(target)
    reused = pages.render_site(edited, *reference, record_texts=texts)
    fresh = pages.render_site(edited, *reference, reuse=False)
    assert [p for p in fresh if reused.get(p) != fresh[p]] == []
    assert "Zhejiang will build a new edited hub." in reused[f"articles/{target['id']}.md"]
    # the plugin passes the texts as UTF-8 bytes (half the memory): the same site
    as_bytes = {i: t.encode("utf-8") for i, t in texts.items()}
    assert pages.render_site(edited, *reference, record_texts=as_bytes) == fresh


def test_a_page_store_that_cannot_be_written_is_said_not_fatal(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    store = PageStore(blocker / "pages")  # its folder cannot be made
    assert not store.begin()
    assert store.problem and "cannot be written" in store.problem


def test_with_a_store_the_record_texts_are_written_and_let_go(reference, tmp_path):
    """The plugin hands the records' YAML texts over: written first, then the dict emptied,
    so the forked render child does not start with them."""
    from generator.record import dump

    records = load_records()
    texts = {r["id"]: dump(r).encode("utf-8") for r in records}
    want = dict(texts)
    store = PageStore(tmp_path)
    assert store.begin()
    changed = pages.render_site(records, *reference, store=store, record_texts=texts)
    store.release()
    assert texts == {}
    kept = {p: store.path(p).read_bytes() for p in changed}
    assert kept == _fresh(records, reference)
    assert all(kept[pages.record_path(i)] == want[i] for i in want)
