"""Find and replace across the cue texts; Replace All is one undo step."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.ui import editing
from app.ui.state import EditorState


class FindReplaceDialog(QDialog):
    def __init__(self, state: EditorState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Find and Replace"))
        self.find_text = QLineEdit()
        self.replace_text = QLineEdit()
        self.case = QCheckBox(self.tr("Match case"))
        self.regex = QCheckBox(self.tr("Regular expression"))
        self.message = QLabel()
        find_next = QPushButton(self.tr("Find Next"))
        replace_all = QPushButton(self.tr("Replace All"))
        close = QPushButton(self.tr("Close"))
        form = QFormLayout(self)
        form.addRow(self.tr("Find:"), self.find_text)
        form.addRow(self.tr("Replace with:"), self.replace_text)
        options = QHBoxLayout()
        options.addWidget(self.case)
        options.addWidget(self.regex)
        form.addRow(options)
        buttons = QHBoxLayout()
        for button in (find_next, replace_all, close):
            buttons.addWidget(button)
        form.addRow(buttons)
        form.addRow(self.message)
        find_next.setDefault(True)
        find_next.clicked.connect(self.find_next)
        replace_all.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)

    def _pattern(self) -> str | None:
        pattern = self.find_text.text()
        if not pattern:
            self.message.setText(self.tr("Type what to find"))
            return None
        if self.regex.isChecked():
            try:
                re.compile(pattern)
            except re.error as exc:
                self.message.setText(self.tr("Not a valid expression: {error}").format(error=exc))
                return None
        return pattern

    def find_next(self) -> None:
        pattern = self._pattern()
        if pattern is None:
            return
        start = self.state.selection[0] + 1 if self.state.selection else 0
        found = editing.find_next(self.state, pattern, start, case=self.case.isChecked(), regex=self.regex.isChecked())
        if found is None:
            self.message.setText(self.tr("Not found"))
        else:
            self.message.setText(self.tr("Cue {number}").format(number=found + 1))
            self.state.select([found])

    def replace_all(self) -> None:
        pattern = self._pattern()
        if pattern is None:
            return
        try:
            count = editing.replace_all(
                self.state, pattern, self.replace_text.text(), case=self.case.isChecked(), regex=self.regex.isChecked()
            )
        except (re.error, IndexError) as exc:
            self.message.setText(self.tr("Cannot replace: {error}").format(error=exc))
            return
        self.message.setText(self.tr("Replaced in %n cue(s)", "", count) if count else self.tr("Not found"))
