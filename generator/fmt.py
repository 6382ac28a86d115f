"""Escaping and formatting: the one place that turns record data into page text.

Pages (`generator.pages`, its templates) and charts show the same figures; reading "5.5 %",
"more than 5.5 %", "1 trillion yuan ($136.8 bn)" or "GDP growth target" in one place means
a page and its chart never disagree on how a value reads, and an escaping bug is fixed once.

Article text, titles and names are *data*: `escape()` makes any of it safe in Markdown and
HTML alike (see its docstring); `safe_url()` keeps only http(s) links from records.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from . import digest as dg

_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;",
    "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
    "#": "&#35;", "~": "&#126;", "^": "&#94;", "=": "&#61;", "$": "&#36;",
}
_ESCAPE_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
# what turns a line into a block (list item, ordered list) when it starts the line
_LINE_START_RE = re.compile(r"^([+\-]|\d+[.)])")
_WHITESPACE_RE = re.compile(r"\s+")
whitespace_re = _WHITESPACE_RE


def _entity(m: re.Match[str]) -> str:
    return _ENTITIES[m.group(0)]


def escape(text: object) -> str:
    """Data -> Markdown that renders as exactly that text, on one line.

    HTML-escapes (`& < > "`), and replaces every character Python-Markdown or a common
    extension gives meaning to (emphasis, code, links, attribute lists, tables, headings,
    ...) with a numeric character reference, which renders as the same character but is never
    parsed as syntax. Whitespace runs (newlines included) collapse to one space, so data can
    never end a paragraph, start an indented code block or underline a setext heading; a
    leading list marker is neutralised. Works in body text, table cells, link text, link
    titles, headings and front-matter values alike.
    """
    if text is None:
        return ""
    # str.split() splits on exactly what `\s` matches: the same as collapsing runs and
    # stripping, four times faster
    out = _ESCAPE_RE.sub(_entity, " ".join(str(text).split()))
    match = _LINE_START_RE.match(out)
    if match:
        marker = match.group(1)
        out = marker[:-1] + f"&#{ord(marker[-1])};" + out[len(marker):]
    return out


def escape_block(text: object) -> str:
    """Data -> text for a raw HTML ``<pre>`` block: escaped like `escape()` (HTML and every
    Markdown metacharacter become character references) but keeping its newlines and
    indentation, which a code snippet needs. Carriage returns are dropped."""
    if text is None:
        return ""
    out = str(text).replace("\r", "")
    return _ESCAPE_RE.sub(_entity, out)


def link_title(text: object) -> str:
    """Escaped text for a Markdown link title (`[x](url "title")`), where parentheses can
    also end the link."""
    return escape(text).replace("(", "&#40;").replace(")", "&#41;")


def safe_url(url: object) -> str | None:
    """An http(s) URL from a record, or None: other schemes (javascript:, data:) and
    relative links are dropped (a record's URL points at another site, never at this one)."""
    link = link_url(url) if isinstance(url, str) else None
    if link is None:
        return None
    parts = urlsplit(link)  # link_url has parsed it once already: no ValueError here
    return link if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def link_url(url: object) -> str | None:
    """*url* if it is safe as a link target the site built (relative, http(s), mailto): chart
    marks and tables link to pages. Browsers ignore tabs and newlines inside URLs
    (``java\tscript:``), so any whitespace or control character disqualifies the URL."""
    if url is None:
        return None
    text = str(url).strip()
    if not text or re.search(r"[\s\x00-\x1f\x7f]", text):
        return None
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in {"http", "https", "mailto"}:
        return None
    if ":" in text.split("/", 1)[0] and not scheme:
        return None  # something like "javascript&colon;" that urlsplit did not parse
    return text


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(value: object) -> str:
    """Untrusted text -> one line (control characters and newlines become spaces): a name
    starting a line inside a page could be read as Markdown or extension syntax."""
    if value is None:
        return ""
    return _CONTROL_RE.sub(" ", str(value)).strip()


def html_text(value: object) -> str:
    """Untrusted text for HTML element content or attribute values (charts' captions and
    data tables): HTML-escaped, on one line, braces as entities so no template engine or
    CriticMarkup ever sees ``{{`` in page source (the browser shows the same text)."""
    return (html.escape(one_line(value), quote=True)
            .replace("{", "&#123;").replace("}", "&#125;"))


#: what XML 1.0 cannot hold at all, escaped or not (control characters but tab, newline and
#: carriage return; lone surrogates; U+FFFE, U+FFFF)
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Untrusted text for an XML document (the feeds): characters XML cannot hold become
    spaces. Ingest drops them from article text, but a record's title or summary can carry
    one (an override, a record written elsewhere), and lxml then refuses the whole feed."""
    return _NOT_XML_RE.sub(" ", "" if value is None else str(value))


def html_attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def pluralise(n: int, word: str, plural: str | None = None) -> str:
    """'1 article', '3 articles' (or the *plural* given)."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def finite_number(value: Any) -> int | float | None:
    """A finite number normalised so that 5 and 5.0 read and serialise the same, else None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def bare_number(value: Any) -> str:
    """A number as a chart label or data value: no separators, no trailing .0, no exponent
    for ordinary magnitudes (text that is not a number is returned on one line)."""
    number = finite_number(value)
    if number is None:
        return one_line(value)
    if isinstance(number, int):
        return str(number)
    return f"{number:.6g}" if abs(number) < 1e15 else repr(number)


def amount_words(value: Any) -> str:
    """Large amounts in words (2.2 trillion), smaller ones with thousands separators."""
    number = finite_number(value)
    if number is None:
        return one_line(value)
    return fmt_number(number, words=True)


def fmt_number(value: Any, words: bool = False) -> str:
    """5.0 -> '5', 12345 -> '12,345'; with `words`, 1.8e12 -> '1.8 trillion'."""
    if value is None:
        return ""
    if words:
        for scale, word in _SCALES:
            if abs(value) >= scale:
                return f"{fmt_number(round(value / scale, 3))} {word}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:g}"


QUALIFIER_WORDS = {
    "around": "around", "more-than": "more than", "at-least": "at least",
    "exactly": "", "up-to": "up to", "range": "",
}
UNIT_WORDS = {"percent": " %", "per-10000-people": " per 10,000 people"}


#: Currency units read as words, and how their amounts are named.
CURRENCY_WORDS = {"CNY": "yuan", "RMB": "yuan", "yuan": "yuan", "USD": "US dollars"}


def usd_words(value: float) -> str:
    """2.456e11 -> '$245.6 bn': the compact form an analyst reads next to a yuan amount."""
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"${value / scale:,.1f} {word}".replace(".0 ", " ")
    return f"${fmt_number(value)}"


def figure_value(item: Mapping[str, Any]) -> str:
    """Human reading of a figure: 'more than 5.5 %', '6–6.5 %', '1 trillion yuan ($136.8 bn)'.

    Amounts are named in words (a reader counts no zeros), a currency by its name, and the
    US-dollar equivalent the article gave is kept beside it.
    """
    unit = str(item.get("unit") or "")
    value = fmt_number(item.get("value"), words=True)
    if item.get("value_max") is not None:
        value = f"{value}–{fmt_number(item.get('value_max'), words=True)}"
    qual = QUALIFIER_WORDS.get(str(item.get("qualifier")), "")
    if unit in CURRENCY_WORDS:
        suffix = f" {CURRENCY_WORDS[unit]}"
        usd = item.get("usd_value")
        if unit != "USD" and isinstance(usd, int | float) and usd > 0:
            suffix += f" ({usd_words(usd)})"
    else:
        suffix = UNIT_WORDS.get(unit, f" {unit}" if unit and unit != "count" else "")
    return f"{qual} {value}{suffix}".strip()


INDICATOR_LABELS = {
    "gdp-growth-target": "GDP growth target",
    "gdp-growth": "GDP growth",
    "gdp-growth-part-year": "GDP growth",  # with its period: "GDP growth, H1"
    "gdp-growth-forecast": "GDP growth forecast",
}


def indicator_label(item: Mapping[str, Any]) -> str:
    """'gdp-growth-target' -> 'GDP growth target'; the subject, when stated, for 'other'.

    A forecast names who made it when known ("GDP growth forecast (economists)"), and growth
    for part of a year its period ("GDP growth, H1"): neither is a target or a year's outcome.
    """
    indicator = str(item.get("indicator") or "")
    if indicator in ("other", "count") and item.get("subject"):
        return str(item["subject"])
    text = INDICATOR_LABELS.get(indicator) or re.sub(
        r"\b(gdp|rd)\b", lambda m: {"gdp": "GDP", "rd": "R&D"}[m.group(1)],
        indicator.replace("-", " "))
    if item.get("period"):
        text += f", {item['period']}"
    if indicator == dg.GROWTH_FORECAST and item.get("subject"):
        text += f" ({item['subject']})"
    return text
