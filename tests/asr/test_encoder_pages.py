"""app.asr.runtime.encoder_pages: the audio encoder's mapped weights are resident only while it runs (issue 28)."""

from __future__ import annotations

import os
import struct
import sys

import numpy as np
import pytest
import torch

from app.asr.runtime import encoder_pages, precision, products
from app.asr.runtime.engine import Engine, EngineOptions
from tests.support.checkpoints import TINY, build_checkpoint

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="page residency is read from /proc/self/pagemap")


def _present_pages(start: int, end: int) -> int:
    """How many pages of [start, end) are mapped in this process now (bit 63 of /proc/self/pagemap)."""
    page = os.sysconf("SC_PAGE_SIZE")
    first, last = start // page, (end - 1) // page
    with open("/proc/self/pagemap", "rb") as fh:
        fh.seek(first * 8)
        data = fh.read((last - first + 1) * 8)
    return sum(entry >> 63 for (entry,) in struct.iter_unpack("<Q", data))


def _span(module) -> tuple[int, int]:
    params = list(module.parameters())
    return (min(p.data_ptr() for p in params), max(p.data_ptr() + p.numel() * p.element_size() for p in params))


@pytest.fixture
def bf16_recognizer(tmp_path, monkeypatch):
    monkeypatch.setattr(precision, "_native", True)  # the bf16 mode on any CPU
    monkeypatch.setattr(products, "MIN_WEIGHT", 0)  # the tiny model's weights count as large
    dims = {"audio": TINY["audio"], "text": {**TINY["text"], "tie_word_embeddings": True}}
    return build_checkpoint(tmp_path / "bf16", dims=dims, seed=5, dtype="bfloat16")


def test_the_encoders_pages_go_back_after_each_encoding(bf16_recognizer, monkeypatch):
    """A recognizer stored in bf16 and loaded in bf16: its audio encoder's weights stay views of the file, unpacked,
    mapped while the encoder runs and handed back once it has run; the text decoder's are packed; the transcripts
    are those of a run that keeps the encoder resident (and packed)."""
    rng = np.random.default_rng(1)
    wavs = [(0.1 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (2, 5)]
    results, after = {}, {}
    for on_demand in (False, True):
        monkeypatch.setattr(encoder_pages, "ON_DEMAND", on_demand)
        engine = Engine(EngineOptions(model=str(bf16_recognizer), aligner=None, device="cpu", idle_unload_s=0,
                                      download=False, batch_size=2, max_new_tokens=6))  # fmt: skip
        try:
            with engine.session():
                thinker = engine.recognizer().model.thinker
                tower = thinker.audio_tower
                weights = list(tower.parameters())
                fast = products.fast_linear_class()
                linears = [m for m in tower.modules() if type(m) is fast]
                assert linears and all(m.weight.is_mkldnn != on_demand for m in linears)
                assert any(m.weight.is_mkldnn for m in thinker.model.modules() if type(m) is fast)
                during: list[int] = []
                forward = tower.forward

                def watched(*args, _forward=forward, _during=during, _tower=tower, **kwargs):
                    out = _forward(*args, **kwargs)
                    _during.append(_present_pages(*_span(_tower)))
                    return out

                if on_demand:  # (packed weights have no address to look at)
                    tower.forward = watched
                results[on_demand] = engine.transcribe(wavs, language="English")
                tower.forward = forward
                if on_demand:
                    assert all(not w.is_mkldnn for w in weights)
                    assert during and min(during) > 0  # read from the file while it runs
                    after[on_demand] = _present_pages(*_span(tower))
        finally:
            engine.unload()
    assert after[True] == 0  # every page of the encoder's weights handed back once it has run
    assert results[True] == results[False]


def test_an_encoder_held_in_memory_is_left_alone(monkeypatch):
    """Weights that are not views of a weight file (an fp32 file read as bf16, a model built in memory) stay as
    they are: nothing to hand back, and the encoder is packed like the rest."""
    tower = torch.nn.Sequential(torch.nn.Linear(8, 8).to(torch.bfloat16))

    class Thinker(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.audio_tower = tower

        def get_audio_features(self, x):
            return self.audio_tower(x)

    thinker = Thinker()
    assert encoder_pages.encoder_on_demand(thinker) is None
    assert "get_audio_features" not in vars(thinker)
