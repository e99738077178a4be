"""CPU fixes for the text decoder's token-by-token steps, found by profiling a full-size 0.6B batch.

On a 2-core CPU a decode step of four 30 s chunks took 552 ms, of which the weights' matrix products (bound by
memory bandwidth) should take about 110 ms. The rest came from two places, both fixed here without changing the
arithmetic:

1. Grouped-query attention copied the whole KV cache every step. The text model has 16 query heads sharing 8 key/
   value heads; transformers' sdpa path only lets torch share them (``enable_gqa``) on CUDA without a mask, and a
   padded batch always has a mask, so on the CPU it materialises the repeated keys and values (``repeat_kv``):
   56 copies of the cache per step, 425 of 971 ms in a profiled step at batch 8. torch's CPU attention kernel takes
   grouped heads with a mask directly; :func:`install_grouped_attention` routes CPU calls there (other devices go
   to transformers' own function).
2. Skinny matrix products chose a slow kernel: app.asr.runtime.products times the kernels on this machine and
   gives each row count the fastest (MKL's matrix-vector product on AMD processors reads weights at half the speed).

3. The KV cache grew by concatenation: transformers' DynamicCache copies every layer's keys and values into a new
   tensor at each step (158 of 331 ms per step at batch 4 once 1 and 2 were fixed). :func:`preallocate_kv_cache`
   makes the recognizer's generate use a cache whose layers write into spare room reserved ahead (grown by half
   when it runs out), so a step appends in place.

4. A decode step's attention over a bf16 KV cache (the bf16 and int8 modes) ran in torch's bf16 kernel, 2-4 times
   slower than plain fp32 maths over the same cache (16 query heads x 1 token over 8 KV heads x 470 positions x 128:
   7.8 against 3.2 ms at batch 8, 2 threads, AMD Zen 4) and less exact. :func:`decode_attention` widens the step's
   keys and values to fp32, multiplies, masks, takes the softmax and multiplies again, grouping the query heads by a
   reshape; prompts (more than one query row) and fp32 caches (where torch's kernel is as fast) keep sdpa.

All of them compute the same numbers (differences at float rounding; tests/asr/test_cpu_decoding.py).
"""

from __future__ import annotations

from typing import Any

DECODE_IN_FP32 = True  # decode steps over a bf16 cache attend in fp32 maths (decode_attention); tests turn it off
KV_HEADROOM = 128  # token slots reserved beyond the prompt when a layer's cache is first written

_original_sdpa: Any = None
_cache_cls: Any = None


def install_grouped_attention() -> None:
    """Replace transformers' "sdpa" attention function with one that shares grouped KV heads on the CPU
    (idempotent; affects every model of the process, the aligner included, which only gains)."""
    global _original_sdpa
    from transformers.modeling_utils import ALL_ATTENTION_FUNCTIONS

    if _original_sdpa is None:
        _original_sdpa = ALL_ATTENTION_FUNCTIONS["sdpa"]
        ALL_ATTENTION_FUNCTIONS["sdpa"] = _grouped_sdpa


def uninstall_grouped_attention() -> None:
    """Put transformers' own function back (tests compare the two)."""
    global _original_sdpa
    if _original_sdpa is None:
        return
    from transformers.modeling_utils import ALL_ATTENTION_FUNCTIONS

    ALL_ATTENTION_FUNCTIONS["sdpa"] = _original_sdpa
    _original_sdpa = None


def _grouped_sdpa(
    module: Any, query: Any, key: Any, value: Any, attention_mask: Any, dropout: float = 0.0,
    scaling: float | None = None, is_causal: bool | None = None, **kwargs: Any,
) -> tuple[Any, None]:  # fmt: skip
    """transformers' sdpa_attention_forward, less the KV copy: (batch, heads, q, dim) in, (batch, q, heads, dim) out."""
    from torch.nn import functional as F

    if (
        DECODE_IN_FP32
        and query.shape[2] == 1
        and key.device.type == "cpu"
        and key.dtype.is_floating_point
        and key.dtype.itemsize == 2  # a bf16 (or fp16) cache: torch's kernel is 2-4x slower there than fp32 maths
        and not dropout
        and not kwargs.get("output_attentions", False)
        and kwargs.get("head_mask") is None
    ):
        return decode_attention(query, key, value, attention_mask, scaling), None
    wanted = query.dtype
    mixed = key.dtype != wanted
    if mixed:  # a cache kept in bf16 (preallocate_kv_cache): attend in its dtype, answer in ours
        query = query.to(key.dtype)
        if attention_mask is not None and attention_mask.is_floating_point():
            attention_mask = attention_mask.to(key.dtype)
    groups = getattr(module, "num_key_value_groups", 1)
    if (
        groups == 1
        or key.device.type != "cpu"
        or kwargs.get("output_attentions", False)
        or kwargs.get("head_mask") is not None
    ):
        result = _original_sdpa(
            module, query, key, value, attention_mask, dropout=dropout, scaling=scaling, is_causal=is_causal, **kwargs
        )
        return (result[0].to(wanted), result[1]) if mixed else result
    if attention_mask is not None and attention_mask.ndim == 4:
        attention_mask = attention_mask[:, :, :, : key.shape[-2]]
    if is_causal is None:
        is_causal = query.shape[2] > 1 and attention_mask is None and getattr(module, "is_causal", True)
    out = F.scaled_dot_product_attention(
        query, key, value, attn_mask=attention_mask, dropout_p=dropout, scale=scaling, is_causal=bool(is_causal),
        enable_gqa=True,
    )  # fmt: skip
    return out.transpose(1, 2).to(wanted).contiguous(), None


def decode_attention(query: Any, key: Any, value: Any, attention_mask: Any, scaling: float | None) -> Any:
    """One decode step's attention, matmul-softmax-matmul in fp32 from a half-precision cache: (batch, heads, 1,
    dim) queries over (batch, kv_heads, positions, dim) keys and values, with a bool (True = attend) or additive 4-D
    mask or none; returns (batch, 1, heads, dim) in the query's dtype. Query heads are grouped onto their key/value
    head by a reshape (head h reads kv head h // groups, as transformers' repeat_kv), so nothing is repeated."""
    import torch

    batch, heads, _, dim = query.shape
    kv_heads, positions = key.shape[1], key.shape[2]
    groups = heads // kv_heads
    scale = dim**-0.5 if scaling is None else scaling
    q = query.to(torch.float32).reshape(batch, kv_heads, groups, dim)
    scores = torch.matmul(q, key.to(torch.float32).transpose(-1, -2)).mul_(scale)  # batch, kv_heads, groups, positions
    if attention_mask is not None:
        mask = attention_mask[..., -1:, :positions]  # the step's own row (the mask may be wider than the cache)
        if mask.shape[1] == 1:  # one row for every head
            mask = mask.reshape(mask.shape[0], 1, 1, positions)
        else:
            mask = mask.reshape(mask.shape[0], kv_heads, groups, positions)
        if mask.dtype == torch.bool:
            scores = scores.masked_fill_(~mask, torch.finfo(torch.float32).min)
        else:
            scores = scores.add_(mask.to(torch.float32))
    probs = torch.softmax(scores, dim=-1)
    out = torch.matmul(probs, value.to(torch.float32))  # batch, kv_heads, groups, dim
    return out.reshape(batch, 1, heads, dim).to(query.dtype)


def growing_cache_class() -> Any:
    """A DynamicCache whose layers append in place into reserved room instead of concatenating."""
    global _cache_cls
    if _cache_cls is None:
        import torch
        from transformers.cache_utils import DynamicCache, DynamicLayer

        class GrowingLayer(DynamicLayer):
            _room: tuple[torch.Tensor, torch.Tensor] | None = None
            expected: int = 0  # tokens the generation will add (max_new_tokens), known when the cache is made
            store: Any = None  # the dtype keys and values are kept in (None: as they come)

            def update(self, key_states: torch.Tensor, value_states: torch.Tensor, cache_kwargs: Any = None):
                if not self.is_initialized:
                    self.lazy_initialization(key_states)
                if self.store is not None and key_states.dtype != self.store:
                    key_states, value_states = key_states.to(self.store), value_states.to(self.store)
                n, add = self.get_seq_length(), key_states.shape[-2]
                room = self._room
                if (
                    room is None
                    or n + add > room[0].shape[-2]
                    or room[0].shape[:2] != key_states.shape[:2]
                    or (n and self.keys.data_ptr() != room[0].data_ptr())  # replaced by crop/select: start over
                ):
                    # room for the whole generation at once when its length is known (no 1.5x over-reservation:
                    # at batch 4 the cache is about 0.4 GB in fp32), else half again
                    grow = self.expected + 1 if not n and self.expected else max(KV_HEADROOM, (n + add) // 2)
                    size = n + add + grow
                    shape = (*key_states.shape[:2], size, key_states.shape[-1])
                    room = (key_states.new_empty(shape), value_states.new_empty(shape))
                    if n:
                        room[0][:, :, :n].copy_(self.keys)
                        room[1][:, :, :n].copy_(self.values)
                    self._room = room
                room[0][:, :, n : n + add].copy_(key_states)
                room[1][:, :, n : n + add].copy_(value_states)
                self.keys, self.values = room[0][:, :, : n + add], room[1][:, :, : n + add]
                return self.keys, self.values

        class GrowingCache(DynamicCache):
            def __init__(self, config: Any, expected: int = 0, store: Any = None) -> None:
                super().__init__(config=config)
                self.layers = [GrowingLayer() for _ in self.layers]
                for layer in self.layers:
                    layer.expected = expected
                    layer.store = store

        _cache_cls = GrowingCache
    return _cache_cls


def preallocate_kv_cache(thinker: Any, store: Any = None) -> None:
    """Make ``thinker.generate`` (the package calls it once per batch) start from a GrowingCache (idempotent).
    ``store``: keep keys and values in that dtype (the int8 mode keeps them in bf16 on a CPU with bf16
    instructions: half the cache's memory and of what each step reads; attention then runs in bf16)."""
    if getattr(thinker, "_qss_growing_cache", False):
        return
    generate = thinker.generate
    cls = growing_cache_class()

    def generate_with_cache(*args: Any, **kwargs: Any) -> Any:
        expected = int(kwargs.get("max_new_tokens") or 0)
        kwargs.setdefault("past_key_values", cls(thinker.config, expected, store))
        try:
            return generate(*args, **kwargs)
        finally:
            trim_heap()

    thinker.generate = generate_with_cache
    thinker._qss_growing_cache = True


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX = -1, -3, -8
# Blocks under 32 MiB (glibc's largest threshold: a batch's activations, its KV cache's layers) come from the heap and
# are reused within a call; larger ones are mapped on their own. A threshold of 1 MiB had made every activation a
# fresh mapping whose pages fault in and are zeroed at each use: the aligner ran 60 % slower (RTF 0.094 -> 0.151,
# bench/bench_asr.py align). What a call freed is handed back after it (trim_heap).
HEAP_MMAP_THRESHOLD = 32 << 20
# When memory is short (the models held one at a time): every block of 1 MiB and more mapped on its own and
# unmapped when freed, so nothing freed stays in the process, at the price of faulting each activation in afresh.
LEAN_MMAP_THRESHOLD = 1 << 20
_heap_bounded = False
_lean = False


def bound_heap() -> bool:
    """Keep glibc from holding freed tensors as the process's own memory for long: a fixed mmap threshold (see
    HEAP_MMAP_THRESHOLD), the heap's free top handed back past twice that, and at most two arenas (one per thread
    otherwise, each keeping its own freed memory); the engine calls trim_heap after every recognition batch and
    aligner call, which hands back the free pages inside the heap too. Call before the runtime's threads start
    (idempotent; a no-op off glibc). Returns whether the settings were taken."""
    global _heap_bounded
    import sys

    if _heap_bounded or not sys.platform.startswith("linux"):
        return _heap_bounded
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        ok = _set_mmap_threshold(libc, HEAP_MMAP_THRESHOLD)
        ok = libc.mallopt(M_ARENA_MAX, 2) == 1 and ok
    except (OSError, AttributeError):
        return False
    _heap_bounded = ok
    return ok


def trim_heap() -> None:
    """Give freed heap memory back to the system: glibc keeps what a batch's cache and activations freed (0.7 GB
    after a batch of four 30 s chunks) as the process's own. A no-op off glibc."""
    import contextlib
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def lean_heap(lean: bool) -> bool:
    """Switch the heap between reuse (HEAP_MMAP_THRESHOLD: freed activations reused within a call, fast) and lean
    (LEAN_MMAP_THRESHOLD: a freed block leaves the process at once; int8 with the models in turn peaked at 1.75 GB
    against 2.96 GB, and ran slower). Blocks already allocated keep their kind. Bounds the heap first (bound_heap);
    a no-op off glibc. Returns whether the heap is lean now."""
    global _lean
    if not bound_heap() or lean == _lean:
        return _lean
    import ctypes

    if _set_mmap_threshold(ctypes.CDLL("libc.so.6"), LEAN_MMAP_THRESHOLD if lean else HEAP_MMAP_THRESHOLD):
        _lean = lean
    trim_heap()
    return _lean


def _set_mmap_threshold(libc: Any, threshold: int) -> bool:
    """Blocks of ``threshold`` bytes and more mapped on their own; the heap's free top handed back past twice that."""
    ok = libc.mallopt(M_MMAP_THRESHOLD, threshold) == 1
    return libc.mallopt(M_TRIM_THRESHOLD, 2 * threshold) == 1 and ok
