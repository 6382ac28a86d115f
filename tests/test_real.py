"""Extraction quality on real scraped pages: tests/real, the development corpus.

tests/real/ is ../shared/devcorpus copied unchanged: 48 real English pages (mirror sites,
machine translations, truncated excerpts, multi-province round-ups) with hand-made answer
keys (gold-a.yaml, gold-b.yaml; conventions in README-a.md and the gold-b.yaml header).
The score is computed by the vendored scorer, tests/tools/score_extraction.py, exactly as
the project's measure is defined: it runs ``briefing extract`` on a copy of the articles
and compares the records with the gold.

These thresholds are the quality bar of the real-articles issue. Once reached they never
go down; raise them when the extractor improves.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO / "tests" / "tools" / "score_extraction.py"
CORPUS = REPO / "tests" / "real"
#: Further real pages, each set collected and annotated blind (first score in its
#: FIRST_SCORE.txt: real2 targets F1 0.87; real3 targets F1 0.84, realised growth 0.55; real4,
#: first scored after the real3 fixes, realised growth 0.36; real5 targets F1 0.86, realised
#: growth 0.46; real6, first scored after the real5 fixes, targets 0.91, realised growth
#: 0.89, both with precision 1.00; real7, after the real6 fixes, targets 0.33 of 3, realised
#: growth 0.44; real8, after the real7 fixes, targets 0.60 (P 0.76), realised growth 0.50;
#: real9, after all of them, targets 0.76 (P 1.00), realised growth 0.57 (P 0.46); real10,
#: after the real9 fixes, targets 0.67 (P 0.70), realised growth 0.28 (P 0.21); real11 (12
#: pages), after the real10 fixes, targets 0.29 (P 0.18), realised growth 0.43 (P 0.67);
#: real12, after the real11 fixes and this set's theme changes, targets 0.89 (P 0.80),
#: realised growth 0.50 (P 0.43), regions 0.87; real13, after the real12 fixes, targets
#: 0.67 (P 0.80), realised growth 0.00 of 7 (five with the wrong year); real14 targets 0.42
#: (P 0.57); real15 targets 0.81 (P 0.92); real16 (16 pages) targets 0.67 of 2 (P 1.00),
#: realised growth 0.73 (P 0.80); real17 (19 pages, mostly industry) targets 0.80 of 2 (P
#: 0.67); real18 (messy re-publications, 2016-2019 round-ups) targets 0.49 (P 0.65),
#: realised growth 0.57 (P 0.89); real19 (city pages) targets 0.55 (P 0.60), realised growth
#: 0.38 (P 1.00); real20 (provincial pages) targets 0.88 (P 0.78), realised growth 0.73 (P
#: 0.80); real21 (a 2020-2026 mix, 14 pages, after the real19/real20 fixes) targets 0.57
#: (P 0.67), realised growth 0.78 (P 0.75); real22 (18 pages, county and table pages, analysis,
#: Hong Kong/Macao/Taiwan, mostly 2012-2015; after the real21 fixes) targets 0.55 (P 0.60),
#: realised growth 0.62 (P 0.69); real23 (14 pages from less common outlets, after the real22
#: fixes) targets 0.67 (P 0.75), realised growth 0.50 (P 0.67); real24 (13 city pages, after
#: every fix of the eighth session) targets 0.86 (P 1.00), realised growth 0.71 (P 0.67);
#: real25 (12 round-ups, mostly of quarterly results) realised growth 0.32 (P 0.30); real26
#: (16 government-portal pages) targets 0.57 (P 0.67), realised growth 0.71 (P 0.71); real28
#: (18 foreign-press pages, after the real25 fixes) targets 0.47 (P 0.52), realised growth
#: 0.75 (P 0.90); real27 (17 pages of 2023-2026 work reports, after the real28 fixes) targets
#: 0.82 (P 0.78), realised growth 0.70 (P 0.89); real29 (17 machine-translated and official
#: pages, after the real27 fixes) targets 0.78 (P 0.78), realised growth 0.71 (P 0.73);
#: real30 (20 city news pages, the same code) targets 0.86 (P 1.00), realised growth 0.67
#: (P 0.82); real31 (16 pages of 2024-2026, after the real29/real30 fixes) targets 0.51 (P
#: 0.44), realised growth 0.40 (P 0.86); real32 (19 pages of 2008-2016 news, the same code)
#: targets 0.72 (P 0.78), realised growth 0.69 (P 0.73); real33 (15 provincial pages, after
#: every fix of the ninth session) targets 0.55 (P 0.54), realised growth 0.56 (P 0.75);
#: real34 (14 city pages, after the real33 fixes) targets 0.67 of 3 (P 0.67), realised
#: growth 0.48 (P 0.42); real35 (12 provincial pages) and real36 (10 city pages), both after
#: every fix of the ninth session: targets 0.80 (P 1.00) and 0.40 of 2 (P 0.33), realised
#: growth 0.75 (P 1.00) and 0.70 (P 0.78)).
#: The rules were revised after each first score, so these bars are ratchets, not held-out
#: scores.
MORE_SETS: dict[str, list[tuple[str, str, float]]] = {
    "real2": [("targets", "f1", 0.91), ("targets", "p", 0.91), ("actuals", "f1", 0.88),
              ("actuals", "p", 0.95), ("themes", "f1", 0.84), ("people", "f1", 0.95),
              ("regions", "f1", 0.96)],
    "real3": [("targets", "f1", 0.92), ("targets", "p", 0.92), ("targets_high", "p", 0.90),
              ("actuals", "f1", 0.82), ("actuals", "p", 0.86), ("themes", "f1", 0.88),
              ("people", "f1", 0.88), ("regions", "f1", 0.96)],
    "real4": [("targets", "f1", 0.95), ("actuals", "f1", 0.58), ("actuals", "p", 0.95),
              ("themes", "f1", 0.86), ("people", "f1", 0.95), ("regions", "f1", 0.95)],
    "real5": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("actuals", "f1", 0.87),
              ("actuals", "p", 0.78), ("themes", "f1", 0.86), ("people", "f1", 0.95),
              ("regions", "f1", 0.95)],
    "real6": [("targets", "f1", 0.95), ("targets", "p", 0.95), ("actuals", "f1", 0.97),
              ("actuals", "p", 0.95), ("themes", "f1", 0.88), ("people", "f1", 0.95),
              ("regions", "f1", 0.95)],
    "real7": [("targets", "f1", 0.95), ("targets", "p", 0.95), ("actuals", "f1", 0.95),
              ("actuals", "p", 0.90), ("themes", "f1", 0.71), ("regions", "f1", 0.98)],
    "real8": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("targets_high", "p", 0.98),
              ("actuals", "f1", 0.75), ("actuals", "p", 0.98), ("themes", "f1", 0.68),
              ("regions", "f1", 0.96)],
    "real9": [("targets", "f1", 0.74), ("targets", "p", 0.98), ("actuals", "f1", 0.90),
              ("actuals", "p", 0.98),
              ("themes", "f1", 0.81), ("people", "f1", 0.95), ("regions", "f1", 0.96)],
    "real10": [("targets", "f1", 0.94), ("targets", "p", 0.90), ("actuals", "f1", 0.93),
               ("actuals", "p", 0.95),
               ("themes", "f1", 0.76), ("people", "f1", 0.90), ("regions", "f1", 0.97)],
    "real11": [("targets", "f1", 0.95), ("actuals", "f1", 0.55), ("actuals", "p", 0.85),
               ("themes", "f1", 0.72), ("people", "f1", 0.84), ("regions", "f1", 0.96)],
    "real12": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("actuals", "f1", 0.87),
               ("actuals", "p", 0.95), ("themes", "f1", 0.77), ("people", "f1", 0.95),
               ("regions", "f1", 0.94)],
    "real13": [("targets", "f1", 0.75), ("actuals", "f1", 0.95), ("actuals", "p", 0.95),
               ("themes", "f1", 0.85), ("people", "f1", 0.85), ("regions", "f1", 0.92)],
    "real14": [("targets", "f1", 0.85), ("targets", "p", 0.93), ("targets_high", "p", 0.98),
               ("actuals", "f1", 0.73), ("actuals", "p", 0.90), ("themes", "f1", 0.89),
               ("people", "f1", 0.89), ("regions", "f1", 0.96)],
    "real15": [("targets", "f1", 0.93), ("targets", "p", 0.95), ("targets_high", "p", 0.98),
               ("actuals", "f1", 0.88), ("actuals", "p", 0.88), ("themes", "f1", 0.84),
               ("people", "f1", 0.90), ("regions", "f1", 0.96)],
    "real16": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("actuals", "f1", 0.78),
               ("actuals", "p", 0.98), ("themes", "f1", 0.82), ("people", "f1", 0.98),
               ("regions", "f1", 0.94)],
    "real17": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("actuals", "f1", 0.98),
               ("actuals", "p", 0.98), ("themes", "f1", 0.82), ("people", "f1", 0.98),
               ("regions", "f1", 0.98)],
    "real18": [("targets", "f1", 0.64), ("targets", "p", 0.88), ("targets_high", "p", 0.85),
               ("actuals", "f1", 0.87), ("actuals", "p", 0.98), ("themes", "f1", 0.62),
               ("people", "f1", 0.82), ("regions", "f1", 0.98)],
    "real19": [("targets", "f1", 0.82), ("targets", "p", 0.82), ("targets_high", "p", 0.50),
               ("actuals", "f1", 0.62), ("actuals", "p", 0.98), ("themes", "f1", 0.87),
               ("people", "f1", 0.83), ("regions", "f1", 0.98)],
    "real20": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("targets_high", "p", 0.98),
               ("actuals", "f1", 0.79), ("actuals", "p", 0.98), ("themes", "f1", 0.75),
               ("people", "f1", 0.96), ("regions", "f1", 0.97)],
    "real21": [("targets", "f1", 0.85), ("targets", "p", 0.98), ("actuals", "f1", 0.89),
               ("actuals", "p", 0.98), ("themes", "f1", 0.84), ("people", "f1", 0.82),
               ("regions", "f1", 0.97)],
    "real22": [("targets", "f1", 0.90), ("targets", "p", 0.98), ("actuals", "f1", 0.73),
               ("actuals", "p", 0.88), ("themes", "f1", 0.83), ("people", "f1", 0.74),
               ("regions", "f1", 0.93)],
    "real23": [("targets", "f1", 0.88), ("targets", "p", 0.98), ("actuals", "f1", 0.52),
               ("actuals", "p", 0.78), ("themes", "f1", 0.81), ("people", "f1", 0.86),
               ("regions", "f1", 0.91)],
    "real24": [("targets", "f1", 0.85), ("targets", "p", 0.98), ("actuals", "f1", 0.92),
               ("actuals", "p", 0.98), ("themes", "f1", 0.75), ("people", "f1", 0.98),
               ("regions", "f1", 0.97)],
    "real25": [("targets", "p", 0.98), ("actuals", "f1", 0.49), ("actuals", "p", 0.98),
               ("themes", "f1", 0.49), ("people", "f1", 0.98), ("regions", "f1", 0.83)],
    "real26": [("targets", "f1", 0.85), ("targets", "p", 0.98), ("actuals", "f1", 0.82),
               ("actuals", "p", 0.98), ("themes", "f1", 0.79), ("people", "f1", 0.87),
               ("regions", "f1", 0.94)],
    "real27": [("targets", "f1", 0.98), ("targets", "p", 0.98), ("actuals", "f1", 0.91),
               ("actuals", "p", 0.98), ("themes", "f1", 0.86), ("people", "f1", 0.79),
               ("regions", "f1", 0.98)],
    "real28": [("targets", "f1", 0.57), ("targets", "p", 0.62), ("targets_high", "p", 0.87),
               ("actuals", "f1", 0.87), ("actuals", "p", 0.98), ("themes", "f1", 0.66),
               ("people", "f1", 0.92), ("regions", "f1", 0.98)],
    "real29": [("targets", "f1", 0.81), ("targets", "p", 0.87), ("actuals", "f1", 0.92),
               ("actuals", "p", 0.94), ("themes", "f1", 0.85), ("people", "f1", 0.66),
               ("regions", "f1", 0.95)],
    "real30": [("targets", "f1", 0.85), ("targets", "p", 0.98), ("actuals", "f1", 0.80),
               ("actuals", "p", 0.98), ("themes", "f1", 0.84), ("people", "f1", 0.79),
               ("regions", "f1", 0.97)],
    "real31": [("targets", "f1", 0.87), ("targets", "p", 0.98), ("actuals", "f1", 0.62),
               ("actuals", "p", 0.91), ("themes", "f1", 0.72), ("people", "f1", 0.93),
               ("regions", "f1", 0.95)],
    "real32": [("targets", "f1", 0.80), ("targets", "p", 0.94), ("actuals", "f1", 0.72),
               ("actuals", "p", 0.74), ("themes", "f1", 0.74), ("people", "f1", 0.87),
               ("regions", "f1", 0.98)],
    "real33": [("targets", "f1", 0.71), ("targets", "p", 0.87), ("actuals", "f1", 0.68),
               ("actuals", "p", 0.91), ("themes", "f1", 0.73), ("people", "f1", 0.94),
               ("regions", "f1", 0.97)],
    "real34": [("targets", "f1", 0.79), ("targets", "p", 0.98), ("actuals", "f1", 0.79),
               ("actuals", "p", 0.98), ("themes", "f1", 0.87), ("people", "f1", 0.82),
               ("regions", "f1", 0.98)],
    "real35": [("targets", "f1", 0.79), ("targets", "p", 0.98), ("actuals", "f1", 0.74),
               ("actuals", "p", 0.98), ("themes", "f1", 0.88), ("people", "f1", 0.98),
               ("regions", "f1", 0.98)],
    "real36": [("targets", "f1", 0.49), ("targets", "p", 0.49), ("actuals", "f1", 0.83),
               ("actuals", "p", 0.98), ("themes", "f1", 0.59), ("people", "f1", 0.92),
               ("regions", "f1", 0.95)],
}
#: sets whose every printed date the extractor reads
ALL_DATES = ("real2", "real4", "real6", "real7", "real8", "real9", "real14", "real16",
             "real17", "real18", "real19", "real20", "real21", "real23", "real26", "real28",
             "real29", "real30", "real33", "real34")

# (kind, measure, minimum)
THRESHOLDS = [
    ("targets", "f1", 0.98),
    ("targets", "p", 0.98),
    ("targets_high", "p", 0.95),
    ("actuals", "f1", 0.96),
    ("actuals", "p", 0.98),
    ("themes", "f1", 0.88),
    ("themes", "p", 0.90),
    ("regions", "f1", 0.985),
]
MIN_DATES = 16  # of 17 pages that print a full date
# People: full names, the bar.
MIN_PEOPLE_F1 = 0.90


def _score(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    exe = tmp_path_factory.mktemp("bin") / "briefing"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m generator.cli "$@"\n')
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, str(SCORER), str(corpus), str(exe), "--json"],
                         capture_output=True, text=True, timeout=600, env=env, cwd=REPO)
    assert out.returncode == 0, out.stderr
    # (the scorer says first which pages gave no record: "u12.txt: no record")
    return json.loads(next(ln for ln in out.stdout.splitlines() if ln.startswith("{")))


@pytest.fixture(scope="module")
def score(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The scorer's figures for tests/real, with this checkout's extractor."""
    return _score(CORPUS, tmp_path_factory)


@pytest.fixture(scope="module")
def more_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The scorer's figures for each further set, computed when a test first asks."""
    return {}


def _more(name: str, scores: dict[str, dict], factory: pytest.TempPathFactory) -> dict:
    if name not in scores:
        scores[name] = _score(REPO / "tests" / name, factory)
    return scores[name]


def test_the_corpus_is_the_shared_one_unchanged() -> None:
    articles = sorted(p.name for p in (CORPUS / "articles").glob("*.txt"))
    assert len(articles) == 48
    assert all(p.read_text(encoding="utf-8").startswith("url: ")
               for p in (CORPUS / "articles").glob("*.txt"))


@pytest.mark.parametrize(("kind", "measure", "minimum"), THRESHOLDS,
                         ids=[f"{k}-{m}" for k, m, _ in THRESHOLDS])
def test_quality_on_real_articles(score: dict, kind: str, measure: str, minimum: float) -> None:
    assert kind in score, f"the scorer reported no {kind}"
    assert score[kind][measure] >= minimum, (kind, score[kind])


def test_people_on_real_articles(score: dict) -> None:
    assert score["people"]["f1"] >= MIN_PEOPLE_F1, score["people"]


def test_publication_dates_on_real_articles(score: dict) -> None:
    right, dated = score["dates"]
    assert dated == 17
    assert right >= MIN_DATES


@pytest.mark.parametrize(("name", "kind", "measure", "minimum"),
                         [(n, *bar) for n, bars in MORE_SETS.items() for bar in bars],
                         ids=[f"{n}-{k}-{m}" for n, bars in MORE_SETS.items()
                              for k, m, _ in bars])
def test_quality_on_more_real_articles(more_scores: dict, tmp_path_factory: pytest.TempPathFactory,
                                       name: str, kind: str, measure: str,
                                       minimum: float) -> None:
    score = _more(name, more_scores, tmp_path_factory)
    assert score[kind][measure] >= minimum, (name, kind, score[kind])
    if name in ALL_DATES:
        assert score["dates"][0] == score["dates"][1]
