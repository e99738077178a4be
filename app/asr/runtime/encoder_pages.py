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

The peak of a word-timed run (bench/bench_asr.py peak --stored bf16, AMD EPYC Zen 4): the models one at a time
2.36 -> 1.91 GB, both held 3.78 -> 2.90 GB (with the other memory changes of the same commit range; README).
app.asr.runtime.sizing counts one encoder layer for such a model when deciding whether both models fit.
"""

from __future__ import annotations

from typing import Any

ON_DEMAND = True  # tests turn it off to compare


def encoder_on_demand(thinker: Any) -> Any | None:
    """Make ``thinker``'s audio encoder hand its weights' pages back after every encoding, when every one of its
    parameters is a view of a clean weight-file mapping. Returns the encoder (to be left unpacked), or None when
    nothing was changed (weights in the process's memory, another system, already done)."""
    from app.asr.runtime.weights import PageReleaser

    tower = getattr(thinker, "audio_tower", None)
    encode = getattr(thinker, "get_audio_features", None)
    if not ON_DEMAND or tower is None or encode is None:
        return None
    if getattr(thinker, "_qss_encoder_on_demand", False):
        return tower
    params = list(tower.parameters())
    releaser = PageReleaser()
    if not params or not all(releaser.holds(p) for p in params):
        return None
    spans = _spans(releaser, params)

    def release() -> None:
        for start, end in spans:
            releaser.release_span(start, end)

    layers = getattr(tower, "layers", None)
    units = [*(layers if layers is not None else ()), getattr(tower, "conv_out", None)]
    for unit in units:
        if unit is not None and any(True for _ in unit.parameters()):
            unit.register_forward_hook(_releasing(releaser, _spans(releaser, list(unit.parameters()))))

    def get_audio_features(*args: Any, **kwargs: Any) -> Any:
        try:
            return encode(*args, **kwargs)
        finally:
            release()

    thinker.get_audio_features = get_audio_features
    thinker._qss_encoder_on_demand = True
    release()
    return tower


def _releasing(releaser: Any, spans: list[tuple[int, int]]) -> Any:
    """A forward hook handing back the pages of ``spans`` once the module has run."""

    def hook(_module: Any, _args: Any, _out: Any) -> None:
        for start, end in spans:
            releaser.release_span(start, end)

    return hook


def _spans(releaser: Any, params: list[Any]) -> list[tuple[int, int]]:
    """The address range the parameters cover inside each mapping (safetensors keeps a module's tensors together,
    sorted by name; a fault maps whole folios, so the neighbours' pages inside the range go back too: clean pages
    of the file, read again if needed)."""
    spans: dict[int, tuple[int, int]] = {}
    for p in params:
        start = p.data_ptr()
        end = start + p.numel() * p.element_size()
        for i, (a, b, *_rest) in enumerate(releaser._maps):
            if a <= start and end <= b:
                lo, hi = spans.get(i, (start, end))
                spans[i] = (min(lo, start), max(hi, end))
                break
    return sorted(spans.values())
