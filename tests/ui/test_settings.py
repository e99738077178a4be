"""What the user set survives a restart: two windows, one after the other, share one settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.core.doc_settings import QualityChoice
from app.ui.checks import profile as qc_profile
from app.ui.main_window import MainWindow
from app.ui.recognition.options import RecognitionOptions, load_options, save_options


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    return str(tmp_path / "settings.ini")


def _window(qtbot, settings_file: str) -> MainWindow:
    win = MainWindow(QSettings(settings_file, QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.warm_up.join()
    return win


def test_settings_persist_across_windows(qtbot, settings_file, srt_file):
    first = _window(qtbot, settings_file)
    first.resize(700, 520)  # inside the offscreen screen (800 x 600): restoreGeometry keeps windows on screen
    size = first.size()
    first.splitter.setSizes([200, 400])
    sizes = first.splitter.sizes()
    header = first.table.horizontalHeader()
    header.resizeSection(3, 333)
    with qtbot.waitSignal(first.files.subtitlesLoaded):
        first.open_path(str(srt_file))
    save_options(first, RecognitionOptions(model="Qwen/Qwen3-ASR-1.7B", language="German", device="cpu", cpu_int8=True))
    qc_profile.set_choice(first.state, first.prefs, QualityChoice("custom", {"max_cps": 15.0, "max_line_chars": 37}))
    first.close()
    first.settings.sync()

    second = _window(qtbot, settings_file)
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert second.table.horizontalHeader().sectionSize(3) == 333
    assert second.files.recent() == [str(srt_file)]
    options = load_options(second)
    assert (options.model, options.language, options.device) == ("Qwen/Qwen3-ASR-1.7B", "German", "cpu")
    assert options.cpu_precision == "int8" and options.engine_options().cpu_int8
    # the profile last chosen is the default for a new document, and for an opened one
    assert second.state.limits.max_cps == 15.0 and second.state.limits.max_line_chars == 37
    with qtbot.waitSignal(second.files.subtitlesLoaded):
        second.open_path(str(srt_file))
    assert second.state.limits.max_cps == 15.0
    second.close()
