"""Issue 9, "a property test per boundary": Hypothesis writes front matter and override
documents (valid and invalid values for every key, YAML dates real and impossible, aliases,
NaN, wrong types) and the run must finish fast, name the bad file in every problem it
reports, and leave the other article's record byte-identical to a run without the bad file.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import run
from generator.record import dump, validate

GOOD = """\
Guangdong will build ten new industrial clusters this year, the provincial government said
on Monday. Shenzhen set a GDP growth target of around 5.5 percent for 2025.
"""
BAD_BODY = """\
Zhejiang set a GDP growth target of around 5.5 percent for 2025, the provincial government
said on Monday. Hangzhou will expand its digital economy.
"""
#: Python allocations one run of two small articles may make (today ~5 MB)
MAX_PEAK_BYTES = 64 << 20
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# YAML scalars, written as an editor or a scraper might: dates real and impossible, quoted
# or not, special floats, huge ints, booleans, nulls, ids real and invented
SCALARS = st.sampled_from([
    "2025-01-16", "2025-02-30", "2025-13-45", "'2025-13-45'", "'2025-01-16'", "2025-01-16 10:00",
    ".nan", ".inf", "-.inf", "1e309", "0", "-1", "5", "99999", "5.5", "'5.0e9'", "true", "null",
    "~", "''", "abc", "shanghai", "guangdong", "atlantis", "robotics", "'=cmd|calc'!A0",
    "'{{ x }}'", "'<script>'", "1" * 30, "[]", "{}", "'\\u0000'",
])
FRONT_KEYS = ["title", "date", "source", "authors", "url", "language", "dateline", "summary",
              "updated", "tags", "regions", "themes", "figures", "author", "published"]
OVERRIDE_KEYS = [*FRONT_KEYS[:8], "regions", "themes", "figures", "sentences"]


def _flow(depth: int) -> st.SearchStrategy[str]:
    """YAML flow values: scalars, lists and mappings of them, a few levels deep."""
    if depth == 0:
        return SCALARS
    inner = _flow(depth - 1)
    keys = st.sampled_from(["id", "add", "remove", "confirm", "sentences", "sentence", "value",
                            "text", "regions", "region", "indicator", "year", "unit", "x"])
    return st.one_of(
        inner,
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(keys, inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"),
    )


def _document(keys: list[str]) -> st.SearchStrategy[str]:
    pairs = st.dictionaries(st.sampled_from(keys), _flow(3), min_size=1, max_size=5)
    alias = st.sampled_from(["", "a0: &a0 [x, x, x]\na1: &a1 [*a0, *a0]\n", "k: &k v\n"])
    return st.tuples(alias, pairs).map(
        lambda t: t[0] + "".join(f"{k}: {v}\n" for k, v in t[1].items())
        + ("title: *a1\n" if "a1" in t[0] else ""))


def _run(files: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for name, text in files.items():
            (seeds / name).write_text(text, "utf-8")
        started = time.monotonic()
        tracemalloc.start()
        try:
            corpus = run(["seeds"], base_dir=tmp)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert time.monotonic() - started < 10
        # an alias bomb or a huge value would show here long before it exhausted the machine
        assert peak < MAX_PEAK_BYTES, f"peak {peak / 2**20:.0f} MB"
    for record in corpus.records:
        assert validate(record) == [], record["file"]
    return [str(p) for p in corpus.problems], {r["file"]: dump(r) for r in corpus.records}


CLEAN = _run({"good.txt": GOOD})[1]


@SETTINGS
@given(_document(FRONT_KEYS))
def test_any_front_matter_is_a_record_or_one_line_naming_the_file(doc):
    problems, records = _run({"good.txt": GOOD, "bad.md": f"---\n{doc}---\n{BAD_BODY}"})
    assert all(p.startswith("seeds/bad.md: ") and "\n" not in p for p in problems), problems
    assert records["seeds/good.txt"] == CLEAN["seeds/good.txt"]
    if "seeds/bad.md" not in records:
        assert any(": skipped: " in p for p in problems), problems


@SETTINGS
@given(_document(OVERRIDE_KEYS))
def test_any_override_is_applied_or_one_line_naming_the_file(doc):
    problems, records = _run({"good.txt": GOOD, "bad.txt": BAD_BODY, "bad.override.yaml": doc})
    assert all(p.startswith("seeds/bad.override.yaml: override: ") for p in problems), problems
    assert len(problems) <= 1
    assert records["seeds/good.txt"] == CLEAN["seeds/good.txt"]
    assert "seeds/bad.txt" in records  # an override that is not applied loses nothing else


@SETTINGS
@given(st.dictionaries(st.sampled_from(["id", "name", "name_zh", "aliases", "level", "parent",
                                        "lat", "lon", "row", "col", "adcode", "members", "x"]),
                       _flow(2), min_size=1, max_size=8),
       st.sampled_from(["", "a0: &a0 [x, x, x]\na1: &a1 [*a0, *a0]\n"]))
def test_any_user_gazetteer_loads_or_is_one_line_naming_the_file(entry, alias):
    """The user's gazetteer is the fourth boundary: it loads, or raises ReferenceDataError
    with one line naming the file (never another exception type, never a second line)."""
    from generator.reference import ReferenceDataError, load_gazetteer

    text = alias + "regions:\n- {" + ", ".join(f"{k}: {v}" for k, v in entry.items()) + "}\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.yaml"
        path.write_text(text, "utf-8")
        try:
            gazetteer = load_gazetteer(path)
        except ReferenceDataError as exc:
            message = str(exc)
            assert message.startswith(f"gazetteer file {path}: ") and "\n" not in message, message
        else:
            assert gazetteer.regions
