"""Quantities: every number in a sentence with its currency, scale, unit and qualifier.

:func:`scan_numbers` finds percentages, money ("1.8 trillion yuan ($245.6 billion)" is one
figure in CNY with its stated USD value), counts ("1,500 key provincial construction
projects") and per-capita ratios ("patents per 10,000 people increased to 57.9"). Years,
dates, model names (C919, 6G) and compound adjectives ("10,000-card") are not figures.
What a number *measures* is decided elsewhere (:mod:`.figures`, :mod:`.growth`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .cues import _re, alternation, cues

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "100 million": 1e8,
    "hundred million": 1e8,
    "tn": 1e12,
    "tln": 1e12,
}
# "53,231 100 million yuan": the translation of 亿 (10^8) some Chinese outlets print
SCALE = r"100\s+million|hundred\s+million|trillion|billion|million|thousand|tln|bln|mln|bn|mn|tn"
CURRENCY_BEFORE = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "hk$": "HKD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
}
CURRENCY_AFTER = {
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "dollars": "USD",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "hong kong dollars": "HKD",
    "pounds": "GBP",
}
# (spaces as \s: the quantity regex is compiled with re.VERBOSE, which ignores literal spaces)
# ("0.1 percentage lower than the previous year": a gap in points, written short)
PERCENT = r"percentage(?:\s+points?)?|percent|per\s+cent|%|pct"
def _in_points(unit: str) -> bool:
    """Whether a percent unit is percentage points ("percentage points", "percentage")."""
    return unit.lower().startswith("percentage")


# A year: not part of a longer number ("12,024", "2024.5", "2025-2027" is two years but not
# "2024-style"), so a comma or full stop may follow it ("in 2024, the city ...").
YEAR_RE = re.compile(r"(?<![\d,.$-])(?:19[5-9]\d|20\d\d|21[0-4]\d)(?![\d%]|[.,]\d|-[A-Za-z])")

_CURRENCY_WORDS = (
    r"yuan|RMB|renminbi|U\.S\.\s+dollars|US\s+dollars|Hong\s+Kong\s+dollars|dollars|euros|pounds"
)


def _quantity_pattern(ranges: bool) -> re.Pattern[str]:
    """A number with its currency, scale and unit. With *ranges*, also a second number
    after "-", "to" or "and" ("5-6 percent", "2.5% to 3.5%", "$1 billion to $2 billion");
    without, the range groups exist but never match (the same group names either way)."""
    second = (
        rf"(?:(?:\s*(?P<scale1>{SCALE})\b)?(?:\s*(?P<unit1>{PERCENT}))?"
        rf"\s*(?P<sep>-|–|—|to|and)\s*(?P<cur_pre2>US\$|HK\$|\$|RMB|¥)?\s?(?P<num2>{NUM}))?"
    )
    if not ranges:
        second = "(?:(?!)(?P<scale1>)(?P<unit1>)(?P<sep>)(?P<cur_pre2>)(?P<num2>))?"
    return re.compile(
        rf"""
        (?:(?<![\w.$,¥￥€£-])|(?<=[\s(:]-))  # (a minus sign: "was -4.5%")
        (?:(?P<cur_pre>US\$|HK\$|\$|RMB|CNY|USD|EUR|¥|￥|€|£)\s?)?
        (?P<num>{NUM})
        {second}
        (?:\s*(?P<scale>{SCALE})\b)?
        (?:(?:\s*|-(?=(?:percent|pct)\b))(?P<unit>{PERCENT}|(?:{_CURRENCY_WORDS})\b))?
        """,
        re.VERBOSE | re.IGNORECASE,
    )


#: a minus sign right before a number: the mathematical one anywhere, a hyphen or an en dash
#: only after a space, a bracket or a colon (never "5-6 percent", "COVID-19")
_MINUS_BEFORE = re.compile(r"(?:\u2212|(?:^|(?<=[\s(:]))[-–])\Z")

_QUANTITY = _quantity_pattern(ranges=True)
_SINGLE_QUANTITY = _quantity_pattern(ranges=False)
# The stated conversion after a yuan figure: "($245.6 billion)", "(about 843 billion U.S. dollars)"
_USD_AFTER = re.compile(
    rf"^\s*\(\s*(?:about|around|roughly|approximately|some|nearly|over|more\s+than)?\s*"
    rf"(?:(?:US\$|\$|USD\s?)(?P<num>{NUM})\s*(?P<scale>{SCALE})?\s*(?:U\.S\.\s+dollars|dollars)?"
    rf"|(?P<num_b>{NUM})\s*(?P<scale_b>{SCALE})?\s*(?:U\.S\.|US)\s+dollars)\s*\)",
    re.IGNORECASE,
)
_PER_CAPITA = re.compile(
    rf"\bper\s+(?P<per>{NUM}|capita|person|head)\s*(?P<who>people|persons|residents|inhabitants|population)?\b",
    re.IGNORECASE,
)
# a plural noun, possibly after a few modifiers: "1,500 key provincial projects", "868,000 NEVs"
_COUNT_NOUN = re.compile(r"^\s+((?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*[a-z]s|[A-Z]{2,}s))\b")
_DIGIT = re.compile(r"\d")


@dataclass
class Quantity:
    """A number found in a sentence, before it is classified and attributed."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    usd_value: float | None = None
    subject: str | None = None
    indicator: str | None = None
    regions: list[str] = field(default_factory=list)
    theme: str | None = None
    year: int | None = None
    #: "low" when a rule had to guess (the region from the sentences before)
    confidence: str = "high"


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _scaled(num: str, scale: str | None) -> float:
    value = _number(num)
    if scale:
        value *= SCALES[" ".join(scale.lower().split())]
    return _clean(value)


def _clean(value: float) -> float:
    """Round away binary noise (1.8 * 1e12 = 1800000000000.0002) so YAML is stable."""
    return float(f"{value:.12g}")


def _qualifier(before: str, after: str) -> str:
    m = _qualifier_pattern().search(before[-40:].lower())
    if m:
        return _QUALIFIER_NAMES[m.lastgroup or ""]
    if _re(r"^\s*(?:or\s+(?:more|above|higher)|and\s+above|plus)\b", re.I).match(after):
        return "at-least"
    if _re(r"^\s*or\s+so\b", re.I).match(after):
        return "around"
    return "exactly"


#: small whole numbers written out before a percent sign's word: "approximately five
#: percent", "a seven per cent rise"
_WORD_VALUES = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORD_PERCENT = re.compile(
    rf"(?<![\w-])(?P<word>{'|'.join(_WORD_VALUES)})(?P<half>\s+and\s+a\s+half)?"
    rf"(?:\s+|-)(?P<unit>percent|per\s+cent)\b", re.I)
_DIGIT_OR_WORD = re.compile(r"\d|percent|per cent", re.I)


def might_hold_numbers(sentence: str) -> bool:
    """Whether *sentence* can hold a quantity at all (a digit, or a percentage in words):
    the cheap test before :func:`scan_numbers`."""
    return _DIGIT_OR_WORD.search(sentence) is not None


def _word_percentages(sentence: str) -> list[Quantity]:
    """Percentages written in words: "aims for approximately five percent"."""
    out = []
    for m in _WORD_PERCENT.finditer(sentence):
        value = _WORD_VALUES[m.group("word").lower()] + (0.5 if m.group("half") else 0.0)
        before = sentence[max(0, m.start() - 80):m.start()]
        prev = out[-1] if out else None
        if (prev is not None and prev.value_max is None and value > prev.value
                and _WORD_RANGE_GAP.fullmatch(sentence, prev.end, m.start())
                and not FROM_BEFORE.search(sentence, 0, prev.start)):
            # "set the targets at seven per cent to eight per cent": one range
            out[-1] = Quantity(prev.start, m.end(), sentence[prev.start:m.end()], prev.value,
                               value, "percent", "range")
            continue
        out.append(Quantity(m.start(), m.end(), m.group(0), value, None, "percent",
                            _qualifier(before, sentence[m.end():])))
    return out


_WORD_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—)\s*")


def scan_numbers(sentence: str) -> list[Quantity]:
    """Every meaningful quantity in *sentence*, left to right (percentages written in words
    too: "approximately five percent")."""
    words = _word_percentages(sentence) if _WORD_PERCENT.search(sentence) else []
    found = _scan_digits(sentence) if _DIGIT.search(sentence) else []
    if not words:
        return found
    return _shared_qualifiers(sentence, sorted(found + words, key=lambda q: q.start))


def _scan_digits(sentence: str) -> list[Quantity]:
    out: list[Quantity] = []
    per_capita = _PER_CAPITA.search(sentence)
    pos = 0
    while True:
        m = _QUANTITY.search(sentence, pos)
        if m is None:
            break
        if m.group("num2") and not _range_units_agree(m):
            # "grew 5 percent to 1.2 trillion yuan": two figures, not a range
            m = _SINGLE_QUANTITY.match(sentence, m.start())
            assert m is not None
        pos = max(m.end(), pos + 1)
        num, num2, unit = m.group("num"), m.group("num2"), m.group("unit") or m.group("unit1")
        cur_pre, sep = m.group("cur_pre"), m.group("sep")
        scale = m.group("scale") or m.group("scale1")
        end = m.end()
        after = sentence[end:]
        if _re(r"^[A-Za-z]").match(after) and not unit and not scale:
            continue  # 6G, 5G, 3D, 14th
        if _re(r"^-[A-Za-z]").match(after) or _re(r"^-(?!(?:percent|pct)\b)[A-Za-z]").match(
                sentence[m.end("num"):]):
            continue  # 10,000-card, 5-year (compound adjectives; "a 6.8-percent growth" is one)
        before = sentence[max(0, m.start() - 80) : m.start()]  # tail checks only
        if (
            _re(r"(?:(?:\bNo\.|\bNumber|\bLevel|\bPhase)\s?|[A-Za-z])$").search(before)
            and not cur_pre
        ):
            continue  # No. 1, C919
        if num2 and sep and (
                sep.lower() == "and" and not _re(r"\bbetween\s+$", re.I).search(before)
                or sep.lower() == "to" and FROM_BEFORE.search(before)):
            # "5.5 and 6 percent": two figures sharing the unit, not a range; "increasing
            # from 7.5 to 8 percent": the level before and the level after (but "ranging
            # from 5 to 6 percent" is a range)
            first_end = max(m.end("num"), m.end("scale1"), m.end("unit1"))
            q = _single(sentence, m.start(), first_end, m)
            if q:
                out.append(q)
            pos = m.start("num2") - len(m.group("cur_pre2") or "")
            continue
        if (not (unit and re.fullmatch(PERCENT, unit, re.I)) and m.start()
                and sentence[m.start() - 1] == "-"):
            continue  # a hyphen before a number is a sign only before a percentage
        currency = None
        if cur_pre:
            currency = CURRENCY_BEFORE.get(cur_pre.lower())
        if unit and not re.fullmatch(PERCENT, unit, re.I):
            currency = CURRENCY_AFTER.get(_re(r"\s+").sub(" ", unit.lower()), currency)
        value = _scaled(num, scale)
        value_max = _scaled(num2, scale) if num2 else None
        if value_max == value:
            value_max = None  # "the target is 7 – 7%": a range of one value is that value
        qual = "range" if value_max is not None else _qualifier(before, after)
        text = sentence[m.start() : end].strip()
        if unit and re.fullmatch(PERCENT, unit, re.I):
            unit_name = "percentage-points" if _in_points(unit) else "percent"
            start = m.start()
            if value_max is None and _MINUS_BEFORE.search(sentence, 0, start):
                # "growth of Changchun was -4.5%": a negative rate (the sign is the fact)
                start, value, text = start - 1, -value, sentence[start - 1] + text
            out.append(Quantity(start, end, text, value, value_max, unit_name, qual))
            continue
        if currency:
            q = Quantity(m.start(), end, text, value, value_max, currency, qual)
            usd = _USD_AFTER.match(after)
            if usd and currency != "USD":
                q.usd_value = _scaled(usd.group("num") or usd.group("num_b"),
                                      usd.group("scale") or usd.group("scale_b"))
                pos = end + usd.end()
            out.append(q)
            continue
        # a bare number: a count when a plural noun follows, a ratio after "per N people"
        if YEAR_RE.fullmatch(num) and not scale:
            continue
        listed = _LISTED_PERCENT.match(sentence, m.start()) if not num2 else None
        if listed and not scale:
            # "with 11.5, 10.7 and 10.5 percent growth rates respectively": the list's unit
            out.append(Quantity(m.start(), m.end("num"), num, value, None, "percent",
                                _qualifier(before, after)))
            continue
        noun = _COUNT_NOUN.match(after)
        if noun and not _non_count(noun.group(1)):
            q = Quantity(
                m.start(),
                end + noun.end(),
                (text + " " + noun.group(1)).strip(),
                value,
                value_max,
                "count",
                qual,
                subject=noun.group(1),
            )
            q.end = end
            out.append(q)
            continue
        if (
            per_capita
            and m.start() > per_capita.end()
            and _re(r"\b(?:to|at|of|reached|hit|was|were|stood at)\s+$", re.I).search(before)
        ):
            per = per_capita.group("per")
            unit_name = f"per-{per.replace(',', '')}-people" if per[0].isdigit() else "per-capita"
            subject = _subject_before(sentence, per_capita.start())
            out.append(
                Quantity(m.start(), end, text, value, value_max, unit_name, qual, subject=subject)
            )
    return _shared_qualifiers(sentence, out)


#: "from" ending the text before a number that a change starts from: "increasing from 7.5 to
#: 8 percent" (not a range: "ranging from 5 to 6", "ranged from")
FROM_BEFORE = re.compile(r"(?<!ranging\s)(?<!range\s)(?<!ranges\s)(?<!ranged\s)(?<!varying\s)"
                         r"\bfrom\s+[“\"‘']?(?:(?:around|about|approximately|roughly|nearly|almost"
                         r"|over|above|more\s+than|at\s+least)\s+)?\Z", re.I)

#: a number in a list of numbers ending with a percentage: "11.5, 10.7 and 10.5 percent"
_LISTED_PERCENT = re.compile(
    rf"(?:{NUM})(?:\s*,\s*(?:{NUM}))*\s*,?\s*(?:and|or)\s+(?:{NUM})\s*(?:{PERCENT})", re.I)

#: what parts two percentages that share a qualifier: "about 8 % and 9.5 %"
_PAIRED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)\Z")
#: a number that follows another in a list: ", ", " and ", " or " after it
_LISTED = re.compile(r"\s*(?:,|and\b|or\b)")


def _shared_qualifiers(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """"set the target to about 8 % and 9.5 %, respectively": a qualifier before the first of
    a run of single percentages is the others' too, when none of them has one of its own
    ("around 5%, above 5% and 5.5%" keeps its bare 5.5%: its run, "above 5% and 5.5%",
    continues a list)."""
    runs: list[list[int]] = []  # indices into *found*
    for k, q in enumerate(found):
        if q.unit != "percent" or q.value_max is not None:
            continue
        if runs and runs[-1][-1] == k - 1 and _PAIRED.match(sentence, found[k - 1].end, q.start):
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        first, rest = found[run[0]], [found[k] for k in run[1:]]
        listed = run[0] and _LISTED.match(sentence, found[run[0] - 1].end, first.start)
        if (rest and first.qualifier != "exactly" and not listed
                and all(q.qualifier == "exactly" for q in rest)):
            for q in rest:
                q.qualifier = first.qualifier
    return found


def _range_units_agree(m: re.Match[str]) -> bool:
    """Whether both numbers of a range measure the same thing: a unit or scale written after
    the first number must be written after the second too ("2.5% to 3.5%", "1 billion to
    2 billion yuan"), and a currency before one must be before the other."""
    unit1, scale1 = m.group("unit1"), m.group("scale1")
    if unit1 and not m.group("unit"):
        return False
    if unit1 and _re(PERCENT, re.I).fullmatch(unit1) and not _re(PERCENT, re.I).fullmatch(
        m.group("unit")
    ):
        return False
    if unit1 and _in_points(unit1) != _in_points(m.group("unit")):
        return False  # "by 0.5 percentage points to 10.5 percent": a change, then a level
    if scale1 and not m.group("scale"):
        return False
    if m.group("cur_pre2") and not m.group("cur_pre"):
        return False
    # "in 2022 to 3.24 trillion yuan", "from 2023 to 2,462.7 billion yuan": a year and a
    # figure; a range goes up, and a year only ranges to a year
    if YEAR_RE.fullmatch(m.group("num")) and not YEAR_RE.fullmatch(m.group("num2")):
        return False
    return _number(m.group("num")) <= _number(m.group("num2"))


def _single(sentence: str, start: int, end: int, m: re.Match[str]) -> Quantity | None:
    """The first number of "5.5 and 6 percent": it takes the second one's scale and unit
    (unless it has its own: "56.7 percent and 31.6 percent"; "1 billion to 2 billion yuan"
    takes the unit only)."""
    own_unit, own_scale = m.group("unit1"), m.group("scale1")
    pseudo = " ".join(x for x in (sentence[start:end],
                                  None if own_scale or own_unit else m.group("scale"),
                                  None if own_unit else m.group("unit")) if x)
    found = scan_numbers(pseudo)
    if not found:
        return None
    q = found[0]
    q.start, q.end, q.text = start, end, sentence[start:end]
    q.qualifier = _qualifier(sentence[:start], sentence[end:])
    return q


@cache
def _non_count_words() -> frozenset[str]:
    return frozenset(w.lower() for w in cues()["non_count_nouns"])


def _non_count(noun: str) -> bool:
    words = noun.lower().split()
    stop = _non_count_words()
    first = words[0]
    last = words[-1].rstrip("s")
    return first in stop or last in stop or first.rstrip("s") in stop or words[-1] in stop


def _subject_before(sentence: str, pos: int) -> str | None:
    m = _re(r"(?:number of|count of)\s+([\w\s-]{3,60}?)\s*$", re.I).search(sentence[:pos])
    return m.group(1).strip() if m else None



_QUALIFIER_NAMES = {"at_least": "at-least", "up_to": "up-to", "more_than": "more-than",
                    "around": "around"}


@cache
def _qualifier_pattern() -> re.Pattern[str]:
    """One regex for every qualifier phrase right before a number, on lower-cased text (the
    longest phrase wins: "no more than" is up-to, not more-than, because it starts first)."""
    q = cues()["qualifiers"]
    groups = "|".join(
        f"(?P<{key}>{alternation([w.lower() for w in q[name]])})"
        for key, name in _QUALIFIER_NAMES.items()
    )
    return re.compile(rf"(?<![\w-])(?:{groups})\s*(?:of\s+|at\s+)?$")

