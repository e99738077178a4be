"""transcribe writes any format the output's extension names."""

from __future__ import annotations

import pytest

from app.cli import run

pytestmark = pytest.mark.slow


def test_transcribe_writes_webvtt(tiny_models, speech_wav, tmp_path):
    out = tmp_path / "out.vtt"
    argv = [
        "transcribe",
        str(speech_wav),
        "-o",
        str(out),
        "--model",
        str(tiny_models.recognizer),
        "--aligner",
        str(tiny_models.aligner),
        "--device",
        "cpu",
        "--language",
        "en",
        "--max-new-tokens",
        "8",
    ]
    assert run(argv) == 0
    assert out.read_text(encoding="utf-8").startswith("WEBVTT\n\n")
