"""The batch queue panel with files in every state, and the recognition dialog's server fields, against the local
vLLM stand-in (tests/support/asr_server.py). Writes docs/batch-queue.png and docs/server-settings.png.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'openbox & python docs/screenshot_batch.py'
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="qss-shot-"))
os.environ["XDG_DATA_HOME"] = str(SCRATCH / "data")  # the queue file of this run only
os.environ["QSS_SERVER_CONCURRENCY"] = "1"  # one chunk at a time: the running file shows its progress


def _wav(path: Path, samples: np.ndarray) -> str:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return str(path)


def _wait(app, until, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _capture(app, widget, name: str) -> None:
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    frame = widget.frameGeometry()
    full = SCRATCH / "root.png"
    subprocess.run(["import", "-window", "root", str(full)], check=True)
    crop = f"{frame.width()}x{frame.height()}+{frame.x()}+{frame.y()}"
    subprocess.run(["convert", str(full), "-crop", crop, "+repage", str(ROOT / "docs" / name)], check=True)
    print("saved", name)


def main() -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from app.session.batch import CANCELLED, DONE, RUNNING, BatchItem, BatchOutput
    from app.ui.main_window import MainWindow
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import load_options
    from tests.support.asr_server import FakeAsrServer, tone_audio

    app = QApplication([])
    season = SCRATCH / "Season 1"
    season.mkdir()
    subs = SCRATCH / "subtitles"
    files = [_wav(season / f"Episode {n:02d}.wav", tone_audio(2)) for n in range(1, 7)]
    (season / "Episode 02.wav").write_bytes(b"RIFF not audio")
    _wav(season / "Episode 03.wav", tone_audio(30))  # 150 s: five chunks
    with FakeAsrServer(latency_s=1.2, api_key="team-key") as server:
        os.environ["QSS_SERVER_API_KEY"] = "team-key"
        settings = QSettings(str(SCRATCH / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("recognition/server_url", server.url)
        settings.setValue("recognition/aligner", "none")
        window = MainWindow(settings)
        window.resize(1180, 720)
        window.move(40, 30)
        window.show()
        dock = window.batch
        queue = dock.queue
        dock.set_output(BatchOutput(str(subs), ("srt", "vtt")))
        queue.add(files)
        queue.update(0, state=DONE, outputs=(str(subs / "Episode 01.srt"), str(subs / "Episode 01.vtt")))
        queue.update(4, state=CANCELLED)
        dock.show()
        window.resizeDocks([dock], [330], Qt.Orientation.Vertical)
        dock.runner.start()
        _wait(app, lambda: queue[2].state == RUNNING)
        _wait(app, lambda: dock.runner.handle is not None and dock.runner.handle.seconds_left is not None
              and dock.runner.handle.fraction > 0.35)  # fmt: skip
        dock.select_row(2)
        window.task_dock.hide()  # the queue shows the running file's progress itself
        _capture(app, window, "batch-queue.png")
        dock.runner.cancel_all()
        _wait(app, lambda: dock.runner.handle is None)
        assert isinstance(queue[1], BatchItem)

        os.environ.pop("QSS_SERVER_API_KEY")
        dialog = RecognitionDialog(load_options(window), window)
        dialog.aligner.setCurrentText("Qwen/Qwen3-ForcedAligner-0.6B")
        dialog.api_key.setText("team-key")
        dialog.show()
        dialog.move(200, 120)
        dialog.test_connection()
        _wait(app, dialog.test_button.isEnabled)
        _capture(app, dialog, "server-settings.png")
        dialog.close()
        window.tasks.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
