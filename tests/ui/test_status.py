"""The status bar's model label: it names only models that loaded, never one that failed."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from app.ui.state import EditorState
from app.ui.status import StatusPanel
from app.ui.tasks import TaskManager


def test_the_model_label_names_only_models_that_loaded(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    panel = StatusPanel(TaskManager(EditorState(), lambda *e: None), bar)
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
    from app.ui.recognition.options import RecognitionOptions
    from app.ui.recognition.run import run_recognition
    from tests.ui.test_replacing_work import _open_media, _wav

    class FailingEngine:
        def stream(self, *args, **kwargs):
            raise ModelError("cannot load the model in /models/Qwen3-ASR-0.6B: out of memory")
            yield

        def run(self, *args, **kwargs):
            return self.stream()

    monkeypatch.setattr("app.asr.client.service.local_engine", lambda: FailingEngine())
    _open_media(window, qtbot, _wav(tmp_path / "a.wav"))
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):
        run_recognition(window, RecognitionOptions(device="cpu"))
    assert window.dialogs and "cannot load the model" in window.dialogs[-1][1]
    assert window.status.model_label.text() == "Model: not loaded"


def test_the_model_label_stops_saying_loading_once_the_model_is_at_work(window, qtbot, tmp_path, monkeypatch):
    """Issue 27, item 14: "Model: loading…" stood through the whole run; it changes when recognition starts."""
    import queue

    from app.asr.client.protocol import Progress, RecognitionDone, Status
    from app.core.messages import message
    from app.ui.recognition.options import RecognitionOptions
    from app.ui.recognition.run import run_recognition
    from tests.ui.test_replacing_work import _open_media, _wav

    steps: queue.Queue = queue.Queue()

    class SteppedEngine:
        def run(self, job, audio, *, cancelled, on_wait=None):
            while not cancelled():
                try:
                    item = steps.get(timeout=0.05)
                except queue.Empty:
                    continue
                if item is None:
                    return
                yield item

    monkeypatch.setattr("app.asr.client.service.local_engine", lambda: SteppedEngine())
    _open_media(window, qtbot, _wav(tmp_path / "a.wav"))
    handle = run_recognition(window, RecognitionOptions(device="cpu"))
    assert handle is not None
    steps.put(Status(message("engine.loading_model")))
    qtbot.waitUntil(lambda: handle.message == "Loading the recognition model…")
    assert window.status.model_label.text().startswith("Model: loading Qwen3-ASR")
    steps.put(Status(message("recognition.running", device="cpu")))
    steps.put(Progress(0.3, message("recognition.progress")))
    qtbot.waitUntil(lambda: handle.fraction == 0.3)
    assert handle.is_running()
    assert window.status.model_label.text() == "Model: Qwen3-ASR-0.6B · aligner Qwen3-ForcedAligner-0.6B"
    steps.put(RecognitionDone("English", "cpu"))
    steps.put(None)
    qtbot.waitUntil(lambda: not handle.is_running(), timeout=10_000)
