"""Engine behaviour that needs no model: device choice, the run lock, idle unload, out-of-memory retry."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import numpy as np
import pytest

from app.asr.runtime.engine import WAIT_MESSAGE, Engine, EngineOptions, busy, check_fits, choose_device, choose_dtype
from app.core.errors import ModelError


def test_device_and_precision_on_this_machine():
    import torch

    assert choose_device("cpu") == "cpu"
    assert choose_dtype("cpu") == torch.float32
    assert choose_dtype("cuda:0") == torch.bfloat16
    if not torch.cuda.is_available():
        assert choose_device("auto") in ("cpu", "mps")
        with pytest.raises(ModelError, match="no CUDA GPU"):
            choose_device("cuda")
    with pytest.raises(ModelError, match="unknown device"):
        choose_device("tpu")


def test_refuses_a_model_that_does_not_fit():
    check_fits("Qwen3-ASR-0.6B", 2 << 30, 8 << 30)
    with pytest.raises(ModelError, match=r"not enough GPU memory for Qwen3-ASR-1.7B: needs about .* GB, 3.0 GB free"):
        check_fits("Qwen3-ASR-1.7B", 4 << 30, 3 << 30)


def test_second_run_waits_and_is_told():
    first, second = Engine(EngineOptions(idle_unload_s=0)), Engine(EngineOptions(idle_unload_s=0))
    holding, release, order = threading.Event(), threading.Event(), []

    def hold():
        with first.session():
            order.append("first")
            holding.set()
            release.wait()

    worker = threading.Thread(target=hold)
    worker.start()
    holding.wait()
    assert busy()
    messages: list = []

    def on_wait(message) -> None:
        messages.append(message)
        release.set()  # let the first run finish now that the second one is waiting

    with second.session(on_wait=on_wait):
        order.append("second")
    worker.join()
    assert messages == [WAIT_MESSAGE]
    assert order == ["first", "second"]
    assert not busy()


def test_unloads_after_idle_time():
    now = [100.0]
    engine = Engine(EngineOptions(idle_unload_s=60), clock=lambda: now[0])
    engine._recognizer = object()
    with engine.session():
        pass
    engine._cancel_idle_timer()
    assert not engine.unload_if_idle(now=130.0)
    assert engine.loaded
    assert engine.unload_if_idle(now=161.0)
    assert not engine.loaded


class _FakeOOMRecognizer:
    """Fails with CUDA out-of-memory for batches larger than ``fits``."""

    def __init__(self, fits: int):
        self.fits, self.calls, self.max_new_tokens, self.max_inference_batch_size = fits, [], 0, 0

    def transcribe(self, batch, context="", language=None):
        import torch

        self.calls.append(len(batch))
        if len(batch) > self.fits:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return [SimpleNamespace(language="English", text=f"chunk of {len(w)}") for w, _ in batch]


def test_out_of_memory_retries_with_smaller_batches():
    engine = Engine(EngineOptions(batch_size=8, idle_unload_s=0))
    fake = _FakeOOMRecognizer(fits=2)
    engine._recognizer = fake
    wavs = [np.zeros(16000 * (i + 1), dtype=np.float32) for i in range(5)]
    with engine.session():
        out = engine.transcribe(wavs)
    assert [t for _, t in out] == [f"chunk of {16000 * (i + 1)}" for i in range(5)]
    assert fake.calls == [5, 4, 2, 2, 1]
    assert engine.batch_size == 2


def test_out_of_memory_at_one_chunk_is_a_clear_error():
    engine = Engine(EngineOptions(batch_size=2, idle_unload_s=0))
    engine._recognizer = _FakeOOMRecognizer(fits=0)
    with engine.session(), pytest.raises(ModelError, match="out of GPU memory even for one chunk"):
        engine.transcribe([np.zeros(16000, dtype=np.float32)])


def test_batch_size_follows_the_device_and_free_gpu_memory():
    from app.asr.runtime.engine import CPU_BATCH, GPU_BATCH_MAX, GPU_BYTES_PER_CHUNK, GPU_MARGIN, auto_batch_size

    assert auto_batch_size("cpu", None) == auto_batch_size("mps", None) == CPU_BATCH
    assert auto_batch_size("cuda:0", 75 << 30) == GPU_BATCH_MAX  # an H100 after loading both models
    assert auto_batch_size("cuda:0", GPU_MARGIN + 5 * GPU_BYTES_PER_CHUNK) == 4  # powers of two, rounded down
    assert auto_batch_size("cuda:0", GPU_MARGIN + 16 * GPU_BYTES_PER_CHUNK) == 16
    assert auto_batch_size("cuda:0", 1 << 30) == 1  # almost full: one at a time, out-of-memory handling does the rest


def test_automatic_batch_is_settled_once_from_free_memory(monkeypatch):
    engine = Engine(EngineOptions(idle_unload_s=0))
    assert engine.options.batch_size is None and engine.batch_size == 4
    engine._device = "cuda:0"
    engine._recognizer = fake = _FakeOOMRecognizer(fits=100)
    free = [24 << 30]
    monkeypatch.setattr(engine, "_free_gpu_bytes", lambda: free[0])
    wavs = [np.zeros(16000, dtype=np.float32)] * 40
    with engine.session():
        engine.transcribe(wavs)
        free[0] = 4 << 30  # later runs keep the size chosen at the first (out-of-memory still halves it)
        engine.transcribe(wavs)
    assert engine.batch_size == fake.max_inference_batch_size == 64
    assert fake.calls == [40, 40]
    engine.unload()  # the next load looks at the free memory again
    engine._recognizer = again = _FakeOOMRecognizer(fits=100)
    with engine.session():
        assert engine.settle_batch_size() == again.max_inference_batch_size == 8  # (4 GB - 2 GB) / 160 MB -> 8
    fixed = Engine(EngineOptions(batch_size=3, idle_unload_s=0))
    fixed._device, fixed._recognizer = "cuda:0", _FakeOOMRecognizer(fits=100)
    monkeypatch.setattr(fixed, "_free_gpu_bytes", lambda: 75 << 30)
    with fixed.session():
        assert fixed.settle_batch_size() == 3
