"""The audio encoder's 8-second attention windows, applied without FlashAttention 2 (upstream issue #213).

The encoder was trained with each 8 s window (``n_window_infer`` mel frames) attending only within itself. The
package tells FlashAttention 2 about the windows through ``cu_seqlens`` but passes no mask to sdpa or eager
attention, so on CPU, Apple MPS and most GPUs every clip longer than 8 s is encoded with full attention, which
damages recognition. :func:`install` replaces the encoder attention's forward so that, unless FlashAttention 2 is
in use, each window attends within itself exactly as the varlen kernel does. Windows of equal length are batched
into one sdpa call, which also makes the encoder cheaper than the package's full attention.
"""

from __future__ import annotations

import itertools
from typing import Any

_original_forward: Any = None


def install() -> None:
    """Patch ``Qwen3ASRAudioAttention.forward`` (idempotent; affects every model in the process)."""
    global _original_forward
    from qwen_asr.core.transformers_backend import modeling_qwen3_asr as modeling

    cls = modeling.Qwen3ASRAudioAttention
    if _original_forward is None:
        _original_forward = cls.forward
    cls.forward = _windowed_forward


def uninstall() -> None:
    """Restore the package's own forward (tests use it to show the difference)."""
    global _original_forward
    if _original_forward is None:
        return
    from qwen_asr.core.transformers_backend import modeling_qwen3_asr as modeling

    modeling.Qwen3ASRAudioAttention.forward = _original_forward
    _original_forward = None


def installed() -> bool:
    return _original_forward is not None


def _windowed_forward(self: Any, hidden_states: Any, cu_seqlens: Any = None, attention_mask: Any = None, **kwargs: Any):
    import torch
    from torch.nn import functional as F

    if cu_seqlens is None or attention_mask is not None or self.config._attn_implementation == "flash_attention_2":
        return _original_forward(self, hidden_states, cu_seqlens=cu_seqlens, attention_mask=attention_mask, **kwargs)

    seq_length, _ = hidden_states.size()
    heads = self.num_heads
    q = self.q_proj(hidden_states).reshape(seq_length, heads, -1).transpose(0, 1)  # heads, seq, dim
    k = self.k_proj(hidden_states).reshape(seq_length, heads, -1).transpose(0, 1)
    v = self.v_proj(hidden_states).reshape(seq_length, heads, -1).transpose(0, 1)
    head_dim = q.shape[-1]

    bounds = [int(b) for b in cu_seqlens.tolist()]
    lengths = [b - a for a, b in itertools.pairwise(bounds)]
    outputs = []
    i = 0
    while i < len(lengths):
        j = i
        while j < len(lengths) and lengths[j] == lengths[i]:
            j += 1
        a, b, size, count = bounds[i], bounds[j], lengths[i], j - i
        if size > 0:

            def windows(t: torch.Tensor, a: int = a, b: int = b, count: int = count, size: int = size) -> torch.Tensor:
                return t[:, a:b].reshape(heads, count, size, head_dim).transpose(0, 1)

            out = F.scaled_dot_product_attention(windows(q), windows(k), windows(v), scale=self.scaling)
            outputs.append(out.transpose(1, 2).reshape(count * size, heads * head_dim))
        i = j
    attn_output = torch.cat(outputs, dim=0) if outputs else hidden_states.new_zeros(0, heads * head_dim)
    return self.out_proj(attn_output.contiguous())
