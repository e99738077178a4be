"""All background work of the window: any number of tasks at once, each with its progress, time left and Cancel.

Feature code asks the manager for a task (``tasks.start(kind, label, job, on_success, ...)``) instead of wiring
threads itself. A task is bound to the session generation it started for: when another document is opened the
task is cancelled and whatever it still delivers is dropped, so its results never land in the wrong document.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.errors import AppError
from app.ui.state import EditorState
from app.ui.workers import Report, Task

ErrorSink = Callable[[str, str], None]  # (title, message): the window shows a dialog
TICK_MS = 1000


class Pace:
    """Time left from the pace since the first progress report of the current phase (a model download, then the
    run itself): waiting for a model or a file before the first report does not count."""

    clock = staticmethod(time.monotonic)

    def __init__(self) -> None:
        self._origin: tuple[float, float] | None = None

    def time_left(self, fraction: float) -> float | None:
        now = self.clock()
        # first report, a new phase starting over, or work not begun (a model loading reports 0 for minutes: the
        # pace counts from the last of those, when the work itself starts)
        if self._origin is None or fraction < self._origin[1] or fraction <= 0:
            self._origin = (now, fraction)
            return None
        t0, f0 = self._origin
        done, elapsed = fraction - f0, now - t0
        if fraction >= 1.0 or done < 0.02 or elapsed < 2.0:
            return None
        return elapsed * (1 - fraction) / done


class TaskHandle(QObject):
    """One running piece of work as the status bar and the task list show it."""

    changed = Signal()  # progress, message, time left or the cancelling state
    ended = Signal(str)  # "succeeded", "failed", "cancelled" or "dropped" (its document is gone)

    def __init__(
        self, kind: str, label: str, title: str, generation: int | None, task: Task, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.kind = kind
        self.label = label
        self.title = title  # what the work is called in messages about it ("Recognize speech: cancelled")
        self.generation = generation  # None: not bound to a document (a model download)
        self.audio: Any = None  # the decoded audio it works on, when its results are only good for that audio
        self.task = task
        self.fraction = -1.0  # -1: no measure yet (busy)
        self.message = label
        self.seconds_left: float | None = None
        self.cancelling = False
        self.outcome: str | None = None  # known as soon as the worker says it (before its end is handled)
        self._over = False  # its end handled (on_end called): until then it is running, whatever the outcome says
        self.pace = Pace()
        self._estimate: tuple[float, float] | None = None  # (when, seconds left then): the count-down's start

    def is_running(self) -> bool:
        """True until its end has been handled: a worker's "cancelled" and its "done" are two queued signals, and
        between them the results are not withdrawn yet (CI once saw a run's cues after its cancel)."""
        return not self._over

    def cancel(self) -> None:
        if not self._over and self.outcome is None and not self.cancelling:
            self.cancelling = True
            self.task.cancel()
            self.changed.emit()

    def wait(self, ms: int) -> bool:
        return self.task.wait(ms)

    def _progress(self, fraction: float, message: str) -> None:
        if message:
            self.message = message
        self.fraction = fraction
        self.seconds_left = None if fraction < 0 else self.pace.time_left(fraction)
        self._estimate = None if self.seconds_left is None else (self.pace.clock(), self.seconds_left)
        self.changed.emit()

    def tick(self) -> None:
        """Between reports the time left counts down with the clock (a long chunk leaves no figure frozen); at
        zero with the work not done, no figure is better than a wrong one."""
        if self._estimate is None or self.outcome is not None:
            return
        at, left = self._estimate
        remaining = left - (self.pace.clock() - at)
        if remaining < 1:
            self._estimate = None
            self.seconds_left = None
            self.changed.emit()
        elif self.seconds_left is None or int(remaining) != int(self.seconds_left):
            self.seconds_left = remaining
            self.changed.emit()


class TaskManager(QObject):
    taskStarted = Signal(object)  # TaskHandle
    taskEnded = Signal(object)  # TaskHandle, after its results (if any) were handled
    taskFinished = Signal(str)  # the task's kind, whether it succeeded, failed or was cancelled
    changed = Signal()  # a task started, ended or made progress

    def __init__(self, state: EditorState, error: ErrorSink, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.error = error
        self._handles: list[TaskHandle] = []
        self._clock = QTimer(self)  # the time left of running tasks counts down each second
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._tick)
        state.documentReplaced.connect(self._drop_stale)
        state.mediaChanged.connect(self._drop_stale)

    # -- reading -------------------------------------------------------------------------------------
    def running(self, kind: str | None = None) -> list[TaskHandle]:
        return [h for h in self._handles if h.is_running() and (kind is None or h.kind == kind)]

    def current(self, handle: TaskHandle) -> bool:
        """Its results may still be used: not cancelled, and its document is still the open one."""
        fresh = handle.generation is None or handle.generation == self.state.generation
        same_audio = handle.audio is None or handle.audio is self.state.audio
        return fresh and same_audio and not handle.cancelling

    # -- starting ------------------------------------------------------------------------------------
    def start(
        self,
        kind: str,
        label: str,
        job: Callable[[Report], Any],
        on_success: Callable[[Any], None],
        *,
        title: str,
        on_item: Callable[[Any], None] | None = None,
        on_end: Callable[[str], None] | None = None,
        bound: bool = True,
        exclusive: bool = False,
        replaces: bool = False,
        uses_audio: bool = False,
    ) -> TaskHandle | None:
        """Run ``job`` in a worker thread; ``on_item`` gets partial results, ``on_success`` the result, both on the
        UI thread and only while the task is current; ``on_end(outcome)`` runs in every case, last.

        ``exclusive``: refuse (with a message) while a task of this kind runs. ``replaces``: cancel it instead.
        ``uses_audio``: its results are for the decoded audio open now (recognition, alignment); other media
        opened meanwhile cancels it, as another document does.
        """
        if exclusive and self.running(kind):
            self.error(title, self.tr("This is already running; cancel it first or wait for it to finish."))
            return None
        if replaces:
            for old in self.running(kind):
                old.cancel()
        task = Task(job, label, self)
        handle = TaskHandle(kind, label, title, self.state.generation if bound else None, task, self)
        handle.audio = self.state.audio if uses_audio else None
        task.progressed.connect(handle._progress)
        if on_item is not None:
            task.produced.connect(lambda item: self.current(handle) and on_item(item))

        def succeeded(result: Any) -> None:
            if not self.current(handle):
                handle.outcome = "dropped"
                return
            try:
                on_success(result)
            except AppError as exc:
                from app.ui.messages import error_text

                self.error(title, error_text(exc))

        def failed(message: str) -> None:
            if self.current(handle):
                self.error(title, message)

        # the outcome is known before the error dialog opens: its event loop may deliver the task's end meanwhile,
        # which would otherwise take the failure for a cancel (issue 27, item 16)
        task.failed.connect(lambda _message: setattr(handle, "outcome", handle.outcome or "failed"))
        task.succeeded.connect(lambda _result: setattr(handle, "outcome", handle.outcome or "succeeded"))
        task.cancelled.connect(lambda: setattr(handle, "outcome", "cancelled"))
        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.done.connect(lambda: self._ended(handle, on_end))
        handle.changed.connect(self.changed)
        self._handles.append(handle)
        self._clock.start()
        task.start()
        self.taskStarted.emit(handle)
        self.changed.emit()
        return handle

    def _ended(self, handle: TaskHandle, on_end: Callable[[str], None] | None) -> None:
        handle.outcome = handle.outcome or "cancelled"
        handle._over = True
        if on_end is not None:
            on_end(handle.outcome)
        self._handles.remove(handle)
        if not self._handles:
            self._clock.stop()
        handle.ended.emit(handle.outcome)
        self.taskEnded.emit(handle)
        self.taskFinished.emit(handle.kind)
        self.changed.emit()

    def _tick(self) -> None:
        for handle in self.running():
            handle.tick()

    # -- stopping ------------------------------------------------------------------------------------
    def _drop_stale(self) -> None:
        for handle in self.running():
            if not self.current(handle):
                handle.cancel()

    def cancel_all(self) -> None:
        for handle in self.running():
            handle.cancel()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel everything and wait at most ``timeout`` seconds in all; True when every worker has stopped.

        A worker stuck in a call that never returns is left behind: its thread is a daemon and ends with the
        process (the engine's own shutdown is bounded too).
        """
        self.cancel_all()
        deadline = time.monotonic() + timeout
        stopped = True
        for handle in list(self._handles):
            stopped = handle.wait(int(max(0.0, deadline - time.monotonic()) * 1000)) and stopped
        return stopped
