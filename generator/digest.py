"""Aggregate article records into the cross-article views the site shows.

Records are per article; analysts ask per region and per theme ("what is Guangdong betting on?",
"who builds brain-computer interfaces?"). This module turns the list of schema-valid records
into those views once, so every page and chart reads the same numbers. It knows nothing about
Markdown or MkDocs: `pages.py` renders what is built here.

Rules that shape the views:

* A region gets a page when some article names it as a *subject* (not just a dateline or an
  affiliation), and so do the provincial-level parents of such cities, so that "what is
  Zhejiang planning" also finds Ningbo's plans.
* City items roll up: a commitment or figure about a city is listed on the city's page and
  again on its province's page, marked with the city (`Entry.via`).
* A region "pursues" a theme when an article links them: a commitment or figure naming both,
  a sentence mentioning both, or the extractor's own `theme.regions` association. The strength
  of the link is the number of distinct cited sentences (at least one per article).
* Headline views (growth targets, the national target, the figures region and theme pages
  table and chart) hold only *confident* figures: those whose ``confidence`` is not ``low``
  (a figure without one, from an override or an older record, is confident). Figures an
  extraction rule had to guess are collected in `Digest.review` for the Needs review page,
  until an editor confirms (``figures: confirm:``) or drops them in an override.
* A forecast (``gdp-growth-forecast``) is never a target, and growth for part of a year
  (``period`` set: Q1, H1, ...; the extractor names it ``gdp-growth-part-year``) is never
  the year's outcome (`is_full_year`, which also holds an override's ``gdp-growth`` with a
  period to that).
* Everything is sorted with explicit keys, so the same records give the same digest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

#: Region levels that are provincial-level divisions (the 34 tiles of the tile map).
PROVINCIAL_LEVELS = frozenset({"province", "municipality", "autonomous-region", "sar"})

#: Display order and labels of region levels (index pages group by these).
LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "country": ("Country", "Countries"),
    "province": ("Province", "Provinces"),
    "municipality": ("Municipality", "Municipalities"),
    "autonomous-region": ("Autonomous region", "Autonomous regions"),
    "sar": ("Special administrative region", "Special administrative regions"),
    "city": ("City", "Cities"),
    "economic-region": ("Economic region", "Economic regions"),
}

GROWTH_TARGET = "gdp-growth-target"
GROWTH_OUTCOME = "gdp-growth"
GROWTH_FORECAST = "gdp-growth-forecast"


def is_confident(item: Mapping[str, Any]) -> bool:
    """Whether a figure may be shown in headline tables and charts: its confidence is not
    ``low`` (missing confidence counts as high: overrides and older records)."""
    return item.get("confidence") != "low"


def is_full_year(item: Mapping[str, Any]) -> bool:
    """Whether a figure covers a whole year (no ``period`` such as Q1 or H1)."""
    return not item.get("period")


def is_growth_target(item: Mapping[str, Any]) -> bool:
    """A confident, full-year GDP growth target (a forecast never is one)."""
    return (item.get("indicator") == GROWTH_TARGET and is_confident(item)
            and is_full_year(item))


@dataclass(frozen=True)
class Entry:
    """One commitment or figure as listed on a region or theme page.

    `item` is the record's own dict (never copied or changed); `article` the record id and
    `sentence` the cited sentence number, so a page can link to `articles/<id>.md#s<n>`.
    `via` is the city a rolled-up item is really about (None when it is about the page's own
    region), so the province page can say "Ningbo: ...".
    """

    article: str
    item: Mapping[str, Any]
    via: str | None = None

    @property
    def sentence(self) -> int:
        return int(self.item["sentence"])

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.article, self.sentence, str(self.item.get("text", "")))

    @cached_property
    def plan_key(self) -> tuple[str, str | None]:
        """What makes two commitment mentions the same plan (see `plan_key`), worked out
        once: one entry is merged on its region's pages, its cities' and its themes'."""
        return (" ".join(str(self.item.get("text", "")).lower().split()), self.via)


@dataclass
class ArticleInfo:
    """The record plus what pages need sorted and resolved."""

    id: str
    record: Mapping[str, Any]
    subject_regions: list[str]
    themes: list[str]

    @property
    def title(self) -> str:
        return str(self.record.get("title") or self.id)

    @property
    def date(self) -> str | None:
        return self.record.get("date")

    @property
    def cite_label(self) -> str:
        """What a citation of it says: "Global Times, 2025-01-10" (source and date, what a
        reader weighs a fact by), or "source" when the record has neither."""
        return ", ".join(x for x in (self.record.get("source"), self.date) if x) or "source"


@dataclass
class RegionInfo:
    """A region with everything the site says about it."""

    id: str
    name: str
    name_zh: str | None
    level: str
    parent: str | None
    province: str | None = None
    children: list[str] = field(default_factory=list)
    row: int | None = None
    col: int | None = None
    tile: str | None = None  # the tile map's label (gazetteer)
    has_page: bool = False
    #: article id -> sorted roles ("subject", "dateline", "affiliation", "city")
    articles: dict[str, list[str]] = field(default_factory=dict)
    commitments: list[Entry] = field(default_factory=list)
    figures: list[Entry] = field(default_factory=list)
    #: theme id -> set of (article, sentence or 0) citations linking this region to the theme
    theme_links: dict[str, set[tuple[str, int]]] = field(default_factory=dict)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, (self.level.replace("-", " ").capitalize(), ""))[0]

    @property
    def growth_targets(self) -> list[Entry]:
        """Confident, full-year GDP growth targets (headline lists and charts)."""
        return [e for e in self.figures if is_growth_target(e.item)]

    @property
    def growth_outcomes(self) -> list[Entry]:
        """Confident, full-year realised GDP growth (partial-year growth is not the year's)."""
        return [e for e in self.figures if e.item.get("indicator") == GROWTH_OUTCOME
                and is_confident(e.item) and is_full_year(e.item)]

    @property
    def headline_figures(self) -> list[Entry]:
        """Figures shown in the region page's tables and charts: the confident ones."""
        return [e for e in self.figures if is_confident(e.item)]

    @property
    def review(self) -> list[Entry]:
        """Low-confidence figures about this region (listed on the Needs review page)."""
        return [e for e in self.figures if not is_confident(e.item)]

    @property
    def is_provincial(self) -> bool:
        return self.level in PROVINCIAL_LEVELS


@dataclass
class ThemeInfo:
    """A theme found in at least one article."""

    id: str
    name: str
    description: str | None
    articles: list[str] = field(default_factory=list)
    mentions: int = 0
    commitments: list[Entry] = field(default_factory=list)
    figures: list[Entry] = field(default_factory=list)
    #: region id -> citations (see RegionInfo.theme_links), provincial-level roll-up included
    region_links: dict[str, set[tuple[str, int]]] = field(default_factory=dict)

    @property
    def headline_figures(self) -> list[Entry]:
        """Figures shown in the theme page's table: the confident ones."""
        return [e for e in self.figures if is_confident(e.item)]


@dataclass
class Digest:
    """Everything the pages need, aggregated across records."""

    articles: list[ArticleInfo]  # newest first, undated last, then by id
    regions: dict[str, RegionInfo]  # every region known from records (and their provinces)
    themes: dict[str, ThemeInfo]  # themes found in records, sorted by id
    figures: list[Entry]  # every figure, article order then sentence
    commitments: list[Entry]
    national_target: Entry | None
    provinces: list[RegionInfo]  # all provincial-level divisions of the gazetteer (tile map)
    #: low-confidence figures, article order then sentence: the Needs review page
    review: list[Entry] = field(default_factory=list)

    def article(self, article_id: str) -> ArticleInfo:
        return self._by_id[article_id]

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.articles}

    @property
    def headline_figures(self) -> list[Entry]:
        """Every confident figure (headline tables and charts)."""
        return [e for e in self.figures if is_confident(e.item)]

    @property
    def growth_targets(self) -> list[Entry]:
        """Every confident, full-year GDP growth target (the home page's chart)."""
        return [e for e in self.figures if is_growth_target(e.item)]

    @property
    def region_pages(self) -> list[RegionInfo]:
        return [r for r in self.regions.values() if r.has_page]

    def region_name(self, region_id: str | None) -> str:
        if region_id is None:
            return ""
        info = self.regions.get(region_id)
        return info.name if info else region_id

    def region_label(self, region_id: str | None) -> str:
        """Name with its province for cities ("Ningbo (Zhejiang)"): unambiguous in charts."""
        info = self.regions.get(region_id or "")
        if info is None:
            return region_id or ""
        if info.province and info.province != info.id:
            return f"{info.name} ({self.region_name(info.province)})"
        return info.name

    def theme_name(self, theme_id: str | None) -> str:
        if theme_id is None:
            return ""
        info = self.themes.get(theme_id)
        return info.name if info else theme_id


def _rid(value: Any) -> str | None:
    """Gazetteer helpers may return ids or Region objects; pages only need ids."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return getattr(value, "id", None)


def article_sort_key(record: Mapping[str, Any]) -> tuple[int, str, str]:
    """Newest first, undated last, ties by id (ascending) - the site-wide article order."""
    date = record.get("date")
    if not date:
        return (1, "", str(record["id"]))
    # invert the date so that ascending sort puts the newest first
    inverted = "".join(chr(ord("9") - ord(ch) + ord("0")) if ch.isdigit() else ch for ch in date)
    return (0, inverted, str(record["id"]))


def _region_from_gazetteer(gazetteer: Any, region_id: str) -> RegionInfo | None:
    if gazetteer is None:
        return None
    region = gazetteer.get(region_id)
    if region is None:
        return None
    return RegionInfo(
        id=region.id,
        name=region.name,
        name_zh=getattr(region, "name_zh", None),
        level=region.level,
        parent=getattr(region, "parent", None),
        row=getattr(region, "row", None),
        col=getattr(region, "col", None),
        tile=getattr(region, "tile", None),
    )


def build(records: Iterable[Mapping[str, Any]], gazetteer: Any = None,
          taxonomy: Any = None) -> Digest:
    """Aggregate `records` (schema-valid dicts) into a Digest.

    `gazetteer` and `taxonomy` are the reference data (generator.reference); both are optional
    so that a digest can be built from records alone (names then come from the records).
    """
    records = sorted(records, key=article_sort_key)
    regions: dict[str, RegionInfo] = {}

    def region(region_id: str, fallback: Mapping[str, Any] | None = None) -> RegionInfo:
        info = regions.get(region_id)
        if info is None:
            info = _region_from_gazetteer(gazetteer, region_id)
            if info is None and fallback is not None:
                info = RegionInfo(id=region_id, name=fallback.get("name") or region_id,
                                  name_zh=fallback.get("name_zh"),
                                  level=fallback.get("level") or "city",
                                  parent=fallback.get("parent"))
            if info is None:
                info = RegionInfo(id=region_id, name=region_id.replace("-", " ").title(),
                                  name_zh=None, level="city", parent=None)
            regions[region_id] = info
        elif fallback is not None and info.name == region_id:
            info.name = fallback.get("name") or info.name
        return info

    # 1. regions named in records (the record's own view first, gazetteer preferred)
    for rec in records:
        for reg in rec.get("regions", []):
            region(reg["id"], reg)
    for rec in records:
        for item in rec.get("commitments", []):
            for rid in item.get("regions", []):
                region(rid)
        for item in rec.get("figures", []):
            if item.get("region"):
                region(item["region"])

    # 2. parents and provinces (walk up; the gazetteer knows more than the records)
    def province_of(region_id: str) -> str | None:
        if gazetteer is not None and gazetteer.get(region_id) is not None:
            return _rid(gazetteer.province_of(region_id))
        seen: set[str] = set()
        current: str | None = region_id
        while current and current not in seen:
            seen.add(current)
            info = region(current)
            if info.is_provincial:
                return current
            current = info.parent
        return None

    for rid in sorted(regions):
        info = regions[rid]
        seen: set[str] = {rid}
        parent = info.parent
        while parent and parent not in seen:  # make sure every ancestor is known
            seen.add(parent)
            parent = region(parent).parent
    for rid in sorted(regions):
        regions[rid].province = province_of(rid)

    # 3. which regions get a page: subject mentions, plus their ancestors below country level
    for rec in records:
        for reg in rec.get("regions", []):
            if "subject" not in reg.get("roles", []):
                continue
            info = regions[reg["id"]]
            info.has_page = True
            seen = {info.id}
            parent = info.parent
            while parent and parent not in seen:
                seen.add(parent)
                pinfo = regions[parent]
                if pinfo.level == "country":
                    break
                pinfo.has_page = True
                parent = pinfo.parent

    # children of regions with a page: from the gazetteer when it knows the region, plus
    # whatever the records say (so that pages can name and link them)
    by_parent: dict[str, set[str]] = defaultdict(set)
    for other in list(regions.values()):
        if other.parent:
            by_parent[other.parent].add(other.id)
    for info in [r for r in regions.values() if r.has_page]:
        kids = set(by_parent.get(info.id, set()))
        if gazetteer is not None and gazetteer.get(info.id) is not None:
            kids |= {cid for cid in map(_rid, gazetteer.children(info.id) or []) if cid}
        for cid in kids:
            if cid not in regions:
                region(cid).province = province_of(cid)
        info.children = sorted(kids, key=lambda c: (regions[c].name.lower(), c))

    filed_under: dict[str, list[tuple[str, str | None]]] = {}

    def targets_for(region_id: str) -> list[tuple[str, str | None]]:
        """(region to file under, via) pairs: the region itself, then its province. Known
        regions' answers are kept: provinces are settled by now, and items ask 100,000
        times at 1,000 articles."""
        if region_id in filed_under:
            return filed_under[region_id]
        out: list[tuple[str, str | None]] = [(region_id, None)]
        info = regions.get(region_id)
        if info is not None and info.province and info.province != region_id:
            out.append((info.province, region_id))
        if info is not None:
            filed_under[region_id] = out
        return out

    # 4. themes
    themes: dict[str, ThemeInfo] = {}

    theme_articles: dict[str, set[str]] = defaultdict(set)  # ThemeInfo.articles, as sets

    def add_article(info: ThemeInfo, article_id: str) -> None:
        if article_id not in theme_articles[info.id]:
            theme_articles[info.id].add(article_id)
            info.articles.append(article_id)

    def theme(theme_id: str, fallback_name: str | None = None) -> ThemeInfo:
        info = themes.get(theme_id)
        if info is None:
            ref = taxonomy.themes.get(theme_id) if taxonomy is not None else None
            name = getattr(ref, "name", None) or fallback_name or theme_id.replace("-", " ")
            info = ThemeInfo(id=theme_id, name=name,
                             description=getattr(ref, "description", None))
            themes[theme_id] = info
        return info

    # 5. walk the records once more and file every item
    all_figures: list[Entry] = []
    all_commitments: list[Entry] = []
    articles: list[ArticleInfo] = []

    def link(region_id: str, theme_id: str, article_id: str, sentence: int) -> None:
        for target, _via in targets_for(region_id):
            regions[target].theme_links.setdefault(theme_id, set()).add((article_id, sentence))

    for rec in records:
        aid = rec["id"]
        subjects = sorted({r["id"] for r in rec.get("regions", [])
                           if "subject" in r.get("roles", [])})
        rec_themes = sorted({t["id"] for t in rec.get("themes", [])})
        articles.append(ArticleInfo(id=aid, record=rec, subject_regions=subjects,
                                    themes=rec_themes))
        for reg in rec.get("regions", []):
            roles = list(reg.get("roles", []))
            regions[reg["id"]].articles.setdefault(aid, [])
            merged = set(regions[reg["id"]].articles[aid]) | set(roles)
            regions[reg["id"]].articles[aid] = sorted(merged)
            if "subject" in roles:
                info = regions[reg["id"]]
                if info.province and info.province != info.id:
                    prov = regions[info.province]
                    prov.articles.setdefault(aid, [])
                    if "city" not in prov.articles[aid]:
                        prov.articles[aid] = sorted(set(prov.articles[aid]) | {"city"})
        region_sentences = {r["id"]: set(r.get("sentences", [])) for r in rec.get("regions", [])}
        for th in rec.get("themes", []):
            tinfo = theme(th["id"], th.get("name"))
            add_article(tinfo, aid)
            tinfo.mentions += int(th.get("mentions", 0))
            cited = th.get("region_sentences") or {}
            for rid in th.get("regions", []):
                region(rid)
                # the sentences that link the region (records from before region_sentences:
                # those naming both, else the article)
                shared = sorted(cited[rid]) if rid in cited else sorted(
                    set(th.get("sentences", [])) & region_sentences.get(rid, set()))
                for s in shared or [0]:
                    link(rid, th["id"], aid, s)
        for item in rec.get("commitments", []):
            entry = Entry(aid, item)
            all_commitments.append(entry)
            filed: set[str] = set()
            for rid in item.get("regions", []):
                for target, via in targets_for(rid):
                    if target in filed:
                        continue
                    filed.add(target)
                    regions[target].commitments.append(Entry(aid, item, via))
                for tid in item.get("themes", []):
                    link(rid, tid, aid, entry.sentence)
            for tid in item.get("themes", []):
                theme(tid).commitments.append(entry)
                add_article(theme(tid), aid)
        for item in rec.get("figures", []):
            entry = Entry(aid, item)
            all_figures.append(entry)
            rid = item.get("region")
            if rid:
                for target, via in targets_for(rid):
                    regions[target].figures.append(Entry(aid, item, via))
                if item.get("theme"):
                    link(rid, item["theme"], aid, entry.sentence)
            if item.get("theme"):
                theme(item["theme"]).figures.append(entry)
                add_article(theme(item["theme"]), aid)

    # a "0" citation only stands for an article that links region and theme with no shared
    # sentence; drop it where the same article already gave a real sentence
    for info in regions.values():
        for tid, links in info.theme_links.items():
            real = {a for a, s in links if s}
            info.theme_links[tid] = {(a, s) for a, s in links if s or a not in real}

    # themes see regions through the region side (provincial roll-up included)
    for rid in sorted(regions):
        for tid, links in regions[rid].theme_links.items():
            theme(tid).region_links[rid] = set(links)

    order = {a.id: i for i, a in enumerate(articles)}

    def entry_key(e: Entry) -> tuple[int, int, str, str]:
        return (order[e.article], e.sentence, str(e.item.get("text", "")), e.via or "")

    for info in regions.values():
        info.commitments.sort(key=entry_key)
        info.figures.sort(key=entry_key)
    for tinfo in themes.values():
        tinfo.commitments.sort(key=entry_key)
        tinfo.figures.sort(key=entry_key)
        tinfo.articles.sort(key=lambda a: order[a])
    all_figures.sort(key=entry_key)
    all_commitments.sort(key=entry_key)

    national = None
    for e in all_figures:  # newest article first, so the first country-level target wins
        rid = e.item.get("region")
        if is_growth_target(e.item) and rid and regions[rid].level == "country":
            if national is None or (e.item.get("year") or 0) > (national.item.get("year") or 0):
                national = e

    provinces: list[RegionInfo] = []
    if gazetteer is not None:
        for rid in sorted(gazetteer.regions):
            ref = gazetteer.regions[rid]
            if ref.level in PROVINCIAL_LEVELS:
                if rid not in regions:
                    region(rid).province = rid
                provinces.append(regions[rid])
    else:
        provinces = [r for r in regions.values() if r.is_provincial]
    provinces.sort(key=lambda r: r.id)

    return Digest(
        articles=articles,
        regions=dict(sorted(regions.items())),
        themes=dict(sorted(themes.items())),
        figures=all_figures,
        commitments=all_commitments,
        national_target=national,
        provinces=provinces,
        review=[e for e in all_figures if not is_confident(e.item)],
    )


def coverage(digest: Digest, region_id: str) -> int:
    """Number of articles naming the region, or one of its cities, as a subject."""
    info = digest.regions[region_id]
    return sum(1 for roles in info.articles.values() if "subject" in roles or "city" in roles)


def theme_region_counts(digest: Digest, theme_id: str) -> list[tuple[str, int]]:
    """(region id, strength) for regions that pursue the theme, strongest first.

    Provincial roll-up means a province counts its cities' links too; a city is listed on its
    own as well (charts label it with its province).
    """
    tinfo = digest.themes[theme_id]
    rows = [(rid, len(links)) for rid, links in tinfo.region_links.items()
            if digest.regions[rid].has_page]
    rows.sort(key=lambda r: (-r[1], digest.regions[r[0]].name.lower(), r[0]))
    return rows


def region_theme_counts(digest: Digest, region_id: str) -> list[tuple[str, int]]:
    """(theme id, strength) for one region, strongest first."""
    info = digest.regions[region_id]
    rows = [(tid, len(links)) for tid, links in info.theme_links.items() if tid in digest.themes]
    rows.sort(key=lambda r: (-r[1], digest.theme_name(r[0]).lower(), r[0]))
    return rows


def group_by(entries: Iterable[Entry], key: Any) -> dict[str, list[Entry]]:
    """Group entries by `key(entry)` (a list of group ids); order of first appearance kept."""
    out: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for k in key(e) or [""]:
            out[k].append(e)
    return dict(out)


# ---------------------------------------------------------------------------------------------
# Facts: the mentions of one fact, merged
#
# A growth target stated in twelve articles is one fact with twelve citations, not twelve
# rows: an analyst wants the answer ("more than 5.5 %, 4 articles") and how well it is
# sourced, and a page listing each mention grows with the corpus, not with what is known.

#: Indicators whose value for one region and year is a single number, so two different
#: values are a disagreement between sources (a "count" or "other" figure may legitimately
#: differ: two different things counted).
SINGLE_VALUED = frozenset({GROWTH_TARGET, GROWTH_OUTCOME, "gdp", "rd-intensity"})


@dataclass(frozen=True)
class _Merged:
    """Mentions of one thing across articles, newest first: it is read from the first."""

    mentions: tuple[Entry, ...]

    @property
    def item(self) -> Mapping[str, Any]:
        """The most recent mention's record item: what the merged thing is read from."""
        return self.mentions[0].item

    @property
    def via(self) -> str | None:
        return self.mentions[0].via

    @cached_property
    def _articles(self) -> tuple[str, ...]:
        # pages ask for it about 100,000 times a build at 1,000 articles
        return tuple(dict.fromkeys(e.article for e in self.mentions))

    @property
    def articles(self) -> list[str]:
        """Distinct articles stating it, most recent first."""
        return list(self._articles)


@dataclass(frozen=True)
class Fact(_Merged):
    """One fact (region, indicator, year, value, qualifier, ...) with every mention of it.

    `mentions` are the entries that state it, in digest order (newest article first), so
    `mentions[0]` is the most recent statement; `disputed` is set when another fact gives
    the same region, indicator and year a different value (sources disagree).
    """

    key: tuple[Any, ...] = ()
    disputed: bool = False


def fact_key(e: Entry) -> tuple[Any, ...]:
    """What makes two figure mentions the same fact."""
    item = e.item
    ind = str(item.get("indicator") or "")
    subject = item.get("subject") if ind in ("other", "count", GROWTH_FORECAST) else None
    return (item.get("region"), ind, item.get("year"), item.get("value"),
            item.get("value_max"), item.get("qualifier"), item.get("unit"),
            item.get("period"), subject, e.via)


def _slot_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """The fact's key without its value: facts sharing it should agree."""
    region, ind, year, _v, _vmax, _q, unit, period, subject, via = key
    return (region, ind, year, unit, period, subject, via)


def facts(entries: Iterable[Entry]) -> list[Fact]:
    """Merge mentions into facts; order: most articles first, then most recent mention."""
    groups: dict[tuple[Any, ...], list[Entry]] = {}
    first: dict[tuple[Any, ...], int] = {}
    for i, e in enumerate(entries):
        k = fact_key(e)
        if k not in groups:
            groups[k] = []
            first[k] = i
        groups[k].append(e)
    slots: dict[tuple[Any, ...], int] = defaultdict(int)
    for k in groups:
        if k[1] in SINGLE_VALUED and k[2] is not None:
            slots[_slot_key(k)] += 1
    out = [Fact(tuple(v), key=k, disputed=slots.get(_slot_key(k), 0) > 1)
           for k, v in groups.items()]
    out.sort(key=lambda f: (-len(f._articles), first[f.key]))
    return out


@dataclass(frozen=True)
class YearOutcome:
    """One row of a region's targets-and-outcomes table: a year's GDP growth target(s), the
    growth realised, and whether the target was met (None when either is unknown)."""

    year: int
    targets: list[Fact]
    outcomes: list[Fact]
    met: bool | None


def _bounds(item: Mapping[str, Any]) -> float:
    return float(item.get("value") or 0)


def target_met(target: Mapping[str, Any], outcome: Mapping[str, Any]) -> bool:
    """Whether growth *outcome* met *target*: it reaches the lower end of the target
    ("around 5 %" is met by 4.95 % and more: the tolerance a one-decimal statistic needs)."""
    slack = 0.05 if target.get("qualifier") == "around" else 0.0
    return _bounds(outcome) + slack >= _bounds(target)


def targets_and_outcomes(info: RegionInfo) -> list[YearOutcome]:
    """Per year, newest first: the region's own confident full-year growth targets and
    outcomes (not its cities'). Met when the best-sourced outcome reaches the lower end of
    the best-sourced target ("around 5 %" is met by 4.95 % and more: the tolerance a
    one-decimal statistic needs)."""
    own = [e for e in info.figures if e.via is None]
    targets = facts(e for e in own if is_growth_target(e.item) and e.item.get("year"))
    outcomes = facts(e for e in own if e.item.get("indicator") == GROWTH_OUTCOME
                     and is_confident(e.item) and is_full_year(e.item) and e.item.get("year"))
    years = sorted({int(f.item["year"]) for f in targets + outcomes}, reverse=True)
    rows = []
    for y in years:
        ts = [f for f in targets if f.item["year"] == y]
        os_ = [f for f in outcomes if f.item["year"] == y]
        met = target_met(ts[0].item, os_[0].item) if ts and os_ else None
        rows.append(YearOutcome(y, ts, os_, met))
    return rows


@dataclass(frozen=True)
class Plan(_Merged):
    """One commitment, merged across the articles that state it (same text, same region)."""


def plan_key(e: Entry) -> tuple[str, str | None]:
    """What makes two commitment mentions the same plan: the text (case and spacing aside)
    and the city it is about."""
    return e.plan_key


def plans(entries: Iterable[Entry]) -> list[Plan]:
    """Commitments merged by text; most cited first, then most recent (entries come newest
    article first)."""
    groups: dict[tuple[str, str | None], list[Entry]] = {}
    for e in entries:
        groups.setdefault(plan_key(e), []).append(e)
    merged = list(enumerate(Plan(tuple(v)) for v in groups.values()))
    merged.sort(key=lambda ip: (-len(ip[1]._articles), ip[0]))
    return [p for _, p in merged]


def plans_by_theme(digest: Digest, entries: Iterable[Entry]) -> dict[str, list[Plan]]:
    """Commitments per theme (a commitment under each theme it names, '' for none), themes
    with the most commitments first; each list as `plans` orders it."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        tids = [t for t in e.item.get("themes", []) if t in digest.themes] or [""]
        for t in tids:
            groups[t].append(e)
    merged = {t: plans(v) for t, v in groups.items()}
    return dict(sorted(merged.items(), key=lambda kv: (kv[0] == "", -len(kv[1]),
                                                         digest.theme_name(kv[0]).lower(),
                                                         kv[0])))
