"""The status bar: a summary of the running tasks (progress, time left, Cancel), the model, the device, memory."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from app.ui.elided import ElidedLabel
from app.ui.task_list import show_progress, task_message
from app.ui.tasks import TaskHandle, TaskManager


class StatusPanel(QObject):
    """One task: its message, progress and Cancel, as before. Several: how many, the least advanced one's
    progress and the longest time left; the Tasks button opens the list with a Cancel for each."""

    def __init__(self, tasks: TaskManager, bar: QStatusBar, show_list: Callable[[], None] | None = None):
        super().__init__(bar)
        self.tasks = tasks
        self.bar = bar
        self.task_label = ElidedLabel()  # long messages are cut, never widening the window
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running work"))
        self.list_button = QPushButton(self.tr("Tasks…"))
        self.list_button.setToolTip(self.tr("Every running task, each with its progress and Cancel"))
        self.model_label = ElidedLabel()
        self._models: dict[str, str] = {}  # "recognizer"/"aligner" -> name, for models known to be loaded
        self._loading: str | None = None
        self.device_label = ElidedLabel("")
        self.memory_label = ElidedLabel("")
        for widget in (self.task_label, self.progress, self.cancel_button, self.list_button):
            bar.addPermanentWidget(widget)
        for widget in (self.model_label, self.device_label, self.memory_label):
            bar.addPermanentWidget(widget)
        self.cancel_button.clicked.connect(self._on_cancel)
        if show_list is not None:
            self.list_button.clicked.connect(show_list)
        tasks.changed.connect(self.refresh)
        tasks.taskEnded.connect(self._ended)
        self.refresh()
        self._show_models()
        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(2000)
        self._memory_timer.timeout.connect(self.update_memory)
        self._memory_timer.start()
        self.update_memory()

    # -- running work --------------------------------------------------------------------------------
    def refresh(self) -> None:
        running = self.tasks.running()
        for widget in (self.task_label, self.progress):
            widget.setVisible(bool(running))
        self.cancel_button.setVisible(len(running) == 1)
        self.list_button.setVisible(len(running) >= 2)
        if len(running) == 1:
            handle = running[0]
            self.task_label.setText(task_message(handle))
            show_progress(self.progress, handle.fraction, handle.seconds_left)
            self.cancel_button.setEnabled(not handle.cancelling)
        elif running:
            self.task_label.setText(self.tr("%n task(s) running", "", len(running)))
            measured = [h for h in running if h.fraction >= 0]
            slowest = min(measured, key=lambda h: h.fraction) if len(measured) == len(running) else None
            lefts = [h.seconds_left for h in running if h.seconds_left is not None]
            left = max(lefts) if slowest is not None and len(lefts) == len(running) else None
            show_progress(self.progress, slowest.fraction if slowest else -1.0, left)

    def _on_cancel(self) -> None:
        running = self.tasks.running()
        if len(running) == 1:
            running[0].cancel()

    def _ended(self, handle: TaskHandle) -> None:
        if handle.outcome == "cancelled":
            self.bar.showMessage(self.tr("{title}: cancelled").format(title=handle.title), 6000)

    # -- engine and memory ---------------------------------------------------------------------------
    def set_model(self, model: str, device: str, *, kind: str = "recognizer") -> None:
        """A model is loaded and did its work (the recognizer, or the aligner with ``kind="aligner"``)."""
        self._models[kind] = model
        self._loading = None
        self.device_label.setText(self.tr("Device: {device}").format(device=device))
        self._show_models()

    def models(self) -> dict[str, str]:
        """The models known to be loaded: "recognizer"/"aligner" -> name."""
        return dict(self._models)

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
            text = self.tr("Model: loading {model}…").format(model=self._loading)
        elif recognizer and aligner:
            text = self.tr("Model: {model} · aligner {aligner}").format(model=recognizer, aligner=aligner)
        elif recognizer:
            text = self.tr("Model: {model}").format(model=recognizer)
        elif aligner:
            text = self.tr("Aligner: {aligner}").format(aligner=aligner)
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
        text = self.tr("Memory: {gb:.2f} GB").format(gb=rss / 2**30)
        if engine:
            text += self.tr(" · engine {gb:.2f} GB").format(gb=engine / 2**30)
        self.memory_label.setText(text)
