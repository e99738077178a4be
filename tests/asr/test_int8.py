"""int8 dynamic quantisation on the CPU: the recognizer's Linear layers are swapped, the encoder window fix and the
last-position head still apply, and recognition still runs."""

from __future__ import annotations

import numpy as np

from app.asr import attention
from app.asr.engine import Engine, EngineOptions, _LastPositionHead, use_cpu_int8


def _linears(module) -> tuple[int, int]:
    import torch
    from torch.ao.nn.quantized import dynamic

    mods = list(module.modules())
    return sum(type(m) is torch.nn.Linear for m in mods), sum(isinstance(m, dynamic.Linear) for m in mods)


def test_only_the_cpu_quantises():
    assert use_cpu_int8(True, "cpu")
    assert not use_cpu_int8(False, "cpu") and not EngineOptions().cpu_int8  # opt-in
    assert not use_cpu_int8(True, "cuda:0") and not use_cpu_int8(True, "mps")


def _engine(tiny_models, cpu_int8: bool) -> Engine:
    return Engine(
        EngineOptions(
            model=str(tiny_models.recognizer), aligner=None, device="cpu", batch_size=2, max_new_tokens=8,
            idle_unload_s=0, download=False, cpu_int8=cpu_int8,
        )
    )  # fmt: skip


def test_int8_engine_quantises_and_transcribes(tiny_models):
    engine = _engine(tiny_models, True)
    rng = np.random.default_rng(0)
    wavs = [(0.1 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (3, 12)]
    try:
        with engine.session():
            thinker = engine.recognizer().model.thinker
            assert isinstance(thinker.lm_head, _LastPositionHead.get())
            assert attention.installed()
            for part in (thinker.model, thinker.audio_tower, thinker.lm_head):
                plain, quantised = _linears(part)
                assert plain == 0 and quantised > 0, part
            out = engine.transcribe(wavs, language="English")
        assert len(out) == 2 and all(isinstance(text, str) for _, text in out)
        assert any(text for _, text in out)
    finally:
        engine.unload()


def test_fp32_stays_available(tiny_models):
    engine = _engine(tiny_models, False)
    try:
        with engine.session():
            thinker = engine.recognizer().model.thinker
            assert _linears(thinker)[1] == 0
    finally:
        engine.unload()
