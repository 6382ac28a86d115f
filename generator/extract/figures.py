"""Figures: every number that carries meaning, with what it measures and for whom.

Three steps, each a small function:

1. :func:`~.quantities.scan_numbers` finds the quantities of a sentence.
2. :func:`classify` names the indicator from cue words in the figure's clause
   (cues.yaml ``indicator_cues``): a GDP growth *target* needs GDP, growth and a
   target/plan word; shares need "accounted for", "share", "percent of" ...
3. :func:`attribute` assigns regions: the nearest actor named before the figure in
   its clause, all of them when they are coordinated ("Changsha ... and Dalian ...
   at more than 5.5 percent" is two targets), paired in order with
   "respectively", or the sentence's focus region when the sentence names none.

GDP growth (targets, outcomes, forecasts) is not decided here: :mod:`.growth` reads the
sentence analysis (:mod:`.analysis`) for it, and :func:`generator.extract.extract` merges
the two lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..reference import Gazetteer
from .analysis import clause_breaks
from .cues import _re, alternation, cues, word_regex
from .quantities import YEAR_RE, Quantity, might_hold_numbers, scan_numbers
from .regions import RegionAnalysis, RegionMention, _directions, most_specific
from .themes import ThemeMention

_NATIONAL_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:national|nationwide|country's|country’s)\s+(?:average|growth|rate|level|"
    r"figure|target|total)\s+(?:of\s+|at\s+|was\s+)?(?:about\s+|around\s+|some\s+)?$", re.I)
_OF_AFTER = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,2}of\s+(?:the\s+)?$")
_LEADING_ANAPHOR = re.compile(
    r"^\W*(?:its|their|it|they|the\s+(?:city|province|region|municipality|economy)(?:['’]s)?)\b",
    re.I)
_RELATIVE_YEAR = re.compile(r"\b(last|this|next|the\s+previous|the\s+past)\s+year\b", re.I)


@cache
def _cue(name: str) -> re.Pattern[str]:
    words = cues()["indicator_cues"][name]
    return re.compile(rf"(?<![\w&-])(?:{alternation(words)})(?![\w&-])", re.I)


_GDP_LEVEL = re.compile(r"\bGDP\b|gross domestic product|economic (?:output|aggregate)", re.I)


# "18 percent of its total GDP", "5% of GDP", "30 percent of the province's ...": a share
_SHARE_AFTER = re.compile(
    r"^\s*of\s+(?:(?:the|its|their|total|all|gross)\b|GDP\b|[A-Z][\w-]*['’]s\b)", re.I)
# a verb of change right before the number: the figure is an outcome, not a target
_ACTUAL_BEFORE = re.compile(
    r"\b(?P<verb>grew|rose|expanded|increased|climbed|jumped|surged|gained|advanced|edged\s+up"
    r"|was\s+up|were\s+up|up|contracted|shrank|fell|declined|dropped|slipped|slid|decreased"
    r"|was\s+down|were\s+down|down|growing|expanding|rising|having\s+(?:grown|expanded|risen)"
    r"|actual\s+growth\s+of)"
    r"(?:\s+(?:by|an?\s+annual|a\s+year-on-year|just|only|merely|a\s+mere))?\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|just\s+over)\s+)?$",
    re.I,
)
_FALL_VERBS = frozenset(
    {"contracted", "shrank", "fell", "declined", "dropped", "slipped", "slid", "decreased", "down"})
# a target named right before the number: "set targets of 7 percent and 6.5 percent",
# "is each targeting about 6%", "set a goal of about 5.5%", "is aiming for more than 5.5%"
_TARGET_NOUN = re.compile(
    r"\b(?:targets?|goals?|targeting|targeted|aim(?:s|ing|ed)?\s+(?:for|at)|eye(?:s|ing)?"
    r"|committed\s+to|pledged|pledges|vowed|vows|promised|promises|promise)\b", re.I)


# "He expects China's economy to grow 4.5%", "She forecast that Guangdong would grow ...",
# "Economists expect ...": a commentator's forecast, never a government's target
_FORECAST = re.compile(
    r"^\W*(?:he|she|they|analysts?|economists?|observers?|experts?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"\s+(?:also\s+)?"
    r"(?:forecasts?|expects?|expected|predicts?|predicted|estimates?|estimated|projects?|"
    r"projected|sees|saw|reckons|anticipates?|believes?|thinks?)\b", re.I)
# An aside after a place ("Zhuhai, which grew 2.3% in 2022 to 404.5 billion yuan, aims for
# at least 6% this year"): its words and years do not describe a figure outside it.
_ASIDE = re.compile(
    r",\s+(?:which|who|where|whose|home\s+to|host\s+of|a|an|the|dubbed|known\s+as|nicknamed)"
    r"\s[^,;]{3,160},", re.I)


def _without_asides(sentence: str, asides: Sequence[tuple[int, int]], q: Quantity) -> str:
    """*sentence* with the *asides* (spans of _ASIDE matches) that do not contain *q* blanked
    out, offsets kept."""
    out = sentence
    for start, end in asides:
        if not (start <= q.start < end):
            out = out[: start + 1] + " " * (end - start - 2) + out[end - 1 :]
    return out


def classify(
    q: Quantity, window: str, themes_at: Sequence[int] = (), offset: int = 0
) -> str:
    """The indicator of a quantity, from cue words in its clause (*window*, which starts at
    *offset* in the sentence); *themes_at* are the sentence positions of the themes (the
    industries) named in the clause before the figure."""
    themed = bool(themes_at)
    seen: dict[str, bool] = {}

    def has(name: str) -> bool:
        if name not in seen:
            seen[name] = bool(_cue(name).search(window))
        return seen[name]

    if q.unit in ("percent", "percentage-points"):
        before = window[: max(0, q.start - offset)]
        if has("rd"):
            return "rd-intensity"
        if _SHARE_AFTER.match(window[q.end - offset :]):
            return "output-share"
        actual = _ACTUAL_BEFORE.search(before)
        if actual:
            if actual.group("verb").lower() in _FALL_VERBS:
                q.value, q.value_max = -q.value, None if q.value_max is None else -q.value_max
            # the economy's growth unless the clause names what else grew ("The province
            # expanded 5.3 per cent" is its GDP; "its exports rose 5%" is not)
            economy = not themed and (_re(r"\beconom(?:y|ies)\b", re.I).search(before)
                                      or not has("other_measures"))
            return "gdp-growth" if has("gdp") or economy else "output-growth"
        if has("gdp") and has("growth") and has("target") and not _ACCOUNT.search(window):
            return "gdp-growth-target"
        if has("share"):
            return "output-share"
        if has("gdp") and has("growth"):
            return "gdp-growth"
        if (
            (has("bare_growth") or has("target"))
            and has("growth")
            and not has("other_measures")
            and not themed
        ):
            return "gdp-growth-target"
        target = _TARGET_NOUN.search(before)
        if target:
            # another measure or an industry named right before the target word, between it
            # and the number, or after it makes it that measure's target; one in an aside
            # further back does not ("Tianjin, which relies on its port and manufacturing,
            # set a target of around 4 percent")
            near = max(0, target.start() - 20)
            if not _cue("other_measures").search(window, near) and not any(
                t - offset >= near for t in themes_at
            ):
                return "gdp-growth-target"
        if has("growth"):
            return "output-growth"
        return "other"
    if q.unit == "count":
        return "count"
    if q.unit.startswith("per-"):
        return "other"
    if _re(r"\bper[\s-]+(?:capita|person|head)\b", re.I).search(window[: max(0, q.start - offset)]):
        return "other"  # "per capita GDP reached 102,000 yuan": a ratio, not a level
    if has("investment"):
        return "investment"
    if _GDP_LEVEL.search(window) or has("gdp"):  # "the economy grew 5.3% to 3.72 trillion yuan"
        return "gdp"
    if has("scale"):
        return "industry-scale"
    return "other"


_ACCOUNT = re.compile(r"\baccount", re.I)


_COORD_WORDS = {
    "and",
    "as",
    "well",
    "both",
    "including",
    "in",
    "the",
    "of",
    "china's",
    "china’s",
    "province",
    "provinces",
    "city",
    "municipality",
    "region",
    "autonomous",
    "capital",
}


def _coordinated(gap: str) -> bool:
    directions = _directions()
    words = [w for w in _re(r"[\s,]+").split(gap.lower()) if w]
    return bool(gap.strip()) and all(w in _COORD_WORDS or w in directions for w in words)


def _strip_spans(text: str, offset: int, spans: Sequence[RegionMention]) -> str:
    chars = list(text)
    for s in spans:
        for i in range(max(s.start - offset, 0), min(s.end - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def attribute(
    quantities: list[Quantity],
    sentence: str,
    mentions: Sequence[RegionMention],
    focus: Sequence[str],
    gazetteer: Gazetteer,
    lead_focus: Sequence[str] | None = None,
    breaks: list[int] | None = None,
) -> None:
    """Set ``regions`` on each quantity (see the module docstring). *lead_focus* is the
    region a sentence opening with "Its ..."/"The province's ..." continues about: a figure
    before any place is named belongs to it, not to a place named later ("Its trade ...
    reached 350 billion yuan, and the canal ... from Nanning to the sea")."""
    actors = [m for m in mentions if m.role == "subject" and not m.locator]
    locators = [m for m in mentions if m.locator]
    resp = _re(r"\brespectively\b", re.I).search(sentence)
    paired: list[Quantity] = []
    if resp and len(quantities) >= 2:
        paired = _pair_respectively(
            quantities, sentence, actors, locators, resp.start(), lead_focus, gazetteer)
    if paired:
        quantities = [q for q in quantities if q not in paired]  # the others: as usual
    elif resp and len(quantities) >= 2:
        first = quantities[0].start
        # the places listed, named outright ("the province's two largest cities" refers
        # back; "In Jilin province, Changchun ..." names the province of a listed city)
        listed = most_specific(
            list(dict.fromkeys(m.region for m in actors if m.end <= first and not m.anaphor)),
            gazetteer,
        )
        if len(listed) == len(quantities):
            for q, rid in zip(quantities, listed, strict=True):
                q.regions = [rid]
            return
    if breaks is None:
        breaks = clause_breaks(sentence)
    for q in quantities:
        clause_start = max([b for b in breaks if b < q.start], default=0)
        before = [m for m in actors if m.end <= q.start and m.start >= clause_start]
        if _NATIONAL_BEFORE.search(sentence[max(0, q.start - 45) : q.start]):
            q.regions = ["china"]  # "outpacing the national average of 5%"
            continue
        of_after = next((m for m in actors if q.end <= m.start and _OF_AFTER.match(
            sentence[q.end : m.start])), None)
        if of_after is not None:
            q.regions = [of_after.region]  # "the 5.2 pct expansion of China's economy"
            continue
        if not before:
            before = [m for m in actors if m.end <= q.start]
        if not before:
            q.regions = list(lead_focus if lead_focus is not None else focus)
            q.confidence = "low"  # the place the text was about, not one named here
            continue
        group = [before[-1]]
        for prev in reversed(before[:-1]):
            gap = _strip_spans(sentence[prev.end : group[0].start], prev.end, locators)
            if _coordinated(gap):
                group.insert(0, prev)
            else:
                break
        q.regions = most_specific([m.region for m in group], gazetteer, members=True)


def _pair_respectively(
    quantities: list[Quantity],
    sentence: str,
    actors: Sequence[RegionMention],
    locators: Sequence[RegionMention],
    resp: int,
    lead_focus: Sequence[str] | None,
    gazetteer: Gazetteer,
) -> list[Quantity]:
    """"A and B ... rose 4.8 percent and 4.5 percent, respectively, to 47,600 yuan and
    53,100 yuan": the numbers after the last place named before "respectively" go to the
    places of that coordinated run, in order (cycling when each place has several). With
    no place named ("Their R&D intensity stood at 5.3 and 7.2 percent, respectively"), the
    places the sentence continues about. Returns the quantities paired (none when the
    counts do not fit)."""
    named = [m for m in actors if m.end <= resp and not m.anaphor]
    if named:
        last = named[-1]
        run = [last]
        for prev in reversed(named[:-1]):
            gap = _strip_spans(sentence[prev.end : run[0].start], prev.end, locators)
            if not _coordinated(gap):
                break
            run.insert(0, prev)
        listed = most_specific([m.region for m in run], gazetteer)
        group = [q for q in quantities if q.start >= last.end]
    elif lead_focus:
        listed, group = list(lead_focus), list(quantities)
    else:
        return []
    if len(listed) < 2 or not group or len(group) % len(listed):
        return []
    for i, q in enumerate(group):
        q.regions = [listed[i % len(listed)]]
    return group


def _nearest_year(q: Quantity, text: str, text_start: int) -> int | None:
    """The year written nearest to *q* in *text* (which starts at *text_start* in the
    sentence), not counting the figure's own digits."""
    years = [
        (abs(text_start + y.start() - q.start), int(y.group(0)))
        for y in YEAR_RE.finditer(text)
        if not (q.start <= text_start + y.start() < q.end)
    ]
    return min(years)[1] if years else None


def _year(
    q: Quantity,
    window: str,
    window_start: int,
    sentence: str,
    article_year: int | None,
    carried: int | None,
    clause: str | None = None,
    clause_start: int = 0,
) -> int | None:
    year = _nearest_year(q, window, window_start)
    if year is not None:
        return year
    rel = _RELATIVE_YEAR.search(window)
    if (
        rel is not None
        and q.indicator == "gdp-growth-target"
        and rel.group(1).lower() != "this"
        and not window[rel.end() :].startswith(("'s", "’s"))
        and _cue("target").search(window[rel.end() : q.start - window_start])
    ):
        rel = None  # "Hebei, whose GDP reached 4.2 trillion yuan last year, aims for ..."
    if rel is None and clause is not None:
        # "expanded 3.3 percent to 3.24 trillion yuan in 2022": the year closes the clause,
        # after the next figure; the nearest year in the figure's clause applies
        year = _nearest_year(q, clause, clause_start)
        if year is not None:
            return year
    if rel is None and q.indicator == "gdp-growth-target" and article_year:
        # a target is for the article's year unless its own clause says otherwise ("aiming for
        # growth of above 5 percent, after its GDP rose 2.1 percent last year")
        return article_year
    rel = rel or _RELATIVE_YEAR.search(sentence)
    if rel and article_year:
        word = rel.group(1).lower()
        return article_year + (1 if word == "next" else 0 if word == "this" else -1)
    if rel:
        return None
    if carried:
        return carried
    if q.indicator == "gdp-growth-target" and article_year:
        return article_year
    return None


def extract_figures(
    sentences: Sequence[str],
    paragraph_starts: Sequence[int],
    analysis: RegionAnalysis,
    themes: Sequence[ThemeMention],
    article_year: int | None,
    gazetteer: Gazetteer,
    scanned: Sequence[list[Quantity]] | None = None,
) -> list[dict]:
    """The record's ``figures`` list, in document order. *scanned* holds each sentence's
    quantities when the caller has scanned them already (copied before they are annotated)."""
    out: list[dict] = []
    starts = set(paragraph_starts)
    carried_year: int | None = None
    target_words = word_regex("commitment_triggers")
    themes_by_sentence: dict[int, list[ThemeMention]] = {}
    for t in themes:
        themes_by_sentence.setdefault(t.sentence, []).append(t)
    for n, sentence in enumerate(sentences, start=1):
        if n in starts:
            carried_year = None
        if not might_hold_numbers(sentence):
            continue
        # (copies: the scan is shared with the sentence analysis and is never mutated)
        quantities = ([replace(q) for q in scanned[n - 1]] if scanned is not None
                      else scan_numbers(sentence))
        mentions = analysis.in_sentence(n)
        # (a place as the subject, "Guangdong expects growth of 5%", is a target)
        forecast = bool(_FORECAST.match(sentence)) and not any(m.start < 3 for m in mentions)
        inner = clause_breaks(sentence)
        breaks = [0, *inner, len(sentence)]
        asides = [m.span() for m in _ASIDE.finditer(sentence)] if "," in sentence else []
        sentence_themes = themes_by_sentence.get(n, [])
        prev_end = 0
        for i, q in enumerate(quantities):
            clause_start = max(b for b in breaks if b <= q.start)
            clause_end = (
                min(b for b in breaks if b >= q.end) if q.end < len(sentence) else len(sentence)
            )
            nxt = quantities[i + 1].start if i + 1 < len(quantities) else len(sentence)
            window_start = clause_start
            text = _without_asides(sentence, asides, q) if asides else sentence
            window = text[clause_start : min(max(clause_end, q.end), nxt, q.end + 60)]
            in_window = [
                t for t in sentence_themes if max(clause_start, prev_end) <= t.start < q.start
            ]
            q.indicator = classify(q, window, [t.start for t in in_window], window_start)
            if q.indicator == "gdp-growth-target" and forecast:
                q.indicator = "gdp-growth"
            distinct = list(dict.fromkeys(t.theme for t in in_window))
            q.theme = distinct[0] if len(distinct) == 1 else None
            q.year = _year(q, window, window_start, sentence, article_year, carried_year,
                           text[clause_start:clause_end], clause_start)
            if (
                q.indicator == "gdp-growth-target"
                and q.year is None
                and target_words.search(sentence)
            ):
                q.year = article_year
            prev_end = q.end
        lead = analysis.focus[n - 2] if n > 1 and _LEADING_ANAPHOR.match(sentence) else None
        attribute(quantities, sentence, mentions, analysis.focus[n - 1], gazetteer, lead or None,
                  inner)
        explicit_years = [int(y.group(0)) for y in YEAR_RE.finditer(sentence)]
        if explicit_years:
            carried_year = explicit_years[-1]
        for q in quantities:
            for rid in q.regions or [None]:
                out.append(
                    {
                        "indicator": q.indicator,
                        "region": rid,
                        "theme": q.theme,
                        "year": q.year,
                        "value": q.value,
                        "value_max": q.value_max,
                        "unit": q.unit,
                        "usd_value": q.usd_value,
                        "qualifier": q.qualifier,
                        "subject": q.subject,
                        "text": q.text,
                        "sentence": n,
                        "confidence": q.confidence if rid is not None else "low",
                    }
                )
    return out
