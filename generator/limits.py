"""Bounds on the work one article may cause, as one frozen value passed down the pipeline.

Extraction is about linear in the text (~5 s per MB) and a page grows with its figures, so
one pathological file (a 5 MB line, a table of 50,000 numbers) would otherwise cost a minute
and a 26 MB page. Every cut is reported as a ``truncated`` problem naming the file, so the
excess is said, never silently dropped.

The values come from the plugin's ``limits:`` options in mkdocs.yml or the CLI's
``--max-*`` flags; there is no global to change, so two runs with different limits in one
process cannot disturb each other (and the extraction cache key includes them).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Per-article bounds; the defaults fit the largest real articles many times over."""

    #: a larger file is skipped unread (the ``stat`` size is checked before reading)
    file_bytes: int = 10 * 1024 * 1024
    #: a longer line is cut (at a space near the limit when there is one)
    line_chars: int = 20_000
    #: sentences kept per article (the rest are dropped and reported)
    sentences: int = 2_000
    #: figures kept per article: more is a table of numbers, not an article
    figures: int = 500

    def __post_init__(self) -> None:
        for name in ("file_bytes", "line_chars", "sentences", "figures"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"limits.{name}: expected a whole number >= 1, got {value!r}")

    def key(self) -> str:
        """A stable text for cache keys: different limits give different records."""
        return (f"limits:{self.file_bytes}:{self.line_chars}:{self.sentences}:"
                f"{self.figures}")
