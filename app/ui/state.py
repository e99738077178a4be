"""The open work as the window sees it: one document, its undo stack, its files; changes as Qt signals.

The document itself knows nothing of Qt; this adapter turns its change notices into signals so that
views subscribe once, and swaps the whole document when a file is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.checks import Limits
from app.core.commands import Command
from app.core.document import Change, Document
from app.core.undo import UndoStack


class EditorState(QObject):
    documentReplaced = Signal()  # a new document: views reset
    cuesChanged = Signal(object)  # a Change from the document
    undoStateChanged = Signal()  # can undo/redo, labels, clean state
    mediaChanged = Signal()  # the decoded audio came or went
    selectionChanged = Signal(list)  # selected cue indices, shared by the list and the waveform

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = Document()
        self.stack = UndoStack(self.doc)
        self.subtitle_path: str | None = None
        self.project_path: str | None = None
        self.audio = None  # app.media DecodedAudio, once decoded
        self.audio_track: int | None = None  # the ordinal of the decoded stream among the file's audio tracks
        self.selection: list[int] = []
        self._attach()

    # -- document ------------------------------------------------------------------------------------
    def _attach(self) -> None:
        self.doc.subscribe(self._on_change)
        self.stack.subscribe(self.undoStateChanged.emit)

    def _on_change(self, change: Change) -> None:
        self.cuesChanged.emit(change)

    def replace_document(self, doc: Document, *, subtitle_path: str | None = None, project_path: str | None = None):
        self.doc.unsubscribe(self._on_change)
        self.doc = doc
        self.stack = UndoStack(doc)
        self.subtitle_path = subtitle_path
        self.project_path = project_path
        self.selection = []
        self._attach()
        self.documentReplaced.emit()
        self.undoStateChanged.emit()
        self.selectionChanged.emit([])

    def push(self, command: Command) -> None:
        self.stack.push(command)

    @property
    def limits(self) -> Limits:
        overrides = {k: v for k, v in self.doc.settings.get("limits", {}).items() if k in Limits.__dataclass_fields__}
        return Limits.for_language(self.doc.language, **overrides)

    @property
    def media_end(self) -> int | None:
        return None if self.audio is None else int(self.audio.duration_ms)

    def is_modified(self) -> bool:
        return not self.stack.is_clean()

    # -- media ---------------------------------------------------------------------------------------
    def set_audio(self, audio, audio_track: int | None = None) -> None:
        """The decoded audio, and which of the file's audio tracks it is (for the player)."""
        self.audio = audio
        self.audio_track = audio_track
        self.mediaChanged.emit()

    # -- selection -----------------------------------------------------------------------------------
    def select(self, indices: list[int]) -> None:
        indices = sorted({i for i in indices if 0 <= i < len(self.doc)})
        if indices != self.selection:
            self.selection = indices
            self.selectionChanged.emit(indices)
