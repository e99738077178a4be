"""The transcribe and align verbs on tiny checkpoints."""

from __future__ import annotations

import re

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
    assert cues and re.search(r": \d+ cues?, language English\n", capsys.readouterr().out)
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


def test_the_command_line_and_the_window_give_the_same_cues(tiny_models, speech_wav, tmp_path):
    """Same file, options and limits: the same cues, whichever way recognition was asked for."""
    from app.asr.protocol import Cues, EngineOptions, RecognizeJob
    from app.asr.service import LocalEngineClient
    from app.formats.srt import read_srt
    from app.media import decode_audio

    out = tmp_path / "cli.srt"
    argv = ["transcribe", str(speech_wav), "-o", str(out), "--model", str(tiny_models.recognizer), "--aligner",
            str(tiny_models.aligner), "--device", "cpu", "--language", "English", "--max-new-tokens", "24",
            "--max-cps", "9", "--max-line", "12"]  # fmt: skip
    assert run(argv) == 0
    from_cli = [(c.start, c.end, c.text) for c in read_srt(out).cues]

    # the window's way (app/ui/recognition.py): the process's client, the dialog's options, the document's limits
    options = EngineOptions(model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner), device="cpu",
                            max_new_tokens=24)  # fmt: skip
    job = RecognizeJob(options, "English", "", {"max_cps": 9, "max_line_chars": 12})
    client = LocalEngineClient()
    try:
        messages = list(client.run(job, decode_audio(str(speech_wav)).samples))
        cues = [c for m in messages if isinstance(m, Cues) for c in m.cues]
    finally:
        client.shutdown()
    assert from_cli == [(c.start, c.end, c.text) for c in cues]
    assert len(from_cli) > 1
