"""Editions: the digest read on a rhythm, one edition per ISO week (or month) of publication.

An analyst returning on Monday asks "what is new since last week?". An edition answers from
the records alone: the articles published in its period, and what they state that no earlier
edition did --

* **new growth targets**: a region's GDP growth target for a year no earlier edition gave,
  with that region's target and outcome for the year before, where the editions up to this
  one know them (so an edition never changes when later articles arrive);
* **revised figures**: a single-valued fact (growth target or outcome, GDP, R&D intensity of
  one region and year) whose value differs from the one an earlier edition gave; both cited;
* **new commitments**, by region: commitment texts not seen before;
* **new regions and themes**: named for the first time.

Editions are a pure function of the digest (same records, same editions) and of the period
(`weekly`, ISO weeks: ``2025-W03``; `monthly`: ``2025-01``). Undated articles join none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from . import digest as dg
from .digest import Digest, Entry
from .fmt import figure_value, indicator_label, pluralise

__all__ = ["PERIODS", "Edition", "NewTarget", "Revision", "edition_id", "editions"]

PERIODS = ("weekly", "monthly")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class NewTarget:
    """A growth target first stated in this edition, with last year's target and outcome
    as the editions up to this one know them (None where unknown)."""

    fact: dg.Fact
    previous_target: dg.Fact | None
    previous_outcome: dg.Fact | None

    @property
    def met_last_year(self) -> bool | None:
        if self.previous_target is None or self.previous_outcome is None:
            return None
        return dg.target_met(self.previous_target.item, self.previous_outcome.item)

    @property
    def last_year(self) -> str:
        """'met', 'missed' or '' (unknown): how the region did on last year's target."""
        return {True: "met", False: "missed", None: ""}[self.met_last_year]


@dataclass(frozen=True)
class Revision:
    """A fact whose value differs from the one an earlier edition gave."""

    now: dg.Fact
    before: dg.Fact
    before_edition: str


@dataclass(frozen=True)
class Edition:
    id: str  # 2025-W03 | 2025-01
    title: str  # "Week 3, 2025 (13–19 January)" | "January 2025"
    start: date
    end: date
    articles: list[str]  # newest first
    new_targets: list[NewTarget] = field(default_factory=list)
    revised: list[Revision] = field(default_factory=list)
    #: region id -> the plans first stated in this edition (most cited first)
    new_commitments: dict[str, list[dg.Plan]] = field(default_factory=dict)
    new_regions: list[str] = field(default_factory=list)
    new_themes: list[str] = field(default_factory=list)
    lede: list[str] = field(default_factory=list)

    @property
    def counts(self) -> str:
        """'3 articles, 1 new growth target, 0 revised figures, 12 new commitments'."""
        plans = sum(len(p) for p in self.new_commitments.values())
        return (f"{pluralise(len(self.articles), 'article')}, "
                f"{pluralise(len(self.new_targets), 'new growth target')}, "
                f"{pluralise(len(self.revised), 'revised figure')}, "
                f"{pluralise(plans, 'new commitment')}")


def edition_id(day: date, period: str = "weekly") -> str:
    """The edition a publication date belongs to: ``2025-W03`` (ISO week) or ``2025-01``."""
    if period == "monthly":
        return f"{day.year}-{day.month:02d}"
    if period != "weekly":
        raise ValueError(f"edition: expected one of {', '.join(PERIODS)}, got {period!r}")
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _span(eid: str, period: str) -> tuple[date, date, str]:
    if period == "monthly":
        year, month = (int(x) for x in eid.split("-"))
        start = date(year, month, 1)
        end = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        return start, end, f"{_MONTHS[month - 1]} {year}"
    year, week = int(eid[:4]), int(eid[6:])
    start = date.fromisocalendar(year, week, 1)
    end = start + timedelta(days=6)
    if start.month == end.month:
        days = f"{start.day}–{end.day} {_MONTHS[end.month - 1]}"
    else:
        days = f"{start.day} {_MONTHS[start.month - 1]} – {end.day} {_MONTHS[end.month - 1]}"
    return start, end, f"Week {week}, {year} ({days})"


def _slot(item: Any) -> tuple[Any, ...]:
    return (item.get("region"), item.get("indicator"), item.get("year"), item.get("unit"),
            item.get("period"))


def _value(item: Any) -> tuple[Any, Any]:
    return (item.get("value"), item.get("value_max"))


def editions(d: Digest, period: str = "weekly") -> list[Edition]:
    """Every edition of the digest, newest first (see the module docstring)."""
    if period not in PERIODS:
        raise ValueError(f"edition: expected one of {', '.join(PERIODS)}, got {period!r}")
    groups: dict[str, list[dg.ArticleInfo]] = {}
    for art in d.articles:
        if not art.date:
            continue
        try:
            day = date.fromisoformat(art.date)
        except ValueError:
            continue
        groups.setdefault(edition_id(day, period), []).append(art)

    known: dict[tuple[Any, ...], tuple[dg.Fact, str]] = {}  # slot -> (fact, edition)
    seen_plans: set[tuple[str, str | None]] = set()
    seen_regions: set[str] = set()
    seen_themes: set[str] = set()
    out: list[Edition] = []
    for eid in sorted(groups):
        arts = groups[eid]  # digest order: newest first
        start, end, title = _span(eid, period)
        figures = [Entry(a.id, f) for a in arts for f in a.record.get("figures", [])
                   if dg.is_confident(f) and f.get("region") and f.get("year")]
        single = [e for e in figures if e.item.get("indicator") in dg.SINGLE_VALUED
                  and dg.is_full_year(e.item)]
        new_targets: list[NewTarget] = []
        revised: list[Revision] = []
        fresh: dict[tuple[Any, ...], dg.Fact] = {}
        for fact in dg.facts(single):
            # a disagreement inside one edition: the best-sourced value counts
            fresh.setdefault(_slot(fact.item), fact)

        for slot, fact in fresh.items():
            before = known.get(slot)
            if before is None:
                if dg.is_growth_target(fact.item):
                    region, _, year, unit, per = slot
                    new_targets.append(NewTarget(
                        fact, _latest((region, dg.GROWTH_TARGET, year - 1, unit, per),
                                      fresh, known),
                        _latest((region, dg.GROWTH_OUTCOME, year - 1, unit, per),
                                fresh, known)))
            elif _value(before[0].item) != _value(fact.item):
                revised.append(Revision(fact, before[0], before[1]))
        for slot, fact in fresh.items():
            known[slot] = (fact, eid)

        commitments = [Entry(a.id, c) for a in arts for c in a.record.get("commitments", [])]
        by_region: dict[str, list[Entry]] = {}
        for e in commitments:
            if dg.plan_key(e) in seen_plans:
                continue
            for rid in e.item.get("regions", [])[:1] or [""]:
                by_region.setdefault(rid, []).append(e)
        seen_plans.update(dg.plan_key(e) for e in commitments)
        new_commitments = {rid: dg.plans(es) for rid, es in sorted(
            by_region.items(), key=lambda kv: (kv[0] == "", d.region_name(kv[0]).lower()))}

        regions = _first_seen((r for a in arts for r in a.subject_regions), seen_regions)
        themes = _first_seen((t for a in arts for t in a.themes), seen_themes)
        new_targets.sort(key=lambda t: (-len(t.fact.articles),
                                        d.region_name(t.fact.item.get("region")).lower()))
        edition = Edition(eid, title, start, end, [a.id for a in arts], new_targets, revised,
                          new_commitments, sorted(regions, key=lambda r: d.region_name(r)),
                          sorted(themes, key=lambda t: d.theme_name(t)))
        out.append(_with_lede(d, edition))
    out.reverse()
    return out


def _latest(slot: tuple[Any, ...], fresh: dict[tuple[Any, ...], dg.Fact],
            known: dict[tuple[Any, ...], tuple[dg.Fact, str]]) -> dg.Fact | None:
    """What the editions up to this one (this one included) say for *slot*."""
    if slot in fresh:
        return fresh[slot]
    return known[slot][0] if slot in known else None


def _first_seen(ids: Iterable[str], seen: set[str]) -> list[str]:
    new = [i for i in dict.fromkeys(ids) if i not in seen]
    seen.update(new)
    return new


def _with_lede(d: Digest, e: Edition) -> Edition:
    """Two or three lines saying what changed most: the best-sourced new targets, the
    revisions, the busiest region. Plain text (the page escapes it)."""
    lede: list[str] = []
    if e.new_targets:
        shown = [f"{d.region_name(t.fact.item.get('region'))} "
                 f"{figure_value(t.fact.item)} for {t.fact.item.get('year')}"
                 for t in e.new_targets[:3]]
        more = len(e.new_targets) - len(shown)
        lede.append("New growth targets: " + "; ".join(shown)
                    + (f"; and {more} more" if more > 0 else "") + ".")
    if e.revised:
        r = e.revised[0]
        lede.append(f"Revised: {d.region_name(r.now.item.get('region'))} "
                    f"{indicator_label(r.now.item)} for "
                    f"{r.now.item.get('year')} is now {figure_value(r.now.item)} (was "
                    f"{figure_value(r.before.item)} in {r.before_edition})"
                    + (f"; {len(e.revised) - 1} more revisions" if len(e.revised) > 1 else "")
                    + ".")
    busiest = sorted(((rid, sum(len(p.mentions) for p in ps))
                      for rid, ps in e.new_commitments.items() if rid),
                     key=lambda kv: (-kv[1], d.region_name(kv[0]).lower()))
    if busiest and len(lede) < 3:
        rid, n = busiest[0]
        lede.append(f"Most new commitments: {d.region_name(rid)} ({n}).")
    if not lede:
        lede.append(f"{pluralise(len(e.articles), 'article')}; nothing new on targets or "
                    "commitments.")
    return replace(e, lede=lede)
