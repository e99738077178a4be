"""Subtitle tracks inside MKV, MP4 and WebM files that the tests make with ffmpeg."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import MediaError
from app.core.timecode import clock
from app.media.decode import DecodeCancelled
from app.media.subtitle_tracks import read_subtitle_track, subtitle_tracks
from app.session.subtitle_files import load_subtitles, read_track

pytestmark = pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg makes the test files")

FF = ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"]
AUDIO = ["-f", "lavfi", "-i", "sine=f=440:r=16000:d=5"]
FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures"
SRT = (
    "1\n00:00:01,000 --> 00:00:02,500\nHello <i>there</i>\n\n2\n00:00:03,000 --> 00:00:04,000\nSecond line\nand more\n"
)


def _pgs(path: Path) -> None:
    """A minimal Blu-ray PGS stream: presentation segments and their end segments, no pictures."""

    def segment(pts: int, kind: int, payload: bytes) -> bytes:
        return b"PG" + struct.pack(">IIBH", pts, 0, kind, len(payload)) + payload

    composition = struct.pack(">HHBHBBBB", 1920, 1080, 0x10, 0, 0x80, 0, 0, 0)
    path.write_bytes(segment(90000, 0x16, composition) + segment(90000, 0x80, b""))


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tracks")
    (folder / "s.srt").write_text(SRT, encoding="utf-8")
    _pgs(folder / "p.sup")
    srt, ass, sup = str(folder / "s.srt"), str(FIXTURES / "aegisub_karaoke.ass"), str(folder / "p.sup")
    recipes = {
        "srt.mkv": [*AUDIO, "-i", srt, "-i", ass, "-map", "0", "-map", "1", "-map", "2", "-c:a", "pcm_s16le",
                    "-c:s:0", "srt", "-c:s:1", "copy", "-metadata:s:s:0", "language=eng",
                    "-metadata:s:s:0", "title=English SDH", "-metadata:s:s:1", "language=jpn"],
        "ass.mkv": [*AUDIO, "-i", ass, "-c:a", "pcm_s16le", "-c:s", "copy"],
        "mov.mp4": [*AUDIO, "-i", srt, "-c:a", "aac", "-c:s", "mov_text", "-metadata:s:s:0", "language=fra"],
        "vtt.webm": [*AUDIO, "-i", srt, "-c:a", "libopus", "-c:s", "webvtt"],
        "pgs.mkv": [*AUDIO, "-i", sup, "-c:a", "pcm_s16le", "-c:s", "copy"],
        "none.mkv": [*AUDIO, "-c:a", "pcm_s16le"],
        "video25.mkv": ["-f", "lavfi", "-i", "testsrc=s=64x48:r=25:d=5", "-i", srt, "-c:v", "libx264",
                        "-preset", "ultrafast", "-c:s", "srt"],
    }  # fmt: skip
    made = {}
    for name, args in recipes.items():
        subprocess.run([*FF, *args, str(folder / name)], check=True, capture_output=True)
        made[name] = folder / name
    return made


def test_tracks_are_listed_with_language_title_and_kind(media):
    tracks = subtitle_tracks(media["srt.mkv"])
    assert [(t.number, t.codec in ("srt", "subrip"), t.language, t.title, t.kind) for t in tracks] == [
        (1, True, "eng", "English SDH", "text"),
        (2, False, "jpn", None, "text"),
    ]
    assert subtitle_tracks(media["none.mkv"]) == []
    assert subtitle_tracks(media["pgs.mkv"])[0].kind == "PGS (Blu-ray)"


@pytest.mark.parametrize("name", ["srt.mkv", "mov.mp4", "vtt.webm"])
def test_subrip_mov_text_and_webvtt_tracks_read_as_cues(media, name):
    result = load_subtitles(media[name])
    got = [(c.start, c.end, c.text) for c in result.cues]
    offset = got[0][0] - 1000  # WebM's Opus audio starts a few ms in; times are on the audio's timeline
    assert 0 <= offset <= 10
    assert got == [
        (1000 + offset, 2500 + offset, "Hello <i>there</i>"),  # mov_text's style box becomes <i> again
        (3000 + offset, 4000 + offset, "Second line\nand more"),
    ]
    assert result.path is None  # saving never writes into the video


def test_an_ass_track_keeps_styles_speakers_and_tags(media):
    result = load_subtitles(media["ass.mkv"])
    assert result.format == "ass"
    cues = result.cues
    assert [c.text for c in cues][:2] == ["<i>Where</i> are you going?\nWait for me!", "KONOHA STATION"]
    assert (cues[0].get("actor"), cues[1].get("style"), cues[1].get("align")) == ("Alice", "Sign", "8")
    assert "Style: Karaoke,Arial,48" in result.header["ass.head"]
    second = load_subtitles(media["srt.mkv"], track=2)  # the second track of a file with two
    assert second.format == "ass" and len(second.cues) == 6


def test_bitmap_and_missing_tracks_are_refused_with_one_line(media):
    with pytest.raises(MediaError, match=r"pgs.mkv: subtitle track 1 is PGS \(Blu-ray\), .*needs OCR"):
        read_subtitle_track(media["pgs.mkv"])
    with pytest.raises(MediaError, match=r"none.mkv: no subtitle tracks"):
        read_subtitle_track(media["none.mkv"])
    with pytest.raises(MediaError, match=r"no subtitle track 3 \(the file has 2\)"):
        read_subtitle_track(media["srt.mkv"], 3)


def test_convert_imports_the_first_text_track_and_probe_lists_them(media, tmp_path):
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=120)

    out = tmp_path / "out.vtt"
    assert run("convert", str(media["srt.mkv"]), str(out)).returncode == 0
    written = out.read_text(encoding="utf-8")  # the language guessed from the text, on WebVTT's Language line
    assert written.startswith("WEBVTT\nLanguage: en\n\n00:00:01.000 --> 00:00:02.500\nHello <i>there</i>")
    result = run("convert", str(media["srt.mkv"]), str(tmp_path / "k.srt"), "--track", "2")
    assert result.returncode == 0 and "SubRip does not keep style names" in result.stderr
    refused = run("convert", str(media["pgs.mkv"]), str(tmp_path / "x.srt"))
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "needs OCR" in refused.stderr
    probe = run("probe", str(media["srt.mkv"]))
    assert "subtitle track 1: stream 1, " in probe.stdout and '[eng] "English SDH"' in probe.stdout


def test_a_frame_based_format_takes_the_video_frame_rate(media, tmp_path):
    from app.cli import run

    out = tmp_path / "o.sub"
    assert run(["convert", str(media["video25.mkv"]), str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[:2] == ["{1}{1}25", "{25}{62}Hello there"]


@given(st.integers(0, 10**12), st.sampled_from([(1, 1000), (1, 90000), (1001, 30000), (1, 48000), (1, 3), (7, 25)]))
def test_packet_times_in_integers_round_as_fractions_do(ticks, base):
    """Times of a track's packets are computed in integers (Fraction arithmetic per packet was most of the time of
    a long track): the same milliseconds as round(ticks * time_base * 1000)."""
    from fractions import Fraction

    from app.media.subtitle_tracks import _ms

    assert _ms(ticks, (base[0] * 1000, base[1])) == round(ticks * Fraction(*base) * 1000)


ASS_HEAD = (
    "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, "
    "SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n"
    "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
)
LONG = 10_000  # events: more than two rounds of progress and cancel checks


def _event(number: int) -> tuple[str, str]:
    """An event's ASS text and the text a SubRip track of it reads as (ffmpeg converts the one into the other)."""
    if number % 10 == 0:
        return f"{{\\i1}}Event {number}{{\\i0}}\\Nsecond line", f"<i>Event {number}</i>\nsecond line"
    return f"Event {number}", f"Event {number}"


@pytest.fixture(scope="module")
def long_track(tmp_path_factory) -> tuple[Path, list[tuple[int, int, str, tuple]]]:
    """A SubRip track of LONG events: one whose second line looks like a SubRip timing line, some in italics on
    two lines, some placed at the top."""
    folder = tmp_path_factory.mktemp("long")
    lines = ["Dialogue: 0,0:00:00.10,0:00:00.20,Default,,0,0,0,,Read the clock\\N00:00:05,000 --> 00:00:06,000"]
    expected = [(100, 200, "Read the clock\n00:00:05,000 --> 00:00:06,000", ())]
    for number in range(1, LONG):
        start = number * 300
        ass, text = _event(number)
        extra: tuple = ()
        if number % 7 == 0:
            ass, extra = "{\\an8}" + ass, (("align", "8"),)
        times = f"{clock(start, fraction=2)},{clock(start + 250, fraction=2)}"
        lines.append(f"Dialogue: 0,{times},Default,,0,0,0,,{ass}")
        expected.append((start, start + 250, text, extra))
    (folder / "long.ass").write_text(ASS_HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    video = folder / "long.mkv"
    subprocess.run([*FF, "-f", "lavfi", "-t", "5", "-i", "anullsrc=r=8000:cl=mono", "-i", str(folder / "long.ass"),
                    "-map", "0", "-map", "1", "-c:a", "pcm_s16le", "-c:s", "srt", str(video)],
                   check=True, capture_output=True)  # fmt: skip
    return video, expected


def test_a_long_track_keeps_every_event_its_times_text_and_position(long_track):
    """Issue 27, item 8: the events become cues directly. They were written out as SubRip and read back, which
    took a line of text that looks like a timing line for a new cue (a cue "cut" in two, one at a wrong time)."""
    video, expected = long_track
    result = load_subtitles(video)
    assert [(c.start, c.end, c.text, c.extra) for c in result.cues] == expected
    assert result.format == "srt" and result.path is None and result.skipped == []


def test_reading_a_track_reports_progress_and_can_be_cancelled(long_track):
    """The window's progress and cancel reach the packet loop (reading a track had neither)."""
    video, expected = long_track
    fractions: list[float] = []
    assert len(read_track(video, progress=fractions.append, cancelled=lambda: False).cues) == len(expected)
    assert len(fractions) >= 3 and fractions == sorted(fractions) and fractions[-1] == 1.0
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(DecodeCancelled, match="cancelled"):
        load_subtitles(video, progress=lambda _fraction: None, cancelled=cancelled)
    assert len(asked) == 2


def test_an_ass_track_reads_as_its_script_does(media):
    """Every event of an ASS track keeps its times, text, style, speaker, position and line as the same script
    read from its file (its Comment lines come with the track's header, not between the events)."""
    from app.formats.registry import read_subtitles

    def kept(cue) -> tuple:
        return (cue.start, cue.end, cue.text, cue.get("style"), cue.get("actor"), cue.get("align"), cue.get("ass.line"))

    track = load_subtitles(media["ass.mkv"])
    script = read_subtitles(FIXTURES / "aegisub_karaoke.ass")
    assert [kept(c) for c in track.cues] == [kept(c) for c in script.cues]
    assert track.header["ass.head"].split("[Events]")[0] == script.header["ass.head"].split("[Events]")[0]


def test_a_track_too_large_to_be_text_is_refused_in_one_line(long_track, monkeypatch):
    """The payloads are counted as they are read: a track past MAX_TRACK_BYTES is refused, not held in memory."""
    from app.media import subtitle_tracks

    video, _expected = long_track
    monkeypatch.setattr(subtitle_tracks, "MAX_TRACK_BYTES", 20_000)
    with pytest.raises(MediaError, match="too large to be text") as raised:
        load_subtitles(video)
    assert "\n" not in str(raised.value)
