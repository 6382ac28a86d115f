"""Extraction: from a cleaned :class:`~generator.ingest.Document` to the record's facts.

One module per kind of fact (regions, themes, figures, commitments, people,
summary); this function only wires them together in dependency order. Everything
here is a pure function of the document and the reference data.
"""

from __future__ import annotations

from ..ingest import Document
from ..reference import Gazetteer, Taxonomy
from .commitments import extract_commitments
from .figures import extract_figures
from .people import extract_people
from .regions import analyse_regions, summarise_regions
from .summary import lede
from .themes import find_themes, summarise_themes

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
    analysis = analyse_regions(sentences, starts, doc.dateline, gazetteer, quotes)
    theme_mentions = find_themes(sentences, taxonomy)
    year = int(doc.date[:4]) if doc.date else None
    return {
        "summary": lede(sentences),
        "word_count": sum(len(s.split()) for s in sentences),
        "regions": summarise_regions(analysis, gazetteer),
        "themes": summarise_themes(theme_mentions, analysis, taxonomy),
        "figures": extract_figures(sentences, starts, analysis, theme_mentions, year, gazetteer),
        "commitments": extract_commitments(sentences, analysis, theme_mentions, quotes, gazetteer),
        "people": people,
        "sentences": list(sentences),
        "paragraphs": starts,
    }
