"""Re-align cues whose text the user edited (or every cue of an imported file) with the forced aligner.

The run is a Qt-free generator: it yields Progress, then one :class:`Realignment` that holds what the aligner
proposes. Nothing is applied here: the caller lists the large moves for review (Subtitle Edit's 0.5 s rule; its
docs warn that an aligner is confidently wrong where the text no longer matches the speech) and applies the
accepted ones as one undo step with :meth:`Realignment.changes`.

The rules, each in one place:
- windows (:func:`plan_windows`): the target cues plus the cues within a few seconds of them (their text too, so
  the aligner is not tempted to stretch the target over a neighbour's speech), neighbouring windows merged,
  each cut at cue boundaries to stay well under the aligner's safe length (shared notes, defect 3);
- placing (:func:`_place`): a cue takes the span of its own words, mapped back onto its text with punctuation;
  text that cannot have been placed (empty, another script, words piled onto one instant: defect 5) keeps its
  old timing and is flagged ``needs_review``, never scrambled;
- settling (:func:`settle`): locked cues never move, moved cues never overlap a neighbour, keep the minimum gap
  and lie within the media; a cue that cannot fit keeps its old timing and is flagged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from app.asr.drift import Drift, drifted, estimate_drift, speech_activity
from app.asr.engine import Engine, RunCancelled, busy
from app.asr.languages import canonical_language
from app.asr.recognition import Progress
from app.asr.wordmap import AlignedItem, aligner_language, aligner_text, map_aligned_words
from app.core.document import Cue, Word
from app.core.errors import ModelError
from app.core.messages import message
from app.core.rules import (
    MIN_DURATION_MS,
    MIN_GAP_MS,
    REVIEW_THRESHOLD_MS,
    SAMPLE_RATE,
    settle_overlaps,
    text_joiner,
)

CONTEXT_MS = 3000  # audio and neighbouring cues taken around each target
WINDOW_S = 60.0  # longest window given to the aligner: well under the 180 s where it starts to fail
MIN_CUE_MS = 100  # shorter than this after settling: the cue did not fit, it keeps its old timing
PILED_UP_CPS = 40.0  # letters per second faster than anyone speaks: the aligner piled the words up (not the
# reading-speed limit, app.core.rules.MAX_CPS)


# -- windows -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    """Cues [first, last) aligned together against the audio [start_ms, end_ms); ``targets`` get new times."""

    first: int
    last: int
    start_ms: int
    end_ms: int
    targets: tuple[int, ...]

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


def plan_windows(
    cues: Sequence[Cue],
    targets: Collection[int],
    *,
    context_ms: int = CONTEXT_MS,
    max_s: float = WINDOW_S,
    media_end: int | None = None,
) -> list[Window]:
    """Windows around ``targets``: each target with the cues within ``context_ms`` of it, overlapping windows
    merged, long runs cut at cue boundaries so that no window passes ``max_s`` (a single cue longer than that
    excepted). Every target lies in exactly one window. The audio of a window reaches ``context_ms`` past its
    first and last cue, but not into the cue beyond."""
    n = len(cues)
    wanted = sorted({t for t in targets if 0 <= t < n})
    runs: list[list[int]] = []  # [first, last) ranges, merged as they come (targets are in order)
    for t in wanted:
        lo, hi = cues[t].start - context_ms, cues[t].end + context_ms
        a, b = t, t + 1
        while a > 0 and cues[a - 1].end > lo:
            a -= 1
        while b < n and cues[b].start < hi:
            b += 1
        if runs and a <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    limit = max(1, int(max_s * 1000) - 2 * context_ms)
    end_of_media = media_end if media_end is not None else max((c.end for c in cues), default=0) + context_ms
    out: list[Window] = []
    for a, b in runs:
        first = a
        for i in range(a + 1, b + 1):
            if i == b or cues[i].end - cues[first].start > limit:
                start = max(0, cues[first].start - context_ms, cues[first - 1].end if first > 0 else 0)
                end = min(end_of_media, cues[i - 1].end + context_ms, cues[i].start if i < n else end_of_media)
                start = min(start, max(0, end - 1))
                mine = tuple(t for t in wanted if first <= t < i)
                out.append(Window(first, i, start, max(end, start + 1), mine))
                first = i
    return out


# -- settling ----------------------------------------------------------------------------------------------
def settle(
    cues: Sequence[Cue],
    moved: Mapping[int, Cue],
    *,
    min_gap: int = MIN_GAP_MS,
    media_end: int | None = None,
) -> dict[int, Cue]:
    """The moves that can be kept (app.core.rules.settle_overlaps); a cue left shorter than MIN_CUE_MS keeps its
    old timing. A kept cue shorter than the minimum duration (its words were quick, or a neighbour clipped it)
    starts earlier, into the free time before it, so that it reads for the minimum where there is room."""
    final = settle_overlaps(cues, moved, min_gap=min_gap, media_end=media_end, min_duration=MIN_CUE_MS)
    for i in sorted(final):
        cue = final[i]
        if cue.duration >= MIN_DURATION_MS:
            continue
        free_from = final.get(i - 1, cues[i - 1]).end + min_gap if i > 0 else 0
        start = max(free_from, cue.end - MIN_DURATION_MS, 0)
        if start < cue.start:
            final[i] = cue.with_(start=start)
    return final


# -- the result --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Proposal:
    """One target cue: ``old`` as it was before the aligner (after drift removal), ``new`` what would be applied."""

    index: int
    old: Cue
    new: Cue
    placed: bool

    @property
    def move_ms(self) -> int:
        return max(abs(self.new.start - self.old.start), abs(self.new.end - self.old.end))


@dataclass(frozen=True)
class Realignment:
    """What one run proposes. ``cues``: the document's cues when it started; ``base``: the same after removing
    offset and drift (the same cues when no drift was looked for); ``aligned``: the aligner's raw proposal for
    each target it could place; ``unplaced``: targets it could not place."""

    cues: tuple[Cue, ...]
    base: tuple[Cue, ...]
    aligned: Mapping[int, Cue]
    unplaced: frozenset[int]
    drift: Drift = field(default_factory=Drift)
    min_gap: int = MIN_GAP_MS
    media_end: int | None = None

    @property
    def targets(self) -> list[int]:
        return sorted(set(self.aligned) | self.unplaced)

    def proposals(self, rejected: Collection[int] = ()) -> list[Proposal]:
        """Every target, settled against its neighbours, with the ``rejected`` moves left out."""
        moved = settle(
            self.base,
            {i: c for i, c in self.aligned.items() if i not in rejected},
            min_gap=self.min_gap,
            media_end=self.media_end,
        )
        out = []
        for i in self.targets:
            base = self.base[i]
            if i in moved:
                out.append(Proposal(i, base, moved[i], True))
            elif i in rejected:
                out.append(Proposal(i, base, base, True))
            else:
                out.append(Proposal(i, base, base.with_(needs_review=True), False))
        return out

    def large_moves(self, threshold_ms: int = REVIEW_THRESHOLD_MS) -> list[Proposal]:
        """The placed moves above ``threshold_ms``: the ones the user approves or rejects."""
        return [p for p in self.proposals() if p.placed and p.move_ms > threshold_ms]

    def result(self, rejected: Collection[int] = ()) -> list[Cue]:
        """All cues after applying everything but ``rejected``."""
        out = list(self.base)
        for p in self.proposals(rejected):
            out[p.index] = p.new
        return out

    def changes(self, rejected: Collection[int] = ()) -> list[tuple[int, Cue]]:
        """(index, cue) for every cue that differs from the document's: what ``replace_cues`` applies as one step."""
        return [(i, c) for i, (c, old) in enumerate(zip(self.result(rejected), self.cues, strict=True)) if c != old]


# -- the run -----------------------------------------------------------------------------------------------
_SCRIPTS = {
    "Chinese": ("CJK",), "Cantonese": ("CJK",), "Japanese": ("CJK", "HIRAGANA", "KATAKANA"),
    "Korean": ("HANGUL", "CJK"), "Russian": ("CYRILLIC",),
}  # fmt: skip


def _fold(text: str) -> str:
    """Letters and digits as the aligner keeps them (NFKD, case-folded): what gets a time."""
    return "".join(k for k in unicodedata.normalize("NFKD", text.casefold()) if unicodedata.category(k)[0] in "LN")


def alignable(text: str, language: str) -> bool:
    """Whether the aligner can place ``text`` in ``language``: it has letters or digits, and most of its letters
    are in the language's script (a Cyrillic line in an English film is not spoken English)."""
    if not _fold(text):
        return False
    letters = [c for c in text if c.isalpha()]
    scripts = _SCRIPTS.get(language, ("LATIN",))
    fitting = sum(1 for c in letters if unicodedata.name(c, "").startswith(scripts))
    return fitting * 2 >= len(letters)


def realign(
    audio: np.ndarray,
    cues: Sequence[Cue],
    targets: Collection[int] | None = None,
    *,
    engine: Engine,
    language: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    correct_drift: bool = False,
    context_ms: int = CONTEXT_MS,
    max_window_s: float = WINDOW_S,
    min_gap: int = MIN_GAP_MS,
) -> Iterator[Progress | Realignment]:
    """Yield Progress, then a :class:`Realignment` as the last item (nothing when cancelled).

    ``targets``: indices to re-time (None: every cue). ``correct_drift`` first removes a constant offset and a
    frame-rate drift (for whole files from elsewhere). Locked cues are never targets but lend their text as
    context. ``language`` None detects it with the recognizer on the first 30 s of speech.
    """
    samples = np.asarray(audio, dtype=np.float32).reshape(-1)
    total_ms = len(samples) * 1000 // SAMPLE_RATE
    cues = tuple(cues)
    base = cues
    drift = Drift()
    if correct_drift and cues:
        yield Progress(0, total_ms, message("realign.drift"))
        drift = estimate_drift(speech_activity(samples), cues)
        moved = settle(cues, drifted(cues, drift), min_gap=min_gap, media_end=total_ms)
        base = tuple(moved.get(i, c) for i, c in enumerate(cues))
    wanted = range(len(cues)) if targets is None else targets
    wanted = sorted({i for i in wanted if 0 <= i < len(cues) and not cues[i].locked})
    if not wanted:
        yield Realignment(cues, base, {}, frozenset(), drift, min_gap, total_ms)
        return
    if busy():
        yield Progress(0, total_ms, message("engine.waiting"))
    with engine.session(cancelled=cancelled):
        lang = given = canonical_language(language)
        if lang is None:
            yield Progress(0, total_ms, message("realign.detecting_language"))
            first = base[wanted[0]].start * SAMPLE_RATE // 1000
            ((lang, _),) = engine.transcribe([samples[first : first + 30 * SAMPLE_RATE]])
        align_as = aligner_language(lang)
        if align_as is None:
            if not lang:
                raise ModelError(message=message("model.no_language_detected"))
            code = "model.aligner_language" if given else "model.aligner_language_detected"
            raise ModelError(message=message(code, language=lang))
        ok = [alignable(c.text, align_as) and c.start < total_ms for c in base]
        unplaced = {i for i in wanted if not ok[i]}
        plan = plan_windows(base, [i for i in wanted if ok[i]], context_ms=context_ms, max_s=max_window_s,
                            media_end=total_ms)  # fmt: skip
        work = sum(w.duration_ms for w in plan) or 1
        yield Progress(0, work, message("engine.loading_aligner"))
        engine.aligner(cancelled=cancelled)
        aligned: dict[int, Cue] = {}
        done = 0
        for window in plan:
            if cancelled is not None and cancelled():
                return
            indices = [i for i in range(window.first, window.last) if ok[i]]
            try:
                placed = _align_window(engine, samples, base, indices, window, align_as)
            except RunCancelled:
                return
            for i in window.targets:
                if i in placed:
                    aligned[i] = placed[i]
                else:
                    unplaced.add(i)
            done += window.duration_ms
            yield Progress(done, work, message("realign.aligning_seconds", done=done // 1000, total=work // 1000))
    yield Realignment(cues, base, aligned, frozenset(unplaced), drift, min_gap, total_ms)


def _align_window(
    engine: Engine, samples: np.ndarray, cues: Sequence[Cue], indices: list[int], window: Window, language: str
) -> dict[int, Cue]:
    """Align the text of cues ``indices`` against the window's audio; the placed cues by index."""
    joiner = text_joiner(language)
    text, offsets = "", []
    for i in indices:
        text += joiner if text else ""
        offsets.append(len(text))
        text += cues[i].text
    if not indices:
        return {}
    wav = samples[window.start_ms * SAMPLE_RATE // 1000 : window.end_ms * SAMPLE_RATE // 1000]
    (items,) = engine.align([wav], [aligner_text(text, language)], language)
    words = map_aligned_words(text, items, language=language, offset_ms=window.start_ms, end_ms=window.end_ms)
    raw = _raw_spans([cues[i].text for i in indices], items, window.start_ms)
    out = {}
    for k, (i, offset) in enumerate(zip(indices, offsets, strict=True)):
        cue = cues[i]
        mine = tuple(
            w.shifted(0, -offset) for w in words if offset <= w.char_start and w.char_end <= offset + len(cue.text)
        )
        new = _place(cue, mine, raw[k] if raw is not None else None)
        if new is not None:
            out[i] = new
    return out


def _raw_spans(texts: list[str], items: Sequence[AlignedItem], offset_ms: int) -> list[tuple[int, int] | None] | None:
    """Each text's span in the aligner's own times, before the mapping repairs them (it gives piled-up words
    some room, which would hide the pile). None when the items do not spell the texts (then the mapped words
    are all there is)."""
    keys = [_fold(t) for t in texts]
    item_keys = [_fold(it.text) for it in items]
    if "".join(item_keys) != "".join(keys):
        return None
    spans: list[tuple[int, int] | None] = []
    pos = 0
    bounds = []
    for k in keys:
        bounds.append((pos, pos + len(k)))
        pos += len(k)
    starts = np.cumsum([0] + [len(k) for k in item_keys])
    for a, b in bounds:
        mine = [it for it, s in zip(items, starts[:-1], strict=True) if a <= s < b]
        if not mine:
            spans.append(None)
            continue
        lo = min(float(it.start_time) for it in mine)
        hi = max(float(it.end_time) for it in mine)
        spans.append((round(lo * 1000) + offset_ms, round(hi * 1000) + offset_ms))
    return spans


def _place(cue: Cue, words: tuple[Word, ...], raw: tuple[int, int] | None) -> Cue | None:
    """The cue on its words, or None when they cannot have been placed (none, or piled onto one instant)."""
    if not words:
        return None
    letters = len(_fold(cue.text))
    start, end = words[0].start, max(w.end for w in words)
    span = (raw[1] - raw[0]) if raw is not None else end - start
    if span * PILED_UP_CPS < letters * 1000:
        return None
    end = max(end, start + MIN_DURATION_MS)  # into the silence after the words; settle() clips it to the room
    return cue.with_(start=start, end=end, words=words, edited=False, needs_review=False)
