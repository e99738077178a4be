"""The app's own colours, one set for a light and one for a dark theme, and the theme itself.

The widgets Qt draws take the QPalette; what we paint (the waveform, the cues on it, the problem colours of the
cue list, the warning text under the text box) asks ``colours()`` here, so a theme change is one place. The theme
follows the system's light or dark scheme (QStyleHints.colorScheme, Qt 6.5+) unless the user chose one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Colours:
    dark: bool
    waveform_background: QColor
    waveform_curve: QColor
    waveform_grid_alpha: float
    playhead: QColor
    cue_fill: QColor
    cue_selected: QColor
    cue_edge: QColor
    cue_edited: QColor
    cue_text: QColor
    row_problem: QColor  # cue list backgrounds, under the palette's text colour
    row_warning: QColor
    row_edited: QColor
    warning_text: QColor  # the cue editor's counts when over a limit
    quiet_text: QColor  # the cue editor's counts otherwise, the drop hint
    lock_icon: QColor


LIGHT = Colours(
    dark=False,
    waveform_background=QColor(246, 247, 249),
    waveform_curve=QColor(30, 120, 60),
    waveform_grid_alpha=0.25,
    playhead=QColor(200, 60, 0),
    cue_fill=QColor(40, 100, 210, 45),
    cue_selected=QColor(255, 160, 20, 90),
    cue_edge=QColor(40, 100, 210),
    cue_edited=QColor(0, 150, 200),
    cue_text=QColor(20, 20, 20),
    row_problem=QColor(255, 190, 190),
    row_warning=QColor(255, 225, 170),
    row_edited=QColor(200, 225, 255),
    warning_text=QColor(192, 57, 43),
    quiet_text=QColor(85, 85, 85),
    lock_icon=QColor(90, 90, 90),
)
DARK = Colours(
    dark=True,
    waveform_background=QColor(24, 26, 30),
    waveform_curve=QColor(110, 200, 130),
    waveform_grid_alpha=0.15,
    playhead=QColor(255, 220, 60),
    cue_fill=QColor(80, 140, 230, 60),
    cue_selected=QColor(255, 170, 40, 90),
    cue_edge=QColor(80, 140, 230),
    cue_edited=QColor(120, 200, 255),
    cue_text=QColor(235, 235, 235),
    row_problem=QColor(110, 35, 35),
    row_warning=QColor(100, 70, 20),
    row_edited=QColor(30, 60, 100),
    warning_text=QColor(255, 120, 100),
    quiet_text=QColor(170, 170, 170),
    lock_icon=QColor(200, 200, 200),
)


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, c in (
        (role.Window, QColor(37, 39, 43)), (role.WindowText, QColor(225, 225, 225)), (role.Base, QColor(28, 30, 33)),
        (role.AlternateBase, QColor(42, 44, 48)), (role.ToolTipBase, QColor(50, 52, 56)),
        (role.ToolTipText, QColor(230, 230, 230)), (role.PlaceholderText, QColor(140, 140, 140)),
        (role.Text, QColor(225, 225, 225)), (role.Button, QColor(48, 50, 55)), (role.ButtonText, QColor(225, 225, 225)),
        (role.BrightText, QColor(255, 90, 90)), (role.Link, QColor(110, 170, 255)),
        (role.Highlight, QColor(45, 110, 190)), (role.HighlightedText, QColor(255, 255, 255)),
        (role.Light, QColor(70, 72, 78)), (role.Midlight, QColor(58, 60, 65)),
        (role.Mid, QColor(45, 47, 51)), (role.Dark, QColor(20, 21, 24)), (role.Shadow, QColor(0, 0, 0)),
    ):  # fmt: skip
        p.setColor(r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(120, 120, 120))
    return p


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio (1 to 21; 4.5 is the minimum for body text)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Theme(QObject):
    """The theme in force; ``changed`` tells what paints its own colours to repaint."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = "system"
        self._dark = False
        self._style: str | None = None  # the style before a dark theme switched to Fusion
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self.choice == "system" and self.apply("system"))

    def system_is_dark(self) -> bool:
        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme != Qt.ColorScheme.Unknown:
            return scheme == Qt.ColorScheme.Dark
        return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def apply(self, choice: str) -> None:
        self.choice = choice if choice in THEMES else "system"
        dark = self.system_is_dark() if self.choice == "system" else self.choice == "dark"
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if dark:
                if self._style is None:
                    self._style = app.style().name()
                app.setStyle("Fusion")  # a style that draws with the palette on every platform
                app.setPalette(dark_palette())
            elif self._dark or self.choice == "light":
                if self._style is not None:
                    app.setStyle(self._style)
                    self._style = None
                app.setPalette(app.style().standardPalette())
        self._dark = dark
        self.changed.emit()

    @property
    def dark(self) -> bool:
        return self._dark


_theme: list[Theme] = []


def theme() -> Theme:
    """The application's theme (made on first use)."""
    if not _theme:
        _theme.append(Theme(QApplication.instance()))
    return _theme[0]


def colours() -> Colours:
    return DARK if _theme and _theme[0].dark else LIGHT
