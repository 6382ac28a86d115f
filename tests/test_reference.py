"""Reference data and matchers (generator/reference.py): executable documentation.

What the packaged gazetteer and taxonomy contain, how names and themes are matched in
text, and how user-supplied files are loaded and validated.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.reference import (
    PROVINCIAL_LEVELS,
    Gazetteer,
    Match,
    ReferenceDataError,
    Taxonomy,
    data_version,
    load_gazetteer,
    load_taxonomy,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def found(matcher, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.text, m.ids) for m in matcher.find(text)]


def first_ids(matcher, text: str) -> list[str]:
    return [m.ids[0] for m in matcher.find(text)]


# --------------------------------------------------------------------------------------
# gazetteer contents
# --------------------------------------------------------------------------------------


def test_34_provincial_level_divisions_on_unique_tiles(gaz):
    provinces = gaz.provinces()
    assert len(provinces) == 34
    assert Counter(p.level for p in provinces) == {
        "province": 23, "municipality": 4, "autonomous-region": 5, "sar": 2}
    cells = [(p.row, p.col) for p in provinces]
    assert None not in {c for cell in cells for c in cell}
    assert len(set(cells)) == 34
    assert all(0 <= r < 8 and 0 <= c < 8 for r, c in cells)
    assert {p.id for p in provinces} >= {
        "guangdong", "shanxi", "shaanxi", "inner-mongolia", "hong-kong", "macao", "taiwan",
        "tibet", "xinjiang", "guangxi", "ningxia", "beijing", "tianjin", "shanghai", "chongqing"}
    assert all(p.parent == "china" for p in provinces)


def test_tile_grid_resembles_the_map(gaz):
    cell = {p.id: (p.row, p.col) for p in gaz.provinces()}
    assert cell["heilongjiang"][0] < cell["guangdong"][0]  # north above south
    assert cell["hainan"][0] == max(r for r, _ in cell.values())
    assert cell["xinjiang"][1] < cell["shanghai"][1]  # west left of east
    assert cell["tibet"][1] == min(c for _, c in cell.values())
    # neighbours stay neighbours
    assert cell["beijing"][0] == cell["tianjin"][0] and cell["tianjin"][1] - cell["beijing"][1] == 1
    assert abs(cell["hong-kong"][1] - cell["macao"][1]) == 1


def test_every_prefecture_level_division_with_a_provincial_parent(gaz):
    cities = [r for r in gaz.regions.values() if r.level == "city"]
    assert 330 <= len(cities) <= 340  # 333 in 2024: 293 cities, 7 prefectures, 30 APs, 3 leagues
    for c in cities:
        assert gaz.get(c.parent).level in PROVINCIAL_LEVELS, c.id
        assert c.lat and c.lon and 15 < c.lat < 55 and 70 < c.lon < 136, c.id
        assert c.name_zh and c.adcode, c.id
    # not districts or counties, not the 省直辖县级 groups, not defunct Laiwu
    names_zh = {c.name_zh for c in cities}
    assert not {"市辖区", "县", "济源市", "仙桃市", "石河子市", "莱芜市"} & names_zh
    assert {"延边朝鲜族自治州", "锡林郭勒盟", "阿里地区", "那曲市", "三沙市"} <= names_zh


def test_ids_are_unique_slugs(gaz):
    raw = yaml.safe_load(
        (ROOT / "generator" / "data" / "gazetteer.yaml").read_text("utf-8"))["regions"]
    ids = [r["id"] for r in raw]
    assert len(ids) == len(set(ids)) == len(gaz)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)


def test_shaanxi_and_shanxi_are_distinct(gaz):
    shaanxi, shanxi = gaz.get("shaanxi"), gaz.get("shanxi")
    assert (shaanxi.name, shaanxi.name_zh) == ("Shaanxi", "陕西省")
    assert (shanxi.name, shanxi.name_zh) == ("Shanxi", "山西省")
    assert found(gaz, "Shaanxi and Shanxi") == [("Shaanxi", ("shaanxi",)), ("Shanxi", ("shanxi",))]
    assert gaz.get("xian").parent == "shaanxi" and gaz.get("taiyuan").parent == "shanxi"


def test_conventional_english_names(gaz):
    names = {rid: gaz.get(rid).name for rid in (
        "harbin", "hohhot", "urumqi", "lhasa", "xian", "inner-mongolia", "tibet", "macao",
        "yanbian", "kashgar", "changzhi", "luohe")}
    assert names == {
        "harbin": "Harbin", "hohhot": "Hohhot", "urumqi": "Urumqi", "lhasa": "Lhasa",
        "xian": "Xi'an", "inner-mongolia": "Inner Mongolia", "tibet": "Tibet",
        "macao": "Macao", "yanbian": "Yanbian", "kashgar": "Kashgar", "changzhi": "Changzhi",
        "luohe": "Luohe"}
    assert "Yanbian Korean Autonomous Prefecture" in gaz.get("yanbian").aliases
    assert "Guangxi Zhuang Autonomous Region" in gaz.get("guangxi").aliases
    assert "Xinjiang Uygur Autonomous Region" in gaz.get("xinjiang").aliases


def test_name_collisions_get_distinct_ids(gaz):
    assert gaz.get("jilin").level == "province"
    assert gaz.get("jilin-city").parent == "jilin"
    assert gaz.get("suzhou").parent == "jiangsu" and gaz.get("suzhou-anhui").parent == "anhui"
    assert gaz.get("taizhou").parent == "zhejiang"
    assert gaz.get("taizhou-jiangsu").parent == "jiangsu"
    assert gaz.get("fuzhou").parent == "fujian" and gaz.get("fuzhou-jiangxi").parent == "jiangxi"
    assert gaz.get("yichun").parent == "jiangxi"
    assert gaz.get("yichun-heilongjiang").parent == "heilongjiang"


def test_economic_regions(gaz):
    econ = {r.id: r for r in gaz.regions.values() if r.level == "economic-region"}
    assert set(econ) >= {"yangtze-river-delta", "pearl-river-delta", "greater-bay-area",
                         "beijing-tianjin-hebei", "chengdu-chongqing", "northeast-china"}
    assert econ["greater-bay-area"].members == ("guangdong", "hong-kong", "macao")
    assert econ["yangtze-river-delta"].members == ("shanghai", "jiangsu", "zhejiang", "anhui")
    for r in econ.values():
        assert r.parent == "china" and r.lat and r.lon
        assert all(gaz.get(m).is_provincial for m in r.members)
    # centres are plausible: the PRD's lies between Guangzhou and Shenzhen
    prd = econ["pearl-river-delta"]
    assert 22 < prd.lat < 23.5 and 112.5 < prd.lon < 114.5


def test_lookup_helpers(gaz):
    assert gaz.get("nowhere") is None
    assert gaz.province_of("shenzhen") == "guangdong"
    assert gaz.province_of("guangdong") == "guangdong"
    assert gaz.province_of("shanghai") == "shanghai"
    assert gaz.province_of("china") is None
    assert gaz.province_of("greater-bay-area") is None
    kids = {r.id for r in gaz.children("guangdong")}
    assert {"shenzhen", "guangzhou"} <= kids and len(kids) == 21
    assert "guangdong" in {r.id for r in gaz.children("china")}
    assert gaz.closest("guandong")[0] == "guangdong"
    assert "inner-mongolia" in gaz.closest("inner mongolia")


@pytest.mark.skipif(
    not (importlib.util.find_spec("cpca") and importlib.util.find_spec("pypinyin")),
    reason="needs the refdata extra (cpca, pypinyin)")
def test_committed_gazetteer_matches_the_build_script():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------------------
# region matching
# --------------------------------------------------------------------------------------


def test_region_matches_are_word_bounded_and_case_sensitive(gaz):
    assert found(gaz, "Chinese firms") == []
    assert found(gaz, "Guangdong's leading position") == [("Guangdong", ("guangdong",))]
    assert found(gaz, "Guangdong’s plan") == [("Guangdong", ("guangdong",))]
    assert found(gaz, "the china shop") == []  # proper nouns only...
    assert first_ids(gaz, "BEIJING -- Chinese provinces") == ["beijing"]  # ...or ALL CAPS
    assert found(gaz, "Beijing-based") == [("Beijing", ("beijing",))]
    assert found(gaz, "Tibetan Buddhism") == []


def test_ambiguous_names_return_all_candidates_preferred_first(gaz):
    assert found(gaz, "Suzhou") == [("Suzhou", ("suzhou", "suzhou-anhui"))]
    assert found(gaz, "Jilin") == [("Jilin", ("jilin", "jilin-city"))]
    assert found(gaz, "Jilin City") == [("Jilin City", ("jilin-city",))]
    assert found(gaz, "Jilin Province") == [("Jilin Province", ("jilin",))]


def test_longest_leftmost_wins(gaz):
    text = ("Guangdong-Hong Kong-Macao Greater Bay Area, the Beijing-Tianjin-Hebei region and "
            "the Yangtze River Delta and Pearl River delta")
    assert first_ids(gaz, text) == [
        "greater-bay-area", "beijing-tianjin-hebei", "yangtze-river-delta", "pearl-river-delta"]
    assert found(gaz, "Hong Kong SAR") == [("Hong Kong SAR", ("hong-kong",))]


def test_spelling_variants(gaz):
    for text, rid in [("Xi'an", "xian"), ("Xi’an", "xian"), ("Xian", "xian"), ("XI'AN", "xian"),
                      ("Xi‘an", "xian"), ("Xiʼan", "xian"), ("Lu‘an", "luan"),
                      ("Ürümqi", "urumqi"), ("Urumqi", "urumqi"), ("Macau", "macao"),
                      ("Xizang", "tibet"), ("Inner Mongolia Autonomous Region", "inner-mongolia"),
                      ("Yanbian Korean Autonomous Prefecture", "yanbian"), ("广东省", "guangdong"),
                      ("广东", "guangdong"), ("深圳市", "shenzhen"), ("Chinese mainland", "china"),
                      ("Jing-Jin-Ji", "beijing-tianjin-hebei"), ("GBA", "greater-bay-area"),
                      ("Chengdu-Chongqing economic circle", "chengdu-chongqing")]:
        assert first_ids(gaz, text) == [rid], text


def test_locator_phrases_are_left_to_the_region_extractor(gaz):
    # "Northeast China" is an economic region; "South China" is not an entry, so only
    # "China" matches there -- the region extractor decides what the locator means.
    assert first_ids(gaz, "Dalian in Northeast China's Liaoning Province") == [
        "dalian", "northeast-china", "liaoning"]
    assert first_ids(gaz, "South China's Guangdong Province") == ["china", "guangdong"]


def test_seed_articles(gaz):
    counts = Counter(m.ids[0] for p in SEEDS for m in gaz.find(p.read_text("utf-8")))
    assert {"guangdong", "shanghai", "beijing", "ningbo", "dalian", "sanya", "deyang", "wuhan",
            "changsha", "hefei", "shenzhen", "jiangsu", "heilongjiang", "anhui",
            "pearl-river-delta", "yangtze-river-delta", "greater-bay-area"} <= set(counts)


# --------------------------------------------------------------------------------------
# taxonomy and theme matching
# --------------------------------------------------------------------------------------

REQUIRED_THEMES = {
    "integrated-circuits", "ai", "new-energy-vehicles", "low-altitude-economy", "robotics",
    "biomedicine", "quantum", "communications", "brain-computer-interface", "fusion-and-nuclear",
    "new-energy", "new-materials", "aerospace", "digital-economy", "advanced-manufacturing",
    "marine-economy", "consumption", "opening-up", "traditional-industries", "sci-tech-innovation",
}


def test_taxonomy_has_the_core_themes(tax):
    assert set(tax.themes) >= REQUIRED_THEMES
    for t in tax.themes.values():
        assert t.name and t.description and "\n" not in t.description
        assert len(t.aliases) >= 5, t.id


@pytest.mark.parametrize("text,theme", [
    ("new energy vehicles", "new-energy-vehicles"),
    ("New-Energy Vehicle", "new-energy-vehicles"),
    ("NEVs", "new-energy-vehicles"),
    ("electric vehicles", "new-energy-vehicles"),
    ("intelligent connected vehicles", "new-energy-vehicles"),
    ("chips", "integrated-circuits"),
    ("semiconductors", "integrated-circuits"),
    ("ICs", "integrated-circuits"),
    ("large language models", "ai"),
    ("LLMs", "ai"),
    ("drones", "low-altitude-economy"),
    ("eVTOL", "low-altitude-economy"),
    ("humanoid robots", "robotics"),
    ("embodied intelligence", "robotics"),
    ("bio-manufacturing", "biomedicine"),
    ("biomanufacturing", "biomedicine"),
    ("innovative drugs", "biomedicine"),
    ("cell and gene therapy", "biomedicine"),
    ("quantum computing", "quantum"),
    ("6G", "communications"),
    ("brain-computer interfaces", "brain-computer-interface"),
    ("BCI", "brain-computer-interface"),
    ("fusion energy", "fusion-and-nuclear"),
    ("photovoltaic", "new-energy"),
    ("PV", "new-energy"),
    ("energy storage", "new-energy"),
    ("smart grids", "new-energy"),
    ("rare earths", "new-materials"),
    ("C919", "aerospace"),
    ("commercial aerospace", "aerospace"),
    ("computing power", "digital-economy"),
    ("data elements", "digital-economy"),
    ("high-end equipment", "advanced-manufacturing"),
    ("marine-related industries", "marine-economy"),
    ("consumer goods trade-ins", "consumption"),
    ("FDI", "opening-up"),
    ("cross-border e-commerce", "opening-up"),
    ("free trade zones", "opening-up"),
    ("steel", "traditional-industries"),
    ("R&D", "sci-tech-innovation"),
    ("incubators", "sci-tech-innovation"),
    ("patents", "sci-tech-innovation"),
])
def test_theme_aliases(tax, text, theme):
    matches = tax.find(f"It will develop {text}.")
    assert [m.text for m in matches] == [text]
    assert matches[0].ids[0] == theme


def test_acronyms_are_case_sensitive(tax):
    assert found(tax, "said Ai Xuefeng, a local official") == []
    assert found(tax, "the ic and the nev") == []
    assert found(tax, "AI, NEVs and ICs") == [
        ("AI", ("ai",)), ("NEVs", ("new-energy-vehicles",)), ("ICs", ("integrated-circuits",))]
    assert found(tax, "AI-powered") == [("AI", ("ai",))]
    assert found(tax, "AIR and SAID") == []


def test_theme_matching_is_hyphen_case_and_space_insensitive(tax):
    text = "Low-Altitude  Economy and new\nenergy vehicles"
    assert found(tax, text) == [("Low-Altitude  Economy", ("low-altitude-economy",)),
                                ("new\nenergy vehicles", ("new-energy-vehicles",))]


def test_longest_theme_match_wins(tax):
    # "new energy vehicles" is NEVs, not new energy; "offshore wind" is tagged with both themes
    assert first_ids(tax, "new energy vehicles and new energy") == [
        "new-energy-vehicles", "new-energy"]
    assert found(tax, "offshore wind") == [("offshore wind", ("new-energy", "marine-economy"))]
    assert first_ids(tax, "generative AI") == ["ai"]
    assert first_ids(tax, "embodied AI") == ["robotics"]


def test_stop_phrases_swallow_false_friends(tax):
    assert found(tax, "blue-chip stocks and potato chips") == []
    assert found(tax, "trade-offs") == []
    assert first_ids(tax, "chips and trade") == ["integrated-circuits", "opening-up"]
    # a caption's kind of photograph is not the drone industry
    assert found(tax, "An aerial drone photo taken on May 12 shows the river") == []
    assert first_ids(tax, "drone delivery and drone photos") == ["low-altitude-economy"]


def test_offsets_survive_normalisation(tax):
    text = "İİ new  energy   vehicles, ‐ AI"  # İ lower-cases to two characters
    for m in tax.find(text):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in tax.find(text)] == ["new  energy   vehicles", "AI"]


def test_seed_themes(tax):
    counts = Counter(i for p in SEEDS for m in tax.find(p.read_text("utf-8")) for i in m.ids)
    assert REQUIRED_THEMES - {"quantum"} <= set(counts) | {"quantum"}
    assert counts["quantum"] >= 2 and counts["brain-computer-interface"] >= 2


def is_latin_word_char(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < 0x2E80


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Guangdong", "Guangdong's", "Chinese", "China", " ", "-", "AI", "Ai", "chips", "new",
    "energy", "vehicles", "NEVs", "Suzhou", "Xi'an", "Hong Kong", "x", "1", "\n", "低空", "广东"]),
    max_size=30))
def test_matches_are_ordered_disjoint_and_word_bounded(text_parts):
    text = "".join(text_parts)
    for matcher in (load_gazetteer(), load_taxonomy()):
        last_end = 0
        for m in matcher.find(text):
            assert isinstance(m, Match) and m.ids
            assert text[m.start:m.end] == m.text
            assert m.start >= last_end
            last_end = m.end
            # a Latin-script match never continues a word; Chinese has no word spaces
            if m.text[0].isascii() and m.start > 0:
                assert not is_latin_word_char(text[m.start - 1])
            if m.text[-1].isascii() and m.end < len(text):
                assert not is_latin_word_char(text[m.end])


def test_matching_is_fast(gaz, tax):
    """Target: > 5 MB/s per matcher on news text (asserted loosely: CI machines vary)."""
    text = "\n\n".join(p.read_text("utf-8") for p in SEEDS) * 100  # ~2 MB
    rates = {}
    for name, matcher in (("gazetteer", gaz), ("taxonomy", tax)):
        t0 = time.perf_counter()
        matcher.find(text)
        rates[name] = len(text) / 1e6 / (time.perf_counter() - t0)
    print(f"find() throughput, MB/s: {rates}")
    assert min(rates.values()) > 1.0, rates


# --------------------------------------------------------------------------------------
# loading user files
# --------------------------------------------------------------------------------------

USER_GAZETTEER = """\
regions:
- {id: ruritania, name: Ruritania, level: country, parent: null, lat: 50, lon: 10}
- {id: strelsau, name: Strelsau, name_zh: null, aliases: [Strelsau City], level: province,
   parent: ruritania, lat: 50.1, lon: 10.2, row: 0, col: 0}
- {id: zenda, name: Zenda, level: city, parent: strelsau, lat: 50.2, lon: 10.3}
"""

USER_TAXONOMY = """\
themes:
- {id: castles, name: Castles, description: Fortified residences., aliases: [castle, keep]}
"""


def test_user_supplied_files_load_and_match(tmp_path):
    gpath, tpath = tmp_path / "g.yaml", tmp_path / "t.yaml"
    gpath.write_text(USER_GAZETTEER, "utf-8")
    tpath.write_text(USER_TAXONOMY, "utf-8")
    g, t = load_gazetteer(gpath), load_taxonomy(str(tpath))
    assert set(g.regions) == {"ruritania", "strelsau", "zenda"}
    assert g.province_of("zenda") == "strelsau"
    assert first_ids(g, "From Zenda to Strelsau City") == ["zenda", "strelsau"]
    assert first_ids(t, "Two castles and a Keep") == ["castles", "castles"]
    assert load_gazetteer(gpath) is g  # cached per path + mtime
    version = data_version(g, t)
    tpath.write_text(USER_TAXONOMY.replace("keep]", "keep, moat]"), "utf-8")
    os.utime(tpath, ns=(time.time_ns(), time.time_ns() + 10**9))
    t2 = load_taxonomy(tpath)
    assert t2 is not t and first_ids(t2, "a moat") == ["castles"]
    assert data_version(g, t2) != version
    assert data_version(load_gazetteer(), load_taxonomy()) == data_version(
        load_gazetteer(None), load_taxonomy(None))


@pytest.mark.parametrize("content,message", [
    ("regions: [", "invalid YAML"),
    ("- just a list", "expected a mapping with a list under 'regions'"),
    ("regions:\n- {id: x, name: X, level: city, parent: null, lat: 1, lon: 2}\n- 7\n",
     r"regions\[1\]: expected a mapping"),
    ("regions:\n- {id: x, level: city, parent: null, lat: 1, lon: 2}\n",
     r"regions\[0\] \(id 'x'\): missing key 'name'"),
    ("regions:\n- {id: x, name: X, level: town, parent: null, lat: 1, lon: 2}\n",
     r"regions\[0\] \(id 'x'\)\.level: expected one of country, .*; got 'town'"),
    ("regions:\n- {id: x, name: X, level: city, parent: y, lat: 1, lon: 2}\n",
     r"\(id 'x'\): unknown parent 'y'"),
    ("regions:\n- {id: x, name: X, level: city, parent: null, lat: 100, lon: 2}\n",
     r"\(id 'x'\)\.lat: expected a number <= 90, got 100"),
    ("regions:\n- {id: Bad Id, name: X, level: city, parent: null, lat: 1, lon: 2}\n",
     r"\(id 'Bad Id'\)\.id: expected a lower-case slug like 'inner-mongolia', got 'Bad Id'"),
    ("regions:\n- {id: x, name: X, level: city, parent: null, lat: 1, lon: 2}\n"
     "- {id: x, name: Y, level: city, parent: null, lat: 1, lon: 2}\n", r"duplicate id"),
    # the schema's one keyword after draft-07, which the quick check says as `dependencies`
    ("regions:\n- {id: x, name: X, level: city, parent: null, lat: 1, lon: 2, row: 0}\n",
     r"\(id 'x'\): 'col' is a dependency of 'row'"),
])
def test_malformed_gazetteer_gives_a_clear_error(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(ReferenceDataError, match=message) as info:
        load_gazetteer(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("content,message", [
    ("themes:\n- {id: t, name: T, aliases: [a]}\n",
     r"themes\[0\] \(id 't'\): missing key 'description'"),
    ("themes:\n- {id: t, name: T, description: D, aliases: a}\n",
     r"themes\[0\] \(id 't'\)\.aliases: expected a list"),
    ("stop_phrases: [keep]\nthemes:\n- {id: t, name: T, description: D, aliases: [keep]}\n",
     r"stop phrase 'keep' is also an alias of t"),
])
def test_malformed_taxonomy_gives_a_clear_error(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(ReferenceDataError, match=message) as info:
        load_taxonomy(path)
    assert str(path) in str(info.value)


def test_missing_file_gives_a_clear_error(tmp_path):
    with pytest.raises(ReferenceDataError, match="cannot read"):
        load_gazetteer(tmp_path / "nope.yaml")


def test_the_quick_schema_check_agrees_with_the_full_one():
    """Reference files are checked by fastjsonschema first (schemas.is_valid), explained by
    jsonschema only when invalid: both must say the same of valid and invalid files."""
    import copy

    from generator import schemas

    for name, path in (("gazetteer", "gazetteer.yaml"), ("taxonomy", "taxonomy.yaml")):
        data = yaml.safe_load((ROOT / "generator" / "data" / path).read_text("utf-8"))
        full = schemas.validator(f"{name}.schema.json")
        assert schemas.is_valid(f"{name}.schema.json", data) and full.is_valid(data)
        top = "regions" if name == "gazetteer" else "themes"
        broken = [
            {**data, top: [{**data[top][0], "id": "Not A Slug"}]},
            {**data, top: [{k: v for k, v in data[top][0].items() if k != "name"}]},
            {**data, top: [{**data[top][0], "unknown_key": 1}]},
        ]
        if name == "gazetteer":
            tiled = next(r for r in data[top] if "tile" in r)
            broken.append({**data, top: [{k: v for k, v in tiled.items() if k != "col"}]})
        for bad in broken:
            bad = copy.deepcopy(bad)
            assert not full.is_valid(bad)
            assert not schemas.is_valid(f"{name}.schema.json", bad)
