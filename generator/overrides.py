"""Editor overrides: corrections an editor keeps beside the article.

A sidecar ``<article stem>.override.yaml`` (or the same keys in the article's front
matter) may set any metadata field and add or remove regions, themes and figures::

    title: Guangdong bets on chips          # any of title, date, source, authors,
    date: 2025-01-16                        # url, dateline, language, summary
    regions: {add: [shenzhen], remove: [china]}
    themes:  {add: [robotics], remove: [consumption]}
    figures:
      add:
        - {indicator: gdp-growth-target, region: guangdong, year: 2025, value: 5,
           unit: percent, qualifier: around, text: around 5 percent, sentence: 3}
      remove:
        - {sentence: 12, text: 43 percent}  # every given key must match
      confirm:                              # an editor checked a low-confidence figure
        - {sentence: 4, text: 6.5 percent, indicator: gdp-growth-target, region: sanya}

``figures.confirm`` takes patterns like ``remove`` (every given key must match; keys are
figure keys) and sets ``confidence: high`` on the figures they match, which moves them from
the site's Needs review page into its headline tables and charts; their ``rule`` gets
``; editor:confirmed``. The Needs review page prints the exact ``confirm`` and ``remove``
entry of each low-confidence figure. Order: remove, then confirm, then add.

Overrides are applied after extraction, so re-running the extractor never loses
them, and they are validated: an unknown key, region or theme id is an
:class:`OverrideError` naming the file, the key and the closest valid ids. Types are
checked first against ``generator/data/override.schema.json`` (so ``sentences: [abc]``
is ``regions.add[0].sentences[0]: expected an integer``, not a crash), dates must be real
dates, numbers finite, and every cited sentence must exist in the article.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import stat
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from . import safeyaml
from .ingest.metadata import parse_date
from .record import FIGURE_KEYS, METADATA_KEYS, OPTIONAL_FIGURE_KEYS, normalise
from .reference import Gazetteer, Taxonomy
from .schemas import explain, validator

LIST_KEYS = ("regions", "themes", "figures")
OVERRIDE_SUFFIX = ".override.yaml"
#: An override file is a few corrections; a bigger one is refused before it is parsed.
MAX_OVERRIDE_BYTES = 1 << 20


class OverrideError(ValueError):
    """An override that cannot be applied; the message names file and key."""

    def __init__(self, file: str, key: str, message: str) -> None:
        super().__init__(f"{file}: override {key}: {message}")
        self.file, self.key, self.message = file, key, message


def sidecar_path(article: Path) -> Path:
    """``seeds/x.txt`` -> ``seeds/x.override.yaml``."""
    return article.with_name(article.stem + OVERRIDE_SUFFIX)


def load_sidecar(path: Path, display: str) -> dict[str, Any]:
    """Parse an override file; an unreadable or non-mapping file is an error.

    Only a regular file is opened (a FIFO named ``x.override.yaml`` would block the read
    forever), its size is checked before reading, and it goes through the bounded loader.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise OverrideError(display, "(file)", "cannot be read: not a regular file")
        if info.st_size > MAX_OVERRIDE_BYTES:
            raise OverrideError(display, "(file)", f"too large ({info.st_size:,} bytes > "
                                f"{MAX_OVERRIDE_BYTES:,} bytes limit)")
        data = safeyaml.load(path.read_text("utf-8"), max_bytes=MAX_OVERRIDE_BYTES)
    except (OSError, UnicodeDecodeError, safeyaml.YamlError) as exc:
        raise OverrideError(display, "(file)", f"cannot be read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise OverrideError(display, "(file)", "must be a mapping of keys to values")
    return data


def from_front_matter(front_matter: dict[str, Any]) -> dict[str, Any]:
    """The override keys an article's front matter carries (metadata is applied by ingest)."""
    return {k: front_matter[k] for k in ("summary", *LIST_KEYS) if k in front_matter}


def _closest(ids: list[str], wanted: str, n: int = 3) -> str:
    import difflib

    near = difflib.get_close_matches(wanted, ids, n=n, cutoff=0.5)
    return f"; closest valid ids: {', '.join(near)}" if near else ""


def _ids(items: Any, file: str, key: str) -> list[tuple[str, dict]]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise OverrideError(file, key, "must be a list")
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((item, {}))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            out.append((item["id"], item))
        else:
            raise OverrideError(
                file, key, f"entries must be ids or mappings with an id, got {item!r}"
            )
    return out


def _section(data: Any, file: str, key: str, ops: tuple[str, ...] = ("add", "remove")) -> dict:
    if not isinstance(data, dict) or set(data) - set(ops):
        names = " and/or ".join(f"'{op}'" for op in ops)
        raise OverrideError(file, key, f"must be a mapping with {names}")
    return data


#: what a figure pattern (figures.remove, figures.confirm) may match on
PATTERN_KEYS = (*FIGURE_KEYS, *OPTIONAL_FIGURE_KEYS)
CONFIRMED_RULE = "editor:confirmed"


def _patterns(items: Any, file: str, key: str) -> list[dict[str, Any]]:
    """Validated figure patterns: non-empty mappings of figure keys; a sentence is a number."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise OverrideError(file, key, f"must be a list of figure patterns, got {items!r}")
    for pattern in items:
        if not isinstance(pattern, dict) or not pattern:
            raise OverrideError(file, key, f"entries must be non-empty mappings, got {pattern!r}")
        bad = sorted(set(pattern) - set(PATTERN_KEYS))
        if bad:
            raise OverrideError(
                file, key, f"unknown figure key {bad[0]!r}{_closest(list(PATTERN_KEYS), bad[0])}"
                .replace("ids", "keys"))
        sentence = pattern.get("sentence")
        if "sentence" in pattern and (isinstance(sentence, bool) or not isinstance(sentence, int)
                                      or sentence < 1):
            raise OverrideError(file, key, f"sentence must be a sentence number (1, 2, ...), "
                                f"got {sentence!r}")
    return items


@cache
def _schema_validator() -> jsonschema.protocols.Validator:
    """The override schema, compiled once (it is package data: the same for every run)."""
    return validator("override.schema.json")


def check_types(override: dict[str, Any], file: str) -> None:
    """Raise :class:`OverrideError` for the first value of the wrong type, NaN/infinite number
    or impossible date, naming its key path (``regions.add[0].sentences[0]``)."""
    for path, value in safeyaml.non_finite(override):
        raise OverrideError(file, safeyaml.key_path(path), f"expected a finite number, got {value}")
    errors = sorted(_schema_validator().iter_errors(override),
                    key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if errors:
        err = jsonschema.exceptions.best_match([errors[0]])
        raise OverrideError(file, safeyaml.key_path(err.absolute_path), explain(errors[0]))
    date = override.get("date")
    if isinstance(date, str) and date.strip() and parse_date(date) is None:
        raise OverrideError(file, "date", f"{date!r} is not a date (expected YYYY-MM-DD)")


def _check_sentences(numbers: list[int], count: int, file: str, key: str) -> None:
    """A citation must point at a sentence the article has (``#s99999`` would dangle)."""
    for i, n in enumerate(numbers):
        if n > count:
            raise OverrideError(file, key if key.endswith(".sentence") else f"{key}[{i}]",
                                f"sentence {n} does not exist (the article has {count} "
                                "sentences)")


def _matches(figure: dict, pattern: dict) -> bool:
    return all(figure.get(k) == v for k, v in pattern.items())


def apply(
    record: dict, override: dict[str, Any], *, file: str, gazetteer: Gazetteer, taxonomy: Taxonomy
) -> dict:
    """A copy of *record* with *override* applied; raises :class:`OverrideError`."""
    unknown = {str(k) for k in override} - set(METADATA_KEYS) - set(LIST_KEYS)
    if unknown:
        valid = sorted(set(METADATA_KEYS) | set(LIST_KEYS))
        key = sorted(unknown)[0]
        raise OverrideError(file, key, f"unknown key{_closest(valid, key).replace('ids', 'keys')}")
    check_types(override, file)
    count = len(record.get("sentences", []))
    out = copy.deepcopy(record)
    for key in METADATA_KEYS:
        if key not in override:
            continue
        value = override[key]
        if key == "date" and isinstance(value, dt.date):
            value = value.isoformat()
        elif key == "date" and isinstance(value, str):
            value = parse_date(value) if value.strip() else None
        if key == "authors" and isinstance(value, str):
            value = [value]
        out[key] = value
    if "regions" in override:
        sec = _section(override["regions"], file, "regions")
        valid = sorted(gazetteer.regions)
        for rid, _ in _ids(sec.get("remove"), file, "regions.remove") + _ids(
            sec.get("add"), file, "regions.add"
        ):
            if rid not in gazetteer.regions:
                raise OverrideError(
                    file, "regions", f"unknown region id {rid!r}{_closest(valid, rid)}"
                )
        removed = {rid for rid, _ in _ids(sec.get("remove"), file, "regions.remove")}
        out["regions"] = [r for r in out["regions"] if r["id"] not in removed]
        for i, (rid, item) in enumerate(_ids(sec.get("add"), file, "regions.add")):
            _check_sentences(item.get("sentences", []), count, file,
                             f"regions.add[{i}].sentences")
            if any(r["id"] == rid for r in out["regions"]):
                continue
            region = gazetteer.regions[rid]
            out["regions"].append(
                {
                    "id": rid,
                    "name": region.name,
                    "name_zh": region.name_zh,
                    "level": region.level,
                    "parent": region.parent,
                    "mentions": 0,
                    "roles": ["subject"],
                    "sentences": sorted(int(s) for s in item.get("sentences", [])),
                }
            )
    if "themes" in override:
        sec = _section(override["themes"], file, "themes")
        valid = sorted(taxonomy.themes)
        for tid, _ in _ids(sec.get("remove"), file, "themes.remove") + _ids(
            sec.get("add"), file, "themes.add"
        ):
            if tid not in taxonomy.themes:
                raise OverrideError(
                    file, "themes", f"unknown theme id {tid!r}{_closest(valid, tid)}"
                )
        removed = {tid for tid, _ in _ids(sec.get("remove"), file, "themes.remove")}
        out["themes"] = [t for t in out["themes"] if t["id"] not in removed]
        for c in out["commitments"]:
            c["themes"] = [t for t in c["themes"] if t not in removed]
        for f in out["figures"]:
            if f["theme"] in removed:
                f["theme"] = None
        for i, (tid, item) in enumerate(_ids(sec.get("add"), file, "themes.add")):
            _check_sentences(item.get("sentences", []), count, file,
                             f"themes.add[{i}].sentences")
            for j, rid in enumerate(item.get("regions", [])):
                if rid not in gazetteer.regions:
                    raise OverrideError(
                        file, f"themes.add[{i}].regions[{j}]",
                        f"unknown region id {rid!r}{_closest(sorted(gazetteer.regions), rid)}")
            if any(t["id"] == tid for t in out["themes"]):
                continue
            out["themes"].append(
                {
                    "id": tid,
                    "name": taxonomy.themes[tid].name,
                    "mentions": 0,
                    "regions": list(item.get("regions", [])),
                    "sentences": sorted(int(s) for s in item.get("sentences", [])),
                }
            )
    if "figures" in override:
        sec = _section(override["figures"], file, "figures", ("add", "remove", "confirm"))
        removes = sec.get("remove") or []
        adds = sec.get("add") or []
        if not isinstance(removes, list) or not isinstance(adds, list):
            raise OverrideError(file, "figures", "'add' and 'remove' must be lists")
        for pattern in _patterns(removes, file, "figures.remove"):
            out["figures"] = [f for f in out["figures"] if not _matches(f, pattern)]
        for pattern in _patterns(sec.get("confirm"), file, "figures.confirm"):
            for f in out["figures"]:
                if _matches(f, pattern) and f.get("confidence") == "low":
                    f["confidence"] = "high"
                    rule = f.get("rule")
                    f["rule"] = f"{rule}; {CONFIRMED_RULE}" if rule else CONFIRMED_RULE
        for i, fig in enumerate(adds):
            if not isinstance(fig, dict):
                raise OverrideError(file, "figures.add", "entries must be mappings")
            bad = set(fig) - set(FIGURE_KEYS)
            if bad:
                raise OverrideError(file, "figures.add", f"unknown figure key {sorted(bad)[0]!r}")
            rid = fig.get("region")
            if rid is not None and rid not in gazetteer.regions:
                raise OverrideError(
                    file,
                    "figures.add",
                    f"unknown region id {rid!r}{_closest(sorted(gazetteer.regions), rid)}",
                )
            tid = fig.get("theme")
            if tid is not None and tid not in taxonomy.themes:
                raise OverrideError(
                    file,
                    "figures.add",
                    f"unknown theme id {tid!r}{_closest(sorted(taxonomy.themes), tid)}",
                )
            full = {
                "indicator": "other",
                "region": None,
                "theme": None,
                "year": None,
                "value_max": None,
                "unit": "percent",
                "usd_value": None,
                "qualifier": "exactly",
                "subject": None,
                "text": "",
                "sentence": 1,
            }
            full.update(fig)
            _check_sentences([full["sentence"]], count, file, f"figures.add[{i}].sentence")
            for key in ("value", "value_max", "usd_value"):
                # YAML 1.1 reads "5.0e9" (no exponent sign) as a string: accept it
                if isinstance(full.get(key), str):
                    try:
                        full[key] = float(full[key].replace(",", "").replace("_", ""))
                    except ValueError:
                        raise OverrideError(file, f"figures.add[{i}].{key}",
                                            "is not a number") from None
                    if not math.isfinite(full[key]):
                        raise OverrideError(file, f"figures.add[{i}].{key}",
                                            "expected a finite number")
            out["figures"].append(full)
    out["overrides"] = file
    return normalise(out)
