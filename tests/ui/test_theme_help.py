"""Dark and light themes keep the app's colours readable; Help lists the keys in force and the versions."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from app.ui import palette


@pytest.fixture
def light_again(qapp):
    yield
    palette.theme().apply("light")


@pytest.mark.parametrize("colours", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_problem_colours_keep_their_contrast(qapp, colours):
    text = (palette.dark_palette() if colours.dark else QApplication.style().standardPalette()).color(
        QPalette.ColorRole.Text
    )
    for name in ("row_problem", "row_warning", "row_edited"):
        assert palette.contrast(text, getattr(colours, name)) >= 4.5, name
    assert palette.contrast(colours.cue_text, colours.waveform_background) >= 7
    assert palette.contrast(colours.waveform_curve, colours.waveform_background) >= 3
    assert palette.contrast(colours.playhead, colours.waveform_background) >= 3


def test_the_dark_theme_recolours_window_waveform_and_cue_list(window, srt_file, light_again, qtbot):
    from PySide6.QtCore import Qt

    from app.ui.cue_table import CPS
    from app.ui.preferences.menus import choose_theme

    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(srt_file))
    waveform = window.ensure_waveform()
    choose_theme(window, "dark")
    assert window.prefs.ui_theme == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert waveform.backgroundBrush().color() == palette.DARK.waveform_background
    from app.core.doc_settings import QualityChoice

    window.state.session.set_default_quality(QualityChoice("custom", {"max_cps": 15.0}))  # English's 20: 15 for all
    model = window.table.model()
    too_fast = model.index(1, CPS)  # "How are you today?" in one second
    assert model.data(too_fast, Qt.ItemDataRole.BackgroundRole).color() == palette.DARK.row_problem
    choose_theme(window, "light")
    assert model.data(too_fast, Qt.ItemDataRole.BackgroundRole).color() == palette.LIGHT.row_problem
    assert waveform.backgroundBrush().color() == palette.LIGHT.waveform_background
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_system_follows_the_scheme(qapp, light_again, monkeypatch):
    theme = palette.theme()
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    theme.apply("system")
    assert palette.colours() is palette.DARK
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    theme.apply("system")
    assert palette.colours() is palette.LIGHT


def test_help_lists_the_keys_of_the_active_preset(window):
    from app.ui.help import menu as help_menu

    window.shortcuts.apply("aegisub")
    dialog = help_menu.shortcut_list_dialog(window)
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Play 0.5 s Before Start"] == "Q"
    assert any("Aegisub" in label.text() for label in dialog.findChildren(QLabel))
    window.shortcuts.apply("qss")


def test_about_names_the_versions_and_models(window):
    from importlib import metadata

    from PySide6.QtCore import qVersion

    from app import __version__
    from app.ui.help import menu as help_menu

    window.show_engine("Qwen3-ASR-0.6B", "cpu")
    text = help_menu.about_dialog(window).findChild(QLabel).text()
    for expected in (__version__, qVersion(), metadata.version("torch"), "Qwen3-ASR-0.6B (in use)"):
        assert expected in text
    menu_texts = [a.text() for a in window.menuBar().actions()[-1].menu().actions()]
    assert menu_texts == ["&Quick Guide", "&Keyboard Shortcuts", "&About Qwen Subtitle Studio"]


def test_no_audio_output_is_said_once(qapp, monkeypatch):
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    from app.ui.player import Player

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    player = Player()
    said: list[str] = []
    player.notice.connect(said.append)
    player.failed.connect(said.append)  # not a failure: playback goes on, silently
    player.play_range(0, 500)
    player.toggle()
    player.play_range(0, 500)
    assert said == ["No audio output device was found: playback is silent"]


def test_a_theme_change_after_a_window_is_gone_reaches_only_live_widgets(qtbot, tmp_path, light_again):
    import shiboken6
    from PySide6.QtCore import QSettings

    from app.ui.main_window import MainWindow

    gone = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    editor = gone.editor
    gone.tasks.shutdown()
    shiboken6.delete(gone)
    assert not shiboken6.isValid(editor)
    palette.theme().apply("dark")  # a slot of the deleted editor would raise here
    assert palette.colours() is palette.DARK
