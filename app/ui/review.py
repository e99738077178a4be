"""The review list every "proposed changes" dialog shares (re-align's large moves, fix common problems,
proofreading): one row per change, its first column a tick; what is ticked is applied, the rest stays as it is."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def review_buttons(
    dialog: QDialog, apply: str, all_on: str, all_off: str, set_all: Callable[[bool], None]
) -> QDialogButtonBox:
    """The buttons under a review list: ``apply`` (accepts), Cancel, and two that tick (``all_on``) or untick
    (``all_off``) every row through ``set_all``; the words are the caller's, translated in its context."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(apply)
    for text, on in ((all_on, True), (all_off, False)):
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, on=on: set_all(on))
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class TickTable(QTableWidget):
    def __init__(self, columns: Sequence[str], rows: int = 0, parent: QWidget | None = None) -> None:
        """``columns``: the headers, the tick's first."""
        super().__init__(rows, len(columns), parent)
        self.setHorizontalHeaderLabels(list(columns))
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def set_tick(self, row: int, ticked: bool) -> None:
        """Tick or untick ``row`` (its tick made on first use)."""
        item = self.item(row, 0)
        if item is None:
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            self.setItem(row, 0, item)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def is_ticked(self, row: int) -> bool:
        item = self.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_all(self, ticked: bool) -> None:
        for row in range(self.rowCount()):
            self.set_tick(row, ticked)

    def ticked_rows(self) -> list[int]:
        return [row for row in range(self.rowCount()) if self.is_ticked(row)]

    def unticked_rows(self) -> set[int]:
        return {row for row in range(self.rowCount()) if not self.is_ticked(row)}
