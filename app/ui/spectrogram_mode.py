"""The waveform's spectrogram mode: the spectrogram computed once per decoded audio in a task, then redrawn
from its pyramid whenever the view moves, in place of the waveform curve."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from app.ui.host import Host
from app.ui.workers import Report


class SpectrogramMode(QObject):
    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host, self.state = host, host.state
        self.waveform: Any = None
        self.layer: Any = None  # app.ui.waveform_layers.SpectrogramLayer, once there is a waveform
        self.spectra: dict[int, Any] = {}  # id(audio) -> Spectrogram: one at a time (an hour: about 90 MB)

    def attach(self, waveform: Any, on: bool) -> None:
        from app.ui.palette import theme
        from app.ui.waveform_layers import SpectrogramLayer

        self.waveform = waveform
        self.layer = SpectrogramLayer()
        self.layer.setVisible(False)
        theme().changed.connect(self.layer.apply_colours)
        waveform.addItem(self.layer)
        box = waveform.getViewBox()
        box.sigXRangeChanged.connect(self.redraw)
        box.sigResized.connect(self.redraw)
        self.set_on(on)

    def set_on(self, on: bool) -> None:
        if self.waveform is None or self.layer is None:
            return
        self.layer.setVisible(on)
        self.waveform.curve.setVisible(not on)
        self.refresh()
        self.redraw()

    def refresh(self) -> None:
        """Show the open audio's spectrogram, computing it first if it is not there yet."""
        audio = self.state.audio
        if self.layer is None or not self.layer.isVisible() or audio is None:
            return
        spectrum = self.spectra.get(id(audio))
        self.layer.set_spectrum(spectrum)  # None (nothing drawn) until this audio's is computed
        self.redraw()
        if spectrum is not None:
            return
        if any(h.audio is audio and not h.cancelling for h in self.host.tasks.running("spectrogram")):
            return

        def job(report: Report):
            from app.media.spectrum import compute_spectrogram

            return compute_spectrogram(audio.samples, audio.sample_rate, progress=lambda f: report.progress(f),
                                       cancelled=report.cancelled)  # fmt: skip

        def done(spectrum: Any) -> None:
            self.spectra = {id(audio): spectrum}
            self.layer.set_spectrum(spectrum)
            self.redraw()

        def ended(_outcome: str) -> None:
            if self.state.audio is not audio:  # other media came meanwhile: compute the new one's
                self.refresh()

        self.host.tasks.start("spectrogram", self.tr("Computing the spectrogram"), job, done, on_end=ended,
                              title=self.tr("Spectrogram"), bound=False, uses_audio=True)  # fmt: skip

    def redraw(self, *_: object) -> None:
        if self.waveform is None or self.layer is None or not self.layer.isVisible():
            return
        (x0, x1), _ = self.waveform.getViewBox().viewRange()
        self.layer.redraw(x0, x1, int(self.waveform.getViewBox().width()))
