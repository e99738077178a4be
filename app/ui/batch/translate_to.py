"""The batch's "Translate to": no translation, or the language every file's subtitles are translated into and
written in beside the original (issue 25, item 6). The chat server, its model, the context, the glossary and the
requests at once are those of Recognition ▸ Translate… (the preferences); the language is the queue's own, kept
with it (app.session.batch.BatchOutput.translate_to)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QWidget

from app.session.batch import BatchQueue
from app.translate.prompt import COMMON_TARGETS
from app.ui.language_names import language_name


class TranslateToBox(QComboBox):
    def __init__(self, queue: BatchQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.setEditable(True)
        self.none_text = self.tr("No translation")
        self.addItem(self.none_text)
        for name in COMMON_TARGETS:  # shown in the ui's language; the English name is what the model is told
            self.addItem(language_name(name), name)
        self.setMinimumContentsLength(12)
        self.setToolTip(
            self.tr(
                "Translate each file's subtitles into this language and write both languages, the original first. "
                "The chat server, model, context and glossary are those of Recognition ▸ Translate…"
            )
        )
        self.show_language()
        self.activated.connect(lambda _index: self.apply())
        line = self.lineEdit()
        if line is not None:
            line.editingFinished.connect(self.apply)

    def language(self) -> str:
        text = " ".join(self.currentText().split())
        if text in ("", self.none_text):
            return ""
        index = self.findText(text)
        return str(self.itemData(index)) if index > 0 else text  # a name typed that the list lacks: as typed

    def apply(self) -> None:
        language = self.language()
        if language != self.queue.output.translate_to:
            self.queue.set_output(replace(self.queue.output, translate_to=language))
        self.show_language()

    def show_language(self) -> None:
        self.blockSignals(True)
        language = self.queue.output.translate_to
        index = self.findData(language) if language else 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:  # a language the list lacks, as it was typed
            self.setCurrentText(language)
        self.blockSignals(False)
