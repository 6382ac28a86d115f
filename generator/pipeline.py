"""The chain from input files to validated records: ingest -> extract -> overrides.

:func:`run` is what the CLI, the MkDocs plugin and the benchmarks call. It never
raises for a bad article: every unreadable, empty, duplicate or invalid input is
reported as a :class:`Problem` naming the file, and the rest of the corpus goes on.
Callers decide whether problems are fatal (``--strict``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import overrides as ov
from .extract import extract
from .ingest import Document, IngestError, discover, read_document
from .record import assign_ids, build, validate
from .reference import Gazetteer, Taxonomy, load_gazetteer, load_taxonomy


@dataclass(frozen=True)
class Problem:
    """One input the run could not use as given: ``seeds/x.txt: skipped: empty file``."""

    file: str
    kind: str  # skipped | duplicate | override | invalid
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.message}"


@dataclass
class Corpus:
    records: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0


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
) -> tuple[dict, list[Problem]]:
    """Extract one document and apply its overrides (front matter, then sidecar)."""
    problems: list[Problem] = []
    record = build(doc, extract(doc, gazetteer, taxonomy), "pending")
    layers: list[tuple[str, dict]] = []
    fm = ov.from_front_matter(doc.front_matter)
    if fm:
        layers.append((doc.file, fm))
    if override_file is not None and override_display is not None:
        try:
            layers.append((override_display, ov.load_sidecar(override_file, override_display)))
        except ov.OverrideError as exc:
            problems.append(Problem(override_display, "override", str(exc).split(": ", 1)[1]))
    for source, data in layers:
        try:
            applied = ov.apply(record, data, file=source, gazetteer=gazetteer, taxonomy=taxonomy)
        except ov.OverrideError as exc:
            problems.append(
                Problem(source, "override", str(exc).split(": ", 1)[1] + " (not applied)")
            )
            continue
        errors = validate(applied)
        if errors:
            problems.append(Problem(source, "override", f"{errors[0]} (not applied)"))
            continue
        record = applied
    return record, problems


def run(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    gazetteer: Gazetteer | str | os.PathLike[str] | None = None,
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> Corpus:
    """Read, extract and validate every article under *inputs*.

    Relative inputs resolve against *base_dir* when given (the MkDocs plugin passes
    mkdocs.yml's folder) and file names in records and problems are shown relative
    to it, so records do not depend on where the build was started.
    """
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else load_gazetteer(gazetteer)
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    base = Path(base_dir) if base_dir is not None else None
    paths = [Path(p) if base is None or Path(p).is_absolute() else base / p for p in inputs]
    corpus = Corpus()
    for p in paths:
        if not p.exists():
            corpus.problems.append(
                Problem(display_path(p, base), "skipped", "no such file or folder")
            )
    records: list[dict] = []
    seen: dict[str, str] = {}
    for path in discover([p for p in paths if p.exists()]):
        shown = display_path(path, base)
        try:
            doc = read_document(path, display_path=shown)
        except IngestError as exc:
            corpus.problems.append(Problem(shown, "skipped", exc.reason))
            continue
        corpus.files_read += 1
        key = "\n".join(doc.sentences)
        if key in seen:
            corpus.problems.append(
                Problem(shown, "duplicate", f"same text as {seen[key]}; kept once")
            )
            continue
        seen[key] = shown
        side = ov.sidecar_path(path)
        record, problems = process(
            doc, side if side.exists() else None, display_path(side, base), gaz, tax
        )
        corpus.problems.extend(problems)
        records.append(record)
    ids = assign_ids(records)
    for record in records:
        record["id"] = ids[record["file"]]
        errors = validate(record)
        if errors:
            corpus.problems.append(Problem(record["file"], "invalid", "; ".join(errors[:3])))
            continue
        corpus.records.append(record)
    corpus.records.sort(key=lambda r: r["id"])
    return corpus
