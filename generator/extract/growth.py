"""GDP growth: targets a government sets, outcomes for a period that is over, forecasts.

The one number analysts come for, so precision comes first: a figure is kept only when
each of four questions has an answer, and each answer is a small named rule over the
sentence analysis (:mod:`.analysis`):

* :func:`measure_of` -- is the number the economy's growth? A GDP word nearest before it
  in its stretch of the clause, or one after it ("6 percent in gross regional product");
  another measure in between ("retail sales by 7 percent") wins. List sentences with no
  measure at all ("Hunan is 6%; Anhui and Hubei are about 6.5%") continue the growth
  statement just before them.
* :func:`stance_of` -- target, outcome or forecast? The stance cue nearest before the
  number in its clause; a comparison clause ("lower than its 6.1% growth in 2022",
  "following 3% growth a year earlier") looks back at an outcome; a forecaster
  (university, bank, finance chief, economist) makes a projection a forecast.
* :func:`actors_of` -- whose? The place acting in the clause: the nearest named before
  the number, with the places coordinated with it, paired in order with "respectively",
  the place an aside describes, or the place the text is about when the sentence names
  none. A quantified or unnamed group ("most provinces", "nine of the 20 cities"), a
  district or county, or the nation gets no figure at all; a range given to several
  places is a bracket, not their targets.
* :func:`year_of` -- which year? Written in the clause, relative to the article's time
  anchor ("last year"), carried from the sentences just before, or the anchor year for a
  target.

Every fact says which rules decided it and carries ``confidence: low`` when a rule had to
guess (the place from context, the measure carried over, the year from the anchor alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..reference import Gazetteer
from .analysis import (
    CHINA_S,
    Actor,
    Cue,
    Number,
    SentenceAnalysis,
    TimeAnchor,
    YearRef,
    plan_year_in,
    starts_outcome_noun,
)
from .cues import alternation, cues
from .quantities import FROM_BEFORE
from .regions import most_specific

TARGET, OUTCOME, FORECAST = "gdp-growth-target", "gdp-growth", "gdp-growth-forecast"
INDICATORS = {"target": TARGET, "outcome": OUTCOME, "forecast": FORECAST}
#: growth over part of a year (``period``: Q1, H1, ...), so that ``gdp-growth`` is always a
#: whole year's outcome: whoever filters the records or the CSV by indicator never takes a
#: first quarter's 5.8 % for the year's growth
PART_YEAR = "gdp-growth-part-year"
#: every indicator this module decides
GROWTH_KINDS = frozenset({*INDICATORS.values(), PART_YEAR})
#: Growth rates outside this band are misread numbers ("no less than 2024% in 5").
PLAUSIBLE = (-60.0, 100.0)  # (Macao's GDP grew 80.5% in 2023 and fell 21.4% in 2022)
MEASURE_KINDS = ("gdp", "bare", "other")
STANCE_KINDS = ("target", "outcome", "forecast")
#: how many sentences a growth statement carries over to list sentences after it
TOPIC_SPAN = 3
#: how many sentences back a year written in the text still applies
YEAR_SPAN = 6
#: region rules that name the place in the clause itself
NAMED = ("clause-actor", "coordinated", "respectively", "aside-actor", "for-actor", "paired")


@dataclass(frozen=True)
class GrowthFact:
    """One growth figure for one region."""

    sentence: int
    start: int
    text: str
    indicator: str
    region: str
    year: int | None
    value: float
    value_max: float | None
    qualifier: str
    period: str | None
    forecaster: str | None
    confidence: str
    rule: str

    def as_figure(self) -> dict:
        """The record's ``figures`` entry."""
        return {
            "indicator": self.indicator,
            "region": self.region,
            "theme": None,
            "year": self.year,
            "value": self.value,
            "value_max": self.value_max,
            "unit": "percent",
            "usd_value": None,
            "qualifier": self.qualifier,
            "subject": self.forecaster,
            "text": self.text,
            "sentence": self.sentence,
            "period": self.period,
            "confidence": self.confidence,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Topic:
    """The growth statement in force: what a list sentence after it continues."""

    stance: str
    year: int | None
    sentence: int
    #: the sentence introduces a list with a colon ("The major targets ... are as follows:"):
    #: the figures of the sentence right after it are what it names
    listing: bool = False


# --- measure ---------------------------------------------------------------------------

_OF_PREVIOUS = re.compile(r"^\s*(?:of|in|for)\s+(?:the\s+|its\s+|total\s+)?$", re.I)
#: how a rate is counted, before its "growth": "year-on-year", "yearly", "annual"
_HOW_OFTEN = r"(?:(?:year[\s-]on[\s-]year|yearly|annual)\s+)?"
#: between a figure and its "growth": nothing, or how the rate is counted ("a 9.5 percent
#: year-on-year growth for GDP")
_ONLY_HOW_OFTEN = re.compile(rf"\s*{_HOW_OFTEN}", re.I)
_AFTER_MEASURE = re.compile(rf"^\s*{_HOW_OFTEN}(?:growth\s+|increase\s+|rise\s+)?(?:for|in|of)\s+",
                            re.I)

#: two qualifiers for one figure, "around or above 5 percent": said of a group, each
#: place's figure is one or the other
_EITHER_QUALIFIER = re.compile(r"\b(?:around|about|at|near)\s+or\s+(?:above|over|below|under|"
                               r"more\s+than|higher\s+than)\s+$", re.I)

#: a year between a figure and the measure after it: the figure's phrase has ended ("grow by
#: 9.2 percent in 2023 as booming tourism turbocharged ..."), the measure is another's
_YEAR_IN_GAP = re.compile(r"\b(?:19|20)\d\d\b")


def _previous_number(sa: SentenceAnalysis, i: int) -> Number | None:
    """The percentage before number *i* in its clause, if any."""
    num = sa.numbers[i]
    start, _ = sa.clause(num.start)
    prev = [q for q in sa.numbers[:i] if q.end <= num.start and q.start >= start
            and q.unit == "percent"]
    return prev[-1] if prev else None


def _after_measure(sa: SentenceAnalysis, i: int) -> str | None:
    """A measure named right after the number: "8 percent for fixed-asset investment",
    "more than 5 percent in gross regional product", "5% GDP growth". Looks past a paired
    number ("around 5.5 percent and over 6.5 percent in per capita income")."""
    num = sa.numbers[i]
    _, clause_end = sa.clause(num.start)
    j = i
    while j + 1 < len(sa.numbers) and re.fullmatch(
            r"[\s,]*(?:and|or|to)?\s*(?:over|above|about|around|more\s+than)?\s*",
            sa.text[sa.numbers[j].end:sa.numbers[j + 1].start], re.I):
        j += 1
    end = sa.numbers[j].end
    stop = min(clause_end, end + 60,
               sa.numbers[j + 1].start if j + 1 < len(sa.numbers) else len(sa.text))
    tail = sa.text[end:stop]
    comma = tail.find(",")
    if comma >= 0:
        stop = end + comma
    after = [c for c in sa.cues if c.kind in MEASURE_KINDS and end <= c.start < stop]
    if not after:
        return None
    first = after[0]
    gap = sa.text[end:first.start]
    if (first.kind == "bare" and len(after) > 1 and after[1].kind in ("other", "gdp")
            and _AFTER_MEASURE.match(sa.text[first.start:after[1].start])
            and (after[1].kind == "other" or _ONLY_HOW_OFTEN.fullmatch(gap))):
        # "10 percent growth in fixed asset investments"; "a 9.5 percent year-on-year growth
        # for GDP"
        return after[1].kind
    if first.kind == "gdp" and (not gap.strip() or _AFTER_MEASURE.match(gap)):
        return "gdp"
    if first.kind == "bare" and not gap.strip():
        return "bare"
    if first.kind == "other" and _AFTER_MEASURE.match(gap) and not _YEAR_IN_GAP.search(gap):
        return "other"  # (not "grow by 9.2 percent in 2023 as booming tourism ...")
    return None


def measure_of(sa: SentenceAnalysis, i: int, topic: Topic | None) -> str | None:
    """``gdp`` when number *i* measures the economy's growth, ``carried`` when a list
    sentence continues a growth statement, else None (see the module docstring)."""
    num = sa.numbers[i]
    if num.unit != "percent":
        return None
    paired = _measures_respectively(sa, i)
    if paired is not None:  # "its GDP and budget revenue grew 6.8% and 5.5%, respectively"
        return paired or None
    after = _after_measure(sa, i)
    if after == "other":
        return None
    clause_start, clause_end = sa.clause(num.start)
    keep = sa.aside(num.start)
    prev = _previous_number(sa, i)
    seg_start = keep[0] if keep else (prev.end if prev else clause_start)
    before = sa.cues_in(MEASURE_KINDS, seg_start, num.start, keep)
    if prev is not None and not keep:
        # "4 percent of GDP this year, from 3 percent": what follows a number belongs to it
        before = [c for c in before if not _OF_PREVIOUS.match(sa.text[prev.end:c.start])]
    named = [c for c in before if c.kind != "bare"]
    if named:  # the nearest measure named before it ("GDP growth target of", "exports by")
        return "gdp" if named[-1].kind == "gdp" else None
    if before:  # bare "growth" and no other measure in its stretch: the economy's
        if prev is not None and not keep and _of_another_measure(
                sa, sa.numbers.index(prev), topic):
            # "the 2025 [retail] target was around 7%, with an actual growth of 2.7%": the
            # growth of what the figure before measures
            return None
        rel = [m.start() for m in _WHICH_CLAUSE.finditer(sa.text, clause_start, before[0].start)]
        if rel:
            # "Investment ... rose by 27.6 percent in 2011, which was the 9th year seeing
            # growth rate of above 25 percent": the growth of what the words before are about
            said = sa.cues_in(MEASURE_KINDS, clause_start, rel[-1])
            if said and said[-1].kind == "other":
                return None
        return "gdp"
    earlier = [k for k in range(i) if sa.numbers[k].unit == "percent"]
    if after == "bare" and earlier and not keep and not any(
            sa.numbers[earlier[-1]].end <= a.start < num.start for a in sa.actors) and (
            _of_another_measure(sa, earlier[-1], topic)):
        # "Public budget revenue grew 6.5% in 2019, but would likely fall to 4.5% growth in
        # 2020": the growth of what the figure before measures
        return None
    if after == "gdp" or after == "bare" and not sa.cues_in(("other",), clause_start,
                                                             num.start, keep):
        # ("... came to 17,400 yuan and 6,170 yuan with 13.4% and 18.5% growth": "growth"
        # alone is the economy's only where the clause names nothing else)
        return "gdp"
    if prev is not None:
        j = sa.numbers.index(prev)
        if _excluded(sa, j) is None or _changed_from(sa, i) is not None:
            # ("reduced its target from around 7% to 5.5%": the new level is the target's,
            # though the level it started from is left out)
            return measure_of(sa, j, topic)
        return None
    if clause_start in _comparison_clause_starts(sa) and not keep:
        # "..., after growing 5.8% last year": the main clause's measure
        main = [k for k, q in enumerate(sa.numbers)
                if q.end <= clause_start and q.unit == "percent"]
        if main and not _excluded(sa, main[-1]):
            return measure_of(sa, main[-1], topic)
    if (topic is not None and sa.n - topic.sentence <= TOPIC_SPAN
            and not sa.cues_in(MEASURE_KINDS, clause_start, num.start)):
        return "carried"  # a list sentence after a growth statement
    if _implied(sa, i, seg_start, keep):
        return "implied"
    return None


def _of_another_measure(sa: SentenceAnalysis, k: int, topic: Topic | None) -> bool:
    """Whether number *k* measures something the sentence names before it other than the
    economy (budget revenue, retail sales): a bare "growth" right after it is of that too."""
    return bool(sa.cues_in(("other",), 0, sa.numbers[k].start)) and (
        measure_of(sa, k, topic) is None)


#: an aside that says more of what the clause before it is about: ", which was ..."
_WHICH_CLAUSE = re.compile(r",\s*(?:which|that)\b", re.I)


_LIST_BREAK = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*", re.I)


def _measures_respectively(sa: SentenceAnalysis, i: int) -> str | None:
    """With "respectively" after a run of percentages and as many measures listed before it
    ("saw its GDP and general public budget revenue grow by 6.8 percent and 5.5 percent,
    respectively"), the measure in the same place: "gdp", or "" for another measure. None
    where the sentence is not of that shape (the places may be what is listed instead)."""
    num = sa.numbers[i]
    clause_start, clause_end = sa.clause(num.start)
    if not sa.cues_in(("respectively",), num.end, clause_end):
        return None
    nums = [q for q in sa.numbers if clause_start <= q.start < clause_end and q.unit == "percent"]
    named = [c for c in sa.cues_in(("gdp", "other"), clause_start, nums[0].start)]
    if len(nums) < 2 or not named or _stance_cues(sa, named[0].end, named[-1].start):
        # (measures with a verb between them are no list: "the largest province-level
        # economies in China, posting GDP growth of 6.8% and 6.7% respectively")
        return None
    # one item per stretch between commas and "and"s; an item is GDP if it names only GDP
    breaks = [m.start() for m in _LIST_BREAK.finditer(sa.text, named[0].start, named[-1].end)]
    items: dict[int, set[str]] = {}
    for c in named:
        items.setdefault(sum(b < c.start for b in breaks), set()).add(c.kind)
    kinds = ["gdp" if items[k] == {"gdp"} else "other" for k in sorted(items)]
    if len(kinds) != len(nums):
        return None
    return "gdp" if kinds[nums.index(num)] == "gdp" else ""


def _implied(sa: SentenceAnalysis, i: int, seg_start: int, keep: tuple[int, int] | None) -> bool:
    """"Weifang ... aims for at least 6%", "Zhuhai wants growth above 7%", "Luoyang, which
    grew 4.1%": a place that aims for, or grew by, a bare percentage is speaking of its
    economy, when nothing else measured is named in the clause."""
    num = sa.numbers[i]
    clause_start, clause_end = sa.clause(num.start)
    stances = sa.cues_in(STANCE_KINDS, seg_start, num.start, keep)
    if not stances or stances[-1].kind == "forecast":
        return False
    actors = [a for a in sa.actors if a.end <= stances[-1].start and a.start >= clause_start]
    if not actors:
        return False
    # what describes the place before it names ("the tourism city of Guilin") does not count
    return not sa.cues_in(("other",), actors[-1].end, clause_end, keep)


# --- stance ----------------------------------------------------------------------------


def _stance_cues(sa: SentenceAnalysis, start: int, end: int,
                 keep: tuple[int, int] | None = None) -> list[Cue]:
    """The stance cues in a stretch, outcome nouns only where they are outcomes
    (`_appositive_outcome`)."""
    return [c for c in sa.cues_in(STANCE_KINDS, start, end, keep)
            if not (c.kind == "outcome" and starts_outcome_noun(c.text))
            or _appositive_outcome(sa, c)]


@cache
def _noun_lead() -> re.Pattern[str]:
    leads = alternation([str(w) for w in cues()["growth"]["outcome_noun_leads"]])
    return re.compile(rf"(?:,|(?:,\s*)?\b(?:{leads}))\s*$", re.I)


def _appositive_outcome(sa: SentenceAnalysis, noun: Cue) -> bool:
    """Whether an outcome noun ("an increase of") says an amount's change: after a comma
    or a lead ("GRP hit 5.43 trillion yuan, an increase of 4.5 percent", "..., representing
    a year-on-year growth of 7.3 percent", "... with an increase of 12.4%"), the amount
    reached, not planned: "aims for an increase of 5 percent" is a target, "will see an
    increase" is not an outcome, and neither is "aims to reach 14 trillion yuan, an increase
    of 5 percent" (a plan named last before the noun governs the amount). An expectation
    does not: "GDP for the whole year is expected to reach 950 billion yuan, a year-on-year
    increase of 4 percent" is the estimate of a year's result (one for a year not yet over
    is no result: see extract_growth)."""
    if not _noun_lead().search(sa.text, max(0, noun.start - 30), noun.start):
        return False
    before = [c for c in sa.cues_in(STANCE_KINDS, 0, noun.start)
              if not starts_outcome_noun(c.text)]
    return not before or before[-1].kind != "target"


def _changed_from(sa: SentenceAnalysis, i: int) -> Number | None:
    """The level a target changed from, right before number *i* ("has reduced its target
    from around 7% to 5.5%": 7%), when it has no year of its own."""
    prev = _previous_number(sa, i)
    if prev is None:
        return None
    j = sa.numbers.index(prev)
    return prev if _excluded(sa, j) == "level-before" and _changed_target(sa, prev) else None


def _changed_target(sa: SentenceAnalysis, level: Number) -> bool:
    """Whether *level* is where a target changed from: the stance named last before it, in
    its clause, is a target ("has reduced its target from around 7% to 5.5%"; not "raised
    their goals ..., with Ningxia increasing from 7.5 to 8 percent")."""
    start, _ = sa.clause(level.start)
    stances = _stance_cues(sa, start, level.start)
    return bool(stances) and stances[-1].kind == "target"


#: "... to 5 percent from 5.5 percent": the level after "from", right after a new level
_TO_BEFORE = re.compile(r"\bto\s+(?:[\"“]?\w+\s+){0,2}$", re.I)
_FROM_BETWEEN = re.compile(r"[\"”]?,?\s+from\s+(?:the\s+)?(?:[\"“]?\w+\s+){0,2}", re.I)
_OWN_YEAR_AFTER = re.compile(r"[\"”]?\s+(?:(?:in|for)\s+)?(?:(?:19|20)\d\d\b"
                             r"|(?:last|the\s+previous)\s+year|a\s+year\s+(?:earlier|ago|before))",
                             re.I)


def _changed_from_after(sa: SentenceAnalysis, i: int) -> bool:
    """Whether number *i* is the level a target changed from, written after the new level
    ("lowered its 2025 growth target to 5 percent from 5.5 percent"), with no year of its
    own (the year the sentence gives is the new level's)."""
    prev = _previous_number(sa, i)
    num = sa.numbers[i]
    return (prev is not None
            and _FROM_BETWEEN.fullmatch(sa.text, prev.end, num.start) is not None
            and _TO_BEFORE.search(sa.text, max(0, prev.start - 25), prev.start) is not None
            and not _OWN_YEAR_AFTER.match(sa.text, num.end)
            and _changed_target(sa, prev))


#: what a plan's action follows: "targets ... include increasing GDP", "the goal is raising"
_ACTION_AFTER = re.compile(r"\b(?:include|includes|including|is|are|be|of|on)\s+$", re.I)


def _planned_action(sa: SentenceAnalysis, stances: Sequence[Cue]) -> bool:
    """Whether the last stance word is a plan's action, not a result: an "-ing" growth word
    that a target noun or verb before it introduces ("objectives in 2019 include increasing
    the gross regional product by about 7.8 percent")."""
    last = stances[-1]
    return (last.kind == "outcome" and last.text.lower().endswith("ing")
            and bool(_ACTION_AFTER.search(sa.text, max(0, last.start - 12), last.start))
            and any(c.kind == "target" for c in stances[:-1]))


#: a figure named as an estimate or a preliminary figure: "an estimated 6.7 percent"
_PRELIMINARY = re.compile(r"\b(?:according\s+to|based\s+on)\s+(?:an?\s+|the\s+)?preliminary\s+"
                          r"(?:estimates?|statistics|data|figures|calculations?|accounting)\b",
                          re.I)
_ESTIMATED_BEFORE = re.compile(r"\b(?:(?:an|the|a)\s+(?:estimated|preliminary)|estimated\s+at"
                               r"(?:\s+(?:about|around|approximately|roughly))?)\s+$", re.I)


#: a target noun right after the figure names it: "its 5 per cent target", "a 6% GDP goal"
_TARGET_NOUN_AFTER = re.compile(
    r"\s+(?:(?:annual|gdp|grp|economic|growth|official|own)\s+){0,3}(?:target|goal)s?\b", re.I)


def stance_of(sa: SentenceAnalysis, i: int, topic: Topic | None,
              measure: str = "gdp", report: bool = False) -> tuple[str, str] | None:
    """(stance, rule) of number *i*: ``target``, ``outcome`` or ``forecast``. *report*: the
    article opens on a work report or a people's congress (:func:`about_a_report`), where
    an expectation no one is named as making is the report's plan."""
    num = sa.numbers[i]
    if _TARGET_NOUN_AFTER.match(sa.text, num.end):
        return "target", "cue"  # "falling short of its 5 per cent target": the target itself
    if _OUTCOME_AFTER.match(sa.text, num.end):
        return "outcome", "cue"  # "well behind the 8.0 percent seen in 2013"
    nxt = sa.numbers[i + 1] if i + 1 < len(sa.numbers) else None
    if (nxt is not None and _against_word().match(
            _UNIT_AND_COMMA.sub("", sa.text[num.end:nxt.start], count=1))
            and _TARGET_NOUN_AFTER.match(sa.text, nxt.end)):
        # "where an expansion of 4.1 percent compared with an 8.5 percent target": the
        # result set against the target after it (of the year the sentence names: see
        # extract_growth)
        return "outcome", "against-target-after"
    if _ACTUAL_BEFORE.search(sa.text, max(0, num.start - 60), num.start):
        # "down from last year's target of around 5%, with an actual growth of 3.9%": the
        # result set against a target
        return "outcome", "actual"
    that = [c for c in sa.cues if c.kind == "target" and c.text.lower() in _TARGET_NOUNS
            and c.end <= num.start and _BE_THAT.match(sa.text, c.end, num.start)]
    if that:
        # "The goal proposed last year was that regional GDP increased by more than 4.5%":
        # the clause after "was that" says what the goal is, whatever its tense
        return "target", "cue"
    if _PRELIMINARY.search(sa.text, 0, num.start):
        # "According to a preliminary estimate, Wuhan's GDP saw an increase of over 12
        # percent in 2021": a result, estimated
        return "outcome", "estimated"
    if _ESTIMATED_BEFORE.search(sa.text, max(0, num.start - 20), num.start):
        # "will target growth of around 6.5 percent this year, easing from an estimated 6.7
        # percent in 2016": a preliminary result (for a year not over: see extract_growth)
        return "outcome", "estimated"
    clause_start, _ = sa.clause(num.start)
    keep = sa.aside(num.start)
    start = keep[0] if keep else clause_start
    comparison = sa.cues_in(("comparison",), start, num.start, keep)
    stances = _stance_cues(sa, start, num.start, keep)
    if stances:
        # a comparison looks back from the figure right after it only, where the clause
        # says what the figures are: "adjusted their growth targets are Tianjin (9 percent
        # vs 11 percent last year), Yunnan (8.5 percent ...": 8.5 is no base ("4 cities
        # with GDP growth rate higher than 4%, namely: Xi'an (4.4%)" says nothing else)
        comparison = [c for c in comparison
                      if not any(c.end <= q.start and q.end <= num.start for q in sa.numbers)]
    # a target named after the comparison is what the figure is: "up from a goal of about
    # 6 percent", "after similarly aiming for about 6 percent for 2020"
    looked_back = [c for c in sa.cues if c.kind == "comparison" and start <= c.start
                   and c.end <= num.start]
    names_target = bool(looked_back) and any(c.kind == "target" and c.start > looked_back[-1].start
                                             for c in stances)
    if names_target:
        return "target", "compared"
    if (comparison or clause_start in _comparison_clause_starts(sa) and not keep):
        base = _compared_figure(sa, i)
        if base is not None and _excluded(sa, base):
            return None  # "a national target of around 6 percent, compared to last year's 6-6.5"
        return ("target", "compared") if base is not None and _compared_with_target(
            sa, i, base) else ("outcome", "comparison")
    forecaster = _forecaster(sa)
    if stances and stances[-1].kind == "target" and _result_against_target(sa, i, stances[-1]):
        return "outcome", "against-target"
    if not stances:
        stances = _stance_cues(sa, 0, num.start)
    if len(stances) > 1 and _planned_action(sa, stances):
        return "target", "cue"  # "main targets for 2019 include increasing GDP by 7.8%"
    if stances:
        kind, rule = stances[-1].kind, "cue" if stances[-1].start >= start else "sentence-cue"
        if kind == "target" and forecaster and stances[-1].text.lower().startswith("expect"):
            return "forecast", "forecaster"
        if (kind == "forecast" and _passive(sa, stances[-1]) and not _planned(sa, num.start)
                and not (not forecaster and _rates_after_targets(sa, stances[-1], topic))):
            if report and not forecaster:
                return "target", "report"  # (the year must be written: see extract_growth)
            return "forecast", "passive"  # "growth for 2025 is forecast at 2 to 3 per cent"
        if kind == "target" and forecaster and _verb(stances[-1]):
            return "forecast", "forecaster"  # "He forecast that X would grow 5.1 pct"
        if kind == "forecast" and stances[-1].text.lower().split()[0] in _MODALS:
            return "forecast", "modal"  # "Guangdong's economy could grow 5.5 percent": a guess
        if kind == "forecast" and not forecaster:
            # "Yunnan has projected growth of about 6 percent": a government's own
            # projection for its year is its target; a forecast needs a forecaster
            return "target", "projection"
        return kind, rule
    after = [c for c in sa.cues if c.kind == "bare" and "target" in c.text.lower()
             and num.end <= c.start <= num.end + 25]
    if after:
        return "target", "cue"
    if _rate_was(sa, i, start):
        return "outcome", "rate-was"
    if not _stance_cues(sa, 0, len(sa.text)) and _after_measure(sa, i) in ("gdp", "bare"):
        # "the three best performers with 11.5, 10.7 and 10.5 percent growth rates": a rate
        # stated as it is, in a sentence that plans, expects or reports nothing else
        return "outcome", "rate-named"
    if (topic is not None and topic.listing and sa.n == topic.sentence + 1
            and measure in ("gdp", "bare")):
        return topic.stance, "listed-after"  # "... are as follows:\nGDP growth of about 10%"
    if topic is not None and sa.n - topic.sentence <= TOPIC_SPAN and measure == "carried":
        return topic.stance, "carried"  # a list sentence continues the statement before it
    j = _next_in_list(sa, i)
    if j is not None:
        before = stance_of(sa, j, topic, measure, report)
        if before is not None:
            return before[0], "listed"
    return None


#: between a comparison and the bare figure it looks back at: "down from 8.5", "compared
#: with last year's 6", "vs 11"
_COMPARED_BARE = re.compile(r"\s*(?:(?:the|its|their)\s+)?(?:(?:last|the\s+previous)\s+year['’]s"
                            r"\s+|(?:19|20)\d\d['’]s\s+)?[\"“]?(?:(?:about|around|approximately|"
                            r"roughly|nearly|almost|over|above|more\s+than|at\s+least|no\s+less"
                            r"\s+than|not\s+less\s+than)\s+)?$", re.I)
#: after the bare figure: its year at most, then the end of the clause
_COMPARED_BARE_AFTER = re.compile(r"[\"”]?\s*(?:(?:in|for)\s+)?(?:(?:last|the\s+previous)\s+year|"
                                  r"a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|"
                                  r"(?:19|20)\d\d)?\s*(?:[,;:)]|\.?\s*$)", re.I)


def _compared_with_target(sa: SentenceAnalysis, i: int, j: int) -> bool:
    """"Guangdong's growth target has been adjusted to 7.5 percent, down from 8.5 percent
    last year", "set a target of 8 percent, compared to 10 percent last year", "Tianjin (9
    percent vs 11 percent last year)": a bare figure that a target is compared with, right
    after it, is the target before (the noun is left out because it is the same); one with
    a noun of its own ("higher than its 4.8% growth rate in 2023") is a result. *j* is the
    figure compared with (:func:`_compared_figure`)."""
    if not _COMPARED_BARE_AFTER.match(sa.text, sa.numbers[i].end):
        return False
    return _target_noun_before(sa, j) or bool(_TARGET_NOUN_AFTER.match(sa.text,
                                                                        sa.numbers[j].end)) or (
        _set_before(sa, j)) or _planned_before(sa, j)


def _set_before(sa: SentenceAnalysis, j: int) -> bool:
    """"Hainan ... set its economic growth at 'no less than 10 percent'": a figure a
    government sets is its target."""
    start, _ = sa.clause(sa.numbers[j].start)
    return any(c.kind == "target" and c.text.lower() in ("set", "sets", "setting")
               for c in sa.cues if start <= c.start < sa.numbers[j].start)


def _planned_before(sa: SentenceAnalysis, j: int) -> bool:
    """"Guizhou plans to achieve GDP growth of around 5.5%, down from 6% last year": the
    figure compared is what the clause plans or aims for (the last stance word before it is
    a target's), so the bare figure it is compared with is the plan before it, as with a
    target noun."""
    start, _ = sa.clause(sa.numbers[j].start)
    stances = _stance_cues(sa, start, sa.numbers[j].start)
    return bool(stances) and stances[-1].kind == "target"


def _compared_figure(sa: SentenceAnalysis, i: int) -> int | None:
    """The figure right before a comparison that bare figure *i* right after it looks back
    from ("7.5 percent, down from 8.5 percent"), if there is one."""
    num = sa.numbers[i]
    looking_back = [c for c in sa.cues if c.kind == "comparison" and c.end <= num.start]
    if not looking_back or not _COMPARED_BARE.fullmatch(sa.text, looking_back[-1].end,
                                                        num.start):
        return None
    cue = looking_back[-1]
    before = [k for k, q in enumerate(sa.numbers) if q.end <= cue.start and q.unit == "percent"]
    if not before or cue.start - sa.numbers[before[-1]].end > 12:
        return None  # (the figure compared must be right before: "7.5 percent, down from")
    return before[-1]


@cache
def _met_or_missed() -> re.Pattern[str]:
    """A target said to be met or missed: "failed to meet its own 5% target", "missed its
    goal", "the target ... was met" (the words: cues.yaml, growth.met_or_missed)."""
    words = alternation([str(w) for w in cues()["growth"]["met_or_missed"]])
    return re.compile(rf"\b(?:(?:{words})\s+(?:its|their|the|his|her)\b"
                      rf"|(?:was|were|been)\s+(?:{words})\b)", re.I)


#: between a target word and its figure: "its target of 5.5%", "the target for 2024 was 5%"
_TARGET_THEN_FIGURE = re.compile(
    r"\s+(?:(?:for|in)\s+(?:19|20)\d\d\s+)?(?:of|at|was|is|set\s+at)\s+", re.I)


def _result_against_target(sa: SentenceAnalysis, i: int, cue: Cue) -> bool:
    """"Guangdong failed to meet its own 5% target for 2024, with an economic growth rate of
    only 3.5%", "Sichuan met its target of 5.5 percent, with growth of 5.7 percent", "The
    target of 5.5 percent ... was met, with growth of 5.7 percent": the target word belongs
    to the figure right before this one, and the sentence says, before this figure, that the
    target was met or missed: this figure is the result."""
    prev = _previous_number(sa, i)
    if prev is None:
        return False
    names_prev = (prev.end <= cue.start and cue.start - prev.end <= 3
                  or _TARGET_THEN_FIGURE.fullmatch(sa.text, cue.end, prev.start) is not None)
    start = min(prev.start, cue.start)
    return names_prev and bool(
        _met_or_missed().search(sa.text[max(0, start - 40):sa.numbers[i].start]))


#: the next item of a ranking after a figure: ", followed by Hainan's 9.2 percent", "and
#: Sanya's 6 percent"
_NEXT_IN_LIST = re.compile(
    r"^[\s,;]*(?:(?:followed|trailed)\s+by|then|and|while|ahead\s+of)\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?:['’]s)?\s+(?:at\s+|with\s+)?$")


#: "Except for Beijing and Tianjin, the growth rates of the remaining 29 provinces are not
#: less than 5%": the places named after "except" are the ones the figure is not about
_EXCEPT = re.compile(r"\b(?:except(?:\s+for)?|apart\s+from|excluding|other\s+than)\s+"
                     r"(?:[\w'’. -]+?(?:,\s*|\s+and\s+|\s+or\s+))*(?:the\s+)?$", re.I)

#: "the annual economic growth rates are expected to be ...": rates, not the economy
_RATES_ARE = re.compile(r"\bgrowth\s+rates?\s+(?:is|are)\s+$", re.I)

def _rates_after_targets(sa: SentenceAnalysis, cue: Cue, topic: Topic | None) -> bool:
    """After a statement of targets, "A, B and C, the growth rates are expected to be about
    6 % this year" gives their targets (a work report's "expected growth"), where no one is
    named as forecasting."""
    return (topic is not None and topic.stance == "target"
            and sa.n - topic.sentence <= TOPIC_SPAN
            and bool(_RATES_ARE.search(sa.text[max(0, cue.start - 30):cue.start])))


#: "Chuzhou leads the province with 5.5%": the province is what it is ranked in, not who
#: grew
_RANKED_IN = re.compile(r"\b(?:leads|led|tops|topped|ranks|ranked|rank)\s+(?:\w+\s+)?"
                        r"(?:in\s+|among\s+|across\s+)?(?:all\s+)?$", re.I)


def _next_in_list(sa: SentenceAnalysis, i: int) -> int | None:
    """The number of the item before, when number *i* is the next item of a list of places
    and figures (a place named in between): its stance is the same."""
    num = sa.numbers[i]
    prev = _previous_number(sa, i)
    if prev is None or not _NEXT_IN_LIST.match(sa.text[prev.end:num.start]):
        return None
    if not any(prev.end <= a.start and a.end <= num.start for a in sa.actors):
        return None
    return sa.numbers.index(prev)


@cache
def _against_word() -> re.Pattern[str]:
    """From an outcome figure to the figure of a target named after it: "compared with an "
    (in "4.1 percent compared with an 8.5 percent target")."""
    words = alternation([str(w) for w in cues()["growth"]["against_target"]])
    return re.compile(rf"^(?:(?:in|for|during)\s+(?:19|20)\d\d\s*,?\s*)?(?:{words})\s+"
                      rf"(?:(?:an?|the|its|their|official)\s+){{0,2}}$", re.I)


@cache
def _against_target() -> re.Pattern[str]:
    """From an outcome figure to a target set against it: "% growth versus its target of
    around ", ", undershooting its goal of ", " in 2024, lower than the target of about " (no
    other figure between; the outcome's year may be)."""
    words = alternation([str(w) for w in cues()["growth"]["against_target"]])
    return re.compile(rf"^(?:[^\d;]|\b(?:19|20)\d\d\b){{0,60}}?(?<![\w-])(?:{words})(?![\w-])"
                      rf"[^\d;]{{0,40}}?"
                      r"\b(?:target|goal|objective)s?\b[^\d;]{0,25}$", re.I)


def _rate_of_a_year_over(sa: SentenceAnalysis, i: int, anchor: TimeAnchor) -> bool:
    """"In 2023, Liaoning Province's economic aggregate exceeded 3 trillion yuan ..., with an
    economic growth rate of 5.3 percent" in a 2024 article: a GDP growth rate, named as
    such, of a year before the article's, with no stance word, is what that year realised."""
    if anchor.year is None or anchor.source not in ("date", "text"):
        return False
    num = sa.numbers[i]
    prev = _previous_number(sa, i)  # (the measure named for this figure, not one before)
    start = max(sa.clause(num.start)[0], prev.end if prev else 0)
    return bool(sa.cues_in(("gdp",), start, num.start)) and any(
        r.year is not None and r.year < anchor.year and r.end <= num.start
        for r in _own_years(sa))


def target_year_of_outcome(sa: SentenceAnalysis, target: Number,
                           outcomes: Sequence[tuple[Number, tuple[str, ...], int | None, str]],
                           regions: Sequence[str]) -> tuple[int, str] | None:
    """The (year, rule) of an outcome of the same place set just before this target in the
    sentence: "Jiangxi posted 4.1% growth versus its target of around 7%" states last
    year's target beside last year's result, whatever year the article is from."""
    for num, places, year, rule in reversed(outcomes):
        if year is not None and set(places) & set(regions) and _against_target().match(
                sa.text[num.end:target.start]):
            return year, rule
    return None


@cache
def _rate_copula() -> re.Pattern[str]:
    words = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+")
                     for w in cues()["growth"]["rate_copulas"])
    # ("Qingdao's high GDP growth rate which was 6.5% in 2019")
    return re.compile(rf"^\s*(?:of\s+[^,;]{{1,40}}?\s+)?(?:,?\s*(?:which|that)\s+)?(?:{words})"
                      rf"\s+(?:about\s+|around\s+)?$", re.I)


def _rate_was(sa: SentenceAnalysis, i: int, start: int) -> bool:
    """"GDP growth rate of Changchun was -4.5%", "the growth rate stood at 5.1%": a growth
    rate stated as what it was (called only where the sentence has no stance word)."""
    num = sa.numbers[i]
    named = sa.cues_in(("bare", "gdp"), start, num.start)
    if not named:
        return False
    tail = sa.text[named[-1].end:num.start]
    if not named[-1].text.lower().endswith(("growth rate", "growth rates")):
        # "The city's gross domestic product increase for 2025 was 5.5 percent"
        m = _RISE_NOUN.match(tail)
        if m is None:
            return False
        tail = tail[m.end():]
    return bool(_rate_copula().match(tail))


#: the growth noun after GDP, with its year: "gross domestic product increase for 2025"
_RISE_NOUN = re.compile(r"\s*(?:growth\s+rate|growth|increase|expansion)"
                        r"(?:\s+(?:for|in)\s+(?:19|20)\d\d)?(?=\s)", re.I)


_NAME_AFTER = re.compile(r"\s+(?:at|of|from)\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.'’-]*\s+)+$")
_PARTICIPLES = ("expected", "projected", "forecast", "forecasted", "predicted", "estimated",
                "anticipated")
_TARGET_NOUNS = ("target", "targets", "goal", "goals", "objective", "objectives")
#: a figure that was seen: "the 8.0 percent seen in 2013", "the 6.1% recorded last year"
_OUTCOME_AFTER = re.compile(r"\s*(?:percent|per\s+cent|%)?\s*(?:growth\s+|expansion\s+)?"
                            r"(?:seen|recorded|posted|registered|logged|achieved|reported)\s+"
                            r"(?:in|for|during|last|a\s+year)\b", re.I)
_UNIT_AND_COMMA = re.compile(r"^\s*(?:percent|per\s+cent|%)?\s*,?\s*", re.I)
#: "with an actual growth of 3.9%", "the actual GDP growth rate was 5.2%"
_ACTUAL_BEFORE = re.compile(r"\bactual(?:ly)?\s+(?:(?:GDP|GRP|economic)\s+)?(?:growth|increase|"
                            r"expansion)(?:\s+rates?)?\s+(?:of|was|were|at|reached|is)\s+"
                            r"(?:about\s+|around\s+|approximately\s+|only\s+)?$", re.I)
#: a target noun's content clause: "The goal (proposed last year) was that ..."
_BE_THAT = re.compile(r"[^.;:\d]{0,60}?\b(?:is|are|was|were)\s+that\b", re.I)
_BE = ("is", "are", "was", "were", "be", "been", "being")
#: what a possibility opens with, never a plan: "could grow", "may expand", "might grow"
_MODALS = ("could", "may", "might")


def _passive(sa: SentenceAnalysis, cue: Cue) -> bool:
    """"is forecast at", "GDP expected to see growth": a projection no one is named as
    making, as opposed to "Yunnan has projected growth of ...", a government's own."""
    words = cue.text.lower().split()
    if len(words) > 1 and words[0] in _BE:  # the cue phrase holds its verb: "is expected to grow"
        return words[1] in _PARTICIPLES
    if words[0] not in _PARTICIPLES:
        return False
    be_before = re.search(rf"\b(?:{'|'.join(_BE)})\s+(?:\w+\s+)?$",
                          sa.text[max(0, cue.start - 20):cue.start], re.I)
    return bool(be_before or re.match(r"\s+(?:to|at|between)\b", sa.text[cue.end:], re.I))


def _planned(sa: SentenceAnalysis, pos: int) -> bool:
    """Whether the sentence frames what follows as a plan before *pos*: "has set its 2025
    goals, with GDP expected to grow by around 5 percent", "the work report says ..."."""
    return any(c.kind == "target" and (c.text.lower() in _TARGET_NOUNS)
               or c.kind == "bare" and "target" in c.text.lower()
               for c in sa.cues if c.start < pos) or "work report" in sa.text[:pos].lower()


#: what a story on a government's plan for its year opens with
_REPORT = re.compile(r"\bwork\s+report\b|\bpeople['’]s\s+congress\b|\btwo\s+sessions\b"
                     r"|\b(?:development|economic|socio-?economic)\s+(?:goals|targets)\b", re.I)


def about_a_report(analyses: Sequence[SentenceAnalysis],
                   title: str | None = None) -> tuple[bool, int | None]:
    """Whether the opening sentences or the headline (*title*, when the body does not open
    with it) are about a government work report, a people's congress or a government's
    goals, and the year that line names, if one: "The second session of the 13th Yunnan
    Provincial People's Congress began Jan 27 ...", "Henan maps out its 2026 development
    goals" (2026). There, "GDP is expected to grow by 8.5 percent" is the report's goal (as
    "expects to see GDP growth of 8 percent" is), for the year the line names."""
    for text in ([title] if title else []) + [sa.text for sa in analyses[:LEDE_SENTENCES + 1]]:
        if _REPORT.search(text):
            return True, plan_year_in(text)
    return False, None


def _verb(cue: Cue) -> bool:
    return cue.text.lower() not in _TARGET_NOUNS


def _comparison_clause_starts(sa: SentenceAnalysis) -> set[int]:
    """Clauses that open by looking back ("..., lower than its 6.1% growth rate in 2022")."""
    # (the comparison cue words of cues.yaml, at the head of a clause the break opened)
    return {start for start, _ in sa.clauses[1:]
            if any(start <= c.start <= start + 12 for c in sa.cues if c.kind == "comparison")}


def _forecaster(sa: SentenceAnalysis) -> str | None:
    """Who forecasts in the sentence, if anyone does: a forecaster noun ("a university",
    "economists", "the finance chief", "She expects ...")."""
    for c in sa.cues:
        if c.kind == "forecaster" and not any(c.start <= a.start < c.end for a in sa.actors):
            before = _NAME_BEFORE.search(sa.text[max(0, c.start - 60):c.start])
            after = _NAME_AFTER.match(sa.text, c.end)
            start = c.start - len(before.group(0)) if before else c.start
            end = after.end() if after else c.end
            return sa.text[start:end].strip()  # "Economists at Nomura", "Fudan University"
    return None


# --- actors ----------------------------------------------------------------------------

# a group that is only compared with ("lower than other provinces", "that of other cities")
_COMPARED = re.compile(r"\b(?:than|that\s+of|those\s+of|among|ahead\s+of|behind)\s+(?:the\s+)?$",
                       re.I)
_FOR_PLACE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:for|in|of|by)\s+(?:the\s+)?$", re.I)
_COORDINATION = re.compile(
    r"^[\s,]*(?:(?:and|as\s+well\s+as|plus|together\s+with|along\s+with|or)\s+)?"
    r"(?:the\s+)?[\s,]*$", re.I)
# what locates a listed place without ending the list: "Xuzhou in East China's Jiangsu
# Province and Luoyang ..." (the locating place itself is blanked first)
_LOCATING = re.compile(
    r"\b(?:in|of)\s+(?:(?:north|south|east|west|central|northeast|northwest|southeast|"
    r"southwest|northern|southern|eastern|western)(?:[\s-]+\w+)?\s+)?(?:china['’]s\s+)?", re.I)
# what locates the next listed place: "Hainan Province and Southwest China's Xizang ..."
_CHINA_S = re.compile(rf"\b{CHINA_S}\s", re.I)
# what describes the next listed place: "... and the southernmost island province of Hainan"
_DESCRIBED_NEXT = re.compile(
    r"\bthe\s+(?:[a-z][\w-]*\s+){0,3}(?:province|city|municipality|autonomous\s+region|region"
    r"|hub|powerhouse|heartland)\s+of\s*$", re.I)
_LEVEL_WORDS = re.compile(
    r"\b(?:province|provinces|city|cities|municipality|municipalities|autonomous\s+region"
    r"|region|sar|special\s+administrative\s+region)\b", re.I)


def _coordinated(sa: SentenceAnalysis, a: Actor, b: Actor) -> bool:
    """Whether actor *a* is listed together with the next one, *b* ("A, B, and C")."""
    gap = sa.text[a.end:b.start]
    # asides first, as written ("Nanjing, the capital city of Jiangsu province, and
    # Guangzhou": the locator inside would otherwise be blanked and the aside not found)
    for s, e in sa.asides:  # "Hefei, the capital of Anhui, and Jinan"
        if a.end <= s and e <= b.start + 1:
            if any(ch.isdigit() for ch in sa.text[s:e]):
                return False  # "Gansu, which aims for 6-7 percent, and Qinghai, ...": its own
            gap = gap.replace(sa.text[s:e - 1], " ")
    for s, e in sa.locators:
        if a.end <= s and e <= b.start:
            gap = gap.replace(sa.text[s:e], " ")
    gap = _LOCATING.sub(" ", _DESCRIBED_NEXT.sub(" ", gap))
    gap = _LEVEL_WORDS.sub(" ", _CHINA_S.sub(" ", gap))
    return bool(_COORDINATION.match(gap)) and not any(ch.isdigit() for ch in gap)


def _run_before(sa: SentenceAnalysis, actors: list[Actor]) -> list[Actor]:
    """The coordinated run ending with the last of *actors*."""
    run = [actors[-1]]
    for prev in reversed(actors[:-1]):
        if _coordinated(sa, prev, run[0]):
            run.insert(0, prev)
        else:
            break
    return run


#: from a place to a group of others it is listed with: " Province in southwest China and
#: several other provinces", " and five other cities"
_AND_OTHERS = re.compile(r"[^,;\d]{0,40}?\b(?:and|as\s+well\s+as|along\s+with|together\s+with)"
                         r"\s+(?:(?:several|some|many|a\s+few|a\s+number\s+of|few|\w+)\s+)?"
                         r"others?\b(?:\s+(?:provinces|cities|regions|provincial-level\s+regions"
                         r"|municipalities|places|localities))?", re.I)


_ANOTHER_RANKED = re.compile(r"[^,;\d]{0,15},\s*(?:and\s+|while\s+|but\s+)?the\s+(?:lowest"
                             r"|highest|slowest|fastest|smallest|largest)\b[^,;\d]{0,30}", re.I)
#: after a figure, the places it is of are others, unnamed: "... 5 percent growth targets set
#: by many other regions", "... the 6 percent of most other provinces"
_OTHERS_AFTER = re.compile(
    r"[^,;\d]{0,40}?\b(?:by|of|in|for|among)\s+(?:(?:many|most|several|some|a\s+few|the|all"
    r"|its|their)\s+)?other\s+(?:regions|provinces|cities|localities|places|municipalities"
    r"|provincial-level\s+regions)\b", re.I)


#: "Ningxia has been one of the country's leading regions ..., with its GDP growing 6.6
#: percent": the group is what the place is counted among, not who grew
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)


def _nearest_blocker(sa: SentenceAnalysis, start: int, end: int,
                     keep: tuple[int, int] | None) -> int:
    """The end of the last group, district or nation cue in [start, end), or -1."""
    blockers = [c for c in sa.cues_in(("group", "subregion"), start, end, keep)
                if not _COMPARED.search(sa.text[max(0, c.start - 24):c.start])
                and not _ONE_OF.search(sa.text[max(0, c.start - 40):c.start])
                # ("The three regions also set ...": the places named before, not a group)
                and not any(a.start <= c.start and c.end <= a.end for a in sa.actors)]
    return blockers[-1].end if blockers else -1


def actors_of(
    sa: SentenceAnalysis, i: int, gazetteer: Gazetteer, previous_focus: Sequence[str]
) -> tuple[list[str], str]:
    """(regions, rule) of number *i* (no regions: the figure belongs to no one region)."""
    num = sa.numbers[i]
    clause_start, clause_end = sa.clause(num.start)
    keep = sa.aside(num.start)
    prev = _previous_number(sa, i)
    if prev is not None and _ANOTHER_RANKED.fullmatch(sa.text, prev.end, num.start):
        # "Hainan Province is the highest (about 9.5%), the lowest is about 4%": another
        # place, unnamed
        return [], "group"
    if _OTHERS_AFTER.match(sa.text, num.end):
        # "higher than around 5 percent growth targets set by many other regions": the
        # figure of others, unnamed
        return [], "group"
    if keep:
        described = [a for a in sa.actors if a.end <= keep[0] and keep[0] - a.end <= 20]
        if described:
            return [described[-1].region], "aside-actor"
    owners = _owners_after(sa, num, clause_end, gazetteer,
                           allow_in=_no_actor_of_its_own(sa, i, clause_start))
    if owners:
        return owners, "for-actor"
    # "A and B grew 5% and 6% respectively", "A and B recorded respective rates of 5% and 6%"
    respectively = sa.cues_in(("respectively",), clause_start, clause_end)
    if respectively:
        paired = _pair_respectively(sa, i, clause_start, gazetteer)
        if paired:
            return paired, "respectively"
        places = {a.region for a in sa.actors if clause_start <= a.start < respectively[0].start}
        if _list_run_length(sa, i) > 2 and len(places) < 2:
            # "Dalian had maintained stable growth for 7 successive months with GDP
            # increased by 3.5%, 3.8%, 4.2%, ... and 6.5% respectively": a series of one
            # place's periods, not its year's figure
            return [], "series"
    before = [a for a in sa.actors if clause_start <= a.start and a.end <= num.start
              and sa.outside_asides(a.start, a.end, keep)
              and not (a.anaphor and _RANKED_IN.search(sa.text[max(0, a.start - 30):a.start]))
              and not _EXCEPT.search(sa.text[clause_start:a.start])]
    blocker = _nearest_blocker(sa, clause_start, num.start, keep)
    if before and before[-1].end > blocker:
        run = _run_before(sa, before)
        regions = most_specific(list(dict.fromkeys(a.region for a in run)), gazetteer)
        if len(regions) > 1:  # "in the Pearl River Delta, Foshan ...": the area locates
            regions = [r for r in regions if _level(gazetteer, r) != "economic-region"]
        if all(_pronoun(sa, a) for a in run):
            return regions, "pronoun"  # "It aims for ...": the place before, a guess
        return regions, "coordinated" if len(regions) > 1 else "clause-actor"
    if blocker >= 0:
        if before and _AND_OTHERS.match(sa.text, before[-1].end, num.start):
            # "Sichuan Province in southwest China and several other provinces target ...
            # about 6 percent": the places named share the figure with the others
            regions = most_specific(list(dict.fromkeys(a.region for a in _run_before(
                sa, before))), gazetteer)
            return regions, "coordinated"
        return [], "group"
    # (not a place inside an aside: "Guangdong, China's largest provincial economy, had set
    # ..., up from ..."; all of a run: "Both Shanghai and Beijing released ..., after ...")
    earlier = [a for a in sa.actors if a.end <= clause_start and sa.outside_asides(a.start, a.end)]
    if earlier and _nearest_blocker(sa, 0, clause_start, None) < earlier[-1].end:
        return most_specific(list(dict.fromkeys(a.region for a in _run_before(sa, earlier))),
                             gazetteer), "sentence-actor"
    if _nearest_blocker(sa, 0, num.start, None) >= 0:
        return [], "group"
    if any(num.end <= a.start < clause_end and _FOR_PLACE.match(sa.text[num.end:a.start])
           for a in sa.actors):
        return [], "actor-after"  # "growth of 5% for Guangdong": not the focus
    focus = list(previous_focus)
    if len(focus) == 1 and not _of_a_part(sa, num):
        return focus, "focus"
    return [], "no-actor"


#: from a figure to the place it is for: " expansion for the ", " growth – for the "
_FOR_OWNER = re.compile(r"\s*(?:(?:growth|expansion|increase|rise)\s+)?[–—-]*\s*for\s+"
                        r"(?:the\s+)?"
                        # "a mere 4% increase eyed by Tianjin", "the 9.5% growth goal set by
                        # Hainan": the place that set it
                        r"|\s*(?:(?:growth|expansion|increase|rise)\s+)?(?:(?:goal|target)\s+)?"
                        r"(?:eyed|set|sought|targeted|planned|pursued)\s+by\s+(?:the\s+)?",
                        re.I)


_IN_OWNER = re.compile(r"\s*in\s+(?:the\s+)?", re.I)


def _no_actor_of_its_own(sa: SentenceAnalysis, i: int, clause_start: int) -> bool:
    """Whether no place acts for number *i* before it: none between the figure before it
    (or the clause's start) and it, other than the places that figure is "in" ("6.3
    percent in Tibet and 2.3 percent in Shanxi": Tibet is 6.3's, not 2.3's)."""
    num = sa.numbers[i]
    prev = _previous_number(sa, i)
    start = prev.end if prev else clause_start
    between = [a for a in sa.actors if start <= a.start and a.end <= num.start
               and a.region != "china"]
    if prev is not None and between and _IN_OWNER.fullmatch(
            _DESCRIBED_NEXT.sub(" ", sa.text[prev.end:between[0].start])):
        return True  # (the places right after the figure before are its own)
    return not between


def _owners_after(sa: SentenceAnalysis, num: Number, clause_end: int,
                  gazetteer: Gazetteer, allow_in: bool = False) -> list[str]:
    """The places a figure is said to be for, right after it: "ranged from around 5 percent
    growth – for the northeastern province of Heilongjiang and the northern city of Tianjin
    – to around 9 percent expansion for the Tibet Autonomous Region"; with *allow_in* (no
    place acts before the figure in its clause), the places it is "in": "growth in
    different regions varied from around 6.3 percent in Tibet to 2.3 percent in Shanxi"."""
    after = [a for a in sa.actors if num.end <= a.start < clause_end and not a.anaphor]
    if not after:
        return []
    gap = _DESCRIBED_NEXT.sub(" ", sa.text[num.end:after[0].start])
    if not (_FOR_OWNER.fullmatch(gap) or allow_in and _IN_OWNER.fullmatch(gap)):
        return []
    run = [after[0]]
    for nxt in after[1:]:
        if not _coordinated(sa, run[-1], nxt):
            break
        run.append(nxt)
    return most_specific(list(dict.fromkeys(a.region for a in run)), gazetteer)


def _of_a_part(sa: SentenceAnalysis, num: Number) -> bool:
    """Whether the sentence says the figure is a part's of the place in focus, named by its
    kind before the figure ("The gross regional product of the development zone in 2012
    reached 82 billion yuan, a year-on-year increase of 5 percent"), or one of a group of
    parts after it ("The local GDP increased by 9.3%, ..., ranking first among the
    administrative districts of Guangdong"): then the figure is not the place's."""
    part, among = _subregion_words()
    return bool(part.search(sa.text, 0, num.start) or among.search(sa.text, num.end))


@cache
def _subregion_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A part of a place named by its kind ("the development zone", "the southern
    suburb"), from cues.yaml; and, after a figure, a group of such parts it ranks among
    ("ranking first among the administrative districts")."""
    words = alternation([str(w) for w in cues()["growth"]["subregion_heads"]]
                        + ["suburb", "suburbs"])
    return (re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I),
            re.compile(rf"\bamong\s+(?:the\s+|all\s+)?(?:[a-z-]+\s+){{0,2}}(?:{words})"
                       rf"(?![\w-])", re.I))


def _pronoun(sa: SentenceAnalysis, a: Actor) -> bool:
    """Whether actor *a* is a pronoun standing for the place(s) before ("It", "Their")."""
    return a.anaphor and sa.text[a.start:a.end] in ("It", "Its", "Their", "They")


def _level(gazetteer: Gazetteer, rid: str) -> str | None:
    region = gazetteer.get(rid)
    return region.level if region is not None else None


#: between two figures of a list: a list break, after the first figure's unit
_LIST_GAP = re.compile(r"\s*(?:percent|per\s+cent|%)?" + _LIST_BREAK.pattern, re.I)
_THEIR = re.compile(r"\btheir\b", re.I)


def _list_run(sa: SentenceAnalysis, i: int) -> tuple[int, int]:
    """(first, last): the run of figures joined by "and" or commas around number *i*
    ("3.5%, 3.8%, 4.2% and 6.5%")."""
    first = last = i
    while first > 0 and _LIST_GAP.fullmatch(sa.text, sa.numbers[first - 1].end,
                                            sa.numbers[first].start):
        first -= 1
    while last + 1 < len(sa.numbers) and _LIST_GAP.fullmatch(sa.text, sa.numbers[last].end,
                                                              sa.numbers[last + 1].start):
        last += 1
    return first, last


def _list_run_length(sa: SentenceAnalysis, i: int) -> int:
    first, last = _list_run(sa, i)
    return last - first + 1


def _their_list_index(sa: SentenceAnalysis, i: int, n: int) -> int | None:
    """Where number *i* stands in a list of *n* figures that follows "their" in its clause
    ("their targets of 8.5 percent and 9 percent"), for the *n* places named before: each
    place its own figure, in order. None if the figure is in no such list."""
    if sa.numbers[i].unit != "percent":
        return None
    first, last = _list_run(sa, i)
    if last - first + 1 != n:
        return None
    clause_start, _ = sa.clause(sa.numbers[first].start)
    before = sa.numbers[first - 1].end if first > 0 else clause_start
    if not _THEIR.search(sa.text, max(before, clause_start), sa.numbers[first].start):
        return None
    return i - first


def _pair_respectively(sa: SentenceAnalysis, i: int, clause_start: int,
                       gazetteer: Gazetteer) -> list[str]:
    """"A, B and C target around 5%, above 5%, and approximately 5% respectively" (or "A, B
    and C recorded respective growth rates of ..."): the places of the run named before the
    first number of the clause, in order."""
    num = sa.numbers[i]
    # (the nation a run of places is ranked in is none of them: "Guangdong and Jiangsu
    # remain the largest economies in China, posting growth of 6.8% and 6.7% respectively")
    named = [a for a in sa.actors if clause_start <= a.start and a.end <= num.start
             and not a.anaphor and a.region != "china"]
    word = next((c.start for c in sa.cues if c.kind == "respectively" and c.start > num.start),
                sa.clause(num.start)[1])
    if len(named) < 2:
        # "The GDP of the two places showed negative growth, down 1.9% and 0.2%
        # respectively": the places the anaphor stands for, in the order they were named
        group = [a for a in sa.actors if clause_start <= a.start and a.end <= num.start
                 and a.anaphor]
        if len(group) < 2 or len({(a.start, a.end) for a in group}) != 1:
            return []
        nums = [q for q in sa.numbers if group[0].end <= q.start < word and q.unit == "percent"]
        k = nums.index(num) if num in nums else -1
        return [group[k].region] if len(nums) == len(group) and k >= 0 else []
    runs = _run_before(sa, named)
    nums = [q for q in sa.numbers if runs[-1].end <= q.start < word and q.unit == "percent"]
    run = most_specific(list(dict.fromkeys(a.region for a in runs)), gazetteer)
    if len(run) < 2 or len(nums) % len(run):
        return []
    k = nums.index(sa.numbers[i]) if sa.numbers[i] in nums else -1
    return [run[k % len(run)]] if k >= 0 else []


# --- year and period -------------------------------------------------------------------


def _nearest(refs: Sequence[YearRef], pos: int) -> YearRef | None:
    usable = [r for r in refs if r.year is not None]
    return min(usable, key=lambda r: (abs(r.start - pos), r.start)) if usable else None


#: "an increase of 4.5 percent over the previous year": the year compared with, not the
#: figure's own
_BASE_YEAR = re.compile(r"\b(?:over|than|from|compared\s+with|compared\s+to|par\s+with|"
                        r"line\s+with|same\s+as(?:\s+(?:that|those)\s+(?:of|in|for)|\s+for|\s+in)?)"
                        r"\s+(?:the\s+|a\s+)?"
                        # "shrink by 1 percent from the same period last year": the year of
                        # the period compared with
                        r"(?:(?:same|corresponding)\s+(?:period|quarter|time|months?)\s+"
                        r"(?:of\s+|in\s+)?(?:the\s+)?)?$", re.I)


def _is_base_year(sa: SentenceAnalysis, r: YearRef) -> bool:
    """Whether year *r* is that of something compared with ("up 5% over 2023", "shrink by 1
    percent from the same period last year")."""
    return bool(_BASE_YEAR.search(sa.text, max(0, r.start - 45), r.start))


#: between a growth figure and the year it is compared with: "a 7.6 percent growth over
#: 2016", "up 9 percent from 2011", "an increase of 5% compared with 2023"
_TO_BASE_YEAR = re.compile(r"[^\d,;:()]{0,25}?\b(?:over|from|compared\s+(?:with|to))\s+$", re.I)


def _base_year_after(sa: SentenceAnalysis, num: Number) -> int | None:
    """The year written right after the figure that it is compared with, if one is."""
    after = [r for r in sa.years if r.start >= num.end and not r.relative][:1]
    if after and after[0].year is not None and _TO_BASE_YEAR.fullmatch(
            sa.text, num.end, after[0].start) and not _AHEAD.match(sa.text, after[0].start):
        return after[0].year
    return None


#: a year ahead is never a base compared with: "grow by five percent over the coming year"
_AHEAD = re.compile(r"(?:next|the\s+(?:coming|upcoming|following))\b", re.I)


def _compared_year_after(sa: SentenceAnalysis, num: Number) -> int | None:
    """The year written after the comparison that next follows the figure ("..., up from
    4.8 percent in 2023"): the year of the result the figure is set against."""
    for cue in sa.cues_in(("comparison",), num.end, len(sa.text))[:1]:
        for r in sa.years:
            if cue.end <= r.start and r.year is not None and not r.relative:
                return r.year
    return None


def year_of(
    sa: SentenceAnalysis, i: int, stance: str, anchor: TimeAnchor, carried: int | None
) -> tuple[int | None, str]:
    """(year, rule) of number *i*."""
    num = sa.numbers[i]
    clause_start, clause_end = sa.clause(num.start)
    keep = sa.aside(num.start)
    lo, hi = keep if keep else (clause_start, clause_end)
    # (a year after a comparison that follows the figure is the base's: "Tianjin (9 percent
    # vs 11 percent last year)")
    looking_back = [c.end for c in sa.cues if c.kind == "comparison" and c.start >= num.end]
    bases = _base_years(sa)
    inside = [r for r in sa.years if lo <= r.start < hi
              and (keep or sa.outside_asides(r.start, r.end))
              # ("has kept its upward trend since last year, laying a foundation for the
              # annual target of 8.5 percent": when a trend started, not the figure's year)
              and not _SINCE.search(sa.text, max(0, r.start - 8), r.start)
              # ("Tianjin kept its rate of 3.6 percent compared with 2017, ..., and Chongqing
              # saw a 6 percent increase": the year an earlier figure is compared with)
              and not (r.end <= num.start and not r.relative and _COMPARED_WITH.search(
                  sa.text, max(0, r.start - 20), r.start) and any(
                  q.end <= r.start and q.unit == "percent" for q in sa.numbers))
              and not (r.start > num.start and not _AHEAD.match(sa.text, r.start)
                       and (_is_base_year(sa, r)
                            or any(end <= r.start for end in looking_back)))
              and bases.get(r.start, num) is num
              # (a result's year is never that of a target named after it: "Liaoning's
              # economy grew 5.1%, ..., and the province has set a 2025 target of ...")
              # ... nor that of a target named after it with its own figure: "has adjusted
              # its target to 5-5.5%, maintaining last year's target of around 5.5%")
              # ("Wuhan is expected to increase its GDP by more than 12% in 2021, and the
              # expected target for 2022 is to increase by 7.5%": 2022 is the next figure's)
              and not (r.start > num.end and not r.relative and "," in sa.text[num.end:r.start]
                       and _TARGET_FOR.search(sa.text, max(num.end, r.start - 20), r.start)
                       and any(q.start > r.end and q.unit == "percent" for q in sa.numbers))
              and not (r.start > num.end and _TARGET_AFTER_YEAR.match(sa.text, r.end) and (
                  stance == "outcome" or any(q.start > r.end and q.unit == "percent"
                                             for q in sa.numbers)))]
    # (a year compared with comes after the figure, "4.5 percent over the previous year";
    # one before it is the figure's own, "higher than last year's 4.5 percent")
    nearest_any = min(inside, key=lambda r: (abs(r.start - num.start), r.start), default=None)
    if stance == "outcome" and (nearest_any is None or nearest_any.year is None):
        base = _base_year_after(sa, num)
        if base is not None and (anchor.year is None or base + 1 < anchor.year):
            # "a 7.6 percent growth over 2016", "up 9 percent from 2011" (beside a "last
            # year" an undated page cannot place): growth over a year is the next year's,
            # once that year is over (in the article's own year it may be a part's)
            return base + 1, "after-base"
    if nearest_any is not None and nearest_any.year is None:
        # "last year's 4.5 per cent" in an article with no anchor; but a target for "the
        # coming year" set against a year's result is for the year after that one
        # ("grow by five percent over the coming year, up from 4.8 percent in 2023")
        base = _compared_year_after(sa, num) if stance == "target" else None
        if base is not None and _AHEAD.match(sa.text, nearest_any.start):
            return base + 1, "compared"
        return None, "none"
    ref = _year_after(sa, num, inside) or _nearest(inside, num.start)
    if ref is not None:
        if stance == "target" and _HORIZON.search(sa.text[max(0, ref.start - 12):ref.start]):
            return None, "horizon"  # "to about 4.8 percent by 2027": not one year's target
        return ref.year, "relative" if ref.relative else "stated"
    if not keep:
        # a year written in an earlier clause ("In 2024, ... ; ... about 6%"), never one
        # in a later clause, which may look back ("..., lower than its 6.1% in 2022")
        earlier = [r for r in sa.years if r.start < clause_start
                   and sa.outside_asides(r.start, r.end)]
        ref = _nearest(earlier, num.start)
        # (a target takes only a year that opens the sentence, "In 2024, ...": the years
        # of the clauses before a target are usually its outcomes')
        if ref is not None and (stance != "target" or ref.start < 15):
            return ref.year, "sentence"
        if ref is None and stance != "target" and earlier:
            # "... reported a 7.2 per cent rise last year, while Jilin grew 6.9 per cent" in
            # an undated page: the sentence's year, unknown; not one carried from before
            return None, "none"
    if carried is not None:
        return carried, "carried"
    if stance == "target" and anchor.year is not None:
        return anchor.year, f"anchor-{anchor.source}"
    return None, "none"


_SINCE = re.compile(r"\bsince\s+$", re.I)
_TARGET_FOR = re.compile(r"\b(?:target|goal)s?\s+(?:for|in)\s+$", re.I)
_COMPARED_WITH = re.compile(r"\bcompared\s+(?:with|to)\s+(?:the\s+year\s+)?$", re.I)
_TARGET_AFTER_YEAR = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:target|goal)s?\b", re.I)


def _base_years(sa: SentenceAnalysis) -> dict[int, Number]:
    """The years of figures compared with, by where the year starts: "(9 percent vs 11
    percent last year)" -> "last year" is 11 percent's, and no other figure's."""
    out: dict[int, Number] = {}
    for r in sa.years:
        before = [q for q in sa.numbers if q.end <= r.start
                  and q.unit in ("percent", "percentage-points")]
        if before and r.start - before[-1].end <= 25 and (any(
                c.kind == "comparison" and 0 <= before[-1].start - c.end <= 25
                for c in sa.cues) or FROM_BEFORE.search(sa.text, 0, before[-1].start)):
            out[r.start] = before[-1]  # ("cut it to 8 percent from 8.5 percent for last year")
    return out


_IN_YEAR = re.compile(r"^[^\d,;]{0,30}?\b(?:in|for|during)\s+$", re.I)


def _year_after(sa: SentenceAnalysis, num: Number, refs: Sequence[YearRef]) -> YearRef | None:
    """A year written right after the figure's phrase ("a 2.1% decline in 2023", "grew 5% in
    2024", "from 8 percent for 2017 to 5 percent for this year") binds tighter than a nearer
    one before it."""
    after = [r for r in refs if r.start >= num.end and r.year is not None]
    if after and _IN_YEAR.match(sa.text[num.end:after[0].start]):
        return after[0]
    return None


_PERIOD_AFTER = re.compile(r"^\s*(?:year[\s-]on[\s-]year\s+|y-o-y\s+)?"
                           r"(?:in|during|for|over|from)\s+(?:the\s+)?$", re.I)


#: parts of a year reported within that year (Q4 comes out in the January after)
_SAME_YEAR_PERIODS = ("Q1", "H1", "Q2", "Q3", "Q1-Q3")


#: "up from 4.1 percent in the same period of 2023": the period of a figure named before
_SAME_PERIOD = re.compile(r"[^\d,;]{0,30}?\b(?:in|during|for|over)\s+the\s+"
                          r"(?:same|corresponding)\s+period\b", re.I)
_SAME_PERIOD_OPENING = re.compile(r"\W*(?:in|during|for|over)\s+the\s+(?:same|corresponding)"
                                  r"\s+period\b", re.I)
_SAME_PERIOD_IN = re.compile(r"\b(?:in|during|for|over)\s+the\s+(?:same|corresponding)\s+"
                             r"period\b[^\d]*$", re.I)
#: what `period_of` says of "the same period" when no period is named before it
UNKNOWN_PERIOD = "?"


def compares_same_period(sa: SentenceAnalysis, i: int) -> bool:
    """Whether number *i* is followed by "in the same period (of last year)": a part of a
    year, the one named before it."""
    num = sa.numbers[i]
    if _SAME_PERIOD.match(sa.text, num.end):
        return True
    # ... or follows it, opening the sentence or in its clause: "In the same period of
    # 2017, the growth rate was 8%", "In the same period last year, Guangdong's growth rate
    # was 7.1 per cent"
    clause_start, _ = sa.clause(num.start)
    opening = _SAME_PERIOD_OPENING.match(sa.text)
    return (opening is not None and opening.end() <= num.start) or bool(
        _SAME_PERIOD_IN.search(sa.text, clause_start, num.start))


def period_of(sa: SentenceAnalysis, i: int) -> str | None:
    """The part of a year an outcome covers ("in the first half", "Q1"), else None: a period
    named before the figure, or right after it in its clause ("grew 5.8% in the first
    quarter of this year").

    A period named before the figure gives way to a year written right after it ("In the
    first quarter, GDP grew 6.0 percent, and the economy grew 6 percent in 2023"), and a
    period in an earlier clause to a year the figure's own clause names ("Growth slowed in
    the first quarter; in 2023 as a whole, GDP grew 5.8 percent"): the year's growth."""
    num = sa.numbers[i]
    clause_start, clause_end = sa.clause(num.start)
    periods = [c for c in sa.cues if c.kind.startswith("period:")]
    found = [c for c in periods if c.start < num.start]
    if compares_same_period(sa, i):
        return found[-1].kind.split(":", 1)[1] if found else UNKNOWN_PERIOD
    right_after = [c for c in periods if num.end <= c.start < clause_end
                   and _PERIOD_AFTER.match(sa.text[num.end:c.start])][:1]
    if found and right_after:  # "slowing from 23 percent in the first quarter to 3.4
        return right_after[0].kind.split(":", 1)[1]  # percent in the fourth quarter"
    after = _year_after(sa, num, [r for r in sa.years if num.end <= r.start < clause_end])
    if found and after is not None:
        return None  # "..., and the economy grew 6 percent in 2023": the year's growth
    if found and found[-1].start < clause_start and any(
            r.year is not None and not r.relative and clause_start <= r.start < clause_end
            and sa.outside_asides(r.start, r.end)
            and not _is_base_year(sa, r) for r in sa.years):
        return None  # (a year compared with, "up 5% over 2023", is not the figure's)
    if not found:
        found = right_after or [c for c in periods if num.end <= c.start < clause_end
                                and _period_later(sa, num, c)][:1]
    return found[-1].kind.split(":", 1)[1] if found else None


_IN_PERIOD = re.compile(r"\b(?:in|during|for|over)\s+(?:the\s+)?$", re.I)


def _period_later(sa: SentenceAnalysis, num: Number, cue: Cue) -> bool:
    """A period further on in the figure's phrase: "saw a 7.5% annualized growth rate in
    the first quarter", "expanded by 7.6% year-on-year in real terms to MOP115.72 billion in
    the fourth quarter" (no other percentage, and no year, between them)."""
    if cue.start - num.end > 90 or not _IN_PERIOD.search(sa.text[num.end:cue.start]):
        return False
    return not any(num.end <= q.start < cue.start and q.unit == "percent" for q in sa.numbers
                   ) and not any(num.end <= r.start < cue.start for r in sa.years)


# --- the rules together ----------------------------------------------------------------


_OF_GROWTH = re.compile(r"^\s*of\s+(?:(?:the\s+)?(?:gdp|grp|economic|regional\s+gdp)\s+)?growth\b",
                        re.I)


#: a gap between two rates, not a rate: "were lower by more than 1% compared to the annual
#: goals", "missed its target by 1.9 percent", "higher than the national average by 0.5%"
_DIFFERENCE = re.compile(
    r"\b(?:(?:lower|higher|faster|slower|less|more|above|below|short|behind|ahead)"
    r"(?:\s+than\s+[^\d,;]{1,40}?)?|(?:missed|exceeded|beat|beaten|outpaced|surpassed"
    r"|undershot|overshot|topped)\s+[^\d,;]{1,40}?)\s+by\s+(?:more\s+than\s+|over\s+|about\s+"
    r"|around\s+|nearly\s+|almost\s+|at\s+least\s+|less\s+than\s+|only\s+|just\s+)?$", re.I)


#: the level a change starts from, with no year of its own: "increasing from 7.5 to 8
#: percent" (its year is rarely the one the sentence names; "from 8 percent for 2017 to 5
#: percent" names it, and is kept)
_FROM_TO = re.compile(r"\s*(?:percent|per\s+cent|%)?[”\"’']?\s*(?:growth\s+|expansion\s+)?to\s+"
                      r"[“\"‘']?(?:[a-z]+\s+){0,3}?-?\d", re.I)


#: a gap between rates named right after the figure: "2.2 percent higher than the national
#: average", "0.5 percentage points faster than"
_GAP_AFTER = re.compile(r"\s*(?:percent|per\s+cent|%|percentage(?:\s+points?)?)?\s*(?:higher|lower|"
                        r"faster|slower|more|less|above|below)\s+than\b", re.I)
#: between two gaps named together: "2.3% and 0.2% higher than ..."
_AND_BETWEEN = re.compile(r"\s*(?:percent|per\s+cent|%|percentage(?:\s+points?)?)?\s*(?:,\s*)?"
                          r"(?:and|or)\s+", re.I)
#: the same figure on another basis, in parentheses: "(or a growth of 8.5% based on ...)"
_RESTATED_BEFORE = re.compile(r"\(\s*or\b[^()\d]*$", re.I)
#: a change between two levels years apart: "from 750.5 billion yuan in 2012 to 961.7
#: billion yuan in 2016"
_FROM_YEAR_TO_YEAR = re.compile(r"\bfrom\s+[^;]{0,60}?\b(?:in\s+)?((?:19|20)\d\d)\b[^;]{0,10}?"
                                r"\bto\s+[^;]{0,60}?\bin\s+((?:19|20)\d\d)\b", re.I)


def _over_years(sa: SentenceAnalysis, num: Number) -> bool:
    """Whether the figure follows, in its clause, a change between two levels more than a year
    apart: its rate is over those years, not one year's."""
    start, _ = sa.clause(num.start)
    m = _FROM_YEAR_TO_YEAR.search(sa.text, start, num.start)
    return m is not None and int(m.group(2)) - int(m.group(1)) > 1


def _excluded(sa: SentenceAnalysis, i: int) -> str | None:
    """Why number *i* is no single year's growth of anyone, if it is not."""
    num = sa.numbers[i]
    if not (PLAUSIBLE[0] <= num.value <= PLAUSIBLE[1]) or (
            num.value_max is not None and not PLAUSIBLE[0] <= num.value_max <= PLAUSIBLE[1]):
        return "implausible"
    # "9.1 percent of GDP growth" (a translation of "GDP growth of 9.1 percent") is growth;
    # "30 percent of GDP", "50 percent of the total" are shares
    of_growth = bool(_OF_GROWTH.match(sa.text[num.end:num.end + 40]))
    if re.match(r"^\s*of\s+(?!growth)", sa.text[num.end:num.end + 20], re.I) and not of_growth:
        return "share"
    if _DIFFERENCE.search(sa.text[max(0, num.start - 40):num.start]):
        return "difference"
    if _FROM_TO.match(sa.text, num.end) and FROM_BEFORE.search(sa.text, 0, num.start):
        return "level-before"
    if _GAP_AFTER.match(sa.text, num.end):
        return "difference"  # "2.2 percent higher than the national average"
    nxt = sa.numbers[i + 1] if i + 1 < len(sa.numbers) else None
    if nxt is not None and _AND_BETWEEN.fullmatch(sa.text, num.end, nxt.start) and (
            _GAP_AFTER.match(sa.text, nxt.end)):
        return "difference"  # "2.3% and 0.2% higher than that of the country and the province"
    if _RESTATED_BEFORE.search(sa.text, max(0, num.start - 40), num.start):
        return "restated"  # "up 7.7% (or a growth of 8.5% based on the original standard)"
    base = _base_year_after(sa, num)
    if base is not None and any(r.year is not None and not r.relative and r.year > base + 1
                                and r.start < num.start for r in sa.years):
        return "average"  # "the 2021 GDP ..., an increase of 6.7% compared with 2019": two years
    if _over_years(sa, num):
        return "average"  # "rose from 750.5 billion yuan in 2012 to 961.7 billion yuan in
        # 2016, an annual increase of 9.3 percent": a rate over several years
    clause_start, _ = sa.clause(num.start)
    keep = sa.aside(num.start)
    prev = _previous_number(sa, i)
    seg_start = keep[0] if keep else (prev.end if prev else clause_start)
    if sa.cues_in(("average",), seg_start, num.end + 25, keep):
        return "average"
    # a span of years, or a plan's, anywhere in the figure's stretch of the clause: "a target
    # of 9 percent growth rate for the 11th Five-Year Plan (2005-2010)"
    _, clause_end = sa.clause(num.start)
    stretch_end = keep[1] if keep else clause_end
    if i + 1 < len(sa.numbers):
        stretch_end = min(stretch_end, sa.numbers[i + 1].start)
    if sa.cues_in(("span",), seg_start, stretch_end, keep):
        return "average"
    if any(not (of_growth and c.start >= num.start) for c in
           sa.cues_in(("share",), seg_start, num.end + 12, keep)):
        return "share"  # (the number's own "percent of" before "GDP growth" is no share)
    after = num.end + 50  # (not beyond the next figure, which the words may be about)
    if i + 1 < len(sa.numbers):
        after = min(after, sa.numbers[i + 1].start)
    national = sa.cues_in(("national",), max(seg_start, num.start - 60), num.start, keep)
    if national and any(national[-1].end <= a.start and a.end <= num.start
                        and a.region != "china" for a in sa.actors):
        # "growth rates below the national average, including Guangdong (3.5%)": a place
        # named between the nation and the figure is the figure's
        national = []
    if national or any(
            c.text.lower().startswith(("for", "at")) for c in sa.cues_in(
                ("national",), num.end, after, keep)):
        # "the national average of 5%", "a 5% target for the nation", "a tepid 0.4% growth
        # at the national level"
        return "national"
    return None


def _carried(history: Sequence[SentenceAnalysis], stance: str,
             last_fact: dict[str, tuple[int | None, str | None]],
             anchor: TimeAnchor) -> tuple[int | None, str | None]:
    """(year, period) carried from the sentences just before: those of the last fact of the
    same stance in this stretch of text, else the last year written in the previous
    sentences and the part of it named with it ("... in the first quarter of 2023. During
    the three-month period, the province's GDP increased by 8.2 percent": a figure that
    takes its year from there covers that part of it, not the whole year). For a target
    only when the article has no time anchor: the years written before a target are usually
    its outcomes'."""
    if stance == "target" and anchor.year is not None:
        return None, None  # the anchor decides (a list sentence takes its statement's year)
    if last_fact.get(stance, (None, None))[0] is not None:
        return last_fact[stance]
    for prev in reversed(history[-YEAR_SPAN:]):
        usable = _own_years(prev)
        if usable and anchor.year is None and any(
                r.year is None and r.relative and not _AHEAD.match(prev.text, r.start)
                for r in prev.years):
            # "Hubei managed GDP of over CNY4 trillion last year, 95 percent of what it was
            # in 2019" in an undated page: the sentence speaks of two past years, one of
            # which no one can place; it carries neither ("released their results for 2023
            # and their targets for the coming year" carries 2023)
            return None, None
        if usable:
            return usable[-1].year, _period_with(prev, usable[-1])
    return None, None


#: how many opening sentences may say which part of the year a report is about
LEDE_SENTENCES = 2
_GROWTH_WORD = re.compile(r"\b(?:GDP|GRP|growth|grew|expanded|economic\s+output)\b", re.I)


def _lede_period(analyses: Sequence[SentenceAnalysis]) -> str | None:
    """The part of a year the opening sentences report on ("... reported lower than expected
    GDP growth in the first half of this year"): exactly one period named there (not the
    unnamed "?"), and a GDP or growth word."""
    lede = analyses[:LEDE_SENTENCES]
    kinds = {c.kind for sa in lede for c in sa.cues if c.kind.startswith("period:")}
    if len(kinds) != 1 or not any(_GROWTH_WORD.search(sa.text) for sa in lede):
        return None
    period = kinds.pop().split(":", 1)[1]
    return None if period == UNKNOWN_PERIOD else period


def _period_with(sa: SentenceAnalysis, ref: YearRef) -> str | None:
    """The part of the year *ref* named with it: "the first quarter of 2023", "Q1 2023",
    "2023 first half"."""
    for cue in sa.cues:
        if cue.kind.startswith("period:") and (0 <= ref.start - cue.end <= 25
                                               or 0 <= cue.start - ref.end <= 3):
            return cue.kind.split(":", 1)[1]
    return None


#: a year something is compared with: "Compared with the same period last year, Beijing
#: surpassed Hebei", "higher than in 2023"
_COMPARED_YEAR = re.compile(r"(?:\b(?:compared\s+(?:with|to)|than|over|from)\s+(?:in\s+)?"
                            r"(?:the\s+same\s+period\s+(?:of\s+)?)?(?:the\s+)?"
                            # "up from 24.49% in the same period last year", "compared to
                            # the same period in 2023": the same period's year is a base
                            r"|\bsame\s+(?:period|quarter|time)\s+(?:of\s+|in\s+)?(?:the\s+)?)$",
                            re.I)


#: a year something is expected in: "expected to drive the recovery of the world's
#: second-largest economy in 2024", "will ... in 2025"
_EXPECTED_YEAR = re.compile(r"\b(?:expected|forecast|projected|set|likely|poised)\s+to\b"
                            r"|\bwill\b", re.I)


def _own_years(sa: SentenceAnalysis) -> list[YearRef]:
    """The years a sentence speaks of, which the sentences after it may carry on: not a year
    it only compares with (a base year is no topic), nor one in which something is expected
    (the year of a forecast is not the year of the results around it)."""
    return [r for r in sa.years if r.year is not None
            and not _COMPARED_YEAR.search(sa.text[max(0, r.start - 40):r.start])
            and not _EXPECTED_YEAR.search(sa.text[sa.clause(r.start)[0]:r.start])]


def _year_reviewed(before: SentenceAnalysis | None, report_year: int | None) -> int | None:
    """The one year, earlier than a work report's, that the sentence *before* speaks of, if
    it speaks of one ("According to the report, Qingdao's economy in 2018 saw high-speed
    growth" in the 2019 report): the year under review."""
    if before is None or report_year is None:
        return None
    years = {r.year for r in _own_years(before) if r.year is not None}
    return years.pop() if len(years) == 1 and min(years) < report_year else None


def _confidence(region_rule: str, measure: str, stance_rule: str, year_rule: str) -> str:
    """"high" only when the sentence itself names the place, the measure, the stance and
    the year. A year carried from a sentence before is a guess: in the blind sets
    (tests/real5-real10) as first scored, 11 of the 20 outcomes published with a carried
    year had the wrong one (a quarter's or a past year's figure, under an earlier
    sentence's year), and only 5 of the 20 were right."""
    sure_region = region_rule in NAMED
    sure_year = year_rule in ("stated", "relative", "sentence", "anchor-date")
    sure = sure_region and measure == "gdp" and stance_rule in (
        "cue", "comparison", "forecaster", "projection", "report") and sure_year
    return "high" if sure else "low"


def extract_growth(
    analyses: Sequence[SentenceAnalysis], anchor: TimeAnchor, gazetteer: Gazetteer,
    headline: int | None = None, title: str | None = None,
) -> list[GrowthFact]:
    """Every GDP growth fact of an article, in document order. *headline* is the number of
    the sentence that is the headline: its facts give way to the body's (the body's wording
    is the one to cite)."""
    out: list[GrowthFact] = []
    lede_period = _lede_period(analyses)
    report, report_year = about_a_report(analyses, title if headline is None else None)
    topic: Topic | None = None
    last_fact: dict[str, tuple[int | None, str | None]] = {}  # stance -> (year, period)
    for k, sa in enumerate(analyses):
        if sa.paragraph_start and topic is not None and sa.n - topic.sentence > 1:
            last_fact = {}
        previous_focus = analyses[k - 1].focus if k else ()
        focus = previous_focus or sa.focus  # the place the text was about before this sentence
        found_here = False
        outcomes_here: list[tuple[Number, tuple[str, ...], int | None, str]] = []
        periods_here: list[str | None] = []  # the period of each of those outcomes
        for i, num in enumerate(sa.numbers):
            measure = measure_of(sa, i, topic)
            if measure is None or _excluded(sa, i):
                continue
            stance = stance_of(sa, i, topic, measure, report)
            if stance is None and measure == "gdp" and _rate_of_a_year_over(sa, i, anchor):
                stance = ("outcome", "year-over")
            if stance is None:
                continue
            kind, stance_rule = stance
            regions, region_rule = actors_of(sa, i, gazetteer, focus)
            # the nation's growth is context, not a region's fact (the site shows provinces
            # and cities; a national line comes from the figures module as a reference)
            regions = [r for r in regions if r != "china"]
            if not regions:
                continue
            if stance_rule == "projection" and all(
                    _level(gazetteer, r) == "sar" for r in regions):
                # Hong Kong and Macao publish forecasts, and set no growth targets: "the
                # government forecasts growth of 2 to 3 percent" is no plan
                kind, stance_rule = "forecast", "sar"
            if stance_rule == "projection" and (
                    any(p is not None for p in periods_here)
                    or any(c.kind.startswith("period:") and c.end <= num.start
                           for c in sa.cues)):
                # "In the first three quarters, Jiangxi's GDP grew 5.3 percent, and the
                # province expects full-year growth of about 5 percent", "In the first half
                # of 2025, Henan's economy ..., with a projected GDP growth of around 5.5%":
                # an estimate made with the year's results so far, not the plan set at its
                # start
                kind, stance_rule = "forecast", "in-year"
            if region_rule == "coordinated" and len(regions) > 1:
                k_th = _their_list_index(sa, i, len(regions))
                if k_th is not None:
                    # "GDP growth was 5.2 percent and 5.6 percent for Heilongjiang and Shanxi,
                    # much lower than their targets of 8.5 percent and 9 percent": each its own
                    regions, region_rule = [regions[k_th]], "paired"
            if (region_rule == "coordinated" or region_rule == "pronoun" and len(regions) > 1) and (
                    num.value_max is not None
                    or _EITHER_QUALIFIER.search(sa.text[max(0, num.start - 30):num.start])):
                # "A, B and C set targets between 5 and 6 percent", "... around or above 5
                # percent": a bracket over the group, not each place's figure
                continue
            if ("carried" in (measure, stance_rule) and region_rule not in (*NAMED, "pronoun")
                    and stance_rule not in ("comparison", "compared")):
                continue  # a list sentence names its places
            carried, carried_period = _carried(analyses[:k], kind, last_fact, anchor)
            if ((measure == "carried" or stance_rule == "listed-after") and topic is not None
                    and topic.year is not None and topic.stance == kind):
                carried, carried_period = topic.year, (
                    carried_period if topic.year == carried else None)
            year, year_rule = year_of(sa, i, kind, anchor, carried)
            if year_rule == "horizon":
                continue
            if (stance_rule == "report" and year is not None and report_year is not None
                    and year < report_year):
                # "GDP ... was predicted to rise by around five percent last year" in the 2019
                # report: its estimate of a year before its own, not a plan
                kind, stance_rule = "outcome", "estimated"
            elif stance_rule == "report" and year_rule not in ("stated", "relative"):
                # a report's expectation is its plan for the year it names ("In 2019, Yunnan
                # is expected to see growth of 8.5 percent", or a headline: "Henan maps out
                # its 2026 development goals ... Economic growth is projected at around 5
                # percent"); one that names no year may be an estimate of the year past
                # ("the provincial GDP is projected to grow by over 3.5%" in a review of
                # last year)
                reviewed = _year_reviewed(analyses[k - 1] if k else None, report_year)
                if reviewed is not None:
                    # "Qingdao's economy in 2018 saw high-speed growth. Its GDP was predicted
                    # to rise by 7.5 percent" in the 2019 report: the estimate of the year
                    # the sentence before reviews
                    kind, stance_rule, year, year_rule = "outcome", "estimated", reviewed, "carried"
                elif report_year is not None:
                    year, year_rule = report_year, "report"
                else:
                    kind, stance_rule = "forecast", "passive"
            if kind == "target" and year_rule.startswith("anchor-"):
                against = target_year_of_outcome(sa, num, outcomes_here, regions)
                if against is not None:
                    year, year_rule = against
            if kind == "target" and num.qualifier == "up-to" and _BELOW_BEFORE.search(
                    sa.text, max(0, num.start - 12), num.start):
                # "Qinghai is the only one with a growth target below 5%": a comparison
                # that describes a target, not the target ("up to 5 percent" states one)
                continue
            if kind == "outcome" and year is not None and anchor.year is not None and (
                    year > anchor.year):
                continue  # an outcome for a year not yet over is a projection
            if (kind in ("target", "forecast") and year is not None and year_rule == "stated"
                    and anchor.year is not None and anchor.source in ("date", "text")
                    and year < anchor.year and not _target_noun_before(sa, i)
                    and stance_rule != "compared"
                    and not _TARGET_NOUN_AFTER.match(sa.text, num.end)):
                # "in 2024, Sichuan's GDP will grow by 5.7%" in a 2025 report, "estimated
                # its 2024 growth at 5.5%": a year that is over has an outcome, realised or
                # preliminary (a machine translation's tense does not make it a plan)
                kind, stance_rule = "outcome", "year-over"
            if _EXPECTED_TO.search(sa.text[max(0, num.start - 40):num.start]) and (
                    kind == "outcome" or kind == "target" and year is not None
                    and anchor.year is not None and year < anchor.year):
                continue  # "expected to see growth of nearly 3 percent in 2022": an estimate
            period = period_of(sa, i) if kind == "outcome" else None
            if period == UNKNOWN_PERIOD:
                # growth over "the same period" or "during the quarter" of a part of a year
                # not named; the outcomes after it in the stretch may be of that part too
                last_fact[kind] = (year, UNKNOWN_PERIOD)
                continue
            if (period in _SAME_YEAR_PERIODS and year_rule in ("carried", "none")
                    and anchor.source == "date"):
                # "GDP grows by 4.6% in Q1" in an April article: this year's first quarter
                # (a quarter is reported the month after it ends), not a year carried over
                year, year_rule = anchor.year, "anchor-date"
            elif kind == "outcome" and period is None and year_rule == "carried":
                # (the year and its period both come from before: "... in the first
                # quarter of 2023. During the three-month period, ..." in a 2024 article)
                period = carried_period
            elif kind == "outcome" and period is None and year is None:
                # no year anywhere, but the outcome before it in this stretch was a part of
                # a year: "Hubei's GDP jumped 6.3 percent in the three months ended March
                # 31 ... Shandong, Zhejiang and Anhui posted growth rates of over 6 percent"
                before = last_fact.get("outcome")
                if before is not None and before[0] is None:
                    period = before[1]
                    if period == UNKNOWN_PERIOD:
                        continue
            if (kind == "outcome" and period is None and stance_rule == "comparison"
                    and outcomes_here and periods_here[-1] is not None):
                # "Guangdong grew 8.5 percent [in the first half], up from 7.4 percent a
                # year earlier": the same part of the year before
                period = periods_here[-1]
            if (kind == "outcome" and period is None and lede_period is not None
                    and (year_rule in ("carried", "none")
                         # "..., compared with 8.2 percent growth a year earlier": the same
                         # part of the year before
                         or stance_rule == "comparison" and year_rule == "relative")):
                # a report on a part of the year says so in its opening ("31 provinces
                # reported growth in the first half of this year"); a figure further on
                # that names neither its year nor its period is of that part (of the year
                # of the article's date: a part of a year is reported within it)
                period = lede_period
                if (period in _SAME_YEAR_PERIODS and anchor.source == "date"
                        and year_rule != "relative"):
                    year, year_rule = anchor.year, "anchor-date"
            if (kind == "outcome" and period is None and year is not None
                    and year == anchor.year and anchor.source == "date"):
                # a whole year's result is published after the year ends: a "result" for
                # the year of the article's own date is a plan or an estimate misread ("Four
                # provinces ... recorded 7% growth" in an April 2022 round-up of 2022 targets)
                continue
            if stance_rule in ("rate-named", "against-target-after") and period is None and (
                    year_rule not in ("stated", "relative", "sentence")):
                continue  # a rate stated as it is says which year in the same sentence
            if (kind == "outcome" and year is None and year_rule == "none" and period is None
                    and report and anchor.source == "date" and anchor.year is not None):
                # "Highlights of Jiangsu's government work report": "GDP reached 12.82 trillion
                # yuan, up 5.8% year-on-year" is the result of the year the report reviews,
                # the one before its own
                year, year_rule = (report_year or anchor.year) - 1, "report-reviews"
            confidence = _confidence(region_rule, measure, stance_rule, year_rule)
            rule = f"{kind}:{stance_rule}; region:{region_rule}; year:{year_rule}"
            if measure == "carried":
                rule += "; measure:carried"
            value, value_max = num.value, num.value_max
            if kind in ("outcome", "forecast") and value > 0 and _falls(sa, i):  # ("fell -2%")
                value, value_max = -value, None if value_max is None else -value_max
            if kind == "target" and year is not None and _changed_from_after(sa, i):
                # "lowered its 2025 growth target to 5 percent from 5.5 percent": the level
                # it changed from is the year before's target
                year, confidence = year - 1, "low"
                rule = f"target:changed-from; region:{region_rule}; year:before"
            start_level = _changed_from(sa, i) if kind == "target" else None
            if start_level is not None and start_level.value_max is not None and len(regions) > 1:
                start_level = None  # a bracket over a group, as above (not each place's)
            for region in regions if year is not None and start_level is not None else ():
                # "has reduced its target from around 7% to 5.5%": the level the target
                # changed from is the year before's target
                out.append(GrowthFact(
                    sentence=sa.n, start=start_level.start, text=start_level.text,
                    indicator=INDICATORS["target"], region=region, year=year - 1,
                    value=start_level.value, value_max=start_level.value_max,
                    qualifier=start_level.qualifier, period=None, forecaster=None,
                    confidence="low",
                    rule=f"target:changed-from; region:{region_rule}; year:before"))
            # a figure whose year nothing in the page gives is no fact an analyst can file
            # (a year's target or result, a quarter of some year): it is left out, though
            # it still says what the figures after it are about (its stance and period).
            # In the real sets as first scored, none of the 16 such figures was a fact of
            # the answer keys, where every figure has its year.
            for region in regions if year is not None else ():
                out.append(GrowthFact(
                    sentence=sa.n, start=num.start, text=num.text,
                    indicator=PART_YEAR if period else INDICATORS[kind],
                    region=region, year=year, value=value, value_max=value_max,
                    qualifier=num.qualifier, period=period,
                    forecaster=_forecaster(sa) if kind == "forecast" else None,
                    confidence=confidence, rule=rule))
            if kind == "outcome":
                outcomes_here.append((num, tuple(regions), year, year_rule))
                periods_here.append(period)
            if stance_rule not in ("comparison", "compared"):  # (a figure compared with
                # is no topic)
                last_fact[kind] = (year, period)
                topic = Topic(kind, year, sa.n)
            found_here = True
        if not found_here and _states_topic(sa):
            # of the year it names ("... cut their GDP growth targets for this year"), else
            # of the targets before it (not of a result's year: "In 2017, Tianjin's GDP
            # growth slumped to 3.6 percent. ... growth targets for that year ...")
            own = _targets_year(sa)
            topic = Topic("target", own if own is not None else topic.year
                          if topic and topic.stance == "target" else None, sa.n)
        elif not found_here and _introduces_targets(sa):
            topic = Topic("target", _targets_year(sa), sa.n, listing=True)
        elif not found_here and (year := table_caption(sa)) is not None:
            topic = Topic("outcome", year, sa.n)  # its rows follow: "Hefei 12013.1 3.5%"
    return _drop_headline_echoes(out, headline)


@cache
def _fall_after() -> re.Pattern[str]:
    """A fall named right after a number ("a 2.1 percent contraction"), from cues.yaml."""
    words = "|".join(re.escape(str(w)) for w in cues()["growth"]["fall_nouns"])
    return re.compile(rf"\s+(?:year[\s-]on[\s-]year\s+)?(?:real\s+)?(?:{words})\b", re.I)


_HORIZON = re.compile(r"\b(?:by|until|through|before)\s+(?:the\s+end\s+of\s+)?$", re.I)
_EXPECTED_TO = re.compile(r"\bexpected\s+to\b", re.I)


def _falls(sa: SentenceAnalysis, i: int) -> bool:
    """Whether the outcome verb nearest before number *i* is a fall ("contracted 0.8%"), or
    a fall is named right after it ("a 2.1 percent contraction")."""
    num = sa.numbers[i]
    if _fall_after().match(sa.text, num.end):
        return True
    start, _ = sa.clause(num.start)
    # ("down from 8.5 percent last year" names the level before, not a fall)
    looking_back = {c.start for c in sa.cues_in(("comparison",), start, num.start)}
    verbs = [c for c in sa.cues_in(("outcome", "fall"), start, num.start)
             if c.start not in looking_back]
    if verbs and (_TO_AFTER_VERB.match(sa.text, verbs[-1].end) or _RATE_SUBJECT.search(
            sa.text, max(0, verbs[-1].start - 40), verbs[-1].start)):
        # "GDP growth sharply declined to 3.6 percent in 2017 from 9 percent in 2016": the
        # rate fell to a level, and both figures are levels
        return False
    return bool(verbs) and any(c.kind == "fall" and c.start == verbs[-1].start for c in verbs)


_TO_AFTER_VERB = re.compile(r"\s+to\b", re.I)
#: a rate as the subject of a fall: "Yunnan's growth has also declined, with a forecast of
#: only 3.3%" (a level follows, not the size of the fall)
_RATE_SUBJECT = re.compile(r"\bgrowth(?:\s+rates?)?\s+(?:(?:has|have|had|also|further|sharply"
                           r"|slightly|markedly|significantly)\s+)*$", re.I)


def _target_noun_before(sa: SentenceAnalysis, i: int) -> bool:
    """Whether a target noun ("target", "goal") names the figure in its clause."""
    num = sa.numbers[i]
    start, _ = sa.clause(num.start)
    return any(c.text.lower() in _TARGET_NOUNS or "target" in c.text.lower()
               or "goal" in c.text.lower()
               for c in sa.cues if c.kind in ("target", "bare") and start <= c.start < num.start)


def _introduces_targets(sa: SentenceAnalysis) -> bool:
    """A sentence with no figure that names targets and ends with a colon ("The major
    targets for economic and social development are as follows:"), or a heading that is
    only that ("Annual Targets", "Main goals for 2021")."""
    if sa.numbers:
        return False
    return (sa.text.rstrip().endswith(":") and any(
        c.kind == "target" and any(w in _TARGET_NOUNS for w in c.text.lower().split())
        for c in sa.cues)) or bool(_TARGETS_HEADING.fullmatch(sa.text.strip()))


_TARGETS_HEADING = re.compile(
    r"(?:(?:the|annual|main|major|key|primary|principal|economic|social|development|growth|"
    r"and|(?:19|20)\d\d)\s+)*(?:targets?|goals?|objectives?)(?:\s+(?:for|of|in)\s+"
    r"(?:the\s+year\s+)?(?:19|20)\d\d)?:?", re.I)


_BELOW_BEFORE = re.compile(r"\b(?:below|under|less\s+than|lower\s+than)\s+$", re.I)


def _targets_year(sa: SentenceAnalysis) -> int | None:
    """The year of the targets a sentence speaks of: of the years it speaks of, the one
    nearest a target word ("issued 2022 growth targets, most of them under the 2021
    expansion": 2022, not the year compared with)."""
    own = _own_years(sa)
    targets = [c for c in sa.cues if c.kind == "target"]
    if not own or not targets:
        return own[-1].year if own else None
    return min(own, key=lambda r: min(abs(r.start - c.start) for c in targets)).year


def _states_topic(sa: SentenceAnalysis) -> bool:
    """A sentence about growth targets without a figure ("Their growth targets are
    generally bright"): list sentences after it continue it."""
    kinds = {c.kind for c in sa.cues}
    return ("gdp" in kinds or "bare" in kinds) and "target" in kinds and "other" not in kinds


def table_caption(sa: SentenceAnalysis) -> int | None:
    """The year of a caption over a table of regions' results ("2022 GDP data of 16 cities
    in Anhui:"), else None: a line ending with a colon that names GDP and one year that is
    written out, and holds no percentage. The rows that follow ("Hefei 12013.1 3.5%") continue
    it as list sentences do, each naming its place."""
    if not sa.text.rstrip().endswith(":") or any(q.unit == "percent" for q in sa.numbers):
        return None
    if not any(c.kind == "gdp" for c in sa.cues) or any(
            c.kind in ("target", "forecast", "other") for c in sa.cues):
        return None
    years = {r.year for r in sa.years if r.year is not None and not r.relative}
    return years.pop() if len(years) == 1 else None


def _drop_headline_echoes(facts: list[GrowthFact], headline: int | None) -> list[GrowthFact]:
    if headline is None:
        return facts
    body = {(f.indicator, f.region, f.year, f.period) for f in facts if f.sentence != headline}
    return [f for f in facts
            if f.sentence != headline or (f.indicator, f.region, f.year, f.period) not in body]
