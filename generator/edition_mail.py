"""One edition as a self-contained HTML file for e-mail (``briefing edition 2025-W03``).

A mail client runs no script and fetches nothing it is not told to, so the file carries
everything: styles inline, the chart of new growth targets as static SVG (vl-convert, the
renderer Altair uses), and every citation as an absolute link to its sentence on the
published site (``site_url``). Values come from generator.editions, exactly as the edition
page shows them; the template (templates/edition_email.html.j2) only renders them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from . import charts
from . import digest as dg
from .editions import Edition, editions
from .fmt import figure_value, indicator_label, safe_url
from .paths import article_path, dest_url, edition_path

__all__ = ["EditionNotFound", "edition_email"]


class EditionNotFound(LookupError):
    """No edition of that id: the message lists the ones there are."""


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("generator", "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def _svg(spec: Mapping[str, Any]) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(dict(spec))


def edition_email(records: Iterable[Mapping[str, Any]], gazetteer: Any, taxonomy: Any,
                  edition_id: str, *, period: str = "weekly",
                  site_url: str = "http://127.0.0.1:8000/",
                  use_directory_urls: bool = True) -> str:
    """The HTML text of edition *edition_id* (raises EditionNotFound); links point at the
    pages of the site published at *site_url* (its MkDocs `use_directory_urls`)."""
    d = dg.build(list(records), gazetteer, taxonomy)
    issues = editions(d, period)
    e = next((x for x in issues if x.id == edition_id), None)
    if e is None:
        known = ", ".join(x.id for x in issues) or "none (no dated articles)"
        raise EditionNotFound(f"no edition {edition_id!r}; editions: {known}")
    base = site_url.rstrip("/") + "/"
    if safe_url(base) is None:  # every link of the file starts with it
        raise ValueError(f"--site-url: expected an http(s) address, got {site_url!r}")

    def url(path: str) -> str:
        return base + dest_url(path, use_directory_urls)

    def cites(mentions: Iterable[dg.Entry], limit: int = 4) -> list[dict[str, str]]:
        first: dict[str, dg.Entry] = {}
        for m in mentions:  # one link per article, the most recent first
            first.setdefault(m.article, m)
        out = []
        for m in list(first.values())[:limit]:
            out.append({"url": f"{url(article_path(m.article))}#s{m.sentence}",
                        "label": d.article(m.article).cite_label})
        return out

    return _env().get_template("edition_email.html.j2").render(
        e=e, counts_line=e.counts, edition_url=url(edition_path(e.id)),
        chart_svg=Markup(_svg(_targets_chart(d, e))) if e.new_targets else None,
        chart_label=f"GDP growth targets first stated in {e.title}",
        targets=[{"region": d.region_name(t.fact.item.get("region")),
                  "year": t.fact.item.get("year"), "value": figure_value(t.fact.item),
                  "previous_target": figure_value(t.previous_target.item)
                  if t.previous_target else "",
                  "previous_outcome": figure_value(t.previous_outcome.item)
                  if t.previous_outcome else "",
                  "met": t.last_year,
                  "cites": cites(t.fact.mentions)} for t in e.new_targets],
        revised=[{"region": d.region_name(r.now.item.get("region")),
                  "indicator": indicator_label(r.now.item), "year": r.now.item.get("year"),
                  "now": figure_value(r.now.item), "before": figure_value(r.before.item),
                  "before_edition": r.before_edition, "now_cites": cites(r.now.mentions),
                  "before_cites": cites(r.before.mentions, 1)} for r in e.revised],
        commitments=[(d.region_name(rid) if rid else "No region named",
                      [{"text": p.item.get("text"), "cites": cites(p.mentions)}
                       for p in plans]) for rid, plans in e.new_commitments.items()],
        new_regions=[d.region_name(r) for r in e.new_regions],
        new_themes=[d.theme_name(t) for t in e.new_themes],
        articles=[{"date": d.article(a).date, "title": d.article(a).title,
                   "source": d.article(a).record.get("source"),
                   "url": url(article_path(a))} for a in e.articles])


def _targets_chart(d: dg.Digest, e: Edition) -> dict[str, Any]:
    rows = [{"region_id": t.fact.item.get("region"),
             "region": d.region_label(t.fact.item.get("region")),
             "value": t.fact.item.get("value"), "value_max": t.fact.item.get("value_max"),
             "qualifier": t.fact.item.get("qualifier"), "year": t.fact.item.get("year"),
             "url": None} for t in e.new_targets]
    return charts.growth_targets(rows)
