"""`briefing build` never leaves a half-written site/: it builds into `.site.tmp-*` beside
site/ and swaps the finished tree in.

Runs the real CLI in a subprocess on a scratch copy of the project (mkdocs.yml, docs/, seeds/):

* a build makes site/ (and cleans up after itself);
* a build SIGKILLed while it writes its pages leaves the previous site/ untouched;
* builds that fail (a hand-written page colliding with a generated one; a warning under
  --strict, found only after every page was written) leave site/ untouched and remove their
  temporary folder;
* the next good build replaces site/ completely: an added, an edited and a removed seed all
  show, and nothing of the old tree is left behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://briefing.example.org/"

NEW_SEED = """\
---
title: Hainan bets on quantum computing for its free trade port
date: 2025-03-03
---
Hainan will build a quantum computing centre in Haikou in 2025, the provincial government said on Monday.

The province set a GDP growth target of around 5 percent for 2025.
"""
EDIT = "Zhejiang will open a brain-computer interface laboratory in Hangzhou in 2025."


def briefing(project: Path, *args: str, **popen) -> subprocess.Popen:
    """`briefing build -f <project>/mkdocs.yml ...`, in its own process group."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SITE_URL": SITE_URL,
           "SOURCE_DATE_EPOCH": "1736985600"}  # builds comparable byte for byte
    env.pop("BRIEFING_CACHE", None)
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build", "-f", str(project / "mkdocs.yml"),
         *args],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, **popen)


def build(project: Path, *args: str) -> subprocess.CompletedProcess:
    proc = briefing(project, *args)
    out, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> set[str]:
    """Temporary and old trees beside site/."""
    return {p.name for p in project.glob(".site.*")}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A scratch copy of the project with a site/ built by `briefing build`."""
    base = tmp_path_factory.mktemp("atomic") / "project"
    base.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", base / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", base / "docs")
    shutil.copytree(ROOT / "seeds", base / "seeds")
    result = build(base)
    assert result.returncode == 0, result.stderr[-4000:]
    return base


def test_build_makes_site_and_cleans_up(project):
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "sitemap.xml").is_file()
    assert (site / "feed_rss_created.xml").is_file()
    assert len(hashes(site)) > 50
    assert leftovers(project) == set()
    # site/ gets the mode of any folder made here (not mkdtemp's owner-only 0700), so a web
    # server running as another user can read it
    (project / "probe").mkdir()
    try:
        assert site.stat().st_mode & 0o777 == (project / "probe").stat().st_mode & 0o777
    finally:
        (project / "probe").rmdir()


def test_killed_build_leaves_previous_site_untouched(project):
    site = project / "site"
    before = hashes(site)
    known = leftovers(project)
    proc = briefing(project)
    tmp = None
    deadline = time.monotonic() + 120
    try:
        # wait until the build is writing pages into its temporary folder, then kill it
        while time.monotonic() < deadline and proc.poll() is None:
            fresh = [p for p in project.glob(".site.tmp-*") if p.name not in known]
            if fresh and any(fresh[0].rglob("*.html")):
                tmp = fresh[0]
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the build ended before it could be killed"
        assert tmp is not None, "no temporary build folder appeared"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert hashes(site) == before  # not a byte changed, nothing added or removed
    assert tmp.is_dir() and 0 < len(hashes(tmp)) < len(before)  # it was killed half-way
    # the half-written tree is only ever the hidden temporary folder
    assert [p.name for p in project.iterdir()
            if "site" in p.name and not p.name.startswith(".")] == ["site"]


def test_failed_build_leaves_site_and_removes_its_temporary_folder(project):
    site = project / "site"
    before = hashes(site)
    known = leftovers(project)
    page = project / "docs" / "regions" / "index.md"
    page.parent.mkdir()
    page.write_text("# My regions\n", "utf-8")
    try:
        result = build(project)
    finally:
        shutil.rmtree(page.parent)
    assert result.returncode != 0
    assert "docs/regions/index.md" in result.stderr and "collides" in result.stderr, result.stderr
    assert hashes(site) == before
    assert leftovers(project) <= known  # (and a killed build's folder is cleaned up)


def test_strict_build_failing_at_the_end_leaves_site(project):
    """--strict aborts after every page was written (warnings are counted to the end)."""
    site = project / "site"
    before = hashes(site)
    known = leftovers(project)
    empty = project / "seeds" / "zz-empty.txt"
    empty.write_text("", "utf-8")
    try:
        result = build(project, "--strict")
    finally:
        empty.unlink()
    assert result.returncode != 0
    assert "zz-empty.txt" in result.stderr, result.stderr[-4000:]
    assert hashes(site) == before
    assert leftovers(project) <= known  # (and a killed build's folder is cleaned up)


def test_next_build_replaces_site_completely(project):
    site = project / "site"
    before = hashes(site)
    known = leftovers(project)
    seeds = sorted((project / "seeds").glob("*.txt"))
    old_pages = _article_pages(site)
    (project / "seeds" / "zz-hainan-quantum.md").write_text(NEW_SEED, "utf-8")
    paragraphs = seeds[0].read_text("utf-8").split("\n\n")  # a new paragraph in the body
    seeds[0].write_text("\n\n".join([*paragraphs[:3], EDIT, *paragraphs[3:]]), "utf-8")
    seeds[-1].unlink()
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    after = hashes(site)
    assert after != before
    pages = _article_pages(site)
    added = pages - old_pages
    assert len(added) == 1 and next(iter(added)).startswith("2025-03-03-hainan-bets-on-quantum")
    assert len(old_pages - pages) == 1  # the removed seed's page is gone, not left over
    assert len(pages) == len(old_pages)
    html = "\n".join((site / "articles" / a / "index.html").read_text("utf-8") for a in pages)
    assert EDIT in html
    assert "quantum computing centre in Haikou" in html
    # every file comes from this build: the same tree as a build into an empty folder
    fresh = build(project, "-d", str(project / "fresh"))
    assert fresh.returncode == 0, fresh.stderr[-4000:]
    assert hashes(project / "fresh") == after
    # this build left nothing behind (a killed build's folder may still be there)
    assert leftovers(project) <= known
    assert not any(name.startswith(".site.old-") for name in leftovers(project))


def _article_pages(site: Path) -> set[str]:
    return {p.parent.name for p in (site / "articles").glob("*/index.html")}
