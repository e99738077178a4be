"""The Recognize Speech dialog: model, word timing, language, device, precision, context, the server and its key."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.asr.client.api_key import RECOGNITION_KEYS
from app.asr.client.languages import SUPPORTED_LANGUAGES
from app.asr.client.models import DEFAULT_ALIGNER, DEFAULT_RECOGNIZER
from app.asr.client.remote import DEFAULT_SERVER_MODEL
from app.ui.fields import ApiKeyField
from app.ui.language_names import language_name
from app.ui.recognition.options import RecognitionOptions

RECOGNIZERS = (DEFAULT_RECOGNIZER, "Qwen/Qwen3-ASR-1.7B")
NO_ALIGNER = QT_TRANSLATE_NOOP("RecognitionDialog", "None (estimate word times)")  # shown translated
LONG_WORD = re.compile(r"\S{31,}")  # an address or path too long for a line
BREAKABLE = re.compile(r"[/?&=.:_-](?=\S)")  # where such a word may wrap


class RecognitionDialog(QDialog):
    def __init__(self, initial: RecognitionOptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recognize speech"))
        self.no_aligner = QCoreApplication.translate("RecognitionDialog", NO_ALIGNER)
        self.model = self._model_box(RECOGNIZERS, initial.model)
        self.aligner = self._model_box((DEFAULT_ALIGNER, self.no_aligner), initial.aligner or self.no_aligner)
        self.language = QComboBox()
        self.language.addItem(self.tr("Detect automatically"), None)
        for name in SUPPORTED_LANGUAGES:
            self.language.addItem(language_name(name), name)
        index = self.language.findData(initial.language)
        self.language.setCurrentIndex(max(index, 0))
        from app.asr.client.devices import available_devices

        self.device = QComboBox()
        labels = {"auto": self.tr("Automatic (GPU when there is one)"), "cpu": self.tr("CPU"),
                  "cuda": self.tr("CUDA GPU"), "mps": self.tr("Apple GPU (MPS)")}  # fmt: skip
        for value in available_devices():  # a device this machine has no sign of is not offered
            self.device.addItem(labels[value], value)
        self.device.setCurrentIndex(max(self.device.findData(initial.device), 0))
        self.precision = QComboBox()
        for value, label in (
            ("auto", self.tr("Automatic (16-bit where the processor supports it)")),
            ("fp32", self.tr("Full (32-bit)")),
            ("bf16", self.tr("Half (16-bit bf16)")),
            ("int8", self.tr("Fastest (8-bit, less accurate)")),
        ):
            self.precision.addItem(label, value)
        self.precision.setCurrentIndex(max(self.precision.findData(initial.cpu_precision), 0))
        self.precision.setToolTip(
            self.tr(
                "How the models compute on the CPU. Automatic uses 16-bit bf16, the format the models are published "
                "in, when the processor has bf16 instructions (Intel Xeon 4th generation and later, AMD Zen 4 and "
                "later): half the memory of 32-bit and faster. 8-bit is the fastest and smallest but can recognise "
                "words less accurately. A GPU always computes in bf16."
            )
        )
        self.device.currentIndexChanged.connect(self._device_changed)
        self._device_changed()
        self.context = QLineEdit(initial.context)
        self.context.setPlaceholderText(self.tr("Names and terms that appear in the audio (optional)"))
        self.server = QLineEdit(initial.server_url)
        self.server.setPlaceholderText(self.tr("Empty: this computer; or a server, e.g. http://gpu-box:8000"))
        self.server.setToolTip(
            self.tr(
                "An OpenAI-compatible server running Qwen3-ASR (vllm serve Qwen/Qwen3-ASR-1.7B). Its API key comes "
                "from the QSS_SERVER_API_KEY environment variable or the system keyring; word times come from the "
                "aligner on this computer, or are estimated."
            )
        )
        self.server_model = QLineEdit(initial.server_model)
        self.server_model.setPlaceholderText(DEFAULT_SERVER_MODEL)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        key_row = ApiKeyField(RECOGNITION_KEYS)
        self.key_field = key_row
        self.api_key, self.store_key = key_row.edit, key_row.button
        self.store_key.clicked.connect(self.save_key)
        server_row = QWidget()
        row = QHBoxLayout(server_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.server, 1)
        row.addWidget(self.test_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Model:"), self._with_browse(self.model))
        form.addRow(self.tr("Word timing:"), self._with_browse(self.aligner))
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Device:"), self.device)
        form.addRow(self.tr("Precision:"), self.precision)
        form.addRow(self.tr("Context:"), self.context)
        form.addRow(self.tr("Server:"), server_row)
        form.addRow(self.tr("Server model:"), self.server_model)
        form.addRow(self.tr("API key:"), key_row)
        form.addRow("", self.test_result)
        self.server.textChanged.connect(self._server_changed)
        self._server_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Recognize"))
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
        browse = QPushButton(self.tr("Folder…"))
        browse.setToolTip(self.tr("Use a model downloaded to a folder"))
        browse.clicked.connect(lambda: self._browse(box))
        layout.addWidget(browse)
        return row

    def _browse(self, box: QComboBox) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder"))
        if folder:
            box.setCurrentText(folder)

    def _device_changed(self) -> None:
        local = not self.server.text().strip() if hasattr(self, "server") else True
        self.precision.setEnabled(local and self.device.currentData() != "cuda")  # auto and mps may end on the CPU

    def _server_changed(self) -> None:
        """With a server, this computer's model, aligner and device have no say: they are greyed out."""
        local = not self.server.text().strip()
        for widget in (self.model.parentWidget(), self.precision):  # with Folder…
            widget.setEnabled(local)
        for widget in (self.server_model, self.api_key, self.store_key):
            widget.setEnabled(not local)  # the aligner and its device stay: word timing runs here either way
        self._device_changed()

    def test_connection(self) -> None:
        """List the server's models in the line under the server fields; asked in a worker, the dialog stays live."""
        from app.asr.client.server_http import ServerEndpoint, list_models
        from app.ui.workers import Task

        url = self.server.text().strip()
        if not url:
            self.say(self.tr("Give the server's address first."))
            return
        endpoint = ServerEndpoint(url, self._key(url), timeout_s=5.0, retries=0)
        self.test_button.setEnabled(False)
        self.say(self.tr("Connecting…"))
        task = Task(lambda _report: list_models(endpoint), "test-connection", self)
        task.succeeded.connect(self._connected)
        task.failed.connect(self.say)  # a ServerError's message, rendered by the worker
        task.done.connect(lambda: self.test_button.setEnabled(True))
        self.connection_test = task.start()

    def say(self, text: str) -> None:
        """A line under the server fields, shown whole: long addresses may break anywhere, and the dialog grows
        to the lines' height (a top-level window does not follow a wrapped label by itself)."""
        self.test_result.setText(
            LONG_WORD.sub(lambda w: BREAKABLE.sub(lambda m: m.group(0) + "\u200b", w.group(0)), text)
        )
        self.test_result.setToolTip(text)
        layout = self.layout()
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def accept(self) -> None:
        """A key typed here is used for this server until the application quits (stored only by Save)."""
        self.key_field.use_for_session(self.server.text().strip())
        super().accept()

    def _key(self, url: str) -> str | None:
        """The key typed here (for this test, not yet stored), else the session's, the environment's or the
        keyring's."""
        return self.key_field.key(url)

    def save_key(self) -> None:
        """Store the typed key in the system keyring for this server; where there is none, say so in one line."""
        self.say(self.key_field.save(self.server.text().strip()))

    def _connected(self, models: list[str]) -> None:
        self.say(self.tr("Connected. Models: {models}").replace("{models}", ", ".join(models)))
        if models and not self.server_model.text().strip():
            self.server_model.setText(models[0])

    def options(self) -> RecognitionOptions:
        aligner = self.aligner.currentText().strip()
        return RecognitionOptions(
            model=self.model.currentText().strip() or DEFAULT_RECOGNIZER,
            aligner=None if aligner in ("", self.no_aligner) else aligner,
            language=self.language.currentData(),
            device=self.device.currentData(),
            context=self.context.text().strip(),
            cpu_precision=self.precision.currentData(),  # "int8" sets cpu_int8 too (__post_init__)
            server_url=self.server.text().strip(),
            server_model=self.server_model.text().strip(),
        )
