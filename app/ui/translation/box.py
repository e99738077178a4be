"""The second text box, beside the first: the selected cue's translation, typed as the text is (one undo step an
edit, committed shortly after the typing stops, when the selection moves or the focus leaves)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.commands import SetTranslations
from app.ui.cue_editor import COMMIT_AFTER_MS, CueTextEdit
from app.ui.cue_table import shows_translation
from app.ui.palette import colours
from app.ui.state import EditorState


class TranslationEdit(CueTextEdit):
    """Undo or Redo pressed here first commits what was typed (the window's action then undoes it as one step,
    as in the text box), so typing never lands after the undo on top of what it undid."""

    undoPressed = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))
        ):
            self.undoPressed.emit()
        return super().event(event)


class TranslationBox(QWidget):
    def __init__(self, state: EditorState, text_font: QFont | None = None) -> None:
        super().__init__()
        self.state = state
        self.index: int | None = None
        self.edit = TranslationEdit()
        self.edit.setPlaceholderText(self.tr("Translation"))
        self.edit.setTabChangesFocus(True)
        if text_font is not None:
            self.edit.setFont(text_font)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 3 + 16)
        self.label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit)
        layout.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_AFTER_MS)
        self._timer.timeout.connect(self.commit)
        self._loading = False
        self.edit.textChanged.connect(self._on_typed)
        self.edit.focusLost.connect(self.commit)
        self.edit.undoPressed.connect(self.commit)
        state.selectionChanged.connect(self._on_selection)
        state.cuesChanged.connect(self._on_cues_changed)
        state.metadataChanged.connect(lambda _fields: self._update_shown())
        state.documentReplaced.connect(lambda: self._show(None))
        state.translationRequested.connect(self.edit_translation)
        self._show(None)

    def edit_translation(self, index: int) -> None:
        """Show cue ``index``'s translation (it is selected) and put the cursor in it."""
        if self.index != index and 0 <= index < len(self.state.doc):
            self.commit()
            self._show(index)
        self.edit.setFocus()

    def _on_typed(self) -> None:
        if not self._loading:
            self._timer.start()

    def commit(self) -> None:
        """Put the typed translation into the document (one undo step); typing clears its review flag."""
        self._timer.stop()
        if self.index is None or self.index >= len(self.state.doc):
            return
        text, cue = self.edit.toPlainText(), self.state.doc[self.index]
        if text != cue.translation:
            self.state.push(SetTranslations((self.index,), (text,), (False,), self.tr("Edit translation")))

    def _on_selection(self, rows: list[int]) -> None:
        self.commit()
        self._show(rows[0] if len(rows) == 1 else None)

    def _on_cues_changed(self, _change: object) -> None:
        if self.index is not None and self.index >= len(self.state.doc):
            self._show(None)
        elif self.index is not None and not self._timer.isActive():
            self._show(self.index)  # an undo or a run changed the translation under us
        else:
            self._update_shown()

    def _show(self, index: int | None) -> None:
        self.index = index
        self._loading = True
        try:
            cue = self.state.doc[index] if index is not None else None
            self.edit.setEnabled(cue is not None)
            text = cue.translation if cue is not None else ""
            if self.edit.toPlainText() != text:
                self.edit.setPlainText(text)
            flagged = cue is not None and cue.translation_review
            self.label.setText(self.tr("to review") if flagged else "")
            self.label.setStyleSheet(f"color: {colours().warning_text.name()}" if flagged else "")
            self.label.setVisible(flagged)  # an empty line would push the box below the text box's line
        finally:
            self._loading = False
        self._update_shown()

    def _update_shown(self) -> None:
        self.setVisible(shows_translation(self.state))
