"""The README's screenshots of the ui in Chinese, the dark theme and the shortcut settings, on a virtual screen.

Run: xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots_i18n.py
(needs a CJK font: apt-get install fonts-noto-cjk; and espeak-ng for the Mandarin recording)

Writes docs/window-zh-CN.png, docs/dialog-recognize-zh-CN.png, docs/window-dark.png, docs/dialog-shortcuts.png.
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
    "大家好，欢迎收看本期节目。",
    "今天我们来聊一聊字幕的时间轴和阅读速度。",
    "每一行字幕不宜太长，观众需要时间阅读。",
    "谢谢大家的观看，我们下期再见。",
]


def make_recording(folder: Path) -> tuple[Path, Path]:
    parts, cues, t = [], [], 0.6
    pause = np.zeros(int(0.6 * 16000), dtype=np.float32)
    parts.append(pause)
    for i, sentence in enumerate(SENTENCES * 2):
        raw = folder / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-v", "cmn", "-s", "150", "-w", str(raw), sentence], check=True)
        data, rate = sf.read(raw, dtype="float32")
        data = np.interp(np.linspace(0, len(data) - 1, len(data) * 16000 // rate), np.arange(len(data)), data)
        parts += [data.astype(np.float32), pause]
        cues.append((t, t + len(data) / 16000, sentence))
        t += len(data) / 16000 + 0.6
    wav = folder / "节目.wav"
    sf.write(wav, np.concatenate(parts), 16000)
    srt = folder / "节目.srt"
    srt.write_text(
        "".join(f"{i + 1}\n{_ts(a)} --> {_ts(b)}\n{text}\n\n" for i, (a, b, text) in enumerate(cues)), encoding="utf-8"
    )
    return wav, srt


def _ts(seconds: float) -> str:
    ms = int(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def main() -> None:
    from app.ui import i18n, palette, preferences
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setApplicationName("Qwen Subtitle Studio")
    folder = Path(tempfile.mkdtemp(prefix="qss-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    wav, srt = make_recording(folder)
    window = MainWindow(settings)
    window.resize(1280, 800)
    window.show()
    window.warm_up.join()

    def save(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(ROOT / "docs" / f"{name}.png"))
        print("saved", name)

    def start() -> None:
        window.files.mediaLoaded.connect(with_file)
        window.open_path(str(wav))

    def with_file() -> None:
        window.files.mediaLoaded.disconnect(with_file)
        window.open_path(str(srt))
        from app.core.commands import SetTimes

        fast = window.state.doc[3]
        window.state.push(SetTimes(3, fast.start, fast.start + 700))  # too fast to read: a problem colour shows
        window.state.select([2])
        window.waveform.setXRange(0, 16, padding=0)
        QTimer.singleShot(300, light_shots)

    def light_shots() -> None:
        from app.ui.recognition.dialog import RecognitionDialog
        from app.ui.recognition.options import load_options

        save(window, "window-zh-CN")
        dialog = RecognitionDialog(load_options(window), window)
        dialog.language.setCurrentIndex(dialog.language.findData("Chinese"))
        dialog.show()
        save(dialog, "dialog-recognize-zh-CN")
        dialog.close()
        preferences.choose_theme(window, "dark")
        QTimer.singleShot(300, dark_shots)

    def dark_shots() -> None:
        save(window, "window-dark")
        window.shortcuts.apply("aegisub")
        dialog = preferences.open_shortcut_settings(window)
        dialog.table.selectRow(dialog.ids.index("play.before_start"))
        dialog.table.scrollToItem(dialog.table.item(dialog.ids.index("play.before_start"), 0))
        save(dialog, "dialog-shortcuts")
        dialog.reject()
        window.shortcuts.apply("qss")
        palette.theme().apply("light")
        window.state.stack.mark_clean()
        window.close()
        app.quit()

    QTimer.singleShot(500, start)
    app.exec()


if __name__ == "__main__":
    main()
