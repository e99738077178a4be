"""The batch queue panel: drop files or folders, see each file's state, progress and time left, reorder, cancel
one or all, choose where the subtitles go and in which formats, open a finished file in the editor.

The queue is app.session.batch.BatchQueue (Qt-free), run by app.ui.batch.runner; the window only registers the
dock (``BatchDock(host, open_result)``) and a File menu action.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.formats.registry import by_name, writable
from app.session.batch import CANCELLED, DONE, FAILED, RUNNING, WAITING, BatchOutput, expand_media, is_media_candidate
from app.ui.batch.runner import BatchRunner
from app.ui.batch.translate_to import TranslateToBox
from app.ui.host import Host
from app.ui.task_list import format_duration


def state_name(state: str) -> str:
    names = {
        WAITING: QCoreApplication.translate("Batch", "Waiting"),
        RUNNING: QCoreApplication.translate("Batch", "Running"),
        DONE: QCoreApplication.translate("Batch", "Done"),
        FAILED: QCoreApplication.translate("Batch", "Failed"),
        CANCELLED: QCoreApplication.translate("Batch", "Cancelled"),
    }
    return names[state]


class BatchTableModel(QAbstractTableModel):
    """The queue's rows: file, state, and progress (running), the reason (failed) or what was written (done)."""

    FRACTION = Qt.ItemDataRole.UserRole + 1  # the running row's fraction (-1: busy), for the progress bar

    def __init__(self, runner: BatchRunner):
        super().__init__(runner)
        self.runner = runner
        self.queue = runner.queue
        self.queue.listeners.append(self._queue_changed)
        runner.progressed.connect(self._row_changed)

    def _queue_changed(self, index: int | None) -> None:
        if index is None:
            self.beginResetModel()
            self.endResetModel()
        else:
            self._row_changed(index)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.queue):
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.queue)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("File"), self.tr("State"), self.tr("Progress"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.queue):
            return None
        item = self.queue[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.reason or "\n".join((item.media, *item.outputs))
        if role == self.FRACTION and column == 2:
            progress = self.runner.progress_of(index.row())
            return progress[0] if progress is not None else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return os.path.basename(item.media)
        if column == 1:
            return state_name(item.state)
        return self._detail(index.row())

    def _detail(self, row: int) -> str:
        item = self.queue[row]
        if item.state == RUNNING:
            progress = self.runner.progress_of(row)
            if progress is None:
                return ""
            fraction, left, what = progress
            text = f"{fraction * 100:.0f}%" if fraction > 0 else what  # 0: not begun (a model loading)
            if left is not None:
                text = self.tr("{percent} — {time} left").format(percent=text, time=format_duration(left))
            return text
        if item.state == FAILED:  # the file is named in its row already
            prefix = item.media + ": "
            return item.reason[len(prefix) :] if item.reason.startswith(prefix) else item.reason
        if item.state == DONE:
            return ", ".join(os.path.basename(p) for p in item.outputs)
        return ""


class ProgressDelegate(QStyledItemDelegate):
    """The running row's progress as a bar, its text (percent, time left) on it."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        fraction = index.data(BatchTableModel.FRACTION)
        if fraction is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        if option.widget is not None:
            bar.initFrom(option.widget)
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.minimum, bar.maximum = (0, 1000) if fraction > 0 else (0, 0)
        bar.progress = int(max(0.0, fraction) * 1000)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal  # not the row's selection
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class BatchView(QTableView):
    """The queue's table; media files and folders dropped on it join the queue."""

    def __init__(self, add: Callable[[list[str]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._add = add
        self.setAcceptDrops(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setItemDelegateForColumn(2, ProgressDelegate(self))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self._add(paths)


class BatchDock(QDockWidget):
    """The queue panel. ``open_result(media, subtitles)`` opens a finished file in the editor (app.ui.files)."""

    def __init__(
        self,
        host: Host,
        open_result: Callable[[str, str], None],
        parent: QWidget | None = None,
        *,
        runner: BatchRunner | None = None,
    ):
        super().__init__(self.tr("Batch queue"), parent)
        self.setObjectName("batch")  # the window saves and restores the dock's place
        self.host = host
        self.open_result = open_result
        self.runner = runner or BatchRunner(host, parent=self)
        self.queue = self.runner.queue
        self.model = BatchTableModel(self.runner)
        self.view = BatchView(self.add_paths)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets what room is left
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 170)  # room for "65% — 1 min 19 s left" on the bar
        header.setMinimumSectionSize(40)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its extension in view
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        if self.runner.notice is not None:
            from app.ui.messages import render

            self.show_notice(render(self.runner.notice))

        # one toolbar: what does not fit goes behind its » button, so the dock never widens the window
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def button(text: str, slot: Callable[[], object], tip: str = "") -> QToolButton:
            action = self.toolbar.addAction(text)
            action.triggered.connect(lambda _checked=False: slot())
            action.setToolTip(tip)
            widget = self.toolbar.widgetForAction(action)
            assert isinstance(widget, QToolButton)
            return widget

        self.add_button = button(
            self.tr("Add…"), self.add_dialog, self.tr("Add media files (or drop files and folders here)")
        )
        self.start_button = button(
            self.tr("Start"), self.runner.start, self.tr("Recognise the waiting files, one after another")
        )
        self.cancel_button = button(self.tr("Cancel"), self.cancel_selected, self.tr("Cancel the selected files"))
        self.cancel_all_button = button(
            self.tr("Cancel all"), self.runner.cancel_all, self.tr("Cancel every file not done yet")
        )
        self.up_button = button(self.tr("Up"), lambda: self.move_selected(-1), self.tr("Move the selected file up"))
        self.down_button = button(
            self.tr("Down"), lambda: self.move_selected(1), self.tr("Move the selected file down")
        )
        self.retry_button = button(self.tr("Again"), self.requeue_selected, self.tr("Queue the selected files again"))
        self.remove_button = button(
            self.tr("Remove"), self.remove_selected, self.tr("Take the selected files off the queue")
        )
        self.toolbar.addSeparator()
        self.settings_button = button(
            self.tr("Recognition…"), self.recognition_settings,
            self.tr("Language, model, server or this computer, word timing: the same settings as Recognize Speech"),
        )  # fmt: skip

        self.where = QComboBox()
        self.where.addItem(self.tr("Next to each media file"), False)
        self.where.addItem(self.tr("Into this folder:"), True)
        self.folder = QLineEdit(self.queue.output.folder or "")
        self.folder.setPlaceholderText(self.tr("Folder for the subtitles"))
        self.browse = QToolButton()
        self.browse.setText(self.tr("Folder…"))
        self.browse.clicked.connect(self.choose_folder)
        self.where.setCurrentIndex(1 if self.queue.output.folder else 0)
        self.formats = QToolButton()
        self.formats.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.formats_menu = QMenu(self.formats)
        for fmt in writable():
            text = QCoreApplication.translate("SubtitleIO", "{label} ({patterns})")  # as Export As lists them
            action = self.formats_menu.addAction(text.format(label=fmt.label, patterns=fmt.extensions[0]))
            action.setCheckable(True)
            action.setData(fmt.name)
            action.setChecked(fmt.name in self.queue.output.formats)
            action.toggled.connect(self._output_changed)
        self.formats.setMenu(self.formats_menu)
        self.where.setMinimumWidth(80)  # full width when there is room; it shrinks with the dock, not the window
        self.folder.setMinimumWidth(60)
        output = QHBoxLayout()
        output.addWidget(QLabel(self.tr("Subtitles:")))
        output.addWidget(self.where)
        output.addWidget(self.folder, 1)
        output.addWidget(self.browse)
        output.addWidget(QLabel(self.tr("Formats:")))
        output.addWidget(self.formats)
        self.translate_to = TranslateToBox(self.queue)
        output.addWidget(QLabel(self.tr("Translate to:")))
        output.addWidget(self.translate_to)
        self.where.currentIndexChanged.connect(self._output_changed)
        self.folder.editingFinished.connect(self._output_changed)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notice)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(output)
        self.setWidget(body)
        self.runner.activeChanged.connect(self._update_buttons)
        self.queue.listeners.append(lambda _index: self._update_buttons())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._show_output()
        self._update_buttons()

    # -- adding ----------------------------------------------------------------------------------------------
    def add_paths(self, paths: list[str]) -> int:
        added = self.queue.add(paths)
        if added:
            self.show()
            self.raise_()
        text = self.tr("%n file(s) added to the batch queue", "", added)
        refused = [os.path.basename(p) for p in expand_media(paths) if not is_media_candidate(p)]
        if refused:  # a subtitle file: its subtitles would be written over it
            text += " " + self.tr("(not media, left out: {names})").format(names=", ".join(refused))
        self.host.show_status(text, 8000 if refused else 5000)
        return added

    def add_dialog(self) -> None:
        from app.ui.files.controller import MEDIA_PATTERNS

        paths, _ = QFileDialog.getOpenFileNames(
            self.host.dialog_parent(), self.tr("Add to batch queue"), "",
            QCoreApplication.translate("FileController", "Media ({patterns})").format(patterns=MEDIA_PATTERNS),
        )  # fmt: skip
        if paths:
            self.add_paths(paths)

    # -- rows ------------------------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def move_selected(self, step: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        self.select_row(self.queue.move(rows[0], rows[0] + step))

    def cancel_selected(self) -> None:
        self.runner.cancel(self.selected_rows())

    def requeue_selected(self) -> None:
        self.queue.requeue(self.selected_rows())

    def remove_selected(self) -> None:
        self.queue.remove(self.selected_rows())

    def open_row(self, row: int) -> None:
        """A finished file: its media and first subtitle file in the editor (through the normal open path)."""
        if 0 <= row < len(self.queue) and self.queue[row].state == DONE and self.queue[row].outputs:
            item = self.queue[row]
            self.open_result(item.media, item.outputs[0])

    # -- settings --------------------------------------------------------------------------------------------
    def recognition_settings(self) -> None:
        from PySide6.QtWidgets import QDialog

        from app.ui.recognition.dialog import RecognitionDialog
        from app.ui.recognition.options import load_options, save_options

        dialog = RecognitionDialog(load_options(self.host), self.host.dialog_parent())
        dialog.setWindowTitle(self.tr("Batch recognition settings"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            save_options(self.host, dialog.options())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host.dialog_parent(), self.tr("Folder for the subtitles"))
        if folder:
            self.folder.setText(folder)
            self.where.setCurrentIndex(1)
            self._output_changed()

    def set_output(self, output: BatchOutput) -> None:
        self.queue.set_output(output)
        self._show_output()

    def _show_output(self) -> None:
        output = self.queue.output
        for action in self.formats_menu.actions():
            action.blockSignals(True)
            action.setChecked(action.data() in output.formats)
            action.blockSignals(False)
        self.formats.setText(
            " ".join(by_name(name).extensions[0] for name in output.formats)
        )  # the same in any language
        self.translate_to.show_language()
        into = output.folder is not None
        self.where.blockSignals(True)
        self.where.setCurrentIndex(1 if into else 0)
        self.where.blockSignals(False)
        self.folder.setText(output.folder or self.folder.text())
        self.folder.setEnabled(into)
        self.browse.setEnabled(True)

    def _output_changed(self, *_args: object) -> None:
        formats = tuple(a.data() for a in self.formats_menu.actions() if a.isChecked()) or ("srt",)
        into = bool(self.where.currentData()) and bool(self.folder.text().strip())
        folder = os.path.abspath(os.path.expanduser(self.folder.text().strip())) if into else None
        chosen = BatchOutput(folder, formats, self.queue.output.translate_to)
        if chosen != self.queue.output:
            self.queue.set_output(chosen)
        self._show_output()
        self.folder.setEnabled(bool(self.where.currentData()))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)
        self.host.show_status(text, 15_000)

    def _update_buttons(self, *_args: object) -> None:
        rows = self.selected_rows()
        states = {self.queue[r].state for r in rows if r < len(self.queue)}
        counts = self.queue.counts()
        self.start_button.defaultAction().setEnabled(not self.runner.active and counts[WAITING] > 0)
        self.cancel_button.defaultAction().setEnabled(bool(states & {WAITING, RUNNING}))
        self.cancel_all_button.defaultAction().setEnabled(counts[WAITING] + counts[RUNNING] > 0)
        self.up_button.defaultAction().setEnabled(len(rows) == 1 and rows[0] > 0)
        self.down_button.defaultAction().setEnabled(len(rows) == 1 and rows[0] < len(self.queue) - 1)
        self.retry_button.defaultAction().setEnabled(bool(states & {FAILED, CANCELLED, DONE}))
        self.remove_button.defaultAction().setEnabled(bool(states - {RUNNING}))
