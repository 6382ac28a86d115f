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
