"""The OpenCC configurations (app.text.chinese.CONFIGS) named in the ui's language, for Edit ▸ Convert Chinese and
Export As: "Simplified to Traditional (s2t)". The data stays OpenCC's own name."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.core.messages import message
from app.text.chinese import CONFIGS
from app.ui.messages import render


def config_label(name: str) -> str:
    return f"{render(message(CONFIGS[name]))} ({name})"


def fill_configs(combo: QComboBox, current: str | None = None) -> None:
    """One item a configuration (its name as the item's data), ``current`` chosen when it is one of them."""
    for name in CONFIGS:
        combo.addItem(config_label(name), name)
    index = combo.findData(current) if current else -1
    if index >= 0:
        combo.setCurrentIndex(index)
