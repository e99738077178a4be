"""Small widgets the window's features share (features may not import each other, app.ui.host)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


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
