"""The text box under the waveform where the selected cue's text is typed.

What is typed goes into the document shortly after the typing stops, when the selection moves, and
before any command runs, so nothing typed is ever lost and every change can be undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QKeyEvent, QKeySequence, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.checks import chars_per_second, over_reading_speed, visible_text
from app.core.commands import SetText
from app.ui.palette import colours, theme
from app.ui.state import EditorState

COMMIT_AFTER_MS = 600
# Qt lays out a word longer than the box in time that grows with the square of its length when it wraps at word
# boundaries (2,000,000 characters without a space froze the window for over 40 s); such text wraps anywhere.
LONG_WORD = 500
_WRAP_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere  # QPlainTextEdit's own default


def _has_long_word(text: str) -> bool:
    return len(text) > LONG_WORD and max(map(len, text.split()), default=0) > LONG_WORD


class CueTextEdit(QPlainTextEdit):
    """The text box has no undo of its own: Undo and Redo are the document's wherever the focus is.

    What was typed since the last commit is committed first and undone as one step, so Ctrl+Z after a split,
    a merge or a replace undoes that edit instead of doing nothing (a text box's own history ends at every
    reload of its text).
    """

    focusLost = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setUndoRedoEnabled(False)
        self.menu_for: Callable[[QPoint], QMenu] | None = None  # the context menu (spelling adds suggestions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.menu_for(event.pos()) if self.menu_for is not None else self.createStandardContextMenu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))
        ):
            event.ignore()  # not claimed: the window's Undo/Redo actions get the key
            return True
        return super().event(event)

    def set_wrapping_for(self, text: str) -> None:
        """Wrap at word boundaries, unless a word is so long that laying it out that way would freeze the window."""
        mode = QTextOption.WrapMode.WrapAnywhere if _has_long_word(text) else _WRAP_WORDS
        if self.wordWrapMode() != mode:
            self.setWordWrapMode(mode)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and _has_long_word(source.text()):  # before the paste is laid out, not after
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        super().insertFromMimeData(source)

    def focusOutEvent(self, event) -> None:
        self.focusLost.emit()
        super().focusOutEvent(event)


class CueEditor(QWidget):
    def __init__(self, state: EditorState):
        super().__init__()
        self.state = state
        self.index: int | None = None
        self.edit = CueTextEdit()
        self.edit.setPlaceholderText(self.tr("Select a cue to edit its text"))
        self.edit.setTabChangesFocus(True)
        font = QFont(self.edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.edit.setFont(font)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 3 + 16)
        self.info = QLabel()
        self.info.setMinimumWidth(170)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        side = QVBoxLayout()
        side.addWidget(self.info)
        side.addStretch(1)
        layout.addLayout(side)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_AFTER_MS)
        self._timer.timeout.connect(self.commit)
        self._loading = False
        self._text = ""  # the box's text as last seen: a change of formats only (spelling underlines) is no typing
        self.edit.textChanged.connect(self._on_typed)
        self.edit.focusLost.connect(self.commit)
        state.selectionChanged.connect(self._on_selection)
        state.cuesChanged.connect(self._on_cues_changed)
        state.documentReplaced.connect(lambda: self._show(None))
        theme().changed.connect(self._on_theme)  # a bound method: disconnected when the editor goes
        self._show(None)

    def _on_typed(self) -> None:
        text = self.edit.toPlainText()
        if self._loading or text == self._text:
            return
        self._text = text
        self._timer.start()
        self.edit.set_wrapping_for(text)
        self._update_info(text)

    def commit(self) -> None:
        """Put what was typed into the document (one undo step)."""
        self._timer.stop()
        if self.index is None or self.index >= len(self.state.doc):
            return
        text = self.edit.toPlainText()
        if text != self.state.doc[self.index].text:
            self.state.push(SetText(self.index, text))

    def has_pending(self) -> bool:
        """Whether the box holds typing that is not in the document yet (Undo then takes it back)."""
        return (
            self.index is not None
            and self.index < len(self.state.doc)
            and self.edit.toPlainText() != self.state.doc[self.index].text
        )

    def cursor_position(self) -> int:
        return self.edit.textCursor().position()

    def _on_selection(self, rows: list[int]) -> None:
        self.commit()
        self._show(rows[0] if len(rows) == 1 else None)

    def _on_cues_changed(self, _change: object) -> None:
        if self.index is None:
            return
        if self.index >= len(self.state.doc):
            self._show(None)
        elif self.state.doc[self.index].text != self.edit.toPlainText() and not self._timer.isActive():
            self._show(self.index)  # an undo, a merge or a replace changed the text under us
        else:
            self._update_info(self.edit.toPlainText())

    def _show(self, index: int | None) -> None:
        self.index = index
        self._loading = True
        try:
            if index is None:
                self.edit.setPlainText("")
                self.edit.setEnabled(False)
                self.info.setText("")
                return
            cue = self.state.doc[index]
            self.edit.setEnabled(True)
            if self.edit.toPlainText() != cue.text:
                self.edit.setPlainText("")  # so that a change of wrapping lays out no text, old or new
                self.edit.set_wrapping_for(cue.text)
                self.edit.setPlainText(cue.text)
            self._update_info(cue.text)
        finally:
            self._text = self.edit.toPlainText()
            self._loading = False

    def _on_theme(self) -> None:
        self._update_info(self.edit.toPlainText())  # its colours follow the theme

    def _update_info(self, text: str) -> None:
        if self.index is None or self.index >= len(self.state.doc):
            return
        cue = self.state.doc[self.index].with_(text=text)
        limits = self.state.limits_of(cue)
        lines = visible_text(text).split("\n")
        lengths = "/".join(str(len(line)) for line in lines)
        cps = chars_per_second(cue)
        cps_text = "∞" if cps == float("inf") else f"{cps:.1f}"
        warn = (
            over_reading_speed(cps, limits.max_cps)
            or max(len(x) for x in lines) > limits.max_line_chars
            or len(lines) > limits.max_lines
        )
        colour = (colours().warning_text if warn else colours().quiet_text).name()
        self.info.setText(
            f"<span style='color:{colour}'>"
            + self.tr("Cue {number}").format(number=self.index + 1)
            + "<br>"
            + self.tr("line lengths {lengths} (max {max})").format(lengths=lengths, max=limits.max_line_chars)
            + "<br>"
            + self.tr("{cps} chars/s (max {max})").format(cps=cps_text, max=f"{limits.max_cps:g}")
            + "</span>"
        )
