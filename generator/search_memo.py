"""The search entries Material's search plugin made for each page, kept for the next build.

Material's search plugin parses every page's HTML with Python's `html.parser` to cut it into
sections (one entry per heading): 3.5-4 s of each build of a 1,000-article site, on the one
core MkDocs uses, and the largest part of a warm rebuild that is not MkDocs' own templates.
On a rebuild after one edit nearly every page's HTML is what it was, so its entries are too.

The entries of a page are a function of what the plugin reads of it: its HTML
(`page.content` when the plugin indexes it), its URL, title and table of contents, and the
`title`, `tags` and `search` keys of its front matter. :func:`page_key` digests all of them,
with Material's version (its parser and entry format) and this module's format. A page
whose key is in the memo is kept out of the plugin's own indexing for that event (its
``search: exclude``, put back at once) and gets the remembered entries, in the same place
of the index; any other page is indexed by the plugin as always, and its entries are
remembered. The index written is the same either way (a test compares them).

The memo is one JSON file (``.briefing-cache/search.json``), written atomically and only
when it changed, holding the last build's pages only; a torn or foreign file is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

from .cache import write_atomically

#: 1: {"format", "version", "pages": {key: [entry, ...]}}
FORMAT = 1


def _material_version() -> str:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return "?"


def _toc_ids(toc: Any) -> list[list[Any]]:
    return [[getattr(item, "id", None), getattr(item, "url", None),
             _toc_ids(getattr(item, "children", []) or [])] for item in toc or []]


def page_key(page: Any, version: str) -> str:
    """Digest of everything Material's search plugin reads of *page* to make its entries."""
    meta = page.meta or {}
    head = json.dumps([FORMAT, version, page.url, str(page.title),
                       {k: meta.get(k) for k in ("title", "tags", "search")},
                       _toc_ids(page.toc)], default=str, ensure_ascii=False)
    h = hashlib.sha1(head.encode("utf-8"))
    h.update(b"\0")
    h.update((page.content or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _copied(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries that neither the memo nor the search index can change in the other."""
    return [dict(e, tags=list(e["tags"])) if "tags" in e else dict(e) for e in entries]


class SearchMemo:
    """Entries by page key: those of the last build (`get`), and this build's (`put`),
    saved (`save`) as the next build's."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path is not None else None
        self.version = _material_version()
        self._last: dict[str, list[dict[str, Any]]] = self._load()
        self._now: dict[str, list[dict[str, Any]]] = {}

    def _load(self) -> dict[str, list[dict[str, Any]]]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_bytes())
            if data.get("format") != FORMAT or data.get("version") != self.version:
                return {}
            pages = data["pages"]
            if not isinstance(pages, dict) or not all(
                    isinstance(v, list) and all(isinstance(e, dict) for e in v)
                    for v in pages.values()):
                return {}
            return pages
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def begin(self, *, dirty: bool = False) -> None:
        """A new build: what the last one remembered (held in memory between the rebuilds
        of `mkdocs serve`) is what this one may reuse. A dirty build indexes only the pages
        it converts again, and keeps the others' entries."""
        if self._now:
            self._last, self._now = self._now, {}
        if dirty:
            self._now = dict(self._last)

    def get(self, key: str) -> list[dict[str, Any]] | None:
        """Copies of the entries remembered under *key* (kept for the next build too)."""
        entries = self._last.get(key)
        if entries is None:
            return None
        self._now[key] = entries
        return _copied(entries)

    def put(self, key: str, entries: list[dict[str, Any]]) -> None:
        self._now[key] = _copied(entries)

    def save(self) -> str | None:
        """Write this build's entries when they differ from the file's; why not, if it
        could not be written (it only saves time)."""
        if self.path is None or self._now == self._last:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"format": FORMAT, "version": self.version, "pages": self._now}
            write_atomically(self.path, json.dumps(data, ensure_ascii=False,
                                                   separators=(",", ":")).encode("utf-8"))
        except OSError as exc:
            return f"search memo {self.path} cannot be written ({exc.strerror or exc})"
        return None
