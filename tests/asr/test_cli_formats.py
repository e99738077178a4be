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
    assert out.read_text(encoding="utf-8").startswith("WEBVTT\nLanguage: en\n\n")  # the language recognised


def test_align_reads_and_writes_ass_keeping_its_styles(tiny_models, speech_wav, tmp_path):
    import shutil
    from pathlib import Path

    from app.formats.registry import read_subtitles

    shutil.copy(Path(__file__).parents[1] / "formats" / "fixtures" / "old.ssa", tmp_path / "k.ssa")
    subs = tmp_path / "k.ssa"
    argv = ["align", str(speech_wav), str(subs), "--aligner", str(tiny_models.aligner), "--device", "cpu",
            "--language", "English"]  # fmt: skip
    assert run(argv) == 0
    out = tmp_path / "k.aligned.ssa"
    text = out.read_text(encoding="utf-8")
    assert "Style: Default,Tahoma,24" in text and "Title: Old script" in text
    assert read_subtitles(out).cues[0].get("actor") == "Narrator"
