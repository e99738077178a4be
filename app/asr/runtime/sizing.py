"""How many chunks go through a model per call, whether a model fits on the GPU, and how much memory a loaded model
keeps resident on the CPU (whether the recognizer and the aligner can be held at once): the engine's sizing rules
(app.asr.runtime.engine applies them; bench/bench_asr.py measured them), read from the safetensors headers."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
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


WORKING_MARGIN = 1_500_000_000  # the runtime (0.5 GB), a batch's activations and the rest of the machine
# resident bytes of the released 0.6B models (recognizer, aligner) when their files are not on disk yet; in bf16
# and fp32 their audio encoders (about 0.35 GB each as stored) are resident one layer at a time (encoder_pages)
DEFAULT_RESIDENT = {
    ("recognizer", "fp32"): 2_510_000_000, ("recognizer", "bf16"): 1_240_000_000, ("recognizer", "int8"): 770_000_000,
    ("aligner", "fp32"): 1_900_000_000, ("aligner", "bf16"): 940_000_000, ("aligner", "int8"): 620_000_000,
}  # fmt: skip


def _tensor_headers(folder: Path) -> Iterator[tuple[str, dict]]:
    """(name, header entry) of every tensor in a model folder's safetensors files."""
    for file in sorted(folder.glob("*.safetensors")):
        with open(file, "rb") as fh:
            (n,) = struct.unpack("<Q", fh.read(8))
            header = json.loads(fh.read(n))
        yield from ((key, info) for key, info in header.items() if key != "__metadata__")


def file_dtype(folder: Path) -> str:
    """The dtype of the weight files' floating tensors ("F32", "BF16", "F16"), the most common by count."""
    counts: dict[str, int] = {}
    for _key, info in _tensor_headers(folder):
        if info["dtype"] in ("F32", "BF16", "F16"):
            counts[info["dtype"]] = counts.get(info["dtype"], 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "F32"


def tensor_shapes(folder: Path) -> list[tuple[str, tuple[int, ...], int]]:
    """(name, shape, number of values) of every tensor in a model folder's safetensors files, from their headers."""
    found = []
    for key, info in _tensor_headers(folder):
        shape = tuple(int(dim) for dim in info["shape"])
        count = 1
        for dim in shape:
            count *= dim
        found.append((key, shape, count))
    return found


def resident_estimate(folder: Path, *, mode: str, recognizer: bool) -> int:
    """Bytes a loaded model keeps resident on the CPU in ``mode`` (app.asr.runtime.precision): fp32 or bf16
    everything (the recognizer's tied vocabulary head reads the whole embedding matrix at every step), or int8
    Linear weights plus the handful of embedding rows in use. A bf16 file in the bf16 or fp32 mode keeps its audio
    encoder's layers mapped, resident one at a time while it runs (app.asr.runtime.encoder_pages; in fp32 the layer
    as stored and its fp32 copy): its largest layer and its other tensors count, not every layer."""
    total = 0
    int8 = mode == "int8"
    mapped_encoder = mode in ("bf16", "fp32") and file_dtype(folder) == "BF16"  # fp32: widened layer by layer
    encoder_layers: dict[str, int] = {}
    for key, shape, count in tensor_shapes(folder):
        layer = _encoder_layer(key) if mapped_encoder else None
        if layer is not None:
            encoder_layers[layer] = encoder_layers.get(layer, 0) + (2 if mode == "bf16" else 6) * count
        elif "embed_tokens" in key and not recognizer:
            total += 0  # looked up row by row from the file
        elif not int8:
            total += (2 if mode == "bf16" else 4) * count
        elif "embed_tokens" in key:
            total += count if recognizer else 0  # the recognizer's head is its int8 copy
        elif len(shape) == 2:
            total += count
        else:
            total += 4 * count
    return total + max(encoder_layers.values(), default=0)


def _encoder_layer(key: str) -> str | None:
    """The index of the audio encoder layer a tensor belongs to ("audio_tower.layers.N."), else None."""
    marker = "audio_tower.layers."
    at = key.find(marker)
    return key[at + len(marker) :].split(".", 1)[0] if at >= 0 else None
