"""People: quoted or cited people, their role as stated, and their sentences.

Patterns, most specific first (all from cues.yaml's ``speech_verbs`` and ``titles``):

* ``said Li Changan, a professor at ...`` / ``Wang Peng, an associate research
  fellow at ..., said`` / ``according to Li Hui, an associate researcher at ...``;
* ``Governor Wang Weizhong``, ``Tencent chairman Pony Ma Huateng`` (title as role);
* ``Li told ...`` / ``Wang added`` / ``Xi said``: a bare name refers back to the
  person of that surname (Chinese order: surname first) or family name;
* ``he noted``: the person last cited.

A candidate name is two to four capitalised words (one after a title or right
before a speech verb); names of places, organisations and publishers are not people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..reference import Gazetteer
from .cues import _re, alternation, cues

NAME = r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){0,3}"
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


def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = alternation(cues()["speech_verbs"])
    titles = alternation([t for title in cues()["titles"] for t in (title, title.lower())])
    return {
        "said_name_role": re.compile(
            rf"\b(?:said|says|noted|added|stressed|explained|told\s+\w+(?:\s+\w+)?)\s+"
            rf"(?P<name>{NAME})(?:,\s+(?P<role>[^,.;]{{3,200}})|\s+(?P<of>of\s+the\s+[^,.;]{{3,150}}))?"
        ),
        "name_role_said": re.compile(
            rf"(?<![\w'’-])(?P<name>{NAME}),\s+(?P<role>[^;.]{{3,250}}?),\s+(?:{verbs})\b"
        ),
        "according": re.compile(
            rf"\baccording\s+to\s+(?P<name>{NAME})(?:,\s+(?P<role>[^;]{{3,200}}?))?(?:[.;]|,\s|$)"
        ),
        "title": re.compile(rf"(?P<title>\b(?:{titles}))\s+(?P<name>{NAME})"),
        "name_said": re.compile(rf"(?<![\w'’-])(?P<name>{NAME})\s+(?:{verbs})\b"),
        "pronoun": re.compile(rf"\b(?:he|she)\s+(?:{verbs})\b", re.IGNORECASE),
        "any_verb": re.compile(rf"\b(?:{verbs})\b"),
        "any_title": re.compile(rf"\b(?:{titles})\b"),
        # cheap pre-checks, so the costly patterns only run where they can match
        "pre_said_name_role": re.compile(
            r"\b(?:said|says|noted|added|stressed|explained|told)\s+(?:\w+\s+){0,2}[A-Z]"
        ),
        "pre_name_role_said": re.compile(rf",\s+(?:{verbs})\b"),
        "pre_according": re.compile(r"\baccording\s+to\s+[A-Z]"),
        "pre_name_said": re.compile(rf"[a-z]\s+(?:{verbs})\b"),
    }


_PATTERNS: dict[str, re.Pattern[str]] = {}


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    heads = frozenset(h.lower() for h in cues()["org_heads"])
    titles = frozenset(w.lower() for t in cues()["titles"] for w in t.split())
    places = frozenset(w.lower() for w in cues()["not_name_words"])
    return heads | titles | places, frozenset(cues()["surnames"])


def _is_name(name: str, gazetteer: Gazetteer) -> bool:
    words = name.split()
    if not words or words[0].lower() in NOT_NAMES or words[-1].lower() in NOT_NAMES:
        return False
    not_name_words, surnames = _word_sets()
    if any(w.lower() in not_name_words for w in words):
        return False
    for m in gazetteer.find(name):
        if m.start == 0 and words[0] not in surnames or m.end - m.start == len(name):
            return False
    return all(w[0].isupper() for w in words)


def _role(text: str | None) -> str | None:
    if not text:
        return None
    role = _re(r",\s+(?:a|an|the|which|who)\s+(?:platform|company|firm|group)\b").split(text)[0]
    role = (
        role.split(", ")[0]
        if role.count(",") and not role.startswith(("a ", "an ", "the "))
        else role
    )
    return role.strip().rstrip(",") or None


def extract_people(sentences: Sequence[str], gazetteer: Gazetteer) -> tuple[list[dict], set[int]]:
    """The record's ``people`` list, and the numbers of the sentences that quote someone."""
    if not _PATTERNS:
        _PATTERNS.update(_patterns())
    people: dict[str, dict] = {}
    quotes: set[int] = set()
    last: str | None = None

    def resolve(name: str) -> str:
        if name in people:
            return name
        words = name.split()
        if len(words) == 1:
            for full in reversed(list(people)):
                parts = full.split()
                if words[0] in (parts[0], parts[-1]):
                    return full
        return name

    def add(name: str, role: str | None, n: int, quoted: bool) -> None:
        nonlocal last
        key = resolve(name)
        entry = people.setdefault(key, {"name": key, "role": None, "sentences": []})
        if role and not entry["role"]:
            entry["role"] = role
        if n not in entry["sentences"]:
            entry["sentences"].append(n)
        if quoted:
            quotes.add(n)
        last = key

    for n, sentence in enumerate(sentences, start=1):
        seen: set[str] = set()
        keys = []
        if _PATTERNS["any_verb"].search(sentence):
            keys = [
                k
                for k in ("said_name_role", "name_role_said", "according", "name_said")
                if _PATTERNS["pre_" + k].search(sentence)
            ]
        if _PATTERNS["any_title"].search(sentence):
            # before "name_said", so that "governor Liang Huiling said" keeps its title
            keys.insert(keys.index("name_said") if "name_said" in keys else len(keys), "title")
        for key in keys:
            for m in _PATTERNS[key].finditer(sentence):
                name = m.group("name")
                if not name or name in seen or not _is_name(name, gazetteer):
                    continue
                if key == "title":
                    org_m = re.search(
                        r"([A-Z][\w&]+)\s+$", sentence[max(0, m.start() - 40) : m.start()]
                    )
                    org = org_m.group(1) if org_m else None
                    title = m.group("title")
                    role = f"{org} {title}" if org and org.lower() not in NOT_NAMES else title
                    add(name, role, n, quoted=False)
                elif key == "said_name_role" and m.group("of"):
                    add(name, m.group("of").strip(), n, quoted=True)
                else:
                    add(name, _role(m.groupdict().get("role")), n, quoted=True)
                seen.add(name)
        if not seen and last and _PATTERNS["pronoun"].search(sentence):
            add(last, None, n, quoted=True)
    return list(people.values()), quotes
