"""Ingest stage: read article files, decode, strip boilerplate, read metadata, split sentences.

Public API (the extractor depends on exactly this)::

    from generator.ingest import Document, IngestError, discover, read_document, parse_text

    for path in discover(["seeds/"]):
        try:
            doc = read_document(path)
        except IngestError as err:      # str(err) == "<path>: skipped: <reason>"
            print(err)
            continue
        doc.sentences[0]                # sentence 1 (the site's #s1 anchor)

Modules: :mod:`.decode` (bytes -> text), :mod:`.frontmatter` (YAML header),
:mod:`.boilerplate` (pure line heuristics: header / body / footer), :mod:`.metadata`
(dates, bylines, publishers, datelines, language), :mod:`.sentences` (sentence splitter),
:mod:`.html` (trafilatura), :mod:`.document` (the pipeline and the API below).
"""

from .document import (
    DEFAULT_MAX_BYTES,
    MAX_LINE_CHARS,
    MAX_SENTENCES,
    SUFFIXES,
    Document,
    IngestError,
    discover,
    discover_all,
    parse_text,
    read_document,
)
from .sentences import split_sentences

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_LINE_CHARS",
    "MAX_SENTENCES",
    "SUFFIXES",
    "Document",
    "IngestError",
    "discover",
    "discover_all",
    "parse_text",
    "read_document",
    "split_sentences",
]
