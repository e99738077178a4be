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


def test_mypy_is_clean():
    """The type check as pyproject's [tool.mypy] sets it: its ``files`` (the packages it covers, and the Protocols
    checked against their implementations in tests/typecheck), on this interpreter."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", f"--cache-dir={os.devnull}"],  # no cache, as above
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_layers_import_nothing_heavy():
    """The command line and the layers under the window start without Qt, torch or qwen_asr."""
    code = (
        "import sys, app.cli, app.cli.subtitles, app.core.commands, app.core.undo, app.formats.srt, "
        "app.formats.project, app.session, app.core.rules, app.core.messages, app.asr.client.protocol, "
        "app.asr.client.service, app.asr.client.batch, app.asr.client.remote, app.asr.client.realignment, "
        "app.asr.client.devices, app.asr.client.models, app.asr.algorithms.realign, app.asr.algorithms.segment, "
        "app.cli.burn, app.session.burn, app.media.burn\n"
        "heavy = sorted(m for m in ('torch', 'qwen_asr', 'transformers', 'PySide6', 'pyqtgraph', 'app.asr.runtime') "
        "if m in sys.modules)\n"
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


def _code_tokens(path: Path):
    import io
    import tokenize

    with open(path, encoding="utf-8") as fh:
        yield from tokenize.generate_tokens(io.StringIO(fh.read()).readline)


def test_shared_rules_are_written_once():
    """The sample rate, the gap, the reading speed and the unspaced scripts live in app/core/rules.py only:
    a copy of one of them anywhere else below the window is a second rule waiting to drift apart."""
    import tokenize

    numbers = {"16000", "16_000", "83", "17", "17.0"}
    strings = {'"japanese"', '"cantonese"', "'japanese'", "'cantonese'"}
    copies = []
    for layer in ("core", "formats", "media", "asr", "cli"):
        for path in sorted((ROOT / "app" / layer).rglob("*.py")):
            if path.name == "rules.py" and layer == "core":
                continue
            for tok in _code_tokens(path):
                value = tok.string.lower()
                if (
                    (tok.type == tokenize.NUMBER and value in numbers)
                    or (tok.type == tokenize.STRING and tok.string in strings)
                    or (tok.type == tokenize.NUMBER and value == "0x3040")
                ):
                    copies.append(f"{path.relative_to(ROOT)}:{tok.start[0]}: {tok.string}")
    assert not copies, "use app.core.rules instead:\n" + "\n".join(copies)


def test_no_import_circle_in_asr_even_through_type_checking_imports():
    """lint-imports leaves ``if TYPE_CHECKING:`` imports out (exclude_type_checking_imports); counted here, app.asr
    still has no circle between two modules, and its packages stay in order: the engine process (runtime) over its
    client (client) over the pure algorithms, never the other way."""
    import grimp

    graph = grimp.build_graph("app", exclude_type_checking_imports=False, cache_dir=None)
    modules = {m for m in graph.modules if m == "app.asr" or m.startswith("app.asr.")}
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    circles = []
    for a in sorted(modules):
        for b in sorted(edges[a]):
            if a != b and graph.chain_exists(importer=b, imported=a):
                circles.append(f"{a} -> {b} -> ... -> {a}")
    assert not circles, "\n".join(circles)
    order = {"algorithms": 0, "client": 1, "runtime": 2}
    upward = [
        f"{a} imports {b}"
        for a in sorted(modules)
        for b in sorted(edges[a])
        if a.count(".") >= 2 and b.count(".") >= 2 and order.get(a.split(".")[2], 9) < order.get(b.split(".")[2], 9)
    ]
    assert not upward, "\n".join(upward)


def test_only_the_preferences_read_or_write_settings_keys():
    """Every preference is declared in app/session/preferences.py; no other module names a settings key, and only
    the main window (which hands its QSettings to the preferences) makes a QSettings."""
    import re

    key_call = re.compile(r"\.(?:value|setValue|remove|contains)\(\s*[\"'][A-Za-z_]+/")
    offenders = []
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(ROOT).as_posix()
        if relative != "app/session/preferences.py" and key_call.search(text):
            offenders.append(relative)
        if "QSettings(" in text and relative != "app/ui/main_window.py":
            offenders.append(relative + " (makes a QSettings)")
    assert offenders == []
