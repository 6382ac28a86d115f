"""Pre-rendered HTML blocks (generator.htmlblocks): cut out before Markdown, put back after.

The built site must not change: tests/test_site_build.py and test_links.py check the built
pages; here the three steps one at a time, and that article text cannot forge a block.
"""

from __future__ import annotations

import random
import re

import markdown

from generator import htmlblocks
from generator.fmt import escape


def _page(*blocks: str) -> str:
    return "# Title\n\nSome *text*.\n" + "".join(blocks) + "Tail.\n"


def test_block_is_marked_and_blank_lines_around():
    out = htmlblocks.block("<ul>\n<li>a</li>\n</ul>\n")
    assert out.startswith("\n<!--briefing:block-->\n<ul>")
    assert out.endswith("</ul>\n<!--/briefing:block-->\n\n")
    assert htmlblocks.block("\n") == ""


def test_stash_then_restore_gives_the_same_html_as_markdown_alone():
    """Markdown passes a raw HTML block through unchanged; cutting it out first and putting
    it back after conversion gives the same HTML."""
    table = '<table data-search-exclude>\n<tr><td id="x">1</td></tr>\n</table>'
    body = '<div class="briefing-text">\n<p><span id="s1">A.</span></p>\n</div>'
    direct = markdown.markdown(_page(f"\n{table}\n\n", f"\n{body}\n\n"))  # unmarked
    text = _page(htmlblocks.block(table), htmlblocks.block(body, searchable=True))
    cut, found = htmlblocks.stash(text)
    assert "<table" not in cut and "briefing-text" not in cut
    assert len(found.blocks) == 2
    html = markdown.markdown(cut)
    first = htmlblocks.restore(html, found, searchable=True)
    assert "briefing-text" in first and "<table" not in first  # the search sees the text only
    assert htmlblocks.restore(first, found, searchable=False) == direct
    assert found.anchor_ids() == {"x", "s1"}


def test_page_without_blocks_is_untouched():
    text = _page()
    cut, found = htmlblocks.stash(text)
    assert cut == text and not found.blocks
    assert htmlblocks.restore("<p>x</p>", found, searchable=False) == "<p>x</p>"


def test_article_text_cannot_forge_a_block_or_a_placeholder():
    """Markers and placeholders come only from the generator: escaped text never matches."""
    hostile = ('<!--briefing:block-->\n<script>x</script>\n<!--/briefing:block-->\n'
               '<div data-briefing-block="0"></div>')
    text = _page(f"\n{escape(hostile)}\n\n")
    cut, found = htmlblocks.stash(text)
    assert not found.blocks and cut == text
    real = htmlblocks.block("<ul><li>ok</li></ul>")
    cut, found = htmlblocks.stash(_page(f"\n{escape(hostile)}\n\n", real))
    html = htmlblocks.restore(markdown.markdown(cut), found, searchable=False)
    assert "<script>" not in html and "<li>ok</li>" in html


#: what `stash` cuts out, as one regular expression (it finds the same with str.find)
_PATTERN = re.compile(r"^<!--briefing:block( searchable)?-->\n(.*?)\n<!--/briefing:block-->$",
                      re.DOTALL | re.MULTILINE)


def _by_pattern(text: str) -> tuple[str, list[tuple[bool, bytes]]]:
    blocks: list[tuple[bool, bytes]] = []

    def cut(m: re.Match[str]) -> str:
        blocks.append((bool(m.group(1)), m.group(2).encode("utf-8")))
        return f'<div data-briefing-block="{len(blocks) - 1}"></div>'

    return _PATTERN.sub(cut, text), blocks


def test_stash_cuts_what_the_pattern_matches():
    """Every arrangement of markers, line breaks and text up to a few pieces long (random,
    seeded), and a generated page: the same placeholders and blocks as the pattern."""
    pieces = ["<!--briefing:block-->", "<!--briefing:block searchable-->",
              "<!--/briefing:block-->", "\n", "x", "<!--briefing:block", "-->", " searchable"]
    rng = random.Random(7)
    cases = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
             for _ in range(20000)]
    cases.append(_page(htmlblocks.block("<ul>\n<li>a</li>\n</ul>"), "\n\nmiddle\n",
                       htmlblocks.block("<p>b</p>", searchable=True)))
    for text in cases:
        cut, found = htmlblocks.stash(text)
        assert (cut, found.blocks) == _by_pattern(text), repr(text)


def _full_text(paragraphs: list[list[str]]) -> str:
    from generator.templating import fragments

    numbered, n = [], 0
    for para in paragraphs:  # the template escapes the sentences, as for a real article
        numbered.append([(n := n + 1, s) for s in para])
    return str(fragments().full_text(numbered))


def _indexed(html: str) -> list[tuple[str | None, str, str]]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(f'<h2 id="full-text">Full text</h2>\n{html}')
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data]


_SENTENCES = ["Growth was 5.5 percent.", "A & B < C > D \"quoted\" 'single'.",
              "Tabs\tand  two spaces.", " leading and trailing ", "é 中文 ↗", "x",
              "Line\nbreak.", "&amp; already escaped?", "", " ", "\u00a0"]


def test_the_search_sees_an_article_text_without_anchors_as_it_sees_it_with_them():
    """search_view drops the sentence anchors (a quarter of the parsing): Material's own
    parser must make the same sections and text of both."""
    rng = random.Random(7)
    for _ in range(300):
        paras = [[rng.choice(_SENTENCES) + rng.choice(["", "", " more", "."])
                  for _ in range(rng.randint(1, 6))] for _ in range(rng.randint(1, 4))]
        html = _full_text(paras)
        view = htmlblocks.search_view(html)
        assert 'class="sentence"' in html
        blank = any(not s.strip() for para in paras for s in para)
        assert ("<span" in view) is blank, "only a text with a blank sentence keeps them"
        assert _indexed(view) == _indexed(html), paras


def test_anchors_are_put_back_once_the_page_is_indexed():
    text = _full_text([["One.", "Two & three."], ["Four."]])
    cut, found = htmlblocks.stash(_page(htmlblocks.block(text, searchable=True)))
    html = markdown.markdown(cut)
    indexed = htmlblocks.restore(html, found, searchable=True)
    assert 'id="s2"' not in indexed and "Two &amp; three." in indexed
    final = htmlblocks.restore(indexed, found, searchable=False)
    assert text in final and 'id="s3"' in final
    assert found.anchor_ids() >= {"s1", "s2", "s3"}  # MkDocs validates links to them


def test_a_page_changed_between_indexing_and_restoring_is_an_error_not_lost_anchors():
    text = _full_text([["One.", "Two."]])
    cut, found = htmlblocks.stash(_page(htmlblocks.block(text, searchable=True)))
    indexed = htmlblocks.restore(markdown.markdown(cut), found, searchable=True)
    import pytest

    with pytest.raises(RuntimeError, match="sentence anchors"):
        htmlblocks.restore(indexed.replace("One.", "Uno."), found, searchable=False)
