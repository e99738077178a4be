from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.ui.main_window import MainWindow

SRT = (
    "1\n00:00:01,000 --> 00:00:02,500\nHello, world.\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\nHow are you today?\n\n"
    "3\n00:00:05,000 --> 00:00:06,000\nFine.\n"
)


MODAL_LIMIT_MS = 20_000  # no test waits this long on a dialog it answers itself


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread(qapp):
    """Garbage collected on the UI thread only, as in the application (app.ui.gc_guard; the main window installs
    it): tests with a stand-in host and no window would otherwise let Python collect Qt objects in a worker
    thread (the translation run's, while it imports openai's modules), which crashes the process."""
    from app.ui import gc_guard

    gc_guard.install()


@pytest.fixture(autouse=True)
def no_forgotten_dialog(qapp):
    """A modal dialog that nothing answers (a file dialog a test did not expect, say) would hold the whole suite until
    CI's limit: one left open MODAL_LIMIT_MS is closed, and the test fails naming it."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    forgotten: list[str] = []
    seen: dict[str, object] = {"widget": None, "since": QElapsedTimer()}

    def watch() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not seen["widget"]:
            seen["widget"] = modal
            seen["since"].start()  # type: ignore[attr-defined]
        elif modal is not None and seen["since"].elapsed() > MODAL_LIMIT_MS:  # type: ignore[attr-defined]
            forgotten.append(f"{type(modal).__name__} {modal.windowTitle()!r}")
            modal.reject() if isinstance(modal, QDialog) else modal.close()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(watch)
    timer.start()
    yield
    timer.stop()
    assert not forgotten, f"a modal dialog nobody answered was left open: {forgotten}"


@pytest.fixture(autouse=True)
def save_anyway(monkeypatch):
    """Saving a document with overlapping cues asks first (app.ui.checks.save_guard): tests that are not about that
    answer Save Anyway; the questions are kept here."""
    from app.ui.checks.save_guard import SAVE, SaveGuard

    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(SaveGuard, "default_asker", staticmethod(lambda _parent, *counts: asked.append(counts) or SAVE))
    return asked


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A main window with settings in a temporary file and dialogs that never block."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    # pytest-qt closes the window before fixtures are torn down: answer "Discard" to the unsaved prompt
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, text, *a, **k: shown.append((title, text)) or QMessageBox.StandardButton.Discard,
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    win.dialogs = shown
    qtbot.addWidget(win)
    win.show()
    win.warm_up.join()  # the background imports, so that timings in tests do not depend on them
    yield win
    win.tasks.shutdown()


@pytest.fixture
def srt_file(tmp_path):
    path = tmp_path / "subs.srt"
    path.write_text(SRT, encoding="utf-8")
    return path


@pytest.fixture
def window_factory(qtbot, tmp_path):
    """Main windows made when the test asks (after it chose a language, say), settings in a temporary file."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / f"settings-{len(made)}.ini"), QSettings.Format.IniFormat)
        win = MainWindow(settings)
        win.show_error = win.show_info = lambda *_args: None
        qtbot.addWidget(win)
        win.show()
        made.append(win)
        return win

    yield make
    for win in made:
        win.tasks.shutdown()


@pytest.fixture(autouse=True)
def _batch_queue_file(tmp_path, monkeypatch):
    """Each test's batch queue lives in its own folder (the real one is in the user's data folder)."""
    monkeypatch.setattr("app.ui.batch.runner.queue_file", lambda: tmp_path / "batch-queue.json")
