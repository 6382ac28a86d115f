"""Headline facts are confident ones; the rest wait on the Needs review page.

A small corpus written for the test goes through the real pipeline (ingest, extract,
overrides) and the real digest and pages:

* ``guangdong.md`` states Guangdong's target in its own clause (high confidence), then a list
  sentence ("Henan is 5.5%; Hebei and Liaoning are about 5.5%") whose measure and stance
  are carried over from the statement before it (low confidence);
* ``zhejiang.md`` gives Zhejiang's target in a sentence that names no place ("It aims for
  ..."): the region comes from the sentence before (low confidence);
* ``sichuan.md`` has Sichuan's target and an economist's forecast, which is never a target.

Then an editor pastes the snippet the Needs review page prints into an override file, and
the figure moves to the headline list.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from markdown import Markdown

from generator import digest as dg
from generator import pages
from generator.overrides import OverrideError, apply
from generator.pipeline import run
from generator.reference import load_gazetteer, load_taxonomy

GAZ = load_gazetteer()
TAX = load_taxonomy()

ARTICLES = {
    "guangdong.md": (
        "Provinces set their growth targets",
        "Guangdong has set its GDP growth target at around 5 percent for 2025. "
        "Henan is 5.5%; Hebei and Liaoning are about 5.5%.",
    ),
    "zhejiang.md": (
        "Zhejiang work report",
        "Zhejiang released its government work report on Monday. "
        "It aims for economic growth of around 5.5 percent this year.",
    ),
    "sichuan.md": (
        "Sichuan aims high",
        "Sichuan set a GDP growth target of around 6 percent for 2025. "
        "Economists at Nomura expect Sichuan's GDP to grow 5.2% this year.",
    ),
}
LOW_SENTENCE = "It aims for economic growth of around 5.5 percent this year."


def write_corpus(folder: Path) -> Path:
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    for name, (title, body) in ARTICLES.items():
        (seeds / name).write_text(f"---\ntitle: {title}\ndate: 2025-03-01\nsource: Test Wire\n"
                                  f"---\n{body}\n", "utf-8")
    return seeds


def build(folder: Path) -> list[dict]:
    corpus = run(["seeds"], gazetteer=GAZ, taxonomy=TAX, base_dir=folder, jobs=1)
    assert corpus.problems == []
    return corpus.records


def html_of(markdown_text: str) -> BeautifulSoup:
    body = markdown_text.split("---\n", 2)[2] if markdown_text.startswith("---\n") else (
        markdown_text)
    md = Markdown(extensions=["tables", "attr_list", "toc", "admonition"])
    return BeautifulSoup(md.convert(body), "html.parser")


def targets(entries: list[dg.Entry]) -> set[tuple]:
    return {(e.item["region"], e.item["year"], e.item["value"]) for e in entries}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def records(corpus_dir) -> list[dict]:
    return build(corpus_dir)


@pytest.fixture(scope="module")
def digest(records) -> dg.Digest:
    return dg.build(records, GAZ, TAX)


@pytest.fixture(scope="module")
def site(records) -> dict:
    return pages.render_site(records, GAZ, TAX, reuse=False)


def test_the_corpus_has_high_and_low_confidence_targets(records):
    figures = {(f["region"], f["indicator"]): f for r in records for f in r["figures"]
               if f["indicator"].startswith("gdp-growth")}
    assert figures[("guangdong", "gdp-growth-target")]["confidence"] == "high"
    assert figures[("sichuan", "gdp-growth-target")]["confidence"] == "high"
    assert figures[("zhejiang", "gdp-growth-target")]["confidence"] == "low"
    assert figures[("henan", "gdp-growth-target")]["confidence"] == "low"
    assert figures[("sichuan", "gdp-growth-forecast")]["value"] == 5.2


def test_headline_targets_are_the_confident_ones(digest):
    assert targets(digest.growth_targets) == {("guangdong", 2025, 5.0), ("sichuan", 2025, 6.0)}
    assert digest.regions["zhejiang"].growth_targets == []
    assert targets(digest.regions["guangdong"].growth_targets) == {("guangdong", 2025, 5.0)}
    assert all(dg.is_confident(e.item) for e in digest.regions["zhejiang"].headline_figures)
    # the low ones are collected for review, in article order
    review = {(e.item["region"], e.item["indicator"]) for e in digest.review}
    assert {("zhejiang", "gdp-growth-target"), ("henan", "gdp-growth-target"),
            ("hebei", "gdp-growth-target"), ("liaoning", "gdp-growth-target")} <= review
    assert all(e.item["confidence"] == "low" for e in digest.review)
    assert not any(e.item["region"] == "guangdong" for e in digest.review)


def test_missing_confidence_counts_as_high():
    assert dg.is_confident({"indicator": "gdp-growth-target"})
    assert not dg.is_confident({"confidence": "low"})
    assert not dg.is_growth_target({"indicator": "gdp-growth-target", "period": "H1"})


def test_a_forecast_is_never_a_target(digest, site):
    assert all(e.item["indicator"] == "gdp-growth-target" for e in digest.growth_targets)
    assert ("sichuan", 2025, 5.2) not in targets(digest.regions["sichuan"].growth_targets)
    home = html_of(site["index.md"])
    chart = home.find(id="chart-growth-targets-figure")  # the chart block, with its data table
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in chart.find_all("tr")]
    assert sorted((r[0], r[2]) for r in rows if r) == [("Guangdong", "5"), ("Sichuan", "6")]
    page = html_of(site["regions/sichuan.md"])
    # the targets-and-outcomes table holds the target, not the forecast
    target_section = page.find("h2", string=re.compile("Targets and outcomes"))
    table = target_section.find_next("table")
    row = next(tr for tr in table.find_all("tr") if tr.find("td") and
               tr.find("td").get_text() == "2025")
    listed = row.find_all("td")[1].get_text()
    assert "6 %" in listed and "5.2" not in listed
    # listed as a forecast, with who made it
    forecasts = page.find("h2", string=re.compile("Growth forecasts")).find_next("ul")
    assert "5.2 %" in forecasts.get_text() and "Economists at Nomura" in forecasts.get_text()


def test_indicator_labels_name_forecasts_and_periods():
    assert pages._indicator({"indicator": "gdp-growth-forecast", "subject": "IMF"}) == (
        "GDP growth forecast (IMF)")
    assert pages._indicator({"indicator": "gdp-growth-forecast"}) == "GDP growth forecast"
    assert pages._indicator({"indicator": "gdp-growth", "period": "H1"}) == "GDP growth, H1"


def test_low_confidence_figures_stay_off_headline_pages(site):
    home = html_of(site["index.md"])
    key = home.find("h2", string=re.compile("Key figures")).find_next("table")
    assert "Guangdong" in key.get_text() and "Zhejiang" not in key.get_text()
    zhejiang = html_of(site["regions/zhejiang.md"])
    assert zhejiang.find("h2", string=re.compile("Targets and outcomes")) is None
    assert "5.5" not in " ".join(td.get_text() for td in zhejiang.find_all("td"))
    link = zhejiang.find("a", href="../../review/")
    assert link is not None and "Needs review" in link.get_text()
    # the home page links the review page
    assert home.find("a", href="review.md") is not None
    # where every figure is listed, the low one is marked
    rows = json.loads(site["data/figures.json"])  # the Figures table's data
    marked = [r for r in rows if r["i"].endswith("(needs review)")]
    assert any(r["r"] == "Zhejiang" for r in marked)
    article = next(p for p in site if p.startswith("articles/") and "zhejiang" in p)
    marks = html_of(site[article]).select("a.briefing-review-mark")
    assert marks and marks[0]["href"].startswith("../../review/#review-")


def test_review_page_lists_the_low_figure_with_sentence_and_snippets(site, records, digest):
    assert "review.md" in site
    page = html_of(site["review.md"])
    zhejiang = next(r for r in records if r["title"] == "Zhejiang work report")
    n = zhejiang["sentences"].index(LOW_SENTENCE) + 1
    section = page.find(id=f"review-{zhejiang['id']}")
    assert section is not None and section.name == "h2"
    block = section.find_next("div", class_="briefing-review")
    facts = dict(zip([dt.get_text() for dt in block.find_all("dt")],
                     [dd.get_text() for dd in block.find_all("dd")], strict=True))
    assert facts["Region"] == "Zhejiang"
    assert facts["Indicator"] == "GDP growth target"
    assert facts["Year"] == "2025"
    assert facts["As written"] == "“5.5 percent”"
    assert "region:pronoun" in facts["Rule"]  # "It": the place of the sentence before
    # the cited sentence, linked to its anchor on the article page
    link = block.find("blockquote").find("a")
    assert link.get_text() == LOW_SENTENCE
    assert link["href"] == f"../articles/{zhejiang['id']}/#s{n}"
    # the override file and the snippets an editor pastes there
    assert "seeds/zhejiang.override.yaml" in section.find_next("p").get_text()
    confirm, drop = [yaml.safe_load(pre.get_text()) for pre in block.find_all("pre")]
    assert confirm == {"figures": {"confirm": [{"sentence": n, "text": "5.5 percent",
                                                "indicator": "gdp-growth-target",
                                                "region": "zhejiang", "year": 2025}]}}
    assert drop == {"figures": {"remove": confirm["figures"]["confirm"]}}
    # confident figures are not on the page; every low one is
    assert len(page.select("div.briefing-review")) == len(digest.review)
    assert "Guangdong" not in " ".join(dd.get_text() for dd in page.find_all("dd"))


def test_review_page_escapes_article_text(records):
    import copy

    hostile = copy.deepcopy(next(r for r in records if r["title"] == "Zhejiang work report"))
    fig = next(f for f in hostile["figures"] if f.get("confidence") == "low")
    fig["text"] = "<script>alert(1)</script> *5* | `x`"
    hostile["sentences"][fig["sentence"] - 1] = "<img src=x onerror=alert(2)> [a](javascript:x)"
    out = pages.render_site([hostile], GAZ, TAX, reuse=False)["review.md"]
    soup = html_of(out)
    assert soup.find_all(["script", "img"]) == []
    assert not any(a["href"].startswith("javascript") for a in soup.find_all("a"))
    assert "<img src=x onerror=alert(2)> [a](javascript:x)" in soup.get_text()
    snippet = yaml.safe_load(soup.find("pre").get_text())
    assert snippet["figures"]["confirm"][0]["text"] == fig["text"]


def test_empty_review_page():
    page = html_of(pages.render_site([], GAZ, TAX, reuse=False)["review.md"])
    assert "No figures need review." in page.get_text()


def test_confirming_override_moves_the_figure_to_the_headline(tmp_path, site, records):
    folder = tmp_path
    write_corpus(folder)
    page = html_of(site["review.md"])
    zhejiang = next(r for r in records if r["title"] == "Zhejiang work report")
    block = page.find(id=f"review-{zhejiang['id']}").find_next("div", class_="briefing-review")
    confirm_text = html.unescape(block.find_all("pre")[0].get_text())
    (folder / "seeds" / "zhejiang.override.yaml").write_text(confirm_text, "utf-8")

    confirmed = build(folder)
    d = dg.build(confirmed, GAZ, TAX)
    assert ("zhejiang", 2025, 5.5) in targets(d.growth_targets)
    assert targets(d.regions["zhejiang"].growth_targets) == {("zhejiang", 2025, 5.5)}
    assert not any(e.item["region"] == "zhejiang" for e in d.review)
    fig = next(f for r in confirmed for f in r["figures"] if f["region"] == "zhejiang"
               and f["indicator"] == "gdp-growth-target")
    assert fig["confidence"] == "high" and fig["rule"].endswith("; editor:confirmed")
    out = pages.render_site(confirmed, GAZ, TAX, reuse=False)
    region = html_of(out["regions/zhejiang.md"])
    table = region.find("h2", string=re.compile("Targets and outcomes")).find_next("table")
    row = next(tr for tr in table.find_all("tr") if tr.find("td") and
               tr.find("td").get_text() == "2025")
    assert "around 5.5 %" in row.find_all("td")[1].get_text()
    review = html_of(out["review.md"])
    assert review.find(id=f"review-{zhejiang['id']}") is None

    # the drop snippet removes it instead
    drop_text = html.unescape(block.find_all("pre")[1].get_text())
    (folder / "seeds" / "zhejiang.override.yaml").write_text(drop_text, "utf-8")
    dropped = build(folder)
    assert not any(f["region"] == "zhejiang" and f["indicator"] == "gdp-growth-target"
                   for r in dropped for f in r["figures"])


@pytest.mark.parametrize("confirm, message", [
    (True, "figures.confirm: must be a list of figure patterns, got True"),
    ([{}], "figures.confirm: entries must be non-empty mappings"),
    ([{"sentense": 2}], "figures.confirm: unknown figure key 'sentense'; closest valid keys: "
                        "sentence"),
    ([{"sentence": "two"}], "figures.confirm: sentence must be a sentence number"),
])
def test_bad_confirm_is_a_one_line_error(records, confirm, message):
    with pytest.raises(OverrideError) as err:
        apply(records[0], {"figures": {"confirm": confirm}}, file="seeds/x.override.yaml",
              gazetteer=GAZ, taxonomy=TAX)
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith("seeds/x.override.yaml: override " + message), text


def test_unknown_figures_operation_is_named(records):
    with pytest.raises(OverrideError, match="'add' and/or 'remove' and/or 'confirm'"):
        apply(records[0], {"figures": {"confrim": []}}, file="x", gazetteer=GAZ, taxonomy=TAX)
