"""RSS 2.0 feeds of the editions: one of every edition, one per region and one per theme.

A reader follows only what they cover ("Guangdong", "humanoid robots") in a feed reader;
each item is one edition's news about the feed's subject, linked to the edition page. Built
with feedgen (it escapes once, and writes RFC 822 dates). Reproducible by construction:

* every date comes from the records (an edition's last day), never from the clock, so the
  same records give the same bytes (``lastBuildDate`` is the newest edition's last day);
* GUIDs are names, not URLs (``briefing:edition:2025-W03:region:guangdong``,
  ``isPermaLink="false"``): stable across rebuilds and site moves, so a feed reader never
  announces an old item again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from feedgen.feed import FeedGenerator

from .digest import Digest
from .editions import Edition
from .fmt import figure_value, indicator_label, pluralise, xml_text
from .paths import (
    EDITIONS_FEED,
    EDITIONS_INDEX,
    edition_path,
    region_feed_path,
    region_path,
    theme_feed_path,
    theme_path,
)

__all__ = ["edition_feeds"]


def _when(e: Edition) -> datetime:
    return datetime(e.end.year, e.end.month, e.end.day, 12, tzinfo=UTC)


def _feed(title: str, link: str, description: str, self_url: str,
          items: list[tuple[Edition, str, str, str, str]]) -> bytes:
    """*items*: (edition, title, text, guid, link), newest first."""
    fg = FeedGenerator()
    fg.title(xml_text(title))
    fg.link(href=self_url, rel="self")
    fg.link(href=link, rel="alternate")  # last: feedgen's RSS <link> is the last link set
    fg.description(xml_text(description))
    fg.language("en")
    fg.generator("briefing")
    fg.lastBuildDate(_when(items[0][0]) if items else datetime(1970, 1, 1, tzinfo=UTC))
    for edition, item_title, text, guid, item_link in reversed(items):  # feedgen prepends
        fe = fg.add_entry()
        fe.title(xml_text(item_title))
        fe.link(href=item_link)
        fe.guid(xml_text(guid), permalink=False)
        fe.description(xml_text(text))
        fe.pubDate(_when(edition))
    return fg.rss_str(pretty=True)


class _Index:
    """One edition's news, by region and by theme (built once per edition: a feed per
    region over every edition would otherwise scan every edition once per region)."""

    def __init__(self, e: Edition, d: Digest) -> None:
        self.targets: dict[str, list[Any]] = defaultdict(list)
        self.revised: dict[str, list[Any]] = defaultdict(list)
        self.region_articles: dict[str, list[str]] = defaultdict(list)
        self.theme_articles: dict[str, list[str]] = defaultdict(list)
        self.theme_plans: dict[str, list[Any]] = defaultdict(list)
        for t in e.new_targets:
            self.targets[t.fact.item.get("region")].append(t)
        for r in e.revised:
            self.revised[r.now.item.get("region")].append(r)
        for a in e.articles:
            art = d.article(a)
            for rid in art.subject_regions:
                self.region_articles[rid].append(a)
            for tid in art.themes:
                self.theme_articles[tid].append(a)
        for ps in e.new_commitments.values():
            for p in ps:
                for tid in p.item.get("themes", []):
                    self.theme_plans[tid].append(p)


def _articles_line(d: Digest, arts: list[str]) -> list[str]:
    if not arts:
        return []
    return [f"{pluralise(len(arts), 'article')}: "
            + "; ".join(d.article(a).title for a in arts[:3]) + "."]


def _plans_line(plans: list[Any]) -> list[str]:
    if not plans:
        return []
    return [f"{pluralise(len(plans), 'new commitment')}, "
            f"e.g. {plans[0].item.get('text')}"]


def _region_news(e: Edition, ix: _Index, d: Digest, rid: str) -> str:
    """What the edition says about one region, as one line of text ('' when nothing)."""
    parts = [f"New GDP growth target for {t.fact.item.get('year')}: "
             f"{figure_value(t.fact.item)}." for t in ix.targets.get(rid, [])]
    parts += [f"Revised: {indicator_label(r.now.item)} "
              f"{r.now.item.get('year')} is now {figure_value(r.now.item)} (was "
              f"{figure_value(r.before.item)})." for r in ix.revised.get(rid, [])]
    parts += _plans_line(e.new_commitments.get(rid, []))
    parts += _articles_line(d, ix.region_articles.get(rid, []))
    return " ".join(parts)


def _theme_news(ix: _Index, d: Digest, tid: str) -> str:
    parts = _plans_line(ix.theme_plans.get(tid, []))
    parts += _articles_line(d, ix.theme_articles.get(tid, []))
    return " ".join(parts)


def edition_feeds(editions: list[Edition], d: Digest, site_url: str,
                  page_url: Callable[[str], str]) -> dict[str, bytes]:
    """Every feed file: path -> RSS bytes. *page_url* maps a page source path
    (``editions/2025-W03.md``) to its absolute URL on the published site."""
    base = site_url.rstrip("/") + "/"
    out: dict[str, bytes] = {}

    def edition_url(e: Edition) -> str:
        return page_url(edition_path(e.id))

    out[EDITIONS_FEED] = _feed(
        "Regional policy briefing - editions", page_url(EDITIONS_INDEX),
        "What changed, edition by edition: new growth targets, revised figures, new "
        "commitments.", base + EDITIONS_FEED,
        [(e, e.title, " ".join(e.lede), f"briefing:edition:{e.id}", edition_url(e))
         for e in editions])
    indexes = [(e, _Index(e, d)) for e in editions]
    for info in sorted(d.region_pages, key=lambda r: r.id):
        rid, name = info.id, info.name
        items = [(e, f"{name} - {e.title}", text, f"briefing:edition:{e.id}:region:{rid}",
                  edition_url(e)) for e, ix in indexes if (text := _region_news(e, ix, d, rid))]
        out[region_feed_path(rid)] = _feed(
            f"Regional policy briefing - {name}", page_url(region_path(rid)),
            f"New facts and articles about {name}, edition by edition.",
            base + region_feed_path(rid), items)
    for tid in sorted(d.themes):
        name = d.theme_name(tid)
        items = [(e, f"{name} - {e.title}", text, f"briefing:edition:{e.id}:theme:{tid}",
                  edition_url(e)) for e, ix in indexes if (text := _theme_news(ix, d, tid))]
        out[theme_feed_path(tid)] = _feed(
            f"Regional policy briefing - {name}", page_url(theme_path(tid)),
            f"New commitments and articles on {name}, edition by edition.",
            base + theme_feed_path(tid), items)
    # Material's language selector fetches `sitemap.xml` beside every <link rel="alternate">
    # of a page (to map its languages), so a feed announced from a page makes the browser ask
    # for feeds/regions/sitemap.xml: an empty one in each feed folder answers instead of a 404
    for folder in ("feeds", "feeds/regions", "feeds/themes"):
        out[f"{folder}/sitemap.xml"] = _EMPTY_SITEMAP
    return out


_EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                  b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
