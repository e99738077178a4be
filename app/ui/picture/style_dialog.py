"""View ▸ Subtitle Style…: the document's subtitle style (app.core.styles) edited in a small dialog, every change
previewed at once in the picture pane (a sample line when no cue shows); OK keeps it as one undoable step, Cancel
puts the picture back as it was. The pane draws the document's style whenever the document changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.core.styles import DEFAULT_STYLE, LIMITS, SubtitleStyle, argb, colour_of

# the dialog's spin boxes: the style's field, its scale (shown = stored x scale: percentages), the step
_NUMBERS = {
    "size": (100, 0.5), "outline": (100, 1.0), "shadow": (100, 0.1), "margin_left": (100, 0.5),
    "margin_right": (100, 0.5), "margin_vertical": (100, 0.5), "translation_size": (100, 5.0),
}  # fmt: skip
_ARROWS = {7: "↖", 8: "↑", 9: "↗", 4: "←", 5: "•", 6: "→", 1: "↙", 2: "↓", 3: "↘"}


class StyleDialog(QDialog):
    styleChanged = Signal(object)  # SubtitleStyle: each change, for the preview

    def __init__(self, style: SubtitleStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Subtitle Style"))
        self.style = style
        self._setting = False
        form = QFormLayout(self)
        self.font_box = QFontComboBox()
        self.font_box.setCurrentFont(QFont(style.font) if style.font else QFont())
        self.font_box.currentFontChanged.connect(lambda font: self._set(font=font.family()))
        self.bold = QCheckBox(self.tr("&Bold"))
        self.italic = QCheckBox(self.tr("&Italic"))
        self.bold.setChecked(style.bold)
        self.italic.setChecked(style.italic)
        self.bold.toggled.connect(lambda on: self._set(bold=on))
        self.italic.toggled.connect(lambda on: self._set(italic=on))
        font_row = QHBoxLayout()
        for widget in (self.font_box, self.bold, self.italic):
            font_row.addWidget(widget)
        _row(form, self.tr("&Font:"), font_row, self.font_box)
        self.numbers: dict[str, QDoubleSpinBox] = {}
        for name, (scale, step) in _NUMBERS.items():
            box = QDoubleSpinBox()
            low, high = LIMITS[name]
            box.setRange(low * scale, high * scale)
            box.setSingleStep(step)
            box.setDecimals(1)
            box.setSuffix(" %")
            box.setValue(getattr(style, name) * scale)
            box.valueChanged.connect(lambda value, n=name, s=scale: self._set(**{n: value / s}))
            self.numbers[name] = box
        self.colours: dict[str, QPushButton] = {}
        titles = {"colour": self.tr("Text Colour"), "outline_colour": self.tr("Outline Colour"),
                  "shadow_colour": self.tr("Shadow Colour")}  # fmt: skip
        for name, title in titles.items():
            button = QPushButton()
            button.setToolTip(title)
            button.clicked.connect(lambda _checked=False, n=name, t=title: self.pick_colour(n, t))
            self.colours[name] = button
        form.addRow(self.tr("&Size (of the picture's height):"), self.numbers["size"])
        form.addRow(self.tr("Text colour:"), self.colours["colour"])
        outline_row = QHBoxLayout()
        outline_row.addWidget(self.numbers["outline"])
        outline_row.addWidget(self.colours["outline_colour"])
        _row(form, self.tr("&Outline (of the text size):"), outline_row, self.numbers["outline"])
        shadow_row = QHBoxLayout()
        shadow_row.addWidget(self.numbers["shadow"])
        shadow_row.addWidget(self.colours["shadow_colour"])
        _row(form, self.tr("S&hadow (of the picture's height):"), shadow_row, self.numbers["shadow"])
        margins = QHBoxLayout()
        for name in ("margin_left", "margin_right"):
            margins.addWidget(self.numbers[name])
        _row(form, self.tr("&Left and right margins (of the width):"), margins, self.numbers["margin_left"])
        form.addRow(self.tr("&Vertical margin (of the height):"), self.numbers["margin_vertical"])
        self.positions = QButtonGroup(self)
        grid = QGridLayout()
        names = {7: self.tr("Top left"), 8: self.tr("Top centre"), 9: self.tr("Top right"),
                 4: self.tr("Middle left"), 5: self.tr("Middle"), 6: self.tr("Middle right"),
                 1: self.tr("Bottom left"), 2: self.tr("Bottom centre"), 3: self.tr("Bottom right")}  # fmt: skip
        for number, arrow in _ARROWS.items():
            button = QToolButton()
            button.setText(arrow)
            button.setToolTip(names[number])
            button.setAccessibleName(names[number])
            button.setCheckable(True)
            button.setChecked(number == style.alignment)
            self.positions.addButton(button, number)
            grid.addWidget(button, 2 - (number - 1) // 3, (number - 1) % 3)
        self.positions.idClicked.connect(lambda number: self._set(alignment=number))
        _row(form, self.tr("&Position:"), grid, self.positions.button(style.alignment))
        form.addRow(self.tr("&Translation size (of the text):"), self.numbers["translation_size"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self.show_style(DEFAULT_STYLE))
        form.addRow(buttons)
        self._paint_colours()

    def _set(self, **changes: Any) -> None:
        if self._setting:
            return
        self.style = self.style.replace(**changes)
        self.styleChanged.emit(self.style)

    def show_style(self, style: SubtitleStyle) -> None:
        """Every field as ``style`` says (Restore Defaults), previewed."""
        self._setting = True
        try:
            self.font_box.setCurrentFont(QFont(style.font) if style.font else QFont())
            self.bold.setChecked(style.bold)
            self.italic.setChecked(style.italic)
            for name, (scale, _step) in _NUMBERS.items():
                self.numbers[name].setValue(getattr(style, name) * scale)
            self.positions.button(style.alignment).setChecked(True)
        finally:
            self._setting = False
        self.style = style
        self._paint_colours()
        self.styleChanged.emit(style)

    def set_colour(self, name: str, colour: QColor) -> None:
        """One of the three colours (``colour``, ``outline_colour``, ``shadow_colour``)."""
        self._set(**{name: colour_of(colour.alpha(), colour.red(), colour.green(), colour.blue())})
        self._paint_colours()

    def pick_colour(self, name: str, title: str) -> None:
        alpha, red, green, blue = argb(getattr(self.style, name))
        options = QColorDialog.ColorDialogOption.ShowAlphaChannel
        chosen = QColorDialog.getColor(QColor(red, green, blue, alpha), self, title, options)
        if chosen.isValid():
            self.set_colour(name, chosen)

    def _paint_colours(self) -> None:
        for name, button in self.colours.items():
            alpha, red, green, blue = argb(getattr(self.style, name))
            swatch = QPixmap(32, 16)
            swatch.fill(QColor(red, green, blue, alpha))
            button.setIcon(QIcon(swatch))


def _row(form: QFormLayout, text: str, layout: Any, buddy: QWidget) -> None:
    """A row of several widgets, its label's mnemonic going to ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, layout)


class StyleFeature(QObject):
    """The document's style on the picture pane, and the dialog that edits it."""

    def __init__(self, host: Any, canvas: Any) -> None:
        super().__init__(canvas)
        self.host, self.canvas = host, canvas
        self.action = QAction(self.tr("Subtitle &Style…"), self)
        self.action.triggered.connect(lambda: self.edit())
        host.state.metadataChanged.connect(lambda *_: self.follow())
        host.state.documentReplaced.connect(lambda *_: self.follow())
        self.follow()

    def follow(self) -> None:
        self.canvas.set_style(self.host.state.doc.settings.style)

    def edit(self, *, choose: Any = None) -> bool:
        """Show the dialog (``choose(dialog)`` instead: tests); True when a new style was kept."""
        before = self.host.state.doc.settings.style
        dialog = StyleDialog(before, self.host.dialog_parent())
        sample = self.tr("Subtitles look like this")
        dialog.styleChanged.connect(lambda style: self.canvas.set_style(style, sample))
        self.canvas.set_style(before, sample)
        accepted = choose(dialog) if choose is not None else dialog.exec() == QDialog.DialogCode.Accepted
        self.canvas.set_style(before)
        if not accepted or dialog.style == before:
            return False
        settings = self.host.state.doc.settings.replace(style=dialog.style)
        self.host.state.set_metadata(self.tr("Subtitle style"), settings=settings)
        self.follow()
        return True
