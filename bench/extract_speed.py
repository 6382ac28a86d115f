"""How fast does extraction run, and how much memory does it take?

    python bench/extract_speed.py N [--seed S] [--jobs J] [--repeat R] [--warm] [--no-cli]
                                    [--keep] [--json]

Makes (or reuses) the synthetic corpus ``bench/out/corpus-N-sS/`` (bench/make_corpus.py)
and measures, each in a child process of its own:

* ``run()`` in-process: ``generator.pipeline.run`` on the corpus, timed around the call
  (imports and reference-data loading are timed separately), plus the child's peak RSS,
  so the memory figure is the extraction's own;
* ``briefing extract CORPUS --out DIR``: the CLI end to end, YAML writing included.

Options that depend on features still to come degrade gracefully: ``--jobs J`` is passed
as ``run(..., jobs=J)`` / ``briefing extract --jobs J`` only where that option exists
(the output says when it does not).  The on-disk extract cache is kept out of the way
(``BRIEFING_CACHE=false``, and children run in a fresh temporary folder) so that the
numbers are extraction's; ``--warm`` instead runs ``run()`` twice with the cache allowed
and reports both (cold, then warm).

``--keep`` keeps the CLI's YAML output in ``bench/out/records-N-sS/`` (otherwise it is
written to a temporary folder and removed).  ``--json`` prints the results as JSON.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchlib as bl

# --- child: the measured extraction ----------------------------------------------------------


def child(corpus: str, result_file: str, jobs: int | None, cache: bool) -> None:
    """Run the pipeline once and write timings as JSON (run in a child process).

    *jobs* None means run()'s own "one per core"; *cache* gives run() a fresh cache folder
    in the working directory (which persists between the cold and the warm run).
    """
    t0 = time.perf_counter()
    from generator import pipeline
    from generator.reference import load_gazetteer, load_taxonomy

    t1 = time.perf_counter()
    gazetteer, taxonomy = load_gazetteer(None), load_taxonomy(None)
    t2 = time.perf_counter()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    params = inspect.signature(pipeline.run).parameters
    kwargs: dict = {}
    if "jobs" in params:
        kwargs["jobs"] = jobs
    if cache and "cache_dir" in params:
        kwargs["cache_dir"] = os.path.join(os.getcwd(), "cache")
    corpus = pipeline.run([corpus], gazetteer=gazetteer, taxonomy=taxonomy,
                          base_dir=os.getcwd(), **kwargs)
    t3 = time.perf_counter()
    records = corpus.records
    result = {
        "import_s": t1 - t0,
        "reference_s": t2 - t1,
        "run_s": t3 - t2,
        "files_read": corpus.files_read,
        "records": len(records),
        "problems": len(corpus.problems),
        "first_problems": [str(p) for p in corpus.problems[:5]],
        "items": {k: sum(len(r[k]) for r in records)
                  for k in ("sentences", "regions", "themes", "figures", "commitments",
                            "people")},
        "run_kwargs": {k: v for k, v in kwargs.items() if k != "cache_dir"},
        "cache_used": "cache_dir" in kwargs,
        "extracted": getattr(corpus, "extracted", None),
        "from_cache": getattr(corpus, "cached", None),
        "stages_s": getattr(corpus, "seconds", None),
        "rss_before_run_mb": bl.rss_mb(rss_before),
        "rss_mb": bl.rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "largest_worker_rss_mb": bl.rss_mb(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) or None,
    }
    Path(result_file).write_text(json.dumps(result), "utf-8")


# --- parent ----------------------------------------------------------------------------------


def measure_run(corpus: Path, work: Path, jobs: int | None, cache: bool) -> dict:
    result_file = work / "result.json"
    cmd = [sys.executable, __file__, "_child", str(corpus), str(result_file),
           str(jobs or 0), "1" if cache else "0"]  # jobs 0 = None = one per core
    env = bl.child_env(XDG_CACHE_HOME=str(work / "xdg-cache"))
    if not cache:
        env["BRIEFING_CACHE"] = "false"
    m = bl.run_measured(cmd, cwd=work, env=env)
    if m.returncode != 0:
        raise SystemExit(f"extract_speed: run() failed (exit {m.returncode}):\n{bl.tail(m.stderr)}")
    result = json.loads(result_file.read_text("utf-8"))
    result_file.unlink()
    result["wall_s"] = m.seconds
    result["rss_mb"] = m.rss_mb  # wait4's figure: the whole child, to its very end
    return result


def cli_has_option(option: str) -> bool:
    proc = subprocess.run([*bl.briefing_cli(), "extract", "--help"], capture_output=True,
                          text=True, env=bl.child_env())
    return option in proc.stdout


def measure_cli(corpus: Path, work: Path, out_dir: Path, jobs: int | None) -> dict:
    cmd = [*bl.briefing_cli(), "extract", str(corpus), "--out", str(out_dir)]
    jobs_passed = jobs is not None and cli_has_option("--jobs")
    if jobs_passed:
        cmd += ["--jobs", str(jobs)]
    if cli_has_option("--no-cache"):
        cmd.append("--no-cache")
    env = bl.child_env(BRIEFING_CACHE="false", XDG_CACHE_HOME=str(work / "xdg-cache"))
    m = bl.run_measured(cmd, cwd=work, env=env)
    if m.returncode != 0:
        raise SystemExit(f"extract_speed: `briefing extract` failed (exit {m.returncode}):\n"
                         f"{bl.tail(m.stderr)}")
    written = sum(1 for _ in out_dir.glob("*.yaml"))
    return {"wall_s": m.seconds, "rss_mb": m.rss_mb, "records_written": written,
            "jobs_passed": jobs_passed, "command": " ".join(cmd)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles in the synthetic corpus")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="worker processes for run() and the CLI, where supported "
                         "(default 1; 0 = their default, one per core)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time run() R times and report the fastest (default 1)")
    ap.add_argument("--warm", action="store_true",
                    help="allow the extract cache: run() cold, then again warm")
    ap.add_argument("--no-cli", action="store_true", help="skip `briefing extract`")
    ap.add_argument("--keep", action="store_true",
                    help="keep the CLI's YAML records in bench/out/records-N-sS/")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.n < 1 or args.repeat < 1 or args.jobs < 0:
        ap.error("N and --repeat must be >= 1, --jobs >= 0")
    jobs = args.jobs or None

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    corpus, reused = bl.ensure_corpus(args.n, args.seed, log)
    size = bl.corpus_bytes(corpus)
    from generator.pipeline import run as pipeline_run

    run_has_jobs = "jobs" in inspect.signature(pipeline_run).parameters
    results: dict = {
        "n": args.n, "seed": args.seed, "corpus": bl.rel(corpus), "corpus_reused": reused,
        "corpus_mb": size / 1e6, "cpu_count": os.cpu_count(), "jobs": jobs,
        "run_has_jobs": run_has_jobs, "python": sys.version.split()[0],
    }
    bl.OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="extract-", dir=bl.OUT))
    try:
        if args.warm:
            log("run() with the cache allowed: cold ...")
            cold = measure_run(corpus, work, jobs, cache=True)
            log("run() again: warm ...")
            warm = measure_run(corpus, work, jobs, cache=True)
            results["run"], results["run_warm"] = cold, warm
        else:
            runs = []
            for i in range(args.repeat):
                log(f"run() in a child process ({i + 1}/{args.repeat}) ...")
                runs.append(measure_run(corpus, work, jobs, cache=False))
            results["run"] = min(runs, key=lambda r: r["run_s"])
            results["run_all_s"] = [r["run_s"] for r in runs]
        if not args.no_cli:
            out_dir = (bl.OUT / f"records-{args.n}-s{args.seed}") if args.keep \
                else work / "records"
            if out_dir.exists() and args.keep:
                shutil.rmtree(out_dir)
            log("briefing extract ...")
            results["cli"] = measure_cli(corpus, work, out_dir, jobs)
            if args.keep:
                results["cli"]["out"] = bl.rel(out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(report(results))
    return 0


def report(r: dict) -> str:
    n = r["n"]
    jobs_note = "; jobs=" + ("default (one per core)" if r["jobs"] is None else str(r["jobs"]))
    if not r["run_has_jobs"]:
        jobs_note += " (run() has no jobs option yet: serial)"
    lines = [
        f"Extraction: {n:,} articles ({r['corpus_mb']:.1f} MB, seed {r['seed']}, "
        f"{'reused' if r['corpus_reused'] else 'new'} corpus {r['corpus']}); "
        f"{r['cpu_count']} cores; Python {r['python']}{jobs_note}",
        "",
    ]
    run = r["run"]
    rows = [
        ["imports + reference data", bl.fmt(run["import_s"] + run["reference_s"], 2), "",
         bl.fmt(run["rss_before_run_mb"])],
        ["run() in-process" + (" (cold)" if "run_warm" in r else ""),
         bl.fmt(run["run_s"], 2), bl.fmt(n / run["run_s"]), bl.fmt(run["rss_mb"])],
    ]
    if run.get("largest_worker_rss_mb"):
        rows.append(["  largest worker process", "", "", bl.fmt(run["largest_worker_rss_mb"])])
    if "run_warm" in r:
        warm = r["run_warm"]
        rows.append(["run() in-process (warm)", bl.fmt(warm["run_s"], 2),
                     bl.fmt(n / warm["run_s"]), bl.fmt(warm["rss_mb"])])
    if "cli" in r:
        cli = r["cli"]
        rows.append(["briefing extract (CLI, YAML)", bl.fmt(cli["wall_s"], 2),
                     bl.fmt(n / cli["wall_s"]), bl.fmt(cli["rss_mb"])])
    lines.append(bl.table(["stage", "seconds", "articles/s", "peak RSS MB"], rows))
    lines.append("")
    for label, key in (("run()", "run"), ("warm run()", "run_warm")):
        stages = r.get(key, {}).get("stages_s")
        if stages:
            lines.append(f"{label} stages: " + ", ".join(f"{k} {v:.2f} s"
                                                       for k, v in stages.items())
                         + (f"; {r[key]['extracted']} extracted, {r[key]['from_cache']} from "
                            "the cache" if r[key].get("cache_used") else ""))
    if "run_warm" in r and not r["run_warm"].get("cache_used"):
        lines.append("run() has no cache_dir option yet: the warm run was not cached")
    if len(r.get("run_all_s", [])) > 1:
        lines.append("run() times: " + ", ".join(f"{s:.2f}" for s in r["run_all_s"])
                     + " s (fastest shown)")
    items = run["items"]
    lines.append(
        f"records {run['records']:,} of {run['files_read']:,} files, problems "
        f"{run['problems']}; per article: {items['sentences'] / max(run['records'], 1):.1f} "
        f"sentences, {items['regions'] / max(run['records'], 1):.1f} regions, "
        f"{items['themes'] / max(run['records'], 1):.1f} themes, "
        f"{items['figures'] / max(run['records'], 1):.1f} figures, "
        f"{items['commitments'] / max(run['records'], 1):.1f} commitments")
    for p in run["first_problems"]:
        lines.append(f"  problem: {p}")
    if "cli" in r:
        lines.append(f"CLI wrote {r['cli']['records_written']:,} records"
                     + (f" to {r['cli']['out']}" if r["cli"].get("out") else ""))
        if r["jobs"] is not None and not r["cli"]["jobs_passed"]:
            lines.append("`briefing extract` has no --jobs option yet: ran serially")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        _, _, corpus_arg, result_arg, jobs_arg, cache_arg = sys.argv
        child(corpus_arg, result_arg, int(jobs_arg) or None, cache_arg == "1")
        sys.exit(0)
    sys.exit(main())
