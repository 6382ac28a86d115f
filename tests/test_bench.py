"""The benchmark corpus is fit for purpose: deterministic, and real input for the pipeline.

A benchmark on articles the extractor rejects or half-reads would time the wrong code
paths, so the synthetic articles must go through ``generator.pipeline.run`` without a
single problem and yield what real ones yield (regions, themes, figures, metadata) --
including the odd variants (front matter, BOM, GB18030, CRLF).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import make_corpus  # noqa: E402 - bench/ is not a package

N = 20


def make(out: Path, seed: int = 0, n: int = N) -> Path:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "make_corpus.py"), str(n), str(out), "--seed", str(seed)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(tmp_path_factory.mktemp("bench") / "corpus")


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = snapshot(make(tmp_path / "again"))
    assert again == snapshot(corpus)
    assert len([n for n in again if not n.startswith(".")]) == N
    other = snapshot(make(tmp_path / "other", seed=1))
    assert set(other) != set(again)  # names carry a content hash


def test_refuses_to_overwrite_without_force(corpus: Path) -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "3", str(corpus)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "not empty" in proc.stderr
    assert make_corpus.is_complete(corpus, N, 0)


def test_corpus_extracts_without_problems(corpus: Path) -> None:
    result = run([corpus])
    assert result.problems == []
    assert len(result.records) == N
    for rec in result.records:
        assert rec["regions"], rec["file"]
        assert rec["themes"], rec["file"]
        assert rec["figures"], rec["file"]
        assert rec["commitments"], rec["file"]
        assert 25 <= len(rec["sentences"]) <= 45, (rec["file"], len(rec["sentences"]))
        assert rec["title"] and rec["language"] == "en"
    dated = [r for r in result.records if r["date"]]
    assert len(dated) >= N // 2
    assert sum(bool(r["source"]) for r in result.records) >= N // 2


def _first(kind: str, limit: int = 600) -> tuple[str, bytes]:
    for i in range(limit):
        name, data = make_corpus.render(0, i)
        if ((kind == "md" and name.endswith(".md"))
                or (kind == "bom" and data.startswith(b"\xef\xbb\xbf"))
                or (kind == "crlf" and b"\r\n" in data)
                or (kind == "gb18030" and not _is_utf8(data))):
            return name, data
    raise AssertionError(f"no {kind} article among the first {limit}")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_variant_files_extract_like_the_others(tmp_path: Path) -> None:
    for kind in ("md", "bom", "crlf", "gb18030"):
        name, data = _first(kind)
        (tmp_path / name).write_bytes(data)
    result = run([tmp_path])
    assert result.problems == []
    assert len(result.records) == 4
    by_suffix = {Path(r["file"]).suffix: r for r in result.records}
    assert by_suffix[".md"]["date"] and by_suffix[".md"]["authors"]
    for rec in result.records:
        assert rec["regions"] and rec["themes"], rec["file"]
        assert not any(ch in "".join(rec["sentences"]) for ch in "\ufeff\r\ufffd"), rec["file"]
    chinese = [r for r in result.records
               if any("\u4e00" <= ch <= "\u9fff" for s in r["sentences"] for ch in s)]
    assert chinese, "the GB18030 article's Chinese paragraphs were not decoded"


def test_bad_input_bench_runs_and_names_every_bad_file() -> None:
    """bench/bad_input.py (issue 9's 10 % bound) runs end to end on a tiny corpus, and the
    bad copy's problem lines name the bad files it added (so the bench times bad input that
    really is refused or cut, not files that slipped through unnoticed)."""
    proc = subprocess.run([sys.executable, str(BENCH / "bad_input.py"), "8", "--repeat", "1",
                           "--jobs", "1"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "with bad files" in out and "time vs clean" in out, out
    problems = out.split("problem lines of the bad files:")[1]
    for name in ("bad-date.md", "bad-bomb.md", "bad-ov-bomb.override.yaml", "bad-ov-types"):
        assert name in problems, (name, problems)


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="Linux /proc only")
def test_tree_memory_counts_every_process_and_shared_pages_once() -> None:
    """The build's memory is its process tree's. Parent and forked child share 100 MB
    written before the fork, then each allocates its own (80 and 150 MB): one process'
    peak RSS (250 MB) misses the parent's own part, summed RSS (about 430 MB) counts the
    shared part twice; the tree's peak PSS is the 330 MB they really hold."""
    import benchlib

    script = (
        "import os, time\n"
        "shared = bytearray(100 << 20)\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    own = bytearray(150 << 20); time.sleep(2.0); os._exit(0)\n"
        "own = bytearray(80 << 20)\n"
        "os.waitpid(pid, 0)\n")
    m = benchlib.run_measured([sys.executable, "-c", script])
    assert m.returncode == 0, m.stderr
    assert m.tree_pss_mb is not None
    assert m.tree_pss_mb > m.rss_mb + 50
    assert 330 <= m.tree_pss_mb < 390
