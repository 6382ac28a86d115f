"""Load the linguistic cue lists (generator/data/cues.yaml) and compile them.

The cues are data, like the gazetteer and the taxonomy: an editor can extend the
list of speech verbs or organisation head nouns without touching the code.
Everything is compiled once per process.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def cues() -> dict[str, Any]:
    """The parsed cues.yaml shipped in the package."""
    text = resources.files("generator").joinpath("data/cues.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, built as a trie (spaces flexible).

    Python's ``re`` tries a flat ``a|b|c`` alternation one branch at a time; a trie
    ("plan(?:s to| to|ned to)") shares prefixes and is several times faster on
    lists of a hundred phrases. Longer phrases win because every branch is greedy
    and the callers anchor on word boundaries.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    if "" in node and len(node) == 1:
        return ""
    optional = "" in node
    parts = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(node[ch])
        for ch in sorted(k for k in node if k)
    ]
    if len(parts) == 1 and not optional:
        return parts[0]
    body = "(?:" + "|".join(parts) + ")"
    return body + "?" if optional else body


@cache
def word_regex(key: str) -> re.Pattern[str]:
    """A case-insensitive, word-bounded regex matching any phrase of cue list *key*."""
    return re.compile(rf"(?<![\w-])(?:{alternation(cues()[key])})(?![\w-])", re.IGNORECASE)


@cache
def _re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled regex, cached without ``re``'s per-call cache lookup and size limit."""
    return re.compile(pattern, flags)
