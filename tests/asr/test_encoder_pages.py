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

                encode = thinker.get_audio_features
                ended: list[int] = []

                def encoded(*args, _encode=encode, _ended=ended, _tower=tower, **kwargs):
                    out = _encode(*args, **kwargs)
                    _ended.append(_present_pages(*_span(_tower)))  # before the decoder runs (a fault on a
                    return out  # neighbouring tensor may map a few pages around it, as the kernel does)

                if on_demand:  # (packed weights have no address to look at)
                    tower.forward = watched
                    thinker.get_audio_features = encoded
                results[on_demand] = engine.transcribe(wavs, language="English")
                tower.forward = forward
                if on_demand:
                    assert all(not w.is_mkldnn for w in weights)
                    assert during and min(during) > 0  # read from the file while it runs
                    after[on_demand] = max(ended)
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
    assert encoder_pages.encoder_on_demand(thinker) == ()
    assert "get_audio_features" not in vars(thinker)


def test_each_encoder_layer_hands_its_pages_back_before_the_next_runs(bf16_recognizer, monkeypatch):
    """At most one of the encoder's layers is resident at a time: a layer's span goes back as it finishes, before
    the next layer starts (the order of events, read from the releaser: page sizes of a tiny model blur the pages)."""
    from app.asr.runtime import weights

    events: list[tuple] = []
    release_span = weights.PageReleaser.release_span

    def recording(self, start, end):
        events.append(("release", start, end))
        return release_span(self, start, end)

    monkeypatch.setattr(weights.PageReleaser, "release_span", recording)
    engine = Engine(EngineOptions(model=str(bf16_recognizer), aligner=None, device="cpu", idle_unload_s=0,
                                  download=False, batch_size=1, max_new_tokens=2))  # fmt: skip
    try:
        with engine.session():
            layers = list(engine.recognizer().model.thinker.audio_tower.layers)
            assert len(layers) >= 2
            for i, layer in enumerate(layers):
                layer.register_forward_pre_hook(lambda _m, _a, i=i: events.append(("start", i)))
            events.clear()
            engine.transcribe([np.zeros(16000, dtype=np.float32) + 0.01], language="English")
    finally:
        engine.unload()
    spans = [_span(layer) for layer in layers]
    starts = [k for k, e in enumerate(events) if e[0] == "start"]
    assert len(starts) == len(layers)
    for i in range(len(layers) - 1):
        between = events[starts[i] + 1 : starts[i + 1]]
        lo, hi = spans[i]
        assert any(e[1] <= lo and hi <= e[2] for e in between), f"layer {i} was still mapped when layer {i + 1} ran"


def test_a_weight_file_written_moments_ago_is_clean_and_a_page_this_process_wrote_is_not(tmp_path):
    """A file just written (a model just downloaded) has dirty pages in the page cache until they reach the disk:
    still the file's own pages, safe to hand back (its mapping used to count as written, and nothing was handed
    back on a first run). A page this process wrote into its private mapping is its own copy: never handed back."""
    import ctypes
    import mmap

    from app.asr.runtime import weights

    path = tmp_path / "model.safetensors"
    path.write_bytes(os.urandom(64 * 4096))  # no fsync: its pages stay dirty in the page cache for a while
    with open(path, "r+b") as fh:
        view = mmap.mmap(fh.fileno(), 0, flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ | mmap.PROT_WRITE)
    try:
        address = ctypes.addressof(ctypes.c_char.from_buffer(view))
        assert sum(view[i * 4096] for i in range(64)) >= 0  # resident
        mapping = [(a, b) for a, b, p, _private in weights._file_mappings() if p == str(path)]
        assert mapping and mapping[0][0] <= address < mapping[0][1]
        assert weights._clean(*mapping[0])
        view[100] = (view[100] + 1) % 256  # this process's own copy of that page now
        assert not weights._clean(*mapping[0])
    finally:
        del address
        import gc

        gc.collect()
        view.close()
