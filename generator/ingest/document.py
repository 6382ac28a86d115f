"""The ingest stage's public API: files in, :class:`Document` out.

``read_document`` = read the bytes (with a size guard) + ``parse_text``.  ``parse_text`` is
pure: decode -> normalise -> front matter -> (HTML: trafilatura) -> boilerplate layout ->
metadata -> sentences.  Metadata precedence, highest first:

* **front matter** always wins (an editor said so);
* **header cues** above the body: `` date YYYY-MM-DD <title>`` lines, bylines, timestamp
  and credit lines, URL lines;
* **credit lines inside the body**, then the **dateline agency** ("(Xinhua) --"), then a
  header line that is only a publisher's name (often logo text); for the date, a dateline
  that states its year ("BEIJING, April 12, 2024 /PRNewswire/ --");
* **HTML page metadata** (trafilatura: meta tags, JSON-LD);
* **footer cues**: credit and copyright lines ("belongs to China Daily Information Co"),
  then the author bio ("The writer heads Pakistan Today's ... Bureau");
* the **URL's domain**.

So a wire story reposted by another site is credited to the wire when the page says so
(``Xinhua | Updated: ...`` above a China Daily footer gives ``source: Xinhua``), and
to the hosting site otherwise.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..limits import Limits
from .boilerplate import (
    Layout,
    is_author_bio,
    is_comment_form,
    is_legal_footer,
    is_related_heading,
    split_layout,
)
from .decode import BinaryFileError, decode_bytes, normalize_text
from .frontmatter import FrontMatterError, front_matter_fields, split_front_matter
from .html import HtmlArticle, declared_charset, extract_html
from .metadata import (
    canonical_publisher,
    dateline_date,
    detect_language,
    labels_other_moment,
    parse_byline,
    parse_dated_title,
    parse_dateline,
    parse_url_line,
    publisher_from_url,
    publisher_in_text,
)
from .sentences import split_sentences

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "IngestError",
    "SUFFIXES",
    "discover",
    "parse_text",
    "read_document",
]

#: The default bounds (generator.limits.Limits), kept as names for callers and tests.
DEFAULT_MAX_BYTES = Limits().file_bytes
MAX_LINE_CHARS = Limits().line_chars
MAX_SENTENCES = Limits().sentences
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_HTML_SUFFIXES = {".html", ".htm"}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}


@dataclass(frozen=True)
class Document:
    """One ingested article: cleaned body split into paragraphs of sentences, plus metadata.

    Sentence N (1-based, the site's ``#sN`` anchor) is ``sentences[N-1]``.
    """

    file: str
    sha256: str
    encoding: str
    title: str | None
    date: str | None
    source: str | None
    authors: tuple[str, ...]
    dateline: str | None
    url: str | None
    language: str | None
    paragraphs: tuple[tuple[str, ...], ...]
    front_matter: dict[str, Any] = field(default_factory=dict, hash=False)
    #: (kind, message) of what was read other than as written: ``("truncated", "line 1 has
    #: 5,242,880 characters, kept the first 20,000")``; the pipeline reports each one
    warnings: tuple[tuple[str, str], ...] = ()
    #: ``(kind, text)`` of what names places beside the text, not part of it: photo
    #: captions and a byline's place (``boilerplate.Layout.margins``)
    margins: tuple[tuple[str, str], ...] = ()

    @property
    def sentences(self) -> list[str]:
        """All sentences in reading order (flattened paragraphs)."""
        return [s for para in self.paragraphs for s in para]


class IngestError(Exception):
    """A file that cannot be ingested; the pipeline reports it and moves on."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: skipped: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: skipped: {self.reason}"


# --- files --------------------------------------------------------------------------------


def discover(inputs: Sequence[str | Path]) -> list[Path]:
    """Article files named by ``inputs`` (files and folders), sorted and de-duplicated.

    Folders are searched recursively for ``*.txt``, ``*.md``, ``*.html``/``*.htm``
    (hidden files and folders skipped).  Files named explicitly are taken whatever their
    suffix, except editor override files (``*.override.yaml``), which are never articles.
    A path that does not exist raises FileNotFoundError: that is a typo, not a bad article.
    What could not be looked at is dropped here; :func:`discover_all` also says what.
    """
    return discover_all(inputs)[0]


def _special_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a regular file"


def _hidden(name: str) -> bool:
    """Dot-files are hidden (editor locks, ``.git``); a name starting with ``..`` is not."""
    return name.startswith(".") and not name.startswith("..")


def discover_all(inputs: Sequence[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """:func:`discover`, plus every input it could not use and why: an unreadable folder,
    a dangling symlink, a FIFO, socket or device with an article's suffix. Such files are
    never opened (reading a FIFO blocks until someone writes to it)."""
    found: dict[str, Path] = {}
    skipped: list[tuple[Path, str]] = []

    def unreadable(exc: OSError) -> None:  # os.walk's onerror: a folder it cannot list
        skipped.append((Path(exc.filename or "?"), f"cannot read folder ({exc.strerror or exc})"))

    for item in inputs:
        path = Path(item)
        candidates: list[Path] = []
        if path.is_dir():
            for folder, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in sorted(names):
                    if _hidden(name) or not name.lower().endswith(SUFFIXES):
                        continue
                    p = Path(folder) / name
                    try:
                        mode = p.stat().st_mode
                    except FileNotFoundError:
                        skipped.append((p, "dangling symlink" if p.is_symlink()
                                        else "no such file"))
                        continue
                    except OSError as exc:
                        skipped.append((p, f"cannot read file ({exc.strerror or exc})"))
                        continue
                    if not stat.S_ISREG(mode):
                        skipped.append((p, f"not a regular file ({_special_kind(mode)})"))
                        continue
                    candidates.append(p)
        elif path.exists():
            candidates = [path]  # read_document refuses a special file without opening it
        else:
            raise FileNotFoundError(f"{path}: no such file or directory")
        for p in candidates:
            if p.name.endswith(".override.yaml"):
                continue
            found.setdefault(os.path.normcase(os.path.abspath(p)), p)
    return sorted(found.values(), key=lambda p: p.as_posix()), sorted(
        skipped, key=lambda t: t[0].as_posix())


def _size_reason(size: int, max_bytes: int) -> str:
    if max_bytes < 1048576:  # tiny limits (tests, embedded use) read better in bytes
        return f"file too large ({size} bytes > {max_bytes} bytes limit)"
    return f"file too large ({size / 1048576:.1f} MB > {max_bytes / 1048576:g} MB limit)"


def read_document(
    path: str | Path,
    *,
    display_path: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Read and parse one article file; raise IngestError if it must be skipped.

    The size is checked with ``stat`` before reading, so a huge file is refused at once.
    ``display_path`` is what ``Document.file`` and error messages show (defaults to
    ``path`` as given).
    """
    path = Path(path)
    shown = display_path if display_path is not None else str(path)
    limits = limits or Limits()
    max_bytes = limits.file_bytes
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(shown, "no such file") from None
    except OSError as exc:
        raise IngestError(shown, f"cannot read file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        # never opened: a FIFO named on the command line would block the read forever
        raise IngestError(shown, f"not a regular file ({_special_kind(info.st_mode)})")
    if info.st_size > max_bytes:
        raise IngestError(shown, _size_reason(info.st_size, max_bytes))
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(shown, f"cannot read file ({exc.strerror or exc})") from None
    return parse_text(raw, file=shown, suffix=path.suffix, limits=limits)


# --- parsing ------------------------------------------------------------------------------

# An HTML page, whatever its file name says (matched on text or on latin-1-decoded bytes).
_LOOKS_HTML = re.compile(
    r"^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)",
    re.IGNORECASE)
_SITE_SUFFIX = re.compile(r"\s+[-|–—:]\s+(?P<site>[^-|–—:]{2,40})$")


def parse_text(
    raw: bytes,
    *,
    file: str,
    suffix: str = ".txt",
    limits: Limits | None = None,
) -> Document:
    """Turn the raw bytes of one article into a Document (pure: no I/O).

    ``suffix`` selects the reader: ``.html``/``.htm`` go through trafilatura, ``.md`` has its
    Markdown markup stripped, anything else is plain text (a ``.txt`` that is really an HTML
    page is read as HTML).  Raises IngestError with a human-readable reason. *limits* bound
    the work (line length, sentences); each cut is one of the Document's warnings.
    """
    limits = limits or Limits()
    if len(raw) > limits.file_bytes:
        raise IngestError(file, _size_reason(len(raw), limits.file_bytes))
    if not raw:
        raise IngestError(file, "empty file")
    digest = hashlib.sha256(raw).hexdigest()
    suffix = suffix.lower()
    is_html = suffix in _HTML_SUFFIXES or bool(_LOOKS_HTML.match(raw[:1024].decode("latin-1")))
    try:
        text, encoding = _decode(raw, html=is_html)
    except BinaryFileError as exc:
        raise IngestError(file, str(exc)) from None
    text = normalize_text(text)
    if not text.strip():
        raise IngestError(file, "whitespace only")
    warnings: list[tuple[str, str]] = []
    if encoding.startswith("utf-8 ("):
        warnings.append(("decoded", encoding[len("utf-8 ("):-1] + "; the rest kept as UTF-8"))
        encoding = "utf-8"

    if is_html or _LOOKS_HTML.match(text):
        front: dict[str, Any] = {}
        html = extract_html(text)
        layout = split_layout(_bound_lines(normalize_text(html.text), warnings, limits.line_chars))
        meta = _metadata(layout, {}, html=html)
    else:
        text = _bound_lines(text, warnings, limits.line_chars)
        try:
            front, body = split_front_matter(text)
            overrides = front_matter_fields(front)
        except FrontMatterError as exc:
            raise IngestError(file, str(exc)) from None
        layout = split_layout(body, markdown=suffix in _MARKDOWN_SUFFIXES)
        meta = _metadata(layout, overrides, html=None)

    if not layout.body:
        raise IngestError(file, "no body text after cleaning")
    language = meta["language"]
    paragraphs = tuple(
        tuple(sents) for sents in (split_sentences(p, language) for p in layout.body) if sents
    )
    total = sum(len(p) for p in paragraphs)
    if total > limits.sentences:
        kept: list[tuple[str, ...]] = []
        room = limits.sentences
        for para in paragraphs:
            if room <= 0:
                break
            kept.append(para[:room])
            room -= len(kept[-1])
        paragraphs = tuple(kept)
        warnings.append(("truncated", f"{total:,} sentences, kept the first {limits.sentences:,}"))
    return Document(
        file=file,
        sha256=digest,
        encoding=encoding,
        title=meta["title"],
        date=meta["date"],
        source=meta["source"],
        authors=tuple(meta["authors"]),
        dateline=meta["dateline"],
        url=meta["url"],
        language=language,
        paragraphs=paragraphs,
        front_matter=front,
        warnings=tuple(warnings),
        margins=tuple(layout.margins),
    )


def _bound_lines(text: str, warnings: list[tuple[str, str]], limit: int) -> str:
    """Cut lines longer than *limit* characters (at a space when there is one near the
    limit): one 5 MB line would otherwise cost a minute of extraction and a 26 MB page."""
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line) > limit:
            cut = line.rfind(" ", limit * 9 // 10, limit)
            lines[i] = line[: cut if cut > 0 else limit]
            warnings.append(("truncated", f"line {i + 1} has {len(line):,} characters, kept "
                             f"the first {len(lines[i]):,}"))
    return "\n".join(lines)


def _decode(raw: bytes, *, html: bool) -> tuple[str, str]:
    """decode_bytes, but an HTML page's declared charset is tried first (strictly)."""
    if html:
        declared = declared_charset(raw)
        if declared and declared.replace("-", "") not in {"utf8", "utf16", "utf32"}:
            enc = "gb18030" if declared in {"gb2312", "gbk", "gb18030", "x-gbk"} else declared
            try:
                return raw.decode(enc), enc
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(raw)


def _first(*values: Any) -> Any:
    for value in values:
        if value:
            return value
    return None


def _strip_site_suffix(title: str | None) -> str | None:
    """'Guangdong bets on AI - China Daily' -> 'Guangdong bets on AI' (known sites only)."""
    if not title:
        return None
    m = _SITE_SUFFIX.search(title)
    if m and canonical_publisher(m.group("site")):
        return title[: m.start()].strip()
    return title.strip()


@dataclass
class _Cues:
    """The first date / authors / source / URL stated by the credit lines of one zone."""

    date: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None

    def read(self, line: str) -> None:
        url = parse_url_line(line)
        if url:
            self.url = self.url or url
            return
        byline = parse_byline(line)
        if byline:
            self.date = self.date or byline.date
            self.authors = self.authors or byline.authors
            self.source = self.source or byline.source
            self.url = self.url or byline.url


def _metadata(layout: Layout, fm: dict[str, Any], *, html: HtmlArticle | None) -> dict[str, Any]:
    """Combine every cue into the Document's metadata, by the precedence in the module doc."""
    head, inside, foot = _Cues(), _Cues(), _Cues()
    head_title = head_date = bare_source = None
    for i, line in enumerate(layout.header):
        dated = parse_dated_title(line)
        if dated:
            head_date = head_date or dated[0]
            head_title = head_title or dated[1]
        elif i and labels_other_moment(layout.header[i - 1]):
            continue  # "- Joined" / "- Apr 30, 2014": a forum poster's profile, not the page
        else:
            head.read(line)
            # A header line that is just a publisher's name ("CGTN") is a weak credit: it
            # may be the site's logo text above someone else's story.
            bare_source = bare_source or canonical_publisher(line)
    for line in layout.credits:
        inside.read(line)

    # Footer: credit lines count only until a related-links list or comment form starts
    # (dates and bylines after that belong to other stories); copyright lines and the
    # author bio may name the publisher wherever they are.
    legal_source = bio_source = None
    in_credits = True
    for line in layout.footer:
        if is_related_heading(line) or is_comment_form(line):
            in_credits = False
        if in_credits:
            foot.read(line)
        if is_legal_footer(line):
            legal_source = legal_source or publisher_in_text(line)
        elif is_author_bio(line):
            bio_source = bio_source or publisher_in_text(line)

    dateline = agency = None
    if layout.body:
        found = parse_dateline(layout.body[0])
        if found:
            dateline, agency = found
    # A dateline that states its year dates the story, whether the layout kept it in the
    # header (a press-release opening) or as the first body paragraph.
    dated_line = _first(*map(dateline_date, (*layout.header, *layout.body[:1])))

    page = html or HtmlArticle(text="")
    site = (canonical_publisher(page.sitename) or page.sitename) if page.sitename else None
    url = _first(head.url, inside.url, page.url, foot.url)
    source = _first(head.source, inside.source, agency, bare_source, site, foot.source,
                    legal_source, bio_source, publisher_from_url(url))
    meta = {
        "title": _strip_site_suffix(_first(head_title, page.title, layout.title)),
        "date": _first(head_date, head.date, inside.date, dated_line, page.date, foot.date),
        "source": (canonical_publisher(source) or source) if source else None,
        "authors": tuple(_first(head.authors, inside.authors, page.authors,
                                tuple(layout.bio_names), foot.authors,
                                tuple(layout.byline_names)) or ()),
        "dateline": dateline,
        "url": url,
        "language": _first(page.language, detect_language("\n".join(layout.body))),
    }
    meta.update(fm)  # front matter always wins, including an explicit null
    return meta
