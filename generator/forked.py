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

:class:`MeetingSplit` shares a loop this process does not own (MkDocs builds its pages one
after the other and calls the plugins on each) with one forked child, which runs the loop's
tasks from the other end until the two meet (see the class).
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import struct
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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


def _alone() -> bool:
    """Whether this is the only thread running (see the module docstring)."""
    return threading.active_count() == 1


def _fork() -> int:
    """`os.fork`, without Python 3.12's warning when other threads run: that danger (a lock
    held by another thread stays held in the child) is what watching the child is for."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return os.fork()


_INDEX = struct.Struct("<I")  # a batch's number, as the queue carries it
_FRAME = struct.Struct("<Q")  # the size of a batch's pickled results, before them


def _framed(value: Any) -> bytes:
    """*value* pickled, with its size before it (what a child sends back)."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _FRAME.pack(len(data)) + data


def _frames(buffer: bytes | bytearray) -> tuple[list[bytes | bytearray], int]:
    """The complete frames at the start of *buffer* (copies of their pickled bytes), and
    how many bytes of it they take; a frame cut off at the end is left for later."""
    frames: list[bytes | bytearray] = []
    at = 0
    while len(buffer) - at >= _FRAME.size:
        (size,) = _FRAME.unpack_from(buffer, at)
        end = at + _FRAME.size + size
        if len(buffer) < end:
            break
        frames.append(buffer[at + _FRAME.size:end])
        at = end
    return frames, at


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
                pipe.write(_framed([(i, tasks[i]()) for i in batches[b]]))
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
            frames, used = _frames(self.pending)
            for frame in frames:
                try:
                    self.results.update(pickle.loads(frame))
                except Exception:  # noqa: BLE001 - a damaged frame: trust nothing of it
                    self.torn = True
            del self.pending[:used]
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


class MeetingSplit:
    """A loop this process runs but does not own (MkDocs builds its pages one by one, in
    order, and calls the plugins on each), shared with one forked child that runs the same
    tasks from the other end, until the two meet.

    The tasks are numbered 0..n-1 in the loop's order; *eligible* says which the child may
    run (the others are always this process's). At each task the loop asks :meth:`mine`:
    True claims it for this process (run it as usual); False means the child claimed it,
    and :meth:`result` gives what the child's run returned (waiting for the child), or
    None if the child failed, in which case this process runs that task itself. Claims go
    through a lock over a shared byte per task, so each task is claimed once, and since
    this process claims in order and the child in reverse, all tasks after the first one
    the child claimed are the child's. The child sends its results through a temporary
    file (it never waits for this process to read them) and stops at the first task this
    process has claimed. A child that fails or is killed is trusted for nothing.

    Every object alive at the fork is frozen out of the cyclic garbage collector's reach
    (`gc.freeze`) until :meth:`close`: a collection writes to the header of every object it
    looks at, which would copy the whole shared heap into the process that ran it, while
    the objects made after the fork (each page's rendering) are still collected."""

    _FREE, _PARENT, _CHILD = 0, 1, 2

    def __init__(self, work: Callable[[int], Any], eligible: Sequence[bool]) -> None:
        self.work = work
        self.eligible = list(eligible)
        self.pid: int | None = None
        self.in_child = False
        self._results: dict[int, Any] | None = None  # read once the child has exited
        self._frozen = False

    def start(self) -> bool:
        """Fork the child, if forking is safe (no other threads run) and worth it; whether
        it did. Without a child, :meth:`mine` is always True."""
        import gc
        import mmap
        import multiprocessing
        import tempfile

        if sum(self.eligible) < MIN_TASKS or not can_fork() or not _alone():
            return False
        self._state = mmap.mmap(-1, len(self.eligible))  # shared with the child (MAP_SHARED)
        self._lock = multiprocessing.get_context("fork").Lock()
        self._file = tempfile.TemporaryFile()
        gc.freeze()
        self._frozen = True
        give_back_freed_memory()
        try:
            pid = _fork()
        except OSError:  # no memory or no process left for a child: this process does all
            self.pid = -1
            self.close()
            return False
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            self.in_child = True
            self._run_child()
        self.pid = pid
        return True

    def _run_child(self) -> None:  # pragma: no cover - runs in the child
        code = 1
        try:
            fd = self._file.fileno()
            for k in range(len(self.eligible) - 1, -1, -1):
                if not self.eligible[k]:
                    continue
                with self._lock:
                    if self._state[k] != self._FREE:
                        break
                    self._state[k] = self._CHILD
                frame = memoryview(_framed((k, self.work(k))))
                while frame:  # (a write to a file may take less than all it is given)
                    frame = frame[os.write(fd, frame):]
            code = 0
        finally:
            os._exit(code)

    def mine(self, k: int) -> bool:
        """Whether this process runs task *k* (claiming it if it is free)."""
        if self.pid is None or not self.eligible[k]:
            return True
        with self._lock:
            if self._state[k] == self._FREE:
                self._state[k] = self._PARENT
                return True
        return False

    def result(self, k: int) -> Any | None:
        """What the child's run of task *k* returned; None if the child failed (then run it
        here). Waits for the child to finish, the first time."""
        if self._results is None:
            self._results = self._collect()
        return self._results.get(k)

    def _collect(self) -> dict[int, Any]:
        assert self.pid is not None
        _, status = os.waitpid(self.pid, 0)
        self.pid = -1  # reaped: nothing left to kill, and no new claims are contested
        if status != 0:
            return {}
        self._file.seek(0)
        data = self._file.read()
        frames, used = _frames(data)
        if used != len(data):  # a torn file: trust nothing of it
            return {}
        try:
            return dict(pickle.loads(frame) for frame in frames)
        except Exception:  # noqa: BLE001 - a damaged frame: trust nothing of it
            return {}

    def close(self) -> None:
        """End the split (again: nothing): a child still running (the loop failed) is
        killed; the objects frozen at the fork are the collector's again."""
        import gc

        if self.pid is not None and self.pid > 0:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = -1
        if self.pid is not None:
            self._file.close()
            self._state.close()
            self.pid = None  # closed: every task is this process's
        if self._frozen:
            gc.unfreeze()
            self._frozen = False


class _Kept(logging.Handler):
    """Keeps records as they are logged, made picklable (message formatted, traceback as
    text)."""

    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


@contextmanager
def logs_kept() -> Iterator[list[logging.LogRecord]]:
    """The records logged inside the block, kept instead of shown: a forked child sends
    them back, and the parent logs them (`relog`) where the work would have logged them,
    so they are shown in order and count where warnings are counted (`mkdocs build
    --strict`). Every logger that has handlers and does not hand its records up (the root,
    MkDocs' own) gets the keeping handler instead, for the block."""
    records: list[logging.LogRecord] = []
    keep = _Kept(records)
    loggers = [logging.getLogger()] + [
        one for one in list(logging.Logger.manager.loggerDict.values())
        if isinstance(one, logging.Logger) and one.handlers and not one.propagate]
    saved = [(one, one.handlers) for one in loggers]
    for one in loggers:
        one.handlers = [keep]
    try:
        yield records
    finally:
        for one, handlers in saved:
            one.handlers = handlers


def relog(records: Sequence[logging.LogRecord]) -> None:
    """Log again, here, records that `logs_kept` kept (in a forked child)."""
    for record in records:
        logging.getLogger(record.name).handle(record)
