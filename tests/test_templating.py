"""The template environment: data is escaped by the environment, Markup passes as it is, and
every page kind is rendered from a template of its own."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from generator import pages
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
    text = render_page("listing.md.j2", front_matter=Markup("---\ntitle: t\n---"),
                       title=HOSTILE, first=1, last=0, total=0, nav=[], articles="")
    assert "\n\n\n" not in text and text.endswith("None.\n") and not text.endswith("\n\n")
    assert "# &lt;script&gt;" in text


def test_every_page_kind_has_a_template() -> None:
    used = set(re.findall(r'render_page\(\s*"([\w.]+)"', Path(pages.__file__).read_text()))
    folder = Path(pages.__file__).parent / "templates"
    assert used <= {p.name for p in folder.iterdir()}
    for kind in ("article", "region", "region_plans", "theme", "home", "edition", "editions",
                 "listing", "articles_index", "regions_index", "themes_index", "figures",
                 "review"):
        assert f"{kind}.md.j2" in used, kind
