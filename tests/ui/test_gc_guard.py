"""Garbage holding Qt objects is collected on the UI thread, never in a worker thread that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref

from app.ui import gc_guard


class _Node:
    pass


def test_cycles_are_collected_by_the_ui_thread_timer(window, qtbot):
    assert gc_guard._guard is not None and not gc.isenabled()
    collected_in: list[str] = []

    class Watched(_Node):
        def __del__(self) -> None:
            collected_in.append(threading.current_thread().name)

    node = Watched()
    node.self = node  # a cycle: only the cyclic collector frees it
    ref = weakref.ref(node)
    del node
    # a worker allocating a lot must not collect it
    worker = threading.Thread(target=lambda: [_Node() for _ in range(50_000)], name="worker")
    worker.start()
    worker.join()
    assert ref() is not None and not collected_in
    for _ in range(gc_guard._guard.thresholds[0] + 1):  # enough allocations for generation 0's threshold
        _Node().self = None
    gc.collect()  # what a tick does when the thresholds are passed, run here to be deterministic on the UI thread
    assert ref() is None and collected_in == [threading.current_thread().name]


def test_the_timer_collects_passed_generations(window, qtbot):
    guard = gc_guard._guard
    assert guard.timer.isActive() and guard.timer.interval() == gc_guard.INTERVAL_MS
    node = _Node()
    node.self = node
    ref = weakref.ref(node)
    del node
    garbage = [_Node() for _ in range(guard.thresholds[0] + 10)]
    for item in garbage:
        item.self = item
    del garbage
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)
