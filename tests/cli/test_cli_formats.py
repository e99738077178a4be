"""convert and check on every format: by OUT's extension or --format, with what a conversion drops said."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import run
from app.formats.registry import read_subtitles

FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures"
SRT = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Hello & <i>bye</i>\n"


def test_convert_writes_the_format_the_extension_names(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(SRT, encoding="utf-8")
    assert run(["convert", str(src), str(tmp_path / "out.vtt")]) == 0
    assert (tmp_path / "out.vtt").read_text(encoding="utf-8") == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0\nHello &amp; <i>bye</i>\n"
    )
    assert run(["convert", str(src), str(tmp_path / "out.data"), "--format", "ttml"]) == 0
    assert "imsc1/text" in (tmp_path / "out.data").read_text(encoding="utf-8")
    assert capsys.readouterr().err == ""  # nothing dropped, nothing said


def test_convert_reads_ass_and_says_in_one_line_what_srt_drops(tmp_path, capsys):
    out = tmp_path / "out.srt"
    assert run(["convert", str(FIXTURES / "aegisub_karaoke.ass"), str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"warning: {out}: SubRip does not keep style names of 3 cues; speakers of 3 cues;")
    assert len(read_subtitles(out).cues) == 6


def test_convert_frame_rate_and_sami_language(tmp_path):
    out = tmp_path / "o.srt"
    assert run(["convert", str(FIXTURES / "plain.sub"), str(out), "--fps", "25"]) == 0
    assert read_subtitles(out).cues[0].start == 960
    assert run(["convert", str(FIXTURES / "two_languages.smi"), str(out), "--language", "fr-FR"]) == 0
    assert read_subtitles(out).cues[0].text == "Bonjour,\nle monde"


def test_check_reads_any_format_and_names_it(capsys):
    assert run(["check", str(FIXTURES / "old.ssa")]) == 0
    assert "2 cues, SubStation Alpha, encoding utf-8" in capsys.readouterr().out
    assert run(["check", str(FIXTURES / "netflix_frames.dfxp"), "--json"]) == 1  # 1: it found problems
    report = capsys.readouterr().out
    assert '"format": "ttml"' in report and '"cues": 5' in report


def test_bad_input_is_one_line_naming_file_and_line(tmp_path, capsys):
    broken = tmp_path / "broken.ttml"
    broken.write_text('<tt xmlns="http://www.w3.org/ns/ttml">\n<body>\n<p begin="1s" end="2s">x</div>\n', "utf-8")
    assert run(["convert", str(broken), str(tmp_path / "o.srt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {broken}, line 3: not well-formed XML")
    assert run(["convert", str(FIXTURES / "old.ssa"), str(tmp_path / "o.srt"), "--format", "docx"]) == 2
    assert "unknown subtitle format 'docx'" in capsys.readouterr().err
    assert not (tmp_path / "o.srt").exists()


@pytest.mark.parametrize(("suffix", "guessed"), [(".srt", False), (".sbv", False), (".vtt", True), (".ttml", True),
                                                 (".ass", True)])  # fmt: skip
def test_convert_guesses_languages_only_for_a_format_that_writes_them(tmp_path, monkeypatch, suffix, guessed):
    """SubRip keeps no language: a file converted to it is not sent through the language guess (a million cues:
    half a second, issue 27); WebVTT, TTML and ASS write the languages, so theirs are guessed as before."""
    import app.text.language_detect as language_detect

    calls = []
    original = language_detect.guess_cue_languages
    monkeypatch.setattr(language_detect, "guess_cue_languages", lambda *a, **k: calls.append(1) or original(*a, **k))
    source = tmp_path / "in.srt"
    first = "1\n00:00:01,000 --> 00:00:02,000\nWhere are you going tonight?\n\n"
    source.write_text(first + "2\n00:00:03,000 --> 00:00:04,000\nI am going to the station now.\n", encoding="utf-8")
    assert run(["convert", str(source), str(tmp_path / f"out{suffix}")]) == 0
    assert bool(calls) is guessed
    assert "station" in (tmp_path / f"out{suffix}").read_text(encoding="utf-8")
