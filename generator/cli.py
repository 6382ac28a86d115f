"""``briefing``: the command line.

    briefing extract [INPUT ...] --out DIR   one YAML record per article
    briefing check [INPUT ...]               validate articles, overrides and records; write nothing
    briefing generate --out DIR              the site's Markdown pages and data files, on disk
    briefing build [--strict] [--no-cache]   mkdocs build (into a temporary folder, then swapped in)
    briefing serve [--full]                  mkdocs serve --dirty (--full: every page)

Problems with single files are printed one per line (``seeds/x.txt: skipped: empty
file``) and do not stop the run; the exit status is non-zero only with ``--strict``
or when nothing at all could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cache import write_atomically
from .editions import PERIODS
from .limits import Limits
from .pipeline import Corpus, progress_printer, run
from .record import SCHEMA_ID, dump, load, validate
from .report import summary

DEFAULT_INPUTS = ["seeds"]


def _write_atomic(path: Path, data: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a torn file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data.encode("utf-8") if isinstance(data, str) else data,
                     prefix=f".{path.name}.", suffix=".tmp")


def _report(corpus: Corpus) -> None:
    for warning in corpus.warnings:
        print(f"briefing: warning: {warning}", file=sys.stderr)
    for problem in corpus.problems:
        print(problem, file=sys.stderr)


def _is_ours(path: Path) -> bool:
    """Whether *path* is a record this tool wrote (so it may be replaced or removed)."""
    try:
        with path.open(encoding="utf-8") as fh:
            return fh.readline().strip() == f"schema: {SCHEMA_ID}"
    except (OSError, UnicodeDecodeError):
        return False


def _status(corpus: Corpus, strict: bool) -> int:
    if corpus.files_read == 0:
        print("briefing: no article could be read", file=sys.stderr)
        return 1
    return 1 if strict and corpus.problems else 0


def _run(args: argparse.Namespace) -> Corpus:
    return run(
        args.inputs or DEFAULT_INPUTS,
        gazetteer=args.gazetteer,
        taxonomy=args.taxonomy,
        cache_dir=None if args.no_cache else args.cache_dir,
        jobs=args.jobs,
        progress=progress_printer(),
        limits=Limits(file_bytes=args.max_file_mb << 20, line_chars=args.max_line_chars,
                      sentences=args.max_sentences, figures=args.max_figures),
    )


def _whole_number(text: str) -> int:
    """argparse type: a whole number >= 1 (a limit)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value}")
    return value


def cmd_extract(args: argparse.Namespace) -> int:
    corpus = _run(args)
    _report(corpus)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = set()
    for record in corpus.records:
        target = out / f"{record['id']}.yaml"
        if target.name in written:  # ids are unique (record.assign_ids); never overwrite one
            print(f"{target}: not overwritten: {record['file']} has the same id as another "
                  "record", file=sys.stderr)
            continue
        if target.exists() and not _is_ours(target):
            print(f"{target}: not overwritten: not a briefing record", file=sys.stderr)
            continue
        text = corpus.texts.get(record["id"]) or dump(record)
        if not target.exists() or target.read_text("utf-8") != text:
            _write_atomic(target, text)
        written.add(target.name)
    for stale in sorted(out.glob("*.yaml")):
        if stale.name not in written and _is_ours(stale):
            stale.unlink()
    print(f"{len(written)} records written to {out}", file=sys.stderr)
    print(summary(corpus), file=sys.stderr)
    return _status(corpus, args.strict)


def cmd_check(args: argparse.Namespace) -> int:
    bad = 0
    for folder in args.records or []:
        for path in sorted(Path(folder).glob("*.yaml")):
            errors = validate(load(path.read_text("utf-8")))
            for e in errors:
                print(f"{path}: invalid: {e}", file=sys.stderr)
            bad += bool(errors)
    args.no_cache = True
    corpus = _run(args)
    _report(corpus)
    bad += _site_problems(corpus, args)
    print(
        f"{len(corpus.records)} articles ok, {len(corpus.problems)} problems, "
        f"{bad} invalid records",
        file=sys.stderr,
    )
    if corpus.files_read == 0:
        return 1
    return 1 if bad or corpus.problems else 0


def _site_problems(corpus: Corpus, args: argparse.Namespace) -> int:
    """Render the pages in memory, as ``build`` would, so ``check`` reports what ``build``
    fails on (1 when the site would not build, else 0)."""
    from .pages import render_site
    from .reference import load_gazetteer, load_taxonomy

    try:
        render_site(corpus.records, load_gazetteer(args.gazetteer), load_taxonomy(args.taxonomy))
    except Exception as exc:  # noqa: BLE001 - whatever stops the build is what check reports
        print(f"briefing: the site would not build: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .pages import render_site
    from .pipeline import default_jobs
    from .reference import load_gazetteer, load_taxonomy

    gaz, tax = load_gazetteer(args.gazetteer), load_taxonomy(args.taxonomy)
    corpus = _run(args)
    _report(corpus)
    out = Path(args.out)
    intro_file = Path(args.docs_dir) / "_intro.md"
    intro = intro_file.read_text("utf-8") if intro_file.is_file() else None
    files = render_site(corpus.records, gaz, tax, intro=intro, record_texts=corpus.texts,
                        processes=args.jobs or default_jobs())
    for rel, content in sorted(files.items()):
        _write_atomic(out / rel, content)
    print(f"{len(files)} files written to {out}", file=sys.stderr)
    return _status(corpus, args.strict)


def cmd_edition(args: argparse.Namespace) -> int:
    """One edition as a self-contained HTML file for e-mail (no script, static charts)."""
    from .edition_mail import EditionNotFound, edition_email
    from .reference import load_gazetteer, load_taxonomy

    gaz, tax = load_gazetteer(args.gazetteer), load_taxonomy(args.taxonomy)
    corpus = _run(args)
    _report(corpus)
    try:
        text = edition_email(corpus.records, gaz, tax, args.edition_id, period=args.edition,
                             site_url=args.site_url)
    except (EditionNotFound, ValueError) as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    _write_atomic(Path(args.out), text)
    print(f"edition {args.edition_id} written to {args.out}", file=sys.stderr)
    return _status(corpus, args.strict)


def _mkdocs(argv: list[str]) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
    except SystemExit as exc:  # click's exit
        return int(exc.code or 0)
    except Exception as exc:  # mkdocs' own errors are already logged
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_site

    return build_site(
        config_file=args.config_file,
        site_dir=args.site_dir,
        strict=args.strict,
        use_cache=not args.no_cache,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """`mkdocs serve --dirty` unless --full: after an edit MkDocs converts only the pages
    whose Markdown changed (the plugin tells it which), a few seconds instead of a minute on
    a year of articles. It serves the pages a full build makes, except that a removed
    article's pages linger and the RSS feed of articles lists only the pages converted again
    (mkdocs-rss-plugin sees no others): `briefing build` for those."""
    argv = ["serve", "-f", args.config_file, "-a", args.dev_addr]
    if not args.full:
        argv.append("--dirty")
    return _mkdocs(argv)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description=__doc__.split("\n")[0])
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("inputs", nargs="*", help="article files or folders (default: seeds/)")
        sp.add_argument("--gazetteer", help="a region gazetteer YAML (default: packaged)")
        sp.add_argument("--taxonomy", help="a theme taxonomy YAML (default: packaged)")
        sp.add_argument("--strict", action="store_true", help="exit non-zero on any problem")
        sp.add_argument("--no-cache", action="store_true", help="re-extract every article")
        sp.add_argument(
            "--cache-dir", default=".briefing-cache", help="extraction cache (default: %(default)s)"
        )
        sp.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="processes that extract and render a large corpus (default: one per core)",
        )
        limits = sp.add_argument_group("limits on one article's work (each cut is reported)")
        defaults = Limits()
        limits.add_argument("--max-file-mb", type=_whole_number,
                            default=defaults.file_bytes >> 20, metavar="N",
                            help="skip larger files (default: %(default)s)")
        limits.add_argument("--max-line-chars", type=_whole_number,
                            default=defaults.line_chars, metavar="N",
                            help="cut longer lines (default: %(default)s)")
        limits.add_argument("--max-sentences", type=_whole_number,
                            default=defaults.sentences, metavar="N",
                            help="sentences kept per article (default: %(default)s)")
        limits.add_argument("--max-figures", type=_whole_number,
                            default=defaults.figures, metavar="N",
                            help="figures kept per article (default: %(default)s)")

    sp = sub.add_parser("extract", help="write one YAML record per article")
    common(sp)
    sp.add_argument("--out", required=True, help="output folder for the records")
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("edition", help="one edition as a self-contained HTML file for e-mail")
    sp.add_argument("edition_id", help="the edition, e.g. 2025-W03 (weekly) or 2025-01 (monthly)")
    common(sp)
    sp.add_argument("--out", required=True, help="the HTML file to write")
    sp.add_argument("--edition", choices=PERIODS, default="weekly",
                    help="how editions group articles (default: %(default)s)")
    sp.add_argument("--site-url", default="http://127.0.0.1:8000/",
                    help="the published site, for citation links (default: %(default)s)")
    sp.set_defaults(func=cmd_edition)

    sp = sub.add_parser("check", help="validate articles, overrides and records; write nothing")
    common(sp)
    sp.add_argument("--records", nargs="*", help="folders of YAML records to validate")
    sp.set_defaults(func=cmd_check)

    sp = sub.add_parser("generate", help="write the site's Markdown pages and data to a folder")
    common(sp)
    sp.add_argument("--out", required=True)
    sp.add_argument("--docs-dir", default="docs", help="hand-written pages (for the home intro)")
    sp.set_defaults(func=cmd_generate)

    sp = sub.add_parser("build", help="build the site with MkDocs (atomic swap into site/)")
    sp.add_argument("-f", "--config-file", default="mkdocs.yml")
    sp.add_argument("-d", "--site-dir", default=None)
    sp.add_argument("--strict", action="store_true")
    sp.add_argument("--no-cache", action="store_true",
                    help="re-extract every article and render every page (no caches)")
    sp.set_defaults(func=cmd_build)

    sp = sub.add_parser("serve", help="preview the site with mkdocs serve")
    sp.add_argument("-f", "--config-file", default="mkdocs.yml")
    sp.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    sp.add_argument("--full", action="store_true",
                    help="rebuild every page on each change (plain `mkdocs serve`)")
    sp.set_defaults(func=cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from .reference import ReferenceDataError

    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ReferenceDataError as exc:  # a user's --gazetteer / --taxonomy: one line, no trace
        print(f"briefing: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
