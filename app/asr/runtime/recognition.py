"""Recognition as a generator: decoded 16 kHz audio in, progress and one result per chunk out.

The audio is cut at pauses into chunks of at most 30 s (app.asr.algorithms.chunking), the chunks that hold any sound go
through the recognizer in batches (silent ones come out empty), and each chunk's words are timed by the forced
aligner (or estimated from the chunk's speech span for languages it does not cover). Cancelling takes effect
before the next batch; a consumer may also simply stop iterating. Nothing here touches Qt: the window's worker
and the command line both drive this generator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from app.asr.algorithms import chunking
from app.asr.algorithms.segment import segment_words
from app.asr.algorithms.wordmap import aligner_language, aligner_text, map_aligned_words, words_without_aligner
from app.asr.client.languages import canonical_language
from app.asr.runtime.engine import Engine, RunCancelled, busy
from app.core.checks import Limits
from app.core.document import Cue, Word
from app.core.messages import Message, message
from app.core.rules import SAMPLE_RATE, seam

Timing = Literal["aligned", "estimated"]


@dataclass(frozen=True)
class Progress:
    """``done_ms`` of ``total_ms`` of audio recognised; ``message`` says what is happening now."""

    done_ms: int
    total_ms: int
    message: Message | None = None

    @property
    def fraction(self) -> float:
        return self.done_ms / self.total_ms if self.total_ms > 0 else 1.0


@dataclass(frozen=True)
class ChunkResult:
    """One chunk: its span of the recording, its language, its text and its words.

    Word times are absolute milliseconds in the recording; their character spans index ``text``. ``timing`` is
    "estimated" when the aligner does not cover the language (or none is configured): words are then spread over
    the chunk's speech in proportion to their length.
    """

    index: int
    start_ms: int
    end_ms: int
    language: str
    text: str
    words: tuple[Word, ...] = ()
    timing: Timing = "estimated"


@dataclass(frozen=True)
class Transcript:
    """The chunks joined: one text with the spacing its script needs, words shifted onto it."""

    text: str
    words: tuple[Word, ...]
    language: str
    languages: tuple[str, ...] = ()
    estimated: bool = False  # some words were timed without the aligner
    chunks: tuple[ChunkResult, ...] = field(default=(), repr=False)


def recognize(
    audio: np.ndarray,
    *,
    engine: Engine,
    language: str | None = None,
    context: str = "",
    cancelled: Callable[[], bool] | None = None,
    word_timing: bool = True,
    max_chunk_s: float = 30.0,
) -> Iterator[Progress | ChunkResult]:
    """Yield Progress and ChunkResult items, in order, for 16 kHz mono float ``audio``."""
    forced = canonical_language(language)
    samples = np.asarray(audio, dtype=np.float32).reshape(-1)
    total_ms = len(samples) * 1000 // SAMPLE_RATE
    chunks = chunking.split_at_pauses(samples, max_s=max_chunk_s)
    # silent chunks are not sent to the recognizer (they would only invite an invented sentence); they still
    # come out, in order, with no text, so every chunk of the recording is accounted for
    todo = [k for k, sound in enumerate(chunking.sounding(samples, chunks)) if sound]
    if busy():
        yield Progress(0, total_ms, message("engine.waiting"))
    with engine.session(cancelled=cancelled):
        with_aligner = word_timing and engine.options.aligner is not None
        together, needed_mb, available_mb = engine.models_together() if with_aligner else (True, 0, None)
        lean = getattr(engine, "use_lean_memory", None)  # this process's engine (not a server's)
        if lean is not None:
            lean(not together)  # before loading: a lean heap loads compactly too
        if not engine.is_loaded(recognizer=True, aligner=with_aligner and together):
            yield Progress(0, total_ms, message("engine.loading_model"))
            engine.load(recognizer=True, aligner=with_aligner and together, cancelled=cancelled)
        engine.settle_batch_size()
        if not together:
            yield Progress(0, total_ms, _in_turn_message(engine, needed_mb, available_mb))
        else:
            yield Progress(0, total_ms, message("recognition.progress"))
        emitted = 0
        share = 1.0 if together else 0.7  # of the progress bar, recognising (the rest: aligning afterwards)

        def silent_until(k: int) -> Iterator[ChunkResult]:
            nonlocal emitted
            for j in range(emitted, k):
                yield ChunkResult(j, chunks[j].start_ms, chunks[j].end_ms, forced or "", "")
            emitted = max(emitted, k)

        heard: list[tuple[int, str, str]] = []  # (chunk, language, text) waiting for the aligner
        i = 0
        while i < len(todo):
            if cancelled is not None and cancelled():
                return
            batch = todo[i : i + max(1, engine.batch_size)]
            wavs = [samples[chunks[k].start : chunks[k].end] for k in batch]
            try:
                outputs = engine.transcribe(wavs, language=forced, context=context)
            except RunCancelled:
                return
            found = [(k, forced or lang, text) for k, (lang, text) in zip(batch, outputs, strict=True)]
            if together:
                try:
                    timed = _time_words(engine, samples, chunks, found, word_timing)
                except RunCancelled:
                    return
                for (k, lang, text), (words, timing) in zip(found, timed, strict=True):
                    yield from silent_until(k)
                    yield ChunkResult(k, chunks[k].start_ms, chunks[k].end_ms, lang, text, words, timing)
                    emitted = k + 1
                    if cancelled is not None and cancelled():  # the rest of the batch is not delivered
                        return
            else:
                heard.extend(found)
            i += len(batch)
            yield Progress(int(chunks[batch[-1]].end_ms * share), total_ms, message("recognition.progress"))
        if heard:
            engine.unload_recognizer()
            yield Progress(int(total_ms * share), total_ms, message("engine.loading_aligner"))
            try:
                engine.load(recognizer=False, aligner=True, cancelled=cancelled)
            except RunCancelled:
                return
            # memory is short: one chunk per aligner call (a batch of four 30 s chunks holds about 0.8 GB more in
            # activations; on the CPU one per call is also the fastest)
            chosen, engine.align_batch = engine.align_batch, 1
            for j in range(len(heard)):
                if cancelled is not None and cancelled():
                    return
                part = heard[j : j + 1]
                try:
                    timed = _time_words(engine, samples, chunks, part, word_timing)
                except RunCancelled:
                    return
                for (k, lang, text), (words, timing) in zip(part, timed, strict=True):
                    yield from silent_until(k)
                    yield ChunkResult(k, chunks[k].start_ms, chunks[k].end_ms, lang, text, words, timing)
                    emitted = k + 1
                    if cancelled is not None and cancelled():  # the rest of the batch is not delivered
                        return
                done = share + (1 - share) * (j + len(part)) / len(heard)
                yield Progress(int(total_ms * done), total_ms, message("recognition.aligning_words"))
            engine.align_batch = chosen
        yield from silent_until(len(chunks))
        if not todo or chunks[todo[-1]].end_ms < total_ms or heard:  # the recording ends in silence
            yield Progress(total_ms, total_ms, message("recognition.progress"))


def _in_turn_message(engine: Engine, needed_mb: int, available_mb: int | None) -> Message:
    if engine.options.models_together is False or available_mb is None:
        return message("recognition.models_one_at_a_time")
    return message("recognition.models_in_turn", needed=needed_mb, available=available_mb)


def _time_words(
    engine: Engine,
    samples: np.ndarray,
    chunks: Sequence[chunking.Chunk],
    found: Sequence[tuple[int, str, str]],
    word_timing: bool,
) -> list[tuple[tuple[Word, ...], Timing]]:
    """Words of each (chunk, language, text): the chunks the aligner covers go through it in one batched call,
    the others are spread over their chunk's speech."""
    out: list[tuple[tuple[Word, ...], Timing]] = [((), "estimated")] * len(found)
    aligned: list[tuple[int, str]] = []  # (index in found, aligner language)
    for n, (k, lang, text) in enumerate(found):
        if not text.strip():
            continue
        align_as = aligner_language(lang)
        if word_timing and align_as is not None and engine.options.aligner is not None:
            aligned.append((n, align_as))
            continue
        wav = samples[chunks[k].start : chunks[k].end]
        start, end = chunking.speech_span(wav)
        out[n] = words_without_aligner(text, chunks[k].start_ms + start, chunks[k].start_ms + end, lang), "estimated"
    if aligned:
        items = engine.align(
            [samples[chunks[found[n][0]].start : chunks[found[n][0]].end] for n, _ in aligned],
            [aligner_text(found[n][2], align_as) for n, align_as in aligned],
            [align_as for _, align_as in aligned],
        )  # fmt: skip
        for (n, align_as), its in zip(aligned, items, strict=True):
            k, _lang, text = found[n]
            words = map_aligned_words(text, its, language=align_as, offset_ms=chunks[k].start_ms,
                                      end_ms=chunks[k].end_ms)  # fmt: skip
            out[n] = words, "aligned"
    return out


def join_chunks(results: Iterable[ChunkResult]) -> Transcript:
    """Join chunk texts (a space at the seam only where the script needs one) and move words onto the whole."""
    text = ""
    words: list[Word] = []
    chunks = [r for r in results if r.text.strip()]
    langs: list[str] = []
    for result in chunks:
        stripped = result.text.strip()
        lead = len(result.text) - len(result.text.lstrip())
        text += seam(text, stripped)
        base = len(text) - lead
        text += stripped
        words.extend(w.shifted(0, base) for w in result.words)
        if result.language and (not langs or langs[-1] != result.language):
            langs.append(result.language)
    main = _main_language(chunks)
    estimated = any(r.timing == "estimated" for r in chunks)
    return Transcript(text, tuple(words), main, tuple(langs), estimated, tuple(chunks))


def _main_language(chunks: Sequence[ChunkResult]) -> str:
    weight: dict[str, int] = {}
    for r in chunks:
        if r.language:
            weight[r.language] = weight.get(r.language, 0) + len(r.text)
    return max(weight, key=lambda k: weight[k]) if weight else ""


def transcribe(
    audio: np.ndarray, *, engine: Engine, language: str | None = None, context: str = "",
    cancelled: Callable[[], bool] | None = None, progress: Callable[[Progress], None] | None = None,
) -> Transcript:  # fmt: skip
    """Drive :func:`recognize` to the end (the command line's way); returns the joined transcript."""
    results: list[ChunkResult] = []
    for item in recognize(audio, engine=engine, language=language, context=context, cancelled=cancelled):
        if isinstance(item, ChunkResult):
            results.append(item)
        elif progress is not None:
            progress(item)
    return join_chunks(results)


def transcript_cues(transcript: Transcript, *, audio_end_ms: int, limits: Limits | None = None) -> list[Cue]:
    """Readable cues for a transcript (app.asr.algorithms.segment), within the style guide's limits for its language."""
    return segment_words(
        transcript.text, transcript.words, language=transcript.language or None, limits=limits,
        audio_end_ms=max(1, audio_end_ms),
    )  # fmt: skip
