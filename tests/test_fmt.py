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
