"""Fix common problems, with review: the fix plan (app.core.fixes) shown change by change, before and after, each
ticked to apply; a kind can be ticked or unticked at once. Apply puts what is ticked into the document as one
undo step; what is unticked stays as it is (app.core.fix_review). Locked cues are never in the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.document import Cue
from app.core.fixes import FixPlan, Proposal
from app.core.fixes_cjk import FixOptions
from app.core.profiles import Profile
from app.core.timecode import format_time
from app.ui.host import Host
from app.ui.messages import render
from app.ui.review import TickTable, review_buttons


def fix_kind_names() -> dict[str, str]:
    """The kinds of change, named for the review's "per kind" boxes."""
    return {
        "fix.trimmed": QCoreApplication.translate("FixReview", "Spaces"),
        "fix.sorted": QCoreApplication.translate("FixReview", "Order"),
        "fix.overlap": QCoreApplication.translate("FixReview", "Overlaps"),
        "fix.gap": QCoreApplication.translate("FixReview", "Gaps"),
        "fix.extended": QCoreApplication.translate("FixReview", "Too short or fast"),
        "fix.shortened": QCoreApplication.translate("FixReview", "Too long"),
        "fix.merged": QCoreApplication.translate("FixReview", "Merges"),
        "fix.rebroken": QCoreApplication.translate("FixReview", "Line breaks"),
        "fix.translation_trimmed": QCoreApplication.translate("FixReview", "Spaces"),
        "fix.translation_rebroken": QCoreApplication.translate("FixReview", "Line breaks"),
        "fix.fullwidth": QCoreApplication.translate("FixReview", "Full-width punctuation"),
        "fix.line_end_punctuation": QCoreApplication.translate("FixReview", "Line-end punctuation"),
        "fix.split": QCoreApplication.translate("FixReview", "Splits"),
        "fix.shot_start": QCoreApplication.translate("FixReview", "Shot changes"),
        "fix.shot_end": QCoreApplication.translate("FixReview", "Shot changes"),
    }


def _describe(cues: tuple[Cue, ...] | list[Cue]) -> str:
    """Times on one line, the text (with its line breaks) below; merged cues one after the other."""
    return "\n".join(
        f"{format_time(c.start)} → {format_time(c.end)}\n{c.text}" + (f"\n—\n{c.translation}" if c.translation else "")
        for c in cues
    )


AUTO_ROW_HEIGHT_LIMIT = 2_000  # rows sized to their text up to this many; past it, a fixed height (speed)


class FixReviewDialog(QDialog):
    """One row per changed cue (before, after, what was done), all ticked; per-kind boxes tick or untick a kind."""

    def __init__(
        self,
        plan: FixPlan,
        profile_name: str,
        cues: list[Cue] | None = None,
        parent: QWidget | None = None,
        replan: Callable[[FixOptions], FixPlan] | None = None,
    ):
        """``replan`` (given when the document has Chinese cues): the plan with other options, for the box that
        turns on the Chinese line-end convention (off at first)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fix common problems"))
        self.profile_name = profile_name
        self.replan = replan
        self.options = FixOptions()
        self.numbers = {id(c): i + 1 for i, c in enumerate(cues or ())}  # the cues' numbers as the list shows them
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.line_end_box = QCheckBox(self.tr("Chinese: remove the comma or full stop at the end of each line"))
        self.line_end_box.setToolTip(
            self.tr("As many Chinese subtitles are delivered: a ， or 。 that ends a line is removed.")
        )
        self.line_end_box.setVisible(replan is not None)
        self.line_end_box.toggled.connect(self.set_line_end_convention)
        self.kind_row = QHBoxLayout()
        self.kind_boxes: dict[str, QCheckBox] = {}
        self.kinds: dict[str, list[int]] = {}  # kind name -> rows
        columns = (self.tr("Apply"), "#", self.tr("Change"), self.tr("Before"), self.tr("After"))
        self.table = TickTable(columns)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 240)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._size_rows)
        buttons = review_buttons(self, self.tr("Apply"), self.tr("Tick All"), self.tr("Untick All"), self.set_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.line_end_box)
        layout.addLayout(self.kind_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.show_plan(plan)
        self.resize(980, min(640, 220 + 44 * len(plan.proposals)))

    def show_plan(self, plan: FixPlan) -> None:
        """The plan's changes in the table, all ticked, and its kinds' boxes."""
        self.plan = plan
        count = len(plan.proposals)
        self.intro.setText(
            self.tr("%n cue(s) would change (profile: {profile}).", "", count).format(profile=self.profile_name)
            + " "
            + self.tr("Untick what should stay as it is. Locked cues are never changed; no text is lost.")
        )
        while self.kind_row.count():
            item = self.kind_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        names = fix_kind_names()
        self.kinds = {}
        for row, proposal in enumerate(plan.proposals):
            for name in dict.fromkeys(names.get(m.code, m.code) for m in proposal.messages):
                self.kinds.setdefault(name, []).append(row)
        self.kind_row.addWidget(QLabel(self.tr("Kinds:")))
        self.kind_boxes = {}
        for name, rows in self.kinds.items():
            box = QCheckBox(self.tr("{kind} ({count})").format(kind=name, count=len(rows)))
            box.setChecked(True)
            box.toggled.connect(lambda on, name=name: self.set_kind(name, on))
            self.kind_boxes[name] = box
            self.kind_row.addWidget(box)
        self.kind_row.addStretch(1)
        self.table.setRowCount(count)
        for row, proposal in enumerate(plan.proposals):
            self._fill(row, proposal)
        if count > AUTO_ROW_HEIGHT_LIMIT:
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        elif self.isVisible():
            self.table.resizeRowsToContents()

    def set_line_end_convention(self, on: bool) -> None:
        """The plan made again with the Chinese line-end convention on or off."""
        if self.replan is None:
            return
        self.options = FixOptions(line_end_punctuation="remove" if on else "keep")
        self.show_plan(self.replan(self.options))

    def _size_rows(self, *_args: object) -> None:
        if self.table.rowCount() <= AUTO_ROW_HEIGHT_LIMIT:
            self.table.resizeRowsToContents()

    def _fill(self, row: int, proposal: Proposal) -> None:
        self.table.set_tick(row, True)
        numbers = [str(self.numbers[id(c)]) for c in proposal.before if id(c) in self.numbers]
        number = QTableWidgetItem("+".join(numbers) or str(proposal.index + 1))
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells = (
            number,
            QTableWidgetItem("; ".join(render(m) for m in proposal.messages)),
            QTableWidgetItem(_describe(proposal.before)),
            QTableWidgetItem(_describe([proposal.after])),
        )
        for column, item in enumerate(cells, 1):
            self.table.setItem(row, column, item)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.table.rowCount() <= AUTO_ROW_HEIGHT_LIMIT:
            self.table.resizeRowsToContents()

    def is_ticked(self, row: int) -> bool:
        return self.table.is_ticked(row)

    def set_row(self, row: int, on: bool) -> None:
        self.table.set_tick(row, on)

    def set_all(self, on: bool) -> None:
        for row in range(self.table.rowCount()):
            self.set_row(row, on)
        for box in self.kind_boxes.values():
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def set_kind(self, name: str, on: bool) -> None:
        for row in self.kinds.get(name, ()):
            self.set_row(row, on)

    def rejected_rows(self) -> set[int]:
        return self.table.unticked_rows()


def fixed_message(count: int) -> str:
    return QCoreApplication.translate("FixReview", "%n cue(s) fixed", None, count)


def fix_common_problems(
    host: Host,
    profile: Profile,
    profile_name: str,
    shots: Any = None,
    *,
    review: Callable[[FixReviewDialog], bool] | None = None,
) -> bool:
    """Edit ▸ Fix Common Problems: plan, review, apply as one undo step. True when something was applied.

    ``review`` shows the dialog and says whether Apply was pressed (tests pass their own)."""
    from app.core.fix_review import propose_keeping
    from app.core.fixes import apply_plan, propose
    from app.core.fixes_cjk import script_of

    host.commit_edits()
    state = host.state
    title = QCoreApplication.translate("FixReview", "Fix common problems")
    cues = list(state.doc.cues)
    language, media_end = state.doc.language, state.media_end
    target = state.doc.settings.translation_language  # the translations are re-broken by its rules

    def replan(options: FixOptions) -> FixPlan:
        return propose(
            cues, profile, language, media_end=media_end, shots=shots, options=options, translation_language=target
        )

    plan = replan(FixOptions())
    chinese = any(script_of(c, language) == "Chinese" for c in cues)
    if not plan.changed and not (chinese and replan(FixOptions(line_end_punctuation="remove")).changed):
        host.show_info(title, QCoreApplication.translate("FixReview", "Nothing to fix: no change would help."))
        return False
    dialog = FixReviewDialog(plan, profile_name, cues, host.dialog_parent(), replan if chinese else None)
    accepted = review(dialog) if review is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return False
    plan, rejected = dialog.plan, dialog.rejected_rows()
    if len(rejected) == len(plan.proposals):
        return False
    final = propose_keeping(
        cues, plan, rejected, profile, language, media_end=media_end, shots=shots, options=dialog.options,
        translation_language=target,
    )  # fmt: skip
    if tuple(final.cues) == tuple(cues):
        return False
    label = QCoreApplication.translate("FixReview", "Fix common problems")
    state.push(apply_plan(state.doc, final, label))
    host.show_status(fixed_message(len(final.proposals)), 5000)
    return True
