"""Open subtitles, edit them in the list, the text box and the menus, undo, export: as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.formats.srt import read_srt
from app.ui.cue_table import END, TEXT


def test_open_edit_undo_export(window, srt_file, tmp_path, qtbot):
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    model = window.table.model()
    assert model.rowCount() == 3
    assert model.index(1, TEXT).data() == "How are you today?"

    # inline edit in the list
    assert model.setData(model.index(0, TEXT), "Hello there.", Qt.ItemDataRole.EditRole)
    assert window.state.doc[0].text == "Hello there." and window.state.doc[0].edited
    # a time typed in the list
    assert model.setData(model.index(0, END), "0:00:02.750", Qt.ItemDataRole.EditRole)
    assert window.state.doc[0].end == 2750
    # an invalid time is refused with a message, and changes nothing
    with qtbot.waitSignal(model.editRejected):
        assert not model.setData(model.index(0, END), "0:00:00.500", Qt.ItemDataRole.EditRole)
    assert window.state.doc[0].end == 2750

    # typing in the text box, then split at the cursor
    window.state.select([1])
    editor = window.editor.edit
    editor.setFocus()
    editor.setPlainText("How are you, my friend?")
    cursor = editor.textCursor()
    cursor.setPosition(len("How are you,"))
    editor.setTextCursor(cursor)
    window.edits.split()
    assert [c.text for c in window.state.doc] == ["Hello there.", "How are you,", "my friend?", "Fine."]

    # merge back, then undo the merge
    window.state.select([1])
    window.edits.merge()
    assert window.state.doc[1].text == "How are you, my friend?"
    window.undo()
    assert len(window.state.doc) == 4

    # undo everything: back to the file as read
    while window.state.stack.can_undo:
        window.undo()
    assert [c.text for c in window.state.doc] == ["Hello, world.", "How are you today?", "Fine."]
    window.redo()
    assert window.state.doc[0].text == "Hello there."

    out = tmp_path / "out.srt"
    assert window.files.export_subtitles(str(out))
    assert [c.text for c in read_srt(out).cues] == ["Hello there.", "How are you today?", "Fine."]
    assert out.read_text().startswith("1\n00:00:01,000 --> 00:00:02,500\nHello there.\n")


def test_selection_is_shared(window, srt_file, qtbot):
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    window.state.select([2])
    rows = [i.row() for i in window.table.selectionModel().selectedRows()]
    assert rows == [2]
    window.table.selectRow(0)
    assert window.state.selection == [0]
    assert window.editor.edit.toPlainText() == "Hello, world."


def test_typed_text_is_committed_before_undo(window, srt_file, qtbot):
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    window.state.select([0])
    window.editor.edit.setPlainText("Typed but not yet committed")
    window.undo()  # commits the typing first, then undoes it: nothing typed is silently dropped
    assert window.state.doc[0].text == "Hello, world."
    window.redo()
    assert window.state.doc[0].text == "Typed but not yet committed"


def test_find_and_replace_is_one_step(window, srt_file, qtbot):
    from app.ui import editing

    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    assert editing.replace_all(window.state, "o", "0") == 2
    assert window.state.doc[1].text == "H0w are y0u t0day?"
    window.undo()
    assert window.state.doc[1].text == "How are you today?"


def test_broken_subtitle_file_is_a_dialog(window, tmp_path, qtbot):
    bad = tmp_path / "bad.srt"
    bad.write_bytes(bytes(range(256)) * 20)
    with qtbot.waitSignal(window.tasks.taskFinished):
        window.open_path(str(bad))
    assert window.dialogs and "bad.srt" in window.dialogs[-1][1]
    assert len(window.state.doc) == 0


def test_reload_with_a_chosen_encoding_is_undoable(window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog

    path = tmp_path / "ru.srt"
    path.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nМир\n".encode("cp1251"))
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(path))
    detected = window.state.doc[0].text
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("cp1252", True))
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.files.reload_with_encoding_dialog()
    assert window.state.doc[0].text == "Ìèð", "the user's choice wins over detection"
    window.undo()
    assert window.state.doc[0].text == detected
