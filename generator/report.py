"""The one-screen summary printed after ``briefing extract`` / ``build``."""

from __future__ import annotations

from collections import Counter

from .pipeline import Corpus


def summary(corpus: Corpus, seconds: dict[str, float] | None = None) -> str:
    """Articles read and skipped (with reasons), what was found, seconds per stage."""
    kinds = Counter(p.kind for p in corpus.problems)
    reasons = Counter(
        p.message.split(" (")[0] if p.kind == "skipped" else p.kind for p in corpus.problems
    )
    regions = {r["id"] for rec in corpus.records for r in rec["regions"]}
    themes = {t["id"] for rec in corpus.records for t in rec["themes"]}
    figures = sum(len(rec["figures"]) for rec in corpus.records)
    commitments = sum(len(rec["commitments"]) for rec in corpus.records)
    lines = [
        f"articles: {len(corpus.records)} built, {corpus.files_read} read "
        f"({corpus.extracted} extracted, {corpus.cached} from cache), "
        f"{kinds.get('skipped', 0)} skipped, {kinds.get('duplicate', 0)} duplicates",
    ]
    for reason, n in sorted(reasons.items()):
        lines.append(f"  {n} × {reason}")
    lines.append(
        f"found: {len(regions)} regions, {len(themes)} themes, {figures} figures, "
        f"{commitments} commitments"
    )
    stages = {**corpus.seconds, **(seconds or {})}
    if stages:
        lines.append("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    return "\n".join(lines)
