"""The exact frame for a paused picture: decoded by PyAV off the UI thread, the newest request only.

A paused QMediaPlayer does not always draw the frame it was sought to (before the first play it draws nothing),
and a frame step must show the very frame it lands on, so while paused the pane shows these instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from app.ui.workers import Report, Task


class StillFrames(QObject):
    ready = Signal(int, QImage)  # the frame's start (ms), the picture

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._wanted: tuple[str, int] | None = None

    def request(self, source: str, ms: int) -> None:
        """Show the frame at ``ms``; while one is being decoded only the latest request is kept."""
        self._wanted = (source, ms)
        if self._task is None:
            self._start()

    def cancel(self) -> None:
        self._wanted = None
        if self._task is not None:
            self._task.cancel()

    def busy(self) -> bool:
        return self._task is not None

    def _start(self) -> None:
        assert self._wanted is not None
        source, ms = self._wanted
        self._wanted = None

        def job(_report: Report):
            from app.media.video import read_frame

            return read_frame(source, ms)

        self._task = Task(job, "still frame", self)
        self._task.succeeded.connect(self._deliver)
        self._task.done.connect(self._next)
        self._task.start()

    def _deliver(self, result: tuple) -> None:
        at, rgb = result
        height, width = rgb.shape[:2]
        image = QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888).copy()
        self.ready.emit(at, image)

    def _next(self) -> None:
        self._task = None
        if self._wanted is not None:
            self._start()
