"""Issue 9: no input can crash, hang or exhaust the build.

Each test is one failure the issue reproduced on main (its number in the issue's "Why" list
is in the test name). The promise under test: a bad file gets one problem line naming the
file and the key, and every other article's record is exactly what it is without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.limits import Limits
from generator.pipeline import Corpus, Problem, run
from generator.record import dump

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
---
title: Zhejiang sets its course
date: 2025-01-20
---
HANGZHOU -- Zhejiang set a GDP growth target of around 5.5 percent for 2025, the provincial
government said on Monday. The province will expand its digital economy and support private
firms in Hangzhou and Ningbo.
"""

OTHER = """\
Guangdong will build ten new industrial clusters this year, the provincial government said
on Monday. Shenzhen set a GDP growth target of around 5.5 percent for 2025.
"""


def corpus(tmp_path: Path, files: dict[str, str | bytes]) -> Corpus:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, content in files.items():
        path = seeds / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return run(["seeds"], base_dir=tmp_path)


def lines(c: Corpus) -> list[str]:
    return [str(p) for p in c.problems]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The good articles' records without any bad file beside them."""
    c = corpus(tmp_path_factory.mktemp("clean"), {"good.md": GOOD, "other.txt": OTHER})
    assert c.problems == []
    return {r["file"]: dump(r) for r in c.records}


def assert_rest_builds(c: Corpus, clean: dict[str, str]) -> None:
    got = {r["file"]: dump(r) for r in c.records}
    for file, text in clean.items():
        assert got.get(file) == text, file


# --- 1: date-like values that are no dates -------------------------------------------------


@pytest.mark.parametrize("front", [
    "date: 2025-02-30", "updated: 2025-13-45\ndate: 2025-01-02", "date: '2025-13-45'",
    "title: x\ndate: 2025-02-29",
])
def test_1_impossible_date_in_front_matter_is_one_line(tmp_path, clean, front):
    c = corpus(tmp_path, {"good.md": GOOD, "other.txt": OTHER,
                          "bad.md": f"---\n{front}\n---\n{OTHER.replace('Guangdong', 'Hainan')}"})
    bad = [p for p in lines(c) if p.startswith("seeds/bad.md")]
    if "updated" in front:  # an unknown key is not read at all: no crash, no problem
        assert bad == []
    else:
        assert len(bad) == 1 and "date" in bad[0] and "not a date" in bad[0], bad
    assert_rest_builds(c, clean)


@pytest.mark.parametrize("override, key", [
    ("date: 2025-02-30", "date"),
    ("date: '2025-13-45'", "date"),
    ("updated: 2025-13-45", "updated"),
    ("title: x\ndate: 2025-13-45", "date"),
])
def test_1_impossible_date_in_override_is_one_line(tmp_path, clean, override, key):
    c = corpus(tmp_path, {"good.md": GOOD, "other.txt": OTHER, "good.override.yaml": override})
    (line,) = lines(c)
    assert line.startswith(f"seeds/good.override.yaml: override: {key}"), line
    assert_rest_builds(c, {k: v for k, v in clean.items() if k != "seeds/good.md"})
    assert any(r["file"] == "seeds/good.md" for r in c.records)  # kept, override not applied


# --- 3: wrong types in an override ---------------------------------------------------------


@pytest.mark.parametrize("override, key, expected", [
    ("regions: {add: [{id: shanghai, sentences: [abc]}]}", "regions.add[0].sentences[0]",
     "integer"),
    ("regions: {add: [{id: shanghai, sentences: 5}]}", "regions.add[0].sentences", "a list"),
    ("title: [a, b]", "title", "text"),
    ("authors: [[a]]", "authors[0]", "text"),
    ("figures: {add: [{value: .nan, text: x, sentence: 1}]}", "figures.add[0].value", "finite"),
    ("figures: {add: [{value: .inf, text: x, sentence: 1}]}", "figures.add[0].value", "finite"),
    ("figures: {add: [{value: 5, text: x, sentence: 99999}]}", "figures.add[0].sentence",
     "does not exist"),
    ("regions: {add: [{id: shanghai, sentences: [99999]}]}", "regions.add[0].sentences[0]",
     "does not exist"),
    ("themes: {add: [{id: robotics, regions: [atlantis]}]}", "themes.add[0].regions[0]",
     "unknown region"),
    ("figures: {add: [{value: 5, text: x, sentence: two}]}", "figures.add[0].sentence",
     "integer"),
    ("1: x", "1", "unknown key"),
])
def test_3_9_wrong_types_in_override_are_one_line(tmp_path, clean, override, key, expected):
    c = corpus(tmp_path, {"good.md": GOOD, "other.txt": OTHER, "good.override.yaml": override})
    (line,) = lines(c)
    assert line.startswith(f"seeds/good.override.yaml: override: {key}:"), line
    assert expected in line and "(not applied)" in line, line
    assert_rest_builds(c, {k: v for k, v in clean.items() if k != "seeds/good.md"})


@pytest.mark.parametrize("front, key", [
    ("title: [a, b]", "title"), ("title: .nan", "title"), ("authors: [{a: b}]", "authors"),
    ("source: {a: b}", "source"), ("date: [2025-01-01]", "date"),
])
def test_3_wrong_types_in_front_matter_are_one_line(tmp_path, clean, front, key):
    c = corpus(tmp_path, {"good.md": GOOD, "other.txt": OTHER,
                          "bad.md": f"---\n{front}\n---\n{OTHER.replace('Guangdong', 'Hainan')}"})
    (line,) = lines(c)
    assert line.startswith(f"seeds/bad.md: skipped: front matter {key}"), line
    assert "['a', 'b']" not in "".join(r["title"] for r in c.records)
    assert_rest_builds(c, clean)


def test_9_nan_never_reaches_the_records(tmp_path):
    front = "---\nfigures: {add: [{value: .inf, text: x, sentence: 1}]}\n"
    c = corpus(tmp_path, {"good.md": GOOD.replace("---\n", front, 1)})
    assert len(c.problems) == 1 and "figures.add[0].value" in str(c.problems[0]), c.problems
    json.dumps(c.records, allow_nan=False)  # valid JSON: no NaN / Infinity anywhere


# --- 2: alias bombs ------------------------------------------------------------------------


def _bomb(levels: int = 9) -> str:
    out = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        out.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(out) + "\n"


BOMB_PLACES = {
    "front matter title": lambda b: {"bomb.md": f"---\n{b}title: *a8\n---\n{OTHER}"},
    "front matter authors": lambda b: {"bomb.md": f"---\n{b}authors: *a8\n---\n{OTHER}"},
    "override title": lambda b: {"good.md": GOOD, "good.override.yaml": f"{b}title: *a8\n"},
    "override regions.add": lambda b: {"good.md": GOOD,
                                       "good.override.yaml": f"{b}regions: {{add: *a8}}\n"},
    "override figures.add.text": lambda b: {
        "good.md": GOOD, "good.override.yaml": f"{b}figures: {{add: [{{text: *a8}}]}}\n"},
}


@pytest.mark.parametrize("place", sorted(BOMB_PLACES))
def test_2_alias_bomb_is_refused_fast_in_bounded_memory(tmp_path, place):
    assert len(_bomb()) < 500
    for name, text in BOMB_PLACES[place](_bomb()).items():
        seeds = tmp_path / "seeds"
        seeds.mkdir(exist_ok=True)
        (seeds / name).write_text(text, "utf-8")
    (tmp_path / "seeds" / "other.txt").write_text(OTHER, "utf-8")
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
        from generator.pipeline import run
        c = run(["seeds"], base_dir={str(tmp_path)!r})
        for p in c.problems:
            print(p)
        print("records", len(c.records))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr[-2000:]
    problems = out.stdout.splitlines()[:-1]
    assert len(problems) == 1 and "alias" in problems[0], out.stdout
    assert out.stdout.splitlines()[-1] in ("records 1", "records 2")


def test_2_safe_loader_bounds():
    from generator import safeyaml

    with pytest.raises(safeyaml.YamlError, match="alias"):
        safeyaml.load(_bomb())
    with pytest.raises(safeyaml.YamlError, match="nested deeper"):
        safeyaml.load("a: " + "[" * 100 + "]" * 100)
    with pytest.raises(safeyaml.YamlError, match="too large"):
        safeyaml.load("a: " + "x" * 2000, max_bytes=1000)
    with pytest.raises(safeyaml.YamlError, match="invalid YAML"):
        safeyaml.load("a: " + "1" * 5000)  # int max str digits: a ValueError inside PyYAML
    assert safeyaml.load("d: 2025-02-30\ne: 2025-01-01") == {"d": "2025-02-30", "e": "2025-01-01"}


def test_problem_lines_stay_one_line():
    assert str(Problem("seeds/a\nb.txt", "skipped", "empty file")) == (
        "seeds/a\\nb.txt: skipped: empty file")


def test_2_alias_bomb_in_user_reference_data_is_one_line(tmp_path, capsys):
    from generator.cli import main

    bomb = tmp_path / "taxonomy.yaml"
    bomb.write_text(_bomb() + "themes: *a8\n", "utf-8")
    (tmp_path / "a.txt").write_text(OTHER, "utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--taxonomy", str(bomb)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "taxonomy file" in err[0] and "alias" in err[0], err


@pytest.mark.parametrize("entry,expected", [
    ("{id: x, name: X, level: city, parent: 5, lat: 1, lon: 2}",
     "regions[0] (id 'x').parent: expected text or nothing (null), got 5"),
    ("{id: x, name: [X], level: city, parent: null, lat: 1, lon: 2}",
     "regions[0] (id 'x').name: expected text"),
    ("{id: x, name: X, level: city, parent: null, lat: .nan, lon: 2}",
     "regions[0] (id 'x'): 'lat' must be a number in [-90, 90], got nan"),
    ("{id: x, name: X, level: city, parent: null, lat: 1, lon: 2, colour: red}", "unknown key"),
])
def test_1_wrong_types_in_a_user_gazetteer_are_one_line(tmp_path, capsys, entry, expected):
    """Reference data is configuration: a bad file stops the run with one line naming the
    file and the key path, rather than building a site with regions silently missing."""
    from generator.cli import main

    gaz = tmp_path / "gazetteer.yaml"
    gaz.write_text(f"regions:\n- {entry}\n", "utf-8")
    (tmp_path / "a.txt").write_text(OTHER, "utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--gazetteer", str(gaz)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"gazetteer file {gaz}: " in err[0] and expected in err[0], err


# --- 4: ids that cannot collide ------------------------------------------------------------


def test_4_a_title_cannot_forge_another_articles_id(tmp_path, capsys):
    import hashlib

    from generator.cli import main
    from generator.pages import render_site
    from generator.reference import load_gazetteer, load_taxonomy

    forged = hashlib.sha1(b"seeds/b.md").hexdigest()[:6]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, title, place in (("a.md", "Same", "Hainan"), ("b.md", "Same", "Hubei"),
                               ("c.md", f"Same {forged}", "Hunan")):
        (seeds / name).write_text(f"---\ntitle: {title}\ndate: 2025-01-20\n---\n"
                                  f"{OTHER.replace('Guangdong', place)}", "utf-8")
    c = run(["seeds"], base_dir=tmp_path)
    ids = [r["id"] for r in c.records]
    assert len(ids) == 3 == len(set(ids)), ids
    render_site(c.records, load_gazetteer(), load_taxonomy())  # what build fails on
    out = tmp_path / "records"
    assert main(["extract", str(seeds), "--out", str(out), "--no-cache"]) == 0
    assert "3 records written" in capsys.readouterr().err
    assert len(list(out.glob("*.yaml"))) == 3
    assert main(["check", str(seeds), "--no-cache"]) == 0


def test_4_check_reports_what_build_fails_on(tmp_path, monkeypatch, capsys):
    from generator import pages
    from generator.cli import main

    (tmp_path / "a.txt").write_text(OTHER, "utf-8")

    def broken(*args, **kwargs):
        raise ValueError("duplicate article ids: x")

    monkeypatch.setattr(pages, "render_site", broken)
    assert main(["check", str(tmp_path / "a.txt")]) == 1
    assert "would not build: duplicate article ids" in capsys.readouterr().err


def test_9_a_sidecar_two_articles_share_is_applied_to_neither(tmp_path):
    c = corpus(tmp_path, {"x.md": GOOD, "x.txt": OTHER, "x.override.yaml": "source: Editor\n"})
    (line,) = lines(c)
    assert line.startswith("seeds/x.override.yaml: override: matches several articles"), line
    assert all(r["source"] != "Editor" and r["overrides"] is None for r in c.records)


# --- 9, 10: outputs that stay valid ---------------------------------------------------------


def test_9_csv_cells_cannot_be_formulas(tmp_path):
    import csv
    import io

    from generator.pages import render_site
    from generator.reference import load_gazetteer, load_taxonomy

    evil = "=cmd|' /C calc'!A0"
    c = corpus(tmp_path, {"good.md": GOOD, "good.override.yaml":
                          f"figures: {{add: [{{value: 5, text: \"{evil}\", sentence: 1,"
                          " subject: '@SUM(A1)'}]}\n"})
    assert c.problems == []
    files = render_site(c.records, load_gazetteer(), load_taxonomy())
    rows = list(csv.reader(io.StringIO(files["data/figures.csv"].decode("utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + evil in cells and "'@SUM(A1)" in cells
    assert not any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in cells), cells
    text = rows[0].index("text")
    assert all(not row[text].startswith("-") for row in rows[1:])


def test_9_template_markup_lines_are_text():
    from generator.ingest import parse_text

    for markup in ("{{ x }}", "{% raw %}"):
        text = (f"Guangdong will build ten clusters this year, the government said on Monday."
                f"\n\n{markup}\n\nShenzhen will invest in AI, the city government said on "
                "Tuesday.")
        doc = parse_text(text.encode(), file="x.txt")
        assert markup in doc.sentences, doc.sentences
        doc = parse_text(f"{text}\n\n{markup}\n".encode(), file="x.txt")  # trailing, too
        assert doc.sentences[-1] == markup, doc.sentences


def test_10_feed_titles_are_escaped_once(tmp_path):
    import shutil
    import xml.etree.ElementTree as ET

    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "seeds").mkdir()
    title = 'Plan <script>x</script> & "Co" *5%*'
    (project / "seeds" / "a.md").write_text(
        f"---\ntitle: '{title}'\ndate: 2025-01-20\n---\n{OTHER}", "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_CACHE": "false",
           "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=project,
                         env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    feed = ET.parse(project / "site" / "feed_rss_created.xml")
    titles = [t.text for t in feed.getroot().iter("title")]
    assert title in titles, titles


# --- 7: bounded work -----------------------------------------------------------------------


def test_7_one_huge_line_is_cut_and_reported_in_seconds(tmp_path, clean):
    import time

    line = ("Guangdong GDP grew 5.2 percent to 1.3 trillion yuan in 2024, and Shenzhen will "
            "invest 20 billion yuan. ") * 50_000  # 5 MB on one line
    started = time.monotonic()
    c = corpus(tmp_path, {"good.md": GOOD, "other.txt": OTHER, "x.txt": line})
    assert time.monotonic() - started < 15
    got = [p for p in lines(c) if p.startswith("seeds/x.txt")]
    assert any(p.startswith("seeds/x.txt: truncated: line 1 has 5,") and "kept the first" in p
               for p in got), got
    assert any(p.startswith("seeds/x.txt: truncated: ") and " figures, kept the first 500" in p
               for p in got), got
    (rec,) = [r for r in c.records if r["file"] == "seeds/x.txt"]
    assert len(rec["figures"]) == 500 and sum(map(len, rec["sentences"])) <= 20_000
    assert_rest_builds(c, clean)


def test_7_sentences_per_article_are_capped():
    from generator.ingest import MAX_SENTENCES, parse_text

    text = "\n\n".join(f"Guangdong will build cluster number {i} this year." for i in range(3000))
    doc = parse_text(text.encode(), file="x.txt")
    assert len(doc.sentences) == MAX_SENTENCES
    assert doc.warnings == (("truncated", "3,000 sentences, kept the first 2,000"),)


def test_7_limits_are_a_value_passed_down_not_a_global(tmp_path):
    """Two runs in one process with different limits do not disturb each other, and each
    limit is applied and reported in the file's problem line."""
    from generator.limits import Limits

    text = "\n\n".join(f"Guangdong will invest {i} billion yuan in cluster {i} this year."
                       for i in range(1, 41))
    tight = Limits(line_chars=400, sentences=30, figures=10)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_text(text + "\n\n" + "word " * 200, "utf-8")
    small = run(["seeds"], base_dir=tmp_path, limits=tight)
    default = run(["seeds"], base_dir=tmp_path)
    assert sorted(lines(small)) == [
        "seeds/x.txt: truncated: 30 figures, kept the first 10",
        "seeds/x.txt: truncated: 41 sentences, kept the first 30",
        "seeds/x.txt: truncated: line 81 has 999 characters, kept the first 399",
    ]
    assert len(small.records[0]["figures"]) == 10
    assert lines(default) == [] and len(default.records[0]["figures"]) == 40
    with pytest.raises(ValueError, match="limits.figures: expected a whole number >= 1"):
        Limits(figures=0)


def test_7_limits_from_the_cli(tmp_path, capsys):
    from generator.cli import main

    (tmp_path / "x.txt").write_text(OTHER + "\n\n" + "Guangdong will invest 5 billion yuan "
                                    "and 6 billion yuan and 7 billion yuan this year.\n", "utf-8")
    assert main(["check", str(tmp_path / "x.txt"), "--max-figures", "2"]) == 1
    err = capsys.readouterr().err
    assert "x.txt: truncated: " in err and " figures, kept the first 2" in err, err
    with pytest.raises(SystemExit):
        main(["check", str(tmp_path / "x.txt"), "--max-figures", "0"])
    assert "expected a whole number >= 1, got 0" in capsys.readouterr().err


def test_7_limits_from_the_plugin_config(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    (tmp_path / "docs").mkdir()
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_name: t\nplugins:\n  - briefing:\n      cache: false\n"
                   "      limits: {figures: 7, sentences: 50}\n", "utf-8")
    config = load_config(str(yml))
    plugin = config.plugins["briefing"]
    plugin.on_config(config)
    assert plugin.limits == Limits(figures=7, sentences=50) and plugin.config.cache is False
    yml.write_text("site_name: t\nplugins:\n  - briefing:\n      limits: {file_mb: 0}\n",
                   "utf-8")
    config = load_config(str(yml))
    with pytest.raises(PluginError, match="limits.file_mb: expected a whole number >= 1"):
        config.plugins["briefing"].on_config(config)


# --- 8: a file cut inside a UTF-8 sequence keeps its text ----------------------------------


@pytest.mark.parametrize("damage", ["cut", "mixed"])
def test_8_a_few_bad_bytes_keep_the_text_with_a_warning(tmp_path, damage):
    text = OTHER + "广东省政府表示，今年将建设十个新的产业集群。深圳也将加大投资。\n"
    raw = text.encode("utf-8")
    raw = raw[:-3] if damage == "cut" else raw.replace(b"Monday", "Mon\x93day\x94".encode(
        "latin-1"))
    c = corpus(tmp_path, {"x.txt": raw})
    (line,) = lines(c)
    assert line.startswith("seeds/x.txt: decoded: ") and "replaced" in line, line
    (rec,) = c.records
    assert "Guangdong will build ten new industrial clusters" in " ".join(rec["sentences"])


# --- 8: inputs lost without a word ---------------------------------------------------------


def test_8_every_unread_input_is_named(tmp_path, clean):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.md").write_text(GOOD, "utf-8")
    (seeds / "other.txt").write_text(OTHER, "utf-8")
    (seeds / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "..dots.txt").write_text(OTHER.replace("Guangdong", "Hubei"), "utf-8")
    (seeds / ".hidden.txt").write_text(OTHER, "utf-8")  # dot-files stay hidden, as documented
    c = run(["seeds"], base_dir=tmp_path)
    got = lines(c)
    assert "seeds/gone.txt: skipped: dangling symlink" in got
    assert "seeds/pipe.txt: skipped: not a regular file (a FIFO)" in got
    assert len(got) == 2, got
    assert {r["file"] for r in c.records} == {"seeds/good.md", "seeds/other.txt",
                                               "seeds/..dots.txt"}
    assert_rest_builds(c, clean)


def test_8_a_fifo_on_the_command_line_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(OTHER, "utf-8")
    (tmp_path / "a.override.yaml").symlink_to(fifo)  # a sidecar that is a FIFO, too
    out = subprocess.run([sys.executable, "-m", "generator.cli", "check", str(fifo),
                          str(tmp_path / "a.txt"), "--no-cache"], capture_output=True,
                         text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert f"{fifo}: skipped: not a regular file (a FIFO)" in out.stderr, out.stderr
    assert "a.override.yaml: override: (file): cannot be read: not a regular file" in out.stderr


def test_8_an_unreadable_folder_is_named(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    (seeds / "locked").mkdir(parents=True)
    (seeds / "locked" / "x.txt").write_text(OTHER, "utf-8")
    (seeds / "a.txt").write_text(OTHER.replace("Guangdong", "Hubei"), "utf-8")
    real = os.scandir

    def scandir(path="."):  # chmod 0 does not stop root, who runs CI containers: simulate it
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = lines(run(["seeds"], base_dir=tmp_path))
    assert got == ["seeds/locked: skipped: cannot read folder (Permission denied)"], got


# --- 5, 6: killed builds and environment faults --------------------------------------------


def _project(tmp_path: Path) -> Path:
    import shutil

    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "seeds").mkdir()
    (project / "seeds" / "a.md").write_text(GOOD, "utf-8")
    return project


def _build(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-f",
                           str(project / "mkdocs.yml"), *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def test_5_6_killed_swap_is_repaired_and_environment_faults_are_one_line(tmp_path):
    project = _project(tmp_path)
    first = _build(project)
    assert first.returncode == 0, first.stderr[-3000:]
    index = (project / "site" / "index.html").read_bytes()
    # killed between the two renames: no site/, the old tree beside it; plus a killed build's
    # temporary folder (pid 999999 does not run: Linux pids stay below 2**22 by default, but
    # check)
    dead = 999_999
    with pytest.raises(ProcessLookupError):
        os.kill(dead, 0)
    os.replace(project / "site", project / f".site.old-{dead}")
    (project / f".site.tmp-{dead}-abc" / "articles").mkdir(parents=True)
    (project / ".site.tmp-legacy").mkdir()  # an old-style name without a pid
    from generator.build import recover

    done = recover(project / "site")
    assert (project / "site" / "index.html").read_bytes() == index
    assert sorted(p.name for p in project.glob(".site.*")) == [], done
    # an unwritable cache (here: a file where its folder should be) is one warning
    import shutil

    for name in ("extract", "pages"):
        shutil.rmtree(project / ".briefing-cache" / name)
        (project / ".briefing-cache" / name).write_text("not a folder", "utf-8")
    second = _build(project)
    assert second.returncode == 0, second.stderr[-3000:]
    assert second.stderr.count("extraction cache") == 1, second.stderr
    assert second.stderr.count("page cache") == 1, second.stderr
    assert "Traceback" not in second.stderr
    # an output folder that cannot be made is one line, no traceback
    (project / "blocked").write_text("a file", "utf-8")
    third = _build(project, "-d", str(project / "blocked" / "site"))
    assert third.returncode == 1 and "cannot write the site" in third.stderr, third.stderr
    assert "Traceback" not in third.stderr


def test_6_a_cache_entry_that_is_a_folder_is_a_warning(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(OTHER, "utf-8")
    cache = tmp_path / "cache"
    assert run(["seeds"], base_dir=tmp_path, cache_dir=cache).warnings == []
    (entry,) = cache.glob("*/*.json")
    entry.unlink()
    entry.mkdir()
    c = run(["seeds"], base_dir=tmp_path, cache_dir=cache)
    assert len(c.warnings) == 1 and "cannot be written" in c.warnings[0]
    assert len(c.records) == 1 and c.problems == []


def _children(pid: int) -> list[int]:
    out = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat_file.parent.name))
    return out


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_5_workers_die_with_their_parent(tmp_path):
    import signal
    import time

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(160):
        (seeds / f"a{i:03}.txt").write_text(f"Article {i}.\n\n" + OTHER * 60, "utf-8")
    script = (f"from generator.pipeline import run\n"
              f"run(['seeds'], base_dir={str(tmp_path)!r}, jobs=2)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and proc.poll() is None:
            workers = [p for p in _children(proc.pid) if _running(p)]
            if len(workers) >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None and workers, "the pool never started"
        time.sleep(1.0)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_running(p) for p in workers):
            time.sleep(0.1)
        alive = [p for p in workers if _running(p)]
    finally:
        if proc.poll() is None:
            proc.kill()
    for p in alive:
        os.kill(p, signal.SIGKILL)
    assert alive == [], "workers outlived their SIGKILLed parent"
