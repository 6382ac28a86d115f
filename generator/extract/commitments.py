"""Commitments: forward-looking actions ("will", "plans to", "vowed to", ...).

These are the raw material of "what is Guangdong going to do". A commitment is a clause
(the clauses of :func:`~.analysis.clause_breaks`) holding a trigger from cues.yaml, filed
under the *actor* of that clause, by the same rule that links a theme to a region
(:func:`.themes.link_regions`): the places the clause names before the trigger, else after
it; a clause that names no place continues the clause before it, else is about the region in
focus ("It will also vigorously develop ..."); a clause about a group or the nation is
nobody's. So "Shanghai and Sichuan have identified brain-computer interfaces ..., while
Anhui targets a fusion reactor" is two commitments, BCI under Shanghai and Sichuan and
fusion under Anhui; a clause without a trigger about another place ("..., while Anhui grew
5 percent") is no one's commitment. Sentences that report a commentator's words ("...,
Wang said") only count when they name a region themselves, so an expert's forecast is not
filed as a plan.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from ..reference import Gazetteer
from .analysis import SentenceAnalysis
from .cues import _re, word_regex
from .regions import RegionAnalysis, most_specific
from .themes import ThemeMention, carried_focus, link_regions, own_actors


@dataclass
class _Unit:
    """Consecutive clauses of one sentence that state one actor's commitment."""

    start: int
    end: int
    regions: list[str]
    trigger: str
    clauses: list[tuple[int, int]] = field(default_factory=list)
    named: bool = True  # the clause names its actor (False: carried from before)


def committing_clauses(
    sa: SentenceAnalysis, carried: Sequence[str], quoted: bool, gazetteer: Gazetteer
) -> list[_Unit]:
    """The commitments of one sentence: each clause with a trigger and an actor (a trigger
    in an aside, "Guangdong, which will host ...", speaks of the place it describes),
    merged with the next when they share the actor. A clause without a trigger joins the
    commitment before it when it names no other place ("..., while also building ...")."""
    trigger = word_regex("commitment_triggers")
    units: list[_Unit] = []
    for cs, ce in sa.clauses:
        hit = trigger.search(sa.text, cs, ce)
        if hit is None:
            if units and units[-1].end == cs and _continues(sa, cs, ce, units[-1], gazetteer):
                units[-1].end = ce
                units[-1].clauses.append((cs, ce))
            continue
        regions, own = link_regions(sa, hit.start(), carried, gazetteer)
        if not regions or (quoted and not own):
            continue
        if units and units[-1].end == cs and units[-1].regions == regions:
            units[-1].end = ce
            units[-1].clauses.append((cs, ce))
            continue
        units.append(_Unit(cs, ce, regions, hit.group(0), [(cs, ce)], own))
    return units


def _continues(sa: SentenceAnalysis, start: int, end: int, unit: _Unit,
               gazetteer: Gazetteer) -> bool:
    """Whether a clause without a trigger belongs to the commitment before it: it names no
    place, or the same actor."""
    own = own_actors(sa, start, end, end)
    return not own or most_specific(own, gazetteer) == unit.regions


def extract_commitments(
    analyses: Sequence[SentenceAnalysis],
    analysis: RegionAnalysis,
    themes: Sequence[ThemeMention],
    quote_sentences: Collection[int],
    gazetteer: Gazetteer,
) -> list[dict]:
    """The record's ``commitments`` list, one per committing clause (or run of clauses with
    one actor), in order."""
    trigger = word_regex("commitment_triggers")
    out: list[dict] = []
    for sa in analyses:
        if trigger.search(sa.text) is None:
            continue
        n, sentence = sa.n, sa.text
        units = committing_clauses(sa, carried_focus(sa, analysis), n in quote_sentences,
                                   gazetteer)
        for u in units:
            whole = (u.start, u.end) == (0, len(sentence))
            out.append(
                {
                    "regions": u.regions,
                    "themes": list(dict.fromkeys(
                        t.theme for t in themes if t.sentence == n and u.start <= t.start < u.end
                    )),
                    "trigger": _re(r"\s+").sub(" ", u.trigger.lower()),
                    "text": sentence if whole else _clause_text(sentence[u.start:u.end]),
                    "sentence": n,
                    "confidence": "high" if u.named else "low",
                }
            )
    return out


def _clause_text(text: str) -> str:
    """A clause as cited: without the comma or semicolon that ends it, nor the word that
    opened it ("while", "whereas", "but")."""
    text = _re(r"^\s*(?:[;,]\s*)?(?:while|whereas|but)\s+", re.I).sub("", text)
    return text.strip().rstrip(",;").strip()
