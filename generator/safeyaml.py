"""The one YAML loader for everything a person writes: front matter, override sidecars and
user-supplied gazetteer / taxonomy files.

Why not ``yaml.safe_load``: "safe" there means "no arbitrary objects", not "bounded". A
430-byte document of nested aliases (``&a1 [*a0, *a0, ...]``) expands to gigabytes; a
date-like scalar that is no date (``2025-02-30``) makes the constructor raise ``ValueError``
(not ``yaml.YAMLError``), which no caller expected; ``.nan`` and ``.inf`` load as floats that
are not valid JSON. This loader:

* refuses documents larger than *max_bytes* before parsing them;
* walks the event stream first (libyaml's parser when available, so it is cheap) and refuses
  any alias (``*name``) and nesting deeper than *max_depth*, so construction is linear in the
  size of the text;
* loads timestamps as plain strings (the schema layer checks them as dates, with a message
  naming the key), so no ``date`` object is ever built from bad input;
* turns every failure into one :class:`YamlError` whose message names the line.

It has no state: the same text always gives the same result.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import yaml

__all__ = ["YamlError", "load", "non_finite", "key_path"]

_BASE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Default bounds; callers pass their own (reference data is larger than an override).
MAX_BYTES = 1 << 20
MAX_DEPTH = 32


class YamlError(ValueError):
    """A document the loader refuses; the message says why (and where, when known)."""


def _without_timestamps(base: type) -> type:
    """A loader class whose implicit resolvers never produce ``!!timestamp``."""
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    return type(f"_Strings{base.__name__}", (base,), {"yaml_implicit_resolvers": resolvers})


_LOADER = _without_timestamps(_BASE)


def _where(mark: Any, line_offset: int) -> str:
    return f" at line {mark.line + 1 + line_offset}" if mark is not None else ""


def _scan(text: str, *, max_depth: int, line_offset: int) -> None:
    """Refuse aliases and deep nesting by looking at parser events only (nothing is built)."""
    depth = 0
    for event in yaml.parse(text, Loader=_BASE):
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(
                f"aliases (*{event.anchor}) are not allowed"
                f"{_where(event.start_mark, line_offset)}: write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise YamlError(f"nested deeper than {max_depth} levels"
                                f"{_where(event.start_mark, line_offset)}")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(
    text: str,
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    line_offset: int = 0,
) -> Any:
    """Parse one YAML document under the bounds above; raise :class:`YamlError` otherwise.

    *line_offset* is added to line numbers in messages (front matter starts on line 2).
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlError(f"YAML document too large ({size:,} bytes > {max_bytes:,} bytes limit)")
    try:
        _scan(text, max_depth=max_depth, line_offset=line_offset)
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeLoader subclass
    except YamlError:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        reason = f"invalid YAML{_where(mark, line_offset)}: {problem}"
        context, cmark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and cmark is not None and mark is not None and cmark.line != mark.line:
            reason += f" ({context} started at line {cmark.line + 1 + line_offset})"
        raise YamlError(reason) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # e.g. an integer of 5,000 digits (int max str digits), an unhashable mapping key
        raise YamlError(f"invalid YAML: {exc}") from None


def key_path(path: Any) -> str:
    """``['regions', 'add', 0, 'sentences', 0]`` -> ``regions.add[0].sentences[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


def non_finite(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, float]]:
    """Every NaN or infinite number in *data*, with its key path: they are not valid JSON
    and print as "inf trillion", so the boundary rejects them wherever they appear."""
    if isinstance(data, float) and not math.isfinite(data):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from non_finite(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from non_finite(v, (*path, i))
