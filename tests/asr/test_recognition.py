"""End to end through the real qwen_asr code with tiny random checkpoints: speech in, SRT out."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.asr.runtime.engine import Engine, EngineOptions
from app.asr.runtime.recognition import ChunkResult, Progress, join_chunks, recognize, transcribe, transcript_cues
from app.core.checks import Limits, readability, timing, validate
from app.core.errors import ModelError

pytestmark = pytest.mark.slow


def _run(engine, audio, **kwargs):
    items = list(recognize(audio, engine=engine, **kwargs))
    return [i for i in items if isinstance(i, Progress)], [i for i in items if isinstance(i, ChunkResult)]


def test_speech_to_srt_within_every_limit(engine, speech, tmp_path):
    from app.formats.srt import read_srt, write_srt

    progress, chunks = _run(engine, speech, language="English", max_chunk_s=5.0)
    assert len(chunks) >= 3
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert chunks[0].start_ms == 0 and chunks[-1].end_ms == len(speech) * 1000 // 16000
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(chunks))
    done = [p.done_ms for p in progress]
    assert done == sorted(done) and done[-1] == chunks[-1].end_ms
    for c in chunks:
        assert c.language == "English" and c.text and c.timing == "aligned"
        assert all(c.start_ms <= w.start <= w.end <= c.end_ms for w in c.words)
        assert [w.start for w in c.words] == sorted(w.start for w in c.words)
    transcript = join_chunks(chunks)
    cues = transcript_cues(transcript, audio_end_ms=len(speech) * 1000 // 16000)
    assert cues
    limits = Limits.for_language("English")
    assert validate(cues) == []
    assert [p for p in readability(cues, limits) if p.kind != "reading_speed"] == []
    assert [p for p in timing(cues, limits) if p.kind in ("too_long", "gap")] == []
    out = tmp_path / "speech.srt"
    write_srt(out, cues)
    assert [c.text for c in read_srt(out).cues] == [c.text for c in cues]
    # every recognised character is in the subtitles, in order
    assert "".join(c.text for c in cues).replace(" ", "").replace("\n", "") == transcript.text.replace(" ", "")


def test_chunk_texts_are_joined_with_a_space_at_every_seam(engine, speech):
    _, chunks = _run(engine, speech, language="English", max_chunk_s=5.0)
    transcript = join_chunks(chunks)
    assert transcript.text == " ".join(c.text.strip() for c in chunks if c.text.strip())
    offset = 0  # words moved onto the joined text still cover the same characters
    for c in chunks:
        start = transcript.text.index(c.text.strip(), offset)
        for w in c.words:
            moved = w.shifted(0, start - (len(c.text) - len(c.text.lstrip())))
            assert transcript.text[moved.char_start : moved.char_end] == c.text[w.char_start : w.char_end]
        offset = start + len(c.text.strip())
    assert len(transcript.words) == sum(len(c.words) for c in chunks)


def test_cancel_takes_effect_inside_the_batch(engine, speech):
    results: list[ChunkResult] = []
    stop = [False]
    for item in recognize(speech, engine=engine, language="English", max_chunk_s=3.0, cancelled=lambda: stop[0]):
        if isinstance(item, ChunkResult):
            results.append(item)
            stop[0] = True  # the user presses cancel while the first batch is being delivered
    # the model call in flight stops between two layers: the next chunk of the batch is not even aligned
    assert len(results) == 1
    from app.asr.runtime.engine import busy

    assert not busy()  # the engine is free for the next request


def test_detected_language_and_context_pass_through(engine, speech):
    seen = {}
    model = engine.recognizer()
    real = model.transcribe

    def spy(audio, context="", language=None, return_time_stamps=False):
        seen.update(context=context, language=language, n=len(audio))
        return real(audio, context=context, language=language)

    model.transcribe = spy
    try:
        _, chunks = _run(engine, speech[: 16000 * 4], context="Names: Qwen, Netflix", word_timing=False)
    finally:
        model.transcribe = real
    assert seen == {"context": "Names: Qwen, Netflix", "language": None, "n": 1}
    assert len(chunks) == 1 and chunks[0].timing == "estimated"


def test_unsupported_language_gets_estimated_timing(engine, speech):
    _, chunks = _run(engine, speech[: 16000 * 6], language="Thai")
    assert chunks and all(c.timing == "estimated" and c.language == "Thai" for c in chunks)
    transcript = join_chunks(chunks)
    assert transcript.estimated
    for c in chunks:
        assert c.words and all(c.start_ms <= w.start <= w.end <= c.end_ms for w in c.words)


def test_transcribe_helper_reports_progress(engine, speech):
    seen: list[Progress] = []
    transcript = transcribe(speech[: 16000 * 3], engine=engine, language="en", progress=seen.append)
    assert transcript.language == "English" and transcript.text
    assert seen[-1].fraction == 1.0


def test_model_folder_with_a_missing_file_is_a_clear_error(tiny_models, tmp_path):
    import shutil

    broken = tmp_path / "asr"
    shutil.copytree(tiny_models.recognizer, broken)
    (broken / "preprocessor_config.json").unlink()
    engine = Engine(EngineOptions(model=str(broken), aligner=None, device="cpu", idle_unload_s=0))
    with pytest.raises(ModelError, match=r"missing preprocessor_config\.json"):
        list(recognize(np.zeros(16000, dtype=np.float32), engine=engine))
    (broken / "preprocessor_config.json").write_text("{}")
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    with pytest.raises(ModelError, match=r"model\.safetensors is damaged"):
        list(recognize(np.zeros(16000, dtype=np.float32), engine=engine))


def test_silent_chunks_are_not_sent_to_the_recognizer(engine, speech, monkeypatch):
    from app.asr.algorithms import chunking

    silence = np.zeros(16000 * 45, dtype=np.float32)
    audio = np.concatenate([speech, silence, speech[: 16000 * 4], silence]).astype(np.float32)
    chunks = chunking.split_at_pauses(audio)
    marks = chunking.sounding(audio, chunks)
    assert marks.count(False) >= 2 and marks.count(True) >= 2  # the test needs both kinds
    sent: list[int] = []
    original = engine.transcribe

    def transcribe(wavs, **kwargs):
        sent.extend(len(w) for w in wavs)
        return original(wavs, **kwargs)

    monkeypatch.setattr(engine, "transcribe", transcribe)
    progress, results = _run(engine, audio, language="English")
    assert [r.index for r in results] == list(range(len(chunks)))  # every chunk accounted for, in order
    assert sent == [c.samples for c, sound in zip(chunks, marks, strict=True) if sound]
    for r, sound in zip(results, marks, strict=True):
        assert bool(r.text) == sound and (sound or r.words == ())
    assert progress[-1].done_ms == len(audio) * 1000 // 16000


def test_digital_silence_is_never_recognised(engine):
    from app.asr.algorithms import chunking

    audio = np.zeros(16000 * 70, dtype=np.float32)
    assert chunking.sounding(audio, chunking.split_at_pauses(audio)) == [False] * 3
    progress, results = _run(engine, audio, language="English")
    assert len(results) == 3 and all(r.text == "" for r in results)
    assert progress[-1].fraction == 1.0


def test_cancel_stops_a_model_call_between_layers(engine, speech):
    """A cancel during a long generate() or align() stops it at the next layer instead of at the end of the batch."""
    from app.asr.runtime.engine import RunCancelled

    engine.load(recognizer=True)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with engine.session(cancelled=cancelled), pytest.raises(RunCancelled):
        engine.transcribe([speech[: 16000 * 3]] * 2, language="English")
    assert len(calls) == 4  # checked before each layer, stopped at once
    assert engine.transcribe([speech[: 16000 * 3]], language="English")  # and the engine works afterwards


def test_loading_reports_every_phase(tiny_models, speech):
    from app.asr.runtime.engine import Engine

    reports = []
    eng = Engine(EngineOptions(model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner), device="cpu",
                               idle_unload_s=0, download=False))  # fmt: skip
    eng.load(recognizer=True, aligner=True, report=lambda fraction, msg: reports.append((msg.code, fraction)))
    codes = [code for code, _ in reports]
    assert "engine.reading_weights" in codes and "engine.moving_to_device" in codes
    reading = [f for code, f in reports if code == "engine.reading_weights"]
    assert reading == sorted(reading) and reading[-1] == 1.0
    assert codes.count("engine.moving_to_device") == 4  # start and end, for the recognizer and the aligner


def test_smaller_convolution_calls_give_the_same_encoding(engine, speech):
    """The cancel checks run the encoder's convolutions a few chunks per call; the chunks are independent."""
    import torch

    engine.load(recognizer=True)
    from app.asr.runtime.loading import CONV_CHUNKS

    tower = engine.recognizer().model.thinker.audio_tower
    chosen = tower.conv_chunksize
    assert 1 <= chosen <= CONV_CHUNKS  # a few windows per call: cancel checks between calls, small transients
    features = torch.randn(128, 2000, generator=torch.Generator().manual_seed(0))  # 20 s of mel frames
    lengths = torch.tensor([2000])
    with torch.no_grad():
        small = tower(features, feature_lens=lengths).last_hidden_state
        tower.conv_chunksize = 500
        try:
            large = tower(features, feature_lens=lengths).last_hidden_state
        finally:
            tower.conv_chunksize = chosen
    assert torch.allclose(small, large, atol=1e-5)
