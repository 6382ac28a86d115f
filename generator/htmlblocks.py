"""Pre-rendered HTML blocks: generated HTML that MkDocs passes through instead of re-parsing.

The generator writes long tables, lists, charts and article texts as raw HTML blocks (see
``pages.html_table``). Python-Markdown would feed each one to its pure-Python HTML parser
twice (MkDocs' anchor collector, then the raw-HTML stash) and Material's search plugin a
third time, although the generator built the HTML itself and the search leaves most of it
out (``data-search-exclude``). At 1,000 articles that was about half of MkDocs' build time.

So a block is written between two comment markers (:func:`block`; harmless in any other
Markdown tool, so ``briefing generate --out`` pages still render as they are). The plugin
cuts the blocks out of the page's Markdown before conversion (:func:`stash`), leaving an
empty placeholder element, and puts them back (:func:`restore`): *searchable* blocks (an
article's full text) right after conversion, so the search indexes them; the others after
the search plugin has indexed the page, so it never parses them. A searchable block is given
to the search without its sentence anchors (:func:`search_view`: the same entries, a quarter
of the parsing), and the anchors are put back with the other blocks. The final HTML is the
same as without the plugin's help.

Safe because every block is built by the generator from escaped text (``fmt.escape``): an
article can never write the markers (``<`` is escaped), and a placeholder is only replaced
by the block cut out of the same page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_START = "<!--briefing:block{}-->"
_OPEN = "<!--briefing:block"
_END = "<!--/briefing:block-->"
#: the two opening lines, and whether the block is searchable
_OPENINGS = {_START.format("") + "\n": False, _START.format(" searchable") + "\n": True}
_CLOSING = "\n" + _END
_PLACEHOLDER = re.compile(r'<div data-briefing-block="(\d+)"></div>')
_ID = re.compile(rb'\sid="([^"]+)"')  # searched in the blocks' bytes
#: a sentence's anchor in an article's text (templates/fragments.html.j2, ``full_text``);
#: the sentence is escaped text, so it holds no ``<``
_SENTENCE = re.compile(r'<span class="sentence" id="s\d+">([^<]*)</span>')
_BLANK_SENTENCE = re.compile(r'<span class="sentence" id="s\d+">\s*</span>')


def search_view(html: str) -> str:
    """*html* (a searchable block) as the search plugin is given it: without the sentence
    anchors. Material's search parses every page's HTML in Python (``html.parser``), and an
    article's text, two elements and a space per sentence, took 2.3 ms of the 2.8 ms its page
    cost (3.5 s of a 1,000-article build, on the one core MkDocs uses); without the anchors a
    paragraph is one piece of text, 0.6 ms. A ``span`` is not among the elements the search
    keeps, and the sentences of a paragraph are joined by one space, so the sections and text
    it makes are the same (a test parses both). A text with a blank sentence is given as it
    is: the search collapses the spaces around it only while the anchors part them."""
    if _BLANK_SENTENCE.search(html):
        return html
    return _SENTENCE.sub(r"\1", html)


def block(html: str, *, searchable: bool = False) -> str:
    """*html* (a complete block of generated, escaped HTML) marked as pre-rendered: blank
    lines around it, so Markdown sees a block of its own. *searchable*: the search plugin
    should index it (an article's text); by default it is kept from the search."""
    body = html.strip("\n")
    if not body:
        return ""
    return f"\n{_START.format(' searchable' if searchable else '')}\n{body}\n{_END}\n\n"


@dataclass
class Stash:
    """The blocks cut out of one page: ``(searchable, html)`` by placeholder number, the
    HTML as UTF-8 bytes: MkDocs converts every page before it writes any, so the blocks of
    all pages wait in memory together (45 million characters at 1,000 articles, at 2 bytes
    a character as text)."""

    blocks: list[tuple[bool, bytes]] = field(default_factory=list)
    #: the searchable blocks put in as their `search_view` (by block number), to be put
    #: back whole once the page is indexed
    views: dict[int, str] = field(default_factory=dict)

    def html(self, index: int) -> str:
        return self.blocks[index][1].decode("utf-8")

    def anchor_ids(self) -> set[str]:
        """The ``id`` attributes in the blocks (MkDocs validates links to them)."""
        return {m.group(1).decode("utf-8") for _s, html in self.blocks
                for m in _ID.finditer(html)}


def stash(markdown: str) -> tuple[str, Stash]:
    """The page's Markdown with each block replaced by a placeholder, and the blocks."""
    found = Stash()
    if _END not in markdown:
        return markdown, found
    out: list[str] = []
    done = 0
    for start, end, searchable, body, body_end in _blocks(markdown):
        found.blocks.append((searchable, markdown[body:body_end].encode("utf-8")))
        out += [markdown[done:start], f'<div data-briefing-block="{len(found.blocks) - 1}"></div>']
        done = end
    out.append(markdown[done:])
    return "".join(out), found


def _blocks(text: str) -> Iterator[tuple[int, int, bool, int, int]]:
    """(start, end, searchable, body start, body end) of each block in *text*: what the
    pattern ``^<!--briefing:block( searchable)?-->\\n(.*?)\\n<!--/briefing:block-->$``
    (multi-line, dot-all) finds, with `str.find` instead: the lazy ``.*?`` tried the
    closing marker at every character of every page, a second of each build at 1,000
    articles."""
    pos, size = 0, len(text)
    while (start := text.find(_OPEN, pos)) >= 0:
        pos = start + 1
        if start and text[start - 1] != "\n":
            continue
        opening = next((o for o in _OPENINGS if text.startswith(o, start)), None)
        if opening is None:
            continue
        body = start + len(opening)
        close = text.find(_CLOSING, body)
        while close >= 0 and close + len(_CLOSING) < size and text[close + len(_CLOSING)] != "\n":
            close = text.find(_CLOSING, close + 1)
        if close < 0:
            continue
        yield start, close + len(_CLOSING), _OPENINGS[opening], body, close
        pos = close + len(_CLOSING)


def restore(html: str, found: Stash, *, searchable: bool) -> str:
    """*html* with the placeholders of the searchable blocks replaced by their `search_view`
    (or, with ``searchable=False``, the views by the blocks, and the placeholders of all
    remaining blocks by the blocks)."""
    if not found.blocks:
        return html

    def put(m: re.Match[str]) -> str:
        index = int(m.group(1))
        is_searchable = found.blocks[index][0]
        if searchable and is_searchable:
            block = found.html(index)
            view = search_view(block)
            if view != block:
                found.views[index] = view
            return view
        return found.html(index) if not searchable else m.group(0)

    html = _PLACEHOLDER.sub(put, html)
    if not searchable:
        for index, view in sorted(found.views.items()):
            at = html.find(view)
            if at < 0:  # a plugin between the two changed the page's text
                raise RuntimeError(
                    "briefing: an article's text was changed between MkDocs' page_content "
                    "and page_context events; its sentence anchors cannot be put back")
            html = html[:at] + found.html(index) + html[at + len(view):]
        found.views.clear()
    return html
