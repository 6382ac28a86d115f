"""Run independent tasks in forked copies of this process, for the cores rendering leaves idle.

Rendering the pages of a 1,000-article site takes 10-16 s of one core, while MkDocs and the
extraction workers have finished or not begun. The pages are independent once the digest is
built, so :func:`run_forked` shares them with forked children: each process takes the next
batch of tasks from a queue (a pipe) as it finishes the last, so all finish together however
unequal the tasks. A fork shares the digest as it is (no pickling of the records), and each
child sends back only its tasks' results, pickled, through a pipe: batch by batch as it
finishes them, which the parent takes from the pipe between its own batches, so a child
never holds more than one batch of results (held to the end, they were half the site's
pages: 60 MB at 1,000 articles, 300 MB at 5,000, on top of what the parent holds). (A
thread reading the pipes was slower: it waited for the interpreter lock while the parent
rendered, and the child waited for it.)

Forking is used on Linux (``os.fork``). A fork copies only the thread that calls it: where
other threads run (``mkdocs serve`` serves pages and watches files in threads, and its
rebuild is the one that wants both cores most), a lock one of them held at that moment stays
locked in the child for good, and a child that needs it would wait forever. The render's
tasks take no such lock (they compute and write files), but that is not proved for every
library they call; so a child forked beside other threads is watched: once this process has
run out of tasks, a child that sends nothing for `STALL_SECONDS` is killed, and its tasks
are run here. A child that fails or dies is not trusted for anything: the parent runs that
child's tasks itself, so an error is raised where it always was, with its traceback. Results
are the same as in one process, in the same order.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

#: below this many tasks a fork costs more than it saves
MIN_TASKS = 16
#: how long a child forked beside other threads may send nothing once this process waits
#: for it, before it is taken for stuck (the longest tasks of a 1,000-article site, the
#: Figures page and the figures CSV, take under a second each)
STALL_SECONDS = 30.0
#: the queue is written whole before any process reads it, so it must fit in a pipe's
#: smallest buffer (one page): at most this many batches of consecutive tasks
_BATCHES = 1024


def can_fork() -> bool:
    """Whether this platform forks (see the module docstring)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def _fork() -> int:
    """`os.fork`, without Python 3.12's warning when other threads run: that danger (a lock
    held by another thread stays held in the child) is what watching the child is for."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return os.fork()


_INDEX = struct.Struct("<I")  # a batch's number, as the queue carries it
_FRAME = struct.Struct("<Q")  # the size of a batch's pickled results, before them


def _take(queue_fd: int) -> Iterator[int]:
    """Batch numbers from the shared queue until it is empty. Reads of one number are atomic
    (a pipe never splits a read or write under PIPE_BUF bytes), so each number goes to
    exactly one process."""
    while True:
        raw = os.read(queue_fd, _INDEX.size)
        if not raw:
            return
        yield _INDEX.unpack(raw)[0]


def _child(tasks: Sequence[Callable[[], Any]], batches: Sequence[range], queue_fd: int,
           write_fd: int) -> None:
    """In the child: run the batches it takes from the queue, send back each batch's
    (task number, result) pairs as soon as it is done, and exit without running the
    parent's exit handlers or flushing its output buffers."""
    code = 1
    try:
        with os.fdopen(write_fd, "wb") as pipe:
            for b in _take(queue_fd):
                data = pickle.dumps([(i, tasks[i]()) for i in batches[b]],
                                    protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(_FRAME.pack(len(data)) + data)
                pipe.flush()  # the batch leaves now, not with the next one
        code = 0
    finally:
        os._exit(code)


class _Inbox:
    """One child's results as they arrive: length-framed pickles, taken from its pipe
    without waiting (`take`) between the parent's own batches, and to the end of the pipe
    (`take(wait=True)`) once those are done.
    `torn` when a frame does not unpickle or the pipe ends inside one; the results count
    only if the child also exited cleanly."""

    def __init__(self, read_fd: int) -> None:
        self.fd = read_fd
        self.pending = bytearray()
        self.results: dict[int, Any] = {}
        self.torn = False
        self.ended = False
        _widen(read_fd)

    def take(self, *, wait: bool = False, stall: float | None = None) -> bool:
        """Read what the pipe holds (with *wait*: until the child closes it) and unpickle
        every complete frame. With *stall*, False if the child sends nothing for that many
        seconds before it closes the pipe (True otherwise)."""
        os.set_blocking(self.fd, wait and stall is None)
        while not self.ended:
            if wait and stall is not None and not select.select([self.fd], [], [], stall)[0]:
                return False
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                if wait:  # watched (non-blocking) and select was wrong: wait again
                    continue
                return True
            if not chunk:
                self.ended = True
                self.torn = self.torn or bool(self.pending)
                return True
            self.pending += chunk
            while len(self.pending) >= _FRAME.size:
                (size,) = _FRAME.unpack_from(self.pending)
                end = _FRAME.size + size
                if len(self.pending) < end:
                    break
                try:
                    self.results.update(pickle.loads(self.pending[_FRAME.size:end]))
                except Exception:  # noqa: BLE001 - a damaged frame: trust nothing of it
                    self.torn = True
                del self.pending[:end]
        return True


def _widen(fd: int) -> None:
    """A larger pipe (1 MB, Linux), so a child seldom waits for the parent to read."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (OSError, ImportError):
        pass


def give_back_freed_memory() -> bool:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``), where there is
    one; whether it ran.

    Called before forking: a child starts as big as this process, and the build's peak is
    this process and its child together. What the build freed before (about 50 MB of
    parsed JSON when 1,000 entries come from the extraction cache, the records' YAML texts
    once their files are written) stays in the heap otherwise. Nothing changes but the
    process's size."""
    import ctypes

    try:  # the C library this process runs on (no `find_library`: it runs ldconfig)
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows)
        return False
    trim(0)
    return True


def run_forked(tasks: Sequence[Callable[[], T]], processes: int) -> list[T]:
    """The results of *tasks* (each called once), in order. When forking is safe and worth
    it, this process and *processes* - 1 forked children take small batches of tasks from
    a shared queue, in the order given (so put the longest first), which keeps all of them
    busy to the end; otherwise this process runs them all. Children forked while other
    threads run are watched (`STALL_SECONDS`, see the module docstring)."""
    processes = max(1, min(processes, len(tasks) // MIN_TASKS))
    if processes == 1 or not can_fork():
        return [task() for task in tasks]
    stall = STALL_SECONDS if threading.active_count() > 1 else None
    size = -(-len(tasks) // _BATCHES)
    batches = [range(i, min(i + size, len(tasks))) for i in range(0, len(tasks), size)]
    queue_read, queue_write = os.pipe()
    with os.fdopen(queue_write, "wb") as queue:  # all numbers in, then closed: EOF ends it
        queue.write(b"".join(_INDEX.pack(b) for b in range(len(batches))))
    inboxes: list[tuple[int, _Inbox]] = []  # (pid, its results as they come)
    give_back_freed_memory()
    try:
        for _ in range(processes - 1):
            read_fd, write_fd = os.pipe()
            pid = _fork()
            if pid == 0:  # pragma: no cover - the child's coverage is not collected
                os.close(read_fd)
                _child(tasks, batches, queue_read, write_fd)
            os.close(write_fd)
            inboxes.append((pid, _Inbox(read_fd)))
        results: dict[int, T] = {}
        for b in _take(queue_read):
            results.update((i, tasks[i]()) for i in batches[b])
            for _, inbox in inboxes:
                inbox.take()
    except BaseException:
        for pid, inbox in inboxes:  # no child outlives a failed render
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(inbox.fd)
        raise
    finally:
        os.close(queue_read)
    for pid, inbox in inboxes:
        finished = inbox.take(wait=True, stall=stall)
        os.close(inbox.fd)
        if not finished:  # stuck (see the module docstring): its tasks are run here
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if finished and status == 0 and not inbox.torn:
            results.update(inbox.results)
    # a task that a failed child took is run here (a failure shows with its traceback)
    return [results[i] if i in results else tasks[i]() for i in range(len(tasks))]
