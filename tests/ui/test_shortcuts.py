"""Keyboard shortcuts of the main window: each key does one thing, and edits work wherever the focus is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


@pytest.fixture(autouse=True)
def _release_control(window, qtbot):
    """A shortcut that fires leaves Qt thinking Ctrl is still down; later tests' clicks would be Ctrl+clicks."""
    yield
    qtbot.keyRelease(window.editor.edit, Qt.Key.Key_Control)


def _actions(window) -> list[QAction]:
    seen: list[QAction] = []

    def walk(actions) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif action not in seen:
                seen.append(action)

    walk(window.menuBar().actions())
    walk(window.actions())
    return seen


def test_no_key_is_bound_twice(window):
    """Qt runs neither action of an ambiguous shortcut: every sequence (StandardKey resolved) belongs to one."""
    owners: dict[str, str] = {}
    clashes = []
    for action in _actions(window):
        for sequence in action.shortcuts():  # a StandardKey gives every sequence of the platform
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if not key:
                continue
            if key in owners:
                clashes.append(f"{key}: {owners[key]} and {action.text()}")
            owners[key] = action.text()
    assert owners, "no shortcut found at all"
    assert not clashes, clashes


def test_split_shortcut_splits_from_the_text_box(window, qtbot, srt_file):
    window.open_path(str(srt_file))
    window.state.select([1])
    edit = window.editor.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    cursor = edit.textCursor()
    cursor.setPosition(4)  # "How |are you today?"
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [c.text for c in window.state.doc][1:3] == ["How", "are you today?"]


def _focus_text_box(window, qtbot, row: int):
    window.state.select([row])
    edit = window.editor.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return edit


def test_undo_with_the_focus_in_the_text_box_undoes_a_split(window, qtbot, srt_file):
    window.open_path(str(srt_file))
    edit = _focus_text_box(window, qtbot, 1)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # split in the middle
    assert len(window.state.doc) == 4
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.text for c in window.state.doc] == ["Hello, world.", "How are you today?", "Fine."]
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.state.doc) == 4  # Redo (Ctrl+Shift+Z) from the box too


def test_undo_in_the_text_box_takes_back_what_was_typed_as_one_step(window, qtbot, srt_file):
    window.open_path(str(srt_file))
    edit = _focus_text_box(window, qtbot, 2)
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, " Thanks")
    assert window.undo_action.text() == "&Undo Typing" and window.undo_action.isEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.doc[2].text == "Fine."
    assert edit.toPlainText() == "Fine."
    window.redo()
    assert window.state.doc[2].text == "Fine. Thanks"
    assert edit.toPlainText() == "Fine. Thanks"


def test_shift_times_asks_again_with_the_bad_text_kept(window, srt_file, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window.open_path(str(srt_file))
    shown: list[str] = []
    answers = iter([("1,5 s", True), ("1.5", True)])

    def get_text(_parent, _title, _label, *args, text="", **kwargs):
        shown.append(text)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    window.edits.shift()
    assert shown == ["", "1,5 s"]  # the warning, then the same dialog with the text to correct
    assert len(window.dialogs) == 1 and window.dialogs[0][0] == "Shift times"
    assert window.state.doc[0].start == 2500
