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
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__

FORMAT = 2  # 2: a header line, then the payload (its digest is of its bytes)
#: Package files whose contents change what an article's record looks like.
PIPELINE_FILES = ("ingest", "extract", "record.py", "overrides.py", "pipeline.py", "safeyaml.py",
                  "data")


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
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(head + b"\n" + body)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

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


#: name -> (key, {path: UTF-8 bytes}): one entry of `generator.pages`' page cache
PageEntries = dict[str, tuple[str, dict[str, bytes]]]


#: 2: each entry a JSON line (name, key, [path, size] per file), then the files' bytes
PAGES_FORMAT = 2


class PageCache:
    """The last build's generated pages, in one file (``pages.bin``), so that a new `mkdocs
    build` after one article changed renders only the pages that article is on.

    Which pages may be reused is decided by `generator.pages` (each entry's key hashes
    what the page is made of); this file only stores the entries, under the digest of the
    package code (:func:`site_version`). A file that is torn, corrupt or from other code
    is ignored, never trusted; it is written atomically.

    The layout: a JSON header line, then per entry a JSON line ``[name, key, [[path, size],
    ...]]`` followed by those files' bytes as they are. The pages (80 MB at 1,000 articles)
    are read and written as bytes: as JSON strings they were escaped, decoded and encoded
    again, 1.4-1.7 s each way of every warm build.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.path = Path(root) / "pages.bin"
        #: why the last `save` could not write the file (the build goes on without it)
        self.problem: str | None = None
        #: beside it, what it holds (a digest of the code and of every entry's key), so that
        #: a rebuild that changed nothing does not write it again
        self.state_path = Path(root) / "pages.state"

    def state(self, entries: PageEntries) -> str:
        return entry_key(site_version(), *sorted(f"{n}\0{k}" for n, (k, _) in entries.items()))

    def holds(self, entries: PageEntries) -> bool:
        """Whether the file on disk holds *entries* already (by their keys)."""
        try:
            size = self.path.stat().st_size
            return self.state_path.read_text("ascii").split() == [self.state(entries), str(size)]
        except (OSError, ValueError):
            return False

    def load(self) -> PageEntries:
        entries: PageEntries = {}
        try:
            with self.path.open("rb") as fh:
                head = json.loads(fh.readline())
                if head.get("format") != PAGES_FORMAT or head.get("version") != site_version():
                    return {}
                for _ in range(_count(head.get("entries"))):
                    name, key, sizes = json.loads(fh.readline())
                    if not isinstance(name, str) or not isinstance(key, str):
                        raise ValueError("not a page cache entry")
                    files: dict[str, bytes] = {}
                    for path, size in sizes:
                        data = fh.read(_count(size))
                        if not isinstance(path, str) or len(data) != size:
                            raise ValueError("torn")
                        files[path] = data
                    entries[name] = (key, files)
                if fh.read(1):  # more than the header said
                    return {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}
        return entries

    def save(self, entries: PageEntries) -> None:
        """The header, then an entry at a time: the file never has to be one string in
        memory. A folder that cannot be written is said in `problem`, not raised: the cache
        only saves time."""
        try:
            self._save(entries)
        except OSError as exc:
            self.problem = (f"page cache {self.path.parent} cannot be written "
                            f"({exc.strerror or exc}); continuing without it")

    def _save(self, entries: PageEntries) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".bin")
        try:
            with os.fdopen(fd, "wb") as fh:
                head = {"format": PAGES_FORMAT, "version": site_version(),
                        "entries": len(entries)}
                fh.write(json.dumps(head).encode("utf-8") + b"\n")
                for name, (key, files) in entries.items():
                    line = [name, key, [[p, len(d)] for p, d in files.items()]]
                    fh.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
                    for data in files.values():
                        fh.write(data)
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        (self.path.parent / "pages.json").unlink(missing_ok=True)  # the former format's file
        # the size too: a file replaced or damaged since is written again
        self.state_path.write_text(f"{self.state(entries)} {self.path.stat().st_size}\n",
                                   "ascii")


def _count(value: Any) -> int:
    """A count or size read from the file: a non-negative int, or the file is not trusted."""
    if type(value) is not int or value < 0:
        raise ValueError("not a page cache count")
    return value
