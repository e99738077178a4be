"""Loading the models with real progress, and stopping a model call when its run is cancelled.

Loading reports every phase (app.core.messages codes): importing the runtime in weighted steps, reading the
weight files in blocks (the disk is the slow part of a cold load; the model then loads from the page cache), and
preparing the model on its device. A cancel is seen between those steps, and inside a model call between two
layers (:func:`install_cancel_hooks`), where :class:`RunCancelled` is raised.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.asr.client.models import weight_files
from app.core.messages import Message, message

#: (fraction of the current phase, what the phase is): how loading reports its progress
LoadReport = Callable[[float, Message], None]


class RunCancelled(Exception):
    """Raised inside a model call (between two layers) when the run's ``cancelled`` turned true."""


def import_runtime(report: LoadReport | None = None, cancelled: Callable[[], bool] | None = None) -> None:
    """Import torch, transformers and qwen_asr (10-15 s on 2 cores the first time), reporting each step; the
    fractions are each step's share of the whole import measured on a 2-core machine."""
    steps = (
        ("torch", 0.2), ("transformers", 0.15), ("transformers.modeling_utils", 0.25),
        ("qwen_asr.core.transformers_backend", 0.35), ("qwen_asr", 0.05),
    )  # fmt: skip
    from app.asr.runtime.cpu_decoding import bound_heap

    bound_heap()  # before torch starts its threads
    if all(name in sys.modules for name, _ in steps):
        return
    from app.asr.runtime.weights import defer_nagisa

    defer_nagisa()
    done = 0.0
    for name, share in steps:
        if cancelled is not None and cancelled():
            raise RunCancelled()
        if report is not None:
            report(done, message("engine.importing"))
        importlib.import_module(name)
        if name == "transformers":
            _without_sklearn()
        done += share
    if report is not None:
        report(1.0, message("engine.importing"))


def _without_sklearn() -> None:
    """transformers imports scikit-learn (and pandas with it: 47 MB resident, half a second) when it is installed,
    for one function of assisted generation, which recognition never uses. Tell it scikit-learn is absent before
    its generation code is imported (a module that wants scikit-learn still imports it itself)."""
    utils = sys.modules.get("transformers.utils.import_utils")
    if utils is not None and isinstance(getattr(utils, "_sklearn_available", None), bool):
        utils._sklearn_available = False


def read_weights(
    folder: Path, report: LoadReport | None, cancelled: Callable[[], bool] | None, block: int = 32 << 20
) -> None:
    """Read the weight files once, in blocks, with byte progress: loading then finds them in the page cache, and
    the longest part of a cold load (the disk) shows real progress instead of a frozen bar."""
    files = weight_files(folder)
    total = sum(f.stat().st_size for f in files) or 1
    done = 0
    buffer = bytearray(block)
    text = message("engine.reading_weights", model=folder.name)
    for file in files:
        with open(file, "rb", buffering=0) as fh:
            while n := fh.readinto(buffer):
                done += n
                if report is not None:
                    report(done / total, text)
                if cancelled is not None and cancelled():
                    raise RunCancelled()


CONV_CHUNKS = 8  # one-second chunks per call of the audio encoder's convolutions (the package's default: 500)


def install_cancel_hooks(root: Any, current: Callable[[], Callable[[], bool] | None]) -> None:
    """A check before every encoder and decoder layer and every convolution call: a cancel stops a 30 s prefill or
    a long decode within one layer's time instead of at the end of the batch.

    The audio encoder's convolution front end runs over all the batch's one-second chunks at once (about 4 s for
    four 30 s chunks on 2 cores, longer than the 1.5 s a cancel may take); it now runs CONV_CHUNKS chunks per call,
    each call checked. The chunks are independent, so the result is the same. ``current()`` gives the running
    session's ``cancelled`` (None between runs)."""

    def check(_module: Any, _args: Any) -> None:
        cancelled = current()
        if cancelled is not None and cancelled():
            raise RunCancelled()

    for module in root.modules():
        name = type(module).__name__
        if name.endswith(("DecoderLayer", "EncoderLayer")) or name.startswith("Conv"):
            module.register_forward_pre_hook(check)
        if isinstance(getattr(module, "conv_chunksize", None), int):
            module.conv_chunksize = min(module.conv_chunksize, CONV_CHUNKS)
