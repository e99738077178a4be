"""What window features need from the window, and nothing more: the host.

A feature (``app/ui/<feature>/``) is installed with ``install(context, host)``: the context
(app.session.context.AppContext) holds what features share, Qt-free; the host gives the window's parts (menus,
docks, dialogs, the text box and the list). The main window implements it; tests pass a fake (tests/ui/fake_host.py).
Features never import the window nor set each other's attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from app.session.context import AppContext
from app.session.preferences import Preferences
from app.ui.shortcuts import ShortcutRegistry
from app.ui.state import EditorState
from app.ui.tasks import TaskManager

MENUS = ("file", "edit", "recognition", "playback", "view", "help")  # the window's menus, by name


class Host(Protocol):
    state: EditorState  # the session, as Qt signals
    tasks: TaskManager  # all background work
    prefs: Preferences  # the user's preferences (app.session.preferences): never a raw settings key

    def dialog_parent(self) -> QWidget:
        """The widget dialogs are shown over."""
        ...

    def show_error(self, title: str, message: str) -> None: ...

    def show_info(self, title: str, message: str) -> None: ...

    def ask(self, title: str, question: str) -> bool:
        """A yes/no question; True for yes."""
        ...

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """A passing message in the status bar."""
        ...

    def commit_edits(self) -> None:
        """Put text typed but not yet committed into the document (before any command)."""
        ...

    def show_engine(self, model: str, device: str, *, kind: str = "recognizer") -> None:
        """A model (the recognizer, or the aligner with ``kind="aligner"``) loaded and did its work, on ``device``."""
        ...

    def engine_loading(self, model: str) -> None:
        """The model is being loaded: shown as loading, never as in use until it did its work."""
        ...

    def engine_failed(self) -> None:
        """The model being loaded failed (or its run was cancelled): it is not shown as loaded."""
        ...


class WindowHost(Host, Protocol):
    """What features that add menus, docks and panes need besides (the main window; a fake in tests)."""

    context: AppContext
    shortcuts: ShortcutRegistry
    editor: Any  # app.ui.cue_editor.CueEditor: the selected cue's text box
    table: Any  # app.ui.cue_table.CueTableView: the cue list
    playerCreated: Any  # Signal(object): the player, made with the first media
    waveformCreated: Any  # Signal(object): the waveform, made with the first media or cues
    layoutRestored: Any  # Signal(): the window's saved layout was put back

    def menu(self, name: str) -> QMenu:
        """One of :data:`MENUS`."""
        ...

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> None:
        """Dock a panel (hidden at first; the saved layout may show it)."""
        ...

    def ensure_player(self) -> Any:
        """The player of the open media (None without media)."""
        ...

    def open_with_subtitles(self, media: str, subtitles: str) -> None:
        """Open a media file and a subtitle file made for it (a finished batch item)."""
        ...

    def models_in_use(self) -> dict[str, str]:
        """The models loaded and used, by kind ("recognizer", "aligner"), for Help ▸ About."""
        ...


def add_action(
    host: WindowHost, menu: str | QMenu, text: str, slot: Callable[[], Any], shortcut: Any = None, *, id: str
) -> QAction:
    """A menu action under a stable ``id`` (app.ui.shortcuts): its key may be rebound, ``shortcut`` is the default
    (a StandardKey gives every binding of the platform)."""
    target = host.menu(menu) if isinstance(menu, str) else menu
    action = QAction(text, target)
    host.shortcuts.register(id, action, shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    target.addAction(action)
    return action


EXPORT_MENU = "file.export_menu"  # the File menu's Export submenu, shared by the features that export videos


def export_menu(host: WindowHost) -> QMenu:
    """File ▸ Export, made by the first feature that needs it (video tracks, burned-in subtitles)."""
    file_menu = host.menu("file")
    found = file_menu.findChild(QMenu, EXPORT_MENU)
    if found is not None:
        return found
    menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "E&xport"))
    menu.setObjectName(EXPORT_MENU)
    return menu
