"""View ▸ Spelling Language: each cue's own language (the default) or one dictionary for all, and the English
spelling (American or British) wherever English is checked. Both are preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from app.core.spelling import DICTIONARIES
from app.ui.language_names import language_name

if TYPE_CHECKING:
    from app.ui.spelling.service import SpellService


# dictionaries of languages Qwen3-ASR does not recognise (app.ui.language_names has the others)
_OTHERS = (QT_TRANSLATE_NOOP("Spelling", "Basque"), QT_TRANSLATE_NOOP("Spelling", "Latvian"))


def _shown(name: str) -> str:
    return QCoreApplication.translate("Spelling", name) if name in _OTHERS else language_name(name)


def language_menu(service: SpellService, parent: QWidget) -> QMenu:
    menu = QMenu(QCoreApplication.translate("Spelling", "Spelling &Language"), parent)
    menu.setObjectName("spelling_language")
    languages = QActionGroup(menu)
    automatic = QCoreApplication.translate("Spelling", "Automatic (Each Cue's Language)")
    choices = [("", automatic), *sorted(((n, _shown(n)) for n in DICTIONARIES), key=lambda c: c[1])]
    for value, text in choices:
        action = _radio(menu, languages, text, value == service.chosen)
        action.triggered.connect(lambda _=False, v=value: service.set_language(v))
        if not value:
            menu.addSeparator()
    menu.addSeparator()
    english = QActionGroup(menu)
    variants = [
        ("US", QCoreApplication.translate("Spelling", "English: American Spelling")),
        ("GB", QCoreApplication.translate("Spelling", "English: British Spelling")),
    ]
    for value, text in variants:
        action = _radio(menu, english, text, value == service.english)
        action.triggered.connect(lambda _=False, v=value: service.set_english(v))
    return menu


def _radio(menu: QMenu, group: QActionGroup, text: str, checked: bool) -> QAction:
    action = QAction(text, menu, checkable=True)
    action.setChecked(checked)
    group.addAction(action)
    menu.addAction(action)
    return action
