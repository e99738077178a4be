"""torch's thread count follows the cores actually free (app/asr/runtime/threads.py), picked again before every
recognition batch and aligner call unless the user fixed it."""

from __future__ import annotations

import numpy as np
import pytest

from app.asr.runtime import threads

torch = pytest.importorskip("torch")

STAT = """cpu  100 0 100 800 0 0 0 0 0 0
cpu0 {0} 0 0 {1} 0 0 0 0 0 0
cpu1 {2} 0 0 {3} 0 0 0 0 0 0
intr 1 2 3
"""


def test_idle_shares_are_read_per_cpu_from_proc_stat(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.write_text(STAT.format(100, 100, 100, 100))
    after.write_text(STAT.format(200, 100, 110, 190))  # cpu0 busy the whole window, cpu1 idle 90 % of it
    a, b = threads.read_cpu_idle(str(before)), threads.read_cpu_idle(str(after))
    assert a == {0: (100, 200), 1: (100, 200)}
    assert threads.idle_cores(a, b, None) == [0.0, 0.9]
    assert threads.idle_cores(a, b, {1}) == [0.9]  # only the CPUs this process may run on
    assert threads.read_cpu_idle(str(tmp_path / "missing")) is None


@pytest.mark.parametrize(
    ("shares", "ceiling", "want"),
    [
        ([1.0, 1.0], 2, 2),  # a quiet machine: torch's default
        ([0.0, 0.95], 2, 1),  # a busy-loop on one core
        ([0.1, 0.2], 2, 1),  # both busy: one thread, never none
        ([0.5, 0.6], 2, 1),  # cores shared half and half count as busy
        ([0.9, 0.8, 0.9, 0.75], 2, 2),  # never above torch's default
        ([0.9, 0.0, 0.9, 0.2], 4, 2),
        (None, 3, 3),  # no /proc/stat (another system): torch's default
        ([], 3, 3),
    ],
)
def test_threads_are_the_free_cores(shares, ceiling, want):
    assert threads.pick_threads(shares, ceiling) == want


def test_free_core_threads_sets_torch_and_measures_a_short_window_now_and_then(monkeypatch):
    samples = iter([{0: (0, 100), 1: (0, 100)}, {0: (95, 200), 1: (5, 200)}])
    slept = []
    now = [100.0]
    monkeypatch.setattr(threads, "_default", 2)
    monkeypatch.setattr(threads, "_last", None)
    monkeypatch.setattr(threads.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    before = torch.get_num_threads()

    def pick(stat) -> int:
        return threads.free_core_threads(read=lambda: next(stat), sleep=slept.append, clock=lambda: now[0])

    try:
        assert pick(samples) == 1
        assert torch.get_num_threads() == 1 and slept == [threads.WINDOW_S]
        quiet = iter([{0: (0, 100), 1: (0, 100)}, {0: (100, 200), 1: (100, 200)}])
        now[0] += threads.REPICK_AFTER_S / 2
        torch.set_num_threads(2)
        assert pick(quiet) == 1 and torch.get_num_threads() == 1  # the last pick stands, nothing measured
        assert slept == [threads.WINDOW_S]
        now[0] += threads.REPICK_AFTER_S
        assert pick(quiet) == 2 and torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_the_engine_picks_threads_before_each_batch_unless_fixed(tiny_models, monkeypatch):
    from app.asr.runtime.engine import Engine, EngineOptions

    picked = []
    monkeypatch.setattr(threads, "free_core_threads", lambda: picked.append(1) or 1)
    wavs = [np.zeros(16000 * s, np.float32) for s in (1, 2, 3)]
    before = torch.get_num_threads()
    counts = {}
    try:
        for fixed in (None, 1):
            engine = Engine(EngineOptions(model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner),
                                          device="cpu", batch_size=2, idle_unload_s=0, download=False,
                                          max_new_tokens=4, threads=fixed))  # fmt: skip
            picked.clear()
            try:
                with engine.session():
                    engine.transcribe(wavs, language="English")
                    engine.align(wavs[:2], ["hello there", "good morning"], "English")
            finally:
                engine.unload()
            counts[fixed] = len(picked)
    finally:
        torch.set_num_threads(before)
    assert counts == {None: 2 + 2, 1: 0}  # two recognition batches, two aligner calls (one chunk each on the CPU)


def test_a_damaged_proc_stat_is_no_measurement(tmp_path):
    """A short cpu line, an empty line or a word where a number belongs: torch's default stands, no exception."""
    for text in ("cpu0 1 2 3 4\n\n", "cpu0 1 2 x 4 5 6 7 8\n", "cpu0 1 2 3 4 5 6 7 8\n\n", ""):
        path = tmp_path / "stat"
        path.write_text(text)
        got = threads.read_cpu_idle(str(path))
        assert got is None or got == {0: (9, 36)}
    assert threads.read_own_ticks(str(tmp_path / "missing")) is None
    (tmp_path / "self").write_text("12 (a (b) c) S 1 2 3 4 5 6 7 8 9 10 700 300 0 0\n")
    assert threads.read_own_ticks(str(tmp_path / "self")) == 1000  # utime + stime, a name with spaces and ")"


def test_the_processs_own_spinning_threads_are_not_taken_for_another_programs_load(monkeypatch):
    """Right after a product the process's own OpenMP workers spin a while: a core they kept busy is free."""
    monkeypatch.setattr(threads, "_default", 2)
    monkeypatch.setattr(threads, "_last", None)
    monkeypatch.setattr(threads.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    samples = iter([{0: (0, 100), 1: (0, 100)}, {0: (100, 110), 1: (4, 110)}])  # cpu1 busy 6 ticks of 10
    own = iter([1000, 1006])  # ... all of them this process's own
    before = torch.get_num_threads()
    try:
        got = threads.free_core_threads(read=lambda: next(samples), sleep=lambda s: None, read_own=lambda: next(own))
        assert got == 2
        assert threads.without_own([1.0, 0.2], 0.5) == [0.7, 1.0]
        monkeypatch.setattr(threads, "_last", None)
        samples = iter([{0: (0, 100), 1: (0, 100)}, {0: (100, 110), 1: (4, 110)}])
        own = iter([1000, 1000])  # another program's load
        assert (
            threads.free_core_threads(read=lambda: next(samples), sleep=lambda s: None, read_own=lambda: next(own)) == 1
        )
    finally:
        torch.set_num_threads(before)
