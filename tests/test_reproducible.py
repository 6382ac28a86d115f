"""Reproducible output: the same inputs give the same bytes, whatever the machine state.

Two clean builds of the project (fresh copies at different paths, no extraction cache,
different PYTHONHASHSEED, time zone and locale) with SOURCE_DATE_EPOCH set must give
byte-identical site/ trees: same set of files, same bytes in each. The first runs
`mkdocs build`, the second `briefing build` (temporary folder, then swapped in): both
front-ends must make the very same site. The same goes for
`briefing generate --out DIR` (Markdown pages and data files), with or without the cache.

Things that typically break this (and are checked here by the byte comparison): build dates
in sitemap.xml / the RSS feeds, the gzip header's mtime in sitemap.xml.gz, set or dict
order (search index, tags, chart specs) depending on the hash seed, random ids in chart
specs, absolute paths of the build folder leaking into pages.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1736985600  # 2025-01-16T00:00:00Z
SITE_URL = "https://briefing.example.org/"

# Each run differs in every way that must not matter.
RUNS = [
    {"PYTHONHASHSEED": "1", "TZ": "America/Los_Angeles", "LC_ALL": "C"},
    {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai", "LC_ALL": "C.UTF-8"},
]
BUILDS = [
    [sys.executable, "-m", "mkdocs", "build", "-d", "site"],
    [sys.executable, "-m", "generator.cli", "build", "-d", "site"],
]


def _copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "seeds", dest / "seeds")
    return dest


def _env(run: dict[str, str], *, cache: bool = False) -> dict[str, str]:
    env = {**os.environ, **run, "SOURCE_DATE_EPOCH": str(EPOCH), "NO_MKDOCS_2_WARNING": "1",
           "BRIEFING_SITE_URL": SITE_URL}
    env.pop("BRIEFING_CACHE", None)
    if not cache:
        env["BRIEFING_CACHE"] = "false"
    return env


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _show(rel: str, a: bytes, b: bytes) -> str:
    """A short account of how two versions of a file differ."""
    try:
        left, right = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                  min(len(a), len(b)))
        return (f"{rel}: binary, {len(a)} vs {len(b)} bytes, first difference at byte {at}: "
                f"{a[at:at + 16]!r} vs {b[at:at + 16]!r}")
    diff = list(difflib.unified_diff(left.splitlines(), right.splitlines(), "first", "second",
                                     lineterm="", n=1))
    # long one-line files (feeds, JSON): show where the lines part
    shown = []
    for line in diff[:30]:
        if len(line) > 300 and line[0] in "+-":
            at = next((i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y), 0)
            ctx = left if line[0] == "-" else right
            line = f"{line[0]}...{ctx[max(0, at - 120):at + 180]}..."
        shown.append(line)
    return f"{rel} differs:\n" + "\n".join(shown)


def assert_same_tree(first: Path, second: Path) -> None:
    a, b = _tree(first), _tree(second)
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    assert not only_a and not only_b, f"only in first: {only_a[:10]}; only in second: {only_b[:10]}"
    differing = [rel for rel in a if a[rel] != b[rel]]
    assert not differing, (f"{len(differing)} of {len(a)} files differ: {differing[:10]}\n"
                           + _show(differing[0], a[differing[0]], b[differing[0]]))


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> list[tuple[Path, Path]]:
    """(project, site) for two clean builds, one after the other."""
    built = []
    for n, (run, command) in enumerate(zip(RUNS, BUILDS, strict=True)):
        # different folders, at different depths: absolute paths must not leak into output
        project = _copy_project(tmp_path_factory.mktemp(f"repro{n}") / ("deeper/" * n + "proj"))
        result = subprocess.run(command, cwd=project, env=_env(run), capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-4000:]
        built.append((project, project / "site"))
    return built


def test_two_clean_builds_are_byte_identical(sites):
    (_, first), (_, second) = sites
    assert len(_tree(first)) > 50
    assert_same_tree(first, second)


def test_build_dates_come_from_source_date_epoch(sites):
    (project, site), _ = sites
    day = datetime.fromtimestamp(EPOCH, UTC)
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    lastmods = set(sitemap.split("<lastmod>")[1:])
    assert lastmods and {m.split("<")[0] for m in lastmods} == {day.strftime("%Y-%m-%d")}
    feed = (site / "feed_rss_created.xml").read_text("utf-8")
    assert f"<lastBuildDate>{day.strftime('%a, %d %b %Y')}" in feed
    gz = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") in (0, EPOCH)  # gzip header mtime
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    if today != day.strftime("%Y-%m-%d"):
        assert today not in sitemap


def test_no_build_path_leaks_into_the_site(sites):
    for project, site in sites:
        needles = [str(project).encode(), str(project.resolve()).encode()]
        leaks = [rel for rel, data in _tree(site).items() if any(n in data for n in needles)]
        assert leaks == [], leaks


def _generate(project: Path, out: str, run: dict[str, str], *, cache: bool) -> Path:
    args = [sys.executable, "-m", "generator.cli", "generate", "--out", out]
    if not cache:
        args.append("--no-cache")
    result = subprocess.run(args, cwd=project, env=_env(run, cache=cache), capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    return project / out


def test_generate_twice_gives_identical_trees(tmp_path):
    first = _generate(_copy_project(tmp_path / "a" / "proj"), "pages", RUNS[0], cache=False)
    second_project = _copy_project(tmp_path / "b" / "deeper" / "proj")
    second = _generate(second_project, "pages", RUNS[1], cache=False)
    assert len(_tree(first)) > 20
    assert_same_tree(first, second)
    # the extraction cache does not change a byte: a cold run fills it, a warm one reads it
    cold = _generate(second_project, "cold", RUNS[0], cache=True)
    assert any((second_project / ".briefing-cache").rglob("*"))
    warm = _generate(second_project, "warm", RUNS[1], cache=True)
    assert_same_tree(first, cold)
    assert_same_tree(first, warm)
