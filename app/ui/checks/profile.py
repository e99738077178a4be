"""The quality profile in use: chosen per document (its settings, so undoable and saved in the project) over the
user's default (the preferences ``quality_profile`` and ``quality_custom``), with a small editor for the custom
profile. Unknown names or bad custom values fall back to Netflix (app.core.profiles.of_choice).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.doc_settings import CUSTOM, EDITABLE, NAMES, QualityChoice
from app.core.profiles import Profile
from app.session.preferences import Preferences
from app.ui.state import EditorState

__all__ = ["CUSTOM", "EDITABLE", "NAMES"]  # the names live in app.core.doc_settings


def profile_title(name: str) -> str:
    titles = {
        "netflix": QCoreApplication.translate("Quality", "Netflix (each language's guide)"),
        "netflix-children": QCoreApplication.translate("Quality", "Netflix, children's programmes"),
        "netflix-en": QCoreApplication.translate("Quality", "Netflix (20 CPS in every language)"),
        "bbc": QCoreApplication.translate("Quality", "BBC (words per minute)"),
        CUSTOM: QCoreApplication.translate("Quality", "Custom"),
    }
    return titles.get(name, name)


Choice = QualityChoice  # the name this module's callers know


def default_choice(prefs: Preferences) -> QualityChoice:
    return prefs.default_quality


def current_choice(state: EditorState, prefs: Preferences) -> QualityChoice:
    """The document's profile, else the user's default."""
    return state.doc.settings.quality or prefs.default_quality


def set_choice(state: EditorState, prefs: Preferences, choice: QualityChoice) -> None:
    """The document's profile (one undo step) and, from now on, the default for new documents."""
    prefs.default_quality = choice
    state.session.set_default_quality(prefs.default_quality)
    if state.doc.settings.quality == choice:
        return
    label = QCoreApplication.translate("Quality", "Choose quality profile")
    state.set_metadata(label, settings=state.doc.settings.replace(quality=choice))


class CustomProfileDialog(QDialog):
    """The limits of the custom profile. A zero means "not checked" (speeds) or "by language" (line length)."""

    def __init__(self, profile: Profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custom quality profile"))
        off, by_language = self.tr("not checked"), self.tr("by language")
        self.cps = self._double(profile.max_cps, 0, 60, off, self.tr(" characters/s"))
        self.wpm = self._double(profile.max_wpm, 0, 600, off, self.tr(" words/min"))
        self.min_duration = self._int(profile.min_duration_ms, 0, 60_000, self.tr(" ms"))
        self.max_duration = self._int(profile.max_duration_ms, 1, 600_000, self.tr(" ms"))
        self.min_gap = self._int(profile.min_gap_ms, 0, 10_000, self.tr(" ms"))
        self.line_chars = self._int(profile.max_line_chars or 0, 0, 200, self.tr(" characters"), by_language)
        self.lines = self._int(profile.max_lines, 1, 10, "")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        form = QFormLayout()
        form.addRow(self.tr("Maximum reading speed:"), self.cps)
        form.addRow(self.tr("Maximum words per minute:"), self.wpm)
        form.addRow(self.tr("Minimum duration:"), self.min_duration)
        form.addRow(self.tr("Maximum duration:"), self.max_duration)
        form.addRow(self.tr("Minimum gap:"), self.min_gap)
        form.addRow(self.tr("Maximum line length:"), self.line_chars)
        form.addRow(self.tr("Maximum lines:"), self.lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _double(value: float | None, low: float, high: float, special: str, suffix: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setDecimals(1)
        box.setSpecialValueText(special)
        box.setSuffix(suffix)
        box.setValue(value or 0)
        return box

    @staticmethod
    def _int(value: int, low: int, high: int, suffix: str, special: str = "") -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSuffix(suffix)
        if special:
            box.setSpecialValueText(special)
        box.setValue(value)
        return box

    def values(self) -> dict[str, Any]:
        return {
            "max_cps": self.cps.value() or None,
            "max_wpm": self.wpm.value() or None,
            "min_duration_ms": self.min_duration.value(),
            "max_duration_ms": self.max_duration.value(),
            "min_gap_ms": self.min_gap.value(),
            "max_line_chars": self.line_chars.value() or None,
            "max_lines": self.lines.value(),
        }

    def accept(self) -> None:
        if self.min_duration.value() > self.max_duration.value():
            self.error.setText(self.tr("The minimum duration must not be over the maximum."))
            return
        super().accept()
