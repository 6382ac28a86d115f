"""JSON Schemas of what people write (override sidecars, front matter), and their errors in
an editor's words.

The schemas are package data (``generator/data/*.schema.json``), compiled once per process:
the same for every run. :func:`explain` turns a validation error into the text of a problem
line: ``expected an integer, got 'abc'``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

__all__ = ["explain", "validator"]


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """The validator of ``generator/data/<name>``."""
    text = resources.files("generator").joinpath(f"data/{name}").read_text("utf-8")
    schema = json.loads(text)
    return jsonschema.validators.validator_for(schema)(schema)


@cache
def _fast_check(name: str) -> Callable[[Any], Any]:
    """``generator/data/<name>`` compiled to Python by fastjsonschema: interpreted by
    jsonschema, the packaged gazetteer took 0.2-0.35 s to check, in the build process and
    again in each extraction worker. fastjsonschema knows draft-07, which says the
    schemas' one later keyword, `dependentRequired`, as `dependencies`; their refs are all
    local (``#/$defs/...``), so the relative ``$id`` is left out."""
    text = resources.files("generator").joinpath(f"data/{name}").read_text("utf-8")
    return fastjsonschema.compile(_as_draft_07(json.loads(text)))


def _as_draft_07(node: Any) -> Any:
    if isinstance(node, list):
        return [_as_draft_07(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("$id", "$schema"):
            continue
        out["dependencies" if key == "dependentRequired" else key] = _as_draft_07(value)
    return out


def is_valid(name: str, data: Any) -> bool:
    """Whether *data* is valid against ``generator/data/<name>`` (the quick check; explain
    an invalid file with `validator(name)`, whose errors name every failing path)."""
    try:
        _fast_check(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


_TYPE_NAMES = {"string": "text", "integer": "an integer", "number": "a number",
               "array": "a list", "object": "a mapping", "null": "nothing (null)"}


def explain(error: jsonschema.ValidationError) -> str:
    """A schema error in an editor's words: ``expected an integer, got 'abc'``."""
    best = jsonschema.exceptions.best_match([error])
    value = best.instance
    got = repr(value) if len(repr(value)) <= 60 else repr(value)[:59] + "…"
    if best.validator == "type":
        types = best.validator_value if isinstance(best.validator_value, list) else [
            best.validator_value]
        return f"expected {' or '.join(_TYPE_NAMES.get(t, t) for t in types)}, got {got}"
    if best.validator == "additionalProperties":
        return best.message.replace("Additional properties are not allowed", "unknown key")
    if best.validator in ("oneOf", "anyOf"):
        return f"unexpected value {got}"
    if best.validator == "required":
        missing = [k for k in best.validator_value if k not in (value or {})]
        return f"missing key {missing[0]!r}" if missing else best.message
    if best.validator == "enum":
        return f"expected one of {', '.join(map(str, best.validator_value))}; got {got}"
    if best.validator == "pattern" and best.validator_value == SLUG_PATTERN:
        return f"expected a lower-case slug like 'inner-mongolia', got {got}"
    if best.validator in ("minimum", "maximum"):
        op = ">=" if best.validator == "minimum" else "<="
        return f"expected a number {op} {best.validator_value}, got {got}"
    return best.message


#: The pattern of every id (region, theme) in the schemas.
SLUG_PATTERN = "^[a-z0-9][a-z0-9-]*$"
