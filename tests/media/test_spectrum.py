"""The spectrogram: a tone shows in its own band, at every zoom, computed once."""

from __future__ import annotations

import numpy as np
import pytest

from app.media.decode import DecodeCancelled
from app.media.spectrum import BINS, HOP_MS, compute_spectrogram


def _tone(freq: float, seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def test_a_tone_lights_its_own_band():
    spectrum = compute_spectrogram(np.concatenate([np.zeros(16000, np.float32), _tone(2000, 2)]))
    assert spectrum.duration_ms == pytest.approx(3000, abs=HOP_MS)
    silent, loud = spectrum.levels[0][20:80], spectrum.levels[0][150:250]
    band = int(2000 / 8000 * BINS)
    assert silent.max() < 30
    assert loud[:, band - 1 : band + 1].min() > 200
    assert loud[:, : band - 10].mean() < 120  # far from the tone: dark


def test_every_zoom_reads_about_one_column_per_pixel():
    spectrum = compute_spectrogram(_tone(440, 120))  # 12,000 columns at the finest level
    for span_ms, width in ((1000, 1000), (60_000, 800), (120_000, 600)):
        cols, first, last = spectrum.columns(0, span_ms, width)
        assert width <= len(cols) < 2 * width + 2 or len(cols) == span_ms // HOP_MS
        assert first == 0 and last >= span_ms - 2 * (last - first) / max(len(cols), 1)
    cols, first, last = spectrum.columns(30_000, 31_000, 2000)  # zoomed in past the resolution: finest level
    assert len(cols) == 100 and first == 30_000


def test_cancel_stops_it():
    with pytest.raises(DecodeCancelled):
        compute_spectrogram(_tone(440, 100), cancelled=lambda: True)
