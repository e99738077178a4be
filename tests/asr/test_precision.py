"""The CPU's number format (app.asr.runtime.precision): bf16 where the weight files are bf16 and the CPU multiplies
bf16 in hardware, the weights then held once as stored (half of fp32), recognition and alignment running in it."""

from __future__ import annotations

import os

import numpy as np
import pytest

from app.asr.client.protocol import cpu_choice
from app.asr.runtime import precision, sizing, weights
from app.asr.runtime.engine import Engine, EngineOptions
from tests.asr.test_int8 import WIDE


@pytest.fixture
def native(monkeypatch):
    """Pretend the CPU has (True) or lacks (False) bf16 instructions."""

    def set_native(value: bool) -> None:
        monkeypatch.setattr(precision, "_native", value)

    return set_native


def test_the_mode_follows_the_device_the_choice_and_the_files(native):
    native(True)
    assert precision.mode_for("cuda:0", "fp32", "F32") == "bf16"  # a GPU always computes in bf16
    assert precision.mode_for("mps", "int8", "BF16") == "fp32"
    assert precision.mode_for("cpu", "auto", "BF16") == "bf16"
    assert precision.mode_for("cpu", "auto", "F32") == "fp32"  # an fp32 file is not rounded down unasked
    for choice in ("fp32", "bf16", "int8"):
        assert precision.mode_for("cpu", choice, "BF16") == choice
    native(False)
    assert precision.mode_for("cpu", "auto", "BF16") == "fp32"  # emulated bf16 is slower than fp32
    assert precision.mode_for("cpu", "bf16", "BF16") == "bf16"  # but asked for, it is given


def test_the_choice_read_from_the_options():
    assert cpu_choice(EngineOptions()) == "auto"
    assert cpu_choice(EngineOptions(cpu_int8=True)) == "int8"  # older settings and --int8
    assert cpu_choice(EngineOptions(cpu_precision="bf16")) == "bf16"
    assert cpu_choice(EngineOptions(cpu_precision="fp64")) == "auto"


def _engine(folder, **options) -> Engine:
    return Engine(EngineOptions(model=str(folder), aligner=None, device="cpu", idle_unload_s=0, download=False,
                                batch_size=2, max_new_tokens=8, **options))  # fmt: skip


def test_a_bf16_file_is_held_once_as_stored(tmp_path, native):
    """Automatic on a bf16-capable CPU: the parameters are the mapped file itself (nothing widened or copied), half
    the bytes of the fp32 load of the same file, and recognition runs in bf16."""
    import torch

    from tests.support.checkpoints import build_checkpoint

    folder = build_checkpoint(tmp_path / "wide-bf16", dims=WIDE, seed=3, dtype="bfloat16")
    os.sync()
    native(True)
    sizes = {}
    for choice in ("fp32", "auto"):
        engine = _engine(folder, cpu_precision=choice)
        try:
            with engine.session():
                model = engine.recognizer().model
                sizes[choice] = weights.loaded_bytes(model)
                layer = model.thinker.model.layers[0].mlp.down_proj
                if choice == "auto":
                    assert layer.weight.dtype == torch.bfloat16
                    assert weights._mapping_of(layer.weight.data_ptr()) is not None, "copied, not mapped"
                    rng = np.random.default_rng(0)
                    wavs = [(0.1 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (3, 7)]
                    out = engine.transcribe(wavs, language="English")
                    assert len(out) == 2 and all(isinstance(text, str) for _, text in out)
                else:
                    assert layer.weight.dtype == torch.float32
        finally:
            engine.unload()
    assert sizes["auto"] <= 0.55 * sizes["fp32"], sizes


def test_an_fp32_file_stays_fp32_automatically(tiny_models, native):
    import torch

    native(True)
    engine = _engine(tiny_models.recognizer)
    try:
        with engine.session():
            assert engine.recognizer().model.thinker.model.layers[0].mlp.down_proj.weight.dtype == torch.float32
    finally:
        engine.unload()


def test_bf16_alignment_reads_its_embeddings_from_the_file_and_times_words(tmp_path, native, speech_wav):
    """The aligner's head is its own (5,000 classes here 400), so its embedding table is only looked up: rows are
        read from the file in bf16; the words come back in order (random weights place them anywhere in the aligner's
    range, so where is not asserted)."""
    import soundfile as sf
    import torch

    from app.asr.runtime.weights import _file_embedding
    from tests.support.checkpoints import build_checkpoint

    folder = build_checkpoint(tmp_path / "aligner-bf16", aligner=True, seed=1, dtype="bfloat16")
    os.sync()
    native(True)
    audio, _rate = sf.read(speech_wav, dtype="float32")
    engine = Engine(EngineOptions(model="unused", aligner=str(folder), device="cpu", idle_unload_s=0,
                                  download=False))  # fmt: skip
    try:
        with engine.session():
            thinker = engine.aligner().model.thinker
            embed = thinker.model.embed_tokens
            assert isinstance(embed, _file_embedding())
            ids = torch.tensor([[1, 7, 7, embed.num_embeddings - 1]])
            assert embed(ids).dtype == torch.bfloat16 and torch.equal(embed(ids), embed.weight.detach()[ids])
            words = ["hello", "everyone", "and", "welcome", "back", "to", "the", "show"]
            (items,) = engine.align([audio], [" ".join(words)], "English")
        assert [i.text for i in items] == words
        assert all(0 <= i.start_time <= i.end_time for i in items)
        starts = [i.start_time for i in items]
        assert starts == sorted(starts)
    finally:
        engine.unload()


def test_the_memory_estimate_follows_the_mode(tiny_models):
    folder = tiny_models.recognizer
    fp32 = sizing.resident_estimate(folder, mode="fp32", recognizer=True)
    bf16 = sizing.resident_estimate(folder, mode="bf16", recognizer=True)
    int8 = sizing.resident_estimate(folder, mode="int8", recognizer=True)
    assert bf16 * 2 == fp32 and int8 < bf16


def test_a_bf16_files_audio_encoder_counts_one_layer_in_the_estimate(tiny_models, tmp_path):
    """A bf16 file in the bf16 or fp32 mode keeps its audio encoder mapped, resident one layer at a time while it
    runs (encoder_pages; fp32: that layer as stored and widened): the estimate counts its largest layer, not all of
    them; an fp32 file read as bf16 holds every layer in memory."""
    from tests.support.checkpoints import build_checkpoint

    folder = build_checkpoint(tmp_path / "bf16", seed=3, dtype="bfloat16")
    shapes = sizing.tensor_shapes(folder)
    layers: dict[str, int] = {}
    for key, _shape, count in shapes:
        if "audio_tower.layers." in key:
            index = key.split("audio_tower.layers.", 1)[1].split(".", 1)[0]
            layers[index] = layers.get(index, 0) + 2 * count
    assert len(layers) >= 2
    everything = 2 * sum(count for _key, _shape, count in shapes)
    bf16 = sizing.resident_estimate(folder, mode="bf16", recognizer=True)
    assert bf16 == everything - sum(layers.values()) + max(layers.values())
    fp32 = sizing.resident_estimate(folder, mode="fp32", recognizer=True)  # widened layer by layer: stored + fp32
    assert fp32 == 2 * (everything - sum(layers.values())) + 3 * max(layers.values())
    values = sum(count for _key, _shape, count in sizing.tensor_shapes(tiny_models.recognizer))
    assert sizing.resident_estimate(tiny_models.recognizer, mode="bf16", recognizer=True) == 2 * values


def test_int8_mode_runs_the_encoder_convolutions_in_bf16_where_the_cpu_has_it(tiny_models, native):
    import torch

    from app.asr.runtime.precision import bf16_convolutions

    conv = torch.nn.Sequential(torch.nn.Conv2d(1, 8, 3, 2, padding=1), torch.nn.Conv2d(8, 8, 3, 2, padding=1))
    x = torch.randn(2, 1, 128, 100)
    with torch.no_grad():
        want = conv(x)
        native(False)
        assert bf16_convolutions(conv) == 0
        native(True)
        assert bf16_convolutions(conv) == 2 and conv[0].weight.dtype == torch.bfloat16
        got = conv(x)
    assert got.dtype == torch.float32 and torch.allclose(got, want, rtol=0.05, atol=0.05 * float(want.abs().max()))
    engine = Engine(EngineOptions(model=str(tiny_models.recognizer), aligner=None, device="cpu", idle_unload_s=0,
                                  download=False, cpu_int8=True, max_new_tokens=4))  # fmt: skip
    try:
        with engine.session():
            tower = engine.recognizer().model.thinker.audio_tower
            assert tower.conv2d1.weight.dtype == torch.bfloat16
            (out,) = engine.transcribe([np.zeros(16000 * 2, np.float32)], language="English")
            assert isinstance(out[1], str)
    finally:
        engine.unload()


def test_a_bf16_cache_keeps_bf16_and_attention_answers_in_fp32():
    """The int8 mode's cache on a bf16 CPU: keys and values stored in bf16 (half the memory), attention over them
    close to the fp32 result and handed back in fp32, through the grouped path and transformers' own."""
    import types

    import torch
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    from app.asr.runtime import cpu_decoding

    class Config:
        num_hidden_layers = 1

        def get_text_config(self, decoder=True):
            return self

    layer = cpu_decoding.growing_cache_class()(Config(), 8, torch.bfloat16).layers[0]
    gen = torch.Generator().manual_seed(0)
    k, v = torch.randn(2, 2, 6, 16, generator=gen), torch.randn(2, 2, 6, 16, generator=gen)
    keys, values = layer.update(k, v)
    assert keys.dtype == values.dtype == torch.bfloat16 and torch.allclose(keys.float(), k, rtol=1e-2, atol=1e-2)
    q = torch.randn(2, 4, 1, 16, generator=gen)
    mask = torch.ones(2, 1, 1, 6, dtype=torch.bool)
    mask[1, :, :, :2] = False  # left padding
    want, _ = sdpa_attention_forward(types.SimpleNamespace(num_key_value_groups=2, is_causal=True, training=False),
                                     q, k, v, mask, scaling=0.25)  # fmt: skip
    cpu_decoding.install_grouped_attention()
    try:
        for groups, kv in ((2, (keys, values)), (1, (keys.repeat_interleave(2, 1), values.repeat_interleave(2, 1)))):
            module = types.SimpleNamespace(num_key_value_groups=groups, is_causal=True, training=False)
            got, _ = cpu_decoding._grouped_sdpa(module, q, *kv, mask, scaling=0.25)
            assert got.dtype == torch.float32 and got.shape == want.shape
            assert torch.allclose(got, want, atol=3e-2), groups
    finally:
        cpu_decoding.uninstall_grouped_attention()


def test_eight_chunks_a_call_when_memory_allows(tiny_models, native, monkeypatch):
    from app.asr.runtime.engine import CPU_BATCH, CPU_WIDE_BATCH, CPU_WIDE_BATCH_ROOM, cpu_batch_size

    assert cpu_batch_size("fp32", 2 * CPU_WIDE_BATCH_ROOM) == CPU_WIDE_BATCH  # its cache is twice as large
    assert cpu_batch_size("fp32", 2 * CPU_WIDE_BATCH_ROOM - 1) == CPU_BATCH
    for mode in ("bf16", "int8"):
        assert cpu_batch_size(mode, CPU_WIDE_BATCH_ROOM) == CPU_WIDE_BATCH
        assert cpu_batch_size(mode, CPU_WIDE_BATCH_ROOM - 1) == cpu_batch_size(mode, None) == CPU_BATCH
    native(True)
    for room, want in ((8 << 30, CPU_WIDE_BATCH), (256 << 20, CPU_BATCH)):
        monkeypatch.setattr("app.media.memory.available_bytes", lambda room=room: room)
        engine = Engine(EngineOptions(model=str(tiny_models.recognizer), aligner=None, device="cpu", idle_unload_s=0,
                                      download=False, cpu_int8=True, max_new_tokens=4))  # fmt: skip
        try:
            with engine.session():
                assert engine.settle_batch_size() == want
                out = engine.transcribe([np.zeros(16000 * s, np.float32) for s in (1, 2, 3)], language="English")
                assert len(out) == 3  # the int8 recognizer with its bf16 cache runs through the grouped attention
        finally:
            engine.unload()


def test_models_in_turn_run_lean(tiny_models, native, monkeypatch):
    """When the models are held one at a time (memory is short), the run uses the lean heap and CPU_BATCH chunks
    per call even where a wider batch would fit; with both held, the heap reuses blocks and the batch widens."""
    from app.asr.runtime import cpu_decoding
    from app.asr.runtime.engine import CPU_BATCH, CPU_WIDE_BATCH
    from app.asr.runtime.recognition import recognize

    native(True)
    monkeypatch.setattr("app.media.memory.available_bytes", lambda: 64 << 30)
    audio = np.zeros(16000 * 4, np.float32)
    audio[8000:40000] = 0.1 * np.random.default_rng(0).standard_normal(32000)
    for together, lean, batch in ((False, True, CPU_BATCH), (True, False, CPU_WIDE_BATCH)):
        engine = Engine(EngineOptions(model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner),
                                      device="cpu", idle_unload_s=0, download=False, cpu_int8=True,
                                      max_new_tokens=4, models_together=together))  # fmt: skip
        try:
            list(recognize(audio, engine=engine, language="English", word_timing=True))
            assert engine.lean is lean and engine.batch_size == batch
            if cpu_decoding._heap_bounded:
                assert cpu_decoding._lean is lean
        finally:
            engine.unload()


def test_int8_from_a_bf16_file_keeps_no_fp32_copy_of_the_vocabulary(tmp_path):
    """The released recognizer ties its head to the embedding table; the head's wrapper keeps a reference to that
    table, and widening it had made a full fp32 copy (0.62 GB at the real size) that nothing reads."""
    import torch

    from tests.support.checkpoints import build_checkpoint

    folder = build_checkpoint(tmp_path / "tied-bf16", seed=2, dtype="bfloat16")
    os.sync()
    engine = _engine(folder, cpu_int8=True)
    try:
        with engine.session():
            model = engine.recognizer().model
            table = model.thinker.model.embed_tokens.weight
            assert table.dtype == torch.bfloat16
            for name, p in model.named_parameters(remove_duplicate=False):
                assert not (p.dtype == torch.float32 and p.shape == table.shape), name
            out = engine.transcribe([np.zeros(16000 * 2, np.float32)], language="English")
            assert len(out) == 1
    finally:
        engine.unload()
