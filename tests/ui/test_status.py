"""The status bar's progress: percent, and time left from the pace of the work itself."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from app.ui.state import EditorState
from app.ui.status import StatusPanel


def test_time_left_ignores_the_wait_before_the_first_progress(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    panel = StatusPanel(EditorState(), bar)
    now = [1000.0]
    panel.clock = lambda: now[0]
    panel.begin("Recognising…", lambda: None)
    panel.update(0.1, "Downloading the model…")  # a first phase with its own progress
    now[0] += 40.0
    panel.update(0.9)
    assert panel.progress.format().startswith("90% — ")
    now[0] += 5.0
    panel.update(0.0, "Recognising…")  # the run starts over at 0: its pace alone counts
    assert panel.progress.format() == "0%"
    now[0] += 30.0
    panel.update(0.25)  # a quarter in 30 s: three quarters take 90 s more, not (40 + 30) * 3
    assert panel.progress.format() == "25% — 1 min 30 s left"
    now[0] += 90.0
    panel.update(1.0)
    assert panel.progress.format() == "100%"
    panel.update(-1, "Finishing…")
    assert panel.progress.maximum() == 0 and panel.task_label.text() == "Finishing…"
