"""`mkdocs serve` on a scratch copy of the project: an edited article is served again.

The plugin generates every page in memory from seeds/ and watches its inputs (on_serve),
so editing a seed must rebuild and serve the changed sentence, while docs/ (hand-written
pages only) stays byte-for-byte unchanged. The extraction cache is left on (it lives in the
copy): a stale cache entry for the edited file would show up here as the old text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_fixture import copy_project

START_TIMEOUT = 60.0  # s; the first build of the seeds takes ~5 s on 2 cores
CHANGE_TIMEOUT = 15.0  # s; the acceptance limit for a rebuilt page to be served
MARKER = "Quokkaborough"  # a word no article contains


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(predicate, timeout: float, what: str, server: subprocess.Popen) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        assert server.poll() is None, f"mkdocs serve exited ({server.returncode}) {what}"
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s {what}")


@pytest.fixture(params=[[], ["--dirty"]], ids=["full", "dirty"])
def served_copy(tmp_path: Path, request: pytest.FixtureRequest
                ) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    """`mkdocs serve` (and `mkdocs serve --dirty`: only changed pages rebuilt) on a scratch
    copy of the project; yield (project, base URL, process)."""
    project = copy_project(tmp_path / "project")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SITE_URL": base_url}
    env.pop("BRIEFING_CACHE", None)
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml"), *request.param],
            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so the whole group can be ended
        )
        try:
            yield project, base_url, server
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGINT)  # what Ctrl-C does: a clean shutdown
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                    server.wait(timeout=10)
    print(log_path.read_text("utf-8", "replace")[-2000:])


def _sentence_and_word(record: dict, text: str) -> tuple[int, str]:
    """A body sentence of *record* and a lower-case word of it that occurs once in *text*."""
    sentences = record["sentences"]
    for n in [*range(len(sentences) // 2, len(sentences)), *range(len(sentences) // 2)]:
        for word in re.findall(r"\b[a-z]{6,}\b", sentences[n]):
            if len(re.findall(rf"\b{word}\b", text)) == 1:
                return n + 1, word
    raise AssertionError(f"no editable word in {record['file']}")


def _sentence_text(html: str, n: int) -> str:
    sentence = BeautifulSoup(html, "lxml").find(id=f"s{n}")
    assert sentence is not None, f"sentence s{n} not in the page"
    return sentence.get_text()


def test_serve_rebuilds_an_edited_article(served_copy) -> None:
    project, base_url, server = served_copy
    docs_before = _tree_hash(project / "docs")

    started = _wait_for(lambda: _get(base_url + "data/briefing.json") is not None,
                        START_TIMEOUT, "waiting for mkdocs serve to answer", server)
    records = json.loads(_get(base_url + "data/briefing.json"))["articles"]
    record = next(r for r in records if r["date"])  # any dated article
    seed = project / record["file"]
    page_url = f"{base_url}articles/{record['id']}/"
    page = _get(page_url)
    assert page is not None and 'id="s1"' in page, page_url

    text = seed.read_text("utf-8")
    n, word = _sentence_and_word(record, text)
    assert word in _sentence_text(page, n) and MARKER not in page
    seed.write_text(re.sub(rf"\b{word}\b", MARKER, text), "utf-8")

    def changed() -> bool:
        html = _get(page_url)
        return html is not None and MARKER in html

    seconds = _wait_for(changed, CHANGE_TIMEOUT,
                        f"waiting for the edit of {record['file']} to be served", server)
    after = _get(page_url)
    assert MARKER in _sentence_text(after, n) and word not in _sentence_text(after, n)
    print(f"mkdocs serve: first answer after {started:.1f} s, edit served after {seconds:.1f} s")

    assert _tree_hash(project / "docs") == docs_before, "mkdocs serve wrote into docs/"
    assert server.poll() is None, "mkdocs serve died"

    # the search finds the new word, and every page once (a dirty rebuild keeps the index
    # of the pages it did not rebuild and must replace, not add, those it did)
    def indexed() -> bool:
        index = _get(base_url + "search/search_index.json")
        return index is not None and MARKER in index

    _wait_for(indexed, CHANGE_TIMEOUT, "waiting for the search index", server)
    docs = json.loads(_get(base_url + "search/search_index.json"))["docs"]
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations)), "a page is in the search index twice"
    assert any(d["location"].startswith(f"articles/{record['id']}/") and MARKER in d["text"]
               for d in docs)
    # pages the edit does not touch are still served whole
    other = next(r for r in records if r["id"] != record["id"])
    assert 'id="s1"' in (_get(f"{base_url}articles/{other['id']}/") or "")


def test_dirty_rebuild_converts_only_the_pages_that_changed(tmp_path, monkeypatch) -> None:
    """What `--dirty` relies on: after one seed is edited, the generated files whose content
    changed say so (`is_modified`), and the others do not (their HTML is kept)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from generator.plugin import GeneratedFile

    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("BRIEFING_CACHE", "false")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def generate() -> dict[str, GeneratedFile]:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        plugin = config.plugins["briefing"]
        config = plugin.on_config(config)
        # through the plugin collection, as MkDocs calls it (it names the generating plugin)
        files = config.plugins.on_files(get_files(config), config=config)
        made = {f.src_uri: f for f in files if isinstance(f, GeneratedFile)}
        for f in made.values():  # as the build writes them
            Path(f.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(f.abs_dest_path).write_text("x", "utf-8")
        plugin.on_post_build(config=config)
        return made

    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["briefing"]
    plugin.on_startup(command="serve", dirty=True)
    try:
        first = generate()
        assert first and all(f.is_modified() for f in first.values())
        again = generate()
        assert not any(f.is_modified() for f in again.values()), "nothing changed"
        seed = sorted((project / "seeds").glob("*.txt"))[0]
        seed.write_text(seed.read_text("utf-8").replace(" the ", f" the {MARKER} ", 1), "utf-8")
        edited = generate()
        changed = {p for p, f in edited.items() if f.is_modified()}
        article = next(p for p in changed if p.startswith("articles/") and p.count("/") == 1
                       and MARKER in str(edited[p].content_string))
        assert article in changed and "data/briefing.json" in changed
        unchanged = set(edited) - changed
        assert any(p.startswith("articles/") for p in unchanged), "every article rebuilt"
    finally:
        plugin.on_startup(command="build", dirty=False)  # MkDocs keeps the instance


@pytest.mark.parametrize(("flags", "dirty"), [([], True), (["--full"], False)])
def test_briefing_serve_is_mkdocs_serve_dirty_unless_full(monkeypatch, flags, dirty) -> None:
    from generator import cli

    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "_mkdocs", lambda argv: calls.append(argv) or 0)
    assert cli.main(["serve", *flags]) == 0
    (argv,) = calls
    assert argv[0] == "serve" and ("--dirty" in argv) is dirty


def test_rebuild_with_kept_entries_equals_a_fresh_build(tmp_path, monkeypatch) -> None:
    """A `mkdocs serve` rebuild takes unchanged articles from the entries it kept in memory
    (and pages from the last build): after an edit, every generated file is the one a fresh
    build of the edited project makes."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from generator.plugin import GeneratedFile

    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("BRIEFING_CACHE", "true")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def generate(command: str) -> dict[str, bytes]:
        config = load_config(str(project / "mkdocs.yml"))
        plugin = config.plugins["briefing"]
        if command == "build":
            plugin.on_startup(command="build", dirty=False)
        config = plugin.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        return {f.src_uri: f.content_bytes for f in files if isinstance(f, GeneratedFile)}

    config = load_config(str(project / "mkdocs.yml"))
    config.plugins["briefing"].on_startup(command="serve", dirty=False)
    try:
        generate("serve")
        seed = sorted((project / "seeds").glob("*.txt"))[0]
        seed.write_text(seed.read_text("utf-8").replace(" the ", f" the {MARKER} ", 1), "utf-8")
        served = generate("serve")
    finally:
        config.plugins["briefing"].on_startup(command="build", dirty=False)
    assert any(MARKER.encode() in data for data in served.values())
    shutil.rmtree(project / ".briefing-cache")
    assert served == generate("build")
