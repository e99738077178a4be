"""Edit ▸ Keyboard Shortcuts: pick a preset, rebind any action, see clashes before they are saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.palette import colours
from app.ui.shortcuts import PRESETS, ShortcutRegistry, conflicts, portable, preset_title, shown


class ShortcutDialog(QDialog):
    """Rows are actions; choosing a preset shows its keys; a key typed for a row replaces that row's keys.

    Nothing changes in the window until OK, which stays disabled while two actions share a key.
    """

    def __init__(self, registry: ShortcutRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.custom: dict[str, list[str]] = dict(registry.custom)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(620, 560)
        self.preset = QComboBox()
        for preset in PRESETS:
            self.preset.addItem(preset_title(preset), preset)
        self.preset.setCurrentIndex(max(self.preset.findData(registry.preset), 0))
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.key = QKeySequenceEdit()
        self.key.setMaximumSequenceLength(1)
        self.key.editingFinished.connect(self._on_key)
        clear = QPushButton(self.tr("&Clear"))
        clear.clicked.connect(lambda: self._set_current([]))
        reset = QPushButton(self.tr("&Reset to Preset"))
        reset.clicked.connect(self._reset)
        self.clashes = QLabel()
        self.clashes.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Preset:"), self.preset)
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel(self.tr("Shortcut for the selected action:")))
        edit_row.addWidget(self.key, 1)
        edit_row.addWidget(clear)
        edit_row.addWidget(reset)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.clashes)
        layout.addWidget(self.buttons)
        self.ids = registry.ids()
        self._fill()

    # -- what is shown -----------------------------------------------------------------------------
    def bindings(self) -> dict[str, list[QKeySequence]]:
        return self.registry.bindings(self.preset.currentData(), self.custom)

    def _fill(self) -> None:
        bindings = self.bindings()
        clashing = {i for ids in conflicts(bindings).values() for i in ids}
        self.table.setRowCount(len(self.ids))
        for row, action_id in enumerate(self.ids):
            name = QTableWidgetItem(self.registry.label(action_id))
            name.setData(Qt.ItemDataRole.UserRole, action_id)
            key = QTableWidgetItem(shown(bindings[action_id]))
            for item in (name, key):
                item.setBackground(QBrush(colours().row_problem) if action_id in clashing else QBrush())
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, key)
        self._show_clashes(bindings)

    def _show_clashes(self, bindings: dict[str, list[QKeySequence]]) -> None:
        found = conflicts(bindings)
        lines = [
            self.tr("{key} is bound to both {first} and {second}").format(
                key=QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText),
                first=self.registry.label(ids[0]),
                second=self.registry.label(ids[1]),
            )
            for key, ids in found.items()
        ]
        self.clashes.setText("\n".join(lines))
        self.clashes.setStyleSheet(f"color: {colours().warning_text.name()}")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.ids):
            keys = self.bindings()[self.ids[row]]
            self.key.setKeySequence(keys[0] if keys else QKeySequence())

    # -- changes -----------------------------------------------------------------------------------
    def _on_preset(self) -> None:
        self.custom = {}  # a preset is a fresh start
        self._fill()

    def _on_key(self) -> None:
        sequence = self.key.keySequence()
        self._set_current([sequence] if not sequence.isEmpty() else [])

    def _set_current(self, keys: list[QKeySequence]) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.ids):
            return
        self.set_keys(self.ids[row], keys)
        self.table.selectRow(row)

    def set_keys(self, action_id: str, keys: list[QKeySequence]) -> None:
        """The user's own keys for one action (kept over any preset)."""
        self.custom[action_id] = [portable(k) for k in keys]
        self._fill()

    def _reset(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ids):
            self.custom.pop(self.ids[row], None)
            self._fill()
            self.table.selectRow(row)

    def accept(self) -> None:
        if conflicts(self.bindings()):
            return
        self.registry.apply(self.preset.currentData(), self.custom)
        super().accept()
