"""YAML front matter: an editor's way to state metadata the text does not give.

A ``.md``/``.txt`` file may open with::

    ---
    title: Guangdong bets on AI
    date: 2025-01-27
    source: China Daily
    authors: [Wang Xiaoyu, Li Qiao]
    url: https://example.com/a
    language: en
    ---

Values found here always win over anything guessed from the text, so they are parsed
strictly: broken YAML is an error that names the line, not something silently ignored.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from .. import safeyaml
from ..schemas import explain, validator
from .metadata import parse_date, split_names

__all__ = ["FrontMatterError", "front_matter_fields", "split_front_matter"]

#: Front matter is a few lines of metadata; anything bigger is not what an editor wrote.
MAX_FRONT_MATTER_BYTES = 256 * 1024

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class FrontMatterError(ValueError):
    """Front matter present but unusable; the message is the skip reason."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return ``(mapping, body)``; ``({}, text)`` when the text has no front matter.

    Front matter must start on the very first line with ``---`` and end with a ``---`` (or
    ``...``) line.  YAML errors are reported with the line number in the *file* (the
    opening ``---`` is line 1), so an editor can jump straight to it.
    """
    opening = _OPEN.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise FrontMatterError("front matter opened with '---' on line 1 is never closed")
    block = text[opening.end():closing.start()]
    body = text[closing.end():].lstrip("\n")
    try:
        # aliases refused, size and depth bounded, dates kept as strings (see safeyaml)
        data = safeyaml.load(block, max_bytes=MAX_FRONT_MATTER_BYTES, line_offset=1)
    except safeyaml.YamlError as exc:
        raise FrontMatterError(str(exc).replace("YAML", "YAML front matter", 1)
                               if str(exc).startswith("invalid YAML")
                               else f"front matter: {exc}") from None
    if data is None:
        return {}, body
    if not isinstance(data, Mapping):
        raise FrontMatterError(
            f"front matter is not a key: value mapping (got {type(data).__name__})"
        )
    return {str(k): v for k, v in data.items()}, body



# Accepted spellings for each Document field.
_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate"),
    "source": ("source", "publisher"),
    "authors": ("authors", "author", "byline"),
    "url": ("url", "link", "canonical_url"),
    "language": ("language", "lang"),
    "dateline": ("dateline",),
}


def front_matter_fields(front: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise the recognised front-matter keys to Document field types.

    Only keys present in ``front`` appear in the result.

    Dates may be YAML dates, datetimes or strings in any format :func:`parse_date` reads;
    authors may be a string ("A and B", "A, B") or a list.  An explicit ``null`` is kept as
    ``None`` so an editor can blank a wrongly guessed value.  A date that cannot be read
    raises FrontMatterError: the editor asked for something we cannot honour.
    """
    out: dict[str, Any] = {}
    lowered = {k.lower(): v for k, v in front.items()}
    _check_schema(lowered)
    for field, keys in _KEYS.items():
        key = next((k for k in keys if k in lowered), None)
        if key is None:
            continue
        value = lowered[key]
        if field == "date":
            out["date"] = _front_date(value)
        elif field == "authors":
            out["authors"] = _front_authors(value)
        elif value is None:
            out[field] = None
        else:
            text = _scalar_text(value, key).strip()
            out[field] = text or None
    return out


def _check_schema(front: Mapping[str, Any]) -> None:
    """The first value of a wrong type, by ``data/front_matter.schema.json`` (the one
    description of the metadata keys), as a FrontMatterError naming its key."""
    errors = sorted(validator("front_matter.schema.json").iter_errors(dict(front)),
                    key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        err = errors[0]
        key = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        raise FrontMatterError(f"front matter {key}: {explain(err)}")


def _scalar_text(value: Any, key: str) -> str:
    """A scalar as text; a list or mapping where text is expected is the editor's mistake,
    not something to print as ``['a', 'b']``."""
    if isinstance(value, float) and not math.isfinite(value):
        raise FrontMatterError(f"front matter {key}: expected text, got {value!r}")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    raise FrontMatterError(
        f"front matter {key}: expected text, got {_kind(value)} {_short(value)}")


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _front_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise FrontMatterError(
            f"front matter date: expected a date (YYYY-MM-DD), got {_kind(value)} {_short(value)}")
    iso = parse_date(value)
    if iso is None:
        raise FrontMatterError(f"front matter date {str(value)!r} is not a date")
    return iso


def _front_authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(split_names(value))
    if isinstance(value, list | tuple):
        return tuple(t for t in (_scalar_text(v, "authors").strip() for v in value
                                 if v is not None) if t)
    return (_scalar_text(value, "authors").strip(),)
