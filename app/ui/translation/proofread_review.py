"""The proofreading's review: one row per corrected cue, the text before and after with what changed highlighted, a
tick per row (app.ui.review's list, as re-align's and the fixes' reviews); Apply applies what is ticked."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.translate.proofread import Correction, diff_pieces
from app.ui.review import TickTable, review_buttons

# what was replaced (struck through) and what replaces it; dark text on light marks reads on either theme
_OLD_STYLE = "background-color:#f8c9c4;color:#5a1010;text-decoration:line-through"
_NEW_STYLE = "background-color:#c6efc4;color:#0f4a12;font-weight:bold"


def marked(old: str, new: str) -> tuple[str, str]:
    """The two texts as rich text, each with its changed pieces marked; line breaks kept."""
    before, after = [], []
    for kind, a, b in diff_pieces(old, new):
        a_html, b_html = html.escape(a), html.escape(b)
        if kind == "equal":
            before.append(a_html)
            after.append(b_html)
        else:
            if a:
                before.append(f'<span style="{_OLD_STYLE}">{a_html}</span>')
            if b:
                after.append(f'<span style="{_NEW_STYLE}">{b_html}</span>')
    return tuple("".join(side).replace("\n", "<br>") for side in (before, after))  # type: ignore[return-value]


class ProofreadReviewDialog(QDialog):
    """All rows ticked, except a correction that changes much of its line (the model may have rewritten it)."""

    def __init__(self, corrections: Sequence[Correction], unchecked: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review corrections"))
        self.corrections = list(corrections)
        doubtful = sum(1 for c in self.corrections if c.doubtful)
        count = len(self.corrections)
        lines = [self.tr("The model proposes %n correction(s).", "", count)]
        lines[0] += " " + self.tr(
            "Untick what should stay as it is. The cues changed are marked edited, so Re-align Edited Cues "
            "re-times them."
        )
        if doubtful:
            lines.append(
                self.tr("%n correction(s) that [changes|change] much of a line [is|are] left unticked.", "", doubtful)
            )
        if unchecked:
            lines.append(
                self.tr("%n cue(s) got no usable answer and [stays as it is|stay as they are].", "", unchecked)
            )
        intro = QLabel("\n".join(lines))
        intro.setWordWrap(True)
        self.table = TickTable((self.tr("Apply"), "#", self.tr("Before"), self.tr("After")), count)
        self.table.setWordWrap(True)
        for row, correction in enumerate(self.corrections):
            self.table.set_tick(row, not correction.doubtful)
            number = QTableWidgetItem(str(correction.index + 1))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, number)
            for column, text in enumerate(marked(correction.old, correction.new), 2):
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setWordWrap(True)
                label.setContentsMargins(4, 2, 4, 2)
                if correction.doubtful:
                    label.setToolTip(self.tr("This correction changes much of the line: check it before applying."))
                self.table.setCellWidget(row, column, label)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._size_rows)
        buttons = review_buttons(self, self.tr("Apply"), self.tr("Tick All"), self.tr("Untick All"), self.table.set_all)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, min(640, 200 + 34 * count))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._size_rows()

    def _size_rows(self, *_args: object) -> None:
        """Each row as high as its texts at their columns' widths (a label's own hint is for another width)."""
        for row in range(self.table.rowCount()):
            heights = [
                label.heightForWidth(self.table.columnWidth(column))
                for column in (2, 3)
                if isinstance(label := self.table.cellWidget(row, column), QLabel)
            ]
            self.table.setRowHeight(row, max([self.fontMetrics().height() + 8, *heights]))

    def chosen(self) -> list[Correction]:
        """The ticked corrections."""
        return [self.corrections[row] for row in self.table.ticked_rows()]
