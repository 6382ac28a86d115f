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

__all__ = ["FEED_SITEMAPS", "FeedSpec", "edition_feeds", "feed_specs", "render_feed"]


#: One feed, as data: (title, link, description, self URL, items newest first); an item is
#: (its edition's last day as ISO text, title, text, GUID, link). `render_feed` writes it.
FeedSpec = tuple[str, str, str, str, tuple[tuple[str, str, str, str, str], ...]]


def _when(day: str) -> datetime:
    """An item's date: noon UTC on its edition's last day (ISO text)."""
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)


def render_feed(spec: FeedSpec) -> bytes:
    """The RSS bytes of one feed (feedgen)."""
    title, link, description, self_url, items = spec
    fg = FeedGenerator()
    fg.title(xml_text(title))
    fg.link(href=self_url, rel="self")
    fg.link(href=link, rel="alternate")  # last: feedgen's RSS <link> is the last link set
    fg.description(xml_text(description))
    fg.language("en")
    fg.generator("briefing")
    fg.lastBuildDate(_when(items[0][0]) if items else datetime(1970, 1, 1, tzinfo=UTC))
    for day, item_title, text, guid, item_link in reversed(items):  # feedgen prepends
        fe = fg.add_entry()
        fe.title(xml_text(item_title))
        fe.link(href=item_link)
        fe.guid(xml_text(guid), permalink=False)
        fe.description(xml_text(text))
        fe.pubDate(_when(day))
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
        #: every region the edition has news of (`_region_news` of any other is empty)
        self.regions = {*self.targets, *self.revised, *self.region_articles,
                        *e.new_commitments}


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


def feed_specs(editions: list[Edition], d: Digest, site_url: str,
               page_url: Callable[[str], str]) -> dict[str, FeedSpec]:
    """Every feed, as data: path -> FeedSpec. *page_url* maps a page source path
    (``editions/2025-W03.md``) to its absolute URL on the published site. Apart from
    rendering: after one edit most feeds are the same, and the site renders only the
    feeds whose spec changed (generator.pages)."""
    base = site_url.rstrip("/") + "/"
    out: dict[str, FeedSpec] = {}

    def item(e: Edition, title: str, text: str, guid: str) -> tuple[str, str, str, str, str]:
        return (e.end.isoformat(), title, text, guid, page_url(edition_path(e.id)))

    out[EDITIONS_FEED] = (
        "Regional policy briefing - editions", page_url(EDITIONS_INDEX),
        "What changed, edition by edition: new growth targets, revised figures, new "
        "commitments.", base + EDITIONS_FEED,
        tuple(item(e, e.title, " ".join(e.lede), f"briefing:edition:{e.id}") for e in editions))
    indexes = [(e, _Index(e, d)) for e in editions]
    for info in sorted(d.region_pages, key=lambda r: r.id):
        rid, name = info.id, info.name
        out[region_feed_path(rid)] = (
            f"Regional policy briefing - {name}", page_url(region_path(rid)),
            f"New facts and articles about {name}, edition by edition.",
            base + region_feed_path(rid),
            tuple(item(e, f"{name} - {e.title}", text, f"briefing:edition:{e.id}:region:{rid}")
                  for e, ix in indexes if rid in ix.regions
                  and (text := _region_news(e, ix, d, rid))))
    for tid in sorted(d.themes):
        name = d.theme_name(tid)
        out[theme_feed_path(tid)] = (
            f"Regional policy briefing - {name}", page_url(theme_path(tid)),
            f"New commitments and articles on {name}, edition by edition.",
            base + theme_feed_path(tid),
            tuple(item(e, f"{name} - {e.title}", text, f"briefing:edition:{e.id}:theme:{tid}")
                  for e, ix in indexes if (text := _theme_news(ix, d, tid))))
    return out


def edition_feeds(editions: list[Edition], d: Digest, site_url: str,
                  page_url: Callable[[str], str]) -> dict[str, bytes]:
    """Every feed file: path -> RSS bytes (`feed_specs`, each rendered), and the empty
    sitemaps beside them (`FEED_SITEMAPS`)."""
    out = {path: render_feed(spec)
           for path, spec in feed_specs(editions, d, site_url, page_url).items()}
    return {**out, **FEED_SITEMAPS}


_EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                  b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
#: Material's language selector fetches `sitemap.xml` beside every <link rel="alternate"> of
#: a page (to map its languages), so a feed announced from a page makes the browser ask for
#: feeds/regions/sitemap.xml: an empty one in each feed folder answers instead of a 404
FEED_SITEMAPS = {f"{folder}/sitemap.xml": _EMPTY_SITEMAP
                 for folder in ("feeds", "feeds/regions", "feeds/themes")}
