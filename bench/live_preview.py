"""How long does `mkdocs serve` take to show an edit? Issue 10's live-preview figure.

    python bench/live_preview.py [N] [--seed S] [--edits E] [--full]

Makes (or reuses) the synthetic corpus of N articles (default 1,000), copies the site config
and the corpus into a scratch project (as build_speed.py does), starts ``mkdocs serve`` on a
free loopback port, waits for the first build, then E times (default 3): adds one unique word
to the body of one article and polls that article's page until the word is served. It prints
the first build's time and, for each edit, the seconds from saving the file to the new page
being served (the extraction cache is on, as it is for an editor). Issue 10's aim: under 10 s
at N = 1,000. It runs ``mkdocs serve --dirty``, as ``briefing serve`` does: MkDocs then
converts only the pages whose Markdown changed (the plugin tells it which). ``--full`` runs
plain ``mkdocs serve``, which converts every page on each change.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import benchlib as bl
import build_speed


def _is_utf8(path: Path) -> bool:
    """Whether the article is UTF-8 without a BOM (the corpus has GB18030 ones too)."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.startswith(b"\xef\xbb\xbf")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - loopback only
            return resp.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, needle: str | None, deadline: float) -> float | None:
    """Poll *url* until it answers (and contains *needle*); the time it did, or None."""
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and (needle is None or needle in body):
            return time.monotonic()
        time.sleep(0.1)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--edits", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=900, help="seconds per wait")
    ap.add_argument("--full", action="store_true",
                    help="plain `mkdocs serve` (every page rebuilt) instead of --dirty")
    args = ap.parse_args(argv)

    corpus, reused = bl.ensure_corpus(args.n, args.seed, log=lambda m: print(m, file=sys.stderr))
    out = bl.ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    project = build_speed.make_project(corpus, out, {})
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = bl.child_env(BRIEFING_SITE_URL=base, XDG_CACHE_HOME=str(project / ".xdg-cache"))
    log = open(project / "serve.log", "w+b")  # noqa: SIM115 - closed with the project
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve",
                             "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml"),
                             *([] if args.full else ["--dirty"])],
                            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        # plain-text articles only: in a .md file the first blank line can be inside the
        # front matter, and an edit there is not shown (the wait then ran into its timeout)
        articles = sorted(p for p in (project / "corpus").iterdir()
                          if p.suffix == ".txt" and _is_utf8(p))
        if _wait_for(base, None, started + args.timeout) is None:
            log.seek(0)
            print(bl.tail(log.read().decode("utf-8", "replace")), file=sys.stderr)
            return 1
        first = time.monotonic() - started
        print(f"first build served after {first:.1f} s", file=sys.stderr)
        time.sleep(2)  # let the watcher settle
        seconds = []
        for k in range(args.edits):
            target = articles[(k * 7919) % len(articles)]
            word = f"zqxedit{k}w{os.getpid()}"
            text = target.read_text("utf-8")
            cut = _body_end(text)
            target.write_text(text[:cut] + f" Officials said the {word} plan was approved."
                              + text[cut:], "utf-8")
            saved = time.monotonic()
            seen = _wait_for_word(project, base, word, saved + args.timeout)
            if seen is None:
                print(f"edit {k + 1}: not served within {args.timeout:.0f} s", file=sys.stderr)
                return 1
            seconds.append(seen - saved)
            print(f"edit {k + 1}: {seen - saved:.1f} s", file=sys.stderr)
            time.sleep(1)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        if os.environ.get("KEEP"):
            print(f"kept {project}", file=sys.stderr)
        else:
            shutil.rmtree(project, ignore_errors=True)
    mode = "`mkdocs serve`" if args.full else "`mkdocs serve --dirty`"
    print(f"corpus: {bl.rel(corpus)} ({'reused' if reused else 'made'}); {mode}, "
          f"extraction cache on, {os.cpu_count()} cores")
    rows = [("first build (to first page served)", bl.fmt(first, 1))]
    rows += [(f"edit {i + 1}: saved -> new page served", bl.fmt(s, 1))
             for i, s in enumerate(seconds)]
    rows.append(("median edit", bl.fmt(statistics.median(seconds), 1)))
    print(bl.table([f"N = {args.n:,}", "seconds"], rows))
    return 0


def _body_end(text: str) -> int:
    """Where an edit goes: the end of the article's first paragraph of running text (over 200
    characters, ending a sentence), where no boilerplate rule drops it. After the first
    paragraph, as before, it could land on the headline: a headline with a sentence
    appended is no longer read as the headline, and the edit was never shown."""
    start = 0
    for para in text.split("\n\n"):
        end = start + len(para.rstrip())
        if len(para.strip()) > 200 and para.rstrip().endswith("."):
            return end
        start += len(para) + 2
    return len(text.rstrip())


def _wait_for_word(project: Path, base: str, word: str, deadline: float) -> float | None:
    """The time the rebuilt site is served with *word* in it: the search index is written
    last (Material's search plugin, on_post_build), so the edited page is served by then."""
    while time.monotonic() < deadline:
        index = _fetch(base + "search/search_index.json")
        if index is not None and word in index:
            return time.monotonic()
        time.sleep(0.2)
    return None


if __name__ == "__main__":
    sys.exit(main())
