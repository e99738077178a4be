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
TRANSLATION_SHARE = 0.8  # the translation's line, as a share of the text's size (as bilingual ASS writes it)
MARGIN_SHARE = 0.06  # distance from the picture's bottom (or top) edge
WIDTH_SHARE = 0.9  # lines wrap beyond this share of the picture's width
OUTLINE_SHARE = 0.16  # outline width as a share of the text height
_ASS_TAG = re.compile(r"\{\\[^}]*\}")
_ASS_TOP = re.compile(r"\{\\[^}]*\\?an[789][^}]*\}")
# where a line may wrap inside a "word": between two characters of the unspaced scripts (Chinese, Japanese), as
# players wrap them; a Latin word inside such a line stays whole; no line starts with closing punctuation
_UNSPACED = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CLOSING = "\u3001\u3002\uff0c\uff01\uff1f\uff1b\uff1a\u300d\u300f\uff09"  # 、。，！？；：」』）
_WRAP_PIECE = re.compile(f"[{_UNSPACED}][{_CLOSING}]*|[^{_UNSPACED}]+")
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


Run = tuple[str, bool, bool]  # text, italic, bold
_STYLE_MARK = re.compile(r"<(/?)([ib])\b[^>]*>|</?(?:u|font)\b[^>]*>|\{(\\[^}]*)\}|\\N|\n", re.IGNORECASE)
_ASS_STYLE = re.compile(r"\\(?:([ib])(\d+)|(r))")  # \i1, \b700, \r; not \bord2 or \blur3


def styled_runs(text: str) -> list[list[Run]]:
    """The cue's lines as runs of text with their italic and bold, from ``<i>``/``<b>`` and ASS ``{\\i1}``/
    ``{\\b1}`` marks (other marks taken out), as a player shows them."""
    lines: list[list[Run]] = [[]]
    italic = bold = False
    at = 0
    for mark in _STYLE_MARK.finditer(text):
        if mark.start() > at:
            lines[-1].append((text[at : mark.start()], italic, bold))
        at = mark.end()
        whole = mark.group(0)
        if whole in ("\\N", "\n"):
            lines.append([])
        elif mark.group(2):  # <i>, </i>, <b>, </b>
            on = not mark.group(1)
            italic, bold = (on, bold) if mark.group(2).lower() == "i" else (italic, on)
        elif mark.group(3) is not None:  # an ASS override block
            for tag, value, reset in _ASS_STYLE.findall(mark.group(3)):
                if reset:
                    italic = bold = False
                elif tag == "i":
                    italic = value not in ("", "0")
                else:
                    bold = value not in ("", "0")
    if at < len(text):
        lines[-1].append((text[at:], italic, bold))
    return lines


def _font(base: QFont, italic: bool, bold: bool) -> QFont:
    font = QFont(base)
    font.setItalic(italic)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    return font


def wrap_runs(lines: list[list[Run]], base: QFont, width: float) -> list[list[tuple[str, QFont]]]:
    """Each line's words with their fonts, a line broken at spaces (and between Chinese or Japanese characters)
    where it is wider than ``width``."""
    out: list[list[tuple[str, QFont]]] = []
    for runs in lines:
        words: list[tuple[str, QFont, bool]] = []  # word, font, a space before it
        space = False
        for chunk, italic, bold in runs:
            font = _font(base, italic, bold)
            for k, word in enumerate(chunk.split(" ")):
                if k:
                    space = True
                for n, piece in enumerate(_WRAP_PIECE.findall(word)):
                    words.append((piece, font, not n and space and bool(words)))
                    space = False
        line: list[tuple[str, QFont]] = []
        used = 0.0
        for word, font, spaced in words:
            piece = (" " + word) if spaced and line else word
            advance = QFontMetricsF(font).horizontalAdvance(piece)
            if line and used + advance > width:
                out.append(line)
                line, piece = [], word
                advance = QFontMetricsF(font).horizontalAdvance(piece)
                used = 0.0
            line.append((piece, font))
            used += advance
        if line:
            out.append(line)
    return out


def paint_subtitle(
    painter: QPainter, picture: QRectF, text: str, *, top: bool = False, translation: str = ""
) -> list[QRectF]:
    """Draw ``text`` over ``picture`` as a player would, italics slanted and bold heavier, and its
    ``translation`` (a bilingual preview) as a smaller line below it; returns each line's rectangle (for tests)."""
    if not shown_text(text) or picture.height() < 8:
        text = ""
    if not shown_text(translation) or picture.height() < 8:
        translation = ""
    if not text and not translation:
        return []
    size = max(6, round(picture.height() * TEXT_SHARE))
    width = picture.width() * WIDTH_SHARE
    blocks = []  # (lines, font) from the top down
    for part, share in ((text, 1.0), (translation, TRANSLATION_SHARE)):
        if part:
            font = QFont(painter.font())
            font.setPixelSize(max(6, round(size * share)))
            font.setWeight(QFont.Weight.DemiBold)
            blocks.append((wrap_runs(styled_runs(part.strip()), font, width), font))
    height = sum(QFontMetricsF(font).lineSpacing() * len(lines) for lines, font in blocks)
    margin = picture.height() * MARGIN_SHARE
    y = picture.top() + margin if top else picture.bottom() - margin - height
    rects: list[QRectF] = []
    for lines, font in blocks:
        rects += _paint_lines(painter, picture, lines, font, y)
        y += QFontMetricsF(font).lineSpacing() * len(lines)
    return rects


def _paint_lines(painter: QPainter, picture: QRectF, lines: list, font: QFont, y: float) -> list[QRectF]:
    metrics = QFontMetricsF(font)
    line_height = metrics.lineSpacing()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QPen(QColor(0, 0, 0, 230), max(1.5, font.pixelSize() * OUTLINE_SHARE))
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    rects: list[QRectF] = []
    path = QPainterPath()
    for i, line in enumerate(lines):
        advances = [QFontMetricsF(f).horizontalAdvance(piece) for piece, f in line]
        width = sum(advances)
        x = picture.left() + (picture.width() - width) / 2
        baseline = y + i * line_height + metrics.ascent()
        left = x
        for (piece, f), advance in zip(line, advances, strict=True):
            path.addText(QPointF(left, baseline), f, piece)
            left += advance
        rects.append(QRectF(x, y + i * line_height, width, line_height))
    painter.strokePath(path, outline)
    painter.fillPath(path, QColor(255, 255, 255))
    painter.restore()
    return rects


class VideoCanvas(QWidget):
    """The current frame, letterboxed, with the current cue over it (notes go beside it: PictureController.note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.subtitle = ""
        self.translation = ""  # drawn smaller under the text (View ▸ Show Translation on Picture)
        self.top = False
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_subtitle(self, text: str, top: bool = False, translation: str = "") -> None:
        if (text, top, translation) != (self.subtitle, self.top, self.translation):
            self.subtitle, self.top, self.translation = text, top, translation
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
        paint_subtitle(painter, picture, self.subtitle, top=self.top, translation=self.translation)
