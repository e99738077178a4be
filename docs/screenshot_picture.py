"""The README's screenshots of the picture: a video with a cue drawn on it beside the waveform and its shot-change
lines, and the spectrogram mode.

Run: xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshot_picture.py

Makes a video with ffmpeg (a spoken recording from docs/screenshots.py under test pictures cut every few
seconds), opens it with its subtitles, waits for the shot changes, and writes docs/picture.png and
docs/spectrogram.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHOTS = ("testsrc2", "smptehdbars", "gradients=c0=0x603020:c1=0x2080c0:speed=0.02", "rgbtestsrc")


def make_video(folder: Path) -> tuple[Path, Path]:
    import soundfile as sf
    from screenshots import make_recording

    wav, srt = make_recording(folder)
    seconds = sf.info(str(wav)).duration
    each = seconds / 6
    args: list[str] = []
    for i in range(6):
        source = SHOTS[i % len(SHOTS)]
        joiner = ":" if "=" in source else "="
        args += ["-f", "lavfi", "-i", f"{source}{joiner}size=960x540:rate=25:duration={each:.2f}"]
    graph = "".join(f"[{i}]" for i in range(6)) + "concat=n=6:v=1:a=0,format=yuv420p[v]"
    video = folder / "interview.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args, "-i", str(wav), "-filter_complex", graph, "-map", "[v]",
                    "-map", "6:a", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-shortest", str(video)],
                   check=True)  # fmt: skip
    return video, srt


def wait_until(app: QApplication, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="qss-picture-"))
    os.environ["QSS_CACHE_DIR"] = str(folder / "cache")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    video, srt = make_video(folder)
    window = MainWindow(settings)
    window.resize(1360, 820)
    window.show()
    window.warm_up.join()
    window.open_path(str(video))
    wait_until(app, lambda: window.picture.cuts and not window.tasks.running())
    window.open_path(str(srt))
    wait_until(app, lambda: len(window.state.doc) > 0 and window.player is not None)  # read in a worker
    window.splitter.setSizes([330, 430])
    window.picture.dock.setMinimumWidth(560)
    window.state.select([2])
    cue = window.state.doc[2]
    window.player.seek((cue.start + cue.end) // 2)
    wait_until(app, lambda: not window.picture.canvas.image.isNull() and window.picture.canvas.subtitle)
    window.task_dock.hide()
    window.waveform.setXRange(0, 16, padding=0)
    settle = time.monotonic() + 1.5
    wait_until(app, lambda: time.monotonic() > settle)
    window.grab().save(str(ROOT / "docs" / "picture.png"))
    print("saved picture.png")
    window.picture.spectrogram_action.setChecked(True)
    wait_until(app, lambda: window.picture.spectrum_layer.shown_range[2] > 0)
    settle = time.monotonic() + 0.5
    wait_until(app, lambda: time.monotonic() > settle)
    window.grab().save(str(ROOT / "docs" / "spectrogram.png"))
    print("saved spectrogram.png")
    window.picture.spectrogram_action.setChecked(False)
    os._exit(0)  # no unsaved-changes prompt on a virtual screen


if __name__ == "__main__":
    main()
