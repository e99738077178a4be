"""The CPU decode-step fixes (app/asr/runtime/cpu_decoding.py) compute what transformers computes, and are in use.

Each fix is compared with the code it replaces on the same inputs; the end-to-end test runs the real qwen_asr
recognizer on a tiny checkpoint (2 query heads sharing 1 key/value head, so the grouped path is taken) and checks
the text is the one the package gives on its own, and that the KV cache is never repeated on the way.
"""

from __future__ import annotations

import types

import numpy as np
import pytest

from app.asr.runtime import cpu_decoding, products

torch = pytest.importorskip("torch")


@pytest.fixture()
def grouped():
    cpu_decoding.install_grouped_attention()
    yield
    cpu_decoding.uninstall_grouped_attention()


def _module(groups: int):
    return types.SimpleNamespace(num_key_value_groups=groups, is_causal=True, training=False)


@pytest.mark.parametrize("q_len", [1, 6])
@pytest.mark.parametrize("padded", [False, True])
def test_grouped_attention_equals_transformers_sdpa(grouped, q_len, padded):
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    gen = torch.Generator().manual_seed(q_len)
    batch, heads, kv_heads, dim, past = 3, 8, 2, 16, 9
    kv_len = past + q_len
    q = torch.randn(batch, heads, q_len, dim, generator=gen)
    k = torch.randn(batch, kv_heads, kv_len, dim, generator=gen)
    v = torch.randn(batch, kv_heads, kv_len, dim, generator=gen)
    mask = None
    if padded:  # left padding of 0, 2 and 4 positions, causal within the new positions
        keep = torch.ones(batch, kv_len, dtype=torch.bool)
        for b in range(batch):
            keep[b, : 2 * b] = False
        causal = torch.ones(q_len, kv_len, dtype=torch.bool).tril(diagonal=past)
        mask = (keep[:, None, None, :] & causal[None, None]).contiguous()
    elif q_len > 1:
        past = 0  # transformers uses is_causal without a mask only for a fresh prompt
        k, v = k[:, :, :q_len], v[:, :, :q_len]
    module = _module(heads // kv_heads)
    ours, _ = cpu_decoding._grouped_sdpa(module, q, k, v, mask, scaling=dim**-0.5)
    theirs, _ = sdpa_attention_forward(module, q, k, v, mask, scaling=dim**-0.5)
    assert ours.shape == theirs.shape == (batch, q_len, heads, dim)
    assert torch.allclose(ours, theirs, atol=1e-5)


def test_grouped_attention_leaves_other_devices_and_plain_heads_to_transformers(grouped, monkeypatch):
    calls = []
    monkeypatch.setattr(cpu_decoding, "_original_sdpa", lambda *a, **k: calls.append(a) or ("theirs", None))
    q = torch.randn(1, 2, 1, 4)
    assert cpu_decoding._grouped_sdpa(_module(1), q, q, q, None)[0] == "theirs"  # no grouping: nothing to save
    assert cpu_decoding._grouped_sdpa(_module(2), q, q[:, :1], q[:, :1], None, output_attentions=True)[0] == "theirs"
    assert len(calls) == 2


def _decode_inputs(batch, heads, kv_heads, positions, dim, seed, mask_kind):
    """One decode step's query over a cache, with left padding of 0, 3, 6 ... positions (as a padded batch has)."""
    gen = torch.Generator().manual_seed(seed)
    q = torch.randn(batch, heads, 1, dim, generator=gen)
    k = torch.randn(batch, kv_heads, positions, dim, generator=gen)
    v = torch.randn(batch, kv_heads, positions, dim, generator=gen)
    keep = torch.ones(batch, 1, 1, positions + 5, dtype=torch.bool)  # wider than the cache, as a static mask is
    for b in range(batch):
        keep[b, :, :, : 3 * b] = False
    if mask_kind == "bool":
        return q, k, v, keep
    if mask_kind == "additive":  # what eager attention is given
        return q, k, v, torch.zeros(keep.shape).masked_fill_(~keep, torch.finfo(torch.float32).min)
    return q, k, v, None


@pytest.mark.parametrize("mask_kind", ["bool", "additive", "none"])
@pytest.mark.parametrize("query_dtype", ["float32", "bfloat16"])  # the int8 mode's queries are fp32, bf16's bf16
def test_decode_attention_from_a_bf16_cache_equals_transformers_in_fp32(mask_kind, query_dtype):
    """The bf16 cache's decode step equals transformers' eager and sdpa attention computed in fp32 from the same
    cache (fp32 tolerance), and torch's own bf16 kernel within bf16 rounding."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward
    from transformers.models.qwen3.modeling_qwen3 import eager_attention_forward

    batch, heads, kv_heads, dim, positions = 4, 16, 8, 128, 37
    q, k, v, mask = _decode_inputs(batch, heads, kv_heads, positions, dim, 7, mask_kind)
    dtype = getattr(torch, query_dtype)
    q, k16, v16 = q.to(dtype), k.to(torch.bfloat16), v.to(torch.bfloat16)
    module = _module(heads // kv_heads)
    ours, none = cpu_decoding._grouped_sdpa(module, q, k16, v16, mask, scaling=dim**-0.5)
    assert none is None and ours.dtype == dtype and ours.shape == (batch, 1, heads, dim) and ours.is_contiguous()
    exact = (q.float(), k16.float(), v16.float())
    eager_mask = None if mask is None else mask[..., :positions]
    if eager_mask is not None and eager_mask.dtype == torch.bool:
        eager_mask = torch.zeros(eager_mask.shape).masked_fill_(~eager_mask, torch.finfo(torch.float32).min)
    eager, _ = eager_attention_forward(module, *exact, eager_mask, scaling=dim**-0.5)
    sdpa, _ = sdpa_attention_forward(module, *exact, mask, scaling=dim**-0.5)
    tolerance = 1e-5 if dtype == torch.float32 else 1e-2  # a bf16 answer is rounded to 8 bits at the end
    assert torch.allclose(ours.float(), eager, atol=tolerance) and torch.allclose(ours.float(), sdpa, atol=tolerance)
    kernel, _ = sdpa_attention_forward(module, q.to(torch.bfloat16), k16, v16, mask, scaling=dim**-0.5)
    assert torch.allclose(ours.float(), kernel.float(), atol=2e-2)  # what the bf16 kernel gave before


def test_decode_attention_is_taken_only_for_one_query_row_over_a_half_cache(grouped, monkeypatch):
    taken = []
    original = cpu_decoding.decode_attention
    monkeypatch.setattr(cpu_decoding, "decode_attention", lambda *a: taken.append(a[1].dtype) or original(*a))
    module = _module(2)
    q, k, v, mask = _decode_inputs(2, 4, 2, 9, 8, 1, "bool")
    cpu_decoding._grouped_sdpa(module, q, k, v, mask)  # an fp32 cache: torch's kernel is as fast there
    cpu_decoding._grouped_sdpa(module, q, k.bfloat16(), v.bfloat16(), mask)
    prompt = torch.randn(2, 4, 3, 8)
    cpu_decoding._grouped_sdpa(module, prompt, k.bfloat16(), v.bfloat16(), None)  # prefill keeps sdpa
    cpu_decoding._grouped_sdpa(module, q, k.bfloat16(), v.bfloat16(), mask, output_attentions=True)
    assert taken == [torch.bfloat16]


def test_growing_cache_layer_matches_dynamic_layer():
    from transformers.cache_utils import DynamicCache

    class Config:
        num_hidden_layers = 1

        def get_text_config(self, decoder=True):
            return self

    ours = cpu_decoding.growing_cache_class()(Config()).layers[0]
    theirs = DynamicCache(config=Config()).layers[0]
    gen = torch.Generator().manual_seed(0)
    steps = [5] + [1] * (cpu_decoding.KV_HEADROOM + 40)  # a prompt, then more tokens than the headroom holds
    rooms, batch = set(), 2
    for i, n in enumerate(steps):
        k, v = torch.randn(batch, 3, n, 4, generator=gen), torch.randn(batch, 3, n, 4, generator=gen)
        got, want = ours.update(k, v), theirs.update(k, v)
        assert all(torch.equal(a, b) for a, b in zip(got, want, strict=True)), i
        rooms.add(ours._room[0].data_ptr())
        if i == 60:  # what generate's helpers do: they must not confuse the reserved room
            ours.crop(50), theirs.crop(50)
        if i == 80:
            index = torch.tensor([1])
            ours.batch_select_indices(index), theirs.batch_select_indices(index)
            batch = 1
    assert ours.get_seq_length() == theirs.get_seq_length()
    assert 2 <= len(rooms) <= 5  # reserved room, regrown only a few times (and after the batch selection)


def test_recognizer_on_cpu_gives_the_package_s_text_without_copying_the_cache(tiny_models, monkeypatch):
    from qwen_asr import Qwen3ASRModel
    from transformers import cache_utils
    from transformers.integrations import sdpa_attention

    from app.asr.runtime import attention
    from app.asr.runtime.engine import Engine, EngineOptions

    rng = np.random.default_rng(3)
    wavs = [(0.2 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (3, 11, 7)]  # padded batch

    attention.install()
    cpu_decoding.uninstall_grouped_attention()
    package = Qwen3ASRModel.from_pretrained(
        str(tiny_models.recognizer), dtype=torch.float32, device_map="cpu", max_inference_batch_size=3,
        max_new_tokens=10,
    )  # fmt: skip
    expected = [(r.language, r.text) for r in package.transcribe([(w, 16000) for w in wavs], language="English")]

    engine = Engine(
        EngineOptions(
            model=str(tiny_models.recognizer), aligner=None, device="cpu", batch_size=3, max_new_tokens=10,
            tokens_per_second=1000.0, idle_unload_s=0, download=False, threads=torch.get_num_threads(),
        )
    )  # fmt: skip
    repeats, concatenations = [], []
    original_repeat, original_update = sdpa_attention.repeat_kv, cache_utils.DynamicLayer.update
    monkeypatch.setattr(sdpa_attention, "repeat_kv", lambda *a: repeats.append(a) or original_repeat(*a))
    monkeypatch.setattr(
        cache_utils.DynamicLayer, "update", lambda *a, **k: concatenations.append(a) or original_update(*a, **k)
    )
    try:
        with engine.session():
            thinker = engine.recognizer().model.thinker
            assert thinker.model.config.num_attention_heads > thinker.model.config.num_key_value_heads
            fast = products.fast_linear_class()
            assert all(type(m) is not torch.nn.Linear for m in thinker.modules())
            assert any(type(m) is fast for m in thinker.lm_head.modules())
            got = engine.transcribe(wavs, language="English")
    finally:
        engine.unload()
        cpu_decoding.uninstall_grouped_attention()
    assert got == expected
    assert any(text for _, text in got)
    assert repeats == []  # transformers' own path copies the cache once per layer and step
    assert concatenations == []  # and its DynamicCache concatenates it


_HEAP_PROBE = """
import ctypes, sys
from app.asr.runtime.cpu_decoding import bound_heap
bounded = sys.argv[1] == "1" and bound_heap()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = (ctypes.c_size_t,)
libc.free.argtypes = (ctypes.c_void_p,)
def anon():
    for line in open("/proc/self/status"):
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) * 1024
first = libc.malloc(16 << 20)
libc.free(first)  # glibc's own rule then raises its mmap threshold to 16 MiB
before = anon()
blocks = [libc.malloc(8 << 20) for _ in range(5)]
for b in blocks[:4]:
    ctypes.memset(b, 1, 8 << 20)
for b in blocks[:4]:  # the fifth, untouched, stays above them: the heap cannot shrink past it
    libc.free(b)
if bounded:  # what the engine does after each batch and aligner call
    from app.asr.runtime.cpu_decoding import trim_heap
    trim_heap()
print(int(bounded), anon() - before)
"""


def test_bounded_heap_gives_freed_blocks_back():
    """Freed tensors of a batch (activations, KV cache) must leave the process's memory after the batch, not stay
    in its heap (blocks under the threshold are reused within a call, then handed back by trim_heap)."""
    import subprocess
    import sys

    def kept(bound: bool) -> tuple[int, int]:
        out = subprocess.run([sys.executable, "-c", _HEAP_PROBE, "1" if bound else "0"], capture_output=True,
                             text=True, check=True)  # fmt: skip
        flag, grown = out.stdout.split()
        return int(flag), int(grown)

    if not sys.platform.startswith("linux"):
        return
    assert kept(False)[1] > 24 << 20  # glibc's default keeps them: the probe sees the problem
    bounded, grown = kept(True)
    assert bounded == 1 and grown < 4 << 20


@pytest.mark.parametrize("mode", ["bf16", "int8"])
def test_bf16_cache_recognition_with_fp32_decode_attention(tiny_models, monkeypatch, mode):
    """End to end on the tiny checkpoint (a padded batch, grouped heads), every decode step through decode_attention.
    bf16: the text is the one torch's bf16 attention kernel gave. int8 (fp32 queries over the bf16 cache): the tiny
    random model's text flips with any rounding (storing its cache in bf16 rather than fp32 already changes it), so
    the run is checked to take the path with fp32 queries; the numbers are checked by the tests above."""
    from app.asr.runtime import attention, precision
    from app.asr.runtime.engine import Engine, EngineOptions

    monkeypatch.setattr(precision, "_native", True)  # the int8 mode keeps its cache in bf16 only on such a CPU
    rng = np.random.default_rng(5)
    wavs = [(0.2 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (3, 11, 7)]
    steps = []
    original = cpu_decoding.decode_attention
    monkeypatch.setattr(
        cpu_decoding, "decode_attention", lambda *a: steps.append((a[0].dtype, a[1].dtype)) or original(*a)
    )
    attention.install()
    texts = {}
    for fp32_steps in (False, True):
        monkeypatch.setattr(cpu_decoding, "DECODE_IN_FP32", fp32_steps)
        engine = Engine(
            EngineOptions(
                model=str(tiny_models.recognizer), aligner=None, device="cpu", batch_size=3, max_new_tokens=10,
                tokens_per_second=1000.0, idle_unload_s=0, download=False, cpu_precision=mode,
                threads=torch.get_num_threads(),  # the same threads for both runs (threads.py picks otherwise)
            )
        )  # fmt: skip
        try:
            with engine.session():
                texts[fp32_steps] = engine.transcribe(wavs, language="English")
        finally:
            engine.unload()
            cpu_decoding.uninstall_grouped_attention()
        assert len(texts[fp32_steps]) == 3 and any(text for _, text in texts[fp32_steps])
    query = torch.bfloat16 if mode == "bf16" else torch.float32
    assert len(steps) == 2 * 9 and set(steps) == {(query, torch.bfloat16)}  # 2 layers x 9 steps after the prompt
    if mode == "bf16":
        assert texts[True] == texts[False]
