"""The picture with the current cue drawn on it, as a player draws subtitles.

Frames arrive as QImages (from a QVideoSink, see app.ui.picture.controller); the cue is painted over them by
:func:`paint_subtitle`: centred, near the bottom (or the top when the cue asks for it with ``{\\an8}`` or a
WebVTT ``line:`` setting), white text with a black outline, its size a fixed share of the picture's height so it
scales with the picture. Tests paint onto a QImage: no video output is needed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

TEXT_SHARE = 0.055  # text height as a share of the picture's height (about 60 px on 1080 lines)
MARGIN_SHARE = 0.06  # distance from the picture's bottom (or top) edge
WIDTH_SHARE = 0.9  # lines wrap beyond this share of the picture's width
OUTLINE_SHARE = 0.16  # outline width as a share of the text height
_ASS_TAG = re.compile(r"\{\\[^}]*\}")
_ASS_TOP = re.compile(r"\{\\[^}]*\\?an[789][^}]*\}")
_HTML_TAG = re.compile(r"</?(?:i|b|u|font)[^>]*>", re.IGNORECASE)


def cue_wants_top(cue: object, text: str | None = None) -> bool:
    """Whether a cue asks to be shown at the top: ``{\\an7-9}`` in its text (``text``: as being typed), or a
    position field that says so (a WebVTT ``line:`` near the top, an ``an8`` alignment) where the format kept one
    on the cue."""
    text = (getattr(cue, "text", "") or "") if text is None else text
    if _ASS_TOP.search(text):
        return True
    for name in ("position", "alignment", "line"):
        value = getattr(cue, name, None)
        if value is None:
            continue
        shown = str(value).strip().lower()
        if shown in ("top", "an7", "an8", "an9", "7", "8", "9") or shown.startswith(("line:0", "line:1")):
            return True
        match = re.match(r"(?:line:)?\s*(\d+(?:\.\d+)?)%", shown)
        if match and float(match.group(1)) < 50:
            return True
    return False


def shown_text(text: str) -> str:
    """The words a viewer sees: override tags and simple HTML tags taken out."""
    return _HTML_TAG.sub("", _ASS_TAG.sub("", text)).replace("\\N", "\n").strip()


def fit_rect(image_size: QSize, area: QRectF) -> QRectF:
    """The largest rectangle of the image's aspect ratio centred in ``area`` (letterbox or pillarbox)."""
    if image_size.isEmpty() or area.isEmpty():
        return QRectF(area)
    scale = min(area.width() / image_size.width(), area.height() / image_size.height())
    w, h = image_size.width() * scale, image_size.height() * scale
    return QRectF(area.left() + (area.width() - w) / 2, area.top() + (area.height() - h) / 2, w, h)


def wrap_lines(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """The cue's own lines, each broken at spaces where it is wider than ``width``."""
    lines: list[str] = []
    for line in text.split("\n"):
        words, current = line.split(" "), ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return [line for line in lines if line.strip()] or []


def paint_subtitle(painter: QPainter, picture: QRectF, text: str, *, top: bool = False) -> list[QRectF]:
    """Draw ``text`` over ``picture`` as a player would; returns each line's rectangle (for tests)."""
    text = shown_text(text)
    if not text or picture.height() < 8:
        return []
    font = QFont(painter.font())
    font.setPixelSize(max(6, round(picture.height() * TEXT_SHARE)))
    font.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetricsF(font)
    lines = wrap_lines(text, metrics, picture.width() * WIDTH_SHARE)
    line_height = metrics.lineSpacing()
    margin = picture.height() * MARGIN_SHARE
    y = picture.top() + margin if top else picture.bottom() - margin - line_height * len(lines)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QPen(QColor(0, 0, 0, 230), max(1.5, font.pixelSize() * OUTLINE_SHARE))
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    rects: list[QRectF] = []
    path = QPainterPath()
    for i, line in enumerate(lines):
        width = metrics.horizontalAdvance(line)
        x = picture.left() + (picture.width() - width) / 2
        baseline = y + i * line_height + metrics.ascent()
        path.addText(QPointF(x, baseline), font, line)
        rects.append(QRectF(x, y + i * line_height, width, line_height))
    painter.strokePath(path, outline)
    painter.fillPath(path, QColor(255, 255, 255))
    painter.restore()
    return rects


class VideoCanvas(QWidget):
    """The current frame, letterboxed, with the current cue over it and a note when there is no picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.subtitle = ""
        self.top = False
        self.note = ""
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_subtitle(self, text: str, top: bool = False) -> None:
        if (text, top) != (self.subtitle, self.top):
            self.subtitle, self.top = text, top
            self.update()

    def set_note(self, note: str) -> None:
        self.note = note
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
        if self.note:
            painter.setPen(QColor(200, 200, 200))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(picture.adjusted(12, 12, -12, -12), flags, self.note)
        paint_subtitle(painter, picture, self.subtitle, top=self.top)
