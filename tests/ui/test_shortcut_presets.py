"""Rebindable shortcuts: every action by id, presets for Subtitle Edit and Aegisub users, clashes caught."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from app.session.preferences import Preferences
from app.ui.shortcuts import PRESETS, ShortcutRegistry, conflicts, portable


def _menu_actions(window) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator() and action not in found:
                found.append(action)

    walk(window.menuBar().actions())
    walk(window.actions())  # actions with a key but no menu entry count too
    return found


def test_every_menu_action_has_an_id(window):
    registered = set(window.shortcuts.ids())
    loose = [a.text() for a in _menu_actions(window) if a.objectName() not in registered and not a.isCheckable()]
    assert not loose, f"register these with an id (MainWindow._action(..., id=...)): {loose}"
    assert not [i for i in registered if i.startswith("?")], "an action was added without an id"


@pytest.mark.parametrize("preset", list(PRESETS))
def test_no_key_is_bound_twice_in_any_preset(window, preset):
    """Walks every action of the window under each preset, with StandardKeys resolved for this platform."""
    window.shortcuts.apply(preset)
    owners: dict[str, str] = {}
    clashes = []
    for action in _menu_actions(window):
        for sequence in action.shortcuts():
            key = portable(sequence)
            if key in owners:
                clashes.append(f"{key}: {owners[key]} and {action.objectName()}")
            owners[key] = action.objectName()
    assert not clashes, clashes
    assert not conflicts(window.shortcuts.bindings(preset))


def test_presets_name_only_actions_that_exist(window):
    ids = set(window.shortcuts.ids())
    for preset, overrides in PRESETS.items():
        assert set(overrides) <= ids, (preset, set(overrides) - ids)


def _key(window, action_id: str) -> list[str]:
    return [portable(k) for k in window.shortcuts.entries[action_id].action.shortcuts()]


def test_the_timing_keys_of_each_preset(window):
    window.shortcuts.apply("aegisub")
    assert [_key(window, i) for i in ("play.before_start", "play.after_end", "cue.next", "timing.set_end_next")] == [
        ["Q"], ["W"], ["X"], ["G"]
    ]  # fmt: skip
    window.shortcuts.apply("subtitle_edit")
    assert [_key(window, i) for i in ("timing.set_start", "timing.set_end", "play.cue", "timing.set_end_next")] == [
        ["F11"], ["F12"], ["F5"], ["F10"]
    ]  # fmt: skip
    window.shortcuts.apply("qss")
    assert _key(window, "timing.set_start") == ["F7"]


def test_platform_keys_are_standard_keys(window):
    standard_keys = (("edit.undo", QKeySequence.StandardKey.Undo), ("file.open", QKeySequence.StandardKey.Open))
    for action_id, standard in standard_keys:
        expected = [portable(k) for k in QKeySequence.keyBindings(standard)]
        assert _key(window, action_id) == expected


def test_an_aegisub_letter_types_in_the_text_box_and_acts_elsewhere(window, qtbot, srt_file):
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(srt_file))
    window.shortcuts.apply("aegisub")
    window.state.select([0])
    edit = window.editor.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_X)
    assert window.state.selection == [0] and "x" in edit.toPlainText()  # typed, not "next cue"
    window.editor.commit()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window.table, Qt.Key.Key_X)
    assert window.state.selection == [1]


def test_the_settings_dialog_shows_a_preset_catches_clashes_and_keeps_the_keys(window, tmp_path):
    from app.ui.preferences.menus import open_shortcut_settings

    dialog = open_shortcut_settings(window)
    dialog.preset.setCurrentIndex(dialog.preset.findData("aegisub"))
    row = dialog.ids.index("play.before_start")
    assert dialog.table.item(row, 1).text() == "Q"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.set_keys("timing.set_start", [QKeySequence("Q")])  # Q plays before the start already
    assert not ok.isEnabled() and "Q" in dialog.clashes.text()
    dialog.set_keys("timing.set_start", [QKeySequence("Ctrl+Shift+F7")])
    assert ok.isEnabled() and not dialog.clashes.text()
    dialog.accept()
    assert _key(window, "timing.set_start") == ["Ctrl+Shift+F7"]
    assert _key(window, "play.before_start") == ["Q"]
    again = ShortcutRegistry(Preferences(window.settings))  # the next start
    assert again.preset == "aegisub" and again.custom == {"timing.set_start": ["Ctrl+Shift+F7"]}


def test_a_damaged_setting_falls_back_to_the_defaults(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("shortcuts/preset", "nonsense")
    settings.setValue("shortcuts/custom", "{not json")
    registry = ShortcutRegistry(Preferences(settings))
    assert registry.preset == "qss" and registry.custom == {}


def test_keys_saved_under_a_renamed_id_follow_the_action(tmp_path, qapp):
    import json

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("shortcuts/custom", json.dumps({"file.export_srt": ["Ctrl+Shift+E"], "edit.undo": ["F9"]}))
    registry = ShortcutRegistry(Preferences(settings))
    assert registry.custom == {"file.export": ["Ctrl+Shift+E"], "edit.undo": ["F9"]}
    action = registry.register("file.export", QAction(), "Ctrl+E")
    assert [portable(k) for k in action.shortcuts()] == ["Ctrl+Shift+E"]
    settings.setValue("shortcuts/custom", json.dumps({"file.export_srt": ["F2"], "file.export": ["F3"]}))
    assert ShortcutRegistry(Preferences(settings)).custom == {"file.export": ["F3"]}  # keys set since the rename win
