"""The open work as the window sees it: the Qt-free session (app.session) with its events as Qt signals.

Views subscribe to the signals once; everything else is the session's (``state.session``), reached through
the same names as before (``state.doc``, ``state.stack``, ``state.push`` ...).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.checks import Limits
from app.core.commands import KEEP, Command
from app.core.document import Cue, Document
from app.core.undo import UndoStack
from app.session import (
    CuesChanged,
    DocumentReplaced,
    Event,
    MediaChanged,
    MetadataChanged,
    PathsChanged,
    SelectionChanged,
    Session,
    UndoChanged,
)


class EditorState(QObject):
    documentReplaced = Signal()  # a new document: views reset
    cuesChanged = Signal(object)  # a Change from the document
    metadataChanged = Signal(object)  # frozenset of the fields that changed: language, media_path, settings
    pathsChanged = Signal()  # the project or subtitle file the work is tied to
    undoStateChanged = Signal()  # can undo/redo, labels, clean state
    mediaChanged = Signal()  # the decoded audio came or went
    selectionChanged = Signal(list)  # selected cue indices, shared by the list and the waveform
    translationRequested = Signal(int)  # a view asks for this cue's translation to be edited (the second box)

    def __init__(self, parent: QObject | None = None, session: Session | None = None):
        super().__init__(parent)
        self.session = session if session is not None else Session()
        self.session.subscribe(self._relay)
        self.snap_guide: Any = None  # app.core.frames.PictureGuide while a video is open: shot and frame snapping

    def _relay(self, event: Event) -> None:
        if isinstance(event, CuesChanged):
            self.cuesChanged.emit(event.change)
        elif isinstance(event, UndoChanged):
            self.undoStateChanged.emit()
        elif isinstance(event, SelectionChanged):
            self.selectionChanged.emit(list(event.indices))
        elif isinstance(event, MetadataChanged):
            self.metadataChanged.emit(event.fields)
        elif isinstance(event, DocumentReplaced):
            self.documentReplaced.emit()
        elif isinstance(event, MediaChanged):
            self.mediaChanged.emit()
        elif isinstance(event, PathsChanged):
            self.pathsChanged.emit()

    # -- the session, under the names the views use ----------------------------------------------------
    @property
    def doc(self) -> Document:
        return self.session.doc

    @property
    def stack(self) -> UndoStack:
        return self.session.stack

    @property
    def generation(self) -> int:
        return self.session.generation

    @property
    def audio(self) -> Any:
        return self.session.audio

    @property
    def audio_track(self) -> int | None:
        return self.session.audio_track

    @property
    def selection(self) -> list[int]:
        return self.session.selection

    @property
    def subtitle_path(self) -> str | None:
        return self.session.subtitle_path

    @subtitle_path.setter
    def subtitle_path(self, path: str | None) -> None:
        self.session.set_paths(subtitle_path=path)

    @property
    def project_path(self) -> str | None:
        return self.session.project_path

    @project_path.setter
    def project_path(self, path: str | None) -> None:
        self.session.set_paths(project_path=path)

    @property
    def limits(self) -> Limits:
        return self.session.limits

    def limits_of(self, cue: Cue) -> Limits:
        """One cue's limits: its language's (the cue list's colours, the text box's counters)."""
        return self.session.limits_of(cue)

    @property
    def media_end(self) -> int | None:
        return self.session.media_end

    def replace_document(self, doc: Document, *, subtitle_path: str | None = None, project_path: str | None = None):
        self.session.replace_document(doc, subtitle_path=subtitle_path, project_path=project_path)

    def push(self, command: Command, *, merge: object | None = None) -> None:
        self.session.push(command, merge=merge)

    def set_metadata(self, label: str, **fields: Any) -> bool:
        return self.session.set_metadata(label, **{k: v for k, v in fields.items() if v is not KEEP})

    def is_modified(self) -> bool:
        return self.session.is_modified()

    def set_audio(self, audio: Any, audio_track: int | None = None) -> None:
        self.session.set_audio(audio, audio_track)

    def select(self, indices: list[int]) -> None:
        self.session.select(indices)
