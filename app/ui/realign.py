"""Re-align from the window: selected or edited cues, or the whole file; large moves reviewed before applying.

The aligner runs in the engine process (app.asr.service, app.asr.realign), fed from a worker thread; the result comes
back as a Realignment, the user approves or rejects the moves above the threshold, and everything accepted goes
into the document as one undo step.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.asr.models import DEFAULT_ALIGNER
from app.core.commands import replace_cues
from app.core.timecode import format_time

if TYPE_CHECKING:
    from app.asr.realign import Proposal, Realignment
    from app.ui.main_window import MainWindow
    from app.ui.recognition import RecognitionOptions
    from app.ui.workers import Report

REVIEW_THRESHOLD_MS = 500  # the same default as app.asr.realign (not imported here: it loads the engine module)
TITLE = "Re-align"


class ReviewDialog(QDialog):
    """The moves above the threshold, one row each: ticked rows are applied, unticked cues keep their times.

    Rows start unticked, as in Subtitle Edit: a large move is where an aligner is most often confidently wrong.
    """

    COLUMNS = ("Apply", "#", "Text", "Now", "Aligned", "Move")

    def __init__(self, result: Realignment, large: list[Proposal], threshold_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Review large moves")
        self.large = large
        others = [p for p in result.proposals() if p.placed and p.move_ms <= threshold_ms and p.new != p.old]
        flagged = [p for p in result.proposals() if not p.placed]
        lines = [
            f"{len(large)} cue{'s' if len(large) != 1 else ''} would move by more than {threshold_ms / 1000:g} s. "
            "Tick the moves to apply; the others keep their times."
        ]
        if not result.drift.is_identity:
            lines.append(f"Times below are after removing the {result.drift.describe()}.")
        lines.append(
            f"Applied in any case: {len(others)} smaller move{'s' if len(others) != 1 else ''}"
            + (f"; {len(flagged)} cue{'s' if len(flagged) != 1 else ''} the aligner could not place "
               "keep their times and are marked for review." if flagged else ".")
        )  # fmt: skip
        label = QLabel("\n".join(lines))
        label.setWordWrap(True)
        self.table = QTableWidget(len(large), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, p in enumerate(large):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            delta = (p.new.start - p.old.start) / 1000
            cells = (
                check,
                QTableWidgetItem(str(p.index + 1)),
                QTableWidgetItem(p.old.text.replace("\n", " ")),
                QTableWidgetItem(f"{format_time(p.old.start)} → {format_time(p.old.end)}"),
                QTableWidgetItem(f"{format_time(p.new.start)} → {format_time(p.new.end)}"),
                QTableWidgetItem(f"{delta:+.2f} s"),
            )
            for column, item in enumerate(cells):
                if column in (1, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        approve, reject = QPushButton("Approve All"), QPushButton("Reject All")
        approve.clicked.connect(lambda: self.set_all(True))
        reject.clicked.connect(lambda: self.set_all(False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Apply")
        buttons.addButton(approve, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(reject, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, min(600, 200 + 30 * len(large)))

    def set_all(self, approved: bool) -> None:
        state = Qt.CheckState.Checked if approved else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(state)

    def set_approved(self, index: int, approved: bool) -> None:
        """Tick or untick the row of cue ``index`` (tests and keyboard users alike)."""
        for row, p in enumerate(self.large):
            if p.index == index:
                state = Qt.CheckState.Checked if approved else Qt.CheckState.Unchecked
                self.table.item(row, 0).setCheckState(state)

    def rejected_indices(self) -> set[int]:
        return {
            p.index for row, p in enumerate(self.large) if self.table.item(row, 0).checkState() != Qt.CheckState.Checked
        }


# -- actions -----------------------------------------------------------------------------------------------
def realign_selected(window: MainWindow, options: RecognitionOptions | None = None) -> Any:
    window.editor.commit()
    if not window.state.selection:
        QMessageBox.information(window, TITLE, "Select the cues to re-align first.")
        return None
    return _start(window, list(window.state.selection), options, whole_file=False)


def realign_edited(window: MainWindow, options: RecognitionOptions | None = None) -> Any:
    window.editor.commit()
    edited = [i for i, c in enumerate(window.state.doc) if c.edited and not c.locked]
    if not edited:
        QMessageBox.information(window, TITLE, "No cue's text has changed since it was timed.")
        return None
    return _start(window, edited, options, whole_file=False)


def align_whole_file(window: MainWindow, options: RecognitionOptions | None = None) -> Any:
    """Every cue: offset and frame-rate drift removed first, then aligned in windows (imported subtitles + media)."""
    window.editor.commit()
    if not len(window.state.doc):
        QMessageBox.information(window, TITLE, "Import the subtitles (File ▸ Import Subtitles) first.")
        return None
    return _start(window, None, options, whole_file=True)


def _start(window: MainWindow, targets: list[int] | None, options: RecognitionOptions | None, *, whole_file: bool):
    from dataclasses import replace

    from app.ui.recognition import load_options

    if window.state.audio is None:
        QMessageBox.information(window, TITLE, "Open the video or audio file first.")
        return None
    options = options or load_options(window)
    if not options.aligner:
        options = replace(options, aligner=DEFAULT_ALIGNER)
    return run_realign(window, targets, options, correct_drift=whole_file)


def run_realign(
    window: MainWindow,
    targets: Collection[int] | None,
    options: RecognitionOptions,
    *,
    correct_drift: bool = False,
    threshold_ms: int = REVIEW_THRESHOLD_MS,
) -> Any:
    """Align in a worker; on success review the large moves and apply what is accepted as one undo step."""
    state = window.state
    samples = state.audio.samples
    cues = state.doc.cues
    language = state.doc.language or options.language
    min_gap = state.limits.min_gap_ms

    def job(report: Report) -> Any:
        from app.asr.protocol import RealignDone, RealignJob
        from app.asr.service import local_engine
        from app.core.messages import english
        from app.ui.workers import relay

        result = None
        request = RealignJob(
            options.engine_options(), tuple(cues), None if targets is None else tuple(sorted(targets)), language,
            correct_drift, min_gap,
        )  # fmt: skip
        for message in local_engine().run(
            request, samples, cancelled=report.cancelled, on_wait=lambda m: report.status(english(m))
        ):
            if not relay(report, message) and isinstance(message, RealignDone):
                result = message.realignment
        report.check()
        return result

    def finished(result: Realignment | None) -> None:
        if result is not None:
            review_and_apply(window, result, threshold_ms)

    label = "Aligning the whole file…" if targets is None else "Re-aligning…"
    return window.files.run_task("realign", label, job, finished, title=TITLE)


def review_and_apply(window: MainWindow, result: Realignment, threshold_ms: int = REVIEW_THRESHOLD_MS) -> bool:
    """Ask about the large moves (when there are any), then apply everything accepted as one undo step."""
    state = window.state
    if state.doc.cues != result.cues:
        QMessageBox.information(window, TITLE, "The subtitles changed while aligning; nothing was applied.")
        return False
    rejected: set[int] = set()
    large = result.large_moves(threshold_ms)
    if large:
        dialog = ReviewDialog(result, large, threshold_ms, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            window.statusBar().showMessage("Re-alignment discarded", 5000)
            return False
        rejected = dialog.rejected_indices()
    changes = result.changes(rejected)
    if changes:
        label = "Align whole file" if len(result.targets) == len(result.cues) else "Re-align"
        state.push(replace_cues(state.doc, changes, label))
    flagged = sum(1 for p in result.proposals(rejected) if not p.placed)
    moved = sum(1 for i, c in changes if (c.start, c.end) != (result.cues[i].start, result.cues[i].end))
    message = f"Re-aligned: {moved} cue{'s' if moved != 1 else ''} moved"
    if rejected:
        message += f", {len(rejected)} large move{'s' if len(rejected) != 1 else ''} rejected"
    if flagged:
        message += f", {flagged} marked for review (the aligner could not place them)"
    window.statusBar().showMessage(message, 10000)
    return True
