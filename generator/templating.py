"""The Jinja2 environment that renders every page and HTML fragment of the site.

Templates live in ``generator/templates/``: one per page kind (the region page is
``region.html.j2``; ``.html.j2`` pages are HTML, see generator.htmlpage, the few
``.md.j2`` ones Markdown), and ``fragments.html.j2``, the macros for the HTML blocks pages
share (tables, lists, the article text, chart figures). Python computes what a page shows
(``generator.digest``, ``generator.pages``); templates only lay it out.

Escaping is the environment's job, not the caller's: every ``{{ value }}`` that is not
already :class:`~markupsafe.Markup` goes through :func:`generator.fmt.escape`, which is safe
in HTML *and* Markdown (Jinja's own autoescape knows HTML only, and ``*`` or ``[`` in an
article title would become Markdown markup).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from . import htmlpage
from .fmt import escape, escape_block
from .htmlblocks import block


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}``: Markup (built by a macro or a helper, already safe) as it is,
    anything else through `escape()`."""
    if isinstance(value, Markup):
        return value
    return Markup(escape(value))


@cache
def environment() -> jinja2.Environment:
    """The one environment (built once: it holds compiled templates, never results)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"), autoescape=True,
        finalize=_finalize, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    # {% filter htmlblock %}<p>...</p>{% endfilter %}: HTML the template writes, passed
    # through MkDocs as it is (generator.htmlblocks)
    env.filters["htmlblock"] = lambda html: Markup(block(str(html)))
    # {{ snippet | pre }}: text for a <pre> block, its newlines and indentation kept
    env.filters["pre"] = lambda text: Markup(escape_block(text))
    return env


def render_page(template: str, **context: Any) -> str:
    """A page from ``templates/<template>``: runs of blank lines left by conditional sections
    collapse to one, and the page ends with one newline. A ``.html.j2`` template makes an
    HTML page (generator.htmlpage): its body is marked as such, and its headings get ids."""
    text = environment().get_template(template).render(**context)
    text = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    if not template.endswith(".html.j2"):
        return text
    end = text.find("\n---\n", 4) + 5 if text.startswith("---\n") else 0
    if end == 4:  # an unterminated front matter: not one this module writes
        raise ValueError(f"{template}: front matter without its closing ---")
    return text[:end] + "\n" + htmlpage.MARK + "\n" + htmlpage.finish(text[end:].lstrip("\n"))


def fragments() -> Any:
    """The macros of ``templates/fragments.html.j2``, callable from Python; each returns
    Markup (``fragments().table(headers, rows)``)."""
    return environment().get_template("fragments.html.j2").module
