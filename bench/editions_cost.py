"""What do editions and feeds cost? Issue 11's bound: at most 10 % of the build.

    python bench/editions_cost.py [N] [--seed S]

Extracts the synthetic corpus of N articles (default 1,000; extraction cache in a scratch
folder), then in one process times ``pages.render_site`` (every page and data file), and
within the same digest the editions' own work: ``editions()``, the edition pages and index,
and the feeds. It prints seconds, files and bytes for both, and the editions' share. MkDocs
then converts the edition pages like any other page: their share of the site's pages (and
bytes) bounds their share of MkDocs' time, which the script prints too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

import benchlib as bl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(bl.ROOT))
    from generator import pages
    from generator.editions import editions
    from generator.feeds import edition_feeds
    from generator.pipeline import run
    from generator.reference import load_gazetteer, load_taxonomy

    corpus, _ = bl.ensure_corpus(args.n, args.seed, log=lambda m: print(m, file=sys.stderr))
    gaz, tax = load_gazetteer(), load_taxonomy()
    with tempfile.TemporaryDirectory() as cache:
        records = run([corpus], cache_dir=cache, jobs=None).records
    full, part = [], []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        files = pages.render_site(records, gaz, tax, reuse=False, site_url="https://x.org/")
        full.append(time.perf_counter() - t0)
        digest = pages.dg.build(records, gaz, tax)
        site = pages._Site(digest)
        t0 = time.perf_counter()
        issues = editions(digest)
        site.editions_index(issues, "weekly")
        for k, e in enumerate(issues):
            site.edition_page(e, issues[k + 1] if k + 1 < len(issues) else None,
                              issues[k - 1] if k else None)
        edition_feeds(issues, digest, "https://x.org/", lambda p: "https://x.org/" + p)
        part.append(time.perf_counter() - t0)
    ours = {p: c for p, c in files.items() if p.startswith(("editions/", "feeds/"))}
    md = [p for p in files if p.endswith(".md")]
    ours_md = [p for p in ours if p.endswith(".md")]
    size = sum(len(c) for c in files.values())
    ours_size = sum(len(c) for c in ours.values())
    full_s, part_s = statistics.median(full), statistics.median(part)
    print(f"N = {args.n:,} ({len(issues)} weekly editions), {os.cpu_count()} cores, "
          f"median of {max(1, args.repeat)}")
    print(bl.table(["", "seconds", "files", "pages", "MB"], [
        ("render_site (everything)", bl.fmt(full_s, 2), f"{len(files):,}", f"{len(md):,}",
         bl.fmt(size / 1e6, 1)),
        ("editions + their pages + feeds", bl.fmt(part_s, 2), f"{len(ours):,}",
         f"{len(ours_md):,}", bl.fmt(ours_size / 1e6, 1)),
        ("share", f"{part_s / full_s * 100:.1f} %", "", f"{len(ours_md) / len(md) * 100:.1f} %",
         f"{ours_size / size * 100:.1f} %"),
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
