"""Reference data (regions, themes) and the fast matchers built on it.

Why this module exists: every extractor needs to recognise "Guangdong", "Xi'an",
"NEVs" or "low-altitude economy" in free text, and they must all agree on what a
mention is.  The data lives in two YAML files (``generator/data/gazetteer.yaml``,
generated from real administrative data by ``scripts/build_gazetteer.py``, and the
hand-written ``generator/data/taxonomy.yaml``); a user may pass their own files.

Matching is done with one Aho-Corasick automaton per matcher (pyahocorasick), built
once per loaded file, so finding every alias in a text is a single linear pass
rather than a loop over hundreds of names.  Rules:

* Regions are proper nouns: aliases match case-sensitively, plus an ALL-CAPS form
  for datelines ("BEIJING --").  Matches are word-bounded (so "China" never matches
  inside "Chinese", "Guangdong's" still matches "Guangdong"), then reduced to the
  leftmost-longest non-overlapping set ("Beijing-Tianjin-Hebei" beats "Beijing").
  A surface form shared by several regions ("Suzhou") yields all their ids,
  the preferred reading first.
* Themes match case- and hyphen-insensitively on a normalised copy of the text
  (lower-case, hyphens and dashes -> spaces, whitespace runs collapsed), with offsets
  mapped back to the original string; simple plurals are generated from the listed
  aliases.  Acronym aliases ("AI", "NEVs", "R&D", "5G", "eVTOL") match case-sensitively
  on the original text, so the surname "Ai" or the word "ic" never count.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from . import safeyaml, schemas

__all__ = [
    "LEVELS",
    "PROVINCIAL_LEVELS",
    "Gazetteer",
    "Match",
    "ReferenceDataError",
    "Region",
    "Taxonomy",
    "Theme",
    "data_version",
    "load_gazetteer",
    "load_taxonomy",
]

#: Region levels, in the order used when several regions share a name.
LEVELS = ("country", "province", "municipality", "autonomous-region", "sar", "economic-region",
          "city")
#: The 34 provincial-level divisions come in four kinds.
PROVINCIAL_LEVELS = ("province", "municipality", "autonomous-region", "sar")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ReferenceDataError(ValueError):
    """A gazetteer or taxonomy file is missing, unreadable or has the wrong shape."""


@dataclass(frozen=True)
class Region:
    """One gazetteer entry: the country, a provincial-level division, a prefecture-level
    city (or prefecture / autonomous prefecture / league) or an economic region."""

    id: str
    name: str
    name_zh: str | None
    aliases: tuple[str, ...]
    level: str
    parent: str | None
    lat: float | None
    lon: float | None
    row: int | None = None
    col: int | None = None
    #: its tile's label on the tile map ("GD"); the grid lives here and only here
    tile: str | None = None
    members: tuple[str, ...] = ()
    #: True on the preferred reading of a name several entries share (Suzhou -> Jiangsu's).
    preferred: bool = False
    adcode: str | None = None

    @property
    def is_provincial(self) -> bool:
        return self.level in PROVINCIAL_LEVELS


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy (an industry or policy area)."""

    id: str
    name: str
    description: str
    aliases: tuple[str, ...]
    # aliases that are also everyday words ("trade", "port", "AI"): they tag the theme only
    # where they are the topic of a statement (extract/themes.py decides where)
    generic: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A mention found in a text: ``text[start:end] == match.text``.

    For regions ``ids`` are the candidate regions for that surface form, preferred first
    (exactly one unless the name is ambiguous).  For themes ``ids`` are all themes the
    phrase belongs to (usually one).
    """

    start: int
    end: int
    text: str
    ids: tuple[str, ...]


# ---------------------------------------------------------------------------------------
# shared matching machinery
# ---------------------------------------------------------------------------------------


def _is_word(ch: str) -> bool:
    """Letters and digits of alphabetic scripts delimit words; CJK characters do not
    (Chinese has no spaces, so a Chinese alias may sit right next to other Chinese)."""
    return (ch.isalnum() or ch == "_") and ch < "\u2e80"


def _add(automaton: Any, key: str, ids: tuple[str, ...]) -> None:
    automaton.add_word(key, (len(key), _is_word(key[0]), _is_word(key[-1]), ids))


def _candidates(automaton: Any, haystack: str, out: list, offset_map=None) -> None:
    """Append (start, end, ids) for every word-bounded hit of ``automaton`` in ``haystack``.

    ``offset_map`` maps positions in ``haystack`` back to the original text."""
    n = len(haystack)
    for end_idx, (length, check_left, check_right, ids) in automaton.iter(haystack):
        start = end_idx - length + 1
        end = end_idx + 1
        if check_left and start > 0 and _is_word(haystack[start - 1]):
            continue
        if check_right and end < n and _is_word(haystack[end]):
            continue
        if offset_map is not None:
            start, end = offset_map(start), offset_map(end - 1) + 1
        out.append((start, end, ids))


def _leftmost_longest(cands: list) -> list:
    """Non-overlapping selection: earliest start wins, then the longest match."""
    cands.sort(key=lambda c: (c[0], -c[1]))
    chosen = []
    last_end = -1
    for c in cands:
        if c[0] >= last_end:
            chosen.append(c)
            last_end = c[1]
    return chosen


#: what scraped text writes for the apostrophe in a name ("Xi’an", and "Xi‘an" as well)
_APOSTROPHES = ("'", "\u2019", "\u2018", "\u02bc")


def _apostrophe_variants(key: str) -> set[str]:
    out = {key}
    for a in _APOSTROPHES:
        if a in key:
            out.update(key.replace(a, b) for b in _APOSTROPHES)
    return out


# ---------------------------------------------------------------------------------------
# loading and validation
# ---------------------------------------------------------------------------------------

_CACHE: dict[tuple[str, str, int, int], Any] = {}


def _default_path(name: str) -> Any:
    return resources.files("generator").joinpath("data", name)


def _load_cached(kind: str, path: str | Path | None, default: str, build) -> Any:
    with ExitStack() as stack:
        if path is None:
            real = stack.enter_context(resources.as_file(_default_path(default)))
        else:
            real = Path(path)
        try:
            resolved = real.resolve()
            st = resolved.stat()
        except OSError as exc:
            raise ReferenceDataError(f"{kind} file {path or real}: cannot read: {exc}") from exc
        key = (kind, str(resolved), st.st_mtime_ns, st.st_size)
        hit = _CACHE.get(key)
        if hit is not None:
            return hit
        try:
            raw = resolved.read_bytes()
        except OSError as exc:
            raise ReferenceDataError(f"{kind} file {resolved}: cannot read: {exc}") from exc
        obj = build(raw, str(resolved))
        _CACHE[key] = obj
        return obj


#: Bounds for a user-supplied gazetteer / taxonomy (the packaged gazetteer is ~70 KB).
MAX_REFERENCE_BYTES = 32 << 20
MAX_REFERENCE_DEPTH = 16


def _parse_yaml(raw: bytes, source: str, kind: str, top_key: str) -> Mapping:
    # the bounded loader (generator.safeyaml): a user's file is input like any other, so an
    # alias bomb in it is refused instead of exhausting memory
    try:
        data = safeyaml.load(raw.decode("utf-8"), max_bytes=MAX_REFERENCE_BYTES,
                             max_depth=MAX_REFERENCE_DEPTH)
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(f"{kind} file {source}: not UTF-8: {exc}") from exc
    except safeyaml.YamlError as exc:
        raise ReferenceDataError(f"{kind} file {source}: {exc}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get(top_key), list):
        raise ReferenceDataError(
            f"{kind} file {source}: expected a mapping with a list under {top_key!r}")
    if not data[top_key]:
        raise ReferenceDataError(f"{kind} file {source}: {top_key!r} is empty")
    _check_schema(data, source, kind, top_key)
    return data


def _check_schema(data: Mapping, source: str, kind: str, top_key: str) -> None:
    """Validate a reference file against ``generator/data/<kind>.schema.json``, the one
    description of its shape: the first error (in key order, so the message is the same on
    every run) becomes ``gazetteer file x.yaml: regions[3].parent: expected text, got 5``."""
    if schemas.is_valid(f"{kind}.schema.json", data):
        return
    errors = sorted(schemas.validator(f"{kind}.schema.json").iter_errors(data),
                    key=lambda e: ([str(p) for p in e.absolute_path], str(e.validator)))
    if not errors:
        return
    err = errors[0]
    path = list(err.absolute_path)
    where = safeyaml.key_path(path)
    if len(path) >= 2 and path[0] == top_key and isinstance(path[1], int):
        entry = data[top_key][path[1]]
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            where = f"{safeyaml.key_path(path[:2])} (id {entry['id']!r})" + \
                safeyaml.key_path(["x", *path[2:]])[1:]
    raise ReferenceDataError(f"{kind} file {source}: {where}: {schemas.explain(err)}")


class _EntryChecker:
    """Type checks for one YAML entry, with errors that name the file and the entry."""

    def __init__(self, kind: str, source: str, top_key: str, index: int, entry: Any):
        self.where = f"{kind} file {source}: {top_key}[{index}]"
        if not isinstance(entry, Mapping):
            self.fail(f"expected a mapping, got {type(entry).__name__}")
        if isinstance(entry.get("id"), str):
            self.where += f" (id {entry['id']!r})"
        self.entry = entry

    def fail(self, msg: str):
        raise ReferenceDataError(f"{self.where}: {msg}")

    def str_(self, key: str, *, optional: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty string, got {value!r}")
        return value

    def slug(self, key: str, *, optional: bool = False) -> str | None:
        value = self.str_(key, optional=optional)
        if value is not None and not _SLUG.match(value):
            self.fail(f"{key!r} must be a lower-case slug like 'inner-mongolia', got {value!r}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.fail(f"{key!r} must be a list of non-empty strings")
        return tuple(value)

    def number(self, key: str, lo: float, hi: float) -> float | None:
        value = self.entry.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not (
                math.isfinite(value) and lo <= value <= hi):
            self.fail(f"{key!r} must be a number in [{lo}, {hi}], got {value!r}")
        return float(value)

    def integer(self, key: str) -> int | None:
        value = self.entry.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(f"{key!r} must be a non-negative integer, got {value!r}")
        return value


# ---------------------------------------------------------------------------------------
# gazetteer
# ---------------------------------------------------------------------------------------

#: Trailing words that texts often write in lower case ("Pearl River delta", "Jilin city").
_GENERIC_WORDS = {"River", "Delta", "Area", "Bay", "Region", "Economic", "Circle", "Belt",
                  "City", "Province", "Prefecture", "League", "Autonomous", "Special",
                  "Administrative", "Municipality", "Twin-City", "Zone", "New"}


def _region_surface_forms(key: str) -> set[str]:
    forms = {key}
    words = key.split(" ")
    k = 0
    while k < len(words) - 1 and words[len(words) - 1 - k] in _GENERIC_WORDS:
        k += 1
        forms.add(" ".join(words[:-k] + [w.lower() for w in words[-k:]]))
    # ALL-CAPS for datelines ("BEIJING --"), but not for short names whose capitals are
    # common acronyms (ILI, DALI)
    forms |= {f.upper() for f in forms if len(f) >= 5}
    return {v for f in forms for v in _apostrophe_variants(f)}


class Gazetteer:
    """All known regions, with lookup helpers and a fast name matcher."""

    def __init__(self, regions: Iterable[Region], *, source: str = "<memory>",
                 sha256: str = ""):
        self.regions: dict[str, Region] = {}
        for r in regions:
            if r.id in self.regions:
                raise ReferenceDataError(f"gazetteer {source}: duplicate id {r.id!r}")
            self.regions[r.id] = r
        self.source = source
        self.sha256 = sha256
        self._children: dict[str, list[Region]] = {}
        for r in self.regions.values():
            if r.parent is not None:
                self._children.setdefault(r.parent, []).append(r)
        for kids in self._children.values():
            kids.sort(key=lambda r: r.id)
        self._automaton = self._build_automaton()
        self._closest_keys: dict[str, str] = {}
        for r in self.regions.values():
            self._closest_keys.setdefault(r.id, r.id)
            self._closest_keys.setdefault(r.name.lower(), r.id)

    def _build_automaton(self) -> Any:
        owners: dict[str, set[str]] = {}
        for r in self.regions.values():
            for key in (r.name, r.name_zh, *r.aliases):
                if key:
                    for form in _region_surface_forms(key.strip()):
                        owners.setdefault(form, set()).add(r.id)
        rank = {level: i for i, level in enumerate(LEVELS)}

        def order(rid: str) -> tuple:
            r = self.regions[rid]
            return (not r.preferred, rank.get(r.level, len(rank)), rid)

        automaton = ahocorasick.Automaton()
        for key, ids in owners.items():
            _add(automaton, key, tuple(sorted(ids, key=order)))
        automaton.make_automaton()
        return automaton

    def __len__(self) -> int:
        return len(self.regions)

    def __contains__(self, region_id: object) -> bool:
        return region_id in self.regions

    def get(self, region_id: str) -> Region | None:
        return self.regions.get(region_id)

    def children(self, region_id: str) -> list[Region]:
        """Entries whose parent is ``region_id`` (provinces and economic regions of the
        country, cities of a province), sorted by id."""
        return list(self._children.get(region_id, ()))

    def province_of(self, region_id: str) -> str | None:
        """The provincial-level division a region belongs to: a city's parent, a
        province itself; None for the country, economic regions and unknown ids."""
        region = self.regions.get(region_id)
        while region is not None:
            if region.level in PROVINCIAL_LEVELS:
                return region.id
            if region.level != "city" or region.parent is None:
                return None
            region = self.regions.get(region.parent)
        return None

    def provinces(self) -> list[Region]:
        """The provincial-level divisions, sorted by id."""
        return sorted((r for r in self.regions.values() if r.is_provincial), key=lambda r: r.id)

    def closest(self, region_id: str, n: int = 3) -> list[str]:
        """Ids resembling ``region_id`` (by id or name), for "did you mean" messages."""
        hits = difflib.get_close_matches(region_id.lower(), list(self._closest_keys), n=n * 3,
                                         cutoff=0.6)
        out: list[str] = []
        for h in hits:
            rid = self._closest_keys[h]
            if rid not in out:
                out.append(rid)
        return out[:n]

    def find(self, text: str) -> list[Match]:
        """Every region mention in ``text``: word-bounded, leftmost-longest, non-overlapping."""
        cands: list = []
        _candidates(self._automaton, text, cands)
        return [Match(s, e, text[s:e], ids) for s, e, ids in _leftmost_longest(cands)]


def _region_from_entry(chk: _EntryChecker) -> Region:
    level = chk.str_("level")
    if level not in LEVELS:
        chk.fail(f"'level' must be one of {', '.join(LEVELS)}, got {level!r}")
    preferred = chk.entry.get("ambiguous_alias_preferred", False)
    if not isinstance(preferred, bool):
        chk.fail("'ambiguous_alias_preferred' must be true or false")
    adcode = chk.entry.get("adcode")
    return Region(
        id=chk.slug("id"),
        name=chk.str_("name"),
        name_zh=chk.str_("name_zh", optional=True),
        aliases=chk.strings("aliases"),
        level=level,
        parent=chk.slug("parent", optional=True),
        lat=chk.number("lat", -90, 90),
        lon=chk.number("lon", -180, 180),
        row=chk.integer("row"),
        col=chk.integer("col"),
        tile=chk.str_("tile", optional=True),
        members=chk.strings("members"),
        preferred=preferred,
        adcode=str(adcode) if adcode is not None else None,
    )


def _build_gazetteer(raw: bytes, source: str) -> Gazetteer:
    kind = "gazetteer"
    entries = _parse_yaml(raw, source, kind, "regions")["regions"]
    regions: list[Region] = []
    checkers: dict[str, _EntryChecker] = {}
    cells: dict[tuple[int, int], str] = {}
    for i, entry in enumerate(entries):
        chk = _EntryChecker(kind, source, "regions", i, entry)
        region = _region_from_entry(chk)
        if region.id in checkers:
            chk.fail(f"duplicate id (first defined at {checkers[region.id].where})")
        if (region.row is None) != (region.col is None):
            chk.fail("'row' and 'col' must be given together")
        if region.row is not None:
            cell = (region.row, region.col)
            if cell in cells:
                chk.fail(f"tile cell {cell} already used by {cells[cell]!r}")
            cells[cell] = region.id
        checkers[region.id] = chk
        regions.append(region)
    for region in regions:
        chk = checkers[region.id]
        if region.parent is not None and region.parent not in checkers:
            chk.fail(f"unknown parent {region.parent!r}")
        if region.parent == region.id:
            chk.fail("a region cannot be its own parent")
        for member in region.members:
            if member not in checkers:
                chk.fail(f"unknown member {member!r}")
    return Gazetteer(regions, source=source, sha256=hashlib.sha256(raw).hexdigest())


def load_gazetteer(path: str | Path | Gazetteer | None = None) -> Gazetteer:
    """Load (and cache, per resolved path and mtime) a gazetteer; None = the packaged one.

    Raises ReferenceDataError naming the file and the entry when the file is malformed."""
    if isinstance(path, Gazetteer):  # tolerate callers passing an already-loaded object
        return path
    return _load_cached("gazetteer", path, "gazetteer.yaml", _build_gazetteer)


# ---------------------------------------------------------------------------------------
# taxonomy
# ---------------------------------------------------------------------------------------

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_NORMALISE = str.maketrans(
    {**{c: " " for c in _DASHES + "\t\n\r\f\v\u00a0\u2009\u202f\u3000"},
     "\u2019": "'", "\u2018": "'"})
_SPACE_RUNS = re.compile(r" {2,}")


def _normalise_key(alias: str) -> str:
    return _SPACE_RUNS.sub(" ", alias.lower().translate(_NORMALISE)).strip()


def _normalise_text(text: str):
    """Lower-case, dashes/odd spaces -> " ", runs of spaces collapsed.

    Returns the normalised string and a function mapping its positions to ``text``'s
    (None when the mapping is the identity, the common case)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.translate(_NORMALISE)
    if "  " not in low:
        return low, None
    breaks: list[int] = []
    shifts: list[int] = []
    removed = 0
    for m in _SPACE_RUNS.finditer(low):
        breaks.append(m.start() - removed + 1)
        removed += m.end() - m.start() - 1
        shifts.append(removed)

    def to_original(pos: int) -> int:
        i = bisect.bisect_right(breaks, pos) - 1
        return pos + (shifts[i] if i >= 0 else 0)

    return _SPACE_RUNS.sub(" ", low), to_original


def is_acronym(alias: str) -> bool:
    """ALL-CAPS or mixed-case acronyms (AI, NEVs, R&D, 5G, eVTOL, C919) match
    case-sensitively; everything else case-insensitively."""
    if any(c.isspace() for c in alias):
        return False
    upper = sum(c.isupper() for c in alias)
    return upper >= 2 or (upper >= 1 and any(c.isdigit() for c in alias))


def _plural(word: str) -> str | None:
    """English plural of a (last) word, or None when it already looks plural."""
    if not word or not word[-1].isalpha():
        return None
    if word[-1].isupper():  # acronyms: NEV -> NEVs, LLM -> LLMs
        return word + "s"
    if word.endswith("s"):
        return None
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _theme_surface_forms(alias: str) -> set[str]:
    """An alias, its plural, and for hyphenated compounds the closed-up form
    ("bio-manufacturing" -> "biomanufacturing")."""
    forms = {alias}
    if "-" in alias and not is_acronym(alias):
        forms.add(re.sub(r"(?<=\w)-(?=\w)", "", alias))
    for f in list(forms):
        head, _, last = f.rpartition(" ")
        plural = _plural(last)
        if plural:
            forms.add(f"{head} {plural}" if head else plural)
    return forms


class Taxonomy:
    """The theme taxonomy with a fast alias matcher."""

    def __init__(self, themes: Iterable[Theme], *, stop_phrases: Iterable[str] = (),
                 source: str = "<memory>", sha256: str = ""):
        self.themes: dict[str, Theme] = {}
        for t in themes:
            if t.id in self.themes:
                raise ReferenceDataError(f"taxonomy {source}: duplicate id {t.id!r}")
            self.themes[t.id] = t
        self.source = source
        self.sha256 = sha256
        folded: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        # (theme id, surface key) of every generic alias form: exact forms for acronyms,
        # normalised keys otherwise, as the two automatons see them
        self._generic: set[tuple[str, str]] = set()
        for t in self.themes.values():
            unknown = set(t.generic) - set(t.aliases)
            if unknown:
                raise ReferenceDataError(
                    f"taxonomy {source}: theme {t.id!r}: generic {sorted(unknown)} "
                    "are not among its aliases")
            for alias in t.generic:
                for form in _theme_surface_forms(alias.strip()):
                    self._generic.update((t.id, v) for v in (
                        _apostrophe_variants(form) if is_acronym(alias.strip())
                        else {_normalise_key(form)}))
            for alias in (t.name, *t.aliases):
                alias = alias.strip()
                if is_acronym(alias):
                    for form in _theme_surface_forms(alias):
                        for v in _apostrophe_variants(form):
                            ids = exact.setdefault(v, [])
                            if t.id not in ids:
                                ids.append(t.id)
                else:
                    for form in _theme_surface_forms(alias):
                        key = _normalise_key(form)
                        if key:
                            ids = folded.setdefault(key, [])
                            if t.id not in ids:
                                ids.append(t.id)
        # stop phrases ("blue chip") are matched like aliases, with no theme, so the leftmost-
        # longest selection lets them swallow the alias inside them; find() then drops them
        self.stop_phrases = tuple(stop_phrases)
        for phrase in self.stop_phrases:
            for form in _theme_surface_forms(phrase.strip()):
                key = _normalise_key(form)
                if folded.get(key):
                    raise ReferenceDataError(
                        f"taxonomy {source}: stop phrase {phrase!r} is also an alias of "
                        f"{', '.join(folded[key])}")
                folded[key] = []
        self._folded = self._automaton(folded)
        self._exact = self._automaton(exact)

    @staticmethod
    def _automaton(keys: dict[str, list[str]]) -> Any:
        automaton = ahocorasick.Automaton()
        for key, ids in keys.items():
            _add(automaton, key, tuple(ids))
        if keys:
            automaton.make_automaton()
        return automaton if keys else None

    def __len__(self) -> int:
        return len(self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self.themes

    def get(self, theme_id: str) -> Theme | None:
        return self.themes.get(theme_id)

    def closest(self, theme_id: str, n: int = 3) -> list[str]:
        """Theme ids resembling ``theme_id``, for "did you mean" messages."""
        keys = {t.id: t.id for t in self.themes.values()}
        keys.update({t.name.lower(): t.id for t in self.themes.values()})
        out: list[str] = []
        for h in difflib.get_close_matches(theme_id.lower(), list(keys), n=n * 3, cutoff=0.6):
            if keys[h] not in out:
                out.append(keys[h])
        return out[:n]

    def is_generic(self, theme_id: str, surface: str) -> bool:
        """Whether ``surface`` (a match's text) is one of ``theme_id``'s generic aliases."""
        return ((theme_id, surface) in self._generic
                or (theme_id, _normalise_key(surface)) in self._generic)

    def find(self, text: str) -> list[Match]:
        """Every theme mention in ``text``: word-bounded, leftmost-longest, non-overlapping."""
        cands: list = []
        if self._folded is not None:
            norm, to_original = _normalise_text(text)
            _candidates(self._folded, norm, cands, to_original)
        if self._exact is not None:
            _candidates(self._exact, text, cands)
        return [Match(s, e, text[s:e], ids) for s, e, ids in _leftmost_longest(cands) if ids]


def _build_taxonomy(raw: bytes, source: str) -> Taxonomy:
    kind = "taxonomy"
    data = _parse_yaml(raw, source, kind, "themes")
    entries = data["themes"]
    themes: list[Theme] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries):
        chk = _EntryChecker(kind, source, "themes", i, entry)
        theme = Theme(id=chk.slug("id"), name=chk.str_("name"),
                      description=chk.str_("description"), aliases=chk.strings("aliases"),
                      generic=chk.strings("generic"))
        if theme.id in seen:
            chk.fail(f"duplicate id (first defined at {seen[theme.id]})")
        seen[theme.id] = chk.where
        themes.append(theme)
    stop = data.get("stop_phrases") or []
    if not isinstance(stop, list) or not all(isinstance(p, str) and p.strip() for p in stop):
        raise ReferenceDataError(
            f"{kind} file {source}: 'stop_phrases' must be a list of non-empty strings")
    return Taxonomy(themes, stop_phrases=stop, source=source,
                    sha256=hashlib.sha256(raw).hexdigest())


def load_taxonomy(path: str | Path | Taxonomy | None = None) -> Taxonomy:
    """Load (and cache, per resolved path and mtime) a taxonomy; None = the packaged one.

    Raises ReferenceDataError naming the file and the entry when the file is malformed."""
    if isinstance(path, Taxonomy):
        return path
    return _load_cached("taxonomy", path, "taxonomy.yaml", _build_taxonomy)


def data_version(gazetteer: Gazetteer, taxonomy: Taxonomy) -> str:
    """A digest of both reference files' contents: part of every cache key, so that
    editing either file invalidates extractions made with the old data."""
    return hashlib.sha256(f"{gazetteer.sha256}:{taxonomy.sha256}".encode()).hexdigest()
