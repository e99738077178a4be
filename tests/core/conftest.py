from __future__ import annotations

from collections.abc import Callable

import pytest

from app.core.commands import Command
from app.core.document import Change, Cue, Document, Word
from app.core.undo import UndoStack


def make_doc() -> Document:
    """Three cues with words, one locked, one edited: enough to exercise every command."""
    cues = [
        Cue(1000, 2500, "Hello, world.", (Word(1000, 1500, 0, 6), Word(1600, 2400, 7, 13))),
        Cue(3000, 4200, "How are you?", (Word(3000, 3300, 0, 3), Word(3300, 3600, 4, 7), Word(3700, 4200, 8, 12))),
        Cue(5000, 6000, "Fine.", (Word(5000, 5900, 0, 5),), edited=True, locked=True),
    ]
    return Document.from_cues(cues, language="English", media_path="/media/clip.mp4")


@pytest.fixture
def doc() -> Document:
    return make_doc()


@pytest.fixture
def reversible() -> Callable[[Document, Command], Document]:
    """Apply a command through an undo stack and check that undo and redo are exact.

    Returns the document as the command left it, so a test only asserts what the command did.
    """

    def run(doc: Document, command: Command) -> Document:
        changes: list[Change] = []
        doc.subscribe(changes.append)
        stack = UndoStack(doc)
        before = doc.snapshot()
        stack.push(command)
        after = doc.snapshot()
        assert changes, "the command changed nothing that listeners heard about"
        assert stack.can_undo and not stack.can_redo
        assert stack.undo()
        assert doc.snapshot() == before, "undo did not restore the document exactly"
        assert stack.redo()
        assert doc.snapshot() == after, "redo did not restore the change"
        assert stack.undo() and doc.snapshot() == before
        assert stack.redo() and doc.snapshot() == after
        doc.unsubscribe(changes.append)
        return doc

    return run
