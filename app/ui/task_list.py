"""The task list: every running task with its progress bar, time left and its own Cancel button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.timecode import clock_parts
from app.ui.elided import ElidedLabel
from app.ui.tasks import TaskHandle, TaskManager


def format_duration(seconds: float) -> str:
    """``1 h 05 min``, ``1 min 19 s`` or ``7 s``, translated; the numbers from the one clock's split."""
    seconds = int(seconds)
    if seconds < 60:
        return QCoreApplication.translate("Tasks", "{s} s").format(s=seconds)
    h, m, s, _ = clock_parts(seconds * 1000)
    if h:
        return QCoreApplication.translate("Tasks", "{h} h {min:02d} min").format(h=h, min=m)
    return QCoreApplication.translate("Tasks", "{min} min {s:02d} s").format(min=m, s=s)


def show_progress(bar: QProgressBar, fraction: float, seconds_left: float | None) -> None:
    """Percent and time left on a progress bar; busy (moving) until the work itself has begun (a model loading
    reports 0 % for minutes: a bar that moves says that something is happening)."""
    if fraction <= 0:
        bar.setRange(0, 0)
        bar.setFormat("")
        return
    bar.setRange(0, 1000)
    bar.setValue(int(fraction * 1000))
    text = f"{fraction * 100:.0f}%"
    if seconds_left is not None:
        text = QCoreApplication.translate("Tasks", "{percent} — {time} left").format(
            percent=text, time=format_duration(seconds_left)
        )
    bar.setFormat(text)


def task_message(handle: TaskHandle) -> str:
    return QCoreApplication.translate("Tasks", "Cancelling…") if handle.cancelling else handle.message


class TaskRow(QWidget):
    def __init__(self, handle: TaskHandle, parent: QWidget | None = None):
        super().__init__(parent)
        self.handle = handle
        self.label = ElidedLabel()  # a long file name never widens the window
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(120)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this task"))
        self.cancel_button.clicked.connect(handle.cancel)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.progress, 0, 1)
        layout.addWidget(self.cancel_button, 0, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        handle.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.label.setText(task_message(self.handle))
        show_progress(self.progress, self.handle.fraction, self.handle.seconds_left)
        self.cancel_button.setEnabled(not self.handle.cancelling)


class TaskList(QWidget):
    """One row per running task, in the order they started."""

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.rows: dict[TaskHandle, TaskRow] = {}
        self.empty = QLabel(self.tr("Nothing is running."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.empty)
        self.layout_.addStretch(1)
        tasks.taskStarted.connect(self._add)
        tasks.taskEnded.connect(self._remove)
        for handle in tasks.running():
            self._add(handle)

    def _add(self, handle: TaskHandle) -> None:
        row = TaskRow(handle, self)
        self.rows[handle] = row
        self.layout_.insertWidget(self.layout_.count() - 1, row)
        self.empty.setVisible(False)

    def _remove(self, handle: TaskHandle) -> None:
        row = self.rows.pop(handle, None)
        if row is not None:
            self.layout_.removeWidget(row)
            row.hide()  # at once: the deletion waits for the event loop, and a row left showing overlaps the next
            row.deleteLater()
        self.empty.setVisible(not self.rows)


class TaskDock(QDockWidget):
    """The task list at the bottom of the window; it comes up by itself when a second task starts."""

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(self.tr("Tasks"), parent)
        self.setObjectName("tasks")  # the window saves and restores the dock's place
        self.list = TaskList(tasks, self)
        self.setWidget(self.list)
        tasks.taskStarted.connect(self._started)

    def _started(self, _handle: TaskHandle) -> None:
        if len(self.list.rows) >= 2:
            self.show()
