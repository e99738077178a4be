"""The UI thread while a 1080p video plays and its shot changes are found.

    xvfb-run -a python bench/bench_picture_ui.py [VIDEO] [--seconds 60]

Without VIDEO, the 1-minute 1080p H.264 unit of bench_shots.py gets a tone as its sound (a stream copy of the
video). The window opens it (no shot cache), plays it, and a 10 ms timer on the UI thread measures the longest
gap between its ticks (tests/ui/test_recognition_flow.GapMeter: time spent waiting for a CPU taken off) until
the shot changes are found or ``--seconds`` pass. Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def with_sound(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_shots import generate

    unit = generate(1)
    path = folder / "h264-1080p-1min-sound.mp4"
    if not path.exists():
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(unit), "-f", "lavfi", "-i",
                        "sine=frequency=440:duration=60", "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac",
                        "-shortest", str(path)], check=True)  # fmt: skip
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("video", nargs="?")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="qss-bench-ui-"))
    os.environ["QSS_CACHE_DIR"] = str(scratch / "cache")  # no cached shots: the scan really runs
    path = Path(args.video) if args.video else with_sound(Path(tempfile.gettempdir()) / "qss-bench")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow
    from tests.ui.test_recognition_flow import GapMeter

    app = QApplication(sys.argv)
    window = MainWindow(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1360, 820)
    window.show()
    window.warm_up.join()

    def pump_until(condition, limit: float) -> bool:
        deadline = time.monotonic() + limit
        while not condition() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.002)
        return condition()

    frames: list[int] = []
    with GapMeter() as gaps:
        started = time.monotonic()
        window.open_path(str(path))
        pump_until(lambda: window.picture.has_picture and window.player is not None, 120)
        window.picture.sink.videoFrameChanged.connect(lambda _f: frames.append(1))
        window.player.toggle()
        found = pump_until(lambda: not window.tasks.running("shots") and window.picture.cuts, args.seconds)
        elapsed = time.monotonic() - started
        position = window.player.position_ms()
    state = "found" if found else "still running"
    print(f"{path.name}: {elapsed:.1f} s; shots {state} ({len(window.picture.cuts)} cuts)")
    print(f"played to {position / 1000:.1f} s, {len(frames)} frames reached the pane")
    print(f"longest UI-thread gap: {gaps.longest * 1000:.0f} ms (target < 100 ms)")
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
