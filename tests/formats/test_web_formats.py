"""WebVTT, TTML/DFXP, SAMI and SBV on files shaped like those web players, broadcasters and YouTube produce."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.formats.base import ReadOptions
from app.formats.registry import read_subtitles, read_subtitles_bytes, save_like, write_subtitles

FIXTURES = Path(__file__).parent / "fixtures"


def test_webvtt_settings_ids_and_voices_stay_out_of_the_text():
    result = read_subtitles(FIXTURES / "webvtt_features.vtt")
    texts = [c.text for c in result.cues]
    assert texts == [
        "We are in New York City",
        "<i>Hi</i> & welcome <3",
        "Roger: Are you there?\nNeil: Yes, right here.",  # two voices in one cue stay readable
        "漢(kan) text  spaced\ncut by a timing line",
        "Second cue right after",  # a line with --> ends the cue before it (the spec's rule)
        "Last cue",
    ]
    first = result.cues[0]
    assert (first.start, first.end) == (1000, 4000)  # no hours
    assert first.get("vtt.id") == "intro" and first.get("actor") == "Roger Bingham"
    assert first.get("vtt.settings") == "line:0 position:50% align:center" and first.get("align") == "8"
    assert result.cues[1].get("actor") == "Neil deGrasse Tyson"
    assert result.header["vtt.title"] == "- Episode 1, from a web player"
    assert "::cue" in result.header["vtt.style"] and "id:fred" in result.header["vtt.style"]
    where = f"{FIXTURES / 'webvtt_features.vtt'}, "
    assert result.skipped == [
        where + "line 37: unreadable timing '00:00:xx.000 --> 00:00:12.000', its cue was skipped",
        where + "line 40: a block without a timing line was skipped",
        where + "1 NOTE comment block(s) left out",
    ]


def test_webvtt_saved_back_keeps_styles_ids_settings_and_voices(tmp_path):
    source = read_subtitles(FIXTURES / "webvtt_features.vtt")
    out = tmp_path / "o.vtt"
    save_like(out, source.cues, source)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT - Episode 1, from a web player\nLanguage: en\n\nSTYLE\n::cue {")  # its language kept
    assert "intro\n00:00:01.000 --> 00:00:04.000 line:0 position:50% align:center\n<v Roger Bingham>We are" in text
    assert "<v Neil deGrasse Tyson><i>Hi</i> &amp; welcome &lt;3" in text
    again = read_subtitles(out)
    assert [(c.start, c.end, c.text, c.extra) for c in again.cues] == [
        (c.start, c.end, c.text, c.extra) for c in source.cues
    ]


def test_webvtt_written_from_srt_markup_is_valid():
    cues = [Cue(0, 1000, '<font color="red">Red</font> --> and <i>it</i>'), Cue(1000, 2000, "a\n\nb")]
    path_text = _write(cues, "vtt")
    assert "Red --&gt; and <i>it</i>" in path_text and "a\nb" in path_text
    assert "<font" not in path_text


def _write(cues, name) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x.{name}"
        write_subtitles(path, cues)
        return path.read_text(encoding="utf-8")


def test_ttml_frames_ticks_offsets_nested_spans_and_breaks():
    result = read_subtitles(FIXTURES / "netflix_frames.dfxp")
    got = [(c.start, c.end, c.text) for c in result.cues]
    assert got == [
        (1500, 2500, "Offset times"),
        (3000, 5000, "Timed spans"),  # timing only on the spans
        (10500, 12000, "Frames: <i>half</i> a second\ninto the div"),  # div begin + 12 frames at 23.976
        (13000, 14500, "Ticks, at the top, <b>nested</b>"),  # 10 s + 30,000,000 ticks at 10 MHz, dur 1.5 s
        (60250, 90250, "Clock with fraction, half a minute long"),
    ]
    assert result.cues[3].get("align") == "8" and result.cues[3].get("actor") == "narrator"
    assert result.frame_rate == pytest.approx(23.976, abs=0.001)
    assert len(result.skipped) == 2 and "'bad' is not a TTML time expression" in result.skipped[0]


def test_ttml_written_is_imsc1_text_and_reads_back(tmp_path):
    cues = [Cue(0, 1500, "<i>Tilted</i> & <b>bold\n</b>line two"), Cue(2000, 3000, "Up", extra=(("align", "8"),))]
    out = tmp_path / "o.ttml"
    write_subtitles(out, cues)
    root = ET.parse(out).getroot()  # well-formed, with unbalanced markup closed
    assert root.get("{http://www.w3.org/ns/ttml#parameter}profile") == "http://www.w3.org/ns/ttml/profile/imsc1/text"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") is not None
    back = read_subtitles(out)
    assert [(c.start, c.end, c.text, c.get("align")) for c in back.cues] == [
        (0, 1500, "<i>Tilted</i> & <b>bold</b>\nline two", None),
        (2000, 3000, "Up", "8"),
    ]


def test_ttml_refuses_entity_declarations_and_names_broken_xml(tmp_path):
    bomb = '<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY a "aaaa">]><tt xmlns="http://www.w3.org/ns/ttml">&a;</tt>'
    with pytest.raises(SubtitleParseError, match="declares XML entities"):
        read_subtitles_bytes(bomb.encode(), name="bomb.ttml")
    broken = tmp_path / "broken.ttml"
    broken.write_text('<tt xmlns="http://www.w3.org/ns/ttml">\n<body>\n<p begin="1s" end="2s">x</div>', "utf-8")
    with pytest.raises(SubtitleParseError, match=r"broken.ttml, line 3: not well-formed XML \(mismatched tag"):
        read_subtitles(broken)


def test_sami_with_two_languages_reads_the_one_asked_for():
    english = read_subtitles(FIXTURES / "two_languages.smi")
    assert english.languages == ("ENUSCC", "FRFRCC")
    assert [(c.start, c.end, c.text) for c in english.cues] == [
        (1000, 3500, "Hello,\nworld"),
        (4000, 6000, "<i>Goodbye</i> & thanks"),
    ]
    french = read_subtitles(FIXTURES / "two_languages.smi", options=ReadOptions(language="fr"))
    assert [c.text for c in french.cues] == ["Bonjour,\nle monde", "<i>Au revoir</i> et merci"]
    assert "read the FRFRCC captions; the file also holds ENUSCC" in french.skipped[0]


def test_sbv_from_youtube():
    result = read_subtitles(FIXTURES / "youtube.sbv")
    assert [(c.start, c.end) for c in result.cues] == [(599, 4160), (4160, 6770), (62000, 3600500)]
    assert result.cues[0].text == ">> ALICE: Hi, my name is Alice and\nthis is a test."


def test_mpl2_italics_and_deciseconds():
    result = read_subtitles(FIXTURES / "sample.mpl")
    assert [(c.start, c.end, c.text) for c in result.cues] == [
        (1000, 2500, "MPL2 first\nsecond line"),
        (3000, 4500, "<i>Italic in MPL2</i>"),
    ]
