"""Subtitle tracks muxed into videos the tests make with ffmpeg (issue 26, item 1): languages and titles read back
by ffprobe and by our own reader, the video and audio copied packet for packet, the video's tracks kept or
replaced, and the bad input refused with one line."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.document import Cue
from app.core.errors import MediaError
from app.media.mux import mux_subtitles
from app.media.subtitle_tracks import subtitle_tracks
from app.session.mux import TrackSource, mux_video, track_events
from app.session.subtitle_files import load_subtitles
from tests.media.conftest import H264, HAVE_TOOLS, VP8, ff, sine, video

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="needs ffmpeg and sox")
ROOT = Path(__file__).parents[2]
ENGLISH = (
    "1\n00:00:01,000 --> 00:00:02,000\nHello <i>there</i>, my friend\n\n"
    "2\n00:00:03,000 --> 00:00:04,500\nThe second line\n"
)
CHINESE = "1\n00:00:01,000 --> 00:00:02,000\n你好，世界\n\n2\n00:00:03,000 --> 00:00:04,500\n第二行字幕\n"


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("mux")
    paths = {
        "mkv": folder / "video.mkv", "mp4": folder / "video.mp4", "webm": folder / "video.webm",
        "tracked": folder / "tracked.mkv", "audio": folder / "audio.m4a",
    }  # fmt: skip
    ff(video(), sine(44100), *H264, "-c:a", "aac")(paths["mkv"])
    ff(video(), sine(44100), *H264, "-c:a", "aac")(paths["mp4"])
    ff(video(), sine(48000), *VP8, "-c:a", "libopus")(paths["webm"])
    (folder / "old.srt").write_text(ENGLISH)
    ff(video(), sine(44100), "-i", str(folder / "old.srt"), *H264, "-c:a", "aac", "-c:s", "srt",
       "-metadata:s:s:0", "language=fre", "-metadata:s:s:0", "title=Old")(paths["tracked"])  # fmt: skip
    ff(sine(44100), "-c:a", "aac")(paths["audio"])
    (folder / "en.srt").write_text(ENGLISH)
    (folder / "zh.srt").write_text(CHINESE)
    (folder / "styled.ass").write_text(
        "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, "
        "SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, "
        "Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Sign,Arial,30,"
        "&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,0,8,10,10,10,1\n\n[Events]\nFormat: "
        "Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,"
        "Sign,Ann,0,0,0,,{\\b1}Bold words{\\b0} here\n"
    )
    return {**paths, "folder": folder}


def ffprobe(path: Path) -> list[dict]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-count_packets", "-show_entries",
         "stream=index,codec_type,codec_name,nb_read_packets,start_time:stream_tags:stream_disposition=default",
         "-of", "json", str(path)], check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(out)["streams"]


def sources(media, *names: str, **given) -> list[TrackSource]:
    from app.session.mux import read_source

    return [read_source(str(media["folder"] / name), **given) for name in names]


def _start_ms(stream: dict) -> int:
    return round(float(stream.get("start_time") or 0) * 1000)


@pytest.mark.parametrize(("kind", "codec"), [("mkv", "subrip"), ("mp4", "mov_text"), ("webm", "webvtt")])
def test_tracks_carry_their_languages_and_titles_and_every_stream_is_copied(media, tmp_path, kind, codec):
    out = tmp_path / f"out.{kind}"
    tracks = [*sources(media, "en.srt", language="en", title="English SDH"), *sources(media, "zh.srt")]
    result = mux_video(str(media[kind]), tracks, str(out), default=2)
    assert (result.streams_copied, result.tracks_added) == (2, 2)
    before, after = ffprobe(media[kind]), ffprobe(out)
    for old, new in zip(before, after[:2], strict=True):  # same codec, same packet count: copied, not re-encoded
        assert (new["codec_name"], new["nb_read_packets"]) == (old["codec_name"], old["nb_read_packets"])
    subs = after[2:]
    assert [s["codec_name"] for s in subs] == [codec, codec]
    assert [s["tags"]["language"] for s in subs] == ["eng", "chi"]  # given, then the cues' own (Chinese)
    assert [s["disposition"]["default"] for s in subs] == [0, 1]
    assert [t.language for t in subtitle_tracks(out)] == ["eng", "chi"]
    assert [t.title for t in subtitle_tracks(out)] == ["English SDH", "Chinese"]
    assert [t.default for t in subtitle_tracks(out)] == [False, True]
    video_start = _start_ms(after[0]) - _start_ms(before[0])  # where the muxer moved the picture
    chinese = load_subtitles(out, track=2).cues
    assert [c.text for c in chinese] == ["你好，世界", "第二行字幕"]
    assert [(c.start - video_start, c.end - video_start) for c in chinese] == [(1000, 2000), (3000, 4500)]
    english = load_subtitles(out, track=1).cues
    expected = "Hello there, my friend" if codec == "mov_text" else "Hello <i>there</i>, my friend"
    assert english[0].text == expected


def test_an_ass_file_goes_into_matroska_as_ass_and_keeps_its_styles(media, tmp_path):
    out = tmp_path / "out.mkv"
    mux_video(str(media["mkv"]), sources(media, "styled.ass"), str(out))
    assert subtitle_tracks(out)[0].codec in ("ass", "ssa")  # PyAV names the decoder
    assert [s["codec_name"] for s in ffprobe(out)][2] == "ass"
    cue = load_subtitles(out, track=1).cues[0]
    assert (cue.start, cue.end, cue.get("style"), cue.get("actor")) == (1000, 2000, "Sign", "Ann")
    assert "Bold words" in cue.text
    # in MP4 it becomes timed text, in WebM WebVTT: converted, not refused
    mux_video(str(media["mp4"]), sources(media, "styled.ass"), str(tmp_path / "out.mp4"))
    assert subtitle_tracks(tmp_path / "out.mp4")[0].codec == "mov_text"


def test_the_videos_own_tracks_are_kept_or_replaced(media, tmp_path):
    kept, replaced = tmp_path / "kept.mkv", tmp_path / "replaced.mkv"
    mux_video(str(media["tracked"]), sources(media, "zh.srt"), str(kept))
    assert [(t.language, t.title) for t in subtitle_tracks(kept)] == [("fre", "Old"), ("chi", "Chinese")]
    result = mux_video(str(media["tracked"]), sources(media, "zh.srt"), str(replaced), keep_tracks=False)
    assert result.tracks_dropped == [1]
    assert [t.language for t in subtitle_tracks(replaced)] == ["chi"]
    assert [s["codec_type"] for s in ffprobe(replaced)] == ["video", "audio", "subtitle"]


def test_the_videos_own_track_in_a_codec_the_container_cannot_hold_is_converted(media, tmp_path):
    mp4 = tmp_path / "tracked.mp4"  # its own track is MP4 timed text, which Matroska does not take
    mux_video(str(media["tracked"]), [], str(mp4))
    assert [(t.codec, t.language, t.title) for t in subtitle_tracks(mp4)] == [("mov_text", "fre", "Old")]
    out = tmp_path / "back.mkv"
    result = mux_video(str(mp4), sources(media, "zh.srt"), str(out), default=1)
    assert (result.tracks_added, result.tracks_converted, result.tracks_dropped) == (1, [1], [])
    tracks = subtitle_tracks(out)
    assert [(t.codec, t.language, t.title, t.default) for t in tracks] == [
        ("srt", "fre", "Old", False),
        ("srt", "chi", "Chinese", True),
    ]  # fmt: skip (PyAV names the decoder)
    assert [c.text for c in load_subtitles(out, track=1).cues] == ["Hello there, my friend", "The second line"]


def test_no_video_stream_is_refused_with_one_line_and_nothing_is_left(media, tmp_path):
    out = tmp_path / "out.mkv"
    with pytest.raises(MediaError, match="no video stream"):
        mux_video(str(media["audio"]), sources(media, "en.srt"), str(out))
    assert os.listdir(tmp_path) == []


def test_a_wrong_extension_an_unknown_language_and_a_bad_default_are_refused(media, tmp_path):
    with pytest.raises(MediaError, match=r"\.avi"):
        mux_video(str(media["mkv"]), sources(media, "en.srt"), str(tmp_path / "out.avi"))
    with pytest.raises(MediaError, match="unknown language 'xx1'"):
        mux_video(str(media["mkv"]), sources(media, "en.srt", language="xx1"), str(tmp_path / "out.mkv"))
    with pytest.raises(MediaError, match="--default 3"):
        mux_video(str(media["mkv"]), sources(media, "en.srt"), str(tmp_path / "out.mkv"), default=3)
    with pytest.raises(MediaError, match="would replace the video"):
        mux_video(str(media["mkv"]), sources(media, "en.srt"), str(media["mkv"]))
    with pytest.raises(MediaError, match="no cues"):
        mux_video(str(media["mkv"]), [TrackSource("empty", [Cue(0, 1000, " ")])], str(tmp_path / "out.mkv"))
    assert os.listdir(tmp_path) == []


def test_cancel_removes_the_partial_file_and_keeps_an_old_output(media, tmp_path):
    out = tmp_path / "out.mkv"
    out.write_bytes(b"old")
    track = track_events(sources(media, "en.srt")[0], "subrip")
    with pytest.raises(MediaError, match="cancelled"):
        mux_subtitles(media["mkv"], [track], out, cancelled=lambda: True, progress=lambda f: None)
    assert out.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.mkv"]


def _small_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def run_cli(*args: str, limit: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "app", "mux", *args], capture_output=True, text=True, env=env,
                          preexec_fn=_small_files if limit else None)  # fmt: skip


def test_the_command_line_muxes_and_a_full_disk_leaves_nothing_behind(media, tmp_path):
    out = tmp_path / "out.webm"
    en, zh = str(media["folder"] / "en.srt"), str(media["folder"] / "zh.srt")
    done = run_cli(str(media["webm"]), en, zh, "-o", str(out), "--language", "en", "--title", "Eng", "--default", "1")
    assert done.returncode == 0, done.stderr
    assert "2 track(s) added" in done.stdout
    assert [(t.codec, t.language, t.title, t.default) for t in subtitle_tracks(out)] == [
        ("webvtt", "eng", "Eng", True), ("webvtt", "chi", "Chinese", False)]  # fmt: skip
    full = run_cli(str(media["mkv"]), en, "-o", str(tmp_path / "full.mkv"), limit=True)
    assert full.returncode == 2
    assert full.stderr.startswith("error: ") and "disk is full" in full.stderr and full.stderr.count("\n") == 1
    assert sorted(os.listdir(tmp_path)) == ["out.webm"]
    bad = run_cli(str(media["audio"]), en, "-o", str(tmp_path / "x.mkv"))
    assert bad.returncode == 2 and "no video stream" in bad.stderr and "Traceback" not in bad.stderr
    many = run_cli(str(media["mkv"]), en, "-o", str(tmp_path / "x.mkv"), "--language", "en", "--language", "zh")
    assert many.returncode == 2 and "2 --language for 1 subtitle file" in many.stderr
