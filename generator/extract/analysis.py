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
government work report"); failing that, a date in the URL path, a weak hint.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .cues import alternation, cues
from .quantities import YEAR_RE, Quantity, scan_numbers
from .regions import RegionAnalysis

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
    r"|\bafter\b(?!\s+\d)|,\s+(?:having|up\s+from|down\s+from|beating|missing|trailing"
    r"|higher\s+than|lower\s+than|following|which\s+is\s+(?:higher|lower))\b"
)


def clause_breaks(sentence: str) -> list[int]:
    """Where the clauses of *sentence* start, after the first: the one definition of a
    clause that every rule uses (semicolons, contrast words, and comparisons that look back
    at another figure: "..., lower than its 6.1% growth in 2022")."""
    return [b.start() for b in _CLAUSE_BREAK.finditer(sentence.lower())]


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


def _bounded(words: list[str]) -> str:
    """Any of *words*, or its plural, on word boundaries (lower-case text)."""
    return rf"(?<![\w-])(?:{alternation([w.lower() for w in words])})(?:s|es)?(?![\w-])"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) pairs, matched on the lower-cased sentence."""
    g = cues()["growth"]
    scope = alternation([w.lower() for w in g["economy_scope"]])
    number_words = (r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                    r"|thirteen|fourteen|fifteen|twenty|thirty|[a-z]+-[a-z]+")
    heads = alternation([w.lower() for w in g["group_heads"]])
    quants = alternation([w.lower() for w in g["group_quantifiers"]])
    group = (rf"(?<![\w-])(?:(?:{quants})\s+(?:[\w'’-]+\s+){{0,4}}?(?:{heads})"
             rf"|(?:{number_words})\s+(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{heads})"
             rf"|^\W*(?:{heads}))(?![\w-])")
    pats: list[tuple[str, re.Pattern[str]]] = [
        ("gdp", re.compile(_bounded(g["gdp"]))),
        ("gdp", re.compile(rf"(?:(?<![\w-])(?:{scope})|['’]s)\s+econom(?:y|ies)\b")),
        ("bare", re.compile(_bounded(g["bare_growth"]))),
        # "the digital economy", "the marine economy": a sector, not the economy
        ("other", re.compile(rf"(?<![\w'’-])(?!(?:{scope})\s)[a-z][a-z-]+\s+econom(?:y|ies)\b")),
        ("other", re.compile(_bounded(cues()["indicator_cues"]["other_measures"]))),
        # "energy consumption per unit of GDP": an intensity, not the economy
        ("other", re.compile(r"\bper\s+unit\s+(?:of\s+)?(?:gdp|gross\s+domestic\s+product)\b")),
        ("forecaster", re.compile(_bounded(g["forecasters"]))),
        ("comparison", re.compile(_bounded(g["comparison"]))),
        ("average", re.compile(_bounded(g["average"]))),
        ("group", re.compile(group)),
        ("respectively", re.compile(r"\brespectively\b")),
        ("fall", re.compile(_bounded(g["falls"]))),
        ("share", re.compile(_bounded(g["shares"]))),
        # a person or commentator as the subject of a projection: "She expects ...",
        # "Zhao expects the capital's economy to grow ...", "Economists forecast ..."
        ("forecaster", re.compile(
            r"^\W*(?:he|she|they|[a-z]+(?:\s+[a-z]+){0,2})\s+(?:also\s+)?(?:forecasts?|expects?"
            r"|expected|predicts?|predicted|estimates?|estimated|projects?|projected|sees|reckons"
            r"|anticipates?|believes?)\b(?!\s+to\b)")),
        ("national", re.compile(
            r"\b(?:national|nationwide|country['’]s|nation['’]s)\s+(?:average|growth|rate|level|"
            r"economy|gdp|target)|\bfor\s+the\s+(?:nation|country|whole\s+country)\b")),
    ]
    for period, words in g["periods"].items():
        pats.append((f"period:{period}", re.compile(_bounded([str(w) for w in words]))))
    return tuple(pats)


@cache
def _stance_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over every stance phrase, built as a trie (cues.alternation), whose
    greedy branches let "is expected to grow" (a forecast) win over "is expecting"."""
    g = cues()["growth"]
    kind_of: dict[str, str] = {}
    for kind in ("target", "outcome", "forecast"):
        for w in g[kind]:
            kind_of.setdefault(" ".join(str(w).lower().split()), kind)
    return re.compile(rf"(?<![\w-])(?:{alternation(list(kind_of))})(?![\w-])"), kind_of


@cache
def _subregion_pattern() -> re.Pattern[str]:
    heads = alternation([w for w in _words("subregion_heads")])
    return re.compile(rf"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?i:{heads})\b")


# An aside after a name: ", which grew 2.3% in 2022 to 404.5 billion yuan,", ", the capital
# of Jiangsu province,", ", both central cities,". Its words and years describe the name.
_ASIDE = re.compile(
    r",\s+(?:which|who|where|whose|home\s+to|host\s+of|a|an|the|another|both|capital\s+of"
    r"|dubbed|known\s+as|nicknamed)\s[^,;]{3,160},", re.I)

_RELATIVE = (
    (re.compile(r"\b(?:this|the\s+current)\s+year\b", re.I), 0),
    (re.compile(r"\b(?:last|the\s+past|the\s+previous|a\s+year\s+earlier)\s+year\b|\blast\s+year\b"
                r"|\ba\s+year\s+(?:earlier|ago)\b", re.I), -1),
    (re.compile(r"\b(?:next|the\s+coming|the\s+upcoming|the\s+following)\s+year\b", re.I), 1),
)


def _years(sentence: str, anchor: TimeAnchor, numbers: Sequence[Number]) -> tuple[YearRef, ...]:
    refs = [YearRef(m.start(), m.end(), int(m.group(0)), False)
            for m in YEAR_RE.finditer(sentence)
            if not any(q.start <= m.start() < q.end for q in numbers)]
    if "year" not in sentence and "Year" not in sentence:
        return tuple(refs)
    for pattern, offset in _RELATIVE:
        for m in pattern.finditer(sentence):
            year = anchor.year + offset if anchor.year is not None else None
            refs.append(YearRef(m.start(), m.end(), year, True))
    return tuple(sorted(refs, key=lambda r: r.start))


@cache
def _compiled() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str], list[str]]:
    """The measure patterns one by one (their matches may overlap and are resolved in
    _cues), and every other cue kind in one alternation of named groups (one scan of the
    sentence instead of a dozen; at one position the kind listed first wins)."""
    singles = tuple((k, p) for k, p in _patterns() if k in _MEASURES)
    rest = [(k, p) for k, p in _patterns() if k not in _MEASURES]
    kinds = [k for k, _ in rest]
    combined = re.compile("|".join(f"(?P<k{i}>{p.pattern})" for i, (_, p) in enumerate(rest)))
    return singles, combined, kinds


def _cues(sentence: str) -> tuple[Cue, ...]:
    low = sentence.lower()
    singles, combined, kinds = _compiled()
    found = [Cue(m.start(), m.end(), kind, sentence[m.start():m.end()])
             for kind, pattern in singles for m in pattern.finditer(low)]
    found += [Cue(m.start(), m.end(), kinds[int(m.lastgroup[1:])], sentence[m.start():m.end()])
              for m in combined.finditer(low) if m.lastgroup]
    stance, kind_of = _stance_pattern()
    for m in stance.finditer(low):
        if m.group(0) == "up" and low.startswith(" to", m.end()):
            continue  # "up to 5 percent" is a qualifier, not a rise
        found.append(Cue(m.start(), m.end(), kind_of[" ".join(m.group(0).split())], m.group(0)))
    for m in _subregion_pattern().finditer(sentence):
        found.append(Cue(m.start(), m.end(), "subregion", m.group(0)))
    # "the tourism city of Sanya", "an export and manufacturing hub": a description of a
    # place, not the measure of a figure
    found = [Cue(c.start, c.end, "description", c.text)
             if c.kind == "other" and _DESCRIBED.match(low, c.end) else c for c in found]
    measures = [c for c in found if c.kind in _MEASURES]
    # a measure inside a longer one is part of it ("production" in "gross regional production")
    found = [c for c in found if c.kind not in _MEASURES or not any(
        o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
        for o in measures)]
    return tuple(sorted(found, key=lambda c: (c.start, -c.end, c.kind)))


_MEASURES = ("gdp", "bare", "other")
_DIGIT = re.compile(r"\d")
_DESCRIBED = re.compile(r"(?:\s+and\s+[a-z]+)?\s+(?:[a-z]+\s+)?(?:city|cities|hub|center|centre"
                        r"|powerhouse|base|province|destination|heartland|player|island)\b")
# the word before an aside's comma names something: "Gansu, which ...", "Anhui province,
# the ...", not "for 2024, which include ..." or a list item ", a 5.5 percent growth ..."
_NAMED_BEFORE = re.compile(
    r"(?:[A-Z][\w'’.-]*|\b(?:province|city|region|municipality|prefecture|district|county))$")


def _asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Asides that describe the name just before them (see _ASIDE)."""
    return tuple(m.span() for m in _ASIDE.finditer(sentence)
                 if _NAMED_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]))


def _clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    bounds = [0, *clause_breaks(sentence), len(sentence)]
    return tuple((a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a) or ((0, 0),)


def scan_sentences(sentences: Sequence[str]) -> list[list[Quantity]]:
    """Each sentence's quantities (:func:`~.quantities.scan_numbers`), scanned once for the
    analysis and the figures."""
    return [scan_numbers(s) if _DIGIT.search(s) else [] for s in sentences]


def analyse_sentence(
    n: int, sentence: str, regions: RegionAnalysis, anchor: TimeAnchor, paragraph_start: bool,
    quantities: Sequence[Quantity] | None = None,
) -> SentenceAnalysis:
    """The analysis of sentence *n* (1-based); *quantities* as scanned, if they were."""
    if quantities is None:
        quantities = scan_numbers(sentence) if _DIGIT.search(sentence) else []
    numbers = tuple(Number(q.start, q.end, q.text, q.value, q.value_max, q.unit, q.qualifier)
                    for q in quantities)
    actors = tuple(Actor(m.start, m.end, m.region, m.anaphor) for m in regions.in_sentence(n)
                   if m.role == "subject" and not m.locator)
    asides = _asides(sentence) if "," in sentence else ()
    return SentenceAnalysis(
        n=n,
        text=sentence,
        paragraph_start=paragraph_start,
        clauses=_clauses(sentence),
        asides=asides,
        actors=actors,
        locators=tuple((m.start, m.end) for m in regions.in_sentence(n) if m.locator),
        numbers=numbers,
        years=_years(sentence, anchor, numbers),
        # (cues serve the growth rules: percentages, and sentences that may set a topic)
        cues=_cues(sentence) if any(q.unit == "percent" for q in numbers)
        or _might_set_topic(sentence) else (),
        focus=tuple(regions.focus[n - 1]),
    )


def _might_set_topic(sentence: str) -> bool:
    low = sentence.lower()
    return "target" in low or "goal" in low


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


@cache
def _plan_year_pattern() -> re.Pattern[str]:
    nouns = alternation([w.lower() for w in _words("plan_nouns")])
    year = r"(?:19[5-9]\d|20\d\d)"
    return re.compile(
        rf"(?<![\w-])(?:(?:{nouns})\s+(?:of\s+[\d.]+\s*(?:%|percent|per\s+cent)\s+)?"
        rf"(?:for|in|of)\s+(?:the\s+year\s+)?(?P<a>{year})\b"
        rf"|(?P<b>{year})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{nouns})(?![\w-]))")


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
    if url:
        m = _URL_DATE.search(url)
        if m:
            return TimeAnchor(int(m.group(1)), "url")
    return TimeAnchor(None, None)
