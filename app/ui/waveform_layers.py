"""What the picture adds to the waveform view: shot-change lines, and the spectrogram in place of the curve.

Both are pyqtgraph items laid into an existing WaveformView (``view.addItem``); the view itself does not know
them. Both draw only what is in view: the lines of the visible cuts, the spectrogram's columns of the visible
range at about one per pixel (from its pyramid), so an hour scrolls as fast as a minute.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

SHOT_COLOUR = QColor(240, 90, 200)
MAX_LINES = 2000  # more cuts than this in view are drawn as they come, one pixel apart at most


class ShotLayer(pg.GraphicsObject):
    """A vertical line at each shot change (seconds on the x axis)."""

    def __init__(self) -> None:
        super().__init__()
        self.cuts_ms: list[int] = []
        self.setZValue(12)  # above the cue regions, under the playhead

    def set_cuts(self, cuts_ms: Sequence[int]) -> None:
        self.cuts_ms = sorted(cuts_ms)
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        end = (self.cuts_ms[-1] / 1000) if self.cuts_ms else 1.0
        return QRectF(0, -1.0, max(end, 1.0), 2.0)

    def visible_cuts(self, x0: float, x1: float) -> list[int]:
        lo, hi = bisect_left(self.cuts_ms, int(x0 * 1000)), bisect_right(self.cuts_ms, int(x1 * 1000) + 1)
        return self.cuts_ms[lo:hi]

    def paint(self, painter: QPainter, *_: object) -> None:
        vb = self.getViewBox()
        if vb is None or not self.cuts_ms:
            return
        (x0, x1), _ = vb.viewRange()
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(SHOT_COLOUR, 1.5))
        top, bottom = to_device.map(0.0, 1.0)[1], to_device.map(0.0, -1.0)[1]
        xs: list[float] = []
        for ms in self.visible_cuts(x0, x1):
            x = round(to_device.map(ms / 1000, 0.0)[0])
            if not xs or x - xs[-1] >= 1:
                xs.append(x)
            if len(xs) > MAX_LINES:
                break
        painter.drawLines([QLineF(x, top, x, bottom) for x in xs])
        painter.restore()


def spectrum_colours(light: bool = False) -> np.ndarray:
    """A lookup table for 0-255 levels: on a dark theme silence is black and loud is bright (blue, magenta,
    orange, white); on a light one silence is the background's near-white and loud is dark, so the cue labels
    (drawn in the theme's text colour) stay readable over it."""
    stops = np.array([[0, 0, 0], [20, 30, 120], [150, 40, 150], [250, 140, 40], [255, 255, 230]], np.float64)
    if light:
        stops = np.array([[246, 247, 249], [250, 200, 120], [220, 90, 110], [110, 40, 140], [20, 20, 70]], np.float64)
    positions = np.linspace(0, 255, len(stops))
    ramp = np.arange(256)
    return np.stack([np.interp(ramp, positions, stops[:, c]) for c in range(3)], axis=1).astype(np.uint8)


class SpectrogramLayer(pg.ImageItem):
    """The spectrogram of the visible range, redrawn from the pyramid when the view moves or resizes."""

    def __init__(self) -> None:
        super().__init__()
        self.spectrum = None  # app.media.spectrum.Spectrogram
        self.apply_colours()
        self.setLevels((0, 255))
        self.setZValue(4)  # under the curve (5) and the cues (10)
        self.shown_range: tuple[float, float, int] = (0.0, 0.0, 0)

    def apply_colours(self) -> None:
        """The theme's colours: a light or a dark ramp, after the waveform's background."""
        from app.ui.palette import colours

        self.setLookupTable(spectrum_colours(light=colours().waveform_background.lightness() > 128))

    def set_spectrum(self, spectrum) -> None:
        self.spectrum = spectrum

    def redraw(self, x0_s: float, x1_s: float, width_px: int) -> None:
        if self.spectrum is None:
            self.clear()
            return
        if not self.isVisible():
            return
        cols, first_ms, last_ms = self.spectrum.columns(x0_s * 1000, x1_s * 1000, max(width_px, 1))
        if len(cols) == 0:
            self.clear()
            return
        self.setImage(cols, autoLevels=False, levels=(0, 255))  # rows of the image along x: (columns, bins)
        self.setRect(QRectF(first_ms / 1000, -1.0, (last_ms - first_ms) / 1000, 2.0))
        self.shown_range = (first_ms, last_ms, len(cols))
