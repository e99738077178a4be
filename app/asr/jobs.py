"""Jobs the engine process runs for the window (see app.asr.service): generators of small picklable messages.

Messages: ``("status", text)``, ``("progress", fraction, text)``, ``("cues", [Cue, ...])``,
``("done", summary_dict)``.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from app.asr.engine import Engine


def recognize_cues(
    *,
    engine: Engine,
    audio: np.ndarray,
    cancelled: Callable[[], bool],
    language: str | None = None,
    context: str = "",
    limits: dict[str, Any] | None = None,
) -> Iterator[tuple]:
    """Recognise ``audio`` chunk by chunk; each chunk's words are segmented into readable cues at once."""
    from app.asr.recognition import ChunkResult, Progress, recognize
    from app.asr.segment import segment_words
    from app.core.checks import Limits

    yield ("status", "Loading the model…")
    yield from load_models(engine, cancelled, aligner=bool(engine.options.aligner))
    yield ("status", f"Recognising on {engine.device}…")
    audio_end = len(audio) * 1000 // 16000
    languages: dict[str, int] = {}
    for item in recognize(audio, engine=engine, language=language, context=context, cancelled=cancelled):
        if isinstance(item, Progress):
            yield ("progress", item.fraction, item.message or "Recognising…")
        elif isinstance(item, ChunkResult) and item.text.strip():
            languages[item.language] = languages.get(item.language, 0) + len(item.text)
            chunk_limits = Limits.for_language(item.language, **(limits or {}))
            cues = segment_words(
                item.text, item.words, language=item.language, limits=chunk_limits,
                audio_end_ms=max(1, min(item.end_ms, audio_end)),
            )  # fmt: skip
            yield ("cues", cues)
    main = max(languages, key=languages.__getitem__) if languages else None
    yield ("done", {"language": main, "device": engine.device})


def load_models(
    engine: Engine, cancelled: Callable[[], bool], *, aligner: bool, recognizer: bool = True
) -> Iterator[tuple]:
    """Load (downloading on first use) while passing byte progress on as it happens."""
    messages: queue.Queue[tuple | None] = queue.Queue()
    failure: list[BaseException] = []

    def downloaded(done: int, total: int, name: str) -> None:
        messages.put(("progress", done / total if total else 0.0, f"Downloading {os.path.basename(name)}…"))

    def load() -> None:
        try:
            if recognizer:
                engine.recognizer(progress=downloaded, cancelled=cancelled)
            if aligner:
                engine.aligner(progress=downloaded, cancelled=cancelled)
        except BaseException as exc:  # handed to the generator's thread below
            failure.append(exc)
        finally:
            messages.put(None)

    thread = threading.Thread(target=load, name="model-load", daemon=True)
    thread.start()
    while (message := messages.get()) is not None:
        yield message
    thread.join()
    if failure:
        raise failure[0]


def realign_cues(
    *,
    engine: Engine,
    audio: np.ndarray,
    cancelled: Callable[[], bool],
    cues: tuple,
    targets: list[int] | None,
    language: str | None = None,
    correct_drift: bool = False,
    min_gap: int = 83,
) -> Iterator[tuple]:
    """Re-time cues with the forced aligner (app.asr.realign); the last message carries the Realignment."""
    from app.asr.realign import Realignment, realign
    from app.asr.recognition import Progress

    yield ("status", "Loading the aligner…")
    yield from load_models(engine, cancelled, aligner=True, recognizer=False)
    for item in realign(audio, cues, targets, engine=engine, language=language, cancelled=cancelled,
                        correct_drift=correct_drift, min_gap=min_gap):  # fmt: skip
        if isinstance(item, Progress):
            yield ("progress", item.fraction, item.message or "Aligning…")
        elif isinstance(item, Realignment):
            yield ("result", item)
