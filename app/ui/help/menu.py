"""Help: the keys in force, a short guide to the main flow, and About with the versions that matter in a report."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.ui.host import WindowHost
from app.ui.shortcuts import preset_title, shown

if TYPE_CHECKING:
    pass


Window = WindowHost


def add_menu(window: Window, menu: QMenu) -> None:
    items = (
        ("help.guide", QCoreApplication.translate("Help", "&Quick Guide"), QKeySequence.StandardKey.HelpContents,
         lambda: show_dialog(guide_dialog(window))),
        ("help.shortcuts", QCoreApplication.translate("Help", "&Keyboard Shortcuts"), None,
         lambda: show_dialog(shortcut_list_dialog(window))),
        ("help.about", QCoreApplication.translate("Help", "&About Qwen Subtitle Studio"), None,
         lambda: show_dialog(about_dialog(window))),
    )  # fmt: skip
    for action_id, text, key, slot in items:
        action = QAction(text, menu)
        action.setMenuRole(QAction.MenuRole.AboutRole if action_id == "help.about" else QAction.MenuRole.NoRole)
        window.shortcuts.register(action_id, action, key)
        action.triggered.connect(slot)
        menu.addAction(action)


def show_dialog(dialog: QDialog) -> QDialog:
    dialog.open()
    return dialog


def _dialog(parent: QWidget, title: str, *widgets: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QTableWidget) else 0)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def shortcut_list_dialog(window: Window) -> QDialog:
    """Every action with a key, under the preset in force (the user's own keys included)."""
    registry = window.shortcuts
    bindings = registry.bindings()
    rows = [(registry.label(i), keys) for i, keys in bindings.items() if keys]
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(
        [QCoreApplication.translate("Help", "Action"), QCoreApplication.translate("Help", "Shortcut")]
    )
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (label, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(label))
        table.setItem(row, 1, QTableWidgetItem(shown(keys)))
    heading = QLabel(
        QCoreApplication.translate("Help", "Preset: {preset}. Change keys in Edit ▸ Keyboard Shortcuts.").format(
            preset=preset_title(registry.preset)
        )
    )
    dialog = _dialog(window.dialog_parent(), QCoreApplication.translate("Help", "Keyboard Shortcuts"), heading, table)
    dialog.resize(520, 600)
    return dialog


def guide_dialog(window: Window) -> QDialog:
    steps = [
        QCoreApplication.translate("Help", "Open a video or audio file: File ▸ Open, or drop it on the window."),
        QCoreApplication.translate(
            "Help",
            "Recognition ▸ Recognize Speech makes subtitles from the audio. Choose the language if you know it; "
            "the first run downloads the model.",
        ),
        QCoreApplication.translate(
            "Help",
            "Check each cue: play it, correct its text in the box above the list. Red and orange cells mark cues "
            "that are too fast to read, too long, or overlapping.",
        ),
        QCoreApplication.translate(
            "Help",
            "Fix the timing on the waveform: drag a cue's edges or the whole cue, or set its start and end at the "
            "playhead with the keys. After editing text, Recognition ▸ Re-align Edited Cues times it again.",
        ),
        QCoreApplication.translate(
            "Help",
            "Save the project to keep working later, and File ▸ Export As for the subtitle file (SRT, WebVTT, ASS "
            "and more).",
        ),
    ]
    text = "<ol>" + "".join(f"<li style='margin-bottom:6px'>{step}</li>" for step in steps) + "</ol>"
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(460)
    title = QCoreApplication.translate("Help", "Quick Guide")
    return _dialog(window.dialog_parent(), title, label)


def versions(window: Window) -> list[tuple[str, str]]:
    """What a bug report needs; torch is looked up, not imported (the window never imports it)."""

    def installed(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return QCoreApplication.translate("Help", "not installed")

    import PySide6

    from app.asr.client.models import DEFAULT_ALIGNER, DEFAULT_RECOGNIZER

    in_use = window.models_in_use()
    loaded = QCoreApplication.translate("Help", "{model} (in use)")
    chosen = QCoreApplication.translate("Help", "{model} (not loaded yet)")
    recognizer = window.prefs.recognition_model or DEFAULT_RECOGNIZER
    aligner = window.prefs.recognition_aligner or DEFAULT_ALIGNER
    rows = [
        (APP_NAME, __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("PyTorch", installed("torch")),
        ("qwen-asr", installed("qwen-asr")),
        (
            QCoreApplication.translate("Help", "Recognition model"),
            loaded.format(model=in_use["recognizer"]) if "recognizer" in in_use else chosen.format(model=recognizer),
        ),
    ]
    if "aligner" in in_use:
        rows.append((QCoreApplication.translate("Help", "Aligner"), loaded.format(model=in_use["aligner"])))
    elif aligner not in ("", "none"):
        rows.append((QCoreApplication.translate("Help", "Aligner"), chosen.format(model=aligner)))
    return rows


def about_dialog(window: Window) -> QDialog:
    table = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;{value}</td></tr>" for name, value in versions(window))
    text = (
        f"<h3>{APP_NAME} {__version__}</h3><p>"
        + QCoreApplication.translate(
            "Help", "A subtitle editor built on Qwen3-ASR: recognition, forced alignment, timing on the waveform."
        )
        + f"</p><table>{table}</table><p>"
        + QCoreApplication.translate("Help", "Licensed under the Apache License 2.0.")
        + "</p>"
    )
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    title = QCoreApplication.translate("Help", "About {app}").format(app=APP_NAME)
    return _dialog(window.dialog_parent(), title, label)
