"""``briefing build``: run MkDocs into a temporary folder, then swap it into place.

A build killed half-way must leave the previous ``site/`` untouched, never half
written: MkDocs writes into ``.site.tmp-*`` beside the target, and only a finished
build is renamed over the old one (two renames; the old tree is removed after).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path


def build_site(
    *,
    config_file: str = "mkdocs.yml",
    site_dir: str | None = None,
    strict: bool = False,
    use_cache: bool = True,
) -> int:
    """Build the site; returns a process exit status."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not use_cache:
        os.environ["BRIEFING_NO_CACHE"] = "1"
    try:
        config = load_config(config_file=config_file, strict=strict)
    except (ConfigurationError, Abort, OSError) as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    target = Path(site_dir or config["site_dir"]).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    config["site_dir"] = str(tmp)
    try:
        build(config)
    except (Abort, ConfigurationError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"briefing: build failed: {exc}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"briefing: site built in {target}", file=sys.stderr)
    return 0
