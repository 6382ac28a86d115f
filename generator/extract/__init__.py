"""Extraction: from a cleaned :class:`~generator.ingest.Document` to the record's facts.

One module per kind of fact (regions, themes, figures, commitments, people,
summary); this function only wires them together in dependency order. Everything
here is a pure function of the document and the reference data.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..ingest import Document
from ..reference import Gazetteer, Taxonomy
from .analysis import analyse, scan_sentences, time_anchor
from .commitments import extract_commitments
from .figures import extract_figures
from .growth import GROWTH_KINDS, extract_growth
from .people import extract_people
from .regions import analyse_regions, headline_places, margin_places, summarise_regions
from .summary import lede
from .themes import find_themes, link_themes, summarise_themes

__all__ = ["extract", "paragraph_starts"]


def paragraph_starts(doc: Document) -> list[int]:
    """First sentence number (1-based) of each non-empty paragraph."""
    starts: list[int] = []
    n = 1
    for para in doc.paragraphs:
        if para:
            starts.append(n)
            n += len(para)
    return starts


def extract(doc: Document, gazetteer: Gazetteer, taxonomy: Taxonomy) -> dict:
    """All extracted fields of one article (no identity or metadata fields)."""
    sentences = doc.sentences
    starts = paragraph_starts(doc)
    people, quotes = extract_people(sentences, gazetteer)
    headline = _headline(doc)
    analysis = analyse_regions(sentences, starts, doc.dateline, gazetteer, quotes,
                               headline_places(doc.title, gazetteer) if headline is None else ())
    theme_mentions = find_themes(sentences, taxonomy)
    anchor = time_anchor(doc.date, sentences, doc.url)
    scanned = scan_sentences(sentences)
    analyses = analyse(sentences, starts, analysis, anchor, scanned)
    growth = extract_growth(analyses, anchor, gazetteer, headline, doc.title)
    figures = extract_figures(sentences, starts, analysis, theme_mentions, anchor.year, gazetteer,
                              scanned)
    return {
        "summary": lede(sentences),
        "word_count": sum(len(s.split()) for s in sentences),
        "regions": summarise_regions(analysis, gazetteer,
                                     margin_places(_margins(doc, headline), gazetteer)),
        "themes": summarise_themes(theme_mentions, analysis, taxonomy,
                                   link_themes(theme_mentions, analyses, analysis, gazetteer)),
        "figures": merge_figures(figures, [g.as_figure() for g in growth], sentences),
        "commitments": extract_commitments(analyses, analysis, theme_mentions, quotes, gazetteer),
        "people": people,
        "sentences": list(sentences),
        "paragraphs": starts,
    }


def _margins(doc: Document, headline: int | None) -> list[tuple[str, str]]:
    """What names places beside the text: the headline when the body does not open with it
    (*headline*: :func:`_headline`), then the captions and byline places the ingest set
    aside."""
    head = [("title", doc.title)] if doc.title and headline is None else []
    return head + list(doc.margins)


def _headline(doc: Document) -> int | None:
    """The sentence number of the headline, when the body starts with it."""
    sentences = doc.sentences
    if not sentences:
        return None
    first = sentences[0]
    if doc.title and (doc.title in first or first in doc.title):
        return 1
    return 1 if first.lstrip().startswith("date ") else None


def merge_figures(figures: list[dict], growth: list[dict], sentences: Sequence[str]) -> list[dict]:
    """The record's figures: GDP growth from :mod:`.growth`, which alone decides it, every
    other figure from :mod:`.figures`, in reading order. Of the growth figures the older
    classifier saw, only the nation's (a reference line on the site) and changes in
    percentage points are kept; the rest are what :mod:`.growth` chose not to publish."""
    claimed = {(g["sentence"], g["text"]) for g in growth}
    kept = []
    for f in figures:
        if (f["sentence"], f["text"]) in claimed:
            continue  # the growth rules read this number: one figure, theirs
        if f["indicator"] in GROWTH_KINDS:
            if f["unit"] == "percentage-points":
                f = {**f, "indicator": "other"}
            elif f["region"] == "china":  # the national line, for reference only
                f = {**f, "indicator": "other", "subject": "national GDP growth"}
            else:
                continue
        kept.append(f)

    def position(f: dict) -> tuple[int, int]:
        return f["sentence"], max(sentences[f["sentence"] - 1].find(f["text"]), 0)

    return sorted(kept + growth, key=position)
