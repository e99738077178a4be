"""The picture: a dockable video pane with the current cue drawn on it, frame stepping, shot changes and the
spectrogram, on the session and task-manager seams.

Talks to the window only through what it is given: the host (session as Qt signals, task manager, settings,
status bar), the window to dock into, the cue editor (to show what is being typed before it is committed) and a
way to get the player. Shot changes and frame times are found by a background task (app.media.shots) that
belongs to the media (opening other media cancels it); the snapping rule they feed is app.core.frames, set on
the editor state as ``snap_guide`` for the waveform drag and F7/F8 to apply.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QVBoxLayout, QWidget

from app.core.errors import MediaError
from app.core.frames import FrameGrid, PictureGuide, format_clock
from app.render.subtitles import cue_alignment, cue_wants_top
from app.ui.host import WindowHost
from app.ui.picture.canvas import VideoCanvas
from app.ui.picture.stills import StillFrames
from app.ui.spectrogram_mode import SpectrogramMode
from app.ui.workers import Report

PLAYER_DELAY_MS = 30
NOMINAL_FPS = 25.0  # frame steps before the real frame times are known, when the header states no rate


class PictureController(QObject):
    shotsChanged = Signal()  # shot changes found or gone (the quality checks follow them)

    def __init__(self, host: WindowHost, window: QWidget, editor: Any, ensure_player: Callable[[], Any]):
        super().__init__(window)
        self.host, self.state, self.prefs = host, host.state, host.prefs
        self.editor = editor
        self.ensure_player = ensure_player
        self.player: Any = None
        self.waveform: Any = None
        self.shot_layer: Any = None
        self.spectrogram = SpectrogramMode(host, self)
        self.sink: Any = None
        self.source: str | None = None  # the media whose picture is shown
        self.has_picture = False
        self.nominal_fps: float | None = None
        self.frames: FrameGrid | None = None
        self.cuts: tuple[int, ...] = ()
        self.position = 0
        self._playing_note = ""
        self._shot_note = ""

        self.canvas = VideoCanvas()
        self._pending_frame: Any = None  # the newest frame from the player, not drawn yet
        self.stills = StillFrames(self)
        self.stills.ready.connect(self._on_still)
        self.clock = QLabel(format_clock(0))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()  # beside the picture, never over it: what cannot be shown, and why
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet("color: #888")
        self.note.hide()
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.clock)
        layout.addWidget(self.note)
        self.dock = QDockWidget(self.tr("Picture"), window)
        self.dock.setObjectName("picture-dock")  # the window's saved state puts it back where the user left it
        self.dock.setWidget(body)
        host.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)

        self.state.mediaChanged.connect(self._on_media)
        self.state.cuesChanged.connect(self._on_cues)
        self.state.documentReplaced.connect(self._on_cues)
        self.state.selectionChanged.connect(self._on_selection)
        editor.edit.textChanged.connect(self._show_cue)  # what is typed shows before it is committed

        self._make_actions()

    # -- menus ---------------------------------------------------------------------------------------
    def _check_action(self, text: str, pref: str, slot) -> QAction:
        """A toggle remembered as the preference named ``pref`` (app.session.preferences)."""
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(getattr(self.prefs, pref))
        action.toggled.connect(lambda on: (setattr(self.prefs, pref, on), slot(on)))
        return action

    def _make_actions(self) -> None:
        self.spectrogram_action = self._check_action(
            self.tr("&Spectrogram"), "picture_spectrogram", lambda on: self.spectrogram.set_on(on)
        )
        self.timecode_action = self._check_action(
            self.tr("Time as &Frames (HH:MM:SS:FF)"), "picture_timecode", lambda _on: self._show_clock()
        )
        self.translation_action = self._check_action(
            self.tr("Show &Translation on Picture"), "picture_translation", lambda _on: self._show_cue()
        )
        self.frame_actions = []
        for text, step in ((self.tr("Previous &Frame"), -1), (self.tr("Next F&rame"), 1)):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, n=step: self.step_frames(n))
            self.frame_actions.append(action)
        self.snap_shots_action = self._check_action(
            self.tr("Snap to S&hot Changes"), "picture_snap_shots", lambda _on: self._update_guide()
        )
        self.snap_frames_action = self._check_action(
            self.tr("Snap Cue Times to Fra&mes"), "picture_snap_frames", lambda _on: self._update_guide()
        )

    def add_actions(self, view: QMenu, play: QMenu, register: Callable[..., Any] | None = None) -> None:
        """The pane, the spectrogram and the time format under View; frame steps and snapping under Playback.

        ``register(id, action, default_key)``: the window's shortcut registry (keys the user may rebind)."""
        keys = {
            "view.picture": (self.dock.toggleViewAction(), None),
            "view.spectrogram": (self.spectrogram_action, None),
            "view.timecode": (self.timecode_action, None),
            "view.picture_translation": (self.translation_action, None),
            "play.previous_frame": (self.frame_actions[0], ","),  # mpv's frame-step keys
            "play.next_frame": (self.frame_actions[1], "."),
            "timing.snap_shots": (self.snap_shots_action, None),
            "timing.snap_frames": (self.snap_frames_action, None),
        }
        for action_id, (action, key) in keys.items():
            if register is not None:
                register(action_id, action, key)
            elif key is not None:
                action.setShortcut(key)
        for action_id in ("view.picture", "view.spectrogram", "view.timecode", "view.picture_translation"):
            view.addAction(keys[action_id][0])
        play.addSeparator()
        for action_id in ("play.previous_frame", "play.next_frame", "timing.snap_shots", "timing.snap_frames"):
            play.addAction(keys[action_id][0])

    @property
    def spectrum_layer(self) -> Any:
        return self.spectrogram.layer

    def layout_restored(self) -> None:
        """The window put the pane back where the user left it; without a picture it stays out of sight."""
        if not self.has_picture:
            self.dock.hide()

    # -- attaching the waveform and the player -------------------------------------------------------
    def attach_waveform(self, waveform: Any) -> None:
        from app.ui.waveform_layers import ShotLayer

        if self.waveform is waveform:
            return
        self.waveform = waveform
        self.shot_layer = ShotLayer()
        self.shot_layer.set_cuts(self.cuts)
        waveform.addItem(self.shot_layer)
        self.spectrogram.attach(waveform, self.prefs.picture_spectrogram)

    def attach_player(self, player: Any) -> None:
        from PySide6.QtMultimedia import QVideoSink

        if self.player is player:
            return
        self.player = player
        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_frame)
        player.set_video_sink(self.sink)
        player.positionChanged.connect(self._on_position)
        player.failed.connect(self._on_play_failed)
        player.media_player.mediaStatusChanged.connect(self._on_media_status)

    # -- media ---------------------------------------------------------------------------------------
    def _on_media(self) -> None:
        audio = self.state.audio
        source = getattr(audio, "source", None)
        if source == self.source:
            self.spectrogram.refresh()
            return
        self.source, self.has_picture, self.frames, self.cuts, self.nominal_fps = source, False, None, (), None
        self.stills.cancel()
        self._playing_note = self._shot_note = ""
        self.canvas.set_image(QImage())
        self._update_note()
        self._set_cuts(())
        self._update_guide()
        self.dock.hide()
        if source is None:
            return
        # on the next pass of the event loop: opening media already costs this pass the waveform's making
        QTimer.singleShot(0, lambda: self._start_scan(source) if self.source == source else None)
        self.spectrogram.refresh()

    def _start_scan(self, source: str) -> None:
        finding = self.tr("Finding shot changes")
        timing = self.tr("Reading frame times")

        def job(report: Report):
            from app.media.probe import probe
            from app.media.shots import THRESHOLD, ShotCache, detect_shots
            from app.media.video import picture_stream, read_frame_times

            try:
                stream = picture_stream(probe(source))
            except MediaError:  # the audio decode has said what is wrong with the file
                return None
            if stream is None:
                return None
            report.item(("video", stream.frame_rate))
            try:
                cache = ShotCache()
                hit = cache.load(cache.key(source, stream.index, THRESHOLD))
                if hit is not None:
                    return hit
                frames = read_frame_times(source, stream_index=stream.index, cancelled=report.cancelled,
                                          progress=lambda f: report.progress(0.05 * f, timing))  # fmt: skip
                report.item(("frames", frames.times_ms))
                return detect_shots(source, stream_index=stream.index, cancelled=report.cancelled,
                                    progress=lambda f: report.progress(0.05 + 0.95 * f, finding))  # fmt: skip
            except MediaError as exc:  # said in the user's language
                from app.ui.messages import error_text

                return error_text(exc)

        self.host.tasks.start(
            "shots", finding, job, self._on_scan, title=self.tr("Shot changes"), on_item=self._on_scan_item,
            bound=False, replaces=True, uses_audio=True,
        )  # fmt: skip

    def _on_scan_item(self, item: tuple) -> None:
        kind, value = item
        if kind == "video":
            self.has_picture, self.nominal_fps = True, value
            self.dock.show()
            # the player on a later pass of the event loop: its making is not added to the waveform's
            QTimer.singleShot(PLAYER_DELAY_MS, self._show_first_frame)
        elif kind == "frames":
            self.frames = FrameGrid(value)
            self._update_guide()
        self._show_clock()

    def _show_first_frame(self) -> None:
        if not self.has_picture:
            return
        player = self.ensure_player()
        if player is not None:
            self.attach_player(player)
            player.seek(self.position)  # the first frame shows at once

    def _on_scan(self, result: Any) -> None:
        if result is None:  # no picture: audio only
            return
        if isinstance(result, str):  # the video cannot be decoded: the rest still works
            self._shot_note = self.tr("Shot changes could not be found: {reason}").format(reason=result)
            self.host.show_status(self._shot_note, 8000)
            self._update_note()
            return
        self.frames = FrameGrid(result.frame_times_ms)
        self._set_cuts(result.cuts_ms)
        self._update_guide()
        self._show_clock()
        self.host.show_status(self.tr("%n shot change(s) found", "", len(result.cuts_ms)), 4000)

    def _set_cuts(self, cuts) -> None:
        self.cuts = tuple(cuts)
        if self.shot_layer is not None:
            self.shot_layer.set_cuts(self.cuts)
        self.shotsChanged.emit()

    def shot_guide(self) -> PictureGuide | None:
        """The frames and shot changes as found (whatever the snapping options), for the quality checks; None
        until shot changes are known."""
        if not self.cuts or self.frames is None:
            return None
        return PictureGuide(self.frames, self.cuts)

    def _update_guide(self) -> None:
        """The snapping rule the waveform drag and F7/F8 apply; None without a picture."""
        if not self.has_picture:
            self.state.snap_guide = None
            return
        shots = self.cuts if self.snap_shots_action.isChecked() else ()
        self.state.snap_guide = PictureGuide(self.grid(), shots, snap_to_frames=self.snap_frames_action.isChecked())

    def grid(self) -> FrameGrid:
        """The real frame times once read; until then a grid at the stated rate."""
        if self.frames is None:  # made once: an hour at 25 fps is 90,000 frames
            duration = self.state.audio.duration_ms if self.state.audio is not None else 0
            self.frames = FrameGrid.constant(self.nominal_fps or NOMINAL_FPS, max(duration, 1000))
        return self.frames

    # -- playback ------------------------------------------------------------------------------------
    def _playing(self) -> bool:
        return self.player is not None and self.player.model.playing

    def _frames_from_player(self) -> bool:
        """The player delivers frames: playing with sound. Paused, or playing silently on the player's own clock
        (no sound device), the picture is made of stills read at the playhead."""
        return self._playing() and not self.player.silent

    def _on_frame(self, frame: Any) -> None:
        """Frames are drawn at most once per pass of the event loop: the newest wins, none queue up."""
        if self._frames_from_player() and self.dock.isVisible() and frame.isValid():
            if self._pending_frame is None:
                QTimer.singleShot(0, self._draw_frame)
            self._pending_frame = frame

    def _draw_frame(self) -> None:
        from app.ui.picture.frames import frame_to_image

        frame, self._pending_frame = self._pending_frame, None
        if frame is not None and self._frames_from_player():
            width = self.canvas.width() * self.canvas.devicePixelRatioF()
            self.canvas.set_image(frame_to_image(frame, max(int(width), 320)))

    def _on_still(self, _at: int, image: QImage) -> None:
        if not self._frames_from_player():
            self.canvas.set_image(image)

    def _on_position(self, ms: int) -> None:
        self.position = int(ms)
        if self.has_picture and self.source is not None and not self._frames_from_player():
            self.stills.request(self.source, self.position)  # paused (the exact frame) or playing silently
        self._show_cue()
        self._show_clock()

    def _on_selection(self, rows: list[int]) -> None:
        self._show_cue()
        if rows and self.has_picture and self.player is not None and not self.player.model.playing:
            self.player.seek(self.state.doc[rows[0]].start)

    def step_frames(self, count: int) -> None:
        """One frame back or forward (the real frame times of the file; paused)."""
        if not self.has_picture:
            return
        player = self.ensure_player()
        if player is None:
            return
        self.attach_player(player)
        if player.model.playing:
            player.toggle()
        player.seek(self.grid().step(player.position_ms(), count))

    def _on_play_failed(self, message: str) -> None:
        if self.has_picture:
            self._playing_note = self.tr(
                "This video cannot be played here ({reason}). The waveform, cues and shot changes still work."
            ).format(reason=message)
            self._update_note()

    def _on_media_status(self, status: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        loaded = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
        if status in loaded and self.has_picture and not self.player.media_player.hasVideo():
            self._on_play_failed(self.tr("no video decoder for this stream"))

    def _update_note(self) -> None:
        text = "\n".join(n for n in (self._playing_note, self._shot_note) if n)
        self.note.setText(text)
        self.note.setToolTip(text)
        self.note.setVisible(bool(text))

    # -- what is shown -------------------------------------------------------------------------------
    def _on_cues(self, *_: object) -> None:
        self._show_cue()

    def cue_at(self, ms: int) -> int | None:
        """The cue on screen at ``ms`` (of overlapping ones, the latest to start)."""
        cues = self.state.doc.cues  # read afresh: other views may ask (through the editor) before a change reached us
        i = bisect_right(cues, ms, key=lambda cue: cue.start) - 1
        for j in range(i, max(i - 8, -1), -1):
            if cues[j].end > ms:
                return j
        return None

    def _show_cue(self) -> None:
        index = self.cue_at(self.position)
        if index is None:
            self.canvas.set_subtitle("")
            return
        cue = self.state.doc[index]
        text = cue.text
        if getattr(self.editor, "index", None) == index:
            text = self.editor.edit.toPlainText()  # typed, not yet committed
        translation = cue.translation if self.translation_action.isChecked() else ""
        languages = (cue.language, self.state.doc.settings.translation_language)
        self.canvas.set_subtitle(text, cue_wants_top(cue, text), translation, cue_alignment(cue, text), languages)

    def _show_clock(self) -> None:
        if self.timecode_action.isChecked():
            grid = self.grid() if self.has_picture else None
            shown = grid.timecode(self.position) if grid is not None else format_clock(self.position)
        else:
            shown = format_clock(self.position)
        self.clock.setText(shown)
