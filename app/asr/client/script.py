"""Align a plain script to its recording: the command line's ``align --script`` and the window's Align Script.

The forced aligner times the script's words one window at a time (an AlignTextJob per window on whatever engine
client runs jobs: the engine process, or the local aligner beside a server), the windows planned by
app.asr.algorithms.script; the segmentation (app.asr.algorithms.segment, with the script's line breaks kept) then
makes cues by the limits of the language. Every word of the script is in the cues, in order; nothing is added.
A Qt-free generator: Status and Progress, then one ScriptAligned; a cancelled run ends without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.asr.algorithms.script import plan_script
from app.asr.algorithms.segment import segment_words
from app.asr.algorithms.wordmap import ALIGNER_LANGUAGES, aligner_language
from app.asr.client.protocol import AlignTextJob, EngineClient, EngineOptions, Progress, Status, TextAligned
from app.core.checks import Limits
from app.core.document import Cue, Word
from app.core.errors import ModelError
from app.core.language_guess import guess_language
from app.core.messages import Message, message
from app.core.rules import SAMPLE_RATE, samples_to_ms

if TYPE_CHECKING:
    import numpy as np

__all__ = ["ScriptAligned", "align_script", "aligner_languages", "script_language"]


@dataclass(frozen=True)
class ScriptAligned:
    cues: tuple[Cue, ...]
    language: str  # the aligner's name of the script's language


def aligner_languages() -> str:
    """The languages the aligner knows, for messages: "Chinese, English, Cantonese, ..."."""
    return ", ".join(ALIGNER_LANGUAGES.values())


def script_language(text: str, given: str | None = None) -> tuple[str, bool]:
    """The script's language as the aligner names it, and whether it was guessed from the text. Raises
    ModelError with one line naming the languages the aligner knows when it is not one of them (or unknown)."""
    guessed = not (given and given.strip() and given.strip().lower() != "auto")
    language = guess_language(text.splitlines()) if guessed else given
    align_as = aligner_language(language)
    if align_as is not None:
        return align_as, guessed
    if language is None:
        raise ModelError(message=message("script.unknown_language", known=aligner_languages()))
    raise ModelError(message=message("script.aligner_language", language=language, known=aligner_languages()))


def align_script(
    client: EngineClient,
    options: EngineOptions,
    audio: np.ndarray,
    text: str,
    language: str,
    limits: Mapping[str, Any] | None = None,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    on_wait: Callable[[Message], None] | None = None,
) -> Iterator[Status | Progress | ScriptAligned]:
    """Time ``text`` (a script read by app.formats.script) in ``audio`` (16 kHz mono) and make its cues with
    ``limits`` (Limits field overrides, e.g. a profile's ``limit_overrides()``) over the language's rules."""
    align_as = aligner_language(language)
    if align_as is None:
        raise ModelError(message=message("script.aligner_language", language=language, known=aligner_languages()))
    parts = plan_script(audio, text)
    total = max(1, sum(p.end_ms - p.start_ms for p in parts))
    words: list[Word] = []
    done = 0
    for part in parts:
        piece = text[part.char_start : part.char_end]
        if piece.strip():
            wav = audio[part.start_ms * SAMPLE_RATE // 1000 : part.end_ms * SAMPLE_RATE // 1000]
            job = AlignTextJob(options, piece, align_as, part.start_ms, part.end_ms)
            for item in client.run(job, wav, cancelled=cancelled, on_wait=on_wait):
                if isinstance(item, TextAligned):
                    words.extend(w.shifted(0, part.char_start) for w in item.words)
                elif isinstance(item, (Status, Progress)) and not done:  # loading the aligner: said once
                    yield item
        if cancelled():
            return
        done += part.end_ms - part.start_ms
        yield Progress(done / total, message("script.aligning", done=done // 1000, total=total // 1000))
    cues = segment_words(
        text, words, language=align_as, limits=Limits.for_language(align_as, **dict(limits or {})),
        audio_end_ms=max(1, samples_to_ms(len(audio))), keep_lines=True,
    )  # fmt: skip
    yield ScriptAligned(tuple(cues), align_as)
