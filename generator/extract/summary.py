"""Summary: the lede, i.e. the first one or two body sentences, at most 60 words."""

from __future__ import annotations

from collections.abc import Sequence

MAX_WORDS = 60


def lede(sentences: Sequence[str], max_words: int = MAX_WORDS) -> str:
    """First sentence, plus the second when both fit in *max_words*; a lone first
    sentence longer than that is cut at a word boundary and marked with an ellipsis."""
    if not sentences:
        return ""
    words = sentences[0].split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:") + " …"
    if len(sentences) > 1 and len(words) + len(sentences[1].split()) <= max_words:
        return f"{sentences[0]} {sentences[1]}"
    return sentences[0]
