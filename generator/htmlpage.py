"""Generated pages written in HTML: MkDocs shows them without converting Markdown.

Most generated pages (articles, regions, themes, editions, listings, review pages) are HTML
from their templates (``templates/<kind>.html.j2``). Python-Markdown gained nothing on them:
every table, list and text block was raw HTML already, yet converting the few headings and
links around them cost 3-10 ms a page, about 10 s of a 1,000-article build and of every
rebuild of `mkdocs serve`. Such a page starts (after its front matter) with :data:`MARK`;
the plugin gives its file an :class:`HtmlPage` instead of MkDocs' Markdown page.

What the Markdown extensions did for these pages is done here, the way they do it:

* at render time, :func:`finish` gives each heading an ``id`` (``toc``'s slug of its text,
  unique on the page) unless the template gave one;
* at build time, :class:`HtmlPage` adds the permalinks (``toc``'s ``permalink`` option),
  collects the page's table of contents and title, and the ids links may point to.

The pages stay valid Markdown (raw HTML blocks), so ``briefing generate --out`` gives the same
files to any Markdown tool. Headings are matched by a regular expression, which is safe here
and only here: the HTML is the generator's own, and data inside it is escaped (``<`` never
appears in text), so ``<h2`` can only be a heading a template wrote.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

#: the first line of an HTML page's body (an HTML comment: invisible wherever it is shown)
MARK = "<!--briefing:html-->"
_MARK_BYTES = MARK.encode("ascii")

_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
_ID_ATTR = re.compile(r'\sid="([^"]*)"')


def is_html_page(content: bytes | str) -> bool:
    """Whether a generated page's text is an HTML page (its body opens with MARK)."""
    if isinstance(content, str):
        return MARK in content[:4096]
    return _MARK_BYTES in content[:4096]


def finish(body: str) -> str:
    """*body* (a page's HTML) with an ``id`` on every heading that has none: the slug of its
    text, as the ``toc`` extension makes it, made unique among the page's ids."""
    used = set(_ID_ATTR.findall(body))
    counters: dict[str, int] = {}

    def add_id(m: re.Match[str]) -> str:
        level, attrs, inner = m.groups()
        if _ID_ATTR.search(attrs):
            return m.group(0)
        ident = unique(slugify(html.unescape(strip_tags(inner)), "-") or "section", used,
                       counters)
        return f'<h{level}{attrs} id="{ident}">{inner}</h{level}>'

    return _HEADING.sub(add_id, body)


def _permalink(options: Mapping[str, Any]) -> tuple[str, str] | None:
    """(symbol, title) of the heading permalinks the ``toc`` options ask for, or None."""
    permalink = options.get("permalink")
    if permalink in (None, False):
        return None
    symbol = "&para;" if permalink is True else str(permalink)
    return symbol, str(options.get("permalink_title", "Permanent link"))


def render(body: str, toc_options: Mapping[str, Any]) -> tuple[str, list[dict], str | None,
                                                               set[str]]:
    """What MkDocs' Markdown step gives a page, for an HTML page's *body* (after its front
    matter; the MARK is dropped): (HTML with permalinks, nested toc tokens, the first
    <h1>'s text, every id on the page)."""
    body = body.replace(MARK, "", 1).lstrip("\n")
    link = _permalink(toc_options)
    tokens: list[dict[str, Any]] = []
    title: list[str] = []

    def heading(m: re.Match[str]) -> str:
        level, attrs, inner = m.groups()
        found = _ID_ATTR.search(attrs)
        if found is None:
            return m.group(0)
        ident = found.group(1)
        name = strip_tags(inner)
        if level == "1" and not title:
            title.append(html.unescape(name))
        tokens.append({"level": int(level), "id": html.unescape(ident), "name": name,
                       "html": inner, "data-toc-label": ""})
        if link is None:
            return m.group(0)
        return (f'<h{level}{attrs}>{inner}<a class="headerlink" href="#{ident}" '
                f'title="{html.escape(link[1])}">{link[0]}</a></h{level}>')

    content = _HEADING.sub(heading, body)
    ids = {html.unescape(i) for i in _ID_ATTR.findall(content)}
    return content, nest_toc_tokens(tokens), (title[0] if title else None), ids
