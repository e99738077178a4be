"""Undo stack with grouping: several commands (a drag on the waveform) become one undo step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.commands import Batch, Command
from app.core.document import Document


@dataclass(frozen=True)
class _Step:
    label: str
    inverse: Command  # applying it undoes the step
    forward: Command  # applying it redoes the step


class UndoStack:
    """Applies commands to one document and remembers how to undo and redo them.

    ``begin(label)`` ... ``commit()`` groups every command pushed in between into one step; ``abort()``
    undoes them and leaves no step behind (a drag cancelled with Escape).

    ``push(command, merge=key)`` is the group for long work that must not lock the stack (a recognition adding
    cues for an hour): the command joins the last step when that step was made with the same key and nothing
    else happened since. Any other step, an undo, a redo or a save in between closes it, so the user's own edits
    stay steps of their own and are never swallowed; the work's next command then starts a new step.
    """

    def __init__(self, doc: Document, limit: int = 1000):
        self.doc = doc
        self.limit = limit
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._group: list[tuple[Command, Command]] | None = None
        self._group_label = ""
        self._clean_index: int | None = 0
        self._merge_key: object | None = None  # the key of the last step while it may still grow
        self._listeners: list[Callable[[], None]] = []

    # -- state ---------------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[], None]) -> None:
        """``listener()`` is called whenever can_undo, can_redo, the labels or the clean state may change."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) and self._group is None

    @property
    def can_redo(self) -> bool:
        return bool(self._redo) and self._group is None

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    @property
    def in_group(self) -> bool:
        return self._group is not None

    def is_clean(self) -> bool:
        """True when the document is as it was when last saved (or loaded)."""
        return self._clean_index == len(self._undo) and self._group is None

    def mark_clean(self) -> None:
        self._clean_index = len(self._undo)
        self._merge_key = None  # the saved state stays reachable: later work starts a new step
        self._changed()

    # -- doing ---------------------------------------------------------------------------------------
    def push(self, command: Command, *, merge: object | None = None) -> None:
        """Apply a command; it becomes one undo step, or part of the open group.

        With ``merge``, it joins the last step when that step has the same key and is still open (see the class).
        """
        if merge is not None and self._group is not None:
            raise RuntimeError("a merging push cannot go into an open group")
        inverse = command.apply(self.doc)
        if self._group is not None:
            self._group.append((command, inverse))
            return
        if merge is not None and merge == self._merge_key and self._undo:
            last = self._undo[-1]
            forward = Batch((*_commands(last.forward), command), last.label)
            backward = Batch((inverse, *_commands(last.inverse)), last.label)
            self._undo[-1] = _Step(last.label, backward, forward)
            if self._clean_index == len(self._undo):
                self._clean_index = None  # the saved state was the step before it grew
            self._changed()
            return
        self._record(_Step(command.label, inverse, command), merge)

    def close_merge(self, key: object) -> None:
        """The long work with this key is over: its step grows no more."""
        if self._merge_key == key:
            self._merge_key = None

    def withdraw(self, key: object) -> bool:
        """Long work with this key failed or was cancelled: undo its step and forget it (no redo brings it back).
        Only while that step is still the last one and open; False (nothing done) once anything else happened."""
        if key is None or self._merge_key != key or not self._undo or self._group is not None:
            return False
        self._merge_key = None
        step = self._undo.pop()
        step.inverse.apply(self.doc)
        if self._clean_index is not None and self._clean_index > len(self._undo):
            self._clean_index = None
        self._changed()
        return True

    def _record(self, step: _Step, merge: object | None = None) -> None:
        self._merge_key = merge
        if self._clean_index is not None and self._clean_index > len(self._undo):
            self._clean_index = None  # the saved state was in the redo branch we are dropping
        self._undo.append(step)
        self._redo.clear()
        if len(self._undo) > self.limit:
            del self._undo[0]
            if self._clean_index is not None:
                self._clean_index -= 1
                if self._clean_index < 0:
                    self._clean_index = None
        self._changed()

    def begin(self, label: str) -> None:
        if self._group is not None:
            raise RuntimeError("an undo group is already open")
        self._group = []
        self._group_label = label
        self._merge_key = None
        self._changed()

    def commit(self) -> None:
        group, self._group = self._group, None
        if group is None:
            raise RuntimeError("no undo group is open")
        if group:
            forward = Batch(tuple(c for c, _ in group), self._group_label)
            inverse = Batch(tuple(i for _, i in reversed(group)), self._group_label)
            self._record(_Step(self._group_label, inverse, forward))
        else:
            self._changed()

    def abort(self) -> None:
        group, self._group = self._group, None
        if group is None:
            raise RuntimeError("no undo group is open")
        for _, inverse in reversed(group):
            inverse.apply(self.doc)
        self._changed()

    def undo(self) -> bool:
        if not self.can_undo:
            return False
        self._merge_key = None
        step = self._undo.pop()
        forward = step.inverse.apply(self.doc)
        self._redo.append(_Step(step.label, step.inverse, forward))
        self._changed()
        return True

    def redo(self) -> bool:
        if not self.can_redo:
            return False
        self._merge_key = None
        step = self._redo.pop()
        inverse = step.forward.apply(self.doc)
        self._undo.append(_Step(step.label, inverse, step.forward))
        self._changed()
        return True

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._group = None
        self._clean_index = 0
        self._merge_key = None
        self._changed()


def _commands(command: Command) -> tuple[Command, ...]:
    return command.commands if isinstance(command, Batch) else (command,)
