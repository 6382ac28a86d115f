"""Sentence analysis: one pass per sentence computes what the fact rules read.

Every fact rule asks the same questions of a sentence: where do its clauses start and end,
which parts are asides, which places act in it, which numbers and years does it hold, and
does it state a target, an outcome or a forecast? :func:`analyse` answers them once per
sentence, as frozen values (:class:`SentenceAnalysis`), so the rules in :mod:`.growth` are
small pure functions over the analysis and never re-scan the text.

What the analysis finds is a *cue*: a span of the sentence with a kind (``gdp``, ``other``,
``target``, ``outcome``, ``forecast``, ``group`` ...). The cue words are data
(``growth`` in ``generator/data/cues.yaml``); this module only compiles and finds them.

The time anchor (:func:`time_anchor`) resolves "this year" and "last year": the publication
date; failing that, the plan year the text itself states ("targets for 2025", "the 2026
government work report"); failing that, a date in the URL path, a weak hint; failing that,
the earliest year the text says something will happen in ("Chengdu will increase project
investment in 2023"), as weak: the article was written before that year was over.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from .cues import alternation, cues
from .quantities import YEAR_RE, Quantity, might_hold_numbers, scan_numbers
from .regions import CHINA_S, RegionAnalysis, subregion_name

__all__ = [
    "Actor",
    "Cue",
    "Number",
    "SentenceAnalysis",
    "TimeAnchor",
    "YearRef",
    "analyse",
    "clause_breaks",
    "scan_sentences",
    "time_anchor",
]

# Where a new clause starts. Matched on lower-cased text (the regex engine then uses its
# literal-prefix scan, about 3x faster than re.IGNORECASE on this alternation).
_CLAUSE_BREAK = re.compile(
    r";|\bwhile\b|\bwhereas\b|,\s+but\b|\bmeanwhile\b|\bcompared (?:with|to)\b"
    # "... a slowdown in the first quarter but has since picked up, with GDP rising 4.6%"
    r"|\bbut\s+(?:has|have|had|then|later|since|soon|now)\b"
    r"|\bafter\b(?!\s+\d)|,\s+(?:having|up\s+from|down\s+from|beating|missing|trailing"
    r"|higher\s+than|lower\s+than|following|which\s+is\s+(?:higher|lower))\b"
)


def clause_breaks(sentence: str, low: str | None = None) -> list[int]:
    """Where the clauses of *sentence* start, after the first: the one definition of a
    clause that every rule uses (semicolons, contrast words, and comparisons that look back
    at another figure: "..., lower than its 6.1% growth in 2022"). *low* is the sentence
    lower-cased, when the caller has it."""
    return [b.start() for b in _CLAUSE_BREAK.finditer(low or sentence.lower())]


@dataclass(frozen=True)
class Cue:
    """A cue phrase found in a sentence: its span, its kind and the words."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True)
class Number:
    """A percentage or other quantity, as :func:`~.quantities.scan_numbers` read it."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str


@dataclass(frozen=True)
class YearRef:
    """A year written out ("2024") or relative ("last year"), resolved when it can be."""

    start: int
    end: int
    year: int | None
    relative: bool


@dataclass(frozen=True)
class Actor:
    """A place that can act in the sentence (a subject mention, not a locator)."""

    start: int
    end: int
    region: str
    anaphor: bool


@dataclass(frozen=True)
class TimeAnchor:
    """The year an article speaks from, and where it was found (date, text, url)."""

    year: int | None
    source: str | None


@dataclass(frozen=True)
class SentenceAnalysis:
    """Everything the fact rules need to know about one sentence."""

    n: int  # 1-based sentence number
    text: str
    paragraph_start: bool
    clauses: tuple[tuple[int, int], ...]
    asides: tuple[tuple[int, int], ...]
    actors: tuple[Actor, ...]
    locators: tuple[tuple[int, int], ...]  # places that only locate another ("in Jiangsu")
    numbers: tuple[Number, ...]
    years: tuple[YearRef, ...]
    cues: tuple[Cue, ...]
    focus: tuple[str, ...]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding position *pos*."""
        for start, end in self.clauses:
            if start <= pos < end:
                return start, end
        return self.clauses[-1]

    def aside(self, pos: int) -> tuple[int, int] | None:
        """The aside holding *pos*, if any."""
        return next(((s, e) for s, e in self.asides if s <= pos < e), None)

    def outside_asides(self, start: int, end: int, keep: tuple[int, int] | None = None) -> bool:
        """Whether the span lies outside every aside (but *keep*)."""
        return not any(s <= start and end <= e for s, e in self.asides if (s, e) != keep)

    def cues_in(self, kinds: Sequence[str], start: int, end: int,
                keep: tuple[int, int] | None = None) -> list[Cue]:
        """The cues of *kinds* inside [start, end), not inside an aside (but *keep*)."""
        return [c for c in self.cues if c.kind in kinds and start <= c.start and c.end <= end
                and self.outside_asides(c.start, c.end, keep)]


# --- cue patterns (compiled once per process from cues.yaml) ----------------------------


def _words(key: str) -> list[str]:
    return [str(w) for w in cues()["growth"][key]]


# Phrase kinds found by one Aho-Corasick pass over the lower-cased sentence: (cues.yaml
# key, family, kind, plurals). Within a family, overlapping matches resolve leftmost-longest
# ("gross regional production" is GDP, not "production"); families may overlap each other
# ("national growth rate" is a national cue and a growth measure).
_PHRASES = (
    ("gdp", "measure", "gdp", True),
    ("bare_growth", "measure", "bare", True),
    ("forecasters", "misc", "forecaster", True),
    ("comparison", "comparison", "comparison", True),
    ("average", "average", "average", True),
    ("falls", "fall", "fall", True),
    ("shares", "share", "share", True),
    ("target", "stance", "target", False),
    ("outcome", "stance", "outcome", False),
    ("forecast", "stance", "forecast", False),
    ("group_heads", "gate", "group-head", True),
    ("group_fractions", "misc", "group", False),
    ("subregion_heads", "gate", "subregion-head", False),
)


def outcome_noun_phrases() -> list[str]:
    """"a/an [year-on-year] NOUN of" for every outcome noun of cues.yaml: "an increase of",
    "a year-on-year growth of", "an year-on-year rise of" (see `starts_outcome_noun`)."""
    g = cues()["growth"]
    hows = ["", *(f"{w} " for w in g["outcome_noun_how_often"])]
    return [f"{article} {how}{noun} of" for article in ("a", "an") for how in hows
            for noun in g["outcome_nouns"]]


def starts_outcome_noun(cue_text: str) -> bool:
    """Whether a stance cue is an outcome noun ("an increase of"), not a verb."""
    return cue_text.lower().startswith(("a ", "an "))


@cache
def _automaton() -> ahocorasick.Automaton:
    """Every literal cue phrase of cues.yaml in one automaton (built once per process)."""
    g = cues()["growth"]
    table: dict[str, dict[str, str]] = {}  # phrase -> family -> kind (first listed wins)

    def add(phrase: str, family: str, kind: str, plural: bool) -> None:
        phrase = " ".join(str(phrase).lower().split())
        for form in (phrase, phrase + "s", phrase + "es") if plural else (phrase,):
            table.setdefault(form, {}).setdefault(family, kind)

    for key, family, kind, plural in _PHRASES:
        for w in g[key]:
            add(w, family, kind, plural)
    for w in outcome_noun_phrases():
        add(w, "stance", "outcome", False)
    for w in cues()["indicator_cues"]["other_measures"]:
        add(w, "measure", "other", True)
    add("respectively", "respectively", "respectively", False)
    add("respective", "respectively", "respectively", False)  # "recorded respective rates of"
    for period, words in g["periods"].items():
        for w in words:
            add(w, "period", f"period:{period}", True)
    automaton = ahocorasick.Automaton()
    for phrase, families in table.items():
        automaton.add_word(phrase, (len(phrase), tuple(sorted(families.items()))))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _phrase_hits(low: str) -> list[tuple[int, int, str, str]]:
    """(start, end, family, kind) of every word-bounded phrase match."""
    out = []
    n = len(low)
    for end, (length, families) in _automaton().iter(low):
        start = end - length + 1
        if start > 0 and _is_word_char(low[start - 1]):
            continue
        if end + 1 < n and _is_word_char(low[end + 1]):
            continue
        for family, kind in families:
            out.append((start, end + 1, family, kind))
    return out


def _leftmost_longest(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping hits, leftmost first, the longest at one position."""
    out: list[tuple[int, int, str, str]] = []
    last_end = -1
    for h in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


@cache
def _regex_cues() -> dict[str, re.Pattern[str]]:
    """The cues that are patterns rather than phrases, each run only when a cheap test of
    the sentence says it can match (see _cues)."""
    g = cues()["growth"]
    scope = alternation([w.lower() for w in g["economy_scope"]])
    number_words = (r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                    r"|thirteen|fourteen|fifteen|twenty|thirty|[a-z]+-[a-z]+")
    heads = alternation([w.lower() for w in g["group_heads"]])
    quants = alternation([w.lower() for w in g["group_quantifiers"]])
    return {
        # "Tibet's economy", "the economy" (a possessive, an article or a scope word)
        "gdp": re.compile(rf"(?:(?<![\w-])(?:{scope})|['’]s)\s+econom(?:y|ies)\b"),
        # "the digital economy", "the marine economy": a sector, not the economy
        "sector": re.compile(
            rf"(?<![\w'’-])(?!(?:{scope})\s)[a-z][a-z-]+\s+econom(?:y|ies)\b"),
        # "energy consumption per unit of GDP": an intensity, not the economy
        "per-unit": re.compile(r"\bper\s+(?:unit|10,000\s+yuan|ten\s+thousand\s+yuan)\s+"
                               r"(?:of\s+)?(?:(?:regional|local)\s+)?"
                               r"(?:gdp|grp|gross\s+(?:domestic|regional)\s+product)\b"),
        # a span of years, or a five-year plan's: "a target of 9 percent for 2006-2010",
        # "for the 11th Five-Year Plan": a rate over it is no one year's ("the first year of
        # the 14th Five-Year Plan" is one year)
        "span": re.compile(r"(?<!plan\s\()(?<!plan\()"  # (a plan's years after its name)
                           r"\b(?:19|20)\d\d\s*(?:-|–|—|to|through)\s*(?:19|20)\d\d\b"
                           r"|(?<!year\s)\b(?:for|during|over|throughout|in)\s+the\s+(?:\d{1,2}(?:st|nd|rd|th)"
                           r"\s+|(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth)\s+)?"
                           r"five[\s-]year\s+plan\b"),
        # quantified or unnamed groups: "most provinces", "12 of the 24 cities"
        "group": re.compile(
            rf"(?<![\w-])(?:(?:{quants})\s+(?:[\w'’-]+\s+){{0,4}}?(?:{heads})"
            rf"|(?:{number_words})\s+(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{heads})"
            rf"|^\W*(?:{heads}))(?![\w-])"),
        # a person or commentator as the subject of a projection: "She expects ...",
        # "Zhao expects the capital's economy to grow ...", "Economists forecast ..."
        "forecaster": re.compile(
            # ("Economic growth is projected at ...": a passive names no one)
            r"\W*(?:he|she|they|[a-z]+(?:\s+[a-z]+){0,2})(?<!\bis)(?<!\bare)(?<!\bwas)"
            r"(?<!\bwere)(?<!\bbe)(?<!\bbeen)\s+(?:also\s+)?(?:forecasts?|expects?"
            r"|expected|predicts?|predicted|estimates?|estimated|projects?|projected|sees|reckons"
            r"|anticipates?|believes?)\b(?!\s+(?:to|targets?|goals?|objectives?)\b)"),
        # ("The primary expected targets ... include": a plan's targets, no one forecasting)
        "national": re.compile(
            r"\b(?:national|nationwide|country['’]s|nation['’]s)\s+(?:average|growth|rate|level|"
            r"economy|gdp|target)|\bfor\s+the\s+(?:nation|country|whole\s+country)\b"
            r"|\bat\s+the\s+(?:national|country)\s+level\b"
            # "significantly below the national 5% growth rate"
            r"|\bthe\s+(?:national|nationwide|country['’]s|nation['’]s)(?=\s+\d)"),
    }


@cache
def _subregion_pattern() -> re.Pattern[str]:
    return re.compile(subregion_name())


# An aside after a name: ", which grew 2.3% in 2022 to 404.5 billion yuan,", ", the capital
# of Jiangsu province,", ", both central cities,", ", east China's Jiangsu Province,", ",
# China's southernmost province,". Its words and years describe the name.
_ASIDE_WORDS = (r"(?:which|who|where|whose|home\s+to|host\s+of|a|an|the|another|both|one\s+of"
                rf"|capital\s+of|dubbed|known\s+as|nicknamed|{CHINA_S})")
_ASIDE = re.compile(
    # (a comma inside closing quotes does not end it: 'Dongguan, dubbed the "factory of the
    # world," in south China's Guangdong Province, reported ...')
    rf",\s+{_ASIDE_WORDS}\s(?:[^,;]|,(?=[\"”’]\s)){{3,160}},"
    # between dashes: "The GDP of Shijiazhuang – capital of North China's Hebei province –"
    rf"|\s(?:[–—]|--)\s*{_ASIDE_WORDS}\s[^,;–—]{{3,160}}?\s*(?:[–—]|--)\s", re.I)

_RELATIVE = (
    (re.compile(r"\b(?:this|the\s+current)\s+year\b", re.I), 0),
    (re.compile(r"\b(?:last|the\s+past|the\s+previous|a\s+year\s+earlier)\s+year\b(?!\s+of\b)"
                r"|(?<!the\s)\blast\s+year\b(?!\s+of\b)"
                r"|\ba\s+year\s+(?:earlier|ago)\b", re.I), -1),
    (re.compile(r"\b(?:next|the\s+coming|the\s+upcoming|the\s+following)\s+year\b", re.I), 1),
)



@cache
def _plan_for_year() -> re.Pattern[str]:
    """A plan for a year written in the sentence: "expects around 5 per cent economic growth
    in 2025", "aims for 6 percent for 2024" (the verbs: cues.yaml, growth.plan_year_verbs)."""
    verbs = alternation(_words("plan_year_verbs"))
    return re.compile(rf"\b(?:{verbs})\b[^.;]{{0,60}}?\b(?:in|for)\s+(20\d\d)\b", re.I)


def _years(sentence: str, anchor: TimeAnchor, numbers: Sequence[Number]) -> tuple[YearRef, ...]:
    refs = [YearRef(m.start(), m.end(), int(m.group(0)), False)
            for m in YEAR_RE.finditer(sentence)
            if not any(q.start <= m.start() < q.end for q in numbers)]
    if "year" not in sentence and "Year" not in sentence:
        return tuple(refs)
    if anchor.year is None and len({r.year for r in refs}) == 1:
        # an undated article: a plan for the one year the sentence writes is made in that
        # year, so "last year" beside it is the year before ("it expects around 5 per cent
        # growth in 2025, higher than last year's 4.5 per cent")
        plan = _plan_for_year().search(sentence)
        if plan is not None and int(plan.group(1)) == refs[0].year:
            anchor = TimeAnchor(refs[0].year, "sentence")
    last_year = None  # where "last year" is first written
    for pattern, offset in _RELATIVE:
        for m in pattern.finditer(sentence):
            year = anchor.year + offset if anchor.year is not None else None
            if offset == -1 and m.group(0).lower().startswith("last"):
                last_year = m.start() if last_year is None else min(last_year, m.start())
            refs.append(YearRef(m.start(), m.end(), year, True))
    if last_year is not None and anchor.year is not None:
        # "eased to around 9 percent last year, from 9.3 percent the previous year": the year
        # before the one just named
        refs = [YearRef(r.start, r.end, anchor.year - 2, True)
                if r.relative and r.start > last_year and r.year == anchor.year - 1
                and _BEFORE_THAT.match(sentence, r.start) else r for r in refs]
    # "grew 5.1 percent in 2024, up from 4.3 percent a year earlier": a figure's own year,
    # the year before the year written last before it, whatever the article's date (not a
    # base before its figure: "an increase over the previous year 3%")
    written = [r for r in refs if not r.relative and r.year is not None]
    refs = [YearRef(r.start, r.end, before[-1].year - 1, True)
            if r.relative and _BEFORE_THAT.match(sentence, r.start)
            and _FIGURE_BEFORE.search(sentence, max(0, r.start - 30), r.start)
            and (before := [w for w in written if w.end <= r.start]) else r for r in refs]
    return tuple(sorted(refs, key=lambda r: r.start))


#: the year before the one just named (the relative years `_RELATIVE` finds that say so)
_BEFORE_THAT = re.compile(r"the\s+(?:previous|preceding)\s+year|a\s+year\s+earlier", re.I)
_FIGURE_BEFORE = re.compile(r"\d\s*(?:%|percent|per\s+cent)[\"”]?\s+(?:in\s+|for\s+)?$", re.I)


def _cues(sentence: str, low: str) -> tuple[Cue, ...]:
    """Every cue of the sentence: the phrases in one automaton pass, the patterns only
    where a cheap test says they can match."""
    hits = _phrase_hits(low)
    rx = _regex_cues()
    gates = {h[3] for h in hits if h[2] == "gate"}
    measures = [h for h in hits if h[2] == "measure"]
    if "econom" in low:
        measures += [(m.start(), m.end(), "measure", "gdp") for m in rx["gdp"].finditer(low)]
        measures += [(m.start(), m.end(), "measure", "other")
                     for m in rx["sector"].finditer(low)]
    if "per unit" in low or "per 10,000 yuan" in low or "per ten thousand" in low:
        measures += [(m.start(), m.end(), "measure", "other")
                     for m in rx["per-unit"].finditer(low)]
    found = _leftmost_longest(measures)
    if any(w in low for w in ("five", "-", "–", "—", " to ", "through")):  # (the span's words)
        found += [(m.start(), m.end(), "average", "span") for m in rx["span"].finditer(low)]
    stances = [h for h in hits if h[2] == "stance"
               and not (low[h[0]:h[1]] == "up" and low.startswith(" to", h[1]))]
    found += _leftmost_longest(stances)  # ("up to 5 percent" is a qualifier, not a rise)
    for family in ("misc", "comparison", "average", "fall", "share", "respectively", "period"):
        found += _leftmost_longest([h for h in hits if h[2] == family and not (
            # "below the national average": a level compared with, not a rate over years
            family == "average" and _AVERAGE_OF_A_PLACE.search(low, max(0, h[0] - 24), h[0]))])
    if "group-head" in gates:
        found += [(m.start(), m.end(), "misc", "group") for m in rx["group"].finditer(low)]
    m = rx["forecaster"].match(low)
    if m:
        found.append((m.start(), m.end(), "misc", "forecaster"))
    if "nation" in low or "country" in low:
        found += [(m.start(), m.end(), "misc", "national") for m in rx["national"].finditer(low)]
    if "subregion-head" in gates:
        found += [(m.start(), m.end(), "misc", "subregion")
                  for m in _subregion_pattern().finditer(sentence)]
    cues_ = []
    for start, end, _family, kind in found:
        if kind == "other" and (_DESCRIBED.match(low, end) or _PRICE_BASIS.search(
                low, max(0, start - 12), start)):
            # "the tourism city of Guilin", "an export and manufacturing hub": a description
            # of a place, not the measure of a figure; "calculated at constant prices": how
            # a growth rate is computed, not another measure
            kind = "description"
        elif kind == "other" and _modified_head().match(low, end):
            kind = "modifier"  # "supply chain readjustment": no measure of a figure
        cues_.append(Cue(start, end, kind, sentence[start:end]))
    return tuple(sorted(cues_, key=lambda c: (c.start, -c.end, c.kind)))


_MEASURES = ("gdp", "bare", "other")
_AVERAGE_OF_A_PLACE = re.compile(r"\b(?:national|nationwide|country['’]s|nation['’]s|provincial"
                                 r"|province['’]s|city['’]s)\s+$")


@cache
def _modified_head() -> re.Pattern[str]:
    heads = alternation(cues()["indicator_cues"]["modified_heads"])
    return re.compile(rf"\s+(?:{heads})\b")


_PRICE_BASIS = re.compile(r"\b(?:constant|comparable|current)\s+$")
_DESCRIBED = re.compile(r"(?:\s+and\s+[a-z]+)?\s+(?:[a-z]+\s+)?(?:city|cities|hub|center|centre"
                        r"|powerhouse|base|province|destination|heartland|player|island)\b")
# the word before an aside's comma names something: "Gansu, which ...", "Anhui province,
# the ...", not "for 2024, which include ..." or a list item ", a 5.5 percent growth ..."
_NAMED_BEFORE = re.compile(
    r"(?:[A-Z][\w'’.-]*|\b(?:province|city|region|municipality|prefecture|district|county))$")


#: ", east China's Jiangsu Province," describes the name before it only where the sentence
#: goes on with its verb ("Changzhou City, east China's Jiangsu Province, reported ..."); in
#: "Guangdong Province, East China's Shandong and Jiangsu provinces, as well as ..." it is
#: the next item of a list
_CHINAS = re.compile(rf",\s+{CHINA_S}\s", re.I)
_LIST_GOES_ON = re.compile(r"\s*(?:and\b|or\b|as\s+well\s+as\b|[A-Z])")


#: a concession between commas, with no figure in it: "Heilongjiang, though enjoying booming
#: trade with Russia, reported only 2.6% growth" (its words are not the figure's measure)
_CONCESSION = re.compile(r",\s+(?:even\s+though|though|although|despite)\s[^,;\d]{3,100},",
                         re.I)


def _asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Asides that describe the name just before them (see _ASIDE), and concessions."""
    described = [m.span() for m in _ASIDE.finditer(sentence)
                 if _NAMED_BEFORE.search(sentence[max(0, m.start() - 40):m.start()])
                 and not (_CHINAS.match(m.group()) and (
                     " and " in m.group() or _LIST_GOES_ON.match(sentence, m.end())))]
    if "though" in sentence or "despite" in sentence:
        described += [m.span() for m in _CONCESSION.finditer(sentence)
                      if not any(s <= m.start() < e for s, e in described)]
    return tuple(sorted(described))


def _clauses(sentence: str, low: str) -> tuple[tuple[int, int], ...]:
    bounds = [0, *clause_breaks(sentence, low), len(sentence)]
    return tuple((a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a) or ((0, 0),)


def scan_sentences(sentences: Sequence[str]) -> list[list[Quantity]]:
    """Each sentence's quantities (:func:`~.quantities.scan_numbers`), scanned once for the
    analysis and the figures."""
    return [scan_numbers(s) if might_hold_numbers(s) else [] for s in sentences]


def _period_cues(sentence: str, low: str) -> tuple[Cue, ...]:
    """Only the partial-year periods of a sentence ("in the first quarter of 2023"), for a
    sentence that names a year but no percentage: a figure in the next sentence that takes
    its year from it takes its period too."""
    hits = _leftmost_longest([h for h in _phrase_hits(low) if h[2] == "period"])
    return tuple(Cue(start, end, kind, sentence[start:end]) for start, end, _f, kind in hits)


def analyse_sentence(
    n: int, sentence: str, regions: RegionAnalysis, anchor: TimeAnchor, paragraph_start: bool,
    quantities: Sequence[Quantity] | None = None,
) -> SentenceAnalysis:
    """The analysis of sentence *n* (1-based); *quantities* as scanned, if they were."""
    if quantities is None:
        quantities = scan_numbers(sentence) if might_hold_numbers(sentence) else []
    numbers = tuple(Number(q.start, q.end, q.text, q.value, q.value_max, q.unit, q.qualifier)
                    for q in quantities)
    mentions = regions.in_sentence(n)
    actors = tuple(Actor(m.start, m.end, m.region, m.anaphor) for m in mentions
                   if m.role == "subject" and not m.locator)
    low = sentence.lower()
    asides = _asides(sentence) if ("," in sentence or "–" in sentence or "—" in sentence
                                   or "--" in sentence) else ()
    years = _years(sentence, anchor, numbers)
    return SentenceAnalysis(
        n=n,
        text=sentence,
        paragraph_start=paragraph_start,
        clauses=_clauses(sentence, low),
        asides=asides,
        actors=actors,
        locators=tuple((m.start, m.end) for m in mentions if m.locator),
        numbers=numbers,
        years=years,
        # (cues serve the growth rules: percentages, and sentences that may set a topic; a
        # sentence with a year has its periods, which the next sentences may carry on)
        cues=_cues(sentence, low) if any(q.unit == "percent" for q in numbers)
        or _might_set_topic(low) else _period_cues(sentence, low) if years else (),
        focus=tuple(regions.focus[n - 1]),
    )


def _might_set_topic(low: str) -> bool:
    # (a target statement; or a caption over a table of figures, "2022 GDP data of 16
    # cities in Anhui:")
    return "target" in low or "goal" in low or low.rstrip().endswith(":")


def analyse(
    sentences: Sequence[str],
    paragraph_starts: Sequence[int],
    regions: RegionAnalysis,
    anchor: TimeAnchor,
    scanned: Sequence[Sequence[Quantity]] | None = None,
) -> tuple[SentenceAnalysis, ...]:
    """The analysis of every sentence, in order."""
    starts = set(paragraph_starts)
    if scanned is None:
        scanned = scan_sentences(sentences)
    return tuple(analyse_sentence(n, s, regions, anchor, n in starts, scanned[n - 1])
                 for n, s in enumerate(sentences, start=1))


# --- the time anchor ---------------------------------------------------------------------

_URL_DATE = re.compile(r"(?<!\d)(20\d\d)(?:[-/_]?)(0[1-9]|1[0-2])(?:[-/_]?(?:0[1-9]|[12]\d|3[01]))?"
                       r"(?!\d)")


_WILL_IN_YEAR = re.compile(r"\bwill\s+(?:[\w'’-]+\s+){1,12}?in\s+(20\d\d)\b(?!\s*-)")
_PART_OF_YEAR = re.compile(
    r"\b(?:(?:first|second|third)\s+quarter|first\s+half|first\s+(?:two|three)\s+quarters"
    r"|q[1-3]|h1)\s+(?:of\s+)?(20\d\d)\b", re.I)


@cache
def _plan_year_pattern() -> re.Pattern[str]:
    nouns = alternation([w.lower() for w in _words("plan_nouns")])
    year = r"(?:19[5-9]\d|20\d\d)"
    return re.compile(
        rf"(?<![\w-])(?:(?:{nouns})\s+(?:(?:rate\s+)?(?:of|at)\s+[\"“]?(?:[a-z]+\s+){{0,3}}?"
        rf"[\d.]+\s*(?:%|percent|per\s+cent)[\"”]?\s+(?:or\s+(?:higher|more|above)\s+)?)?"
        rf"(?:for|in|of)\s+(?:the\s+year\s+)?(?P<a>{year})\b"
        rf"|(?P<b>{year})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{nouns})(?![\w-]))")


def plan_year_in(text: str) -> int | None:
    """The one year *text* names with a plan noun ("its 2026 development goals", "the
    target for 2025"), if it names one."""
    years = {int(m.group("a") or m.group("b")) for m in _plan_year_pattern().finditer(text.lower())}
    return years.pop() if len(years) == 1 else None


def time_anchor(date: str | None, sentences: Sequence[str], url: str | None) -> TimeAnchor:
    """The year "this year" means in the article (see the module docstring). A plan year is
    the year the text most often names with a plan noun ("2024 GDP target", "goals for
    2024"); ties go to the later year."""
    if date and date[:4].isdigit():
        return TimeAnchor(int(date[:4]), "date")
    counts: Counter[int] = Counter()
    pattern = _plan_year_pattern()
    for sentence in sentences:
        if "target" not in sentence.lower() and not any(
                w in sentence.lower() for w in ("goal", "report", "plan", "budget", "statement")):
            continue
        for m in pattern.finditer(sentence.lower()):
            counts[int(m.group("a") or m.group("b"))] += 1
    if counts:
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return TimeAnchor(best[0], "text")
    # a part of a year that is reported within it ("in the first quarter of 2024"): the
    # article was written in that year, or later (the latest such year)
    within = [int(m.group(1)) for sentence in sentences for m in _PART_OF_YEAR.finditer(sentence)]
    if within:
        return TimeAnchor(max(within), "text")
    if url:
        m = _URL_DATE.search(url)
        if m:
            return TimeAnchor(int(m.group(1)), "url")
    ahead = [int(m.group(1)) for sentence in sentences for m in _WILL_IN_YEAR.finditer(sentence)]
    if ahead:  # "will increase project investment in 2023": written in 2023 at the latest
        return TimeAnchor(min(ahead), "future")
    return TimeAnchor(None, None)
