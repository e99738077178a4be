"""Take docs/task-list.png: the window with two tasks running, each with its progress, time left and Cancel.

Run: xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshot_tasks.py

The two tasks are stand-ins that wait until the shot is taken; their progress is reported as real work reports it.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SRT = "".join(
    f"{i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{text}\n\n"
    for i, text in enumerate(
        [
            "Hello everyone, and welcome to the show.",
            "Today we talk about subtitles, timing and reading speed.",
            "The quick brown fox jumps over the lazy dog.",
            "Thank you for watching, and see you next time.",
        ]
    )
)


def main() -> None:
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="qss-shots-"))
    srt = folder / "lecture.srt"
    srt.write_text(SRT, encoding="utf-8")
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1100, 640)
    window.show()
    window.open_path(str(srt))
    release = threading.Event()

    def waiting(report) -> None:
        while not release.wait(0.05):
            report.check()

    now = [0.0]
    shown = (("decode", "Decoding lecture-2h.mkv…", 0.64), ("realign", "Aligning the whole file…", 0.23))
    for kind, label, fraction in shown:
        handle = window.tasks.start(kind, label, waiting, lambda _r: None, title=label)
        handle.pace.clock = lambda: now[0]
        handle.task.progressed.emit(fraction / 4, label)  # as the worker's reports arrive
        now[0] += 90.0
        handle.task.progressed.emit(fraction, label)

    def shot() -> None:
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / "task-list.png"))
        print("saved task-list")
        release.set()
        window.state.stack.mark_clean()
        window.close()
        app.quit()

    QTimer.singleShot(600, shot)
    app.exec()


if __name__ == "__main__":
    main()
