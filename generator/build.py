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


def _log_to_stderr() -> None:
    """Show MkDocs' log (warnings: which seed is empty, which page collides) as `mkdocs
    build` does; without a handler the build is silent, and --strict fails unexplained."""
    import logging

    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    if any(h.name == "MkDocsStreamHandler" for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    handler.name = "MkDocsStreamHandler"
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


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
    _log_to_stderr()
    try:
        config = load_config(config_file=config_file, strict=strict)
    except (ConfigurationError, Abort, OSError) as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    target = Path(site_dir or config["site_dir"]).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    # mkdtemp makes the folder 0700; the published site/ gets the usual umask-based mode
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)
    config["site_dir"] = str(tmp)
    # as `mkdocs build` does: plugins set themselves up in on_startup (mkdocs-rss-plugin
    # creates its page list there) and release resources in on_shutdown
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except (Abort, ConfigurationError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"briefing: build failed: {exc}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        config.plugins.on_shutdown()
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"briefing: site built in {target}", file=sys.stderr)
    return 0
