"""Commitments: forward-looking actions ("will", "plans to", "vowed to", ...).

These are the raw material of "what is Guangdong going to do". A sentence is split
into clauses at "while", "whereas", ";" (so "Shanghai and Sichuan have identified
brain-computer interfaces ..., while Anhui targets a fusion reactor" files BCI
under Shanghai and Sichuan and fusion under Anhui). A clause is a commitment when
the sentence carries a trigger from cues.yaml and the clause has regions: its own
actors, or else the region in focus ("It will also vigorously develop ...").
Sentences that report a commentator's words ("..., Wang said") only count when
they name a region themselves, so an expert's forecast is not filed as a plan.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..reference import Gazetteer
from .cues import _re, word_regex
from .regions import RegionAnalysis, most_specific
from .themes import ThemeMention

_CLAUSE_BREAK = re.compile(r";\s*|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+", re.I)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        bounds += [m.start(), m.end()]
    bounds.append(len(sentence))
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def extract_commitments(
    sentences: Sequence[str],
    analysis: RegionAnalysis,
    themes: Sequence[ThemeMention],
    quote_sentences: Collection[int],
    gazetteer: Gazetteer,
) -> list[dict]:
    """The record's ``commitments`` list, one per committing clause, in order."""
    trigger = word_regex("commitment_triggers")
    out: list[dict] = []
    for n, sentence in enumerate(sentences, start=1):
        first = trigger.search(sentence)
        if first is None:
            continue
        mentions = [x for x in analysis.in_sentence(n) if x.role == "subject" and not x.locator]
        clauses = _clauses(sentence)
        per_clause = []
        for start, end in clauses:
            actors = most_specific(
                [x.region for x in mentions if start <= x.start < end], gazetteer
            )
            per_clause.append((start, end, actors))
        if sum(1 for _, _, a in per_clause if a) < 2:
            # one actor group: the whole sentence is the commitment
            per_clause = [
                (0, len(sentence), most_specific([x.region for x in mentions], gazetteer))
            ]
        for start, end, regions in per_clause:
            if not regions:
                if n in quote_sentences or len(per_clause) > 1:
                    continue
                regions = list(analysis.focus[n - 1])
            if not regions:
                continue
            own = trigger.search(sentence, start, end)
            text = sentence if (start, end) == (0, len(sentence)) else sentence[start:end].strip()
            out.append(
                {
                    "regions": regions,
                    "themes": list(
                        dict.fromkeys(
                            t.theme for t in themes if t.sentence == n and start <= t.start < end
                        )
                    ),
                    "trigger": _re(r"\s+").sub(" ", (own or first).group(0).lower()),
                    "text": text,
                    "sentence": n,
                }
            )
    return out
