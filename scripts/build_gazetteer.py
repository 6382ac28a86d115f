#!/usr/bin/env python3
"""Build ``generator/data/gazetteer.yaml`` from real reference data.

Why a script rather than a hand-written list: the gazetteer must cover every
prefecture-level division of China (333 of them) with coordinates, and typing
that from memory is how typos and missing entries creep in.  The source of truth
is the adcode table shipped with the PyPI package ``cpca`` (12-digit
administrative codes with Chinese names and coordinates of each seat of
government); ``pypinyin`` romanises the names.  The only hand-maintained parts
are the small tables below: conventional English names that pinyin does not
produce (Harbin, Hohhot, Tibet, Shaanxi...), the tile-grid layout, the readings
preferred when two cities share a romanised name, and the economic regions.

Usage (needs the ``refdata`` extra: ``pip install -e '.[refdata]'``)::

    python scripts/build_gazetteer.py            # writes generator/data/gazetteer.yaml
    python scripts/build_gazetteer.py --check    # exit 1 if the committed file is stale

The output is deterministic: same cpca/pypinyin versions in, same bytes out.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "generator" / "data" / "gazetteer.yaml"

PROVINCIAL_LEVELS = ("province", "municipality", "autonomous-region", "sar")

# --------------------------------------------------------------------------------------
# Hand-maintained tables (keep them small: everything else comes from cpca + pypinyin).
# Keys are the full Chinese names as they appear in cpca's adcodes.csv.
# --------------------------------------------------------------------------------------

#: Conventional English names where plain pinyin is wrong or not what English-language
#: media use: Wade-Giles/postal survivors, Mongolian/Tibetan/Uygur place names, Shaanxi's
#: double "a" (to tell it from Shanxi), and pypinyin's polyphone misreadings
#: (长治 is Chang-, not Zhang-; 漯河 is Luo-, not Ta-; 朝阳 is Chao-, not Zhao-).
ENGLISH_NAME: dict[str, str] = {
    # provincial level
    "内蒙古自治区": "Inner Mongolia",
    "西藏自治区": "Tibet",
    "陕西省": "Shaanxi",
    "香港特别行政区": "Hong Kong",
    "澳门特别行政区": "Macao",
    # polyphones pypinyin reads wrongly
    "长治市": "Changzhi",
    "漯河市": "Luohe",
    "朝阳市": "Chaoyang",
    # Heilongjiang
    "哈尔滨市": "Harbin",
    "大兴安岭地区": "Da Hinggan Ling",
    "齐齐哈尔市": "Qiqihar",
    # Inner Mongolia
    "呼和浩特市": "Hohhot",
    "鄂尔多斯市": "Ordos",
    "呼伦贝尔市": "Hulunbuir",
    "巴彦淖尔市": "Bayannur",
    "乌兰察布市": "Ulanqab",
    "兴安盟": "Hinggan",
    "锡林郭勒盟": "Xilingol",
    "阿拉善盟": "Alxa",
    # Tibet
    "拉萨市": "Lhasa",
    "日喀则市": "Xigaze",
    "昌都市": "Qamdo",
    "林芝市": "Nyingchi",
    "那曲地区": "Nagqu",
    "阿里地区": "Ngari",
    # Xinjiang
    "乌鲁木齐市": "Urumqi",
    "克拉玛依市": "Karamay",
    "吐鲁番市": "Turpan",
    "博尔塔拉蒙古自治州": "Bortala",
    "巴音郭楞蒙古自治州": "Bayingolin",
    "克孜勒苏柯尔克孜自治州": "Kizilsu",
    "阿克苏地区": "Aksu",
    "喀什地区": "Kashgar",
    "和田地区": "Hotan",
    "伊犁哈萨克自治州": "Ili",
    "阿勒泰地区": "Altay",
    # Qinghai / Sichuan
    "果洛藏族自治州": "Golog",
    "阿坝藏族羌族自治州": "Ngawa",
    "甘孜藏族自治州": "Garze",
}

#: Extra aliases (spelling variants, older names, official long forms pinyin can't derive).
#: Deliberately absent: spellings that are mostly something else in English text -- "Kashi"
#: (the Indian city), "Yili" (the dairy group), "Aba" (ABA, the Nigerian city), "Erdos".
EXTRA_ALIASES: dict[str, list[str]] = {
    "西藏自治区": ["Xizang", "Xizang Autonomous Region"],
    "内蒙古自治区": ["Nei Mongol"],
    "新疆维吾尔自治区": ["Xinjiang Uyghur Autonomous Region"],
    "香港特别行政区": ["HKSAR"],
    "澳门特别行政区": ["Macau", "Macau SAR", "Macau Special Administrative Region"],
    "乌鲁木齐市": ["Ürümqi", "Urumchi", "Wulumuqi"],
    "大兴安岭地区": ["Daxing'anling", "Greater Khingan", "Da Hinggan Ling Prefecture"],
    "日喀则市": ["Shigatse", "Rikaze"],
    "昌都市": ["Chamdo", "Changdu"],
    "林芝市": ["Linzhi"],
    "山南市": ["Lhoka"],
    "那曲地区": ["Naqu", "那曲地区"],
    "阿里地区": ["Ngari Prefecture"],
    "吐鲁番市": ["Tulufan"],
    "哈密市": ["Kumul"],
    "和田地区": ["Hetian", "Khotan"],
    "阿勒泰地区": ["Aletai"],
    "巴音郭楞蒙古自治州": ["Bayin'gholin"],
    "果洛藏族自治州": ["Guoluo"],
    "甘孜藏族自治州": ["Ganzi"],
    "迪庆藏族自治州": ["Dêqên"],
    "兴安盟": ["Xing'an League"],
}

#: Apostrophe-less spellings that are too common as Chinese given names or surnames to
#: be safe aliases (Ji'an -> "Jian", Lu'an -> "Luan").
NO_CLOSED_FORM = {"吉安市", "六安市"}

#: cpca's table is a 2018 snapshot; these are the prefecture-level changes since then.
DEFUNCT = {"莱芜市": "merged into Jinan in January 2019"}
RENAMED = {"那曲地区": ("那曲市", "city")}  # prefecture became a prefecture-level city in 2018

#: When two cities romanise identically, the better-known one keeps the plain slug and is
#: listed first by the matcher; the other gets ``<slug>-<province>``.
PREFERRED_READING: dict[str, str] = {
    "Suzhou": "苏州市",  # Jiangsu, not 宿州 (Anhui)
    "Taizhou": "台州市",  # Zhejiang, not 泰州 (Jiangsu)
    "Fuzhou": "福州市",  # Fujian's capital, not 抚州 (Jiangxi)
    "Yichun": "宜春市",  # Jiangxi (lithium hub), not 伊春 (Heilongjiang)
    "Yulin": "榆林市",  # Shaanxi (energy base), not 玉林 (Guangxi)
}

#: English names of the ethnic groups that appear in autonomous-region and
#: autonomous-prefecture names (official English forms, e.g. "Yanbian Korean
#: Autonomous Prefecture").  The Chinese group names are split off using cpca's
#: own list of the 56 nationalities.
ETHNIC_EN: dict[str, str] = {
    "壮族": "Zhuang", "回族": "Hui", "维吾尔族": "Uygur", "藏族": "Tibetan", "羌族": "Qiang",
    "彝族": "Yi", "苗族": "Miao", "土家族": "Tujia", "朝鲜族": "Korean", "布依族": "Buyei",
    "侗族": "Dong", "哈尼族": "Hani", "傣族": "Dai", "白族": "Bai", "景颇族": "Jingpo",
    "傈僳族": "Lisu", "蒙古族": "Mongol", "柯尔克孜族": "Kirgiz", "哈萨克族": "Kazak",
}

#: Tile-grid position (row, col) and tile label of each provincial-level division (the only
#: copy of the grid: the gazetteer carries it to the tile map): 8 rows x 7 columns,
#: north at the top, laid out so neighbours on the grid are (mostly) neighbours on the map.
#:
#:        0    1    2    3    4    5    6
#:   r0                                  HL
#:   r1                  NM              JL
#:   r2   XJ        NX   SX   BJ   TJ   LN
#:   r3   QH   GS   SN   HA   HE   SD
#:   r4   XZ   SC   CQ   HB   AH   JS   SH
#:   r5        YN   GZ   HN   JX   ZJ
#:   r6             GX   GD   FJ   TW
#:   r7             HI   MO   HK
TILE_GRID: dict[str, tuple[int, int, str]] = {
    "heilongjiang": (0, 6, "HL"),
    "inner-mongolia": (1, 3, "NM"), "jilin": (1, 6, "JL"),
    "xinjiang": (2, 0, "XJ"), "ningxia": (2, 2, "NX"), "shanxi": (2, 3, "SX"),
    "beijing": (2, 4, "BJ"),
    "tianjin": (2, 5, "TJ"), "liaoning": (2, 6, "LN"),
    "qinghai": (3, 0, "QH"), "gansu": (3, 1, "GS"), "shaanxi": (3, 2, "SN"),
    "henan": (3, 3, "HA"), "hebei": (3, 4, "HE"),
    "shandong": (3, 5, "SD"),
    "tibet": (4, 0, "XZ"), "sichuan": (4, 1, "SC"), "chongqing": (4, 2, "CQ"),
    "hubei": (4, 3, "HB"), "anhui": (4, 4, "AH"),
    "jiangsu": (4, 5, "JS"), "shanghai": (4, 6, "SH"),
    "yunnan": (5, 1, "YN"), "guizhou": (5, 2, "GZ"), "hunan": (5, 3, "HN"),
    "jiangxi": (5, 4, "JX"), "zhejiang": (5, 5, "ZJ"),
    "guangxi": (6, 2, "GX"), "guangdong": (6, 3, "GD"), "fujian": (6, 4, "FJ"),
    "taiwan": (6, 5, "TW"),
    "hainan": (7, 2, "HI"), "macao": (7, 3, "MO"), "hong-kong": (7, 4, "HK"),
}

COUNTRY = {
    "id": "china",
    "name": "China",
    "name_zh": "中国",
    "aliases": ["People's Republic of China", "PRC", "Chinese mainland", "mainland China",
                "中华人民共和国"],
    # geographic centre of the PRC's territory, as commonly cited (Lanzhou area)
    "lat": 35.8617,
    "lon": 104.1954,
}


@dataclass(frozen=True)
class EconomicRegion:
    id: str
    name: str
    name_zh: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    #: cities (Chinese names, as in cpca) whose mean position is used as the region's centre
    centre_cities: tuple[str, ...]


ECONOMIC_REGIONS: tuple[EconomicRegion, ...] = (
    EconomicRegion(
        "yangtze-river-delta", "Yangtze River Delta", "长江三角洲",
        ("YRD", "Yangtze Delta", "Yangtze River Delta region", "长三角"),
        ("shanghai", "jiangsu", "zhejiang", "anhui"),
        ("上海市", "南京市", "杭州市", "合肥市", "苏州市", "宁波市"),
    ),
    EconomicRegion(
        "pearl-river-delta", "Pearl River Delta", "珠江三角洲",
        ("PRD", "Pearl River Delta region", "珠三角"),
        ("guangdong",),
        ("广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"),
    ),
    EconomicRegion(
        "greater-bay-area", "Guangdong-Hong Kong-Macao Greater Bay Area", "粤港澳大湾区",
        ("Greater Bay Area", "GBA", "Guangdong-Hong Kong-Macau Greater Bay Area", "大湾区"),
        ("guangdong", "hong-kong", "macao"),
        ("广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市",
         "香港特别行政区", "澳门特别行政区"),
    ),
    EconomicRegion(
        "beijing-tianjin-hebei", "Beijing-Tianjin-Hebei", "京津冀",
        ("Jing-Jin-Ji", "Jingjinji", "Beijing-Tianjin-Hebei region"),
        ("beijing", "tianjin", "hebei"),
        ("北京市", "天津市", "石家庄市", "保定市", "唐山市"),
    ),
    EconomicRegion(
        "chengdu-chongqing", "Chengdu-Chongqing Economic Circle", "成渝地区双城经济圈",
        ("Chengdu-Chongqing economic circle", "Chengdu-Chongqing region",
         "Chengdu-Chongqing Twin-City Economic Circle",
         "Chengdu-Chongqing area", "成渝地区", "成渝经济圈"),
        ("sichuan", "chongqing"),
        ("成都市", "重庆市"),
    ),
    EconomicRegion(
        "northeast-china", "Northeast China", "东北地区",
        ("Northeastern China",),
        ("liaoning", "jilin", "heilongjiang"),
        ("沈阳市", "长春市", "哈尔滨市", "大连市"),
    ),
    EconomicRegion(
        "yangtze-river-economic-belt", "Yangtze River Economic Belt", "长江经济带",
        ("Yangtze Economic Belt",),
        ("shanghai", "jiangsu", "zhejiang", "anhui", "jiangxi", "hubei", "hunan", "chongqing",
         "sichuan", "guizhou", "yunnan"),
        ("上海市", "南京市", "杭州市", "合肥市", "南昌市", "武汉市", "长沙市", "重庆市", "成都市",
         "贵阳市", "昆明市"),
    ),
)

# --------------------------------------------------------------------------------------

LEVEL_BY_SUFFIX = (("特别行政区", "sar"), ("自治区", "autonomous-region"), ("省", "province"))
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
CITY_SUFFIXES = (("自治州", "Autonomous Prefecture"), ("地区", "Prefecture"), ("盟", "League"),
                 ("市", "City"))


@dataclass
class Row:
    adcode: str
    name_zh: str
    lon: float | None
    lat: float | None


@dataclass
class Entry:
    id: str
    name: str
    name_zh: str
    level: str
    parent: str | None
    lat: float
    lon: float
    aliases: list[str] = field(default_factory=list)
    adcode: str | None = None
    row: int | None = None
    col: int | None = None
    tile: str | None = None
    members: list[str] | None = None
    preferred: bool = False


def read_adcodes() -> list[Row]:
    """Read cpca's adcodes.csv (adcode,name,longitude,latitude)."""
    text = resources.files("cpca").joinpath("resources/adcodes.csv").read_text("utf-8")
    rows = []
    for rec in csv.DictReader(text.splitlines()):
        lon = float(rec["longitude"]) if rec["longitude"] else None
        lat = float(rec["latitude"]) if rec["latitude"] else None
        rows.append(Row(rec["adcode"], rec["name"], lon, lat))
    return rows


def read_nationalities() -> list[str]:
    text = resources.files("cpca").joinpath("resources/56_nations.csv").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_ethnic(base: str, nations: list[str]) -> tuple[str, list[str]]:
    """Peel ethnic-group names off the end of an autonomous area's name.

    "恩施土家族苗族" -> ("恩施", ["土家族", "苗族"]); "巴音郭楞蒙古" -> ("巴音郭楞", ["蒙古族"]).
    Multi-character groups may drop the 族 (蒙古, 维吾尔, 柯尔克孜); at least two characters of
    place name must remain (内蒙古 is not 内 + 蒙古).
    """
    forms = []
    for n in nations:
        forms.append((n, n))
        if n.endswith("族") and len(n) >= 3:
            forms.append((n[:-1], n))
    forms.sort(key=lambda f: -len(f[0]))
    groups: list[str] = []
    changed = True
    while changed:
        changed = False
        for form, nation in forms:
            if base.endswith(form) and len(base) - len(form) >= 2:
                base = base[: -len(form)]
                groups.insert(0, nation)
                changed = True
                break
    return base, groups


def romanise(zh: str) -> str:
    """Pinyin without tones, capitalised, apostrophe before a/o/e syllables (Xi'an)."""
    out = ""
    for i, syl in enumerate(lazy_pinyin(zh, style=Style.NORMAL, v_to_u=True)):
        if i and syl[:1] in "aoe":
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("'", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def ascii_variants(name: str, full_zh: str) -> list[str]:
    """Spelling variants English text commonly uses: no apostrophe, v/u for ü."""
    out = []
    if "'" in name and full_zh not in NO_CLOSED_FORM:
        out.append(name.replace("'", ""))
    if "ü" in name:
        out += [name.replace("ü", "v"), name.replace("ü", "u")]
    return out


def level_of_top(zh: str) -> str:
    if zh in MUNICIPALITIES:
        return "municipality"
    for suffix, level in LEVEL_BY_SUFFIX:
        if zh.endswith(suffix):
            return level
    raise ValueError(f"cannot tell the level of provincial-level division {zh!r}")


def strip_top_suffix(zh: str) -> str:
    for suffix in ("特别行政区", "自治区", "省", "市"):
        if zh.endswith(suffix):
            return zh[: -len(suffix)]
    return zh


def build_provinces(rows: list[Row], nations: list[str]) -> dict[str, Entry]:
    """The 34 provincial-level divisions, keyed by 2-digit adcode prefix."""
    out: dict[str, Entry] = {}
    for r in rows:
        if r.adcode[2:] != "0" * 10:
            continue
        level = level_of_top(r.name_zh)
        base_zh = strip_top_suffix(r.name_zh)
        base_zh, groups = split_ethnic(base_zh, nations) if level == "autonomous-region" else (
            base_zh, [])
        name = ENGLISH_NAME.get(r.name_zh) or romanise(base_zh)
        aliases = []
        if level == "autonomous-region":
            ethnic = " and ".join(ETHNIC_EN[g] for g in groups)
            aliases.append(" ".join(p for p in (name, ethnic, "Autonomous Region") if p))
        elif level == "sar":
            aliases += [f"{name} SAR", f"{name} Special Administrative Region"]
        aliases += EXTRA_ALIASES.get(r.name_zh, [])
        aliases += [base_zh, r.name_zh]
        assert r.lat is not None and r.lon is not None
        out[r.adcode[:2]] = Entry(
            id=slugify(name), name=name, name_zh=r.name_zh, level=level, parent="china",
            lat=r.lat, lon=r.lon, aliases=aliases, adcode=r.adcode,
        )
    return out


def build_cities(rows: list[Row], provinces: dict[str, Entry], nations: list[str]) -> list[Entry]:
    """Prefecture-level divisions: cities, prefectures, autonomous prefectures, leagues.

    Skipped: the 市辖区/县 placeholder rows of the municipalities and the 省直辖县级
    groups (county-level cities administered directly by a province are not prefectures).
    """
    out = []
    for r in rows:
        code = r.adcode
        if code[2:4] == "00" or code[4:] != "0" * 8:
            continue
        zh = r.name_zh
        if zh in ("市辖区", "县") or "直辖" in zh or zh in DEFUNCT:
            continue
        aliases: list[str] = []
        level_word = None
        if zh in RENAMED:
            aliases.append(zh)
            zh = RENAMED[zh][0]
        for suffix, word in CITY_SUFFIXES:
            if zh.endswith(suffix):
                base_zh, level_word = zh[: -len(suffix)], word
                break
        else:
            raise ValueError(f"unexpected prefecture-level name {zh!r} ({code})")
        groups: list[str] = []
        if level_word == "Autonomous Prefecture":
            base_zh, groups = split_ethnic(base_zh, nations)
        name = ENGLISH_NAME.get(r.name_zh) or romanise(base_zh)
        if level_word == "Autonomous Prefecture":
            ethnic = " and ".join(ETHNIC_EN[g] for g in groups)
            aliases.insert(0, f"{name} {ethnic} Autonomous Prefecture")
            aliases.insert(1, f"{name} Prefecture")
        elif level_word in ("Prefecture", "League"):
            aliases.insert(0, f"{name} {level_word}")
        aliases += ascii_variants(name, r.name_zh)
        aliases += EXTRA_ALIASES.get(r.name_zh, [])
        aliases += [base_zh, zh]
        province = provinces[code[:2]]
        if r.lat is None or r.lon is None:
            raise ValueError(f"no coordinates for {zh} ({code})")
        out.append(Entry(
            id=slugify(name), name=name, name_zh=zh, level="city", parent=province.id,
            lat=r.lat, lon=r.lon, aliases=aliases, adcode=code,
        ))
    return out


def resolve_collisions(provinces: list[Entry], cities: list[Entry]) -> None:
    """Give every entry a unique id and mark which reading of a shared name is preferred.

    A city named like a province (Jilin) becomes ``jilin-city`` (or ``-prefecture``); of two
    cities with the same romanised name the one in PREFERRED_READING keeps the plain slug
    and the other becomes ``<slug>-<province>``.  Both keep the bare name, so the matcher
    returns every candidate, preferred first.
    """
    province_ids = {p.id: p for p in provinces}
    by_slug: dict[str, list[Entry]] = defaultdict(list)
    for c in cities:
        by_slug[c.id].append(c)
    for slug, group in sorted(by_slug.items()):
        if slug in province_ids:
            province = province_ids[slug]
            province.preferred = True
            province.aliases.insert(0, f"{province.name} Province")
            for c in group:
                word = "city" if c.name_zh.endswith("市") else "prefecture"
                c.id = f"{slug}-{word}"
                c.aliases[:0] = [f"{c.name} {word.title()}", f"{c.name} {word}"]
            if len(group) == 1:
                continue
        if len(group) == 1:
            continue
        preferred_zh = PREFERRED_READING.get(group[0].name)
        if preferred_zh is None or preferred_zh not in {c.name_zh for c in group}:
            names = ", ".join(f"{c.name_zh} ({c.parent})" for c in group)
            raise SystemExit(f"cities share the name {group[0].name!r}: {names}; "
                             "add the preferred one to PREFERRED_READING")
        for c in group:
            if c.name_zh == preferred_zh:
                c.preferred = True
            else:
                c.id = f"{c.id}-{c.parent}"


def mean_position(names: tuple[str, ...], coords: dict[str, tuple[float, float]]):
    lats = [coords[n][0] for n in names]
    lons = [coords[n][1] for n in names]
    return sum(lats) / len(lats), sum(lons) / len(lons)


def build() -> dict:
    rows = read_adcodes()
    nations = read_nationalities()
    missing = set(ETHNIC_EN) - set(nations)
    if missing:
        raise SystemExit(f"ETHNIC_EN names not in cpca's nationality list: {sorted(missing)}")
    province_map = build_provinces(rows, nations)
    provinces = sorted(province_map.values(), key=lambda e: e.id)
    if len(provinces) != 34:
        raise SystemExit(f"expected 34 provincial-level divisions, found {len(provinces)}")
    cities = build_cities(rows, province_map, nations)
    resolve_collisions(provinces, cities)

    if set(TILE_GRID) != {p.id for p in provinces}:
        diff = set(TILE_GRID) ^ {p.id for p in provinces}
        raise SystemExit(f"TILE_GRID and provinces differ: {sorted(diff)}")
    if len({(r, c) for r, c, _ in TILE_GRID.values()}) != len(TILE_GRID):
        raise SystemExit("TILE_GRID puts two provinces on one cell")
    for p in provinces:
        p.row, p.col, p.tile = TILE_GRID[p.id]

    coords = {r.name_zh: (r.lat, r.lon) for r in rows if r.lat is not None}
    economic = []
    for er in ECONOMIC_REGIONS:
        lat, lon = mean_position(er.centre_cities, coords)
        unknown = set(er.members) - {p.id for p in provinces}
        if unknown:
            raise SystemExit(f"{er.id}: unknown members {sorted(unknown)}")
        economic.append(Entry(
            id=er.id, name=er.name, name_zh=er.name_zh, level="economic-region", parent="china",
            lat=lat, lon=lon, aliases=list(er.aliases) + [er.name_zh], members=list(er.members),
        ))

    country = Entry(id=COUNTRY["id"], name=COUNTRY["name"], name_zh=COUNTRY["name_zh"],
                    level="country", parent=None, lat=COUNTRY["lat"], lon=COUNTRY["lon"],
                    aliases=list(COUNTRY["aliases"]) + [COUNTRY["name_zh"]])

    entries = ([country] + provinces + sorted(economic, key=lambda e: e.id)
               + sorted(cities, key=lambda e: (e.parent, e.id)))
    ids = [e.id for e in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SystemExit(f"duplicate ids: {dupes}")
    check_shared_aliases(entries)
    return {"regions": [to_dict(e) for e in entries]}


def check_shared_aliases(entries: list[Entry]) -> None:
    """Every surface form shared by several entries must have exactly one preferred reading,
    otherwise the matcher could not order its candidates."""
    owners: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for key in {e.name, e.name_zh, *e.aliases}:
            owners[key].append(e)
    for key, group in sorted(owners.items()):
        if len(group) > 1 and sum(e.preferred for e in group) != 1:
            ids = ", ".join(e.id for e in group)
            raise SystemExit(f"alias {key!r} is shared by {ids} without exactly one preferred")


def dedupe(items: list[str], drop: set[str]) -> list[str]:
    seen = set(drop)
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def to_dict(e: Entry) -> dict:
    d: dict = {
        "id": e.id,
        "name": e.name,
        "name_zh": e.name_zh,
        "aliases": dedupe(e.aliases, {e.name}),
        "level": e.level,
        "parent": e.parent,
        "lat": round(e.lat, 4),
        "lon": round(e.lon, 4),
    }
    if e.row is not None:
        d["row"], d["col"], d["tile"] = e.row, e.col, e.tile
    if e.members is not None:
        d["members"] = e.members
    if e.adcode:
        d["adcode"] = e.adcode
    if e.preferred:
        d["ambiguous_alias_preferred"] = True
    return d


def render(data: dict) -> str:
    versions = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in ("cpca", "pypinyin"))
    header = (
        "# Generated by scripts/build_gazetteer.py -- do not edit by hand.\n"
        "# Sources: cpca resources/adcodes.csv (names, adcodes, coordinates) and pypinyin\n"
        f"# ({versions}), plus the small tables in the script.\n"
        "# lat/lon of provinces and cities are those of the seat of government;\n"
        "# economic regions use the mean position of their main cities.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    return header + body


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fail if the output file is stale")
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        current = args.out.read_text("utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale; rerun scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, "utf-8")
    n = text.count("\n- id: ")
    print(f"wrote {args.out} ({n} regions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
