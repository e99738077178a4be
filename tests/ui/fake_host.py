"""A host without the main window: what a feature's ``install(context, host)`` is given, and a record of what it
did to the host (menus, docks, messages). Features built on it are tested without the window (app.ui.host)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from app.core.document import Document
from app.session.context import AppContext
from app.session.preferences import MemoryStore, Preferences
from app.ui.cue_editor import CueEditor
from app.ui.cue_table import CueTableView
from app.ui.host import MENUS
from app.ui.shortcuts import ShortcutRegistry
from app.ui.state import EditorState
from app.ui.tasks import TaskManager


class FakeHost(QObject):
    playerCreated = Signal(object)
    waveformCreated = Signal(object)
    layoutRestored = Signal()

    def __init__(self, doc: Document | None = None, *, answer: bool = True) -> None:
        super().__init__()
        self.parent_widget = QWidget()
        self.state = EditorState(self)
        if doc is not None:
            self.state.session.replace_document(doc)
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.statuses: list[str] = []
        self.questions: list[str] = []
        self.answer = answer
        self.tasks = TaskManager(self.state, lambda title, message: self.errors.append((title, message)), self)
        self.prefs = Preferences(MemoryStore())
        self.context = AppContext(self.state.session, self.prefs)
        self.shortcuts = ShortcutRegistry(self.prefs)
        self.editor = CueEditor(self.state)
        self.table = CueTableView(self.state)
        self.menus = {name: QMenu(name) for name in MENUS}
        self.docks: list[QDockWidget] = []
        self.opened: list[tuple[str, str]] = []
        self.player: Any = None

    # -- the host ----------------------------------------------------------------------------------------
    def dialog_parent(self) -> QWidget:
        return self.parent_widget

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_info(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def ask(self, title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answer

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.statuses.append(message)

    def commit_edits(self) -> None:
        self.editor.commit()

    def show_engine(self, model: str, device: str, *, kind: str = "recognizer") -> None:
        pass

    def engine_loading(self, model: str) -> None:
        pass

    def engine_failed(self) -> None:
        pass

    def models_in_use(self) -> dict[str, str]:
        return {}

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> None:
        self.docks.append(dock)
        dock.hide()

    def ensure_player(self) -> Any:
        return self.player

    def open_with_subtitles(self, media: str, subtitles: str) -> None:
        self.opened.append((media, subtitles))

    # -- what a test reads ----------------------------------------------------------------------------------
    def action_ids(self, menu: str) -> list[str]:
        return [a.objectName() for a in self.menus[menu].actions() if a.objectName()]
