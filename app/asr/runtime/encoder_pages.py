"""The audio encoder's weights, resident only while the encoder runs (the CPU, weights mapped from the file).

A recognizer's or aligner's audio encoder runs once per call, over every chunk of the batch, before the text
decoder; the decoder's token-by-token steps (most of a call) and the other model never read it. In the 0.6B
recognizer it is 361 MB of bf16 weights beside the decoder's 1.2 GB. When those weights are views of a clean
weight-file mapping (a bf16 file in the bf16 mode: transformers maps the file and copies nothing), they are left
unpacked (app.asr.runtime.products: a packed weight is the process's own memory, held for good) and their pages
are handed back to the kernel as soon as they have been used: each of the encoder's layers (18 of about 20 MB)
and its input projection as they finish, everything once the call's encodings are done. So at most one layer is
resident beside the decoder. The next use reads them again from the page cache (about 30 ms of page faults for
the 361 MB, once per chunk). Measured in one process, the two ways interleaved (AMD EPYC Zen 4, 2 threads, 8 chunks
of 27.3 s through the full-size encoder): 6.69 s against 5.76 s packed and resident, of which 0.23 s the unpacked
products; about 2 % of recognising those chunks (35 s), for 0.45-0.9 GB less at the peak.
The encoder's products run over hundreds of rows at once, where packing gains nothing (app.asr.runtime.products).

In the fp32 mode (a CPU without bf16 instructions) the bf16 file is loaded as stored (weights.widen_to_fp32) and
each encoder layer computes with an fp32 copy of its weights made as it starts and dropped as it ends: one
layer's copy resident instead of 0.7 GB of widened encoder (encoding those 8 chunks: 12.54 s against 11.26 s).

The peak of a word-timed run (bench/bench_asr.py peak --stored bf16, AMD EPYC Zen 4), with the other memory changes
of the same commits (README): bf16, the models one at a time 2.36 -> 1.91 GB, both held 3.78 -> 2.90 GB; fp32
5.34 -> 3.32 GB and 8.50 -> 6.26 GB. app.asr.runtime.sizing counts one encoder layer for such a model when
deciding whether both models fit.
"""

from __future__ import annotations

from typing import Any

ON_DEMAND = True  # tests turn it off to compare


def encoder_on_demand(thinker: Any, *, widen: bool = False) -> tuple[Any, ...]:
    """Make ``thinker``'s audio encoder hand its weights' pages back as they are used, when every one of its
    parameters is a view of a clean weight-file mapping. ``widen`` (the fp32 mode, its bf16 file loaded as stored):
    each layer computes with an fp32 copy of its weights made as it starts and dropped as it ends, so one layer's
    fp32 copy is resident at a time instead of the whole encoder widened (0.7 GB for the 0.6B). Returns the modules
    whose weights must stay as they are (not packed, not widened at load), or () when nothing was changed
    (weights in the process's memory, another system)."""
    from app.asr.runtime.weights import PageReleaser

    tower = getattr(thinker, "audio_tower", None)
    encode = getattr(thinker, "get_audio_features", None)
    if not ON_DEMAND or tower is None or encode is None or getattr(thinker, "_qss_encoder_on_demand", False):
        return ()
    params = list(tower.parameters())
    releaser = PageReleaser()
    if not params or not all(releaser.holds(p) for p in params):
        return ()
    spans = releaser.spans(params)
    layers = getattr(tower, "layers", None)
    units = [
        unit
        for unit in (*(layers if layers is not None else ()), getattr(tower, "conv_out", None))
        if unit is not None and any(True for _ in unit.parameters())
    ]
    restores = []
    for unit in units:
        unit_spans = releaser.spans(list(unit.parameters()))
        if widen:  # the stored weights kept aside, an empty fp32 tensor in their place between uses (so that
            # the model's dtype, read from its first parameter, stays fp32)
            slots = [(m, name, p) for m in unit.modules() for name, p in m._parameters.items() if p is not None]
            unit.register_forward_pre_hook(_widening(slots))
            restores.append(_restoring(slots))
            unit.register_forward_hook(lambda _m, _a, _o, restore=restores[-1]: restore())
        unit.register_forward_hook(lambda _m, _a, _o, spans=unit_spans: releaser.release_spans(spans))

    def release() -> None:
        for restore in restores:  # a layer interrupted (a cancel) keeps no widened copy
            restore()
        releaser.release_spans(spans)

    def get_audio_features(*args: Any, **kwargs: Any) -> Any:
        try:
            return encode(*args, **kwargs)
        finally:
            release()

    thinker.get_audio_features = get_audio_features
    thinker._qss_encoder_on_demand = True
    release()
    return tuple(units) if widen else (tower,)


def _widening(slots: list[tuple[Any, str, Any]]) -> Any:
    """A forward pre-hook giving the module fp32 copies of its stored weights (exact: fp32 holds every bf16)."""
    import torch

    def hook(_module: Any, _args: Any) -> None:
        for m, name, p in slots:
            m._parameters[name] = torch.nn.Parameter(p.detach().float(), requires_grad=False)

    return hook


def _restoring(slots: list[tuple[Any, str, Any]]) -> Any:
    """Put the empty stand-ins back, which frees the fp32 copies."""
    import torch

    empty = torch.nn.Parameter(torch.empty(0), requires_grad=False)

    def restore() -> None:
        for m, name, _p in slots:
            m._parameters[name] = empty

    return restore
