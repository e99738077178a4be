"""The cue list's spelling marks: a red wavy line under each misspelled word of the rows in view, each row in its
cue's language, and the words named in the row's tooltip."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

if TYPE_CHECKING:
    from app.ui.spelling.service import SpellService

_Index = QModelIndex | QPersistentModelIndex


class SpellDelegate(QStyledItemDelegate):
    """Paints the text column as usual, then a wavy line under each misspelled word that is in view."""

    def __init__(self, service: SpellService, view: QTableView, translation: bool = False) -> None:
        super().__init__(view)
        self.service = service
        self.translation = translation  # the Translation column: checked in the translation language
        service.changed.connect(view.viewport().update)

    def _misspelled(self, text: object, row: int) -> list[tuple[int, int]]:
        if not isinstance(text, str):
            return []
        if self.translation:
            return self.service.misspelled(text, self.service.translation_language(), translation=True)
        return self.service.misspelled(text, self.service.language_at(row))

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        """The row's tooltip, with the words not in the dictionary (right-click them in the text box for more)."""
        text = index.data()
        spans = self._misspelled(text, index.row())
        if event.type() != QEvent.Type.ToolTip or not spans:
            return super().helpEvent(event, view, option, index)
        words = ", ".join(dict.fromkeys(text[a:b] for a, b in spans))
        note = QCoreApplication.translate("Spelling", "Not in the dictionary: {words}").format(words=words)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        QToolTip.showText(event.globalPos(), f"{tip}\n{note}" if tip else note, view)
        return True

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        if not self.service.active():
            return
        text = index.data()
        if isinstance(text, str):  # a row shows at most a pixel's worth of characters: the rest is never checked
            text = text[: max(option.rect.width(), 0) + 1]
        spans = self._misspelled(text, index.row()) if isinstance(text, str) and not _right_to_left(text) else []
        if not spans:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        metrics = opt.fontMetrics
        left, right = rect.left() + margin, rect.right() - margin
        y = rect.center().y() + metrics.ascent() // 2 + 2
        painter.save()
        painter.setClipRect(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#e0245e"), 1))
        for start, end in spans:
            x0 = left + metrics.horizontalAdvance(text[:start])
            if x0 >= right:
                break
            x1 = min(left + metrics.horizontalAdvance(text[:end]), right)
            painter.drawPath(_wave(x0, x1, y))
        painter.restore()


def _right_to_left(text: str) -> bool:
    """Arabic or Persian in the row: measuring from the left would put the lines under the wrong words, so the
    list leaves such rows to the text box (which lays them out itself)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ord(ch) >= 0x590)


def _wave(x0: int, x1: int, y: int) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(x0, y)
    x, up = x0, True
    while x < x1:
        x = min(x + 2, x1)
        path.lineTo(x, y - 1 if up else y + 1)
        up = not up
    return path
