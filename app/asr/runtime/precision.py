"""In which number format the models compute: one rule for the engine, the memory estimate, the dialog and the
benches.

- CUDA: bf16 (the format the released weights are stored in).
- MPS and anything else: fp32.
- CPU: the user's choice, ``EngineOptions.cpu_precision``:
  - ``auto``: bf16 when the weight files are bf16 (the released Qwen3-ASR checkpoints are) and the CPU multiplies
    bf16 in hardware (Intel AMX or AVX-512 BF16; Sapphire Rapids and later, Zen 4 and later). The weights then stay
    as stored, mapped from the file once: half the memory of fp32 (a 0.6B recognizer's weights 1.6 GB instead of
    3.1 GB), and the products run 1.5-3.5 times faster (bench/bench_asr.py). Otherwise fp32.
  - ``fp32``: every weight widened to fp32 (exact: fp32 holds every bf16 value; only the activations differ).
  - ``bf16``: bf16 even where the CPU has no bf16 instructions (then slower than fp32, but half the memory).
  - ``int8``: the opt-in 8-bit mode (app.asr.runtime.weights.quantise_linears), the fastest recognizer.
  ``EngineOptions.cpu_int8`` (older settings and the ``--int8`` flag) means ``int8``.

Activations in bf16 round the model's intermediate values to 8 significant bits, as a GPU run does; bench/bench_int8.py
compares each mode's tokens and word times with fp32.
"""

from __future__ import annotations

from typing import Any

MODES = ("fp32", "bf16", "int8")
WIDEN_AFTER_LOAD = True  # fp32 on the CPU: a bf16 file loaded as stored, widened tensor by tensor (tests compare)

_native: bool | None = None


def cpu_has_native_bf16() -> bool:
    """Whether this CPU multiplies bf16 in hardware (AMX tiles or AVX-512 BF16), as torch's own kernels see it."""
    global _native
    if _native is None:
        import torch

        cpu = getattr(torch, "cpu", None)
        found = False
        for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported"):
            check = getattr(cpu, name, None)
            try:
                found = found or bool(check is not None and check())
            except Exception:  # an old or unusual build: assume not
                pass
        _native = found
    return _native


def mode_for(device: str, choice: str, file_dtype: str | None) -> str:
    """ "fp32", "bf16" or "int8": how a model whose files hold ``file_dtype`` ("F32", "BF16", "F16" or None when
    unknown) computes on ``device`` when the user chose ``choice`` (one of app.asr.client.protocol.CPU_PRECISIONS)."""
    if device.startswith("cuda"):
        return "bf16"
    if device != "cpu":
        return "fp32"
    if choice in MODES:
        return choice
    return "bf16" if file_dtype == "BF16" and cpu_has_native_bf16() else "fp32"


def load_dtype(device: str, mode: str, file_dtype: str | None) -> Any:
    """The dtype transformers loads the weights in. int8 maps a bf16 file as it is stored (each Linear is widened
    only while it is quantised), so neither mode holds a widened copy of the file; fp32 on the CPU maps it as stored
    too and widens it tensor by tensor afterwards (:func:`widened_after_load`, weights.widen_to_fp32)."""
    import torch

    if mode == "bf16" or (mode == "int8" and file_dtype == "BF16") or widened_after_load(device, mode, file_dtype):
        return torch.bfloat16
    return torch.float32


def widened_after_load(device: str, mode: str, file_dtype: str | None) -> bool:
    """Whether a model is loaded as its bf16 file stores it and widened to fp32 after (the fp32 mode on the CPU)."""
    return WIDEN_AFTER_LOAD and device == "cpu" and mode == "fp32" and file_dtype == "BF16"


def bytes_per_value(mode: str) -> int:
    """Bytes a weight value takes in memory in ``mode`` (int8: the Linear weights; see sizing.resident_estimate)."""
    return {"fp32": 4, "bf16": 2, "int8": 1}[mode]


_conv_cls: Any = None


def bf16_convolutions(root: Any) -> int:
    """In the int8 mode on a CPU with bf16 instructions: the audio encoder's convolutions (left in fp32 by the
    quantisation, a sixth of a recognition's time) run in bf16, three times faster; fp32 in and out. Returns how
    many were switched (none on a CPU without bf16 instructions, where bf16 is slower)."""
    global _conv_cls
    if not cpu_has_native_bf16():
        return 0
    import torch

    if _conv_cls is None:

        class Bf16Conv2d(torch.nn.Conv2d):
            def forward(self, x: torch.Tensor) -> torch.Tensor:
                return self._conv_forward(x.to(self.weight.dtype), self.weight, self.bias).to(x.dtype)

        _conv_cls = Bf16Conv2d
    changed = 0
    for m in root.modules():
        if type(m) is torch.nn.Conv2d:
            m.weight = torch.nn.Parameter(m.weight.detach().to(torch.bfloat16), requires_grad=False)
            if m.bias is not None:
                m.bias = torch.nn.Parameter(m.bias.detach().to(torch.bfloat16), requires_grad=False)
            m.__class__ = _conv_cls
            changed += 1
    return changed
