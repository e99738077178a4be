"""What feature modules (files, recognition, re-align, autosave) need from the window, and nothing more.

The main window implements it; tests may pass anything that does. Feature modules never import the window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from app.ui.state import EditorState
from app.ui.tasks import TaskManager


class Host(Protocol):
    state: EditorState  # the session, as Qt signals
    tasks: TaskManager  # all background work
    settings: QSettings

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

    def show_engine(self, model: str, device: str) -> None:
        """The recognition model and the device it runs on, in the status bar."""
        ...
