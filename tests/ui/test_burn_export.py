"""File ▸ Export ▸ Video with Burned-in Subtitles on a host without the window (issue 26, item 2): the open
document drawn into the video as a task, beside Video with Subtitle Tracks in one Export submenu; a video without
a picture ends in one error line and leaves nothing behind."""

from __future__ import annotations

import av
import pytest

from app.core.document import Cue, Document
from app.ui import video_tracks
from app.ui.burn import install
from app.ui.burn.dialog import export_burned_video, time_left
from tests.media.conftest import H264, HAVE_TOOLS, ff, sine
from tests.ui.fake_host import FakeHost

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="needs ffmpeg and sox")


@pytest.fixture
def host(qtbot, tmp_path):
    made = FakeHost(Document([Cue(500, 1500, "你好，世界"), Cue(2000, 2500, "{\\an8}<i>Up</i> here")]))
    path = tmp_path / "clip.mkv"
    ff(["-f", "lavfi", "-i", "testsrc=s=160x120:r=10:d=3"], sine(44100, 3), *H264, "-c:a", "aac")(path)
    made.state.session.set_media_path(str(path))
    return made


def test_both_video_exports_share_the_export_submenu(host):
    video_tracks.install(host.context, host)
    install(host.context, host)
    export = [a for a in host.menus["file"].actions() if a.menu() is not None]
    assert len(export) == 1
    assert [a.text() for a in export[0].menu().actions()] == [
        "Video with Subtitle &Tracks…", "Video with &Burned-in Subtitles…"]  # fmt: skip


def test_the_open_document_is_burned_into_the_video_as_a_task(host, qtbot, tmp_path):
    def choose(dialog) -> bool:
        assert dialog.video.text().endswith("clip.mkv") and dialog.output.text().endswith("clip.burned.mp4")
        assert dialog.subtitles() == "" and dialog.ok.isEnabled()
        dialog.preset.setCurrentIndex(0)
        return True

    handle = export_burned_video(host, choose=choose)
    qtbot.waitUntil(lambda: not host.tasks.running(), timeout=30_000)
    assert handle.outcome == "succeeded", host.errors
    with av.open(str(tmp_path / "clip.burned.mp4")) as container:
        assert container.streams.video[0].codec_context.name == "h264" and container.streams.audio
    assert "subtitles drawn on 15 frame" in host.statuses[-1]


def test_a_video_without_a_picture_is_one_error_line(host, qtbot, tmp_path):
    sound = tmp_path / "sound.m4a"
    ff(sine(44100, 2), "-c:a", "aac")(sound)

    def choose(dialog) -> bool:
        dialog.video.setText(str(sound))
        dialog.output.setText(str(tmp_path / "out.mp4"))
        return True

    export_burned_video(host, choose=choose)
    qtbot.waitUntil(lambda: not host.tasks.running(), timeout=20_000)
    assert len(host.errors) == 1 and "no video stream" in host.errors[0][1]
    assert not (tmp_path / "out.mp4").exists()


def test_time_left_follows_the_pace_so_far():
    assert time_left(10.0, 0.25) == "0:30" and time_left(60.0, 0.5) == "1:00" and time_left(1.0, 0.01) == ""


def test_the_burn_draws_the_documents_style_and_the_translation_as_the_pane_shows_them(host, qtbot, monkeypatch):
    import numpy as np

    import app.session.burn
    from app.core.commands import SetMetadata
    from app.core.styles import DEFAULT_STYLE

    style = DEFAULT_STYLE.replace(colour="#ffff0000")
    host.state.push(SetMetadata(settings=host.state.doc.settings.replace(style=style)))
    seen: list = []

    def burn(video, cues, out, painter, **_kw):
        seen.append(painter(Cue(0, 1000, "Hello", translation="你好"), 640, 360))
        raise app.session.burn.MediaError("stop here")

    monkeypatch.setattr(app.session.burn, "burn_video", burn)
    host.prefs.picture_translation = True
    export_burned_video(host, choose=lambda _dialog: True)
    qtbot.waitUntil(lambda: not host.tasks.running(), timeout=20_000)
    (overlay,) = seen
    pixels = overlay[2]
    rows = pixels[:, :, 3].max(axis=1) > 0
    assert int(rows[0]) + int(np.count_nonzero(rows[1:] & ~rows[:-1])) >= 2  # the text, and the translation under it
    red = (pixels[:, :, 0] > 240) & (pixels[:, :, 1] < 15) & (pixels[:, :, 3] == 255)
    assert red.any()  # in the document's colour
