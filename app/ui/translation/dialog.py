"""Recognition ▸ Translate…: the chat server, its model (listed from the server's /v1/models in a worker), the
target language, the context text, the glossary file and the requests at once; remembered in the preferences,
never the key: it comes from QSS_LLM_API_KEY or the system keyring, and one typed here serves this session or is
kept in the keyring by Save in keyring (app.ui.fields.ApiKeyField, the recognition dialog's too). Proofread…
shares all but the language (:class:`ChatDialog`)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
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
    resume: bool = True  # (language and resume: the translation's; proofreading leaves them be)


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


class ChatDialog(QDialog):
    """What every dialog that asks a chat model shares (Translate…, Proofread…): the server, its model (listed),
    the context text, the glossary file and the requests at once, in the preferences; subclasses add their rows.
    Its words are in the translate dialog's context, where they were first translated."""

    modelsListed = Signal()  # the list came back (or its error): for tests

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.server = QLineEdit(prefs.translate_server_url)
        self.server.setPlaceholderText("http://localhost:11434")
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.setMinimumWidth(260)
        self.model.setCurrentText(prefs.translate_model)
        self.refresh = QPushButton(QCoreApplication.translate("TranslateDialog", "List Models"))
        self.refresh.clicked.connect(self.list_models)
        self.models_note = QLabel()
        self.models_note.setWordWrap(True)
        self.context_text = QPlainTextEdit(prefs.translate_context)
        self.context_text.setPlaceholderText(
            QCoreApplication.translate("TranslateDialog", "What the video is about: names, subject, tone")
        )
        self.context_text.setFixedHeight(self.context_text.fontMetrics().lineSpacing() * 3 + 14)
        self.glossary = QLineEdit(prefs.translate_glossary)
        self.glossary.setPlaceholderText(
            QCoreApplication.translate("TranslateDialog", "A text file, 'term = translation' a line (optional)")
        )
        browse = QPushButton(QCoreApplication.translate("TranslateDialog", "Browse…"))
        browse.clicked.connect(self._browse)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 32)
        self.concurrency.setValue(prefs.translate_concurrency)
        self.key_field = ApiKeyField(LLM_KEYS)
        self.key_field.button.clicked.connect(self.save_key)
        key = QLabel(
            QCoreApplication.translate(
                "TranslateDialog",
                "The API key is read from the QSS_LLM_API_KEY environment variable or the system keyring; one typed "
                "here serves until you quit, unless you save it in the keyring. It is never stored in a file. Local "
                "servers need none.",
            )
        )
        key.setWordWrap(True)
        models_row = QHBoxLayout()
        models_row.addWidget(self.model, 1)
        models_row.addWidget(self.refresh)
        self.glossary_row = QHBoxLayout()
        self.glossary_row.addWidget(self.glossary, 1)
        self.glossary_row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("TranslateDialog", "Server:"), self.server)
        self.form.addRow(QCoreApplication.translate("TranslateDialog", "API key:"), self.key_field)
        self.form.addRow(QCoreApplication.translate("TranslateDialog", "Model:"), models_row)
        self.form.addRow("", self.models_note)
        self.add_rows()
        self.form.addRow(QCoreApplication.translate("TranslateDialog", "Requests at once:"), self.concurrency)
        self.add_last_rows()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.column = layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(key)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self._lister = _Lister(self)
        self._lister.listed.connect(self._on_listed)
        self._asked = 0
        if self.server.text().strip():
            self.list_models()

    def add_rows(self) -> None:
        """The rows between the model and the requests at once: the context and the glossary."""
        self.form.addRow(QCoreApplication.translate("TranslateDialog", "Context:"), self.context_text)
        self.form.addRow(QCoreApplication.translate("TranslateDialog", "Glossary:"), self.glossary_row)

    def add_last_rows(self) -> None:
        """Rows after the requests at once (none here)."""

    def list_models(self) -> None:
        url = self.server.text().strip()
        if not url:
            self.models_note.setText(QCoreApplication.translate("TranslateDialog", "Give the server's address first."))
            return
        self._asked += 1
        self.models_note.setText(QCoreApplication.translate("TranslateDialog", "Asking the server for its models…"))
        self._lister.ask(self._asked, url, self.key_field.key(url))

    def _on_listed(self, number: int, answer: object) -> None:
        if number != self._asked:
            return  # an older question's answer
        if isinstance(answer, list):
            typed = self.model.currentText()
            self.model.clear()
            self.model.addItems(answer)
            self.model.setCurrentText(typed if typed else (answer[0] if answer else ""))
            count = len(answer)
            self.models_note.setText(
                QCoreApplication.translate("TranslateDialog", "The server lists %n model(s).", "", count)
            )
        else:
            self.models_note.setText(str(answer))
        self.modelsListed.emit()

    def save_key(self) -> None:
        """Keep the typed key in the system keyring for this server; the line under the model says how it went."""
        self.models_note.setText(self.key_field.save(self.server.text().strip()))

    def _browse(self) -> None:
        title = QCoreApplication.translate("TranslateDialog", "Glossary")
        kinds = QCoreApplication.translate("TranslateDialog", "Text files (*.txt);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, title, self.glossary.text(), kinds)
        if path:
            self.glossary.setText(path)

    def settings(self) -> TranslateSettings:
        return TranslateSettings(
            self.server.text().strip(), self.model.currentText().strip(), "", self.context_text.toPlainText().strip(),
            self.glossary.text().strip(), self.concurrency.value(), False,
        )  # fmt: skip

    def missing(self, chosen: TranslateSettings) -> str:
        """What is missing to start, in words ("" when nothing)."""
        if not chosen.server_url or not chosen.model:
            return QCoreApplication.translate("TranslateDialog", "Give the server and the model.")
        return ""

    def _accept(self) -> None:
        chosen = self.settings()
        problem = self.missing(chosen)
        if problem:
            self.models_note.setText(problem)
            return
        self.prefs.translate_server_url = chosen.server_url
        self.prefs.translate_model = chosen.model
        self.prefs.translate_context = chosen.context
        self.prefs.translate_glossary = chosen.glossary
        self.prefs.translate_concurrency = chosen.concurrency
        self.key_field.use_for_session(chosen.server_url)  # a typed key serves the run (and this session)
        self.remember(chosen)
        self.accept()

    def remember(self, chosen: TranslateSettings) -> None:
        """Keep a subclass's own choices in the preferences."""


class TranslateDialog(ChatDialog):
    def __init__(self, prefs: Preferences, resumable: bool, parent: QWidget | None = None) -> None:
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItems(list(LANGUAGES))
        self.language.setCurrentText(prefs.translate_language)
        self.resume = QCheckBox(self.tr("Only cues without a translation (resume)"))
        self.resume.setChecked(resumable)
        self.resume.setEnabled(resumable)
        super().__init__(prefs, parent)
        self.setWindowTitle(self.tr("Translate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Translate"))

    def add_rows(self) -> None:
        self.form.addRow(self.tr("Translate into:"), self.language)
        super().add_rows()

    def add_last_rows(self) -> None:
        self.form.addRow("", self.resume)

    def settings(self) -> TranslateSettings:
        language = " ".join(self.language.currentText().split())
        return replace(super().settings(), language=language, resume=self.resume.isChecked())

    def missing(self, chosen: TranslateSettings) -> str:
        if not chosen.server_url or not chosen.model or not chosen.language:
            return self.tr("Give the server, the model and the language.")
        return ""

    def remember(self, chosen: TranslateSettings) -> None:
        self.prefs.translate_language = chosen.language
