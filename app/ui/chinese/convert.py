"""The Convert Chinese dialog (a configuration, the selected cues or all, a preview) and applying it as one step."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.commands import Batch, ReplaceRun
from app.core.document import Cue
from app.core.errors import AppError
from app.text.chinese import CONFIGS, convert_cue, converter
from app.ui.chinese_names import fill_configs
from app.ui.host import Host
from app.ui.messages import error_text

PREVIEW_CHARS = 60  # the preview shows this much of the first cue that changes


class ConvertChineseDialog(QDialog):
    """Which conversion, and for which cues; a preview of the first cue that would change."""

    def __init__(self, cues: Sequence[Cue], selection: Sequence[int], config: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Convert Chinese"))
        self.cues, self.selection = cues, sorted(set(selection))
        self.config = QComboBox()
        fill_configs(self.config, config if config in CONFIGS else "s2t")
        self.selected = QRadioButton(self.tr("Selected cues (%n)", "", len(self.selection)))
        self.every = QRadioButton(self.tr("All cues (%n)", "", len(cues)))
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.selected)
        self.scope.addButton(self.every)
        self.selected.setEnabled(bool(self.selection))
        (self.selected if len(self.selection) > 1 else self.every).setChecked(True)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Conversion:"), self.config)
        form.addRow(self.tr("Cues:"), self.selected)
        form.addRow("", self.every)
        form.addRow(self.tr("Preview:"), self.preview)
        note = QLabel(self.tr("Phrases are converted as a whole (软件 → 軟體 for Taiwan); times are kept."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Convert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.config.currentIndexChanged.connect(self._update_preview)
        self.scope.buttonToggled.connect(self._update_preview)
        self._update_preview()
        self.resize(560, self.sizeHint().height())

    def chosen_config(self) -> str:
        return str(self.config.currentData())

    def indices(self) -> list[int]:
        return self.selection if self.selected.isChecked() else list(range(len(self.cues)))

    def _update_preview(self, *_args: object) -> None:
        try:
            convert = converter(self.chosen_config())
        except AppError as exc:
            self.preview.setText(error_text(exc))
            return
        for index in self.indices():
            text = self.cues[index].text.replace("\n", " ")[:PREVIEW_CHARS]
            after = convert(text)
            if after != text:
                self.preview.setText(f"{text}\n→ {after}")
                return
        self.preview.setText(self.tr("Nothing to change in these cues."))


def conversion_command(cues: Sequence[Cue], indices: Sequence[int], config: str, label: str) -> Batch | None:
    """One command replacing each run of changed cues (None when nothing changes)."""
    convert = converter(config)
    runs: list[tuple[int, list[Cue]]] = []
    for index in sorted(set(indices)):
        new = convert_cue(cues[index], convert)
        if new is cues[index]:
            continue
        if runs and runs[-1][0] + len(runs[-1][1]) == index:
            runs[-1][1].append(new)
        else:
            runs.append((index, [new]))
    if not runs:
        return None
    return Batch(tuple(ReplaceRun(first, tuple(run), label) for first, run in runs), label)


def convert_chinese(host: Host, *, choose: Callable[[ConvertChineseDialog], bool] | None = None) -> bool:
    """Edit ▸ Convert Chinese: ask, then convert as one undo step. True when something changed.

    ``choose`` shows the dialog and says whether Convert was pressed (tests pass their own)."""
    host.commit_edits()
    state = host.state
    title = QCoreApplication.translate("ConvertChineseDialog", "Convert Chinese")
    cues = state.doc.cues
    if not cues:
        host.show_info(title, QCoreApplication.translate("ConvertChineseDialog", "There are no cues to convert."))
        return False
    dialog = ConvertChineseDialog(cues, state.selection, host.prefs.chinese_conversion, host.dialog_parent())
    accepted = choose(dialog) if choose is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return False
    config = dialog.chosen_config()
    host.prefs.chinese_conversion = config
    try:
        command = conversion_command(cues, dialog.indices(), config, title)
    except AppError as exc:  # OpenCC missing from this installation
        host.show_error(title, error_text(exc))
        return False
    if command is None:
        host.show_status(QCoreApplication.translate("ConvertChineseDialog", "Nothing to convert."), 5000)
        return False
    state.push(command)
    count = sum(len(c.cues) for c in command.commands if isinstance(c, ReplaceRun))
    done = QCoreApplication.translate("ConvertChineseDialog", "Converted %n cue(s) ({config})", "", count)
    host.show_status(done.format(config=config), 5000)
    return True
