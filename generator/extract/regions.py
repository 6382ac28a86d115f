"""Regions: every mention of a gazetteer entry, its role, and each sentence's focus.

A mention's *role* says how the place is used:

* ``subject``: the place as actor or topic ("Guangdong will ...", "Ningbo in East
  China's Zhejiang Province");
* ``dateline``: the place line opening a wire story ("BEIJING --", "BEIJING:");
* ``affiliation``: the place inside an organisation's name ("Beijing Academy of
  Social Sciences", "Bank of China").

Besides mentions, the analysis gives each sentence a *focus*: the regions it is
about. That is what lets "It will also vigorously develop ..." or "Efforts will be
put into ICs" be filed under Guangdong: news prose names a place once and then
keeps talking about it. The focus is the sentence's own subject mentions (minus
locators such as "Zhejiang" in "Ningbo in Zhejiang"); otherwise the focus of the
previous sentence carries over, inside a paragraph and across a paragraph break
alike: wire copy gives most sentences a paragraph of their own, and the next one
usually goes on about the same place ("Biomedicine is the second pillar."). What
ends it is a sentence that names other places, one about an unnamed group
("Chinese localities", "multiple provinces") or about the nation ("The national
economy ...", "Nationwide, ..."; cues.yaml ``not_one_region``), which clears the
focus, so a paragraph about the nation is not filed under the last province named;
and a commentator's words in a paragraph of their own, which are nobody's (unless
they plainly continue: "It", "Meanwhile", ...), though the topic resumes after them.
Each sentence also records the focus it *carried* in, for a clause that names no
place when the sentence's own places are in other clauses.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from ..reference import Gazetteer
from .cues import _re, alternation, cues, word_regex

PROVINCIAL_LEVELS = ("province", "municipality", "autonomous-region", "sar")


@dataclass(frozen=True)
class RegionMention:
    """One mention of a region in one sentence (offsets into that sentence)."""

    sentence: int  # 1-based sentence number
    start: int
    end: int
    region: str
    role: str  # subject | dateline | affiliation
    text: str
    locator: bool = False  # names the province of a city just named
    anaphor: bool = False  # "the city", "the province", ... resolved


@dataclass(frozen=True)
class RegionAnalysis:
    mentions: tuple[RegionMention, ...]
    focus: tuple[tuple[str, ...], ...]  # per sentence, index 0 is sentence 1
    # per sentence, the focus it inherits from the text before it (what a clause naming no
    # place is about when the sentence's own places are in other clauses)
    carried: tuple[tuple[str, ...], ...] = ()

    def in_sentence(self, n: int) -> list[RegionMention]:
        index = self.__dict__.get("_index")
        if index is None:
            index = {}
            for m in self.mentions:
                index.setdefault(m.sentence, []).append(m)
            object.__setattr__(self, "_index", index)
        return list(index.get(n, ()))


_CAP_WORD = r"(?:[A-Z][\w'’.&-]*|\([A-Z][\w'’.&-]*\)|\d+)"  # "Taiyuan Iron and Steel (Group) Co"


def _org_after() -> re.Pattern[str]:
    glue = alternation(cues()["org_glue"])
    heads = alternation(cues()["org_heads"])
    # "<place> [Capitalised words / glue]* <Head>" e.g. "Jiangsu Academy of Social Sciences",
    # "Shenzhen Special Zone Daily", "Shenzhen Institute of Artificial Intelligence".
    return re.compile(
        rf"^(?:['’]s)?(?:\s+(?:{_CAP_WORD}|{glue}))*?\s+(?:{heads})\b(?!['’]s\s+[a-z])"
    )


def _org_before() -> re.Pattern[str]:
    heads = alternation(cues()["org_heads"])
    glue = alternation(cues()["org_glue"])
    # "<Head> of [the] [Capitalised words / glue]* <place>" e.g. "Bank of China",
    # "Academy of China Open Economy Studies", "Communist Party of China".
    return re.compile(rf"\b(?:{heads})\s+of\s+(?:(?:the|{glue})\s+|{_CAP_WORD}\s+)*$")


_ORG_AFTER: re.Pattern[str] | None = None
_ORG_BEFORE: re.Pattern[str] | None = None


# "China-SCO Local Economic and Trade Cooperation Demonstration Area", "China-ASEAN Expo",
# "China-Europe Railway Express": a place joined by a hyphen to an acronym or to a foreign
# partner names a programme or body (the gazetteer's own hyphenated names, such as
# "Beijing-Tianjin-Hebei", match whole and come first; two Chinese places stay subjects)
@cache
def _hyphen_name() -> re.Pattern[str]:
    """"-based", "-listed", "-ASEAN", "-Europe": the hyphenated partners are cues.yaml's
    ``foreign_partners``, a vocabulary, not code."""
    partners = alternation(cues()["foreign_partners"])
    return re.compile(rf"^-(?:based|headquartered|born|listed|registered)\b"
                      rf"|^-(?:[A-Z]{{2,}}\b|(?:{partners})\b)")


def _is_affiliation(sentence: str, start: int, end: int) -> bool:
    global _ORG_AFTER, _ORG_BEFORE
    if _ORG_AFTER is None or _ORG_BEFORE is None:
        _ORG_AFTER, _ORG_BEFORE = _org_after(), _org_before()
    after = sentence[end : end + 120]
    if _hyphen_name().match(after):
        return True
    m = _ORG_AFTER.match(after)
    if m:
        # The run must stay inside one name: no clause punctuation, no lower-case
        # word other than the glue words.
        return True
    before = sentence[max(0, start - 120) : start]
    return bool(_ORG_BEFORE.search(before))


def _in_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _direction_before(sentence: str, start: int) -> bool:
    words = sentence[max(0, start - 16) : start].split()
    if not words:
        return False
    return words[-1].lower().rstrip(",") in _directions()


def _after_surname(sentence: str, start: int) -> bool:
    m = _re(r"(?:^|[^\w-])([A-Z][a-z]+) $").search(sentence[max(0, start - 12) : start])
    return bool(m) and m.group(1) in _surnames()


_POSSESSIVE_THEN_NAME = re.compile(r"^['’]s\s+(?:[A-Z])")


def _is_dateline(sentence_no: int, sentence: str, start: int, text: str, dateline: str | None):
    if sentence_no != 1 or start > 3:
        return False
    if dateline and text.upper() == dateline.upper():
        return True
    rest = sentence[start + len(text) : start + len(text) + 40]
    return text.isupper() and bool(
        _re(r"^\s*(?:,[^,]{0,30}?)?\s*(?:--|—|–|:|\(\w+\)\s*--)").match(rest)
    )


_GAP_WORDS = {
    "in",
    "of",
    "the",
    "capital",
    "city",
    "province",
    "provincial",
    "municipality",
    "region",
    "autonomous",
    "prefecture",
    "china's",
    "china’s",
}


def _locator_gap(gap: str, *, before: bool) -> bool:
    """Whether the words between a city and its province only locate the city:
    "Ningbo in East China's Zhejiang", "Wuhan, capital of Hubei" (city first) or
    "Zhejiang's Ningbo", "Anhui Province's capital Hefei" (province first)."""
    if len(gap) > 48 or any(c in gap for c in '.;:()"!?'):
        return False
    if before:
        m = _re(r"^(?:\s+[Pp]rovince)?['’]s\s").match(gap)
        if not m:
            return False
        gap = gap[m.end() :]
    elif gap.strip() and not _re(r"^\s*,?\s*(?:in|of|,|capital|the)\b").match(gap):
        return False
    words = [w for w in _re(r"[\s,]+").split(gap.lower()) if w]
    return all(w in _GAP_WORDS or w in _directions() for w in words)


def _mark_locators(
    mentions: list[RegionMention], sentence: str, gaz: Gazetteer
) -> list[RegionMention]:
    """Flag province mentions that only locate a city named next to them."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.role != "subject":
            continue
        region = gaz.get(m.region)
        if region is None or region.level not in PROVINCIAL_LEVELS:
            continue
        for c in mentions:
            if c is m or c.role != "subject":
                continue
            city = gaz.get(c.region)
            if city is None or city.parent != m.region:
                continue
            if c.end <= m.start and _locator_gap(sentence[c.end : m.start], before=False):
                out[i] = _replace(m, locator=True)
                break
            if m.end <= c.start and _locator_gap(sentence[m.end : c.start], before=True):
                out[i] = _replace(m, locator=True)
                break
    return out


@cache
def _appositive_open() -> re.Pattern[str]:
    # right after "<place>[ province|city|...]": ", the ...", ", which ...", ", home to ..."
    return re.compile(
        r"(?:\s+(?:[Pp]rovince|[Cc]ity|[Mm]unicipality|[Aa]utonomous\s+[Rr]egion|[Rr]egion))?"
        r"\s*,\s+(?:the|a|an|which|where|whose|home\s+to|host\s+(?:of|to)|bordering|adjacent\s+to|"
        r"next\s+to|near|neighbou?ring|close\s+to|across|opposite|facing|on|in|along|at|off|"
        r"dubbed|known\s+as|called|nicknamed|long\s+known\s+as|once|formerly)\b"
    )


_VENUE_BEFORE = re.compile(
    r"\b(?:convened|convenes|held|holds|met|meets|gathered|opened|opens|closed|was\s+held)"
    r"(?:\s+[a-z]+){0,2}\s+in\s+$")


#: "China's", "east China's", "Southwest China's": a place of China located by its part
CHINA_S = r"(?:(?:north|south)?(?:east|west)\s+|north\s+|south\s+|central\s+)?china['’]s"


@cache
def subregion_name() -> str:
    """The pattern of a place below the gazetteer's levels: "<Capitalised> <Zone|District|New
    Area ...>" (cues.yaml growth.subregion_heads)."""
    heads = alternation([str(w) for w in cues()["growth"]["subregion_heads"]])
    return rf"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?i:{heads})\b"


@cache
def _subregion_then_locator() -> re.Pattern[str]:
    """"<subregion> [(ACRONYM)] in [east China's] ": a subregion and the word that locates
    it."""
    return re.compile(rf"{subregion_name()}(?:\s*\([A-Z]{{2,}}\))?,?\s+(?:in|of)\s+"
                      rf"(?:the\s+)?(?:(?i:{CHINA_S})\s+)?$")


def _mark_subregion_locators(mentions: list[RegionMention],
                             sentence: str) -> list[RegionMention]:
    """Flag a place that only locates a subregion named before it: in "The Nantong Economic
    and Technological Development Zone (NETDA) in Jiangsu province has set ...", the zone
    acts, not Jiangsu (flagged like a locator)."""
    if " in " not in sentence and " of " not in sentence:
        return mentions
    return [_replace(m, locator=True) if m.role == "subject" and not m.locator
            and _subregion_then_locator().search(sentence[max(0, m.start - 120):m.start])
            else m for m in mentions]


def _mark_venues(mentions: list[RegionMention], sentence: str) -> list[RegionMention]:
    """Flag the city where a meeting took place ("Guizhou's provincial congress convened in
    Guiyang"): it locates the meeting, it is not the actor (flagged like a locator)."""
    return [_replace(m, locator=True) if m.role == "subject" and _VENUE_BEFORE.search(
        sentence[max(0, m.start - 40) : m.start]) else m for m in mentions]


def _mark_appositives(mentions: list[RegionMention], sentence: str) -> list[RegionMention]:
    """Flag places named inside an appositive or relative clause that describes the place
    just before it: "Shenzhen, the tech hub bordering Hong Kong, is targeting ...",
    "Guangdong province, which contains Shenzhen, set ...". The described place is the
    actor; the other only locates or characterises it (flagged like a locator)."""
    out = list(mentions)
    opener = _appositive_open()
    for head in mentions:
        if head.role != "subject":
            continue
        m = opener.match(sentence, head.end)
        if not m:
            continue
        close = sentence.find(",", m.end())
        stop = min((i for i in (sentence.find(c, m.end()) for c in ";:()") if i >= 0),
                   default=len(sentence))
        if close < 0 or close > stop or close - m.end() > 100 or not sentence[close + 1 :].strip():
            continue
        for i, other in enumerate(out):
            if other.role == "subject" and m.end() <= other.start and other.end <= close:
                out[i] = _replace(other, locator=True)
    return out


def _replace(m: RegionMention, **kw: object) -> RegionMention:
    data = dict(m.__dict__)
    data.update(kw)
    return RegionMention(**data)  # type: ignore[arg-type]


@cache
def _generic_subject() -> re.Pattern[str]:
    return re.compile(
        r"^\W*(?:[\w'’-]+\s+){0,4}?(?:provinces|cities|localities|regions|municipalities|"
        r"local governments|provincial-level regions|policy-makers|policymakers)\b",
        re.IGNORECASE,
    )


@cache
def _opener() -> re.Pattern[str]:
    openers = alternation(cues()["continuation_openers"])
    return re.compile(rf"^\W*(?:{openers}|in\s+(?:19|20)\d\d)\b", re.IGNORECASE)


def _choose(ids: Sequence[str], context: set[str], gaz: Gazetteer,
            sentence: str = "", start: int = 0, end: int = 0) -> str:
    """Pick among the candidate ids of an ambiguous name ("Suzhou", "Jilin"): the level the
    text names ("the city of Jilin", "Jilin city", "Jilin province"), else one whose
    province the article also names, else the gazetteer's preferred reading."""
    if len(ids) == 1:
        return ids[0]
    level = None
    if _re(r"\b[Cc]ity\s+of\s+$").search(sentence[max(0, start - 10) : start]) or _re(
        r"^\s+[Cc]ity\b"
    ).match(sentence[end : end + 6]):
        level = "city"
    elif _re(r"^\s+[Pp]rovince\b").match(sentence[end : end + 10]) or _re(
        r"\b[Pp]rovince\s+of\s+$"
    ).search(sentence[max(0, start - 14) : start]):
        level = "province"
    if level:
        for rid in ids:
            region = gaz.get(rid)
            if region is not None and region.level == level:
                return rid
    # a name shared by a provincial-level division and a city or prefecture ("Jilin",
    # "Hainan") means the province unless the text says otherwise (above)
    for rid in ids:
        region = gaz.get(rid)
        if region is not None and region.level in PROVINCIAL_LEVELS:
            return rid
    for rid in ids:
        region = gaz.get(rid)
        if region is not None and region.parent in context:
            return rid
    return ids[0]


#: "The two also led ...", "the three regions": the places the sentence before was about, when
#: it named as many (not "the two sessions"). The growth rules read the group noun inside such
#: a span as those places, not as a group, and pair "respectively" across the one span the
#: names share in the order they were named.
_THE_TWO = re.compile(
    r"\b[Tt]he\s+(?P<count>two|three|four|five|six)"
    r"(?:\s+(?:provinces|cities|regions|municipalities|provincial-level\s+regions"
    r"|autonomous\s+regions|economies|places)\b|(?=\s+(?:also|both|each|together|have|had|are"
    r"|were|led|grew|saw|posted|recorded|reported|set|aim|target|targeted|expect|plan)\b))")


@cache
def _anaphors() -> tuple[dict[str, list[str]], re.Pattern[str]]:
    """Definite descriptions ("the city", "the province"), also with up to two lower-case
    adjectives ("the landlocked province", "the southern coastal city") and after "China's"
    or "the country's" ("China's richest province", "China's fourth largest city"). Group
    "noun" holds the words after the determiner, which name the cue."""
    levels: dict[str, list[str]] = {k.lower(): v for k, v in cues()["anaphors"].items()}
    nouns = [k[4:] for k in levels if k.startswith("the ")]
    others = [k for k in levels if not k.startswith("the ")]
    # (not "the new city", "the neighbouring province", "the other city": another place)
    adjective = r"(?!(?:new|other|another|neighbou?ring|nearby|adjacent|next|first|second|third"
    adjective += r"|latter|former|sister|twin|host)\b)(?-i:[a-z][a-z-]*)\s+"
    determiner = r"(?:the|china['’]s|the\s+(?:country|nation)['’]s)"
    pattern = rf"\b{determiner}\s+(?:{adjective}){{0,2}}?(?P<noun>{alternation(nouns)})"
    if others:
        pattern += f"|{alternation(others)}"
    return levels, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)


@cache
def _directions() -> frozenset[str]:
    return frozenset(d.lower() for d in cues()["directions"])


@cache
def _surnames() -> frozenset[str]:
    return frozenset(cues()["surnames"])


def analyse_regions(
    sentences: Sequence[str],
    paragraph_starts: Sequence[int],
    dateline: str | None,
    gazetteer: Gazetteer,
    quotes: Collection[int] = (),
    headline: Sequence[str] = (),
) -> RegionAnalysis:
    """Find region mentions with roles, resolve anaphors, and compute each sentence's focus.
    *headline*: the places of a headline the body does not repeat (:func:`headline_places`),
    the focus before the first sentence."""
    raw = [gazetteer.find(s) for s in sentences]
    context = {ids[0] for matches in raw for m in matches for ids in [m.ids] if len(ids) == 1}
    anaphor_levels, anaphor_re = _anaphors()
    opener = _opener()
    trigger = word_regex("commitment_triggers")
    starts = set(paragraph_starts) or {1}

    mentions: list[RegionMention] = []
    focus: list[tuple[str, ...]] = []
    carried: list[tuple[str, ...]] = []
    history: list[RegionMention] = []  # subject, non-locator mentions so far
    previous: tuple[str, ...] = tuple(headline)
    for idx, (sentence, matches) in enumerate(zip(sentences, raw, strict=True)):
        n = idx + 1
        found: list[RegionMention] = []
        for m in matches:
            rid = _choose(m.ids, context, gazetteer, sentence, m.start, m.end)
            region = gazetteer.get(rid)
            if region is None:
                continue
            if region.level == "city" and _after_surname(sentence, m.start):
                continue  # "Chen Jining": a given name, not the city
            if region.level in ("country", "economic-region") and _direction_before(
                sentence, m.start
            ):
                continue  # "South China's", "northeast China's": a compass point
            if region.level == "economic-region" and _POSSESSIVE_THEN_NAME.match(sentence[m.end :]):
                # "Northeast China's Liaoning Province": locates the province that follows
                nxt = [o for o in matches if o.start > m.end and o.start - m.end < 6]
                if nxt:
                    continue
            hyphened = any(  # "Qinghai-Tibet Plateau", "Qinghai-Henan UHV line": one name
                (o.start == m.end + 1 and sentence[m.end] == "-")
                or (o.end == m.start - 1 and sentence[o.end] == "-")
                for o in matches if o is not m
            )
            if _is_dateline(n, sentence, m.start, m.text, dateline):
                role = "dateline"
            elif hyphened or _is_affiliation(sentence, m.start, m.end) or _in_chinese(m.text):
                # (a name in Chinese characters: the Chinese lines of a bilingual page repeat
                # the English ones, and no rule here reads Chinese grammar)
                role = "affiliation"
            else:
                role = "subject"
            found.append(RegionMention(n, m.start, m.end, rid, role, m.text))
        # anaphors resolve against subject mentions before them (this sentence included)
        taken = [(f.start, f.end) for f in found]
        for a in anaphor_re.finditer(sentence):
            if a.group(0)[:1] in "Cc" and any(
                    f.region == "china" and f.start == a.start() for f in found):
                # "China's richest province": a description of a place, not the nation
                found = [f for f in found if not (f.region == "china" and f.start == a.start())]
                taken = [(f.start, f.end) for f in found]
            if any(s <= a.start() < e for s, e in taken):
                continue
            if _re(r"^\s+of\s+[A-Z]").match(sentence[a.end() : a.end() + 6]):
                continue  # "the tourism city of Sanya": describes the place that follows
            key = "the " + a.group("noun") if a.group("noun") else a.group(0)
            levels = anaphor_levels[_re(r"\s+").sub(" ", key.lower())]
            earlier = history + [f for f in found if f.role == "subject" and f.end <= a.start()]
            target = next(
                (h for h in reversed(earlier) if _level(gazetteer, h.region) in levels), None
            )
            if target is None and "country" in levels:
                target = RegionMention(n, 0, 0, "china", "subject", "")
            if target is not None:
                found.append(
                    RegionMention(
                        n, a.start(), a.end(), target.region, "subject", a.group(0), anaphor=True
                    )
                )
        it = _IT.match(sentence)
        if it and len(previous) == 1 and not found:
            # "Chongqing expects to maintain its double digit record. It has set its target
            # at 10 percent in 2016.": the one place the sentence before was about
            found.append(RegionMention(n, it.start(1), it.end(1), previous[0], "subject",
                                       it.group(1), anaphor=True))
        found = [f for f in found if not (f.anaphor and _titles_name(f, found, sentence))]
        if len(previous) >= 2:
            # "The two also led the country with ...", "The three regions also set ...": the
            # places the sentence before was about; "Their growth target is around 6
            # percent" opening the sentence, too
            spans = [a.span() for a in _THE_TWO.finditer(sentence)
                     if _COUNTS.get(a.group("count").lower()) == len(previous)]
            if len(previous) == 2:  # "Both of these cities registered 6.6 percent growth"
                spans += [a.span() for a in _BOTH.finditer(sentence)]
            their = _THEIR.match(sentence)
            if their and not found:
                spans.append(their.span(1))
            for start, end in spans:
                if not any(f.start <= start < f.end for f in found):
                    found += [RegionMention(n, start, end, rid, "subject", sentence[start:end],
                                            anaphor=True) for rid in previous]
        found.sort(key=lambda f: (f.start, f.end))
        found = _mark_appositives(_mark_locators(found, sentence, gazetteer), sentence)
        found = _mark_subregion_locators(_mark_venues(found, sentence), sentence)
        mentions.extend(found)
        actors = [f for f in found if f.role == "subject" and not f.locator]
        explicit = tuple(most_specific([f.region for f in actors], gazetteer))
        carried.append(previous)
        if explicit:
            current = explicit
        elif about_group_or_nation(sentence):
            current = ()
        elif n in starts and n in quotes and not continues(sentence, opener, trigger):
            focus.append(())  # a commentator's words, in a paragraph of their own
            continue
        else:
            current = previous
        focus.append(current)
        previous = current
        history.extend(actors)
    return RegionAnalysis(tuple(mentions), tuple(focus), tuple(carried))


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_BOTH = re.compile(r"\b[Bb]oth\s+(?:of\s+)?(?:these|those|the)\s+(?:two\s+)?(?:provinces|cities"
                   r"|regions|municipalities|economies|places)\b")
#: a sentence that opens with "Their" or "They" (the places of the sentence before)
_THEIR = re.compile(r"\W*(Their|They)\s")
#: a sentence that opens with "It" or "Its" as its subject (not "It is expected that")
_IT = re.compile(r"\W*(It|Its)\s+(?!(?:is|was|will\s+be|has\s+been|had\s+been)\s+"
                 r"(?:\w+\s+)?(?:that|to|expected|estimated|reported|said|worth|clear|likely|"
                 r"necessary|important|possible|time)\b)")


def continues(sentence: str, opener: re.Pattern[str], trigger: re.Pattern[str]) -> bool:
    """Whether a sentence plainly continues the one before: an opener that points back
    ("It", "The plan", "Meanwhile", "In 2025,") or a plan in the passive ("Efforts will be
    put into ..."), which has no actor of its own."""
    return bool(opener.match(sentence)) or bool(
        trigger.search(sentence) and _re(r"\bwill be\b").search(sentence))


@cache
def _national_subject() -> re.Pattern[str]:
    words = alternation([w.lower() for w in cues()["not_one_region"]["national"]])
    return re.compile(rf"^\W*(?:[\w'’-]+\s+){{0,3}}?(?:{words})(?![\w-])", re.IGNORECASE)


def about_group_or_nation(text: str) -> bool:
    """Whether *text* (a sentence, or a clause) opens by talking about an unnamed group of
    places ("Many provinces ...", "Chinese localities ...") or about the nation ("The
    national economy ...", "Nationwide, ..."). What it says belongs to no one region, so
    it is not filed under the place the text was about before, and what follows it is not
    either (the focus is cleared)."""
    return bool(_generic_subject().match(text) or _national_subject().match(text))


def _titles_name(anaphor: RegionMention, found: Sequence[RegionMention], sentence: str) -> bool:
    """Whether a definite description stands before a name as its title ("The capital city
    Hefei aims to ...", "the port city Ningbo"): it describes the place named right after
    it, so it refers back to nothing."""
    return any(o is not anaphor and not o.anaphor and o.role == "subject"
               and o.start >= anaphor.end and not sentence[anaphor.end:o.start].strip()
               for o in found)


def most_specific(ids: Sequence[str], gazetteer: Gazetteer, *, members: bool = False) -> list[str]:
    """Drop a province when one of its cities is also named, and the country when any
    region is: "Hefei" says more than "Anhui, Hefei", and a city implies its province
    when the digest aggregates. With *members*, also an economic region when one of its
    member provinces (or their cities) is named with it: "Elsewhere in the Yangtze River
    Delta, Jiangsu has set its target at 5 percent" is Jiangsu's target."""
    ids = list(dict.fromkeys(ids))
    parents = {gazetteer.province_of(i) for i in ids if _level(gazetteer, i) == "city"}
    if members:
        provinces = {gazetteer.province_of(i) for i in ids} - {None}
        parents |= {i for i in ids if _level(gazetteer, i) == "economic-region"
                    and provinces & set(gazetteer.regions[i].members)}
    out = [i for i in ids if i not in parents]
    if len(out) > 1:
        out = [i for i in out if _level(gazetteer, i) != "country"]
    return out


def _level(gaz: Gazetteer, rid: str) -> str | None:
    region = gaz.get(rid)
    return region.level if region else None


def headline_places(title: str | None, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The places a headline is about ("Henan maps out its 2026 development goals"): a body
    that opens without naming one goes on about them."""
    if not title:
        return ()
    return analyse_regions([title], [1], None, gazetteer).focus[0]


def margin_places(texts: Sequence[tuple[str, str]], gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """``(region, role)`` of the places named beside the text: in the headline (when it is
    not the first sentence), photo captions (``subject``: "The skyline of Ningbo, Zhejiang
    province") and a byline ("By Cang Wei in Nanjing": ``dateline``, where the story was
    written). Each text is read as a paragraph of its own, with the body's rules (names
    inside organisations, given names, compass points), so an analyst finds the article
    under every place a reader sees on it."""
    if not texts:
        return []
    analysis = analyse_regions([t for _, t in texts], range(1, len(texts) + 1), None,
                               gazetteer)
    return [(m.region, "dateline" if texts[m.sentence - 1][0] == "byline" else "subject")
            for m in analysis.mentions if m.role == "subject" and not m.anaphor]


def summarise_regions(analysis: RegionAnalysis, gazetteer: Gazetteer,
                      margins: Sequence[tuple[str, str]] = ()) -> list[dict]:
    """The record's ``regions`` list: one entry per region, in order of first mention in
    the text, then the places named only beside it (:func:`margin_places`: no mention and no
    sentence in the text, the role they have there)."""
    order: dict[str, dict] = {}
    for m in analysis.mentions:
        entry = order.get(m.region)
        if entry is None:
            region = gazetteer.get(m.region)
            assert region is not None
            entry = order[m.region] = {
                "id": region.id,
                "name": region.name,
                "name_zh": region.name_zh,
                "level": region.level,
                "parent": region.parent,
                "mentions": 0,
                "roles": [],
                "sentences": [],
            }
        entry["mentions"] += 1
        if m.role not in entry["roles"]:
            entry["roles"].append(m.role)
        if m.sentence not in entry["sentences"]:
            entry["sentences"].append(m.sentence)
    for entry in order.values():
        entry["roles"] = [r for r in ("subject", "dateline", "affiliation") if r in entry["roles"]]
        entry["sentences"].sort()
    for rid, role in margins:
        region = gazetteer.get(rid)
        if rid in order or region is None:
            continue
        order[rid] = {"id": region.id, "name": region.name, "name_zh": region.name_zh,
                      "level": region.level, "parent": region.parent, "mentions": 0,
                      "roles": [role], "sentences": []}
    return list(order.values())
