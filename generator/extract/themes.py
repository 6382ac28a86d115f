"""Themes: each taxonomy theme matched by its aliases, with sentences and regions.

Matching itself (one automaton over all aliases; case- and hyphen-insensitive,
acronyms case-sensitive) lives in :mod:`generator.reference`; this module turns
matches into the record's ``themes`` list. A theme's regions are the focus regions
of the sentences that name it, so "Efforts will be put into ICs, NEVs, AI" in a
paragraph about Guangdong files those themes under Guangdong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..reference import Taxonomy
from .regions import RegionAnalysis


@dataclass(frozen=True)
class ThemeMention:
    sentence: int
    start: int
    end: int
    theme: str
    text: str


def find_themes(sentences: Sequence[str], taxonomy: Taxonomy) -> list[ThemeMention]:
    """Every theme mention, in document order (first candidate id of each match)."""
    out: list[ThemeMention] = []
    for n, sentence in enumerate(sentences, start=1):
        for m in taxonomy.find(sentence):
            for tid in m.ids:
                out.append(ThemeMention(n, m.start, m.end, tid, m.text))
    return out


def summarise_themes(
    mentions: Sequence[ThemeMention], analysis: RegionAnalysis, taxonomy: Taxonomy
) -> list[dict]:
    """The record's ``themes`` list, in order of first mention."""
    order: dict[str, dict] = {}
    for m in mentions:
        entry = order.get(m.theme)
        if entry is None:
            theme = taxonomy.themes[m.theme]
            entry = order[m.theme] = {
                "id": theme.id,
                "name": theme.name,
                "mentions": 0,
                "regions": [],
                "sentences": [],
            }
        entry["mentions"] += 1
        if m.sentence not in entry["sentences"]:
            entry["sentences"].append(m.sentence)
        for rid in analysis.focus[m.sentence - 1]:
            if rid not in entry["regions"]:
                entry["regions"].append(rid)
    return list(order.values())
