"""Bytes -> clean Unicode text.

Scraped articles arrive as UTF-8 most of the time, but files saved from Chinese sites
are often GB18030/GBK and files that went through Windows tools are often cp1252
(Latin-1 with curly quotes).  Decoding is:

1. refuse obvious binaries (magic numbers, NUL bytes) before guessing anything;
2. honour a byte-order mark;
3. strict UTF-8 (fast and unambiguous: random legacy bytes almost never form valid UTF-8);
4. otherwise score strict GB18030 and cp1252 decodings plus charset-normalizer's best guess
   with a mojibake detector and keep the most plausible one.  charset-normalizer alone is not
   enough on short news text: it happily reports cp949 for a GB18030 headline or cp775 for
   Latin-1 prose, because all of those decode without error.

All functions here are pure (no I/O).
"""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["BinaryFileError", "decode_bytes", "normalize_text", "sniff_binary"]


class BinaryFileError(ValueError):
    """The bytes are not text; the message says why (used as the skip reason)."""


# Leading bytes of common binary formats that end up renamed to .txt by scrapers.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Legacy encodings tried in this order of preference when plausibility ties: the corpus is
# news about China, so GB18030 (superset of GBK/GB2312) and Windows-1252 (what "Latin-1"
# files really are) are the two that actually occur.
_PREFERRED = ("gb18030", "cp1252")

_SNIFF_BYTES = 8192


def sniff_binary(raw: bytes) -> str | None:
    """Return why ``raw`` looks binary (e.g. ``'PNG image'``), or None if it may be text.

    Checked before decoding so a renamed image is reported as what it is, not as
    "undecodable": magic numbers first, then NUL bytes (text never contains NUL unless
    it is UTF-16/32, which announces itself with a BOM).
    """
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    wide_bom = any(raw.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16")
                   or enc.startswith("utf-32"))
    if not wide_bom and b"\x00" in raw[:_SNIFF_BYTES]:
        return "contains NUL bytes"
    return None


# --- plausibility of a candidate decoding -------------------------------------------------

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A lone CJK character glued to Latin letters ("Z黵ich", "Shanghai抯 plan") is what Latin
# bytes look like through a double-byte codec; genuine mixed text has runs of CJK.
_LONE_CJK_IN_LATIN = re.compile(
    rf"(?<=[A-Za-z])[{_CJK}](?![{_CJK}])|(?<![{_CJK}])[{_CJK}](?=[A-Za-z])")
# Runs of Latin-1 supplement / C1 characters that include a symbol ("¡°", "ÖÐ¹ú", "â€™") or
# three accented letters in a row ("ÖÐÎÄ") are what double-byte (or UTF-8) text looks like
# through a single-byte codec.  Real European words have at most two ("ações").
_HIGH_RUN = re.compile(
    r"[\u0080-\u00ff]*[\u0080-\u00bf\u00d7\u00f7][\u0080-\u00ff]+"
    r"|[\u0080-\u00ff]+[\u0080-\u00bf\u00d7\u00f7]|[\u00c0-\u00ff]{3,}"
)
_SYMBOL_IN_WORD = re.compile(r"(?<=[A-Za-z\u00c0-\u00ff])[\u0080-\u00bf](?=[A-Za-z\u00c0-\u00ff])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PRIVATE_OR_REPLACEMENT = re.compile(r"[\ue000-\uf8ff\ufffd]")


def _implausibility(text: str) -> float:
    """Share of non-ASCII characters that look like mojibake (0.0 = perfectly plausible)."""
    non_ascii = len(_NON_ASCII.findall(text))
    if not non_ascii:
        return 0.0
    bad = len(_LONE_CJK_IN_LATIN.findall(text))
    bad += sum(len(m) for m in _HIGH_RUN.findall(text))
    bad += len(_SYMBOL_IN_WORD.findall(text))
    bad += 4 * len(_PRIVATE_OR_REPLACEMENT.findall(text))
    bad += 4 * sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return bad / non_ascii


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode ``raw`` and return ``(text, encoding)``; raise BinaryFileError for non-text.

    The text is returned exactly as decoded (BOM removed); call :func:`normalize_text` next.
    """
    kind = sniff_binary(raw)
    if kind:
        raise BinaryFileError(f"binary file ({kind})")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, encoding)
            if text is None:
                raise BinaryFileError(f"binary file (invalid {encoding} after byte-order mark)")
            return text.lstrip("\ufeff"), encoding
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, "utf-8"
    lenient = _mostly_utf8(raw)
    if lenient is not None:
        return lenient

    candidates: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(_PREFERRED):
        decoded = _strict(raw, encoding)
        if decoded is not None:
            candidates.append((_implausibility(decoded), rank, encoding, decoded))
    best = from_bytes(raw).best()
    if best is not None:
        encoding = best.encoding
        if encoding not in _PREFERRED:
            decoded = str(best)
            candidates.append((_implausibility(decoded), len(_PREFERRED), encoding, decoded))
    if not candidates:
        raise BinaryFileError("binary file (bytes do not decode in any known text encoding)")
    score, _rank, encoding, decoded = min(candidates, key=lambda c: (c[0], c[1]))
    if score > 0.5 and _control_share(decoded) > 0.02:
        raise BinaryFileError("binary file (bytes do not decode as text)")
    return decoded, encoding.replace("_", "-")


def _mostly_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a file cut inside a multi-byte character, a pasted
    cp1252 quote) is UTF-8: decode it with the bad bytes replaced rather than guess a legacy
    codec for the whole file or skip it as binary. The evidence required is valid multi-byte
    sequences outnumbering the invalid ones four to one (legacy text read as UTF-8 is almost
    all invalid). The encoding returned says how many were replaced."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if bad <= 0 or good < 4 * bad:
        return None
    return text, f"utf-8 ({bad:,} undecodable byte sequence{'s' if bad > 1 else ''} replaced)"


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls / len(text)


# --- normalisation ---------------------------------------------------------------------------

# Every kind of line break becomes "\n".
_NEWLINES = re.compile(r"\r\n?|[\u000b\u000c\u0085\u2028\u2029]")
# Space-like characters (NBSP, narrow NBSP, figure space, en/em/thin spaces, ideographic
# space is kept: it is meaningful in CJK typesetting but still whitespace for str.split).
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
# Invisible characters that only get in the way of matching: zero-width space, word
# joiner, BOM/ZWNBSP, soft hyphen, bidi marks and embeddings.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0/C1 control characters except tab and newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


#: a JSON string escape left in scraped text ("China\u2019s" from a page served as raw JSON):
#: read as the character it stands for, or "\u2019" would read as the year 2019. Only
#: characters beyond ASCII: they cannot form a new escape, so normalising twice changes
#: nothing more
_JSON_ESCAPE = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
                          r"|\\u([0-9a-fA-F]{4})")


def _unescape_json(m: re.Match[str]) -> str:
    if m.group(3) is not None:
        ch = chr(int(m.group(3), 16))
        # ASCII and a lone surrogate stay as they were written
        return m.group(0) if 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) < 0x80 else ch
    high, low = int(m.group(1), 16), int(m.group(2), 16)
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def normalize_text(text: str) -> str:
    """Canonical form for everything downstream: ``\\n`` newlines, NFC, plain spaces.

    JSON ``\\uXXXX`` escapes left in the text become their characters; control characters
    (other than ``\\n`` and ``\\t``) and invisible format characters are dropped; NBSP and
    friends become a plain space; trailing spaces are trimmed. Sentence offsets are computed
    on this text, so it must be deterministic.
    """
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(_unescape_json, text)
    if "\r" in text or not text.isascii():
        text = _NEWLINES.sub("\n", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _SPACES.sub(" ", text)
        text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))
