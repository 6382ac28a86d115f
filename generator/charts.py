"""Altair chart specs for the briefing site, and the HTML block that carries them.

Why this shape:

* Each builder returns a plain Vega-Lite dict with inline data (tests validate every
  builder against the schema Altair ships), so a page is self-contained and works
  offline; the browser renders it with the vendored bundle in ``generator/assets/``.
* Specs carry no ``config``: colours for text, axes, grid and single-series marks come
  from ``assets/20-briefing-charts.js``, which picks a light or dark config from the
  Material palette (``data-md-color-scheme``) and re-renders when it changes. Only
  categorical colours that encode meaning (figure qualifiers, units) are fixed here,
  chosen to read on both backgrounds.
* Output is deterministic: rows are sorted with total orders, numbers normalised
  (``5.0`` -> ``5``), no Altair auto-named params, and :func:`spec_json` sorts keys.
* :func:`chart_block` gives every chart a text alternative (figcaption + data table
  in ``<details>``) and escapes all text, since names come from untrusted articles.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import altair as alt
from markupsafe import Markup

from . import fmt
from .templating import fragments

__all__ = [
    "QUALIFIERS",
    "articles_over_time",
    "chart_block",
    "describe_value",
    "growth_targets",
    "region_amounts",
    "region_figures",
    "region_theme_heatmap",
    "region_themes",
    "safe_url",
    "spec_json",
    "theme_regions",
    "themes_ranked",
    "tile_map",
]

# --------------------------------------------------------------------------- constants

#: Figure qualifiers in the order the schema lists them, with the colour used for
#: each everywhere (consistent legends across pages) and the compact prefix shown
#: on bar labels so the qualifier is readable without colour.
QUALIFIERS: dict[str, dict[str, str]] = {
    "around": {"color": "#4c78a8", "prefix": "~", "words": "around"},
    "more-than": {"color": "#f58518", "prefix": ">", "words": "more than"},
    "at-least": {"color": "#e45756", "prefix": "\u2265", "words": "at least"},
    "exactly": {"color": "#54a24b", "prefix": "", "words": ""},
    "up-to": {"color": "#b279a2", "prefix": "\u2264", "words": "up to"},
    "range": {"color": "#72b7b2", "prefix": "", "words": ""},
}
_UNKNOWN_QUALIFIER_COLOR = "#9d755d"
_UNIT_COLORS = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#b279a2", "#72b7b2", "#9d755d"]
_PERCENT_UNITS = {"percent", "%", "pct", "percentage", "percentage-point", "percentage-points"}

_BAR_STEP = 20  # px per category row: modest, readable with ~34 regions
_TILE = 48  # px per tile-map cell at most
# Label colour on a colour-scaled cell: whichever of near-black/white contrasts more with
# the fill, so labels stay readable with the light *and* the dark ramp of the renderer.
_INK = ("contrast('#ffffff', scale('color', datum.count)) > "
        "contrast('#1a1a1a', scale('color', datum.count)) ? '#ffffff' : '#1a1a1a'")
_COUNT_TITLE = "Articles"

# ------------------------------------------------------------------------ small utils

# Text, numbers and URLs read the same on a page and in its charts: one module owns them.
_text = fmt.one_line
_esc = fmt.html_text
_num = fmt.finite_number
_fmt = fmt.bare_number
_human = fmt.amount_words
safe_url = fmt.link_url


def _count(value: Any) -> int:
    number = _num(value)
    return max(int(number), 0) if number is not None else 0


def describe_value(value: Any, value_max: Any = None, qualifier: str | None = None,
                   unit: str = "%") -> str:
    """Human wording of a qualified figure, as the pages word it (`fmt.figure_value`):
    ``around 5 %``, ``5–5.5 %``, ``more than 2.2 trillion yuan``."""
    unit = _text(unit)
    if unit.lower() in _PERCENT_UNITS:
        unit = "percent"
    elif unit.lower() in {"count", "number", "items"}:
        unit = "count"
    return fmt.figure_value({"value": _num(value), "value_max": _num(value_max),
                             "qualifier": qualifier, "unit": unit})


def _short_value(value: Any, value_max: Any, qualifier: str | None, unit: str = "%") -> str:
    """Compact bar label: ``~5%``, ``>5.5%``, ``5–5.5%``."""
    if _num(value_max) is not None and _num(value_max) != _num(value):
        return f"{_fmt(value)}\u2013{_fmt(value_max)}{unit}"
    prefix = QUALIFIERS.get(qualifier or "", {}).get("prefix", "")
    return f"{prefix}{_fmt(value)}{unit}"


def _unique_labels(labels: Sequence[str], extras: Sequence[str]) -> list[str]:
    """Make category labels unique (a bar axis merges equal labels into one band)."""
    seen: dict[str, int] = defaultdict(int)
    for label in labels:
        seen[label] += 1
    out: list[str] = []
    used: set[str] = set()
    for label, extra in zip(labels, extras, strict=True):
        candidate = f"{label} ({extra})" if seen[label] > 1 and extra else label
        base, n = candidate, 2
        while candidate in used:
            candidate, n = f"{base} #{n}", n + 1
        used.add(candidate)
        out.append(candidate)
    return out


_MAIN = "briefing-main"
_REFERENCE = "briefing-reference"


def _data(name: str = _MAIN) -> alt.Data:
    """A named placeholder for a dataset that :func:`_finish` inlines.

    Altair deep-copies inline rows each time a chart is layered, encoded or serialised;
    with placeholders it only handles the chart structure, and the rows (plain JSON
    objects) are put in once, at the end.
    """
    return alt.Data(name=name)


def _inline(node: Any, datasets: Mapping[str, list[dict[str, Any]]]) -> Any:
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and set(data) == {"name"} and data["name"] in datasets:
            node = {**node, "data": {"values": datasets[data["name"]]}}
        return {key: _inline(value, datasets) if key != "data" else value
                for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, datasets) for item in node]
    return node


def _finish(chart: alt.TopLevelMixin, description: str,
            datasets: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Inline the data and strip renderer styling from the Vega-Lite dict.

    Altair's schema validation is skipped here: it costs more than building the chart
    (~40 ms per layered spec, ~80 charts per site) and the spec's structure depends on
    code paths, not on data; tests/test_charts.py validates every builder's output,
    data included, against the Vega-Lite JSON schema.
    """
    spec = chart.properties(description=_text(description)).to_dict(validate=False)
    spec.pop("config", None)  # light/dark styling is applied at render time
    spec = _inline(spec, datasets)
    if re.search(r'"data":\{"name":', json.dumps(spec, separators=(",", ":"))):
        raise AssertionError("a dataset placeholder was not inlined")  # pragma: no cover
    return spec


#: Vega-Lite dicts of per-page chart *shapes*, keyed by everything that shapes them.
#: Building an Altair chart costs ~50-200 ms (layered charts copy themselves deeply at
#: every step); region and theme pages need thousands of charts on a big corpus, but only
#: a handful of distinct shapes. Data-dependent values (category order, axis domains)
#: are built as sentinels and substituted into a copy of the cached dict, which gives
#: exactly the dict a fresh build would (tests/test_charts.py checks both ways).
_TEMPLATES: dict[tuple[Any, ...], dict[str, Any]] = {}


def _slot(name: str) -> str:
    """A sentinel standing for a data-dependent value in a cached chart shape."""
    return f"\x00slot:{name}\x00"


def _fill(node: Any, values: Mapping[str, Any]) -> Any:
    """A copy of *node* with every sentinel (or one-sentinel list) replaced by its value."""
    if isinstance(node, dict):
        return {key: _fill(value, values) for key, value in node.items()}
    if isinstance(node, list):
        if len(node) == 1 and isinstance(node[0], str) and node[0] in values:
            return list(values[node[0]])
        return [_fill(item, values) for item in node]
    if isinstance(node, str) and node in values:
        return values[node]
    return node


def _finish_shape(key: tuple[Any, ...], build: Any, description: str,
                  datasets: Mapping[str, list[dict[str, Any]]],
                  values: Mapping[str, Any]) -> dict[str, Any]:
    """Like :func:`_finish`, for a chart whose shape is cached under *key*.

    *build* makes the Altair chart with :func:`_slot` sentinels where *values* go.
    """
    template = _TEMPLATES.get(key)
    if template is None:
        template = build().to_dict(validate=False)
        template.pop("config", None)
        _TEMPLATES[key] = template
    spec = _fill(template, {_slot(k): v for k, v in values.items()})
    spec["description"] = _text(description)
    spec = _inline(spec, datasets)
    if re.search(r'"data":\{"name":', json.dumps(spec, separators=(",", ":"))):
        raise AssertionError("a dataset placeholder was not inlined")  # pragma: no cover
    return spec


def spec_json(spec: Mapping[str, Any]) -> str:
    """Canonical JSON for a spec: sorted keys, compact, UTF-8; NaN is an error."""
    return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def _tooltip(*fields: tuple[str, str, str]) -> list[alt.Tooltip]:
    return [alt.Tooltip(field, type=kind, title=title) for field, kind, title in fields]


def _href(rows: Sequence[Mapping[str, Any]], key: str = "url") -> dict[str, Any]:
    """``href`` channel only when some row has a link (else Vega shows a pointer for nothing)."""
    if any(row.get(key) for row in rows):
        return {"href": alt.Href(f"{key}:N")}
    return {}


def _count_axis(top: int, **kwargs: Any) -> alt.Axis:
    """Integer ticks only: explicit values for small counts (Vega's tickMinStep is not
    honoured on every axis), a minimum step otherwise."""
    if top <= 10:
        return alt.Axis(values=list(range(top + 1)), format="d", **kwargs)
    return alt.Axis(tickMinStep=1, format="d", **kwargs)


def _top(items: Sequence[tuple[str, Any]], n: int = 3) -> str:
    return ", ".join(f"{name} ({_fmt(value)})" for name, value in items[:n])


# --------------------------------------------------------------------------- builders


def _ranked_bars(rows: Sequence[Mapping[str, Any]], *, key: str, label: str, value: str,
                 value_title: str, category_title: str, description: str) -> dict[str, Any]:
    """Horizontal bars, largest first: the shared shape of the count charts."""
    data = []
    for row in rows:
        name = _text(row.get(label)) or _text(row.get(key))
        data.append({
            "id": _text(row.get(key)),
            "name": name,
            "value": _count(row.get(value)),
            "url": safe_url(row.get("url")),
        })
    data.sort(key=lambda d: (-d["value"], d["name"].casefold(), d["name"], d["id"]))
    names = _unique_labels([d["name"] for d in data], [d["id"] for d in data])
    for datum, name in zip(data, names, strict=True):
        datum["name"] = name
    top_value = max((d["value"] for d in data), default=0)
    href = bool(_href(data))

    def build() -> alt.LayerChart:
        y = alt.Y("name:N", sort=[_slot("names")], title=None, axis=alt.Axis(labelLimit=180))
        x = alt.X("value:Q", title=value_title, axis=_count_axis(top_value),
                  scale=alt.Scale(domainMin=0))
        base = alt.Chart(_data()).encode(y=y, x=x)
        bars = base.mark_bar().encode(
            tooltip=_tooltip(("name", "nominal", category_title), ("value", "quantitative",
                                                                   value_title)),
            **({"href": alt.Href("url:N")} if href else {}),
        )
        labels = base.mark_text(align="left", baseline="middle", dx=3).encode(text="value:Q")
        return alt.layer(bars, labels).properties(width="container",
                                                  height=alt.Step(_BAR_STEP))

    top = [(d["name"], d["value"]) for d in data]
    summary = f"{description}. {len(data)} bars, largest first"
    if top:
        summary += f": {_top(top)}"
    # (the count axis depends on the largest count only up to 10: see _count_axis)
    key = ("ranked", value_title, category_title, min(top_value, 11), href)
    return _finish_shape(key, build, summary, {_MAIN: data}, {"names": names})


def _qualified_bars(data: list[dict[str, Any]], *, value_title: str, description: str,
                    reference: dict[str, Any] | None = None) -> dict[str, Any]:
    """Bars for qualified percentage figures; colour = qualifier, label shows it in text.

    ``data`` items: key (unique category), value, value_max, qualifier, label, wording,
    url, plus whatever tooltip fields the caller listed in ``tooltip`` entries.
    A range (value_max) is drawn as a lighter bar segment from value to value_max.
    """
    present = [q for q in QUALIFIERS if any(d["qualifier"] == q for d in data)]
    extra = sorted({d["qualifier"] for d in data} - set(QUALIFIERS))
    domain = present + extra
    colors = [QUALIFIERS[q]["color"] if q in QUALIFIERS else _UNKNOWN_QUALIFIER_COLOR
              for q in domain]
    keys = [d["key"] for d in data]
    highs = [d["value_max"] if d["value_max"] is not None else d["value"] for d in data]
    lows = [d["value"] for d in data]
    if reference is not None:
        highs.append(reference["value"])
    top = max(highs, default=1)
    bottom = min([0, *lows])
    # Headroom for the text label at the bar end (labels are never clipped).
    span = (top - bottom) or 1
    domain_x = [_num(bottom), _num(round(top + span * 0.18, 6))]

    tooltip_fields = tuple(data[0]["_tooltip"]) if data else ()
    rows = [{k: v for k, v in d.items() if k != "_tooltip"} for d in data]
    href = bool(_href(data))
    has_reference = reference is not None
    # No range layer without a range: an empty layer leaves an unnamed role="graphics-symbol"
    # group in Vega's SVG (axe-core: svg-img-alt, serious).
    has_range = any(d["value_max"] is not None for d in data)

    def build() -> alt.LayerChart:
        color = alt.Color("qualifier:N", title="Qualifier",
                          scale=alt.Scale(domain=domain, range=colors),
                          legend=alt.Legend(orient="bottom", direction="horizontal",
                                            symbolOpacity=1))
        y = alt.Y("key:N", sort=[_slot("keys")], title=None, axis=alt.Axis(labelLimit=200))
        x_scale = alt.Scale(domain=[_slot("low"), _slot("high")], nice=False, zero=True)
        tooltip = _tooltip(*tooltip_fields) if tooltip_fields else []
        links = {"href": alt.Href("url:N")} if href else {}
        base = alt.Chart(_data())
        bars = base.mark_bar().encode(
            y=y, x=alt.X("value:Q", title=value_title, scale=x_scale), color=color,
            tooltip=tooltip, **links,
        )
        ranges = base.transform_filter("isValid(datum.value_max)").mark_bar(
            opacity=0.45).encode(
            y=y, x="value:Q", x2="value_max:Q", color=color, tooltip=tooltip, **links,
        )
        labels = base.transform_calculate(
            end="isValid(datum.value_max) ? max(datum.value, datum.value_max) : datum.value",
        ).mark_text(align="left", baseline="middle", dx=3).encode(
            y=y, x=alt.X("end:Q", scale=x_scale), text="label:N",
        )
        layers: list[alt.Chart] = [bars, ranges, labels] if has_range else [bars, labels]
        if has_reference:
            ref = alt.Chart(_data(_REFERENCE))
            layers.append(ref.mark_rule(strokeDash=[5, 4], strokeWidth=1.5).encode(
                x=alt.X("value:Q", scale=x_scale),
                tooltip=_tooltip(("title", "nominal", "Reference")),
            ))
            layers.append(ref.mark_text(align="left", baseline="bottom", dx=4, dy=-2,
                                        fontStyle="italic").encode(
                x=alt.X("value:Q", scale=x_scale), y=alt.value(0), text="title:N",
            ))
        return alt.layer(*layers).properties(width="container", height=alt.Step(_BAR_STEP))

    key = ("qualified", tuple(domain), tuple(colors), tooltip_fields, href, has_reference,
           has_range, value_title)
    return _finish_shape(key, build, description, {_MAIN: rows, _REFERENCE: [reference or {}]},
                         {"keys": keys, "low": domain_x[0], "high": domain_x[1]})


def growth_targets(rows: Sequence[Mapping[str, Any]],
                   national: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Bar chart of regional GDP growth targets (percent), highest first.

    rows: ``{region_id, region, value, value_max, qualifier, year, url}``; a region
    with several targets (years, sources) gets one bar each, labelled with the year.
    national: ``{value, qualifier, year}`` (optional ``value_max``) drawn as a dashed
    reference rule so "who targets more than the country" is visible at a glance.
    """
    data: list[dict[str, Any]] = []
    for row in rows:
        value = _num(row.get("value"))
        if value is None:
            continue
        value_max = _num(row.get("value_max"))
        qualifier = _text(row.get("qualifier")) or ("range" if value_max is not None else
                                                    "exactly")
        year = _num(row.get("year"))
        data.append({
            "region_id": _text(row.get("region_id")),
            "region": _text(row.get("region")) or _text(row.get("region_id")),
            "value": value,
            "value_max": value_max,
            "qualifier": qualifier,
            "year": year,
            "label": _short_value(value, value_max, qualifier),
            "target": describe_value(value, value_max, qualifier),
            "url": safe_url(row.get("url")),
        })
    data.sort(key=lambda d: (-(d["value_max"] if d["value_max"] is not None else d["value"]),
                             -d["value"], d["region"].casefold(), d["region"], d["region_id"],
                             -(d["year"] or 0), d["qualifier"]))
    keys = _unique_labels([d["region"] for d in data],
                          [str(d["year"]) if d["year"] is not None else d["region_id"]
                           for d in data])
    tips = (("region", "nominal", "Region"), ("target", "nominal", "Target"),
            ("year", "ordinal", "Year"))
    for datum, key in zip(data, keys, strict=True):
        datum["key"] = key
        datum["_tooltip"] = tips
    reference = None
    if national is not None and _num(national.get("value")) is not None:
        nat_value = _num(national.get("value"))
        nat_max = _num(national.get("value_max"))
        year = _num(national.get("year"))
        wording = describe_value(nat_value, nat_max, _text(national.get("qualifier")))
        reference = {
            "value": nat_value if nat_max is None else nat_max,
            "title": f"National: {wording}" + (f" ({year})" if year is not None else ""),
        }
    description = f"Bar chart of GDP growth targets for {len(data)} regions, highest first"
    if data:
        description += ": " + ", ".join(f"{d['key']} {d['target']}" for d in data[:3])
    if reference is not None:
        description += f". Dashed line: {reference['title']}"
    return _qualified_bars(data, value_title="GDP growth target (%)", description=description,
                           reference=reference)


def region_figures(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One region's percentage figures (growth targets, R&D intensity, shares...).

    rows: ``{label, value, unit, year, qualifier, url}`` (optional ``value_max``).
    Only percent units are plotted, since a shared % axis is meaningful; money and
    counts go to :func:`region_amounts` (log scale). Put every row in the data table.
    """
    data: list[dict[str, Any]] = []
    for row in rows:
        if _text(row.get("unit")).lower() not in _PERCENT_UNITS:
            continue
        value = _num(row.get("value"))
        if value is None:
            continue
        value_max = _num(row.get("value_max"))
        qualifier = _text(row.get("qualifier")) or ("range" if value_max is not None else
                                                    "exactly")
        data.append({
            "name": _text(row.get("label")) or "figure",
            "value": value,
            "value_max": value_max,
            "qualifier": qualifier,
            "year": _num(row.get("year")),
            "label": _short_value(value, value_max, qualifier),
            "figure": describe_value(value, value_max, qualifier),
            "url": safe_url(row.get("url")),
        })
    data.sort(key=lambda d: (d["name"].casefold(), d["name"], -(d["year"] or 0), -d["value"],
                             d["qualifier"]))
    keys = _unique_labels([d["name"] for d in data],
                          [str(d["year"]) if d["year"] is not None else "" for d in data])
    tips = (("name", "nominal", "Figure"), ("figure", "nominal", "Value"),
            ("year", "ordinal", "Year"))
    for datum, key in zip(data, keys, strict=True):
        datum["key"] = key
        datum["_tooltip"] = tips
    description = f"Bar chart of {len(data)} percentage figures"
    if data:
        description += ": " + ", ".join(f"{d['key']} {d['figure']}" for d in data[:3])
    return _qualified_bars(data, value_title="Percent", description=description)


def region_amounts(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One region's non-percentage figures (money, counts) on a log scale, coloured by unit.

    rows: same shape as :func:`region_figures`; percent and non-positive values are
    skipped (a log axis cannot show them; the data table still lists them).
    """
    data: list[dict[str, Any]] = []
    for row in rows:
        unit = _text(row.get("unit"))
        value = _num(row.get("value"))
        if unit.lower() in _PERCENT_UNITS or value is None or value <= 0:
            continue
        value_max = _num(row.get("value_max"))
        qualifier = _text(row.get("qualifier")) or "exactly"
        data.append({
            "name": _text(row.get("label")) or "figure",
            "value": value,
            "unit": unit or "value",
            "year": _num(row.get("year")),
            "figure": describe_value(value, value_max, qualifier, unit),
            "url": safe_url(row.get("url")),
        })
    data.sort(key=lambda d: (d["unit"], -d["value"], d["name"].casefold(), d["name"],
                             -(d["year"] or 0)))
    keys = _unique_labels([d["name"] for d in data],
                          [str(d["year"]) if d["year"] is not None else d["unit"]
                           for d in data])
    for datum, key in zip(data, keys, strict=True):
        datum["key"] = key
    units = sorted({d["unit"] for d in data})
    colors = [_UNIT_COLORS[i % len(_UNIT_COLORS)] for i in range(len(units))]
    values = [d["value"] for d in data] or [1]
    low = math.floor(math.log10(min(values)))
    high = max(math.ceil(math.log10(max(values))), low + 1)
    middle = 10.0 ** ((low + high) / 2)
    right = f"datum.value > {_num(float(f'{middle:.6g}'))}"
    href = bool(_href(data))

    def build() -> alt.LayerChart:
        base = alt.Chart(_data()).encode(
            y=alt.Y("key:N", sort=[_slot("keys")], title=None, axis=alt.Axis(labelLimit=200)),
            x=alt.X("value:Q", title="Value (log scale)",
                    scale=alt.Scale(type="log", domain=[_slot("low"), _slot("high")],
                                    nice=False),
                    axis=alt.Axis(format="~s", labelOverlap="greedy",
                                  labelExpr="replace(datum.label, 'G', 'B')")),
        )
        points = base.mark_point(filled=True, size=80, opacity=1).encode(
            color=alt.Color("unit:N", title="Unit",
                            scale=alt.Scale(domain=units, range=colors),
                            legend=alt.Legend(orient="bottom", direction="horizontal")),
            shape=alt.Shape("unit:N", title="Unit", scale=alt.Scale(domain=units)),
            tooltip=_tooltip(("name", "nominal", "Figure"), ("figure", "nominal", "Value"),
                             ("year", "ordinal", "Year")),
            **({"href": alt.Href("url:N")} if href else {}),
        )
        # Labels sit on the side of the point with more room: no axis headroom needed.
        labels = base.mark_text(
            baseline="middle",
            align={"expr": _slot("align")},
            dx={"expr": _slot("dx")},
        ).encode(text="figure:N")
        return alt.layer(points, labels).properties(width="container",
                                                    height=alt.Step(_BAR_STEP))

    description = (f"Dot plot of {len(data)} figures in {', '.join(units) or 'no units'}, "
                   "log scale")
    values_in = {"keys": keys, "low": _num(10.0**low), "high": _num(10.0**high),
                 "align": f"{right} ? 'right' : 'left'", "dx": f"{right} ? -9 : 9"}
    return _finish_shape(("amounts", tuple(units), tuple(colors), href), build, description,
                         {_MAIN: data}, values_in)


def region_theme_heatmap(rows: Sequence[Mapping[str, Any]], *,
                         count_title: str = _COUNT_TITLE) -> dict[str, Any]:
    """Region x theme matrix, cell colour and label = count; cells link to the region page.

    rows: ``{region_id, region, theme_id, theme, count, region_url, theme_url}``.
    Regions and themes are ordered by total count (busiest first) then name.
    """
    data = []
    for row in rows:
        count = _count(row.get("count"))
        if count <= 0:
            continue
        data.append({
            "region_id": _text(row.get("region_id")),
            "region": _text(row.get("region")) or _text(row.get("region_id")),
            "theme_id": _text(row.get("theme_id")),
            "theme": _text(row.get("theme")) or _text(row.get("theme_id")),
            "count": count,
            "url": safe_url(row.get("region_url")) or safe_url(row.get("theme_url")),
        })
    data.sort(key=lambda d: (d["region"], d["region_id"], d["theme"], d["theme_id"]))

    def order(field: str) -> list[str]:
        totals: dict[str, int] = defaultdict(int)
        for d in data:
            totals[d[field]] += d["count"]
        return sorted(totals, key=lambda k: (-totals[k], k.casefold(), k))

    regions, themes = order("region"), order("theme")
    base = alt.Chart(_data()).encode(
        x=alt.X("theme:N", sort=themes, title=None,
                axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=140)),
        y=alt.Y("region:N", sort=regions, title=None, axis=alt.Axis(labelLimit=160)),
    )
    cells = base.mark_rect(stroke="#8a8a8a", strokeWidth=0.25).encode(
        color=alt.Color("count:Q", title=count_title,
                        scale=alt.Scale(domainMin=0, zero=True),
                        legend=alt.Legend(orient="bottom", format="d", tickMinStep=1)),
        tooltip=_tooltip(("region", "nominal", "Region"), ("theme", "nominal", "Theme"),
                         ("count", "quantitative", count_title)),
        **_href(data),
    )
    labels = base.mark_text(baseline="middle", fontSize=10, color={"expr": _INK}).encode(
        text="count:Q")
    chart = alt.layer(cells, labels).properties(width="container", height=alt.Step(_BAR_STEP))
    description = (f"Heat map of {len(regions)} regions by {len(themes)} themes; colour and "
                   f"label give the {count_title.lower()} count")
    if regions:
        description += f". Busiest regions: {', '.join(regions[:3])}"
    return _finish(chart, description, {_MAIN: data})


def themes_ranked(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Themes ranked by how many regions pursue them. rows: ``{theme_id, theme, regions, url}``."""
    return _ranked_bars(rows, key="theme_id", label="theme", value="regions",
                        value_title="Regions", category_title="Theme",
                        description="Bar chart of themes ranked by number of regions")


def region_themes(rows: Sequence[Mapping[str, Any]], *,
                  count_title: str = _COUNT_TITLE) -> dict[str, Any]:
    """One region's themes by count. rows: ``{theme_id, theme, count, url}``."""
    return _ranked_bars(rows, key="theme_id", label="theme", value="count",
                        value_title=count_title, category_title="Theme",
                        description="Bar chart of this region's themes")


def theme_regions(rows: Sequence[Mapping[str, Any]], *,
                  count_title: str = _COUNT_TITLE) -> dict[str, Any]:
    """One theme's regions by count. rows: ``{region_id, region, count, url}``."""
    return _ranked_bars(rows, key="region_id", label="region", value="count",
                        value_title=count_title, category_title="Region",
                        description="Bar chart of regions pursuing this theme")


def tile_map(rows: Sequence[Mapping[str, Any]], *,
             count_title: str = _COUNT_TITLE) -> dict[str, Any]:
    """Tile-grid map: one square per provincial-level division, coloured by count.

    rows: ``{region_id, region, row, col, count, url}`` (optional ``label``, the short
    text on the tile). The grid (row, col, label) comes from the gazetteer, its only copy;
    rows without a position are left out. Tiles stay square at any container width (size
    is an expression of the band step).
    """
    data = []
    for row in rows:
        r, c = _num(row.get("row")), _num(row.get("col"))
        if r is None or c is None:
            continue
        name = _text(row.get("region")) or _text(row.get("region_id"))
        short = _text(row.get("label")) or name[:3]
        data.append({
            "region_id": _text(row.get("region_id")),
            "region": name,
            "row": int(r),
            "col": int(c),
            "label": short,
            "count": _count(row.get("count")),
            "url": safe_url(row.get("url")),
        })
    data.sort(key=lambda d: (d["row"], d["col"], d["region"], d["region_id"]))
    n_rows = max((d["row"] for d in data), default=0) + 1
    n_cols = max((d["col"] for d in data), default=0) + 1
    top = max((d["count"] for d in data), default=0)
    # The grid is at most _TILE px per tile wide and centred, so tiles keep map-like
    # spacing on wide screens and shrink (staying square) on narrow ones.
    grid = f"min(width, {n_cols * _TILE})"
    step = f"min({grid} / {n_cols}, height / {n_rows})"
    x_range = [{"expr": f"(width - {grid}) / 2"}, {"expr": f"(width + {grid}) / 2"}]
    base = alt.Chart(_data()).encode(
        x=alt.X("col:O", axis=None, scale=alt.Scale(domain=list(range(n_cols)), padding=0.5,
                                                    range=x_range)),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(n_rows)), padding=0.5)),
    )
    tiles = base.mark_point(
        shape="square", filled=True, opacity=1, stroke="#8a8a8a", strokeWidth=0.5,
        size={"expr": f"pow(0.92 * {step}, 2)"},
    ).encode(
        color=alt.Color("count:Q", title=count_title,
                        scale=alt.Scale(domain=[0, max(top, 1)], zero=True),
                        legend=alt.Legend(orient="bottom", format="d", tickMinStep=1)),
        tooltip=_tooltip(("region", "nominal", "Region"), ("count", "quantitative",
                                                             count_title)),
        **_href(data),
    )
    font = f"max(7, min(12, 0.26 * {step}))"
    names = base.mark_text(baseline="bottom", fontWeight="bold", color={"expr": _INK},
                           fontSize={"expr": font}, dy=1).encode(text="label:N")
    counts = base.mark_text(baseline="top", color={"expr": _INK},
                            fontSize={"expr": font}, dy=2).encode(text="count:Q")
    chart = alt.layer(tiles, names, counts).properties(width="container",
                                                       height=n_rows * _TILE)
    with_any = sorted((d for d in data if d["count"] > 0),
                      key=lambda d: (-d["count"], d["region"]))
    description = (f"Tile map of {len(data)} provincial-level divisions coloured by "
                   f"{count_title.lower()} count; {len(with_any)} have at least one")
    if with_any:
        description += f": {_top([(d['region'], d['count']) for d in with_any])}"
    return _finish(chart, description, {_MAIN: data})


def _parse_period(value: Any) -> tuple[int, int, int | None] | None:
    match = re.match(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?", _text(value))
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    return year, month, day


def articles_over_time(rows: Sequence[Mapping[str, Any]], *,
                       count_title: str = _COUNT_TITLE) -> dict[str, Any]:
    """Articles per day (span up to ~2 months) or per month, gaps filled with zero.

    rows: ``{date, count}`` with ISO ``YYYY-MM-DD`` or ``YYYY-MM``. Periods are
    computed here, not by Vega time units, so the chart does not depend on the
    reader's time zone and the spec is identical wherever it is built.
    """
    parsed = [(p, _count(row.get("count", 1))) for row in rows
              if (p := _parse_period(row.get("date"))) is not None]
    daily_ok = parsed and all(p[2] is not None for p, _ in parsed)
    totals: dict[str, int] = defaultdict(int)
    labels: list[str] = []
    if daily_ok:
        days = [date(p[0], p[1], p[2] or 1) for p, _ in parsed]
        first, last = min(days), max(days)
        daily_ok = (last - first).days <= 62
    if daily_ok:
        for (y, m, d), count in parsed:
            totals[f"{y:04d}-{m:02d}-{d:02d}"] += count
        ordinal = min(date.fromisoformat(k) for k in totals).toordinal()
        end = max(date.fromisoformat(k) for k in totals).toordinal()
        labels = [date.fromordinal(o).isoformat() for o in range(ordinal, end + 1)]
        unit = "day"
    else:
        for (y, m, _d), count in parsed:
            totals[f"{y:04d}-{m:02d}"] += count
        if totals:
            (y0, m0), (y1, m1) = (tuple(map(int, k.split("-"))) for k in (min(totals),
                                                                          max(totals)))
            index, stop = y0 * 12 + m0 - 1, y1 * 12 + m1 - 1
            labels = [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index, stop + 1)]
        unit = "month"
    data = [{"period": label, "count": totals.get(label, 0)} for label in labels]
    chart = alt.Chart(_data()).mark_bar().encode(
        x=alt.X("period:O", sort=labels, title=unit.capitalize(),
                axis=alt.Axis(labelAngle=-40, labelOverlap=True)),
        y=alt.Y("count:Q", title=count_title, axis=_count_axis(max(totals.values(), default=0)),
                scale=alt.Scale(domainMin=0)),
        tooltip=_tooltip(("period", "ordinal", unit.capitalize()),
                         ("count", "quantitative", count_title)),
    ).properties(width="container", height=180)
    total = sum(totals.values())
    description = (f"Bar chart of {total} {count_title.lower()} per {unit}"
                   + (f" from {labels[0]} to {labels[-1]}" if labels else ""))
    return _finish(chart, description, {_MAIN: data})


# --------------------------------------------------------------------------- HTML block


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return _esc(_fmt(value))
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(_cell(item) for item in items)
    return _esc(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def chart_block(spec: Mapping[str, Any], *, caption: str, columns: Sequence[tuple[str, str]],
                rows: Iterable[Mapping[str, Any]], chart_id: str, spec_url: str | None = None,
                max_rows: int | None = None) -> str:
    """Raw-HTML block: chart container + figcaption + collapsible data table.

    The block is one HTML element (no blank lines inside, no untrusted text at a line
    start) surrounded by blank lines, so Python-Markdown passes it through untouched
    with or without ``md_in_html``. The spec travels in ``data-spec`` (HTML-escaped
    JSON) rather than a ``<script>``, which instant navigation would re-execute.

    columns: ``(key, header)`` pairs for the table. A cell links to ``row[key + "_url"]``
    if present, and the first column to ``row["url"]``. Unsafe URLs are dropped.

    spec_url: where the spec is published as a file (``data-spec-src``, fetched by the chart
    script) instead of inline in ``data-spec``. Inline specs made up 21 MB of a
    1,000-article site's pages, parsed three times over by MkDocs; a file costs nothing to
    build and is cached by the browser. max_rows: the data table lists at most this many
    rows, then says how many more the chart (and its spec file) holds, so a chart of
    thousands of cells does not make its page huge.
    """
    ident = re.sub(r"[^A-Za-z0-9_-]+", "-", _text(chart_id)).strip("-")
    if not ident:
        raise ValueError(f"chart_id {chart_id!r} has no usable characters")
    if not ident[0].isalpha():
        ident = f"chart-{ident}"
    caption_html = _esc(caption)
    # Not _esc(): the JSON is already one line, and its strings must survive verbatim.
    # (Only where the spec is inline: a published spec is fetched from its file.)
    spec_attr = "" if spec_url is not None else (
        html.escape(spec_json(spec), quote=True).replace("{", "&#123;").replace("}", "&#125;"))
    rows = list(rows)
    hidden = 0
    if max_rows is not None and len(rows) > max_rows:
        hidden = len(rows) - max_rows
        rows = rows[:max_rows]
    numeric = {
        key: any(_is_number(r.get(key)) for r in rows)
        and all(_is_number(r.get(key)) or r.get(key) is None for r in rows)
        for key, _header in columns
    }
    body_rows = []
    for row in rows:
        cells = []
        for index, (key, _header) in enumerate(columns):
            url = safe_url(row.get(f"{key}_url"))
            if url is None and index == 0:
                url = safe_url(row.get("url"))
            cells.append((Markup(_cell(row.get(key))),
                          None if url is None else Markup(_esc(url)), numeric[key]))
        body_rows.append(cells)
    more_url = spec_url if hidden and spec_url is not None and safe_url(spec_url) else None
    figure = fragments().chart_figure(
        ident, Markup(caption_html),
        Markup(_esc(spec.get("description", ""))) if isinstance(spec, Mapping) else "",
        None if spec_url is None else Markup(_esc(spec_url)), Markup(spec_attr),
        {"headers": [(Markup(_esc(header)), numeric[key]) for key, header in columns],
         "rows": body_rows, "hidden": hidden,
         "more_url": None if more_url is None else Markup(_esc(more_url))})
    return f"\n\n{figure}\n\n"
