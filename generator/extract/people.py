"""People: quoted or cited people, their role as stated, and their sentences.

A person is listed when the article reports what they said, reported or decided, or
describes them acting; a name only mentioned ("under the guidance of President X")
is not. Patterns (cue words from cues.yaml's ``speech_verbs``, ``action_verbs`` and
``titles``):

* ``said Li Changan, a professor at ...`` / ``Wang Peng, an associate research
  fellow at ..., said`` / ``according to Li Hui, an associate researcher at ...``;
* ``Governor Wang Weizhong said`` / ``said Governor Chen Min'er`` / ``Mayor Chen
  Jining visited``: a title before a name is kept as the role; without a verb of
  speech or action next to it the name is only a mention (remembered for later
  references, not listed unless cited later);
* ``Zhou Naixiang, governor of the province, ...`` / ``Zhao Gang is the city's
  mayor``: a name described by its title;
* ``Li told ...`` / ``Wang added`` / ``Mr Chan``: a bare name refers back (or forward)
  to the person of that surname; a surname that matches nobody is not a person;
* ``he noted``: the person last cited.

Bylines ("By Wang Lei", "reporter | Li Kewen") never name a cited person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from ..reference import Gazetteer
from .cues import _re, alternation, cues

# One word of a name: "Wang", "Min'er", "Chang’an", "Mo-po", "Jean-Pierre", and the
# backslash-apostrophe some mirrors write ("Min\'er"); never a possessive ("Wuxi's").
WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*|\\?['’](?![st]\b)[a-z]+)*"
NAME = rf"{WORD}(?:[ \t]+{WORD}){{0,3}}"
NOT_NAMES = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "china",
    "chinese",
    "meanwhile",
    "additionally",
    "however",
    "also",
    "according",
    "government",
    "report",
    "statistics",
    "data",
    "president",
    "governor",
    "mayor",
    "premier",
    "minister",
    "experts",
    "analysts",
    "officials",
    "an",
    "a",
    "in",
    "on",
    "for",
    "as",
    "but",
    "and",
    "state",
    "national",
    "central",
    "provincial",
    "local",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "global",
    "times",
    "xinhua",
    "reuters",
    "bloomberg",
    "daily",
    "news",
    "agency",
    "ministry",
    "commission",
    "council",
    "committee",
    "bureau",
    "department",
    "office",
    "party",
    "congress",
    "session",
    "work",
    "plan",
    "developing",
    "multiple",
    "several",
    "once",
}

# A pinyin syllable (permissive: any initial with any final). A given name of one to
# three syllables after a Chinese surname ends the name: "Wu Xiaojun Delivers Report".
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un"
    r"|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)"
)
_PINYIN = re.compile(rf"(?:{_INITIAL}{_FINAL}){{1,3}}")
# The rest of a role after its title: up to a comma, colon, quote or sentence end (or
# some words of it, where a scraped page runs the role into the next sentence).
_ROLE_REST = r"(?:[^,;:“”\"]{0,200}?(?=[,;:“”\"]|\.\s|\.?$)|(?:\s*[^\s,;:“”\"]+){0,12})"
# An affiliation between a name and its verb: "Tian Xuan of Tsinghua University said".
_OF_ORG = r"(?:of|at|from|with)\s+(?:the\s+)?[A-Z][^,;.]{1,80}?"
# Words between a name and the verb of its act: "Wang also said", "Li on Monday said".
_ADVERBS = (
    r"(?:(?:also|then|further|again|recently|once|has|have|had|was|is|on\s+\w+|\w+ly)\s+){0,2}"
)


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern, compiled once (cue lists come from cues.yaml)."""
    c = cues()
    verbs = alternation(c["speech_verbs"])
    acts = alternation(c["speech_verbs"] + c["action_verbs"])
    titles = alternation(
        [t for title in c["titles"] for t in (title, title.lower(), title.capitalize())]
    )
    any_case_titles = alternation([t.lower() for t in c["titles"]])
    bylines = alternation([v for w in c["byline_words"] for v in (w, w.capitalize(), w.upper())])
    name = rf"(?<![\w'’\\-])(?P<name>{NAME})"
    return {
        "said_name_role": re.compile(
            rf"\b(?:said|says|noted|added|stressed|explained|told\s+[a-z]+(?:\s+[a-z]+)?)\s+"
            rf"{name}(?:,\s+(?P<role>[^,.;]{{3,200}})|\s+(?P<of>of\s+the\s+[^,.;]{{3,150}}))?"
        ),
        "name_role_said": re.compile(rf"{name},\s+(?P<role>[^;.]{{3,250}}?),\s+(?:{verbs})\b"),
        # "Chairman of the Guangxi Zhuang Autonomous Region, Lan Tianli, stated", "..., the
        # city's mayor, Yin Yong, said Sunday": the role, the name between commas, the verb
        # (a name of Chinese form only: in "Hao Xiaohui, director of the plant, Zhonghuan
        # Semiconductor, said" the company sits where the name would)
        "role_name_said": re.compile(
            rf"(?P<role>\b(?:{titles})\b[^,;.]{{0,100}}),\s+{name},\s+(?:{verbs})\b"),
        "according": re.compile(
            rf"\b[Aa]ccording\s+to\s+{name}(?:,\s+(?P<role>[^;]{{3,200}}?))?(?:[.;]|,\s|$)"
        ),
        "title": re.compile(rf"(?P<title>\b(?:{titles}))\s+{name}"),
        "appositive": re.compile(
            rf"{name},\s+(?P<role>(?:(?!(?:which|whose|that|where|when)\b)[\w'’&-]+\s+){{0,4}}?"
            rf"(?i:{any_case_titles})\b{_ROLE_REST})"
        ),
        "copular": re.compile(
            rf"{name}\s+(?:is|was|serves\s+as|served\s+as|became)\s+"
            rf"(?P<role>(?:[\w'’&-]+\s+){{0,3}}?(?i:{any_case_titles})\b{_ROLE_REST})"
        ),
        "name_said": re.compile(rf"{name}(?:\s+(?P<of>{_OF_ORG}))?\s+(?:{verbs})\b"),
        "name_act": re.compile(rf"{name}\s+{_ADVERBS}(?:{acts})\b"),
        "byline": re.compile(
            rf"(?:\bBy|\b(?:{bylines})\b(?:\s+by)?)[\s:|]*"
            rf"(?P<names>{NAME}(?:(?:\s*[,&]\s*|\s+and\s+){NAME})*)"
        ),
        "pronoun": re.compile(rf"\b(?:he|she)\s+(?:{verbs})\b", re.IGNORECASE),
        "acts_after": re.compile(
            rf"\s*(?:,[^,;]{{1,150}},|\s+{_OF_ORG})?\s+{_ADVERBS}(?:{acts})\b", re.IGNORECASE
        ),
        "verb_before": re.compile(rf"\b(?:{verbs})\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE),
        "agent_before": re.compile(
            rf"\b(?:{acts})(?:\s+over)?\s+by\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE
        ),
        "any_verb": re.compile(rf"\b(?:{verbs})\b"),
        "any_act": re.compile(rf"\b(?:{acts})\b"),
        "any_title": re.compile(rf"\b(?:{titles})\b"),
        "any_byline": re.compile(rf"\bBy\b|\b(?:{bylines})\b"),
        # cheap pre-checks, so the costly patterns only run where they can match
        "pre_said_name_role": re.compile(
            r"\b(?:said|says|noted|added|stressed|explained|told)\s+(?:\w+\s+){0,2}[A-Z]"
        ),
        "pre_name_role_said": re.compile(rf",\s+(?:{verbs})\b"),
        # (a sentence may open with it: "According to Shen Xiaoming, Hainan will ...")
        "pre_according": re.compile(r"\b[Aa]ccording\s+to\s+[A-Z]"),
        "pre_name_said": re.compile(rf"[a-z]\s+(?:{verbs})\b"),
    }


_PATTERNS: dict[str, re.Pattern[str]] = {}


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words never inside a name, Chinese surnames, and (one-word) verbs, which end one."""
    c = cues()
    heads = frozenset(h.lower() for h in c["org_heads"])
    titles = frozenset(w.lower() for t in c["titles"] for w in t.split())
    places = frozenset(w.lower() for w in c["not_name_words"])
    verbs = frozenset(v.lower() for v in c["speech_verbs"] + c["action_verbs"] if " " not in v)
    return heads | titles | places, frozenset(c["surnames"]), verbs


@cache
def _publication_word() -> re.Pattern[str]:
    """A publication word ("Weekly") or a word made of them ("Newsweek")."""
    press = alternation([w.lower() for w in cues()["publication_words"]])
    return re.compile(rf"(?:{press})+", re.IGNORECASE)


def _is_name(name: str, gazetteer: Gazetteer) -> bool:
    """True when *name* can be a person's name: no place, organisation, title or
    publication word, and not a place name from the gazetteer."""
    words = name.split()
    if not words or words[0].lower() in NOT_NAMES or words[-1].lower() in NOT_NAMES:
        return False
    not_name_words, surnames, _ = _word_sets()
    if any(w.lower() in not_name_words or _publication_word().fullmatch(w) for w in words):
        return False
    for m in gazetteer.find(name):
        if m.start == 0 and words[0] not in surnames or m.end - m.start == len(name):
            return False
    return all(w[0].isupper() for w in words)


def _is_pinyin(word: str) -> bool:
    """True for a romanised Mandarin given name ("Xiaojun", "Min'er", "Chang-an")."""
    return bool(_PINYIN.fullmatch(_re(r"[-'’\\]").sub("", word.lower())))


def _shorten(words: list[str]) -> list[str]:
    """The name at the start of a run of capitalised words.

    A title-cased headline runs on past the name ("Wu Xiaojun Delivers Government Work
    Report"): the run stops at a verb, and a Chinese surname with a pinyin given name
    is the whole name (Hong Kong names such as "Paul Chan Mo-po" do not start with
    a pinyin surname and keep their length).
    """
    _, surnames, verbs = _word_sets()
    for i, w in enumerate(words):
        if w.lower() in verbs:
            words = words[:i]
            break
    if len(words) > 2 and words[0] in surnames and _is_pinyin(words[1]):
        words = words[:2]
    return words


def _clean(name: str) -> str:
    """The name as written, without a mirror's backslash before an apostrophe."""
    return name.replace("\\'", "'").replace("\\’", "’")


def _name_in(raw: str, gazetteer: Gazetteer, right_anchored: bool) -> tuple[str, int] | None:
    """The person's name in a matched run of capitalised words, and where it ends.

    When the run ends where the pattern needs it to (before "said" or a comma), words
    in front that cannot be part of a name are dropped ("Meanwhile Zhang Wei said").
    """
    spans = [m.span() for m in _re(r"\S+").finditer(raw)]
    words = [raw[a:b] for a, b in spans]
    for i in range(len(words) if right_anchored else 1):
        cand = _shorten(words[i:])
        if cand and _is_name(" ".join(cand), gazetteer):
            return _clean(" ".join(cand)), spans[i + len(cand) - 1][1]
    return None


def _looks_chinese(name: str) -> bool:
    """True for "Surname Givenname" in pinyin: a person even without a title."""
    words = name.split()
    return len(words) == 2 and words[0] in _word_sets()[1] and _is_pinyin(words[1])


def _role(text: str | None) -> str | None:
    """The role as stated, without a trailing description of the employer."""
    if not text:
        return None
    text = _re(r"^\d{1,3},\s+").sub("", text)  # an age: "Zhang Wei, 45, a farmer, said"
    role = _re(r",\s+(?:a|an|the|which|who)\s+(?:platform|company|firm|group)\b").split(text)[0]
    role = (
        role.split(", ")[0]
        if role.count(",") and not role.startswith(("a ", "an ", "the "))
        else role
    )
    return role.strip().rstrip(",") or None


def _title_role(sentence: str, m: re.Match[str]) -> str:
    """A title's role with the organisation words before it ("Guangdong governor",
    "Morgan Stanley economist"), without a sentence's opening word ("The")."""
    org_m = _re(r"((?:[A-Z][\w&'’.-]*\s+)*[A-Z][\w&]+)\s+$").search(
        sentence[max(0, m.start() - 60) : m.start()]
    )
    words = org_m.group(1).split() if org_m else []
    while words and words[0].lower() in NOT_NAMES:
        words.pop(0)
    return " ".join([*words, m.group("title")])


def _is_mentioned_only(sentence: str, start: int) -> bool:
    """True when the name at *start* is the object of a preposition ("the speech of
    X, general secretary ...", "under the guidance of X"): a mention, not an actor."""
    before = _re(r"(\w+)\W*$").search(sentence[:start])
    return bool(before and before.group(1).lower() in _mention_words())


@cache
def _mention_words() -> frozenset[str]:
    """Prepositions after which a name is an object (cue key ``mention_words``)."""
    return frozenset(w.lower() for w in cues()["mention_words"])


def _bylines(sentences: Sequence[str]) -> set[str]:
    """Names written as bylines or credits ("By Wang Lei", "reporter | Li Kewen")."""
    names: set[str] = set()
    for sentence in sentences:
        if not _PATTERNS["any_byline"].search(sentence):
            continue
        for m in _PATTERNS["byline"].finditer(sentence):
            for part in _re(r"\s*[,&]\s*|\s+and\s+").split(m.group("names")):
                names.add(_clean(" ".join(_shorten(part.split()))))
    return names


class _People:
    """The people found so far, by full name, with the sentences that cite them."""

    def __init__(self, barred: set[str]) -> None:
        self.entries: dict[str, dict] = {}
        self.cited: set[str] = set()
        self.quotes: set[int] = set()
        self.pending: list[tuple[str, int]] = []
        self.barred = barred
        self.last: str | None = None

    def resolve(self, name: str) -> str | None:
        """The name as first written that *name* refers to, latest person first.

        A bare surname (or given name) is a later mention of a full name; so is a
        shorter or longer form of it ("Paul Chan" and "Paul Chan Mo-po"). A bare word
        that matches nobody yet gives None; a new full name is its own key.
        """
        if name in self.entries:
            return name
        words = name.split()
        for full in reversed(list(self.entries)):
            parts = full.split()
            if set(words) <= set(parts) or len(words) > 1 and set(parts) <= set(words):
                return full
        return name if len(words) > 1 else None

    def add(self, name: str, role: str | None, n: int, *, cited: bool, quoted: bool) -> None:
        """Record *name* in sentence *n*; a bare surname waits until the end if unknown."""
        if quoted:
            self.quotes.add(n)
        if name in self.barred:
            return
        key = self.resolve(name)
        if key is None:
            if cited:
                self.pending.append((name, n))
            return
        entry = self.entries.setdefault(key, {"name": key, "role": None, "sentences": []})
        if role and not entry["role"] and len(name.split()) > 1:
            entry["role"] = role
        if n not in entry["sentences"]:
            entry["sentences"].append(n)
        if cited:
            self.cited.add(key)
        self.last = key

    def result(self) -> list[dict]:
        """Cited people in order of first mention; bare surnames met before their
        full name are attached now, and those that match nobody are dropped."""
        for name, n in self.pending:
            key = self.resolve(name)
            if key is not None:
                self.cited.add(key)
                sentences = self.entries[key]["sentences"]
                sentences[:] = sorted({*sentences, n})
        return [e for k, e in self.entries.items() if k in self.cited]


def _scan(sentence: str, n: int, found: _People, gazetteer: Gazetteer) -> bool:
    """Find the people of one sentence; True if someone was found."""
    p = _PATTERNS
    keys: list[str] = []
    if p["any_verb"].search(sentence):
        keys += [k for k in ("said_name_role", "name_role_said")
                 if p["pre_" + k].search(sentence)]
        if p["pre_name_role_said"].search(sentence) and p["any_title"].search(sentence):
            keys.append("role_name_said")
    if p["pre_according"].search(sentence):
        keys.append("according")
    if p["any_title"].search(sentence):
        # before "name_said", so that "governor Liang Huiling said" keeps its title
        keys += ["title", "appositive", "copular"]
    if p["any_verb"].search(sentence) and p["pre_name_said"].search(sentence):
        keys.append("name_said")
    if p["any_act"].search(sentence):
        keys.append("name_act")
    hit = False
    for key in keys:
        for m in _overlapping(p[key], sentence):
            found_name = _name_in(m.group("name"), gazetteer, key in _RIGHT_ANCHORED)
            if not found_name:
                continue
            name, length = found_name
            if key == "title":
                lead = p["verb_before"].search(sentence, 0, m.start())
                acts = p["acts_after"].match(sentence, m.start("name") + length)
                agent = p["agent_before"].search(sentence, 0, m.start())
                cited, quoted = bool(lead or acts or agent), bool(lead)
                found.add(name, _title_role(sentence, m), n, cited=cited, quoted=quoted)
            elif key in ("appositive", "copular"):
                cited = not _is_mentioned_only(sentence, m.start("name"))
                found.add(name, _role(m.group("role")), n, cited=cited, quoted=False)
            elif key in ("name_said", "name_act") and _is_mentioned_only(sentence, m.start()):
                continue  # "analysts at Goldman Sachs said": the object, not the speaker
            elif key in ("name_act", "role_name_said") and not (
                    _looks_chinese(name) or found.resolve(name) in found.entries):
                continue
            elif key == "name_act":
                found.add(name, None, n, cited=True, quoted=False)
            elif key in ("said_name_role", "name_said") and m.group("of"):
                found.add(name, m.group("of").strip(), n, cited=True, quoted=True)
            else:
                found.add(name, _role(m.groupdict().get("role")), n, cited=True, quoted=True)
            hit = True
    return hit


# Patterns whose name ends where the pattern needs it (before a comma or a verb), so
# that words in front of it may be dropped.
_RIGHT_ANCHORED = frozenset({"name_role_said", "role_name_said", "appositive", "copular",
                             "name_said", "name_act"})


def _overlapping(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """Matches of *pattern*, each search starting after the previous match's name, so
    that a name inside another match's role ("X, head of Y, and Z, mayor of W") is found."""
    pos = 0
    while m := pattern.search(sentence, pos):
        yield m
        pos = max(m.end("name"), pos + 1)


#: a line that is only a name and a colon: who speaks next in a transcript
_SPEAKER = re.compile(r"^\s*([A-Z][a-z]+ [A-Z][a-z]+)\s*[:：]\s*$")


def extract_people(sentences: Sequence[str], gazetteer: Gazetteer) -> tuple[list[dict], set[int]]:
    """The record's ``people`` list, and the numbers of the sentences that quote someone."""
    if not _PATTERNS:
        _PATTERNS.update(_patterns())
    found = _People(_bylines(sentences))
    for n, sentence in enumerate(sentences, start=1):
        speaker = _SPEAKER.match(sentence)
        if speaker and _looks_chinese(speaker.group(1)) and n < len(sentences):
            # a transcript's speaker label ("Hu Henghua:" on its own line, the answer after)
            found.add(speaker.group(1), None, n, cited=True, quoted=True)
            continue
        if not _scan(sentence, n, found, gazetteer) and found.last:
            if _PATTERNS["pronoun"].search(sentence):
                found.add(found.last, None, n, cited=True, quoted=True)
    return found.result(), found.quotes
