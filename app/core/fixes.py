"""Fixes for what :mod:`app.core.qc` finds, proposed for review and applied as one undo step.

:func:`propose` returns a :class:`FixPlan`: the fixed cues and, for each changed cue, what was done to it (for a
review list). :func:`apply_plan` makes the one undoable command. Rules kept by every fix: locked cues are never
changed (a locked cue may only move in the list when cues are put back in time order); no text is lost or reordered
(merges join texts in order, trimming and re-breaking only change the spaces and line breaks between words).

The passes, in order: trim spaces; put cues back in time order; end cues over the maximum duration; merge
short one-word cues into a close neighbour when the result still reads; resolve overlaps and gaps under the
minimum (moving the boundary so both cues keep the minimum duration, or merging); extend cues too short or too
fast into free time (borrowing from a long neighbour, merging as a last resort); close small gaps to the minimum;
re-break lines inside the limits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.core import cjk, rules
from app.core.checks import visible_length, visible_text
from app.core.commands import Command, ReplaceAll, merge_cues, remap_words
from app.core.document import Cue, Document, Word
from app.core.fixes_cjk import FixOptions, fullwidth, script_of, split_to_fit, without_line_ends
from app.core.frames import PictureGuide
from app.core.messages import Message, message
from app.core.profiles import Profile
from app.core.qc import best_break, is_unbalanced, word_count


@dataclass(frozen=True)
class Proposal:
    index: int  # the cue's index in the fixed document
    before: tuple[Cue, ...]  # the cues it was made from (several after a merge)
    after: Cue
    messages: tuple[Message, ...]


@dataclass(frozen=True)
class FixPlan:
    cues: tuple[Cue, ...]
    proposals: tuple[Proposal, ...]

    @property
    def changed(self) -> bool:
        return bool(self.proposals)


@dataclass
class _Item:
    cue: Cue
    origin: tuple[Cue, ...]
    notes: list[Message]
    split_from: int | None = None  # the pieces of one cue cut to fit (never merged back together)


def apply_plan(doc: Document, plan: FixPlan, label: str = "Fix problems") -> Command:
    """The one undoable command that puts the plan's cues in the document (apply it with the undo stack)."""
    return ReplaceAll(plan.cues, label)


def propose(
    cues: Sequence[Cue],
    profile: Profile,
    language: str | None = None,
    *,
    media_end: int | None = None,
    shots: PictureGuide | None = None,
    options: FixOptions | None = None,
    translation_language: str = "",
) -> FixPlan:
    """The plan (``options``: the fixes the user turned on, app.core.fixes_cjk.FixOptions); the cues'
    translations have their spaces trimmed and their lines broken again by ``translation_language``'s rules (the
    document's target language) as the text's are (the timing follows the text alone); with ``shots`` (the
    picture's frames and shot changes) edges near a shot change move onto it
    (app.core.qc_shots) where the neighbours leave room. Cues at different screen rows (rules.screen_row: a sign
    at the top, dialogue at the bottom) are fixed apart: shown together is legitimate, never merged or moved."""
    rows = [rules.screen_row(c) for c in cues]
    fixed: list[_Item] = []
    for row in sorted(set(rows)):  # each screen row on its own: a sign at the top is not in the dialogue's way
        items = [_Item(c, (c,), []) for c, r in zip(cues, rows, strict=True) if r == row]
        fixer = _Fixer(items, profile, language, media_end, profile.gap_ms(shots))
        fixer.options = options or FixOptions()
        fixer.translation_language = translation_language
        fixer.run()
        if shots is not None:
            fixer.snap_to_shots(shots)
        fixed += fixer.items
    if len(set(rows)) > 1:  # the rows back in one list by time, cues that start together in their old order
        position = {id(c): k for k, c in enumerate(cues)}
        fixed.sort(key=lambda it: (it.cue.start, position[id(it.origin[0])]))
    proposals = tuple(
        Proposal(i, it.origin, it.cue, tuple(dict.fromkeys(it.notes))) for i, it in enumerate(fixed) if it.notes
    )
    return FixPlan(tuple(it.cue for it in fixed), proposals)


def settle_timing(
    cues: Sequence[Cue], profile: Profile, language: str | None = None, *, media_end: int | None = None
) -> list[Cue]:
    """Only the timing passes (overlaps and gaps, then too-short or too-fast cues extended into free time or
    merged), for cues made from words (recognition): no cue under the minimum where a neighbour or free time
    allows it, none overlapping. A merged cue's lines are broken again inside the limits where a break exists."""
    fixer = _Fixer([_Item(c, (c,), []) for c in cues], profile, language, media_end)
    fixer.keep_reading = False  # words piled up by the aligner: cues that cannot both keep the minimum merge
    fixer.settle()
    fixer.extend()
    fixer.make_room()
    out = []
    for it in fixer.items:
        cue = it.cue
        limit = fixer.line_limit(cue)
        if len(it.origin) > 1:
            text = rebroken(cue.text, limit, profile.max_lines) or rebroken(cue.text, len(cue.text), 1) or cue.text
            cue = _with_text(cue, text)
        out.append(cue)
    return out


def _retimed(cue: Cue, start: int, end: int) -> Cue:
    """The cue on a new span; words are clamped into it."""
    if (start, end) == (cue.start, cue.end):
        return cue
    words = tuple(
        Word(min(max(w.start, start), end), min(max(w.end, start), end), w.char_start, w.char_end) for w in cue.words
    )
    return cue.with_(start=start, end=end, words=words)


def _with_text(cue: Cue, text: str) -> Cue:
    return cue if text == cue.text else cue.with_(text=text, words=remap_words(cue.text, text, cue.words))


def trimmed(text: str) -> str:
    """Each line without spaces at its ends or doubled inside; empty lines dropped."""
    lines = (" ".join(part for part in line.split(" ") if part).strip("\t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def rebroken(text: str, limit: int, max_lines: int) -> str | None:
    """The text on one line when it fits, else broken into two balanced lines within ``limit``; None when it
    cannot be (the text is left as it is). Texts with formatting tags are measured without them."""
    flat = cjk.join_lines(text)  # a Latin word inside a CJK line keeps its spaces
    if visible_length(flat) <= limit:
        return flat
    if max_lines < 2 or visible_text(flat) != flat:  # tags: a break could fall inside one; left alone
        return None
    parts = best_break(flat, limit)
    return None if parts is None else "\n".join(parts)


class _Fixer:
    def __init__(
        self, items: list[_Item], profile: Profile, language: str | None, media_end: int | None, gap: int | None = None
    ) -> None:
        self.items = items
        self.p = profile
        self.language = language
        self.media_end = media_end
        self.gap = profile.min_gap_ms if gap is None else gap  # in the picture's frames when there is one
        self.keep_reading = True  # the user's cues: a fix never makes one read faster (recognition's: merged)
        self.options = FixOptions()
        self.translation_language = ""  # the rules the translations are re-broken by (the document's target)

    def run(self) -> None:
        self.trim()
        self.sort()
        self.split()
        self.shorten()
        self.merge_single_words()
        self.settle()
        self.extend()
        self.close_gaps()
        self.rebreak()
        self.line_ends()

    # -- helpers -----------------------------------------------------------------------------------------------
    def set(self, i: int, cue: Cue, note: Message) -> None:
        if cue != self.items[i].cue:
            self.items[i].cue = cue
            self.items[i].notes.append(note)

    def merge(self, i: int) -> None:
        """Merge item i with item i + 1."""
        a, b = self.items[i], self.items[i + 1]
        merged = merge_cues(a.cue, b.cue, cjk.text_seam(a.cue.text, b.cue.text))
        merged = _retimed(merged, a.cue.start, merged.end)  # a comes first (settling may have moved b's start)
        self.items[i] = _Item(merged, a.origin + b.origin, [*a.notes, *b.notes, message("fix.merged")])
        del self.items[i + 1]

    def can_merge(self, i: int) -> bool:
        if not 0 <= i < len(self.items) - 1:
            return False
        if self.items[i].split_from is not None and self.items[i].split_from == self.items[i + 1].split_from:
            return False
        a, b = self.items[i].cue, self.items[i + 1].cue
        return not a.locked and not b.locked and max(a.end, b.end) - a.start <= self.p.max_duration_ms

    def line_limit(self, cue: Cue) -> int:
        """Characters a line of ``cue`` may hold: its language's (the document's when it has none)."""
        return self.p.line_limit(cue.language or self.language)

    def max_cps(self, cue: Cue) -> float | None:
        """The reading speed of ``cue``'s language, None when the profile counts no characters."""
        return self.p.cps_limit(cue.language or self.language)

    def needed(self, cue: Cue) -> int:
        """How long the cue should be on screen: the minimum, or longer to be read at its language's speed."""
        need = self.p.min_duration_ms
        max_cps = self.max_cps(cue)
        if max_cps:
            need = max(need, math.ceil(visible_length(cue.text) * 1000 / max_cps))
        if self.p.max_wpm:
            need = max(need, math.ceil(word_count(cue.text) * 60_000 / self.p.max_wpm))
        return min(need, self.p.max_duration_ms)

    def keeps(self, cue: Cue) -> int:
        """What a cue lending time keeps: the time it needs to be read (or only the minimum, for recognition)."""
        return self.needed(cue) if self.keep_reading else self.p.min_duration_ms

    def reads_worse(self, old: Cue, new: Cue) -> bool:
        """Whether ``new`` reads faster than both ``old`` and the profile's limit."""
        max_cps = self.max_cps(new)
        if not max_cps or new.duration <= 0:
            return new.duration <= 0 < old.duration
        cps = visible_length(new.text) * 1000 / new.duration
        return cps > max_cps and (old.duration <= 0 or cps > visible_length(old.text) * 1000 / old.duration)

    def bounds(self, i: int) -> tuple[int, int | None]:
        low = self.items[i - 1].cue.end + self.gap if i > 0 else 0
        high = self.items[i + 1].cue.start - self.gap if i + 1 < len(self.items) else self.media_end
        return low, high

    # -- passes ------------------------------------------------------------------------------------------------
    def trim(self) -> None:
        """Spaces trimmed; Chinese and Japanese cues' punctuation made full-width."""
        for i, it in enumerate(self.items):
            if not it.cue.locked:
                self.set(i, _with_text(it.cue, trimmed(it.cue.text)), message("fix.trimmed"))
                cue = fullwidth(it.cue, script_of(it.cue, self.language))
                self.set(i, _with_text(cue, trimmed(cue.text)), message("fix.fullwidth"))
                if it.cue.translation:
                    cue = it.cue.with_(translation=trimmed(it.cue.translation))
                    self.set(i, cue, message("fix.translation_trimmed"))

    def split(self) -> None:
        """Chinese and Japanese cues too long for their lines cut into cues that fit (app.core.fixes_cjk)."""
        out: list[_Item] = []
        for it in self.items:
            pieces = None
            if not it.cue.locked and script_of(it.cue, self.language):
                pieces = split_to_fit(it.cue, self.line_limit(it.cue), self.p.max_lines, self.gap)
            if not pieces:
                out.append(it)
                continue
            note = message("fix.split", lines=self.p.max_lines)
            out += [_Item(piece, it.origin, [*it.notes, note], id(it)) for piece in pieces]
        self.items = out

    def sort(self) -> None:
        if all(self.items[i - 1].cue.start <= self.items[i].cue.start for i in range(1, len(self.items))):
            return
        order = sorted(range(len(self.items)), key=lambda k: self.items[k].cue.start)
        for pos, k in enumerate(order):
            if pos != k:
                self.items[k].notes.append(message("fix.sorted", 1))
        self.items = [self.items[k] for k in order]

    def shorten(self) -> None:
        """Cues on screen longer than the maximum end earlier."""
        for i, it in enumerate(self.items):
            cue = it.cue
            if not cue.locked and cue.duration > self.p.max_duration_ms:
                end = cue.start + self.p.max_duration_ms
                self.set(i, _retimed(cue, cue.start, end), message("fix.shortened", ms=self.p.max_duration_ms))

    def settle(self) -> None:
        """No overlap and the minimum gap between every pair that unlocked cues allow."""
        i = 1
        while i < len(self.items):
            a, b = self.items[i - 1].cue, self.items[i].cue
            if b.start - a.end >= self.gap:
                i += 1
                continue
            note = message("fix.overlap") if b.start < a.end else message("fix.gap", ms=self.gap)
            if a.locked and b.locked:
                i += 1
            elif a.locked:
                start = a.end + self.gap
                self.set(i, _retimed(b, start, max(b.end, start)), note)
                i += 1
            elif b.locked:
                end = max(a.start, b.start - self.gap)
                self.set(i - 1, _retimed(a, a.start, end), note)
                i += 1
            else:
                low, high = self.boundary_range(a, b)
                if low <= high:
                    cut = min(max(b.start - self.gap, low), high)
                    self.set(i - 1, _retimed(a, a.start, cut), note)
                    self.set(i, _retimed(b, cut + self.gap, b.end), note)
                    i += 1
                elif self.can_merge(i - 1):
                    self.merge(i - 1)
                else:  # both cannot keep the minimum: the boundary midway, the short one is extended later
                    cut = max(a.start, (a.start + max(a.end, b.end) - self.gap) // 2)
                    self.set(i - 1, _retimed(a, a.start, cut), note)
                    self.set(i, _retimed(b, cut + self.gap, max(b.end, cut + self.gap)), note)
                    i += 1

    def boundary_range(self, a: Cue, b: Cue) -> tuple[int, int]:
        """(lowest, highest) end of ``a`` when the boundary with ``b`` moves (``b`` then starts a gap later): both
        keep the minimum duration and neither reads faster than before or than the limit; failing that, neither
        gets worse than it is; failing that, both keep the minimum (an overlap must go, at someone's cost)."""
        keep_a, keep_b = min(a.duration, self.needed(a)), min(b.duration, self.needed(b))
        least = self.p.min_duration_ms
        tries = ((max(least, keep_a), max(least, keep_b)), (keep_a, keep_b)) if self.keep_reading else ()
        for need_a, need_b in tries:
            if a.start + need_a <= b.end - self.gap - need_b:
                return a.start + need_a, b.end - self.gap - need_b
        return a.start + least, b.end - least - self.gap

    def merge_single_words(self) -> None:
        i = 0
        while i < len(self.items):
            cue = self.items[i].cue
            if cue.locked or cue.duration >= self.p.min_duration_ms or word_count(cue.text) != 1:
                i += 1
                continue
            options = []
            for j in (i - 1, i):  # merge with the one before (j = i - 1) or after (j = i)
                if self.can_merge(j):
                    a, b = self.items[j].cue, self.items[j + 1].cue
                    if b.start - a.end <= self.p.close_gap_ms:
                        text = a.text + cjk.text_seam(a.text, b.text) + b.text
                        if rebroken(text, min(self.line_limit(a), self.line_limit(b)), self.p.max_lines) is not None:
                            options.append((b.start - a.end, j))
            if options:
                self.merge(min(options)[1])
                i = max(0, min(options)[1])
            else:
                i += 1

    def extend(self) -> None:
        i = 0
        while i < len(self.items):
            cue = self.items[i].cue
            need = self.needed(cue)
            if cue.locked or cue.duration >= need:
                i += 1
                continue
            low, high = self.bounds(i)
            end = cue.start + need if high is None else min(max(cue.end, cue.start + need), high)
            end = max(end, cue.end)
            start = max(min(cue.start, end - need), min(low, cue.start))
            if end - start < self.p.min_duration_ms:
                start, end = self.borrow(i, start, end)
            if end - start >= self.p.min_duration_ms or (end - start) > cue.duration:
                self.set(i, _retimed(cue, start, end), message("fix.extended", ms=end - start))
            if end - start >= self.p.min_duration_ms:
                i += 1
            elif self.can_merge(i) or self.can_merge(i - 1):
                j = i if self.can_merge(i) else i - 1
                self.merge(j)
                i = j
            else:
                i += 1

    def make_room(self) -> None:
        """Recognised words piled up (an aligner that placed them late): a cue that still cannot be read at the
        profile's speed starts earlier, and the cues before it move earlier into the free time before them, each
        keeping its length. For recognition only (settle_timing): a fix of the user's cues never moves them off
        their speech like this."""
        for i in range(len(self.items)):
            cue = self.items[i].cue
            short = self.needed(cue) - cue.duration
            if short <= 0 or cue.locked:
                continue
            plan = {i: (cue.start - short, cue.end)}
            boundary, floor, k = cue.start - short, 0, i - 1
            while k >= 0:
                prev = self.items[k].cue
                if prev.end + self.gap <= boundary:
                    break
                if prev.locked:
                    floor = prev.end + self.gap
                    break
                plan[k] = (boundary - self.gap - prev.duration, boundary - self.gap)
                boundary, k = plan[k][0], k - 1
            late = max(0, floor - boundary)  # no room before the first that moves: all of them less far
            for j, (start, end) in sorted(plan.items()):
                old = self.items[j].cue
                start, end = (start + late, end + late) if j != i else (min(start + late, old.start), end)
                if start < old.start:
                    self.set(j, _retimed(old, start, end), message("fix.extended", ms=end - start))

    def borrow(self, i: int, start: int, end: int) -> tuple[int, int]:
        """Take time from a neighbour longer than it needs (it keeps the minimum and its reading speed: a fix
        never makes the lender read faster than the limit)."""
        short = self.p.min_duration_ms - (end - start)
        if i + 1 < len(self.items) and short > 0:
            nxt = self.items[i + 1].cue
            spare = nxt.duration - self.keeps(nxt)
            if not nxt.locked and spare > 0 and nxt.start - self.gap <= end:
                take = min(spare, short)
                self.set(i + 1, _retimed(nxt, nxt.start + take, nxt.end), message("fix.gap", ms=self.gap))
                end, short = end + take, short - take
        if i > 0 and short > 0:
            prev = self.items[i - 1].cue
            spare = prev.duration - self.keeps(prev)
            if not prev.locked and spare > 0 and prev.end + self.gap >= start:
                take = min(spare, short)
                self.set(i - 1, _retimed(prev, prev.start, prev.end - take), message("fix.gap", ms=self.gap))
                start -= take
        return start, end

    def close_gaps(self) -> None:
        for i in range(len(self.items) - 1):
            a, b = self.items[i].cue, self.items[i + 1].cue
            gap = b.start - a.end
            if a.locked or not self.gap < gap < self.p.close_gap_ms:
                continue
            end = b.start - self.gap
            if end - a.start <= self.p.max_duration_ms:
                self.set(i, _retimed(a, a.start, end), message("fix.gap", ms=self.gap))

    def snap_to_shots(self, shots: PictureGuide) -> None:
        """Edges near a shot change onto it (starts) or 2 frames before it (ends), as the neighbours allow."""
        from app.core.qc_shots import guide_for, shot_targets, snapped

        guide = guide_for(shots, self.p.shot_snap_frames)
        cues = [it.cue for it in self.items]
        for i, cue in enumerate(cues):
            start, end = shot_targets(cue, guide)
            if (start, end) == (cue.start, cue.end):
                continue
            moved = snapped(cues, i, guide, self.gap, self.p.min_duration_ms)
            if moved is not None and self.reads_worse(cue, moved):  # the picture never wins over reading
                moved = _retimed(cue, moved.start, cue.end) if cue.start < moved.start < cue.end else None
                moved = None if moved is None or self.reads_worse(cue, moved) else moved
            if moved is None:
                continue
            note = message("fix.shot_start") if moved.start != cue.start else None
            if moved.end != cue.end:
                self.set(i, moved, message("fix.shot_end", frames=guide.clear_frames))
                if note is not None:
                    self.items[i].notes.append(note)
            elif note is not None:
                self.set(i, moved, note)
            cues[i] = self.items[i].cue

    def rebreak(self) -> None:
        for i, it in enumerate(self.items):
            cue = it.cue
            limit = self.line_limit(cue)
            lines = visible_text(cue.text).split("\n")
            over = max(len(line) for line in lines) > limit or len(lines) > self.p.max_lines
            if cue.locked or not (over or (len(lines) == 2 and is_unbalanced(lines, limit))):
                continue
            text = rebroken(cue.text, limit, self.p.max_lines)
            if text is not None:
                self.set(i, _with_text(cue, text), message("fix.rebroken"))
        self.rebreak_translations()

    def rebreak_translations(self) -> None:
        """The translations' lines, by the same rule as the text's, in the translation language's limits."""
        limit = self.p.line_limit(self.translation_language)
        for i, it in enumerate(self.items):
            cue = it.cue
            if cue.locked or not cue.translation:
                continue
            lines = visible_text(cue.translation).split("\n")
            over = max(len(line) for line in lines) > limit or len(lines) > self.p.max_lines
            if not (over or (len(lines) == 2 and is_unbalanced(lines, limit))):
                continue
            text = rebroken(cue.translation, limit, self.p.max_lines)
            if text is not None:
                self.set(i, cue.with_(translation=text), message("fix.translation_rebroken"))

    def line_ends(self) -> None:
        """The Chinese line-end convention, when the options turn it on (app.core.fixes_cjk)."""
        if self.options.line_end_punctuation == "keep":
            return
        for i, it in enumerate(self.items):
            if not it.cue.locked:
                cue = without_line_ends(it.cue, script_of(it.cue, self.language), self.options)
                self.set(i, _with_text(cue, trimmed(cue.text)), message("fix.line_end_punctuation"))
