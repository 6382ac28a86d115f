"""HTML pages (generator.htmlpage, plugin.HtmlPage): MkDocs shows them without converting
Markdown, and they come out as the Markdown step would have made them: heading ids and
permalinks, the table of contents, the title, the ids links are checked against."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator import htmlpage
from generator.plugin import HtmlPage


def test_finish_gives_each_heading_a_unique_id() -> None:
    body = htmlpage.finish(
        '<h1>Ningbo &amp; <a href="../x/">Zhejiang</a></h1>\n<h2 data-search-exclude>Figures</h2>'
        '\n<h2>Figures</h2>\n<h2 id="t-ai">AI (3)</h2>\n<p id="s1">text</p>\n<h3>s1</h3>')
    assert re.findall(r'<h\d[^>]*\bid="([^"]+)"', body) == [
        "ningbo-zhejiang", "figures", "figures_1", "t-ai", "s1_1"]
    assert '<h2 data-search-exclude id="figures">Figures</h2>' in body
    assert '<h1 id="ningbo-zhejiang">Ningbo &amp; <a href="../x/">Zhejiang</a></h1>' in body


def test_render_adds_permalinks_toc_title_and_ids() -> None:
    body = htmlpage.finish("<h1>Title</h1>\n<h2>A</h2>\n<h3>A.1</h3>\n<h2>B</h2>\n"
                           '<p><span id="s1">One.</span></p>')
    content, toc, title, ids = htmlpage.render(body, {"permalink": True})
    assert title == "Title"
    assert ('<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
            in content)
    assert [(t["level"], t["id"], [c["id"] for c in t["children"]]) for t in toc] == [
        (1, "title", ["a", "b"])]
    assert [c["id"] for c in toc[0]["children"][0]["children"]] == ["a1"]
    assert ids == {"title", "a", "a1", "b", "s1"}
    plain, *_ = htmlpage.render(body, {})
    assert "headerlink" not in plain
    custom, *_ = htmlpage.render(body, {"permalink": "#", "permalink_title": "Link"})
    assert '<a class="headerlink" href="#b" title="Link">#</a>' in custom


def test_only_marked_pages_are_html_pages() -> None:
    assert htmlpage.is_html_page(f"---\ntitle: x\n---\n\n{htmlpage.MARK}\n<h1>x</h1>\n")
    assert not htmlpage.is_html_page("---\ntitle: x\n---\n\n# x\n")
    # article text is escaped (`<` never survives), so no article can write the mark
    assert not htmlpage.is_html_page(b"&lt;!--briefing:html--&gt;")


def _file(config, path: str, content: str) -> File:
    file = File(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = content
    return file


def _rendered(page: Page, config) -> tuple[str, list, str | None]:
    page.read_source(config)
    page.render(config, None)
    def walk(items):
        return [(i.level, i.id, i.title, walk(i.children)) for i in items]
    return page.content, walk(page.toc), page._title_from_render


def test_an_html_page_renders_as_its_markdown_twin(tmp_path: Path) -> None:
    """The same page as Markdown (MkDocs' Page) and as HTML (HtmlPage): the same HTML, table of
    contents and title."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - toc:\n      permalink: true\n  - attr_list\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    markdown = ("---\ntitle: T\n---\n\n# Title *x*\n\n## Figures { data-search-exclude }\n\n"
                "Some text.\n\n### Sub\n\n## Figures\n")
    html = ("---\ntitle: T\n---\n\n" + htmlpage.MARK + "\n" + htmlpage.finish(
        "<h1>Title <em>x</em></h1>\n<h2 data-search-exclude>Figures</h2>\n<p>Some text.</p>\n"
        "<h3>Sub</h3>\n<h2>Figures</h2>\n"))
    as_md = _rendered(Page(None, _file(config, "a.md", markdown), config),
                      config)
    as_html = _rendered(HtmlPage(None, _file(config, "b.md", html), config),
                        config)
    assert re.sub(r"\s+", " ", as_html[0]).strip() == re.sub(r"\s+", " ", as_md[0]).strip()
    assert as_html[1:] == as_md[1:]
    assert as_md[1][0][:3] == (1, "title-x", "Title x")
