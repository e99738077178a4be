"""Damaged segmentation limits, in a project or in the settings, fall back to the defaults instead of failing
at every repaint of the cue table and the editor."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings

from app.ui.main_window import MainWindow


@pytest.mark.parametrize("limits", [5, [], None, {"max_cps": "x"}, {"max_lines": [2], "max_line_chars": 1e999}])
def test_a_project_with_damaged_limits_opens_and_repaints(window, tmp_path, qtbot, limits):
    project = tmp_path / "limits.qssproj"
    data = {
        "format": "qwen-subtitle-studio-project",
        "version": 1,
        "settings": {"limits": limits},
        "cues": [{"start": 0, "end": 1000, "text": "A rather long line of text that goes on"}],
    }
    project.write_text(json.dumps(data))
    window.files.open_project(str(project))
    assert len(window.state.doc) == 1
    window.state.select([0])
    window.grab()  # the table and the editor paint against the limits
    qtbot.wait(0)
    assert window.state.limits.max_cps == 17.0 and window.state.limits.max_lines == 2


def test_damaged_default_limits_in_the_settings_are_ignored(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("segmentation/limits", json.dumps({"max_cps": "x", "max_line_chars": 30}))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    # the old preference became the default custom profile, its damaged value dropped
    assert win.prefs.quality_profile == "custom" and win.state.doc.settings.quality is None
    assert (win.state.limits.max_line_chars, win.state.limits.max_cps) == (30, 17.0)


def test_damaged_preferences_start_the_window_with_their_defaults_and_say_so(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/theme", "purple")
    settings.setValue("quality/custom", "{not json")
    settings.setValue("shortcuts/custom", "[1, 2]")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.prefs.ui_theme == "system" and win.shortcuts.custom == {}
    assert win.statusBar().currentMessage() == "Some saved preferences could not be read; their defaults are used."
