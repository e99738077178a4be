"""View ▸ Language and View ▸ Theme, Edit ▸ Keyboard Shortcuts: the user's habits, remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.ui import i18n, palette
from app.ui.host import WindowHost

if TYPE_CHECKING:
    pass


Window = WindowHost


def add_menus(window: Window, view: QMenu, edit: QMenu) -> None:
    view.addSeparator()
    _language_menu(window, view.addMenu(QCoreApplication.translate("Preferences", "&Language")))
    _theme_menu(window, view.addMenu(QCoreApplication.translate("Preferences", "&Theme")))
    edit.addSeparator()
    action = QAction(QCoreApplication.translate("Preferences", "&Keyboard Shortcuts…"), edit)
    window.shortcuts.register("settings.shortcuts", action, None)
    action.triggered.connect(lambda: open_shortcut_settings(window))
    edit.addAction(action)
    palette.theme().apply(window.prefs.ui_theme)
    if i18n.missing_font():
        message = QCoreApplication.translate(
            "Preferences",
            "No Chinese font is installed, so the window is in English. "
            "Install one (Debian and Ubuntu: fonts-noto-cjk) and start again.",
        )
        window.show_status(message, 20_000)


def _language_menu(window: Window, menu: QMenu) -> None:
    group = QActionGroup(menu)
    chosen = window.prefs.ui_language
    choices = [
        ("", QCoreApplication.translate("Preferences", "System Language")),
        *((code, i18n.NATIVE_NAMES[code]) for code in i18n.LANGUAGES),
    ]
    for code, name in choices:
        action = QAction(name, menu, checkable=True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: choose_language(window, action.data()))


def choose_language(window: Window, code: str) -> None:
    """Remembered now, shown from the next start: every window and dialog is made in the language at hand."""
    window.prefs.ui_language = code
    if i18n.chosen_language(code) != i18n.current_language():
        window.show_info(
            QCoreApplication.translate("Preferences", "Language"),
            QCoreApplication.translate("Preferences", "The new language is used from the next start of the app."),
        )


def _theme_menu(window: Window, menu: QMenu) -> None:
    group = QActionGroup(menu)
    chosen = window.prefs.ui_theme
    names = {
        "system": QCoreApplication.translate("Preferences", "Follow the &System"),
        "light": QCoreApplication.translate("Preferences", "&Light"),
        "dark": QCoreApplication.translate("Preferences", "&Dark"),
    }
    for code in palette.THEMES:
        action = QAction(names[code], menu, checkable=True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: choose_theme(window, action.data()))


def choose_theme(window: Window, code: str) -> None:
    window.prefs.ui_theme = code
    palette.theme().apply(code)


def open_shortcut_settings(window: Window):
    from app.ui.preferences.shortcut_dialog import ShortcutDialog

    dialog = ShortcutDialog(window.shortcuts, window.dialog_parent())
    dialog.open()
    return dialog
