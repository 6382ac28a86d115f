"""Aggregation across records (generator.digest) on hand-written, schema-valid fixture records.

The fixtures (tests/fixtures/records/) are small on purpose: a Ningbo article (city of
Zhejiang, with a national target), a Guangdong/Shenzhen article and an undated hostile one
whose region is unknown to the gazetteer.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator import digest as dg
from generator.reference import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "records"


def load_records() -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(FIXTURES.glob("*.yaml"))]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def digest(gazetteer) -> dg.Digest:
    return dg.build(load_records(), gazetteer, None)


def test_fixtures_are_schema_valid():
    schema = json.loads((ROOT / "generator/data/article.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    records = load_records()
    assert len(records) >= 3
    for rec in records:
        assert [e.message for e in validator.iter_errors(rec)] == [], rec["id"]


def test_articles_newest_first_undated_last(digest):
    assert [a.id for a in digest.articles] == [
        "2025-02-13-guangdong-robots",
        "2025-01-10-ningbo-targets-growth",
        "undated-hostile-article",
    ]


def test_region_pages_subjects_and_their_provinces(digest):
    with_page = {r.id for r in digest.region_pages}
    # subjects, and the parent province of every subject city
    assert {"ningbo", "zhejiang", "guangdong", "shenzhen", "china", "hostile-land"} <= with_page
    # a dateline alone does not make a page
    assert "guangzhou" not in with_page
    assert "dateline" in digest.regions["guangzhou"].articles["2025-02-13-guangdong-robots"]


def test_city_items_roll_up_to_province_marked_with_city(digest):
    zhejiang = digest.regions["zhejiang"]
    own = [e for e in zhejiang.commitments if e.via is None]
    rolled = [e for e in zhejiang.commitments if e.via == "ningbo"]
    assert [e.item["text"] for e in own] == ["Zhejiang will build a digital economy hub."]
    assert {e.sentence for e in rolled} == {2, 3}
    # the city page lists them as its own
    ningbo = digest.regions["ningbo"]
    assert {e.sentence for e in ningbo.commitments} == {2, 3}
    assert all(e.via is None for e in ningbo.commitments)
    # figures and growth targets too
    assert [(e.via, e.item["value"]) for e in zhejiang.growth_targets] == [("ningbo", 5.5)]
    assert [e.via for e in ningbo.growth_targets] == [None]
    # the province records that a city article covers it
    assert "city" in zhejiang.articles["2025-01-10-ningbo-targets-growth"]
    assert dg.coverage(digest, "zhejiang") == 1


def test_no_double_listing_when_city_and_province_both_named(gazetteer):
    rec = load_records()[0]
    rec["commitments"][0]["regions"] = ["ningbo", "zhejiang"]
    d = dg.build([rec], gazetteer, None)
    entries = [e for e in d.regions["zhejiang"].commitments if e.sentence == 2]
    assert len(entries) == 1


def test_national_target_is_the_country_figure(digest):
    assert digest.national_target is not None
    assert digest.national_target.item["region"] == "china"
    assert digest.national_target.item["value"] == 5


def test_theme_links_count_distinct_cited_sentences(digest):
    guangdong = digest.regions["guangdong"]
    # sentence 1 (Guangdong's own commitment) and 3 (Shenzhen's, rolled up)
    assert {s for _a, s in guangdong.theme_links["robotics"]} == {1, 3}
    assert {s for _a, s in digest.regions["shenzhen"].theme_links["robotics"]} == {3}
    counts = dict(dg.theme_region_counts(digest, "robotics"))
    assert counts == {"guangdong": 2, "shenzhen": 1}
    assert dict(dg.region_theme_counts(digest, "zhejiang")) == {
        "digital-economy": 1, "new-energy-vehicles": 1, "ports": 1}


def test_gazetteer_children_and_names(digest):
    zhejiang = digest.regions["zhejiang"]
    assert "ningbo" in zhejiang.children and "hangzhou" in zhejiang.children
    assert zhejiang.name_zh == "浙江省"
    # a region the gazetteer does not know keeps the record's own data
    assert digest.regions["hostile-land"].name.startswith("Hostile<script>")
    # the tile map knows every provincial-level division
    assert len(digest.provinces) == 34
    assert all(p.row is not None and p.col is not None for p in digest.provinces)


def test_without_reference_data_the_records_suffice():
    d = dg.build(load_records())
    assert d.regions["ningbo"].province == "zhejiang"
    assert [e.via for e in d.regions["zhejiang"].commitments].count("ningbo") == 2
    assert d.themes["robotics"].name == "Robotics"


def test_order_of_input_does_not_matter(gazetteer):
    records = load_records()
    a = dg.build(records, gazetteer, None)
    random.Random(7).shuffle(records)
    b = dg.build(records, gazetteer, None)
    assert [x.id for x in a.articles] == [x.id for x in b.articles]
    for rid in a.regions:
        assert [e.key for e in a.regions[rid].commitments] == [
            e.key for e in b.regions[rid].commitments]
        assert a.regions[rid].theme_links == b.regions[rid].theme_links


# --- facts: mentions of one fact merged -----------------------------------------------------

def _growth_record(aid: str, date: str, figures: list[tuple[str, int, float, str]],
                   commitments: tuple[str, ...] = ()) -> dict:
    """A minimal schema-shaped record about Sichuan: figures as (indicator, year, value,
    qualifier), one sentence each."""
    sentences = [f"Sentence {i}." for i in range(1, len(figures) + len(commitments) + 2)]
    return {
        "id": aid, "title": aid, "date": date, "source": "Fixture Times", "file": f"{aid}.txt",
        "sentences": sentences, "paragraphs": [1],
        "regions": [{"id": "sichuan", "name": "Sichuan", "level": "province",
                     "roles": ["subject"], "sentences": [1]}],
        "themes": [], "people": [],
        "figures": [{"indicator": ind, "region": "sichuan", "theme": None, "year": year,
                     "value": value, "value_max": None, "unit": "percent", "qualifier": q,
                     "text": f"{value} percent", "sentence": i + 1}
                    for i, (ind, year, value, q) in enumerate(figures)],
        "commitments": [{"text": text, "regions": ["sichuan"], "themes": ["ai"],
                         "sentence": len(figures) + i + 1}
                        for i, text in enumerate(commitments)],
    }


def test_one_fact_stated_in_several_articles_is_one_fact_with_every_citation(gazetteer):
    records = [
        _growth_record("a", "2025-03-01", [("gdp-growth-target", 2025, 5.5, "more-than")]),
        _growth_record("b", "2025-02-01", [("gdp-growth-target", 2025, 5.5, "more-than")]),
        _growth_record("c", "2025-01-01", [("gdp-growth-target", 2025, 5.5, "more-than"),
                                           ("gdp-growth-target", 2025, 5.5, "more-than")]),
    ]
    d = dg.build(records, gazetteer, None)
    (fact,) = dg.facts(d.regions["sichuan"].figures)
    assert fact.articles == ["a", "b", "c"]  # most recent first, each article once
    assert len(fact.mentions) == 4 and not fact.disputed


def test_sources_that_disagree_are_flagged_and_the_best_sourced_value_comes_first(gazetteer):
    records = [
        _growth_record("a", "2025-03-01", [("gdp-growth-target", 2025, 6.0, "around")]),
        _growth_record("b", "2025-02-01", [("gdp-growth-target", 2025, 5.5, "around")]),
        _growth_record("c", "2025-01-01", [("gdp-growth-target", 2025, 5.5, "around")]),
    ]
    d = dg.build(records, gazetteer, None)
    facts = dg.facts(d.regions["sichuan"].figures)
    assert [f.item["value"] for f in facts] == [5.5, 6.0]
    assert all(f.disputed for f in facts)


def test_targets_and_outcomes_per_year(gazetteer):
    records = [
        _growth_record("a", "2025-03-01", [("gdp-growth-target", 2025, 5.5, "around"),
                                           ("gdp-growth", 2024, 5.2, "exactly"),
                                           ("gdp-growth-target", 2024, 5.0, "around")]),
        _growth_record("b", "2024-03-01", [("gdp-growth-target", 2023, 6.0, "more-than"),
                                           ("gdp-growth", 2023, 5.9, "exactly")]),
    ]
    d = dg.build(records, gazetteer, None)
    rows = dg.targets_and_outcomes(d.regions["sichuan"])
    assert [(r.year, r.met) for r in rows] == [(2025, None), (2024, True), (2023, False)]
    assert rows[1].targets[0].item["value"] == 5.0 and rows[1].outcomes[0].item["value"] == 5.2


def test_commitments_merged_by_text_most_cited_first(gazetteer):
    records = [
        _growth_record("a", "2025-03-01", [], ("Sichuan will build an AI hub.",)),
        _growth_record("b", "2025-02-01", [], ("Sichuan will  build an AI hub.",
                                               "Sichuan will train AI models.")),
    ]
    d = dg.build(records, gazetteer, None)
    plans = dg.plans(d.regions["sichuan"].commitments)
    assert [len(p.articles) for p in plans] == [2, 1]
