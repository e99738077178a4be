"""The Checks panel (View ▸ Checks): every quality finding of the document against the chosen profile, filtered by
kind or severity, double-click or Enter to go to the cue; Fix… opens the fix review (app.ui.checks.fix).

The check (app.core.qc) runs in a worker thread a moment after the last change (a 10,000-cue document takes a
fraction of a second), on an immutable snapshot of the cues; the UI thread picks the result up with a timer (the
worker never touches Qt, so a window closing under it is no concern), and drops a result for an older snapshot.
Nothing is checked while the panel is hidden.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.qc import Finding, check
from app.core.timecode import format_time
from app.session.context import AppContext
from app.ui.checks import profile as qc_profile
from app.ui.elided import ElidedLabel
from app.ui.host import Host, WindowHost
from app.ui.messages import render

RECHECK_DELAY_MS = 250
POLL_MS = 15
SHOW_ALL, SHOW_ERRORS, SHOW_WARNINGS, SHOW_KIND = "", "severity:error", "severity:warning", "kind:"  # the filter
KIND_CODES: dict[str, frozenset[str]] = {
    "order": frozenset({"qc.overlap", "qc.order"}),
    "duration": frozenset({"qc.too_short", "qc.too_long", "qc.not_positive"}),
    "gap": frozenset({"qc.gap"}),
    "speed": frozenset({"qc.reading_speed", "qc.reading_speed_no_time", "qc.words_per_minute"}),
    "lines": frozenset({"qc.line_length", "qc.line_count", "qc.line_balance"}),
    "text": frozenset({"qc.empty", "qc.edge_spaces", "qc.double_space", "qc.repeated_word", "qc.unbalanced_tags"}),
    "shots": frozenset({"qc.shot_start", "qc.shot_end", "qc.shot_across"}),
}


def kind_names() -> dict[str, str]:
    return {
        "order": QCoreApplication.translate("ChecksPanel", "Overlaps and order"),
        "duration": QCoreApplication.translate("ChecksPanel", "Duration"),
        "gap": QCoreApplication.translate("ChecksPanel", "Gaps"),
        "speed": QCoreApplication.translate("ChecksPanel", "Reading speed"),
        "lines": QCoreApplication.translate("ChecksPanel", "Lines"),
        "text": QCoreApplication.translate("ChecksPanel", "Text and spaces"),
        "shots": QCoreApplication.translate("ChecksPanel", "Shot changes"),
    }


class FindingsModel(QAbstractTableModel):
    """The findings of the last check, filtered; rows keep the cue times they were checked at."""

    COLUMNS = 4

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.all: list[Finding] = []
        self.shown: list[Finding] = []
        self.cues: tuple[Any, ...] = ()
        self.severity: str | None = None
        self.kind: str | None = None

    def set_findings(self, findings: list[Finding], cues: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.all, self.cues = findings, cues
        self._filter()
        self.endResetModel()

    def set_filter(self, severity: str | None = None, kind: str | None = None) -> None:
        self.beginResetModel()
        self.severity, self.kind = severity, kind
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        codes = KIND_CODES.get(self.kind) if self.kind else None
        self.shown = [
            f
            for f in self.all
            if (self.severity is None or f.severity == self.severity) and (codes is None or f.code in codes)
        ]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("#", self.tr("Start"), self.tr("Severity"), self.tr("Problem"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self.shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(finding.index + 1)
            if column == 1:
                return format_time(self.cues[finding.index].start) if finding.index < len(self.cues) else ""
            if column == 2:
                return self.tr("Error") if finding.severity == "error" else self.tr("Warning")
            if finding.on_translation:  # checked by the translation language's rules
                return self.tr("Translation: {problem}").format(problem=render(finding.message))
            return render(finding.message)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor("#c0392b") if finding.severity == "error" else QColor("#b9770e")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return finding.index
        return None


class FindingsView(QTableView):
    cueActivated = Signal(int)
    translationActivated = Signal(int)  # a finding about the cue's translation

    def __init__(self, model: FindingsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self._activate)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        model = self.model()
        finding = model.shown[index.row()] if isinstance(model, FindingsModel) else None
        if finding is not None and finding.on_translation:
            self.translationActivated.emit(finding.index)
        else:
            self.cueActivated.emit(int(index.data(Qt.ItemDataRole.UserRole)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)


class ChecksPanel(QDockWidget):
    """The dock; ``checked`` is emitted with the findings after each check (tests wait on it)."""

    checked = Signal(list)

    def __init__(self, host: Host, shots: Callable[[], Any] = lambda: None, parent: QWidget | None = None):
        super().__init__(self.tr("Checks"), parent)
        self.setObjectName("checks")  # the window saves and restores the dock's place
        self.host, self.state, self.prefs = host, host.state, host.prefs
        self.shots = shots
        self.generation = 0
        self.dirty = True
        self.model = FindingsModel(self)
        self.view = FindingsView(self.model)
        self.view.cueActivated.connect(self.go_to_cue)
        self.view.translationActivated.connect(self.go_to_translation)
        self.profile_box = QComboBox()
        for name in qc_profile.NAMES:
            self.profile_box.addItem(qc_profile.profile_title(name), name)
        self.profile_box.activated.connect(self._profile_chosen)
        self.edit_button = QToolButton()  # a tool button: no style minimum width
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("The limits of the custom profile"))
        self.edit_button.clicked.connect(self.edit_custom)
        self.filter_box = QComboBox()
        self.filter_box.addItem(self.tr("All problems"), SHOW_ALL)
        self.filter_box.addItem(self.tr("Errors"), SHOW_ERRORS)
        self.filter_box.addItem(self.tr("Warnings"), SHOW_WARNINGS)
        for kind, name in kind_names().items():
            self.filter_box.addItem(name, SHOW_KIND + kind)
        self.filter_box.currentIndexChanged.connect(self._filter_chosen)
        self.fix_button = QToolButton()
        self.fix_button.setText(self.tr("Fix…"))
        self.fix_button.setToolTip(self.tr("Propose fixes for these problems and review them"))
        self.fix_button.clicked.connect(self.fix)
        self.summary = ElidedLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for box in (self.profile_box, self.filter_box):  # they shrink with the dock, never widen the window
            box.setMinimumWidth(70)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile:")))
        top.addWidget(self.profile_box)
        top.addWidget(self.edit_button)
        top.addSpacing(6)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter_box)
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RECHECK_DELAY_MS)
        self.timer.timeout.connect(self.recheck_now)
        self.poll = QTimer(self)  # picks up the worker's result (the worker never touches Qt)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        self._job: dict[str, Any] | None = None
        self.state.cuesChanged.connect(self.schedule)
        self.state.documentReplaced.connect(self.schedule)
        self.state.metadataChanged.connect(self.schedule)
        self.visibilityChanged.connect(lambda visible: visible and self.dirty and self.schedule())
        self._show_choice()

    # -- profile ---------------------------------------------------------------------------------------
    def choice(self) -> qc_profile.Choice:
        return qc_profile.current_choice(self.state, self.prefs)

    def _show_choice(self) -> None:
        choice = self.choice()
        self.profile_box.setCurrentIndex(max(self.profile_box.findData(choice.name), 0))
        self.edit_button.setEnabled(choice.name == qc_profile.CUSTOM)

    def _profile_chosen(self, _row: int) -> None:
        name = self.profile_box.currentData()
        old = self.choice()
        custom = old.custom or qc_profile.default_choice(self.prefs).custom
        if name == qc_profile.CUSTOM and not custom:
            custom = {k: getattr(self.state.session.profile, k) for k in qc_profile.EDITABLE}
        qc_profile.set_choice(self.state, self.prefs, qc_profile.Choice(name, custom))
        self._show_choice()
        self.schedule()

    def edit_custom(self) -> bool:
        dialog = qc_profile.CustomProfileDialog(self.state.session.profile, self.host.dialog_parent())
        if dialog.exec() != qc_profile.CustomProfileDialog.DialogCode.Accepted:
            return False
        self.set_custom(dialog.values())
        return True

    def set_custom(self, values: dict[str, Any]) -> None:
        qc_profile.set_choice(self.state, self.prefs, qc_profile.Choice(qc_profile.CUSTOM, values))
        self._show_choice()
        self.schedule()

    # -- checking --------------------------------------------------------------------------------------
    def schedule(self, *_args: object) -> None:
        """Check again a moment after the last change (only while the panel is shown)."""
        self.dirty = True
        if self.isVisible():
            self.timer.start()

    def recheck_now(self) -> None:
        self._show_choice()
        self.generation += 1
        cues = tuple(self.state.doc.cues)
        profile, language, shots = self.state.session.profile, self.state.doc.language, self.shots()
        target = self.state.doc.settings.translation_language  # the translations are checked by its rules
        self.dirty = False
        job: dict[str, Any] = {"generation": self.generation, "cues": cues}

        def run() -> None:  # no Qt here: the result is picked up by the poll on the UI thread
            job["findings"] = check(cues, profile, language, shots=shots, translation_language=target)

        job["thread"] = threading.Thread(target=run, name="quality-check", daemon=True)
        self._job = job
        job["thread"].start()
        self.poll.start()

    def _poll(self) -> None:
        job = self._job
        if job is None or job["thread"].is_alive():
            return
        self.poll.stop()
        self._job = None
        if job["generation"] == self.generation and "findings" in job:
            self._show(job["findings"], job["cues"])

    def _show(self, findings: list[Finding], cues: tuple[Any, ...]) -> None:
        self.model.set_findings(findings, cues)
        count = len(findings)
        self.setWindowTitle(self.tr("Checks (%n)", "", count) if count else self.tr("Checks"))
        self.summary.setText(self.tr("%n problem(s)", "", count) if count else self.tr("No problems found"))
        self.checked.emit(findings)

    def _filter_chosen(self, _row: int) -> None:
        what, _, value = str(self.filter_box.currentData() or "").partition(":")
        self.model.set_filter(value if what == "severity" else None, value if what == "kind" else None)

    def show_kind(self, kind: str | None) -> None:
        """Open the panel showing one kind of problem (``order``: overlaps and order), or all."""
        row = self.filter_box.findData(SHOW_KIND + kind if kind else SHOW_ALL)
        self.filter_box.setCurrentIndex(max(row, 0))
        self.show()
        self.raise_()
        self.schedule()

    def go_to_cue(self, index: int) -> None:
        if 0 <= index < len(self.state.doc):
            self.host.commit_edits()
            self.state.select([index])

    def go_to_translation(self, index: int) -> None:
        """The cue selected and its translation's box given the focus (a finding about the translation)."""
        if 0 <= index < len(self.state.doc):
            self.go_to_cue(index)
            self.state.translationRequested.emit(index)

    def fix(self) -> bool:
        from app.ui.checks.fix import fix_common_problems

        choice = self.choice()
        profile = self.state.session.profile  # the one in force: the document's, else the default
        return fix_common_problems(self.host, profile, qc_profile.profile_title(choice.name), self.shots())


def add_panel(context: AppContext, host: WindowHost) -> ChecksPanel:
    """The Checks dock (hidden at first), View ▸ Checks, Edit ▸ Fix Common Problems…, and the warning before
    saving or exporting overlapping or out-of-order cues (one of the context's write checks)."""
    from app.ui.checks.save_guard import SaveGuard

    panel = ChecksPanel(host, lambda: context.media.picture_guide, host.dialog_parent())
    host.add_dock(panel)
    context.media.subscribe(panel.schedule)  # shot changes found or gone
    # the dock's own toggle action takes the dock's title, count and all: View ▸ Checks keeps its name
    toggle = QAction(QCoreApplication.translate("ChecksPanel", "&Checks"), panel, checkable=True)
    toggle.toggled.connect(lambda on: panel.setVisible(on))
    panel.visibilityChanged.connect(lambda _visible: toggle.setChecked(not panel.isHidden()))
    host.shortcuts.register("view.checks", toggle, None)
    host.menu("view").addAction(toggle)
    action = QAction(QCoreApplication.translate("ChecksPanel", "&Fix Common Problems…"), panel)
    host.shortcuts.register("edit.fix_problems", action, None)
    action.triggered.connect(panel.fix)
    host.menu("edit").addAction(action)
    guard = SaveGuard(host, lambda: panel.show_kind("order"))
    context.write_checks.append(guard.confirm)
    panel.guard = guard
    return panel
