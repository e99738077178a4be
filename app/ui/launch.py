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
    app.setDesktopFileName("qwen-subtitle-studio")  # matches the .desktop file: the desktop shows our icon and name
    _set_icon(app)
    smoke_test = _option(argv, "--smoke-test")
    paths = [a for a in argv if not a.startswith("-") and a != smoke_test]
    if smoke_test is not None:
        return _smoke_test(app, MainWindow(), smoke_test)

    from app.ui.autosave import AutoSaver
    from app.ui.single_instance import InstanceServer, send_to_running

    if send_to_running(paths):  # a window is open already: it takes the files and comes to the front
        return 0
    window = MainWindow()
    server = InstanceServer(lambda received: _receive(window, received), parent=window)
    server.listen()
    window.show()
    autosave = AutoSaver(window)
    if autosave.offer_recovery():
        if paths:
            from PySide6.QtCore import QCoreApplication

            message = QCoreApplication.translate("MainWindow", "Recovered unsaved work; {path} was not opened")
            message = message.format(path=paths[0])
            window.show_status(message, 10_000)
    elif paths:
        window.files.open_paths(paths)
    code = app.exec()
    # The background imports (MainWindow.warm_up) touch Qt's enums; a thread still doing so while Python shuts the
    # bindings down crashes the process (a segfault in shiboken on a window closed in its first second). Imports
    # end on their own: wait for them.
    window.warm_up.join()
    return code


def _set_icon(app) -> None:
    from importlib import resources

    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resources.files("app") / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(folder / f"qwen-subtitle-studio-{size}.png"))
    app.setWindowIcon(icon)


def _option(argv: list[str], name: str) -> str | None:
    if name in argv and argv.index(name) + 1 < len(argv):
        return argv[argv.index(name) + 1]
    return None


def _receive(window, paths: list[str]) -> None:
    """Files from a second start (a double-click in the file manager while the window is open)."""
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if paths:
        window.files.open_paths(paths)


def _smoke_test(app, window, path: str) -> int:
    """Open one file in a hidden window, wait until it is loaded, close: 0 when it worked (the built app's check)."""
    from PySide6.QtCore import QTimer

    failures: list[str] = []
    window.show_error = lambda title, message: failures.append(f"{title}: {message}")  # no modal dialog here

    def finish() -> None:
        doc = window.state.doc
        loaded = len(doc) > 0 or window.state.audio is not None
        print(f"smoke test: {path}: {len(doc)} cues, media {'decoded' if window.state.audio else 'none'}")
        for failure in failures:
            print(f"smoke test: {failure}", file=sys.stderr)
        window.close()
        app.exit(0 if loaded and not failures else 1)

    def task_ended(_handle) -> None:
        if not window.tasks.running():
            finish()

    window.tasks.taskEnded.connect(task_ended)
    window.files.open_path(path)
    if not window.tasks.running():
        QTimer.singleShot(0, finish)
    QTimer.singleShot(120_000, lambda: app.exit(3))  # a hang is a failure too
    return app.exec()
