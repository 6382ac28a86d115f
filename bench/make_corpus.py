"""A deterministic synthetic corpus of N news articles, for the benchmarks.

    python bench/make_corpus.py N OUT_DIR [--seed S] [--force]

Why synthetic: the benchmarks need thousands of articles that exercise the same code
paths as real ones (headers, bylines, boilerplate footers, locator phrases, figures,
commitments, quotes, odd encodings), and real scraped news cannot be redistributed.  So
the articles recombine sentence *patterns*: templates lifted from the five seeds in
``seeds/`` plus general ones in the style of Xinhua / China Daily / Global Times / SCMP /
Caixin, filled with regions from ``generator/data/gazetteer.yaml``, theme aliases from
``generator/data/taxonomy.yaml``, numbers, dates and names.  The text reads like the real
thing to the extractor; it is not meant to be true.

Properties the benchmarks rely on:

* deterministic: article *i* depends only on ``(seed, i)`` (its own ``random.Random``), so
  the same arguments give the same bytes on any machine and any N is a prefix of a bigger N;
* streaming: each article is generated, written and dropped, so memory stays flat and
  10,000 articles take a few seconds;
* varied inputs, as scraped corpora are: about 5 % Markdown with YAML front matter, 3 %
  with a UTF-8 BOM, 2 % GB18030-encoded with Chinese paragraphs, 2 % CRLF line ends;
  header styles of Global Times / People's Daily Online, China Daily, and plain
  "title + dateline" pages, each with its own footer cruft.

``OUT_DIR/.corpus.json`` (hidden, so not an article) is written last: it records N, the
seed and a fingerprint of this script, so callers can reuse a complete corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "generator" / "data"
MARKER = ".corpus.json"
FILE_NAME = re.compile(r"^\d{6}_[0-9a-f]{16}\.(?:txt|md)$")

# Shares of special files (per article, independent draws).
P_FRONT_MATTER = 0.05
P_BOM = 0.03
P_GB18030 = 0.02
P_CRLF = 0.02
P_ZH_IN_UTF8 = 0.01

# --- reference data -------------------------------------------------------------------------

# Xinhua's locator convention ("Ningbo in East China's Zhejiang Province"). Not in the
# gazetteer (it is a newsroom habit, not geography), so it lives here.
DIRECTION = {
    "East": "shanghai jiangsu zhejiang anhui fujian jiangxi shandong",
    "North": "beijing tianjin hebei shanxi inner-mongolia",
    "Northeast": "liaoning jilin heilongjiang",
    "Central": "henan hubei hunan",
    "South": "guangdong guangxi hainan",
    "Southwest": "chongqing sichuan guizhou yunnan tibet",
    "Northwest": "shaanxi gansu qinghai ningxia xinjiang",
}
FULL_NAME = {  # what follows the name in a locator phrase
    "guangxi": "Guangxi Zhuang Autonomous Region",
    "inner-mongolia": "Inner Mongolia Autonomous Region",
    "ningxia": "Ningxia Hui Autonomous Region",
    "tibet": "Tibet Autonomous Region",
    "xinjiang": "Xinjiang Uygur Autonomous Region",
}


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    name_zh: str
    level: str  # province | municipality | autonomous-region | city
    province: str  # id of the provincial-level parent (itself for provinces)

    @property
    def kind(self) -> str:
        return {"city": "city", "municipality": "municipality",
                "autonomous-region": "region"}.get(self.level, "province")


@dataclass(frozen=True)
class Reference:
    places: dict[str, Place]
    provinces: tuple[Place, ...]
    cities_of: dict[str, tuple[Place, ...]]
    direction: dict[str, str]
    themes: tuple[tuple[str, tuple[str, ...]], ...]  # (id, usable aliases)
    publishers: tuple[str, ...]


_ADJECTIVE_END = re.compile(r"(?:al|ic|ed|-altitude| altitude|-carbon| carbon|-tech)$")


def _usable_alias(alias: str) -> bool:
    """Aliases that read as a noun in "industries such as X, Y and Z" (not "robotic")."""
    if not alias.isascii() or len(alias) < 2:
        return False
    if alias.isupper() or any(ch.isdigit() for ch in alias):
        return True  # acronyms: AI, NEV, 5G, C919
    return not _ADJECTIVE_END.search(alias)


@cache
def reference() -> Reference:
    """Regions, themes and publishers from the project's own reference data (loaded once)."""
    gaz = yaml.safe_load((DATA / "gazetteer.yaml").read_text("utf-8"))["regions"]
    tax = yaml.safe_load((DATA / "taxonomy.yaml").read_text("utf-8"))["themes"]
    pubs = yaml.safe_load((DATA / "publishers.yaml").read_text("utf-8"))["publishers"]
    direction = {pid: d for d, ids in DIRECTION.items() for pid in ids.split()}
    places: dict[str, Place] = {}
    for r in gaz:
        level = r["level"]
        if level in ("province", "municipality", "autonomous-region") and r["id"] in direction:
            places[r["id"]] = Place(r["id"], r["name"], r.get("name_zh") or "", level, r["id"])
        elif level == "city" and r.get("parent") in direction and r["name"].isalpha():
            places[r["id"]] = Place(r["id"], r["name"], r.get("name_zh") or "", level,
                                    r["parent"])
    provinces = tuple(p for p in places.values() if p.level != "city")
    cities_of = {p.id: tuple(c for c in places.values()
                             if c.level == "city" and c.province == p.id) for p in provinces}
    themes = tuple((t["id"], tuple(a for a in t["aliases"] if _usable_alias(a)))
                   for t in tax)
    return Reference(places, provinces, cities_of, direction,
                     tuple(t for t in themes if t[1]), tuple(p["name"] for p in pubs))


# --- names ------------------------------------------------------------------------------------

SURNAMES = (
    "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Luo Liang "
    "Song Zheng Xie Han Tang Feng Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Su Lu Cai "
    "Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan Liao Zou "
    "Xiong Jin Hao Kong Bai Cui Kang Mao Qiu Qin Shao Meng Duan Lei Qian Yin Qiao Gong Wen"
).split()
GIVEN = (
    "Wei Jing Hui Ming Xiaoyu Changan Hailong Weilan Jingyi Xinyi Shaoshan Xuefeng Helin "
    "Xiangdong Peng Yifan Lei Yan Jun Qiang Min Tao Xiaoming Jianguo Lihua Yuxuan Zihan "
    "Haoran Yuting Shuang Chao Bin Dan Fei Gang Kai Lin Na Ping Rui Tingting Xin Yue Zhiwei "
    "Jianhua Wenjie Guoqiang Xiaohong Meiling Dongsheng Yongmei Zhengyu Chunyan Haitao"
).split()
FOREIGN = ("Jack Perry", "Anna Keller", "David Brown", "Maria Santos", "Tom Harris",
           "Sarah Lin", "Peter Novak", "Laura Bianchi")
INSTITUTIONS = (
    "the Academy of China Open Economy Studies at the University of International Business "
    "and Economics", "the Chinese Academy of Social Sciences", "Renmin University of China",
    "the China Center for International Economic Exchanges", "Tsinghua University",
    "Peking University", "Fudan University", "the Development Research Center of the State "
    "Council", "the China Academy of Information and Communications Technology",
    "the Beijing Academy of Social Sciences", "Zhongnan University of Economics and Law",
    "the Shanghai Academy of Social Sciences", "Xiamen University",
)
ROLES = (
    "a professor at {inst}", "an associate research fellow at {inst}",
    "a senior researcher at {inst}", "director of the institute of regional economics at {inst}",
    "a veteran economist", "an independent industry analyst", "chief economist at {firm}",
    "a vice president of {firm}", "chairman of {firm}", "a deputy to the {prov} Provincial "
    "People's Congress", "deputy director of the {prov} Development and Reform Commission",
    "head of the {prov} Department of Industry and Information Technology",
)
FIRMS = ("Qi An Xin Technology Group", "Leju Robotics", "Zhongtai Securities",
         "China Merchants Securities", "Huachuang Securities", "Lianhe Credit Rating",
         "Pinpoint Asset Management", "48 Group Club", "CITIC Securities",
         "Everbright Securities", "Huatai Securities")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ORDINAL = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
           "ninth", "10th")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "12")

# --- sentence templates ----------------------------------------------------------------------
#
# Slots: {R} the paragraph's region, {LOC} its locator phrase ("Ningbo in East China's
# Zhejiang Province"), {RS} its possessive, {KIND} province/city/municipality/region,
# {RP} its province, {R2} {R3} other regions of the article, {T1}..{T4} theme aliases,
# {Y} the plan year, {PY} the year before, {PCT} a growth rate, {SHARE} a share, {GROW}
# a growth figure, {BIL} / {TRIL} an amount in yuan with its dollar equivalent, {N} {N2}
# counts, {Q} a qualifier, {P} a person introduced with {ROLE}, {PS} that person's surname,
# {DAY} a weekday, {MONTH} a month, {PUB} a publisher, {NW} a number word.

# Lifted from the seeds (names, themes and numbers replaced by slots).
SEED_TEMPLATES_TARGET = (
    "The city of {R} in {DIR} China's {RPF} has set a target for GDP growth of more than "
    "{PCT} percent for {Y}, according to a summary of its government work report released "
    "on the city's government website on {DAY}.",
    "{LOC} has set its GDP growth target for {Y} at more than {PCT} percent.",
    "{LOC} has projected a GDP growth rate of around {PCT} percent for {Y}, while {R2} has "
    "forecast a GDP growth rate of over {PCT2} percent.",
    "{R} anticipated a GDP growth rate of around {PCT} percent.",
)
SEED_TEMPLATES_FIGURE = (
    "{RS} Government Work Report revealed that the scale of the {KIND}'s three leading "
    "industries - {T1}, {T2}, and {T3} - reached {TRIL} in {PY}.",
    "Expenditure on research and development accounted for {SHARE_RD} percent of the "
    "{KIND}'s GDP, and the number of high-value invention patents per 10,000 people increased "
    "to {DEC}.",
    "The added value of advanced manufacturing and high-tech manufacturing accounted for "
    "{SHARE} percent and {SHARE2} percent, respectively, of the industrial output of "
    "enterprises above a designated size.",
    "The production of {T1} grew by {GROW} percent, that of {T2} by {GROW2} percent and that "
    "of {T3} by {GROW3} percent, according to {RS} Government Work Report.",
    "{R} will arrange {N} key provincial construction projects with an annual investment "
    "plan of {TRIL} in {Y}.",
    "Among them, industrial projects account for {SHARE} percent of the total, with {N2} "
    "projects in five major industries, and an annual investment of {BIL}, said {P}, "
    "{ROLE}.",
    "As one of the engines driving China's economic growth, {RS} GDP reached {TRIL} last "
    "year, ranking {ORD} in China.",
    "Statistics show that the output value of {RS} strategic emerging industries and "
    "high-tech industries accounted for {SHARE} percent and {SHARE2} percent of the "
    "{KIND}'s industries, respectively.",
    "The {KIND} will meanwhile focus on promoting the development of emerging industries "
    "from {T1} and {T2} to the {T3}, while it aims to achieve a growth rate of more than "
    "{GROW} percent in {T1} production.",
    "{R}, for example, vowed to launch more than {N} promotion events, cultivate {N2} smart "
    "shops, restaurants, and shopping districts, and introduce more than {N3} stores as "
    "first of a kind.",
)
SEED_TEMPLATES_COMMIT = (
    "{R}, which delivered its Government Work Report on {DAY}, said it will strengthen "
    "scientific and technological innovation capabilities in frontier fields such as {T1}, "
    "{T2}, {T3}, and {T4}.",
    "Meanwhile, {R} will strengthen the deep integration of industry, academia, and research "
    "led by enterprises, and support enterprises in leading major scientific and "
    "technological projects.",
    "{LOC}, another economic powerhouse, on {DAY} released its {Y} Government Work Plan, "
    "focusing on {N_TASKS} major tasks.",
    "According to the Government Work Plan, {R} will accelerate the development of emerging "
    "and future industries, as well as the transformation and upgrading of traditional "
    "industries.",
    "Efforts will be put into emerging industries such as {T1}, {T2}, the {T3}, and {T4}.",
    "{R} will cultivate future industries such as {T1}, {T2}, and {T3}.",
    "The {KIND} also vowed to advance the construction of pilot cities for {T1}, while "
    "improving the systems for {T2} and emergency rescue.",
    "To achieve this goal, {R} will accelerate the construction of a global benchmark city "
    "for the {T1}, and establish a comprehensive pilot zone for {T2}.",
    "{R} will focus on promoting high-quality opening-up while prioritizing {T1}, according "
    "to its government work report, local news portal {PORTAL} reported.",
    "It will also actively encourage foreign investment inflows into fields including {T1}, "
    "{T2}, and {T3}, while attracting multi-national firms to establish regional "
    "headquarters and research and development centers in the {KIND}.",
    "{R} vowed to construct a world-class hub for {T1} and proposed to construct a "
    "high-level international hub for {T2}.",
    "{R} is set to accelerate production capacity for major {T1} projects while supporting "
    "relevant firms to withstand external pressures.",
    "{R} and {R2} have identified {T1} as a key technological frontier, while {R3} targets "
    "building a {T2} research facility.",
    "{R} has prioritized {T1} in its development strategy, accelerating {T2} construction "
    "while pioneering a landmark {T3} demonstration project.",
    "The capital city {CAP} aims to enhance its capacity for {T1}, and it will focus on "
    "making breakthroughs in key technologies and developing strategic emerging industries "
    "such as {T2}, {T3}, and {T4}.",
    "Additionally, {R} is striving to elevate its {T1} and {T2} industries to national-level "
    "clusters.",
    "In {Y}, {R} will strive to gather more than {N} outstanding professionals in {T1} from "
    "various fields, the Xinhua News Agency reported.",
)
SEED_TEMPLATES_QUOTE = (
    "The GDP growth targets set by localities reflect relatively optimistic sentiment, "
    "showcasing positive signals with improved expectations, said {P}, {ROLE}.",
    "{PS} told the {PUB} on {DAY} that the collective economic confidence of Chinese "
    "localities will help drive up the overall economy.",
    "{P}, {ROLE}, said that the targets reflected the confidence of local governments in "
    "developing their economies while reflecting their differences in economic foundations.",
    "{PS} added that their goals are reasonable and challenging yet achievable, which can "
    "stimulate the enthusiasm and creativity of local governments and enterprises.",
    "China is strengthening policy support in promoting {T1} and increasing investment in "
    "{T2} to generate new industries and new drivers of growth, {P}, {ROLE}, told the {PUB}.",
    "The region-specific development measures will not only help the economies achieve "
    "high-quality development, but also provide strong support for the country's overall "
    "economic development in {Y}, {PS} said.",
    "\"{R} is set to emerge as a global leader in the {T1} industry through technological "
    "innovation and industrial integration,\" said {P}, {ROLE}.",
    "This initiative reflects {RS} continuous efforts to attract investment, foster {T1}, "
    "and support the growth of businesses, said an industry insider.",
)
SEED_TEMPLATES_NATIONAL = (
    "In December, the Central Economic Work Conference set priorities for the nation's "
    "economic work in {Y}, including the use of {T1} to lead the development of new quality "
    "productive forces, according to the Xinhua News Agency.",
    "The tone-setting Central Economic Work Conference held in December {PY} said that "
    "efforts should be made to strengthen the implementation of regional strategies and "
    "boost regional development vitality.",
    "China's local governments tend to develop innovation and industrial roadmaps based on "
    "their unique strengths.",
    "Multiple provinces have introduced \"{T1} plus\" plans, with {R} targeting the "
    "construction of {NW} intelligent computing clusters.",
)

# General templates in the style of the English-language Chinese press.
TARGET = (
    "{LOC} aims to expand its economy by around {PCT} percent in {Y}, according to the "
    "government work report delivered on {DAY}.",
    "{LOC} set its {Y} economic growth target at about {PCT} percent, the same as last year.",
    "{R} targets GDP growth of {PCT} to {PCT_HI} percent this year, the {KIND}'s governor "
    "said in the annual government work report.",
    "{LOC} has pledged to keep economic growth at around {PCT} percent in {Y}, while "
    "creating more than {N} new urban jobs.",
    "{RS} growth target of {Q} {PCT} percent is above the national average, "
    "reflecting confidence in {T1} and {T2}.",
    "{R} expects its GDP to grow by {Q} {PCT} percent this year, with fixed-asset "
    "investment rising by around {GROW_S} percent.",
    "For {Y}, {LOC} aims for a surveyed urban unemployment rate of around 5.5 percent and a "
    "consumer price increase of around 2 percent.",
)
FIGURE = (
    "{RS} GDP grew {PCT} percent year-on-year to {TRIL} in {PY}, official data showed.",
    "Retail sales of consumer goods in {R} rose {GROW_S} percent to {BIL} last year.",
    "{RS} foreign trade reached {TRIL} in {PY}, up {GROW_S} percent from a year earlier.",
    "Fixed-asset investment in {R} increased by {GROW_S} percent in {PY}, with investment "
    "in high-tech industries up {GROW} percent.",
    "The {KIND} is home to more than {N} high-tech enterprises and {N2} national-level "
    "specialized and sophisticated \"little giant\" firms.",
    "{T1} accounted for {SHARE} percent of {RS} industrial output last year.",
    "Output of {T1} in {R} jumped {GROW} percent in {PY}, making it one of the fastest "
    "growing sectors in the {KIND}.",
    "{R} plans to build {N} new 5G base stations by the end of {Y}, bringing the total to "
    "more than {N2}.",
    "The {KIND}'s spending on research and development reached {BIL} in {PY}, equal to "
    "{SHARE_RD} percent of its GDP.",
    "{R} will invest {BIL} in {N} major projects in {T1} and {T2} this year.",
    "The {T1} industry in {R} is expected to exceed {BIL} in scale by {Y_END}.",
    "Exports of {T1} from {R} surged {GROW} percent in {PY}, customs data showed.",
    "The digital economy now accounts for about {SHARE} percent of {RS} GDP, local officials "
    "said.",
)
COMMIT = (
    "{R} will speed up the development of {T1} and {T2}, according to the report.",
    "The {KIND} plans to build a national hub for {T1} and nurture {N} leading enterprises "
    "in the sector by {Y_END}.",
    "{R} vowed to make breakthroughs in core technologies for {T1}, with a focus on {T2}.",
    "{R} pledged to roll out support measures for {T1}, including subsidies, talent "
    "programs and pilot application scenarios.",
    "Local authorities in {R} said they will step up efforts to attract investment in {T1} "
    "and {T2}.",
    "The {KIND} is set to launch a special action plan for {T1}, the report said.",
    "{R} aims to build itself into a globally competitive center for {T1} by {Y_END}.",
    "The government work report said {R} will expand effective investment and boost "
    "{T1}, while fostering new growth drivers such as {T2}.",
    "{R} will also deepen reforms of state-owned enterprises and support the private "
    "economy, the report said.",
    "Going forward, {R} will strive to cultivate industrial clusters worth {TRIL} in {T1}, "
    "{T2} and {T3}.",
    "{R} plans to set up a fund of {BIL} to back start-ups in {T1} and {T2}.",
    "The {KIND} called for efforts to promote the integrated development of {T1} and {T2}.",
    "{R} will accelerate the application of {T1} in manufacturing, healthcare and "
    "public services.",
    "In addition, the {KIND} will host major trade fairs and expand pilot programs for "
    "{T1}.",
    "{R} proposed to upgrade {T1} and phase out outdated capacity in an orderly manner.",
    "Under the plan, {R} will build {N} demonstration factories for {T1} and {N2} "
    "application scenarios for {T2} this year.",
)
QUOTE = (
    "\"We will seize the opportunities brought by {T1} and make {R} a pioneer in {T2},\" "
    "said {P}, {ROLE}.",
    "{P}, {ROLE}, told the {PUB} that the {KIND}'s focus on {T1} plays to its industrial "
    "strengths.",
    "\"The targets are ambitious but achievable,\" {P}, {ROLE}, told the {PUB} on {DAY}.",
    "{P}, {ROLE}, said the measures would help stabilize expectations and boost market "
    "confidence.",
    "\"Local governments are competing to nurture {T1}, which will become a new engine of "
    "growth,\" {PS} said.",
    "{PS} noted that policy support for {T1} and {T2} should be matched with investment in "
    "talent.",
    "According to {P}, {ROLE}, the {KIND}'s plans for {T1} are closely aligned with national "
    "priorities.",
)
NATIONAL = (
    "China has set its GDP growth target for {Y} at around 5 percent.",
    "The Central Economic Work Conference in December {PY} called for developing new "
    "quality productive forces in line with local conditions.",
    "Analysts said the local targets show that provinces remain committed to stabilizing "
    "growth despite external uncertainties.",
    "Provincial-level regions are expected to play a bigger role in expanding domestic "
    "demand and upgrading industry, experts said.",
    "Several provinces also pledged to step up support for {T1}, in line with the national "
    "strategy.",
)
LEAD = (
    "Chinese provinces and cities, especially economic powerhouses, have rolled out their "
    "economic work plans for {Y}, with {T1} and {T2} in focus to boost high-quality growth.",
    "Chinese localities have defined their local economic growth targets for {Y} and "
    "outlined key tasks to bolster their economies, as local people's congresses convened "
    "this month.",
    "Several major Chinese provinces and cities have taken proactive steps to seize the "
    "opportunities of {T1}, aiming to establish themselves as leading forces in high-tech "
    "fields.",
    "Chinese provinces have outlined plans this year to strengthen support for "
    "tech-intensive industries such as {T1}, most of which are tailored to local conditions.",
    "Provincial governments across China unveiled their {Y} growth targets and priorities "
    "at the annual \"two sessions\" held this month.",
    "{LOC} has unveiled an ambitious plan to develop {T1}, as local governments race to "
    "build new growth engines.",
)
TITLES = (
    "Chinese localities unveil growth targets for {Y} with focus on {T1}, {T2} and {T3}",
    "{R} sets {Y} growth target at around {PCT}%, eyes {T1}",
    "{R} bets on {T1} and {T2} to drive growth in {Y}",
    "Multiple provinces, cities ramp up efforts to boost {T1}, innovation",
    "Chinese provinces set tailored plans to support {T1} and {T2}",
    "{R} targets {PCT}% growth as it doubles down on {T1}",
    "Local two sessions: {R} pledges support for {T1}",
    "Chinese localities roll out {Y} plans, with {T1} in focus to fuel economic growth",
)
ZH = (
    "{RZ}{Y}年政府工作报告提出，全年地区生产总值增长{PCT}%左右。",
    "{RZ}将加快发展新质生产力，培育壮大战略性新兴产业和未来产业。",
    "报告提出，{Y}年{RZ}将扩大有效投资，全年安排省重点项目{N}个。",
    "专家表示，各地因地制宜发展新质生产力，有利于推动经济高质量发展。",
    "{RZ}将深入实施创新驱动发展战略，推进科技创新和产业创新深度融合。",
)
PORTALS = ("hinews.cn", "thepaper.cn", "jfdaily.com", "zjol.com.cn", "dahe.cn", "sxdaily.com.cn")


# --- filling ---------------------------------------------------------------------------------


def _money(rng: random.Random, unit: str) -> str:
    """"165.8 billion yuan ($22.7 billion)" - the dollar part as the press writes it."""
    if unit == "trillion":
        yuan = round(rng.uniform(0.3, 14.0), 2 if rng.random() < 0.3 else 1)
    else:
        yuan = round(rng.uniform(1.0, 980.0), 1)
    text = f"{yuan:g} {unit} yuan"
    if rng.random() < 0.6:
        usd = yuan / 7.3
        usd_unit = unit
        if unit == "trillion" and usd < 1:
            usd, usd_unit = usd * 1000, "billion"
        text += f" (${usd:.1f} {usd_unit})" if usd < 100 else f" (${usd:.0f} {usd_unit})"
    return text


class Article:
    """One article's random state and cast (regions, themes, people, dates)."""

    def __init__(self, seed: int, index: int) -> None:
        ref = reference()
        self.ref = ref
        # A str seed is hashed with SHA-512 by `random`: stable across runs and machines.
        self.rng = rng = random.Random(f"briefing-bench:{seed}:{index}")
        self.year = rng.choice((2023, 2024, 2025, 2025, 2025, 2026))
        self.month = rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 6, 9, 11, 12))
        self.day = rng.randint(1, 28)
        self.hour, self.minute = rng.randint(6, 23), rng.randint(0, 59)
        main = rng.choice(ref.provinces)
        others = rng.sample([p for p in ref.provinces if p.id != main.id], 3)
        cities = list(ref.cities_of.get(main.id, ()))
        picks: list[Place] = [main]
        if cities:
            picks += rng.sample(cities, min(len(cities), rng.randint(1, 2)))
        for other in others:
            oc = ref.cities_of.get(other.id, ())
            picks.append(rng.choice(oc) if oc and rng.random() < 0.5 else other)
        self.places = picks
        self.theme_pool = [t for t in rng.sample(ref.themes, rng.randint(4, 7))]
        self.people: list[tuple[str, str]] = []
        self.introduced: set[str] = set()  # places already given a locator phrase
        self.author = self.person_name()

    # values ---------------------------------------------------------------------------------

    def person_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.06:
            return rng.choice(FOREIGN)
        return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"

    def locator(self, place: Place) -> str:
        ref = self.ref
        prov = ref.places[place.province]
        prov_full = FULL_NAME.get(prov.id) or (
            f"{prov.name} Municipality" if prov.level == "municipality"
            else f"{prov.name} Province")
        direction = ref.direction[prov.id]
        if place.level == "city":
            return f"{place.name} in {direction} China's {prov_full}"
        if place.level == "municipality" and self.rng.random() < 0.5:
            return place.name
        return f"{direction} China's {prov_full}"

    def theme(self, used: set[str]) -> str:
        rng = self.rng
        pool = [t for t in self.theme_pool if t[0] not in used] if rng.random() < 0.85 else []
        if not pool:
            pool = [t for t in self.ref.themes if t[0] not in used]
        tid, aliases = rng.choice(pool)
        used.add(tid)
        # The taxonomy lists the usual wording first; rarer aliases still show up.
        return rng.choice(aliases[:6] if rng.random() < 0.75 else aliases)

    def fill(self, template: str, place: Place) -> str:
        return template.format_map(_Slots(self, place))

    def sentences(self, templates: tuple[str, ...], place: Place, k: int) -> list[str]:
        return [self.fill(t, place) for t in self.rng.sample(templates, min(k, len(templates)))]


class _Slots(dict):
    """Per-sentence slot values, drawn on first use (so a slot repeated in one sentence
    keeps its value)."""

    def __init__(self, art: Article, place: Place) -> None:
        super().__init__()
        self.art, self.place = art, place
        self.used_themes: set[str] = set()

    def __missing__(self, key: str) -> str:
        value = self._draw(key)
        self[key] = value
        return value

    def _draw(self, key: str) -> str:  # noqa: C901 - one flat dispatch is clearest here
        art, rng, place = self.art, self.art.rng, self.place
        ref = art.ref
        base = key.rstrip("0123456789")
        if base == "R":
            if key == "R":
                return place.name
            others = [p for p in art.places if p.id != place.id]
            return rng.choice(others).name if others else "Beijing"
        if key == "LOC":
            if place.id in art.introduced:
                return place.name
            art.introduced.add(place.id)
            return art.locator(place)
        if key == "RS":
            return f"{place.name}'s"
        if key == "RZ":
            return place.name_zh
        if key == "KIND":
            return place.kind
        if key == "DIR":
            return ref.direction[place.province]
        if key == "RPF":
            prov = ref.places[place.province]
            return FULL_NAME.get(prov.id) or f"{prov.name} Province"
        if key == "CAP":
            cities = ref.cities_of.get(place.province, ())
            return cities[0].name if cities else place.name
        if base == "T":
            return art.theme(self.used_themes)
        if key == "Y":
            return str(art.year)
        if key == "PY":
            return str(art.year - 1)
        if key == "Y_END":
            return str(art.year + rng.choice((1, 2, 3, 5)))
        if base == "PCT":
            return rng.choice(("4.5", "5", "5", "5.5", "5.5", "6", "6", "6.5", "7", "7.5"))
        if key == "PCT_HI":
            return str(float(self["PCT"]) + 0.5).removesuffix(".0")
        if base == "SHARE":
            return f"{rng.uniform(12, 70):.1f}"
        if key == "SHARE_RD":
            return f"{rng.uniform(1.2, 6.5):.1f}"
        if base == "GROW":
            return f"{rng.uniform(3, 60):.1f}" if rng.random() < 0.7 else str(rng.randint(3, 60))
        if key == "GROW_S":
            return f"{rng.uniform(1, 12):.1f}"
        if key == "DEC":
            return f"{rng.uniform(10, 90):.1f}"
        if key == "BIL":
            return _money(rng, "billion")
        if key == "TRIL":
            return _money(rng, "trillion")
        if key == "N_TASKS":
            return str(rng.randint(8, 15))
        if base == "N":
            magnitude = rng.choice((10, 100, 1000))
            return f"{rng.randint(2, 99) * magnitude // 10:,}"
        if key == "NW":
            return rng.choice(NUMBER_WORDS)
        if key == "Q":
            return rng.choice(("around", "about", "more than", "over", "at least"))
        if key == "ORD":
            return rng.choice(ORDINAL)
        if key == "P":
            name = art.person_name()
            art.people.append((name, self["ROLE"]))
            return name
        if key == "ROLE":
            prov = ref.places[place.province].name
            return rng.choice(ROLES).format(inst=rng.choice(INSTITUTIONS),
                                            firm=rng.choice(FIRMS), prov=prov)
        if key == "PS":
            if not art.people:
                return self["P"]  # first mention: the full name
            name = art.people[-1][0]
            return name.split()[-1] if name in FOREIGN else name.split()[0]
        if key == "DAY":
            return rng.choice(DAYS)
        if key == "MONTH":
            return rng.choice(MONTHS)
        if key == "PUB":
            return rng.choice(("Global Times", "Global Times", "Xinhua News Agency",
                               "China Daily", "21st Century Business Herald"))
        if key == "PORTAL":
            return rng.choice(PORTALS)
        raise KeyError(key)


# --- layout ----------------------------------------------------------------------------------

GT_FOOTERS = ("(Web editor: {a}, {b})", "(Web editor: {a})")
CD_HEADER = ("Global EditionASIA 中文双语Français\nBusiness\nHome / Business / {section}\n\n"
             "{title}\n\n{pub} | Updated: {iso} {hhmm}\nShare\nShare - WeChat\n")
CD_FOOTER = (
    "Top\nBACK TO THE TOP\nEnglish\nCopyright 1995 - . All rights reserved. The content "
    "(including but not limited to text, photo, multimedia information, etc) published in "
    "this site belongs to China Daily Information Co (CDIC). Without written authorization "
    "from CDIC, such content shall not be republished or used in any form. Note: Browsers "
    "with 1024*768 or higher resolution are suggested for this site.\nLicense for publishing "
    "multimedia online 0108263\n\nRegistration Number: 130349\nFOLLOW US\nCLOSE\n"
)
PLAIN_FOOTER = (
    "{author}\n{author}\nThe writer covers regional economies and industrial policy. "
    "He can be reached at [email protected]\n\nLEAVE A REPLY\n\nPlease enter your comment!\n"
    "Please enter your name here\n\nMust Read\n\n{other}\n"
)


def _paragraphs(art: Article) -> list[list[str]]:
    """The body: a lead, one block per region (target, figures, plans, a quote), national
    context; 25-40 sentences in paragraphs of 1-4."""
    rng = art.rng
    target = rng.randint(25, 40)
    main = art.places[0]
    paras: list[list[str]] = [[art.fill(rng.choice(LEAD), main)]]
    if rng.random() < 0.5:
        paras[0].append(art.fill(rng.choice(SEED_TEMPLATES_NATIONAL + NATIONAL), main))
    blocks = art.places[:]
    count = sum(map(len, paras))
    i = 0
    while count < target:
        place = blocks[i % len(blocks)]
        i += 1
        opener = rng.choice(SEED_TEMPLATES_TARGET + TARGET + SEED_TEMPLATES_COMMIT[2:3])
        first = [art.fill(opener, place)]
        first += art.sentences(FIGURE + SEED_TEMPLATES_FIGURE, place, rng.randint(1, 3))
        plans = art.sentences(COMMIT + SEED_TEMPLATES_COMMIT, place, rng.randint(2, 4))
        quote = art.sentences(QUOTE + SEED_TEMPLATES_QUOTE, place, rng.randint(1, 2))
        for para in (first, plans, quote):
            if count >= target:
                break
            para = para[: target - count]
            paras.append(para)
            count += len(para)
    closing = art.fill(rng.choice(SEED_TEMPLATES_NATIONAL + NATIONAL), main)
    paras.append([closing])
    return paras


def _date_words(art: Article) -> str:
    return f"{MONTHS[art.month - 1]} {art.day}, {art.year}"


def render(seed: int, index: int) -> tuple[str, bytes]:
    """Article *index* of the corpus for *seed*: ``(file name, bytes)``."""
    art = Article(seed, index)
    rng = art.rng
    main = art.places[0]
    title = art.fill(rng.choice(TITLES), main)
    title = title[0].upper() + title[1:]
    paras = _paragraphs(art)
    iso = f"{art.year}-{art.month:02d}-{art.day:02d}"
    hhmm = f"{art.hour:02d}:{art.minute:02d}"
    front_matter = rng.random() < P_FRONT_MATTER
    gb = not front_matter and rng.random() < P_GB18030
    if gb or rng.random() < P_ZH_IN_UTF8:
        zh = [art.fill(t, p) for p, t in zip(art.places, rng.sample(ZH, 3), strict=False)]
        paras.insert(rng.randint(1, 3), zh[:2])
        paras.insert(len(paras) - 1, zh[2:])
    body = "\n\n".join(" ".join(p) if rng.random() < 0.3 else "\n\n".join(p) for p in paras)
    style = rng.random()
    ext = ".txt"
    if front_matter:
        ext = ".md"
        meta = {"title": title, "date": iso, "source": rng.choice(art.ref.publishers),
                "authors": [art.author], "url": f"https://example.com/{art.year}/{index}.html"}
        head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
        text = head + body + "\n"
    elif style < 0.6:  # Global Times as republished by People's Daily Online (seeds 000/001/004)
        pub = rng.choice(("Global Times", "Global Times", "Xinhua", "China Daily",
                          "People's Daily Online", "CGTN", "China News Service"))
        time_line = f"{hhmm}, {_date_words(art)} By {art.author} ( {pub}"
        footer = rng.choice(GT_FOOTERS).format(a=art.person_name(), b=art.person_name())
        text = f" date {iso} {title}\n\n{time_line}\n\n{body}\n\n{footer}\n"
    elif style < 0.85:  # China Daily page with navigation and copyright footer (seed 003)
        head = CD_HEADER.format(section=rng.choice(("Policies", "Economy", "Companies")),
                                title=title, pub=rng.choice(("Xinhua", "China Daily")),
                                iso=iso, hhmm=hhmm)
        city = rng.choice([p for p in art.places if p.level == "city"] or [main])
        caption = (f"This photo taken on {MONTHS[art.month - 1][:3]} {art.day}, {art.year} "
                   f"shows a production line in {city.name}. [Photo/Xinhua]\n\n")
        dateline = rng.choice(("BEIJING", "SHANGHAI", main.name.upper()))
        text = f"{head}{caption}{dateline} -- {body}\n\n{CD_FOOTER}"
    else:  # plain page: title, dateline, author bio and comment form (seed 002)
        other = art.fill(rng.choice(NATIONAL), art.places[-1])
        footer = PLAIN_FOOTER.format(author=art.author, other=other)
        text = f"{title}\n\n{main.name.upper()}: {body}\n\n{footer}"
    if rng.random() < P_CRLF:
        text = text.replace("\n", "\r\n")
    if gb:
        data = text.encode("gb18030")
    elif rng.random() < P_BOM:
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    else:
        data = text.encode("utf-8")
    digest = hashlib.blake2b(data, digest_size=8).hexdigest()
    return f"{index:06d}_{digest}{ext}", data


def articles(n: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """Articles 0..n-1 for *seed*, one at a time."""
    for i in range(n):
        yield render(seed, i)


def fingerprint() -> str:
    """Changes whenever this script (hence the corpus it makes) changes."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def is_complete(out_dir: Path, n: int, seed: int) -> bool:
    """Whether *out_dir* holds a finished corpus made by this very script for (n, seed)."""
    try:
        meta = json.loads((out_dir / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("n") == n and meta.get("seed") == seed and meta.get("fingerprint") == \
        fingerprint()


def make_corpus(n: int, out_dir: str | Path, *, seed: int = 0, force: bool = False,
                progress: Callable[[int], None] | None = None) -> dict:
    """Write *n* articles into *out_dir*; return the summary also stored in ``.corpus.json``.

    Refuses a non-empty folder unless *force*, which removes only files this script
    names (``NNNNNN_<hash>.txt|md``) and its marker: never anything else.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    existing = [p for p in out.iterdir()]
    if existing and not force:
        raise FileExistsError(f"{out} is not empty (use --force to replace a corpus)")
    for p in existing:
        if p.is_file() and (FILE_NAME.match(p.name) or p.name == MARKER):
            p.unlink()
    start = time.perf_counter()
    total = 0
    kinds = {"md": 0, "bom": 0, "gb18030": 0, "crlf": 0}
    for i, (name, data) in enumerate(articles(n, seed)):
        (out / name).write_bytes(data)
        total += len(data)
        kinds["md"] += name.endswith(".md")
        kinds["bom"] += data.startswith(b"\xef\xbb\xbf")
        kinds["crlf"] += b"\r\n" in data[:400]
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            kinds["gb18030"] += 1
        if progress is not None and (i + 1) % 1000 == 0:
            progress(i + 1)
    summary = {"n": n, "seed": seed, "fingerprint": fingerprint(), "bytes": total,
               "kinds": kinds}
    (out / MARKER).write_text(json.dumps(summary, indent=2) + "\n", "utf-8")
    return {**summary, "seconds": round(time.perf_counter() - start, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out_dir", help="folder to write them into (created)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--force", action="store_true",
                    help="replace a corpus already in OUT_DIR (removes only its own files)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    try:
        s = make_corpus(args.n, args.out_dir, seed=args.seed, force=args.force)
    except FileExistsError as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 1
    k = s["kinds"]
    print(f"{s['n']} articles, {s['bytes'] / 1e6:.1f} MB in {s['seconds']:.1f} s -> "
          f"{args.out_dir} (seed {s['seed']}; {k['md']} .md with front matter, {k['bom']} BOM, "
          f"{k['gb18030']} GB18030, {k['crlf']} CRLF)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
