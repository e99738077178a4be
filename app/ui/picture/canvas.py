"""The picture with the current cue drawn on it, as a player draws subtitles.

Frames arrive as QImages (from a QVideoSink, see app.ui.picture.controller); the cue is painted over them by
app.render.subtitles.paint_subtitle, the painter the burn uses too (what the user saw is what gets burned).
Tests paint onto a QImage: no video output is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.styles import DEFAULT_STYLE, SubtitleStyle
from app.render.subtitles import paint_subtitle


def fit_rect(image_size: QSize, area: QRectF) -> QRectF:
    """The largest rectangle of the image's aspect ratio centred in ``area`` (letterbox or pillarbox)."""
    if image_size.isEmpty() or area.isEmpty():
        return QRectF(area)
    scale = min(area.width() / image_size.width(), area.height() / image_size.height())
    w, h = image_size.width() * scale, image_size.height() * scale
    return QRectF(area.left() + (area.width() - w) / 2, area.top() + (area.height() - h) / 2, w, h)


class VideoCanvas(QWidget):
    """The current frame, letterboxed, with the current cue over it (notes go beside it: PictureController.note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.subtitle = ""
        self.translation = ""  # drawn smaller under the text (View ▸ Show Translation on Picture)
        self.top = False
        self.align: int | None = None  # the cue's own position ({\\anN}), else the style's
        self.languages = ("", "")  # the text's and the translation's (which CJK font falls back to)
        self.style = DEFAULT_STYLE  # the document's (app.ui.picture.style_dialog keeps it, and previews)
        self.sample = ""  # drawn while the style is previewed and no cue shows
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_subtitle(
        self, text: str, top: bool = False, translation: str = "", align: int | None = None,
        languages: tuple[str, str] = ("", ""),
    ) -> None:  # fmt: skip
        if (text, top, translation, align, languages) != (
            self.subtitle, self.top, self.translation, self.align, self.languages
        ):  # fmt: skip
            self.subtitle, self.top, self.translation = text, top, translation
            self.align, self.languages = align, languages
            self.update()

    def set_style(self, style: SubtitleStyle, sample: str = "") -> None:
        """Draw the cues in ``style``; ``sample``: a line to show when no cue shows (a preview)."""
        if (style, sample) != (self.style, self.sample):
            self.style, self.sample = style, sample
            self.update()

    def picture_rect(self) -> QRectF:
        size = self.image.size() if not self.image.isNull() else QSize(16, 9)
        return fit_rect(size, QRectF(self.rect()))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        self.paint(painter)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        picture = self.picture_rect()
        if not self.image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(picture, self.image)
        text = self.subtitle if self.subtitle or self.translation else self.sample
        paint_subtitle(
            painter, picture, text, top=self.top, translation=self.translation, style=self.style, align=self.align,
            language=self.languages[0], translation_language=self.languages[1],
        )  # fmt: skip
