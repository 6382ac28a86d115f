"""The whole extraction chain through the CLI, as an analyst runs it.

Bad input never crashes the run nor changes the other articles' records; every
problem is one line naming the file; records are schema-valid and byte-identical
from run to run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.record import validate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def extract_dir(inputs: list[Path], out: Path, *extra: str) -> int:
    return main(["extract", *map(str, inputs), "--out", str(out), *extra])


def records(out: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(out.glob("*.yaml"))}


@pytest.fixture(scope="module")
def clean_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("clean")
    assert extract_dir([SEEDS], out) == 0
    return records(out)


def test_seeds_give_five_valid_records(clean_records: dict[str, str]) -> None:
    assert len(clean_records) == 5
    for name, text in clean_records.items():
        rec = yaml.safe_load(text)
        assert validate(rec) == [], name
        assert name == f"{rec['id']}.yaml"
        assert text.startswith("schema: briefing/article@1\nid: ")


def test_extracting_twice_is_byte_identical(tmp_path: Path, clean_records: dict[str, str]) -> None:
    assert extract_dir([SEEDS], tmp_path) == 0
    assert records(tmp_path) == clean_records


def test_every_citation_points_at_a_sentence(clean_records: dict[str, str]) -> None:
    for text in clean_records.values():
        rec = yaml.safe_load(text)
        n = len(rec["sentences"])
        cited = [f["sentence"] for f in rec["figures"]] + [
            c["sentence"] for c in rec["commitments"]
        ]
        for group in ("regions", "themes", "people"):
            cited += [s for item in rec[group] for s in item["sentences"]]
        assert all(1 <= s <= n for s in cited)
        for f in rec["figures"]:
            # the figure's words are in the sentence it cites
            assert f["text"].split()[0] in rec["sentences"][f["sentence"] - 1]


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    """The seeds plus every kind of bad input the issue lists."""
    d = tmp_path / "seeds"
    shutil.copytree(SEEDS, d)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t\n  \n", "utf-8")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (d / "big.txt").write_bytes(b"Guangdong will grow. " * (20 * 1024 * 1024 // 21 + 1))
    (d / "bad-front-matter.md").write_text(
        "---\ntitle: [unclosed\n---\nGuangdong will grow.\n", "utf-8"
    )
    (d / "copy-of-000.txt").write_bytes((SEEDS / "000_0eb1d9e8b84fe7fb.txt").read_bytes())
    (d / "gb.txt").write_bytes(
        "广东省将加快发展集成电路产业。\n\n深圳市提出2025年GDP增长5.5%左右。\n".encode("gb18030")
    )
    (d / "latin1.txt").write_bytes(
        "Caf\u00e9 owners in Hangzhou say the city will expand consumption \u00e0 la carte.\n".encode(
            "latin-1"
        )
    )
    (d / "nothing.txt").write_text("Prices rose. People were happy about it.\n", "utf-8")
    (d / "004_4308abf101abd3ac.override.yaml").write_text(
        "regions:\n  add: [guangdongg]\n", "utf-8"
    )
    return d


def test_bad_input_is_reported_and_skipped(
    messy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clean_records: dict[str, str]
) -> None:
    out = tmp_path / "out"
    assert extract_dir([messy], out) == 0  # problems alone do not fail the run
    err = capsys.readouterr().err
    lines = {
        line.split(":")[0].rsplit("/", 1)[-1]: line for line in err.splitlines() if ": " in line
    }
    assert "skipped: empty file" in lines["empty.txt"]
    assert "skipped" in lines["blank.txt"]
    assert "skipped" in lines["image.txt"] and "binary" in lines["image.txt"]
    assert "skipped" in lines["big.txt"] and "too large" in lines["big.txt"]
    assert (
        "skipped" in lines["bad-front-matter.md"] and "front matter" in lines["bad-front-matter.md"]
    )
    assert (
        "duplicate" in lines["copy-of-000.txt"]
        and "000_0eb1d9e8b84fe7fb.txt" in lines["copy-of-000.txt"]
    )
    override_line = lines["004_4308abf101abd3ac.override.yaml"]
    assert (
        "guangdongg" in override_line
        and "regions" in override_line
        and "guangdong" in override_line
    )
    got = records(out)
    # the seeds' records are exactly the clean ones, except 004 keeps its record without the bad override
    for name, text in clean_records.items():
        mine, clean = yaml.safe_load(got[name]), yaml.safe_load(text)
        assert mine.pop("file").endswith(clean.pop("file").rsplit("/", 1)[-1])
        assert mine == clean
    by_file = {
        yaml.safe_load(t)["file"].rsplit("/", 1)[-1]: yaml.safe_load(t) for t in got.values()
    }
    gb = by_file["gb.txt"]
    assert "广东省将加快发展集成电路产业。" in gb["sentences"]
    assert "Café owners in Hangzhou" in by_file["latin1.txt"]["sentences"][0]
    nothing = by_file["nothing.txt"]
    assert (
        nothing["date"] is None
        and nothing["regions"] == []
        and nothing["id"].startswith("undated-")
    )


def test_strict_fails_on_problems(messy: Path, tmp_path: Path) -> None:
    assert extract_dir([messy], tmp_path / "out", "--strict") == 1


def test_nothing_readable_fails(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    assert extract_dir([d], tmp_path / "out") == 1


def test_equal_titles_get_unique_stable_ids(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for name, body in (
        ("a.md", "Hunan will build new roads and bridges across the province this year."),
        ("b.md", "Hubei will build new river ports along the Yangtze this year."),
    ):
        (d / name).write_text(f"---\ntitle: Same title\ndate: 2025-01-02\n---\n{body}\n", "utf-8")
    out = tmp_path / "out"
    assert extract_dir([d], out) == 0
    names = sorted(records(out))
    assert len(names) == 2 and "2025-01-02-same-title.yaml" in names
    assert extract_dir([d], out) == 0
    assert sorted(records(out)) == names


def test_override_sets_metadata_and_edits_lists(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(
        "Shenzhen will build chip plants and host a humanoid robot games.\n", "utf-8"
    )
    (d / "a.override.yaml").write_text(
        "title: Shenzhen bets on chips\n"
        "date: 2025-02-01\n"
        "source: Shenzhen Daily\n"
        "regions: {add: [guangdong], remove: []}\n"
        "themes: {remove: [robotics], add: [ai]}\n"
        "figures:\n  add:\n    - {indicator: investment, region: shenzhen, value: 5.0e9, unit: CNY,"
        " text: 5 billion yuan, sentence: 1}\n",
        "utf-8",
    )
    before = (d / "a.override.yaml").read_text("utf-8")
    out = tmp_path / "out"
    assert extract_dir([d], out) == 0
    (rec,) = [yaml.safe_load(t) for t in records(out).values()]
    assert rec["id"] == "2025-02-01-shenzhen-bets-on-chips"
    assert rec["source"] == "Shenzhen Daily"
    assert {r["id"] for r in rec["regions"]} == {"shenzhen", "guangdong"}
    themes = {t["id"] for t in rec["themes"]}
    assert "robotics" not in themes and {"ai", "integrated-circuits"} <= themes
    assert any(f["value"] == 5.0e9 for f in rec["figures"])
    assert rec["overrides"].endswith("a.override.yaml")
    assert (d / "a.override.yaml").read_text("utf-8") == before  # never rewritten


def test_unknown_theme_in_override_names_file_key_and_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(
        "Shenzhen will build chip plants and expand its semiconductor industry this year.\n",
        "utf-8",
    )
    (d / "a.override.yaml").write_text("themes: {add: [robotic]}\n", "utf-8")
    assert main(["check", str(d)]) == 1
    err = capsys.readouterr().err
    assert "a.override.yaml" in err and "themes" in err and "'robotic'" in err and "robotics" in err


def test_front_matter_wins_over_guesses(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.md").write_text(
        "---\ntitle: 'A title: with \"quotes\"'\ndate: 2024-12-31\nsource: Caixin\n"
        "authors: [Li Ming, Zhao Lei]\nurl: https://example.com/a\n---\n"
        " date 2025-01-16 Another title\n\n10:27, January 16, 2025 By Someone ( Global Times\n\n"
        "Anhui will develop quantum computing and expand its research centres this year.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    assert extract_dir([d], out) == 0
    (rec,) = [yaml.safe_load(t) for t in records(out).values()]
    assert rec["title"] == 'A title: with "quotes"'
    assert (rec["date"], rec["source"]) == ("2024-12-31", "Caixin")
    assert rec["authors"] == ["Li Ming", "Zhao Lei"]
    assert rec["url"] == "https://example.com/a"


def test_stale_records_removed_but_foreign_files_kept(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(
        "Hainan will build new ports and expand its free trade port this year.\n", "utf-8"
    )
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.yaml").write_text("mine: true\n", "utf-8")
    (out / "old.yaml").write_text("schema: briefing/article@1\nid: old\n", "utf-8")
    assert extract_dir([d], out) == 0
    assert (out / "notes.yaml").read_text("utf-8") == "mine: true\n"
    assert not (out / "old.yaml").exists()


def test_plain_output_and_summary_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert extract_dir([SEEDS], tmp_path / "out", "--no-cache") == 0
    err = capsys.readouterr().err
    assert "\x1b[" not in err  # no progress bar or colours in CI logs
    assert "articles: 5 built, 5 read (5 extracted, 0 from cache)" in err
    assert "found: " in err and "regions" in err and "seconds: " in err


def test_generate_writes_the_site_pages_and_data(tmp_path: Path) -> None:
    out = tmp_path / "site-src"
    assert main(["generate", str(SEEDS), "--out", str(out), "--no-cache"]) == 0
    assert (out / "index.md").is_file() and (out / "figures.md").is_file()
    assert len(list((out / "articles").glob("*.md"))) == 6  # five articles + index
    assert len(list((out / "data" / "articles").glob("*.yaml"))) == 5
    intro = (ROOT / "docs" / "_intro.md").read_text("utf-8").strip().splitlines()[0]
    assert intro in (out / "index.md").read_text("utf-8")


# --- records dumped where they are extracted ------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
def test_the_yaml_made_in_the_workers_is_the_records_own_dump(jobs):
    """The pipeline dumps each record before its id is known (in the worker) and sets the
    id line afterwards; the text must be what `record.dump` gives for the final record."""
    from generator.pipeline import run
    from generator.record import dump

    corpus = run([str(SEEDS), str(ROOT / "tests" / "real")], jobs=jobs)
    assert len(corpus.records) > 50
    assert corpus.texts.keys() == {r["id"] for r in corpus.records}
    for record in corpus.records:
        assert corpus.texts[record["id"]] == dump(record), record["id"]


@pytest.mark.parametrize("record_id", ["2024-01-01", "null", "yes", "123", "x" * 150,
                                       "undated-a--1a2b3c"])
def test_setting_the_id_line_gives_the_dump_of_the_record_with_that_id(record_id):
    from generator.record import dump, with_id

    record = {"schema": "briefing/article@1", "id": "pending", "title": "A title: with colon",
              "figures": [{"value": 5.5}]}
    assert with_id(dump(record), record_id) == dump({**record, "id": record_id})
    assert with_id("schema: x\ntitle: no id line\n", record_id) is None


def test_records_read_from_the_cache_share_equal_strings(tmp_path):
    """As the extractor made them: a figure's sentence is one object with the sentence in
    `sentences` (copies of each took 18 MB more at 1,000 articles), and nothing else
    changes."""
    import copy
    import json

    from generator.pipeline import share_strings

    record = json.loads(json.dumps({"sentences": ["Growth was 5 percent."], "figures": [
        {"text": "Growth was 5 percent.", "region": "sichuan", "value": 5.0}],
        "regions": [{"id": "sichuan"}]}))
    before = copy.deepcopy(record)
    assert record["figures"][0]["text"] is not record["sentences"][0]
    assert share_strings(record, {}) == before
    assert record["figures"][0]["text"] is record["sentences"][0]
    assert record["figures"][0]["region"] is record["regions"][0]["id"]
