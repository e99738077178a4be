"""The spell-check screenshot: a misspelled word underlined in the cue text box and the list, and the text box's
context menu open over it with its suggestions.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshot_spelling.py   (writes docs/spell-check.png;
the desktop is captured with ImageMagick's ``import`` so that the open menu, a window of its own, is in it)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEXTS = [
    "Hello everyone, and welcome to the show.",
    "Today we talk about subtitels,\ntiming and reading speed.",
    "The quick brown fox jumps over the lazy dog.",
    "Thank you for wacthing, and see you next time.",
    "Qwen writes the first draft; you correct it.",
]


def wait_until(app: QApplication, condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    from app.core.document import Cue, Document
    from app.ui.main_window import MainWindow
    from app.ui.spelling import service as spelling

    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="qss-spelling-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1100, 640)
    window.move(20, 20)
    window.show()
    window.warm_up.join()
    cues = [Cue(1000 + i * 3500, 4000 + i * 3500, text) for i, text in enumerate(TEXTS)]
    window.state.replace_document(Document.from_cues(cues, language="English"))
    wait_until(app, lambda: window.spelling.dictionary is not None)
    window.state.select([1])
    window.splitter.setSizes([120, 520])
    for _ in range(20):
        app.processEvents()
    edit = window.editor.edit
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("subtitels") + 4)
    pos = edit.cursorRect(cursor).center()
    menu = spelling.spelling_menu(window.editor, window.spelling, pos)
    menu.popup(edit.viewport().mapToGlobal(pos) + QPoint(30, 14))  # the underline stays in view
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    out = ROOT / "docs" / "spell-check.png"
    subprocess.run(["import", "-window", "root", "-crop", "1120x560+20+20", "+repage", str(out)], check=True)
    print(out)
    menu.close()
    window.state.stack.clear()
    window.close()


if __name__ == "__main__":
    main()
