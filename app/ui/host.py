"""What feature modules (files, recognition, re-align, autosave) need from the window, and nothing more.

The main window implements it; tests may pass anything that does. Feature modules never import the window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.session.preferences import Preferences
from app.ui.state import EditorState
from app.ui.tasks import TaskManager


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
