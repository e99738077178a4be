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


def test_the_timer_collects_passed_generations(window, qtbot, monkeypatch):
    """The timer collects once a generation's count has passed its threshold. The count is CPython's own net
    one (allocations less deallocations): objects freed meanwhile by an earlier test's deferred deletes lowered
    it below the threshold in CI (the test timed out), so the tick here reads a count that passed it."""
    guard = gc_guard._guard
    assert guard.timer.isActive() and guard.timer.interval() == gc_guard.INTERVAL_MS
    node = _Node()
    node.self = node
    ref = weakref.ref(node)
    del node
    monkeypatch.setattr(gc, "get_count", lambda: (guard.thresholds[0] + 1, 0, 0))  # the youngest generation is due
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)


def test_a_big_documents_objects_are_not_walked_whole_each_time(window, qtbot, monkeypatch):
    """Issue 27: the oldest generation is collected as CPython collects it, once the tracked objects have grown
    by a quarter since the last full collection; before that a tick collects the younger generations only (a
    document of 600,000 cues cost the UI thread 0.18 s each time it was walked)."""
    guard = gc_guard._guard
    collected: list[int] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            collected.append(info["generation"])

    kept = [[_Node()] for _ in range(200_000)]  # a big document's long-lived objects
    gc.callbacks.append(watch)
    try:
        monkeypatch.setattr(gc, "get_count", lambda: (0, 0, guard.thresholds[2] + 1))  # generation 2 is due
        guard.collect()  # the first: a full collection, which sets the base
        guard.collect()  # nothing new since: the younger generations only
        more = [_Node() for _ in range(guard.long_lived // 3)]  # grown by more than a quarter
        guard.collect()
    finally:
        gc.callbacks.remove(watch)
    assert collected == [2, 1, 2]
    assert guard.long_lived >= 2 * len(kept) + len(more)
