"""Render the digest as Markdown pages and data files: the whole site, in memory.

`render_site()` is the one entry point. The MkDocs plugin hands its result to MkDocs as
generated files and `briefing generate --out DIR` writes it to disk, so both give the very
same pages.

Two rules hold for every page:

* Article text, titles and names are *data*. Everything taken from a record goes through
  `escape()`, which HTML-escapes it and turns every Markdown metacharacter into a numeric
  character reference, so it renders as the visible text it is: never markup, a script, a
  link, a broken table or broken front matter. Front matter is written with `yaml.safe_dump`
  and its values are escaped too, because MkDocs themes print `page.meta.title` unescaped.
* Low-confidence figures (`digest.is_confident`) stay out of headline tables and charts
  (home page, region and theme pages); they are listed on the Needs review page
  (`review.md`) with their sentence and the override entry that confirms or drops them, and
  marked "needs review" where every figure is listed (article pages, the Figures page).
* Output is deterministic: the same records give byte-identical pages (everything is sorted
  with explicit keys; no clocks, no hashes of memory addresses).

Links between pages are Markdown links to `.md` sources (MkDocs rewrites and validates them,
anchors included). Charts are raw HTML from `generator.charts`, and MkDocs does not rewrite
URLs inside raw HTML, so chart rows carry URLs already relative to the final page URL.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from datetime import date as Date
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

from . import digest as dg
from .digest import Digest, Entry, RegionInfo

# ---------------------------------------------------------------------------------------------
# Escaping: one function, used for every piece of data that reaches a page.

_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;",
    "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
    "#": "&#35;", "~": "&#126;", "^": "&#94;", "=": "&#61;", "$": "&#36;",
}
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
# what turns a line into a block (list item, ordered list) when it starts the line
_LINE_START_RE = re.compile(r"^([+\-]|\d+[.)])")
_WHITESPACE_RE = re.compile(r"\s+")


#: Growth targets drawn on the home page's overview chart (the highest ones).
HOME_TARGETS = 40


def escape(text: object) -> str:
    """Data -> Markdown that renders as exactly that text, on one line.

    HTML-escapes (`& < > "`), and replaces every character Python-Markdown or a common
    extension gives meaning to (emphasis, code, links, attribute lists, tables, headings,
    ...) with a numeric character reference, which renders as the same character but is never
    parsed as syntax. Whitespace runs (newlines included) collapse to one space, so data can
    never end a paragraph, start an indented code block or underline a setext heading; a
    leading list marker is neutralised. Works in body text, table cells, link text, link
    titles, headings and front-matter values alike.
    """
    if text is None:
        return ""
    out = _WHITESPACE_RE.sub(" ", str(text)).strip()
    out = _ESCAPE_RE.sub(lambda m: _ENTITIES[m.group(0)], out)
    match = _LINE_START_RE.match(out)
    if match:
        marker = match.group(1)
        out = marker[:-1] + f"&#{ord(marker[-1])};" + out[len(marker):]
    return out


def escape_block(text: object) -> str:
    """Data -> text for a raw HTML ``<pre>`` block: escaped like `escape()` (HTML and every
    Markdown metacharacter become character references) but keeping its newlines and
    indentation, which a code snippet needs. Carriage returns are dropped."""
    if text is None:
        return ""
    out = str(text).replace("\r", "")
    return _ESCAPE_RE.sub(lambda m: _ENTITIES[m.group(0)], out)


def link_title(text: object) -> str:
    """Escaped text for a Markdown link title (`[x](url "title")`), where parentheses can
    also end the link."""
    return escape(text).replace("(", "&#40;").replace(")", "&#41;")


def _safe_url(url: object) -> str | None:
    """An http(s) URL from a record, or None: other schemes (javascript:, data:) are dropped."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() for ch in url):
        return None
    return url


def _html_attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


# ---------------------------------------------------------------------------------------------
# Paths and URLs

INDEX_PAGES = ("index.md", "regions/index.md", "themes/index.md", "articles/index.md",
               "figures.md")
TAGS_PAGE = "tags.md"
REVIEW_PAGE = "review.md"
FIGURES_CSV = "data/figures.csv"
BRIEFING_JSON = "data/briefing.json"
SCHEMA_FILE = "data/article.schema.json"
FEED_FILE = "feed_rss_created.xml"  # mkdocs-rss-plugin's default file name


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def region_path(region_id: str) -> str:
    return f"regions/{region_id}.md"


def theme_path(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def record_path(article_id: str) -> str:
    return f"data/articles/{article_id}.yaml"


def review_anchor(article_id: str) -> str:
    """The id of an article's section on the Needs review page."""
    return f"review-{article_id}"


def sidecar_name(file: str) -> str:
    """``seeds/x.txt`` -> ``seeds/x.override.yaml``: where an editor keeps overrides."""
    from .overrides import OVERRIDE_SUFFIX

    stem, _, name = file.rpartition("/")
    base = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem}/{base}{OVERRIDE_SUFFIX}" if stem else f"{base}{OVERRIDE_SUFFIX}"


#: the figure keys that pick out one figure in an override entry (figures.confirm/remove)
SNIPPET_KEYS = ("sentence", "text", "indicator", "region")


def override_snippets(item: Mapping[str, Any]) -> tuple[str, str]:
    """The YAML an editor pastes into the article's override file to confirm the figure
    (``figures: confirm:``) or to drop it (``figures: remove:``)."""
    pattern = {k: item.get(k) for k in SNIPPET_KEYS}
    if item.get("year") is not None:
        pattern["year"] = item["year"]

    def dump(op: str) -> str:
        return yaml.safe_dump({"figures": {op: [pattern]}}, sort_keys=False,
                              default_flow_style=None, allow_unicode=True, width=1000)

    return dump("confirm"), dump("remove")


def dest_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives the file at `src`."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _relpath(target: str, start: str) -> str:
    """``posixpath.relpath`` for the clean relative paths of generated pages, without its
    abspath/cwd calls (it ran ~250,000 times for a 1,000-article site)."""
    t = [p for p in target.split("/") if p and p != "."]
    b = [p for p in start.split("/") if p and p != "."]
    i = 0
    while i < len(t) and i < len(b) and t[i] == b[i]:
        i += 1
    return "/".join([".."] * (len(b) - i) + t[i:]) or "."


def relative_url(from_src: str, to_src: str, anchor: str | None = None,
                 use_directory_urls: bool = True) -> str:
    """URL of `to_src` as seen from the built page of `from_src` (for raw HTML and charts)."""
    from_url = dest_url(from_src, use_directory_urls)
    to_url = dest_url(to_src, use_directory_urls)
    base = from_url.rsplit("/", 1)[0] if "/" in from_url else ""
    rel = _relpath(to_url or ".", base or ".")
    if rel == ".":
        rel = "./"
    elif to_url.endswith("/") or to_url == "":
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


def md_link(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """Relative .md path for a Markdown link (MkDocs rewrites and validates it)."""
    base = posixpath.dirname(from_src)
    rel = _relpath(to_src, base or ".")
    return rel + (f"#{anchor}" if anchor else "")


# ---------------------------------------------------------------------------------------------
# Small builders


def front_matter(title: str, *, date: str | None = None, tags: Iterable[str] = (),
                 description: str | None = None, extra: Mapping[str, Any] | None = None) -> str:
    """YAML front matter; every value escaped (themes print them as HTML), dumped safely."""
    meta: dict[str, Any] = {"title": escape(title)}
    if date:
        try:
            meta["date"] = Date.fromisoformat(date)  # a real date: the RSS plugin reads it
        except ValueError:
            pass
    tag_list = [escape(t) for t in tags if t]
    if tag_list:
        meta["tags"] = tag_list
    if description:
        meta["description"] = escape(_shorten(description, 300))
    if extra:
        meta.update(extra)
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{text}---\n\n"


def _shorten(text: str, limit: int) -> str:
    text = _WHITESPACE_RE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped (escape() removes pipes)."""
    if not rows:
        return ""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell or " " for cell in row) + " |")
    return "\n".join(lines) + "\n"


def html_table(headers: list[str], rows: list[list[str]]) -> str:
    """The same table as raw HTML; cells must already be escaped HTML (escape() output is).

    Long lists and tables are written as raw HTML blocks, which Python-Markdown passes
    through without running its inline patterns over every cell: on region, theme and
    figures pages of a large corpus that was most of MkDocs' build time. Links in them are
    final relative URLs (relative_url), and tests walk the built HTML to check each one."""
    if not rows:
        return ""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c or ''}</td>" for c in row) + "</tr>"
                     for row in rows)
    return (f"<table data-search-exclude>\n<thead>\n<tr>{head}</tr>\n</thead>\n"
            f"<tbody>\n{body}\n</tbody>\n</table>\n")


def html_list(items: Iterable[str]) -> str:
    """A raw HTML bullet list of already-escaped items (see html_table for why).

    Both are kept out of the search index (``data-search-exclude``, honoured by Material's
    search plugin): they repeat sentences, figures, titles and names that the search finds
    once already, in the full text of the article pages and in page titles and headings;
    the repeats made the index of a 1,000-article site 40 MB, too much for a browser."""
    lines = [f"<li>{item}</li>" for item in items]
    return "<ul data-search-exclude>\n" + "\n".join(lines) + "\n</ul>\n" if lines else ""


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _fmt_number(value: Any, words: bool = False) -> str:
    """5.0 -> '5', 12345 -> '12,345'; with `words`, 1.8e12 -> '1.8 trillion'."""
    if value is None:
        return ""
    if words:
        for scale, word in _SCALES:
            if abs(value) >= scale:
                return f"{_fmt_number(round(value / scale, 3))} {word}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:g}"


CITED = "Cited sentences"
LATEST = 5  # articles on the home page
CHART_ROWS = 30  # most bars one chart shows (region figure charts)

QUALIFIER_WORDS = {
    "around": "around", "more-than": "more than", "at-least": "at least",
    "exactly": "", "up-to": "up to", "range": "",
}
UNIT_WORDS = {"percent": "%", "per-10000-people": "per 10,000 people"}


def figure_value(item: Mapping[str, Any]) -> str:
    """Human reading of a figure: 'more than 5.5%', '6-6.5%', '1,800,000,000,000 CNY'."""
    unit = str(item.get("unit") or "")
    value = _fmt_number(item.get("value"), words=True)
    if item.get("value_max") is not None:
        value = f"{value}–{_fmt_number(item.get('value_max'), words=True)}"
    qual = QUALIFIER_WORDS.get(str(item.get("qualifier")), "")
    suffix = UNIT_WORDS.get(unit, f" {unit}" if unit and unit != "count" else "")
    return f"{qual} {value}{suffix}".strip()


INDICATOR_LABELS = {
    "gdp-growth-target": "GDP growth target",
    "gdp-growth": "GDP growth",
    "gdp-growth-forecast": "GDP growth forecast",
}


def _indicator(item: Mapping[str, Any]) -> str:
    """'gdp-growth-target' -> 'GDP growth target'; the subject, when stated, for 'other'.

    A forecast names who made it when known ("GDP growth forecast (economists)"), and growth
    for part of a year its period ("GDP growth, H1"): neither is a target or a year's outcome.
    """
    indicator = str(item.get("indicator") or "")
    if indicator in ("other", "count") and item.get("subject"):
        return str(item["subject"])
    text = INDICATOR_LABELS.get(indicator) or re.sub(
        r"\b(gdp|rd)\b", lambda m: {"gdp": "GDP", "rd": "R&D"}[m.group(1)],
        indicator.replace("-", " "))
    if item.get("period"):
        text += f", {item['period']}"
    if indicator == dg.GROWTH_FORECAST and item.get("subject"):
        text += f" ({item['subject']})"
    return text


def _chart_label(item: Mapping[str, Any]) -> str:
    """A bar's label in a region's figure charts: growth figures by their indicator (so a
    forecast or a quarter's growth never reads as a target), others by subject or text."""
    if str(item.get("indicator") or "").startswith("gdp-growth"):
        return _indicator(item)
    return str(item.get("subject") or item.get("text") or "")


def _date_label(date: str | None) -> str:
    return date or "undated"


def _pluralise(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


# ---------------------------------------------------------------------------------------------
# The site


class _Site:
    """Renders every page of one digest. Holds what all pages share (lookup, URL style)."""

    def __init__(self, digest: Digest, *, use_directory_urls: bool = True,
                 intro: str | None = None) -> None:
        self.d = digest
        self.use_directory_urls = use_directory_urls
        self.intro = intro

    # links -----------------------------------------------------------------------------------
    def url(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        return relative_url(from_src, to_src, anchor, self.use_directory_urls)

    def _link(self, src: str, to_src: str, text: str, *, html: bool,
              anchor: str | None = None, cls: str | None = None) -> str:
        """A link to another generated page: Markdown (MkDocs rewrites and validates it) or,
        for raw HTML blocks, an <a> with the final relative URL."""
        if html:
            attr = f' class="{cls}"' if cls else ""
            href = _html_attr(self.url(src, to_src, anchor))
            return f'<a{attr} href="{href}">{text}</a>'
        suffix = f"{{: .{cls} }}" if cls else ""
        return f"[{text}]({md_link(src, to_src, anchor)}){suffix}"

    def region_link(self, src: str, region_id: str | None, *, html: bool = False) -> str:
        """Linked region name where its page exists, plain escaped name otherwise."""
        if not region_id:
            return ""
        name = escape(self.d.region_name(region_id))
        info = self.d.regions.get(region_id)
        if info is not None and info.has_page:
            return self._link(src, region_path(region_id), name, html=html)
        return name

    def theme_link(self, src: str, theme_id: str | None, *, html: bool = False) -> str:
        if not theme_id:
            return ""
        name = escape(self.d.theme_name(theme_id))
        if theme_id in self.d.themes:
            return self._link(src, theme_path(theme_id), name, html=html)
        return name

    def article_link(self, src: str, article_id: str, *, html: bool = False) -> str:
        title = escape(self.d.article(article_id).title)
        return self._link(src, article_path(article_id), title, html=html)

    def cite(self, src: str, article_id: str, sentence: int, *, html: bool = False) -> str:
        """Citation: one link to the sentence on the article page (#sN).

        Elsewhere the link reads "↗ Global Times, 2025-01-10" (source and date: what a
        reader needs to weigh the fact; the article title would make long pages huge); on
        the article itself just "↗", with "sentence N" for screen readers.
        """
        if src == article_path(article_id):
            text = f'↗<span class="visually-hidden"> sentence {sentence}</span>'
            if html:
                return f'<a class="citation" href="#s{sentence}">{text}</a>'
            return f"[{text}](#s{sentence}){{: .citation }}"
        art = self.d.article(article_id)
        label = ", ".join(x for x in (art.record.get("source"), art.date) if x) or "source"
        return self._link(src, article_path(article_id), f"↗ {escape(label)}", html=html,
                          anchor=f"s{sentence}", cls="citation")

    def region_url(self, src: str, region_id: str) -> str | None:
        info = self.d.regions.get(region_id)
        return self.url(src, region_path(region_id)) if info and info.has_page else None

    def theme_url(self, src: str, theme_id: str) -> str | None:
        return self.url(src, theme_path(theme_id)) if theme_id in self.d.themes else None

    def cite_url(self, src: str, entry: Entry) -> str:
        return self.url(src, article_path(entry.article), f"s{entry.sentence}")

    # charts ----------------------------------------------------------------------------------
    def chart(self, name: str, rows: list[dict], *, caption: str, columns: list[tuple[str, str]],
              chart_id: str, **kwargs: Any) -> str:
        """A chart from generator.charts as a raw HTML block (blank lines around it)."""
        from . import charts  # imported here: the pages module is usable without Altair loaded

        spec = getattr(charts, name)(rows, **kwargs)
        block = charts.chart_block(spec, caption=caption, columns=columns, rows=rows,
                                   chart_id=chart_id)
        return "\n" + block.strip() + "\n\n"

    def growth_chart(self, src: str, entries: list[Entry], national: Entry | None,
                     chart_id: str, caption: str, limit: int | None = None) -> str:
        rows = []
        seen: set[tuple[Any, ...]] = set()
        for e in entries:
            rid = e.item.get("region")
            if not rid or self.d.regions[rid].level == "country":
                continue
            key = (rid, e.item.get("year"), e.item.get("value"), e.item.get("value_max"),
                   e.item.get("qualifier"))
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "region_id": rid,
                "region": self.d.region_label(rid),
                "value": e.item.get("value"),
                "value_max": e.item.get("value_max"),
                "qualifier": e.item.get("qualifier"),
                "year": e.item.get("year"),
                "url": self.cite_url(src, e),
            })
        if not rows:
            return ""
        rows.sort(key=lambda r: (-(r["value_max"] or r["value"]), r["region"].lower(),
                                 r["year"] or 0))
        if limit is not None and len(rows) > limit:
            # an overview chart of hundreds of bars helps nobody; the Figures page has all
            caption += f" — the {limit} highest of {len(rows)}; every target is on the Figures page"
            rows = rows[:limit]
        nat = None
        if national is not None:
            nat = {"value": national.item.get("value"),
                   "qualifier": national.item.get("qualifier"),
                   "year": national.item.get("year")}
        return self.chart("growth_targets", rows, national=nat, caption=caption,
                          columns=[("region", "Region"), ("qualifier", "Qualifier"),
                                   ("value", "Target (%)"), ("value_max", "Up to (%)"),
                                   ("year", "Year")],
                          chart_id=chart_id)

    # pieces ----------------------------------------------------------------------------------
    def figures_table(self, src: str, entries: list[Entry], *, show_region: bool = True,
                      show_theme: bool = True, show_text: bool = True) -> str:
        """Figures with their reading, indicator and a citation; `via` shown with the region."""
        headers = ["Region"] if show_region else []
        headers += ["Value", "Indicator", "Year"]
        if show_text:
            headers.append("As written")
        if show_theme:
            headers.append("Theme")
        headers.append("Source")
        rows = []
        for e in entries:
            item = e.item
            row = [self.region_link(src, item.get("region"), html=True)] if show_region else []
            row += [escape(figure_value(item)), escape(_indicator(item)) + self.review_mark(src, e),
                    escape(item.get("year") or "")]
            if show_text:
                row.append(escape(item.get("text")))
            if show_theme:
                row.append(self.theme_link(src, item.get("theme"), html=True))
            row.append(self.cite(src, e.article, e.sentence, html=True))
            rows.append(row)
        return html_table(headers, rows)

    def review_mark(self, src: str, e: Entry) -> str:
        """' (needs review)' linked to the figure's article on the Needs review page, for a
        low-confidence figure; '' for a confident one."""
        if dg.is_confident(e.item):
            return ""
        link = self._link(src, REVIEW_PAGE, "needs review", html=True,
                          anchor=review_anchor(e.article), cls="briefing-review-mark")
        return f" <small>({link})</small>"

    def commitment_item(self, src: str, e: Entry, more: str = "") -> str:
        """A list item (HTML): the commitment (marked with its city when rolled up) and its
        source."""
        who = f"<strong>{escape(self.d.region_name(e.via))}:</strong> " if e.via else ""
        return (who + escape(e.item.get("text")) + " "
                + self.cite(src, e.article, e.sentence, html=True) + more)

    def _newest_date(self, article_ids: Iterable[str]) -> str | None:
        dates = [self.d.article(a).date for a in article_ids if self.d.article(a).date]
        return max(dates) if dates else None

    def article_list(self, src: str, article_ids: Iterable[str],
                     roles: Mapping[str, list[str]] | None = None) -> str:
        lines = []
        for aid in article_ids:
            art = self.d.article(aid)
            line = f"{escape(_date_label(art.date))} · {self.article_link(src, aid, html=True)}"
            if art.record.get("source"):
                line += f" — {escape(art.record['source'])}"
            if roles and roles.get(aid):
                line += f" <small>({escape(', '.join(roles[aid]))})</small>"
            lines.append(line)
        return html_list(lines)

    # pages -----------------------------------------------------------------------------------
    def article_page(self, art: dg.ArticleInfo) -> str:
        src = article_path(art.id)
        rec = art.record
        tags = [self.d.region_name(r) for r in art.subject_regions]
        tags += [self.d.theme_name(t) for t in art.themes]
        out = [front_matter(art.title, date=art.date, tags=tags,
                            description=rec.get("summary") or art.title)]
        out.append(f"# {escape(art.title)}\n\n")
        facts = []
        facts.append(f"**Date:** {escape(_date_label(art.date))}")
        if rec.get("source"):
            facts.append(f"**Source:** {escape(rec['source'])}")
        if rec.get("authors"):
            facts.append(f"**By:** {escape(', '.join(rec['authors']))}")
        url = _safe_url(rec.get("url"))
        if url:
            facts.append(f'<a href="{_html_attr(url)}" rel="noopener nofollow">'
                         "Original article</a>")
        if rec.get("dateline"):
            facts.append(f"**Dateline:** {escape(rec['dateline'])}")
        out.append(" · ".join(facts) + "\n{: .briefing-meta }\n\n")
        if rec.get("summary"):
            out.append("## Summary\n\n" + escape(rec["summary"]) + "\n\n")
        if art.subject_regions:
            links = ", ".join(self.region_link(src, r) for r in art.subject_regions)
            out.append(f"**Regions:** {links}\n\n")
        if art.themes:
            links = ", ".join(self.theme_link(src, t) for t in art.themes)
            out.append(f"**Themes:** {links}\n\n")
        figures = [Entry(art.id, f) for f in rec.get("figures", [])]
        if figures:
            out.append("## Figures\n\n" + self.figures_table(src, figures) + "\n")
        commitments = [Entry(art.id, c) for c in rec.get("commitments", [])]
        if commitments:
            out.append("## Commitments\n\n")
            groups = dg.group_by(commitments, lambda e: list(e.item.get("regions", [])))
            keys = sorted(groups, key=lambda k: (k == "", self.d.region_name(k).lower(), k))
            for key in keys:
                heading = self.region_link(src, key) if key else "No region named"
                out.append(f"### {heading}\n\n")
                out.append(html_list(self.commitment_item(src, e) for e in groups[key]) + "\n")
        people = rec.get("people", [])
        if people:
            out.append("## People quoted\n\n")
            for person in people:
                line = f"- **{escape(person.get('name'))}**"
                if person.get("role"):
                    line += f", {escape(person['role'])}"
                cites = " ".join(self.cite(src, art.id, s) for s in person.get("sentences", []))
                out.append(line + (" " + cites if cites else "") + "\n")
            out.append("\n")
        out.append("## Full text\n\n")
        out.append(self.full_text(rec))
        out.append(f"\n[Record (YAML)]({md_link(src, record_path(art.id))}) · "
                   f"[All articles]({md_link(src, 'articles/index.md')})\n")
        return "".join(out)

    def full_text(self, rec: Mapping[str, Any]) -> str:
        """The article, one paragraph per `paragraphs` entry, one anchor #sN per sentence.

        Written as one raw HTML block: escape() output is valid HTML text, and Python-Markdown
        passes the block through without running its inline patterns over every sentence
        (the text is half of an article page; this halves the time MkDocs spends on it).
        MkDocs still sees the ids, so links to #sN are validated.
        """
        sentences = list(rec.get("sentences", []))
        starts = sorted({p for p in rec.get("paragraphs", []) if 1 <= p <= len(sentences)} | {1})
        bounds = starts + [len(sentences) + 1]
        paras = []
        for start, end in zip(bounds, bounds[1:], strict=False):
            spans = [f'<span class="sentence" id="s{n}">{escape(sentences[n - 1])}</span>'
                     for n in range(start, end)]
            if spans:
                paras.append("<p>" + " ".join(spans) + "</p>")
        if not paras:
            return "*No text.*\n"
        return '<div class="briefing-text">\n' + "\n".join(paras) + "\n</div>\n"

    def region_page(self, info: RegionInfo) -> str:
        src = region_path(info.id)
        d = self.d
        n_art = len(info.articles)
        desc = (f"{info.name}: {info.level_label.lower()}; {_pluralise(n_art, 'article')}, "
                f"{_pluralise(len(info.commitments), 'commitment')}, "
                f"{_pluralise(len(info.figures), 'figure')}.")
        out = [front_matter(info.name, date=self._newest_date(info.articles), description=desc)]
        out.append(f"# {escape(info.name)}\n\n")
        facts = [("Level", escape(info.level_label))]
        if info.name_zh:
            facts.append(("Chinese name", escape(info.name_zh)))
        if info.parent:
            facts.append(("Part of", self.region_link(src, info.parent)))
        if info.children:
            kids = ", ".join(self.region_link(src, c) for c in info.children)
            facts.append((f"Includes ({len(info.children)})", kids))
        covered = [c for c in info.children if d.regions[c].has_page]
        if covered:
            facts.append(("Cities with a page", ", ".join(self.region_link(src, c)
                                                          for c in covered)))
        out.append("".join(f"- **{label}:** {value}\n" for label, value in facts) + "\n")
        shown = info.headline_figures
        rolled = any(e.via for e in info.commitments + shown)
        if rolled:
            out.append("Items about its cities are listed here too, marked with the city.\n\n")

        targets = info.growth_targets
        if targets:
            out.append("## Growth target\n\n")
            items = []
            for e in targets:
                who = f"<strong>{escape(d.region_name(e.via))}:</strong> " if e.via else ""
                year = f" for {escape(e.item['year'])}" if e.item.get("year") else ""
                items.append(f"{who}GDP growth {escape(figure_value(e.item))}{year} "
                             f"{self.cite(src, e.article, e.sentence, html=True)}")
            out.append(html_list(items) + "\n")
            out.append(self.growth_chart(src, targets, d.national_target,
                                         chart_id="chart-growth-target",
                                         caption=f"GDP growth targets: {info.name}"))
        forecasts = [e for e in shown if e.item.get("indicator") == dg.GROWTH_FORECAST]
        if forecasts:
            out.append("## Growth forecasts\n\n")
            out.append("Forecasts by others (commentators, institutions), not the region's "
                       "own target.\n\n")
            items = []
            for e in forecasts:
                who = f"<strong>{escape(d.region_name(e.via))}:</strong> " if e.via else ""
                year = f" for {escape(e.item['year'])}" if e.item.get("year") else ""
                by = f" — {escape(e.item['subject'])}" if e.item.get("subject") else ""
                items.append(f"{who}GDP growth {escape(figure_value(e.item))}{year}{by} "
                             f"{self.cite(src, e.article, e.sentence, html=True)}")
            out.append(html_list(items) + "\n")

        out.append("## What it plans\n\n")
        if info.commitments:
            # each commitment once, under its first theme, the others linked: a commitment
            # naming three themes would otherwise fill the page three times (theme pages
            # give the cross-cutting view)
            def themes_of(e: Entry) -> list[str]:
                return [t for t in e.item.get("themes", []) if t in d.themes]

            groups = dg.group_by(info.commitments, lambda e: themes_of(e)[:1])
            keys = sorted(groups, key=lambda k: (k == "", d.theme_name(k).lower(), k))
            for key in keys:
                out.append(f"### {self.theme_link(src, key) if key else 'Other plans'}\n\n")
                items = []
                for e in groups[key]:
                    also = [self.theme_link(src, t, html=True) for t in themes_of(e)[1:]]
                    more = f" <small>(also: {', '.join(also)})</small>" if also else ""
                    items.append(self.commitment_item(src, e, more))
                out.append(html_list(items) + "\n")
        else:
            out.append("No commitments extracted yet.\n\n")

        theme_rows = dg.region_theme_counts(d, info.id)
        if theme_rows:
            out.append("## Themes\n\n")
            rows = [{"theme_id": t, "theme": d.theme_name(t), "count": n,
                     "url": self.theme_url(src, t)} for t, n in theme_rows]
            out.append(self.chart("region_themes", rows, caption=f"Themes linked to {info.name} "
                                  "(cited sentences)",
                                  columns=[("theme", "Theme"), ("count", "Cited sentences")],
                                  chart_id="chart-region-themes", count_title=CITED))
            out.append(", ".join(f"{self.theme_link(src, t)} ({n})" for t, n in theme_rows)
                       + "\n\n")

        if shown:
            out.append("## Figures\n\n")
            out.append(self.figures_table(src, shown, show_region=rolled) + "\n")
            percent: list[dict] = []
            amounts: list[dict] = []
            for e in shown:
                item = e.item
                label = _chart_label(item)
                if e.via:
                    label = f"{d.region_name(e.via)}: {label}"
                row = {"label": label, "value": item.get("value"),
                       "value_max": item.get("value_max"), "unit": item.get("unit"),
                       "year": item.get("year"), "qualifier": item.get("qualifier"),
                       "url": self.cite_url(src, e)}
                if str(item.get("unit")) == "percent":
                    percent.append(row)
                elif (item.get("value") or 0) > 0:
                    amounts.append(row)
            columns = [("label", "Figure"), ("value", "Value"), ("value_max", "Up to"),
                       ("unit", "Unit"), ("qualifier", "Qualifier"), ("year", "Year")]
            # figures come newest article first: a chart shows the latest CHART_ROWS (more
            # bars are unreadable); the table above lists every figure
            for kind, rows, caption, chart_id in (
                    ("region_figures", percent, "Percentage figures", "chart-region-figures"),
                    ("region_amounts", amounts, "Amounts and counts (log scale)",
                     "chart-region-amounts")):
                if not rows:
                    continue
                n_shown = min(len(rows), CHART_ROWS)
                more = f", latest {n_shown} of {len(rows)}" if len(rows) > n_shown else ""
                out.append(self.chart(kind, rows[:CHART_ROWS],
                                      caption=f"{caption}: {info.name}{more}",
                                      columns=columns, chart_id=chart_id))
        if info.review:
            out.append(self.review_note(src, len(info.review)))

        out.append("## Articles\n\n")
        order = {a.id: i for i, a in enumerate(d.articles)}
        ids = sorted(info.articles, key=lambda a: order[a])
        out.append(self.article_list(src, ids, info.articles) or "None.\n")
        return "".join(out)

    def theme_page(self, tinfo: dg.ThemeInfo) -> str:
        src = theme_path(tinfo.id)
        d = self.d
        counts = dg.theme_region_counts(d, tinfo.id)
        desc = tinfo.description or (
            f"{tinfo.name}: {_pluralise(len(counts), 'region')}, "
            f"{_pluralise(len(tinfo.articles), 'article')}.")
        out = [front_matter(tinfo.name, date=self._newest_date(tinfo.articles), description=desc)]
        out.append(f"# {escape(tinfo.name)}\n\n")
        if tinfo.description:
            out.append(escape(tinfo.description) + "\n\n")
        out.append(f"{_pluralise(len(tinfo.articles), 'article')}, "
                   f"{_pluralise(len(tinfo.commitments), 'commitment')}, "
                   f"{_pluralise(len(tinfo.figures), 'figure')}.\n\n")
        out.append("## Regions pursuing it\n\n")
        if counts:
            rows = [{"region_id": r, "region": d.region_label(r), "count": n,
                     "url": self.region_url(src, r)} for r, n in counts]
            out.append(self.chart("theme_regions", rows,
                                  caption=f"Regions linked to {tinfo.name} (cited sentences; "
                                  "provinces include their cities)",
                                  columns=[("region", "Region"), ("count", "Cited sentences")],
                                  chart_id="chart-theme-regions", count_title=CITED))
            for rid, n in counts:
                out.append(f"- {self.region_link(src, rid)} ({n})\n")
            out.append("\n")
        else:
            out.append("No region linked yet.\n\n")

        if tinfo.commitments:
            out.append("## Commitments by region\n\n")
            groups = dg.group_by(tinfo.commitments, lambda e: list(e.item.get("regions", [])))
            keys = sorted(groups, key=lambda k: (k == "", d.region_name(k).lower(), k))
            for key in keys:
                out.append(f"### {escape(d.region_label(key)) if key else 'No region named'}\n\n")
                out.append(html_list(self.commitment_item(src, e) for e in groups[key]) + "\n")
        if tinfo.headline_figures:
            out.append("## Figures\n\n")
            ordered = sorted(tinfo.headline_figures, key=lambda e: (
                d.region_name(e.item.get("region")).lower(), e.item.get("region") or ""))
            out.append(self.figures_table(src, ordered, show_theme=False) + "\n")
        out.append("## Articles\n\n")
        out.append(self.article_list(src, tinfo.articles) or "None.\n")
        return "".join(out)

    # index pages ---------------------------------------------------------------------------
    def top_regions(self) -> list[RegionInfo]:
        """Regions shown as rows in overviews: everything with a page except cities under a
        province (their items are rolled up into the province)."""
        return [r for r in self.d.region_pages if not (r.province and r.province != r.id)]

    def home_page(self) -> str:
        src = "index.md"
        d = self.d
        out = [front_matter("Regional policy briefing", date=self._newest_date(
            a.id for a in d.articles), description="What China's provinces and cities plan: "
            "growth targets, priorities and commitments, each linked to its source sentence.")]
        if self.intro:
            out.append(self.intro.strip() + "\n\n")  # hand-written, trusted Markdown
        else:
            out.append("# Regional policy briefing\n\n")
        dated = [a.date for a in d.articles if a.date]
        span = f" ({min(dated)} to {max(dated)})" if dated else ""
        out.append(
            f"**{_pluralise(len(d.articles), 'article')}**{span} · "
            f"**{_pluralise(len(d.region_pages), 'region')}** · "
            f"**{_pluralise(len(d.themes), 'theme')}** · "
            f"**{_pluralise(len(d.commitments), 'commitment')}** · "
            f"**{_pluralise(len(d.figures), 'figure')}**\n{{: .briefing-stats }}\n\n")

        out.append("## Latest articles\n\n")
        for art in d.articles[:LATEST]:
            meta = [escape(_date_label(art.date))]
            if art.record.get("source"):
                meta.append(escape(art.record["source"]))
            out.append(f"**{self.article_link(src, art.id)}**<br>\n"
                       f'<small class="briefing-meta">{" · ".join(meta)}</small>\n\n')
            if art.record.get("summary"):
                out.append(escape(_shorten(art.record["summary"], 600)) + "\n\n")
        if not d.articles:
            out.append("No articles yet.\n\n")
        out.append(f"[All articles]({md_link(src, 'articles/index.md')})\n\n")

        key = self.key_figures()
        if key:
            out.append("## Key figures\n\n")
            out.append(self.figures_table(src, key, show_theme=False, show_text=False))
            out.append(f"\n[Every figure]({md_link(src, 'figures.md')})\n\n")
        if d.review:
            out.append(self.review_note(src, len(d.review)))

        out.append("## Overview\n\n")
        growth = self.growth_chart(src, d.growth_targets, d.national_target, limit=HOME_TARGETS,
                                   chart_id="chart-growth-targets",
                                   caption="GDP growth targets by region (cities labelled with "
                                   "their province)" + ("; the rule marks the national target"
                                                        if d.national_target else ""))
        if growth:
            out.append("### Growth targets\n\n" + growth)
        heat = []
        for info in self.top_regions():
            for tid, links in sorted(info.theme_links.items()):
                if tid in d.themes:
                    heat.append({"region_id": info.id, "region": info.name, "theme_id": tid,
                                 "theme": d.theme_name(tid), "count": len(links),
                                 "region_url": self.region_url(src, info.id),
                                 "theme_url": self.theme_url(src, tid)})
        if heat:
            out.append("### Regions and themes\n\n")
            out.append(self.chart("region_theme_heatmap", heat,
                                  caption="Cited sentences linking each region to each theme "
                                  "(provinces include their cities)",
                                  columns=[("region", "Region"), ("theme", "Theme"),
                                           ("count", "Cited sentences")],
                                  chart_id="chart-region-theme-heatmap", count_title=CITED))
        ranked = self.themes_ranked_rows(src)
        if ranked:
            out.append("### Themes by number of regions\n\n")
            out.append(self.chart("themes_ranked", ranked,
                                  caption="Themes ranked by the number of regions pursuing them",
                                  columns=[("theme", "Theme"), ("regions", "Regions")],
                                  chart_id="chart-themes-ranked"))
        tiles = self.tile_rows(src)
        if tiles:
            out.append("### Coverage map\n\n")
            out.append(self.chart("tile_map", tiles, caption="Provincial-level divisions by "
                                  "number of articles (cities count for their province)",
                                  columns=[("region", "Region"), ("count", "Articles")],
                                  chart_id="chart-tile-map"))
        over_time = self.over_time_rows()
        if over_time:
            out.append("### Articles over time\n\n")
            out.append(self.chart("articles_over_time", over_time,
                                  caption="Articles per publication date",
                                  columns=[("date", "Date"), ("count", "Articles")],
                                  chart_id="chart-articles-over-time"))

        out.append("## Regions\n\n")
        out.append(", ".join(self.region_link(src, r.id) for r in self.sorted_regions())
                   + "\n\n" if d.region_pages else "None yet.\n\n")
        out.append("## Themes\n\n")
        out.append(", ".join(self.theme_link(src, t) for t in self.sorted_themes())
                   + "\n\n" if d.themes else "None yet.\n\n")
        out.append(f"Browse articles by [tag]({md_link(src, TAGS_PAGE)}). Figures an extraction "
                   f"rule had to guess are on the [Needs review]({md_link(src, REVIEW_PAGE)}) "
                   "page.\n")
        return "".join(out)

    def sorted_regions(self) -> list[RegionInfo]:
        return sorted(self.d.region_pages, key=lambda r: (r.name.lower(), r.id))

    def sorted_themes(self) -> list[str]:
        return sorted(self.d.themes, key=lambda t: (self.d.theme_name(t).lower(), t))

    def key_figures(self) -> list[Entry]:
        """Headline figures for the home page: targets, GDP, R&D, investment, scale."""
        order = ["gdp-growth-target", "gdp", "rd-intensity", "investment", "industry-scale"]
        rank = {k: i for i, k in enumerate(order)}
        seen: set[tuple[Any, ...]] = set()
        picked = []
        for e in self.d.headline_figures:  # newest article first
            ind = e.item.get("indicator")
            if ind not in rank or not e.item.get("region"):
                continue
            if ind == dg.GROWTH_TARGET and not dg.is_growth_target(e.item):
                continue
            key = (e.item.get("region"), ind, e.item.get("year"))
            if key in seen:
                continue
            seen.add(key)
            picked.append(e)
        picked.sort(key=lambda e: (rank[e.item["indicator"]],
                                   -float(e.item.get("value") or 0),
                                   self.d.region_name(e.item.get("region")).lower()))
        return picked[:12]

    def themes_ranked_rows(self, src: str) -> list[dict]:
        top = {r.id for r in self.top_regions()}
        rows = []
        for tid, tinfo in self.d.themes.items():
            n = len([r for r in tinfo.region_links if r in top])
            rows.append({"theme_id": tid, "theme": tinfo.name, "regions": n,
                         "url": self.theme_url(src, tid)})
        rows.sort(key=lambda r: (-r["regions"], r["theme"].lower(), r["theme_id"]))
        return [r for r in rows if r["regions"]]

    def tile_rows(self, src: str) -> list[dict]:
        rows = []
        for info in self.d.provinces:
            if info.row is None or info.col is None:
                continue
            rows.append({"region_id": info.id, "region": info.name, "row": info.row,
                         "col": info.col, "count": dg.coverage(self.d, info.id),
                         "url": self.region_url(src, info.id)})
        return rows

    def over_time_rows(self) -> list[dict]:
        counts: dict[str, int] = {}
        for art in self.d.articles:
            if art.date:
                counts[art.date] = counts.get(art.date, 0) + 1
        return [{"date": k, "count": counts[k]} for k in sorted(counts)]

    def regions_index(self) -> str:
        src = "regions/index.md"
        d = self.d
        out = [front_matter("Regions", date=self._newest_date(a.id for a in d.articles),
                            description="Every region an article names as a subject, with "
                            "the provinces of the cities named.")]
        out.append("# Regions\n\n")
        tiles = self.tile_rows(src)
        if tiles:
            out.append(self.chart("tile_map", tiles, caption="Provincial-level divisions by "
                                  "number of articles (cities count for their province)",
                                  columns=[("region", "Region"), ("count", "Articles")],
                                  chart_id="chart-tile-map"))
        levels = list(dg.LEVEL_LABELS)
        by_level: dict[str, list[RegionInfo]] = {}
        for info in self.sorted_regions():
            by_level.setdefault(info.level, []).append(info)
        for level in sorted(by_level, key=lambda lv: (levels.index(lv) if lv in levels
                                                      else len(levels), lv)):
            plural = dg.LEVEL_LABELS.get(level, ("", level.replace("-", " ").capitalize()))[1]
            out.append(f"## {escape(plural)}\n\n")
            rows = []
            for info in by_level[level]:
                row = [self.region_link(src, info.id, html=True), escape(info.name_zh or "")]
                if level == "city":
                    row.append(self.region_link(src, info.province, html=True)
                               if info.province else "")
                row += [str(dg.coverage(d, info.id)), str(len(info.commitments)),
                        str(len(info.figures))]
                rows.append(row)
            headers = ["Region", "Chinese"] + (["Province"] if level == "city" else [])
            out.append(html_table(headers + ["Articles", "Commitments", "Figures"], rows) + "\n")
        if not by_level:
            out.append("No region named yet.\n")
        return "".join(out)

    def themes_index(self) -> str:
        src = "themes/index.md"
        d = self.d
        out = [front_matter("Themes", date=self._newest_date(a.id for a in d.articles),
                            description="Policy themes found in the articles, and who pursues "
                            "them.")]
        out.append("# Themes\n\n")
        ranked = self.themes_ranked_rows(src)
        if ranked:
            out.append(self.chart("themes_ranked", ranked, caption="Themes ranked by the number "
                                  "of regions pursuing them",
                                  columns=[("theme", "Theme"), ("regions", "Regions")],
                                  chart_id="chart-themes-ranked"))
        n_regions = {r["theme_id"]: r["regions"] for r in ranked}
        rows = []
        for tid in sorted(d.themes, key=lambda t: (-n_regions.get(t, 0),
                                                   d.theme_name(t).lower(), t)):
            tinfo = d.themes[tid]
            rows.append([self.theme_link(src, tid), str(n_regions.get(tid, 0)),
                         str(len(tinfo.commitments)), str(len(tinfo.figures)),
                         str(len(tinfo.articles))])
        out.append(table(["Theme", "Regions", "Commitments", "Figures", "Articles"], rows)
                   or "No theme found yet.\n")
        return "".join(out)

    def articles_index(self) -> str:
        src = "articles/index.md"
        d = self.d
        out = [front_matter("Articles", date=self._newest_date(a.id for a in d.articles),
                            description="All articles, newest first.")]
        out.append("# Articles\n\nNewest first; undated articles last.\n\n")
        rows = []
        for art in d.articles:
            regions = ", ".join(self.region_link(src, r, html=True) for r in art.subject_regions)
            rows.append([escape(_date_label(art.date)), self.article_link(src, art.id, html=True),
                         escape(art.record.get("source") or ""), regions])
        out.append(html_table(["Date", "Article", "Source", "Regions"], rows)
                   or "No articles yet.\n")
        feed = self.url(src, FEED_FILE)  # written by the rss plugin, so not a page: raw link
        out.append(f'\nAlso as an <a href="{feed}">RSS feed</a> and by [tag]'
                   f"({md_link(src, TAGS_PAGE)}).\n")
        return "".join(out)

    def figures_page(self) -> str:
        src = "figures.md"
        d = self.d
        out = [front_matter("Figures", date=self._newest_date(a.id for a in d.articles),
                            description="Every figure in every article, with its source "
                            "sentence.")]
        out.append("# Figures\n\n")
        out.append(f"{_pluralise(len(d.figures), 'figure')}. Click a column header to sort.")
        if d.review:
            out.append(f" {_pluralise(len(d.review), 'figure')} marked “needs review” had a "
                       "rule guess and are not in headline tables and charts: see "
                       f"[Needs review]({md_link(src, REVIEW_PAGE)}).")
        out.append("\n\n")
        rows = []
        for e in sorted(d.figures, key=lambda e: (d.region_name(e.item.get("region")).lower(),
                                                  -(e.item.get("year") or 0),
                                                  str(e.item.get("indicator")), e.article,
                                                  e.sentence)):
            item = e.item
            rows.append([
                self.region_link(src, item.get("region"), html=True),
                escape(item.get("year") or ""),
                escape(_fmt_number(item.get("value"))),
                escape(_fmt_number(item.get("value_max"))),
                escape(item.get("unit")),
                escape(str(item.get("qualifier") or "").replace("-", " ")),
                escape(_indicator(item)) + self.review_mark(src, e),
                self.theme_link(src, item.get("theme"), html=True),
                escape(item.get("text")),
                self.cite(src, e.article, e.sentence, html=True),
            ])
        tbl = html_table(["Region", "Year", "Value", "Up to", "Unit", "Qualifier", "Indicator",
                          "Theme", "As written", "Source"], rows)
        if tbl:
            out.append('<div class="briefing-sortable">\n' + tbl + "</div>\n\n")
        else:
            out.append("No figures yet.\n\n")
        out.append("## Downloads\n\n")
        out.append(f"- [All figures (CSV)]({md_link(src, FIGURES_CSV)})\n")
        out.append(f"- [All records (JSON)]({md_link(src, BRIEFING_JSON)})\n")
        out.append(f"- [Record schema (JSON Schema)]({md_link(src, SCHEMA_FILE)})\n")
        out.append("- One YAML record per article, linked from the foot of each article page.\n")
        return "".join(out)

    def review_note(self, src: str, n: int) -> str:
        """A line saying that *n* low-confidence figures are left out, linking the review page."""
        one = n == 1
        return (f"{_pluralise(n, 'figure')} extracted with low confidence (a rule had to "
                f"guess) {'is' if one else 'are'} not shown here until an editor confirms "
                f"{'it' if one else 'them'}: [Needs review]({md_link(src, REVIEW_PAGE)}).\n\n")

    def review_page(self) -> str:
        """Every low-confidence figure, by article: what was read, the rule that guessed,
        the cited sentence, and the override entries that confirm or drop it."""
        src = REVIEW_PAGE
        d = self.d
        out = [front_matter("Needs review", description="Figures an extraction rule had to "
                            "guess, with their sentence and the override that confirms or "
                            "drops them.")]
        out.append("# Needs review\n\n")
        out.append(
            "These figures were extracted with *low confidence*: a rule had to guess (the "
            "region from the sentences around it, the measure carried over from an earlier "
            "sentence, the year from the article's date). They are left out of the headline "
            "tables and charts until an editor confirms them. To confirm a figure, or drop it, "
            "paste its entry into the article's override file (merge it under an existing "
            "`figures:` key if the file has one); the next build applies it.\n\n")
        if not d.review:
            out.append("No figures need review.\n")
            return "".join(out)
        out.append(f"{_pluralise(len(d.review), 'figure')} in "
                   f"{_pluralise(len({e.article for e in d.review}), 'article')}.\n\n")
        groups = dg.group_by(d.review, lambda e: [e.article])
        for aid, entries in groups.items():
            art = d.article(aid)
            sidecar = sidecar_name(art.record.get("file") or aid)
            out.append(f"## {self.article_link(src, aid)} {{: #{review_anchor(aid)} }}\n\n")
            out.append(f"Override file: <span class=\"briefing-file\">{escape(sidecar)}"
                       "</span>\n\n")
            sentences = list(art.record.get("sentences", []))
            blocks = []
            for e in entries:
                item = e.item
                n = e.sentence
                said = sentences[n - 1] if 1 <= n <= len(sentences) else ""
                href = _html_attr(self.url(src, article_path(aid), f"s{n}"))
                facts = [("Region", self.region_link(src, item.get("region"), html=True)
                          or "none"),
                         ("Indicator", escape(_indicator(item))),
                         ("Year", escape(item.get("year") or "none")),
                         ("Value", escape(figure_value(item))),
                         ("As written", "“" + escape(item.get("text")) + "”"),
                         ("Rule", escape(item.get("rule") or "unknown"))]
                dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
                confirm, drop = override_snippets(item)
                blocks.append(
                    '<div class="briefing-review" data-search-exclude>\n'
                    f'<dl class="briefing-review-facts">{dl}</dl>\n'
                    f'<blockquote class="briefing-review-sentence"><p><a href="{href}">'
                    f'{escape(said) or f"Sentence {n}"}</a> '
                    f'<small>(sentence {n})</small></p></blockquote>\n'
                    "<p>To confirm it:</p>\n"
                    f'<pre class="briefing-override"><code>{escape_block(confirm)}</code></pre>\n'
                    "<p>To drop it:</p>\n"
                    f'<pre class="briefing-override"><code>{escape_block(drop)}</code></pre>\n'
                    "</div>\n")
            out.append("\n".join(blocks) + "\n")
        return "".join(out)

    def tags_page(self) -> str:
        return (front_matter("Tags", description="Articles by region and theme.")
                + "# Tags\n\nArticles by region and theme.\n\n<!-- material/tags -->\n")


# ---------------------------------------------------------------------------------------------
# Data files


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula (``=cmd|' /C calc'!A0``) gets a
    leading apostrophe, as OWASP recommends; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class _SafeWriter:
    """csv.writer whose text cells go through :func:`csv_cell`."""

    def __init__(self, buf: io.StringIO) -> None:
        self._writer = csv.writer(buf, lineterminator="\n")

    def writerow(self, row: list[object]) -> None:
        self._writer.writerow([csv_cell(v) for v in row])


def figures_csv(digest: Digest) -> str:
    """Every figure as CSV: one row per figure, with its article and sentence."""
    buf = io.StringIO()
    writer = _SafeWriter(buf)
    writer.writerow(["article", "sentence", "region", "region_name", "province", "year",
                     "indicator", "value", "value_max", "unit", "usd_value", "qualifier",
                     "theme", "subject", "text", "page", "period", "confidence", "rule"])
    for e in digest.figures:
        item = e.item
        rid = item.get("region")
        info = digest.regions.get(rid or "")
        writer.writerow([
            e.article, e.sentence, rid or "", digest.region_name(rid),
            (info.province or "") if info else "", item.get("year") or "",
            item.get("indicator", ""), item.get("value"),
            "" if item.get("value_max") is None else item.get("value_max"),
            item.get("unit", ""),
            "" if item.get("usd_value") is None else item.get("usd_value"),
            item.get("qualifier", ""), item.get("theme") or "", item.get("subject") or "",
            item.get("text", ""), f"articles/{e.article}/#s{e.sentence}",
            item.get("period") or "", item.get("confidence") or "high", item.get("rule") or "",
        ])
    return buf.getvalue()


def briefing_json(records: list[Mapping[str, Any]]) -> str:
    """All records in one JSON document (record order: by id), one article per line.

    Each record is dumped compactly by json's C encoder (``indent`` would switch to the pure
    Python one: about 1.3 s for 1,000 articles on every build); one line per article keeps
    the file readable and diffs small."""
    ordered = sorted(records, key=lambda r: str(r["id"]))
    lines = [json.dumps(r, ensure_ascii=False) for r in ordered]
    body = ",\n".join(lines)
    head = f'{{"schema": "briefing/article@1", "count": {len(ordered)}, "articles": ['
    return f"{head}\n{body}\n]}}\n"


def _schema_text() -> str:
    return resources.files("generator").joinpath("data/article.schema.json").read_text("utf-8")


def _dump_record(record: Mapping[str, Any]) -> str:
    from .record import dump

    return dump(dict(record))


# ---------------------------------------------------------------------------------------------
# Reuse between builds in one process (`mkdocs serve`)
#
# A rebuild after one article was edited regenerates every page, although most depend only on
# articles that did not change. Pages are cached by what they are made of: the article pages
# and YAML records by their record, region and theme pages by the records of every article
# they cite or count, and all of them by the site-wide facts any page may show (which regions
# and themes have pages, every article's title, date and source, the national target, the
# reference data, the URL style, the intro). Overview pages are always rebuilt. Only the last
# build's pages are kept. `render_site(..., reuse=False)` bypasses it; tests check that a
# reused page is byte-identical to a fresh one.

_PAGE_CACHE: dict[str, tuple[str, str | bytes]] = {}


def _digest_key(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _site_key(digest: Digest, gazetteer: Any, taxonomy: Any, intro: str | None,
              use_directory_urls: bool) -> str:
    nat = digest.national_target
    return _digest_key(
        [(a.id, a.title, a.date, a.record.get("source")) for a in digest.articles],
        sorted(r.id for r in digest.region_pages), sorted(digest.themes),
        None if nat is None else (nat.article, dict(nat.item)),
        getattr(gazetteer, "sha256", None), getattr(taxonomy, "sha256", None),
        intro, use_directory_urls)


def _articles_of(entries: Iterable[Entry], *more: Iterable[str]) -> set[str]:
    ids = {e.article for e in entries}
    for group in more:
        ids.update(group)
    return ids


# ---------------------------------------------------------------------------------------------
# Entry point


def render_site(records: Iterable[Mapping[str, Any]], gazetteer: Any = None,
                taxonomy: Any = None, *, intro: str | None = None,
                use_directory_urls: bool = True, reuse: bool = True) -> dict[str, str | bytes]:
    """Every generated page and data file: relative path -> content, sorted by path.

    `records` are schema-valid record dicts; `gazetteer`/`taxonomy` the reference data (names,
    children, tile positions); `intro` optional hand-written Markdown shown at the top of the
    home page instead of the default heading; `use_directory_urls` must match the MkDocs
    setting (chart URLs are computed here); `reuse` lets pages whose inputs did not change
    since the previous call in this process be taken from it (see _PAGE_CACHE).
    """
    records = list(records)
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate article ids: {', '.join(dupes)}")
    digest = dg.build(records, gazetteer, taxonomy)
    site = _Site(digest, use_directory_urls=use_directory_urls, intro=intro)
    out: dict[str, str | bytes] = {}
    previous = dict(_PAGE_CACHE) if reuse else {}
    _PAGE_CACHE.clear()
    site_key = _site_key(digest, gazetteer, taxonomy, intro, use_directory_urls)
    fingerprints = {r["id"]: _digest_key(r) for r in records}

    def put(path: str, content: str | bytes) -> None:
        if path in out:
            raise ValueError(f"two generated files at {path}")
        out[path] = content

    def cached(path: str, article_ids: Iterable[str], make: Any) -> None:
        key = _digest_key(site_key, sorted((a, fingerprints[a]) for a in set(article_ids)))
        hit = previous.get(path)
        content = hit[1] if hit is not None and hit[0] == key else make()
        _PAGE_CACHE[path] = (key, content)
        put(path, content)

    put("index.md", site.home_page())
    put("regions/index.md", site.regions_index())
    put("themes/index.md", site.themes_index())
    put("articles/index.md", site.articles_index())
    put("figures.md", site.figures_page())
    put(REVIEW_PAGE, site.review_page())
    put(TAGS_PAGE, site.tags_page())
    for art in digest.articles:
        cached(article_path(art.id), [art.id], lambda art=art: site.article_page(art))
        cached(record_path(art.id), [art.id], lambda art=art: _dump_record(art.record))
    for info in digest.region_pages:
        deps = _articles_of(info.commitments + info.figures, info.articles,
                            (a for links in info.theme_links.values() for a, _ in links))
        cached(region_path(info.id), deps, lambda info=info: site.region_page(info))
    for tinfo in digest.themes.values():
        deps = _articles_of(tinfo.commitments + tinfo.figures, tinfo.articles,
                            (a for links in tinfo.region_links.values() for a, _ in links))
        cached(theme_path(tinfo.id), deps, lambda tinfo=tinfo: site.theme_page(tinfo))
    put(FIGURES_CSV, figures_csv(digest))
    put(BRIEFING_JSON, briefing_json(records))
    put(SCHEMA_FILE, _schema_text())
    return dict(sorted(out.items()))
