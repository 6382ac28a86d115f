"""The memo of Material's search entries (generator.search_memo): a page whose HTML did not
change gets the entries the search plugin made for it last time, and the index written is
the same as the plugin's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from site_fixture import copy_project

from generator.search_memo import FORMAT, SearchMemo, page_key

ROOT = Path(__file__).resolve().parents[1]


def _page(**changes):
    toc = [SimpleNamespace(id="summary", url="#summary", children=[
        SimpleNamespace(id="full-text", url="#full-text", children=[])])]
    fields = {"url": "articles/a/", "title": "A", "meta": {"title": "A", "tags": ["x"]},
              "toc": toc, "content": "<h2 id='summary'>Summary</h2><p>Text.</p>"}
    return SimpleNamespace(**{**fields, **changes})


def test_the_key_covers_everything_the_search_plugin_reads_of_a_page():
    base = page_key(_page(), "9.8.2")
    assert page_key(_page(), "9.8.2") == base
    others = [
        _page(content="<h2 id='summary'>Summary</h2><p>Other text.</p>"),
        _page(url="articles/b/"), _page(title="B"), _page(meta={"title": "B", "tags": ["x"]}),
        _page(meta={"title": "A", "tags": ["y"]}),
        _page(meta={"title": "A", "tags": ["x"], "search": {"boost": 2}}),
        _page(toc=[SimpleNamespace(id="other", url="#other", children=[])]),
    ]
    assert all(page_key(p, "9.8.2") != base for p in others)
    assert page_key(_page(), "9.9.0") != base, "another Material may index differently"


def test_entries_are_kept_for_the_next_build_and_given_as_copies(tmp_path):
    path = tmp_path / "search.json"
    entries = [{"location": "a/", "title": "A", "text": "t", "tags": ["x"]}]
    first = SearchMemo(path)
    first.begin()
    assert first.get("k") is None
    first.put("k", entries)
    entries[0]["tags"].append("changed later")  # what was put is a copy
    assert first.save() is None
    stamp = path.stat().st_mtime_ns
    second = SearchMemo(path)
    second.begin()
    got = second.get("k")
    assert got == [{"location": "a/", "title": "A", "text": "t", "tags": ["x"]}]
    got[0]["tags"].append("y")  # the index may change what it was given
    assert second.get("k")[0]["tags"] == ["x"]
    assert second.save() is None and path.stat().st_mtime_ns == stamp, "unchanged: not written"
    third = SearchMemo(path)
    third.begin()
    assert third.save() is None and json.loads(path.read_bytes())["pages"] == {}, (
        "only the last build's pages are kept")


def test_a_dirty_build_keeps_the_entries_of_the_pages_it_does_not_convert(tmp_path):
    memo = SearchMemo(None)
    memo.begin()
    memo.put("a", [{"location": "a/", "title": "A", "text": ""}])
    memo.put("b", [{"location": "b/", "title": "B", "text": ""}])
    memo.begin(dirty=True)  # a `mkdocs serve --dirty` rebuild converts page b only
    memo.put("b2", [{"location": "b/", "title": "B2", "text": ""}])
    memo.begin()
    assert memo.get("a") is not None and memo.get("b2") is not None


@pytest.mark.parametrize("damage", ["torn", "other format", "other material", "not a list"])
def test_a_damaged_memo_is_ignored(tmp_path, damage):
    path = tmp_path / "search.json"
    memo = SearchMemo(path)
    memo.begin()
    memo.put("k", [{"location": "a/", "title": "A", "text": "t"}])
    memo.save()
    data = json.loads(path.read_bytes())
    if damage == "torn":
        path.write_bytes(path.read_bytes()[:20])
    else:
        if damage == "other format":
            data["format"] = FORMAT + 1
        elif damage == "other material":
            data["version"] = "0.0"
        else:
            data["pages"]["k"] = "not a list"
        path.write_text(json.dumps(data), "utf-8")
    again = SearchMemo(path)
    again.begin()
    assert again.get("k") is None


def test_a_memo_that_cannot_be_written_is_said_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    memo = SearchMemo(blocker / "search.json")
    memo.begin()
    memo.put("k", [])
    assert "cannot be written" in memo.save()


def _build(project: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.pop("BRIEFING_CACHE", None)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                           str(project / "mkdocs.yml"), "-d", str(site)], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def test_a_build_with_the_memo_writes_the_index_the_search_plugin_writes(tmp_path):
    """Built twice with the cache: the second build takes every page's entries from the
    memo; its search index is byte for byte the first's, which the plugin made itself."""
    project = copy_project(tmp_path / "project")
    _build(project, tmp_path / "one")
    memo = project / ".briefing-cache" / "search.json"
    assert memo.is_file()
    kept = json.loads(memo.read_bytes())["pages"]
    _build(project, tmp_path / "two")
    one = (tmp_path / "one" / "search" / "search_index.json").read_bytes()
    two = (tmp_path / "two" / "search" / "search_index.json").read_bytes()
    assert two == one
    docs = json.loads(one)["docs"]
    assert sum(len(v) for v in kept.values()) == len(docs), "every entry came from the memo"
    # an edited article: its page is indexed again, and the index is what a build with no
    # memo at all writes
    seed = next((project / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text("utf-8").replace(" the ", " the zqxj ", 1), "utf-8")
    _build(project, tmp_path / "three")
    memo.unlink()
    _build(project, tmp_path / "four")
    three = (tmp_path / "three" / "search" / "search_index.json").read_bytes()
    assert three == (tmp_path / "four" / "search" / "search_index.json").read_bytes()
    assert b"zqxj" in three
