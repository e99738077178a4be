"""The Edit and Playback menus' actions on the selection: each commits what was typed first, then one command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.core.timecode import parse_time
from app.ui import editing
from app.ui.cue_editor import CueEditor
from app.ui.host import Host


class EditActions(QObject):
    def __init__(self, host: Host, editor: CueEditor, playhead_ms: Callable[[], int], parent: QObject | None = None):
        super().__init__(parent)
        self.host = host
        self.state = host.state
        self.editor = editor
        self.playhead_ms = playhead_ms

    def undo(self) -> None:
        self.editor.commit()
        self.state.stack.undo()

    def redo(self) -> None:
        self.editor.commit()
        self.state.stack.redo()

    def insert(self) -> None:
        self.editor.commit()
        editing.insert_after_selection(self.state, self.playhead_ms())
        self.editor.edit.setFocus()

    def delete(self) -> None:
        self.editor.commit()
        editing.delete_selection(self.state)

    def split(self) -> None:
        self.editor.commit()
        position = self.editor.cursor_position() if self.editor.edit.hasFocus() else None
        if not editing.split_selected(self.state, position):
            self.host.show_status(self.tr("Select one cue with at least two characters to split it"), 4000)

    def merge(self) -> None:
        self.editor.commit()
        if not editing.merge_selected(self.state):
            self.host.show_status(self.tr("Select a cue that has a next cue to merge with"), 4000)

    def shift(self) -> None:
        """Ask for the shift; a value that is not a time is explained and asked again, with the text kept."""
        self.editor.commit()
        title = self.tr("Shift times")
        prompt = self.tr("Shift the selected cues (all cues when none is selected) by, e.g. 1.5 or -0:02.250:")
        text = ""
        while True:
            text, ok = QInputDialog.getText(self.host.dialog_parent(), title, prompt, text=text)
            if not ok or not text.strip():
                return
            sign = -1 if text.strip().startswith("-") else 1
            try:
                delta = sign * parse_time(text.strip().lstrip("+-"))
            except ValueError as exc:
                QMessageBox.warning(self.host.dialog_parent(), title, str(exc))
                continue
            editing.shift_selected(self.state, delta)
            return

    def lock(self) -> None:
        editing.toggle_lock(self.state)

    def find(self) -> None:
        from app.ui.find_replace import FindReplaceDialog

        self.editor.commit()
        FindReplaceDialog(self.state, self.host.dialog_parent()).show()

    def set_edge(self, edge: str) -> None:
        """F7/F8: the selected cue's start or end at the playhead."""
        self.editor.commit()
        if len(self.state.selection) != 1:
            message = (
                self.tr("Select one cue to set its start at the playhead")
                if edge == "start"
                else self.tr("Select one cue to set its end at the playhead")
            )
            self.host.show_status(message, 4000)
        elif not editing.set_edge_at(self.state, edge, self.playhead_ms()):
            message = (
                self.tr("The start is already there, or a neighbouring cue is in the way")
                if edge == "start"
                else self.tr("The end is already there, or a neighbouring cue is in the way")
            )
            self.host.show_status(message, 4000)

    def set_end_next(self) -> None:
        """Aegisub's commit-and-next, Subtitle Edit's F10: the end at the playhead, then the next cue."""
        self.set_edge("end")
        self.step_cue(1)

    def step_cue(self, step: int) -> None:
        self.editor.commit()
        editing.select_neighbour(self.state, step)
