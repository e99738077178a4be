"""Align a plain script (issue 24 item 7): ``align MEDIA SCRIPT.txt``, its reading, its plan and its segmentation."""

from __future__ import annotations

import itertools
import shutil
import subprocess

import numpy as np
import pytest

from app.asr.algorithms.script import plan_script, script_words
from app.cli import run

ENGLISH = (
    "Hello everyone, and welcome to the show.\n"
    "Today we talk about subtitles, timing and reading speed. The quick brown fox jumps over the lazy dog.\n"
    "\n"
    "Thank you for watching,\n"
    "and see you next time.\n"
)
CHINESE = "大家好，欢迎收看节目。\n今天我们谈谈字幕、时间和阅读速度，这是一个很长的句子需要分开。\n谢谢观看。\n"


def _check_structure(script: str, cues) -> None:
    """Every word of the script in order, nothing added; times in order."""
    assert script_words(" ".join(c.text for c in cues)) == script_words(script)
    assert all(0 <= c.start < c.end for c in cues)
    assert all(a.end <= b.start for a, b in itertools.pairwise(cues))


@pytest.mark.slow
def test_align_an_english_script_end_to_end(tiny_models, speech_wav, tmp_path, capfd):
    from app.formats.srt import read_srt

    script = tmp_path / "script.txt"
    script.write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out.srt"
    argv = ["align", str(speech_wav), str(script), "-o", str(out), "--aligner", str(tiny_models.aligner),
            "--device", "cpu"]  # fmt: skip
    assert run(argv) == 0
    printed = capfd.readouterr().out
    assert "language: English (guessed from the script" in printed and f"{out}: " in printed
    cues = read_srt(out).cues
    _check_structure(ENGLISH, cues)
    assert cues[0].text == "Hello everyone, and welcome to the show."  # a line that fits: a cue


@pytest.fixture(scope="module")
def chinese_speech(tmp_path_factory):
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    path = tmp_path_factory.mktemp("zh") / "zh.wav"
    subprocess.run(["espeak-ng", "-v", "cmn", "-w", str(path), CHINESE.replace("\n", " ")], check=True)
    return path


@pytest.mark.slow
def test_align_a_chinese_script_in_gbk(tiny_models, chinese_speech, tmp_path):
    from app.formats.srt import read_srt

    script = tmp_path / "中文.txt"
    script.write_bytes(CHINESE.encode("gbk"))
    out = tmp_path / "out.srt"
    argv = ["align", str(chinese_speech), str(script), "-o", str(out), "--aligner", str(tiny_models.aligner),
            "--device", "cpu", "--language", "Chinese"]  # fmt: skip
    assert run(argv) == 0
    cues = read_srt(out).cues
    _check_structure(CHINESE, cues)
    assert all(" " not in c.text for c in cues)  # nothing added between ideographs


# -- bad input: one line each, before any model is touched ---------------------------------------------------
def _error(argv, capsys) -> str:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    return err


def test_an_empty_script_is_refused(tmp_path, capsys):
    script = tmp_path / "empty.txt"
    script.write_text(" \n\n ...\n", encoding="utf-8")
    assert "no words to align" in _error(["align", "film.mkv", str(script)], capsys)


def test_a_binary_script_is_refused(tmp_path, capsys):
    script = tmp_path / "x.txt"
    script.write_bytes(bytes(range(256)) * 8)
    assert "binary" in _error(["align", "film.mkv", str(script), "--script"], capsys)


def test_a_language_the_aligner_does_not_know_names_the_ones_it_knows(tmp_path, capsys):
    script = tmp_path / "thai.txt"
    script.write_text("สวัสดีครับ ยินดีต้อนรับ\n", encoding="utf-8")
    err = _error(["align", "film.mkv", str(script)], capsys)
    assert "cannot align Thai" in err and "Chinese, English, Cantonese" in err
    err = _error(["align", "film.mkv", str(script), "--language", "Klingon"], capsys)
    assert "cannot align Klingon" in err and "Spanish" in err


def test_utf16_script_is_read(tmp_path):
    from app.formats.script import read_script

    path = tmp_path / "s.txt"
    path.write_bytes(CHINESE.encode("utf-16"))
    assert read_script(path) == CHINESE.strip()


def test_a_tmplayer_txt_stays_subtitles_and_a_plain_one_is_a_script(tmp_path):
    import argparse

    from app.cli.script import is_script

    timed, plain = tmp_path / "timed.txt", tmp_path / "plain.txt"
    timed.write_text("00:00:01:Hello there\n00:00:03:General Kenobi\n", encoding="utf-8")
    plain.write_text("Hello there\nGeneral Kenobi\n", encoding="utf-8")
    assert not is_script(argparse.Namespace(subtitles=str(timed), script=False))
    assert is_script(argparse.Namespace(subtitles=str(plain), script=False))
    assert is_script(argparse.Namespace(subtitles=str(timed), script=True))
    assert not is_script(argparse.Namespace(subtitles="x.srt", script=False))


# -- the segmentation keeps the script's lines ---------------------------------------------------------------
def _segment(text: str, language: str = "English"):
    from app.asr.algorithms.segment import segment_words
    from app.asr.algorithms.wordmap import words_without_aligner

    words = words_without_aligner(text, 0, 400 * len(text.split()) + 60 * len(text), language)
    return segment_words(text, words, language=language, keep_lines=True, audio_end_ms=10**7)


def test_lines_that_fit_stay_whole_and_long_lines_are_split():
    text = ENGLISH.strip()
    cues = _segment(text)
    _check_structure(text, cues)
    lines = [line for c in cues for line in c.text.split("\n")]
    assert "Hello everyone, and welcome to the show." in lines
    assert "Thank you for watching," in lines and "and see you next time." in lines
    assert max(len(line) for line in lines) <= 42


def test_short_lines_become_the_lines_of_one_cue_at_the_scripts_break():
    text = "Yes.\nNo.\n\nMaybe."
    cues = _segment(text)
    _check_structure(text, cues)
    assert cues[0].text == "Yes.\nNo."  # the break where the script has it
    assert cues[-1].text == "Maybe."  # never across a blank line


def test_without_keep_lines_nothing_changes():
    from app.asr.algorithms.segment import segment_words
    from app.asr.algorithms.wordmap import words_without_aligner

    text = "Yes.\nNo.\nMaybe so, said the man."
    words = words_without_aligner(text, 0, 6000, "English")
    assert all("\n" not in c.text or "Yes" not in c.text for c in segment_words(text, words, language="English"))


# -- a long recording is planned in windows --------------------------------------------------------------------
def test_a_long_recording_is_aligned_in_windows_that_cover_the_text():
    rng = np.random.default_rng(0)
    parts = []
    for _ in range(30):  # 30 x (4 s of "speech", 1 s of silence) = 150 s
        parts += [rng.normal(0, 0.3, 4 * 16000).astype(np.float32), np.zeros(16000, np.float32)]
    audio = np.concatenate(parts)
    text = "\n".join(f"Line number {i} of the script is here." for i in range(60))
    plan = plan_script(audio, text, max_s=60)
    assert len(plan) >= 3
    assert plan[0].char_start == 0 and plan[-1].char_end == len(text)
    assert all(a.char_end == b.char_start and a.end_ms == b.start_ms for a, b in itertools.pairwise(plan))
    assert all(p.end_ms - p.start_ms <= 60_000 for p in plan)
    assert all(text[p.char_start - 1] == "\n" for p in plan[1:])  # cut at the script's line breaks
