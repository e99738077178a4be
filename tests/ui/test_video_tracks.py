"""File ▸ Export ▸ Video with Subtitle Tracks on a host without the window (issue 26, item 1): the open document
and a file go into the video as a task; a bad video ends in one error line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.document import Cue, Document
from app.media.subtitle_tracks import subtitle_tracks
from app.session.subtitle_files import load_subtitles
from app.ui.video_tracks import install
from app.ui.video_tracks.dialog import export_video_tracks
from tests.media.conftest import H264, HAVE_TOOLS, ff, sine, video
from tests.ui.fake_host import FakeHost

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="needs ffmpeg and sox")


@pytest.fixture
def host(qtbot, tmp_path):
    made = FakeHost(Document([Cue(1000, 2000, "你好，世界", language="Chinese"),
                              Cue(3000, 4000, "第二行字幕", language="Chinese")]))  # fmt: skip
    path = tmp_path / "clip.mkv"
    ff(video(3), sine(44100, 3), *H264, "-c:a", "aac")(path)
    made.state.session.set_media_path(str(path))
    return made


def test_the_menu_has_the_export_submenu(host):
    install(host.context, host)
    export = [a for a in host.menus["file"].actions() if a.menu() is not None]
    assert [a.text() for a in export[0].menu().actions()] == ["Video with Subtitle &Tracks…"]


def test_the_document_and_a_file_become_tracks_of_the_video(host, qtbot, tmp_path):
    english = tmp_path / "en.srt"
    english.write_text("1\n00:00:00,500 --> 00:00:01,500\nHello there\n")

    def choose(dialog) -> bool:
        assert dialog.video.text().endswith("clip.mkv") and dialog.output.text().endswith("clip.subtitled.mkv")
        dialog.add_file(str(english), "en", "English")
        dialog.table.item(1, 3).setCheckState(Qt.CheckState.Checked)  # the default moves to the file's track
        assert dialog.default_track() == 2
        dialog.table.item(0, 3).setCheckState(Qt.CheckState.Checked)
        assert dialog.table.item(1, 3).checkState() == Qt.CheckState.Unchecked
        return True

    handle = export_video_tracks(host, choose=choose)
    qtbot.waitUntil(lambda: not host.tasks.running(), timeout=20_000)
    assert handle.outcome == "succeeded", host.errors
    out = tmp_path / "clip.subtitled.mkv"
    assert [(t.language, t.title, t.default) for t in subtitle_tracks(out)] == [
        ("chi", "Chinese", True), ("eng", "English", False)]  # fmt: skip
    assert [c.text for c in load_subtitles(out, track=1).cues] == ["你好，世界", "第二行字幕"]
    assert "with 2 new subtitle track" in host.statuses[-1]


def test_a_video_without_a_picture_is_one_error_line(host, qtbot, tmp_path):
    sound = tmp_path / "sound.m4a"
    ff(sine(44100, 2), "-c:a", "aac")(sound)

    def choose(dialog) -> bool:
        dialog.video.setText(str(sound))
        dialog.output.setText(str(tmp_path / "out.mkv"))
        return True

    export_video_tracks(host, choose=choose)
    qtbot.waitUntil(lambda: not host.tasks.running(), timeout=20_000)
    assert len(host.errors) == 1 and "no video stream" in host.errors[0][1]
    assert not (tmp_path / "out.mkv").exists()
