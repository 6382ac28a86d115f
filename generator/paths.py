"""Where each generated page and feed lives: the one place that names the site's paths.

Pages link to each other, feeds link to pages, and the e-mail edition links to the published
site; all of them build paths from these functions, so a page moves in one line. Paths are
MkDocs source paths (``regions/guangdong.md``); :func:`dest_url` is the URL MkDocs gives one.
"""

from __future__ import annotations

__all__ = ["EDITIONS_FEED", "EDITIONS_INDEX", "article_path", "dest_url", "edition_path",
           "region_feed_path", "region_path", "theme_feed_path", "theme_path"]

EDITIONS_INDEX = "editions/index.md"
EDITIONS_FEED = "feeds/editions.xml"


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def region_path(region_id: str) -> str:
    return f"regions/{region_id}.md"


def theme_path(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def edition_path(edition_id: str) -> str:
    return f"editions/{edition_id}.md"


def region_feed_path(region_id: str) -> str:
    return f"feeds/regions/{region_id}.xml"


def theme_feed_path(theme_id: str) -> str:
    return f"feeds/themes/{theme_id}.xml"


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
