"""The chain from input files to validated records: ingest -> extract -> overrides.

:func:`run` is what the CLI, the MkDocs plugin and the benchmarks call. It never
raises for a bad article: every unreadable, empty, duplicate or invalid input is
reported as a :class:`Problem` naming the file, and the rest of the corpus goes on.
Callers decide whether problems are fatal (``--strict``).

Two things make it fast on a growing corpus: an extraction cache keyed by content
(:mod:`generator.cache`; a warm rebuild after one edit re-extracts one article), and
a process pool for the articles that do need extracting (``jobs``; the ``spawn``
start method, because a forked pool hangs after vl-convert has run in the parent).
Results do not depend on either: records are assembled in path order afterwards.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import overrides as ov
from .cache import ExtractionCache, entry_key, pipeline_version
from .extract import extract
from .ingest import Document, IngestError, discover_all, read_document
from .limits import Limits
from .record import assign_ids, build, dump, id_errors, validate, with_id
from .reference import Gazetteer, Taxonomy, data_version, load_gazetteer, load_taxonomy

#: Below this many articles to extract, a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64
#: The default figures kept per article (generator.limits.Limits.figures).
MAX_FIGURES = Limits().figures


@dataclass(frozen=True)
class Problem:
    """One input the run could not use as given: ``seeds/x.txt: skipped: empty file``."""

    file: str
    kind: str  # skipped | duplicate | override | invalid
    message: str

    def __str__(self) -> str:
        # one problem, one line: a file name or message with a newline (or another control
        # character) is shown escaped, so it cannot split the line or forge another one
        return _one_line(f"{self.file}: {self.kind}: {self.message}")


def _one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


@dataclass
class Corpus:
    records: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0
    #: environment faults the run worked around (an unwritable cache): said, not fatal
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0  # articles extracted in this run (the rest came from the cache)
    cached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    #: record id -> the record's YAML text (record.dump), made where it was extracted
    texts: dict[str, str] = field(default_factory=dict)


def display_path(path: Path, base_dir: Path | None) -> str:
    """The path as the user gave it, or relative to *base_dir* (mkdocs.yml's folder)."""
    if base_dir is not None:
        try:
            return Path(os.path.relpath(path, base_dir)).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def process(
    doc: Document,
    override_file: Path | None,
    override_display: str | None,
    gazetteer: Gazetteer,
    taxonomy: Taxonomy,
    limits: Limits | None = None,
) -> tuple[dict, list[Problem]]:
    """Extract one document and apply its overrides (front matter, then sidecar)."""
    cap = (limits or Limits()).figures
    problems = [Problem(doc.file, kind, message) for kind, message in doc.warnings]
    record = build(doc, extract(doc, gazetteer, taxonomy), "pending")
    if len(record["figures"]) > cap:
        problems.append(Problem(doc.file, "truncated", f"{len(record['figures']):,} figures, "
                                f"kept the first {cap:,}"))
        record["figures"] = record["figures"][:cap]
    layers: list[tuple[str, dict]] = []
    fm = ov.from_front_matter(doc.front_matter)
    if fm:
        layers.append((doc.file, fm))
    if override_file is not None and override_display is not None:
        try:
            layers.append((override_display, ov.load_sidecar(override_file, override_display)))
        except ov.OverrideError as exc:
            problems.append(Problem(override_display, "override", f"{exc.key}: {exc.message}"))
    for source, data in layers:
        try:
            applied = ov.apply(record, data, file=source, gazetteer=gazetteer, taxonomy=taxonomy)
        except ov.OverrideError as exc:
            problems.append(
                Problem(source, "override", f"{exc.key}: {exc.message} (not applied)")
            )
            continue
        errors = validate(applied)
        if errors:
            problems.append(Problem(source, "override", f"{errors[0]} (not applied)"))
            continue
        record = applied
    return record, problems


@dataclass(frozen=True)
class _Task:
    path: str
    shown: str
    side: str | None
    side_shown: str


def share_strings(data: Any, memo: dict[str, str]) -> Any:
    """*data* (a record read from JSON) with equal strings made one object, in place.

    A record made by the extractor shares its strings (a figure's sentence is the sentence
    in `sentences`, its region id the one in `regions`); read back from JSON each is a copy
    of its own, and 1,000 records from the cache took 18 MB more, held by the build and
    copied into its forked render child."""
    items = data.items() if type(data) is dict else enumerate(data) if type(data) is list else ()
    for k, v in items:  # values replaced in place: neither container changes size
        if type(v) is str:
            data[k] = memo.setdefault(v, v)
        elif type(v) is dict or type(v) is list:
            share_strings(v, memo)
    return data


def _extract_one(
    task: _Task, gazetteer: Gazetteer, taxonomy: Taxonomy, limits: Limits
) -> dict[str, Any]:
    """Ingest + extract + overrides for one file, as a plain (picklable, cacheable) dict."""
    try:
        doc = read_document(task.path, display_path=task.shown, limits=limits)
    except IngestError as exc:
        return {"record": None, "problems": [[task.shown, "skipped", exc.reason]]}
    except OSError as exc:
        return {"record": None, "problems": [[task.shown, "skipped", f"cannot read: {exc}"]]}
    try:
        record, problems = process(
            doc, Path(task.side) if task.side else None, task.side_shown, gazetteer, taxonomy,
            limits)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the others
        return {"record": None, "problems": [
            [task.shown, "skipped", f"internal error ({type(exc).__name__}: {exc})"]]}
    # Validated here, in the worker, so that a parallel run also validates in parallel; the
    # id assigned later is checked on its own (record.id_errors): nothing else changes.
    # Dumped here too: a parallel run dumps in parallel, and the text is cached with the
    # record (the id line is set once ids are assigned: record.with_id).
    return {
        "record": record,
        "problems": [[p.file, p.kind, p.message] for p in problems],
        "errors": validate(record),
        "yaml": dump(record),
    }


_WORKER: dict[str, Any] = {}


def _worker_init(gazetteer: str | None, taxonomy: str | None, parent: int | None = None,
                 limits: Limits | None = None) -> None:
    if parent is not None:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _WORKER["gazetteer"] = load_gazetteer(gazetteer)
    _WORKER["taxonomy"] = load_taxonomy(taxonomy)
    _WORKER["limits"] = limits or Limits()


def _watch_parent(parent: int, interval: float = 0.5) -> None:
    """Exit when the process that started this worker is gone: a SIGKILLed build cannot shut
    its pool down, and its workers would wait on their pipe forever."""
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)


def _worker_run(tasks: list[_Task]) -> list[dict[str, Any]]:
    return [_extract_one(t, _WORKER["gazetteer"], _WORKER["taxonomy"], _WORKER["limits"])
            for t in tasks]


def _source_path(obj: Gazetteer | Taxonomy, given: Any) -> str | None:
    """A path a worker process can load the same reference data from."""
    if given is None or isinstance(given, (str, os.PathLike)):
        return None if given is None else os.fspath(given)
    source = getattr(obj, "source", "")
    return source if source and os.path.exists(source) else None


def _file_digest(path: Path) -> str:
    """Digest of a regular file's bytes (anything else raises OSError: a FIFO is never
    opened, it would block the read forever)."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise OSError(f"{path}: not a regular file")
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def default_jobs() -> int:
    """Worker processes to use for a large corpus: the machine's cores."""
    return max(1, os.cpu_count() or 1)


def run(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    gazetteer: Gazetteer | str | os.PathLike[str] | None = None,
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits | None = None,
    memory: dict[str, dict[str, Any]] | None = None,
) -> Corpus:
    """Read, extract and validate every article under *inputs*.

    Relative inputs resolve against *base_dir* when given (the MkDocs plugin passes
    mkdocs.yml's folder) and file names in records and problems are shown relative
    to it, so records do not depend on where the build was started. *cache_dir*
    enables the extraction cache; *jobs* > 1 (or None: one per core) extracts in that
    many processes when there are enough articles to be worth it. *progress* is
    called with (done, total) as articles are extracted. *limits* bound the work of one
    article (generator.limits); each cut is a ``truncated`` problem.

    *memory* (with *cache_dir*) is the extraction cache's entries of an earlier run in this
    process, by key: a long-running caller (`mkdocs serve`) passes the same dict to every
    run, so an unchanged article is not read and decoded from the cache folder again (1,000
    entries are about 40 MB of JSON, a second of every rebuild). The key covers the
    article's bytes, its override, the pipeline and the reference data, so an entry found
    there is the one the folder holds; the dict is left holding this run's entries.
    """
    limits = limits or Limits()
    t0 = time.perf_counter()
    gaz = load_gazetteer(gazetteer)
    tax = load_taxonomy(taxonomy)
    t_ref = time.perf_counter()
    base = Path(base_dir) if base_dir is not None else None
    paths = [Path(p) if base is None or Path(p).is_absolute() else base / p for p in inputs]
    corpus = Corpus()
    for p in paths:
        if not p.exists():
            corpus.problems.append(
                Problem(display_path(p, base), "skipped", "no such file or folder")
            )
    files, unusable = discover_all([p for p in paths if p.exists()])
    for path, reason in unusable:
        corpus.problems.append(Problem(display_path(path, base), "skipped", reason))
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    version = f"{pipeline_version()}:{data_version(gaz, tax)}:{limits.key()}" if cache else ""

    # x.override.yaml belongs to x.txt or x.md, not both: a sidecar two articles share is
    # applied to neither (it was written for one of them) and said so
    claims: dict[Path, list[Path]] = {}
    for path in files:
        claims.setdefault(ov.sidecar_path(path), []).append(path)
    for side, owners in claims.items():
        if len(owners) > 1 and side.exists():
            names = ", ".join(display_path(o, base) for o in owners)
            corpus.problems.append(Problem(
                display_path(side, base), "override",
                f"matches several articles ({names}); applied to none: rename the articles "
                "so that each has its own stem"))

    tasks: list[_Task] = []
    keys: list[str | None] = []
    for path in files:
        side = ov.sidecar_path(path)
        has_side = len(claims[side]) == 1 and (side.exists() or side.is_symlink())
        tasks.append(
            _Task(
                str(path),
                display_path(path, base),
                str(side) if has_side else None,
                display_path(side, base),
            )
        )
        if cache is None:
            keys.append(None)
            continue
        try:
            parts = [version, display_path(path, base), _file_digest(path)]
            if has_side:
                parts += [display_path(side, base), _file_digest(side)]
            keys.append(entry_key(*parts))
        except OSError:
            keys.append(None)
    t_scan = time.perf_counter()

    results: list[dict[str, Any] | None] = [None] * len(tasks)
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = None
        if cache is not None and key is not None:
            hit = memory.get(key) if memory is not None else None
            if hit is None:
                hit = cache.get(key)
                if hit is not None and isinstance(hit.get("record"), dict):
                    share_strings(hit["record"], {})
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    corpus.cached = len(tasks) - len(todo)
    corpus.extracted = len(todo)

    n_jobs = default_jobs() if jobs is None else max(1, jobs)
    gaz_src, tax_src = _source_path(gaz, gazetteer), _source_path(tax, taxonomy)
    parallel = (
        n_jobs > 1
        and len(todo) >= PARALLEL_THRESHOLD
        and (gazetteer is None or gaz_src is not None)
        and (taxonomy is None or tax_src is not None)
    )
    done = 0
    if parallel:
        chunk = max(8, min(64, len(todo) // (n_jobs * 4) or 1))
        batches = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=n_jobs,
            mp_context=ctx,
            initializer=_worker_init,
            initargs=(gaz_src, tax_src, os.getpid(), limits),
        ) as pool:
            futures = [pool.submit(_worker_run, [tasks[i] for i in b]) for b in batches]
            for batch, fut in zip(batches, futures, strict=True):
                for i, res in zip(batch, fut.result(), strict=True):
                    results[i] = res
                done += len(batch)
                if progress:
                    progress(done, len(todo))
    else:
        for i in todo:
            results[i] = _extract_one(tasks[i], gaz, tax, limits)
            done += 1
            if progress and (done % 16 == 0 or done == len(todo)):
                progress(done, len(todo))
    if cache is not None:
        try:
            for i in todo:
                res = results[i]
                if keys[i] is not None and res is not None and res["record"] is not None:
                    cache.put(keys[i], res)
            cache.prune({k for k in keys if k is not None})
        except OSError as exc:  # the cache only saves time: without it the run is the same
            corpus.warnings.append(f"extraction cache {cache_dir} cannot be written "
                                   f"({exc.strerror or exc}); continuing without it")
    if memory is not None:
        memory.clear()
        memory.update((k, res) for k, res in zip(keys, results, strict=True)
                      if k is not None and res is not None and res["record"] is not None)
    t_extract = time.perf_counter()

    records: list[dict] = []
    texts: dict[str, str] = {}  # file -> YAML text with the pending id
    invalid: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for task, res in zip(tasks, results, strict=True):
        assert res is not None
        corpus.problems.extend(Problem(*p) for p in res["problems"])
        if res["record"] is None:
            continue
        record = dict(res["record"])  # its id is set below; the entry may be kept (*memory*)
        corpus.files_read += 1
        text_key = "\n".join(record["sentences"])
        if text_key in seen:
            corpus.problems.append(
                Problem(task.shown, "duplicate", f"same text as {seen[text_key]}; kept once")
            )
            continue
        seen[text_key] = task.shown
        invalid[record["file"]] = res.get("errors", [])
        if isinstance(res.get("yaml"), str):
            texts[record["file"]] = res["yaml"]
        records.append(record)
    ids = assign_ids(records)
    for record in records:
        record["id"] = ids[record["file"]]
        errors = invalid[record["file"]] or id_errors(record["id"])
        if errors:
            corpus.problems.append(Problem(record["file"], "invalid", "; ".join(errors[:3])))
            continue
        corpus.records.append(record)
        text = with_id(texts.get(record["file"], ""), record["id"])
        if text is not None:
            corpus.texts[record["id"]] = text
    corpus.records.sort(key=lambda r: r["id"])
    t_end = time.perf_counter()
    corpus.seconds = {
        "reference data": t_ref - t0,
        "scan": t_scan - t_ref,
        "extract": t_extract - t_scan,
        "assemble": t_end - t_extract,
    }
    return corpus


def progress_printer(label: str = "extracting") -> Callable[[int, int], None] | None:
    """A rich progress bar on a terminal (None when stderr is not a TTY: quiet in CI)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        f"[bold]{label}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    )
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 36:
            return
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task(label, total=total)
        bar.update(state["task"], completed=done)
        if done >= total:
            bar.stop()

    return update
