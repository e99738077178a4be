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


def test_the_model_label_names_only_models_that_loaded(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    panel = StatusPanel(EditorState(), bar)
    assert panel.model_label.text() == "Model: not loaded"
    panel.model_loading("Qwen3-ASR-0.6B")
    assert panel.model_label.text() == "Model: loading Qwen3-ASR-0.6B…"
    panel.model_failed()
    assert panel.model_label.text() == "Model: not loaded"
    panel.set_model("Qwen3-ForcedAligner-0.6B", "cpu", kind="aligner")
    assert panel.model_label.text() == "Aligner: Qwen3-ForcedAligner-0.6B"
    panel.set_model("Qwen3-ASR-0.6B", "cpu")
    assert panel.model_label.text() == "Model: Qwen3-ASR-0.6B · aligner Qwen3-ForcedAligner-0.6B"


def test_a_model_that_fails_to_load_is_not_shown_as_loaded(window, qtbot, tmp_path, monkeypatch):
    from app.core.errors import ModelError
    from app.ui.recognition import RecognitionOptions, run_recognition
    from tests.ui.test_replacing_work import _open_media, _wav

    class FailingEngine:
        def stream(self, *args, **kwargs):
            raise ModelError("cannot load the model in /models/Qwen3-ASR-0.6B: out of memory")
            yield

    monkeypatch.setattr("app.asr.service.engine_service", lambda: FailingEngine())
    _open_media(window, qtbot, _wav(tmp_path / "a.wav"))
    with qtbot.waitSignal(window.files.taskFinished, timeout=30_000):
        run_recognition(window, RecognitionOptions(device="cpu"))
    assert window.dialogs and "cannot load the model" in window.dialogs[-1][1]
    assert window.status.model_label.text() == "Model: not loaded"
