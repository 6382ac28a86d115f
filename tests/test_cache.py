"""The extraction cache and the process pool: faster, never different.

A warm run re-extracts only what changed; a torn or tampered cache entry is
detected and rebuilt; a change to the reference data invalidates everything; the
parallel run gives the very records of the serial one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.record import dump

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", d)
    return d


def dumps(corpus: pipeline.Corpus) -> list[str]:
    return [dump(r) for r in corpus.records]


def test_warm_run_reextracts_only_the_changed_article(corpus_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = pipeline.run([corpus_dir], cache_dir=cache)
    assert (cold.extracted, cold.cached) == (5, 0)
    warm = pipeline.run([corpus_dir], cache_dir=cache)
    assert (warm.extracted, warm.cached) == (0, 5)
    assert dumps(warm) == dumps(cold)
    target = corpus_dir / "003_3c8ed5704a560934.txt"
    target.write_text(target.read_text("utf-8") + "\nHubei will build a new chip plant.\n", "utf-8")
    edited = pipeline.run([corpus_dir], cache_dir=cache)
    assert (edited.extracted, edited.cached) == (1, 4)
    assert dumps(edited) == dumps(pipeline.run([corpus_dir]))  # same as without a cache


def test_entries_kept_in_memory_between_runs(corpus_dir: Path, tmp_path: Path) -> None:
    """`mkdocs serve` keeps the last run's entries (`memory`): a rebuild takes the unchanged
    articles from them, not from the folder, and gives what a run without them gives."""
    cache, memory = tmp_path / "cache", {}
    cold = pipeline.run([corpus_dir], cache_dir=cache, memory=memory)
    assert len(memory) == 5
    shutil.rmtree(cache)  # only the entries in memory are left
    target = corpus_dir / "003_3c8ed5704a560934.txt"
    target.write_text(target.read_text("utf-8") + "\nHubei will build a new chip plant.\n", "utf-8")
    kept = {k: dump(dict(v["record"])) for k, v in memory.items()}
    warm = pipeline.run([corpus_dir], cache_dir=cache, memory=memory)
    assert (warm.extracted, warm.cached) == (1, 4)
    assert dumps(warm) == dumps(pipeline.run([corpus_dir]))
    assert dumps(warm) != dumps(cold)
    # the kept entries were not changed by the run (ids are set on copies) and the edited
    # article's old entry is gone
    assert len(memory) == 5 and len(set(memory) & set(kept)) == 4
    assert all(dump(dict(memory[k]["record"])) == kept[k] for k in set(memory) & set(kept))
    assert all("id" not in memory[k]["record"] or memory[k]["record"]["id"] == "pending"
               for k in memory)


def test_override_change_invalidates_its_article(corpus_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    pipeline.run([corpus_dir], cache_dir=cache)
    (corpus_dir / "000_0eb1d9e8b84fe7fb.override.yaml").write_text("source: Editor\n", "utf-8")
    again = pipeline.run([corpus_dir], cache_dir=cache)
    assert (again.extracted, again.cached) == (1, 4)
    assert any(r["source"] == "Editor" for r in again.records)


def test_corrupt_or_torn_entries_are_rebuilt(corpus_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = pipeline.run([corpus_dir], cache_dir=cache)
    entries = sorted(cache.glob("*/*.json"))
    assert len(entries) == 5
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # torn write
    text = entries[1].read_text("utf-8")
    entries[1].write_text(
        text.replace("Guangdong", "Guangxi", 1)
        if "Guangdong" in text
        else text.replace("a", "b", 1),
        "utf-8",
    )  # tampered payload
    (entries[2].parent / ".tmp-killed.json").write_text("{", "utf-8")  # killed mid-write
    warm = pipeline.run([corpus_dir], cache_dir=cache)
    assert warm.extracted == 2 and warm.cached == 3
    assert dumps(warm) == dumps(cold)
    assert not list(cache.glob("*/.tmp-*"))


def test_reference_data_change_invalidates_everything(corpus_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    taxonomy = tmp_path / "taxonomy.yaml"
    shutil.copy(ROOT / "generator" / "data" / "taxonomy.yaml", taxonomy)
    pipeline.run([corpus_dir], cache_dir=cache, taxonomy=taxonomy)
    taxonomy.write_text(taxonomy.read_text("utf-8") + "\n# edited\n", "utf-8")
    again = pipeline.run([corpus_dir], cache_dir=cache, taxonomy=taxonomy)
    assert (again.extracted, again.cached) == (5, 0)


def test_parallel_run_equals_serial_run(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # enough articles to use the pool: the seeds under several names, plus variants
    dated = [p for p in sorted(corpus_dir.glob("00*.txt")) if "2025" in p.read_text("utf-8")]
    for i in range(5):
        for src in dated:
            text = src.read_text("utf-8").replace("2025", str(2026 + i))
            (corpus_dir / f"v{i}-{src.name}").write_text(text, "utf-8")
    serial = pipeline.run([corpus_dir], jobs=1)
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 4)
    parallel = pipeline.run([corpus_dir], jobs=2)
    assert len(serial.records) >= 15
    assert dumps(parallel) == dumps(serial)
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]
