"""Commitments: forward-looking actions ("will", "plans to", "vowed to", ...).

These are the raw material of "what is Guangdong going to do". A sentence is a
commitment when it carries a trigger from cues.yaml and has regions: its own
actors, or else the region in focus ("It will also vigorously develop ...").
Sentences that report a commentator's words ("..., Wang said") only count when
they name a region themselves, so an expert's forecast is not filed as a plan.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .cues import word_regex
from .regions import RegionAnalysis
from .themes import ThemeMention


def extract_commitments(
    sentences: Sequence[str],
    analysis: RegionAnalysis,
    themes: Sequence[ThemeMention],
    quote_sentences: Collection[int],
) -> list[dict]:
    """The record's ``commitments`` list, one per committing sentence, in order."""
    trigger = word_regex("commitment_triggers")
    out: list[dict] = []
    for n, sentence in enumerate(sentences, start=1):
        m = trigger.search(sentence)
        if m is None:
            continue
        actors = [
            x.region
            for x in analysis.in_sentence(n)
            if x.role == "subject" and not x.locator and x.start < _clause_end(sentence, m.end())
        ]
        regions = list(dict.fromkeys(actors))
        if not regions:
            if n in quote_sentences:
                continue
            regions = list(analysis.focus[n - 1])
        if not regions:
            continue
        out.append(
            {
                "regions": regions,
                "themes": list(dict.fromkeys(t.theme for t in themes if t.sentence == n)),
                "trigger": re.sub(r"\s+", " ", m.group(0).lower()),
                "text": sentence,
                "sentence": n,
            }
        )
    return out


def _clause_end(sentence: str, pos: int) -> int:
    """Regions named after the trigger's clause (", while Deyang ...") still count:
    the whole sentence is the commitment's scope."""
    return len(sentence)
