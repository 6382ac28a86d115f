"""The record: one YAML document per article, the contract between stages.

Records are plain dicts whose keys are always in :data:`KEY_ORDER`, validated
against the JSON Schema shipped in ``generator/data/article.schema.json`` and
written as YAML by :func:`dump`, so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from . import schemas
from .ingest import Document

SCHEMA_ID = "briefing/article@1"
KEY_ORDER = (
    "schema",
    "id",
    "file",
    "sha256",
    "title",
    "date",
    "source",
    "authors",
    "url",
    "dateline",
    "language",
    "summary",
    "word_count",
    "regions",
    "themes",
    "figures",
    "commitments",
    "people",
    "sentences",
    "paragraphs",
    "overrides",
)
FIGURE_KEYS = (
    "indicator",
    "region",
    "theme",
    "year",
    "value",
    "value_max",
    "unit",
    "usd_value",
    "qualifier",
    "subject",
    "text",
    "sentence",
)
#: figure keys written only when the figure has them (growth figures: see extract/growth.py)
OPTIONAL_FIGURE_KEYS = ("period", "confidence", "rule")
METADATA_KEYS = ("title", "date", "source", "authors", "url", "dateline", "language", "summary")
SLUG_MAX = 60


#: the article JSON Schema's file name in generator/data/ (as `schemas` names schemas)
SCHEMA_NAME = "article.schema.json"


@cache
def schema() -> dict[str, Any]:
    """The article JSON Schema shipped in the package."""
    text = resources.files("generator").joinpath(f"data/{SCHEMA_NAME}").read_text("utf-8")
    return json.loads(text)


def validate(record: dict) -> list[str]:
    """Schema errors of *record*, as readable strings (empty when valid). Checked by the
    schema compiled to Python (`schemas.is_valid`, ~100x faster than interpreting it, which
    matters when every record of a 10,000-article corpus is checked on each build), and
    explained by jsonschema, whose messages name every failing path."""
    if schemas.is_valid(SCHEMA_NAME, record):
        return []
    errors = sorted(schemas.validator(SCHEMA_NAME).iter_errors(record),
                    key=lambda e: list(map(str, e.path)))
    return [f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message}" for e in errors]


def id_errors(record_id: str) -> list[str]:
    """Schema errors of an id alone: the pipeline validates each record in its worker under
    a placeholder id, then checks only the id it assigns afterwards."""
    rule = schema()["properties"]["id"]
    if len(record_id) <= rule["maxLength"] and re.match(rule["pattern"], record_id):
        return []
    return [f"id: {record_id!r} does not match {rule['pattern']} (at most {rule['maxLength']})"]


def slugify(text: str, max_len: int = SLUG_MAX) -> str:
    """ASCII slug of *text*, cut at a word boundary: stable ids and file names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0] if "-" in text[:max_len] else text[:max_len]
    return text


def base_id(title: str | None, date: str | None) -> str:
    """``<date>-<slug of title>``; ``undated-`` when the article gives no date."""
    slug = slugify(title or "") or "untitled"
    return f"{date or 'undated'}-{slug}"


def assign_ids(records: Iterable[dict]) -> dict[str, str]:
    """Map each document's ``file`` to a unique id.

    Equal base ids (same date and title) are told apart by a hash of the file path, which
    stays stable while the article's text is edited. The record whose path sorts first
    keeps the plain id, so adding a copy never renames the original.

    The hash follows a double hyphen (``2025-01-20-same--1a2b3c``). A slug never contains
    one (:func:`slugify` collapses every run of separators), so no title can forge another
    article's suffixed id: a plain id and a suffixed id never meet. Two suffixed ids of the
    same base differ in their path hashes; if the first six hex digits agree, more are used.
    """
    groups: dict[str, list[str]] = {}
    for rec in records:
        groups.setdefault(base_id(rec.get("title"), rec.get("date")), []).append(rec["file"])
    ids: dict[str, str] = {}
    for bid, files in groups.items():
        files = sorted(set(files))
        ids[files[0]] = bid
        rest = files[1:]
        digests = {f: hashlib.sha1(f.encode("utf-8")).hexdigest() for f in rest}
        width = 6
        while len({digests[f][:width] for f in rest}) < len(rest) and width < 40:
            width += 2
        for f in rest:
            ids[f] = f"{bid}--{digests[f][:width]}"
    return ids


def fallback_title(doc: Document, max_chars: int = 80) -> str:
    """A title for an article that states none: its first sentence, shortened."""
    first = doc.sentences[0] if doc.sentences else ""
    if len(first) <= max_chars:
        return first.rstrip(".") or "Untitled"
    return first[:max_chars].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def build(doc: Document, extracted: dict, record_id: str) -> dict:
    """Assemble a record from document metadata and extracted fields, keys in order."""
    record = {
        "schema": SCHEMA_ID,
        "id": record_id,
        "file": doc.file,
        "sha256": doc.sha256,
        "title": doc.title or fallback_title(doc),
        "date": doc.date,
        "source": doc.source,
        "authors": list(doc.authors),
        "url": doc.url,
        "dateline": doc.dateline,
        "language": doc.language,
        **extracted,
        "overrides": None,
    }
    return normalise(record)


def normalise(record: dict) -> dict:
    """Put keys (top level and figures) in their fixed order."""
    out = {k: record[k] for k in KEY_ORDER if k in record}
    out["figures"] = [
        {**{k: f.get(k) for k in FIGURE_KEYS},
         **{k: f[k] for k in OPTIONAL_FIGURE_KEYS if f.get(k) is not None}}
        for f in record.get("figures", [])
    ]
    return out


#: a string that YAML would not read back as itself if written plain (unquoted) as a block
#: value: an indicator first, ": " or " #" inside, space at an end, or a character that is
#: a line break or that YAML's reader refuses
_NOT_PLAIN = re.compile(
    r"\A[\s\-?:,\[\]{}#&*!|>'\"%@`]|\A\Z|: |:\Z|\s#|\s\Z|"
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: what JSON's string syntax (also YAML's double-quoted one) leaves as it is, but YAML's
#: reader refuses or reads as a line break
_JSON_LEAVES = re.compile(r"[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: first characters of the plain scalars YAML 1.1 may read as something else than a string
#: (a number, a date, true/false/yes/no/on/off, null, ~, the merge key)
_MAYBE_TYPED = frozenset("-+.0123456789~nNyYtTfFoO<=")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def _yaml_string(s: str) -> str:
    """*s* plain where YAML reads it back as the same string, else double-quoted (JSON's
    escapes are YAML's)."""
    if _NOT_PLAIN.search(s) is None and (
            s[0] not in _MAYBE_TYPED
            or _RESOLVER.resolve(yaml.ScalarNode, s, (True, False)) == _STR_TAG):
        return s
    return _JSON_LEAVES.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(s, ensure_ascii=False))


def _yaml_scalar(v: Any) -> str:
    t = type(v)
    if t is str:
        return _yaml_string(v)
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"a record holds numbers, not {v!r}")
        text = repr(v)  # the shortest text that reads back as the same float
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    if t is dict:
        return "{}"
    if t is list:
        return "[]"
    raise TypeError(f"a record holds no {t.__name__}")


def _yaml_mapping(d: dict, indent: str, out: list[str]) -> None:
    for k, v in d.items():
        if type(k) is not str:
            raise TypeError(f"a record's keys are strings, not {type(k).__name__}")
        if v and type(v) is dict:
            out.append(f"{indent}{_yaml_string(k)}:\n")
            _yaml_mapping(v, indent + "  ", out)
        elif v and type(v) is list:
            out.append(f"{indent}{_yaml_string(k)}:\n")
            _yaml_sequence(v, indent, out)  # a list under a key is not indented
        else:
            out.append(f"{indent}{_yaml_string(k)}: {_yaml_scalar(v)}\n")


def _yaml_sequence(items: list, indent: str, out: list[str]) -> None:
    for v in items:
        if v and type(v) in (dict, list):
            inner: list[str] = []
            (_yaml_mapping if type(v) is dict else _yaml_sequence)(v, indent + "  ", inner)
            inner[0] = f"{indent}- {inner[0][len(indent) + 2:]}"  # its first line on the dash
            out.extend(inner)
        else:
            out.append(f"{indent}- {_yaml_scalar(v)}\n")


def dump(record: dict) -> str:
    """Deterministic YAML text of a record, in block style, keys in the record's order.

    Written here, not by PyYAML's dumper: that took 5.6-11 ms of an article's 20-40 ms of
    extraction (its representer and resolver are Python, called for every scalar), this
    takes 1.9-2.6 ms. A string is written plain where YAML reads it back as the same string,
    else double-quoted; lines are not folded. `load(dump(r)) == r` for every record (a
    property test feeds it arbitrary text)."""
    out: list[str] = []
    _yaml_mapping(record, "", out)
    return "".join(out) or "{}\n"


#: the id line of a record dumped before ids are assigned (`build(..., "pending")`)
PENDING_ID_LINE = "id: pending\n"


def with_id(text: str, record_id: str) -> str | None:
    """*text*, a record's YAML dumped with the pending id, with its id line set to
    *record_id*: the text `dump` gives once the id is in the record. Records are dumped
    where they are extracted (in the worker processes, and kept in the extraction cache),
    while ids are assigned afterwards over the whole corpus; the id line is the second line
    (KEY_ORDER), and an id is one word, so it never wraps. None if *text* has no
    pending id line there."""
    head, sep, rest = text.partition("\n")
    if not sep or not rest.startswith(PENDING_ID_LINE):
        return None
    return head + sep + dump({"id": record_id}) + rest[len(PENDING_ID_LINE):]


def load(text: str) -> dict:
    """Parse a record's YAML text."""
    return yaml.safe_load(text)
