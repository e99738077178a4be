"""The window with a huge document (issue 27, item 7): 200,000 cues, and one cue of 400,000 words.

Prints, for each action, how long the UI thread was busy with it (ms) and the longest stall of the event loop while
its background part ran (a 10 ms heartbeat timer measures it). Targets: an edit or undo at most 50 ms; autosave
never blocks the UI thread over 100 ms; checks run off the UI thread with the panel usable; painting bounded.
Run: QT_QPA_PLATFORM=offscreen python bench/bench_big_document.py [--cues N] [--words N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dog",
    "subtitles",
    "timing",
    "reading",
    "speed",
    "recieve",
    "mesage",
]


class Heartbeat:
    """The longest gap between 10 ms ticks: how long the event loop was held."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def run_loop_until(app: QApplication, done, limit_s: float = 300.0) -> float:
    start = time.perf_counter()
    while not done() and time.perf_counter() - start < limit_s:
        app.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=200_000)
    parser.add_argument("--words", type=int, default=400_000)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    from app.core.commands import SetText
    from app.core.document import Cue, Document
    from app.ui.autosave import AutoSaver
    from app.ui.main_window import MainWindow

    folder = tempfile.mkdtemp()
    window = MainWindow(QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat))
    window.resize(1300, 740)
    window.show()
    cues = [Cue(i * 2000, i * 2000 + 1500, f"{WORDS[i % 14]} line {i}") for i in range(args.cues)]
    doc = Document.from_cues(cues, language="English")
    t = time.perf_counter()
    window.state.replace_document(doc)
    app.processEvents()
    print(f"cores: {os.cpu_count()}; cues: {args.cues}")
    print(f"open (replace the document): {1000 * (time.perf_counter() - t):.0f} ms")
    saver = AutoSaver(window, Path(folder) / "recovery", interval_ms=10_000_000)  # driven by hand below
    beat = Heartbeat()

    def timed(label: str, action) -> None:
        beat.start()
        t0 = time.perf_counter()
        action()
        busy = 1000 * (time.perf_counter() - t0)
        app.processEvents()
        total = 1000 * (time.perf_counter() - t0)
        print(f"{label}: UI thread {busy:.1f} ms, with the views' updates {total:.1f} ms")
        beat.stop()

    window.state.select([args.cues // 2])
    app.processEvents()
    timed("edit (set one cue's text)", lambda: window.state.push(SetText(args.cues // 2, "edited text")))
    timed("undo", window.undo)
    timed("redo", window.redo)
    # autosave: the UI thread's part, then the stall while the background part runs
    beat.start()
    t0 = time.perf_counter()
    background = getattr(saver, "_write_in_background", None)  # before it: the write on the UI thread
    (background or saver.save_now)()
    ui_ms = 1000 * (time.perf_counter() - t0)
    wall = run_loop_until(app, lambda: getattr(saver, "_writing", None) is None)
    print(f"autosave: UI thread {ui_ms:.1f} ms; written in {wall:.1f} s; longest event-loop stall {beat.stop()} ms")
    # quality checks
    window.checks.show()
    beat.start()
    t0 = time.perf_counter()
    window.checks.recheck_now()
    ui_ms = 1000 * (time.perf_counter() - t0)
    wall = run_loop_until(app, lambda: window.checks._job is None)
    print(f"checks: UI thread {ui_ms:.1f} ms; done in {wall:.1f} s; longest event-loop stall {beat.stop()} ms")
    # one enormous cue in the text box (spell check underlines and all)
    huge = " ".join(WORDS[i % 14] for i in range(args.words))
    window.state.push(SetText(0, huge))
    beat.start()
    t0 = time.perf_counter()
    window.state.select([0])
    window.editor.grab()
    app.processEvents()
    wall = run_loop_until(app, lambda: False, limit_s=3.0)
    print(f"a cue of {args.words} words shown and painted: {1000 * (time.perf_counter() - t0 - wall):.0f} ms "
          f"before the loop ran; longest stall over the next 3 s {beat.stop()} ms")  # fmt: skip
    saver.discard()
    window.tasks.shutdown(2.0)


if __name__ == "__main__":
    main()
