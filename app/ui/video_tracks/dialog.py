"""The Video with Subtitle Tracks dialog (the video, the tracks with their language, title and default flag, the
video's own tracks kept or replaced, the output) and the task that writes the video."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.languages import code_of, majority_language
from app.ui.fields import with_browse
from app.ui.host import Host

DOCUMENT = ""  # a row's path for the open document
VIDEO_FILTER = "*.mkv *.mp4 *.m4v *.mov *.webm *.avi *.ts *.m2ts"


class VideoTracksDialog(QDialog):
    """What goes into the video: one row a track (the open document or a file), its language, title, default."""

    def __init__(self, video: str, cue_count: int, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Video with Subtitle Tracks"))
        self.video = QLineEdit(video)
        self.output = QLineEdit(_suggested_output(video))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Subtitles"), self.tr("Language"), self.tr("Title"),
                                              self.tr("Default")])  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        if cue_count:
            self._add_row(DOCUMENT, self.tr("The open document (%n cue(s))", "", cue_count), language)
        self.keep = QCheckBox(self.tr("Keep the video's own subtitle tracks"))
        self.keep.setChecked(True)
        add, remove = QPushButton(self.tr("Add Files…")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self._add_files)
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Video:"), with_browse(self.video, self._choose_video, self.tr("Browse…")))
        form.addRow(self.tr("Save as:"), with_browse(self.output, self._choose_output, self.tr("Browse…")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = self.tr("Every stream of the video is copied as it is. MKV takes SubRip or ASS tracks, MP4 timed "
                       "text, WebM WebVTT: subtitles of another format are converted.")  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.keep)
        hint = QLabel(note)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        for signal in (self.video.textChanged, self.output.textChanged, self.table.model().rowsInserted,
                       self.table.model().rowsRemoved):  # fmt: skip
            signal.connect(self._update)
        self.table.itemChanged.connect(self._one_default)
        self._update()
        self.resize(720, 420)

    def add_file(self, path: str, language: str = "", title: str = "") -> None:
        self._add_row(path, os.path.basename(path), language, title)

    def tracks(self) -> list[tuple[str, str, str]]:
        """Each row as (path, or DOCUMENT; language; title)."""
        rows = []
        for row in range(self.table.rowCount()):
            path = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            rows.append((path, self.table.item(row, 1).text().strip(), self.table.item(row, 2).text().strip()))
        return rows

    def default_track(self) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 3).checkState() == Qt.CheckState.Checked:
                return row + 1
        return None

    def _add_row(self, path: str, label: str, language: str = "", title: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(label)
        name.setData(Qt.ItemDataRole.UserRole, path)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        default = QTableWidgetItem()
        default.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        default.setCheckState(Qt.CheckState.Checked if row == 0 else Qt.CheckState.Unchecked)
        for column, item in enumerate((name, QTableWidgetItem(language), QTableWidgetItem(title), default)):
            self.table.setItem(row, column, item)
        self.table.item(row, 1).setToolTip(self.tr("A code such as en, zh or ja; empty: the cues' own language"))

    def _one_default(self, item: QTableWidgetItem) -> None:
        """One track at most is the default: checking one clears the others."""
        if item.column() != 3 or item.checkState() != Qt.CheckState.Checked:
            return
        for row in range(self.table.rowCount()):
            other = self.table.item(row, 3)
            if other is not None and other is not item and other.checkState() == Qt.CheckState.Checked:
                other.setCheckState(Qt.CheckState.Unchecked)

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Subtitle Files"))
        for path in paths:
            self.add_file(path)

    def _remove(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _choose_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Video"), self.video.text(),
                                              self.tr("Videos ({patterns})").format(patterns=VIDEO_FILTER))  # fmt: skip
        if path:
            self.video.setText(path)
            self.output.setText(_suggested_output(path))

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the Video As"), self.output.text(),
                                              self.tr("Matroska (*.mkv);;MP4 (*.mp4);;WebM (*.webm)"))  # fmt: skip
        if path:
            self.output.setText(path)

    def _update(self, *_args: object) -> None:
        self.ok.setEnabled(bool(self.video.text().strip() and self.output.text().strip() and self.table.rowCount()))


def _suggested_output(video: str) -> str:
    if not video:
        return ""
    stem, ext = os.path.splitext(video)
    return f"{stem}.subtitled{ext if ext.lower() in ('.mkv', '.mp4', '.webm', '.mov') else '.mkv'}"


def export_video_tracks(host: Host, *, choose: Callable[[VideoTracksDialog], bool] | None = None) -> Any:
    """Ask, then write the video as a task (progress, cancel). ``choose`` shows the dialog and says whether Export
    was pressed (tests pass their own). The task's handle, or None."""
    host.commit_edits()
    state = host.state
    cues = tuple(state.doc.cues)
    media = state.doc.media_path or ""
    language = code_of(majority_language(cue.language for cue in cues))  # shown; the user may change it
    dialog = VideoTracksDialog(media, len(cues), language, host.dialog_parent())
    accepted = choose(dialog) if choose is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    video, out = dialog.video.text().strip(), dialog.output.text().strip()
    rows, default, keep = dialog.tracks(), dialog.default_track(), dialog.keep.isChecked()
    title = QCoreApplication.translate("VideoTracksDialog", "Export Video with Subtitle Tracks")
    label = QCoreApplication.translate("VideoTracksDialog", "Writing {name}…").format(name=os.path.basename(out))

    document = QCoreApplication.translate("VideoTracksDialog", "the open document")

    def job(report: Any) -> Any:
        from app.session.mux import TrackSource, mux_video, read_source

        sources = [
            TrackSource(document, cues, language=code, title=name)
            if path == DOCUMENT
            else read_source(path, language=code, title=name, cancelled=report.cancelled)
            for path, code, name in rows
        ]
        return mux_video(
            video, sources, out, default=default, keep_tracks=keep,
            progress=lambda fraction: report.progress(fraction, label), cancelled=report.cancelled,
        )  # fmt: skip

    def done(result: Any) -> None:
        n = result.tracks_added
        text = QCoreApplication.translate("VideoTracksDialog", "Wrote {path} with %n new subtitle track(s)", "", n)
        host.show_status(text.format(path=result.path), 8000)

    return host.tasks.start("mux", label, job, done, title=title, exclusive=True, bound=False)
