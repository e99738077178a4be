"""What a session tells its listeners: one small value per kind of change, Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.document import Change


@dataclass(frozen=True)
class DocumentReplaced:
    """A new document (a file was opened): views reset; work bound to an older generation is dropped."""

    generation: int


@dataclass(frozen=True)
class CuesChanged:
    change: Change  # which cues were inserted, removed or changed


@dataclass(frozen=True)
class MetadataChanged:
    fields: frozenset[str]  # of "language", "media_path", "settings"


@dataclass(frozen=True)
class MediaChanged:
    """The decoded audio came or went."""


@dataclass(frozen=True)
class PathsChanged:
    """The project or subtitle file the work is tied to changed (saved as, exported, imported)."""


@dataclass(frozen=True)
class UndoChanged:
    """Can undo/redo, their labels or the clean (saved) state may have changed."""


@dataclass(frozen=True)
class SelectionChanged:
    indices: tuple[int, ...]


Event = DocumentReplaced | CuesChanged | MetadataChanged | MediaChanged | PathsChanged | UndoChanged | SelectionChanged
