"""The layering and the lint rules are part of the test run, so a violation fails the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_import_contracts_hold():
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = subprocess.run(
        [_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_layers_import_nothing_heavy():
    """The command line and the layers under the window start without Qt, torch or qwen_asr."""
    code = (
        "import sys, app.cli, app.cli.subtitles, app.core.commands, app.core.undo, app.formats.srt, "
        "app.formats.project, app.session\n"
        "heavy = sorted(m for m in ('torch', 'qwen_asr', 'transformers', 'PySide6', 'pyqtgraph') if m in sys.modules)\n"
        "print(','.join(heavy))"
    )
    env = dict(os.environ)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_shipped_app_runs_no_outside_code():
    """No test hooks: nothing in app runs a file named by the environment (tests drive the app from tests/ui)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "app").rglob("*.py")
        if any(word in path.read_text(encoding="utf-8") for word in ("runpy", "QSS_TEST_SCRIPT", "QSS_RECOVERY_ANSWER"))
    ]
    assert offenders == []
