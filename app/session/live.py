"""Results of long work going into the session as they arrive, as one undo step (a recognition's cues).

Bound to the generation it was made for: once another document is open, what still arrives is dropped.
While the user holds an undo group open (a drag on the waveform), arrivals wait for it to close, so they are
neither swallowed by the drag nor undone by its Escape; the user's own edits stay steps of their own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from app.core.commands import Command, InsertRun, SetMetadata
from app.core.document import Cue
from app.session.events import DocumentReplaced, Event, UndoChanged
from app.session.session import Session


class LiveCues:
    def __init__(self, session: Session, label: str) -> None:
        self.session = session
        self.label = label
        self.generation = session.generation
        self._key = object()  # the undo step's merge key: every command of this run joins the same step
        self._pending: list[Callable[[], Command | None]] = []
        self._closed = False
        session.subscribe(self._on_event)

    @property
    def current(self) -> bool:
        """The document it was made for is still the open one."""
        return self.session.generation == self.generation

    def push(self, command: Command | Callable[[], Command | None]) -> bool:
        """Apply a command (or a maker called when it can be applied) as part of the run's step; False if dropped."""
        if not self.current or self._closed:  # another document, or the run is over
            return False
        self._pending.append((lambda: command) if isinstance(command, Command) else command)
        self._flush()
        return True

    def add(self, cues: Sequence[Cue]) -> bool:
        """Cues of one chunk, in order, placed by their start among the cues already there."""
        if not cues:
            return self.current
        run = tuple(cues)

        def make() -> Command:
            index = bisect_right([c.start for c in self.session.doc], run[0].start)
            return InsertRun(index, run, self.label)

        return self.push(make)

    def set_language(self, language: str | None) -> bool:
        """The language the run was asked for or found, when it differs (part of the same step)."""

        def make() -> Command | None:
            if not language or self.session.doc.language == language:
                return None
            return SetMetadata(language=language, label=self.label)

        return self.push(make)

    def close(self) -> None:
        """The run is over (done, failed or cancelled): what arrived stays, as one step; nothing more joins it."""
        self._closed = True
        self._flush()
        if not self._pending:
            self._detach()

    def abort(self) -> bool:
        """The run failed or was cancelled: the document goes back to how it was before it (the cleared cues
        return, what arrived goes), leaving no undo step. False when that cannot be done cleanly (the user's own
        steps came after the run's, or a drag is open): then what arrived stays, as :meth:`close` leaves it."""
        self._closed = True
        self._pending.clear()
        withdrawn = self.current and self.session.stack.withdraw(self._key)
        self._detach()
        return withdrawn

    def _flush(self) -> None:
        stack = self.session.stack
        while self._pending and self.current and not stack.in_group:
            command = self._pending.pop(0)()
            if command is not None:
                self.session.push(command, merge=self._key)
        if not self.current:
            self._pending.clear()

    def _detach(self) -> None:
        self.session.stack.close_merge(self._key)
        try:
            self.session.unsubscribe(self._on_event)
        except ValueError:  # already detached
            pass

    def _on_event(self, event: Event) -> None:
        if isinstance(event, DocumentReplaced):
            self._pending.clear()
            self._detach()
        elif isinstance(event, UndoChanged) and self._pending:
            self._flush()
            if self._closed and not self._pending:
                self._detach()
