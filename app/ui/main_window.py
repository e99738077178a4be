"""The main window: the waveform above, the selected cue's text in the middle, the cue list below.

A leaf: it puts the parts together and is the host (app.ui.host) that feature modules talk to; nothing in app
imports it but the launcher (an import-linter contract).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.session.context import AppContext
from app.session.preferences import Preferences
from app.ui import (
    batch,
    burn,
    checks,
    chinese,
    cue_language,
    files,
    gc_guard,
    help,
    picture,
    preferences,
    realign,
    recognition,
    script,
    spelling,
    translation,
    video_tracks,
)
from app.ui.command_labels import command_label
from app.ui.cue_editor import CueEditor
from app.ui.cue_table import CueTableView
from app.ui.edit_actions import EditActions
from app.ui.host import MENUS, add_action
from app.ui.i18n import chosen_language, install_translations
from app.ui.shortcuts import ShortcutRegistry
from app.ui.state import EditorState
from app.ui.status import StatusPanel
from app.ui.task_list import TaskDock
from app.ui.tasks import TaskManager

# Each feature installs itself: install(context, host) -> its controller (or None). A new one is one line here.
FEATURES: tuple[tuple[str, Callable[[AppContext, Any], Any]], ...] = (
    ("files", files.install),
    ("recognition", recognition.install),
    ("realign", realign.install),
    ("translation", translation.install),
    ("script", script.install),
    ("batch", batch.install),
    ("picture", picture.install),
    ("checks", checks.install),
    ("spelling", spelling.install),
    ("chinese", chinese.install),
    ("cue_language", cue_language.install),
    ("video_tracks", video_tracks.install),
    ("burn", burn.install),
    ("preferences", preferences.install),
    ("help", help.install),
)

CLOSE_WAIT_S = 2.0  # closing waits this long in all for cancelled work, then leaves (worker threads are daemons)


def warm_up_imports() -> threading.Thread:
    """Import what the waveform and playback need in the background, so the first file opens without a stall.

    Only modules are imported off the UI thread; every widget is still made on it.
    """

    def run() -> None:
        try:
            import pyqtgraph  # noqa: F401
            from PySide6 import QtMultimedia  # noqa: F401

            import app.media
            import app.ui.picture.frames
            import app.ui.player
            import app.ui.waveform
            import app.ui.waveform_layers  # noqa: F401
        except Exception:  # a failure shows up, with a message, when the module is really needed
            pass

    thread = threading.Thread(target=run, name="warm-up-imports", daemon=True)
    thread.start()
    return thread


class MainWindow(QMainWindow):
    closing = Signal()
    playerCreated = Signal(object)
    waveformCreated = Signal(object)
    layoutRestored = Signal()

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()  # the store under the preferences; nothing else reads it
        self.prefs = Preferences(self.settings)
        gc_guard.install()  # worker threads never run the garbage collector (Qt objects die on the UI thread)
        install_translations(chosen_language(self.prefs.ui_language))  # before the first word is shown
        self.shortcuts = ShortcutRegistry(self.prefs)
        self.state = EditorState(self)
        self.state.session.set_default_quality(self.prefs.default_quality)
        self.context = AppContext(self.state.session, self.prefs)
        self.tasks = TaskManager(self.state, lambda title, message: self.show_error(title, message), self)
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)
        self.setAcceptDrops(True)

        self.hint = QLabel(
            "<div style='font-size:20px'>" + self.tr("Drop a video, audio or subtitle file here") + "</div>"
            "<div style='color:#777; margin-top:10px'>"
            + self.tr(
                "or use File ▸ Open (Ctrl+O). Then Recognition ▸ Recognize speech makes subtitles from the audio."
            )
            + "</div>"
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.waveform = None  # created on first use: pyqtgraph costs start-up time
        self.waveform_slot = QStackedWidget()
        self.waveform_slot.addWidget(self.hint)
        self.editor = CueEditor(self.state)
        self.table = CueTableView(self.state)
        self.table.model().editRejected.connect(lambda message: self.show_status(message, 5000))
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

        self.task_dock = TaskDock(self.tasks, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.task_dock)
        self.task_dock.hide()
        self.status = StatusPanel(self.tasks, self.statusBar(), self.task_dock.show)
        self.edits = EditActions(self, self.editor, self._playhead_ms, self)
        self.player = None  # created with the media: QtMultimedia loads its backend then
        titles = self._menu_titles()
        self.menus = {name: self.menuBar().addMenu(titles[name]) for name in MENUS}
        self._build_menus()
        self.features = {name: install(self.context, self) for name, install in FEATURES}
        # the translation's box is spell checked in the translation language, as the text box is in the cue's language
        spelling.service.check_translation_box(self.features["spelling"], self.features["translation"])
        self._finish_menus()
        for signal in (self.state.undoStateChanged, self.state.pathsChanged, self.state.metadataChanged):
            signal.connect(self._update_title)
        self.state.documentReplaced.connect(self._on_document_replaced)
        self.state.cuesChanged.connect(self._on_cues_changed)
        self.state.mediaChanged.connect(self._on_media)
        self._update_title()
        self.warm_up = warm_up_imports()
        self._restore_layout()
        if not self.tasks.running():
            self.task_dock.hide()  # a restored layout may bring the list back with nothing in it
        self.layoutRestored.emit()
        if self.prefs.notes:  # a damaged settings file: the defaults are in use, and the user hears of it once
            message = self.tr("Some saved preferences could not be read; their defaults are used.")
            self.show_status(message, 15_000)

    # -- the host that feature modules talk to (app.ui.host) -------------------------------------------
    def dialog_parent(self) -> QWidget:
        return self

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def show_info(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    def ask(self, title: str, question: str) -> bool:
        return QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def commit_edits(self) -> None:
        self.editor.commit()

    def show_engine(self, model: str, device: str, *, kind: str = "recognizer") -> None:
        self.status.set_model(model, device, kind=kind)

    def engine_loading(self, model: str) -> None:
        self.status.model_loading(model)

    def engine_failed(self) -> None:
        self.status.model_failed()

    def models_in_use(self) -> dict[str, str]:
        return self.status.models()

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> None:
        self.addDockWidget(area, dock)
        dock.hide()

    def open_with_subtitles(self, media: str, subtitles: str) -> None:
        self.files.open_with_subtitles(media, subtitles)

    # the features the window and the tests reach by name (their controllers)
    @property
    def files(self) -> Any:
        return self.features["files"]

    @property
    def batch(self) -> Any:
        return self.features["batch"]

    @property
    def picture(self) -> Any:
        return self.features["picture"]

    @property
    def checks(self) -> Any:
        return self.features["checks"]

    @property
    def spelling(self) -> Any:
        return self.features["spelling"]

    # -- menus ---------------------------------------------------------------------------------------
    def _menu_titles(self) -> dict[str, str]:
        return {
            "file": self.tr("&File"), "edit": self.tr("&Edit"), "recognition": self.tr("&Recognition"),
            "playback": self.tr("&Playback"), "view": self.tr("&View"), "help": self.tr("&Help"),
        }  # fmt: skip

    def _action(self, menu: str, text: str, slot, shortcut=None, *, id: str) -> QAction:
        return add_action(self, menu, text, slot, shortcut, id=id)

    def _build_menus(self) -> None:
        """The editor's own actions (editing, playback); the features add theirs after (FEATURES)."""
        e, a = self.edits, self._action
        self.undo_action = a("edit", self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo, id="edit.undo")
        self.redo_action = a("edit", self.tr("&Redo"), self.redo, QKeySequence.StandardKey.Redo, id="edit.redo")
        self.menus["edit"].addSeparator()
        a("edit", self.tr("&Insert Cue"), e.insert, "Ctrl+Shift+N", id="edit.insert")
        a("edit", self.tr("&Delete Cues"), e.delete, "Ctrl+Shift+Del", id="edit.delete")
        a("edit", self.tr("&Split at Cursor"), e.split, "Ctrl+Return", id="edit.split")  # Ctrl+Shift+S is Save As
        a("edit", self.tr("&Merge with Next"), e.merge, "Ctrl+Shift+M", id="edit.merge")
        a("edit", self.tr("Shift &Times…"), e.shift, "Ctrl+Shift+T", id="edit.shift_times")
        a("edit", self.tr("&Lock / Unlock"), e.lock, "Ctrl+L", id="edit.lock")
        self.menus["edit"].addSeparator()
        a("edit", self.tr("&Find and Replace…"), e.find, QKeySequence.StandardKey.Find, id="edit.find")

        a("playback", self.tr("Play / &Pause"), self._play_pause, "Space", id="play.toggle")
        a("playback", self.tr("Play &Selected Cue"), self._play_cue, "Ctrl+P", id="play.cue")
        a("playback", self.tr("Play 0.5 s &Before Start"), lambda: self._play_around("before"), "F5",
          id="play.before_start")  # fmt: skip
        a("playback", self.tr("Play 0.5 s &After End"), lambda: self._play_around("after"), "F6", id="play.after_end")
        self.menus["playback"].addSeparator()
        a("playback", self.tr("Set S&tart at Playhead"), lambda: e.set_edge("start"), "F7", id="timing.set_start")
        a("playback", self.tr("Set &End at Playhead"), lambda: e.set_edge("end"), "F8", id="timing.set_end")
        a("playback", self.tr("Set End and &Go to Next"), e.set_end_next, id="timing.set_end_next")
        a("playback", self.tr("Pre&vious Cue"), lambda: e.step_cue(-1), "Alt+Up", id="cue.previous")
        a("playback", self.tr("&Next Cue"), lambda: e.step_cue(1), "Alt+Down", id="cue.next")
        self.menus["playback"].addSeparator()
        a("playback", self.tr("Zoom &In"), lambda: self._zoom(0.5), QKeySequence.StandardKey.ZoomIn, id="view.zoom_in")
        a("playback", self.tr("Zoom &Out"), lambda: self._zoom(2.0), QKeySequence.StandardKey.ZoomOut,
          id="view.zoom_out")  # fmt: skip
        a("playback", self.tr("Scroll &Left"), lambda: self._scroll(-0.25), "Alt+Left", id="view.scroll_left")
        a("playback", self.tr("Scroll &Right"), lambda: self._scroll(0.25), "Alt+Right", id="view.scroll_right")
        self.menus["view"].addAction(self.task_dock.toggleViewAction())

    def _finish_menus(self) -> None:
        self._action("file", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, id="file.quit")
        self._update_undo_actions()
        self.state.undoStateChanged.connect(self._update_undo_actions)
        self.editor.edit.textChanged.connect(self._update_undo_actions)  # typing not yet committed can be undone

    def _update_undo_actions(self) -> None:
        stack = self.state.stack
        self.undo_action.setEnabled(stack.can_undo or self.editor.has_pending())
        self.redo_action.setEnabled(stack.can_redo)
        what = self.tr("Typing") if self.editor.has_pending() else command_label(stack.undo_label)  # typing first
        self.undo_action.setText(self.tr("&Undo {what}").format(what=what).rstrip())
        self.redo_action.setText(self.tr("&Redo {what}").format(what=command_label(stack.redo_label)).rstrip())

    # -- editing -------------------------------------------------------------------------------------
    def undo(self) -> None:
        self.edits.undo()

    def redo(self) -> None:
        self.edits.redo()

    def _playhead_ms(self) -> int:
        return self.player.position_ms() if self.player is not None else 0

    # -- playback and view ---------------------------------------------------------------------------
    def ensure_player(self):
        if self.player is None and self.state.audio is not None:
            from app.ui.player import Player

            self.player = Player(self)
            self.player.positionChanged.connect(self._on_position)
            self.player.failed.connect(lambda message: self.show_status(message, 8000))
            self.player.notice.connect(lambda message: self.show_status(message, 8000))
            self.player.load(self.state.audio.source, self.state.audio.duration_ms, self.state.audio_track)
            self.playerCreated.emit(self.player)
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
            self.waveformCreated.emit(self.waveform)
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
        if len(self.state.doc) and self.waveform is None:
            self.ensure_waveform()

    def _on_cues_changed(self, _change: object) -> None:
        if self.waveform is None and len(self.state.doc):
            self.ensure_waveform()

    # -- files and window ----------------------------------------------------------------------------
    def open_path(self, path: str) -> None:
        self.files.open_path(path)

    def _update_title(self, *_args: object) -> None:
        # what the work is about: the project, else the media; a subtitle file only when there is neither
        name = self.state.project_path or self.state.doc.media_path or self.state.subtitle_path
        shown = os.path.basename(name) if name else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — {app}").format(name=shown, app=APP_NAME))
        self.setWindowModified(self.state.is_modified())

    def _layout_parts(self) -> dict[str, tuple]:
        """Preference name -> (save, restore) for each part of the layout the user can change."""
        header = self.table.horizontalHeader()
        return {
            "window_geometry": (self.saveGeometry, self.restoreGeometry),
            "window_state": (self.saveState, self.restoreState),
            "window_splitter": (self.splitter.saveState, self.splitter.restoreState),
            "window_columns": (header.saveState, header.restoreState),
        }

    def _restore_layout(self) -> None:
        for name, (_save, restore) in self._layout_parts().items():
            value = getattr(self.prefs, name)
            if value is not None:
                restore(value)

    def _save_layout(self) -> None:
        for name, (save, _restore) in self._layout_parts().items():
            setattr(self.prefs, name, save())

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
        if not self.files.confirm_discard(self.tr("closing")):
            event.ignore()
            return
        self.tasks.shutdown(CLOSE_WAIT_S)
        self._save_layout()
        self.closing.emit()
        event.accept()
