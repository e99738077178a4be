"""Start the window. Only Qt and our own light modules are imported here: start-up must stay fast."""

from __future__ import annotations

import sys


def launch(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from app import APP_NAME, __version__
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("QwenSubtitleStudio")
    window = MainWindow()
    window.show()
    paths = [a for a in argv if not a.startswith("-")]
    if paths:
        window.open_path(paths[0])
    return app.exec()
