"""The engine's boundary: typed jobs in, typed messages out, and the interface every engine client implements.

Everything here is a small frozen dataclass that pickles (jobs cross into the engine process, messages come back),
and nothing here imports torch, numpy's users aside: the window imports this module to talk to the engine.

A run yields, in order: any number of :class:`Status` and :class:`Progress`, then for a :class:`RecognizeJob`
:class:`Cues` as chunks finish and one :class:`RecognitionDone`, for a :class:`RealignJob` one
:class:`RealignDone`, for an :class:`AlignTextJob` one :class:`TextAligned`. A failure raises
:class:`~app.core.errors.ModelError` (or another AppError) carrying a Message; an engine that stops answering
raises :class:`EngineHung`. A cancelled run simply ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from app.asr.client.models import DEFAULT_ALIGNER, DEFAULT_RECOGNIZER
from app.core.document import Cue, Word
from app.core.errors import ModelError
from app.core.messages import Message
from app.core.rules import MIN_GAP_MS

if TYPE_CHECKING:
    import numpy as np

    from app.asr.client.realignment import Realignment


CPU_PRECISIONS = ("auto", "fp32", "bf16", "int8")  # how the CPU computes (app.asr.runtime.precision)


@dataclass(frozen=True)
class EngineOptions:
    model: str = DEFAULT_RECOGNIZER
    aligner: str | None = DEFAULT_ALIGNER
    device: str = "auto"  # auto | cpu | cuda | cuda:N | mps
    batch_size: int | None = None  # chunks per generate call (None: auto_batch_size); halves on CUDA out-of-memory
    max_new_tokens: int = 512  # hard cap per chunk
    tokens_per_second: float = 12.0  # per-batch cap from the longest chunk: stops runaway repetition early
    idle_unload_s: float = 600.0  # 0 keeps models loaded
    download: bool = True
    threads: int | None = None  # CPU threads for torch; None: the free cores, picked before each batch (threads.py)
    # Opt-in int8 dynamic quantisation of the Linear layers of the recognizer and the aligner (text decoder, heads,
    # audio encoder), CPU only (CUDA/MPS are never quantised), weights held once (app.asr.runtime.weights). On full-size
    # random checkpoints made audio-dependent (bench/bench_int8.py) the aligner's word times in int8 equal fp32's for
    # 23% of words against 99% in bf16, so int8 stays opt-in; where the CPU has bf16 instructions, bf16 (the
    # automatic choice for bf16 weight files) is about as fast.
    cpu_int8: bool = False
    # The CPU's number format (app.asr.runtime.precision): "auto" (bf16 when the weight files are bf16 and the CPU
    # multiplies bf16 in hardware, else fp32), "fp32", "bf16" or "int8". cpu_int8=True means "int8".
    cpu_precision: str = "auto"
    # Whether the recognizer and the aligner may be held together. None: when the free memory allows (both
    # estimated from their weight files); False: always one at a time (recognise every chunk, unload, then align).
    models_together: bool | None = None

    def __post_init__(self) -> None:
        # one choice, two spellings: cpu_int8 (older settings, --int8) and cpu_precision="int8" agree
        if self.cpu_int8 is True:
            object.__setattr__(self, "cpu_precision", "int8")
        elif self.cpu_precision == "int8":
            object.__setattr__(self, "cpu_int8", True)


def cpu_choice(options: Any) -> str:
    """The CPU precision the options ask for: one of CPU_PRECISIONS (``cpu_int8`` wins, an unknown value is auto)."""
    if getattr(options, "cpu_int8", False) is True:
        return "int8"
    choice = getattr(options, "cpu_precision", "auto")
    return choice if choice in CPU_PRECISIONS else "auto"


# -- jobs -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RecognizeJob:
    """Recognise the audio chunk by chunk and segment each chunk's words with ``limits`` (Limits field overrides,
    e.g. ``{"max_cps": 15}``; the chunk's language picks the line length unless overridden)."""

    options: EngineOptions
    language: str | None = None  # None: detect
    context: str = ""
    limits: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RealignJob:
    """Re-time ``cues`` (``targets``: the indices to move, None for all) with the forced aligner."""

    options: EngineOptions
    cues: tuple[Cue, ...]
    targets: tuple[int, ...] | None = None
    language: str | None = None  # for the cues without a language of their own (None: detect from the audio)
    correct_drift: bool = False
    min_gap: int = MIN_GAP_MS
    languages: tuple[str, ...] = ()  # each cue's for this run, before its own ("": the cue's own, else language)


@dataclass(frozen=True)
class AlignTextJob:
    """Time the words of ``text`` (recognised elsewhere, e.g. on a server) in the audio sent with the job, one
    chunk of the recording that starts at ``offset_ms`` and ends at ``end_ms``; answered by one TextAligned."""

    options: EngineOptions
    text: str
    language: str
    offset_ms: int = 0
    end_ms: int | None = None


Job = RecognizeJob | RealignJob | AlignTextJob


# -- messages -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Status:
    """What is happening, without a fraction (waiting, starting)."""

    message: Message


@dataclass(frozen=True)
class Progress:
    """``fraction`` (0..1) of the current phase; ``message`` names the phase."""

    fraction: float
    message: Message


@dataclass(frozen=True)
class Cues:
    """Readable cues for one more stretch of the recording, in order."""

    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class RecognitionDone:
    language: str | None  # the main language heard (None: nothing recognised)
    device: str
    estimated: bool = False  # some words were timed without the aligner


@dataclass(frozen=True)
class RealignDone:
    realignment: Realignment


@dataclass(frozen=True)
class TextAligned:
    """The words of an AlignTextJob's text, absolute times in the recording, spans into the text."""

    words: tuple[Word, ...]
    estimated: bool = False  # the aligner does not cover the language: spread over the speech instead


EngineMessage = Status | Progress | Cues | RecognitionDone | RealignDone | TextAligned


class EngineHung(ModelError):
    """The engine process stopped answering (or would not stop when cancelled) and was ended."""


# -- the interface --------------------------------------------------------------------------------------------
class EngineClient(Protocol):
    """Runs jobs on an engine somewhere (a child process, a server). One job at a time per engine; a caller that
    has to wait hears it once through ``on_wait``. ``cancelled`` is polled: the run ends within about 2 s of it
    turning true, in any phase. Leaving the iterator early cancels the job too."""

    def run(
        self,
        job: Job,
        audio: np.ndarray,
        *,
        cancelled: Callable[[], bool] = lambda: False,
        on_wait: Callable[[Message], None] | None = None,
    ) -> Iterator[EngineMessage]: ...

    def shutdown(self, timeout: float = 3.0) -> None:
        """Stop the engine (models unloaded, memory returned); returns within about ``timeout`` seconds whatever
        state the engine is in."""
        ...
