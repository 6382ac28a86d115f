"""The generator's part of a warm rebuild, as `mkdocs serve` does it after one article changed.

```sh
python bench/warm_rebuild.py N [N ...] [--seed S] [--jobs J] [--json]
```

For each N, in a child process of its own (so memory is the work's own): copy the synthetic
corpus to a scratch folder, then run what the `briefing` plugin runs on every build,
``pipeline.run`` (with the extraction cache) and ``pages.render_site``, three times in that
one process, as `mkdocs serve` keeps one process across rebuilds:

1. cold: empty extraction cache, nothing to reuse;
2. warm, nothing changed (a rebuild triggered by a hand-written page, say);
3. warm, one article edited (a word added to its body).

It prints seconds for extraction (`run`) and page generation (`render`) in each, how many
articles were extracted vs taken from the cache, and the child's peak memory. MkDocs' own
work (Markdown, theme, search index) is not included: `build_speed.py` measures that.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import benchlib


def child(corpus: str, jobs: int, result_file: str) -> None:
    sys.path.insert(0, str(benchlib.ROOT))
    from generator import pages
    from generator.pipeline import run
    from generator.reference import load_gazetteer, load_taxonomy

    gaz, tax = load_gazetteer(), load_taxonomy()
    work = Path(tempfile.mkdtemp(prefix="warm-"))
    try:
        seeds = work / "seeds"
        shutil.copytree(corpus, seeds)
        cache = work / "cache"
        rows = []

        def build(label: str) -> None:
            t0 = time.perf_counter()
            corpus_ = run([str(seeds)], gazetteer=gaz, taxonomy=tax, cache_dir=cache, jobs=jobs)
            t1 = time.perf_counter()
            out = pages.render_site(corpus_.records, gaz, tax)
            t2 = time.perf_counter()
            rows.append({"build": label, "run_s": t1 - t0, "render_s": t2 - t1,
                         "total_s": t2 - t0, "extracted": corpus_.extracted,
                         "cached": corpus_.cached, "files": len(out)})

        build("cold")
        build("warm, no change")
        victim = sorted(p for p in seeds.iterdir() if p.suffix in (".txt", ".md"))[0]
        text = victim.read_text("utf-8", errors="replace")
        victim.write_text(text.rstrip("\n") + " The city also vowed to expand its ports.\n",
                          "utf-8")
        build("warm, one article edited")
        Path(result_file).write_text(json.dumps(rows), "utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=0, help="0: one worker per core (the plugin's)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2])
        return 0
    results = []
    for n in args.sizes:
        corpus, _ = benchlib.ensure_corpus(n, args.seed, log=lambda m: print(m, flush=True))
        print(f"N={n}: cold + two warm builds in one process ...", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "result.json")
            jobs = args.jobs or (os.cpu_count() or 1)
            res = benchlib.run_measured(
                [sys.executable, __file__, "0", "--child", str(corpus), str(jobs), out],
                cwd=benchlib.ROOT)
            if res.returncode != 0:
                print(benchlib.tail(res.stderr or res.stdout))
                return 2
            rows = json.loads(Path(out).read_text("utf-8"))
        for row in rows:
            row.update(n=n, peak_rss_mb=res.rss_mb)
        results.extend(rows)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"\nGenerator part of a rebuild ({os.cpu_count()} cores, Python "
          f"{sys.version.split()[0]}); extraction + page generation, MkDocs not included\n")
    print(benchlib.table(
        ["N", "build", "run s", "render s", "total s", "extracted / cached", "peak RSS MB"],
        [[f"{r['n']:,}", r["build"], benchlib.fmt(r["run_s"], 2), benchlib.fmt(r["render_s"], 2),
          benchlib.fmt(r["total_s"], 2), f"{r['extracted']} / {r['cached']}",
          benchlib.fmt(r["peak_rss_mb"], 0)] for r in results]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
