"""The status bar: what is running (with progress, time left and cancel), the model, the device, memory."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from app.ui.state import EditorState


class StatusPanel(QObject):
    clock = staticmethod(time.monotonic)

    def __init__(self, state: EditorState, bar: QStatusBar):
        super().__init__(bar)
        self.state = state
        self.bar = bar
        self.task_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the running work (Esc)")
        self.model_label = QLabel()
        self._models: dict[str, str] = {}  # "recognizer"/"aligner" -> name, for models known to be loaded
        self._loading: str | None = None
        self.device_label = QLabel("")
        self.memory_label = QLabel("")
        for widget in (self.task_label, self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
        for widget in (self.model_label, self.device_label, self.memory_label):
            bar.addPermanentWidget(widget)
        self._cancel = None
        self._origin: tuple[float, float] | None = None  # (time, fraction) of the first measured progress
        self.cancel_button.clicked.connect(self._on_cancel)
        self._show_models()
        self.finish()
        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(2000)
        self._memory_timer.timeout.connect(self.update_memory)
        self._memory_timer.start()
        self.update_memory()

    # -- running work --------------------------------------------------------------------------------
    def begin(self, title: str, cancel) -> None:
        self._cancel = cancel
        self._origin = None
        self.task_label.setText(title)
        self.progress.setRange(0, 0)  # busy until the first fraction arrives
        self.progress.setFormat("")
        for widget in (self.task_label, self.progress, self.cancel_button):
            widget.setVisible(True)
        self.cancel_button.setEnabled(True)

    def update(self, fraction: float, message: str = "") -> None:
        if message:
            self.task_label.setText(message)
        if fraction < 0:
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{fraction * 100:.0f}%{self._time_left(fraction)}")

    def _time_left(self, fraction: float) -> str:
        """From the pace since the first progress report, so loading a model or a file before it does not count."""
        now = self.clock()
        if self._origin is None or fraction < self._origin[1]:  # first report, or a new phase (download, then run)
            self._origin = (now, fraction)
            return ""
        t0, f0 = self._origin
        done, elapsed = fraction - f0, now - t0
        if fraction >= 1.0 or done < 0.02 or elapsed < 2.0:
            return ""
        return f" — {_duration(elapsed * (1 - fraction) / done)} left"

    def finish(self, message: str = "") -> None:
        self._cancel = None
        for widget in (self.task_label, self.progress, self.cancel_button):
            widget.setVisible(False)
        if message:
            self.bar.showMessage(message, 6000)

    def _on_cancel(self) -> None:
        if self._cancel is not None:
            self.cancel_button.setEnabled(False)
            self.task_label.setText("Cancelling…")
            self._cancel()

    # -- engine and memory ---------------------------------------------------------------------------
    def set_model(self, model: str, device: str, *, kind: str = "recognizer") -> None:
        """A model is loaded and did its work (the recognizer, or the aligner with ``kind="aligner"``)."""
        self._models[kind] = model
        self._loading = None
        self.device_label.setText(self.tr("Device: %1").replace("%1", device))
        self._show_models()

    def model_loading(self, model: str) -> None:
        """Said while loading, so that a model that then fails to load is never shown as the one in use."""
        self._loading = model
        self._show_models()

    def model_failed(self) -> None:
        self._loading = None
        self._show_models()

    def _show_models(self) -> None:
        recognizer, aligner = self._models.get("recognizer"), self._models.get("aligner")
        if self._loading:
            text = self.tr("Model: loading %1…").replace("%1", self._loading)
        elif recognizer and aligner:
            text = self.tr("Model: %1 · aligner %2").replace("%1", recognizer).replace("%2", aligner)
        elif recognizer:
            text = self.tr("Model: %1").replace("%1", recognizer)
        elif aligner:
            text = self.tr("Aligner: %1").replace("%1", aligner)
        else:
            text = self.tr("Model: not loaded")
        self.model_label.setText(text)

    def update_memory(self) -> None:
        """Memory of the window's process and of the engine process, where the models live."""
        try:
            import psutil

            me = psutil.Process()
            rss = me.memory_info().rss
            engine = sum(child.memory_info().rss for child in me.children(recursive=True))
        except Exception:  # psutil missing, or a child that just ended: leave the label as it was
            return
        text = f"Memory: {rss / 2**30:.2f} GB"
        if engine:
            text += f" · engine {engine / 2**30:.2f} GB"
        self.memory_label.setText(text)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds // 60 % 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"
