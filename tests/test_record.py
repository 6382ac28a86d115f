"""The record's YAML text (`record.dump`): whatever a record holds reads back as itself,
the same record always gives the same bytes, and strings stay plain where they can."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.record import dump, load

#: strings YAML 1.1 reads as something else, or cannot read, when written plain
TRICKY = ["", " ", "yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~",
          "123", "-5", "+5", "0x1F", "0o17", "0b101", "1_000", "1:20", ".5", "1e3", "1.5e+3",
          ".inf", "-.Inf", ".nan", "2024-01-01", "2024-01-01 10:00:00", "=", "<<",
          " leading", "trailing ", "a: b", "a:", "a #b", "#x", "- x", "-x", "? x", ":x",
          ",x", "[x", "]x", "{x", "}x", "&x", "*x", "!x", "|x", ">x", "'x'", '"x"', "%x",
          "@x", "`x", "tab\there", "line\nbreak", "cr\rhere", "\x85", "\u2028", "\u2029",
          "\ufeff", "\x7f", "\x00", "\x1b[31m", "\ud800", "\uffff", "emoji 😀", "中文 5.5%",
          "Guangdong: 5 percent", "said: \"x\"", "'single'", "back\\slash", "100%", "5 %"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(), st.sampled_from(TRICKY),
)
keys = st.one_of(st.sampled_from(["id", "text", "value", "year"]), st.text(min_size=1),
                 st.sampled_from(TRICKY))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, values, max_size=6))
def test_any_record_reads_back_as_itself(record: dict) -> None:
    text = dump(record)
    assert load(text) == record
    assert dump(record) == text  # deterministic


@pytest.mark.parametrize("s", TRICKY)
def test_each_tricky_string_reads_back_as_itself(s: str) -> None:
    record = {"text": s, "list": [s], "nested": [{"k": s}]}
    assert yaml.safe_load(dump(record)) == record


def test_the_layout_is_block_style_with_plain_strings_where_they_can_be() -> None:
    record = {"schema": "briefing/article@1", "id": "2024-01-01-a", "date": "2024-01-01",
              "title": "Guangdong: 5 percent", "summary": "Guangdong aims for about 5 percent.",
              "value": 5.5, "big": 1.5e16, "url": None, "authors": [], "regions": [
                  {"id": "guangdong", "sentences": [1, 2]}], "overrides": {}}
    assert dump(record) == (
        "schema: briefing/article@1\n"
        "id: 2024-01-01-a\n"
        'date: "2024-01-01"\n'
        'title: "Guangdong: 5 percent"\n'
        "summary: Guangdong aims for about 5 percent.\n"
        "value: 5.5\n"
        "big: 1.5e+16\n"
        "url: null\n"
        "authors: []\n"
        "regions:\n"
        "- id: guangdong\n"
        "  sentences:\n"
        "  - 1\n"
        "  - 2\n"
        "overrides: {}\n")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), (1, 2), {1: "x"}, b"bytes"])
def test_what_a_record_cannot_hold_is_an_error_not_a_wrong_text(bad) -> None:
    with pytest.raises((TypeError, ValueError)):
        dump({"x": bad} if not isinstance(bad, dict) else bad)
