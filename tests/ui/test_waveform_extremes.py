"""Cues at absurd times never crash the waveform's painting (the process died in Qt's rasteriser), nor open at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs in a child process: a crash in paint code is a segmentation fault, which would take pytest with it.
PAINTER = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.core.commands import ReplaceAll
from app.core.document import Cue
from app.ui.main_window import MainWindow
from tests.ui.test_waveform import FakeAudio
for start in (-10_000_000_000, int(-1e12), -(2**63), int(-1e30)):
    few = (Cue(start, 3000, "far"), Cue(4000, 6000, "two"), Cue(7000, 2**63, "late"))
    many = few + tuple(Cue(8000 + 10 * i, 8005 + 10 * i, "x") for i in range(400))  # drawn as bands
    for cues in (few[:2], few, many):
        window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
        window.show()
        window.state.set_audio(FakeAudio(20))
        window.state.push(ReplaceAll(cues))
        view = window.ensure_waveform()
        window.state.select([0, len(cues) - 1])
        for x0, x1 in ((0, 12), (-5, 5), (-1e6, 1e6), (1e9, 1e9 + 10)):
            view.setXRange(x0, x1, padding=0)
            window.grab()
            app.processEvents()
        window.state.stack.mark_clean()
        window.close()
print("painted")
"""


def test_cues_at_absurd_times_are_painted_without_a_crash(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-c", PAINTER, str(tmp_path / "settings.ini")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr[-2000:]
    assert "painted" in child.stdout and "Traceback" not in child.stderr, child.stderr[-2000:]


@pytest.mark.parametrize("start", [-10_000_000_000, -1e12, -(2**63), -1e30])
def test_a_project_with_such_a_cue_is_refused_with_its_media_present(window, tmp_path, start):
    media = tmp_path / "clip.wav"
    media.write_bytes(b"RIFF")
    project = tmp_path / "far.qssproj"
    cues = [{"start": start, "end": 3000, "text": "far"}]
    data = {"format": "qwen-subtitle-studio-project", "version": 1, "media": {"absolute": str(media)}, "cues": cues}
    project.write_text(json.dumps(data))
    shown: list[str] = []
    window.files.error = lambda title, message: shown.append(message)
    window.files.open_project(str(project))
    assert len(shown) == 1 and "far.qssproj" in shown[0] and "'start'" in shown[0]
    assert len(window.state.doc) == 0 and window.state.project_path is None


def test_an_edit_updates_only_the_changed_cues_times_and_they_match_a_rebuild(window, qtbot):
    """The waveform keeps the cues' times as arrays and updates the changed ones in place (an edit in 200,000 cues
    rebuilt them all); after any mix of edits they equal a full rebuild."""
    import numpy as np

    from app.core.commands import ReplaceAll, SetTimes
    from app.core.document import Cue

    window.state.push(ReplaceAll(tuple(Cue(i * 1000, i * 1000 + 800, f"c{i}") for i in range(50)), "Import"))
    layer = window.ensure_waveform().cues
    rng = np.random.default_rng(7)
    for _ in range(40):
        i = int(rng.integers(0, 50))
        start = int(rng.integers(0, 60_000))
        window.state.push(SetTimes(i, start, start + int(rng.integers(1, 9000))))
        kept = (layer._starts.copy(), layer._ends.copy(), layer._reach.copy())
        layer.refresh()  # a full rebuild
        for got, want in zip(kept, (layer._starts, layer._ends, layer._reach), strict=True):
            assert np.array_equal(got, want)
    window.state.stack.undo()
    assert np.array_equal(layer._starts, [c.start for c in window.state.doc])
