"""The main window: the waveform above, the selected cue's text in the middle, the cue list below."""

from __future__ import annotations

import json
import os
import threading

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.timecode import parse_time
from app.ui import editing, realign
from app.ui.cue_editor import CueEditor
from app.ui.cue_table import CueTableView
from app.ui.files import FileController
from app.ui.state import EditorState
from app.ui.status import StatusPanel

EMPTY_HINT = (
    "<div style='font-size:20px'>Drop a video, audio or subtitle file here</div>"
    "<div style='color:#777; margin-top:10px'>or use File ▸ Open (Ctrl+O). "
    "Then Recognition ▸ Recognize speech makes subtitles from the audio.</div>"
)


def warm_up_imports() -> threading.Thread:
    """Import what the waveform and playback need in the background, so the first file opens without a stall.

    Only modules are imported off the UI thread; every widget is still made on it.
    """

    def run() -> None:
        try:
            import pyqtgraph  # noqa: F401
            from PySide6 import QtMultimedia  # noqa: F401

            import app.media
            import app.ui.waveform  # noqa: F401
        except Exception:  # a failure shows up, with a message, when the module is really needed
            pass

    thread = threading.Thread(target=run, name="warm-up-imports", daemon=True)
    thread.start()
    return thread


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.state = EditorState(self)
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)
        self.setAcceptDrops(True)

        self.hint = QLabel(EMPTY_HINT)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.waveform = None  # created on first use: pyqtgraph costs start-up time
        self.waveform_slot = QStackedWidget()
        self.waveform_slot.addWidget(self.hint)
        self.editor = CueEditor(self.state)
        self.table = CueTableView(self.state)
        self.table.model().editRejected.connect(lambda message: self.statusBar().showMessage(message, 5000))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.editor)
        lower_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.waveform_slot)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 460])
        self.setCentralWidget(self.splitter)

        self.status = StatusPanel(self.state, self.statusBar())
        self.files = FileController(self)
        self.player = None  # created with the media: QtMultimedia loads its backend then
        self._build_menus()
        self.state.undoStateChanged.connect(self._update_title)
        self.state.documentReplaced.connect(self._on_document_replaced)
        self.state.cuesChanged.connect(self._on_cues_changed)
        self.state.mediaChanged.connect(self._on_media)
        self._update_title()
        self.warm_up = warm_up_imports()
        self._restore_layout()
        self._apply_default_limits()

    # -- menus ---------------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, *, enabled_when=None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (Redo: Ctrl+Y and Ctrl+Shift+Z)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        f = self.files
        self._action(file, "&Open…", f.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(f.fill_recent_menu)
        file.addSeparator()
        self._action(file, "&Import Subtitles (SRT, WebVTT)…", f.import_srt_dialog, "Ctrl+I")
        self._action(file, "Reload Subtitles with E&ncoding…", f.reload_with_encoding_dialog)
        self._action(file, "&Export SRT…", f.export_srt_dialog, "Ctrl+E")
        file.addSeparator()
        self._action(file, "&Save Project", f.save_project, QKeySequence.StandardKey.Save)
        self._action(file, "Save Project &As…", f.save_project_as, QKeySequence.StandardKey.SaveAs)
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit, "&Redo", self.redo, QKeySequence.StandardKey.Redo)
        edit.addSeparator()
        self._action(edit, "&Insert Cue", self._insert, "Ctrl+Shift+N")
        self._action(edit, "&Delete Cues", self._delete, "Ctrl+Shift+Del")
        self._action(edit, "&Split at Cursor", self._split, "Ctrl+Return")  # Ctrl+Shift+S is Save As
        self._action(edit, "&Merge with Next", self._merge, "Ctrl+Shift+M")
        self._action(edit, "Shift &Times…", self._shift, "Ctrl+Shift+T")
        self._action(edit, "&Lock / Unlock", self._lock, "Ctrl+L")
        edit.addSeparator()
        self._action(edit, "&Find and Replace…", self._find, QKeySequence.StandardKey.Find)

        self.recognition_menu = bar.addMenu("&Recognition")
        self._action(self.recognition_menu, "&Recognize Speech…", self.files.recognize_dialog, "Ctrl+R")
        self.recognition_menu.addSeparator()
        self._action(self.recognition_menu, "Re-align &Selected Cues", lambda: realign.realign_selected(self))
        self._action(
            self.recognition_menu, "Re-align &Edited Cues", lambda: realign.realign_edited(self), "Ctrl+Shift+A"
        )
        self._action(self.recognition_menu, "&Align Whole File…", lambda: realign.align_whole_file(self))

        play = bar.addMenu("&Playback")
        self._action(play, "Play / &Pause", self._play_pause, "Space")
        self._action(play, "Play &Selected Cue", self._play_cue, "Ctrl+P")
        self._action(play, "Play 0.5 s &Before Start", lambda: self._play_around("before"), "F5")
        self._action(play, "Play 0.5 s &After End", lambda: self._play_around("after"), "F6")
        play.addSeparator()
        self._action(play, "Set S&tart at Playhead", lambda: self._set_edge("start"), "F7")
        self._action(play, "Set &End at Playhead", lambda: self._set_edge("end"), "F8")
        self._action(play, "Pre&vious Cue", lambda: self._step_cue(-1), "Alt+Up")
        self._action(play, "&Next Cue", lambda: self._step_cue(1), "Alt+Down")
        play.addSeparator()
        self._action(play, "Zoom &In", lambda: self._zoom(0.5), QKeySequence.StandardKey.ZoomIn)
        self._action(play, "Zoom &Out", lambda: self._zoom(2.0), QKeySequence.StandardKey.ZoomOut)
        self._action(play, "Scroll &Left", lambda: self._scroll(-0.25), "Alt+Left")
        self._action(play, "Scroll &Right", lambda: self._scroll(0.25), "Alt+Right")
        self._update_undo_actions()
        self.state.undoStateChanged.connect(self._update_undo_actions)
        self.editor.edit.textChanged.connect(self._update_undo_actions)  # typing not yet committed can be undone

    def _update_undo_actions(self) -> None:
        stack = self.state.stack
        self.undo_action.setEnabled(stack.can_undo or self.editor.has_pending())
        self.redo_action.setEnabled(stack.can_redo)
        undo_label = self.tr("Typing") if self.editor.has_pending() else stack.undo_label  # typing goes first
        self.undo_action.setText(f"&Undo {undo_label}".rstrip())
        self.redo_action.setText(f"&Redo {stack.redo_label}".rstrip())

    # -- editing -------------------------------------------------------------------------------------
    def undo(self) -> None:
        self.editor.commit()
        self.state.stack.undo()

    def redo(self) -> None:
        self.editor.commit()
        self.state.stack.redo()

    def _playhead_ms(self) -> int:
        return self.player.position_ms() if self.player is not None else 0

    def _insert(self) -> None:
        self.editor.commit()
        editing.insert_after_selection(self.state, self._playhead_ms())
        self.editor.edit.setFocus()

    def _delete(self) -> None:
        self.editor.commit()
        editing.delete_selection(self.state)

    def _split(self) -> None:
        self.editor.commit()
        position = self.editor.cursor_position() if self.editor.edit.hasFocus() else None
        if not editing.split_selected(self.state, position):
            self.statusBar().showMessage("Select one cue with at least two characters to split it", 4000)

    def _merge(self) -> None:
        self.editor.commit()
        if not editing.merge_selected(self.state):
            self.statusBar().showMessage("Select a cue that has a next cue to merge with", 4000)

    def _shift(self) -> None:
        """Ask for the shift; a value that is not a time is explained and asked again, with the text kept."""
        self.editor.commit()
        title = self.tr("Shift times")
        prompt = self.tr("Shift the selected cues (all cues when none is selected) by, e.g. 1.5 or -0:02.250:")
        text = ""
        while True:
            text, ok = QInputDialog.getText(self, title, prompt, text=text)
            if not ok or not text.strip():
                return
            sign = -1 if text.strip().startswith("-") else 1
            try:
                delta = sign * parse_time(text.strip().lstrip("+-"))
            except ValueError as exc:
                QMessageBox.warning(self, title, str(exc))
                continue
            editing.shift_selected(self.state, delta)
            return

    def _lock(self) -> None:
        editing.toggle_lock(self.state)

    def _find(self) -> None:
        from app.ui.find_replace import FindReplaceDialog

        self.editor.commit()
        FindReplaceDialog(self.state, self).show()

    # -- playback and view ---------------------------------------------------------------------------
    def ensure_player(self):
        if self.player is None and self.state.audio is not None:
            from app.ui.player import Player

            self.player = Player(self)
            self.player.positionChanged.connect(self._on_position)
            self.player.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
            self.player.load(self.state.audio.source, self.state.audio.duration_ms, self.state.audio_track)
        return self.player

    def _play_pause(self) -> None:
        if self.ensure_player() is not None:
            self.player.toggle()

    def _play_cue(self) -> None:
        if self.state.selection and self.ensure_player() is not None:
            cue = self.state.doc[self.state.selection[0]]
            self.player.play_range(cue.start, cue.end)

    AROUND_MS = 500  # Aegisub's "play 500 ms before the start / after the end"

    def _play_around(self, where: str) -> None:
        if self.state.selection and self.ensure_player() is not None:
            cue = self.state.doc[self.state.selection[0]]
            if where == "before":
                self.player.play_range(max(0, cue.start - self.AROUND_MS), cue.start)
            else:
                self.player.play_range(cue.end, cue.end + self.AROUND_MS)

    def _set_edge(self, edge: str) -> None:
        self.editor.commit()
        if len(self.state.selection) != 1:
            self.statusBar().showMessage(f"Select one cue to set its {edge} at the playhead", 4000)
        elif not editing.set_edge_at(self.state, edge, self._playhead_ms()):
            self.statusBar().showMessage(f"The {edge} is already there, or a neighbouring cue is in the way", 4000)

    def _step_cue(self, step: int) -> None:
        self.editor.commit()
        editing.select_neighbour(self.state, step)

    def _zoom(self, factor: float) -> None:
        if self.waveform is not None:
            self.waveform.zoom(factor)

    def _scroll(self, fraction: float) -> None:
        if self.waveform is not None:
            self.waveform.scroll_by(fraction)

    def ensure_waveform(self):
        if self.waveform is None:
            from app.ui.waveform import WaveformView

            self.waveform = WaveformView(self.state)
            self.waveform.seekRequested.connect(self._seek)
            self.waveform_slot.addWidget(self.waveform)
        self.waveform_slot.setCurrentWidget(self.waveform)
        return self.waveform

    def _seek(self, ms: int) -> None:
        if self.ensure_player() is not None:
            self.player.seek(ms)
        if self.waveform is not None:
            self.waveform.playhead.setValue(ms / 1000)

    def _on_media(self) -> None:
        if self.state.audio is not None:
            self.ensure_waveform()
            if self.player is not None:
                self.player.load(self.state.audio.source, self.state.audio.duration_ms, self.state.audio_track)

    def _on_position(self, ms: int) -> None:
        if self.waveform is not None:
            self.waveform.set_playhead(ms)

    def _on_document_replaced(self) -> None:
        self._apply_default_limits()
        if len(self.state.doc) and self.waveform is None:
            self.ensure_waveform()
        self._update_title()

    def _on_cues_changed(self, _change: object) -> None:
        if self.waveform is None and len(self.state.doc):
            self.ensure_waveform()

    # -- files and window ----------------------------------------------------------------------------
    def open_path(self, path: str) -> None:
        self.files.open_path(path)

    def _update_title(self) -> None:
        # what the work is about: the project, else the media; a subtitle file only when there is neither
        name = self.state.project_path or self.state.doc.media_path or self.state.subtitle_path
        shown = os.path.basename(name) if name else "Untitled"
        self.setWindowTitle(f"{shown}[*] — {APP_NAME}")
        self.setWindowModified(self.state.is_modified())

    def _layout_parts(self) -> dict[str, tuple]:
        """Settings key -> (save, restore) for each part of the layout the user can change."""
        header = self.table.horizontalHeader()
        return {
            "window/geometry": (self.saveGeometry, self.restoreGeometry),
            "window/state": (self.saveState, self.restoreState),
            "window/splitter": (self.splitter.saveState, self.splitter.restoreState),
            "window/columns": (header.saveState, header.restoreState),
        }

    def _restore_layout(self) -> None:
        for key, (_save, restore) in self._layout_parts().items():
            value = self.settings.value(key)
            if value is not None:
                restore(value)

    def _save_layout(self) -> None:
        for key, (save, _restore) in self._layout_parts().items():
            self.settings.setValue(key, save())
        limits = self.state.doc.settings.get("limits")
        if isinstance(limits, dict) and limits:  # the limits last in use become the default for new documents
            self.settings.setValue("segmentation/limits", json.dumps(limits))

    def _apply_default_limits(self) -> None:
        """A document that brings no segmentation limits of its own gets the user's."""
        if "limits" in self.state.doc.settings:
            return
        try:
            limits = json.loads(str(self.settings.value("segmentation/limits", "{}")))
        except ValueError:
            return
        if isinstance(limits, dict) and limits:
            self.state.doc.settings["limits"] = limits

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # after the drop returns: a dialog inside a drop handler blocks the file manager
            QTimer.singleShot(0, lambda: self.files.open_paths(paths))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.commit()
        if not self.files.confirm_discard("closing"):
            event.ignore()
            return
        self.files.cancel_tasks()
        self._save_layout()
        self.closing.emit()
        event.accept()
