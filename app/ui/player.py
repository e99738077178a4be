"""Playback of the original media through QtMultimedia: a playhead, play/pause, play one cue.

The decisions (what range plays, when to stop, where the playhead lands) are app.media's
PlaybackModel; this class only forwards what QMediaPlayer reports. Where no audio device is
available (a server, a laptop without sound, a test run) it says so once and plays silently: its own clock moves the
playhead (QMediaPlayer would not), so the waveform and the picture follow as they would with sound.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, QUrl, Signal

from app.media import Action, PlaybackModel

SILENT_TICK_MS = 40  # the silent clock's step: 25 playhead moves a second, as a 25 fps picture


class Player(QObject):
    positionChanged = Signal(int)  # ms
    failed = Signal(str)  # the media cannot be played
    notice = Signal(str)  # playback goes on, with something to know (no sound device: silent)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self.model = PlaybackModel(0)
        self._stop_timer = QTimer(self)
        self._stop_timer.setSingleShot(True)
        self._stop_timer.timeout.connect(lambda: self._on_position(self._current_ms()))
        self._player.positionChanged.connect(self._on_position)
        self._player.durationChanged.connect(self._on_duration)
        self._player.errorOccurred.connect(self._on_error)
        self._player.tracksChanged.connect(self._apply_track)
        self._audio_track: int | None = None
        self._told_no_output = False
        self.silent = False  # playing on this object's own clock: no sound device
        self._silent_from = 0
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(SILENT_TICK_MS)
        self._tick.timeout.connect(self._silent_tick)

    def _no_output(self) -> bool:
        """No sound device (a headless machine, a muted container): said once; playback goes on silently."""
        from PySide6.QtMultimedia import QMediaDevices

        missing = QMediaDevices.defaultAudioOutput().isNull()
        if missing and not self._told_no_output:
            self._told_no_output = True
            self.notice.emit(self.tr("No audio output device was found: playback is silent"))
        return missing

    def _start(self, position: int) -> None:
        """Play from ``position``: through QMediaPlayer, or on the silent clock when there is no sound device."""
        self.silent = self._no_output()
        self._player.setPosition(position)
        if self.silent:
            self._silent_from = position
            self._clock.start()
            self._tick.start()
        else:
            self._player.play()

    def _stop_silent(self) -> None:
        self._tick.stop()

    def _current_ms(self) -> int:
        if self.silent and self._tick.isActive():
            return self._silent_from + int(self._clock.elapsed())
        return self._player.position()

    def _silent_tick(self) -> None:
        if not self.model.playing:
            self._tick.stop()
            return
        self._on_position(self._current_ms())

    def load(self, path: str, duration_ms: int = 0, audio_track: int | None = None) -> None:
        """Play ``path``; ``audio_track`` (the ordinal among its audio streams) is the one the waveform shows, so
        what is heard is what the cues are timed against."""
        self.model = PlaybackModel(duration_ms)
        self._audio_track = audio_track
        self._player.setSource(QUrl.fromLocalFile(path))
        self._apply_track()

    @property
    def media_player(self):
        """The QMediaPlayer itself (the picture pane watches whether it found a video it can play)."""
        return self._player

    def set_video_sink(self, sink) -> None:
        """Frames go to ``sink`` (a QVideoSink): the picture pane draws them with the cue over them."""
        self._player.setVideoSink(sink)

    @property
    def audio_track(self) -> int:
        return self._player.activeAudioTrack()

    def _apply_track(self) -> None:
        wanted = self._audio_track
        tracks = len(self._player.audioTracks())
        if wanted is not None and wanted < tracks and self._player.activeAudioTrack() != wanted:
            self._player.setActiveAudioTrack(wanted)

    def position_ms(self) -> int:
        return self.model.playhead_ms

    def toggle(self) -> None:
        if self.model.playing:
            self.model.pause()
            self._player.pause()
            self._stop_timer.stop()
            self._stop_silent()
        else:
            self._start(self.model.play_all())

    def seek(self, ms: int) -> None:
        position = self.model.seek(ms)
        self._player.setPosition(position)
        if self.silent and self._tick.isActive():
            self._silent_from = position
            self._clock.restart()
        self.positionChanged.emit(position)

    def play_range(self, start_ms: int, end_ms: int) -> None:
        """Play one cue, then stop with the playhead back at its start."""
        try:
            start = self.model.play_range(start_ms, end_ms)
        except ValueError:
            return
        self._start(start)
        self._stop_timer.start(self.model.remaining_ms(start))

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self.model.duration_ms = max(self.model.duration_ms, int(ms))

    def _on_position(self, ms: int) -> None:
        action = self.model.on_position(int(ms))
        if action is Action.STOP:
            self._stop_timer.stop()
            self._stop_silent()
            self._player.pause()
            self._player.setPosition(self.model.playhead_ms)
        elif action is Action.RESTART:
            self._player.setPosition(self.model.start_ms)
            if self.silent:
                self._silent_from = self.model.start_ms
                self._clock.restart()
        elif self.model.is_range and self.model.playing:
            self._stop_timer.start(self.model.remaining_ms(int(ms)))
        self.positionChanged.emit(self.model.playhead_ms)

    def _on_error(self, _error: object, message: str = "") -> None:
        reason = message or self._player.errorString() or self.tr("no audio output")
        self.failed.emit(self.tr("Playback: {reason}").format(reason=reason))
