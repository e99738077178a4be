"""Undo labels: the core's commands carry English labels (the core has no Qt); the Edit menu shows them translated.

Labels made in the ui ("Recognize speech", "Open media") are translated where they are made; translating
them again here finds nothing and leaves them as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CORE_LABELS = (  # the default label of every command in app.core.commands (a test keeps the list complete)
    QT_TRANSLATE_NOOP("Command", "Change flags"),
    QT_TRANSLATE_NOOP("Command", "Change times"),
    QT_TRANSLATE_NOOP("Command", "Delete"),
    QT_TRANSLATE_NOOP("Command", "Delete cues"),
    QT_TRANSLATE_NOOP("Command", "Edit"),
    QT_TRANSLATE_NOOP("Command", "Edit text"),
    QT_TRANSLATE_NOOP("Command", "Insert"),
    QT_TRANSLATE_NOOP("Command", "Insert cue"),
    QT_TRANSLATE_NOOP("Command", "Merge cues"),
    QT_TRANSLATE_NOOP("Command", "Replace all"),
    QT_TRANSLATE_NOOP("Command", "Set language"),
    QT_TRANSLATE_NOOP("Command", "Set properties"),
    QT_TRANSLATE_NOOP("Command", "Shift times"),
    QT_TRANSLATE_NOOP("Command", "Split cue"),
    QT_TRANSLATE_NOOP("Command", "Translate"),
)


def command_label(label: str) -> str:
    return QCoreApplication.translate("Command", label) if label else ""
