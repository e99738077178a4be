"""Files other tools write, read as those tools read them (issue 27, items 12, 13 and 21)."""

from __future__ import annotations

from pathlib import Path

from app.cli import run
from app.formats.registry import read_subtitles, read_subtitles_bytes
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
