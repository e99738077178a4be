"""Garbage collection on the UI thread only.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a generation fills up. When
that is a worker thread (a subtitle file being parsed, a decode), and the garbage holds Qt objects (a closed
dialog, a window caught in a reference cycle), their C++ destructors run in that thread, which Qt does not
allow: the suite crashed once that way (a segmentation fault "Garbage-collecting" in the subtitle reader's
thread). As pyqtgraph's GarbageCollector does, automatic collection is turned off and a timer on the UI thread
collects by the same generation thresholds instead. Worker threads never collect; nothing is kept longer than
one tick (INTERVAL_MS).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
FULL_GROWTH = 1.25  # a full collection once the tracked objects are this many times those the last one left

_guard: UiThreadCollector | None = None


class UiThreadCollector(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(QCoreApplication.instance())  # ends with the application, on its thread
        self.thresholds = gc.get_threshold()
        self.long_lived = 0  # objects tracked after the last full collection (none yet: the first one is due)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)
        gc.disable()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds, as the automatic collector would:
        the oldest generation only once the objects the collector tracks have grown by a quarter since the last
        full collection (CPython's own rule). Without it a document of 600,000 cues was walked whole every few
        seconds, 0.18 s of the UI thread each time (issue 27)."""
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > self.thresholds[g]:
                generation = g
        if generation < 0:
            return 0
        if generation == 2 and len(gc.get_objects()) < self.long_lived * FULL_GROWTH:
            generation = 1
        found = gc.collect(generation)
        if generation == 2:
            self.long_lived = len(gc.get_objects())
        return found


def install() -> UiThreadCollector:
    """Collect on the UI thread from now on (idempotent; call on the UI thread with a QApplication)."""
    global _guard
    if _guard is None:
        _guard = UiThreadCollector()
    return _guard
