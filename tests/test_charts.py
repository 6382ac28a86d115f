"""Chart specs: valid Vega-Lite, deterministic, safe to embed; chart blocks escape everything."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import altair as alt
import jsonschema
import markdown
import pytest
import vl_convert
from altair.vegalite.v6.schema.core import load_schema
from bs4 import BeautifulSoup

from generator import charts
from generator.reference import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "generator" / "assets"
HOSTILE = (
    '<script>alert("x")</script> {{ config.site_name }} {% raw %} | a | b | '
    "[click](javascript:alert(1)) --8<-- \"/etc/passwd\" {++ins++} *[HTML]: x & 'q'"
)


def sample_rows() -> dict[str, list[dict]]:
    """Rows for every builder, with duplicates, zeros, gaps and hostile names."""
    return {
        "growth_targets": [
            {"region_id": "guangdong", "region": "Guangdong", "value": 5, "value_max": None,
             "qualifier": "around", "year": 2025, "url": "../regions/guangdong/"},
            {"region_id": "hainan", "region": "Hainan", "value": 5.5, "value_max": 6.0,
             "qualifier": "range", "year": 2025, "url": "../regions/hainan/"},
            {"region_id": "evil", "region": HOSTILE, "value": 6.5, "value_max": None,
             "qualifier": "more-than", "year": 2025, "url": "javascript:alert(1)"},
            {"region_id": "hubei", "region": "Hubei", "value": 6, "value_max": None,
             "qualifier": "at-least", "year": 2024, "url": "../regions/hubei/"},
            {"region_id": "hubei", "region": "Hubei", "value": 5.5, "value_max": None,
             "qualifier": "around", "year": 2025, "url": "../regions/hubei/"},
            {"region_id": "nan", "region": "Broken", "value": float("nan"), "value_max": None,
             "qualifier": "around", "year": 2025, "url": None},
        ],
        "region_theme_heatmap": [
            {"region_id": r, "region": r.title(), "theme_id": t, "theme": t.replace("-", " "),
             "count": c, "region_url": f"../regions/{r}/", "theme_url": f"../themes/{t}/"}
            for r, t, c in [("guangdong", "ai", 3), ("guangdong", "robotics", 2),
                            ("beijing", "ai", 1), ("shanghai", "bci", 4), ("beijing", "bci", 0)]
        ] + [{"region_id": "evil", "region": HOSTILE, "theme_id": "ai", "theme": "ai",
              "count": 1, "region_url": "javascript:x", "theme_url": "../themes/ai/"}],
        "themes_ranked": [
            {"theme_id": "ai", "theme": "Artificial intelligence", "regions": 5, "url": "ai/"},
            {"theme_id": "robotics", "theme": "Robotics", "regions": 2, "url": "robotics/"},
            {"theme_id": "bci", "theme": HOSTILE, "regions": 2, "url": None},
        ],
        "tile_map": [  # the grid comes from the gazetteer, its only copy
            {"region_id": r.id, "region": r.name, "row": r.row, "col": r.col, "label": r.tile,
             "count": (i * 7) % 5, "url": f"../regions/{r.id}/"}
            for i, r in enumerate(load_gazetteer().provinces())
        ],
        "region_themes": [
            {"theme_id": "ai", "theme": "AI", "count": 3, "url": "../../themes/ai/"},
            {"theme_id": "ev", "theme": "EVs", "count": 1, "url": "../../themes/ev/"},
        ],
        "region_figures": [
            {"label": "GDP growth target", "value": 5, "unit": "percent", "year": 2025,
             "qualifier": "around", "url": "../../articles/a/#s3"},
            {"label": "R&D intensity", "value": 3.6, "unit": "percent", "year": 2025,
             "qualifier": "more-than", "url": "../../articles/a/#s5"},
            {"label": "Digital economy", "value": 2.2e12, "unit": "CNY", "year": 2024,
             "qualifier": "exactly", "url": "../../articles/a/#s7"},
            {"label": "Robots", "value": 1200, "unit": "count", "year": 2024,
             "qualifier": "more-than", "url": "../../articles/a/#s8"},
        ],
        "theme_regions": [
            {"region_id": "guangdong", "region": "Guangdong", "count": 3, "url": "g/"},
            {"region_id": "beijing", "region": "Beijing", "count": 1, "url": "b/"},
        ],
        "articles_over_time": [
            {"date": "2025-01-20", "count": 1}, {"date": "2025-02-03", "count": 2},
            {"date": "2025-02-10", "count": 1},
        ],
    }


def build_all() -> dict[str, dict]:
    rows = sample_rows()
    return {
        "growth_targets": charts.growth_targets(
            rows["growth_targets"], {"value": 5.0, "qualifier": "around", "year": 2025}),
        "growth_targets_bare": charts.growth_targets(rows["growth_targets"]),
        "region_theme_heatmap": charts.region_theme_heatmap(rows["region_theme_heatmap"]),
        "themes_ranked": charts.themes_ranked(rows["themes_ranked"]),
        "tile_map": charts.tile_map(rows["tile_map"]),
        "region_themes": charts.region_themes(rows["region_themes"]),
        "region_figures": charts.region_figures(rows["region_figures"]),
        "region_amounts": charts.region_amounts(rows["region_figures"]),
        "theme_regions": charts.theme_regions(rows["theme_regions"]),
        "articles_over_time": charts.articles_over_time(rows["articles_over_time"]),
    }


def values(spec: dict) -> list[dict]:
    """The main data of a spec (Altair hoists data shared by all layers to the top)."""
    data = spec.get("data") or spec["layer"][0]["data"]
    return data["values"]


@pytest.fixture(scope="module")
def specs() -> dict[str, dict]:
    return build_all()


@pytest.fixture(scope="module")
def vegalite_validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def test_specs_are_valid_vega_lite(specs, vegalite_validator) -> None:
    for name, spec in specs.items():
        errors = sorted(vegalite_validator.iter_errors(spec), key=str)
        assert not errors, f"{name}: {errors[0].message}"
        assert spec["$schema"] == alt.SCHEMA_URL


def test_specs_are_self_contained_responsive_and_described(specs) -> None:
    for name, spec in specs.items():
        text = charts.spec_json(spec)
        assert spec["width"] == "container", name
        assert isinstance(spec["description"], str) and len(spec["description"]) > 20, name
        assert "config" not in spec, name  # styling comes from the renderer (light/dark)
        assert '"url":"http' not in text and "datasets" not in spec, name  # inline data
        assert not re.search(r"param_\d+|selector\d+", text), name  # no auto-named params


def test_empty_inputs_still_give_valid_specs(vegalite_validator) -> None:
    empty = [
        charts.growth_targets([]), charts.growth_targets([], {"value": 5}),
        charts.region_theme_heatmap([]), charts.themes_ranked([]), charts.tile_map([]),
        charts.region_themes([]), charts.region_figures([]), charts.region_amounts([]),
        charts.theme_regions([]), charts.articles_over_time([]),
    ]
    for spec in empty:
        assert not list(vegalite_validator.iter_errors(spec)), spec["description"]


def test_specs_are_deterministic(specs) -> None:
    # Altair names params with a global counter; building other charts in between must
    # not change ours.
    alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().add_params(alt.selection_point()).to_dict()
    again = build_all()
    for name in specs:
        assert charts.spec_json(specs[name]) == charts.spec_json(again[name]), name
    reordered = sample_rows()
    for key in reordered:
        reordered[key] = list(reversed(reordered[key]))
    assert charts.spec_json(charts.themes_ranked(reordered["themes_ranked"])) == \
        charts.spec_json(specs["themes_ranked"])
    assert charts.spec_json(charts.tile_map(reordered["tile_map"])) == \
        charts.spec_json(specs["tile_map"])
    assert charts.spec_json(charts.region_theme_heatmap(reordered["region_theme_heatmap"])) == \
        charts.spec_json(specs["region_theme_heatmap"])


def test_specs_identical_in_a_fresh_process_with_another_hash_seed(specs) -> None:
    code = (
        "import hashlib, sys; sys.path.insert(0, 'tests'); import test_charts as t; "
        "from generator.charts import spec_json; s = t.build_all(); "
        "print(hashlib.sha256(''.join(spec_json(s[k]) for k in sorted(s)).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout.strip()
    here = hashlib.sha256("".join(charts.spec_json(specs[k]) for k in sorted(specs)).encode())
    assert out == here.hexdigest()


def test_growth_targets_content(specs) -> None:
    spec = specs["growth_targets"]
    data = values(spec)
    keys = [d["key"] for d in data]
    assert keys[:3] == [charts._text(HOSTILE), "Hubei (2024)", "Hainan"]  # highest first
    assert "Hubei (2025)" in keys and "Broken" not in keys  # NaN dropped, duplicates kept apart
    evil = data[0]
    assert evil["url"] is None and evil["label"] == ">6.5%" and evil["target"] == "more than 6.5 %"
    hainan = next(d for d in data if d["region_id"] == "hainan")
    assert hainan["label"] == "5.5\u20136%" and hainan["value_max"] == 6
    reference = spec["layer"][-1]["data"]["values"][0]
    assert reference == {"value": 5, "title": "National: around 5 % (2025)"}
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["around", "more-than", "at-least", "range"]
    assert colour["range"][0] == charts.QUALIFIERS["around"]["color"]
    assert spec["layer"][0]["encoding"]["href"]["field"] == "url"
    assert "rule" not in json.dumps(specs["growth_targets_bare"]["layer"])


def test_tile_map_positions_and_labels(specs) -> None:
    data = values(specs["tile_map"])
    assert len(data) == 34
    cells = {(d["row"], d["col"]) for d in data}
    assert len(cells) == 34  # no two divisions share a tile
    assert {d["label"] for d in data} >= {"GD", "BJ", "XZ", "NM", "HK", "MO", "TW"}
    by_id = {d["region_id"]: d["label"] for d in data}
    assert (by_id["tibet"], by_id["inner-mongolia"], by_id["shaanxi"], by_id["shanxi"]) == (
        "XZ", "NM", "SN", "SX")
    # a row without a gazetteer position has no tile (a city, say)
    no_tile = charts.tile_map([{"region_id": "shenzhen", "region": "Shenzhen", "count": 1}])
    assert values(no_tile) == []
    explicit = charts.tile_map([{"region_id": "x", "region": "X", "row": 9, "col": 2,
                                 "count": 1, "label": "XX", "url": None}])
    assert values(explicit)[0]["label"] == "XX"


def test_articles_over_time_fills_gaps() -> None:
    monthly = charts.articles_over_time([{"date": "2024-11-03", "count": 2},
                                         {"date": "2025-02", "count": 1}])
    months = values(monthly)
    assert [v["period"] for v in months] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert [v["count"] for v in months] == [2, 0, 0, 1]
    daily = charts.articles_over_time([{"date": "2025-03-01"}, {"date": "2025-03-03"},
                                       {"date": "not a date"}])
    assert [(v["period"], v["count"]) for v in values(daily)] == [
        ("2025-03-01", 1), ("2025-03-02", 0), ("2025-03-03", 1)]


def test_region_figures_split_percent_and_amounts(specs) -> None:
    percent = values(specs["region_figures"])
    assert [d["name"] for d in percent] == ["GDP growth target", "R&D intensity"]
    amounts = values(specs["region_amounts"])
    assert sorted(d["figure"] for d in amounts) == ["2.2 trillion yuan", "more than 1,200"]
    assert specs["region_amounts"]["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"


@pytest.mark.parametrize(("url", "ok"), [
    ("../regions/guangdong/", True), ("https://example.org/a?b#c", True), ("#s3", True),
    ("articles/a/#s12", True), ("mailto:x@example.org", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:x", False),
    ("data:text/html,<b>", False), ("vbscript:x", False), ("", False), (None, False),
])
def test_safe_url(url, ok) -> None:
    assert (charts.safe_url(url) is not None) is ok


def _block(specs) -> tuple[str, list[dict], dict]:
    rows = [
        {"theme": HOSTILE, "regions": 2, "url": "javascript:alert(1)", "note": HOSTILE},
        {"theme": "Robotics\nsecond line", "regions": 1.5, "url": "../themes/robotics/",
         "note": None, "note_url": "https://example.org/?a=1&b=2"},
    ]
    spec = specs["themes_ranked"]
    block = charts.chart_block(spec, caption=f"Caption {HOSTILE}",
                              columns=[("theme", "Theme <b>"), ("regions", "Regions"),
                                       ("note", "Note")],
                              rows=rows, chart_id="chart-themes")
    return block, rows, spec


def _check_figure(soup: BeautifulSoup, spec: dict) -> None:
    figures = soup.find_all("figure")
    assert len(figures) == 1
    assert not soup.find_all(["script", "img", "b"])  # nothing hostile became markup
    chart = soup.find("div", id="chart-themes")
    assert chart["role"] == "img" and chart["aria-label"].startswith("Caption <script>")
    assert chart.has_attr("data-search-exclude")
    assert json.loads(chart["data-spec"]) == spec  # the spec survives escaping verbatim
    assert soup.find("figcaption").get_text() == f"Caption {charts._text(HOSTILE)}"
    cells = [td.get_text() for td in soup.select("details table tbody td")]
    assert cells[0] == charts._text(HOSTILE) and cells[2] == charts._text(HOSTILE)
    assert cells[3] == "Robotics second line" and cells[4] == "1.5" and cells[5] == ""
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == ["../themes/robotics/"]  # javascript: dropped; empty cell not linked
    assert [th.get_text() for th in soup.select("thead th")] == ["Theme <b>", "Regions", "Note"]
    assert soup.select("thead th")[1]["class"] == ["briefing-num"]


def test_chart_block_escapes_hostile_text(specs) -> None:
    block, _rows, spec = _block(specs)
    assert block.startswith("\n\n<figure") and block.endswith("</figure>\n\n")
    body = block.strip()
    assert "\n\n" not in body  # one HTML block for Markdown
    assert all(line.startswith("<") for line in body.splitlines())  # no text at a line start
    for raw in ("<script", "{{", "{%", "{++", 'href="javascript'):
        assert raw not in block, raw
    _check_figure(BeautifulSoup(block, "html.parser"), spec)


@pytest.mark.parametrize("extensions", [
    [],
    ["md_in_html", "attr_list", "tables", "toc", "abbr", "footnotes", "admonition",
     "pymdownx.details", "pymdownx.superfences", "pymdownx.critic", "pymdownx.snippets",
     "pymdownx.magiclink", "pymdownx.emoji", "pymdownx.smartsymbols", "pymdownx.caret"],
])
def test_chart_block_passes_through_markdown(specs, extensions) -> None:
    block, _rows, spec = _block(specs)
    page = f"# Title\n\nSome *text*.\n{block}Text after.\n"
    out = markdown.markdown(page, extensions=extensions)
    soup = BeautifulSoup(out, "html.parser")
    _check_figure(soup, spec)
    assert soup.find("h1").get_text() == "Title" and "Text after." in out


def test_chart_block_ids_and_description(specs) -> None:
    block = charts.chart_block(specs["tile_map"], caption="c", columns=[("region", "Region")],
                               rows=[], chart_id="2 bad id!")
    soup = BeautifulSoup(block, "html.parser")
    chart = soup.find("div", class_="briefing-chart")
    assert chart["id"] == "chart-2-bad-id" and soup.find("figure")["id"] == "chart-2-bad-id-figure"
    assert chart["aria-description"] == specs["tile_map"]["description"]
    with pytest.raises(ValueError):
        charts.chart_block({}, caption="c", columns=[], rows=[], chart_id="!!!")


def test_chart_block_loads_its_spec_from_a_file_and_caps_its_data_table(specs) -> None:
    """Pages publish specs as files (no inline JSON); a long data table says what is left."""
    rows = [{"region": f"R{i}", "count": i} for i in range(30)]
    block = charts.chart_block(specs["tile_map"], caption="c", columns=[("region", "Region")],
                               rows=rows, chart_id="map", spec_url="../assets/charts/x/map.json",
                               max_rows=10)
    soup = BeautifulSoup(block, "html.parser")
    chart = soup.find("div", class_="briefing-chart")
    assert chart["data-spec-src"] == "../assets/charts/x/map.json"
    assert not chart.has_attr("data-spec")
    body = soup.select("details tbody tr")
    assert len(body) == 11 and "20 more rows" in body[-1].get_text()
    assert body[-1].find("a")["href"] == "../assets/charts/x/map.json"


def test_static_render_draws_marks(specs) -> None:
    """vl-convert (same Vega engine as the site bundle) draws the marks we expect."""
    expected = {
        "growth_targets": ("bar", 5 + 1),  # five bars plus one range segment
        "tile_map": ("point", 34),
        "region_theme_heatmap": ("rect mark", 5),
    }
    for name, (mark, count) in expected.items():
        spec = dict(specs[name], width=640)  # no container outside a browser
        svg = vl_convert.vegalite_to_svg(spec)
        assert svg.count(f'aria-roledescription="{mark}"') == count, name
        assert "<text" in svg, name


def test_vendored_bundle_matches_altair_and_stays_offline() -> None:
    bundle = (ASSETS / "10-vega-bundle.js").read_text(encoding="utf-8")
    header = bundle[: bundle.index("*/")]
    assert "GENERATED by scripts/vendor_vega.py" in header
    minor = re.match(r"v(\d+\.\d+)", alt.SCHEMA_VERSION).group(1)
    assert f"Vega-Lite v{minor}" in header, "re-run scripts/vendor_vega.py for this Altair"
    assert "(function () {" in bundle and bundle.rstrip().endswith("}).call(window);")
    assert "window.vegaEmbed" in bundle
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "fonts.googleapis"):
        assert cdn not in bundle
    renderer = (ASSETS / "20-briefing-charts.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", renderer)
    assert sorted(p.name for p in ASSETS.glob("*-vega-bundle.js")) < \
        sorted(p.name for p in ASSETS.glob("*-briefing-charts.js"))  # load order by name


def test_cached_chart_shapes_give_the_same_specs_as_fresh_builds() -> None:
    """Per-page charts reuse cached Altair shapes; filling one must equal building anew."""
    rows_a = [{"region_id": "a", "region": "Alpha", "value": 5.5, "value_max": None,
               "qualifier": "more-than", "year": 2025, "url": "a/"},
              {"region_id": "b", "region": "Beta", "value": 6.0, "value_max": 6.5,
               "qualifier": "range", "year": 2025, "url": "b/"}]
    rows_b = [dict(r, value=r["value"] + 1) for r in rows_a][::-1]
    amounts = [{"label": "GDP", "value": 3.2e12, "unit": "CNY", "year": 2024, "url": "x/"},
               {"label": "Projects", "value": 1500, "unit": "count", "year": 2025}]
    themes = [{"theme_id": "ai", "theme": "AI", "count": 3, "url": "t/"},
              {"theme_id": "quantum", "theme": "Quantum", "count": 1}]
    builders = [
        lambda: charts.growth_targets(rows_a, {"value": 5, "qualifier": "around", "year": 2025}),
        lambda: charts.growth_targets(rows_b),
        lambda: charts.region_amounts(amounts),
        lambda: charts.region_themes(themes),
    ]
    charts._TEMPLATES.clear()
    cold = [charts.spec_json(b()) for b in builders]
    warm = [charts.spec_json(b()) for b in builders]
    assert cold == warm
    assert cold[0] != cold[1]
    assert "\\u0000" not in "".join(cold) and "\x00" not in "".join(cold)
