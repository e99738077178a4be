"""The transcribe and align verbs on tiny checkpoints."""

from __future__ import annotations

import pytest

from app.cli import run

pytestmark = pytest.mark.slow


def test_transcribe_then_align(tiny_models, speech_wav, tmp_path, capsys):
    from app.formats.srt import read_srt

    out = tmp_path / "out.srt"
    common = ["--aligner", str(tiny_models.aligner), "--device", "cpu"]
    argv = ["transcribe", str(speech_wav), "-o", str(out), "--model", str(tiny_models.recognizer), *common]
    assert run([*argv, "--language", "en", "--max-new-tokens", "16", "--context", "Qwen"]) == 0
    cues = read_srt(out).cues
    assert cues and "cues, language English" in capsys.readouterr().out
    aligned = tmp_path / "aligned.srt"
    assert run(["align", str(speech_wav), str(out), "-o", str(aligned), *common, "--language", "English"]) == 0
    again = read_srt(aligned).cues
    assert [c.text for c in again] == [c.text for c in cues]
    assert all(0 <= c.start < c.end for c in again)


def test_errors_are_one_line(tiny_models, speech_wav, tmp_path, capsys):
    assert run(["transcribe", str(speech_wav), "--model", str(tmp_path / "none"), "--device", "cpu"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: model folder not found") and err.count("\n") == 1
    assert run(["transcribe", str(speech_wav), "--language", "Klingon"]) == 2
    assert "unsupported language 'Klingon'" in capsys.readouterr().err


def test_int8_flag_reaches_the_engine_options():
    from app.cli import build_parser
    from app.cli.recognition import _options

    parser = build_parser("transcribe")
    assert _options(parser.parse_args(["transcribe", "x.wav", "--int8"])).cpu_int8 is True
    assert _options(parser.parse_args(["transcribe", "x.wav"])).cpu_int8 is False
