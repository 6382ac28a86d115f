"""The extraction cache: one JSON entry per article, keyed by everything it depends on.

A rebuild after one article changed should re-extract that article only. The key
of an entry hashes the article's bytes and shown path, its override file's bytes,
the pipeline's own code and cue data (:func:`pipeline_version`) and the reference
data (:func:`generator.reference.data_version`), so editing the gazetteer, the
taxonomy or the extractor invalidates exactly what it affects: everything.

Entries are written atomically (temporary file, then rename) and carry a digest
of their payload; an entry that is torn, corrupt or for another key is ignored and
rebuilt, never trusted. The folder (``.briefing-cache/`` by default) is git-ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__

FORMAT = 2  # 2: a header line, then the payload (its digest is of its bytes)
#: Package files whose contents change what an article's record looks like.
PIPELINE_FILES = ("ingest", "extract", "record.py", "overrides.py", "pipeline.py", "safeyaml.py",
                  "schemas.py", "data")


@cache
def pipeline_version() -> str:
    """Digest of the extraction code and its data files (not the site code)."""
    h = hashlib.sha256(f"{__version__}:{FORMAT}".encode())
    root = resources.files("generator")
    for name in PIPELINE_FILES:
        node = root.joinpath(name)
        items = sorted(_walk(node), key=lambda t: t[0])
        for rel, data in items:
            h.update(f"{name}/{rel}\0".encode())
            h.update(data)
    return h.hexdigest()


def _walk(node: Any, prefix: str = "") -> list[tuple[str, bytes]]:
    if node.is_file():
        return [(prefix or node.name, node.read_bytes())]
    out: list[tuple[str, bytes]] = []
    for child in node.iterdir():
        if child.name == "__pycache__" or child.name.endswith(".pyc"):
            continue
        out += _walk(child, f"{prefix}/{child.name}" if prefix else child.name)
    return out


def entry_key(*parts: str) -> str:
    """The cache key of an article: a digest of its parts, NUL-separated."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def write_atomically(path: Path, data: bytes, *, prefix: str = ".tmp-",
                     suffix: str = ".json") -> None:
    """Write *data* to *path* through a temporary file in the same folder and a rename: a
    killed process leaves the old file or the new one, never a torn one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class ExtractionCache:
    """A folder of entries ``<key[:2]>/<key>.json``: a JSON header line (format, key, digest
    of the payload) and the payload's JSON."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self.rejected = 0

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The payload stored under *key*, or None when absent or not trustworthy."""
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        # a header line, then the payload's JSON; the digest is of the payload's bytes, so
        # checking it does not serialise the payload again
        head, _, body = raw.partition(b"\n")
        try:
            entry = json.loads(head)
            ok = (
                entry.get("format") == FORMAT
                and entry.get("key") == key
                and entry.get("digest") == hashlib.sha256(body).hexdigest()
            )
            payload = json.loads(body) if ok else None
        except (ValueError, KeyError, TypeError, AttributeError):
            ok = False
        if not ok:
            self.rejected += 1
            self.misses += 1
            try:
                path.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return payload

    def put(self, key: str, payload: Any) -> None:
        """Store *payload* under *key* atomically (a killed process leaves no torn entry)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # key order kept: records are dumped in insertion order
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        head = json.dumps({"format": FORMAT, "key": key,
                           "digest": hashlib.sha256(body).hexdigest()}).encode("utf-8")
        write_atomically(path, head + b"\n" + body)

    def prune(self, keep: set[str]) -> int:
        """Remove entries not in *keep* (articles deleted or changed since); returns how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in self.root.glob("*/*.json"):
            if path.stem not in keep:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    pass
        for path in self.root.glob("*/.tmp-*"):
            try:
                path.unlink()
            except OSError:
                pass
        return removed


# --- the pages of the last build ---------------------------------------------------------------

@cache
def site_version() -> str:
    """Digest of the whole package: what a generated page looks like depends on all of it
    (digest, templates, formatting, assets), so any change to the code drops every page."""
    h = hashlib.sha256(f"{__version__}:{FORMAT}:site".encode())
    for rel, data in sorted(_walk(resources.files("generator")), key=lambda t: t[0]):
        h.update(f"{rel}\0".encode())
        h.update(data)
    return h.hexdigest()


#: name -> (key, [path, ...]): one entry of the page store's index, the files a task of
#: `generator.pages.render_site` made and what they were made from (the key)
StoreEntries = dict[str, tuple[str, list[str]]]

#: 3: a folder of files and an index (2 was one file, ``pages.bin``, held in memory whole)
PAGES_FORMAT = 3


class PageStore:
    """The files the last build generated, each a file under ``files/`` at its site path,
    and an index (``index.json``) of which task made which of them from what (its key).

    Why files on disk: the pages and data files of a 1,000-article site are 120 MB. Held in
    memory to the end of the build (and, for reuse, a copy of the last build's), they were
    most of its peak memory; here each task writes its files as it makes them (a forked
    render child too, which then sends back only their paths), MkDocs reads each page from
    here when it converts it and copies each data file from here, and a new build after
    one edit rewrites only the files whose bytes changed (the others keep their time, so
    a dirty rebuild sees them unchanged).

    Trusted only as a whole, and never half-written: `begin` removes the index before any
    file changes and `finish` writes it again (atomically) after the last one, so a build
    killed in between leaves no index, and the next build starts from an empty folder. An
    index from other code (:func:`site_version`), or naming a file that is missing or not
    as it was written (size, time), is not trusted either. Two builds of one project at
    once (a `mkdocs serve` and a `mkdocs build`): `begin` takes an exclusive lock on the
    folder until `release`, and the build that cannot get it uses a store of its own.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.files = self.root / "files"
        self.index_path = self.root / "index.json"
        #: why `begin` or `finish` could not use the folder (said, not raised: the build
        #: goes on with a temporary store, or without reuse next time)
        self.problem: str | None = None
        #: whether `begin` failed only because another build holds the folder
        self.busy = False
        #: the last build's entries, as `begin` found them
        self.previous: StoreEntries = {}
        #: path -> (size, time) of each file of the last build, as its index recorded them
        self._previous_files: dict[str, tuple[int, int]] = {}
        self._lock: Any = None

    def begin(self) -> bool:
        """Lock the folder, read the last build's index into `previous` and remove it.
        False (with `problem` said) when the folder cannot be used: not writable, or locked
        by another build."""
        self.problem, self.busy = None, False
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if not self._take_lock():
                self.problem, self.busy = f"page cache {self.root} is in use by another build", True
                return False
            self.previous, self._previous_files = self._read_index()
            self.index_path.unlink(missing_ok=True)
            (self.root / "pages.bin").unlink(missing_ok=True)  # the former format's files
            (self.root / "pages.state").unlink(missing_ok=True)
            if not self.previous and self.files.exists():
                shutil.rmtree(self.files)  # files of no trusted index: none can be reused
                self._previous_files = {}
            self.files.mkdir(exist_ok=True)
        except OSError as exc:
            self.release()
            self.problem = (f"page cache {self.root} cannot be written "
                            f"({exc.strerror or exc})")
            return False
        return True

    def _take_lock(self) -> bool:
        if self._lock is not None:
            return True
        fh = open(self.root / "lock", "ab")  # noqa: SIM115 - held until `release`
        try:
            import fcntl
        except ImportError:  # no advisory locks (Windows): one build at a time, unchecked
            self._lock = fh
            return True
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._lock = fh
        return True

    def release(self) -> None:
        """Let another build use the folder (closing the file drops the lock)."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _read_index(self) -> tuple[StoreEntries, dict[str, tuple[int, int]]]:
        try:
            index = json.loads(self.index_path.read_bytes())
            if (index.get("format") != PAGES_FORMAT or index.get("version") != site_version()
                    or not isinstance(index.get("entries"), dict)
                    or not isinstance(index.get("files"), dict)):
                return {}, {}
            files: dict[str, list[int]] = index["files"]
            for path, (size, stamp) in files.items():
                st = self.path(path).stat()
                if (type(size) is not int or type(stamp) is not int
                        or (st.st_size, st.st_mtime_ns) != (size, stamp)):
                    return {}, {}
            entries: StoreEntries = {}
            for name, (key, paths) in index["entries"].items():
                if not isinstance(key, str) or not all(p in files for p in paths):
                    return {}, {}
                entries[name] = (key, list(paths))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}, {}
        return entries, {p: (size, stamp) for p, (size, stamp) in files.items()}

    def path(self, site_path: str) -> Path:
        """Where the file of *site_path* (``articles/x.md``) is kept."""
        if site_path.startswith(("/", "\\")) or ".." in site_path.split("/"):
            raise ValueError(f"not a site path: {site_path!r}")
        return self.files / site_path

    def write(self, site_path: str, data: bytes) -> bool:
        """Keep *data* as the file of *site_path*; whether it changed since the last build.

        False only if the file is as the last build's index recorded it (size and time) and
        holds these bytes: then it is left as it is, its time too. A file something else
        wrote during this build (a forked render child that died before it reported the
        file) is rewritten and said changed, so a dirty rebuild converts it again."""
        path = self.path(site_path)
        try:
            st = path.stat()
            if (self._previous_files.get(site_path) == (st.st_size, st.st_mtime_ns)
                    and st.st_size == len(data) and path.read_bytes() == data):
                return False
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)  # not atomic, need not be: there is no index while it runs
        return True

    def finish(self, entries: StoreEntries, site_paths: Iterable[str]) -> None:
        """Remove the last build's files this one did not make, and write the index of
        *entries* (every file this build made is in *site_paths*)."""
        try:
            keep = set(site_paths)
            for gone in sorted(self._previous_files.keys() - keep):
                self.path(gone).unlink(missing_ok=True)
            files = {}
            for p in sorted(keep):
                st = self.path(p).stat()
                files[p] = [st.st_size, st.st_mtime_ns]
            index = {"format": PAGES_FORMAT, "version": site_version(),
                     "entries": {n: [k, paths] for n, (k, paths) in sorted(entries.items())},
                     "files": files}
            write_atomically(self.index_path,
                             json.dumps(index, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            self.problem = (f"page cache {self.root}: its index cannot be written "
                            f"({exc.strerror or exc}); the next build renders every page")
