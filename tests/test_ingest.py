"""Ingest stage: files in, clean Documents out.

Read top to bottom, these tests document what ``generator.ingest`` promises: where each
seed article's body starts and ends, the metadata it reads, how bad input is refused, how
front matter and HTML are handled, the boilerplate rules one by one, and sentence
splitting on the constructions news copy is full of.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest import (
    Document,
    IngestError,
    discover,
    parse_text,
    read_document,
    split_sentences,
)
from generator.ingest import boilerplate as bp
from generator.ingest import metadata as md
from generator.ingest.decode import decode_bytes, normalize_text, sniff_binary
from generator.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def seed(prefix: str) -> Document:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path)


# --- the five seeds: body boundaries and metadata ------------------------------------------

SEED_EXPECTATIONS = {
    "000": dict(
        title="Chinese localities roll out 2025 plans, with new quality productive forces "
              "in focus to fuel economic growth",
        date="2025-01-16", source="Global Times", authors=("Chi Jingyi",), dateline=None,
        first="Chinese provinces and cities, especially economic powerhouses, have rolled out",
        last_start="China's emphasis on high-quality development aligns",
        last_end="foster sustainable, innovation-driven growth.\"",
        paragraphs=16,
        absent=["Web editor", "Tian Yi", "10:27", "date 2025"],
    ),
    "001": dict(
        title="Chinese localities unveil growth targets for 2025 with focus on boosting "
              "opening-up, consumption and innovation",
        date="2025-01-10", source="Global Times", authors=("Xiong Xinyi",), dateline=None,
        first="Chinese localities have defined their local economic growth targets for 2025",
        last_start="The tone-setting Central Economic Work Conference held in December 2024",
        last_end="leverage their local conditions and advantages.",
        paragraphs=18,
        absent=["14:05", "By Xiong"],
    ),
    "002": dict(
        # No date anywhere in the text -> None (we never guess).  The author is only named
        # in the bio at the end; the bio ("The writer heads Pakistan Today's Islamabad
        # Bureau") is the only publisher cue, so source = Pakistan Today.
        title="Xi calls for developing new quality productive forces tailored to local conditions",
        date=None, source="Pakistan Today", authors=("Mian Abrar",), dateline="BEIJING",
        first="BEIJING: President Xi, also general secretary of the Communist Party",
        last_start="Last year, the province also revealed its plan to further promote",
        last_end="intelligent manufacturing equipment, integrated circuits, smart grids, "
                 "and new energy.",
        paragraphs=15,
        absent=["Mian Abrar", "The writer", "LEAVE A REPLY", "Please enter", "Must Read",
                "ISLAMABAD", "carbon credits"],
    ),
    "003": dict(
        # A Xinhua story on China Daily's site.  The credit line above the story
        # ("Xinhua | Updated: 2025-01-27 17:28") names who wrote it, the copyright footer
        # names the host; the credit wins, so source = Xinhua.
        title="Chinese provinces set tailored plans to support emerging, future industries",
        date="2025-01-27", source="Xinhua", authors=(), dateline="BEIJING",
        first="BEIJING -- Chinese provinces have outlined plans this year",
        last_start="Anhui, Zhejiang and Hainan plan to build pilot platforms",
        last_end="convergence of technological and industrial innovations.",
        paragraphs=10,
        absent=["Global Edition", "Home / Business", "Share", "WeChat", "[Photo/Xinhua]",
                "This photo taken", "BACK TO THE TOP", "Copyright", "License for publishing",
                "Registration Number", "FOLLOW US", "CLOSE"],
    ),
    "004": dict(
        title="Multiple provinces, cities ramp up efforts to boost growth, innovation",
        date="2025-02-13", source="Global Times", authors=("Zhang Weilan",), dateline=None,
        first="Several major Chinese provinces and cities, especially economic powerhouses",
        last_start="In 2025, this platform will strive to gather more than 100,000",
        last_end="the Xinhua News Agency reported.",
        paragraphs=12,
        absent=["10:53", "By Zhang"],
    ),
}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_metadata(prefix: str) -> None:
    exp = SEED_EXPECTATIONS[prefix]
    doc = seed(prefix)
    assert doc.title == exp["title"]
    assert doc.date == exp["date"]
    assert doc.source == exp["source"]
    assert doc.authors == exp["authors"]
    assert doc.dateline == exp["dateline"]
    assert doc.language == "en"
    assert doc.encoding == "utf-8"
    assert doc.url is None
    assert doc.front_matter == {}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_body_starts_and_ends_where_a_reader_would_say(prefix: str) -> None:
    exp = SEED_EXPECTATIONS[prefix]
    doc = seed(prefix)
    sentences = doc.sentences
    assert sentences[0].startswith(exp["first"])
    assert sentences[-1].startswith(exp["last_start"])
    assert sentences[-1].endswith(exp["last_end"])
    assert len(doc.paragraphs) == exp["paragraphs"]
    text = "\n".join(sentences)
    for cruft in exp["absent"]:
        assert cruft not in text, cruft


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_document_invariants(prefix: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    doc = read_document(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.file == str(path)
    assert doc.sentences == [s for p in doc.paragraphs for s in p]
    for sentence in doc.sentences:
        assert sentence and sentence == sentence.strip()
        assert "\n" not in sentence and "  " not in sentence
    # Deterministic: the same bytes give an equal Document.
    assert read_document(path) == doc


def test_seed_sentences_cope_with_figures_and_quotes() -> None:
    s000 = seed("000").sentences
    assert ("Shanghai's Government Work Report revealed that the scale of the municipality's "
            "three leading industries - integrated circuits (ICs), biomedicine, and artificial "
            "intelligence (AI) - reached 1.8 trillion yuan ($245.6 billion) in 2024.") in s000
    s002 = seed("002").sentences
    assert ("“Developing new quality productive forces is an intrinsic requirement and an "
            "important focus of promoting high-quality development,” Xi once said.") in s002
    assert any(s.startswith("As one of the engines driving China’s economic growth, Jiangsu’s "
                            "GDP reached 12.82 trillion yuan ($1.78 trillion) last year")
               for s in s002)


def test_display_path_is_used_for_file_and_errors(tmp_path: Path) -> None:
    (path,) = SEEDS.glob("003_*.txt")
    assert read_document(path, display_path="seeds/003.txt").file == "seeds/003.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError) as err:
        read_document(empty, display_path="in/empty.txt")
    assert str(err.value) == "in/empty.txt: skipped: empty file"
    assert err.value.path == "in/empty.txt" and err.value.reason == "empty file"


# --- bad input -------------------------------------------------------------------------------

def _reason(raw: bytes, suffix: str = ".txt") -> str:
    with pytest.raises(IngestError) as err:
        parse_text(raw, file=f"x{suffix}", suffix=suffix)
    assert str(err.value) == f"x{suffix}: skipped: {err.value.reason}"
    return err.value.reason


BODY = ("Guangdong will build ten new industrial clusters this year, the provincial "
        "government said on Monday.\n")


def test_empty_and_whitespace_only_files_are_refused() -> None:
    assert _reason(b"") == "empty file"
    assert _reason(b"  \n\t\r\n \n") == "whitespace only"
    assert _reason("\u00a0\u200b\n".encode()) == "whitespace only"


def test_png_renamed_to_txt_is_refused(tmp_path: Path) -> None:
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)))
    with pytest.raises(IngestError, match=r"skipped: binary file \(PNG image\)"):
        read_document(png)


def test_other_binaries_are_refused() -> None:
    assert _reason(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") == "binary file (PDF document)"
    assert _reason(b"PK\x03\x04\x14\x00\x06\x00") == "binary file (ZIP archive (or DOCX/XLSX))"
    assert _reason(b"hello\x00world\x00\x01\x02") == "binary file (contains NUL bytes)"
    assert sniff_binary(BODY.encode()) is None


def test_file_larger_than_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: 20 MiB that cost nothing to create
        fh.truncate(20 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(IngestError) as err:
        read_document(big)
    assert time.perf_counter() - started < 0.5
    assert err.value.reason == "file too large (20.0 MB > 10 MB limit)"
    tiny = rf"file too large \({len(BODY)} bytes > 10 bytes limit\)"
    with pytest.raises(IngestError, match=tiny):
        parse_text(BODY.encode(), file="x.txt", limits=Limits(file_bytes=10))
    with pytest.raises(IngestError, match=r"binary file \(contains NUL bytes\)"):
        read_document(big, limits=Limits(file_bytes=30 * 1024 * 1024))  # a higher limit


def test_invalid_yaml_front_matter_names_the_line() -> None:
    raw = ("---\ntitle: Guangdong plan\nauthors: [Li Qiao\n---\n" + BODY).encode()
    reason = _reason(raw)
    assert reason.startswith("invalid YAML front matter at line 4:")
    assert "started at line 3" in reason
    bad_indent = ("---\ntitle: a\n  source: b\n---\n" + BODY).encode()
    assert _reason(bad_indent).startswith("invalid YAML front matter at line 3:")


def test_other_front_matter_problems() -> None:
    assert _reason(("---\ntitle: x\n" + BODY).encode()) == (
        "front matter opened with '---' on line 1 is never closed")
    assert _reason(("---\n- a\n- b\n---\n" + BODY).encode()) == (
        "front matter is not a key: value mapping (got list)")
    assert _reason(("---\ndate: sometime soon\n---\n" + BODY).encode()) == (
        "front matter date 'sometime soon' is not a date")


def test_no_body_after_cleaning_is_refused() -> None:
    chrome = ("Home / Business / Policies\nShare\nBACK TO THE TOP\n"
              "Copyright 2025. All rights reserved.\n")
    assert _reason(chrome.encode()) == "no body text after cleaning"
    assert _reason(b"---\ntitle: Only metadata\n---\n") == "no body text after cleaning"


def test_missing_file_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "nope.txt")


# --- encodings -------------------------------------------------------------------------------

ZH = ("广东省政府工作报告提出，2025年全省地区生产总值增长5%左右。"
      "广东将加快发展人工智能、低空经济等新兴产业。\n")
EN_QUOTES = ("Guangdong’s GDP grew 5.1 percent in 2024 – “a solid result,” the governor said. "
             "The province targets around 5 percent growth in 2025.\n")
EN_ACCENTS = ("The Café Zürich forum in São Paulo heard a naïve résumé of Guangdong's plan. "
              "Delegates said the façade of growth was strong.\n")


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (ZH, "gb18030", "gb18030"),
        (ZH, "gbk", "gb18030"),
        (EN_QUOTES, "gb18030", "gb18030"),
        (EN_QUOTES, "cp1252", "cp1252"),
        (EN_ACCENTS, "latin-1", "cp1252"),
        (EN_ACCENTS, "cp1252", "cp1252"),
        (EN_QUOTES, "utf-8", "utf-8"),
        (EN_QUOTES, "utf-8-sig", "utf-8-sig"),
        (EN_QUOTES, "utf-16", "utf-16-le"),
    ],
)
def test_legacy_encodings_decode_right(text: str, encoding: str, expected: str) -> None:
    decoded, detected = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert detected == expected


def test_short_gb18030_headline_is_not_mistaken_for_korean() -> None:
    # charset-normalizer alone says cp949 for these 18 bytes.
    assert decode_bytes("广东省政府工作报告".encode("gb18030")) == ("广东省政府工作报告", "gb18030")


def test_encoded_files_read_end_to_end(tmp_path: Path) -> None:
    gb = tmp_path / "gb.txt"
    gb.write_bytes(("广东省2025年政府工作报告\n\n" + ZH).encode("gb18030"))
    doc = read_document(gb)
    assert doc.encoding == "gb18030" and doc.language == "zh"
    assert doc.title == "广东省2025年政府工作报告"
    assert doc.sentences == ["广东省政府工作报告提出，2025年全省地区生产总值增长5%左右。",
                             "广东将加快发展人工智能、低空经济等新兴产业。"]
    latin = tmp_path / "latin.txt"
    latin.write_bytes(EN_ACCENTS.encode("latin-1"))
    doc = read_document(latin)
    assert doc.encoding == "cp1252"
    assert doc.sentences[0] == ("The Café Zürich forum in São Paulo heard a naïve résumé of "
                                "Guangdong's plan.")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(EN_QUOTES.encode("utf-8-sig"))
    assert read_document(bom).sentences[0].startswith("Guangdong’s GDP")


def test_normalize_text() -> None:
    raw = "A\u00a0b\r\nc\rd\u2028e\u200b\u00ad f\x07\tg  \n\ufeffcafe\u0301"
    assert normalize_text(raw) == "A b\nc\nd\ne f\tg\ncafé"


# --- front matter ----------------------------------------------------------------------------

TEXT_WITH_CUES = """\
 date 2025-01-16 A guessed title from the header line

10:27, January 16, 2025 By Chi Jingyi ( Global Times

BEIJING -- Guangdong will build ten new industrial clusters this year, the provincial \
government said on Monday. It will also expand its chip industry.
"""


def test_front_matter_always_wins() -> None:
    raw = ("---\n"
           "title: Guangdong's cluster plan\n"
           "date: 2025-03-01\n"
           "source: Nanfang Daily\n"
           "authors: Li Qiao and Wang Wu\n"
           "url: https://example.com/a\n"
           "language: en\n"
           "region_hint: guangdong\n"
           "---\n" + TEXT_WITH_CUES).encode()
    doc = parse_text(raw, file="a.txt")
    assert doc.title == "Guangdong's cluster plan"
    assert doc.date == "2025-03-01"
    assert doc.source == "Nanfang Daily"
    assert doc.authors == ("Li Qiao", "Wang Wu")
    assert doc.url == "https://example.com/a"
    assert doc.dateline == "BEIJING"
    assert doc.front_matter == {
        "title": "Guangdong's cluster plan", "date": "2025-03-01",
        "source": "Nanfang Daily", "authors": "Li Qiao and Wang Wu",
        "url": "https://example.com/a", "language": "en", "region_hint": "guangdong"}
    assert doc.sentences[0].startswith("BEIJING -- Guangdong will build")


def test_without_front_matter_the_text_cues_are_used() -> None:
    doc = parse_text(TEXT_WITH_CUES.encode(), file="a.txt")
    assert doc.title == "A guessed title from the header line"
    assert (doc.date, doc.source, doc.authors) == ("2025-01-16", "Global Times", ("Chi Jingyi",))


@pytest.mark.parametrize(
    ("yaml_date", "iso"),
    [("2025-03-01", "2025-03-01"), ("2025-03-01T08:00:00", "2025-03-01"),
     ("'March 1, 2025'", "2025-03-01"), ("'2025/3/1'", "2025-03-01"), ("null", None)],
)
def test_front_matter_dates_become_iso(yaml_date: str, iso: str | None) -> None:
    raw = f"---\ndate: {yaml_date}\nauthors: [A One, B Two]\n---\n{TEXT_WITH_CUES}".encode()
    doc = parse_text(raw, file="a.md", suffix=".md")
    assert doc.date == iso  # an explicit null blanks the guessed date
    assert doc.authors == ("A One", "B Two")


# --- Markdown --------------------------------------------------------------------------------

MARKDOWN = """\
# Guangdong bets on **AI** and robots

*By Li Qiao* | China Daily | Updated: 2025-01-27 07:33

![Robots at a factory](robots.jpg)

GUANGZHOU -- Guangdong will build **ten** new [industrial clusters](https://x.cn/a) this
year, according to the provincial government work report released on Monday. The plan
covers chips, robots and AI.

- Shenzhen will host a national AI lab.
- Foshan will expand advanced manufacturing.

Read more: [Guangdong's 2025 targets](https://x.cn/b)
"""


def test_markdown_is_stripped_and_unwrapped() -> None:
    doc = parse_text(MARKDOWN.encode(), file="a.md", suffix=".md")
    assert doc.title == "Guangdong bets on AI and robots"
    assert (doc.date, doc.source, doc.authors) == ("2025-01-27", "China Daily", ("Li Qiao",))
    assert doc.dateline == "GUANGZHOU"
    assert doc.paragraphs == (
        ("GUANGZHOU -- Guangdong will build ten new industrial clusters this year, according "
         "to the provincial government work report released on Monday.",
         "The plan covers chips, robots and AI."),
        ("Shenzhen will host a national AI lab.",),
        ("Foshan will expand advanced manufacturing.",),
    )


# --- HTML ------------------------------------------------------------------------------------

def test_html_goes_through_trafilatura() -> None:
    doc = read_document(FIXTURES / "article.html")
    assert doc.title == "Hefei bets on fusion and lunar research"
    assert doc.date == "2025-01-27"
    assert doc.source == "China Daily"
    assert doc.authors == ("Li Qiao",)
    assert doc.url == "https://www.chinadaily.com.cn/a/202501/27/WS6796.html"
    assert doc.language == "en"
    assert doc.dateline == "HEFEI"
    assert doc.sentences[0].startswith("HEFEI -- Anhui province will build a fusion reactor")
    assert doc.sentences[-1] == ("Hefei aims to lift research and development spending to "
                                 "4 percent of its GDP by 2027, according to the report.")
    text = " ".join(doc.sentences)
    for cruft in ("Related stories", "Shanghai sets 5%", "Copyright", "[Photo/Xinhua]",
                  "Share", "Home", "Updated:"):
        assert cruft not in text


def test_html_without_declared_date_gets_none_not_a_year_from_the_prose() -> None:
    html = ("<html><head><title>Plan</title></head><body><article><h1>Hefei bets on fusion</h1>"
            "<p>The plan covers 2025-2027 and was approved in Dec. 2024 by the council of the "
            "city government after a long debate about costs.</p>"
            "<p>Hefei will build a fusion research facility, officials said on Monday.</p>"
            "</article></body></html>")
    doc = parse_text(html.encode(), file="a.html", suffix=".html")
    assert doc.date is None
    assert doc.title == "Hefei bets on fusion"
    assert len(doc.sentences) == 2


def test_html_charset_declaration_and_html_saved_as_txt() -> None:
    html = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="gb2312"><title>t</title>'
            '</head><body><article><h1>广东发布2025年计划</h1><p>广东省政府工作报告提出，2025年全省'
            '地区生产总值增长5%左右。广东将加快发展人工智能等新兴产业，建设现代化产业体系。</p>'
            '</article></body></html>')
    doc = parse_text(html.encode("gb18030"), file="a.txt", suffix=".txt")
    assert doc.encoding == "gb18030"
    assert doc.language == "zh"
    assert doc.sentences[0] == "广东省政府工作报告提出，2025年全省地区生产总值增长5%左右。"


# --- other outlets' layouts (general rules, not seed strings) -------------------------------

XINHUA_STYLE = """\
Chinese provinces set ambitious growth targets for 2025
Source: Xinhua
Editor: Huaxia
2025-01-27 17:28:31

BEIJING, Jan. 27 (Xinhua) -- Chinese provinces have set growth targets of around 5 percent \
for 2025, according to their government work reports.

Guangdong, the country's largest provincial economy, aims for growth of around 5 percent.

Enditem
Related News
Guangdong sets target
"""

WIRE_STYLE = """\
China's provinces bet big on AI as growth slows
By JANE SMITH and John Roe
Published: 6:00am, 27 Jan 2025
Why you can trust us

HONG KONG, Jan 27 (Reuters) - China's wealthiest provinces are betting on artificial \
intelligence to revive growth, their 2025 work reports show.

A worker assembles a robot in Shenzhen. Photo: VCG

Shenzhen plans to spend 10 billion yuan on AI computing. The U.S. restrictions on chips \
remain a hurdle, analysts said.

(Reporting by Jane Smith; Editing by Tom Hogue)
"""


def test_xinhua_style_page() -> None:
    doc = parse_text(XINHUA_STYLE.encode(), file="x.txt")
    assert doc.title == "Chinese provinces set ambitious growth targets for 2025"
    assert (doc.date, doc.source, doc.dateline) == ("2025-01-27", "Xinhua", "BEIJING")
    assert doc.sentences[-1] == ("Guangdong, the country's largest provincial economy, aims "
                                 "for growth of around 5 percent.")


def test_wire_style_page() -> None:
    doc = parse_text(WIRE_STYLE.encode(), file="w.txt")
    assert doc.title == "China's provinces bet big on AI as growth slows"
    assert doc.authors == ("Jane Smith", "John Roe")
    assert (doc.date, doc.source, doc.dateline) == ("2025-01-27", "Reuters", "HONG KONG")
    assert len(doc.paragraphs) == 2
    assert doc.sentences[-1] == "The U.S. restrictions on chips remain a hurdle, analysts said."


def test_hard_wrapped_plain_text_is_rejoined() -> None:
    text = ("Ningbo sets growth target\n\n"
            "The city of Ningbo in East China's Zhejiang Province has set a target\n"
            "for GDP growth of more than 5.5 percent for 2025, according to a summary\n"
            "of its government work report. It also plans a new port.\n")
    doc = parse_text(text.encode(), file="n.txt")
    assert doc.title == "Ningbo sets growth target"
    assert doc.paragraphs == ((
        "The city of Ningbo in East China's Zhejiang Province has set a target for GDP growth "
        "of more than 5.5 percent for 2025, according to a summary of its government work "
        "report.", "It also plans a new port."),)


# --- discover --------------------------------------------------------------------------------

def test_discover_finds_articles_recursively_sorted(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/d.htm", "sub/e.HTM", "a.override.yaml",
                 "notes.json", ".hidden/x.txt", "sub/f.txt.override.yaml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.html", "sub/d.htm", "sub/e.HTM"]
    # explicit files are taken as given (once), override files never
    explicit = discover([tmp_path / "notes.json", tmp_path / "b.txt", tmp_path,
                         tmp_path / "a.override.yaml"])
    assert [p.name for p in explicit] == ["a.md", "b.txt", "notes.json", "c.html", "d.htm",
                                          "e.HTM"]
    with pytest.raises(FileNotFoundError):
        discover([tmp_path / "missing"])


def test_discover_seeds() -> None:
    assert [p.name[:3] for p in discover([SEEDS])] == ["000", "001", "002", "003", "004"]


# --- boilerplate rules, one by one -----------------------------------------------------------

PROSE = [
    "Guangdong will accelerate the development of emerging and future industries.",
    "The photo industry grew 5 percent, the report said.",
    "Copyright protection will be strengthened, officials said.",
    "Related industries such as chips grew fast.",
    "The author of the report, Li Hui, said growth was strong.",
    "By 2025, Guangdong will build ten clusters.",
    "Registration numbers of new cars rose 20 percent in 2024.",
    "The picture shows a clear trend of recovery, analysts said.",
    "Privacy policy reform will follow next year, the government added.",
    "Writers are paid more in Shanghai than elsewhere.",
    "Comments from officials were positive.",
]


@pytest.mark.parametrize("rule", [r for _, r in bp.DROP_RULES + bp.END_RULES])
@pytest.mark.parametrize("line", PROSE)
def test_no_rule_removes_ordinary_prose(rule, line: str) -> None:
    assert not rule(line)


@pytest.mark.parametrize("line", [
    "This photo taken on Feb 1, 2024 shows a NEV production line in Hefei. [Photo/Xinhua]",
    "Photo taken on Jan. 5, 2025 shows the port of Ningbo.",
    "A worker assembles a robot in Shenzhen. Photo: VCG",
    "Workers at a plant in Hefei (Photo by Li Qiao)",
    "An aerial photo shows the science island in Hefei.",
    "An aerial drone photo shows visitors on an observation deck in Shanghai, April 14, 2025.",
    "Photo/Xinhua",
    "Visitors at an expo in Hefei, Anhui Province, Jan. 5, 2025. (Xinhua/Zhou Mu)",
])
def test_is_caption(line: str) -> None:
    assert bp.is_caption(line)


@pytest.mark.parametrize("line", ["Share", "Share - WeChat", "Top", "BACK TO THE TOP", "English",
                                  "FOLLOW US", "CLOSE", "Print", "A A A", "Global Edition"])
def test_is_ui_control(line: str) -> None:
    assert bp.is_ui_control(line)
    assert not bp.is_ui_control("Open up")
    assert not bp.is_ui_control("Business")


def test_is_breadcrumb() -> None:
    assert bp.is_breadcrumb("Home / Business / Policies")
    assert bp.is_breadcrumb("News > China > Economy")
    assert bp.is_breadcrumb("Home > Business")
    assert not bp.is_breadcrumb("Guangdong / Shenzhen")
    assert not bp.is_breadcrumb("Output rose 5% y/y / and 4% m/m, the bureau said.")


def test_is_glued_menu() -> None:
    assert bp.is_glued_menu("Global EditionASIA 中文双语Français")
    assert not bp.is_glued_menu("eVTOL makers")  # lower+upper, but not a glued word
    assert not bp.is_glued_menu("PetroChina expands")
    assert not bp.is_glued_menu("推动AI赋能制造业")  # Chinese text mixes scripts legitimately


def test_is_inline_promo() -> None:
    assert bp.is_inline_promo("Read more: Guangdong's 2025 targets")
    assert bp.is_inline_promo("Related: Shanghai sets growth goal")
    assert bp.is_inline_promo("Also read - Hefei bets on fusion")
    assert not bp.is_inline_promo("Related industries grew fast.")


def test_is_rule_line() -> None:
    assert bp.is_rule_line("* * *") and bp.is_rule_line("----") and bp.is_rule_line("")
    assert not bp.is_rule_line("- 5 percent")


def test_is_metadata_line() -> None:
    assert bp.is_metadata_line(" date 2025-01-16 Chinese localities roll out 2025 plans")
    assert bp.is_metadata_line("10:27, January 16, 2025 By Chi Jingyi ( Global Times")
    assert bp.is_metadata_line("Xinhua | Updated: 2025-01-27 17:28")
    assert bp.is_metadata_line("Source: https://example.com/article")
    assert not bp.is_metadata_line("Chinese provinces set tailored plans to support industries")
    assert not bp.is_metadata_line("By the numbers")


def test_is_editor_credit() -> None:
    assert bp.is_editor_credit("(Web editor: Tian Yi, Zhong Wenxing)")
    assert bp.is_editor_credit("(Editor: Li Qiao)")
    assert bp.is_editor_credit("Edited by Zhang San")
    assert bp.is_editor_credit("(Reporting by Jane Smith; Editing by Tom Hogue)")
    assert bp.is_editor_credit("责任编辑：李乔")
    assert not bp.is_editor_credit("Editors of the report said growth was strong.")


def test_is_comment_form() -> None:
    for line in ["LEAVE A REPLY", "Please enter your comment!", "Please enter your name here",
                 "3 Comments", "Comments", "Post a comment"]:
        assert bp.is_comment_form(line), line
    assert not bp.is_comment_form("Comments from officials were positive.")


def test_is_related_heading() -> None:
    for line in ["Must Read", "Related", "Related Stories", "Read more", "You may also like",
                 "Most Popular", "More from Business", "Related News"]:
        assert bp.is_related_heading(line), line
    assert not bp.is_related_heading("Related policies were announced on Monday.")


def test_is_legal_footer() -> None:
    for line in ["Copyright 1995 - . All rights reserved. The content belongs to CDIC.",
                 "© 2025 Global Times", "License for publishing multimedia online 0108263",
                 "Registration Number: 130349", "京ICP备13028878号", "Privacy Policy",
                 "Terms of Use | Contact Us"]:
        assert bp.is_legal_footer(line), line


def test_is_back_to_top_and_end_of_story() -> None:
    assert bp.is_back_to_top("BACK TO THE TOP") and bp.is_back_to_top("Back to top ↑")
    for line in ["Enditem", "(END)", "- Ends -", "###"]:
        assert bp.is_end_of_story(line), line
    assert not bp.is_end_of_story("The end of subsidies is near.")


def test_is_author_bio() -> None:
    assert bp.is_author_bio("The writer heads Pakistan Today's Islamabad Bureau.")
    assert bp.is_author_bio("The author is a professor at Fudan University.")
    assert bp.is_author_bio("(The author is a researcher.)")
    assert bp.is_author_bio("About the author")
    assert not bp.is_author_bio("The author of the report said so.")


def test_is_prose_short_fragment_and_title_candidate() -> None:
    assert bp.is_prose("Anhui, Zhejiang and Hainan plan to build pilot platforms.")
    assert not bp.is_prose("Chinese provinces set tailored plans to support emerging industries")
    assert not bp.is_prose("Mian Abrar")
    assert bp.is_short_fragment("Mian Abrar") and bp.is_short_fragment("FOLLOW US")
    assert not bp.is_short_fragment("It grew.")
    assert bp.is_title_candidate("Xi calls for developing new quality productive forces")
    assert bp.is_title_candidate("Can Guangdong keep growing?")
    assert not bp.is_title_candidate("Business")
    assert not bp.is_title_candidate("It grew fast this year, officials said.")


def test_unwrap_block() -> None:
    assert bp.unwrap_block(["Title of the story that is long enough here",
                            "By Li Qiao | China Daily"]) == [
        "Title of the story that is long enough here", "By Li Qiao | China Daily"]
    assert bp.unwrap_block(["The province set a target of around 5 percent for growth and",
                            "will spend more on chips."]) == [
        "The province set a target of around 5 percent for growth and will spend more on chips."]
    assert bp.unwrap_block(["- one item here", "- two item here"]) == [
        "- one item here", "- two item here"]


@pytest.mark.parametrize(("line", "date"), [
    ("August 29, 2017 / 11:58 AM / a month ago", "2017-08-29"),
    ("china.org.cn / chinagate.cn by Li Jingrong, January 17, 2014 Adjust font size:",
     "2014-01-17"),
])
def test_a_slash_separates_the_segments_of_a_credit_line(line: str, date: str) -> None:
    body = ("Local GDP growth to slow\n" + line + "\n\nSome provincial-level governments "
            "reduce their GDP growth forecasts in their plans. More than 20 governments are "
            "holding annual sessions this week.\n")
    doc = parse_text(body.encode(), file="t.txt", suffix=".txt")
    assert (doc.date, doc.title) == (date, "Local GDP growth to slow")


@pytest.mark.parametrize("stamp", ["updated on:2017-02-06 13:43", "updated: 2017-02-06 13:43"])
def test_a_lowercase_timestamp_under_a_headline_is_the_date_not_the_headline_s(stamp: str) -> None:
    # it was joined to the headline as a lowercase continuation, and the date was lost
    body = ("2017 Report on the Work of the Government\n" + stamp + "\n\nFellow Deputies,\n\n"
            "On behalf of Jiangsu Provincial People's Government, I now present to you the "
            "report. The provincial GDP reached RMB 7.6 trillion, an increase of 7.8%.\n")
    doc = parse_text(body.encode(), file="t.txt", suffix=".txt")
    assert (doc.date, doc.title) == ("2017-02-06", "2017 Report on the Work of the Government")


def test_strip_markdown() -> None:
    assert bp.strip_markdown("## A **bold** [link](http://x.y/(z)) `code`") == (
        "A bold link code", 2)
    assert bp.strip_markdown("![img](a.png)") == ("", 0)
    assert bp.strip_markdown("> - quoted _item_") == ("quoted item", 0)
    assert bp.strip_markdown("[1]: http://example.com") == ("", 0)
    assert bp.strip_markdown("snake_case_word stays") == ("snake_case_word stays", 0)


def test_layout_reports_what_it_removed() -> None:
    (path,) = SEEDS.glob("003_*.txt")
    layout = bp.split_layout(path.read_text(encoding="utf-8"))
    assert layout.title == (
        "Chinese provinces set tailored plans to support emerging, future industries")
    assert ("ui", "Top") in layout.removed
    assert ("back-to-top", "BACK TO THE TOP") in layout.removed
    assert layout.header[0] == "Global EditionASIA 中文双语Français"
    assert layout.footer[-1] == "CLOSE"


# --- metadata cues ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "date", "authors", "source"),
    [
        ("10:27, January 16, 2025 By Chi Jingyi ( Global Times", "2025-01-16", ("Chi Jingyi",),
         "Global Times"),
        ("Xinhua | Updated: 2025-01-27 17:28", "2025-01-27", (), "Xinhua"),
        ("By WANG XIAOYU | China Daily | Updated: 2025-01-27 07:33", "2025-01-27",
         ("Wang Xiaoyu",), "China Daily"),
        ("By Zhang Weilan and Li Qiao (Global Times)", None, ("Zhang Weilan", "Li Qiao"),
         "Global Times"),
        ("Author: Chi Jingyi   Source: Global Times   Published: 2025/1/16 22:43:07",
         "2025-01-16", ("Chi Jingyi",), "Global Times"),
        ("By Staff Reporter | Jiangsu Daily | Updated: 2025-01-27", "2025-01-27", (),
         "Jiangsu Daily"),
        ("Published: 6:00am, 27 Jan 2025", "2025-01-27", (), None),
        ("By Chi Jingyi (Global Times) 10:27, January 16, 2025", "2025-01-16", ("Chi Jingyi",),
         "Global Times"),
        ("By WANG XIAOYU in Guangzhou | China Daily | Updated: 2025-01-27 07:33", "2025-01-27",
         ("Wang Xiaoyu",), "China Daily"),
        ("Updated 17:28, 27-Jan-2025", "2025-01-27", (), None),
        ("(Xinhua)", None, (), "Xinhua"),
        ("January 16, 2025", "2025-01-16", (), None),
    ],
)
def test_parse_byline(line: str, date, authors, source) -> None:
    byline = md.parse_byline(line)
    assert (byline.date, byline.authors, byline.source) == (date, authors, source)


@pytest.mark.parametrize("line", ["By 2025, Guangdong will build more.", "By the numbers",
                                  "Home | World News", "Guangdong | Shenzhen",
                                  "Home / Business / Policies", "Mian Abrar", "Share",
                                  "Chinese provinces set tailored plans"])
def test_parse_byline_rejects_non_bylines(line: str) -> None:
    assert not md.parse_byline(line)


def test_parse_dated_title() -> None:
    assert md.parse_dated_title(" date 2025-01-16 Chinese localities roll out 2025 plans") == (
        "2025-01-16", "Chinese localities roll out 2025 plans")
    assert md.parse_dated_title("2025-01-27 17:28") is None


PARAGRAPH_ON_DATE_LINE = (
    "url: https://example.com/beijing-2024\n\n"
    " date 2024-01-23 China's capital city Beijing has set a growth target of around 5% for "
    "2024, surpassing last year's target of above 4.5%, reports Reuters. The economy of the "
    "capital city expanded 5.2% in 2023, in line with the national economy.\n\n"
    "The target is needed to stabilise expectations, the official said.\n")


def test_a_paragraph_run_onto_the_date_line_is_text_not_a_title() -> None:
    """Scrapers write the listing's date and first line together; when that line is the
    story's first paragraph (too long for a headline, or two sentences), the date is the
    article's and the paragraph is body text."""
    line = PARAGRAPH_ON_DATE_LINE.split("\n")[2]
    assert md.parse_dated_title(line) is None
    assert md.split_dated_text(line)[0] == "date 2024-01-23"
    doc = parse_text(PARAGRAPH_ON_DATE_LINE.encode(), file="a.txt")
    assert doc.date == "2024-01-23"
    assert doc.sentences[0].startswith("China's capital city Beijing has set a growth target")
    assert doc.title is None or len(doc.title) < 120
    # a headline stays a headline
    assert md.split_dated_text(" date 2025-01-16 Chinese localities roll out 2025 plans") is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("BEIJING -- Chinese provinces have outlined plans.", ("BEIJING", None)),
        ("BEIJING: President Xi stressed the concept.", ("BEIJING", None)),
        ("SHANGHAI, Jan. 5 (Xinhua) -- The city said.", ("SHANGHAI", "Xinhua")),
        ("HONG KONG, Jan 5 (Reuters) - Shares rose.", ("HONG KONG", "Reuters")),
        ("XI'AN — The city said.", ("XI'AN", None)),
        ("Meanwhile, Shanghai will grow.", None),
        ("GDP: it grew.", None),
        ("AI - a new era begins.", None),
    ],
)
def test_parse_dateline(paragraph: str, expected) -> None:
    assert md.parse_dateline(paragraph) == expected


def test_dates() -> None:
    assert md.find_date("Updated: 2025-01-27 17:28") == "2025-01-27"
    assert md.find_date("10:27, January 16, 2025 By X") == "2025-01-16"
    assert md.find_date("On Jan. 5, 2025 and Feb 1, 2024") == "2025-01-05"
    assert md.find_date("16 January 2025") == "2025-01-16"
    assert md.find_date("2025年1月27日") == "2025-01-27"
    assert md.find_date("On Feb 30, 2025") is None
    assert md.find_date("On Jan. 5, officials met") is None  # no year: not a date we trust
    assert md.parse_date("2025-01-27 17:28") == "2025-01-27"
    assert md.parse_date("Updated in 2025-01-27 by staff") is None


def test_publishers() -> None:
    assert md.canonical_publisher("the Global Times") == "Global Times"
    assert md.canonical_publisher("XINHUA") == "Xinhua"
    assert md.canonical_publisher("Jiangsu Daily") is None
    assert md.publisher_in_text(
        "The content published in this site belongs to China Daily Information Co (CDIC).") == (
        "China Daily")
    assert md.publisher_from_url("https://english.news.cn/2025/a.htm") == "Xinhua"
    assert md.publisher_from_url("https://example.com/a") is None


def test_names_urls_language() -> None:
    assert md.looks_like_person_name("Mian Abrar") and md.looks_like_person_name("Jack Perry Jr")
    assert not md.looks_like_person_name("Staff Reporter")
    assert not md.looks_like_person_name("Global Times")
    assert md.clean_person_name("WANG XIAOYU") == "Wang Xiaoyu"
    assert md.parse_url_line("Source: https://example.com/a.html") == "https://example.com/a.html"
    assert md.parse_url_line("https://example.com/a") == "https://example.com/a"
    assert md.parse_url_line("See https://example.com/a for more.") is None
    assert md.detect_language("The province will build ten clusters in the coming year.") == "en"
    assert md.detect_language("广东将加快发展人工智能等新兴产业。") == "zh"
    assert md.detect_language("La province va construire dix pôles cette année.") is None


# --- sentences -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Feb. 5, Guangdong released a plan. It will invest more.",
         ["On Feb. 5, Guangdong released a plan.", "It will invest more."]),
        ("SHANGHAI, Jan. 5 (Xinhua) -- The city said it would grow. Officials agreed.",
         ["SHANGHAI, Jan. 5 (Xinhua) -- The city said it would grow.", "Officials agreed."]),
        ("Exports to the U.S. rose. Imports fell.", ["Exports to the U.S. rose.", "Imports fell."]),
        ("The U.S. economy grew by 2 percent. China's did too.",
         ["The U.S. economy grew by 2 percent.", "China's did too."]),
        ("It ranked No. 1 in the world. Next came Jiangsu.",
         ["It ranked No. 1 in the world.", "Next came Jiangsu."]),
        ("The industries reached 1.8 trillion yuan ($245.6 billion) in 2024. Spending rose to "
         "4.4 percent.",
         ["The industries reached 1.8 trillion yuan ($245.6 billion) in 2024.",
          "Spending rose to 4.4 percent."]),
        ("“We will do it,” Xi said. He added more.",
         ["“We will do it,” Xi said.", "He added more."]),
        ("He said: “It is done.” Then he left.", ["He said: “It is done.”", "Then he left."]),
        ("Industries such as integrated circuits (ICs), biomedicine and AI grew. Next one.",
         ["Industries such as integrated circuits (ICs), biomedicine and AI grew.", "Next one."]),
        ("Sectors, e.g. chips and AI, will grow. Others will not.",
         ["Sectors, e.g. chips and AI, will grow.", "Others will not."]),
        ("The report by J. K. Smith was released. It was long.",
         ["The report by J. K. Smith was released.", "It was long."]),
        ("Prices rose 3 pct. in January. They fell in Feb.",
         ["Prices rose 3 pct. in January.", "They fell in Feb."]),
        ("Dr. Wang and Prof. Li attended. Gov. Wang spoke.",
         ["Dr. Wang and Prof. Li attended.", "Gov. Wang spoke."]),
        ("Tencent Holdings Ltd. said revenue rose. Shares climbed.",
         ["Tencent Holdings Ltd. said revenue rose.", "Shares climbed."]),
        ("The firm makes chips, batteries, etc. The city supports it.",
         ["The firm makes chips, batteries, etc.", "The city supports it."]),
        ("Local news portal hinews.cn reported. Sanya agreed.",
         ["Local news portal hinews.cn reported.", "Sanya agreed."]),
        ("Is this a question? Yes it is! Good.", ["Is this a question?", "Yes it is!", "Good."]),
        ("广东将加快发展人工智能。报告指出，广东将推动制造业发展！",
         ["广东将加快发展人工智能。", "报告指出，广东将推动制造业发展！"]),
        # an AI summary's items, each closed by its references, and a section's heading
        ("Guangdong targets 4.5-5% [2] - Zhejiang targets 5-5.5% [2][12] Consumption Goals - "
         "Hubei's retail grew 3% [1]",
         ["Guangdong targets 4.5-5% [2] -", "Zhejiang targets 5-5.5% [2][12]",
          "Consumption Goals - Hubei's retail grew 3% [1]"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    language = "zh" if text[0] >= "\u4e00" else "en"
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The firm, Apple Inc., grew 5.5 percent. Its rival shrank.", 2),
        ("GDP grew 5.0% in 2024. The target is around 5%.", 2),
        ("At 10 a.m. on Monday, officials met. They agreed.", 2),
        ("The meeting ended at 5 p.m. Officials then left.", 2),
        ("It is in Washington, D.C. The office opened.", 2),
        ("The plan was released on Sept. 30 by the city. It is long.", 2),
        ("Huawei Technologies Co., Ltd. is based in Shenzhen. It makes phones.", 2),
        ("The vote was 5 vs. 3 in favour. It passed.", 2),
        ("The index rose 0.5 percent m-o-m. It fell 1.2 percent y-o-y.", 2),
        ("The firm was founded by Ma Huateng, a.k.a. Pony Ma, in 1998. It grew fast.", 2),
        ("Chongqing, Sichuan, and Hubei... The list goes on.", 2),
        ("Mr. Li and Ms. Zhang met Dr. Wu. They discussed A.I. development in the U.K. market.", 2),
        ("The E.U. and the U.S. agreed. It was historic.", 2),
        ("“Developing new forces is important,” Xi once said. “Localities should act.”", 2),
        ("The St. Petersburg forum opened. Leaders came.", 2),
    ],
)
def test_split_sentences_counts(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


def test_split_sentences_never_rewrites_text() -> None:
    text = "  Guangdong  grew.\n It  will  build more.  "
    assert split_sentences(text) == ["Guangdong grew.", "It will build more."]
    assert split_sentences("   ") == []


# --- robustness ------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_parse_text_only_ever_raises_ingest_error(raw: bytes) -> None:
    try:
        doc = parse_text(raw, file="fuzz.txt")
    except IngestError:
        return
    assert doc.sentences and all(s.strip() for s in doc.sentences)


def test_title_prefers_the_line_above_the_byline_and_avoids_menus() -> None:
    text = ("Home News China World Business Opinion Sports\n"
            "Guangdong bets on robots\n\n"
            "Guangdong will build ten new industrial clusters this year, officials said.\n"
            "(Xinhua)\n")
    doc = parse_text(text.encode(), file="t.txt")
    assert doc.title == "Guangdong bets on robots"
    assert doc.source == "Xinhua"  # the closing "(Xinhua)" credit
    assert doc.sentences == ["Guangdong will build ten new industrial clusters this year, "
                             "officials said."]


def test_a_headline_with_a_full_stop_above_the_stamp_is_the_title() -> None:
    """Machine-translated sites end headlines with a full stop; with the page's stamp right
    below (here under a one-word "date" label) the line is the headline, not lost."""
    text = ("Guangxi issues 20 measures to support stable economic growth.\n\n"
            "date\n13/09/2025\n"
            "Recently, the regional government approved a package of measures to support "
            "economic stability in the second half of the year.\n")
    doc = parse_text(text.encode(), file="t.txt")
    assert doc.title == "Guangxi issues 20 measures to support stable economic growth."
    assert doc.date == "2025-09-13"
    # with no stamp below it, a line ending with a full stop stays text
    doc = parse_text(b"Guangxi issues 20 measures to support stable economic growth.\n\n"
                     b"The regional government approved a package of measures.\n", file="t.txt")
    assert doc.title is None


def test_a_row_of_teaser_headlines_is_dropped() -> None:
    """An "Off the wire" box runs other stories' headlines together with bullets; none of
    its places is the story's."""
    text = ("Off the wire\n"
            "New indicators point to slow recovery in Taiwan  \u2022 U.S. Secretary of State "
            "reaffirms policy  \u2022 Earthquake measuring 4.7 shakes south of Spain  \u2022 "
            "China wants better infrastructure\n\n"
            "Tibet targeted 10-percent growth this year, officials said on Wednesday.\n")
    doc = parse_text(text.encode(), file="t.txt")
    assert doc.sentences == ["Tibet targeted 10-percent growth this year, officials said on "
                             "Wednesday."]


def test_prose_that_merely_resembles_footer_lines_is_kept() -> None:
    text = ("Guangdong targets growth\n\n"
            "Guangdong will build ten new industrial clusters this year, officials said.\n"
            "The writer is a central figure in the province's literary scene, the report noted.\n"
            "Registration numbers of new cars rose 20 percent in 2024.\n"
            "The picture shows a clear trend of recovery, analysts said.\n"
            "Privacy policy reform will follow next year, the government added.\n"
            "Jobs and incomes grew steadily across the province last year.\n")
    doc = parse_text(text.encode(), file="p.txt")
    assert len(doc.sentences) == 6
    assert doc.sentences[-1].startswith("Jobs and incomes")


def test_bare_publisher_line_in_header_is_a_weak_credit() -> None:
    text = ("CGTN\n"
            "Guangdong sets growth target of around 5 percent for 2025\n"
            "Updated 17:28, 27-Jan-2025\n\n"
            "South China's Guangdong Province set a GDP growth target of around 5 percent.\n")
    doc = parse_text(text.encode(), file="c.txt")
    assert (doc.title, doc.date, doc.source) == (
        "Guangdong sets growth target of around 5 percent for 2025", "2025-01-27", "CGTN")
    # ... but an explicit credit line outranks it (logo text above a wire story)
    wire = text.replace("Updated 17:28", "Xinhua | Updated 17:28")
    assert parse_text(wire.encode(), file="c.txt").source == "Xinhua"


def test_byline_with_two_reporters_filing_from_two_cities() -> None:
    from generator.ingest.metadata import parse_byline

    line = "By LI MING in Zhengzhou and ZHANG WEI in Hefei | China Daily | Updated: 2024-01-23 09:12"
    byline = parse_byline(line)
    assert byline.authors == ("Li Ming", "Zhang Wei")
    assert (byline.source, byline.date) == ("China Daily", "2024-01-23")


@pytest.mark.parametrize("line, date", [
    ("Source: Foreign Affairs Office of Jiangsu Provincial People's Government Date: 2024-07-26 "
     "Views: 1362", "2024-07-26"),
    ("Issued on: 17/01/2023 - 10:41 Modified: 17/01/2023 - 10:43", "2023-01-17"),
    ("Published: Jan. 30, 2024 5:42 p.m. Updated: Jan. 30, 2024 8:15 p.m.", "2024-01-30"),
    ("March 5, 2025 11:42 AM GMT+8 Updated 5 hours ago", "2025-03-05"),
    ("Date: 05/03/2023", None),  # May 3 or 5 March: no date rather than a wrong one
])
def test_timestamp_lines_of_other_sites(line: str, date) -> None:
    from generator.ingest.metadata import parse_byline

    assert parse_byline(line).date == date


def test_headline_standfirst_and_bare_byline_above_a_timestamp() -> None:
    text = ("THE DIPLOMAT\nRegions: Central Asia  East Asia  Oceania\n\n"
            "Can Dalian's Docks Rescue China's Rust Belt?\n\n"
            "Beijing's latest push leans on ports. The numbers suggest limits.\n\n"
            "LI MENGQI and TAKESHI ONO, Nikkei staff writers\nMarch 18, 2025\n\n"
            "Reading Time: 4 minutes\n\n"
            "For a decade, Northeast China has been shorthand for decline, analysts say.\n\n"
            "Enjoying this article? Click here to subscribe for full access. Just $5 a month.\n")
    doc = parse_text(text.encode(), file="t.txt")
    assert doc.title == "Can Dalian's Docks Rescue China's Rust Belt?"
    assert doc.authors == ("Li Mengqi", "Takeshi Ono")
    assert doc.date == "2025-03-18"
    assert doc.sentences == ["For a decade, Northeast China has been shorthand for decline, "
                             "analysts say."]


def test_photo_credits_with_copyright_sign_are_captions() -> None:
    assert bp.is_caption("A shopper browses handbags at a mall in Haikou © Jade GAO / AFP")
    assert not bp.is_caption("The company must give credit: to all its staff who helped.")


def test_a_row_of_bracketed_buttons_is_interface() -> None:
    assert bp.is_ui_control("[Save] [Gift this article] [Print this page]")
    assert not bp.is_ui_control("[Photo] Workers assemble a car.")


def test_json_unicode_escapes_left_in_scraped_text_become_their_characters() -> None:
    """A page served as raw JSON writes "China\\u2019s": read as "China’s" (or the escape
    reads as the year 2019). ASCII escapes stay as written, so normalising is idempotent."""
    from generator.ingest.decode import normalize_text

    raw = "China\\u2019s 31 provinces \\ud83d\\ude00 \\u0041 \\ud800"
    once = normalize_text(raw)
    assert once == "China’s 31 provinces 😀 \\u0041 \\ud800"
    assert normalize_text(once) == once
