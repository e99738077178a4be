"""The one recognition engine of the process: device, precision, lazy loading, serialised runs, idle unload.

Recognition and alignment share one lock: on a GPU two runs at once would only fight for memory, so a second
request waits and is told so. Models load on first use (after a free-memory check on CUDA) and unload on request or
after an idle time. A CUDA out-of-memory error shrinks the batch and retries; only one chunk at a time failing
becomes a ModelError, and nothing already produced is lost because results are yielded chunk by chunk.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.asr.client.models import resolve_model
from app.asr.client.protocol import EngineOptions, cpu_choice
from app.asr.runtime.loading import LoadReport, RunCancelled, import_runtime, install_cancel_hooks, read_weights
from app.asr.runtime.sizing import (  # noqa: F401 - the sizing rules are also read from here
    CPU_ALIGN_BATCH,
    CPU_BATCH,
    CPU_WIDE_BATCH,
    CPU_WIDE_BATCH_ROOM,
    DEFAULT_RESIDENT,
    GPU_BATCH_MAX,
    GPU_BYTES_PER_CHUNK,
    GPU_MARGIN,
    WORKING_MARGIN,
    auto_batch_size,
    check_fits,
    cpu_batch_size,
    file_dtype,
    resident_estimate,
    weights_bytes,
)  # fmt: skip
from app.core.errors import ModelError
from app.core.messages import Message, message
from app.core.rules import SAMPLE_RATE

WAIT_MESSAGE = message("engine.waiting")

__all__ = ["AlignedItem", "Engine", "EngineOptions", "LoadReport", "RunCancelled", "import_runtime"]

_run_lock = threading.Lock()  # process-wide: recognition and alignment never run at the same time


def quiet_generation_warnings() -> None:
    """transformers logs "Setting `pad_token_id` to `eos_token_id`" at every generate() call: on the command line
    it breaks the progress bar, and it says nothing a user can act on."""
    logging.getLogger("transformers.generation.utils").setLevel(logging.ERROR)


@dataclass(frozen=True)
class AlignedItem:
    """One aligner item (a word or a CJK character, punctuation already stripped by the package), in seconds."""

    text: str
    start_time: float
    end_time: float


def busy() -> bool:
    """Whether a recognition or alignment run holds the engine right now (a new one would wait)."""
    return _run_lock.locked()


def choose_device(requested: str = "auto") -> str:
    """auto: CUDA, then Apple MPS, then CPU. An explicit device that is not there is a ModelError."""
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda:0"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if requested.startswith("cuda"):
        if not torch.cuda.is_available():
            raise ModelError(message=message("model.no_cuda"))
        return requested if ":" in requested else "cuda:0"
    if requested == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise ModelError(message=message("model.no_mps"))
        return "mps"
    if requested == "cpu":
        return "cpu"
    raise ModelError(message=message("model.unknown_device", device=requested))


def choose_dtype(device: str) -> Any:
    """The device's default: bf16 on CUDA; fp32 elsewhere (MPS bf16 support is partial). On the CPU the user's
    precision and the weight files decide (app.asr.runtime.precision: bf16 where the CPU multiplies it in hardware)."""
    import torch

    return torch.bfloat16 if device.startswith("cuda") else torch.float32


def _logits_for_last_position_only(thinker: Any) -> None:
    """Generation reads only the last position's logits, but the package computes the vocabulary head for every
    prompt position (about 400 per 30 s chunk: 0.8 s and 250 MB per chunk for a 151,936-word head). The wrapped
    head computes the last position and returns it broadcast (a view, no copy) to the shape callers expect.
    Only the recognizer gets it: the aligner reads every position."""
    head = thinker.lm_head
    if isinstance(head, _LastPositionHead.get()):
        return
    thinker.lm_head = _LastPositionHead.get()(head)


class _LastPositionHead:
    _cls: Any = None

    @classmethod
    def get(cls) -> Any:
        if cls._cls is None:
            import torch

            class LastPositionHead(torch.nn.Module):
                # the head's weight, kept for code that reads ``lm_head.weight``; never computed with here, so
                # it is left as stored (weights.to_fp32_except_embeddings)
                _qss_reference_only = ("weight",)

                def __init__(self, head: torch.nn.Module) -> None:
                    super().__init__()
                    self.head = head
                    self.weight = head.weight

                def forward(self, hidden: torch.Tensor) -> torch.Tensor:
                    if hidden.dim() != 3 or hidden.shape[1] == 1:
                        return self.head(hidden)
                    return self.head(hidden[:, -1:, :]).expand(-1, hidden.shape[1], -1)

            cls._cls = LastPositionHead
        return cls._cls


CPU_CONV_WINDOWS = 4  # audio windows (1 s each) per convolution call on the CPU; the package's default is 500


def small_conv_chunks(thinker: Any, windows: int = CPU_CONV_WINDOWS) -> None:
    """The audio encoder runs its three strided convolutions over all the one-second windows of a chunk at once
    (``conv_chunksize`` 500 > 30 windows in a 30 s chunk): the first one's output, 480 channels x 64 x 50 in fp32 per
    window, is 184 MB for a 30 s chunk, twice that while the GELU makes its copy, a 0.37 GB transient in every
    recognition and alignment call. The windows are independent (each is one item of the convolution's batch), so
    a few at a time gives the same numbers with a transient of a few tens of MB."""
    tower = getattr(thinker, "audio_tower", None)
    if tower is not None and hasattr(tower, "conv_chunksize"):
        tower.conv_chunksize = max(1, min(int(tower.conv_chunksize), windows))


def use_cpu_int8(option: bool, device: str) -> bool:
    """Whether to quantise: only when asked, and only on the CPU (app.asr.runtime.precision decides with the other
    modes)."""
    from app.asr.runtime.precision import mode_for

    return mode_for(device, "int8" if option is True else "fp32", None) == "int8"


def _quantise_int8(thinker: Any) -> int:
    """Swap every nn.Linear of the text decoder, the audio encoder and the vocabulary head for torch's int8 dynamic
    quantised Linear (weights int8 per tensor, activations quantised per call; fbgemm/x86 kernels), one at a time,
    handing each source weight's file pages back at once (app.asr.runtime.weights). Embeddings, norms and the encoder's
    convolutions stay as they are. The last-position head wrapper keeps its reference to the tied embedding matrix
    (mapped, not resident). Returns the number of layers swapped."""
    import gc

    from app.asr.runtime.weights import PageReleaser, quantise_linears

    swapped = quantise_linears(thinker, PageReleaser())
    gc.collect()
    _trim_heap()
    return swapped


def _trim_heap() -> None:
    from app.asr.runtime.cpu_decoding import trim_heap

    trim_heap()


def _is_oom(exc: BaseException) -> bool:
    import torch

    oom = getattr(torch.cuda, "OutOfMemoryError", ())
    return isinstance(exc, oom) or "out of memory" in str(exc).lower()


class Engine:
    """Loads the recognizer and the aligner lazily and runs them one request at a time."""

    def __init__(self, options: EngineOptions | None = None, *, clock: Callable[[], float] = time.monotonic):
        self.options = options or EngineOptions()
        self._clock = clock
        self._state_lock = threading.RLock()
        self._recognizer: Any = None
        self._aligner: Any = None
        self._recognizer_mode = "fp32"  # app.asr.runtime.precision's mode of the loaded recognizer
        self.lean = False  # memory is short: see use_lean_memory
        self._device: str | None = None
        self._last_used = clock()
        self._timer: threading.Timer | None = None
        self.cancelled: Callable[[], bool] | None = None  # polled between model layers during a session
        self._reset_batch_size()

    # -- device -------------------------------------------------------------------------------------
    @property
    def device(self) -> str:
        if self._device is None:
            self._device = choose_device(self.options.device)
        return self._device

    @property
    def loaded(self) -> bool:
        return self._recognizer is not None or self._aligner is not None

    def is_loaded(self, *, recognizer: bool = True, aligner: bool = False) -> bool:
        """Whether the models asked for are all loaded."""
        return (not recognizer or self._recognizer is not None) and (not aligner or self._aligner is not None)

    # -- serialisation ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def session(
        self, on_wait: Callable[[Message], None] | None = None, cancelled: Callable[[], bool] | None = None
    ) -> Iterator[Engine]:
        """Hold the process-wide run lock; ``on_wait`` hears once when another run makes this one wait. Model calls
        inside raise RunCancelled between two layers once ``cancelled`` turns true."""
        if not _run_lock.acquire(blocking=False):
            if on_wait is not None:
                on_wait(WAIT_MESSAGE)
            _run_lock.acquire()
        self._cancel_idle_timer()
        self.cancelled = cancelled
        try:
            yield self
        finally:
            self.cancelled = None
            self._last_used = self._clock()
            _run_lock.release()
            self._arm_idle_timer()

    # -- loading ------------------------------------------------------------------------------------
    def load(
        self,
        *,
        recognizer: bool = True,
        aligner: bool = False,
        report: LoadReport | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Load what is asked for and not loaded yet (downloading on first use), reporting every phase: importing
        the runtime, downloading, reading the weights, preparing the model on its device."""
        if aligner and self.options.aligner is None:
            raise ModelError(message=message("model.no_aligner"))
        if self.is_loaded(recognizer=recognizer, aligner=aligner):
            return
        self._cancel_idle_timer()  # the run that follows arms it again when it ends
        self._last_used = self._clock()
        import_runtime(report, cancelled)
        if recognizer:
            self.recognizer(report=report, cancelled=cancelled)
        if aligner:
            self.aligner(report=report, cancelled=cancelled)

    def recognizer(self, *, report: LoadReport | None = None, cancelled: Callable[[], bool] | None = None):
        with self._state_lock:
            if self._recognizer is None:
                self._recognizer = self._resolve_and_load(self.options.model, "recognizer", report, cancelled)
            return self._recognizer

    def aligner(self, *, report: LoadReport | None = None, cancelled: Callable[[], bool] | None = None):
        if self.options.aligner is None:
            raise ModelError(message=message("model.no_aligner"))
        with self._state_lock:
            if self._aligner is None:
                self._aligner = self._resolve_and_load(self.options.aligner, "aligner", report, cancelled)
            return self._aligner

    def _resolve_and_load(
        self, name: str, kind: Any, report: LoadReport | None, cancelled: Callable[[], bool] | None
    ) -> Any:
        def downloaded(done: int, total: int, file: str) -> None:
            if report is not None:
                report(done / total if total else 0.0, message("engine.downloading", file=Path(file).name))

        folder = resolve_model(name, kind, download=self.options.download, progress=downloaded, cancelled=cancelled)
        read_weights(folder, report, cancelled)
        if cancelled is not None and cancelled():
            raise RunCancelled()
        # past this point a load cannot be interrupted: when its run was cancelled meanwhile, the model is kept
        # for the next run, which waits for it on the state lock instead of loading it a second time
        return self._load(folder, aligner=kind == "aligner", report=report)

    def _load(self, folder: Path, *, aligner: bool, report: LoadReport | None = None) -> Any:
        import torch

        from app.asr.runtime import attention, cpu_decoding, encoder_pages, precision, products, weights

        device = self.device
        stored = file_dtype(folder)
        mode = precision.mode_for(device, cpu_choice(self.options), stored)
        dtype = precision.load_dtype(device, mode, stored)
        if report is not None:
            report(0.0, message("engine.moving_to_device", model=folder.name, device=f"{device} ({mode})"))
        if self.options.threads:
            torch.set_num_threads(self.options.threads)
        free = self._free_gpu_bytes()
        if free is not None:
            check_fits(folder.name, weights_bytes(folder, torch.finfo(dtype).bits // 8), free)
        int8 = mode == "int8"
        kwargs: dict[str, Any] = {"dtype": dtype, "device_map": device}
        if device.startswith("cuda") and importlib.util.find_spec("flash_attn") is not None:
            kwargs["attn_implementation"] = "flash_attention_2"
        attention.install()
        cpu_decoding.install_grouped_attention()
        quiet_generation_warnings()
        try:
            from qwen_asr import Qwen3ASRModel, Qwen3ForcedAligner

            if aligner:
                model = Qwen3ForcedAligner.from_pretrained(str(folder), **kwargs)
                thinker = model.model.thinker
            else:
                model = Qwen3ASRModel.from_pretrained(
                    str(folder), max_inference_batch_size=self.batch_size, max_new_tokens=self.options.max_new_tokens,
                    **kwargs,
                )  # fmt: skip
                thinker = model.model.thinker
                _logits_for_last_position_only(thinker)
            on_demand: tuple[Any, ...] = ()  # encoder modules whose weights stay as stored, used as they run
            if precision.widened_after_load(device, mode, stored):  # loaded as stored: fp32 one tensor at a time
                on_demand = encoder_pages.encoder_on_demand(thinker, widen=True)
                weights.widen_to_fp32(model.model, leave=on_demand)
                if hasattr(model, "dtype"):
                    model.dtype = torch.float32
            if int8:
                _quantise_int8(thinker)
                weights.to_fp32_except_embeddings(model.model)
                weights.widen_embeddings(model.model)
                weights.read_embeddings_from_file(model.model)
                weights.own_small_weights(model.model)
                precision.bf16_convolutions(thinker)
                if hasattr(model, "dtype"):
                    model.dtype = torch.float32
            elif device == "cpu" and mode == "bf16":
                products.untie_head(thinker)  # a head tied to a table read from the file: packed on its own
            if device == "cpu":
                small_conv_chunks(thinker)
                # a mapped encoder stays mapped, its pages handed back after each use; the rest: the fastest kernel
                if mode == "bf16":
                    on_demand = encoder_pages.encoder_on_demand(thinker)
                products.use_fast_products(thinker, sample_from=thinker.model, leave=on_demand)  # bf16 packed
            if device == "cpu" and mode == "fp32" and not aligner:  # packed too where a batch's step gains
                products.pack_fp32(thinker, rows=self.options.batch_size or CPU_BATCH)
            if device == "cpu" and mode == "bf16":
                weights.read_embeddings_from_file(model.model, untied_only=True)  # rows as needed, pages handed back
            if device == "cpu" and not aligner:
                self._recognizer_mode = mode
                sdpa = getattr(thinker.model.config, "_attn_implementation", None) == "sdpa"
                half = int8 and sdpa and precision.cpu_has_native_bf16()
                cpu_decoding.preallocate_kv_cache(thinker, torch.bfloat16 if half else None)
            install_cancel_hooks(model.model, lambda: self.cancelled)
            if report is not None:
                report(1.0, message("engine.moving_to_device", model=folder.name, device=f"{device} ({mode})"))
            return model
        except (ModelError, RunCancelled):
            raise
        except Exception as exc:
            if _is_oom(exc):
                self._free_cuda()
                raise ModelError(message=message("model.gpu_memory_load", model=folder.name)) from None
            detail = f"{type(exc).__name__}: {exc}"
            raise ModelError(message=message("model.cannot_load", folder=str(folder), detail=detail)) from None

    # -- memory --------------------------------------------------------------------------------------------------
    def models_together(self) -> tuple[bool, int, int | None]:
        """(whether the recognizer and the aligner can be held at once, MB both need, MB available or None).
        The option decides when set; otherwise, on the CPU, the free memory does (a GPU holds both)."""
        opt = self.options.models_together
        if self.options.aligner is None or self.device != "cpu":
            return opt is not False, 0, None
        from app.media.memory import available_bytes

        options = self.options
        sizes = (self._model_bytes("recognizer", options.model), self._model_bytes("aligner", options.aligner))
        held = (self._recognizer is not None) * sizes[0] + (self._aligner is not None) * sizes[1]
        available = available_bytes()
        room = None if available is None else available + held
        together = opt if opt is not None else room is None or sum(sizes) <= room - WORKING_MARGIN
        return together, sum(sizes) // 1_000_000, None if room is None else room // 1_000_000

    def _model_bytes(self, kind: str, name: str) -> int:
        from app.asr.runtime import precision

        choice = cpu_choice(self.options)
        try:
            folder = resolve_model(name, kind, download=False)
        except Exception:  # not downloaded yet: the released 0.6B sizes (bf16 files)
            return DEFAULT_RESIDENT[(kind, precision.mode_for(self.device, choice, "BF16"))]
        mode = precision.mode_for(self.device, choice, file_dtype(folder))
        return resident_estimate(folder, mode=mode, recognizer=kind == "recognizer")

    def use_lean_memory(self, lean: bool) -> None:
        """Memory is short (the recognizer and the aligner are held one at a time): on the CPU a heap that hands
        every freed block back at once (cpu_decoding.lean_heap) and CPU_BATCH chunks per call; otherwise a heap that
        reuses freed blocks and, where the memory is free, wider batches. Slower when lean, smaller at its peak."""
        if lean != self.lean:
            self.lean = lean
            self._batch_chosen = self.options.batch_size is not None  # the next run settles it again
        if self.device == "cpu":
            from app.asr.runtime.cpu_decoding import lean_heap

            lean_heap(lean)

    def unload_recognizer(self) -> None:
        """Drop the recognizer only (memory is short and the aligner comes next)."""
        with self._state_lock:
            self._recognizer = None
            import gc

            gc.collect()
            _trim_heap()

    def unload(self) -> None:
        """Drop both models and give their memory back."""
        with self._state_lock:
            self._cancel_idle_timer()
            self._recognizer = None
            self._aligner = None
            self._reset_batch_size()  # free memory may differ at the next load
            import gc

            gc.collect()
            self._free_cuda()

    def unload_if_idle(self, now: float | None = None) -> bool:
        """Unload when no run holds the lock and the last one ended ``idle_unload_s`` ago."""
        limit = self.options.idle_unload_s
        if limit <= 0 or not self.loaded:
            return False
        if not _run_lock.acquire(blocking=False):
            return False
        try:
            if (self._clock() if now is None else now) - self._last_used < limit:
                return False
            self.unload()
            return True
        finally:
            _run_lock.release()

    def _arm_idle_timer(self) -> None:
        if self.options.idle_unload_s <= 0 or not self.loaded:
            return
        with self._state_lock:
            self._cancel_idle_timer()
            self._timer = threading.Timer(self.options.idle_unload_s, self.unload_if_idle)
            self._timer.daemon = True
            self._timer.start()

    def _cancel_idle_timer(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    def _free_cuda(self) -> None:
        if self._device and self._device.startswith("cuda"):
            import torch

            torch.cuda.empty_cache()

    # -- running (call inside session()) -----------------------------------------------------------
    def transcribe(
        self, wavs: Sequence[np.ndarray], *, language: str | None = None, context: str = ""
    ) -> list[tuple[str, str]]:
        """(language, text) for each 16 kHz chunk; on CUDA out-of-memory the batch halves and the rest is retried."""
        model = self.recognizer()
        self.settle_batch_size()
        longest_s = max((len(w) for w in wavs), default=0) / SAMPLE_RATE
        model.max_new_tokens = max(
            8, min(self.options.max_new_tokens, int(longest_s * self.options.tokens_per_second) + 16)
        )
        results: list[tuple[str, str]] = []
        i = 0
        while i < len(wavs):
            size = max(1, self.batch_size)
            batch = [(np.asarray(w, dtype=np.float32), SAMPLE_RATE) for w in wavs[i : i + size]]
            self._pick_threads()
            try:
                out = model.transcribe(batch, context=context, language=language)
            except Exception as exc:
                if isinstance(exc, RunCancelled) or not _is_oom(exc):
                    raise
                self._free_cuda()
                if size == 1:
                    raise ModelError(message=message("model.gpu_memory_chunk")) from None
                self.batch_size = size // 2
                model.max_inference_batch_size = self.batch_size
                continue
            results.extend((r.language, r.text) for r in out)
            i += len(batch)
        return results

    def _reset_batch_size(self) -> None:
        """The configured batch size, or CPU_BATCH until settle_batch_size chooses one (after each load)."""
        self.batch_size = self.options.batch_size or CPU_BATCH
        self._batch_chosen = self.options.batch_size is not None
        self.align_batch: int | None = None  # None: CPU_ALIGN_BATCH on the CPU, the recognition batch elsewhere

    def _pick_threads(self) -> None:
        """On the CPU, unless the user fixed the thread count: as many torch threads as cores are free now
        (app.asr.runtime.threads), picked again before each batch."""
        if self.device == "cpu" and not self.options.threads:
            from app.asr.runtime.threads import free_core_threads

            free_core_threads()

    def settle_batch_size(self) -> int:
        """Fix an automatic batch size once, at the first run with the models loaded (call inside session())."""
        if not self._batch_chosen:
            model = self.recognizer()
            self.batch_size = auto_batch_size(self.device, self._free_gpu_bytes())
            if self.device == "cpu":
                from app.media.memory import available_bytes

                self.batch_size = cpu_batch_size(self._recognizer_mode, None if self.lean else available_bytes())
            model.max_inference_batch_size = self.batch_size
            self._batch_chosen = True
        return self.batch_size

    def _free_gpu_bytes(self) -> int | None:
        if not self.device.startswith("cuda"):
            return None
        import torch

        free, _total = torch.cuda.mem_get_info(torch.device(self.device))
        return int(free)

    def align(
        self, wavs: Sequence[np.ndarray], texts: Sequence[str], language: str | Sequence[str]
    ) -> list[list[AlignedItem]]:
        """Aligner items per chunk. Chunks go through the aligner ``align_batch`` at a time (padded to the longest
        of the call, longest first so that neighbours pad little); a CUDA out-of-memory error halves that and
        retries, and only one chunk at a time failing becomes a ModelError."""
        model = self.aligner()
        languages = [language] * len(wavs) if isinstance(language, str) else list(language)
        results: list[list[AlignedItem]] = [[] for _ in wavs]
        todo = sorted((k for k, t in enumerate(texts) if t.strip()), key=lambda k: -len(wavs[k]))
        i = 0
        while i < len(todo):
            size = max(1, self.align_batch or (CPU_ALIGN_BATCH if self.device == "cpu" else self.batch_size))
            group = todo[i : i + size]
            self._pick_threads()
            try:
                out = model.align(
                    [(np.asarray(wavs[k], dtype=np.float32), SAMPLE_RATE) for k in group],
                    [texts[k] for k in group], [languages[k] for k in group],
                )  # fmt: skip
            except Exception as exc:
                if isinstance(exc, RunCancelled) or not _is_oom(exc):
                    raise
                self._free_cuda()
                if size == 1:
                    raise ModelError(message=message("model.gpu_memory_align")) from None
                self.align_batch = size // 2
                continue
            for k, res in zip(group, out, strict=True):
                results[k] = [AlignedItem(it.text, float(it.start_time), float(it.end_time)) for it in res.items]
            i += len(group)
            _trim_heap()
        return results


_shared: Engine | None = None
_shared_lock = threading.Lock()


def shared_engine(options: EngineOptions | None = None) -> Engine:
    """The process's engine; asking with different options unloads the old models and uses the new options."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Engine(options)
        elif options is not None and options != _shared.options:
            with _shared.session():
                _shared.unload()
            _shared.options = options
            _shared._reset_batch_size()
            _shared._device = None
        return _shared
