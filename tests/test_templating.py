"""The template environment: data is escaped by the environment, Markup passes as it is, and
every page kind is rendered from a template of its own."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from generator import htmlpage, pages
from generator.templating import fragments, render_page

HOSTILE = '<script>alert(1)</script> *bold* [x](javascript:y) | {{ 7*7 }}'


def test_fragments_escape_data_and_keep_markup() -> None:
    html = str(fragments().table(["Region", Markup("<abbr>N</abbr>")],
                                 [[HOSTILE, Markup('<a href="../x/">X</a>')]]))
    assert "<script>" not in html and "*bold*" not in html and "{{" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="../x/">X</a>' in html and "<abbr>N</abbr>" in html
    assert "\n\n" not in html  # one raw HTML block: no blank line inside


def test_list_and_full_text_fragments() -> None:
    items = str(fragments().list([HOSTILE, Markup("<em>ok</em>")]))
    assert items.count("<li>") == 2 and "<em>ok</em>" in items and "<script>" not in items
    text = str(fragments().full_text([[(1, "First."), (2, HOSTILE)], [(3, "Third.")]]))
    assert re.findall(r'id="s(\d+)"', text) == ["1", "2", "3"]
    assert text.count("<p>") == 2 and "<script>" not in text


def test_render_page_collapses_blank_runs_and_ends_with_one_newline() -> None:
    text = render_page("listing.html.j2", front_matter=Markup("---\ntitle: t\n---"),
                       title=HOSTILE, first=1, last=0, total=0, nav=[], articles="")
    assert "\n\n\n" not in text and text.endswith("<p>None.</p>\n")
    assert not text.endswith("\n\n")
    assert re.search(r'<h1 id="[\w-]+">&lt;script&gt;alert', text)


def test_an_html_page_is_marked_after_its_front_matter() -> None:
    """A .html.j2 template makes an HTML page: front matter, then the mark MkDocs' plugin looks
    for (generator.htmlpage), then the body with an id on each heading."""
    text = render_page("listing.html.j2", front_matter=Markup("---\ntitle: t\n---"),
                       title="Articles", first=1, last=0, total=0, nav=[], articles="")
    assert text.startswith("---\ntitle: t\n---\n\n" + htmlpage.MARK + "\n<h1 id=\"articles\">")
    assert htmlpage.is_html_page(text) and htmlpage.is_html_page(text.encode())
    markdown = render_page("themes_index.md.j2", front_matter=Markup("---\ntitle: t\n---"),
                           ranked_chart="", rows=[])
    assert not htmlpage.is_html_page(markdown) and "# Themes" in markdown


def test_every_page_kind_has_a_template() -> None:
    used = set(re.findall(r'render_page\(\s*"([\w.]+)"', Path(pages.__file__).read_text()))
    folder = Path(pages.__file__).parent / "templates"
    assert used <= {p.name for p in folder.iterdir()}
    # the kinds with many pages are HTML (no Markdown to convert); the corpus-wide pages
    # (one each) stay Markdown
    for kind in ("article", "region", "region_plans", "theme", "edition", "listing", "review"):
        assert f"{kind}.html.j2" in used, kind
    for kind in ("home", "editions", "articles_index", "regions_index", "themes_index",
                 "figures"):
        assert f"{kind}.md.j2" in used, kind
