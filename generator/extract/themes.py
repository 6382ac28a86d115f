"""Themes: each taxonomy theme matched by its aliases, with sentences and regions.

Matching itself (one automaton over all aliases; case- and hyphen-insensitive,
acronyms case-sensitive) lives in :mod:`generator.reference`; this module turns
matches into the record's ``themes`` list. A theme's regions are the focus regions
of the sentences that name it, so "Efforts will be put into ICs, NEVs, AI" in a
paragraph about Guangdong files those themes under Guangdong.

Not every match is evidence. A theme is tagged when the text states a plan or a fact
about that field, so (cue lists in cues.yaml ``theme_evidence``):

* an alias inside a slogan ("deepen reform and opening-up") counts for nothing;
* an alias marked ``generic`` in taxonomy.yaml (an everyday word: "trade", "export",
  "consumption", "port", "AI") counts only where it is the topic of a statement: a figure
  near it ("exports rose 7 percent") or a plan verb just before it ("boost consumption");
  and never as one item of a bare list of economic aggregates ("investment, consumption
  and foreign trade") nor on a line that is not prose (a menu, a caption, a heading).

Mentions that do not count are still returned (figures and commitments use every match to
label what a number or a pledge is about), flagged ``counts=False``; only counting mentions
make the record's ``themes`` list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..reference import Match, Taxonomy
from .cues import alternation, cues
from .regions import RegionAnalysis


@dataclass(frozen=True)
class ThemeMention:
    sentence: int
    start: int
    end: int
    theme: str
    text: str
    # False for a match that is no evidence of the theme (a slogan, a generic word in
    # passing); kept for the modules that label figures and pledges by nearby themes
    counts: bool = True


_WORD = re.compile(r"[\w'’&-]+")
_NUMBER = r"\d[\d,]*(?:\.\d+)?"


@cache
def _evidence() -> dict:
    return cues()["theme_evidence"]


@cache
def _phrase_regex(key: str) -> re.Pattern[str]:
    """Word-bounded, case-insensitive regex of one ``theme_evidence`` phrase list."""
    return re.compile(rf"(?<![\w-])(?:{alternation(_evidence()[key])})(?![\w-])", re.I)


@cache
def _figure_regex() -> re.Pattern[str]:
    """A number with a unit ("7 percent", "55.67 billion yuan", "$2 billion"): a bare
    number is often a year or a count of something else, so it is no figure here."""
    units = alternation(_evidence()["figure_units"])
    return re.compile(
        rf"(?:{_NUMBER}\s*(?:{units})(?![a-z])|(?:US\$|HK\$|\$|¥|RMB\s?|CNY\s?){_NUMBER})",
        re.I)


@cache
def _aggregate_list_regex() -> re.Pattern[str]:
    """Three or more economic aggregates and nothing else, comma- or and-separated."""
    item = alternation(_evidence()["aggregates"])
    sep = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    return re.compile(rf"(?<![\w-])(?:{item})(?:{sep}(?:{item})){{2,}}(?![\w-])", re.I)


def is_prose(sentence: str) -> bool:
    """Whether a sentence reads as running text: a menu line ("News | Trade | Investment"),
    a caption or a title-cased heading has few lower-case words, and a generic word on it
    is a label, not a statement."""
    words = [w for w in _WORD.findall(sentence) if w[0].isalpha()]
    lower = sum(w[0].islower() for w in words)
    return lower >= 1 and lower >= 0.4 * len(words)


def in_slogan(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` lies inside a slogan ("reform and opening-up"),
    which names a field without stating any plan or fact about it."""
    return any(m.start() <= start and end <= m.end()
               for m in _phrase_regex("slogans").finditer(sentence))


def in_aggregate_list(sentence: str, start: int, end: int) -> bool:
    """Whether the mention is one item of a bare list of economic aggregates ("the three
    indicators of investment, consumption and foreign trade"): such a list names the
    headings of a macro report, not a plan for any one of them."""
    return any(m.start() <= start and end <= m.end()
               for m in _aggregate_list_regex().finditer(sentence))


def _words_between(text: str) -> int:
    return len(_WORD.findall(text))


def _content_words_between(text: str) -> int:
    """Words in ``text`` other than coordinators and determiners ("the", "and"), which do
    not push a verb away from its object ("promote unmanned, electric and AI-powered
    machinery")."""
    skip = _evidence()["filler_words"]
    return sum(w.lower() not in skip for w in _WORD.findall(text))


_CLAUSE_BREAK = re.compile(r"[;:]|,\s")


def has_figure_near(sentence: str, start: int, end: int) -> bool:
    """Whether a figure with a unit sits within a few words of the mention, in the same
    clause: "trade volume reached 55 billion yuan", "a 7 percent rise in exports". A comma
    ends the clause, so in "Ningbo, which has a busy port, set a target of 6 percent" the
    figure is the city's, not the port's."""
    ev = _evidence()
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    nxt = _CLAUSE_BREAK.search(sentence, end)
    hi = nxt.start() if nxt else len(sentence)
    after, before = ev["figure_window_after"], ev["figure_window_before"]
    for m in _figure_regex().finditer(sentence, lo, hi):
        if m.start() >= end and _words_between(sentence[end:m.start()]) <= after:
            return True
        if m.end() <= start and _words_between(sentence[m.end():start]) <= before:
            return True
    return False


def has_plan_verb_before(sentence: str, start: int) -> bool:
    """Whether a plan or policy verb governs the mention: one of the few words just before
    it is "boost", "expand", "attract" ... ("boost consumption", "expand China's domestic
    demand", "attract more foreign firms")."""
    window = _evidence()["plan_window"]
    for m in _phrase_regex("plan_verbs").finditer(sentence, 0, start):
        if _content_words_between(sentence[m.end():start]) < window:
            return True
    return False


def is_statement_topic(sentence: str, start: int, end: int) -> bool:
    """Whether a generic alias is what the sentence states something about: prose, not in
    a bare list of aggregates, with a figure near it or a plan verb before it."""
    if not is_prose(sentence) or in_aggregate_list(sentence, start, end):
        return False
    return has_figure_near(sentence, start, end) or has_plan_verb_before(sentence, start)


def mention_counts(sentence: str, match: Match, theme: str, taxonomy: Taxonomy) -> bool:
    """Whether one alias match is evidence of ``theme`` (see the module docstring)."""
    if in_slogan(sentence, match.start, match.end):
        return False
    if taxonomy.is_generic(theme, match.text):
        return is_statement_topic(sentence, match.start, match.end)
    return True


def find_themes(sentences: Sequence[str], taxonomy: Taxonomy) -> list[ThemeMention]:
    """Every theme mention, in document order (first candidate id of each match), each
    flagged whether it counts as evidence of its theme."""
    out: list[ThemeMention] = []
    for n, sentence in enumerate(sentences, start=1):
        for m in taxonomy.find(sentence):
            for tid in m.ids:
                out.append(ThemeMention(n, m.start, m.end, tid, m.text,
                                        mention_counts(sentence, m, tid, taxonomy)))
    return out


def summarise_themes(
    mentions: Sequence[ThemeMention], analysis: RegionAnalysis, taxonomy: Taxonomy
) -> list[dict]:
    """The record's ``themes`` list, in order of first mention (counting mentions only)."""
    order: dict[str, dict] = {}
    for m in mentions:
        if not m.counts:
            continue
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
