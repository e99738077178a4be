"""Take the README's screenshots on a real (virtual) screen.

Run: xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots.py

Builds a short espeak-ng recording and tiny random checkpoints, then shows the empty window, the window with a
file and its cues, the recognition options and recognition in progress. Writes docs/window-*.png and
docs/dialog-recognize.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SENTENCES = [
    "Hello everyone, and welcome to the show.",
    "Today we talk about subtitles, timing and reading speed.",
    "The quick brown fox jumps over the lazy dog.",
    "Thank you for watching, and see you next time.",
]


def make_recording(folder: Path) -> tuple[Path, Path]:
    parts, cues, t = [], [], 0.6
    pause = np.zeros(int(0.6 * 16000), dtype=np.float32)
    parts.append(pause)
    for i, sentence in enumerate(SENTENCES * 2):
        raw = folder / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-s", "160", "-w", str(raw), sentence], check=True)
        data, rate = sf.read(raw, dtype="float32")
        data = np.interp(np.linspace(0, len(data) - 1, len(data) * 16000 // rate), np.arange(len(data)), data)
        parts += [data.astype(np.float32), pause]
        cues.append((t, t + len(data) / 16000, sentence))
        t += len(data) / 16000 + 0.6
    wav = folder / "interview.wav"
    sf.write(wav, np.concatenate(parts), 16000)
    srt = folder / "interview.srt"
    srt.write_text(
        "".join(f"{i + 1}\n{_ts(a)} --> {_ts(b)}\n{text}\n\n" for i, (a, b, text) in enumerate(cues)), encoding="utf-8"
    )
    return wav, srt


def _ts(seconds: float) -> str:
    ms = int(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def main() -> None:
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="qss-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    wav, srt = make_recording(folder)
    window = MainWindow(settings)
    window.resize(1280, 800)
    window.show()
    window.warm_up.join()
    steps = []

    def shot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / f"window-{name}.png"))
        print("saved", name)

    def empty() -> None:
        shot("empty")
        window.files.mediaLoaded.connect(with_file)
        window.open_path(str(wav))

    def with_file() -> None:
        window.files.mediaLoaded.disconnect(with_file)
        window.open_path(str(srt))
        window.state.select([2])
        window.waveform.setXRange(0, 14, padding=0)
        QTimer.singleShot(300, lambda: (shot("cues"), recognise()))

    def recognise() -> None:
        from app.ui.recognition.dialog import RecognitionDialog
        from app.ui.recognition.options import RecognitionOptions, load_options
        from app.ui.recognition.run import run_recognition
        from tests.support.checkpoints import tiny_checkpoints

        dialog = RecognitionDialog(load_options(window), window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(ROOT / "docs" / "dialog-recognize.png"))
        print("saved dialog-recognize")
        dialog.close()

        models = tiny_checkpoints(str(folder / "models"))
        from app.core.commands import ReplaceAll

        window.state.push(ReplaceAll(()))
        options = RecognitionOptions(
            model=str(models.recognizer), aligner=str(models.aligner), language="English", device="cpu",
            max_new_tokens=24,
        )  # fmt: skip
        taken = []

        def on_progress(_fraction: float, message: str) -> None:
            if message.startswith("Recognising") and not taken:
                taken.append(1)
                shot("recognizing")

        window.tasks.taskFinished.connect(lambda _name: QTimer.singleShot(200, finish))
        handle = run_recognition(window, options)
        handle.task.progressed.connect(on_progress)

    def finish() -> None:
        window.state.stack.mark_clean()
        window.close()
        app.quit()

    steps.append(empty)
    QTimer.singleShot(500, empty)
    app.exec()


if __name__ == "__main__":
    main()
