"""The picture pane in the window: a video shows its pane and shot changes, the cue is drawn on it as typed,
frame steps land on real frame times, edges snap to cuts, audio has no pane, and the UI never stalls."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from app.core.document import Cue
from app.ui import editing
from tests.media import video_samples as samples
from tests.ui.test_recognition_flow import GapMeter

SRT = (
    "1\n00:00:00,500 --> 00:00:01,500\nFirst shot.\n\n"
    "2\n00:00:02,200 --> 00:00:02,700\nRed.\n\n"
    "3\n00:00:03,300 --> 00:00:04,600\nTwo lines\nof text.\n"
)


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    return samples.make_cuts(tmp_path_factory.mktemp("picture") / "cuts.mp4", audio=True)


def _open_video(window, qtbot, video, tmp_path):
    srt = tmp_path / "cuts.srt"
    srt.write_text(SRT, encoding="utf-8")
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=60_000, check_params_cb=lambda kind: kind == "shots"):
        window.open_path(str(video))
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=60_000):
        window.open_path(str(srt))
    qtbot.waitUntil(lambda: window.player is not None)  # made on a later pass of the event loop
    return window


def test_a_video_shows_its_pane_cuts_and_frames(window, qtbot, video, tmp_path):
    with GapMeter() as gaps:
        _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    assert picture.dock.isVisible() and picture.has_picture
    assert all(abs(a - b) <= samples.FRAME_MS for a, b in zip(picture.cuts, samples.CUTS_MS, strict=True))
    assert picture.shot_layer.cuts_ms == list(picture.cuts)
    assert len(picture.frames) == 200 and not picture.frames.is_variable()
    assert window.state.snap_guide is not None
    assert gaps.longest < 0.1, f"UI thread blocked {gaps.longest * 1000:.0f} ms while shot changes were computed"


def test_frame_steps_land_on_real_frame_times(window, qtbot, video, tmp_path):
    _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    picture.step_frames(1)
    picture.step_frames(1)
    assert window.player.position_ms() == 80
    picture.step_frames(-1)
    assert window.player.position_ms() == 40
    picture.timecode_action.setChecked(True)
    window.player.seek(1040)
    assert picture.clock.text() == "00:00:01:01"
    picture.timecode_action.setChecked(False)
    assert picture.clock.text() == "00:00:01.040"


def _is_red(image: QImage) -> bool:
    colour = QColor(image.pixel(image.width() // 2, image.height() // 2)) if not image.isNull() else QColor()
    return colour.red() > 200 and colour.green() < 60


def test_a_paused_frame_step_shows_the_very_frame(window, qtbot, video, tmp_path):
    _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    window.player.seek(1960)  # the test pattern's last frame
    qtbot.waitUntil(lambda: not picture.canvas.image.isNull() and not picture.stills.busy(), timeout=20_000)
    assert not _is_red(picture.canvas.image)
    picture.step_frames(1)  # the cut: the red shot's first frame
    assert window.player.position_ms() == 2000
    qtbot.waitUntil(lambda: _is_red(picture.canvas.image), timeout=20_000)


def test_cue_edges_set_near_a_cut_snap_to_it(window, qtbot, video, tmp_path):
    _open_video(window, qtbot, video, tmp_path)
    state = window.state
    first_cut, cut = window.picture.cuts[0], window.picture.cuts[1]  # 2000 and 3000 ms
    state.select([0])  # 0.5-1.5 s; the next cue starts at 2.2 s
    assert editing.set_edge_at(state, "end", first_cut + 40)
    assert state.doc[0].end == first_cut - 2 * samples.FRAME_MS  # two frames clear of the cut
    state.select([2])  # 3.3-4.6 s, the one before ends at 2.7 s
    assert editing.set_edge_at(state, "start", cut + 5 * samples.FRAME_MS)
    assert state.doc[2].start == cut
    window.picture.snap_shots_action.setChecked(False)
    assert editing.set_edge_at(state, "start", cut + 5 * samples.FRAME_MS)
    assert state.doc[2].start == cut + 200


def test_the_cue_is_drawn_as_it_is_typed(window, qtbot, video, tmp_path):
    _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    window.state.select([0])
    assert window.player.position_ms() == 500  # selecting a cue seeks the picture to it
    assert picture.canvas.subtitle == "First shot." and not picture.canvas.top
    window.editor.edit.setPlainText("{\\an8}Who is speaking?")
    assert picture.canvas.subtitle == "{\\an8}Who is speaking?" and picture.canvas.top
    window.player.seek(1800)  # between cues: nothing on screen
    assert picture.canvas.subtitle == ""


def test_spectrogram_mode_is_computed_once_and_drawn(window, qtbot, video, tmp_path):
    _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=60_000, check_params_cb=lambda k: k == "spectrogram"):
        picture.spectrogram_action.setChecked(True)
    assert picture.spectrum_layer.isVisible() and not window.waveform.curve.isVisible()
    first, last, columns = picture.spectrum_layer.shown_range
    assert columns > 100 and first <= 0 and last >= 7000
    window.waveform.zoom(0.1)
    assert picture.spectrum_layer.shown_range[2] < columns  # zoomed in: fewer columns, the finest level
    picture.spectrogram_action.setChecked(False)
    assert window.waveform.curve.isVisible()
    assert window.prefs.picture_spectrogram is False


def test_audio_has_no_pane(window, qtbot, tmp_path):
    samples.need_ffmpeg()
    wav = tmp_path / "tone.wav"
    samples._run(["-f", "lavfi", "-i", "sine=duration=2", str(wav)])
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=60_000, check_params_cb=lambda kind: kind == "shots"):
        window.open_path(str(wav))
    assert not window.picture.dock.isVisible() and not window.picture.has_picture
    assert window.state.snap_guide is None


def test_a_video_that_cannot_be_decoded_leaves_a_note_not_a_freeze(window, qtbot, video, tmp_path, monkeypatch):
    import app.media.shots as shots

    def broken(*_a, **_k):
        raise shots.MediaError("cuts.mp4: cannot decode (Invalid data)")

    monkeypatch.setattr(shots, "detect_shots", broken)
    monkeypatch.setattr(shots.ShotCache, "load", lambda *_a: None)
    _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    assert picture.dock.isVisible() and picture.cuts == ()
    assert "Shot changes could not be found" in picture.note.text() and not picture.note.isHidden()
    assert window.waveform is not None and len(window.state.doc) == 3
    picture._on_play_failed("no decoder")
    assert "cannot be played here" in picture.note.text()


def test_the_pane_paints_the_cue_over_the_frame(qtbot):
    from app.ui.picture.canvas import VideoCanvas

    canvas = VideoCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(640, 360)
    frame = QImage(320, 180, QImage.Format.Format_RGB32)
    frame.fill(QColor(0, 90, 0))
    canvas.set_image(frame)
    canvas.set_subtitle("Hello")
    shot = canvas.grab().toImage()
    assert QColor(shot.pixel(20, 20)).green() == 90  # the frame fills the pane
    lower = [shot.pixel(x, y) for x in range(200, 440) for y in range(250, 345)]
    assert any(QColor(p).lightness() > 240 for p in lower)  # white text near the bottom
    assert any(QColor(p).lightness() < 20 for p in lower)  # with its black outline
    upper = [shot.pixel(x, y) for x in range(0, 640, 4) for y in range(0, 200, 4)]
    assert not any(QColor(p).lightness() > 240 for p in upper)  # nothing at the top
    canvas.set_subtitle("{\\an8}Hello", top=True)
    shot = canvas.grab().toImage()
    upper = [shot.pixel(x, y) for x in range(200, 440) for y in range(10, 80)]
    assert any(QColor(p).lightness() > 240 for p in upper)


def test_text_scales_with_the_picture_and_wraps_to_two_lines():
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from app.render.subtitles import paint_subtitle

    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    big = paint_subtitle(painter, QRectF(0, 0, 1920, 1080), "One line\nand another")
    small = paint_subtitle(painter, QRectF(0, 0, 640, 360), "One line\nand another")
    long = paint_subtitle(painter, QRectF(0, 0, 640, 360), "a sentence much too long to fit on one line " * 2)
    painter.end()
    assert len(big) == 2 and len(small) == 2 and len(long) >= 2
    assert big[0].height() == pytest.approx(3 * small[0].height(), rel=0.15)  # scaled with the picture
    assert abs(big[0].center().x() - 960) < 2 and big[1].bottom() < 1080 and big[1].bottom() > 900  # bottom centre
    assert all(r.width() <= 640 * 0.9 + 1 for r in long)


def test_dragging_an_edge_near_a_cut_snaps_to_it(window, qtbot):
    from app.core.commands import ReplaceAll
    from app.core.frames import FrameGrid, PictureGuide
    from tests.ui.test_waveform import FakeAudio, drag

    window.state.set_audio(FakeAudio(20))
    window.state.push(ReplaceAll((Cue(1000, 3000, "one"), Cue(4000, 6000, "two"), Cue(8000, 9000, "three"))))
    view = window.ensure_waveform()
    view.setXRange(0, 12, padding=0)
    qtbot.waitUntil(lambda: view.cues.pixelWidth() < 0.1)  # laid out: edges are grabbed within a few pixels
    window.state.snap_guide = PictureGuide(FrameGrid.constant(25, 20_000), cuts=[5000, 7000])
    drag(view.cues, 4.0, [4.0, 4.5, 4.7])  # the start of "two" dragged to 8 frames before the cut at 5 s
    assert window.state.doc[1].start == 5000
    drag(view.cues, 6.0, [6.0, 6.8, 7.1])  # its end dragged past the cut at 7 s
    assert window.state.doc[1].end == 7000 - 80


def test_ui_never_blocks_while_the_video_plays_and_shots_are_found(window, qtbot, tmp_path):
    video = samples.make_cuts(tmp_path / "long.mp4", audio=True, repeat=6)  # 48 s: the scan takes a while
    window.open_path(str(video))  # opening (the waveform's making) is measured by test_recognition_flow
    qtbot.waitUntil(lambda: window.picture.has_picture and window.player is not None, timeout=60_000)
    with GapMeter() as gaps:
        assert window.tasks.running("shots"), "the scan is still going while the video plays"
        seen: list[int] = []
        window.player.positionChanged.connect(seen.append)
        window.player.toggle()  # play
        with qtbot.waitSignal(window.tasks.taskFinished, timeout=120_000, check_params_cb=lambda k: k == "shots"):
            pass
        frames = window.picture.canvas.image
        window.player.toggle()
    assert seen and max(seen) > 0, "the video played"
    assert frames.width() == 320, "its frames reached the pane"
    assert len(window.picture.cuts) == 4 * 6 + 5  # each repeat's four cuts, and the cut back to its start
    assert gaps.longest < 0.1, f"UI thread blocked {gaps.longest * 1000:.0f} ms while playing and scanning"


def test_the_pane_keeps_its_place_and_stays_hidden_without_a_picture(window, qtbot, video, tmp_path):
    from PySide6.QtCore import QSettings, Qt

    from app.ui.main_window import MainWindow

    _open_video(window, qtbot, video, tmp_path)
    window.removeDockWidget(window.picture.dock)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.picture.dock)
    window.picture.dock.show()
    window._save_layout()
    again = MainWindow(QSettings(window.settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.dockWidgetArea(again.picture.dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.picture.dock.isHidden()  # no video open yet


def test_cues_that_ask_for_the_top_are_drawn_there():
    from types import SimpleNamespace as Fake

    from app.render.subtitles import cue_wants_top, shown_text

    assert cue_wants_top(Fake(text="{\\an8}Sign on the wall"))
    assert cue_wants_top(Fake(text="plain"), "{\\an8}typed")
    assert not cue_wants_top(Fake(text="{\\i1}plain{\\i0}"))
    assert cue_wants_top(Fake(text="x", line="line:0"))
    assert cue_wants_top(Fake(text="x", position="line:10%"))
    assert cue_wants_top(Fake(text="x", alignment="an8"))
    assert not cue_wants_top(Fake(text="x", position="line:90%"))
    assert shown_text("{\\an8}<i>Sign</i>\\Non the wall") == "Sign\non the wall"


def test_the_spectrogram_follows_other_media(window, qtbot, video, tmp_path):
    _open_video(window, qtbot, video, tmp_path)
    picture = window.picture
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=60_000, check_params_cb=lambda k: k == "spectrogram"):
        picture.spectrogram_action.setChecked(True)
    first = picture.spectrum_layer.spectrum
    wav = tmp_path / "tone.wav"
    samples._run(["-f", "lavfi", "-i", "sine=duration=3", str(wav)])
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(wav))
    qtbot.waitUntil(lambda: picture.spectrum_layer.spectrum not in (None, first), timeout=60_000)  # by identity
    assert picture.spectrum_layer.spectrum.duration_ms == pytest.approx(3000, abs=20)
    assert not picture.dock.isVisible()


@pytest.mark.parametrize("name", ["Format_YUV420P", "Format_NV12"])
def test_playing_frames_are_converted_small_and_true_to_colour(name):
    import numpy as np
    from PySide6.QtCore import QSize
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    from app.ui.picture.frames import frame_to_image

    pixel_format = getattr(QVideoFrameFormat.PixelFormat, name)
    frame = QVideoFrame(QVideoFrameFormat(QSize(1920, 1080), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma = np.frombuffer(frame.bits(0), np.uint8).reshape(-1, frame.bytesPerLine(0))
    luma[:] = 63  # BT.709 red: Y 63, U 102, V 240
    if name == "Format_NV12":
        uv = np.frombuffer(frame.bits(1), np.uint8).reshape(-1, frame.bytesPerLine(1))
        uv[:, 0::2], uv[:, 1::2] = 102, 240
    else:
        np.frombuffer(frame.bits(1), np.uint8)[:] = 102
        np.frombuffer(frame.bits(2), np.uint8)[:] = 240
    frame.unmap()
    image = frame_to_image(frame, 480)
    assert image.width() == 480 and image.height() == 270
    colour = QColor(image.pixel(100, 100))
    assert colour.red() > 240 and colour.green() < 20 and colour.blue() < 20


def test_italics_are_drawn_slanted_on_the_picture(qapp):
    """Issue 27, item 18: <i> and {\\i1} were drawn upright."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from app.render.subtitles import paint_subtitle, styled_runs

    def drawn(text: str) -> QImage:
        image = QImage(640, 360, QImage.Format.Format_RGB32)
        image.fill(0)
        painter = QPainter(image)
        paint_subtitle(painter, QRectF(0, 0, 640, 360), text)
        painter.end()
        return image

    upright = drawn("Slanted words")
    assert drawn("<u>Slanted words</u>") == upright  # marks without a look of their own change nothing
    assert drawn("<i>Slanted words</i>") != upright
    assert drawn("{\\i1}Slanted words{\\i0}") == drawn("<i>Slanted words</i>")
    assert styled_runs("{\\an8}<i>Sign</i>\\Non <b>the</b> wall") == [
        [("Sign", True, False)],
        [("on ", False, False), ("the", False, True), (" wall", False, False)],
    ]
    assert styled_runs("{\\bord3\\blur2}not bold") == [[("not bold", False, False)]]


def test_without_a_sound_device_the_picture_plays_silently_with_no_note_over_it(
    window, qtbot, video, tmp_path, monkeypatch
):
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    _open_video(window, qtbot, video, tmp_path)
    picture, player = window.picture, window.player
    player.seek(0)
    shown: list[int] = []
    picture.stills.ready.connect(lambda at, _image: shown.append(at))
    player.toggle()  # Play: no sound device, so the player's own clock moves the playhead
    assert player.silent and player.model.playing
    qtbot.waitUntil(lambda: player.position_ms() >= 600, timeout=10_000)
    qtbot.waitUntil(lambda: any(at >= 400 for at in shown), timeout=10_000)  # the picture follows it
    assert window.statusBar().currentMessage() == "No audio output device was found: playback is silent"
    assert picture.note.isHidden()  # not a failure of the video: no note, and never one over the picture
    player.toggle()
    paused_at = player.position_ms()
    assert not player.model.playing and paused_at >= 600
    player.play_range(0, 300)  # one cue: it stops by itself, back at its start
    qtbot.waitUntil(lambda: not player.model.playing, timeout=10_000)
    assert player.position_ms() == 0


def test_a_chinese_line_wraps_between_characters_and_keeps_english_words_whole():
    """Issue 24: the picture wraps by the text's script: a Chinese line with no spaces wrapped nowhere."""
    from PySide6.QtGui import QFont

    from app.render.subtitles import wrap_runs

    font = QFont()
    font.setPixelSize(40)
    text = "我们明天去Starbucks喝咖啡然后一起去公园散步，好不好？"
    lines = wrap_runs([[(text, False, False)]], font, 640 * 0.9)
    joined = ["".join(piece for piece, _font in line) for line in lines]
    assert len(joined) >= 2 and "".join(joined) == text
    assert any("Starbucks" in line for line in joined)  # never cut inside the English word
    assert not any(line.startswith(("，", "？")) for line in joined)
