"""Metadata cues: dates, bylines, publishers, datelines, URLs and language.

Every function here reads one line (or one paragraph) and returns what it *states*; none
of them guesses from article prose.  Which lines are eligible (the header above the body,
the footer below it) is decided by :mod:`generator.ingest.boilerplate`.  All functions
are pure; the publisher table is reference data loaded once from
``generator/data/publishers.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from dateutil import parser as dateutil_parser

__all__ = [
    "Byline",
    "Publisher",
    "canonical_publisher",
    "clean_person_name",
    "dateline_date",
    "detect_language",
    "find_date",
    "load_publishers",
    "looks_like_person_name",
    "parse_byline",
    "parse_date",
    "parse_dated_title",
    "split_dated_text",
    "parse_dateline",
    "parse_url_line",
    "publisher_from_url",
    "publisher_in_text",
    "split_names",
]

# --- dates -----------------------------------------------------------------------------------
#
# Where a date is written, and which shapes count, is decided here with regular expressions;
# what calendar day a written date names is decided by python-dateutil.  The wrapper around
# dateutil is strict: dateutil is built to always return *some* date, and a wrong publication
# date is worse than none, so every reading it had to guess is refused (see _read_date).

_CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "date_cues.yaml"


@lru_cache(maxsize=1)
def _date_cues() -> dict[str, tuple[str, ...]]:
    """The cue-word lists of ``generator/data/date_cues.yaml`` (cached)."""
    data = yaml.safe_load(_CUES_FILE.read_text(encoding="utf-8")) or {}
    return {key: tuple(str(v) for v in values or ()) for key, values in data.items()}


def _cue_regex(*keys: str, cjk_only: bool = False) -> str:
    """One regex alternation for the cue lists ``keys``, longest entry first.

    English entries must stand as whole words ("date" is not the start of "database");
    Chinese ones are matched as written, since Chinese has no spaces between words.
    """
    cues = {c for key in keys for c in _date_cues().get(key, ()) if not (cjk_only and c.isascii())}
    out = []
    for cue in sorted(cues, key=lambda c: (-len(c), c)):
        body = r"\s+".join(re.escape(word) for word in cue.split())
        out.append(rf"(?<![A-Za-z]){body}(?![A-Za-z])" if cue.isascii() else body)
    return "(?:" + "|".join(out) + ")" if out else "(?!)"


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
          r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = (r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?:[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z))?")

# The cheap gate: no four-digit year, no date (most lines of an article stop here).
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class _DateShape:
    """One way sites write a full date.

    ``order`` tells the strict reader what the writer's order can be: ``"ymd"`` (year first,
    always year-month-day), ``"named"`` (the month spelled out, so nothing is ambiguous) or
    ``"numeric"`` (day and month as bare numbers, in either order).
    """

    pattern: re.Pattern[str]
    order: str


_DATE_SHAPES: tuple[_DateShape, ...] = (
    # "2025-01-27", "2025/1/27", "2025.01.27" (one separator throughout)
    _DateShape(re.compile(
        rf"(?<!\d){_YEAR}(?P<sep>[-/.])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?!\d)"),
        "ymd"),
    # "2025年1月27日"
    _DateShape(re.compile(
        rf"(?<!\d){_YEAR}\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日"), "ymd"),
    # "January 16, 2025", "Jan. 16 2025", "Feb 07, 2026", "Jan 14,2023"
    _DateShape(re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}(?!\d)", re.IGNORECASE),
               "named"),
    # "16 January 2025", "27-Jan-2025", "5th of January, 2025"
    _DateShape(re.compile(rf"(?<!\d){_DAY}(?:[\s-]+of)?[\s-]+{_MONTH}[\s,-]+{_YEAR}(?!\d)",
                          re.IGNORECASE), "named"),
    # "17/01/2023", "1/17/2023", "17.01.2023", "05-22-2024" (one separator throughout)
    _DateShape(re.compile(rf"(?<![\d/.-]){_DAY}(?P<sep2>[/.-])\d{{1,2}}(?P=sep2){_YEAR}(?![\d/-])"),
               "numeric"),
    # "09/30 2024": the month/day pair of some sites' stamps, then the year
    _DateShape(re.compile(rf"(?<![\d/.:])\d{{1,2}}/\d{{1,2}},?\s+{_YEAR}(?![\d/.:])"),
               "numeric"),
)

# Links carry dates ("/2024/01/23/story", "content/2024-01/24/..."), but a date only in the
# URL is not a date the page states; links are blanked before dates are looked for.
_LINK_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+"                      # a link
    r"|\S*[A-Za-z0-9]\.[A-Za-z]{2,}/\S*"           # a host and path ("news.example.cn/2024/..")
    r"|(?<!\S)/\S+"                                # a bare path ("/2024/01/23/story")
    r"|\S+\.(?:s?html?|php|aspx?|jsp)\b\S*")       # a page file ("content/2024-01/24/x.html")

# Two defaults that differ in every field: a field dateutil filled in from its default (the
# text did not state it) comes out different under the two.
_DEFAULTS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))


@lru_cache(maxsize=4096)
def _read_date(written: str, order: str) -> str | None:
    """ISO date of one written date (a span a :data:`_DATE_SHAPES` pattern matched), or None.

    dateutil reads it under every order the shape allows and with two different defaults;
    any disagreement means dateutil guessed, and a guess is refused:

    * a missing year, month or day (filled in from the default) gives None;
    * numeric day and month ("03/04/2024") count only when both orders agree, i.e. one part
      is above 12 or both are equal;
    * year-first dates are year-month-day: dateutil would "rescue" 2025-13-05 as 13 May,
      but no site writes year-day-month, so that is a typo and gives None;
    * impossible dates (2025-02-30) give None, never an error.
    """
    dayfirst = (False, True) if order != "ymd" else (False,)
    readings = set()
    for first in dayfirst:
        for default in _DEFAULTS:
            try:
                when = dateutil_parser.parse(written, default=default, dayfirst=first,
                                             yearfirst=order == "ymd")
            except (ValueError, OverflowError):
                return None
            readings.add(when.date())
    if len(readings) != 1:
        return None
    (date,) = readings
    return date.isoformat()


@dataclass(frozen=True)
class _DateSpan:
    """Where a date-shaped run of text starts and ends, and its strict reading."""

    start: int
    end: int
    iso: str | None  # None: date-shaped but not a date the strict reader accepts


def _date_spans(text: str) -> list[_DateSpan]:
    """Every date-shaped span of ``text`` outside links, in reading order."""
    if not _HAS_YEAR.search(text):
        return []
    masked = _LINK_TOKEN.sub(lambda m: " " * len(m.group(0)), text)
    spans = []
    for shape in _DATE_SHAPES:
        for match in shape.pattern.finditer(masked):
            spans.append(_DateSpan(match.start(), match.end(), _shape_iso(match, shape)))
    return sorted(spans, key=lambda s: (s.start, -s.end))


def _shape_iso(match: re.Match[str], shape: _DateShape) -> str | None:
    """The strict reading of one match; a year-first date must keep its written month."""
    if shape.order != "ymd":
        # (dateutil reads "Jan 14,2023" as a number 14,2023: the comma gets its space)
        return _read_date(match.group(0).replace(",", ", "), shape.order)
    year, month, day = match.group("year"), match.group("month"), match.group("day")
    iso = _read_date(f"{year}-{month}-{day}", "ymd")
    return iso if iso and int(iso[5:7]) == int(month) else None


def find_date(text: str) -> str | None:
    """The first calendar date written in ``text``, as ISO ``YYYY-MM-DD``.

    Only dates with an explicit year count ("Jan. 5" alone is not a publication date).
    Understands ``2025-01-27``, ``2025/1/27``, ``2025年1月27日``, ``January 16, 2025``,
    ``Jan. 16 2025``, ``16 January 2025``, ``27-Jan-2025``, ``17/01/2023`` and ``09/30 2024``
    (numeric day and month only when their order is unambiguous); impossible dates and dates
    inside links are ignored.
    """
    for span in _date_spans(text):
        if span.iso:
            return span.iso
    return None


def _is_other_moment(text: str) -> bool:
    """True when ``text`` dates a photo or an event ("Photo taken on ...", "held on ..."):
    that date is not when the page was published."""
    return bool(_other_moment_pattern().search(text))


@lru_cache(maxsize=1)
def _other_moment_pattern() -> re.Pattern[str]:
    return re.compile(_cue_regex("other_moment_cues"), re.IGNORECASE)


def labels_other_moment(line: str) -> bool:
    """True for a short label line of another moment than the page's, whose date sits on
    the next line ("- Joined" above "- Apr 30, 2014"; "Photo taken:")."""
    text = line.strip().lstrip("-*•·").strip().rstrip(":：").strip()
    return 0 < len(text.split()) <= 3 and find_date(text) is None and _is_other_moment(text)


def _page_date(text: str) -> str | None:
    """:func:`find_date` for a credit-line segment, unless it dates a photo or an event."""
    date = find_date(text)
    return None if date is None or _is_other_moment(text) else date


@lru_cache(maxsize=1)
def _stamp_residue() -> re.Pattern[str]:
    """What may sit beside a date on a timestamp line.

    Times, separators, "on"/"at", date labels ("Feb 07, 2026 10:00 CST Updated 10:00",
    "2024-10-04 21:30 Last Updated At:23:17", "... Last Updated At:08-19 00:27") and a
    relative stamp ("Updated 5 hours ago").
    """
    return re.compile(
        rf"(?:{_TIME}|[\s,|:;()\-–—T：]|\b(?:on|at)\b|{_cue_regex('date_labels')}"
        # "Friday, February 2, 2024"; "2023-10-24 (goinnermongolia.com.cn)"
        r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
        r"|\((?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\)"
        r"|\b(?:updated|published|posted)?\s*\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)"
        r"\s+ago\b"
        # an update's month and day, its year the stamp's ("... Last Updated At:08-19 00:27")
        r"|\b(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b(?!-))*",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _counter_tail() -> re.Pattern[str]:
    """A reader counter closing a timestamp line: "536", "536 views", "阅读 536", or its label
    with the count the scraper left out ("2024-03-05 08:36 Click:")."""
    words = _cue_regex("counter_words")
    return re.compile(rf"\s+(?:{words}\s*[:：]?\s*)?\d{{1,7}}(?:\s*{words})?\s*$"
                      rf"|\s+{words}\s*[:：]\s*$", re.IGNORECASE)


#: a byline label whose name the scraper left out, closing a timestamp line ("2022-04-23 0
#: By": the author was a link)
_EMPTY_BYLINE = re.compile(r"\s+by\s*[:：]?\s*$", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """ISO date if ``text`` is *only* a date (optionally with a time), else None.

    Stricter than :func:`find_date`: used for front matter and for header lines that
    consist of a timestamp, so "2025-01-27 17:28" qualifies but "Updated in 2025" does not.
    A trailing reader counter ("09/30 2024 536") and an empty byline label ("2022-04-23 0
    By") are part of a timestamp line.
    """
    text = text.strip()
    for span in _date_spans(text):
        after = _counter_tail().sub("", _EMPTY_BYLINE.sub("", text[span.end:]))
        before = text[: span.start]
        if _stamp_residue().fullmatch(before + " " + after):
            return span.iso
    return None


# --- publishers ------------------------------------------------------------------------------

_PUBLISHERS_FILE = Path(__file__).resolve().parent.parent / "data" / "publishers.yaml"


@dataclass(frozen=True)
class Publisher:
    """One news outlet: canonical ``name``, ``aliases`` seen in credits, web ``domains``."""

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@lru_cache(maxsize=1)
def load_publishers() -> tuple[Publisher, ...]:
    """The publisher table from ``generator/data/publishers.yaml`` (cached)."""
    data = yaml.safe_load(_PUBLISHERS_FILE.read_text(encoding="utf-8")) or {}
    return tuple(
        Publisher(
            name=str(row["name"]),
            aliases=tuple(str(a) for a in row.get("aliases", ()) or ()),
            domains=tuple(str(d).lower() for d in row.get("domains", ()) or ()),
        )
        for row in data.get("publishers", ())
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" .,;:()[]|-").lower()


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for pub in load_publishers():
        for alias in (pub.name, *pub.aliases):
            index.setdefault(_squash(alias), pub.name)
            if not alias.lower().startswith("the "):
                index.setdefault("the " + _squash(alias), pub.name)
    return index


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for p in load_publishers() for a in (p.name, *p.aliases)},
                     key=lambda a: (-len(a), a))
    body = "|".join(re.escape(a).replace("'", "['’]") for a in aliases)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])")


def canonical_publisher(name: str) -> str | None:
    """Canonical name if ``name`` *is* a known publisher ("XINHUA", "the Global Times")."""
    return _alias_index().get(_squash(name))


def publisher_in_text(text: str) -> str | None:
    """The first known publisher named in ``text`` (case-sensitive, whole words).

    For footer and credit lines such as "... belongs to China Daily Information Co (CDIC)".
    Longer aliases win over their prefixes ("Xinhua News Agency" over "Xinhua").
    """
    match = _alias_pattern().search(text)
    if match is None:
        return None
    return canonical_publisher(match.group(0))


def publisher_from_url(url: str | None) -> str | None:
    """Canonical publisher owning the URL's host (subdomains included), if known."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    for pub in load_publishers():
        for domain in pub.domains:
            if host == domain or host.endswith("." + domain):
                return pub.name
    return None


# --- people ----------------------------------------------------------------------------------

_NAME_PARTICLES = {"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin",
                   "binti", "al", "el", "ibn", "dos", "y"}
# Words that appear after "By" but do not name a person.
_NOT_PERSON = {"staff", "reporter", "reporters", "correspondent", "correspondents", "writer",
               "writers", "editor", "editors", "agency", "agencies", "news", "desk", "team",
               "online", "web", "contributor", "wire", "wires", "service", "services", "daily",
               "times", "post", "press", "media", "network", "admin", "the", "our", "and"}
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.\-]*|[A-Z]\.|Mc[A-Z]\w*|O['’][A-Z]\w*)$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b|/)\s*")


def looks_like_person_name(text: str) -> bool:
    """True for "Chi Jingyi", "WANG XIAOYU", "Jack Perry Jr", "Mian Abrar".

    One to five capitalised tokens (particles like "van" allowed), no digits, and no word
    that names an organisation or a role ("Staff Reporter", "Global Times").
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if canonical_publisher(text):
        return False
    capitalised = 0
    for token in tokens:
        low = token.lower().strip(".,")
        if low in _NOT_PERSON:
            return False
        if low in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        capitalised += 1
    return capitalised >= 1 and (len(tokens) > 1 or len(tokens[0]) > 2)


def clean_person_name(text: str) -> str:
    """Tidy a name from a byline: collapse spaces, Title-case ALL-CAPS ("WANG XIAOYU")."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:.-|()")
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        text = " ".join(
            "-".join(part.capitalize() for part in word.split("-")) for word in text.split()
        )
    return text


def split_names(text: str) -> list[str]:
    """Split "A, B and C" / "A & B" / "A; B" into names (order kept, duplicates dropped)."""
    names: list[str] = []
    for part in _NAME_SPLIT.split(text):
        part = part.strip(" .,;:")
        if part and part not in names:
            names.append(part)
    return names


_STAFF_SUFFIX = re.compile(
    r",\s*(?:[\w&.'’ -]{0,40}\s)?(?:staff\s+)?(?:writers?|reporters?|correspondents?|staff|editors?"
    r"|contributors?)\s*$", re.IGNORECASE)


_NOT_BARE_NAME = frozenset(
    """app apps download choose your our my language languages home news share follow more
    subscribe read editor editors source staff photo photos video videos live latest top
    world business economy china opinion login log sign in up search menu print email
    edition global english page section""".split())


def bare_byline_names(line: str) -> tuple[str, ...]:
    """The reporters of a byline written without "By": ``Lin Xiaoyu``, ``LI MENGQI and
    TAKESHI ONO, Nikkei staff writers``. Empty unless every part is a person's name; the
    caller decides whether the line's place (next to a timestamp) makes it a byline."""
    if len(line) > 90 or not line[:1].isalpha():
        return ()  # cheap exit: body paragraphs, numbers, punctuation
    text = _STAFF_SUFFIX.sub("", line.strip())
    parts = split_names(text)
    if not parts or len(parts) > 4 or not all(looks_like_person_name(p) for p in parts):
        return ()
    if not all(1 < len(p.split()) <= 4 for p in parts):
        return ()
    words = {w.lower() for p in parts for w in p.split()}
    if words & _NOT_BARE_NAME or any(not w.isalpha() for w in words):
        return ()  # "ECNS App Download", "Choose Your Language"
    return tuple(clean_person_name(p) for p in parts)


# --- bylines and credit lines ----------------------------------------------------------------


@dataclass(frozen=True)
class Byline:
    """What one header/credit line states.  Empty fields were not stated."""

    date: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    extras: tuple[str, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.date or self.authors or self.source or self.url)


_URL = r"https?://[^\s<>\"')\]]+"
# Labels come from data/date_cues.yaml ("Updated:", "Last Updated At:", "来源:", "发布时间：").
_LABEL_DATE = re.compile(
    rf"^(?:last\s+)?{_cue_regex('date_labels')}\s*(?:on|at)?\s*[:：]?\s*(?P<rest>.*)$",
    re.IGNORECASE)
_LABEL_SOURCE = re.compile(rf"^{_cue_regex('source_labels')}\s*[:：]\s*(?P<rest>.+)$",
                           re.IGNORECASE)
_LABEL_AUTHOR = re.compile(
    r"^(?:by|written\s+by|author|authors|reporter|reporters|writer|text)(?:\s*[:：]\s*|\s+)"
    r"(?P<rest>.+)$",
    re.IGNORECASE)
# "By Chi Jingyi" inside a longer segment ("10:27, January 16, 2025 By Chi Jingyi ( Global Times")
_INLINE_BY = re.compile(r"(?:^|\s)By\s*:?\s+(?P<names>[^|(\[\n]+?)\s*(?=$|\(|\[|\|)")
# A trailing parenthesised credit, closed or not (scrapers often drop the ")").
_PAREN_CREDIT = re.compile(r"\(\s*(?P<credit>[A-Z][^()|]{1,60}?)\s*(?:\)|$)")
# "By WANG XIAOYU in Guangzhou": where the reporter filed from is not part of the name.
# Each reporter may have their own ("By LI MING in Zhengzhou and ZHANG WEI in Hefei"): a place is
# capitalised words, so the lower-case "and" or a comma ends it.
_FILED_FROM = re.compile(
    r"\s+(?:in|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=\s+and\s|\s*[,;&]|\s*$)")
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
# (a clock time's "p.m." / "a.m." is not the end of a sentence)
_SENTENCE_END = re.compile(r"(?<!\b[ap]\.m)(?<!\b[AP]\.M)[.!?。！？][\"'”’)\]]*$")


# Segments of a credit line: "|" separators, wide gaps, or a new "Label:" starting mid-line
# ("Author: Chi Jingyi   Source: Global Times   Published: 2025/1/16").
_SEGMENT_SPLIT = re.compile(
    # (" / " too: "August 29, 2017 / 11:58 AM / a month ago", "china.org.cn / chinagate.cn";
    # a middle dot before a date: "Yicai · 2025-10-29 12:52", "Di Yi Cai Jing·2025-10-29";
    # not inside a name, "艾尔肯·吐尼亚孜")
    r"\s*[|｜]\s*|\s*[·•]\s*(?=\d)|\s+/\s+|\s{2,}|\t"
    r"|\s+(?=(?:source|author|authors|reporter|editor|published|updated|posted|date|time|views"
    r"|issued(?:\s+on)?|modified|release\s+date)\s*[:：])"
    # Chinese labels need no colon to start a segment ("来源:新华社 2024-01-22 发表于山东")
    rf"|\s+(?={_cue_regex('date_labels', 'source_labels', cjk_only=True)})",
    re.IGNORECASE,
)


_WHOLE_PAREN = re.compile(r"^[(（]\s*([^()（）]{2,40}?)\s*[)）]$")


def _is_role_only(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    return bool(words) and all(w in _NOT_PERSON for w in words)


def _strip_dates(text: str) -> str:
    """``text`` without its dates and clock times (what else a credit segment says)."""
    chars = list(text)
    for span in _date_spans(text):
        chars[span.start: span.end] = " " * (span.end - span.start)
    text = "".join(chars)
    return re.sub(r"\s+", " ", _TIME_RE.sub(" ", text)).strip(" ,|:;-–—")


def _names(text: str) -> tuple[str, ...]:
    out = []
    for part in split_names(_FILED_FROM.sub("", _strip_dates(text))):
        name = clean_person_name(_FILED_FROM.sub("", part))
        if looks_like_person_name(name):
            out.append(name)
    return tuple(out)


def _credit(text: str) -> tuple[str | None, str | None]:
    """(source, url) from a credit like "Xinhua", "China Daily", "http://..."."""
    text = text.strip(" ()[]|,;:")
    url = re.search(_URL, text)
    if url:
        return publisher_from_url(url.group(0)), url.group(0)
    known = canonical_publisher(text) or publisher_in_text(text)
    if known:
        return known, None
    if 1 <= len(text.split()) <= 6 and text[:1].isupper() and not any(c.isdigit() for c in text):
        return text, None
    return None, None


def _site_stamp_date(segment: str, *, credit_line: bool = True) -> str | None:
    """The date of a segment that is a site's name beside its timestamp, else None.

    On a line that is already a credit line (it has a label or a byline) the name may be
    any short name ("example.com.cn 2024-01-24 16:36 | Source: ..."); on a line alone it must
    be a web host or a known publisher ("news.example.cn 2024-01-24 16:36"), so a related-story
    teaser ("Port trade grows 2024-01-24") is not taken for the page's timestamp.
    """
    date = _page_date(segment)
    rest = _strip_dates(segment)
    if date is None or not rest or _SENTENCE_END.search(rest):
        return None
    office = len(rest.split()) <= 8 and bool(_OFFICE_NAME.fullmatch(rest))
    if len(rest.split()) > 4 and not office:
        return None
    if not credit_line and not (_HOST_NAME.fullmatch(rest) or canonical_publisher(rest) or office):
        return None
    return date


_HOST_NAME = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)
#: a government office's name, the source of a government site's page ("Sichuan Provincial
#: Department Of Commerce2024-03-21": the date glued to it)
_OFFICE_NAME = re.compile(
    r"(?:[A-Z][\w'’&.-]*\s+){0,5}(?:Department|Bureau|Commission|Government|Office|Ministry"
    r"|Administration|Committee|Council|Agency)"
    r"(?:\s+(?:of|Of|for|For)(?:\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+and)?){1,4})?\s*")


#: a web host and its date ending a line of page controls: "0 Comment(s)Print E-mail
#: China.org.cn, July 31, 2019"
_HOST_THEN_DATE = re.compile(r"(?:^|\s)((?:[a-z0-9-]+\.)+[a-z]{2,}\s*[,|]?\s*[^|]*?\d{4}[^|]*)$",
                             re.IGNORECASE)


def _lone_site_stamp(line: str) -> Byline:
    """A line that is only a site's name and its timestamp ("Xinhua 2024-01-24 10:30"), or
    that ends with a web host and its timestamp after page controls."""
    date = _site_stamp_date(line, credit_line=False)
    if date is None:
        return _stamp_after_controls(line)
    return Byline(date=date, source=canonical_publisher(_strip_dates(line)))


def _stamp_after_controls(line: str) -> Byline:
    """The site stamp that ends a line of page controls, if there is one: a web host and its
    date, or an outlet's name and its date after the last control ("0 Comment(s)Print
    E-mail China Daily, January 15, 2019")."""
    tail = _HOST_THEN_DATE.search(line)
    if tail is not None and tail.start(1):
        return _lone_site_stamp(tail.group(1))
    tail = _OUTLET_AFTER_CONTROLS.match(line)
    return _lone_site_stamp(tail.group(1)) if tail is not None else Byline()


#: page controls closing a stamp line: "... Adjust font size:", "... Print E-mail"
_CONTROLS_TAIL = re.compile(r"(?:\s+(?:adjust\s+font\s+size|font\s+size|print|e-?mail)\s*[:：]?)+$",
                            re.IGNORECASE)
_OUTLET_AFTER_CONTROLS = re.compile(
    r".*(?:comment\(s\)|comments?|print|e-?mail|share)\s*([A-Z][^|]*?\d{4}[^|]*)$",
    re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure; the same header lines are read by layout and metadata
def parse_byline(line: str) -> Byline:
    """Read a byline / credit / timestamp line; an empty (falsy) Byline if it is not one.

    Handles the shapes news sites use, in any order and separated by ``|``:
    ``10:27, January 16, 2025 By Chi Jingyi ( Global Times``,
    ``Xinhua | Updated: 2025-01-27 17:28``, ``By WANG XIAOYU | China Daily | Updated: ...``,
    ``Source: Xinhua``, ``Published: Jan 5, 2025``, ``By A and B``, ``(Xinhua)``.
    A line ending like a sentence is never a byline ("By 2025, Guangdong will ...").
    """
    line = _CONTROLS_TAIL.sub("", line.strip())  # "Xinhua, January 27, 2016 Adjust font size:"
    credit = _WHOLE_PAREN.match(line)
    if credit and canonical_publisher(credit.group(1)):  # "(Xinhua)" closing a story
        return Byline(source=canonical_publisher(credit.group(1)))
    if not line or len(line) > 300 or _SENTENCE_END.search(line[-12:]) or len(line.split()) > 30:
        return Byline()
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(line)]
    segments = [s for s in segments if s]
    date = None
    authors: list[str] = []
    source = None
    url = None
    leftovers: list[str] = []
    signal = False  # a date, a label, or a "By" with real names
    for seg in segments:
        m = _LABEL_DATE.match(seg)
        if m and (find_date(m.group("rest")) or _TIME_RE.fullmatch(m.group("rest").strip())):
            date = date or find_date(m.group("rest"))
            signal = True
            continue
        m = _LABEL_SOURCE.match(seg)
        if m:  # "Source: Xinhua", "来源:新华社 2024-01-22" (a dated source line)
            src, link = _credit(_strip_dates(m.group("rest")))
            source, url = source or src, url or link
            date = date or _page_date(m.group("rest"))
            signal = True
            continue
        m = _LABEL_AUTHOR.match(seg)
        if m:
            names = _names(_PAREN_CREDIT.sub("", m.group("rest")))
            if names:
                authors.extend(n for n in names if n not in authors)
                date = date or find_date(m.group("rest"))
                signal = True
                paren = _PAREN_CREDIT.search(m.group("rest"))
                if paren:
                    source = source or _credit(paren.group("credit"))[0]
                continue
            if _is_role_only(m.group("rest")):  # "By Staff Reporter": a byline naming no one
                continue
            outlet = canonical_publisher(_strip_dates(m.group("rest")))
            if outlet:  # "By: Xinhua", "By:People Daily Online": the outlet, not a person
                source, signal = source or outlet, True
                date = date or find_date(m.group("rest"))
                continue
        seg_date = _page_date(seg)
        inline = _INLINE_BY.search(seg)
        if inline:
            names = _names(inline.group("names"))
            if names:
                authors.extend(n for n in names if n not in authors)
                date = date or seg_date
                signal = True
                paren = _PAREN_CREDIT.search(seg[inline.end():] if inline.end() < len(seg) else "")
                if paren:
                    source = source or _credit(paren.group("credit"))[0]
                continue
        if seg_date and parse_date(seg):
            date = date or seg_date
            signal = True
            continue
        if seg_date and not _strip_dates(seg).strip():
            date = date or seg_date
            signal = True
            continue
        leftovers.append(seg)
    # Leftover segments: a known publisher ("Xinhua | ...") is a credit whenever the line has
    # separators; an unknown capitalised name ("Jiangsu Daily | Updated: ...") only next to
    # a real signal, so "Home | World News" is not mistaken for a credit.
    extras = []
    for seg in leftovers:
        known = canonical_publisher(seg)
        if known and source is None and len(segments) > 1:
            source, signal = known, True
        elif source is None and signal and _credit(seg)[0] and not _names(seg):
            source = _credit(seg)[0]
        else:
            extras.append(seg)
    if not signal:
        return _lone_site_stamp(line) if len(segments) == 1 else _stamp_after_controls(line)
    if date is None:
        date = next(filter(None, map(_site_stamp_date, leftovers)), None)
    return Byline(date=date, authors=tuple(authors), source=source, url=url, extras=tuple(extras))


_DATED_TITLE = re.compile(
    r"^\s*(?:date\s*[:=]?\s*)?(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s+(?P<title>\S.*?)\s*$",
    re.IGNORECASE,
)


#: A headline is short: more words than this after a scraper's date is the story's first
#: paragraph run onto the date line (so is a shorter remainder of two sentences).
HEADLINE_MAX_WORDS = 24
_SENTENCE_INSIDE = re.compile(r"[a-z0-9%)][.!?][\"”’]?\s+[\"“‘]?[A-Z]")


def _is_running_text(text: str) -> bool:
    words = len(text.split())
    return words > HEADLINE_MAX_WORDS or (words > 12 and bool(_SENTENCE_INSIDE.search(text)))


def split_dated_text(line: str) -> tuple[str, str] | None:
    """``(date line, text)`` when a scraper's date line carries the story's first paragraph
    (`` date 2024-01-23 China's capital city Beijing has set a growth target ... . The
    economy ...``) or a photo caption instead of a headline: the date is metadata, the text
    is the story's, and neither is its title. None for any other line."""
    m = _DATED_TITLE.match(line)
    if not m or parse_date(m.group("date")) is None or not _is_running_text(m.group("title")):
        return None
    return line[:m.start("title")].strip(), m.group("title")


def parse_dated_title(line: str) -> tuple[str, str] | None:
    """``(iso_date, title)`` from a scraper header like `` date 2025-01-16 Chinese localities ...``.

    Some scrapers write the listing's date and headline as the first line.  The remainder
    must read like a headline (three or more words, not itself a byline, not running text:
    `split_dated_text`).
    """
    m = _DATED_TITLE.match(line)
    if not m:
        return None
    iso = parse_date(m.group("date"))
    title = m.group("title")
    if (iso is None or len(title.split()) < 3 or parse_byline(title)
            or _is_running_text(title)):
        return None
    if re.match(r"^[A-Za-z][\w ]{0,20}?\s*[:：]", title):
        return None  # "2025-01-20 16:47:05 Editor : Li Yan": a labelled credit, not a title
    return iso, title


# --- datelines -------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(
    rf"^(?P<place>[{_UPPER}][{_UPPER}'’.\-]*(?:\s+[{_UPPER}][{_UPPER}'’.\-]*){{0,3}})"
    rf"(?:\s*/\s*[A-Z][\w ]{{1,30}})?"                            # "BEIJING / Xinhua"
    rf"(?:,\s*(?:[{_UPPER}][\w]+,\s*)?"                          # "URUMQI, Xinjiang,"
    rf"[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"         # "Jan. 5" / "Jan 5, 2025"
    rf"(?:\s*\((?P<agency>[A-Za-z][\w .&'’\-]{{1,40}})\))?"      # "(Xinhua)"
    rf"\s*(?:--|[—–\-:])\s+(?=\S)"
)


def parse_dateline(paragraph: str) -> tuple[str, str | None] | None:
    """``(place, agency)`` from a dateline opening the first body paragraph.

    ``BEIJING --``, ``BEIJING:``, ``SHANGHAI, Jan. 5 (Xinhua) --``,
    ``HONG KONG, Jan 5 (Reuters) -``.  The place must be in capitals (that is what
    distinguishes a dateline from "Meanwhile, Shanghai will ...") and have four or more
    letters (so "GDP:" or "AI -" are not places).  The agency is canonicalised when known.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip(" .-")
    if sum(c.isalpha() for c in place) < 4:
        return None
    agency = m.group("agency")
    if agency:
        agency = canonical_publisher(agency) or agency.strip()
    return place, agency


# "BEIJING, April 12, 2024 /PRNewswire/ --", "SHANGHAI, Jan. 5, 2025 (Xinhua) --": a dateline
# whose date carries the year (the place in capitals, as in _DATELINE).
_DATED_DATELINE_PLACE = re.compile(
    rf"^[{_UPPER}][{_UPPER}'’.\-]*(?:\s+[{_UPPER}][{_UPPER}'’.\-]*){{0,3}}"
    rf"(?:,\s*[{_UPPER}][\w]+)?,\s*")
_DATED_DATELINE_END = re.compile(  # (the story may start on the next line)
    r"\s*(?:\([^()]{1,40}\)|/[^/\s][^/]{0,39}/)?\s*(?:--|[—–\-:])(?:\s+\S|\s*$)")


#: a syndicator's tag before a dateline: "(MENAFN- PR Newswire) FUQING, China, Jan. 4, 2024"
_SYNDICATOR = re.compile(r"^\s*\([^()]{2,40}\)\s*")
#: a source and its date in brackets opening the story, as Chinese outlets print it:
#: "【Epoch Times July 25, 2024】", "[The Epoch Times, January 22, 2023]"
_BRACKETED = re.compile(r"^\s*[\[【]\s*(?P<inner>[^\]】\[【]{6,80}?)\s*[\]】]")


def dateline_date(paragraph: str) -> str | None:
    """The date of a dateline that states its year, else None.

    A wire dateline is written on the day the story is filed, so its date is the story's
    date when it has a year (``BEIJING, April 12, 2024 /PRNewswire/ --``). A dateline
    without one (``ZHENGZHOU, Jan. 24 (Xinhua) --``) gives None: the year is not stated.
    So does a source with its date in brackets opening the story (``【Epoch Times July 25,
    2024】``): the outlet's own stamp of the day.
    """
    bracket = _BRACKETED.match(paragraph)
    if bracket is not None:
        inner = bracket.group("inner")
        last = max((d for d in _date_spans(inner) if d.iso), key=lambda d: d.end, default=None)
        if last is not None and last.end >= len(inner.rstrip()) and any(
                c.isalpha() for c in inner[:last.start]):
            return last.iso
    paragraph = _SYNDICATOR.sub("", paragraph, count=1)
    opening = next(iter(_date_spans(paragraph[:40])), None)
    if (opening is not None and opening.start == 0 and opening.iso
            and _DATED_DATELINE_END.match(paragraph, opening.end)):
        return opening.iso  # a dateline without a place: "Jan. 22, 2017 -- An economic ..."
    place = _DATED_DATELINE_PLACE.match(paragraph)
    if not place or sum(c.isalpha() for c in place.group(0)) < 4:
        return None
    for span in _date_spans(paragraph[: place.end() + 40]):
        if span.start == place.end():
            end = _DATED_DATELINE_END.match(paragraph, span.end)
            return span.iso if end else None
    return None


# --- URLs ------------------------------------------------------------------------------------

_URL_LINE = re.compile(
    rf"^(?:(?:source|url|link|canonical(?:\s+url)?|original(?:\s+(?:link|url|article))?"
    rf"|permalink|read\s+(?:the\s+)?original(?:\s+article)?)\s*[:：]?\s*)?<?(?P<url>{_URL})>?$",
    re.IGNORECASE,
)


def parse_url_line(line: str) -> str | None:
    """The URL if the line is a bare URL or ``Source: http...`` / ``URL:`` / ``Canonical:``."""
    m = _URL_LINE.match(line.strip())
    return m.group("url").rstrip(".,;") if m else None


# --- language --------------------------------------------------------------------------------

_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_WORD = re.compile(r"[a-z]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as by at from it its was are be has have will "
    "this which said".split())


def detect_language(text: str) -> str | None:
    """'zh' when CJK dominates, 'en' for English prose, None when unsure.

    Deliberately simple (the corpus is English and Chinese): CJK characters are counted
    against Latin letters, and Latin text must contain English function words to be called
    'en' (so French or Indonesian is not mislabelled).
    """
    sample = text[:4000]
    words = _ASCII_WORD.findall(sample.lower())
    latin = sum(map(len, words))
    cjk = 0 if sample.isascii() else len(_CJK_CHAR.findall(sample))
    if cjk + latin == 0:
        return None
    if cjk >= latin / 3:  # one CJK character carries roughly a word's worth of meaning
        return "zh"
    if not words:
        return None
    function = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words))
    return "en" if function / len(words) >= 0.12 else None
