"""Render the digest as pages and data files: the whole site, in memory.

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

Pages are `.md` files (MkDocs reads their front matter and gives them its theme). The kinds
with many pages (article, region, commitments, listing, theme, edition, review) are HTML from
their templates, which MkDocs shows without converting Markdown (`generator.htmlpage`); the
corpus-wide pages (home, indexes, Figures) are Markdown. Links in both are `<a>` elements with
URLs already relative to the final page URL (`relative_url`), as are the links in charts;
the Markdown pages' few Markdown links point at `.md` sources, which MkDocs rewrites.
Rendering can be spread over processes (`render_site(processes=...)`, `generator.forked`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import posixpath
from collections.abc import Callable, Iterable, Mapping
from datetime import date as Date
from importlib import resources
from typing import Any

import yaml
from markupsafe import Markup

from . import digest as dg
from . import forked
from .cache import PageStore, StoreEntries
from .digest import Digest, Entry, RegionInfo
from .editions import Edition, editions
from .feeds import FEED_SITEMAPS, feed_specs, render_feed
from .fmt import (  # noqa: F401 - re-exported: pages.escape & co. are used by tests and CLI
    INDICATOR_LABELS,
    QUALIFIER_WORDS,
    UNIT_WORDS,
    escape,
    escape_block,
    figure_value,
    link_title,
)
from .fmt import html_attr as _html_attr
from .fmt import indicator_label as _indicator
from .fmt import pluralise as _pluralise
from .fmt import safe_url as _safe_url
from .fmt import whitespace_re as _WHITESPACE_RE
from .htmlblocks import block
from .paths import (  # noqa: F401 - re-exported: pages.article_path & co. are public
    EDITIONS_FEED,
    EDITIONS_INDEX,
    article_path,
    dest_url,
    edition_path,
    region_feed_path,
    region_path,
    theme_feed_path,
    theme_path,
)
from .templating import fragments, render_page

# ---------------------------------------------------------------------------------------------
# Escaping: one function, used for every piece of data that reaches a page.


#: Growth targets drawn on the home page's overview chart (the highest ones).
HOME_TARGETS = 40


# ---------------------------------------------------------------------------------------------
# Paths and URLs

INDEX_PAGES = ("index.md", "regions/index.md", "themes/index.md", "editions/index.md",
               "articles/index.md",
               "figures.md")
REVIEW_PAGE = "review.md"
FIGURES_CSV = "data/figures.csv"
FIGURES_JSON = "data/figures.json"
BRIEFING_JSON = "data/briefing.json"
SCHEMA_FILE = "data/article.schema.json"
FEED_FILE = "feed_rss_created.xml"  # mkdocs-rss-plugin's default file name


def chart_spec_path(src: str, chart_id: str) -> str:
    """Where the Vega-Lite spec of chart *chart_id* on page *src* is published."""
    return f"assets/charts/{src[:-3] if src.endswith('.md') else src}/{chart_id}.json"


def region_plans_path(region_id: str) -> str:
    """The (first) page of every commitment of one region, by theme."""
    return f"regions/{region_id}/commitments.md"


def plans_anchor(theme_id: str) -> str:
    return f"t-{theme_id}" if theme_id else "t-other"


def region_articles_path(region_id: str) -> str:
    return f"regions/{region_id}/articles.md"


def theme_articles_path(theme_id: str) -> str:
    return f"themes/{theme_id}/articles.md"


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


#: libyaml's emitter where PyYAML has it (the same text, faster)
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: the figure keys that pick out one figure in an override entry (figures.confirm/remove)
SNIPPET_KEYS = ("sentence", "text", "indicator", "region")


def override_snippets(item: Mapping[str, Any]) -> tuple[str, str]:
    """The YAML an editor pastes into the article's override file to confirm the figure
    (``figures: confirm:``) or to drop it (``figures: remove:``)."""
    pattern = {k: item.get(k) for k in SNIPPET_KEYS}
    if item.get("year") is not None:
        pattern["year"] = item["year"]

    def dump(op: str) -> str:
        return yaml.dump({"figures": {op: [pattern]}}, Dumper=_SAFE_DUMPER, sort_keys=False,
                         default_flow_style=None, allow_unicode=True, width=1000)

    confirm = dump("confirm")
    # the same entry under the other key: only the second line differs
    lines = confirm.split("\n", 2)
    if lines[:2] == ["figures:", "  confirm:"] and len(lines) == 3:
        return confirm, "figures:\n  remove:\n" + lines[2]
    return confirm, dump("remove")


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


#: libyaml's safe emitter when PyYAML has it: the same bytes as yaml.safe_dump, faster (one
#: front matter per page)
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(title: str, *, date: str | None = None, tags: Iterable[str] = (),
                 description: str | None = None, extra: Mapping[str, Any] | None = None,
                 search: bool = True) -> str:
    """YAML front matter; every value escaped (themes print them as HTML), dumped safely.
    `tags` become the page's `categories` (see below). `search=False` keeps the page out of
    the search index (Material's `search: exclude`): listings, the commitment pages and the
    review pages repeat what the article pages hold, and would triple the index."""
    meta: dict[str, Any] = {"title": escape(title)}
    if date:
        try:
            meta["date"] = Date.fromisoformat(date)  # a real date: the RSS plugin reads it
        except ValueError:
            pass
    tag_list = [escape(t) for t in tags if t]
    if tag_list:
        # `categories`, not `tags`: the RSS feed's categories. Material's tags plugin and its
        # tags page are not used: 20 chips above each title, the same chips in every search
        # result and a tags page listing every article under each of its tags (4.3 MB at
        # 1,000 articles). Article pages name their regions and themes in one linked line.
        meta["categories"] = tag_list
    if description:
        meta["description"] = escape(_shorten(description, 300))
    if extra:
        meta.update(extra)
    if not search:
        meta["search"] = {"exclude": True}
    text = yaml.dump(meta, Dumper=_YAML_DUMPER, sort_keys=False, allow_unicode=True,
                     width=1000)
    return f"---\n{text}---\n\n"


def _front_matter(title: str, **kwargs: Any) -> Markup:
    """`front_matter` as a template's first lines (Markup: its values are escaped already)."""
    return Markup(front_matter(title, **kwargs).rstrip("\n"))


def _feed_meta(path: str, title: str) -> dict[str, str]:
    """Front matter naming the page's feed: the theme override (generator/overrides/
    main.html) announces it with <link rel="alternate"> in the page's head."""
    return {"feed": path, "feed_title": escape(f"Regional policy briefing - {title}")}


def _shorten(text: str, limit: int) -> str:
    text = _WHITESPACE_RE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def html_table(headers: list[str], rows: list[list[str]]) -> str:
    """The same table as raw HTML; cells must already be escaped HTML (escape() output is).

    Long lists and tables are written as raw HTML blocks, which Python-Markdown passes
    through without running its inline patterns over every cell: on region, theme and
    figures pages of a large corpus that was most of MkDocs' build time. Links in them are
    final relative URLs (relative_url), and tests walk the built HTML to check each one."""
    if not rows:
        return ""
    return block(str(fragments().table(
        headers, [[Markup(c) if c else "" for c in row] for row in rows])))


def html_list(items: Iterable[str]) -> str:
    """A raw HTML bullet list of already-escaped items (see html_table for why).

    Both are kept out of the search index (``data-search-exclude``, honoured by Material's
    search plugin): they repeat sentences, figures, titles and names that the search finds
    once already, in the full text of the article pages and in page titles and headings;
    the repeats made the index of a 1,000-article site 40 MB, too much for a browser."""
    items = [Markup(item) for item in items]
    return block(str(fragments().list(items))) if items else ""


CITED = "Cited sentences"
LATEST = 5  # articles on the home page
CHART_ROWS = 12  # most bars one region figure chart shows (the most cited facts)
CHART_TABLE_ROWS = 25  # most rows of a chart's data table (the spec file holds them all)
CITES_SHOWN = 4  # citation links per merged fact or plan (then "+N more")
PLANS_SHOWN = 2  # commitments per theme on a region or theme page (all: commitments pages)
REGIONS_SHOWN = 12  # regions with their commitments on a theme page
OTHER_THEMES_SHOWN = 8  # further themes named (linked) in one line under "What it plans"
THEMES_SHOWN = 4  # themes with their commitments on a region page (the rest: one line)
FACTS_SHOWN = 8  # facts in a region or theme page's table (all: the Figures page)
ARTICLES_SHOWN = 6  # articles listed on a region or theme page (all: paginated listing)
LISTING_PAGE = 200  # articles per page of a paginated listing
INDEX_PAGE = 100  # rows per page of the articles index (each lists regions too)
REVIEW_PAGE_FIGURES = 60  # figures per Needs review page
EDITION_PLANS = 2  # new commitments per region on an edition page (the most cited first)
EDITION_REGIONS = 25  # regions with their new commitments on an edition page (then one line)
EDITIONS_WITH_LEDE = 12  # the newest editions shown with their lede on the editions index
UNDATED_SHOWN = 20  # undated articles named on the editions index (all: the articles index)
PLANS_PAGE = 200  # commitments per page of a region's list of every commitment


def _chart_label(item: Mapping[str, Any]) -> str:
    """A bar's label in a region's figure charts: what the figure measures ("output share",
    "GDP growth forecast", or the subject of a count), so a forecast or a quarter's growth
    never reads as a target and no bar is labelled by its own number ("31.1 percent")."""
    return _indicator(item) or str(item.get("subject") or item.get("text") or "")


def _date_label(date: str | None) -> str:
    return date or "undated"


# ---------------------------------------------------------------------------------------------
# Templates: generator/templates/<kind>.html.j2 (or .md.j2), one per page kind, rendered by
# generator.templating.render_page; the helpers a template may call


class _Helpers:
    """What a template may call: the site's renderers for one page, returning Markup."""

    def __init__(self, site: _Site, src: str) -> None:
        self.site, self.src = site, src

    def outcomes_table(self, rows: list[dg.YearOutcome]) -> Markup:
        return Markup(self.site.outcomes_table(self.src, rows))

    def growth_chart(self, targets: list[Entry], name: str) -> Markup:
        return Markup(self.site.growth_chart(self.src, targets, self.site.d.national_target,
                                             chart_id="chart-growth-target", limit=20,
                                             caption="GDP growth targets of the cities of "
                                             f"{name} (%)"))

    def fact_list(self, facts: list[dg.Fact]) -> Markup:
        return Markup(self.site.fact_list(self.src, facts))

    def plan_list(self, plans: list[dg.Plan]) -> Markup:
        return Markup(self.site.plan_list(self.src, plans))

    def facts_table(self, facts: list[dg.Fact], show_region: bool | None = None) -> Markup:
        """One row per fact; the region column when asked, else when some fact is a city's."""
        if show_region is None:
            show_region = any(f.via for f in facts)
        return Markup(self.site.facts_table(self.src, facts, show_region=show_region))

    def html_list(self, items: Iterable[Markup]) -> Markup:
        return Markup(html_list(items))

    def html_table(self, headers: list[str], rows: list[list[str]]) -> Markup:
        return Markup(html_table(headers, rows))


# ---------------------------------------------------------------------------------------------
# The site


class _Site:
    """Renders every page of one digest. Holds what all pages share (lookup, URL style)."""

    def __init__(self, digest: Digest, *, use_directory_urls: bool = True,
                 intro: str | None = None) -> None:
        self.d = digest
        self.use_directory_urls = use_directory_urls
        self.intro = intro
        #: data files (chart specs, table JSON) the pages rendered since the last `take_files`
        self.files: dict[str, str] = {}
        self._order = {a.id: i for i, a in enumerate(digest.articles)}
        self._layouts: dict[str, Any] = {}
        self._review: list[tuple[str, list[str]]] | None = None
        self._review_of: dict[str, str] = {}

    def take_files(self) -> dict[str, str]:
        """The data files written by the pages rendered since the last call (a page and its
        files are cached together)."""
        files, self.files = self.files, {}
        return files

    # links -----------------------------------------------------------------------------------
    def url(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        return relative_url(from_src, to_src, anchor, self.use_directory_urls)

    def href(self, from_src: str, to_src: str, anchor: str | None = None) -> Markup:
        """`url`, escaped for an HTML attribute (``href="{{ url }}"`` in a template)."""
        return Markup(_html_attr(self.url(from_src, to_src, anchor)))

    def _link(self, src: str, to_src: str, text: str, *,
              anchor: str | None = None, cls: str | None = None) -> str:
        """A link to another generated page: an <a> with the final relative URL (the same in
        an HTML page and in a Markdown one)."""
        attr = f' class="{cls}"' if cls else ""
        return f'<a{attr} href="{self.href(src, to_src, anchor)}">{text}</a>'

    def page_links(self, src: str, paths: list[str]) -> list[Markup]:
        """"1 · **2** · 3": links to the pages of a set (*src* bold, not linked); none for a
        set of one page."""
        if len(paths) < 2:
            return []
        return [Markup(f"<strong>{n}</strong>" if path == src else self._link(src, path, str(n)))
                for n, path in enumerate(paths, 1)]

    def region_link(self, src: str, region_id: str | None) -> str:
        """Linked region name where its page exists, plain escaped name otherwise."""
        if not region_id:
            return ""
        name = escape(self.d.region_name(region_id))
        info = self.d.regions.get(region_id)
        if info is not None and info.has_page:
            return self._link(src, region_path(region_id), name)
        return name

    def theme_link(self, src: str, theme_id: str | None) -> str:
        if not theme_id:
            return ""
        name = escape(self.d.theme_name(theme_id))
        if theme_id in self.d.themes:
            return self._link(src, theme_path(theme_id), name)
        return name

    def article_link(self, src: str, article_id: str) -> str:
        title = escape(self.d.article(article_id).title)
        return self._link(src, article_path(article_id), title)

    def cite(self, src: str, article_id: str, sentence: int) -> str:
        """Citation: one link to the sentence on the article page (#sN).

        Elsewhere the link reads "↗ Global Times, 2025-01-10" (source and date: what a
        reader needs to weigh the fact; the article title would make long pages huge); on
        the article itself just "↗", with "sentence N" for screen readers.
        """
        if src == article_path(article_id):
            text = f'↗<span class="visually-hidden"> sentence {sentence}</span>'
            return f'<a class="citation" href="#s{sentence}">{text}</a>'
        label = self.d.article(article_id).cite_label
        return self._link(src, article_path(article_id), f"↗ {escape(label)}",
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
              chart_id: str, src: str, table_rows: int = CHART_TABLE_ROWS,
              **kwargs: Any) -> str:
        """A chart from generator.charts as a raw HTML block (blank lines around it); its
        spec is published as a file next to the page's other data (`chart_spec_path`) and
        fetched by the chart script, so the page carries no JSON."""
        from . import charts  # imported here: the pages module is usable without Altair loaded

        spec = getattr(charts, name)(rows, **kwargs)
        path = chart_spec_path(src, chart_id)
        if path in self.files:
            raise ValueError(f"two charts {chart_id!r} on {src}")
        self.files[path] = charts.spec_json(spec) + "\n"
        html = charts.chart_block(spec, caption=caption, columns=columns, rows=rows,
                                   chart_id=chart_id, spec_url=self.url(src, path),
                                   max_rows=table_rows)
        return "\n" + block(html)

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
        return self.chart("growth_targets", rows, src=src, national=nat, caption=caption,
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
            row = [self.region_link(src, item.get("region"))] if show_region else []
            row += [escape(figure_value(item)), escape(_indicator(item)) + self.review_mark(src, e),
                    escape(item.get("year") or "")]
            if show_text:
                row.append(escape(item.get("text")))
            if show_theme:
                row.append(self.theme_link(src, item.get("theme")))
            row.append(self.cite(src, e.article, e.sentence))
            rows.append(row)
        return html_table(headers, rows)

    def review_mark(self, src: str, e: Entry) -> str:
        """' (needs review)' linked to the figure's article on the Needs review page, for a
        low-confidence figure; '' for a confident one."""
        if dg.is_confident(e.item):
            return ""
        link = self._link(src, self.review_path(e.article), "needs review",
                          anchor=review_anchor(e.article), cls="briefing-review-mark")
        return f" <small>({link})</small>"

    def commitment_item(self, src: str, e: Entry, more: str = "") -> str:
        """A list item (HTML): the commitment (marked with its city when rolled up) and its
        source."""
        who = f"<strong>{escape(self.d.region_name(e.via))}:</strong> " if e.via else ""
        return (who + escape(e.item.get("text")) + " "
                + self.cite(src, e.article, e.sentence) + more)

    def _index_front_matter(self, title: str, description: str) -> Markup:
        """Front matter of a page about the whole corpus: dated by its newest article."""
        return _front_matter(title, date=self._newest_date(a.id for a in self.d.articles),
                             description=description)

    def _newest_date(self, article_ids: Iterable[str]) -> str | None:
        dates = [self.d.article(a).date for a in article_ids if self.d.article(a).date]
        return max(dates) if dates else None

    def article_list(self, src: str, article_ids: Iterable[str],
                     roles: Mapping[str, list[str]] | None = None) -> str:
        lines = []
        for aid in article_ids:
            art = self.d.article(aid)
            line = f"{escape(_date_label(art.date))} · {self.article_link(src, aid)}"
            if art.record.get("source"):
                line += f" — {escape(art.record['source'])}"
            if roles and roles.get(aid):
                line += f" <small>({escape(', '.join(roles[aid]))})</small>"
            lines.append(line)
        return html_list(lines)

    # pages -----------------------------------------------------------------------------------
    def article_page(self, art: dg.ArticleInfo) -> str:
        """The article page, rendered by templates/article.html.j2."""
        src = article_path(art.id)
        rec = art.record
        tags = [self.d.region_name(r) for r in art.subject_regions]
        tags += [self.d.theme_name(t) for t in art.themes]
        figures = [Entry(art.id, f) for f in rec.get("figures", [])]
        commitments = [Entry(art.id, c) for c in rec.get("commitments", [])]
        groups = dg.group_by(commitments, lambda e: list(e.item.get("regions", [])))
        keys = sorted(groups, key=lambda k: (k == "", self.d.region_name(k).lower(), k))
        people = [{"name": p.get("name"), "role": p.get("role"),
                   "cites": [Markup(self.cite(src, art.id, n))
                             for n in p.get("sentences", [])]}
                  for p in rec.get("people", [])]
        return render_page(
            "article.html.j2",
            front_matter=_front_matter(art.title, date=art.date, tags=tags,
                                             description=rec.get("summary") or art.title),
            art=art, rec=rec, date_label=_date_label(art.date),
            url=Markup(_html_attr(url)) if (url := _safe_url(rec.get("url"))) else None,
            regions=[Markup(self.region_link(src, r)) for r in art.subject_regions],
            themes=[Markup(self.theme_link(src, t)) for t in art.themes],
            figures_table=Markup(self.figures_table(src, figures)) if figures else "",
            commitment_groups=[
                (Markup(self.region_link(src, k)) if k else "No region named",
                 [Markup(self.commitment_item(src, e)) for e in groups[k]]) for k in keys],
            people=people, full_text=Markup(self.full_text(rec)),
            record_url=self.href(src, record_path(art.id)),
            index_url=self.href(src, "articles/index.md"),
            h=_Helpers(self, src))

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
        paras = [[(n, sentences[n - 1]) for n in range(start, end)]
                 for start, end in zip(bounds, bounds[1:], strict=False) if start < end]
        if not paras:
            return "<p><em>No text.</em></p>\n"
        return block(str(fragments().full_text(paras)), searchable=True)

    # aggregated facts and plans -------------------------------------------------------------
    def cites(self, src: str, mentions: Iterable[Entry], limit: int = CITES_SHOWN) -> str:
        """Citations of a merged fact or plan: the most recent in full ("↗ Global Times,
        2025-01-10"), then one ↗ per further article (source and date in its title), then
        "+N more": every source is one click away and a fact stated 40 times stays one line."""
        by_article: dict[str, Entry] = {}
        for e in mentions:
            by_article.setdefault(e.article, e)
        entries = list(by_article.values())
        if not entries:
            return ""
        out = [self.cite(src, entries[0].article, entries[0].sentence)]
        for e in entries[1:limit]:
            label = self.d.article(e.article).cite_label
            href = self.href(src, article_path(e.article), f"s{e.sentence}")
            out.append(f'<a class="citation" href="{href}" title="{escape(label)}" '
                       f'aria-label="{escape(label)}">↗</a>')
        if len(entries) > limit:
            out.append(f"<small>+{len(entries) - limit} more</small>")
        return " ".join(out)

    def fact_text(self, src: str, fact: dg.Fact, *, with_region: bool = False) -> str:
        """'more than 5.5 % — 4 articles ↗ …', with the city for a rolled-up fact."""
        who = f"<strong>{escape(self.d.region_name(fact.via))}:</strong> " if fact.via else ""
        if with_region and not fact.via:
            who = self.region_link(src, fact.item.get("region")) + ": "
        n = len(fact.articles)
        count = f" — {_pluralise(n, 'article')}" if n > 1 else ""
        flag = (' <small class="briefing-disputed">(sources disagree)</small>'
                if fact.disputed else "")
        if fact.item.get("indicator") == dg.GROWTH_FORECAST and fact.item.get("subject"):
            year = f" for {escape(fact.item['year'])}" if fact.item.get("year") else ""
            flag = f"{year} — {escape(fact.item['subject'])}{flag}"  # who made the forecast
        return (f"{who}{escape(figure_value(fact.item))}{count}{flag} "
                + self.cites(src, fact.mentions))

    def facts_table(self, src: str, facts: list[dg.Fact], *, show_region: bool = False) -> str:
        """One row per fact: value, indicator, year, how many articles state it, sources."""
        headers = (["Region"] if show_region else []) + ["Value", "Measure", "Year", "Sources"]
        rows = []
        for f in facts:
            item = f.item
            row = []
            if show_region:
                row.append(escape(self.d.region_name(f.via)) if f.via
                           else self.region_link(src, item.get("region")))
            value = escape(figure_value(item))
            if f.disputed:
                value += ' <small class="briefing-disputed">(sources disagree)</small>'
            row += [value, escape(_indicator(item)), escape(item.get("year") or ""),
                    self.cites(src, f.mentions, limit=1)]
            rows.append(row)
        return html_table(headers, rows)

    def fact_list(self, src: str, facts: list[dg.Fact]) -> str:
        return html_list(self.fact_text(src, f) for f in facts)

    def plan_list(self, src: str, plans: list[dg.Plan], limit: int = CITES_SHOWN) -> str:
        return html_list(self.plan_items(src, plans, limit))

    def plan_items(self, src: str, plans: list[dg.Plan], limit: int = CITES_SHOWN) -> list[str]:
        items = []
        for p in plans:
            who = f"<strong>{escape(self.d.region_name(p.via))}:</strong> " if p.via else ""
            items.append(who + escape(p.item.get("text")) + " "
                         + self.cites(src, p.mentions, limit=limit))
        return items

    def plans_by_theme_html(self, src: str, themes: list[dict[str, Any]]) -> str:
        """'What it plans': one raw HTML definition list, theme -> its top commitments (one
        block, no headings: a heading per theme put a TOC entry per theme on every page)."""
        return block(str(fragments().plans_by_theme([
            {"heading": Markup(t["heading"]), "count": t["count"],
             "more_url": Markup(_html_attr(t["more_url"])) if t["more_url"] else None,
             # one citation each here (the full list of the region cites up to CITES_SHOWN)
             "items": [Markup(x) for x in self.plan_items(src, t["plans"], 1)]}
            for t in themes])))

    def outcomes_table(self, src: str, rows: list[dg.YearOutcome]) -> str:
        """Year × GDP growth target, realised growth, met or missed: the answer first."""

        def cell(facts: list[dg.Fact]) -> str:
            """The best-sourced value in full; values other sources give, one link each."""
            if not facts:
                return "—"
            first, rest = facts[0], facts[1:]
            n = len(first.articles)
            out = escape(figure_value(first.item))
            if n > 1:
                out += f" — {_pluralise(n, 'article')}"
            out += " " + self.cites(src, first.mentions, limit=3)
            if rest:
                alts = [f"{escape(figure_value(f.item))} ({len(f.articles)}) "
                        + self.cites(src, f.mentions, limit=1) for f in rest[:2]]
                if len(rest) > 2:
                    alts.append(f"{len(rest) - 2} more")
                out += ('<br><small class="briefing-disputed">Sources disagree; also: '
                        + "; ".join(alts) + "</small>")
            return out

        body = []
        for r in rows:
            verdict = {True: "met", False: "missed", None: "—"}[r.met]
            body.append([escape(r.year), cell(r.targets), cell(r.outcomes), verdict])
        return html_table(["Year", "GDP growth target", "Realised growth", "Target"], body)

    def region_page(self, info: RegionInfo) -> str:
        """The region page, rendered by templates/region.html.j2: targets and outcomes, what
        it plans per theme (the most cited commitments, the rest on a region-theme page),
        its facts (one row per fact), its articles (the latest; the rest paginated)."""
        src = region_path(info.id)
        d = self.d
        n_art = len(info.articles)
        desc = (f"{info.name}: {info.level_label.lower()}; {_pluralise(n_art, 'article')}, "
                f"{_pluralise(len(info.commitments), 'commitment')}, "
                f"{_pluralise(len(info.figures), 'figure')}.")
        facts_list = [("Level", escape(info.level_label))]
        if info.name_zh:
            facts_list.append(("Chinese name", escape(info.name_zh)))
        if info.parent:
            facts_list.append(("Part of", self.region_link(src, info.parent)))
        if info.children:
            kids = ", ".join(self.region_link(src, c) for c in info.children)
            facts_list.append((f"Includes ({len(info.children)})", kids))
        shown = info.headline_figures
        rolled = any(e.via for e in info.commitments + shown)

        # the region's own targets are in the targets-and-outcomes table; the chart compares
        # its cities' targets (a province page), so a city page has none
        targets = [e for e in info.growth_targets if e.via]
        forecasts = dg.facts(e for e in shown if e.item.get("indicator") == dg.GROWTH_FORECAST)
        themes = []
        others = []
        layout = self.plans_layout(info)
        seen: set[tuple[str, str | None]] = set()  # a commitment naming two themes: once
        for tid, plans in dg.plans_by_theme(d, info.commitments).items():
            if len(themes) >= THEMES_SHOWN or not tid:
                others.append((tid, len(plans)))
                continue
            fresh = [p for p in plans if dg.plan_key(p.mentions[0]) not in seen]
            if not fresh:  # all shown under an earlier theme: no heading over an empty list
                others.append((tid, len(plans)))
                continue
            more = None
            if len(plans) > PLANS_SHOWN:
                more = self.plans_url(src, info, tid, layout)
            seen.update(dg.plan_key(p.mentions[0]) for p in fresh[:PLANS_SHOWN])
            themes.append({"heading": self.theme_link(src, tid),
                           "name": d.theme_name(tid),
                           "plans": fresh[:PLANS_SHOWN], "count": len(plans),
                           "more_url": more})
        other_links = []
        if len(others) > OTHER_THEMES_SHOWN:
            rest = others[OTHER_THEMES_SHOWN:]
            others = others[:OTHER_THEMES_SHOWN]
            first_page = layout[0][0] if layout else None
            more_text = (f"{_pluralise(len(rest), 'more theme')} "
                         f"({_pluralise(sum(n for _, n in rest), 'commitment')})")
            tail = self._link(src, first_page, more_text) if first_page else more_text
        else:
            tail = ""
        for tid, n in others:
            name = escape(d.theme_name(tid)) if tid else "without a theme"
            url = self.plans_url(src, info, tid, layout)
            other_links.append((f'<a href="{_html_attr(url)}">{name}</a>' if url else name)
                               + f" ({n})")
        if tail:
            other_links.append(tail)

        theme_chart = ""
        theme_rows = dg.region_theme_counts(d, info.id)
        if theme_rows:
            rows = [{"theme_id": t, "theme": d.theme_name(t), "count": n,
                     "url": self.theme_url(src, t)} for t, n in theme_rows]
            theme_chart = self.chart("region_themes", rows, src=src,
                                     caption=f"Themes linked to {info.name} (cited sentences)",
                                     columns=[("theme", "Theme"), ("count", "Cited sentences")],
                                     chart_id="chart-region-themes", count_title=CITED,
                                     table_rows=5)

        all_facts = dg.facts(e for e in shown if e.item.get("indicator") != dg.GROWTH_FORECAST)
        top = all_facts[:FACTS_SHOWN]
        mentions = sum(len(f.mentions) for f in all_facts)
        note = (f"{_pluralise(len(all_facts), 'fact')} from {_pluralise(mentions, 'mention')}, "
                "the most cited first")
        if len(all_facts) > len(top):
            note += (f"; the {len(top)} most cited are listed, all are on the "
                     f"{self._link(src, 'figures.md', 'Figures')} page")
        figure_charts = self.figure_charts(src, info, top)

        ids = sorted(info.articles, key=self._order.__getitem__)
        articles = self.paged_article_list(src, ids, info.articles,
                                           more_base=region_articles_path(info.id))
        h = _Helpers(self, src)
        return render_page("region.html.j2", front_matter=_front_matter(
            info.name, date=self._newest_date(info.articles), description=desc,
            extra=_feed_meta(region_feed_path(info.id), f"{info.name}: each edition's news")),
            info=info, facts_list=[(k, Markup(v)) for k, v in facts_list], rolled=rolled,
            outcomes=dg.targets_and_outcomes(info), targets=targets, forecasts=forecasts,
            themes=themes, plans_html=Markup(self.plans_by_theme_html(src, themes)),
            other_themes=Markup(", ".join(other_links)),
            theme_chart=Markup(theme_chart), figures=top, figure_note=Markup(note + "."),
            figure_charts=[Markup(c) for c in figure_charts],
            review_note=Markup(self.review_note(src, len(info.review)) if info.review else ""),
            articles=Markup(articles), h=h,
            feed_url=self.href(src, region_feed_path(info.id)))

    def figure_charts(self, src: str, info: RegionInfo, facts: list[dg.Fact]) -> list[str]:
        """Bar charts of a region's facts: percentages, and amounts (log scale); each bar
        says what it measures ("GDP growth target, 2025")."""
        percent: list[dict] = []
        amounts: list[dict] = []
        for f in facts:
            item = f.item
            label = _chart_label(item)
            if item.get("year"):
                label = f"{label}, {item['year']}"
            if f.via:
                label = f"{self.d.region_name(f.via)}: {label}"
            row = {"label": label, "value": item.get("value"),
                   "value_max": item.get("value_max"), "unit": item.get("unit"),
                   "year": item.get("year"), "qualifier": item.get("qualifier"),
                   "url": self.cite_url(src, f.mentions[0])}
            if str(item.get("unit")) == "percent":
                percent.append(row)
            elif (item.get("value") or 0) > 0:
                amounts.append(row)
        columns = [("label", "Figure"), ("value", "Value"), ("value_max", "Up to"),
                   ("unit", "Unit"), ("qualifier", "Qualifier"), ("year", "Year")]
        out = []
        for kind, rows, caption, chart_id in (
                ("region_figures", percent, "Percentage figures (most cited)",
                 "chart-region-figures"),
                ("region_amounts", amounts, "Amounts and counts (log scale, most cited)",
                 "chart-region-amounts")):
            if rows:  # its bars are rows of the facts table above: no second data table
                out.append(self.chart(kind, rows[:CHART_ROWS], src=src,
                                      caption=f"{caption}: {info.name}", columns=columns,
                                      chart_id=chart_id, table_rows=0))
        return out

    def plans_layout(self, info: RegionInfo) -> list[tuple[str, list[tuple[str, list[dg.Plan]]]]]:
        """Every commitment of a region, by theme, cut into pages of about PLANS_PAGE
        (a theme never split): [(page path, [(theme id, plans)])]. Empty when the region
        page shows them all."""
        if info.id in self._layouts:
            return self._layouts[info.id]
        self._layouts[info.id] = self._plans_layout(info)
        return self._layouts[info.id]

    def _plans_layout(self, info: RegionInfo) -> list[tuple[str, list[tuple[str, list[dg.Plan]]]]]:
        groups = dg.plans_by_theme(self.d, info.commitments)
        hidden = any(len(p) > PLANS_SHOWN for p in groups.values()) or any(
            not t for t in groups) or len([t for t in groups if t]) > THEMES_SHOWN
        if not hidden:
            return []
        pages_: list[list[tuple[str, list[dg.Plan]]]] = [[]]
        count = 0
        for tid, plans in groups.items():
            if count and count + len(plans) > PLANS_PAGE:
                pages_.append([])
                count = 0
            pages_[-1].append((tid, plans))
            count += len(plans)
        base = region_plans_path(info.id)[:-3]
        return [(f"{base}.md" if k == 0 else f"{base}-{k + 1}.md", chunk)
                for k, chunk in enumerate(pages_)]

    def plans_url(self, src: str, info: RegionInfo, theme_id: str,
                  layout: list[tuple[str, list[tuple[str, list[dg.Plan]]]]]) -> str | None:
        for path, chunk in layout:
            if any(t == theme_id for t, _ in chunk):
                return self.url(src, path, plans_anchor(theme_id))
        return None

    def region_plans_pages(self, info: RegionInfo) -> dict[str, str]:
        """Every commitment of one region (merged, each cited), by theme, rendered by
        templates/region_plans.html.j2: the long tail the region page leaves out, on pages of
        bounded size."""
        d = self.d
        layout = self.plans_layout(info)
        out = {}
        total = sum(len(p) for _, chunk in layout for _, p in chunk)
        for k, (path, chunk) in enumerate(layout):
            title = f"Commitments of {info.name}" + (f" (page {k + 1})" if k else "")
            nav = [Markup(f"Back to {self.region_link(path, info.id)}")]
            if len(layout) > 1:
                nav += [Markup(self._link(path, other, f"page {n + 1}"))
                        for n, (other, _) in enumerate(layout) if other != path]
            out[path] = render_page(
                "region_plans.html.j2",
                front_matter=_front_matter(title, date=self._newest_date(
                    e.article for _, plans in chunk for p in plans for e in p.mentions),
                    description=f"Every commitment of {info.name}, by theme.", search=False),
                title=title, counts_line=_pluralise(total, "commitment"), nav=nav,
                sections=[{"heading": (f"{d.theme_name(tid)} ({len(plans)})" if tid
                                       else f"Other plans ({len(plans)})"),
                           "anchor": Markup(_html_attr(plans_anchor(tid))),
                           "plans": Markup(self.plan_list(path, plans))}
                          for tid, plans in chunk])
        return out

    def paged_article_list(self, src: str, article_ids: list[str],
                           roles: Mapping[str, list[str]] | None = None, *,
                           more_base: str) -> str:
        """The latest ARTICLES_SHOWN articles, and a link to the full paginated listing
        (`listing_pages`) when there are more."""
        head = self.article_list(src, article_ids[:ARTICLES_SHOWN], roles) or "<p>None.</p>\n"
        if len(article_ids) > ARTICLES_SHOWN:
            more = f"All {len(article_ids):,} articles, newest first"
            head += f"<p>{self._link(src, more_base, more)}</p>\n"
        return head

    def listing_pages(self, base: str, title: str, back: tuple[str, str], article_ids: list[str],
                      roles: Mapping[str, list[str]] | None = None, *,
                      stem: str | None = None) -> dict[str, str]:
        """A long article list as pages of LISTING_PAGE articles, rendered by
        templates/listing.html.j2: base.md, then stem-2.md, ... (stem: base without .md unless
        given), each linking to the previous and next one (no page grows with the corpus)."""
        stem = stem or base[:-3]
        chunks = [article_ids[i:i + LISTING_PAGE]
                  for i in range(0, len(article_ids), LISTING_PAGE)] or [[]]
        paths = [base] + [f"{stem}-{k}.md" for k in range(2, len(chunks) + 1)]
        out = {}
        for k, (path, chunk) in enumerate(zip(paths, chunks, strict=True)):
            nav = [Markup(self._link(path, back[0], escape(back[1])))]
            if k > 0:
                nav.append(Markup(self._link(path, paths[k - 1], "← newer")))
            if k + 1 < len(paths):
                nav.append(Markup(self._link(path, paths[k + 1], "older →")))
            page_title = title if k == 0 else f"{title} (page {k + 1})"
            first = k * LISTING_PAGE + 1
            out[path] = render_page(
                "listing.html.j2",
                front_matter=_front_matter(page_title, description=title, search=False),
                title=page_title, first=first, last=first + len(chunk) - 1,
                total=len(article_ids), nav=nav,
                articles=Markup(self.article_list(path, chunk, roles)))
        return out

    def theme_page(self, tinfo: dg.ThemeInfo) -> str:
        """A theme, rendered by templates/theme.html.j2: who pursues it (chart and one line),
        what the leading regions plan (their most cited commitments, each region's full list
        linked), its facts, its latest articles (the rest paginated)."""
        src = theme_path(tinfo.id)
        d = self.d
        counts = dg.theme_region_counts(d, tinfo.id)
        desc = tinfo.description or (
            f"{tinfo.name}: {_pluralise(len(counts), 'region')}, "
            f"{_pluralise(len(tinfo.articles), 'article')}.")
        region_chart = ""
        if counts:
            rows = [{"region_id": r, "region": d.region_label(r), "count": n,
                     "url": self.region_url(src, r)} for r, n in counts]
            region_chart = self.chart(
                "theme_regions", rows, src=src,
                caption=f"Regions linked to {tinfo.name} (cited sentences; provinces include "
                "their cities)", columns=[("region", "Region"), ("count", "Cited sentences")],
                chart_id="chart-theme-regions", count_title=CITED)
        blocks = []
        more_regions = ""
        if tinfo.commitments:
            by_region: dict[str, list[Entry]] = {}
            for e in tinfo.commitments:
                for rid in e.item.get("regions", []) or [""]:
                    by_region.setdefault(rid, []).append(e)
            ranked = sorted(((rid, dg.plans(es)) for rid, es in by_region.items() if rid),
                            key=lambda kv: (-len(kv[1]), d.region_name(kv[0]).lower(), kv[0]))
            for rid, plans in ranked[:REGIONS_SHOWN]:
                info = d.regions.get(rid)
                more = None
                if info is not None and info.has_page and len(plans) > PLANS_SHOWN:
                    more = self.plans_url(src, info, tinfo.id, self.plans_layout(info))
                blocks.append({"heading": self.region_link(src, rid),
                               "plans": plans[:PLANS_SHOWN], "count": len(plans),
                               "more_url": more})
            if len(ranked) > REGIONS_SHOWN:
                more_regions = _pluralise(len(ranked) - REGIONS_SHOWN, "more region")
        facts = dg.facts(tinfo.headline_figures)
        note = f"{_pluralise(len(facts), 'fact')}, the most cited first"
        if len(facts) > FACTS_SHOWN:
            note += (f"; the {FACTS_SHOWN} most cited are listed, all are on the "
                     f"{self._link(src, 'figures.md', 'Figures')} page")
        return render_page(
            "theme.html.j2",
            front_matter=_front_matter(
                tinfo.name, date=self._newest_date(tinfo.articles), description=desc,
                extra=_feed_meta(theme_feed_path(tinfo.id), f"{tinfo.name}: each edition's news")),
            theme=tinfo,
            counts_line=f"{_pluralise(len(tinfo.articles), 'article')}, "
                        f"{_pluralise(len(tinfo.commitments), 'commitment')}, "
                        f"{_pluralise(len(tinfo.figures), 'figure')}",
            region_chart=Markup(region_chart),
            region_counts=[Markup(f"{self.region_link(src, rid)} ({n})") for rid, n in counts],
            plans_html=Markup(self.plans_by_theme_html(src, blocks)) if blocks else "",
            more_regions=more_regions, facts=facts[:FACTS_SHOWN], facts_note=Markup(note),
            articles=Markup(self.paged_article_list(src, tinfo.articles,
                                                    more_base=theme_articles_path(tinfo.id))),
            h=_Helpers(self, src),
            feed_url=self.href(src, theme_feed_path(tinfo.id)))

    # editions -------------------------------------------------------------------------------
    def edition_page(self, e: Edition, older: Edition | None, newer: Edition | None) -> str:
        """One edition, rendered by templates/edition.html.j2 (data from generator.editions)."""
        src = edition_path(e.id)
        rows = []
        for t in e.new_targets:
            prev_t = (escape(figure_value(t.previous_target.item)) + " "
                      + self.cites(src, t.previous_target.mentions, 1)
                      if t.previous_target else "")
            prev_o = (escape(figure_value(t.previous_outcome.item)) + " "
                      + self.cites(src, t.previous_outcome.mentions, 1)
                      if t.previous_outcome else "")
            rows.append([self.region_link(src, t.fact.item.get("region")),
                         escape(t.fact.item.get("year")), escape(figure_value(t.fact.item)),
                         prev_t, prev_o, t.last_year, self.cites(src, t.fact.mentions)])
        table = html_table(["Region", "Year", "Target", "Last year's target",
                            "Last year's outcome", "Last year", "Sources"], rows)

        def was(r: Any) -> str:
            return self._link(src, edition_path(r.before_edition), escape(r.before_edition))

        revised = [Markup(
            f"{self.region_link(src, r.now.item.get('region'))}: "
            f"{escape(_indicator(r.now.item))}, {escape(r.now.item.get('year'))}: now "
            f"<strong>{escape(figure_value(r.now.item))}</strong> "
            f"{self.cites(src, r.now.mentions)} — was {escape(figure_value(r.before.item))} "
            f"in {was(r)} "
            f"{self.cites(src, r.before.mentions, 1)}") for r in e.revised]
        # a busy week stays one readable page: the regions with the most new commitments
        # first, each with its most cited ones; the rest named in one line with their count
        ranked = sorted(e.new_commitments.items(),
                        key=lambda kv: (kv[0] == "", -len(kv[1]),
                                        self.d.region_name(kv[0]).lower()))
        commitments = []
        for rid, plans in ranked[:EDITION_REGIONS]:
            items = [Markup(escape(p.item.get("text")) + self._theme_tags(src, p) + " "
                            + self.cites(src, p.mentions)) for p in plans[:EDITION_PLANS]]
            if len(plans) > EDITION_PLANS:
                where = (f"on the page of {self.region_link(src, rid)}" if rid
                         else "in the articles below")
                items.append(Markup(f"<small>and {len(plans) - EDITION_PLANS:,} more new "
                                    f"commitments, {where}</small>"))
            commitments.append(
                (Markup(self.region_link(src, rid)) if rid else "No region named", items))
        more_regions = [Markup(f"{self.region_link(src, rid)} ({len(plans)})")
                        for rid, plans in ranked[EDITION_REGIONS:] if rid]
        return render_page(
            "edition.html.j2",
            front_matter=_front_matter(
                e.title, date=e.end.isoformat(), description=" ".join(e.lede),
                extra=_feed_meta(EDITIONS_FEED, "Editions")),
            e=e, counts_line=e.counts,
            older_url=self.href(src, edition_path(older.id)) if older else None,
            newer_url=self.href(src, edition_path(newer.id)) if newer else None,
            index_url=self.href(src, EDITIONS_INDEX),
            feed_url=self.href(src, EDITIONS_FEED),
            new_targets=Markup(table) if rows else "", revised=revised, commitments=commitments,
            more_regions=more_regions,
            new_regions=[Markup(self.region_link(src, r)) for r in e.new_regions],
            new_themes=[Markup(self.theme_link(src, t)) for t in e.new_themes],
            articles=Markup(self.article_list(src, e.articles)), h=_Helpers(self, src))

    def _theme_tags(self, src: str, plan: dg.Plan) -> str:
        """' (Robotics, AI)': the themes a commitment is filed under, linked."""
        tids = [t for t in plan.item.get("themes", []) if t in self.d.themes]
        if not tids:
            return ""
        return (" <small>(" + ", ".join(self.theme_link(src, t) for t in tids)
                + ")</small>")

    def editions_index(self, editions: list[Edition], period: str) -> str:
        src = EDITIONS_INDEX
        undated = [a.id for a in self.d.articles if not a.date]
        return render_page(
            "editions.md.j2",
            front_matter=_front_matter(
                "Editions", date=editions[0].end.isoformat() if editions else None,
                description="What changed, edition by edition.",
                extra=_feed_meta(EDITIONS_FEED, "Editions")),
            period_word="month" if period == "monthly" else "week (ISO weeks)",
            feed_url=self.href(src, EDITIONS_FEED),
            editions=[{"title": e.title, "url": Markup(md_link(src, edition_path(e.id))),
                       "lede": e.lede,
                       "counts": f"{_pluralise(len(e.articles), 'article')} · "
                                 f"{e.start.isoformat()} to {e.end.isoformat()}"}
                      for e in editions[:EDITIONS_WITH_LEDE]],
            # older editions: one link each, by year (the page stays small over the years)
            older=[(year, [{"title": e.title, "url": Markup(md_link(src, edition_path(e.id)))}
                           for e in group])
                   for year, group in itertools.groupby(editions[EDITIONS_WITH_LEDE:],
                                                        key=lambda e: e.end.year)],
            undated=Markup(self.article_list(src, undated[:UNDATED_SHOWN])) if undated else "",
            undated_more=max(0, len(undated) - UNDATED_SHOWN),
            articles_url=Markup(md_link(src, "articles/index.md")))

    # index pages ---------------------------------------------------------------------------
    def top_regions(self) -> list[RegionInfo]:
        """Regions shown as rows in overviews: everything with a page except cities under a
        province (their items are rolled up into the province)."""
        return [r for r in self.d.region_pages if not (r.province and r.province != r.id)]

    def home_page(self, latest_edition: Edition | None = None) -> str:
        """The home page, rendered by templates/home.md.j2 (with the lede of
        *latest_edition*, the newest)."""
        src = "index.md"
        d = self.d
        dated = [a.date for a in d.articles if a.date]
        latest = []
        for art in [a for a in d.articles if a.date][:LATEST]:  # undated ones are not "latest"
            meta = [_date_label(art.date)]
            if art.record.get("source"):
                meta.append(art.record["source"])
            summary = art.record.get("summary")
            latest.append({"link": Markup(self.article_link(src, art.id)), "meta": meta,
                           "summary": _shorten(summary, 600) if summary else None})
        key = self.key_figures()
        charts: list[tuple[str, str]] = []
        growth = self.growth_chart(src, d.growth_targets, d.national_target, limit=HOME_TARGETS,
                                   chart_id="chart-growth-targets",
                                   caption="GDP growth targets by region (cities labelled with "
                                   "their province)" + ("; the rule marks the national target"
                                                        if d.national_target else ""))
        if growth:
            charts.append(("Growth targets", growth))
        heat = []
        for info in self.top_regions():
            for tid, links in sorted(info.theme_links.items()):
                if tid in d.themes:
                    heat.append({"region_id": info.id, "region": info.name, "theme_id": tid,
                                 "theme": d.theme_name(tid), "count": len(links),
                                 "region_url": self.region_url(src, info.id),
                                 "theme_url": self.theme_url(src, tid)})
        if heat:
            charts.append(("Regions and themes", self.chart(
                "region_theme_heatmap", heat, src=src,
                caption="Cited sentences linking each region to each theme (provinces include "
                "their cities)", columns=[("region", "Region"), ("theme", "Theme"),
                                          ("count", "Cited sentences")],
                chart_id="chart-region-theme-heatmap", count_title=CITED)))
        ranked = self.themes_ranked_rows(src)
        if ranked:
            charts.append(("Themes by number of regions", self.chart(
                "themes_ranked", ranked, src=src,
                caption="Themes ranked by the number of regions pursuing them",
                columns=[("theme", "Theme"), ("regions", "Regions")],
                chart_id="chart-themes-ranked")))
        tiles = self.tile_rows(src)
        if tiles:
            charts.append(("Coverage map", self.chart(
                "tile_map", tiles, src=src, caption="Provincial-level divisions by number of "
                "articles (cities count for their province)",
                columns=[("region", "Region"), ("count", "Articles")],
                chart_id="chart-tile-map", table_rows=40)))
        over_time = self.over_time_rows()
        if over_time:
            charts.append(("Articles over time", self.chart(
                "articles_over_time", over_time, src=src, caption="Articles per publication date",
                columns=[("date", "Date"), ("count", "Articles")],
                chart_id="chart-articles-over-time")))
        # provinces and regions above them; their cities are on their pages and the index
        top = sorted(self.top_regions(), key=lambda r: (r.name.lower(), r.id))
        return render_page(
            "home.md.j2",
            front_matter=self._index_front_matter(
                "Regional policy briefing", "What China's provinces and cities plan: growth "
                "targets, priorities and commitments, each linked to its source sentence."),
            intro=Markup(self.intro.strip()) if self.intro else None,  # trusted Markdown
            stats={"articles": _pluralise(len(d.articles), "article"),
                   "span": f"({min(dated)} to {max(dated)})" if dated else "",
                   "regions": _pluralise(len(d.region_pages), "region"),
                   "themes": _pluralise(len(d.themes), "theme"),
                   "commitments": _pluralise(len(d.commitments), "commitment"),
                   "figures": _pluralise(len(d.figures), "figure")},
            latest=latest,
            edition=latest_edition,
            edition_url=Markup(md_link(src, edition_path(latest_edition.id)))
            if latest_edition else None,
            key_figures=Markup(self.figures_table(src, key, show_theme=False, show_text=False))
            if key else "",
            review_note=Markup(self.review_note(src, len(d.review))) if d.review else "",
            charts=[(h, Markup(c.strip("\n") + "\n")) for h, c in charts],
            regions=[Markup(self.region_link(src, r.id)) for r in top] if d.region_pages else [],
            region_count=len(d.region_pages),
            themes=[Markup(self.theme_link(src, t)) for t in self.sorted_themes()],
            urls={k: Markup(md_link(src, v)) for k, v in (
                ("articles", "articles/index.md"), ("figures", "figures.md"),
                ("regions", "regions/index.md"), ("review", REVIEW_PAGE))})

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
                         "col": info.col, "label": info.tile or info.name[:3],
                         "count": dg.coverage(self.d, info.id),
                         "url": self.region_url(src, info.id)})
        return rows

    def over_time_rows(self) -> list[dict]:
        counts: dict[str, int] = {}
        for art in self.d.articles:
            if art.date:
                counts[art.date] = counts.get(art.date, 0) + 1
        return [{"date": k, "count": counts[k]} for k in sorted(counts)]

    def regions_index(self) -> str:
        """The regions index, rendered by templates/regions_index.md.j2: the tile map, then a
        table per level (provinces, cities, ...)."""
        src = "regions/index.md"
        d = self.d
        tiles = self.tile_rows(src)
        tile_map = self.chart("tile_map", tiles, src=src,
                              caption="Provincial-level divisions by number of articles "
                              "(cities count for their province)",
                              columns=[("region", "Region"), ("count", "Articles")],
                              chart_id="chart-tile-map", table_rows=40) if tiles else ""
        order = list(dg.LEVEL_LABELS)
        by_level: dict[str, list[RegionInfo]] = {}
        for info in self.sorted_regions():
            by_level.setdefault(info.level, []).append(info)
        levels = []
        for level in sorted(by_level, key=lambda lv: (order.index(lv) if lv in order
                                                      else len(order), lv)):
            rows = []
            for info in by_level[level]:
                row = [self.region_link(src, info.id), escape(info.name_zh or "")]
                if level == "city":
                    row.append(self.region_link(src, info.province)
                               if info.province else "")
                row += [str(dg.coverage(d, info.id)), str(len(info.commitments)),
                        str(len(info.figures))]
                rows.append(row)
            levels.append({
                "heading": dg.LEVEL_LABELS.get(level, ("", level.replace("-", " ")
                                                       .capitalize()))[1],
                "headers": ["Region", "Chinese"] + (["Province"] if level == "city" else [])
                + ["Articles", "Commitments", "Figures"],
                "rows": rows})
        return render_page(
            "regions_index.md.j2",
            front_matter=self._index_front_matter(
                "Regions", "Every region an article names as a subject, with the provinces "
                "of the cities named."),
            tile_map=Markup(tile_map), levels=levels, h=_Helpers(self, src))

    def themes_index(self) -> str:
        """The themes index, rendered by templates/themes_index.md.j2: themes ranked by the
        regions pursuing them, then one table row per theme."""
        src = "themes/index.md"
        d = self.d
        ranked = self.themes_ranked_rows(src)
        chart = self.chart("themes_ranked", ranked, src=src,
                           caption="Themes ranked by the number of regions pursuing them",
                           columns=[("theme", "Theme"), ("regions", "Regions")],
                           chart_id="chart-themes-ranked") if ranked else ""
        n_regions = {r["theme_id"]: r["regions"] for r in ranked}
        rows = []
        for tid in sorted(d.themes, key=lambda t: (-n_regions.get(t, 0),
                                                   d.theme_name(t).lower(), t)):
            tinfo = d.themes[tid]
            rows.append((Markup(self.theme_link(src, tid)), n_regions.get(tid, 0),
                         len(tinfo.commitments), len(tinfo.figures), len(tinfo.articles)))
        return render_page(
            "themes_index.md.j2",
            front_matter=self._index_front_matter(
                "Themes", "Policy themes found in the articles, and who pursues them."),
            ranked_chart=Markup(chart), rows=rows)

    def articles_index(self) -> dict[str, str]:
        """All articles, newest first (undated last), INDEX_PAGE rows a page, rendered by
        templates/articles_index.md.j2: the index page, then articles/all-2.md, ... (no page
        grows with the corpus)."""
        d = self.d
        chunks = [d.articles[i:i + INDEX_PAGE]
                  for i in range(0, len(d.articles), INDEX_PAGE)] or [[]]
        paths = ["articles/index.md"] + [f"articles/all-{k}.md" for k in range(2, len(chunks) + 1)]
        out_pages = {}
        for k, (src, chunk) in enumerate(zip(paths, chunks, strict=True)):
            title = "Articles" + (f" (page {k + 1})" if k else "")
            rows = [[escape(_date_label(art.date)), self.article_link(src, art.id),
                     escape(art.record.get("source") or ""),
                     ", ".join(self.region_link(src, r)
                               for r in art.subject_regions)]
                    for art in chunk]
            first = k * INDEX_PAGE + 1
            out_pages[src] = render_page(
                "articles_index.md.j2",
                front_matter=_front_matter(
                    title, date=self._newest_date(a.id for a in chunk),
                    description="All articles, newest first.", search=k == 0),
                title=title, rows=rows, first=first, last=first + len(chunk) - 1,
                total=len(d.articles),
                page_links=self.page_links(src, paths),
                # written by the rss plugin: a raw link
                feed_url=self.href(src, FEED_FILE),
                h=_Helpers(self, src))
        return out_pages

    def figures_page(self) -> str:
        """Every figure, as one row per fact, rendered by templates/figures.md.j2: a short
        server-rendered summary (facts per measure, the downloads), and the full table drawn
        in the browser from `FIGURES_JSON` by the vendored list.js (sort, filter, pages). As
        one HTML table it was 8 MB at 1,000 articles; without JavaScript the page still says
        what it holds."""
        src = "figures.md"
        d = self.d
        facts = dg.facts(sorted(d.figures, key=lambda e: (
            d.region_name(e.item.get("region")).lower(), -(e.item.get("year") or 0),
            str(e.item.get("indicator")), self._order[e.article], e.sentence)))
        by_measure: dict[str, list[dg.Fact]] = {}
        for f in facts:
            by_measure.setdefault(INDICATOR_LABELS.get(str(f.item.get("indicator")))
                                  or str(f.item.get("indicator") or "").replace("-", " "),
                                  []).append(f)
        measures = [[escape(m), f"{len(fs):,}", f"{sum(len(f.mentions) for f in fs):,}",
                     f"{len({f.item.get('region') for f in fs}):,}"]
                    for m, fs in sorted(by_measure.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
        data = []
        # every row links a region and an article: their URLs from this page, once each
        # (42,000 relative URLs at 1,000 articles, for about 1,300 distinct pages)
        region_urls: dict[str, str | None] = {}
        article_urls: dict[str, str] = {}
        for f in facts:
            item = f.item
            e = f.mentions[0]
            art = d.article(e.article)
            rid = item.get("region")
            tid = item.get("theme")
            measure = _indicator(item) + ("" if dg.is_confident(item) else " (needs review)")
            value = item.get("value")
            if rid and rid not in region_urls:
                region_urls[rid] = self.region_url(src, rid)
            if e.article not in article_urls:
                article_urls[e.article] = self.url(src, article_path(e.article))
            data.append({
                "r": d.region_name(rid), "ru": region_urls[rid] if rid else "",
                "y": item.get("year") or "", "v": figure_value(item),
                "n": value if isinstance(value, int | float) else 0,
                "i": measure, "t": d.theme_name(tid) if tid else "",
                "x": item.get("text") or "", "k": len(f.articles),
                "c": art.cite_label,
                "cu": f"{article_urls[e.article]}#s{e.sentence}"})
        self.files[FIGURES_JSON] = json.dumps(data, ensure_ascii=False,
                                              separators=(",", ":")) + "\n"
        columns = [{"key": "r", "title": "Region", "link": "ru"},
                   {"key": "y", "title": "Year"},
                   {"key": "v", "title": "Value", "sort": "n"},
                   {"key": "i", "title": "Measure"},
                   {"key": "t", "title": "Theme"},
                   {"key": "x", "title": "As written"},
                   {"key": "k", "title": "Articles"},
                   {"key": "c", "title": "Latest source", "link": "cu"}]
        return render_page(
            "figures.md.j2",
            front_matter=self._index_front_matter(
                "Figures", "Every figure in every article, one row per fact, with its "
                "sources."),
            counts_line=f"{_pluralise(len(d.figures), 'figure')} stated in the articles, "
                        f"{_pluralise(len(facts), 'distinct fact')}",
            review_count=_pluralise(len(d.review), "figure") if d.review else "",
            review_url=Markup(md_link(src, REVIEW_PAGE)),
            measures=measures,
            table={"src": self.href(src, FIGURES_JSON),
                   "columns": Markup(_html_attr(json.dumps(columns))),
                   "facts": len(facts), "csv": self.href(src, FIGURES_CSV)},
            downloads={k: Markup(md_link(src, path)) for k, path in (
                ("csv", FIGURES_CSV), ("json", FIGURES_JSON), ("records", BRIEFING_JSON),
                ("schema", SCHEMA_FILE))},
            h=_Helpers(self, src))

    def review_note(self, src: str, n: int) -> str:
        """A line saying that *n* low-confidence figures are left out, linking the review page."""
        one = n == 1
        return (f"{_pluralise(n, 'figure')} extracted with low confidence (a rule had to "
                f"guess) {'is' if one else 'are'} not shown here until an editor confirms "
                f"{'it' if one else 'them'}: {self._link(src, REVIEW_PAGE, 'Needs review')}.")

    def review_layout(self) -> list[tuple[str, list[str]]]:
        """The Needs review pages: [(path, article ids)], about REVIEW_PAGE_FIGURES figures
        each (an article never split), review.md first."""
        if self._review is None:
            groups = dg.group_by(self.d.review, lambda e: [e.article])
            chunks: list[list[str]] = [[]]
            count = 0
            for aid, entries in groups.items():
                if count and count + len(entries) > REVIEW_PAGE_FIGURES:
                    chunks.append([])
                    count = 0
                chunks[-1].append(aid)
                count += len(entries)
            self._review = [(REVIEW_PAGE if k == 0 else f"review/{k + 1}.md", c)
                            for k, c in enumerate(chunks)]
            self._review_of = {a: path for path, c in self._review for a in c}
        return self._review

    def review_path(self, article_id: str) -> str:
        self.review_layout()
        return self._review_of.get(article_id, REVIEW_PAGE)

    def review_page(self, src: str = REVIEW_PAGE, only: list[str] | None = None) -> str:
        """One of the Needs review pages (`review_layout`), rendered by
        templates/review.html.j2: low-confidence figures by article, each with what was read,
        the rule that guessed, the cited sentence, and the override entries that confirm or
        drop it."""
        d = self.d
        layout = self.review_layout()
        number = next((k + 1 for k, (path, _) in enumerate(layout) if path == src), 1)
        title = "Needs review" + (f" (page {number})" if number > 1 else "")
        groups = dg.group_by(d.review, lambda e: [e.article])
        wanted = set(only if only is not None else groups)
        articles = []
        for aid, entries in groups.items():
            if aid not in wanted:
                continue
            art = d.article(aid)
            sentences = list(art.record.get("sentences", []))
            figures = []
            for e in entries:
                item, n = e.item, e.sentence
                confirm, drop = override_snippets(item)
                figures.append({
                    "facts": [
                        ("Region", Markup(self.region_link(src, item.get("region")))
                         or "none"),
                        ("Indicator", _indicator(item)),
                        ("Year", item.get("year") or "none"),
                        ("Value", figure_value(item)),
                        ("As written", f"“{item.get('text') or ''}”"),
                        ("Rule", item.get("rule") or "unknown")],
                    "href": self.href(src, article_path(aid), f"s{n}"),
                    "said": sentences[n - 1] if 1 <= n <= len(sentences) else "",
                    "sentence": n, "confirm": confirm, "drop": drop})
            articles.append({"link": Markup(self.article_link(src, aid)),
                             "anchor": Markup(_html_attr(review_anchor(aid))),
                             "sidecar": sidecar_name(art.record.get("file") or aid),
                             "figures": figures})
        return render_page(
            "review.html.j2",
            front_matter=_front_matter(
                title, description="Figures an extraction rule had to guess, with their "
                "sentence and the override that confirms or drops them.", search=False),
            title=title, articles=articles, has_review=bool(d.review),
            counts_line=f"{_pluralise(len(d.review), 'figure')} in "
                        f"{_pluralise(len({e.article for e in d.review}), 'article')}",
            page_links=self.page_links(src, [path for path, _ in layout]))


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
    """Every figure as CSV: one row per figure, with its article (date, source, title and the
    original URL, so a row can be cited from the spreadsheet alone) and sentence."""
    buf = io.StringIO()
    writer = _SafeWriter(buf)
    writer.writerow(["article", "date", "source", "title", "sentence", "region", "region_name",
                     "province", "year", "indicator", "value", "value_max", "unit", "usd_value",
                     "qualifier", "theme", "subject", "text", "page", "period", "confidence",
                     "rule", "url"])
    for e in digest.figures:
        item = e.item
        rid = item.get("region")
        info = digest.regions.get(rid or "")
        record = digest.article(e.article).record
        writer.writerow([
            e.article, record.get("date") or "", record.get("source") or "",
            record.get("title") or "", e.sentence, rid or "", digest.region_name(rid),
            (info.province or "") if info else "", item.get("year") or "",
            item.get("indicator", ""), item.get("value"),
            "" if item.get("value_max") is None else item.get("value_max"),
            item.get("unit", ""),
            "" if item.get("usd_value") is None else item.get("usd_value"),
            item.get("qualifier", ""), item.get("theme") or "", item.get("subject") or "",
            item.get("text", ""), f"articles/{e.article}/#s{e.sentence}",
            item.get("period") or "", item.get("confidence") or "high", item.get("rule") or "",
            _safe_url(record.get("url")) or "",
        ])
    return buf.getvalue()


def briefing_json(records: list[Mapping[str, Any]]) -> bytes:
    """All records in one JSON document (record order: by id), one article per line, as
    UTF-8 bytes.

    Each record is dumped compactly by json's C encoder (``indent`` would switch to the pure
    Python one: about 1.3 s for 1,000 articles on every build); one line per article keeps
    the file readable and diffs small. Each line is encoded as it is made and the document
    joined once: built as text, the 21 MB file of 1,000 articles passed through four
    copies at 2 bytes a character, the build's peak memory."""
    ordered = sorted(records, key=lambda r: str(r["id"]))
    parts = [f'{{"schema": "briefing/article@1", "count": {len(ordered)}, "articles": [\n'
             .encode()]
    for k, r in enumerate(ordered):
        if k:
            parts.append(b",\n")
        parts.append(json.dumps(r, ensure_ascii=False).encode("utf-8"))
    parts.append(b"\n]}\n")
    return b"".join(parts)


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
# they cite or count (with the Needs review page each of those is listed on), and all of them
# by the site-wide facts any page may show (which regions and themes have pages, the national
# target, the reference data, the URL style, the intro). So a new article, or an edited one,
# re-renders its own page and the pages that show it, not the whole site; an edition page is
# keyed by what it shows (`_edition_shows`), a Needs review page by its articles and the
# pages' layout, a feed by what it says. Overview pages (home, indexes, Figures, the data
# files) are always rebuilt. Only the last build's pages are kept: here, in this process, or
# in a `generator.cache.PageStore` on disk (the MkDocs plugin's, across processes too).
# `render_site(..., reuse=False)` bypasses it; tests check that a reused page is
# byte-identical to a fresh one.

#: name -> (key, {path: content}): the files one page function made, under its inputs' key
_PAGE_CACHE: dict[str, tuple[str, dict[str, bytes]]] = {}


def _digest_key(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _site_key(digest: Digest, gazetteer: Any, taxonomy: Any, intro: str | None,
              use_directory_urls: bool) -> str:
    nat = digest.national_target
    return _digest_key(
        sorted(r.id for r in digest.region_pages), sorted(digest.themes),
        None if nat is None else (nat.article, dict(nat.item)),
        getattr(gazetteer, "sha256", None), getattr(taxonomy, "sha256", None),
        intro, use_directory_urls)


def _stored(content: str | bytes) -> bytes:
    """Every generated file as its UTF-8 bytes while the site is rendered and cached. Text
    with one character beyond Latin-1 (a "↗", a Chinese name), which every page has, takes
    Python 2 bytes a character: at 1,000 articles the 112 MB of page Markdown held as text
    took about 100 MB more than as bytes."""
    return content.encode("utf-8") if isinstance(content, str) else content


def _articles_of(entries: Iterable[Entry], *more: Iterable[str]) -> set[str]:
    ids = {e.article for e in entries}
    for group in more:
        ids.update(group)
    return ids


def _item_places(records: Iterable[Mapping[str, Any]]) -> dict[int, tuple[str, str, int]]:
    """Where each figure and commitment of the records is: id of its dict -> (article, list,
    index). With the article's record fingerprinted, the place names the item's content."""
    return {id(item): (r["id"], kind, i) for r in records
            for kind in ("figures", "commitments") for i, item in enumerate(r.get(kind, []))}


def _edition_shows(e: Edition, places: Mapping[int, tuple[str, str, int]]
                   ) -> tuple[set[str], str]:
    """The articles an edition page lists or cites, and what it shows of them (its new and
    revised facts with every mention, new commitments, new regions and themes, lede) as
    text: with those articles' records, what the page is made of.

    An edition is computed from its own and every earlier edition's articles (what is new
    depends on what came before), but its page shows only this: keyed by it, an edit to an
    old article re-renders the editions whose content the edit changes, not every later
    one (101 of 136 pages at 1,000 articles). An item is named by its place in its record
    (*places*, from `_item_places`): the record's fingerprint covers its content."""
    ids = set(e.articles)

    def merged(m: dg.Fact | dg.Plan | None) -> list[Any] | None:
        if m is None:
            return None
        ids.update(x.article for x in m.mentions)
        return [[x.via, places.get(id(x.item)) or x.item] for x in m.mentions]

    parts = [e.id, e.title, e.articles,
             [[merged(t.fact), merged(t.previous_target), merged(t.previous_outcome)]
              for t in e.new_targets],
             [[merged(r.now), merged(r.before), r.before_edition] for r in e.revised],
             [[rid, [merged(p) for p in plans]] for rid, plans in e.new_commitments.items()],
             e.new_regions, e.new_themes, e.lede]
    return ids, json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)


# ---------------------------------------------------------------------------------------------
# Entry point


def render_site(records: Iterable[Mapping[str, Any]], gazetteer: Any = None,
                taxonomy: Any = None, *, intro: str | None = None,
                use_directory_urls: bool = True, reuse: bool = True, edition: str = "weekly",
                site_url: str | None = None,
                record_texts: Mapping[str, str | bytes] | None = None,
                store: PageStore | None = None, pages_as_bytes: bool = False,
                processes: int = 1) -> dict[str, Any]:
    """Every generated page and data file: relative path -> content (pages as text, other
    files as UTF-8 bytes; with `pages_as_bytes` pages too, which halves the memory the
    pages of a big site take), sorted by path.

    `records` are schema-valid record dicts; `gazetteer`/`taxonomy` the reference data (names,
    children, tile positions); `intro` optional hand-written Markdown shown at the top of the
    home page instead of the default heading; `use_directory_urls` must match the MkDocs
    setting (chart URLs are computed here); `reuse` lets pages whose inputs did not change
    since the previous call in this process be taken from it (see _PAGE_CACHE); `edition`
    the period of editions (weekly | monthly); `site_url` the published site's address, which
    the feeds need for absolute links (default: a placeholder origin); `record_texts` the
    records' YAML text (or its UTF-8 bytes) by id where the pipeline already made it
    (`Corpus.texts`; the rest are dumped here); `processes` how many processes may render
    the pages (generator.forked: this one and forked children; the pages are the same).

    With a `store` (`generator.cache.PageStore`, on which `begin` succeeded) the files are
    written there as they are made, not returned: the result is then path -> whether the
    file's bytes changed since the last build the store kept (which is also where pages are
    reused from, instead of this process's last call), and the store is finished (its
    index written) before this returns. The records' YAML files are then written first,
    and `record_texts`, if a dict, is emptied: the caller hands the texts over.
    """
    records = list(records)
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate article ids: {', '.join(dupes)}")
    digest = dg.build(records, gazetteer, taxonomy)
    site = _Site(digest, use_directory_urls=use_directory_urls, intro=intro)
    out: dict[str, Any] = {}  # path -> its bytes, or with a store: whether they changed
    # name -> (key, the files it made): the last build's entries, and this one's
    previous: dict[str, tuple[str, Any]]
    if store is not None:
        previous = {n: (k, dict.fromkeys(paths, False))
                    for n, (k, paths) in store.previous.items()} if reuse else {}
    else:
        previous = dict(_PAGE_CACHE) if reuse else {}
    _PAGE_CACHE.clear()  # only the last call's pages are kept (with a store: none here)
    entries: StoreEntries = {}
    site_key = _site_key(digest, gazetteer, taxonomy, intro, use_directory_urls)
    # a record's YAML text (where the pipeline made it) is the whole record: hashing it is
    # the same fingerprint, 40 times faster than serialising the record again
    texts = record_texts or {}
    fingerprints = {r["id"]: ("y" + hashlib.sha1(_stored(texts[r["id"]])).hexdigest()
                              if r["id"] in texts else _digest_key(r)) for r in records}

    def put(path: str, content: bytes | bool) -> None:
        if path in out:
            raise ValueError(f"two generated files at {path}")
        out[path] = content

    def page_key(article_ids: Iterable[str], extra: Any = None) -> str:
        # what a page shows of an article is in its record; where its low-confidence figures
        # are listed (the Needs review page) moves when other articles come or go
        return _digest_key(site_key, extra, sorted((a, fingerprints[a], site.review_path(a))
                                                   for a in set(article_ids)))

    # Every file is made by a task: (cache name or None, key, make). A task's files are
    # what *make* returns (path -> content) and the data files (chart specs) it wrote. A
    # named task is taken from the previous build when the articles its files show (and
    # its *extra*) are the same; the others run, spread over `processes` (generator.forked).
    tasks: list[tuple[str | None, str | None, Callable[[], Mapping[str, str | bytes]]]] = []

    def add(make: Callable[[], Mapping[str, str | bytes]], name: str | None = None,
            article_ids: Iterable[str] = (), extra: Any = None) -> None:
        tasks.append((name, page_key(article_ids, extra) if name else None, make))

    def one(path: str, make: Callable[[], str | bytes]) -> Callable[[], dict[str, str | bytes]]:
        return lambda: {path: make()}

    issues = editions(digest, edition)  # newest first
    # the longest tasks first: processes take them in this order (generator.forked)
    add(one(FIGURES_CSV, lambda: figures_csv(digest)))
    add(one(BRIEFING_JSON, lambda: briefing_json(records)))
    add(one(SCHEMA_FILE, _schema_text))
    add(one("index.md", lambda: site.home_page(issues[0] if issues else None)))
    add(one("regions/index.md", site.regions_index))
    add(one("themes/index.md", site.themes_index))
    add(site.articles_index)
    add(one("figures.md", site.figures_page))
    layout = site.review_layout()
    review_extra = ([p for p, _ in layout], len(digest.review))
    for path, aids in layout:
        add(one(path, lambda path=path, aids=aids: site.review_page(path, aids)),
            f"review:{path}", aids, review_extra)
    for art in digest.articles:
        add(one(article_path(art.id), lambda art=art: site.article_page(art)),
            article_path(art.id), [art.id])
        add(one(record_path(art.id), lambda art=art: texts.get(art.id)
                or _dump_record(art.record)), record_path(art.id), [art.id])
    order = {a.id: i for i, a in enumerate(digest.articles)}
    for info in digest.region_pages:
        deps = _articles_of(info.commitments + info.figures, info.articles,
                            (a for links in info.theme_links.values() for a, _ in links))
        add(one(region_path(info.id), lambda info=info: site.region_page(info)),
            region_path(info.id), deps)
        add(lambda info=info: site.region_plans_pages(info), f"plans:{info.id}", deps)
        ids = sorted(info.articles, key=lambda a: order[a])
        if len(ids) > ARTICLES_SHOWN:
            add(lambda info=info, ids=ids: site.listing_pages(
                region_articles_path(info.id), f"Articles about {info.name}",
                (region_path(info.id), info.name), ids, info.articles),
                f"listing:{info.id}", ids, [ids, info.articles])
    for tinfo in digest.themes.values():
        deps = _articles_of(tinfo.commitments + tinfo.figures, tinfo.articles,
                            (a for links in tinfo.region_links.values() for a, _ in links))
        add(one(theme_path(tinfo.id), lambda tinfo=tinfo: site.theme_page(tinfo)),
            theme_path(tinfo.id), deps)
        if len(tinfo.articles) > ARTICLES_SHOWN:
            add(lambda tinfo=tinfo: site.listing_pages(
                theme_articles_path(tinfo.id), f"Articles on {tinfo.name}",
                (theme_path(tinfo.id), tinfo.name), tinfo.articles),
                f"listing:theme:{tinfo.id}", tinfo.articles, list(tinfo.articles))
    add(one(EDITIONS_INDEX, lambda: site.editions_index(issues, edition)))
    # a feed is keyed by what it says: after an edit, the feeds that mention it
    base = (site_url or "http://localhost/").rstrip("/") + "/"
    for path, spec in feed_specs(issues, digest, base,
                                 lambda p: base + dest_url(p, use_directory_urls)).items():
        add(one(path, lambda spec=spec: render_feed(spec)), f"feed:{path}", (), spec)
    add(lambda: dict(FEED_SITEMAPS))
    places = _item_places(records)
    for k, e in enumerate(issues):  # newest first
        older, newer = (issues[k + 1] if k + 1 < len(issues) else None,
                        issues[k - 1] if k else None)
        shown, what = _edition_shows(e, places)
        add(one(edition_path(e.id), lambda e=e, older=older, newer=newer: site.edition_page(
            e, older, newer)), f"edition:{e.id}", shown,
            [what, older and older.id, newer and newer.id])

    def files_of(make: Callable[[], Mapping[str, str | bytes]]
                 ) -> Callable[[], dict[str, bytes] | dict[str, bool]]:
        def run() -> dict[str, bytes] | dict[str, bool]:
            site.take_files()
            made = {**make(), **site.take_files()}
            if store is not None:  # written where they are made (a forked child too)
                return {p: store.write(p, _stored(data)) for p, data in made.items()}
            return {p: _stored(data) for p, data in made.items()}
        return run

    def reused(name: str | None, key: str | None) -> bool:
        return name is not None and previous.get(name, ("",))[0] == key

    todo = [i for i, (name, key, _make) in enumerate(tasks) if not reused(name, key)]
    made: dict[int, Any] = {}
    if store is not None and record_texts:
        # the records' YAML files first, here, then their texts let go (handed over by the
        # caller): 20 MB at 1,000 articles that the forked render child would start with
        records_first = {record_path(a.id) for a in digest.articles}
        made = {i: files_of(tasks[i][2])() for i in todo if tasks[i][0] in records_first}
        todo = [i for i in todo if i not in made]
        texts = {}
        if isinstance(record_texts, dict):
            record_texts.clear()
    if processes > 1 and todo:
        # the chart module (and Altair, 28 MB) loaded once, before the render child is
        # forked, so the two processes share it rather than each loading its own copy
        from . import charts  # noqa: F401
    made.update(zip(todo, forked.run_forked([files_of(tasks[i][2]) for i in todo], processes),
                    strict=True))
    for i, (name, key, _make) in enumerate(tasks):
        files = made[i] if i in made else previous[name][1]  # type: ignore[index]
        if name is not None and store is not None:
            entries[name] = (key, list(files))  # type: ignore[assignment]
        elif name is not None:
            _PAGE_CACHE[name] = (key, files)  # type: ignore[assignment]
        for file_path, data in files.items():
            put(file_path, data)
    if store is not None:
        store.finish(entries, out)
        return dict(sorted(out.items()))
    if pages_as_bytes:
        return dict(sorted(out.items()))
    return {p: out[p].decode("utf-8") if p.endswith(".md") else out[p] for p in sorted(out)}
