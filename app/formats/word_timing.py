"""A cue's text cut at its words, with each word's time: what ASS karaoke and WebVTT word timestamps are made of.

Both writers put a mark (``{\\kNN}``, ``<00:00:01.200>``) before each word, so the cue's text is cut at each word's
first character: the text before the first word, then each word with what follows it up to the next word (its
spaces and punctuation, or nothing between CJK characters). Words whose characters are outside the text, overlap
the word before or come before it are left out: their characters stay in the piece of the word before them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.document import Cue


@dataclass(frozen=True)
class WordPieces:
    lead: str  # the text before the first word ("" most of the time; "<i>", "- ")
    pieces: tuple[tuple[int, str], ...]  # (the word's start in ms, the text from it up to the next word)


def word_pieces(cue: Cue) -> WordPieces | None:
    """The cue's text cut before each of its words, or None when it has no word inside its text."""
    if not cue.words:
        return None
    text = cue.text
    starts: list[tuple[int, int]] = []  # (char_start, start ms)
    end_of_last = 0
    for word in sorted(cue.words, key=lambda w: (w.char_start, w.char_end)):
        if word.char_start < end_of_last or not 0 <= word.char_start < word.char_end <= len(text):
            continue
        starts.append((word.char_start, word.start))
        end_of_last = word.char_end
    if not starts:
        return None
    cuts = [at for at, _ms in starts] + [len(text)]
    pieces = tuple((ms, text[cuts[k] : cuts[k + 1]]) for k, (_at, ms) in enumerate(starts))
    return WordPieces(text[: cuts[0]], pieces)


def karaoke_durations(start: int, end: int, word_starts: list[int]) -> tuple[int, list[int]]:
    """Centiseconds of the gap before the first word and of each word, for ``\\k`` tags: each word lasts until
    the next one starts (the gap between them folded in), the last one until the cue ends, so they add up to the
    event's length as its times are written (rounded to centiseconds). Words before the cue or after its end, or
    out of order, are held to it."""
    first = _centiseconds(start)
    last = max(_centiseconds(end), first)
    bounds = []
    previous = first
    for ms in word_starts:
        previous = min(max(_centiseconds(ms), previous), last)
        bounds.append(previous)
    bounds.append(last)
    return bounds[0] - first, [bounds[k + 1] - bounds[k] for k in range(len(word_starts))]


def _centiseconds(ms: int) -> int:
    return (max(ms, 0) + 5) // 10  # as ass_time rounds a time (half up)
