"""Property tests: whatever a scraper drops into seeds/, ingest and extraction never
raise anything but a clean IngestError, and every record they make is schema-valid.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract import extract
from generator.ingest import IngestError, parse_text
from generator.record import build, dump, load, validate
from generator.reference import load_gazetteer, load_taxonomy

GAZ = load_gazetteer()
TAX = load_taxonomy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real copy that exercise every extractor, mixed with noise.
FRAGMENTS = [
    "Guangdong will",
    "Shenzhen in South China's Guangdong Province",
    "GDP growth target of",
    "around 5 percent",
    "more than 5.5 percent",
    "1.8 trillion yuan ($245.6 billion)",
    "1,2,3.4.5 percent",
    "per 10,000 people",
    "respectively",
    "said Li Changan, a professor",
    "the city",
    "The province",
    "NEVs",
    "AI",
    "low-altitude economy",
    "“",
    "”",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "|",
    "<script>alert(1)</script>",
    "{{ jinja }}",
    "{% raw %}",
    "BEIJING --",
    "Feb.",
    "U.S.",
    "\n\n",
    "\n",
    "---",
    " date 2025-01-16 ",
    "Suzhou",
    "10:27, January 16, 2025 By Chi Jingyi ( Global Times",
    "Must Read",
    "Share",
    "$",
    "5 to 5.5 percent",
    "between 5 and 6 percent",
    "2,000 promotion events",
    "\u200b",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "٣",
    "五",
    "％",
    "10,000-card",
    "6G",
    "C919",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(min_size=0, max_size=40),
        st.text(alphabet=string.digits + ".,% -", min_size=1, max_size=12),
    ),
    max_size=60,
).map(" ".join)


def _record_of(raw: bytes, suffix: str = ".txt") -> dict | None:
    try:
        doc = parse_text(raw, file="fuzz" + suffix, suffix=suffix)
    except IngestError as exc:
        assert str(exc).startswith("fuzz" + suffix + ": skipped: ")
        return None
    rec = build(doc, extract(doc, GAZ, TAX), "fuzz")
    assert validate(rec) == [], validate(rec)
    assert load(dump(rec)) == rec  # YAML round trip
    return rec


@SETTINGS
@given(texts)
def test_any_text_gives_a_valid_record_or_a_clean_error(text: str) -> None:
    _record_of(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_valid_record_or_a_clean_error(raw: bytes) -> None:
    _record_of(raw)


@SETTINGS
@given(texts, st.sampled_from([".txt", ".md", ".html"]))
def test_any_suffix(text: str, suffix: str) -> None:
    _record_of(text.encode("utf-8"), suffix)


@settings(max_examples=6, deadline=None)
@given(st.integers(min_value=1, max_value=3), st.sampled_from(FRAGMENTS))
def test_very_long_lines(n: int, fragment: str) -> None:
    # 20-60 KB on one line, no full stop: ingest cuts it into bounded "sentences"
    line = (fragment + " Guangdong will grow by 5 percent, ") * (500 * n)
    _record_of(line.encode("utf-8"))


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_front_matter_like_input(body: str) -> None:
    _record_of(f"---\ntitle: {body[:50]}\ndate: {body[50:60]}\n---\n{body}".encode())


def test_the_fuzz_examples_from_the_issue() -> None:
    for text in [
        "Guangdong set a target of 1,2,3.4.5 percent for 2025.",
        "“Unbalanced quotes, said Wang Peng.",
        "\x00\x01\x02 control characters \x7f in Shanghai will grow 5 percent",
        "Hubei " * 5000,
    ]:
        _record_of(text.encode("utf-8"))


HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(
            FRAGMENTS
            + [
                "*x*",
                "`code`",
                "[a](javascript:alert(1))",
                "<img src=x>",
                "&amp;",
                "# heading",
                "> quote",
                "- item",
                "1. item",
                "{: .cls }",
                "</span>",
                "<!--",
                "]]>",
                "\\",
                "---\n",
            ]
        ),
        st.text(min_size=1, max_size=20),
    ),
    min_size=1,
    max_size=25,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_generated_markdown_renders_article_text_as_text(text: str) -> None:
    """Any article text becomes an article page whose HTML has no element the
    generator did not write itself: no script, no image, no link to javascript:."""
    import markdown
    from bs4 import BeautifulSoup
    from mkdocs.utils.meta import get_data

    from generator.pages import article_path, render_site

    rec = _record_of(("Guangdong will build ports. " + text).encode("utf-8"))
    if rec is None:
        return
    rec["title"] = text[:80] or "x"
    md = render_site([rec], GAZ, TAX)[article_path(rec["id"])]
    body, meta = get_data(md)
    assert isinstance(meta, dict) and meta.get("title")
    html = markdown.markdown(
        body, extensions=["toc", "tables", "attr_list", "md_in_html", "admonition"]
    )
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "iframe", "object", "embed", "style"])
    for a in soup.find_all("a"):
        assert not a.get("href", "").lower().lstrip().startswith(("javascript:", "data:"))
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    # every sentence's words survive as visible text
    visible = " ".join(soup.get_text(" ").split())
    for sentence in rec["sentences"]:
        words = [w for w in sentence.split() if w.isalpha()][:3]
        for w in words:
            assert w in visible
