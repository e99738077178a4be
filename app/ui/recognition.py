"""Recognition from the window: the options dialog and the run in a worker, cues appearing as chunks finish.

Nothing here imports torch or qwen_asr: the models run in the engine process (app.asr.service), fed from a
worker thread, so not even their import can hold up the window.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.asr.languages import SUPPORTED_LANGUAGES
from app.asr.models import DEFAULT_ALIGNER, DEFAULT_RECOGNIZER
from app.core.commands import InsertRun, ReplaceAll

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.workers import Report

RECOGNIZERS = (DEFAULT_RECOGNIZER, "Qwen/Qwen3-ASR-1.7B")
NO_ALIGNER = "None (estimate word times)"


@dataclass(frozen=True)
class RecognitionOptions:
    model: str = DEFAULT_RECOGNIZER
    aligner: str | None = DEFAULT_ALIGNER
    language: str | None = None  # None: detect
    device: str = "auto"
    context: str = ""
    cpu_int8: bool = False  # int8 recognizer on the CPU: faster, may be less accurate; ignored on a GPU
    max_new_tokens: int | None = None  # not in the dialog: the tests keep tiny models' runs short

    def engine_options(self) -> Any:
        from app.asr.protocol import EngineOptions

        extra = {"max_new_tokens": self.max_new_tokens} if self.max_new_tokens else {}
        return EngineOptions(
            model=self.model, aligner=self.aligner, device=self.device, cpu_int8=self.cpu_int8, **extra
        )


class RecognitionDialog(QDialog):
    def __init__(self, initial: RecognitionOptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Recognize speech")
        self.model = self._model_box(RECOGNIZERS, initial.model)
        self.aligner = self._model_box((DEFAULT_ALIGNER, NO_ALIGNER), initial.aligner or NO_ALIGNER)
        self.language = QComboBox()
        self.language.addItem("Detect automatically", None)
        for name in SUPPORTED_LANGUAGES:
            self.language.addItem(name, name)
        index = self.language.findData(initial.language)
        self.language.setCurrentIndex(max(index, 0))
        self.device = QComboBox()
        for label, value in (("Automatic (GPU when there is one)", "auto"), ("CPU", "cpu"), ("CUDA GPU", "cuda"),
                             ("Apple GPU (MPS)", "mps")):  # fmt: skip
            self.device.addItem(label, value)
        self.device.setCurrentIndex(max(self.device.findData(initial.device), 0))
        self.int8 = QCheckBox("Faster on the CPU (8-bit recognizer)")
        self.int8.setChecked(initial.cpu_int8)
        self.int8.setToolTip(
            "Runs the recognizer with 8-bit integer weights when it runs on the CPU: about 1.6 times as fast, "
            "but it can recognise words less accurately. Has no effect on a GPU."
        )
        self.device.currentIndexChanged.connect(self._device_changed)
        self._device_changed()
        self.context = QLineEdit(initial.context)
        self.context.setPlaceholderText("Names and terms that appear in the audio (optional)")
        form = QFormLayout(self)
        form.addRow("Model:", self._with_browse(self.model))
        form.addRow("Word timing:", self._with_browse(self.aligner))
        form.addRow("Language:", self.language)
        form.addRow("Device:", self.device)
        form.addRow("", self.int8)
        form.addRow("Context:", self.context)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Recognize")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _model_box(choices: tuple[str, ...], current: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.addItems(list(choices))
        box.setCurrentText(current)
        box.setMinimumContentsLength(34)
        return box

    def _with_browse(self, box: QComboBox) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        browse = QPushButton("Folder…")
        browse.setToolTip("Use a model downloaded to a folder")
        browse.clicked.connect(lambda: self._browse(box))
        layout.addWidget(browse)
        return row

    def _browse(self, box: QComboBox) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Model folder")
        if folder:
            box.setCurrentText(folder)

    def _device_changed(self) -> None:
        self.int8.setEnabled(self.device.currentData() != "cuda")  # auto and mps may still end on the CPU

    def options(self) -> RecognitionOptions:
        aligner = self.aligner.currentText().strip()
        return RecognitionOptions(
            model=self.model.currentText().strip() or DEFAULT_RECOGNIZER,
            aligner=None if aligner in ("", NO_ALIGNER) else aligner,
            language=self.language.currentData(),
            device=self.device.currentData(),
            context=self.context.text().strip(),
            cpu_int8=self.int8.isChecked(),
        )


def load_options(window: MainWindow) -> RecognitionOptions:
    s = window.settings
    aligner = s.value("recognition/aligner", DEFAULT_ALIGNER)
    return RecognitionOptions(
        model=str(s.value("recognition/model", DEFAULT_RECOGNIZER)),
        aligner=None if aligner in (None, "", "none") else str(aligner),
        language=s.value("recognition/language") or None,
        device=str(s.value("recognition/device", "auto")),
        context=str(s.value("recognition/context", "")),
        cpu_int8=str(s.value("recognition/cpu_int8", "false")).lower() == "true",
    )


def save_options(window: MainWindow, options: RecognitionOptions) -> None:
    s = window.settings
    s.setValue("recognition/model", options.model)
    s.setValue("recognition/aligner", options.aligner or "none")
    s.setValue("recognition/language", options.language or "")
    s.setValue("recognition/device", options.device)
    s.setValue("recognition/context", options.context)
    s.setValue("recognition/cpu_int8", "true" if options.cpu_int8 else "false")


def start_recognition(window: MainWindow, options: RecognitionOptions | None = None) -> None:
    """Ask for options (unless given), then recognise the open media in a worker."""
    state = window.state
    if state.audio is None:
        QMessageBox.information(window, "Recognize speech", "Open a video or audio file first.")
        return
    if options is None:
        dialog = RecognitionDialog(load_options(window), window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options = dialog.options()
        save_options(window, options)
    window.editor.commit()
    if len(state.doc):
        answer = QMessageBox.question(
            window,
            "Recognize speech",
            f"Replace the {len(state.doc)} cues you have with the recognised ones? (Undo brings them back.)",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        state.push(ReplaceAll((), "Clear for recognition"))
    if options.language:
        state.doc.language = options.language
    run_recognition(window, options)


def run_recognition(window: MainWindow, options: RecognitionOptions) -> Any:
    state = window.state
    samples = state.audio.samples
    limits_override = state.doc.settings.get("limits", {})
    status = window.status

    def job(report: Report) -> Any:
        from app.asr.protocol import Cues, RecognitionDone, RecognizeJob
        from app.asr.service import local_engine
        from app.core.messages import english
        from app.ui.workers import relay

        done: RecognitionDone | None = None
        request = RecognizeJob(options.engine_options(), options.language, options.context, dict(limits_override))
        for message in local_engine().run(
            request, samples, cancelled=report.cancelled, on_wait=lambda m: report.status(english(m))
        ):
            if relay(report, message):
                continue
            if isinstance(message, Cues):
                report.item(list(message.cues))
            elif isinstance(message, RecognitionDone):
                done = message
        report.check()  # a cancelled run ends as cancelled, not as a success
        return (done.language, done.device) if done is not None else (None, options.device)

    def add(cues: list) -> None:
        if not cues:
            return
        starts = [c.start for c in state.doc]
        index = bisect_right(starts, cues[0].start)
        state.push(InsertRun(index, tuple(cues), "Recognized cues"))
        if window.waveform is None:
            window.ensure_waveform()

    def finished(result: Any) -> None:
        language, device = result
        if language and not state.doc.language:
            state.doc.language = language
        status.set_model(os.path.basename(options.model.rstrip("/")), device)
        window.statusBar().showMessage(f"Recognised {len(state.doc)} cues" + (f" ({language})" if language else ""))

    status.set_model(os.path.basename(options.model.rstrip("/")), options.device)
    return window.files.run_task(
        "recognize", "Recognising speech…", job, finished, title="Recognize speech", on_item=add
    )
