"""Small widgets the window's features share (features may not import each other, app.ui.host)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

if TYPE_CHECKING:
    from app.keystore import KeyStore


def with_browse(edit: QLineEdit, slot: Callable[[], None], text: str) -> QWidget:
    """A path field with its Browse… button (``text``, already translated) beside it."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    button = QPushButton(text)
    button.clicked.connect(slot)
    layout.addWidget(button)
    return box


class ApiKeyField(QWidget):
    """A server's API key typed in a dialog (hidden as typed) with Save in keyring beside it: the recognition
    dialog's and the translate dialog's, each over its own store (app.keystore.KeyStore). A typed key is used
    for this session only (:meth:`use_for_session`, on OK); Save keeps it in the system keyring, never in a file."""

    def __init__(self, store: KeyStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        placeholder = self.tr("Kept in the system keyring, or {variable}")
        self.edit.setPlaceholderText(placeholder.format(variable=store.env_key))
        self.edit.setToolTip(
            self.tr("A key typed here is used for this server until you quit; Save in keyring keeps it for next time")
        )
        self.button = QPushButton(self.tr("Save in keyring"))
        self.button.setToolTip(self.tr("Keep this key in the system keyring for this server (never in a file)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def typed(self) -> str:
        return self.edit.text().strip()

    def key(self, url: str) -> str | None:
        """The key typed here (for a test of the server, not yet stored), else the store's."""
        return self.typed() or self.store.key(url)

    def save(self, url: str) -> str:
        """Store the typed key in the system keyring for ``url``; the line to show, whatever happened."""
        from app.keystore import KeyStoreError

        if not url.strip() or not self.typed():
            return self.tr("Give the server's address and its key first.")
        try:
            self.store.store(url, self.typed())
        except KeyStoreError:
            return self.tr("No system keyring is available here; set {variable} instead.").format(
                variable=self.store.env_key
            )
        self.store.use_for_session(url, None)  # a key typed earlier this session no longer stands before it
        self.edit.clear()
        return self.tr("The key is kept in the system keyring.")

    def use_for_session(self, url: str) -> None:
        """The typed key serves ``url`` until the application quits (nothing typed: the stored one serves)."""
        if url.strip() and self.typed():
            self.store.use_for_session(url, self.typed())
