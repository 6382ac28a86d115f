"""What a build holds and writes: each generated page let go of once MkDocs is done with
it, and pages without the theme's indentation.

MkDocs keeps every File and Page to the end of a build, and with them every generated
page's Markdown and HTML (about 240 MB at 1,000 articles). The plugin's files hold no
Markdown (MkDocs reads it from the page store when it converts the page) and it lets go of
a page's HTML once the page is written; these tests build the seeds in-process and check
both, and that nothing the site shows was lost with them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from site_fixture import copy_project

from generator import pages
from generator.plugin import BriefingPlugin, GeneratedFile, trim_chrome


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    tmp = tmp_path_factory.mktemp("memory")
    project = copy_project(tmp / "project")
    mp = pytest.MonkeyPatch()
    mp.setenv("BRIEFING_CACHE", "false")
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    kept: list = []
    on_files = BriefingPlugin.on_files

    def keeping(self, files, config):
        kept.append(on_files(self, files, config))
        return kept[-1]

    mp.setattr(BriefingPlugin, "on_files", keeping)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    finally:
        mp.undo()
    generated = [f for f in kept[0] if isinstance(f, GeneratedFile)]
    return tmp / "site", generated


def test_generated_pages_are_not_held_by_the_build(build):
    """Their bytes stay in the page store (MkDocs reads each page from there when it converts
    it), and a page's HTML is let go once the page is written."""
    _site, generated = build
    docs = [f for f in generated if f.src_uri.endswith(".md")]
    assert docs and all(f._content is None and f.stored for f in docs)
    assert all(f.page is not None and f.page.content is None for f in docs)
    assert not pages._PAGE_CACHE, "a one-off build keeps no pages for a later one"


def test_an_article_page_reads_its_markdown_from_the_store_not_its_seed(build):
    """An article page's abs_src_path is its seed file (for mkdocs-rss-plugin); its content
    is the generated page, wherever it is read."""
    _site, generated = build
    article = next(f for f in generated if f.src_uri.startswith("articles/")
                   and f.abs_src_path and f.abs_src_path.endswith((".txt", ".md")))
    seed = Path(article.abs_src_path).read_bytes()
    assert article.content_bytes == Path(article.stored).read_bytes() != seed
    assert article.content_string.startswith("---\n")
    held = copy.copy(article)  # not the build's own File: other tests read it
    held.content_string = "# Given again"  # content given to a file wins, as for any File
    assert held.content_bytes == b"# Given again"


def test_nothing_the_site_shows_was_lost(build):
    site, generated = build
    page = next(f for f in generated if f.src_uri.startswith("articles/")
                and f.src_uri.count("/") == 1 and not f.src_uri.endswith("index.md"))
    html = Path(page.abs_dest_path).read_text("utf-8")
    assert 'id="full-text"' in html and "briefing-meta" in html
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    located = {d["location"].split("#")[0] for d in index["docs"]}
    assert page.url in located
    feed = (site / "feed_rss_created.xml").read_text("utf-8")
    assert feed.count("<item>") > 0 and "<description>" in feed


def test_pages_carry_no_template_indentation_outside_their_content(build):
    site, _generated = build
    html = (site / "regions" / "guangdong" / "index.html").read_text("utf-8")
    start, end = html.index("<article"), html.rindex("</article>")
    chrome = html[:start] + html[end:]
    assert not [line for line in chrome.splitlines() if line[:1].isspace()]
    assert 'data-md-component="search"' in chrome and "md-header" in chrome


def test_trim_chrome_leaves_the_page_content_alone():
    page = ("<html>\n    <body>\n      <article>\n<pre>  kept\n    as is</pre>\n"
            "      </article>\n    </body>\n</html>\n")
    assert trim_chrome(page) == ("<html>\n<body>\n<article>\n<pre>  kept\n    as is</pre>\n"
                                 "      </article>\n</body>\n</html>\n")
    assert trim_chrome("  <p>no article</p>\n  ") == "  <p>no article</p>\n  "
    # a no-break space is text, not indentation
    assert trim_chrome("<p>\n\u00a0x</p>\n  <article>a</article>") == (
        "<p>\n\u00a0x</p>\n<article>a</article>")


def test_the_garbage_collector_runs_again_after_rendering(build):
    """Rendering pauses the cyclic collector (plugin._collector_paused); the build leaves
    it as it found it, also when rendering fails."""
    import gc

    from generator.plugin import _collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), _collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("rendering failed")
    assert gc.isenabled()


def test_freed_memory_is_given_back_where_the_c_library_can():
    """glibc keeps freed heap pages; `give_back_freed_memory` returns them before the render
    child is forked. Elsewhere (no glibc) it says it did nothing, and never raises."""
    import platform

    from generator.forked import give_back_freed_memory

    assert give_back_freed_memory() is (platform.libc_ver()[0] == "glibc")
