"""Batched alignment: several chunks of different lengths in one aligner call (padded to the longest) give the
same word times as one chunk per call.

The padded positions come after each chunk's own tokens (or are masked out), so every real position computes the
same numbers; the only differences are float rounding from the matrix products running on other shapes (measured:
up to 1.4e-3 on logits up to about 10: the tiny model's wide random weights amplify fp32 rounding). The timestamp
logits are compared within 1e-3 of their largest magnitude (a padding leak moves them by whole units), and the word
times exactly, with one allowance: where two classes tie within that rounding the argmax may pick the other, which
moves that time by one 80 ms step and no more."""

from __future__ import annotations

import numpy as np

from app.asr.runtime.engine import Engine, EngineOptions

TEXTS = [
    "hello world",
    "the quick brown fox jumps over the lazy dog today",
    "one two three four",
    "she said it is a test and we are going to the market then home",
]
SECONDS = [3.1, 11.7, 6.4, 19.9]


def _run(engine: Engine, wavs, batch: int):
    """Word times per chunk and the timestamp logits of each chunk (rows in order), from calls of ``batch``."""
    model = engine.aligner()
    thinker = model.model.thinker
    stamp = model.timestamp_token_id
    captured: list = []

    def hook(_module, args, kwargs, output):
        ids = kwargs["input_ids"]
        for row, logits in zip(ids, output.logits, strict=True):
            captured.append(logits[row == stamp].detach().clone())

    handle = thinker.register_forward_hook(hook, with_kwargs=True)
    try:
        engine.align_batch = batch
        items = engine.align(wavs, TEXTS, "English")
    finally:
        handle.remove()
    return items, captured


def test_batched_alignment_matches_one_chunk_at_a_time(tiny_models):
    engine = Engine(EngineOptions(model="unused", aligner=str(tiny_models.aligner), device="cpu", idle_unload_s=0,
                                  download=False))  # fmt: skip
    rng = np.random.default_rng(7)
    wavs = [(0.1 * rng.standard_normal(int(16000 * s))).astype(np.float32) for s in SECONDS]
    try:
        with engine.session():
            one, one_logits = _run(engine, wavs, 1)
            many, many_logits = _run(engine, wavs, 4)
    finally:
        engine.unload()
    # calls go longest first: match the captured rows to chunks by their number of timestamp positions
    assert len(one_logits) == len(many_logits) == len(wavs)
    by_len = {t.shape[0]: t for t in one_logits}
    assert len(by_len) == len(wavs)
    for t in many_logits:
        ref = by_len[t.shape[0]]
        tolerance = 1e-3 * float(ref.abs().max())
        assert float((t - ref).abs().max()) <= tolerance, (float((t - ref).abs().max()), tolerance)
        top2 = ref.topk(2, dim=-1).values
        clear = (top2[:, 0] - top2[:, 1]) > 2 * tolerance  # no near-tie: the same class must win
        assert (t.argmax(-1) == ref.argmax(-1))[clear].all()
    for a, b, text in zip(one, many, TEXTS, strict=True):
        assert [w.text for w in a] == [w.text for w in b] == text.split()
        for x, y in zip(a, b, strict=True):
            assert abs(x.start_time - y.start_time) <= 0.08 + 1e-9 and abs(x.end_time - y.end_time) <= 0.08 + 1e-9
