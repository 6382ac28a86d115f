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
    """A regex alternation of literal phrases, longest first, spaces flexible."""
    parts = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


@cache
def word_regex(key: str) -> re.Pattern[str]:
    """A case-insensitive, word-bounded regex matching any phrase of cue list *key*."""
    return re.compile(rf"(?<![\w-])(?:{alternation(cues()[key])})(?![\w-])", re.IGNORECASE)
