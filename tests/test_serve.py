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


@pytest.fixture
def served_copy(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    """`mkdocs serve` on a scratch copy of the project; yield (project, base URL, process)."""
    project = copy_project(tmp_path / "project")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/"
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SITE_URL": base_url}
    env.pop("BRIEFING_CACHE", None)
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")],
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
