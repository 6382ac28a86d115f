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

FORMAT = 1
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
    """A folder of JSON entries ``<key[:2]>/<key>.json``."""

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
        try:
            entry = json.loads(raw)
            payload = entry["payload"]
            ok = (
                entry.get("format") == FORMAT
                and entry.get("key") == key
                and entry.get("digest") == _digest(payload)
            )
        except (ValueError, KeyError, TypeError):
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
        data = json.dumps(
            {"format": FORMAT, "key": key, "digest": _digest(payload), "payload": payload},
            ensure_ascii=False,  # key order kept: records are dumped in insertion order
        ).encode("utf-8")
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
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


def _digest(payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
