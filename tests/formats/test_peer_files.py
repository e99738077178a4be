"""Files other tools write, read as those tools read them (issue 27, items 12, 13 and 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import run
from app.formats.base import ReadOptions
from app.formats.registry import read_subtitles, read_subtitles_bytes, save_like
from app.formats.srt import parse_srt

FIXTURES = Path(__file__).parent / "fixtures"


# -- item 12: damage is skipped and said, never read as a cue ---------------------------------------------------------
def test_a_broken_srt_timing_line_is_skipped_and_reported():
    text = "1\n00:00:01,000 --> 00:00:0X,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n"
    cues, skipped = parse_srt(text)
    assert [(c.start, c.end, c.text) for c in cues] == [(3000, 4000, "Bye")]  # not (1000, 0, "X,000\nHello")
    assert skipped == ["line 2: unreadable timing '00:00:01,000 --> 00:00:0X,000', its cue was skipped"]


def test_convert_says_which_srt_block_it_skipped(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:0X,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nBye\n")
    assert run(["convert", str(src), str(tmp_path / "out.srt")]) == 0
    assert "X,000" not in (tmp_path / "out.srt").read_text(encoding="utf-8")
    assert "line 2: unreadable timing" in capsys.readouterr().err


def _ttml(encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
        '<p begin="1s" end="2s">\u00c7a va</p></div></body></tt>\n'
    )


def test_ttml_declaring_an_unknown_encoding_is_read_and_the_name_said():
    read = read_subtitles_bytes(_ttml("x-no-such-thing").encode("utf-8"), name="a.ttml")
    assert [c.text for c in read.cues] == ["\u00c7a va"]
    assert read.skipped == ["a.ttml, the XML declaration names an unknown encoding 'x-no-such-thing'; read as detected"]


def test_ttml_declaring_another_encoding_than_its_bytes_is_read_as_decoded():
    latin = read_subtitles_bytes(_ttml("ISO-8859-1").encode("latin-1"), name="b.ttml")
    assert [c.text for c in latin.cues] == ["\u00c7a va"]  # not "Ã‡a va": the text was decoded already
    wide = read_subtitles_bytes(_ttml("UTF-16").encode("utf-8"), name="c.ttml")  # converted, declaration kept
    assert [c.text for c in wide.cues] == ["\u00c7a va"]


# -- item 13: what other tools write --------------------------------------------------------------------------------
PEERS = FIXTURES / "peers"
GAUPOL_TEXTS = ["Before the film, a voice\nfrom the dark.", "Still before the picture.", "The first words on screen."]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("gaupol_negative.ass", "ass"),
        ("gaupol_negative.ssa", "ssa"),
        ("gaupol_negative.sub", "microdvd"),
        ("gaupol_negative_mpl2.txt", "mpl2"),  # sniffed by content, not refused as TMPlayer
        ("gaupol_negative_tmplayer.txt", "tmp"),
    ],
)
def test_cues_gaupol_writes_before_zero_are_kept_at_zero(name, fmt, tmp_path):
    read = read_subtitles(PEERS / name, options=ReadOptions(fps=25))
    assert read.format == fmt
    assert [c.text for c in read.cues][:3] == GAUPOL_TEXTS
    assert len(read.cues) == 4  # none dropped
    assert read.cues[0].start == 0 and read.cues[1].start == 0 and read.cues[2].start > 0
    assert any("negative time" in note for note in read.skipped)
    save_like(tmp_path / name, read.cues, read)  # written back and read again: the same cues
    again = read_subtitles(tmp_path / name, options=ReadOptions(fps=25))
    assert [c.text for c in again.cues] == [c.text for c in read.cues]


def test_a_microdvd_frame_rate_line_below_other_lines_is_the_rate_not_a_cue():
    read = read_subtitles(PEERS / "rate_below_junk.sub")
    assert read.frame_rate == 25
    assert [(c.start, c.end, c.text) for c in read.cues] == [
        (1000, 2000, "The first words on screen."),
        (4000, 6000, "A second line\nof text."),
    ]


def test_webvtt_timestamps_without_milliseconds():
    read = read_subtitles(PEERS / "no_millis.vtt")
    assert [(c.start, c.end) for c in read.cues] == [(99_000, 101_040), (101_040, 103_500)]
    assert read.skipped == []


def test_webvtt_cue_identifiers_are_kept_as_written(tmp_path):
    read = read_subtitles(PEERS / "w3c_ids.vtt")
    assert [c.get("vtt.id") for c in read.cues] == [" leading space", "trailing space ", "-- >", " "]
    save_like(tmp_path / "ids.vtt", read.cues, read)
    assert [c.get("vtt.id") for c in read_subtitles(tmp_path / "ids.vtt").cues] == [c.get("vtt.id") for c in read.cues]


def test_webvtt_minutes_or_seconds_of_60_make_a_timing_invalid():
    read = read_subtitles(PEERS / "w3c_timings_60.vtt")
    assert [(c.start, c.end, c.text) for c in read.cues] == [
        (0, 216_001_000, "sixty hours on"),
        (216_000_000, 216_001_000, "at sixty hours"),
    ]
    assert [note.split(": ", 1)[1][:18] for note in read.skipped] == ["unreadable timing "] * 3


# -- item 21: plain text is text --------------------------------------------------------------------------------------
def test_txt_export_is_the_text_alone_without_markup_and_times_only_when_asked(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color=red>Hello</font> {\\i1}there{\\i0}\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n<i>Second</i>\nline\n",
        encoding="utf-8",
    )
    assert run(["convert", str(src), str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "Hello there\n\nSecond line\n"
    assert run(["convert", str(src), str(tmp_path / "timed.txt"), "--times"]) == 0
    assert (tmp_path / "timed.txt").read_text(encoding="utf-8") == (
        "[00:00:01.000 --> 00:00:02.000] Hello there\n[00:00:03.000 --> 00:00:04.000] Second line\n"
    )
    assert run(["convert", str(src), str(tmp_path / "old.txt"), "--no-times"]) == 0  # still accepted
    assert (tmp_path / "old.txt").read_text(encoding="utf-8") == "Hello there\n\nSecond line\n"


def test_apple_lyrics_ttml_times_are_seconds_from_the_start():
    read = read_subtitles(PEERS / "apple_lyrics.ttml")  # what pysubs2 reads of such a file
    assert [(c.start, c.end, c.text) for c in read.cues] == [
        (19_764, 21_900, "Morning comes"),
        (24_594, 62_898, "slowly"),
    ]
