"""Page-size distribution of a built site, per page kind (what issue 10's aims are about).

    python bench/page_sizes.py SITE_DIR [--json]

Kinds are told apart by URL: article, region, region commitments (regions/<id>/commitments*/),
listing (paginated article lists), theme, review (the Needs review pages), and every other
page by its own name (home, figures, ...). Sizes are of the built HTML files, in KB (1,000 bytes).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path


def kind_of(rel: str) -> str:
    """The page kind of a built page at *rel* (a path under the site folder)."""
    parts = rel.split("/")[:-1]  # drop index.html
    if not parts:
        return "home"
    if parts[0] == "review":
        return "review"
    if parts[0] == "editions":
        return "editions index" if len(parts) == 1 else "edition"
    if parts[0] == "articles":
        return "articles index" if len(parts) == 1 else (
            "listing" if parts[1].startswith("all") else "article")
    if parts[0] in ("regions", "themes"):
        noun = parts[0][:-1]
        if len(parts) == 1:
            return f"{parts[0]} index"
        if len(parts) == 2:
            return noun
        if parts[2].startswith("articles"):
            return "listing"
        return "region commitments" if noun == "region" else f"{noun} sub-page"
    return "/".join(parts)


def sizes(site: Path) -> dict[str, list[int]]:
    """Page kind -> sizes in bytes of its HTML pages (the 404 page left out)."""
    out: dict[str, list[int]] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        out.setdefault(kind_of(rel), []).append(path.stat().st_size)
    return out


def summary(site: Path) -> list[dict]:
    rows = []
    for kind, values in sorted(sizes(site).items(), key=lambda kv: -max(kv[1])):
        rows.append({"kind": kind, "pages": len(values),
                     "median_kb": statistics.median(values) / 1e3,
                     "max_kb": max(values) / 1e3})
    return rows


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    rows = summary(site)
    if "--json" in argv:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'kind':<18} {'pages':>6} {'median KB':>10} {'max KB':>9}")
    for r in rows:
        print(f"{r['kind']:<18} {r['pages']:>6} {r['median_kb']:>10.1f} {r['max_kb']:>9.1f}")
    index = site / "search" / "search_index.json"
    if index.exists():
        print(f"search index: {index.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
