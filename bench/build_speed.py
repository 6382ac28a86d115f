"""How long does `mkdocs build` take for N articles, where does the time go, how big is the site?

    python bench/build_speed.py N [N ...] [--seed S] [--warm] [--plain] [--repeat K] [--jobs J]
                                [--keep] [--json]

For each N: makes (or reuses) the synthetic corpus ``bench/out/corpus-N-sS/``, copies the
project's site config (mkdocs.yml, docs/ and any other top-level folder mkdocs.yml names)
into a scratch project under ``bench/out/`` with the corpus as its only input, and runs
``mkdocs build`` there in a child process.  Reported per build:

* total wall seconds of the child (Python start-up and imports included);
* seconds in the generator: the child wraps every ``on_*`` hook of the briefing plugin
  class, ``generator.pipeline.run`` and ``generator.pages.render_site`` with timers before
  handing over to MkDocs' own command line, so the split is measured inside the real
  build rather than estimated from a second run; MkDocs' share is the rest, and includes
  the time a hook waits for the pages the plugin's forked child builds for MkDocs
  (``MeetingSplit.result``);
* peak RSS of the child; the size of ``site/search/search_index.json`` and of ``site/``;
  the number of HTML pages and of warnings.

With ``--plain`` the same run also builds a *plain* MkDocs + Material site (search plugin
only, a one-entry nav) with as many pages as the briefing site has HTML pages, each of the
corpus' average article length, made of the corpus' own text; it is built the same way (a
child process, wall time and peak RSS) and the ratio briefing / plain is printed: what the
generator costs over what MkDocs itself needs for that many pages.

Every build also reports the page-size distribution per page kind (``page_sizes.py``).
``--repeat K`` runs the whole sequence (briefing builds, then the plain one) K times and
prints, per kind of build, the median of the K ratios: on a shared machine one run's ratio
moves by a third with the hour.

Without ``--warm`` the extraction cache is disabled (``BRIEFING_CACHE=false``), so every
build does all the work.  With ``--warm`` the cache is allowed: a cold build (empty cache),
then one article is edited and the site rebuilt; both are reported.  ``--jobs J`` sets the
plugin's ``jobs`` option when the plugin has one.  ``--keep`` keeps the scratch projects.
Any timing lines the plugin prints itself (it is run with ``BRIEFING_TIMINGS=1``) are kept
in the JSON output (``--json``).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import benchlib as bl
import page_sizes

SITE_URL = "http://127.0.0.1:8000/"
# Top-level folders never copied into the scratch project (inputs, outputs, tooling).
NOT_COPIED = {"seeds", "site", "bench", "tests", "scripts", "build", "dist", "venv"}

# --- child: mkdocs build with the generator's share timed ------------------------------------


def child(config: str, site_dir: str, result_file: str) -> None:
    """`mkdocs build` in this process, with timers around the generator's entry points."""
    t0 = time.perf_counter()
    timers: dict[str, float] = {}

    def timed(label: str, fn):
        @functools.wraps(fn)  # keeps mkdocs_priority and friends
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timers[label] = timers.get(label, 0.0) + time.perf_counter() - start
        return wrapper

    from mkdocs.plugins import CombinedEvent

    from generator import pages, pipeline, plugin

    counts: dict[str, int | None] = {}

    def counting(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            corpus = fn(*args, **kwargs)
            for attr in ("files_read", "extracted", "cached"):  # the last two: cache era
                counts[attr] = (counts.get(attr) or 0) + getattr(corpus, attr, 0) \
                    if hasattr(corpus, attr) else None
            return corpus
        return wrapper

    for module, name, label in ((pipeline, "run", "run()"),
                                (pages, "render_site", "render_site()")):
        original = getattr(module, name)
        wrapped = timed(label, counting(original) if name == "run" else original)
        setattr(module, name, wrapped)
        if getattr(plugin, name, None) is original:  # imported by name into the plugin
            setattr(plugin, name, wrapped)
    hooks = [n for n, v in vars(plugin.BriefingPlugin).items()
             if n.startswith("on_") and (callable(v) or isinstance(v, CombinedEvent))]
    for name in hooks:
        hook = getattr(plugin.BriefingPlugin, name)
        if isinstance(hook, CombinedEvent):  # several handlers of one event, each timed
            hook = CombinedEvent(*(timed(f"hook {name}", m) for m in hook.methods))
        else:
            hook = timed(f"hook {name}", hook)
        setattr(plugin.BriefingPlugin, name, hook)

    # MkDocs' own work that a hook waits for: the pages the plugin's forked child builds
    # (generator.forked.MeetingSplit) count as MkDocs' time, not the generator's
    split = getattr(getattr(plugin, "forked", None), "MeetingSplit", None)
    if split is not None:
        split.result = timed("child pages", split.result)

    from mkdocs.__main__ import cli

    t1 = time.perf_counter()
    code = 0
    try:
        cli.main(args=["build", "-f", config, "-d", site_dir], prog_name="mkdocs",
                 standalone_mode=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    t2 = time.perf_counter()
    result = {"code": code, "import_s": t1 - t0, "build_s": t2 - t1, "timers": timers,
              "hooks": hooks, "counts": counts}
    Path(result_file).write_text(json.dumps(result), "utf-8")
    sys.exit(code)


# --- parent ----------------------------------------------------------------------------------


class NotReady(Exception):
    """The site machinery this benchmark drives is not (yet) there."""


def plugin_status() -> tuple[set[str], list[str]]:
    """The plugin's config option names; raise NotReady with a reason if it is not usable."""
    yml = bl.ROOT / "mkdocs.yml"
    if not yml.exists():
        raise NotReady("there is no mkdocs.yml in the repository yet")
    if not re.search(r"^\s*-\s*briefing\b", yml.read_text("utf-8"), re.MULTILINE):
        raise NotReady("mkdocs.yml does not list the `briefing` plugin yet")
    try:
        from generator import plugin
    except Exception as exc:  # noqa: BLE001 - any import failure means "not ready"
        raise NotReady(f"generator.plugin cannot be imported: {exc!r}") from None
    from importlib.metadata import entry_points

    if not any(ep.name == "briefing" for ep in entry_points(group="mkdocs.plugins")):
        raise NotReady("the `briefing` MkDocs plugin entry point is not installed "
                       "(pip install -e .)")
    options = set(dict(getattr(plugin.BriefingConfig, "_schema", ())))
    return options, [n for n in dir(plugin.BriefingPlugin) if n.startswith("on_")]


def rewrite_config(text: str, extra: dict[str, str]) -> str:
    """mkdocs.yml with the briefing plugin's `inputs` set to ``[corpus]`` (plus *extra*
    options), edited as text: the file uses tags (``!ENV``) that plain YAML cannot load."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines)
                  if re.match(r"^\s*-\s*briefing\s*:?\s*$", line)), None)
    if start is None:
        raise NotReady("cannot find `- briefing:` under plugins in mkdocs.yml")
    dash = lines[start].index("-")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].lstrip().startswith("#")
                                or len(lines[end]) - len(lines[end].lstrip()) > dash):
        end += 1
    block = lines[start + 1:end]
    indent = next((len(ln) - len(ln.lstrip()) for ln in block
                   if ln.strip() and not ln.lstrip().startswith("#")), dash + 4)
    options = {"inputs": "[corpus]", **extra}
    kept: list[str] = []
    skipping = False
    for ln in block:
        depth = len(ln) - len(ln.lstrip())
        key = re.match(r"^\s*([A-Za-z_]\w*)\s*:", ln)
        if key and depth == indent:
            skipping = key.group(1) in options
            if skipping:
                continue
        elif skipping and (not ln.strip() or depth > indent or ln.lstrip().startswith("- ")):
            continue  # the block-list items of a replaced option
        else:
            skipping = False
        kept.append(ln)
    new = [" " * indent + f"{k}: {v}" for k, v in options.items()]
    head = lines[start].rstrip()
    if not head.endswith(":"):
        head += ":"
    return "\n".join(lines[:start] + [head] + new + kept + lines[end:]) + "\n"


def make_project(corpus: Path, parent: Path, extra: dict[str, str]) -> Path:
    """A scratch copy of the site config whose only input is a copy of *corpus*."""
    project = Path(tempfile.mkdtemp(prefix=f"build-{corpus.name}-", dir=parent))
    text = (bl.ROOT / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(rewrite_config(text, extra), "utf-8")
    for child_path in sorted(bl.ROOT.iterdir()):
        name = child_path.name
        if (child_path.is_dir() and not name.startswith(".") and name not in NOT_COPIED
                and re.search(rf"(?<![\w./-]){re.escape(name)}(?![\w-])", text)):
            shutil.copytree(child_path, project / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
    # Copied, not linked: --warm edits an article, and the cached corpus must stay as it is.
    shutil.copytree(corpus, project / "corpus")
    # Paths under `watch:` must exist or MkDocs refuses the config.
    watch = re.search(r"^watch:\s*\n((?:[ \t]+-.*\n?|\s*#.*\n?)+)", text, re.MULTILINE)
    if watch:
        for item in re.findall(r"-\s*([^\s#]+)", watch.group(1)):
            (project / item).mkdir(parents=True, exist_ok=True)
    return project


def dir_size(path: Path) -> tuple[int, int]:
    """(bytes, HTML files) under *path*."""
    total = pages = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
            pages += f.endswith(".html")
    return total, pages


def build(project: Path, label: str, cache: bool) -> dict:
    site = project / "site"
    if site.exists():
        shutil.rmtree(site)
    result_file = project / ".bench-result.json"
    env = bl.child_env(BRIEFING_SITE_URL=SITE_URL, BRIEFING_TIMINGS="1",
                       XDG_CACHE_HOME=str(project / ".xdg-cache"))
    if not cache:
        env["BRIEFING_CACHE"] = "false"
    cmd = [sys.executable, __file__, "_child", str(project / "mkdocs.yml"), str(site),
           str(result_file)]
    m = bl.run_measured(cmd, cwd=project, env=env)
    if m.returncode != 0 or not result_file.exists():
        raise NotReady(f"`mkdocs build` failed (exit {m.returncode}) in {bl.rel(project)}:\n"
                       f"{bl.tail(m.stderr)}")
    res = json.loads(result_file.read_text("utf-8"))
    result_file.unlink()
    timers = res["timers"]
    generator_s = (sum(v for k, v in timers.items() if k.startswith("hook "))
                   - timers.get("child pages", 0.0))
    size, html = dir_size(site)
    kinds = page_sizes.summary(site)
    index = site / "search" / "search_index.json"
    warnings = [ln for ln in m.stderr.splitlines() if ln.startswith("WARNING")]
    return {
        "build": label,
        "total_s": m.seconds,
        "generator_s": generator_s,
        "run_s": timers.get("run()"),
        "render_s": timers.get("render_site()"),
        "mkdocs_s": m.seconds - generator_s,
        "imports_s": res["import_s"],
        "hooks_s": {k[5:]: v for k, v in timers.items() if k.startswith("hook ")},
        "rss_mb": m.rss_mb,
        "tree_pss_mb": m.tree_pss_mb,
        "articles_read": res["counts"].get("files_read"),
        "extracted": res["counts"].get("extracted"),
        "from_cache": res["counts"].get("cached"),
        "site_mb": size / 1e6,
        "search_index_mb": index.stat().st_size / 1e6 if index.exists() else None,
        # what a reader's browser downloads from a server that compresses (GitHub Pages does)
        "search_index_gzip_mb": (len(gzip.compress(index.read_bytes(), 6)) / 1e6
                                 if index.exists() else None),
        "html_pages": html,
        "article_pages": sum(1 for _ in (site / "articles").glob("*/index.html"))
        if (site / "articles").is_dir() else None,
        "warnings": len(warnings),
        "page_kinds": kinds,
        "first_warnings": warnings[:3],
        "plugin_timings": [ln for ln in m.stderr.splitlines() if "timing" in ln.lower()][:20],
    }


PLAIN_YML = """site_name: Plain MkDocs site (benchmark)
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
  features:
    - navigation.instant
plugins:
  - search
nav:
  - Home: index.md
validation:
  omitted_files: ignore
"""


def _corpus_paragraphs(corpus: Path) -> list[str]:
    """The corpus' text as paragraphs (every article, in file order), markup-free."""
    paras: list[str] = []
    for path in sorted(corpus.iterdir()):
        if path.name.startswith("."):
            continue
        text = path.read_bytes().decode("utf-8", "replace").replace("\r", "")
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            if len(block) > 40 and not block.startswith(("---", "#")):
                paras.append(re.sub(r"[*_`<>\[\]#|]", " ", block))
    return paras


def make_plain_project(corpus: Path, parent: Path, pages: int, chars: int) -> Path:
    """A plain MkDocs + Material project of *pages* pages of about *chars* characters each,
    cut from the corpus text (deterministic)."""
    project = Path(tempfile.mkdtemp(prefix="plain-", dir=parent))
    docs = project / "docs"
    (docs / "p").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(PLAIN_YML, "utf-8")
    paras = _corpus_paragraphs(corpus) or ["lorem ipsum " * 20]
    k = 0
    for i in range(pages):
        body, size = [], 0
        while size < chars:
            para = paras[k % len(paras)]
            k += 1
            body.append(para)
            size += len(para) + 2
        name = docs / ("index.md" if i == 0 else f"p/{i:05d}.md")
        name.write_text(f"# Page {i}\n\n" + "\n\n".join(body) + "\n", "utf-8")
    return project


def build_plain(project: Path) -> dict:
    site = project / "site"
    m = bl.run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                         str(project / "mkdocs.yml"), "-d", str(site)],
                        cwd=project, env=bl.child_env())
    if m.returncode != 0:
        raise NotReady(f"the plain MkDocs build failed (exit {m.returncode}):\n"
                       f"{bl.tail(m.stderr)}")
    size, html = dir_size(site)
    index = site / "search" / "search_index.json"
    return {"total_s": m.seconds, "rss_mb": m.rss_mb, "html_pages": html,
            "site_mb": size / 1e6,
            "search_index_mb": index.stat().st_size / 1e6 if index.exists() else None}


def add_plain(row: dict, corpus: Path, keep: bool) -> dict:
    """Build the plain site matching *row*'s page count; add it and the ratios to the row."""
    chars = round(bl.corpus_bytes(corpus) / max(1, row["n"]))
    log(f"N={row['n']}: plain MkDocs + Material, {row['html_pages']:,} pages of "
        f"~{chars:,} characters ...")
    project = make_plain_project(corpus, bl.OUT, row["html_pages"], chars)
    try:
        plain = build_plain(project)
    finally:
        if not keep:
            shutil.rmtree(project, ignore_errors=True)
    plain["chars_per_page"] = chars
    return {**row, "plain": plain, "ratio_time": row["total_s"] / plain["total_s"],
            "ratio_rss": row["rss_mb"] / plain["rss_mb"]}


def touch_one_article(project: Path) -> str:
    """Edit one UTF-8 article's body (as an editor would) so its content hash changes."""
    for path in sorted((project / "corpus").glob("*.txt")):
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if " will " in text:
            path.write_text(text.replace(" will ", " will also ", 1), "utf-8")
            return path.name
    raise NotReady("no article to edit for the warm rebuild")


def bench_one(n: int, args: argparse.Namespace, options: set[str]) -> list[dict]:
    corpus, reused = bl.ensure_corpus(n, args.seed, log)
    extra: dict[str, str] = {}
    if args.jobs is not None:
        if "jobs" in options:
            extra["jobs"] = str(args.jobs)
        else:
            log("the briefing plugin has no `jobs` option yet: building serially")
    bl.OUT.mkdir(parents=True, exist_ok=True)
    project = make_project(corpus, bl.OUT, extra)
    common = {"n": n, "corpus_mb": bl.corpus_bytes(corpus) / 1e6, "corpus_reused": reused,
              "jobs": extra.get("jobs"), "project": bl.rel(project)}
    try:
        if not args.warm:
            log(f"N={n}: mkdocs build (cache off) ...")
            row = {**common, **build(project, "full", cache=False)}
            return [add_plain(row, corpus, args.keep) if args.plain else row]
        log(f"N={n}: mkdocs build, cache allowed, cold ...")
        cold = {**common, **build(project, "cold", cache=True)}
        edited = touch_one_article(project)
        log(f"N={n}: edited {edited}; rebuilding ...")
        warm = {**common, **build(project, "1 edited", cache=True), "edited": edited}
        if args.plain:
            cold = add_plain(cold, corpus, args.keep)
            warm = {**warm, "plain": cold["plain"],
                    "ratio_time": warm["total_s"] / cold["plain"]["total_s"],
                    "ratio_rss": warm["rss_mb"] / cold["plain"]["rss_mb"]}
        return [cold, warm]
    finally:
        if not args.keep:
            shutil.rmtree(project, ignore_errors=True)


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def ratio_summary(rows: list[dict]) -> list[str]:
    """Per N and kind of build run more than once (``--repeat``): the median ratio to its
    own plain build, and the range."""
    groups: dict[tuple[int, str], list[float]] = {}
    for r in rows:
        if r.get("ratio_time") is not None:
            groups.setdefault((r["n"], r["build"]), []).append(r["ratio_time"])
    return [f"N={n} {build}: briefing / plain over {len(v)} interleaved runs: median "
            f"{statistics.median(v):.2f}x (range {min(v):.2f}-{max(v):.2f}x)"
            for (n, build), v in groups.items() if len(v) > 1]


def report(rows: list[dict], meta: dict) -> str:
    head = (f"Site build (mkdocs {meta['mkdocs']}, {meta['cpu_count']} cores, "
            f"Python {meta['python']}); "
            + ("extraction cache allowed (--warm)" if meta["warm"]
               else "extraction cache off (BRIEFING_CACHE=false)"))
    table_rows = []
    for r in rows:
        split = ""
        if r["run_s"] is not None and r["render_s"] is not None:
            split = f"{r['run_s']:.1f} / {r['render_s']:.1f}"
        table_rows.append([
            f"{r['n']:,}", r["build"], bl.fmt(r["total_s"]), bl.fmt(r["generator_s"]), split,
            bl.fmt(r["mkdocs_s"]), bl.fmt(r["rss_mb"], 0), bl.fmt(r.get("tree_pss_mb"), 0),
            f"{r['html_pages']:,}",
            bl.fmt(r["search_index_mb"]), bl.fmt(r.get("search_index_gzip_mb")),
            bl.fmt(r["site_mb"]), r["warnings"],
        ])
    lines = [head, "", bl.table(
        ["N", "build", "total s", "generator s", "run / render s", "mkdocs s", "peak RSS MB",
         "peak tree PSS MB", "pages", "search index MB", "gzip MB", "site MB", "warnings"],
        table_rows), ""]
    lines.append("generator s = time inside the briefing plugin's hooks (run() = extraction, "
                 "render = page generation); mkdocs s = the rest, start-up included. "
                 "peak RSS = the build process alone; peak tree PSS = the build process and "
                 "its workers together, shared pages counted once (sampled every 0.25 s).")
    for r in rows:
        if r.get("plain"):
            p = r["plain"]
            lines.append(
                f"N={r['n']} {r['build']}: plain MkDocs + Material, {p['html_pages']:,} pages of "
                f"~{p['chars_per_page']:,} characters: {p['total_s']:.1f} s, "
                f"{p['rss_mb']:.0f} MB peak, search index {p['search_index_mb']:.1f} MB -> "
                f"briefing / plain = {r['ratio_time']:.2f}x time, {r['ratio_rss']:.2f}x memory")
        if r.get("page_kinds"):
            lines.append(f"N={r['n']} {r['build']}: page sizes (HTML KB) per kind: " + "; ".join(
                f"{k['kind']} {k['pages']} pages, median {k['median_kb']:.1f}, "
                f"max {k['max_kb']:.1f}" for k in r["page_kinds"]))
        if r["article_pages"] is not None and r["article_pages"] < r["n"] * 0.9:
            lines.append(f"N={r['n']}: only {r['article_pages']} article pages were built: "
                         "did the plugin read the corpus?")
        for w in r["first_warnings"]:
            lines.append(f"N={r['n']} {r['build']}: {w}")
        if meta["warm"]:
            how = ("run() reports no cache counts: the cache is not there yet"
                   if r["from_cache"] is None
                   else f"{r['extracted']} extracted, {r['from_cache']} from the cache")
            what = f"after editing corpus/{r['edited']}" if r.get("edited") else "empty cache"
            lines.append(f"N={r['n']} {r['build']} ({what}): {how}")
    lines += ratio_summary(rows)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="+", help="corpus sizes to build")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--warm", action="store_true",
                    help="cache allowed: cold build, edit one article, rebuild")
    ap.add_argument("--plain", action="store_true",
                    help="also build a plain MkDocs + Material site of as many pages, print "
                    "the ratio")
    ap.add_argument("--jobs", type=int, default=None,
                    help="the plugin's `jobs` option, if it has one")
    ap.add_argument("--repeat", type=int, default=1, metavar="K",
                    help="run everything K times, interleaved, and print the median ratio "
                    "(this machine's timings move 20-40 %% within an hour)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch projects")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if min(args.n) < 1:
        ap.error("N must be >= 1")
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")
    import mkdocs

    try:
        options, _hooks = plugin_status()
        rows = [row for n in args.n for _ in range(args.repeat)
                for row in bench_one(n, args, options)]
    except NotReady as exc:
        print(f"build_speed: the site build is not ready: {exc}", file=sys.stderr)
        return 2
    meta = {"mkdocs": mkdocs.__version__, "cpu_count": os.cpu_count(),
            "python": sys.version.split()[0], "warm": args.warm, "seed": args.seed}
    if args.json:
        print(json.dumps({**meta, "builds": rows}, indent=2))
    else:
        print(report(rows, meta))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(*sys.argv[2:5])
    sys.exit(main())
