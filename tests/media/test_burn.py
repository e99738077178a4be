"""Subtitles burned into videos the tests make with ffmpeg (issue 26, item 2): with a lossless encode, a frame
differs from the source exactly while a cue shows; the sound is kept (Vorbis and PCM encoded as AAC); odd sizes
and portrait videos, no sound, a variable frame rate, non-square pixels; cancel and a full disk leave nothing
behind; a file with no picture is refused with one line."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from app.core.document import Cue
from app.core.errors import MediaError
from app.media.burn import BurnCancelled
from app.render.subtitles import cue_overlay
from app.session.burn import burn_video
from tests.media.conftest import HAVE_TOOLS, ff, sine

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="needs ffmpeg and sox")
ROOT = Path(__file__).parents[2]
CUES = [Cue(500, 1200, "Hello <i>there</i>"), Cue(2000, 2600, "{\\an8}At the top")]
FAST = {"crf": 0, "preset": "ultrafast"}  # lossless: a frame without a cue comes back exactly as it was


def picture(size: str, seconds: float = 3) -> list[str]:
    return ["-f", "lavfi", "-i", f"testsrc2=s={size}:r=25:d={seconds}"]


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("burn")
    paths = {"mp4": folder / "clip.mp4", "odd": folder / "odd.mkv", "silent": folder / "silent.mkv",
             "audio": folder / "sound.m4a"}  # fmt: skip
    ff(picture("320x240"), sine(44100, 3), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac")(paths["mp4"])
    # odd width and height, portrait: libx264 takes odd sizes in 4:4:4
    odd = ["-f", "lavfi", "-i", "testsrc=s=181x241:r=25:d=3"]  # testsrc2 would round the size down to even
    ff(odd, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p")(paths["odd"])
    ff(picture("320x240", 2), "-c:v", "libx264", "-preset", "ultrafast")(paths["silent"])
    ff(sine(44100, 2), "-c:a", "aac")(paths["audio"])
    (folder / "cues.srt").write_text("1\n00:00:00,500 --> 00:00:01,200\nHello there\n")
    return {**paths, "folder": folder}


def frames(path: Path) -> list[tuple[int, np.ndarray]]:
    """(ms, the yuv420p planes as one array) of every frame."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return [(round(float(f.pts * stream.time_base) * 1000), f.to_ndarray(format="yuv420p"))
                for f in container.decode(stream)]  # fmt: skip


def showing(ms: int) -> bool:
    return any(cue.start <= ms < cue.end for cue in CUES)


def test_a_frame_differs_from_the_source_exactly_while_a_cue_shows_and_the_sound_is_kept(media, tmp_path, qapp):
    out = tmp_path / "burned.mp4"
    result = burn_video(str(media["mp4"]), CUES, str(out), cue_overlay, **FAST)
    source, burned = frames(media["mp4"]), frames(out)
    assert [ms for ms, _ in burned] == [ms for ms, _ in source] and len(burned) == 75
    changed = [ms for (ms, a), (_, b) in zip(source, burned, strict=True) if not np.array_equal(a, b)]
    assert changed == [ms for ms, _ in source if showing(ms)]
    assert result.frames == 75 and result.frames_drawn == len(changed) == 17 + 15
    # the first cue near the bottom, the {\an8} one near the top
    rows = lambda a, b: np.flatnonzero((a[:240] != b[:240]).any(axis=1))  # noqa: E731
    low = rows(source[25][1], burned[25][1])  # 1000 ms
    high = rows(source[55][1], burned[55][1])  # 2200 ms
    assert low.min() > 180 and high.max() < 60
    with av.open(str(out)) as container:
        assert container.streams.video[0].codec_context.name == "h264"
        assert container.streams.video[0].average_rate == 25
        sound = container.streams.audio[0]
        assert sound.codec_context.name == "aac" and abs(float(sound.duration * sound.time_base) - 3.0) < 0.1


def test_odd_sizes_and_portrait_get_even_ones_and_no_sound_is_no_sound(media, tmp_path, qapp):
    out = tmp_path / "odd.mp4"
    result = burn_video(str(media["odd"]), CUES, str(out), cue_overlay, **FAST)
    assert (result.width, result.height, result.sound) == (182, 242, False)
    with av.open(str(out)) as container:
        assert not container.streams.audio
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height, stream.frames or 75) == (182, 242, 75)
    silent = burn_video(str(media["silent"]), CUES, str(tmp_path / "silent.mp4"), cue_overlay, **FAST)
    assert not silent.sound and silent.frames == 50


def test_cancel_is_asked_often_and_leaves_nothing_behind(media, tmp_path, qapp):
    import time

    asked: list[float] = []
    progress: list[float] = []

    def never() -> bool:
        asked.append(time.monotonic())
        return False

    began = time.monotonic()
    burn_video(str(media["mp4"]), CUES, str(tmp_path / "done.mp4"), cue_overlay, crf=20, preset="veryslow",
               progress=progress.append, cancelled=never)  # fmt: skip
    ended = time.monotonic()
    gaps = [b - a for a, b in zip([began, *asked], [*asked, ended], strict=True)]
    assert max(gaps) < 2.0 and progress[-1] == 1.0 and progress == sorted(progress)
    with pytest.raises(BurnCancelled, match="cancelled"):
        burn_video(str(media["mp4"]), CUES, str(tmp_path / "out.mp4"), cue_overlay, cancelled=lambda: True)
    assert os.listdir(tmp_path) == ["done.mp4"]


def test_bad_input_is_one_error(media, tmp_path, qapp):
    with pytest.raises(MediaError, match="no video stream"):
        burn_video(str(media["audio"]), CUES, str(tmp_path / "out.mp4"), cue_overlay)
    with pytest.raises(MediaError, match="as MP4"):
        burn_video(str(media["mp4"]), CUES, str(tmp_path / "out.mkv"), cue_overlay)
    with pytest.raises(MediaError, match="no cues"):
        burn_video(str(media["mp4"]), [Cue(0, 1000, "  ")], str(tmp_path / "out.mp4"), cue_overlay)
    assert os.listdir(tmp_path) == []


def _small_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def run_cli(*args: str, limit: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", "burn", *args], capture_output=True, text=True, env=env,
                          preexec_fn=_small_files if limit else None, timeout=120)  # fmt: skip


def test_the_command_line_burns_and_a_full_disk_or_no_picture_is_one_line(media, tmp_path):
    srt = str(media["folder"] / "cues.srt")
    out = tmp_path / "out.mp4"
    done = run_cli(str(media["mp4"]), srt, "-o", str(out), "--crf", "30", "--preset", "ultrafast")
    assert done.returncode == 0, done.stderr
    assert "75 frames (320x240), subtitles drawn on 17, the sound copied" in done.stdout
    full = run_cli(str(media["mp4"]), srt, "-o", str(tmp_path / "full.mp4"), "--preset", "ultrafast", limit=True)
    assert full.returncode == 2 and full.stderr.count("\n") == 1
    assert full.stderr.startswith("error: ") and "disk is full" in full.stderr
    bad = run_cli(str(media["audio"]), srt, "-o", str(tmp_path / "x.mp4"))
    assert bad.returncode == 2 and "no video stream" in bad.stderr and "Traceback" not in bad.stderr
    crf = run_cli(str(media["mp4"]), srt, "-o", str(tmp_path / "x.mp4"), "--crf", "60")
    assert crf.returncode == 2 and "--crf 60" in crf.stderr
    assert sorted(os.listdir(tmp_path)) == ["out.mp4"]


def test_sound_mp4_players_do_not_take_is_encoded_as_aac(tmp_path, qapp):
    for name, codec in (("vorbis.webm", ["-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libvorbis"]),
                        ("pcm.avi", ["-c:v", "mpeg4", "-c:a", "pcm_s16le"])):  # fmt: skip
        source = tmp_path / name
        ff(picture("320x240", 2), sine(44100, 2), *codec)(source)
        result = burn_video(str(source), CUES, str(tmp_path / f"{name}.mp4"), cue_overlay, preset="ultrafast")
        assert result.sound and result.sound_encoded == codec[-1].removeprefix("lib")
        with av.open(str(tmp_path / f"{name}.mp4")) as container:
            sound = container.streams.audio[0]
            assert sound.codec_context.name == "aac" and abs(float(sound.duration * sound.time_base) - 2.0) < 0.1
            assert sum(frame.samples for frame in container.decode(sound)) >= 44100 * 1.95


def test_a_variable_frame_rate_keeps_every_frame_time_and_non_square_pixels_keep_their_shape(tmp_path, qapp):
    from tests.media.video_samples import VFR_TIMES_MS, make_vfr

    source = make_vfr(tmp_path / "vfr.mkv")
    out = tmp_path / "vfr.mp4"
    burn_video(str(source), CUES, str(out), cue_overlay, **FAST)
    assert [ms for ms, _ in frames(out)] == list(VFR_TIMES_MS)
    wide = tmp_path / "anamorphic.mkv"  # 720x576 shown 16:9
    ff(picture("720x576", 1), "-vf", "setsar=64/45", "-c:v", "libx264", "-preset", "ultrafast")(wide)
    burn_video(str(wide), CUES, str(tmp_path / "anamorphic.mp4"), cue_overlay, **FAST)
    with av.open(str(tmp_path / "anamorphic.mp4")) as container:
        assert container.streams.video[0].codec_context.sample_aspect_ratio == Fraction(64, 45)


def test_the_command_line_burns_an_ass_script_in_its_default_style(media, tmp_path):
    from tests.formats.test_ass_styles import SCRIPT

    script = tmp_path / "styled.ass"  # its Default style: yellow text, blue outline, at the top (\an8)
    script.write_text(SCRIPT.replace("0:00:02.00,Default", "0:00:02.50,Default"), encoding="utf-8")
    out = tmp_path / "styled.mp4"
    done = run_cli(str(media["mp4"]), str(script), "-o", str(out), "--crf", "0", "--preset", "ultrafast")
    assert done.returncode == 0, done.stderr
    with av.open(str(out)) as container:
        frame = next(f for f in container.decode(video=0) if f.time is not None and f.time >= 1.5)
        shown = frame.to_ndarray(format="rgb24").astype(int)
    with av.open(str(media["mp4"])) as container:
        source = next(f for f in container.decode(video=0) if f.time is not None and f.time >= 1.5)
        before = source.to_ndarray(format="rgb24").astype(int)
    changed = np.abs(shown - before).max(axis=2) > 40
    rows = np.flatnonzero(changed.any(axis=1))
    assert len(rows) and rows[-1] < 240 / 2  # drawn at the top, as the style's Alignment 8 says
    yellow = (shown[:, :, 0] > 200) & (shown[:, :, 1] > 200) & (shown[:, :, 2] < 80) & changed
    assert yellow.any()
