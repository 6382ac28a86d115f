"""``briefing build``: run MkDocs into a temporary folder, then swap it into place.

A build killed half-way must leave the previous ``site/`` untouched, never half
written: MkDocs writes into ``.site.tmp-<pid>-*`` beside the target, and only a finished
build is renamed over the old one (two renames; the old tree is removed after).

A kill between the two renames leaves ``.site.old-<pid>`` and no ``site/``; the next build
first puts that tree back (:func:`recover`), so at every instant there is either the old
site or the complete new one, at worst one build later. Temporary and old trees of builds
whose process is gone are removed at the next start; those of a running build are not.
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


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def _owner_pid(name: str, prefix: str) -> int | None:
    """The pid in ``.site.tmp-<pid>-xyz`` / ``.site.old-<pid>``, None if it has none."""
    head = name[len(prefix):].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def recover(target: Path) -> list[str]:
    """Repair what killed builds left beside *target*; returns what it did, for the log.

    A missing *target* with an ``.old-*`` tree beside it is a build killed between its two
    renames: the newest such tree is renamed back. Then every ``.tmp-*`` / ``.old-*`` tree
    whose build process no longer runs is removed."""
    done: list[str] = []
    parent = target.parent
    if not parent.is_dir():
        return done
    tmp_prefix, old_prefix = f".{target.name}.tmp-", f".{target.name}.old-"
    olds = sorted((p for p in parent.glob(f"{old_prefix}*") if p.is_dir()),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    if not target.exists() and olds:
        pid = _owner_pid(olds[0].name, old_prefix)
        if pid is None or not _pid_alive(pid):
            os.replace(olds[0], target)
            done.append(f"restored {target.name}/ from {olds[0].name} (a build was killed "
                        "while swapping)")
    for path in sorted(parent.glob(f".{target.name}.*-*")):
        for prefix in (tmp_prefix, old_prefix):
            if path.name.startswith(prefix) and path.exists():
                pid = _owner_pid(path.name, prefix)
                if pid is None or (pid != os.getpid() and not _pid_alive(pid)):
                    shutil.rmtree(path, ignore_errors=True)
                    done.append(f"removed {path.name} (left by a killed build)")
    return done


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

    _log_to_stderr()
    try:
        config = load_config(config_file=config_file, strict=strict)
    except (ConfigurationError, Abort, OSError) as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    plugin = config.plugins.get("briefing")
    if not use_cache and plugin is not None:  # --no-cache: the plugin's `cache: false`
        plugin.config.cache = False
    target = Path(site_dir or config["site_dir"]).resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for line in recover(target):
            print(f"briefing: {line}", file=sys.stderr)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-{os.getpid()}-",
                                    dir=target.parent))
    except OSError as exc:  # a read-only or missing output folder: one line, no traceback
        print(f"briefing: cannot write the site beside {target}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 1
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
    try:
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
    except OSError as exc:
        if old is not None and not target.exists():
            os.replace(old, target)
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"briefing: cannot swap the new site into {target}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"briefing: site built in {target}", file=sys.stderr)
    return 0
