"""The one recognition pipeline: a job and the audio in, the protocol's messages out.

The engine process runs it for the window, and the command line runs it through the same client, so the same file,
options and limits give the same cues everywhere: models load with real progress (importing the runtime, reading
the weights, preparing them on the device), the audio is recognised chunk by chunk, and each chunk's words are
segmented into cues at once with the user's limits for the chunk's language.

Cancelling (``cancelled()`` turning true) ends the run without a final message: between chunks, between two model
layers (app.asr.runtime.engine), and at once while a model loads (the load goes on in its thread and stops at its next
step; the engine process is ended by the client if it does not answer in time).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

import numpy as np

from app.asr.client.protocol import (
    AlignTextJob,
    Cues,
    EngineMessage,
    Job,
    Progress,
    RealignDone,
    RealignJob,
    RecognitionDone,
    RecognizeJob,
    Status,
    TextAligned,
)
from app.asr.runtime.engine import Engine
from app.core.checks import Limits
from app.core.messages import Message, message
from app.core.rules import samples_to_ms

__all__ = ["load_models", "run_in_process", "run_job"]


def run_job(job: Job, engine: Engine, audio: np.ndarray, cancelled: Callable[[], bool]) -> Iterator[EngineMessage]:
    """Run ``job`` on ``engine``; see app.asr.client.protocol for the messages and their order."""
    if isinstance(job, RecognizeJob):
        yield from _recognize(job, engine, audio, cancelled)
    elif isinstance(job, RealignJob):
        yield from _realign(job, engine, audio, cancelled)
    elif isinstance(job, AlignTextJob):
        yield from _align_text(job, engine, audio, cancelled)
    else:
        raise TypeError(f"not an engine job: {type(job).__name__}")


def run_in_process(job: Job, audio: np.ndarray, cancelled: Callable[[], bool]) -> Iterator[EngineMessage]:
    """:func:`run_job` on the process's shared engine (what the engine process runs for each request)."""
    from app.asr.runtime.engine import shared_engine

    yield from run_job(job, shared_engine(job.options), audio, cancelled)


def load_models(
    engine: Engine, cancelled: Callable[[], bool], *, recognizer: bool, aligner: bool
) -> Iterator[Progress]:
    """Load in a thread while passing its progress on; returns at once when cancelled (the thread stops at its
    next step, see Engine.load)."""
    reports: queue.Queue[Progress | None] = queue.Queue()
    failure: list[BaseException] = []

    def load() -> None:
        try:
            engine.load(
                recognizer=recognizer, aligner=aligner, cancelled=cancelled,
                report=lambda fraction, msg: reports.put(Progress(fraction, msg)),
            )  # fmt: skip
        except BaseException as exc:  # handed to the generator's thread below
            failure.append(exc)
        finally:
            reports.put(None)

    thread = threading.Thread(target=load, name="model-load", daemon=True)
    thread.start()
    while True:
        if cancelled():
            return
        try:
            item = reports.get(timeout=0.1)
        except queue.Empty:
            continue
        if item is None:
            break
        yield item
    thread.join()
    if failure and not cancelled():
        from app.asr.runtime.engine import RunCancelled

        if not isinstance(failure[0], RunCancelled):
            raise failure[0]


def _recognize(job: RecognizeJob, engine: Engine, audio: np.ndarray, cancelled: Callable[[], bool]):
    from app.asr.algorithms.segment import segment_words
    from app.asr.runtime.recognition import ChunkResult, recognize
    from app.asr.runtime.recognition import Progress as RecognitionProgress

    yield Status(message("engine.loading_model"))
    yield from load_models(engine, cancelled, recognizer=True, aligner=engine.options.aligner is not None)
    if cancelled():
        return
    yield Status(message("recognition.running", device=engine.device))
    audio_end = samples_to_ms(len(audio))
    languages: dict[str, int] = {}
    estimated = False
    for item in recognize(audio, engine=engine, language=job.language, context=job.context, cancelled=cancelled):
        if isinstance(item, RecognitionProgress):
            yield Progress(item.fraction, _or(item.message, "recognition.progress"))
        elif isinstance(item, ChunkResult) and item.text.strip():
            languages[item.language] = languages.get(item.language, 0) + len(item.text)
            estimated = estimated or item.timing == "estimated"
            limits = Limits.for_language(item.language, **dict(job.limits))
            # each chunk is segmented on its own: one that is not the last ends the minimum gap before the next
            # chunk begins, so that its last cue and the next chunk's first keep the gap even across a cut made
            # inside speech
            end = min(item.end_ms, audio_end)
            if end < audio_end:
                end = max(end - limits.min_gap_ms, item.start_ms + 1)
            cues = segment_words(
                item.text, item.words, language=item.language, limits=limits, audio_end_ms=max(1, end),
            )  # fmt: skip
            yield Cues(tuple(cues))
    if cancelled():
        return
    main = max(languages, key=languages.__getitem__) if languages else None
    yield RecognitionDone(main, engine.device, estimated)


def _realign(job: RealignJob, engine: Engine, audio: np.ndarray, cancelled: Callable[[], bool]):
    from app.asr.algorithms.realign import cue_languages
    from app.asr.client.languages import canonical_language
    from app.asr.client.realignment import Realignment
    from app.asr.runtime.realign import realign
    from app.asr.runtime.recognition import Progress as RecognitionProgress

    detect = not all(cue_languages(job.cues, job.languages, canonical_language(job.language)))
    yield Status(message("engine.loading_aligner"))
    yield from load_models(engine, cancelled, recognizer=detect, aligner=True)
    if cancelled():
        return
    for item in realign(audio, job.cues, job.targets, engine=engine, language=job.language, cancelled=cancelled,
                        correct_drift=job.correct_drift, min_gap=job.min_gap, languages=job.languages):  # fmt: skip
        if isinstance(item, RecognitionProgress):
            yield Progress(item.fraction, _or(item.message, "realign.aligning"))
        elif isinstance(item, Realignment) and not cancelled():
            yield RealignDone(item)


def _align_text(job: AlignTextJob, engine: Engine, audio: np.ndarray, cancelled: Callable[[], bool]):
    """Word times for text recognised elsewhere (a server), as local recognition times its own
    (app.asr.runtime.recognition): the aligner's items mapped back onto the text, punctuation included."""
    from app.asr.algorithms.chunking import speech_span
    from app.asr.algorithms.wordmap import aligner_language, aligner_text, map_aligned_words, words_without_aligner
    from app.asr.runtime.engine import RunCancelled

    end_ms = job.end_ms if job.end_ms is not None else job.offset_ms + samples_to_ms(len(audio))
    align_as = aligner_language(job.language)
    if align_as is None or not job.text.strip():
        start, end = speech_span(audio)
        words = words_without_aligner(job.text, job.offset_ms + start, job.offset_ms + end, job.language or None)
        yield TextAligned(words, estimated=True)
        return
    if not engine.is_loaded(recognizer=False, aligner=True):  # once for a whole run: said once
        yield Status(message("engine.loading_aligner"))
        yield from load_models(engine, cancelled, recognizer=False, aligner=True)
    if cancelled():
        return
    try:
        with engine.session(cancelled=cancelled):
            (items,) = engine.align([audio], [aligner_text(job.text, align_as)], align_as)
    except RunCancelled:
        return
    words = map_aligned_words(job.text, items, language=align_as, offset_ms=job.offset_ms, end_ms=end_ms)
    yield TextAligned(tuple(words))


def _or(msg: Message | None, code: str) -> Message:
    return msg if msg is not None else message(code)
