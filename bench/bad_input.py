"""What do bad files cost? The same corpus with and without one file of each bad kind.

    python bench/bad_input.py [N] [--seed S] [--jobs J] [--repeat R]

Makes (or reuses) the synthetic corpus of N good articles (default 1,000;
bench/make_corpus.py), copies it twice into a temporary folder and adds to the second copy
one file of each kind issue 9 lists: impossible dates in front matter and in an override,
an alias bomb in front matter and in an override, wrong types and NaN in overrides, a
citation of a missing sentence, a 5 MB single line, 3,000 sentences, a FIFO, a dangling
symlink, a file cut inside a UTF-8 character, two articles whose ids a title tries to
forge, a spreadsheet formula, template markup and a binary file. Each copy is extracted by
``briefing extract --no-cache`` in a child process of its own (median of R runs, the two
corpora alternating); the script
prints wall time, peak memory and the problem lines of the bad copy. Issue 9's bound: the
bad files may cost at most 10 % more.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import benchlib as bl
import make_corpus

GOOD = """\
Guangdong will build ten new industrial clusters this year, the provincial government said
on Monday. Shenzhen set a GDP growth target of around 5.5 percent for 2025.
"""


def _bomb() -> str:
    out = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    out += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(out) + "\n"


def add_bad_files(folder: Path) -> list[str]:
    """One file of each bad kind in *folder*; returns their names."""
    def md(name: str, front: str, body: str = GOOD) -> None:
        (folder / name).write_text(f"---\n{front}\n---\n{body}", "utf-8")

    def txt(name: str, body: str | None = None, override: str | None = None) -> None:
        # each its own text: identical articles would be reported as duplicates instead
        body = body if body is not None else GOOD.replace("ten", f"ten {name[:-4]}")
        (folder / name).write_text(body, "utf-8")
        if override is not None:
            (folder / name).with_suffix(".override.yaml").write_text(override, "utf-8")

    md("bad-date.md", "date: 2025-02-30")
    md("bad-quoted-date.md", "date: '2025-13-45'")
    md("bad-bomb.md", _bomb() + "title: *a8")
    md("bad-title-list.md", "title: [a, b]")
    txt("bad-ov-date.txt", override="date: 2025-13-45\n")
    txt("bad-ov-bomb.txt", override=_bomb() + "regions: {add: *a8}\n")
    txt("bad-ov-types.txt", override="regions: {add: [{id: shanghai, sentences: [abc]}]}\n")
    txt("bad-ov-int.txt", override="regions: {add: [{id: shanghai, sentences: 5}]}\n")
    txt("bad-ov-nan.txt", override="figures: {add: [{value: .nan, text: x, sentence: 1}]}\n")
    txt("bad-ov-cite.txt", override="figures: {add: [{value: 5, text: x, sentence: 99999}]}\n")
    txt("bad-ov-csv.txt", override="figures: {add: [{value: 5, text: \"=cmd|' /C calc'!A0\","
        " sentence: 1}]}\n")
    txt("bad-ov-atlantis.txt", override="themes: {add: [{id: robotics, regions: [atlantis]}]}\n")
    txt("bad-huge-line.txt", ("Guangdong GDP grew 5.2 percent to 1.3 trillion yuan in 2024, and "
                              "Shenzhen will invest 20 billion yuan. ") * 50_000)
    txt("bad-many-sentences.txt", "\n\n".join(
        f"Guangdong will build cluster number {i} this year." for i in range(3000)))
    txt("bad-template.txt", GOOD.replace("ten", "ten {{ x }}") + "\n{% raw %}\n")
    (folder / "bad-cut-utf8.txt").write_bytes(
        (GOOD + "广东省政府表示，今年将建设十个新的产业集群。").encode("utf-8")[:-2])
    (folder / "bad-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "..bad-dots.txt").write_text(GOOD.replace("Guangdong", "Hubei"), "utf-8")
    forged = hashlib.sha1(f"{folder.name}/bad-same-b.md".encode()).hexdigest()[:6]
    for name, title in (("bad-same-a.md", "Same"), ("bad-same-b.md", "Same"),
                        ("bad-same-c.md", f"Same {forged}")):
        md(name, f"title: {title}\ndate: 2025-01-20", GOOD.replace("ten", name[-4]))
    (folder / "bad-dangling.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "bad-fifo.txt")
    return sorted(p.name for p in folder.iterdir() if "bad-" in p.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="good articles (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per corpus, alternating; the median counts (default 3)")
    args = ap.parse_args(argv)

    corpus, reused = bl.ensure_corpus(args.n, args.seed, log=lambda m: print(m, file=sys.stderr))
    jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    runs: dict[str, list[bl.Measured]] = {"clean": [], "with bad files": []}
    added: list[str] = []
    problems = ""
    with tempfile.TemporaryDirectory(prefix="briefing-bad-") as tmp:
        folders = {}
        for label in runs:
            folder = Path(tmp) / ("clean" if label == "clean" else "bad") / "seeds"
            folder.parent.mkdir()
            shutil.copytree(corpus, folder, ignore=shutil.ignore_patterns(make_corpus.MARKER))
            if label != "clean":
                added = add_bad_files(folder)
            folders[label] = folder
        # alternate the two corpora (clean, bad, bad, clean, ...) so that a machine that
        # gets busier or quieter during the run does not favour one of them
        for r in range(max(1, args.repeat)):
            for label in (list(runs) if r % 2 == 0 else list(runs)[::-1]):
                folder = folders[label]
                out = Path(tmp) / f"records-{r}-{len(runs[label])}"
                m = bl.run_measured([*bl.briefing_cli(), "extract", "seeds", "--out", str(out),
                                     "--no-cache", *jobs], cwd=folder.parent,
                                    env=bl.child_env())
                shutil.rmtree(out, ignore_errors=True)
                if m.returncode != 0:
                    print(f"{label}: briefing extract failed ({m.returncode})\n{bl.tail(m.stderr)}",
                          file=sys.stderr)
                    return 1
                runs[label].append(m)
                if label != "clean":
                    problems = "\n".join(line for line in m.stderr.splitlines()
                                         if "bad-" in line and ": " in line)

    def median(ms: list[bl.Measured], attr: str) -> float:
        return statistics.median(getattr(m, attr) for m in ms)

    clean_s, bad_s = median(runs["clean"], "seconds"), median(runs["with bad files"], "seconds")
    clean_mb, bad_mb = median(runs["clean"], "rss_mb"), median(runs["with bad files"], "rss_mb")
    rows = [
        ("clean", args.n, bl.fmt(clean_s, 2), bl.fmt(clean_mb), "", ""),
        ("with bad files", f"{args.n} + {len(added)}", bl.fmt(bad_s, 2), bl.fmt(bad_mb),
         f"{(bad_s / clean_s - 1) * 100:+.1f} %", f"{(bad_mb / clean_mb - 1) * 100:+.1f} %"),
    ]
    print(f"corpus: {bl.rel(corpus)} ({'reused' if reused else 'made'}), "
          f"briefing extract --no-cache{' ' + ' '.join(jobs) if jobs else ''}")
    print(f"median of {max(1, args.repeat)} alternating runs each, {os.cpu_count()} cores")
    print(bl.table(["corpus", "articles", "wall s", "peak MB", "time vs clean",
                    "memory vs clean"], rows))
    print("\nproblem lines of the bad files:")
    print(problems)
    return 0


if __name__ == "__main__":
    sys.exit(main())
