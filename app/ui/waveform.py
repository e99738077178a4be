"""The waveform with the cues laid on it: zoom, scroll, click to seek or select, drag edges and cues.

The samples are never touched here: the curve is drawn from the envelope pyramid at the resolution of
the screen, and only the cues inside the visible range are painted, so a 2-hour file with thousands of
cues scrolls as fast as a short one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen, QStaticText, QTransform

from app.core.commands import SetTimes
from app.core.document import Change
from app.core.timing import DragMode, constrain
from app.ui.palette import colours, theme
from app.ui.state import EditorState

EDGE_PIXELS = 6  # how close to an edge the pointer must be to grab it
SNAP_PIXELS = 8  # how close to a neighbour an edge snaps onto it
DENSE_CUES = 150  # more cues than this in view: draw bands, not cue by cue
CLIP_MARGIN = 16  # pixels beyond the view that clipped shapes reach, so that their cut edges stay unseen
MAX_SECONDS = 360_000.0  # 100 hours: longer than any time a project or an SRT can hold


def _clip_x(rect: QRectF, area: QRectF) -> QRectF | None:
    """The part of `rect` between the area's left and right (a zero-width cue keeps its line); None when outside."""
    if rect.right() < area.left() or rect.left() > area.right():
        return None
    left, right = max(rect.left(), area.left()), min(rect.right(), area.right())
    return QRectF(left, rect.top(), right - left, rect.height())


def label_rows(spans: list[tuple[float, float]]) -> list[int]:
    """The text row of each cue's label: overlapping cues (an imported file, a drag in progress) get their labels
    one under the other instead of drawn over each other. ``spans``: left and right of each cue on screen, in
    order of start."""
    row_ends: list[float] = []  # right edge of the last label in each row
    rows = []
    for left, right in spans:
        row = next((r for r, end in enumerate(row_ends) if end <= left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(right)
        else:
            row_ends[row] = right
        rows.append(row)
    return rows


class CueLayer(pg.GraphicsObject):
    """Paints the visible cues as regions with their text and turns mouse drags into timing edits."""

    def __init__(self, view: WaveformView):
        super().__init__()
        self.view = view
        self.state = view.state
        self._starts = np.zeros(0, dtype=np.float64)  # ms
        self._ends = np.zeros(0, dtype=np.float64)
        self._reach = self._ends  # running maximum of the ends: finds the first cue that reaches into view
        self._drag: tuple[int, DragMode, int, int, float] | None = None
        self._labels: dict[tuple[int, str, int], QStaticText] = {}
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.refresh()

    # -- data ----------------------------------------------------------------------------------------
    def refresh(self, change: Change | None = None) -> None:
        """The cues' times as arrays; a change of some cues updates only theirs (an edit in 200,000 cues rebuilt
        them all: 60 ms a keystroke-sized edit)."""
        doc = self.state.doc
        if change is not None and change.kind == "changed" and len(self._starts) == len(doc):
            for i in range(change.index, change.index + change.count):
                self._starts[i], self._ends[i] = doc[i].start, doc[i].end
        else:
            cues = doc.cues
            self._starts = np.fromiter((c.start for c in cues), dtype=np.float64, count=len(cues))
            self._ends = np.fromiter((c.end for c in cues), dtype=np.float64, count=len(cues))  # any size of int
        self._reach = np.maximum.accumulate(self._ends) if len(self._ends) else self._ends
        self._start_s = self._starts / 1000
        self._end_s = self._ends / 1000
        self.prepareGeometryChange()
        self.update()

    def visible_range(self, x0: float, x1: float) -> range:
        """Indices of cues that overlap [x0, x1] seconds."""
        lo = int(np.searchsorted(self._reach, int(x0 * 1000), side="left"))
        hi = int(np.searchsorted(self._starts, int(x1 * 1000), side="right"))
        return range(lo, max(lo, hi))

    def boundingRect(self) -> QRectF:
        end = max(int(self._reach[-1]) if len(self._reach) else 0, self.state.media_end or 0) / 1000
        return QRectF(0, -1.0, min(max(end, 1.0), MAX_SECONDS), 2.0)

    # -- painting ------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, *_: object) -> None:
        vb = self.getViewBox()
        if vb is None or not len(self._starts):
            return
        (x0, x1), _ = vb.viewRange()
        visible = self.visible_range(x0, x1)
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # Everything is drawn clipped to the view (plus a margin that keeps clipped edges out of sight): a cue
        # that reaches billions of pixels away overflows Qt's integer rasteriser, which crashes the process.
        area = QRectF(painter.viewport()).adjusted(-CLIP_MARGIN, -CLIP_MARGIN, CLIP_MARGIN, CLIP_MARGIN)
        if len(visible) > DENSE_CUES:
            self._paint_dense(painter, to_device, visible, area)
        else:
            self._paint_each(painter, to_device, visible, area)
        painter.restore()

    def _paint_each(self, painter: QPainter, to_device: QTransform, visible: range, area: QRectF) -> None:
        """Few cues in view: each with its edges and its text."""
        cues = self.state.doc
        selected = set(self.state.selection)
        font = QFont(painter.font())
        font.setPointSizeF(9)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        shown: list[tuple[int, QRectF]] = []  # each visible cue and its rectangle, clipped to the view
        for i in visible:
            span = QRectF(cues[i].start / 1000, -1.0, max(cues[i].duration, 0) / 1000, 2.0)
            rect = _clip_x(to_device.mapRect(span), area)
            if rect is not None:
                shown.append((i, rect))
        rows = label_rows([(r.left(), r.right()) for _i, r in shown])
        line = metrics.lineSpacing() + 2
        c = colours()
        for (i, rect), row in zip(shown, rows, strict=True):
            cue = cues[i]
            painter.fillRect(rect, c.cue_selected if i in selected else c.cue_fill)
            painter.setPen(QPen(c.cue_edited if cue.edited else c.cue_edge, 2 if i in selected else 1))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.drawLine(rect.topRight(), rect.bottomRight())
            top = rect.top() + 4 + row * line
            if rect.width() > 24 and top + line < rect.bottom():
                painter.setPen(c.cue_text)
                painter.drawStaticText(int(rect.left()) + 4, int(top), self._label(i, cue.text, rect, metrics))

    def _label(self, index: int, text: str, rect: QRectF, metrics: QFontMetrics) -> QStaticText:
        """The cue's label elided to its width; laid out once and kept (scrolling repaints the same labels)."""
        width = int(rect.width()) - 8
        key = (index, text, width)
        label = self._labels.get(key)
        if label is None:
            if len(self._labels) > 2000:
                self._labels.clear()
            shown = metrics.elidedText(f"{index + 1}  " + text.replace("\n", " "), Qt.TextElideMode.ElideRight, width)
            label = QStaticText(shown)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._labels[key] = label
        return label

    def _paint_dense(self, painter: QPainter, to_device: QTransform, visible: range, area: QRectF) -> None:
        """Many cues in view (a zoomed-out long file): cues that meet on screen are drawn as one band."""
        top = to_device.map(0.0, 1.0)[1]
        bottom = to_device.map(0.0, -1.0)[1]
        y0, height = min(top, bottom), abs(bottom - top)
        scale, offset = to_device.m11(), to_device.m31()
        lo, hi = area.left(), area.right()
        left = np.clip(np.floor(self._start_s[visible.start : visible.stop] * scale + offset), lo, hi)
        right = np.clip(np.ceil(self._end_s[visible.start : visible.stop] * scale + offset), lo, hi)
        reach = np.maximum.accumulate(right)
        new_band = np.ones(len(left), dtype=bool)
        new_band[1:] = left[1:] > reach[:-1] + 1  # a visible gap of at least a pixel starts a new band
        firsts = np.flatnonzero(new_band)
        lasts = np.append(firsts[1:] - 1, len(left) - 1)
        rects = [QRectF(left[a], y0, max(reach[b] - left[a], 1.0), height) for a, b in zip(firsts, lasts, strict=True)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours().cue_fill)
        painter.drawRects(rects)
        painter.setBrush(colours().cue_selected)
        for i in self.state.selection:
            if visible.start <= i < visible.stop:
                span = to_device.mapRect(QRectF(self._start_s[i], -1.0, self._end_s[i] - self._start_s[i], 2.0))
                span = _clip_x(span, area)
                if span is not None:
                    painter.drawRect(span)

    # -- pointer -------------------------------------------------------------------------------------
    def hit(self, x_seconds: float) -> tuple[int, DragMode] | None:
        """The cue under the pointer and which part of it: an edge (start/end) or the body (move)."""
        pixel = max(self.pixelWidth(), 1e-9)
        slack = EDGE_PIXELS * pixel
        best: tuple[int, DragMode] | None = None
        for i in self.visible_range(x_seconds - slack, x_seconds + slack):
            cue = self.state.doc[i]
            start, end = cue.start / 1000, cue.end / 1000
            if abs(x_seconds - start) <= slack:
                best = (i, "start")
            elif abs(x_seconds - end) <= slack:
                return i, "end"
            elif start <= x_seconds <= end and best is None:
                best = (i, "move")
        return best

    def hoverEvent(self, ev) -> None:
        if ev.isExit():
            self.unsetCursor()
            return
        hit = self.hit(ev.pos().x())
        if hit and hit[1] != "move":
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.unsetCursor()

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        x = ev.pos().x()
        hit = self.hit(x)
        if hit is not None and hit[1] == "move":
            self.state.select([hit[0]])
        self.view.seekRequested.emit(max(int(x * 1000), 0))

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            hit = self.hit(ev.buttonDownPos().x())
            if hit is None or self.state.doc[hit[0]].locked:
                ev.ignore()  # the view pans instead
                return
            index, mode = hit
            cue = self.state.doc[index]
            self._drag = (index, mode, cue.start, cue.end, ev.buttonDownPos().x())
            labels = {
                "start": QCoreApplication.translate("CueLayer", "Drag cue start"),
                "end": QCoreApplication.translate("CueLayer", "Drag cue end"),
                "move": QCoreApplication.translate("CueLayer", "Move cue"),
            }
            label = labels[mode]
            self.state.stack.begin(label)
            self.state.select([index])
        if self._drag is None:
            ev.ignore()
            return
        ev.accept()
        index, mode, start0, end0, x0 = self._drag
        delta = round((ev.pos().x() - x0) * 1000)
        start, end = start0, end0
        if mode in ("start", "move"):
            start += delta
        if mode in ("end", "move"):
            end += delta
        if self.state.snap_guide is not None:  # a video: shot changes (and frames, if asked) first
            start, end = self.state.snap_guide.apply(mode, start, end)
        snap = int(SNAP_PIXELS * self.pixelWidth() * 1000)
        start, end = constrain(
            self.state.doc.cues, index, mode, start, end, snap=snap, media_end=self.state.media_end,
            min_gap=self.state.limits.min_gap_ms,
        )  # fmt: skip
        cue = self.state.doc[index]
        if (start, end) != (cue.start, cue.end):
            self.state.push(SetTimes(index, start, end))
        if ev.isFinish():
            self._drag = None
            self.state.stack.commit()

    def cancel_drag(self) -> None:
        """Escape during a drag: put the cue back and leave no undo step."""
        if self._drag is not None:
            self._drag = None
            self.state.stack.abort()


class WaveformView(pg.PlotWidget):
    """The audio's envelope over time (seconds on the x axis) with cues and a playhead."""

    seekRequested = Signal(int)  # ms

    def __init__(self, state: EditorState):
        super().__init__(background=colours().waveform_background)
        self.state = state
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(x=True, y=False)
        self.hideAxis("left")
        self.showGrid(x=True, y=False, alpha=colours().waveform_grid_alpha)
        self.getPlotItem().setContentsMargins(0, 0, 0, 0)
        self.setYRange(-1.0, 1.0, padding=0.02)
        self.getViewBox().disableAutoRange()  # bounds are known: no item-bounds search on every change
        self.curve = pg.PlotCurveItem(pen=pg.mkPen(colours().waveform_curve, width=1), connect="pairs")
        self.curve.setZValue(5)
        self.addItem(self.curve)
        self.cues = CueLayer(self)
        self.addItem(self.cues)
        self.playhead = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=pg.mkPen(colours().playhead, width=2))
        self.playhead.setZValue(20)
        self.addItem(self.playhead)
        self.follow_playhead = True
        vb = self.getViewBox()
        vb.sigXRangeChanged.connect(self._update_curve)
        vb.sigResized.connect(self._update_curve)
        state.cuesChanged.connect(self.cues.refresh)
        state.documentReplaced.connect(lambda: self.cues.refresh())
        state.selectionChanged.connect(self._on_selection)
        state.mediaChanged.connect(self._on_media)
        theme().changed.connect(self.apply_colours)
        self._on_media()

    # -- media ---------------------------------------------------------------------------------------
    def duration_s(self) -> float:
        if self.state.media_end:
            return self.state.media_end / 1000
        ends = [c.end for c in self.state.doc]
        return max(ends, default=10_000) / 1000

    def apply_colours(self) -> None:
        """The theme changed: the background, curve, grid and playhead take its colours; the cues repaint."""
        c = colours()
        self.setBackground(c.waveform_background)
        self.curve.setPen(pg.mkPen(c.waveform_curve, width=1))
        self.playhead.setPen(pg.mkPen(c.playhead, width=2))
        self.showGrid(x=True, y=False, alpha=c.waveform_grid_alpha)
        self.cues.update()

    def _on_media(self) -> None:
        total = max(self.duration_s(), 1.0)
        self.getViewBox().setLimits(xMin=0, xMax=total, minXRange=0.05)
        self.setXRange(0, min(total, 30.0), padding=0)
        self.cues.refresh()
        self._update_curve()

    def _update_curve(self, *_: object) -> None:
        audio = self.state.audio
        if audio is None:
            self.curve.setData([], [])
            return
        (x0, x1), _ = self.getViewBox().viewRange()
        x0, x1 = max(x0, 0.0), min(x1, audio.duration_ms / 1000)
        width = max(int(self.getViewBox().width()), 1)
        if x1 <= x0:
            self.curve.setData([], [])
            return
        mins, maxs = audio.envelope.minmax(x0 * 1000, x1 * 1000, width)
        n = len(mins)
        if n == 0:
            self.curve.setData([], [])
            return
        xs = np.repeat(np.linspace(x0, x1, n, dtype=np.float64), 2)
        ys = np.empty(2 * n, dtype=np.float64)
        ys[0::2] = mins
        ys[1::2] = maxs
        self.curve.setData(xs, ys, skipFiniteCheck=True)

    # -- navigation ----------------------------------------------------------------------------------
    def visible_ms(self) -> tuple[int, int]:
        (x0, x1), _ = self.getViewBox().viewRange()
        return int(x0 * 1000), int(x1 * 1000)

    def zoom(self, factor: float, centre_ms: int | None = None) -> None:
        """factor < 1 zooms in."""
        x0, x1 = (v / 1000 for v in self.visible_ms())
        centre = (x0 + x1) / 2 if centre_ms is None else centre_ms / 1000
        half = max((x1 - x0) * factor / 2, 0.025)
        self.setXRange(centre - half, centre + half, padding=0)

    def scroll_by(self, fraction: float) -> None:
        x0, x1 = (v / 1000 for v in self.visible_ms())
        step = (x1 - x0) * fraction
        self.setXRange(x0 + step, x1 + step, padding=0)

    def show_range(self, start_ms: int, end_ms: int) -> None:
        """Scroll so that the range is visible, keeping the zoom when it fits."""
        x0, x1 = self.visible_ms()
        if start_ms >= x0 and end_ms <= x1:
            return
        width = max(x1 - x0, end_ms - start_ms + 1000)
        left = max(start_ms - (width - (end_ms - start_ms)) // 4, 0)
        self.setXRange(left / 1000, (left + width) / 1000, padding=0)

    def set_playhead(self, ms: int) -> None:
        self.playhead.setValue(ms / 1000)
        if self.follow_playhead:
            x0, x1 = self.visible_ms()
            if not x0 <= ms <= x1:
                width = x1 - x0
                self.setXRange(ms / 1000 - width * 0.1 / 1000, ms / 1000 + width * 0.9 / 1000, padding=0)

    def _on_selection(self, rows: list[int]) -> None:
        self.cues.update()
        if rows:
            cue = self.state.doc[rows[0]]
            self.show_range(cue.start, cue.end)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cues.cancel_drag()
        super().keyPressEvent(event)
