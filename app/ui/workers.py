"""Running slow, Qt-free work off the UI thread.

The work is a plain function ``job(report) -> result`` from the layers below; it calls
``report.progress(fraction, message)`` as it goes, may hand over partial results with
``report.item(obj)``, and checks ``report.cancelled()`` (or is stopped at its next report: a report
after cancel raises :class:`Cancelled`). Everything crosses to the UI thread as a queued signal: the
worker never touches a widget.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.core.errors import AppError


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class Report:
    """What a job uses to talk to the window. Thread-safe: it only emits signals and reads an Event."""

    def __init__(self, worker: Worker):
        self._worker = worker
        self._event = worker._cancel
        self._last = 0.0

    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def progress(self, fraction: float, message: str = "") -> None:
        self.check()
        now = time.monotonic()
        if now - self._last >= 0.05 or fraction >= 1.0:  # at most 20 updates a second reach the window
            self._last = now
            self._worker.progressed.emit(float(fraction), message)

    def item(self, obj: Any) -> None:
        self.check()
        self._worker.produced.emit(obj)

    def status(self, message: str) -> None:
        """A message without progress (waiting for the engine, loading a model)."""
        self._worker.progressed.emit(-1.0, message)


def relay(report: Report, message: Any) -> bool:
    """Pass an engine job's Status and Progress messages (app.asr.client.protocol) on to the window.

    Returns False for any other message, which the caller handles.
    """
    from app.asr.client.protocol import Progress, Status
    from app.ui.messages import render

    if isinstance(message, Status):
        report.status(render(message.message))
        return True
    if isinstance(message, Progress):
        report.progress(message.fraction, render(message.message))
        return True
    return False


class Worker(QObject):
    progressed = Signal(float, str)  # fraction (-1: unknown), message
    produced = Signal(object)  # partial results
    succeeded = Signal(object)
    failed = Signal(str)  # one line for the user
    cancelled = Signal()
    done = Signal()  # after any of the three above

    def __init__(self, job: Callable[[Report], Any], name: str = "work"):
        super().__init__()
        self.job = job
        self.name = name
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        report = Report(self)
        try:
            result = self.job(report)
        except Cancelled:
            self.cancelled.emit()
        except AppError as exc:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:  # a coded message is rendered in the user's language; a plain one is said as it is
                from app.ui.messages import render

                self.failed.emit(render(exc.message) if exc.message is not None else str(exc))
        except MemoryError:
            self.failed.emit(self.tr("{name}: out of memory").format(name=self.name))
        except Exception as exc:  # a defect of ours: one line for the user, the trace for the log
            traceback.print_exc()
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                message = self.tr("{name} failed: {error}").format(name=self.name, error=f"{type(exc).__name__}: {exc}")
                self.failed.emit(message)
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.done.emit()


class Task(QObject):
    """A worker on its own daemon thread. Keep a reference while it runs.

    Connect to the Task's signals, not the worker's: the Task lives on the thread that made it (the UI thread), so
    its signals are re-emitted there, and any slot, a lambda or a plain function included, runs on the UI thread.
    A plain callable connected to the worker's own signals would run on the worker's thread and touch widgets
    from there.

    The thread is a daemon: a job stuck in a call that never returns cannot hold the application open at exit
    (the window waits a short, bounded time for cancelled work, then leaves).
    """

    progressed = Signal(float, str)
    produced = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job: Callable[[Report], Any], name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = Worker(job, name)
        worker = self.worker  # the thread holds the worker, so it outlives this Task if the window goes first
        self.thread = threading.Thread(target=lambda: worker.run(), name=name, daemon=True)
        queued = Qt.ConnectionType.QueuedConnection  # the receiver is this Task, on the UI thread
        for signal in ("progressed", "produced", "succeeded", "failed", "cancelled", "done"):
            getattr(self.worker, signal).connect(getattr(self, signal), queued)

    def start(self) -> Task:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.worker.cancel()

    def is_running(self) -> bool:
        return self.thread.is_alive()

    def wait(self, ms: int = 30_000) -> bool:
        """Wait up to ``ms`` for the job to end; True when it has."""
        if self.thread.ident is not None:
            self.thread.join(max(ms, 0) / 1000)
        return not self.thread.is_alive()
