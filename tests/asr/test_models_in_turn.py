"""When memory is short the recognizer and the aligner are held one at a time: every chunk is recognised first,
the recognizer is unloaded, then the aligner times the words. The user is told, and the result is the same."""

from __future__ import annotations

import dataclasses

import pytest

from app.asr.runtime.recognition import ChunkResult, Progress, recognize

pytestmark = pytest.mark.slow


def _run(engine, audio):
    items = list(recognize(audio, engine=engine, language="English", max_chunk_s=5.0))
    return [i for i in items if isinstance(i, Progress)], [i for i in items if isinstance(i, ChunkResult)]


def test_one_model_at_a_time_gives_the_same_words(engine, speech):
    _, together = _run(engine, speech)
    engine.unload()
    engine.options = dataclasses.replace(engine.options, models_together=False)
    progress, in_turn = _run(engine, speech)
    codes = [p.message.code for p in progress if p.message is not None]
    assert "recognition.models_one_at_a_time" in codes and "recognition.aligning_words" in codes
    assert engine.is_loaded(recognizer=False, aligner=True) and not engine.is_loaded(recognizer=True)
    assert [(c.index, c.text, c.words, c.timing) for c in in_turn] == [
        (c.index, c.text, c.words, c.timing) for c in together
    ]
    assert all(c.timing == "aligned" for c in in_turn if c.text)
    done = [p.done_ms for p in progress]
    assert done == sorted(done)


def test_short_memory_chooses_one_at_a_time(engine, monkeypatch):
    import app.media.memory as memory

    monkeypatch.setattr(memory, "available_bytes", lambda: 100_000_000)
    together, _needed, available = engine.models_together()
    assert not together and available == 100  # MB: the tiny models need well under 1 MB, the margin does not fit
    monkeypatch.setattr(memory, "available_bytes", lambda: 64_000_000_000)
    assert engine.models_together()[0]
