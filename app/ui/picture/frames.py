"""A playing video's frames turned into pictures the pane can paint, cheaply enough for the UI thread.

``QVideoFrame.toImage()`` converts the whole frame (on a machine without a GPU, 120-330 ms for one 1080p frame
here), and at 25 frames a second the queued frames starve the event loop. The pane is a few hundred pixels
wide, so the planar YUV frames that ffmpeg decodes (YUV 4:2:0, NV12) are read in place, every n-th pixel, and
converted with numpy to about the pane's width: a few milliseconds. Other formats fall back to ``toImage()``.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

PLANAR = {QVideoFrameFormat.PixelFormat.Format_YUV420P, QVideoFrameFormat.PixelFormat.Format_YV12}
SEMI_PLANAR = {QVideoFrameFormat.PixelFormat.Format_NV12, QVideoFrameFormat.PixelFormat.Format_NV21}


def _plane(frame: QVideoFrame, index: int, rows: int) -> np.ndarray:
    line = frame.bytesPerLine(index)
    data = np.frombuffer(frame.bits(index), dtype=np.uint8, count=line * rows)
    return data.reshape(rows, line)


def yuv_to_rgb(y: np.ndarray, u: np.ndarray, v: np.ndarray, *, hd: bool) -> np.ndarray:
    """Limited-range YUV (BT.709 for HD, BT.601 below) to 8-bit RGB, all arrays of one shape."""
    yf = (y.astype(np.float32) - 16.0) * 1.164
    uf, vf = u.astype(np.float32) - 128.0, v.astype(np.float32) - 128.0
    if hd:
        r, g, b = yf + 1.793 * vf, yf - 0.213 * uf - 0.533 * vf, yf + 2.112 * uf
    else:
        r, g, b = yf + 1.596 * vf, yf - 0.392 * uf - 0.813 * vf, yf + 2.017 * uf
    return np.clip(np.dstack((r, g, b)), 0, 255).astype(np.uint8)


def frame_to_image(frame: QVideoFrame, max_width: int) -> QImage:
    """The frame as an RGB image at most about ``max_width`` pixels wide (a null image if it cannot be read)."""
    pixel_format = frame.surfaceFormat().pixelFormat()
    if pixel_format not in PLANAR | SEMI_PLANAR:
        return frame.toImage()
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return QImage()
    try:
        width, height = frame.width(), frame.height()
        step = max(1, math.ceil(width / max(max_width, 1)))
        rows, cols = np.arange(0, height, step), np.arange(0, width, step)
        luma = _plane(frame, 0, height)[np.ix_(rows, cols)]
        chroma_rows, chroma_cols = rows // 2, cols // 2
        half = (height + 1) // 2
        if pixel_format in PLANAR:
            first = _plane(frame, 1, half)[np.ix_(chroma_rows, chroma_cols)]
            second = _plane(frame, 2, half)[np.ix_(chroma_rows, chroma_cols)]
            u, v = (second, first) if pixel_format == QVideoFrameFormat.PixelFormat.Format_YV12 else (first, second)
        else:
            both = _plane(frame, 1, half)
            first = both[np.ix_(chroma_rows, chroma_cols * 2)]
            second = both[np.ix_(chroma_rows, chroma_cols * 2 + 1)]
            u, v = (second, first) if pixel_format == QVideoFrameFormat.PixelFormat.Format_NV21 else (first, second)
        rgb = np.ascontiguousarray(yuv_to_rgb(luma, u, v, hd=height >= 720))
    finally:
        frame.unmap()
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, rgb.strides[0], QImage.Format.Format_RGB888).copy()
