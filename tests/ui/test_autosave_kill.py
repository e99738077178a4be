"""Crash recovery end to end: a real app process is killed (SIGKILL) while it is being edited, then started again.

The first process edits itself through a script run by tests/ui/drive_app.py (a driver that imports the app and
launches it; the shipped app has no test hook): it changes a cue's text, then appends
one cue every 100 ms and logs the wall-clock time of each edit. The test kills it mid-stream, starts the app
again with the restore answer given, and checks that every edit made up to 2 s before the kill came back.
Waiting on the other process polls files with short waits bounded by deadlines: there is nothing else to
wait on across a process boundary.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.conftest import SRT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

EDITOR = """
import json, time
from PySide6.QtCore import QTimer
from app.core.commands import InsertCue, SetText
from app.core.document import Cue

LOG = {log!r}
state = window.state
state.push(SetText(0, "Edited before the crash."))
count = [0]

def edit():
    i = count[0]
    state.push(InsertCue(len(state.doc), Cue(10_000 + 1000 * i, 10_500 + 1000 * i, f"typed {{i}}")))
    with open(LOG, "a") as log:
        log.write(json.dumps({{"i": i, "t": time.time()}}) + "\\n")
    count[0] += 1

timer = QTimer(window)
timer.timeout.connect(edit)
timer.start(100)
window._test_timer = timer
"""

REPORTER = """
import json
from app.ui.autosave import AutoSaver

state = window.state
with open({out!r} + ".tmp", "w") as out:
    json.dump({{"texts": [c.text for c in state.doc], "modified": state.is_modified(),
               "subtitle_path": state.subtitle_path, "title": window.windowTitle()}}, out)
import os
os.replace({out!r} + ".tmp", {out!r})
state.stack.mark_clean()  # nothing left unsaved: the window closes without asking, a clean exit
window.close()
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH", "")]),
        **extra,
    )
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    return env


def _wait_for(condition, timeout: float, what: str, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            _out, err = process.communicate()
            pytest.fail(f"the app exited ({process.returncode}) while waiting for {what}:\n{err[-3000:]}")
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def _edits(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.endswith("}")]


DRIVER = str(Path(__file__).with_name("drive_app.py"))


def _recovery_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "data").rglob("recovery-*.qssproj"))


def test_edits_survive_sigkill(tmp_path):
    srt = tmp_path / "talk.srt"
    srt.write_text(SRT, encoding="utf-8")
    log, report = tmp_path / "edits.log", tmp_path / "report.json"
    editor, reporter = tmp_path / "editor.py", tmp_path / "reporter.py"
    editor.write_text(EDITOR.format(log=str(log)))
    reporter.write_text(REPORTER.format(out=str(report)))

    first = subprocess.Popen(
        [sys.executable, DRIVER, str(editor), str(srt)],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # let it edit for a while (at least three autosaves), and check one of them reached the disk
        started = _wait_for(lambda: _edits(log)[:1], 60, "the first edit", first)[0]["t"]
        _wait_for(lambda: any(e["t"] > started + 3.5 for e in _edits(log)), 30, "3.5 s of editing", first)
        _wait_for(lambda: any("typed" in p.read_text() for p in _recovery_files(tmp_path)), 10, "an autosave")
        first.send_signal(signal.SIGKILL)
        killed_at = time.time()
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate()
    assert first.returncode == -signal.SIGKILL
    made_by_then = [e["i"] for e in _edits(log) if e["t"] <= killed_at - 2.0]
    assert len(made_by_then) >= 10
    assert len(_recovery_files(tmp_path)) == 1  # left behind by the killed process

    second = subprocess.run(
        [sys.executable, DRIVER, str(reporter), "--recovery", "restore"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr[-3000:]
    result = json.loads(report.read_text())
    texts = result["texts"]
    assert texts[:3] == ["Edited before the crash.", "How are you today?", "Fine."]
    typed = texts[3:]
    assert typed[: len(made_by_then)] == [f"typed {i}" for i in made_by_then]  # everything up to 2 s before
    assert typed == [f"typed {i}" for i in range(len(typed))]  # and nothing out of order or half-written
    assert result["modified"] and result["subtitle_path"] == str(srt)
    assert "talk.srt" in result["title"]
    assert _recovery_files(tmp_path) == []  # restored, then a clean exit: nothing left to recover


def test_declined_recovery_is_discarded(tmp_path):
    """Answering "discard" removes the leftover file; the next start offers nothing."""
    folder = tmp_path / "data" / "QwenSubtitleStudio" / "Qwen Subtitle Studio" / "recovery"
    folder.mkdir(parents=True)
    leftover = folder / "recovery-999999999.qssproj"
    leftover.write_text(
        json.dumps(
            {
                "format": "qwen-subtitle-studio-project",
                "version": 1,
                "cues": [{"start": 0, "end": 1, "text": "x"}],
                "recovery": {"pid": 999999999, "saved_at": 0},
            }
        )
    )
    report, reporter = tmp_path / "report.json", tmp_path / "reporter.py"
    reporter.write_text(REPORTER.format(out=str(report)))
    result = subprocess.run(
        [sys.executable, DRIVER, str(reporter), "--recovery", "discard"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(report.read_text())["texts"] == []
    assert not leftover.exists()
