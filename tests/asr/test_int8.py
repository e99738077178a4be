"""int8 dynamic quantisation on the CPU: the recognizer's Linear layers are swapped, the encoder window fix and the
last-position head still apply, and recognition still runs."""

from __future__ import annotations

import numpy as np

from app.asr.runtime import attention
from app.asr.runtime.engine import Engine, EngineOptions, _LastPositionHead, use_cpu_int8


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


# Wide enough that the Linear weights dominate the tree (about 2 M of its 2.3 M parameters), so that holding them
# once in int8 instead of fp32 (or beside fp32) shows as a large, unambiguous difference.
WIDE = {
    "audio": {
        "d_model": 64, "encoder_layers": 1, "encoder_attention_heads": 2, "encoder_ffn_dim": 256,
        "downsample_hidden_size": 16, "output_dim": 256,
    },
    "text": {
        "hidden_size": 256, "intermediate_size": 1024, "num_hidden_layers": 2, "num_attention_heads": 4,
        "num_key_value_heads": 2, "head_dim": 64, "mrope_section": [16, 8, 8], "tie_word_embeddings": False,
    },
}  # fmt: skip


def test_int8_holds_the_weights_once(tmp_path, monkeypatch):
    import gc
    import weakref

    from app.asr.runtime import weights
    from tests.support.checkpoints import build_checkpoint

    folder = build_checkpoint(tmp_path / "wide", dims=WIDE, seed=3)
    sources: list[weakref.ref] = []
    quantise_one = weights._quantised

    def watched(linear, releaser, block_rows):
        sources.append(weakref.ref(linear))
        return quantise_one(linear, releaser, block_rows)

    monkeypatch.setattr(weights, "_quantised", watched)
    sizes = {}
    for int8 in (False, True):
        engine = Engine(EngineOptions(model=str(folder), aligner=None, device="cpu", idle_unload_s=0,
                                      download=False, cpu_int8=int8))  # fmt: skip
        try:
            model = engine.recognizer().model
            sizes[int8] = weights.loaded_bytes(model)
            if int8:
                assert _linears(model)[0] == 0
                gc.collect()
                assert sources and all(ref() is None for ref in sources), "an fp32 Linear is still referenced"
        finally:
            engine.unload()
    # int8 Linear weights are a quarter of fp32; embeddings, norms and convolutions stay fp32
    assert sizes[True] < 0.4 * sizes[False], sizes


def test_audio_convolutions_run_a_few_windows_at_a_time_with_the_same_numbers(tiny_models):
    """The encoder's first convolution over every window of a 30 s chunk at once was a 0.37 GB transient in each
    recognition and alignment call; a few windows per call must give the same features."""
    import torch

    from app.asr.runtime.engine import CPU_CONV_WINDOWS, small_conv_chunks

    engine = _engine(tiny_models, False)
    try:
        with engine.session():
            tower = engine.recognizer().model.thinker.audio_tower
            assert tower.conv_chunksize == CPU_CONV_WINDOWS  # set at load on the CPU
            feats = torch.randn(128, 1000)  # 10 s of mel frames: ten windows
            lens = torch.tensor([1000])
            small_conv_chunks(engine.recognizer().model.thinker, 1)
            one = tower(feats, feature_lens=lens).last_hidden_state
            tower.conv_chunksize = 500
            whole = tower(feats, feature_lens=lens).last_hidden_state
        assert one.shape == whole.shape and torch.allclose(one, whole, atol=1e-5)
    finally:
        engine.unload()


def test_int8_embeddings_read_their_rows_from_the_file(tiny_models):
    """Mapped lookups made whole folios of the table resident; the rows read from the file must be the table's."""
    import os

    import torch

    from app.asr.runtime.weights import _file_embedding, _mapping_of

    os.sync()  # a file written moments ago has dirty pages: its mapping would not count as clean (nothing switched)
    engine = _engine(tiny_models, True)
    try:
        with engine.session():
            embed = engine.recognizer().model.thinker.model.embed_tokens
            assert isinstance(embed, _file_embedding())
            ids = torch.tensor([[5, 0, 5, 17], [3, 3, embed.num_embeddings - 1, 1]])
            rows = embed(ids)
            assert rows.dtype == torch.float32 and rows.shape == (2, 4, embed.embedding_dim)
            assert torch.equal(rows, embed.weight.detach().float()[ids])
            # the small weights left are the process's own, so the file's pages could all be handed back
            norm = engine.recognizer().model.thinker.model.norm.weight
            assert _mapping_of(norm.data_ptr()) is None and _mapping_of(embed.weight.data_ptr()) is not None
    finally:
        engine.unload()


def test_the_size_read_from_the_headers_is_the_files_tensors(tiny_models):
    """weights_bytes (does a model fit?) and resident_estimate (both models at once?) read one account of the files."""
    from safetensors import safe_open

    from app.asr.runtime.engine import weights_bytes
    from app.asr.runtime.sizing import resident_estimate, tensor_shapes

    folder = tiny_models.recognizer
    values = 0
    for file in sorted(folder.glob("*.safetensors")):
        with safe_open(str(file), "pt") as tensors:
            values += sum(tensors.get_tensor(k).numel() for k in tensors.keys())  # noqa: SIM118
    assert sum(count for _k, _s, count in tensor_shapes(folder)) == values
    assert weights_bytes(folder, 2) == 2 * values
    assert resident_estimate(folder, mode="fp32", recognizer=True) == 4 * values
    assert resident_estimate(folder, mode="int8", recognizer=True) < 4 * values


def test_loaded_bytes_counts_every_int8_layer_once():
    """Unpacked int8 weights are fresh tensors: each must be counted, not taken for the last one's freed storage
    (the decode-step floor of bench_asr.py rtf --int8 read 0.17 GB for a 0.6 GB decoder)."""
    import torch

    from app.asr.runtime import weights

    layers = torch.nn.Sequential(*(torch.nn.Linear(256, 128, bias=False) for _ in range(6)))
    quantised = torch.nn.Sequential(*(weights._quantised(layer, None, 64) for layer in layers))
    assert weights.loaded_bytes(quantised) == 6 * 256 * 128  # one byte a weight, six layers
