"""Extraction, as executable documentation: each test is a sentence pattern from
real wire copy (not only the five seeds) and what the record must say about it."""

from __future__ import annotations

import pytest

from generator.extract import extract
from generator.extract.quantities import scan_numbers
from generator.ingest import parse_text
from generator.reference import load_gazetteer, load_taxonomy

GAZ = load_gazetteer()
TAX = load_taxonomy()


def record_of(body: str, date: str = "2025-03-01") -> dict:
    text = f"---\ntitle: Test article\ndate: {date}\n---\n{body}\n"
    doc = parse_text(text.encode("utf-8"), file="t.md", suffix=".md")
    return extract(doc, GAZ, TAX)


def regions(rec: dict, role: str = "subject") -> set[str]:
    return {r["id"] for r in rec["regions"] if role in r["roles"]}


def targets(rec: dict) -> set[tuple]:
    return {
        (f["region"], f["year"], f["value"], f["qualifier"])
        for f in rec["figures"]
        if f["indicator"] == "gdp-growth-target"
    }


def test_locator_phrase_makes_the_city_the_actor() -> None:
    rec = record_of(
        "Quanzhou in Southeast China's Fujian Province has set a GDP growth target of "
        "around 6 percent for 2025."
    )
    assert targets(rec) == {("quanzhou", 2025, 6.0, "around")}
    assert {"quanzhou", "fujian"} <= regions(rec)


def test_coordinated_cities_share_one_target() -> None:
    rec = record_of(
        "Xuzhou in East China's Jiangsu Province and Luoyang in Central China's Henan "
        "Province have set their GDP growth targets for this year at more than 6 percent."
    )
    assert targets(rec) == {("xuzhou", 2025, 6.0, "more-than"), ("luoyang", 2025, 6.0, "more-than")}


def test_clauses_split_targets_between_regions() -> None:
    rec = record_of(
        "Guizhou has projected GDP growth of about 5.5 percent in 2025, while Yunnan has "
        "forecast economic growth of over 5 percent."
    )
    assert targets(rec) == {("guizhou", 2025, 5.5, "around"), ("yunnan", 2025, 5.0, "more-than")}


def test_respectively_pairs_values_with_regions() -> None:
    rec = record_of(
        "Shandong and Henan aim to expand their economies by 5.5 percent and 6 percent, "
        "respectively, this year."
    )
    assert targets(rec) == {("shandong", 2025, 5.5, "exactly"), ("henan", 2025, 6.0, "exactly")}


def test_money_with_stated_usd_value() -> None:
    rec = record_of("Chongqing's GDP reached 3.2 trillion yuan ($436.5 billion) last year.")
    (fig,) = rec["figures"]
    assert fig["indicator"] == "gdp"
    assert fig["region"] == "chongqing"
    assert fig["value"] == 3.2e12 and fig["unit"] == "CNY"
    assert fig["usd_value"] == 436.5e9
    assert fig["year"] == 2024


def test_counts_and_ratios_and_non_figures() -> None:
    rec = record_of(
        "Hubei will launch 2,000 key projects in 6G, C919 supply chains and 10,000-card "
        "computing clusters in 2025, and the number of invention patents per 10,000 "
        "people rose to 18.4."
    )
    values = {(f["value"], f["unit"]) for f in rec["figures"]}
    assert (2000.0, "count") in values
    assert (18.4, "per-10000-people") in values
    assert all(v not in (6.0, 919.0, 10000.0, 2025.0) for v, _ in values)


def test_rd_intensity_and_shares_and_growth() -> None:
    rec = record_of(
        "Beijing's R&D spending accounted for 6.5 percent of its GDP. The output of "
        "industrial robots in Beijing grew by 20.1 percent."
    )
    by_value = {f["value"]: f for f in rec["figures"]}
    assert by_value[6.5]["indicator"] == "rd-intensity"
    assert by_value[20.1]["indicator"] == "output-growth"
    assert by_value[20.1]["theme"] == "robotics"


def test_roles_dateline_affiliation_subject() -> None:
    rec = record_of(
        "HANGZHOU -- Researchers at the Zhejiang University said on Monday that "
        "Nanjing will build a new chip plant, according to the Jiangsu Academy of "
        "Social Sciences."
    )
    roles = {r["id"]: set(r["roles"]) for r in rec["regions"]}
    assert roles["hangzhou"] == {"dateline"}
    assert roles["zhejiang"] == {"affiliation"}
    assert roles["jiangsu"] == {"affiliation"}
    assert "subject" in roles["nanjing"]


def test_compass_points_are_not_regions() -> None:
    rec = record_of("Zhuhai in South China's Guangdong Province opened a port.")
    assert "china" not in regions(rec)
    rec = record_of("Anshan in Northeast China's Liaoning Province built a steel mill.")
    assert "northeast-china" not in regions(rec)


def test_anaphors_resolve_to_the_last_named_region() -> None:
    rec = record_of(
        "Hefei unveiled its plan on Monday.\n\nThe city will build a quantum computing centre."
    )
    (c,) = rec["commitments"]
    assert c["regions"] == ["hefei"]
    assert c["themes"] == ["quantum"]


def test_it_opening_a_sentence_is_the_one_place_the_sentence_before_was_about() -> None:
    rec = record_of("After leading the country's growth rate for two consecutive years, "
                    "Chongqing expects to maintain its double digit record. It has set its "
                    "target at 10 percent in 2016.")
    assert targets(rec) == {("chongqing", 2016, 10.0, "exactly")}


@pytest.mark.parametrize("sentence", [
    "It is expected that growth will reach 10 percent in 2016.",
    "It is worth noting that growth will reach 10 percent in 2016.",
])
def test_an_impersonal_it_is_no_place(sentence: str) -> None:
    rec = record_of("Chongqing expects to maintain its double digit record. " + sentence)
    assert targets(rec) == set()


def test_focus_carries_within_a_paragraph() -> None:
    rec = record_of(
        "Guangxi released its work report on Tuesday. It will also develop new energy "
        "storage and expand cross-border e-commerce with ASEAN."
    )
    (c,) = rec["commitments"]
    assert c["regions"] == ["guangxi"]
    assert {"new-energy", "opening-up"} <= set(c["themes"])


def test_commentators_forecast_is_not_a_commitment() -> None:
    rec = record_of(
        "Tianjin vowed to expand its port.\n\n"
        "The measures will help the economy, said Zhang Wei, a researcher at the "
        "Chinese Academy of Social Sciences."
    )
    assert [c["sentence"] for c in rec["commitments"]] == [1]
    (person,) = rec["people"]
    assert person["name"] == "Zhang Wei"
    assert person["role"].startswith("a researcher at the Chinese Academy")
    assert person["sentences"] == [2]


def test_people_titles_and_surname_references() -> None:
    rec = record_of(
        "Mayor Chen Jining visited a robotics firm. Liu Qing, an economist at Fudan "
        "University, told reporters that demand is rising. Liu added that Shanghai "
        "would lead."
    )
    people = {p["name"]: p for p in rec["people"]}
    assert people["Chen Jining"]["role"] == "Mayor"
    assert people["Liu Qing"]["sentences"] == [2, 3]


def test_bodies_companies_and_portfolios_are_not_people() -> None:
    """"the Legislative Assembly, Secretary ... faced pressure" is no person named
    "Legislative Assembly"; "Unitree Robotics, based in Hangzhou" is a company; the
    portfolio in "Secretary for Economy and Finance Tai Kin Ip" is not his name."""
    rec = record_of(
        "During a recent session of the Legislative Assembly, Secretary for Economy and "
        "Finance Tai Kin Ip faced pressure from lawmakers. Tai Kin Ip referenced the "
        "performance of the first half. One example is Unitree Robotics, based in Hangzhou, "
        "which offers its G1 humanoid robot."
    )
    assert [p["name"] for p in rec["people"]] == ["Tai Kin Ip"]


def test_ambiguous_city_prefers_the_province_named() -> None:
    rec = record_of("Suzhou in Anhui Province will build a logistics hub.")
    assert "suzhou-anhui" in regions(rec)
    rec = record_of("Suzhou will build a logistics hub.")
    assert "suzhou" in regions(rec)


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("around 5 percent", "around"),
        ("more than 5 percent", "more-than"),
        ("over 5 percent", "more-than"),
        ("at least 5 percent", "at-least"),
        ("up to 5 percent", "up-to"),
        ("5 percent", "exactly"),
    ],
)
def test_qualifiers(phrase: str, qualifier: str) -> None:
    rec = record_of(f"Shaanxi has set a GDP growth target of {phrase} for 2025.")
    assert targets(rec) == {("shaanxi", 2025, 5.0, qualifier)}


def test_ranges() -> None:
    rec = record_of("Shanxi set its GDP growth target at 5 to 5.5 percent for 2025.")
    (fig,) = rec["figures"]
    assert (fig["value"], fig["value_max"], fig["qualifier"]) == (5.0, 5.5, "range")


def test_summary_is_the_lede() -> None:
    rec = record_of("One two three. Four five six. Seven eight nine.")
    assert rec["summary"] == "One two three. Four five six."
    long = " ".join(["word"] * 80) + "."
    assert len(record_of(long)["summary"].split()) <= 61


def test_bare_growth_targets_are_gdp_targets() -> None:
    # "growth" alone, for a region, is the economy's; naming another measure makes it not so
    rec = record_of(
        "Chongqing set its 2025 growth target at about 6 pct, while the Guangxi Zhuang "
        "autonomous region aims for growth of 5.5% or above. Inner Mongolia autonomous "
        "region targeted growth of 6 percent. Shaanxi aims for industrial output growth "
        "of 7 percent. Hunan expects retail sales growth of around 6 percent."
    )
    assert targets(rec) == {
        ("chongqing", 2025, 6.0, "around"),
        ("guangxi", 2025, 5.5, "at-least"),
        ("inner-mongolia", 2025, 6.0, "exactly"),
    }


def test_a_themed_growth_goal_is_not_the_economy() -> None:
    rec = record_of("Anhui aims for growth of more than 20 percent in new energy vehicles.")
    assert targets(rec) == set()


def test_economy_forecast_to_grow_is_a_gdp_figure() -> None:
    rec = record_of("Hong Kong's economy is forecast to grow 2.5% to 3.5% this year.")
    [fig] = rec["figures"]
    assert (fig["region"], fig["value"], fig["value_max"], fig["qualifier"]) == (
        "hong-kong", 2.5, 3.5, "range")
    assert fig["indicator"].startswith("gdp")


@pytest.mark.parametrize(
    "phrase, low, high, unit",
    [
        ("2.5% to 3.5%", 2.5, 3.5, "percent"),
        ("5 percent to 5.5 percent", 5.0, 5.5, "percent"),
        ("between 5% and 5.5%", 5.0, 5.5, "percent"),
        ("1 billion to 2 billion yuan", 1e9, 2e9, "CNY"),
        ("$1 billion to $2 billion", 1e9, 2e9, "USD"),
    ],
)
def test_ranges_with_the_unit_written_twice(phrase: str, low: float, high: float, unit: str) -> None:
    rec = record_of(f"Fujian expects the figure to be {phrase} in 2025.")
    [fig] = rec["figures"]
    assert (fig["value"], fig["value_max"], fig["unit"], fig["qualifier"]) == (
        low, high, unit, "range")


@pytest.mark.parametrize("phrase, values, unit", [
    ("from 7.5 to 8 percent", [7.5, 8.0], "percent"),
    ("from 1 billion to 2 billion yuan", [1e9, 2e9], "CNY"),
])
def test_from_one_level_to_another_is_two_figures_not_a_range(phrase: str, values: list[float],
                                                               unit: str) -> None:
    found = scan_numbers(f"Fujian expects the figure to rise {phrase} in 2025.")
    assert [(q.value, q.value_max, q.unit) for q in found] == [(v, None, unit) for v in values]


def test_a_range_from_one_figure_to_another_is_still_a_range() -> None:
    rec = record_of("Fujian expects growth ranging from 5 to 6 percent in 2025.")
    [fig] = rec["figures"]
    assert (fig["value"], fig["value_max"], fig["qualifier"]) == (5.0, 6.0, "range")


def test_a_percentage_then_a_level_is_two_figures() -> None:
    rec = record_of("Jiangsu's GDP grew 5.8 percent to 13.7 trillion yuan in 2024.")
    assert [(f["value"], f["unit"]) for f in rec["figures"]] == [(5.8, "percent"), (13.7e12, "CNY")]


def test_lower_case_title_before_a_name_is_the_role() -> None:
    rec = record_of("The province's GDP grew 5.4 percent in 2024, governor Liang Huiling said.")
    assert {p["name"]: p["role"] for p in rec["people"]} == {"Liang Huiling": "governor"}


def test_a_place_inside_an_appositive_only_describes_the_actor() -> None:
    rec = record_of(
        "Shenzhen, the southern tech hub bordering Hong Kong, is targeting economic growth of "
        "around 6 percent this year. Guangdong province, which contains Shenzhen, set its GDP "
        "growth target at above 5 percent. The Greater Bay Area, which includes Hong Kong and "
        "Macao, had a combined GDP of more than 14 trillion yuan in 2024."
    )
    assert targets(rec) == {("shenzhen", 2025, 6.0, "around"), ("guangdong", 2025, 5.0, "more-than")}
    gdp = [f for f in rec["figures"] if f["indicator"] == "gdp"]
    assert [(f["region"], f["year"]) for f in gdp] == [("greater-bay-area", 2024)]
    assert {"shenzhen", "hong-kong", "guangdong", "macao"} <= regions(rec)


def test_a_year_before_a_comma_is_a_year() -> None:
    rec = record_of(
        "Henan aims to produce more than 1 million new energy vehicles in 2026, up from "
        "320,000 last year. The city's GDP expanded 3.3 percent to 3.24 trillion yuan in 2024, "
        "the statistics bureau said."
    )
    years = [(f["value"], f["year"]) for f in rec["figures"]]
    assert (1e6, 2026) in years and (3.3, 2024) in years and (3.24e12, 2024) in years


def test_a_target_of_growth_and_an_economy_level() -> None:
    rec = record_of(
        "Across the Yellow River, Shanxi has set a target of around 5 percent growth for 2026, "
        "Governor Zhao Gang said. The province's economy grew 5.3 percent last year to 3.72 "
        "trillion yuan (about 532 billion U.S. dollars)."
    )
    assert targets(rec) == {("shanxi", 2026, 5.0, "around")}
    [level] = [f for f in rec["figures"] if f["unit"] == "CNY"]
    assert (level["indicator"], level["year"], level["usd_value"]) == ("gdp", 2024, 532e9)
    assert [p["name"] for p in rec["people"]] == ["Zhao Gang"]  # not "Yellow River"


def test_respectively_pairs_the_places_named_not_their_province_or_anaphors() -> None:
    rec = record_of(
        "In Jilin province, Changchun, the provincial capital, and the city of Jilin set "
        "targets of 7 percent and 6.5 percent, respectively. Shenyang and Dalian, the "
        "province's two largest cities, set targets of 6.5 percent and 6 percent, respectively."
    )
    assert targets(rec) == {
        ("changchun", 2025, 7.0, "exactly"), ("jilin-city", 2025, 6.5, "exactly"),
        ("shenyang", 2025, 6.5, "exactly"), ("dalian", 2025, 6.0, "exactly"),
    }


def test_outcomes_are_not_targets_and_contractions_are_negative() -> None:
    rec = record_of(
        "Liaoning is aiming for growth of above 5 percent after its GDP rose 2.1 percent to "
        "2.9 trillion yuan last year. Jilin's economy contracted 1.9 percent in 2024. "
        "Strategic emerging industries accounted for 26 percent of the municipality's output. "
        "China set its deficit at 4% of GDP."
    )
    assert targets(rec) == {("liaoning", 2025, 5.0, "more-than")}
    by_value = {f["value"]: f for f in rec["figures"]}
    assert (by_value[2.1]["indicator"], by_value[2.1]["year"]) == ("gdp-growth", 2024)
    assert by_value[-1.9]["indicator"] == "gdp-growth"
    assert by_value[26.0]["indicator"] == by_value[4.0]["indicator"] == "output-share"


def test_figures_of_a_sentence_led_by_its_belong_to_the_region_in_focus() -> None:
    rec = record_of(
        "Guangxi set a goal of about 5.5% for 2025. Its trade with ASEAN reached 350 billion "
        "yuan last year, and the canal will give the region a route from Nanning to the sea."
    )
    [trade] = [f for f in rec["figures"] if f["unit"] == "CNY"]
    assert trade["region"] == "guangxi"


def test_names_joined_to_a_place_are_affiliations() -> None:
    rec = record_of(
        "Qingdao will deepen cooperation through the China-SCO Local Economic and Trade "
        "Cooperation Demonstration Area. Taiyuan Iron and Steel (Group) Co will expand "
        "production. Shanxi will upgrade its coal industry."
    )
    assert regions(rec) == {"qingdao", "shanxi"}


def test_a_place_inside_a_zone_name_is_no_region() -> None:
    """"the Nantong Economic and Technological Development Zone (NETDA) in Jiangsu": a zone
    is below the site's levels, and the city only names it; the province locates it."""
    rec = record_of(
        "The Nantong Economic and Technological Development Zone (NETDA) in Jiangsu province "
        "will attract more foreign investment."
    )
    assert regions(rec) == {"jiangsu"}
    rec = record_of("Zhuhai will build the high speed rail link between Zhuhai Hezhou Station "
                    "and Hengqin.")
    assert regions(rec) == {"zhuhai"}


def test_a_place_written_in_chinese_characters_is_no_subject() -> None:
    """A bilingual page's Chinese lines repeat its English ones, and no rule here reads
    Chinese grammar ("提升郑州国际航空物流枢纽能级" names a hub, not Zhengzhou acting)."""
    rec = record_of(
        "Henan will upgrade the Zhengzhou International Air Logistics Hub.\n\n"
        "提升郑州国际航空物流枢纽能级。"
    )
    assert regions(rec) == {"henan"}


def test_a_headline_s_place_is_the_focus_of_a_body_that_names_none() -> None:
    """Under "Henan maps out its 2026 development goals", a body opening with "Economic
    growth is projected at around 5 percent" goes on about Henan."""
    doc = parse_text(b"---\ntitle: Henan maps out its 2026 development goals\n"
                     b"date: 2026-01-27\n---\nEconomic growth is projected at around 5 "
                     b"percent.\n", file="t.md", suffix=".md")
    rec = extract(doc, GAZ, TAX)
    assert {(f["region"], f["year"], f["value"]) for f in rec["figures"]
            if f["indicator"] == "gdp-growth-target"} == {("henan", 2026, 5.0)}


def test_commentators_forecasts_are_not_targets() -> None:
    rec = record_of(
        "Guangdong is targeting growth of more than 5% in 2025. She expects Guangdong to "
        "grow about 4.5% this year, below the official target."
    )
    assert targets(rec) == {("guangdong", 2025, 5.0, "more-than")}
    assert [f["indicator"] for f in rec["figures"]] == ["gdp-growth-target", "gdp-growth-forecast"]


def test_an_aside_does_not_lend_its_year_or_words_to_the_target() -> None:
    rec = record_of(
        "Zhuhai, which grew 2.3% in 2024 to 404.5 billion yuan, aims for at least 6% this "
        "year. Quanzhou, a manufacturing center with an economy worth 1.3 trillion yuan, said "
        "it would grow between 5% and 6%. Xiamen aims for 5.5% or above, having grown 5.4% "
        "in 2024."
    )
    assert targets(rec) == {("zhuhai", 2025, 6.0, "at-least"), ("quanzhou", 2025, 5.0, "range"),
                            ("xiamen", 2025, 5.5, "at-least")}


def test_respectively_cycles_over_the_places_named() -> None:
    rec = record_of(
        "The per capita disposable income of urban residents in Mianyang and Xi'an rose 4.8 "
        "percent and 4.5 percent, respectively, to 47,600 yuan and 53,100 yuan."
    )
    assert [(f["region"], f["value"]) for f in rec["figures"]] == [
        ("mianyang", 4.8), ("xian", 4.5), ("mianyang", 47600.0), ("xian", 53100.0)]
    assert {f["indicator"] for f in rec["figures"] if f["unit"] == "CNY"} == {"other"}


def test_places_joined_by_a_hyphen_name_one_thing() -> None:
    rec = record_of(
        "Neighboring Qinghai, on the Qinghai-Tibet Plateau, set a GDP growth target of about "
        "4.5% after growing 5.3% in 2024. The Qinghai-Henan ultra-high voltage line carries "
        "its power east."
    )
    assert regions(rec) == {"qinghai"}
    assert targets(rec) == {("qinghai", 2025, 4.5, "around")}


def test_chinese_hundred_million_unit_and_percentage_points() -> None:
    rec = record_of(
        "The province's GDP reached 53,231 100 million yuan in 2024. Its share rose 1.8 "
        "percentage points."
    )
    values = [(f["value"], f["unit"]) for f in rec["figures"]]
    assert values == [(5.3231e12, "CNY"), (1.8, "percentage-points")]


def test_national_average_and_based_in_are_not_the_region() -> None:
    rec = record_of(
        "Liaoning's economy grew 5.1%, outpacing the national average of 5%. Zhao Lin, a "
        "Hong Kong-based economist, said so. Zhao expects the capital's economy to grow by "
        "about 5.2 percent this year."
    )
    by_value = {f["value"]: f for f in rec["figures"]}
    assert by_value[5.0]["region"] == "china"
    assert "hong-kong" not in regions(rec)
    assert by_value[5.2]["indicator"] == "gdp-growth-forecast"  # a commentator's forecast


def test_the_provincial_government_is_the_province() -> None:
    rec = record_of(
        "Tropical Hainan is pinning its hopes on free trade. Sanya, its resort city, wants "
        "growth above 10%. Undeterred, the provincial government is targeting growth of "
        "around 9.5% this year."
    )
    assert targets(rec) == {("sanya", 2025, 10.0, "more-than"), ("hainan", 2025, 9.5, "around")}


def test_descriptions_with_adjectives_venues_and_members() -> None:
    rec = record_of(
        "When Guizhou's provincial congress convened in Guiyang last month, officials kept a "
        "familiar promise: growth of around 5.5 per cent this year. The landlocked province, "
        "once China's fastest-growing, expanded 5.3 per cent in 2024, short of its own target "
        "of 5.5 per cent. Elsewhere in the Yangtze River Delta, Jiangsu has set its 2025 target "
        "above 5 percent. The GDP rose from 2023 to 2,462.7 billion yuan."
    )
    assert ("guizhou", 2025, 5.5, "around") in targets(rec)
    assert ("jiangsu", 2025, 5.0, "more-than") in targets(rec)
    by_value = {f["value"]: f for f in rec["figures"]}
    assert (by_value[5.3]["region"], by_value[5.3]["indicator"]) == ("guizhou", "gdp-growth")
    assert by_value[2.4627e12]["value_max"] is None  # "2023 to ..." is a year, not a range


def test_the_city_of_names_the_place_that_follows() -> None:
    rec = record_of("Haikou set its growth target at 7 percent, while the tourism city of Sanya "
                    "aims for no less than 7.5 percent.")
    assert targets(rec) == {("haikou", 2025, 7.0, "exactly"), ("sanya", 2025, 7.5, "at-least")}


@pytest.mark.parametrize(("sentence", "want"), [
    ("growth of Huainan was -4.5%.", [("-4.5%", -4.5, None)]),
    ("growth was \u22124.5 percent.", [("\u22124.5 percent", -4.5, None)]),
    ("a change (-0.8%) in 2022", [("-0.8%", -0.8, None)]),
    ("a target of 5-6 percent", [("5-6 percent", 5.0, 6.0)]),
    ("between 5 -6 percent", [("5 -6 percent", 5.0, 6.0)]),
    ("rose 5%-6%", [("5%-6%", 5.0, 6.0)]),
    ("the cost -3 billion yuan", []),  # a hyphen is a sign only before a percentage
])
def test_a_minus_sign_before_a_percentage_makes_it_negative(sentence, want) -> None:
    from generator.extract.quantities import scan_numbers

    got = [(q.text, q.value, q.value_max) for q in scan_numbers(sentence)]
    assert got == want
    assert all(sentence[q.start:q.end] == q.text for q in scan_numbers(sentence))


@pytest.mark.parametrize(("sentence", "want"), [
    ("set the target to about 8 % and 9.5 %, respectively", ["around", "around"]),
    ("about 5 percent, 6 percent and 7 percent", ["around"] * 3),
    ("around 5%, above 5% and 5.5% respectively", ["around", "more-than", "exactly"]),
    ("grew about 5% in 2023 and 6% in 2024", ["around", "exactly"]),
])
def test_a_qualifier_before_a_run_of_percentages_is_the_run_s(sentence, want) -> None:
    from generator.extract.quantities import scan_numbers

    assert [q.qualifier for q in scan_numbers(sentence)] == want


def test_a_hyphenated_percentage_is_a_percentage_and_other_compounds_are_not() -> None:
    """"a 4.3-percent increase" is 4.3 %; "a 5-year plan" and "a 10,000-card cluster" hold
    no figure."""
    from generator.extract.quantities import scan_numbers

    assert [(q.value, q.unit) for q in scan_numbers("saw a 4.3-percent GDP increase")] == [
        (4.3, "percent")]
    assert scan_numbers("a 5-year plan for a 10,000-card cluster") == []


# --- places named beside the text: headline, captions, byline ------------------------------


def _plain_record(text: str) -> dict:
    doc = parse_text(text.encode("utf-8"), file="t.txt", suffix=".txt")
    return extract(doc, GAZ, TAX)


def test_places_in_a_caption_a_byline_and_the_headline_are_the_article_s() -> None:
    """A reader sees the photo caption, the byline and the headline: an article on Ningbo
    whose caption says "Ningbo, Zhejiang province" belongs on Zhejiang's page too. Such a
    place has no sentence in the text to cite (``sentences: []``, ``mentions: 0``)."""
    rec = _plain_record(
        "Emerging industries in Anhui gain momentum\n\n"
        "By Cang Wei in Nanjing | China Daily | Updated: 2024-04-03\n\n"
        "The skyline of Ningbo, Zhejiang province. [Photo/WeChat account: nbfb0574]\n\n"
        "Ningbo's gross domestic product for the first quarter rose 5.6 percent year on year, "
        "local statistical authorities said on Monday.\n\n"
        "The city's industrial output grew 7.4 percent over the same three months.\n")
    by_id = {r["id"]: r for r in rec["regions"]}
    assert set(by_id) == {"ningbo", "zhejiang", "anhui", "nanjing"}
    assert by_id["zhejiang"]["roles"] == ["subject"] and by_id["zhejiang"]["sentences"] == []
    assert by_id["anhui"]["roles"] == ["subject"] and by_id["anhui"]["mentions"] == 0
    assert by_id["nanjing"]["roles"] == ["dateline"]
    assert by_id["ningbo"]["sentences"] == [1, 2]  # named in the text: as before


def test_an_organisation_in_a_caption_names_no_place() -> None:
    """The caption is read with the body's rules: a company name holds no place."""
    rec = _plain_record(
        "Carmakers expand\n\n"
        "Pilots of Shandong Jinyu General Aviation Company. [Photo provided to China Daily]"
        "\n\nHefei's car output rose 12 percent last year, the city government said on "
        "Monday, as new plants opened.\n")
    assert {r["id"] for r in rec["regions"]} == {"hefei"}


# --- percentages written in words -------------------------------------------------------------


def test_a_percentage_in_words_is_a_figure() -> None:
    from generator.extract.quantities import might_hold_numbers, scan_numbers

    (q,) = scan_numbers("Guangdong aims for approximately five percent this year.")
    assert (q.value, q.unit, q.qualifier, q.text) == (5.0, "percent", "around", "five percent")
    (q,) = scan_numbers("a seven per cent rise")
    assert q.value == 7.0
    (q,) = scan_numbers("growth of six and a half percent")
    assert q.value == 6.5
    assert might_hold_numbers("five percent") and not might_hold_numbers("no figures here")
    # a word that only ends like a number is not one ("someone percent" is no figure)
    assert scan_numbers("The Fiveten percent rule.") == []


def test_a_target_in_words_is_read_as_one() -> None:
    rec = record_of("Guangdong aims for approximately five percent growth in 2025, Henan "
                    "targets around 5.5 percent.")
    assert targets(rec) == {("guangdong", 2025, 5.0, "around"), ("henan", 2025, 5.5, "around")}
