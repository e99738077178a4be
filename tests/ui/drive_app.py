"""Start the real app in this process and run a test script in it once its event loop runs.

    python tests/ui/drive_app.py SCRIPT.py [--recovery restore|discard] [APP ARGS...]

The script runs with ``window`` (the main window) in scope. The shipped app has no such hook: this driver
imports the app and launches it itself, answering the crash-recovery question with ``--recovery``.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import autosave, launch

    script, rest = argv[0], argv[1:]
    if "--recovery" in rest:
        at = rest.index("--recovery")
        answer = rest[at + 1]
        del rest[at : at + 2]
        autosave.ask_restore = lambda _parent, _item: answer == "restore"
    app = QApplication([sys.argv[0], *rest])

    def run_script() -> None:
        window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
        if window.tasks.running():  # the files given on the command line are still being read: once they are in

            def ended(_handle) -> None:
                if not window.tasks.running():
                    window.tasks.taskEnded.disconnect(ended)
                    runpy.run_path(script, init_globals={"window": window})

            window.tasks.taskEnded.connect(ended)
            return
        runpy.run_path(script, init_globals={"window": window})

    QTimer.singleShot(0, run_script)
    return launch.launch(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
