"""People extraction: who is cited, under which name, and who is not.

Every sentence here is written for the test (names invented), one rule per test.
"""

from __future__ import annotations

from generator.extract.people import extract_people
from generator.reference import load_gazetteer

GAZ = load_gazetteer()


def people(*sentences: str) -> dict[str, dict]:
    found, _ = extract_people(list(sentences), GAZ)
    return {p["name"]: p for p in found}


def names(*sentences: str) -> list[str]:
    return list(people(*sentences))


def test_a_given_name_with_an_apostrophe_is_kept_whole() -> None:
    assert names("Exports will recover, said Governor Zhang Min'er.") == ["Zhang Min'er"]
    assert names("Li Hua’an, a researcher at a Nanjing think tank, said demand is rising.") == [
        "Li Hua’an"
    ]


def test_a_mirrors_backslash_before_an_apostrophe_is_dropped() -> None:
    sentence = "The port will grow, said Zhao Yu\\'an, director of the city\\'s port office."
    assert names(sentence) == ["Zhao Yu'an"]


def test_a_hong_kong_name_keeps_its_english_and_hyphenated_parts() -> None:
    found = people(
        "Financial Secretary Peter Lam Ka-wing said the deficit would narrow next year.",
        "Lam added that land sales would pick up.",
        "Peter Lam said the city would issue more green bonds.",
    )
    assert list(found) == ["Peter Lam Ka-wing"]
    assert found["Peter Lam Ka-wing"]["role"] == "Financial Secretary"
    assert found["Peter Lam Ka-wing"]["sentences"] == [1, 2, 3]


def test_a_later_surname_maps_to_the_full_name() -> None:
    found = people(
        "Wang Tianyu, an economist at a Beijing bank, said investment would slow.",
        "Wang added that consumption should hold up.",
    )
    assert list(found) == ["Wang Tianyu"]
    assert found["Wang Tianyu"]["sentences"] == [1, 2]


def test_a_surname_before_the_full_name_maps_to_it() -> None:
    found = people(
        "Zhou said exports would rise this year.",
        "Zhou Pingan, director of the city's commerce bureau, spoke at a trade forum.",
    )
    assert list(found) == ["Zhou Pingan"]
    assert found["Zhou Pingan"]["sentences"] == [1, 2]


def test_a_surname_alone_is_not_a_person_but_is_still_a_quote() -> None:
    found, quotes = extract_people(['"Prices are lower this week," said Gao, a shopper.'], GAZ)
    assert found == []
    assert quotes == {1}


def test_a_title_before_a_name_is_the_role() -> None:
    found = people("Mayor Sun Lihua unveiled the city's new industrial plan on Monday.")
    assert {n: p["role"] for n, p in found.items()} == {"Sun Lihua": "Mayor"}


def test_a_title_case_headline_does_not_run_into_the_name() -> None:
    assert names("Governor Hu Jianping Delivers Government Work Report") == ["Hu Jianping"]


def test_a_leader_only_mentioned_is_not_listed() -> None:
    assert names("The city grew fast under the guidance of Premier Ma Qiang, officials said.") == []
    assert (
        names(
            "Delegates studied the speech of Xu Jianguo, general secretary of the Party committee."
        )
        == []
    )


def test_a_name_described_by_its_title_and_acting_is_listed() -> None:
    found = people(
        "Tang Yiming, governor of the province, delivered the work report, and Qiao Lin, "
        "chairman of the standing committee, presided over the meeting."
    )
    assert {n: p["role"] for n, p in found.items()} == {
        "Tang Yiming": "governor of the province",
        "Qiao Lin": "chairman of the standing committee",
    }


def test_a_report_delivered_by_an_official_cites_them() -> None:
    assert names(
        "Growth will be about 5 percent, the report delivered by Governor Pan Li says."
    ) == ["Pan Li"]


def test_a_name_is_the_mayor() -> None:
    found = people("Deng Lihua is the city's mayor and a deputy to the congress.")
    assert found["Deng Lihua"]["role"].startswith("the city's mayor")


def test_a_byline_is_not_a_person() -> None:
    assert names("By Wang Lei in Hangzhou", "Exports rose, said Qian Bo, a trade official.") == [
        "Qian Bo"
    ]
    assert names("City News reporter | Xu Fang", "Xu Fang said the fair drew crowds.") == []


def test_a_publication_is_not_a_person() -> None:
    assert names("Growth will slow, Xinhua Weekly said.") == []
    assert names(
        "Li Dawei, a professor at a Tianjin university, told Metro Weekly that jobs grew."
    ) == ["Li Dawei"]
    assert names("Zhang Kai, an analyst, told Asia Newsweek that exports would rise.") == [
        "Zhang Kai"
    ]


def test_words_before_a_name_are_not_part_of_it() -> None:
    assert names("Meanwhile Guo Jiaqi said the plan was ambitious.") == ["Guo Jiaqi"]
    assert names(
        "In Hangzhou, Chen Hao, deputy director of the commission, told a briefing on Friday."
    ) == ["Chen Hao"]


def test_a_company_announcing_something_is_not_a_person() -> None:
    assert names("Origin Robotics announced a new plant in the city.") == []


def test_an_organisation_after_a_preposition_is_not_the_speaker() -> None:
    assert names("Analysts at Harbour Peak said growth would slow.") == []


def test_a_name_with_its_affiliation_before_the_verb() -> None:
    found = people("Professor Tian Rui of a Wuhan university said rates would fall.")
    assert {n: p["role"] for n, p in found.items()} == {"Tian Rui": "Professor"}
    found = people("Zhao Min from the Nanjing Institute of Finance said exports would rise.")
    assert found["Zhao Min"]["role"] == "from the Nanjing Institute of Finance"


def test_according_to_a_person_cites_them() -> None:
    found, quotes = extract_people(
        ["Sales will rise, according to Ren Jiahui, a researcher at a Xiamen think tank."], GAZ
    )
    assert [(p["name"], p["role"]) for p in found] == [
        ("Ren Jiahui", "a researcher at a Xiamen think tank")
    ]
    assert quotes == {1}


def test_an_age_is_not_the_role() -> None:
    found = people("Lu Hongmei, 52, a shop owner in the old town, said sales had doubled.")
    assert found["Lu Hongmei"]["role"] == "a shop owner in the old town"


def test_according_to_at_the_start_of_a_sentence_cites_the_person() -> None:
    assert names("According to Shen Xiaoming, Hainan will lead Chinese regions in life "
                 "expectancy.") == ["Shen Xiaoming"]


def test_a_role_then_a_name_between_commas_then_a_verb_cites_the_person() -> None:
    assert names("Chairman of the Guangxi Zhuang Autonomous Region, Lan Tianli, stated this "
                 "at a press conference.") == ["Lan Tianli"]
    assert names("GDP rose 5.2 per cent last year, the city's mayor, Yin Yong, said "
                 "Sunday.") == ["Yin Yong"]
    # a company where the name would be is not a person
    assert names("\u201cWe grow,\u201d Hao Xiaohui, director of the plant, Zhonghuan "
                 "Semiconductor, said.") == ["Hao Xiaohui"]


def test_a_transcript_speaker_label_cites_the_speaker() -> None:
    assert names("CCTV: What will the city do next?", "Hu Henghua:",
                 "We will strive to build a modern industrial system.") == ["Hu Henghua"]
    # a label with nothing after it, or a non-name label, is no speaker
    assert names("The plan in brief.", "Hu Henghua:") == []
    assert names("Key Points:", "Growth will pick up.") == []
