"""Helpers shared by the benchmark scripts: cached corpora, measured child processes, tables.

Every measurement runs in a child process so that its time and peak memory are the
measured work's own: the parent's imports, the corpus generator and earlier runs do not
count.  Peak memory is the child's ``ru_maxrss`` as returned by ``os.wait4`` for that one
child (``RUSAGE_CHILDREN`` would mix all children together).

A child that forks or spawns workers (the extraction pool, the render child) uses more than
its own peak: :class:`TreeMemory` samples the whole process tree's *proportional* set size
(PSS, Linux only), which counts a page that forked processes share once, split between them,
so the sum is the memory the build really holds (summing RSS would count shared pages twice).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import make_corpus

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"  # git-ignored


def corpus_dir(n: int, seed: int) -> Path:
    return OUT / f"corpus-{n}-s{seed}"


def ensure_corpus(n: int, seed: int, log: Callable[[str], None] | None = None) -> tuple[Path,
                                                                                          bool]:
    """The cached corpus for ``(n, seed)``, made if missing or stale; ``(path, reused)``."""
    path = corpus_dir(n, seed)
    if make_corpus.is_complete(path, n, seed):
        return path, True
    if log:
        log(f"making corpus of {n} articles (seed {seed}) in {rel(path)} ...")
    make_corpus.make_corpus(n, path, seed=seed, force=True)
    return path, False


def corpus_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file()
               and make_corpus.FILE_NAME.match(p.name))


def rel(path: Path) -> str:
    """*path* relative to the repository when inside it (shorter to read)."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def rss_mb(maxrss: int) -> float:
    """``ru_maxrss`` in MB: Linux reports KiB, macOS bytes."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def child_env(**extra: str) -> dict[str, str]:
    """Environment for children: this checkout's ``generator`` first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])])
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.update(extra)
    return env


@dataclass
class Measured:
    """One finished child process: exit code, wall seconds, peak RSS (MB), output, and the
    peak PSS of its whole process tree (MB; None where /proc cannot tell)."""

    returncode: int
    seconds: float
    rss_mb: float
    stdout: str
    stderr: str
    tree_pss_mb: float | None = None


def _descendants(pid: int) -> list[int]:
    """*pid* and every process below it, from the parent ids in /proc/*/stat."""
    parent: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()  # after "(comm)": state, ppid, ...
        parent[int(name)] = int(fields[1])
    tree, todo = [pid], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        tree += kids
        todo += kids
    return tree


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemory:
    """Samples the summed PSS of a process tree every *interval* seconds in a thread; `peak_mb`
    is the largest sum seen (None off Linux, or if the process ended before a sample)."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.pid, self.interval = pid, interval
        self.peak_kb: int | None = 0 if os.path.exists(f"/proc/{pid}/smaps_rollup") else None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        if self.peak_kb is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(_pss_kb(p) for p in _descendants(self.pid))
            self.peak_kb = max(self.peak_kb or 0, total)
            self._stop.wait(self.interval)

    @property
    def peak_mb(self) -> float | None:
        return None if not self.peak_kb else self.peak_kb / 1024


def run_measured(cmd: Sequence[str], *, cwd: str | os.PathLike[str] | None = None,
                 env: Mapping[str, str] | None = None) -> Measured:
    """Run *cmd* to completion; time it and read its own peak RSS with ``os.wait4``.

    Output goes to temporary files rather than pipes: a chatty child (thousands of MkDocs
    warnings) must never block on a full pipe while we wait for it.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=dict(env) if env else None,
                                stdout=out, stderr=err)
        try:
            with TreeMemory(proc.pid) as tree:
                _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: do not leave the child running
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, seconds, rss_mb(usage.ru_maxrss),
                        out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), tree.peak_mb)


def briefing_cli() -> list[str]:
    """How to call the ``briefing`` command of this environment."""
    beside = Path(sys.executable).parent / "briefing"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("briefing")
    return [found] if found else [sys.executable, "-m", "generator.cli"]


def tail(text: str, lines: int = 15) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines()[-lines:])


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r]
                                          for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    out = []
    for j, r in enumerate(cells):
        out.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                             for i, c in enumerate(r)).rstrip())
        if j == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def fmt(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:,.{digits}f}"
