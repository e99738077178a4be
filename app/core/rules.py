"""The rules every layer shares, each written once: audio rate, gap, reading speed, line limits, word spacing, settling.

Limits follow the Netflix Timed Text Style Guide defaults subtitlers work to: 42 characters a line (16 for Chinese
and Korean, 23 for Japanese, 35 for Thai, as Subtitle Edit's Netflix checker has it), 2 lines, 17 characters per
second, 5/6 s to 7 s on screen, 2 frames at 24 fps (83 ms) between cues.

Scripts without spaces between words, one answer everywhere: Chinese, Cantonese and Japanese. Their pieces join
with nothing and a line may break between any two of their characters. Thai is *not* one of them here, although
it does not separate words: it separates phrases and sentences with a space, and cue and chunk boundaries fall at
phrase boundaries, so two Thai pieces join with a space; nor may a Thai line break between two letters (that would
cut a word). Korean separates words with spaces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.core.document import Cue, Word

SAMPLE_RATE = 16000  # Hz: what app.media decodes to and what the models take
MIN_GAP_MS = 83  # two frames at 24 fps between consecutive cues
REVIEW_THRESHOLD_MS = 500  # re-timing moves larger than this are listed for approval (Subtitle Edit's default)
MAX_CPS = 17.0  # reading speed, characters per second
MAX_LINE_CHARS = 42
MAX_LINES = 2
MIN_DURATION_MS = 833  # 5/6 s
MAX_DURATION_MS = 7000
MAX_CPS_NETFLIX_ENGLISH = 20.0  # Netflix's English (and adult-audience Latin) profile reads faster
MAX_WPM_BBC = 180.0  # BBC subtitle guidelines: 160-180 words per minute
MIN_WPM_BBC = 160.0
CLOSE_GAP_MS = 500  # gaps under 12 frames (0.5 s) are closed to the minimum gap (Netflix)
LINE_BALANCE_RATIO = 0.5  # two lines where the shorter is under half the longer are unbalanced, when a better
#                           break exists

# Netflix's Timed Text Style Guides by language (adult programmes): characters a line and characters a second.
# Languages left out take MAX_LINE_CHARS and MAX_CPS. Keys are Qwen3-ASR names and ISO codes, lower case.
LINE_LIMITS: Mapping[str, int] = {
    "chinese": 16, "zh": 16, "cantonese": 16, "yue": 16,
    "korean": 16, "ko": 16,
    "japanese": 13, "ja": 13,
    "thai": 35, "th": 35,
}  # fmt: skip
CPS_LIMITS: Mapping[str, float] = {
    "chinese": 9.0, "zh": 9.0, "cantonese": 9.0, "yue": 9.0,
    "japanese": 4.0, "ja": 4.0,
    "korean": 12.0, "ko": 12.0,
    "english": 20.0, "en": 20.0,
}  # fmt: skip
CPS_LIMITS_CHILDREN: Mapping[str, float] = {**CPS_LIMITS, "english": MAX_CPS, "en": MAX_CPS}  # children: 17

#: languages (Qwen3-ASR names and ISO codes, lower case) written without spaces between words
UNSPACED_LANGUAGES = frozenset({"chinese", "cantonese", "japanese", "zh", "yue", "ja"})

#: the media files the application opens, finds in folders (batch queue, ``transcribe``) and offers in file dialogs
VIDEO_SUFFIXES = (
    ".mp4", ".mkv", ".webm", ".mov", ".avi", ".ts", ".mts", ".m2ts", ".mpg", ".mpeg", ".wmv", ".flv", ".3gp", ".m4v",
    ".mk3d",
)  # fmt: skip
AUDIO_SUFFIXES = (".mp3", ".m4a", ".aac", ".flac", ".ogg", ".oga", ".opus", ".wav", ".aif", ".aiff", ".wma", ".mka")
MEDIA_SUFFIXES = VIDEO_SUFFIXES + AUDIO_SUFFIXES
#: those of them whose containers may carry subtitle tracks (Matroska, MP4, QuickTime, WebM, 3GP, MPEG-TS)
SUBTITLE_TRACK_SUFFIXES = (frozenset(VIDEO_SUFFIXES) - {".avi", ".mpg", ".mpeg", ".wmv", ".flv"}) | {".mka"}


_POSITION_TAG = re.compile(r"\{\\an([1-9])\}")


def screen_row(cue: Cue) -> int:
    """Where a cue is shown: 0 at the bottom (the default), 1 in the middle, 2 at the top, by its numpad position
    (``align``, as ASS ``\\an`` numbers it, or a ``{\\anN}`` typed in its text). Cues in different rows may be on
    screen together (a sign at the top over dialogue): they neither overlap nor keep a gap from each other."""
    align = cue.get("align")
    if align is None and "{" in cue.text:
        found = _POSITION_TAG.search(cue.text)
        align = found.group(1) if found else None
    return (int(align) - 1) // 3 if align is not None and len(align) == 1 and "1" <= align <= "9" else 0


def line_limit(language: str | None) -> int:
    """Characters a line may hold in ``language`` (a name or a code; unknown or None: the default)."""
    return LINE_LIMITS.get((language or "").lower(), MAX_LINE_CHARS)


def cps_limit(language: str | None) -> float:
    """Characters a second a viewer reads in ``language`` (Netflix, adult programmes; unknown or None: 17)."""
    return CPS_LIMITS.get((language or "").lower(), MAX_CPS)


def is_unspaced_language(language: str | None) -> bool:
    """Whether ``language`` is written without spaces between words (see the module's note on Thai)."""
    return bool(language) and language.lower() in UNSPACED_LANGUAGES  # type: ignore[union-attr]


def is_unspaced_char(ch: str) -> bool:
    """Characters of the unspaced scripts: CJK ideographs and punctuation, kana, bopomofo, fullwidth forms.

    Hangul compatibility jamo (U+3130-318F) are left out: Korean is written with spaces.
    """
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x312F  # radicals, CJK symbols and punctuation, kana, bopomofo
        or 0x3190 <= code <= 0x9FFF  # kanbun .. ideographs (extension A included)
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # fullwidth forms
        or 0x20000 <= code <= 0x3134F  # ideograph extensions B-G
    )


def text_joiner(language: str | None) -> str:
    """What goes between two pieces of text of ``language`` that are joined: nothing for unspaced scripts."""
    return "" if is_unspaced_language(language) else " "


def seam(left: str, right: str) -> str:
    """The separator between two consecutive texts, decided by the characters at the seam (mixed Chinese/English
    recordings too): nothing next to an unspaced character or existing whitespace, one space otherwise."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return ""
    return "" if is_unspaced_char(left[-1]) or is_unspaced_char(right[0]) else " "


def samples_to_ms(samples: int, rate: int = SAMPLE_RATE) -> int:
    return samples * 1000 // rate


def ms_to_samples(ms: float, rate: int = SAMPLE_RATE) -> int:
    return int(ms * rate // 1000)


def room(
    cues: Sequence[Cue], index: int, *, min_gap: int = MIN_GAP_MS, media_end: int | None = None
) -> tuple[int, int | None]:
    """Where cue ``index`` may lie without overlapping a neighbour or coming closer than ``min_gap``:
    (lowest start, highest end or None when unbounded). Never tighter than where the cue is now, so a neighbour
    already too close does not make it jump."""
    cue = cues[index]
    low = max(0, cues[index - 1].end + min_gap) if index > 0 else 0
    high = media_end
    if index + 1 < len(cues):
        nxt = cues[index + 1].start - min_gap
        high = nxt if high is None else min(high, nxt)
    low = min(low, cue.start)
    if high is not None:
        high = max(high, cue.end)
    return low, high


def settle_overlaps(
    cues: Sequence[Cue],
    moved: Mapping[int, Cue],
    *,
    min_gap: int = MIN_GAP_MS,
    media_end: int | None = None,
    min_duration: int = 100,
) -> dict[int, Cue]:
    """The moves that can be kept, clipped so that nothing overlaps and ``min_gap`` is kept.

    ``cues`` are the cues as they are (ordered; pairs that already break the rule and that nothing moves are left
    alone); ``moved`` maps indices to proposed cues. Locked cues never move. Where two moved cues collide the
    boundary goes midway; a moved cue is clipped against a fixed one; a cue left shorter than ``min_duration``
    (or outside the media) is dropped from the result, i.e. keeps its old timing, and the rest is settled again.
    """
    live = {i: c for i, c in moved.items() if 0 <= i < len(cues) and not cues[i].locked}
    for _ in range(len(live) + 1):
        final = {}
        for i, cue in live.items():
            start, end = max(0, cue.start), cue.end
            if media_end is not None:
                end = min(end, media_end)
            final[i] = _clip(cue, start, end) if (start, end) != (cue.start, cue.end) else cue
        for i in range(1, len(cues)):
            a = final.get(i - 1, cues[i - 1])
            b = final.get(i, cues[i])
            if b.start - a.end >= min_gap or (i - 1 not in final and i not in final):
                continue
            if i - 1 in final and i in final:
                a_end = (a.end + b.start - min_gap) // 2
                final[i - 1] = _clip(a, a.start, min(a.end, a_end))
                final[i] = _clip(b, max(b.start, a_end + min_gap), b.end)
            elif i - 1 in final:
                final[i - 1] = _clip(a, a.start, min(a.end, b.start - min_gap))
            else:
                final[i] = _clip(b, max(b.start, a.end + min_gap), b.end)
        bad = {i for i, c in final.items() if c.end - c.start < min_duration or c.start < 0}
        bad |= {i for i in final if not _fits(cues, final, i, min_gap, media_end)}
        if not bad:
            return final
        for i in bad:
            del live[i]
    return {}


def _fits(cues: Sequence[Cue], final: Mapping[int, Cue], i: int, min_gap: int, media_end: int | None) -> bool:
    cue = final[i]
    if media_end is not None and cue.end > media_end:
        return False
    if i > 0:
        prev = final.get(i - 1, cues[i - 1])
        if cue.start - prev.end < min(min_gap, cues[i].start - cues[i - 1].end) or cue.start < prev.start:
            return False
    if i + 1 < len(cues):
        nxt = final.get(i + 1, cues[i + 1])
        if nxt.start - cue.end < min(min_gap, cues[i + 1].start - cues[i].end) or nxt.start < cue.start:
            return False
    return True


def _clip(cue: Cue, start: int, end: int) -> Cue:
    """The cue on a narrower span, its words clamped into it."""
    words = tuple(
        Word(min(max(w.start, start), end), min(max(w.end, start), end), w.char_start, w.char_end) for w in cue.words
    )
    return cue.with_(start=start, end=end, words=words)
