"""Region-theme links and commitments' regions: a region is linked to a theme (or files a
commitment) only when it is the actor of the clause that states it. Each test is one rule
of extract/themes.py, extract/commitments.py or extract/regions.py, on sentences written
for the test."""

from __future__ import annotations

from generator.extract import extract
from generator.extract.regions import about_group_or_nation, continues
from generator.extract.themes import _clause_opening
from generator.ingest import parse_text
from generator.reference import load_gazetteer, load_taxonomy

GAZ = load_gazetteer()
TAX = load_taxonomy()


def record_of(body: str) -> dict:
    text = f"---\ntitle: Test article\ndate: 2025-03-01\n---\n{body}\n"
    doc = parse_text(text.encode("utf-8"), file="t.md", suffix=".md")
    return extract(doc, GAZ, TAX)


def links(rec: dict) -> dict[str, list[str]]:
    return {t["id"]: t["regions"] for t in rec["themes"]}


def cited(rec: dict, theme: str) -> dict[str, list[int]]:
    return next(t["region_sentences"] for t in rec["themes"] if t["id"] == theme)


def commitments(rec: dict) -> list[tuple[list[str], list[str]]]:
    return [(c["regions"], c["themes"]) for c in rec["commitments"]]


# --- own_actors: the actor is named in the clause, before the theme -------------------------

def test_each_clause_links_its_own_actors() -> None:
    rec = record_of("Shanghai and Sichuan have identified brain-computer interfaces as a "
                    "priority, while Anhui targets building a fusion reactor.")
    got = links(rec)
    assert got["brain-computer-interface"] == ["shanghai", "sichuan"]
    assert got["fusion-and-nuclear"] == ["anhui"]


def test_a_place_after_the_theme_acts_when_none_comes_before() -> None:
    rec = record_of("Quantum computing is a priority for Hefei.")
    assert links(rec)["quantum"] == ["hefei"]


def test_a_place_in_an_aside_is_not_the_actor() -> None:
    rec = record_of("Shenzhen, a city bordering Hong Kong, is targeting humanoid robots.")
    assert links(rec)["robotics"] == ["shenzhen"]


def test_a_locator_is_not_the_actor() -> None:
    rec = record_of("Ningbo in East China's Zhejiang Province will develop humanoid robots.")
    assert links(rec)["robotics"] == ["ningbo"]
    assert commitments(rec) == [(["ningbo"], ["robotics"])]


def test_a_main_clause_after_an_opening_word_is_no_aside() -> None:
    rec = record_of("Hainan released its work report. Sanya's GDP fell 3 percent. Undeterred, "
                    "the provincial government is targeting humanoid robots, according to the "
                    "report.")
    assert links(rec)["robotics"] == ["hainan"]
    assert commitments(rec) == [(["hainan"], ["robotics"])]


def test_the_nation_before_a_region_gives_way_unless_it_owns_the_theme() -> None:
    rec = record_of("China's three telecom carriers will build cloud-computing facilities in "
                    "Guiyang.")
    assert links(rec)["digital-economy"] == ["guiyang"]
    rec = record_of("As China's digital economy gains momentum, Guiyang's exports rose.")
    assert links(rec)["digital-economy"] == ["china"]


# --- earlier_clause_actors: a clause naming no place continues the one before ----------------

def test_a_placeless_clause_continues_the_clause_before() -> None:
    rec = record_of("Wuhan is building a quantum computing centre, while also expanding its "
                    "humanoid robot industry.")
    assert links(rec)["robotics"] == ["wuhan"]


# --- carried focus: a sentence naming no place is about the place before --------------------

def test_a_placeless_sentence_is_about_the_focus() -> None:
    rec = record_of("Guangxi released its work report on Tuesday. It will also develop "
                    "humanoid robots.")
    assert links(rec)["robotics"] == ["guangxi"]
    assert cited(rec, "robotics") == {"guangxi": [2]}


def test_a_placeless_first_clause_uses_the_focus_not_the_later_actor() -> None:
    rec = record_of("Shenzhen released a plan on Monday. It will develop humanoid robots, "
                    "while Hefei targets quantum computing.")
    got = links(rec)
    assert got["robotics"] == ["shenzhen"]
    assert got["quantum"] == ["hefei"]


# --- _titles_name: "The capital city Hefei" is a title, not an anaphor ------------------------

def test_a_description_before_a_name_refers_to_that_name() -> None:
    rec = record_of("Shenzhen will build more chip factories. The capital city Hefei aims to "
                    "develop quantum computing.")
    assert links(rec)["quantum"] == ["hefei"]
    assert commitments(rec)[-1] == (["hefei"], ["quantum"])


# --- about_group_or_nation: a group or the nation is no one region ----------------------------

def test_a_clause_about_a_group_links_no_region() -> None:
    rec = record_of("Hefei will build a quantum computing centre, while many provinces are "
                    "prioritizing humanoid robots.")
    got = links(rec)
    assert got["quantum"] == ["hefei"]
    assert got["robotics"] == []


def test_group_and_nation_openings() -> None:
    assert about_group_or_nation("Many provinces have listed robotics as a priority.")
    assert about_group_or_nation("Nationwide, output of industrial robots rose 10 percent.")
    assert about_group_or_nation("The national economy grew 5 percent.")
    assert not about_group_or_nation("Four new national advanced manufacturing clusters opened.")
    assert _clause_opening(", while many provinces target") == "many provinces target"


def test_a_national_paragraph_is_not_filed_under_the_last_province() -> None:
    rec = record_of("Jiangsu will expand its integrated circuit industry.\n\n"
                    "Nationwide, output of industrial robots rose 10 percent last year.")
    got = links(rec)
    assert got["integrated-circuits"] == ["jiangsu"]
    assert got["robotics"] == []


def test_a_new_paragraph_about_the_same_place_keeps_the_focus() -> None:
    # wire copy gives most sentences a paragraph of their own
    rec = record_of("Hubei will expand its optics industry.\n\nBiomedicine is the second pillar.")
    assert links(rec)["biomedicine"] == ["hubei"]


def test_continues_knows_openers_and_passive_plans() -> None:
    from generator.extract.cues import word_regex
    from generator.extract.regions import _opener

    opener, trigger = _opener(), word_regex("commitment_triggers")
    assert continues("Meanwhile, exports rose.", opener, trigger)
    assert continues("Efforts will be put into chips.", opener, trigger)
    assert not continues("Exports rose 5 percent.", opener, trigger)


# --- commitments: the actor of the clause with the trigger --------------------------------------

def test_commitments_split_between_clause_actors() -> None:
    rec = record_of("Shanghai and Sichuan have identified brain-computer interfaces as a "
                    "priority, while Anhui targets building a fusion reactor.")
    assert commitments(rec) == [(["shanghai", "sichuan"], ["brain-computer-interface"]),
                                (["anhui"], ["fusion-and-nuclear"])]


def test_a_clause_without_a_trigger_about_another_place_is_no_commitment() -> None:
    rec = record_of("Shanghai will develop brain-computer interfaces, while Anhui's fusion "
                    "output grew 5 percent last year.")
    assert commitments(rec) == [(["shanghai"], ["brain-computer-interface"])]
    assert rec["commitments"][0]["text"] == "Shanghai will develop brain-computer interfaces"


def test_one_actor_keeps_the_whole_sentence() -> None:
    rec = record_of("Wuhan will build a quantum computing centre, while also expanding its "
                    "humanoid robot industry.")
    ((regions, themes),) = commitments(rec)
    assert regions == ["wuhan"] and set(themes) == {"quantum", "robotics"}
    assert rec["commitments"][0]["text"] == rec["sentences"][0]


def test_a_commitment_by_a_group_is_nobodys() -> None:
    rec = record_of("Guangdong released its plan. Many provinces will develop humanoid robots.")
    assert commitments(rec) == []


def test_focus_and_carried_across_paragraphs() -> None:
    from generator.extract.regions import analyse_regions

    sentences = ["Anhui will build a fusion reactor.", "Nationwide, robot output rose.",
                 "Exports rose 5 percent.", "Hefei aims to lead in quantum computing."]
    a = analyse_regions(sentences, [1, 2, 3, 4], None, GAZ)
    assert a.focus == (("anhui",), (), (), ("hefei",))
    assert a.carried == ((), ("anhui",), (), ())


# --- confidence: named actors are high, carried ones low -------------------------------------

def test_links_and_commitments_carry_their_confidence() -> None:
    rec = record_of("Hefei will build a quantum computing centre. It will also develop "
                    "humanoid robots.")
    conf = {t["id"]: t["region_confidence"] for t in rec["themes"]}
    assert conf["quantum"] == {"hefei": "high"}
    assert conf["robotics"] == {"hefei": "low"}
    assert [c["confidence"] for c in rec["commitments"]] == ["high", "low"]
