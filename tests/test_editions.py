"""Editions (issue 11): what each week's articles add, checked against a hand-made corpus.

``tests/fixtures/editions/`` holds four short articles written for this test, read and
checked by hand:

* 2025-01-07 (week 2): Guangdong's 2024 target (around 5 %) and its 2024 growth (4.8 %);
* 2025-01-14 (week 3): Guangdong's 2025 target, around 5 %; Zhejiang builds a humanoid
  robot centre in Hangzhou;
* 2025-01-28 (week 5): Guangdong's 2025 target given as 5.5 % (a revision); Sichuan and the
  low-altitude economy appear;
* an undated article (Shanghai, brain-computer interfaces), which joins no edition.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from generator import digest as dg
from generator import pages
from generator.editions import edition_id, editions
from generator.pipeline import run
from generator.reference import load_gazetteer, load_taxonomy

CORPUS = Path(__file__).parent / "fixtures" / "editions"
SITE_URL = "https://example.org/briefing/"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    corpus = run([CORPUS])
    assert corpus.problems == []
    return corpus.records


@pytest.fixture(scope="module")
def digest(records):
    return dg.build(records, load_gazetteer(), load_taxonomy())


@pytest.fixture(scope="module")
def site(records) -> dict:
    return pages.render_site(records, load_gazetteer(), load_taxonomy(), site_url=SITE_URL)


def test_edition_ids_are_iso_weeks_or_months():
    assert edition_id(date(2025, 1, 14)) == "2025-W03"
    assert edition_id(date(2024, 12, 30)) == "2025-W01"  # ISO: the week of 2 January
    assert edition_id(date(2025, 1, 14), "monthly") == "2025-01"
    with pytest.raises(ValueError, match="expected one of weekly, monthly"):
        edition_id(date(2025, 1, 14), "daily")


def test_editions_say_what_is_new(digest):
    w05, w03, w02 = editions(digest)  # newest first; the undated article joins none
    assert [e.id for e in (w05, w03, w02)] == ["2025-W05", "2025-W03", "2025-W02"]
    assert w03.title == "Week 3, 2025 (13–19 January)"
    assert (w03.start, w03.end) == (date(2025, 1, 13), date(2025, 1, 19))

    (t,) = w02.new_targets
    assert (t.fact.item["region"], t.fact.item["year"], t.fact.item["value"]) == (
        "guangdong", 2024, 5)
    assert t.previous_target is None and t.previous_outcome is None
    assert w02.new_regions == ["guangdong"]

    (t,) = w03.new_targets  # with last year's target and outcome beside it
    assert (t.fact.item["year"], t.fact.item["value"], t.fact.item["qualifier"]) == (
        2025, 5, "around")
    assert t.previous_target.item["value"] == 5 and t.previous_outcome.item["value"] == 4.8
    assert t.met_last_year is False
    assert w03.revised == []
    assert w03.new_regions == ["hangzhou", "zhejiang"] and "robotics" in w03.new_themes
    assert w03.lede[0] == "New growth targets: Guangdong around 5 % for 2025."

    assert w05.new_targets == []  # a known slot with a new value is a revision, not new
    (r,) = w05.revised
    assert (r.now.item["value"], r.before.item["value"], r.before_edition) == (5.5, 5, "2025-W03")
    assert w05.lede[0] == ("Revised: Guangdong GDP growth target for 2025 is now 5.5 % "
                           "(was around 5 % in 2025-W03).")
    assert w05.new_regions == ["sichuan"] and w05.new_themes == ["low-altitude-economy"]


def test_monthly_editions(digest):
    (jan,) = editions(digest, "monthly")
    assert jan.id == "2025-01" and jan.title == "January 2025" and len(jan.articles) == 3
    # one edition: each year's target once (for 2025 the most recent statement, 5.5 %), and
    # the 2025 target has 2024's target and outcome beside it from the same edition
    t2025, t2024 = sorted(jan.new_targets, key=lambda t: -t.fact.item["year"])
    assert (t2025.fact.item["value"], t2024.fact.item["value"]) == (5.5, 5)
    assert t2025.previous_target is t2024.fact and t2025.previous_outcome.item["value"] == 4.8
    assert jan.revised == []


NEWER_LINK = ' · <a href="../2025-W05/">newer →</a>'  # the one line a later edition adds


def test_an_edition_does_not_change_when_later_articles_arrive(records):
    """Editions read the past only: adding the week-5 article leaves weeks 2 and 3 as they
    were (their pages byte-identical), so a new article changes only its own edition."""
    ref = (load_gazetteer(), load_taxonomy())
    early = [r for r in records if r["date"] and r["date"] < "2025-01-20"]
    before = pages.render_site(early, *ref, site_url=SITE_URL)
    after = pages.render_site(records, *ref, site_url=SITE_URL)
    for eid in ("2025-W02", "2025-W03"):
        assert before[f"editions/{eid}.md"].replace(NEWER_LINK, "") == (
            after[f"editions/{eid}.md"].replace(NEWER_LINK, ""))


def test_edition_page_cites_every_line(site, records):
    html = BeautifulSoup(pages_html(site["editions/2025-W05.md"]), "lxml")
    revised = html.find(id="revised-figures").find_next("ul")
    links = [a["href"] for a in revised.select("a.citation")]
    ids = {r["date"]: r["id"] for r in records if r["date"]}
    assert any(ids["2025-01-28"] in h and "#s1" in h for h in links), links
    assert any(ids["2025-01-14"] in h and "#s1" in h for h in links), links
    index = BeautifulSoup(pages_html(site["editions/index.md"]), "lxml").get_text()
    assert index.index("Week 5, 2025") < index.index("Week 3, 2025") < index.index("Week 2")
    assert "join no edition" in index and "Shanghai" in index
    home = BeautifulSoup(pages_html(site["index.md"]), "lxml").get_text()
    assert "This edition: Week 5, 2025" in home and "Revised: Guangdong" in home


def pages_html(markdown_text: str) -> str:
    import markdown

    body = markdown_text.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])


def test_feeds_validate_and_their_guids_are_stable(records, site):
    ref = (load_gazetteer(), load_taxonomy())
    again = pages.render_site(list(reversed(records)), *ref, site_url=SITE_URL)
    feeds = sorted(p for p in site if p.startswith("feeds/") and not p.endswith("sitemap.xml"))
    assert {"feeds/editions.xml", "feeds/regions/guangdong.xml",
            "feeds/themes/robotics.xml"} <= set(feeds)
    for path in feeds:
        assert site[path] == again[path], path  # same records, same bytes
        feed = feedparser.parse(site[path])
        assert not feed.bozo, (path, feed.bozo_exception)
        assert feed.feed.link.startswith(SITE_URL), path
        for entry in feed.entries:
            assert entry.id.startswith("briefing:edition:") and entry.guidislink is False
            assert entry.link.startswith(SITE_URL + "editions/2025-W")
            assert entry.published_parsed is not None
    gd = feedparser.parse(site["feeds/regions/guangdong.xml"])
    assert [e.id for e in gd.entries] == [f"briefing:edition:2025-W0{w}:region:guangdong"
                                          for w in (5, 3, 2)]
    assert "is now 5.5 %" in gd.entries[0].summary
    # adding an article adds items; the old ones keep their GUIDs
    early = pages.render_site([r for r in records if r["date"] and r["date"] < "2025-01-20"],
                              *ref, site_url=SITE_URL)
    old = {e.id for e in feedparser.parse(early["feeds/regions/guangdong.xml"]).entries}
    assert old < {e.id for e in gd.entries}


def test_feed_titles_are_escaped_once(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: 'Plan <b>&</b> more'\ndate: 2025-01-14\n---\n"
        "Guangdong will build a humanoid robot innovation center this year.\n", "utf-8")
    corpus = run([tmp_path])
    out = pages.render_site(corpus.records, load_gazetteer(), load_taxonomy(),
                            site_url=SITE_URL)
    feed = feedparser.parse(out["feeds/regions/guangdong.xml"])
    assert "Plan <b>&</b> more" in feed.entries[0].summary
    assert b"&amp;amp;" not in out["feeds/regions/guangdong.xml"]


def test_built_site_has_editions_and_announces_its_feeds(seeds_site):
    """End to end on the seeds (five weeks of articles), built by MkDocs: the edition pages
    exist, the region and theme pages announce their feeds in <head> and link them visibly,
    and every feed the pages name exists and validates."""
    site = seeds_site.site_dir
    index = BeautifulSoup((site / "editions" / "index.html").read_text("utf-8"), "lxml")
    titles = [h.get_text().rstrip("¶") for h in index.select("article h3")]
    assert len(titles) >= 3 and titles[0].startswith("Week "), titles
    for page in ("regions/guangdong", "themes/low-altitude-economy", "editions"):
        html = BeautifulSoup((site / page / "index.html").read_text("utf-8"), "lxml")
        link = html.find("link", rel="alternate", type="application/rss+xml")
        assert link is not None, page
        feed_file = (site / page / link["href"]).resolve()
        assert feed_file.is_file(), (page, link["href"])
        feed = feedparser.parse(feed_file.read_bytes())
        assert not feed.bozo and feed.entries, page
    guangdong = (site / "regions" / "guangdong" / "index.html").read_text("utf-8")
    assert 'type="application/rss+xml">RSS feed</a>' in guangdong


def test_email_edition_is_self_contained_and_works_without_javascript(tmp_path):
    """`briefing edition 2025-W02 --out x.html` on the seeds: one file, no script, the chart
    as static SVG with its bars, every citation an absolute link to an article sentence; the
    headless browser with JavaScript disabled shows the chart and the links."""
    from browser import CHROMIUM_ARGS, require_chromium
    from playwright.sync_api import sync_playwright

    from generator.cli import main

    out = tmp_path / "edition.html"
    seeds = str(Path(__file__).parent.parent / "seeds")
    assert main(["edition", "2025-W02", seeds, "--out", str(out), "--site-url", SITE_URL]) == 0
    text = out.read_text("utf-8")
    soup = BeautifulSoup(text, "lxml")
    assert soup.find("script") is None and "<script" not in text.lower()
    assert not soup.find_all("link") and not soup.find_all("img")  # nothing to fetch
    cites = [a["href"] for a in soup.select("a.citation")]
    assert len(cites) >= 6 and all(h.startswith(SITE_URL + "articles/") and "#s" in h
                                   for h in cites), cites
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=require_chromium(), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(java_script_enabled=False)
            requests: list[str] = []
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            page.goto(out.as_uri(), wait_until="load")
            bars = page.locator("svg path, svg rect").count()
            box = page.locator("svg").first.bounding_box()
            shown = page.locator("a.citation").count()
        finally:
            browser.close()
    assert bars >= 6 and box is not None and box["width"] > 100
    assert shown == len(cites)
    assert requests == [out.as_uri()], requests  # the file alone: no fetch of anything


def test_the_editions_index_stays_small_as_editions_accumulate(records):
    """Two years of weekly editions: the newest EDITIONS_WITH_LEDE with their lede, every
    older one still one click away (a link, by year), so the page does not grow a lede a
    week."""
    import copy
    from datetime import timedelta

    dated = [r for r in records if r.get("date")]
    many = []
    for k in range(30):
        for r in dated:
            twin = copy.deepcopy(r)
            day = date.fromisoformat(r["date"]) - timedelta(weeks=2 * k)
            twin["id"] = f"{day.isoformat()}-{k}-{r['id']}"
            twin["date"] = day.isoformat()
            many.append(twin)
    issues = editions(dg.build(many, load_gazetteer(), load_taxonomy()))
    assert len(issues) > pages.EDITIONS_WITH_LEDE + 20
    page = pages.render_site(many, load_gazetteer(), load_taxonomy(),
                             reuse=False)["editions/index.md"]
    html = BeautifulSoup(pages_html(page), "html.parser")
    linked = {a["href"] for a in html.find_all("a")}
    for e in issues:  # every edition is linked from the index
        assert any(e.id in href for href in linked), e.id
    assert len(html.find_all("h3")) == pages.EDITIONS_WITH_LEDE
    assert html.find("h2", string="Earlier editions") is not None
    assert len(page.encode()) < 40_000


def test_an_edit_re_renders_its_edition_and_the_later_ones_only(records, monkeypatch):
    """An edition reads only its own and earlier articles, so its page is reused after an
    edit to a later article, and rendered again after an edit to its own."""
    import copy

    gaz, tax = load_gazetteer(), load_taxonomy()
    pages.render_site(records, gaz, tax)
    rendered: list[str] = []
    original = pages._Site.edition_page
    monkeypatch.setattr(pages._Site, "edition_page",
                        lambda self, e, older, newer: rendered.append(e.id)
                        or original(self, e, older, newer))
    edited = copy.deepcopy(records)
    newest = max((r for r in edited if r.get("date")), key=lambda r: r["date"])
    newest["commitments"][0]["text"] += " Edited."
    reused = pages.render_site(edited, gaz, tax)
    assert rendered == ["2025-W05"]
    monkeypatch.undo()
    assert reused == pages.render_site(edited, gaz, tax, reuse=False)


def _figure(records: list[dict], article: str, indicator: str) -> dict:
    rec = next(r for r in records if r["id"].startswith(article))
    return next(f for f in rec["figures"] if f["indicator"] == indicator)


@pytest.mark.parametrize(("edit", "again"), [
    # W03 cites W02's 2024 target and outcome: its "met or missed" changes, W05 is reused
    ("2024 outcome", ["2025-W02", "2025-W03"]),
    # W05's revision ("was 5 %") goes when W03 already says 5.5 %; W03 cites nothing later
    ("2025 target", ["2025-W03", "2025-W05"]),
    # a new article in W02 that no later edition shows
    ("new early article", ["2025-W02"]),
])
def test_an_edit_to_an_early_article_re_renders_the_editions_it_changes(records, monkeypatch,
                                                                        edit, again):
    """An edition page is keyed by what it shows: an edit to an early article re-renders
    the editions whose content (or cited articles) it changes, and the pages are the ones a
    fresh build makes."""
    import copy

    gaz, tax = load_gazetteer(), load_taxonomy()
    pages.render_site(records, gaz, tax)
    edited = copy.deepcopy(records)
    if edit == "2024 outcome":
        _figure(edited, "2025-01-07", dg.GROWTH_OUTCOME)["value"] = 5.2
    elif edit == "2025 target":
        _figure(edited, "2025-01-14", dg.GROWTH_TARGET)["value"] = 5.5
    else:
        twin = copy.deepcopy(next(r for r in edited if r["id"].startswith("2025-01-07")))
        twin.update(id="2025-01-08-another-article", file="seeds/another.txt",
                    date="2025-01-08", title="Another article", figures=[])
        edited.append(twin)
    rendered: list[str] = []
    original = pages._Site.edition_page
    monkeypatch.setattr(pages._Site, "edition_page",
                        lambda self, e, older, newer: rendered.append(e.id)
                        or original(self, e, older, newer))
    reused = pages.render_site(edited, gaz, tax)
    assert sorted(rendered) == again
    monkeypatch.undo()
    assert reused == pages.render_site(edited, gaz, tax, reuse=False)


def test_an_edit_re_renders_only_the_feeds_that_say_something_new(records, monkeypatch):
    """A feed is keyed by what it says: after an edit to one article's commitment, the feeds
    of the regions and themes it is not about are reused, and every feed is the one a fresh
    build writes."""
    import copy

    gaz, tax = load_gazetteer(), load_taxonomy()
    before = pages.render_site(records, gaz, tax, site_url=SITE_URL)
    feeds = sorted(p for p in before if p.startswith("feeds/") and p.endswith(".xml")
                   and not p.endswith("sitemap.xml"))
    rendered: list[str] = []
    original = pages.render_feed
    monkeypatch.setattr(pages, "render_feed",
                        lambda spec: rendered.append(spec[3]) or original(spec))
    edited = copy.deepcopy(records)
    article = next(r for r in edited if r["id"].startswith("2025-01-14"))
    article["title"] = "Guangdong sets its 2025 goal (edited)"
    reused = pages.render_site(edited, gaz, tax, site_url=SITE_URL)
    assert rendered and len(rendered) < len(feeds)
    assert any("guangdong" in url for url in rendered)
    assert not any("sichuan" in url for url in rendered)  # W05 only; the title is in W03
    monkeypatch.undo()
    assert reused == pages.render_site(edited, gaz, tax, site_url=SITE_URL, reuse=False)
