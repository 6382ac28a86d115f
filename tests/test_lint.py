"""The repository stays lint-clean: ruff on the code, actionlint on the CI workflows."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed (pip install -e '.[test]')"
    return found


def test_ruff_is_clean() -> None:
    proc = subprocess.run(
        [_tool("ruff"), "check", "generator", "tests", "scripts", "bench"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "no GitHub workflow found"
    proc = subprocess.run(
        [_tool("actionlint"), *map(str, workflows)], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pages_workflow_builds_strict_and_deploys() -> None:
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    assert "briefing build --strict" in text
    assert "actions/upload-pages-artifact" in text and "actions/deploy-pages" in text
