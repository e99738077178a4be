"""How many chunks go through a model per call, and whether a model fits on the GPU: the engine's sizing rules
(app.asr.runtime.engine applies them; bench/bench_asr.py measured them)."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import ModelError
from app.core.messages import message

CPU_BATCH = 4
# A decode step reads all the weights whatever the batch, so 8 chunks a call recognise faster than 4 where the
# products are memory-bound: bf16 and int8 about a fifth (bench/bench_asr.py rtf --batch), fp32 RTF 0.315 -> 0.266
# once its products took oneDNN's kernel (app.asr.runtime.products; AMD EPYC Zen 4, 2 threads: before that 8 was no
# faster). Taken when the room for four more chunks' cache and activations is free beyond the loaded models; fp32
# keeps a cache twice the size, so it needs twice the room.
CPU_WIDE_BATCH = 8
CPU_WIDE_BATCH_ROOM = 1_500_000_000
# The aligner on the CPU: one chunk per call. Batching pads every chunk to the longest and masks the padding, which
# costs more than it saves there: 8 chunks of about 27 s aligned in 1 / 4 / 8 per call took RTF 0.083 / 0.101 /
# 0.117 in int8, 0.058 / 0.054 / 0.062-0.078 in bf16, 0.152 / 0.185 / 0.180-0.198 in fp32 (2 cores). A GPU batches.
CPU_ALIGN_BATCH = 1
GPU_BATCH_MAX = 64
# A 30 s chunk's KV cache in bf16 (about 800 tokens x 28 layers x 8 KV heads x 128 x 2 x 2 bytes = 92 MB, the same
# for both model sizes) plus its share of the prompt's activations, rounded up.
GPU_BYTES_PER_CHUNK = 160 << 20
GPU_MARGIN = 2 << 30


def auto_batch_size(device: str, free_bytes: int | None) -> int:
    """Chunks per generate call: CPU_BATCH off CUDA; on CUDA as many as the free memory holds (a power of two,
    at most GPU_BATCH_MAX). A decode step costs about the same for 4 or 64 chunks on a GPU, so a full batch makes
    recognition of a long recording many times faster."""
    if not device.startswith("cuda") or free_bytes is None:
        return CPU_BATCH
    fits = (free_bytes - GPU_MARGIN) // GPU_BYTES_PER_CHUNK
    if fits < 1:
        return 1
    return min(GPU_BATCH_MAX, 1 << (int(fits).bit_length() - 1))


def cpu_batch_size(mode: str, available: int | None) -> int:
    """Chunks per generate call on the CPU in ``mode`` (app.asr.runtime.precision) with ``available`` bytes free."""
    room = CPU_WIDE_BATCH_ROOM * (2 if mode == "fp32" else 1)
    if available is not None and available >= room:
        return CPU_WIDE_BATCH
    return CPU_BATCH


def weights_bytes(folder: Path, dtype_bytes: int) -> int:
    """The model's size in memory at ``dtype_bytes`` per parameter, from its safetensors headers."""
    from app.asr.runtime.weights import tensor_shapes

    return sum(count for _key, _shape, count in tensor_shapes(folder)) * dtype_bytes


def check_fits(name: str, needed: int, free: int) -> None:
    """Refuse to load when the GPU has not got room for the weights plus a working margin."""
    margin = max(1 << 30, needed // 4)
    if needed + margin > free:
        raise ModelError(
            message=message(
                "model.gpu_memory", model=name, needed=f"{(needed + margin) / 2**30:.1f}", free=f"{free / 2**30:.1f}"
            )
        )
