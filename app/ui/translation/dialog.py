"""Recognition ▸ Translate…: the chat server, its model (listed from the server's /v1/models in a worker), the
target language, the context text, the glossary file and the requests at once; remembered in the preferences,
never the key: it comes from QSS_LLM_API_KEY or the system keyring, and one typed here serves this session or is
kept in the keyring by Save in keyring (app.ui.fields.ApiKeyField, the recognition dialog's too)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.session.preferences import Preferences
from app.translate.client import LLM_KEYS
from app.translate.prompt import COMMON_TARGETS as LANGUAGES
from app.ui.fields import ApiKeyField
from app.ui.messages import error_text


@dataclass(frozen=True)
class TranslateSettings:
    server_url: str
    model: str
    language: str
    context: str
    glossary: str
    concurrency: int
    resume: bool = True


class _Lister(QObject):
    """The server's models, asked for in a thread; the answer crosses back as a queued signal."""

    listed = Signal(int, object)  # (request number, list of names or an error's one line)

    def ask(self, number: int, url: str, key: str | None) -> None:
        def run() -> None:
            from app.translate.client import ChatClient, ChatServer, TranslateError

            answer: object
            try:
                client = ChatClient(ChatServer(url, "", key, deadline_s=10.0, max_retries=0))
                try:
                    answer = client.models()
                finally:
                    client.close()
            except TranslateError as exc:
                answer = error_text(exc)
            try:
                self.listed.emit(number, answer)
            except RuntimeError:  # the dialog closed meanwhile
                pass

        threading.Thread(target=run, daemon=True, name="translate-models").start()


class TranslateDialog(QDialog):
    modelsListed = Signal()  # the list came back (or its error): for tests

    def __init__(self, prefs: Preferences, resumable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Translate"))
        self.prefs = prefs
        self.server = QLineEdit(prefs.translate_server_url)
        self.server.setPlaceholderText("http://localhost:11434")
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.setMinimumWidth(260)
        self.model.setCurrentText(prefs.translate_model)
        self.refresh = QPushButton(self.tr("List Models"))
        self.refresh.clicked.connect(self.list_models)
        self.models_note = QLabel()
        self.models_note.setWordWrap(True)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItems(list(LANGUAGES))
        self.language.setCurrentText(prefs.translate_language)
        self.context_text = QPlainTextEdit(prefs.translate_context)
        self.context_text.setPlaceholderText(self.tr("What the video is about: names, subject, tone"))
        self.context_text.setFixedHeight(self.context_text.fontMetrics().lineSpacing() * 3 + 14)
        self.glossary = QLineEdit(prefs.translate_glossary)
        self.glossary.setPlaceholderText(self.tr("A text file, 'term = translation' a line (optional)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 32)
        self.concurrency.setValue(prefs.translate_concurrency)
        self.resume = QCheckBox(self.tr("Only cues without a translation (resume)"))
        self.resume.setChecked(resumable)
        self.resume.setEnabled(resumable)
        self.key_field = ApiKeyField(LLM_KEYS)
        self.key_field.button.clicked.connect(self.save_key)
        key = QLabel(self.tr("The API key is read from the QSS_LLM_API_KEY environment variable or the system "
                             "keyring; one typed here serves until you quit, unless you save it in the keyring. It "
                             "is never stored in a file. Local servers need none."))  # fmt: skip
        key.setWordWrap(True)
        models_row = QHBoxLayout()
        models_row.addWidget(self.model, 1)
        models_row.addWidget(self.refresh)
        glossary_row = QHBoxLayout()
        glossary_row.addWidget(self.glossary, 1)
        glossary_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("API key:"), self.key_field)
        form.addRow(self.tr("Model:"), models_row)
        form.addRow("", self.models_note)
        form.addRow(self.tr("Translate into:"), self.language)
        form.addRow(self.tr("Context:"), self.context_text)
        form.addRow(self.tr("Glossary:"), glossary_row)
        form.addRow(self.tr("Requests at once:"), self.concurrency)
        form.addRow("", self.resume)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Translate"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(key)
        layout.addWidget(buttons)
        self.resize(560, 0)
        self._lister = _Lister(self)
        self._lister.listed.connect(self._on_listed)
        self._asked = 0
        if self.server.text().strip():
            self.list_models()

    def list_models(self) -> None:
        url = self.server.text().strip()
        if not url:
            self.models_note.setText(self.tr("Give the server's address first."))
            return
        self._asked += 1
        self.models_note.setText(self.tr("Asking the server for its models…"))
        self._lister.ask(self._asked, url, self.key_field.key(url))

    def _on_listed(self, number: int, answer: object) -> None:
        if number != self._asked:
            return  # an older question's answer
        if isinstance(answer, list):
            typed = self.model.currentText()
            self.model.clear()
            self.model.addItems(answer)
            self.model.setCurrentText(typed if typed else (answer[0] if answer else ""))
            self.models_note.setText(self.tr("The server lists %n model(s).", "", len(answer)))
        else:
            self.models_note.setText(str(answer))
        self.modelsListed.emit()

    def save_key(self) -> None:
        """Keep the typed key in the system keyring for this server; the line under the model says how it went."""
        self.models_note.setText(self.key_field.save(self.server.text().strip()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Glossary"), self.glossary.text(),
                                              self.tr("Text files (*.txt);;All files (*)"))  # fmt: skip
        if path:
            self.glossary.setText(path)

    def settings(self) -> TranslateSettings:
        return TranslateSettings(
            self.server.text().strip(), self.model.currentText().strip(), " ".join(self.language.currentText().split()),
            self.context_text.toPlainText().strip(), self.glossary.text().strip(), self.concurrency.value(),
            self.resume.isChecked(),
        )  # fmt: skip

    def _accept(self) -> None:
        chosen = self.settings()
        if not chosen.server_url or not chosen.model or not chosen.language:
            self.models_note.setText(self.tr("Give the server, the model and the language."))
            return
        self.prefs.translate_server_url = chosen.server_url
        self.prefs.translate_model = chosen.model
        self.prefs.translate_language = chosen.language
        self.prefs.translate_context = chosen.context
        self.prefs.translate_glossary = chosen.glossary
        self.prefs.translate_concurrency = chosen.concurrency
        self.key_field.use_for_session(chosen.server_url)  # a typed key serves the run (and this session)
        self.accept()
