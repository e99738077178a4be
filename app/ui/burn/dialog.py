"""The Video with Burned-in Subtitles dialog (the video, the subtitles: the open document or a file, the output,
the quality) and the task that writes the video."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.fields import with_browse
from app.ui.host import Host

VIDEO_FILTER = "*.mkv *.mp4 *.m4v *.mov *.webm *.avi *.ts *.m2ts"
PRESETS = ("veryfast", "faster", "fast", "medium", "slow")


class BurnDialog(QDialog):
    """What is burned into which video: the open document's cues, or those of a file the user picks."""

    def __init__(self, video: str, cue_count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Video with Burned-in Subtitles"))
        self.video = QLineEdit(video)
        self.output = QLineEdit(_suggested_output(video))
        self.source = QComboBox()
        if cue_count:
            self.source.addItem(self.tr("The open document (%n cue(s))", "", cue_count), "")
        self.source.addItem(self.tr("A subtitle file…"), None)
        self.source.activated.connect(self._source_chosen)
        self.crf = QSpinBox()
        self.crf.setRange(0, 51)
        self.crf.setValue(20)
        self.crf.setToolTip(self.tr("H.264 quality (CRF): lower is better and bigger; 18 to 23 look good"))
        self.preset = QComboBox()
        names = {"veryfast": self.tr("Very fast (bigger file)"), "faster": self.tr("Faster"), "fast": self.tr("Fast"),
                 "medium": self.tr("Medium"), "slow": self.tr("Slow (smaller file)")}  # fmt: skip
        for preset in PRESETS:
            self.preset.addItem(names[preset], preset)
        self.preset.setCurrentIndex(PRESETS.index("medium"))
        form = QFormLayout()
        form.addRow(self.tr("Video:"), with_browse(self.video, self._choose_video, self.tr("Browse…")))
        form.addRow(self.tr("Subtitles:"), self.source)
        form.addRow(self.tr("Quality (CRF):"), self.crf)
        form.addRow(self.tr("Encoding speed:"), self.preset)
        form.addRow(self.tr("Save as:"), with_browse(self.output, self._choose_output, self.tr("Browse…")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("The cues are drawn as the picture pane shows them: their size follows the picture's "
                              "height, {\\an8} cues go to the top, italics stay slanted. The picture is encoded "
                              "again as H.264 (MP4); the sound is copied as it is."))  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for signal in (self.video.textChanged, self.output.textChanged, self.source.currentIndexChanged):
            signal.connect(self._update)
        self._update()
        self.resize(640, 300)

    def subtitles(self) -> str:
        """The file whose cues are burned, or "" for the open document."""
        return self.source.currentData() or ""

    def set_subtitles(self, path: str) -> None:
        self.source.insertItem(self.source.count() - 1, os.path.basename(path), path)
        self.source.setCurrentIndex(self.source.count() - 2)

    def _source_chosen(self, index: int) -> None:
        if self.source.itemData(index) is None:  # "A subtitle file…"
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Subtitles"))
            if path:
                self.set_subtitles(path)
            else:
                self.source.setCurrentIndex(0)

    def _choose_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Video"), self.video.text(),
                                              self.tr("Videos ({patterns})").format(patterns=VIDEO_FILTER))  # fmt: skip
        if path:
            self.video.setText(path)
            self.output.setText(_suggested_output(path))

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the Video As"), self.output.text(),
                                              self.tr("MP4 (*.mp4)"))  # fmt: skip
        if path:
            self.output.setText(path if path.lower().endswith((".mp4", ".m4v", ".mov")) else path + ".mp4")

    def _update(self, *_args: object) -> None:
        chosen = self.source.currentData() is not None
        self.ok.setEnabled(bool(self.video.text().strip() and self.output.text().strip() and chosen))


def _suggested_output(video: str) -> str:
    return f"{os.path.splitext(video)[0]}.burned.mp4" if video else ""


def time_left(elapsed: float, fraction: float) -> str:
    """About how long the rest takes, as m:ss, from the pace so far; "" too early to say."""
    if fraction < 0.02 or fraction >= 1:
        return ""
    seconds = round(elapsed * (1 - fraction) / fraction)
    return f"{seconds // 60}:{seconds % 60:02d}"


def export_burned_video(host: Host, *, choose: Callable[[BurnDialog], bool] | None = None) -> Any:
    """Ask, then write the video as a task (progress with time left, cancel). ``choose`` shows the dialog and says
    whether Export was pressed (tests pass their own). The task's handle, or None."""
    host.commit_edits()
    cues = tuple(host.state.doc.cues)
    dialog = BurnDialog(host.state.doc.media_path or "", len(cues), host.dialog_parent())
    accepted = choose(dialog) if choose is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    video, out, subtitles = dialog.video.text().strip(), dialog.output.text().strip(), dialog.subtitles()
    crf, preset = dialog.crf.value(), dialog.preset.currentData()
    name = os.path.basename(out)
    title = QCoreApplication.translate("BurnDialog", "Export Video with Burned-in Subtitles")
    label = QCoreApplication.translate("BurnDialog", "Burning subtitles into {name}…").format(name=name)
    label_left = QCoreApplication.translate("BurnDialog", "Burning subtitles into {name}… about {time} left")
    document = QCoreApplication.translate("BurnDialog", "the open document")
    settings = host.state.doc.settings  # how the picture pane draws the cues: the style, the translation below
    translation = bool(getattr(host.prefs, "picture_translation", False))

    def job(report: Any) -> Any:
        from app.formats.ass_styles import style_from_head
        from app.render.subtitles import cue_overlay
        from app.session.burn import burn_video
        from app.session.subtitle_files import load_subtitles

        style = settings.style
        if subtitles:
            loaded = load_subtitles(subtitles, cancelled=report.cancelled)
            chosen = loaded.cues
            head = loaded.header.get("ass.head")
            style = (style_from_head(head, (c.get("style") or "" for c in chosen)) if head else None) or style
        else:
            chosen = cues
        painter = partial(cue_overlay, style=style, translation=translation,
                          translation_language=settings.translation_language)  # fmt: skip
        began = time.monotonic()

        def progress(fraction: float) -> None:
            left = time_left(time.monotonic() - began, fraction)
            report.progress(fraction, label_left.format(name=name, time=left) if left else label)

        return burn_video(video, chosen, out, painter, name=os.path.basename(subtitles) or document, crf=crf,
                          preset=preset, progress=progress, cancelled=report.cancelled)  # fmt: skip

    def done(result: Any) -> None:
        n = result.frames_drawn
        text = QCoreApplication.translate("BurnDialog", "Wrote {path}: subtitles drawn on %n frame(s)", "", n)
        host.show_status(text.format(path=result.path), 8000)

    return host.tasks.start("burn", label, job, done, title=title, exclusive=True, bound=False)
