"""Front matter is described once, by generator/data/front_matter.schema.json: a value of a
wrong type is one problem line naming the file and the key, and the rest still builds."""

from __future__ import annotations

import pytest

from generator.ingest import IngestError, parse_text
from generator.ingest.frontmatter import FrontMatterError, front_matter_fields
from generator.schemas import validator


@pytest.mark.parametrize(("front", "key", "expected"), [
    ({"title": ["a", "b"]}, "title", "expected text"),
    ({"date": 2025}, "date", "expected text"),
    ({"authors": {"name": "Wang"}}, "authors", "unexpected value"),
    ({"Source": {"a": 1}}, "source", "expected text"),
    ({"url": True}, "url", "expected text"),
])
def test_a_wrong_type_names_its_key(front: dict, key: str, expected: str) -> None:
    with pytest.raises(FrontMatterError) as info:
        front_matter_fields(front)
    assert str(info.value).startswith(f"front matter {key}: ")
    assert expected in str(info.value)


def test_valid_front_matter_passes_and_unknown_keys_are_left_alone() -> None:
    fields = front_matter_fields({"Title": "Hebei bets on steel", "date": "2025-02-01",
                                  "authors": ["Li Lei", "Han Mei"], "editor_note": [1, 2]})
    assert fields == {"title": "Hebei bets on steel", "date": "2025-02-01",
                      "authors": ("Li Lei", "Han Mei")}


def test_the_problem_line_names_the_file() -> None:
    with pytest.raises(IngestError) as info:
        parse_text(b"---\ntitle: [a, b]\n---\nHebei grew 5 percent.\n", file="seeds/x.md",
                   suffix=".md")
    assert str(info.value).startswith("seeds/x.md: skipped: front matter title: expected text")


def test_the_schema_is_itself_valid() -> None:
    v = validator("front_matter.schema.json")
    type(v).check_schema(v.schema)
