"""The open work, without Qt: one document, its undo stack, its media and files, the selection.

The window adapts it to Qt signals (app.ui.state); the task manager binds work to its generation.
"""

from app.session.events import (
    CuesChanged,
    DocumentReplaced,
    Event,
    MediaChanged,
    MetadataChanged,
    PathsChanged,
    SelectionChanged,
    UndoChanged,
)
from app.session.live import LiveCues
from app.session.session import Session

__all__ = [
    "CuesChanged",
    "DocumentReplaced",
    "Event",
    "LiveCues",
    "MediaChanged",
    "MetadataChanged",
    "PathsChanged",
    "SelectionChanged",
    "Session",
    "UndoChanged",
]
