"""The cue list: an item model over the document and the table that shows it."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.core.checks import chars_per_second, over_reading_speed, visible_text
from app.core.commands import SetText, SetTimes, SetTranslations
from app.core.document import Change
from app.core.timecode import format_duration, format_time, parse_time
from app.ui.palette import colours, theme
from app.ui.state import EditorState

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("CueTableModel", "Start"),
    QT_TRANSLATE_NOOP("CueTableModel", "End"),
    QT_TRANSLATE_NOOP("CueTableModel", "Duration"),
    QT_TRANSLATE_NOOP("CueTableModel", "CPS"),
    QT_TRANSLATE_NOOP("CueTableModel", "Text"),
    QT_TRANSLATE_NOOP("CueTableModel", "Translation"),
)
NUMBER, START, END, DURATION, CPS, TEXT, TRANSLATION = range(len(COLUMNS))
_Index = QModelIndex | QPersistentModelIndex
_lock_icons: dict[bool, QIcon] = {}


def lock_icon() -> QIcon:
    """A padlock drawn here: the emoji needs a font that a fresh Debian does not have (it showed a box)."""
    dark = colours().dark
    if dark not in _lock_icons:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = colours().lock_icon
        painter.setPen(QPen(colour, 1.6))
        painter.drawArc(4, 1, 8, 10, 0, 180 * 16)  # the shackle
        painter.drawLine(4, 6, 4, 8)
        painter.drawLine(12, 6, 12, 8)
        painter.fillRect(2, 7, 12, 8, colour)  # the body
        painter.end()
        _lock_icons[dark] = QIcon(pixmap)
    return _lock_icons[dark]


def shows_translation(state: EditorState) -> bool:
    """The document has a target language or any translation: the list's column (and the second box) show."""
    doc = state.doc
    return bool(doc.settings.translation_language) or any(cue.translation for cue in doc)


SHOWN_CHARS = 4000  # more than a row can show on any screen; a 400,000-word cue took a second to draw


class CueTableModel(QAbstractTableModel):
    """Rows are cues. Edits go through the undo stack; the document's change notices update the rows."""

    editRejected = Signal(str)  # a typed time that is not one, or an end before the start

    def __init__(self, state: EditorState):
        super().__init__()
        self.state = state
        self._rows = len(state.doc)
        state.cuesChanged.connect(self._on_change)
        state.metadataChanged.connect(self._on_metadata)  # the language and limits colour the rows
        theme().changed.connect(self._on_theme)  # and the theme (a bound method: disconnected with the model)
        state.documentReplaced.connect(self._on_replaced)

    # -- keeping in step with the document ------------------------------------------------------------
    def _on_replaced(self) -> None:
        self.beginResetModel()
        self._rows = len(self.state.doc)
        self.endResetModel()

    def _on_theme(self) -> None:
        self._on_metadata(None)

    def _on_metadata(self, _fields: object) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1))

    def _on_change(self, change: Change) -> None:
        if change.kind == "inserted":
            self.beginInsertRows(QModelIndex(), change.index, change.index + change.count - 1)
            self._rows += change.count
            self.endInsertRows()
        elif change.kind == "removed":
            self.beginRemoveRows(QModelIndex(), change.index, change.index + change.count - 1)
            self._rows -= change.count
            self.endRemoveRows()
        elif change.kind == "changed":
            # neighbours' overlap colouring depends on this row too
            first = max(change.index - 1, 0)
            last = min(change.index + change.count, self._rows - 1)
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        else:
            self._on_replaced()

    # -- Qt model interface ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CueTableModel", COLUMNS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (START, END, TEXT) and not self._cue(index.row()).locked:
            base |= Qt.ItemFlag.ItemIsEditable
        elif index.column() in (TEXT, TRANSLATION):
            base |= Qt.ItemFlag.ItemIsEditable  # locked cues keep their timing, not their words
        return base

    def _cue(self, row: int):
        return self.state.doc[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self.state.doc):
            return None
        cue = self._cue(row)
        limits = self.state.limits_of(cue)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NUMBER:
                return str(row + 1)
            if column == START:
                return format_time(cue.start)
            if column == END:
                return format_time(cue.end)
            if column == DURATION:
                return format_duration(cue.duration)
            if column == CPS:
                cps = chars_per_second(cue)
                return "∞" if cps == float("inf") else f"{cps:.1f}"
            if column == TEXT:
                if role == Qt.ItemDataRole.EditRole:
                    return cue.text
                shown = cue.text[:SHOWN_CHARS].replace("\n", " ⏎ ")  # a row shows one line: never megabytes
                return shown + "…" if len(cue.text) > SHOWN_CHARS else shown
            if column == TRANSLATION:
                if role == Qt.ItemDataRole.EditRole:
                    return cue.translation
                shown = cue.translation[:SHOWN_CHARS].replace("\n", " ⏎ ")
                return shown + "…" if len(cue.translation) > SHOWN_CHARS else shown
        if role == Qt.ItemDataRole.DecorationRole and column == NUMBER and cue.locked:
            return lock_icon()
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == CPS and over_reading_speed(chars_per_second(cue), limits.max_cps):
                return QBrush(colours().row_problem)
            if column == DURATION and cue.duration <= 0:
                return QBrush(colours().row_problem)
            if column == START and row > 0 and cue.start < self._cue(row - 1).end:
                return QBrush(colours().row_problem)
            if column == TEXT:
                lines = visible_text(cue.text).split("\n")
                if max(len(line) for line in lines) > limits.max_line_chars or len(lines) > limits.max_lines:
                    return QBrush(colours().row_warning)
                if cue.needs_review:
                    return QBrush(colours().row_warning)
            if column == TRANSLATION and cue.translation_review:
                return QBrush(colours().row_problem)
            if column == NUMBER and cue.edited:
                return QBrush(colours().row_edited)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if cue.edited:
                tips.append(self.tr("Text edited since it was timed: re-align to fix its timing"))
            if cue.needs_review:
                tips.append(self.tr("The aligner could not place this text; its old timing was kept"))
            if cue.translation_review:
                tips.append(self.tr("Translation to review: the model gave no usable line, or not in its language"))
            if cue.locked:
                tips.append(self.tr("Locked: automatic timing never moves it"))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (TEXT, TRANSLATION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        cue = self._cue(row)
        try:
            if column == TEXT:
                if str(value) != cue.text:
                    self.state.push(SetText(row, str(value)))
                return True
            if column == TRANSLATION:
                if (str(value), False) != (cue.translation, cue.translation_review):  # edited: looked at
                    self.state.push(SetTranslations((row,), (str(value),), (False,), self.tr("Edit translation")))
                return True
            ms = parse_time(str(value))
            start, end = (ms, cue.end) if column == START else (cue.start, ms)
            if end <= start:
                raise ValueError("the end must come after the start")
            if (start, end) != (cue.start, cue.end):
                self.state.push(SetTimes(row, start, end))
            return True
        except ValueError as exc:
            self.editRejected.emit(str(exc))
            return False


class CueTableView(QTableView):
    """The table, with its selection kept in step with the shared selection in the editor state."""

    def __init__(self, state: EditorState):
        super().__init__()
        self.editor_state = state  # not ``state``: that is QAbstractItemView.state(), the view's interaction state
        self.setModel(CueTableModel(state))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((NUMBER, 56), (START, 96), (END, 96), (DURATION, 70), (CPS, 52)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)  # text and translation share the width
        self._syncing = False
        self.selectionModel().selectionChanged.connect(self._on_own_selection)
        state.selectionChanged.connect(self._on_state_selection)
        for signal in (state.metadataChanged, state.cuesChanged, state.documentReplaced):
            signal.connect(self.update_translation_column)
        self.update_translation_column()

    def update_translation_column(self, *_: object) -> None:
        """The Translation column is there when the document has a target language or any translation."""
        shown = shows_translation(self.editor_state)
        if shown == self.isColumnHidden(TRANSLATION):  # also after a restored header state that said otherwise
            self.setColumnHidden(TRANSLATION, not shown)

    def _on_own_selection(self, *_: object) -> None:
        if self._syncing:
            return
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        self._syncing = True
        try:
            self.editor_state.select(rows)
        finally:
            self._syncing = False

    def _on_state_selection(self, rows: list[int]) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            model = self.model()
            selection = QItemSelection()
            for row in rows:
                selection.select(model.index(row, 0), model.index(row, len(COLUMNS) - 1))
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if rows:
                self.scrollTo(model.index(rows[0], TEXT))
                self.selectionModel().setCurrentIndex(
                    model.index(rows[0], TEXT), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        finally:
            self._syncing = False
