"""The transcribe and align verbs on tiny checkpoints."""

from __future__ import annotations

import re

import pytest

from app.cli import run


@pytest.mark.slow
def test_transcribe_then_align(tiny_models, speech_wav, tmp_path, capfd):
    from app.formats.srt import read_srt

    out = tmp_path / "out.srt"
    common = ["--aligner", str(tiny_models.aligner), "--device", "cpu"]
    argv = ["transcribe", str(speech_wav), "-o", str(out), "--model", str(tiny_models.recognizer), *common]
    assert run([*argv, "--language", "en", "--max-new-tokens", "16", "--context", "Qwen"]) == 0
    cues = read_srt(out).cues
    captured = capfd.readouterr()  # file descriptors: transformers' logger writes to the real stderr
    assert cues and re.search(r": \d+ cues?, language English\n", captured.out)
    assert "pad_token_id" not in captured.err  # a log line in the middle of the progress bar
    aligned = tmp_path / "aligned.srt"
    assert run(["align", str(speech_wav), str(out), "-o", str(aligned), *common, "--language", "English"]) == 0
    again = read_srt(aligned).cues
    summary = capfd.readouterr().out.splitlines()[-1]
    assert summary.startswith(f"{aligned}: {len(cues)} cue") and " moved, " in summary
    assert [c.text for c in again] == [c.text for c in cues]
    assert all(0 <= c.start < c.end for c in again)


@pytest.mark.slow
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


def _fake_align_run(monkeypatch, realign):
    """Run `align` in-process with no media decoding and no models: ``realign`` stands in for the aligner."""
    import numpy as np

    import app.cli.recognition

    def fake_run(job, audio, bar):  # in place of the engine client: the job goes straight to ``realign``
        yield from realign(audio, job.cues, job.targets, engine=None, language=job.language)

    monkeypatch.setattr(app.cli.recognition, "load_audio", lambda _path, _bar=None: np.zeros(16000, np.float32))
    monkeypatch.setattr(app.cli.recognition, "_run", fake_run)


FRENCH = (
    "1\n00:00:01,000 --> 00:00:02,000\nJe ne sais pas ce que tu veux.\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\nC'est très bien, merci.\n"
)


def test_align_guesses_the_language_from_the_subtitles(monkeypatch, tmp_path, capsys):
    subs = tmp_path / "film.srt"
    subs.write_text(FRENCH, encoding="utf-8")
    seen = {}

    def realign(audio, cues, targets, *, engine, language, **kwargs):
        seen["language"] = language
        raise ModelError("stop here")
        yield

    from app.core.errors import ModelError

    _fake_align_run(monkeypatch, realign)
    assert run(["align", "film.mkv", str(subs)]) == 2
    assert seen["language"] == "French"
    assert "language: French (of most cues, from the subtitles; --language to change)" in capsys.readouterr().out


def test_align_without_a_language_says_to_give_one_when_detection_fails(monkeypatch, tmp_path, capsys):
    from app.core.errors import ModelError

    subs = tmp_path / "music.srt"
    subs.write_text("1\n00:00:01,000 --> 00:00:02,000\n♪ ♪\n", encoding="utf-8")

    def realign(audio, cues, targets, *, engine, language, **kwargs):
        assert language is None
        raise ModelError("cannot reach the model hub for Qwen/Qwen3-ASR-0.6B: LocalEntryNotFoundError")
        yield

    _fake_align_run(monkeypatch, realign)
    assert run(["align", "film.mkv", str(subs), "--model", "Qwen/Qwen3-ASR-0.6B"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the model hub" in err and "--language" in err


def test_align_summary_counts_add_up():
    from app.cli.recognition import align_summary
    from app.core.document import Cue

    before = [Cue(0, 1000, "a"), Cue(2000, 3000, "b"), Cue(4000, 5000, "c"), Cue(6000, 7000, "d")]
    after = [Cue(100, 1000, "a"), before[1], before[2].with_(needs_review=True), Cue(6100, 7100, "d")]
    assert align_summary(before, after) == (
        "4 cues written: 2 moved, 2 unchanged; 1 marked for review (the aligner could not place them; "
        "they kept their times)"
    )
    assert align_summary(before[:1], before[:1]) == "1 cue written: 0 moved, 1 unchanged"


def test_large_moves_are_listed_by_the_edge_that_moved():
    """Issue 27: a cue whose end moved 1.2 s was listed as "+0.00 s" (the start's change)."""
    from app.cli.recognition import move_text
    from app.core.document import Cue

    old = Cue(1000, 2000, "a")
    assert move_text(old, Cue(1000, 3200, "a")) == "end +1.20 s"
    assert move_text(old, Cue(400, 2000, "a")) == "start -0.60 s"
    assert move_text(old, Cue(1800, 2800, "a")) == "+0.80 s"  # the whole cue moved
    assert move_text(old, Cue(1100, 3200, "a")) == "start +0.10 s, end +1.20 s"


def test_realign_names_the_language_it_detected_and_cannot_align():
    import contextlib

    import numpy as np

    from app.asr.runtime.realign import realign
    from app.core.document import Cue
    from app.core.errors import ModelError

    class Engine:
        def session(self, **_kwargs):
            return contextlib.nullcontext()

        def transcribe(self, _chunks):
            return [("Hindi", "")]

    with pytest.raises(ModelError) as caught:
        list(realign(np.zeros(32000, np.float32), [Cue(0, 1000, "Bonjour")], engine=Engine()))
    assert "does not support Hindi (detected from the first 30 s of speech" in str(caught.value)


def test_generation_warnings_are_silenced_where_models_load():
    import inspect
    import logging

    from app.asr.runtime import engine

    engine.quiet_generation_warnings()
    assert logging.getLogger("transformers.generation.utils").getEffectiveLevel() >= logging.ERROR
    assert "quiet_generation_warnings()" in inspect.getsource(engine.Engine._load)


def test_the_command_line_and_the_window_give_the_same_cues(tiny_models, speech_wav, tmp_path):
    """Same file, options and limits: the same cues, whichever way recognition was asked for."""
    from app.asr.client.protocol import Cues, EngineOptions, RecognizeJob
    from app.asr.client.service import LocalEngineClient
    from app.formats.srt import read_srt
    from app.media import decode_audio

    out = tmp_path / "cli.srt"
    argv = ["transcribe", str(speech_wav), "-o", str(out), "--model", str(tiny_models.recognizer), "--aligner",
            str(tiny_models.aligner), "--device", "cpu", "--language", "English", "--max-new-tokens", "24",
            "--max-cps", "9", "--max-line", "12"]  # fmt: skip
    assert run(argv) == 0
    from_cli = [(c.start, c.end, c.text) for c in read_srt(out).cues]

    # the window's way (app/ui/recognition/run.py): the process's client, the dialog's options, the document's limits
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
