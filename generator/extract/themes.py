"""Themes: each taxonomy theme matched by its aliases, with sentences and regions.

Matching itself (one automaton over all aliases; case- and hyphen-insensitive,
acronyms case-sensitive) lives in :mod:`generator.reference`; this module turns
matches into the record's ``themes`` list.

A theme's regions are the *actors* of the statements about it (:func:`link_regions`), not
every place that shares a sentence with it: the clause holding the mention (the clauses of
:func:`~.analysis.clause_breaks`) names its actor before the theme ("Shanghai and Sichuan
have identified brain-computer interfaces ..., while Anhui targets a fusion reactor" files
BCI under Shanghai and Sichuan, fusion under Anhui), or after it when none comes before
("quantum computing is a priority for Hefei"); a clause that names no place is about the
actor of the clause before it in the sentence, else about the place the text was about
(the focus: "Efforts will be put into ICs, NEVs, AI" after a sentence about Guangdong files
those themes under Guangdong), unless it talks about a group of places or the nation. Places
inside an aside or that only locate another ("Ningbo in Zhejiang") are not actors. Every
link is cited: the record's ``region_sentences`` maps each region to the sentences that
link it.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ..reference import Gazetteer, Match, Taxonomy
from .analysis import SentenceAnalysis
from .cues import alternation, cues
from .regions import RegionAnalysis, about_group_or_nation, most_specific


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
_GROWS = re.compile(r"\b(?:grow|grew|grown|grows|increase|increased|increases|rise|rose|risen"
                    r"|rises|expand|expanded|expands)\b", re.I)


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
        grows = _GROWS.search(sentence, end, m.start()) if m.start() >= end else None
        if grows and _words_between(sentence[end:grows.start()]) <= 4 and _words_between(
                sentence[grows.end():m.start()]) <= 6:
            # the mention is what grows by the figure: "The total import and export volume
            # is projected to grow at an annual rate of 9.1%"
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


# --- links: which region a statement about a theme is about --------------------------------


def own_actors(sa: SentenceAnalysis, start: int, end: int, pos: int) -> list[str]:
    """The places acting in the clause [start, end) for a statement at *pos*: those named
    before *pos* (the subject: "Anhui targets building a fusion reactor"), else those after
    it in the same clause ("quantum computing is a priority for Hefei", and when only the
    nation comes before: a region says more than the country). A place inside an
    aside describes another ("Shenzhen, a city bordering Hong Kong, ...") and a locator only
    says where another is ("Ningbo in Zhejiang"), so neither acts (``sa.actors`` already
    leaves locators out)."""
    named = [a for a in sa.actors if start <= a.start < end and not in_aside(sa, a.start)
             and not (a.anaphor and sa.text[a.start:a.end] in ("It", "Its"))]
    # ("It will also develop humanoid robots": the place before, carried as such, not named)
    before = [a.region for a in named if a.end <= pos]
    after = [a.region for a in named if a.start >= pos]
    if set(before) <= {"china"} and not _owns(sa.text, [a for a in named if a.end <= pos], pos):
        # the nation before, a region after: "China's carriers will build data centres in
        # Guiyang" is news about Guiyang (most_specific then drops the country)
        return before + after
    return before


def _owns(text: str, before: Sequence, pos: int) -> bool:
    """Whether the last place before *pos* is the possessor of what stands at *pos*
    ("China's green transition"): then the statement is that place's."""
    return bool(before) and bool(
        re.fullmatch(r"['’]s\s+(?:[\w-]+\s+)?", text[before[-1].end:pos]))


def in_aside(sa: SentenceAnalysis, pos: int) -> bool:
    """Whether *pos* lies inside an aside that describes a name. The sentence analysis
    takes any ", the ... ," after a capitalised word for an aside; it only is one when it
    follows a place ("Guangdong province, a manufacturing hub, ...") or a name after the
    sentence's opening phrase. After the opening phrase ("Undeterred, the provincial
    government is targeting ...", "Located on the Yangtze River, the city boasts ...") it
    is the main clause."""
    span = sa.aside(pos)
    if span is None:
        return False
    places = [e for _, e in sa.locators] + [a.end for a in sa.actors]
    if any(0 <= span[0] - e <= 12 for e in places):
        return True
    return "," in sa.text[:span[0]]


def earlier_clause_actors(sa: SentenceAnalysis, start: int) -> list[str]:
    """The actors of the nearest clause before *start* that names one: a clause that names
    no place continues the one before it ("Guangdong will boost AI, while also expanding
    robotics")."""
    for cs, ce in reversed([c for c in sa.clauses if c[1] <= start]):
        found = own_actors(sa, cs, ce, ce)
        if found:
            return found
    return []


def link_regions(sa: SentenceAnalysis, pos: int, carried: Sequence[str],
                 gazetteer: Gazetteer) -> tuple[list[str], bool]:
    """The regions a statement at *pos* of the sentence is about, and whether the sentence
    names them itself (False: they are the focus *carried* from the text before). See the
    module docstring for the order of the rules; a clause that talks about a group of places
    or the nation ("while many provinces target ...") before *pos* is about no one region."""
    start, end = sa.clause(pos)
    own = own_actors(sa, start, end, pos)
    if own:
        return most_specific(own, gazetteer), True
    if about_group_or_nation(_clause_opening(sa.text[start:pos])):
        return [], True
    earlier = earlier_clause_actors(sa, start)
    if earlier:
        return most_specific(earlier, gazetteer), True
    return list(carried), False


def _clause_opening(text: str) -> str:
    """A clause's text without the word that opened it ("while", "but", ";")."""
    return re.sub(r"^[\W]*(?:while|whereas|but|meanwhile)?\b[\s,]*", "", text, flags=re.I)


def carried_focus(sa: SentenceAnalysis, analysis: RegionAnalysis) -> tuple[str, ...]:
    """What a clause naming no place is about: the sentence's focus when it names no actor
    (the place carried over, or nothing after a group, the nation or a commentator's own
    paragraph), else the focus the sentence inherited from the one before (its own actors
    are in other clauses)."""
    if not sa.actors or not analysis.carried:
        return sa.focus
    return analysis.carried[sa.n - 1]


def link_themes(mentions: Sequence[ThemeMention], analyses: Sequence[SentenceAnalysis],
                analysis: RegionAnalysis, gazetteer: Gazetteer
                ) -> dict[ThemeMention, tuple[list[str], bool]]:
    """The regions each counting mention links its theme to (see :func:`link_regions`), and
    whether its clause names them (False: carried from the text before, a low-confidence
    link)."""
    out: dict[ThemeMention, tuple[list[str], bool]] = {}
    for m in mentions:
        if m.counts:
            sa = analyses[m.sentence - 1]
            out[m] = link_regions(sa, m.start, carried_focus(sa, analysis), gazetteer)
    return out


def summarise_themes(
    mentions: Sequence[ThemeMention], analysis: RegionAnalysis, taxonomy: Taxonomy,
    links: Mapping[ThemeMention, tuple[Sequence[str], bool]] | None = None,
) -> list[dict]:
    """The record's ``themes`` list, in order of first mention (counting mentions only).
    A theme's regions are those its mentions *link* it to (:func:`link_themes`); without
    links (no sentence analysis at hand), every clause is taken to name no place, so a
    mention links the sentence's focus. ``region_sentences`` cites, per region, the
    sentences that link it; ``region_confidence`` says ``high`` for a region some clause
    names as the actor, ``low`` for one only carried from the sentences before."""
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
                "region_sentences": {},
                "region_confidence": {},
            }
        entry["mentions"] += 1
        if m.sentence not in entry["sentences"]:
            entry["sentences"].append(m.sentence)
        if links is not None:
            linked, named = links.get(m, ((), False))
        else:
            linked, named = analysis.focus[m.sentence - 1], False
        for rid in linked:
            known = entry["region_confidence"].get(rid)
            entry["region_confidence"][rid] = "high" if named or known == "high" else "low"
            if rid not in entry["regions"]:
                entry["regions"].append(rid)
            cited = entry["region_sentences"].setdefault(rid, [])
            if m.sentence not in cited:
                cited.append(m.sentence)
    return list(order.values())
