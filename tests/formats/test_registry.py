"""The format registry: every format written and read back, detection by content, what a conversion drops."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.document import Cue, Document, Word
from app.core.errors import SubtitleParseError
from app.core.messages import english
from app.formats.base import ReadOptions, WriteOptions
from app.formats.project import load_project, save_project
from app.formats.registry import (
    by_extension,
    by_name,
    detect,
    format_subtitles,
    formats,
    read_subtitles,
    readable,
    save_like,
    target_format,
    writable,
    write_subtitles,
)

FIXTURES = Path(__file__).parent / "fixtures"

CUES = [
    Cue(1000, 2500, "Hello <i>world</i>\nsecond & line"),
    Cue(3000, 4000, "Top <tag> 3 < 4", extra=(("actor", "Ann"), ("align", "8"), ("style", "Sign"))),
    Cue(4000, 6120, "Ünïcödé 漢字 — «quotes»"),
    Cue(3_600_000, 3_601_500, "An hour in"),
]

# what each format can hold of the cues above (times at its resolution, text, markup)
FRAME = {"microdvd"}
CENTI = {"ass", "ssa"}
DECI = {"mpl2"}
NO_MARKUP = {"sbv", "microdvd", "mpl2", "tmp"}
NO_END = {"tmp"}


def _expected_text(fmt: str, text: str) -> str:
    if fmt in NO_MARKUP:
        return text.replace("<i>", "").replace("</i>", "").replace("<tag>", "")
    if fmt == "ttml":  # XML collapses spaces
        return re.sub(" +", " ", text.replace("<tag>", ""))
    if fmt in ("vtt", "ass", "ssa"):  # markup other than <i> <b> <u> is not text in these
        return text.replace("<tag>", "")
    return text


@pytest.mark.parametrize("name", [f.name for f in formats() if f.can_read and f.can_write])
def test_every_format_round_trips(tmp_path, name):
    fmt = by_name(name)
    path = tmp_path / f"out{fmt.extensions[0]}"
    write_subtitles(path, CUES, format=name)
    back = read_subtitles(path, format=name)
    assert back.format == name
    assert len(back.cues) == len(CUES)
    tolerance = {**dict.fromkeys(FRAME, 42), **dict.fromkeys(CENTI, 5), **dict.fromkeys(DECI, 50)}.get(name, 0)
    for cue, original in zip(back.cues, CUES, strict=True):
        assert abs(cue.start - original.start) <= tolerance, name
        if name not in NO_END:
            assert abs(cue.end - original.end) <= tolerance, name
        assert cue.text == _expected_text(name, original.text), name
    if name in ("vtt", "ass", "ssa", "ttml", "json"):
        assert back.cues[1].get("align") == "8" and back.cues[1].get("actor") == "Ann", name


@pytest.mark.parametrize("name", [f.name for f in readable()])
def test_detection_by_content_wins_over_the_extension(tmp_path, name):
    fmt = by_name(name)
    text, _ = format_subtitles(CUES[:2], fmt)
    path = tmp_path / "mislabelled.srt"  # what users do: a WebVTT or an ASS saved as .srt
    path.write_text(text, encoding="utf-8")
    expected = name
    assert read_subtitles(path).format == expected


def test_every_name_and_extension_is_found():
    for fmt in formats():
        assert by_name(fmt.name) is fmt
        for ext in fmt.extensions:
            found = by_extension(f"x{ext}", writable=fmt.can_write)
            assert found is not None and ext in found.extensions
    assert by_extension("x.txt", writable=True).name == "txt"  # plain text is what .txt is written as
    assert by_extension("x.txt").name == "tmp"  # a .txt read is TMPlayer unless its content says otherwise
    with pytest.raises(SubtitleParseError, match="unknown subtitle format 'docx'"):
        by_name("docx")


def test_a_webvtt_named_srt_is_read_as_webvtt_with_its_settings(tmp_path):
    path = tmp_path / "web.srt"
    path.write_text("WEBVTT\n\n1\n00:01.000 --> 00:02.000 line:0\n<v Ann>Hi\n", encoding="utf-8")
    result = read_subtitles(path)
    assert result.format == "vtt"
    assert result.cues[0].text == "Hi" and result.cues[0].get("actor") == "Ann"
    assert detect("hello", "x.ass").name == "ass"  # nothing to go by but the extension


def test_ass_to_srt_says_what_it_drops_and_keeps_positions_as_an8(tmp_path):
    source = read_subtitles(FIXTURES / "aegisub_karaoke.ass")
    dropped = write_subtitles(tmp_path / "out.srt", source.cues)
    said = [english(m) for m in dropped]
    assert "style names of 3 cues" in said  # Default is no loss
    assert "speakers of 3 cues" in said
    assert "karaoke timing in 1 cue" in said
    assert "override tags (\\pos, colours, fades...) in 2 cues" in said  # the sign and the drawing
    assert "the styles and script information of the file it came from" not in said  # no header passed
    text = (tmp_path / "out.srt").read_text(encoding="utf-8")
    assert "{\\an8}KONOHA STATION" in text  # what players take from an SRT
    assert read_subtitles(tmp_path / "out.srt").cues[1].get("align") == "8"
    assert write_subtitles(tmp_path / "out.ass", source.cues) == []


def test_plain_text_with_and_without_times(tmp_path):
    write_subtitles(tmp_path / "a.txt", CUES[:2], options=WriteOptions(times=True))
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").splitlines() == [
        "[00:00:01.000 --> 00:00:02.500] Hello world second & line",
        "[00:00:03.000 --> 00:00:04.000] Top  3 < 4",
    ]
    write_subtitles(tmp_path / "b.txt", CUES[:2])  # plain text means the text (issue 27, item 21)
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Hello world second & line\n\nTop  3 < 4\n"


def test_json_keeps_word_timings(tmp_path):
    cue = Cue(0, 900, "two words", (Word(0, 300, 0, 3), Word(400, 900, 4, 9)))
    write_subtitles(tmp_path / "w.json", [cue])
    back = read_subtitles(tmp_path / "w.json")
    assert back.cues == [cue]
    assert '"text": "words"' in (tmp_path / "w.json").read_text(encoding="utf-8")


def test_save_like_keeps_format_encoding_bom_and_newlines(tmp_path):
    path = tmp_path / "legacy.vtt"
    path.write_bytes("WEBVTT\r\n\r\n00:01.000 --> 00:02.000 align:start\r\nÇa va très bien\r\n".encode("cp1252"))
    source = read_subtitles(path)
    assert (source.format, source.encoding, source.newline) == ("vtt", "cp1252", "\r\n")
    edited = [source.cues[0].with_(text="Ça va très très bien")]
    save_like(path, edited, source)
    data = path.read_bytes()
    assert data.startswith(b"WEBVTT\r\n") and "très très".encode("cp1252") in data
    assert b"align:start" in data


def test_a_character_the_encoding_cannot_hold_is_one_clear_error(tmp_path):
    with pytest.raises(SubtitleParseError, match=r"cannot be written in cp1252 .*choose UTF-8"):
        write_subtitles(tmp_path / "x.srt", [Cue(0, 1, "漢字")], encoding="cp1252")
    assert not (tmp_path / "x.srt").exists()


def test_format_fields_survive_a_project_save(tmp_path):
    source = read_subtitles(FIXTURES / "aegisub_karaoke.ass")
    save_project(Document.from_cues(source.cues), tmp_path / "p.qssproj")
    assert load_project(tmp_path / "p.qssproj").cues == tuple(source.cues)


def test_frame_rate_comes_from_the_caller_else_23_976(tmp_path):
    plain = FIXTURES / "plain.sub"
    assert read_subtitles(plain).cues[0].start == 1001  # frame 24 at 23.976
    assert read_subtitles(plain, options=ReadOptions(fps=25)).cues[0].start == 960
    declared = read_subtitles(FIXTURES / "declared_25fps.sub", options=ReadOptions(fps=30))
    assert declared.frame_rate == 25 and declared.cues[0].start == 1000  # the file's own {1}{1}25 wins
    assert declared.cues[1].text == "<i>Italic</i>"
    write_subtitles(tmp_path / "o.sub", declared.cues, options=WriteOptions(fps=25))
    assert (tmp_path / "o.sub").read_text(encoding="utf-8").startswith("{1}{1}25\n{25}{75}")


def test_every_writable_format_writes_nothing_for_no_cues_without_failing(tmp_path):
    for fmt in writable():
        write_subtitles(tmp_path / f"empty{fmt.extensions[0]}", [], format=fmt.name)


def test_the_format_to_write_is_the_named_one_else_the_extensions_else_subrip(tmp_path):
    assert target_format("vtt", "out.ass").name == "vtt"  # a name wins over the extension
    assert target_format(".ASS", None).name == "ass"  # names as by_name takes them
    assert target_format(None, "out.VTT").name == "vtt"
    assert target_format(None, tmp_path / "talk.ttml").name == "ttml"
    assert target_format(None, "out.txt").name == "txt"  # written, never read
    assert target_format(None, "out.xyz").name == "srt"
    assert target_format(None, "no-extension").name == "srt"
    assert target_format(None).name == "srt"
    assert target_format("", "out.sbv").name == "sbv"
    with pytest.raises(SubtitleParseError):
        target_format("nope", "out.srt")


def test_every_writer_follows_the_one_rule(tmp_path):
    from argparse import Namespace

    from app.cli.subtitle_options import write_output
    from app.session.batch import output_path, write_result

    write_subtitles(tmp_path / "a.vtt", CUES)
    write_result(str(tmp_path / "b.vtt"), CUES, None)
    write_output(Namespace(format=None), str(tmp_path / "c.vtt"), CUES)
    write_output(Namespace(format="sbv"), str(tmp_path / "d.vtt"), CUES)
    for name in "abc":
        assert (tmp_path / f"{name}.vtt").read_text().startswith("WEBVTT")
    assert not (tmp_path / "d.vtt").read_text().startswith("WEBVTT")
    assert output_path("/m/talk.mp4", None, None) == "/m/talk.srt"
    assert output_path("/m/talk.mp4", "/o", "ass") == "/o/talk.ass"


def test_what_a_format_drops_is_found_among_many_plain_cues():
    """The many plain cues are passed over at once; one with word times, or one with markup, is still counted."""
    from app.core.document import Cue, Word
    from app.formats.base import dropped_features
    from app.formats.registry import by_name

    plain = [Cue(i * 1000, i * 1000 + 900, f"line {i}") for i in range(5000)]
    sbv = by_name("sbv")
    assert [m.code for m in dropped_features(plain, sbv, {})] == []
    timed = Cue(0, 900, "hello", words=(Word(0, 900, 0, 5),))
    marked = Cue(0, 900, "<i>hello</i>")
    found = {m.code: m.n for m in dropped_features([*plain, timed, marked, marked], sbv, {})}
    assert found == {"formats.dropped.words": 1, "formats.dropped.markup": 2}


def test_a_tracks_timed_texts_become_cues_as_the_subrip_reader_makes_them():
    """srt_cues (an MKV's SubRip track): lines ending in spaces and blank lines inside a text are tidied when any
    text has them, a leading {\\an8} is the position, negative times are zero."""
    from app.formats.simple import srt_cues

    texts = ["plain", "ends in spaces  \nand a blank\n\nline ", "{\\an8}on top", "also plain"]
    cues = srt_cues([-5, 100, 200, 300], [50, 150, 250, 350], texts)
    assert [cue.text for cue in cues] == ["plain", "ends in spaces\nand a blank\nline", "on top", "also plain"]
    assert [cue.start for cue in cues] == [0, 100, 200, 300] and cues[2].get("align") == "8"
    assert srt_cues([0], [10], ["clean"])[0].text == "clean"
