"""Rendering in forked processes (generator.forked): the same results, in the same order, as
in one process; a failing child changes nothing; a child stuck beside other threads is
killed."""

from __future__ import annotations

import os
import threading
import time

import pytest

from generator import forked, pages
from tests.test_pages import load_records


@pytest.fixture
def small_batches(monkeypatch):
    """Fork for a handful of tasks; and fork even if the test session runs a thread of its
    own (the browser tests' web server): the children here only compute."""
    monkeypatch.setattr(forked, "MIN_TASKS", 1)
    monkeypatch.setattr(forked, "can_fork", lambda: hasattr(os, "fork"))


def _children() -> set[int]:
    """This process's child processes (Linux), zombies included."""
    found: set[int] = set()
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as f:
            found.update(int(p) for p in f.read().split())
    return found


def test_tasks_run_in_children_and_results_keep_their_order(small_batches) -> None:
    before = _children()
    def task(i: int) -> tuple[int, int]:
        time.sleep(0.02)  # long enough that every process gets some
        return i * i, os.getpid()

    tasks = [lambda i=i: task(i) for i in range(40)]
    results = forked.run_forked(tasks, 3)
    assert [r[0] for r in results] == [i * i for i in range(40)]
    pids = {r[1] for r in results}
    assert os.getpid() in pids and len(pids) == 3
    assert _children() <= before  # every child reaped


def test_a_failing_child_is_not_trusted(small_batches) -> None:
    """A task that fails in a child is run again here; so an error is raised in this
    process, with its traceback, and a result is never lost."""
    parent = os.getpid()
    before = _children()

    def flaky(i: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return i

    assert forked.run_forked([lambda i=i: flaky(i) for i in range(10)], 2) == list(range(10))

    def broken() -> int:
        raise ValueError("bad record")

    with pytest.raises(ValueError, match="bad record"):
        forked.run_forked([broken] * 10, 2)
    assert _children() <= before


def test_a_child_that_dies_after_sending_some_results_is_not_trusted(small_batches,
                                                                      tmp_path) -> None:
    """A child sends its results batch by batch; if it then dies, the batches it had sent
    count for nothing either: this process runs all of that child's tasks again."""
    parent = os.getpid()
    ran = tmp_path / "ran-in-child"

    def task(i: int) -> int:
        time.sleep(0.01)
        if os.getpid() != parent:
            if i >= 20:
                os._exit(3)  # dies half-way, after sending the batches of tasks 0-19
            with ran.open("a") as f:
                f.write(f"{i}\n")
        return os.getpid()

    before = _children()
    pids = forked.run_forked([lambda i=i: task(i) for i in range(40)], 2)
    assert ran.exists()  # the child did run (and send) some tasks before it died
    assert pids == [parent] * 40
    assert _children() <= before


def test_children_fork_beside_another_thread(monkeypatch) -> None:
    """`mkdocs serve` runs threads: its rebuilds fork too (its render is what an editor waits
    for)."""
    monkeypatch.setattr(forked, "MIN_TASKS", 1)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pids = forked.run_forked([lambda: time.sleep(0.02) or os.getpid()] * 40, 2)
    finally:
        stop.set()
        thread.join()
    assert os.getpid() in set(pids) and len(set(pids)) == 2


def test_a_child_stuck_on_a_lock_another_thread_held_is_killed_and_its_tasks_run_here(
        monkeypatch) -> None:
    """The danger of forking beside threads: a lock another thread holds at that moment
    stays held in the child for good. A child that sends nothing for STALL_SECONDS once
    this process waits for it is killed, and this process runs its tasks."""
    monkeypatch.setattr(forked, "MIN_TASKS", 1)
    monkeypatch.setattr(forked, "STALL_SECONDS", 1.0)
    lock, held = threading.Lock(), threading.Event()

    def holder() -> None:
        with lock:
            held.set()
            time.sleep(0.5)  # held while the child is forked; let go here, not there

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait()
    before = _children()
    forks: list[int] = []
    fork = forked._fork
    monkeypatch.setattr(forked, "_fork", lambda: forks.append(1) or fork())

    def task(i: int) -> tuple[int, int]:
        with lock:
            return i, os.getpid()

    try:
        results = forked.run_forked([lambda i=i: task(i) for i in range(20)], 2)
    finally:
        thread.join()
    assert forks == [1]  # a child was forked, and none of the results are its
    assert results == [(i, os.getpid()) for i in range(20)]
    assert _children() <= before  # the stuck child was killed and reaped


def test_pages_rendered_in_two_processes_are_the_same(small_batches, monkeypatch) -> None:
    from generator.reference import load_gazetteer, load_taxonomy

    ref = (load_gazetteer(), load_taxonomy())
    forks = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            forks.append(pid)
        return pid

    one = pages.render_site(load_records(), *ref, reuse=False, pages_as_bytes=True)
    monkeypatch.setattr(os, "fork", counted)
    two = pages.render_site(load_records(), *ref, reuse=False, pages_as_bytes=True,
                            processes=2)
    assert len(forks) == 1  # a child rendered some of them
    assert list(one) == list(two) and one == two


def test_the_plugin_option_sets_the_processes(tmp_path, monkeypatch) -> None:
    """`processes:` in mkdocs.yml: 0 (the default) one per core, 1 one process (least
    memory); extraction and rendering both follow it."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from generator import pipeline
    from generator.pipeline import default_jobs

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.copytree(os.path.join(root, "seeds"), tmp_path / "seeds")
    (tmp_path / "docs").mkdir()
    seen: dict[str, object] = {}
    render, run = pages.render_site, pipeline.run
    monkeypatch.setattr(pages, "render_site", lambda *a, **k: (
        seen.__setitem__("render", k["processes"]), render(*a, **k))[1])
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: (
        seen.__setitem__("run", k["jobs"]), run(*a, **k))[1])
    for value, render_processes, jobs in (("1", 1, 1), ("0", default_jobs(), None)):
        (tmp_path / "mkdocs.yml").write_text(
            "site_name: t\nplugins:\n  - briefing:\n      cache: false\n"
            f"      processes: {value}\n", "utf-8")
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
        assert seen == {"render": render_processes, "run": jobs}, value
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - briefing:\n      processes: -1\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match="processes: expected a whole number >= 0"):
        config.plugins["briefing"].on_config(config)


# --- a loop shared with a child that meets it from the other end (MkDocs' page loop) --------


@pytest.fixture
def alone(monkeypatch):
    """Let MeetingSplit fork for a few tasks, even beside the browser tests' server thread
    (the children here only compute)."""
    monkeypatch.setattr(forked, "MIN_TASKS", 1)
    monkeypatch.setattr(forked, "can_fork", lambda: hasattr(os, "fork"))
    monkeypatch.setattr(forked, "_alone", lambda: True)


def _shared_loop(split: forked.MeetingSplit, work, count: int) -> list:
    """The loop as the plugin runs it: each task here unless the child claimed it and
    built it."""
    results = []
    for k in range(count):
        done = None if split.mine(k) else split.result(k)
        results.append(work(k) if done is None else done)
    return results


def test_a_loop_shared_with_a_child_runs_each_task_once_and_the_child_takes_the_end(
        alone) -> None:
    parent, before = os.getpid(), _children()

    def work(k: int) -> tuple[int, int]:
        time.sleep(0.005)
        return k * k, os.getpid()

    eligible = [k % 7 != 3 for k in range(60)]
    split = forked.MeetingSplit(work, eligible)
    assert split.start()
    try:
        results = _shared_loop(split, work, 60)
    finally:
        split.close()
    assert [r[0] for r in results] == [k * k for k in range(60)]
    by_child = [k for k, r in enumerate(results) if r[1] != parent]
    assert by_child, "the child built none"
    assert by_child == [k for k in range(by_child[0], 60) if eligible[k]]  # the end, eligible
    assert by_child[0] > 0  # this process built the start
    assert _children() <= before


def test_a_child_that_fails_in_a_shared_loop_is_trusted_for_nothing(alone) -> None:
    """The child built some tasks, then failed: this process runs all the child's tasks."""
    parent = os.getpid()

    def work(k: int) -> int:
        time.sleep(0.005)
        if os.getpid() != parent and k < 50:
            raise RuntimeError("only in the child")
        return os.getpid()

    split = forked.MeetingSplit(work, [True] * 60)
    assert split.start()
    try:
        assert _shared_loop(split, work, 60) == [parent] * 60
    finally:
        split.close()


def test_no_child_for_a_shared_loop_beside_other_threads(monkeypatch) -> None:
    """MkDocs' page loop is shared only where nothing else runs (`mkdocs build`)."""
    monkeypatch.setattr(forked, "MIN_TASKS", 1)
    monkeypatch.setattr(forked, "_alone", lambda: False)
    split = forked.MeetingSplit(lambda k: k, [True] * 40)
    assert not split.start()
    assert all(split.mine(k) for k in range(40))


def _seeds_project(tmp_path, processes: int):
    from site_fixture import copy_project

    project = copy_project(tmp_path / f"p{processes}")
    yml = project / "mkdocs.yml"
    text = yml.read_text("utf-8")
    assert "      processes: 0\n" in text
    yml.write_text(text.replace("      processes: 0\n", f"      processes: {processes}\n"),
                   "utf-8")
    return project


def _build(project, *, strict: bool = False):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"),
                         strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return project / "site"


def test_pages_built_on_both_cores_make_the_same_site(alone, tmp_path, monkeypatch) -> None:
    """`mkdocs build` with a forked child building pages from the end of MkDocs' loop:
    every file the same, byte for byte (the search index too), as built in one process.
    (The RSS feeds differ only by their build date.)"""
    monkeypatch.setenv("BRIEFING_CACHE", "false")
    built_by_child: list[int] = []
    collect = forked.MeetingSplit._collect
    monkeypatch.setattr(forked.MeetingSplit, "_collect", lambda self: (
        lambda r: built_by_child.append(len(r)) or r)(collect(self)))
    one = _build(_seeds_project(tmp_path, 1))
    two = _build(_seeds_project(tmp_path, 2))
    assert built_by_child and built_by_child[0] > 10
    files = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two).as_posix() for p in two.rglob("*")
                           if p.is_file())
    differ = [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()]
    assert differ == ["feed_rss_created.xml", "feed_rss_updated.xml"]
    assert "search/search_index.json" in files


def test_a_warning_on_a_page_the_child_built_is_logged_here_once_and_strict_counts_it(
        alone, tmp_path, monkeypatch, caplog) -> None:
    import logging

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    monkeypatch.setenv("BRIEFING_CACHE", "false")
    parent = os.getpid()
    build_page = mkdocs_build._build_page

    def warn_in_child(page, config, doc_files, *args, **kwargs):
        if os.getpid() != parent and page.file is doc_files[-1]:  # the child starts there
            logging.getLogger("mkdocs.test").warning("a warning made in the child")
        return build_page(page, config, doc_files, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", warn_in_child)
    project = _seeds_project(tmp_path, 2)
    caplog.set_level(logging.WARNING)
    with pytest.raises(Abort, match="1 warnings"):
        _build(project, strict=True)
    said = [r.getMessage() for r in caplog.records if r.name == "mkdocs.test"]
    assert said == ["a warning made in the child"]


def test_the_chart_module_is_loaded_before_the_render_child_is_forked() -> None:
    """Loaded after the fork, the chart module and Altair (28 MB) were loaded twice, once in
    each process; loaded before it, the two share them (the build's peak memory is the
    render's two processes together)."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from generator import forked, pages\n"
        "from generator.reference import load_gazetteer, load_taxonomy\n"
        "from tests.test_pages import load_records\n"
        "assert 'generator.charts' not in sys.modules\n"
        "seen = []\n"
        "fork = forked._fork\n"
        "forked._fork = lambda: seen.append('generator.charts' in sys.modules) or fork()\n"
        "forked.MIN_TASKS, forked.can_fork = 1, lambda: True\n"
        "pages.render_site(load_records(), load_gazetteer(), load_taxonomy(), reuse=False,\n"
        "                  pages_as_bytes=True, processes=2)\n"
        "print(seen)\n")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[True]"


def test_a_shared_loop_whose_fork_fails_is_run_here(alone, monkeypatch) -> None:
    """No process left for a child (fork raises): no split, and nothing half made of it."""
    import gc

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forked, "_fork", no_fork)
    frozen = gc.get_freeze_count()
    split = forked.MeetingSplit(lambda k: k, [True] * 40)
    assert not split.start()
    assert all(split.mine(k) for k in range(40))
    assert gc.get_freeze_count() == frozen  # what start() froze is the collector's again
    split.close()  # a second close does nothing
