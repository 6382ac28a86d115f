"""How a figure reads on every page: `fmt.figure_value` is the one place that words a value,
its qualifier and its unit, so these cases are what an analyst sees in tables and lists."""

import pytest

from generator.fmt import figure_value


@pytest.mark.parametrize(("item", "expected"), [
    ({"value": 1e12, "unit": "CNY", "usd_value": 136.8e9, "qualifier": "exactly"},
     "1 trillion yuan ($136.8 bn)"),
    ({"value": 5.5, "unit": "percent", "qualifier": "more-than"}, "more than 5.5 %"),
    ({"value": 6, "value_max": 6.5, "unit": "percent", "qualifier": "range"}, "6–6.5 %"),
    # a unit written as words keeps a space after the number ("11.2per ..." before)
    ({"value": 11.2, "unit": "per-10000-people", "qualifier": "exactly"},
     "11.2 per 10,000 people"),
    ({"value": 7300, "unit": "count", "qualifier": "more-than"}, "more than 7,300"),
    ({"value": 2.5e9, "unit": "USD", "qualifier": "around"}, "around 2.5 billion US dollars"),
])
def test_figure_value_reads_as_words(item: dict, expected: str) -> None:
    assert figure_value(item) == expected


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    from generator.fmt import xml_text

    assert xml_text("a\x08b\x00c\ufffe\td\ne") == "a b c \td\ne"
    assert xml_text(None) == ""


def test_a_control_character_in_an_article_does_not_break_the_feeds() -> None:
    """Found by tests/test_fuzz.py: a backspace in a commitment made lxml refuse the whole
    region feed, and the build stopped."""
    from generator.pages import render_site
    from generator.reference import load_gazetteer, load_taxonomy

    rec = {"schema": "briefing/article@1", "id": "2025-01-16-x", "file": "x.txt",
           "sha256": "0" * 64, "title": "Guangdong \x08 plans", "date": "2025-01-16",
           "source": None, "authors": [], "url": None, "dateline": None, "language": "en",
           "summary": "Guangdong will \x08 build ports.", "word_count": 5,
           "regions": [{"id": "guangdong", "name": "Guangdong", "name_zh": "广东省",
                        "level": "province", "parent": "china", "mentions": 1,
                        "roles": ["subject"], "sentences": [1]}],
           "themes": [], "figures": [],
           "commitments": [{"text": "Guangdong will \x08 build ports.", "regions": ["guangdong"],
                            "themes": [], "sentence": 1}],
           "people": [], "sentences": ["Guangdong will \x08 build ports."], "paragraphs": [1],
           "overrides": None}
    out = render_site([rec], load_gazetteer(), load_taxonomy())
    feeds = [v for p, v in out.items() if p.endswith(".xml")]
    assert feeds and not any(b"\x08" in (v if isinstance(v, bytes) else v.encode())
                             for v in feeds)
