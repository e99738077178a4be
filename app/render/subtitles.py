"""Subtitles painted as a player draws them, with QtGui alone (no widgets): the picture pane paints the current
cue over each frame with :func:`paint_subtitle`, and the burn (``python -m app burn``, File ▸ Export ▸ Video with
Burned-in Subtitles) paints each cue once into a transparent overlay (:func:`cue_overlay`) that app.media.burn
blends into the frames, so what the user saw is what gets burned: centred near the bottom (or the top for
``{\\an8}`` or a WebVTT ``line:``), white text with a black outline, italics slanted and bold heavier, its size a
fixed share of the picture's height.

The command line has no window: :func:`ensure_gui` makes the QGuiApplication that fonts need, offscreen when
there is no display.
"""

from __future__ import annotations

import os
import re
import sys

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)

from app.core.styles import DEFAULT_STYLE, SubtitleStyle, argb
from app.render.fallback import font_for

_ASS_TAG = re.compile(r"\{\\[^}]*\}")
_ASS_AN = re.compile(r"\{\\[^}]*?\\?an([1-9])[^}]*\}")
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
    getter = getattr(cue, "get", None)  # the format's fields kept on the cue: "align" ({\\an8}), "vtt.settings"
    kept = [getter("align"), *(getter("vtt.settings") or "").split()] if callable(getter) else []
    for value in [getattr(cue, name, None) for name in ("position", "alignment", "line")] + kept:
        if value is None:
            continue
        shown = str(value).strip().lower()
        if shown in ("top", "an7", "an8", "an9", "7", "8", "9") or shown.startswith(("line:0", "line:1")):
            return True
        match = re.match(r"(?:line:)?\s*(\d+(?:\.\d+)?)%", shown)
        if match and float(match.group(1)) < 50:
            return True
    return False


def cue_alignment(cue: object, text: str | None = None) -> int | None:
    """The numpad position a cue asks for itself (``{\\anN}`` in its text, or the "align" field a format kept),
    or None (the style's position applies)."""
    text = (getattr(cue, "text", "") or "") if text is None else text
    found = _ASS_AN.search(text)
    if found:
        return int(found.group(1))
    getter = getattr(cue, "get", None)
    kept = getter("align") if callable(getter) else None
    return int(kept) if isinstance(kept, str) and kept in "123456789" and len(kept) == 1 else None


def shown_text(text: str) -> str:
    """The words a viewer sees: override tags and simple HTML tags taken out."""
    return _HTML_TAG.sub("", _ASS_TAG.sub("", text)).replace("\\N", "\n").strip()


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
    font.setItalic(italic or base.italic())
    if bold:
        font.setWeight(QFont.Weight.Bold)
    return font


def wrap_runs(lines: list[list[Run]], base: QFont, width: float, language: str = "") -> list[list[tuple[str, QFont]]]:
    """Each line's words with their fonts, a line broken at spaces (and between Chinese or Japanese characters)
    where it is wider than ``width``; a word the font has no glyphs for gets a font that has them
    (:func:`app.render.fallback.font_for`, by the cue's ``language`` for Chinese characters)."""
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
                    words.append((piece, font_for(font, piece, language), not n and space and bool(words)))
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
    painter: QPainter,
    picture: QRectF,
    text: str,
    *,
    top: bool = False,
    translation: str = "",
    style: SubtitleStyle = DEFAULT_STYLE,
    align: int | None = None,
    language: str = "",
    translation_language: str = "",
) -> list[QRectF]:
    """Draw ``text`` over ``picture`` as a player would, in the document's ``style`` (font, colours, outline,
    shadow, margins, position), italics slanted and bold heavier, and its ``translation`` (a bilingual cue) as a
    smaller line below it; returns each line's rectangle (for tests). ``align`` (a numpad position) is the cue's
    own position, else the style's; ``top`` (the cue asks for the top) moves a bottom position up."""
    if not shown_text(text) or picture.height() < 8:
        text = ""
    if not shown_text(translation) or picture.height() < 8:
        translation = ""
    if not text and not translation:
        return []
    at = align if align in range(1, 10) else style.alignment
    if top and at <= 3:
        at += 6
    size = max(6, round(picture.height() * style.size))
    left = picture.left() + picture.width() * style.margin_left
    width = max(8.0, picture.width() * (1 - style.margin_left - style.margin_right))
    blocks = []  # (lines, font) from the top down
    base = QFont(painter.font())
    if style.font:
        base.setFamily(style.font)
    base.setWeight(QFont.Weight.Bold if style.bold else QFont.Weight.DemiBold)
    base.setItalic(style.italic)
    for part, share, lang in ((text, 1.0, language), (translation, style.translation_size, translation_language)):
        if part:
            font = QFont(base)
            font.setPixelSize(max(6, round(size * share)))
            blocks.append((wrap_runs(styled_runs(part.strip()), font, width, lang), font))
    height = sum(QFontMetricsF(font).lineSpacing() * len(lines) for lines, font in blocks)
    margin = picture.height() * style.margin_vertical
    if at >= 7:
        y = picture.top() + margin
    elif at >= 4:
        y = picture.top() + (picture.height() - height) / 2
    else:
        y = picture.bottom() - margin - height
    rects: list[QRectF] = []
    column = (at - 1) % 3  # 0 left, 1 centre, 2 right
    for lines, font in blocks:
        rects += _paint_lines(painter, QRectF(left, picture.top(), width, picture.height()), lines, font, y,
                              style, column, picture.height())  # fmt: skip
        y += QFontMetricsF(font).lineSpacing() * len(lines)
    return rects


def _paint_lines(
    painter: QPainter,
    area: QRectF,
    lines: list,
    font: QFont,
    y: float,
    style: SubtitleStyle,
    column: int,
    picture_height: float,
) -> list[QRectF]:
    metrics = QFontMetricsF(font)
    line_height = metrics.lineSpacing()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QPen(_colour(style.outline_colour), max(1.5, font.pixelSize() * style.outline))
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    rects: list[QRectF] = []
    path = QPainterPath()
    for i, line in enumerate(lines):
        advances = [QFontMetricsF(f).horizontalAdvance(piece) for piece, f in line]
        width = sum(advances)
        x = area.left() + (area.width() - width) * column / 2
        baseline = y + i * line_height + metrics.ascent()
        left = x
        for (piece, f), advance in zip(line, advances, strict=True):
            path.addText(QPointF(left, baseline), f, piece)
            left += advance
        rects.append(QRectF(x, y + i * line_height, width, line_height))
    if style.shadow > 0:  # the letters and their outline, offset right and down, in one translucent colour
        shape = QPainterPathStroker(outline).createStroke(path).united(path) if style.outline > 0 else path
        offset = picture_height * style.shadow
        painter.fillPath(shape.translated(offset, offset), _colour(style.shadow_colour))
    if style.outline > 0:
        painter.strokePath(path, outline)
    painter.fillPath(path, _colour(style.colour))
    painter.restore()
    return rects


def _colour(value: str) -> QColor:
    alpha, red, green, blue = argb(value)
    return QColor(red, green, blue, alpha)


def ensure_gui() -> None:
    """The QGuiApplication that fonts and QPainter need; offscreen where there is no display (a server, a CI)."""
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QGuiApplication(sys.argv[:1])


_APP: QGuiApplication | None = None


def cue_overlay(
    cue: object,
    width: int,
    height: int,
    *,
    style: SubtitleStyle = DEFAULT_STYLE,
    translation: bool = True,
    translation_language: str = "",
) -> tuple[int, int, np.ndarray] | None:
    """The cue painted on a transparent ``width`` x ``height`` picture in ``style``, with its translation below
    it (when it has one and ``translation``) as the picture pane shows it, cut to the rows and columns it covers:
    (top, left, RGBA pixels with straight alpha, uint8 of shape (h, w, 4)); None when it shows nothing."""
    text = getattr(cue, "text", "") or ""
    second = (getattr(cue, "translation", "") or "") if translation else ""
    if not shown_text(text) and not shown_text(second):
        return None
    ensure_gui()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    rects = paint_subtitle(
        painter, QRectF(0, 0, width, height), text, top=cue_wants_top(cue), translation=second, style=style,
        align=cue_alignment(cue), language=getattr(cue, "language", "") or "",
        translation_language=translation_language,
    )  # fmt: skip
    painter.end()
    if not rects:
        return None
    pixels = image.convertToFormat(QImage.Format.Format_RGBA8888)
    stride = pixels.bytesPerLine()
    whole = np.frombuffer(pixels.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    whole = whole[:, : width * 4].reshape(height, width, 4)
    rows = np.flatnonzero(whole[:, :, 3].any(axis=1))
    columns = np.flatnonzero(whole[:, :, 3].any(axis=0))
    if not len(rows):
        return None
    top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(columns[0]), int(columns[-1]) + 1
    return top, left, whole[top:bottom, left:right].copy()
