"""Timed words to readable cues.

Recognition gives one long text per recording and its words; viewers need cues that fit the style guide
(Netflix defaults from :class:`app.core.checks.Limits`). The rules, in the order they decide:

1. A sentence end or a pause of ``pause_split_ms`` always ends a cue; short neighbours merge back later.
2. A run that breaks a limit (two balanced lines of ``max_line_chars``, ``max_duration_ms``) is split where
   a reader expects a break: clause punctuation, then long pauses, kept in balance. Reading speed splits a
   run only when the parts read slower, since continuous fast speech does not get slower by cutting it.
3. Cues too short to read, or single words, merge with a neighbour when the result still fits.
4. Times: a cue starts with its first word and lingers up to ``linger_ms`` after its last one; short or
   fast cues extend into silence (to ``min_duration_ms``, towards ``max_cps``), always ``min_gap_ms``
   before the next cue and within the audio.
5. Readable by construction: when the aligner piled words together so that a cue would still be under the minimum
   duration or closer than the gap, the timing passes of app.core.fixes settle the cues (extending into free
   time, borrowing from a long neighbour, merging as a last resort).

Words are never dropped or reordered; the cue texts together hold every non-space character of the input.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.asr.algorithms.wordmap import is_cjk
from app.core.checks import Limits, chars_per_second, over_reading_speed, visible_length, visible_text
from app.core.cjk import best_mixed_break, has_cjk
from app.core.document import Cue, Word
from app.core.fixes import settle_timing
from app.core.languages import name_of
from app.core.profiles import Profile

__all__ = ["segment_words"]

_SENTENCE_END = frozenset(".?!…。？！‼⁇⁈⁉")
_CLAUSE_END = frozenset(",;:，、；：—–")
_CLOSERS = "\"'”’»)]}」』）】〕〉》"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Run:
    """Everything about the word stream the splitter asks for again and again."""

    text: str
    words: tuple[Word, ...]
    cores: tuple[str, ...]  # each word's own text, whitespace collapsed
    seps: tuple[str, ...]  # what follows each word up to the next one, whitespace collapsed
    lead: str  # text before the first word
    strength: tuple[int, ...]  # after word i: 2 sentence end, 1 clause end, 0 none
    breakable: tuple[bool, ...]  # after word i: a line or cue may break here
    limits: Limits
    hard_end: float  # the audio end (or infinity)
    linger_ms: int
    prefix: tuple[int, ...]  # prefix[i]: characters of words 0..i-1 with what follows them (a cheap estimate)
    newline: tuple[int, ...] = ()  # after word i in a script: 0 same line, 1 a line break, 2 a blank line

    def breaks(self, a: int, b: int) -> list[int]:
        """The script's line breaks inside words a..b-1 (k: after word k)."""
        return [k for k in range(a, b - 1) if self.newline and self.newline[k]]

    def keeps_lines(self, a: int, b: int) -> bool:
        """Whether words a..b-1 can be one cue with the script's lines as its lines (always, outside a script)."""
        marks = self.breaks(a, b)
        if not marks:
            return True
        if len(marks) > 1 or self.limits.max_lines < 2 or self.newline[marks[0]] > 1:
            return False
        k = marks[0]
        return max(self.chars(a, k + 1), self.chars(k + 1, b)) <= self.limits.max_line_chars

    def pause(self, i: int) -> int:
        """Silence after word i."""
        return self.words[i + 1].start - self.words[i].end if i + 1 < len(self.words) else 0

    def line(self, a: int, b: int) -> str:
        """Words a..b-1 on one line."""
        head = self.lead if a == 0 else ""
        return (head + "".join(self.cores[i] + self.seps[i] for i in range(a, b))).strip()

    def layout(self, a: int, b: int) -> tuple[int | None, int]:
        """Where to break words a..b-1 into lines, and the longest line: one line when it fits, else two
        lines that fit, as even as possible, preferring a break after punctuation (worth 4 characters of
        imbalance per level) and not after a short word such as "a" or "the" (worth 3). A script's own line
        break inside the words is the break when both lines fit."""
        marks = self.breaks(a, b)
        if len(marks) == 1 and self.limits.max_lines >= 2:
            top, bottom = self.chars(a, marks[0] + 1), self.chars(marks[0] + 1, b)
            if max(top, bottom) <= self.limits.max_line_chars:
                return marks[0], max(top, bottom)
        single = visible_length(self.line(a, b))
        if single <= self.limits.max_line_chars or self.limits.max_lines < 2 or b - a < 2:
            return None, single
        candidates = [k for k in range(a, b - 1) if self.breakable[k]] or list(range(a, b - 1))
        best: tuple[tuple[bool, int, int], int, int] | None = None
        for k in candidates:
            top, bottom = visible_length(self.line(a, k + 1)), visible_length(self.line(k + 1, b))
            longest = max(top, bottom)
            core = self.cores[k]
            dangling = self.strength[k] == 0 and core.isalpha() and len(core) <= 3 and not is_cjk(core[-1])
            key = (longest > self.limits.max_line_chars, longest - 4 * self.strength[k] + 3 * dangling, top - bottom)
            if best is None or key < best[0]:
                best = (key, k, longest)
        assert best is not None
        return best[1], best[2]

    def chars(self, a: int, b: int) -> int:
        return visible_length(self.line(a, b))

    def room(self, a: int, b: int) -> int:
        """The longest time words a..b-1 could stay on screen: up to the next word less the gap."""
        start = self.words[a].start
        end: float
        if b < len(self.words):
            end = self.words[b].start - self.limits.min_gap_ms
        else:
            end = min(self.hard_end, self.speech_end(a, b) + max(self.linger_ms, self.limits.min_duration_ms))
        end = max(end, self.speech_end(a, b))
        return max(1, min(int(end) - start, max(self.limits.max_duration_ms, self.speech_end(a, b) - start)))

    def speech_end(self, a: int, b: int) -> int:
        return max(w.end for w in self.words[a:b])

    def cps(self, a: int, b: int) -> float:
        return self.chars(a, b) * 1000.0 / self.room(a, b)

    def fits(self, a: int, b: int) -> bool:
        if self.speech_end(a, b) - self.words[a].start > self.limits.max_duration_ms:
            return False
        if self.prefix[b] - self.prefix[a] > 2 * self.limits.max_line_chars * max(1, self.limits.max_lines):
            return False
        if self.chars(a, b) > self.limits.max_line_chars * max(1, self.limits.max_lines):
            return False
        return self.layout(a, b)[1] <= self.limits.max_line_chars


def segment_words(
    text: str,
    words: Sequence[Word],
    *,
    language: str | None = None,
    limits: Limits | None = None,
    audio_end_ms: int | None = None,
    linger_ms: int = 500,
    pause_split_ms: int = 1000,
    keep_lines: bool = False,
) -> list[Cue]:
    """Cues for ``words`` (times in ms, char spans into ``text``, in order), ready for the document.

    ``limits`` defaults to ``Limits.for_language(language)``. ``audio_end_ms`` bounds every time (pass
    the media duration). Text before the first word or between words stays with the cue before it.
    Each cue carries ``language`` (the chunk's language as the recognizer reported it, a dialect kept as such).
    Raises ValueError when word spans are out of order or outside the text.

    ``keep_lines`` (a plain script): the text's own line breaks are kept where they fit. A line that fits on one
    subtitle line stays whole, as a cue or one line of a cue; a longer line is split by the rules above; a cue
    never runs across a blank line.
    """
    limits = limits or Limits.for_language(language)
    if audio_end_ms is not None and audio_end_ms < 1:
        raise ValueError(f"audio_end_ms must be positive, got {audio_end_ms}")
    if not words:
        return []
    run = _prepare(text, words, limits, audio_end_ms, linger_ms, keep_lines)
    n = len(run.words)
    lines = [k + 1 for k in run.breaks(0, n)]
    groups: list[tuple[int, int]] = []
    for start, stop in zip([0, *lines], [*lines, n], strict=True):
        if run.newline and run.fits(start, stop) and run.layout(start, stop)[0] is None:
            groups.append((start, stop))  # a script's line that fits: whole
            continue
        hard = [i + 1 for i in range(start, stop - 1) if run.strength[i] == 2 or run.pause(i) >= pause_split_ms]
        for a, b in zip([start, *hard], [*hard, stop], strict=True):
            groups.extend(_split(run, a, b))
    groups = _merge_short(run, groups, pause_split_ms)
    cues = _timed_cues(run, groups)
    if _unreadable(cues, limits):  # words piled up by the aligner: settle them (readable by construction)
        profile = Profile(
            "words", max_cps=limits.max_cps, max_line_chars=limits.max_line_chars, max_lines=limits.max_lines,
            min_duration_ms=limits.min_duration_ms, max_duration_ms=limits.max_duration_ms,
            min_gap_ms=limits.min_gap_ms, cps_by_language=(), line_chars_by_language=(),  # limits: this language's
        )  # fmt: skip
        cues = settle_timing(cues, profile, language, media_end=audio_end_ms)
        if run.newline:  # a cue the timing passes merged: its lines laid out again, the script's break first
            cues = _laid_out(run, cues)
    shaped = [_within_lines(c, limits) for c in cues]
    named = name_of(language) or (language or "")  # "en" -> English; a dialect the table lacks stays as named
    return [c.with_(language=named) for c in shaped] if named else shaped


def _laid_out(run: _Run, cues: list[Cue]) -> list[Cue]:
    """The cues' texts made again from the run (same times, same words), so that a merged cue breaks its lines where
    the script does when they fit; the cues as they are when their words do not add up to the run's."""
    if sum(len(c.words) for c in cues) != len(run.words) or not all(c.words for c in cues):
        return cues
    out, a = [], 0
    for cue in cues:
        b = a + len(cue.words)
        out.append(_cue(run, cue.start, cue.end, a, b))
        a = b
    return out


def _within_lines(cue: Cue, limits: Limits) -> Cue:
    """A cue merged by the timing passes whose line is still over the limit with a break in it (its first word
    alone is longer than the limit, so no balanced break fits): broken where the longest line is shortest, so
    that only a single unbreakable word passes the limit."""
    limit = limits.max_line_chars
    lines = cue.text.split("\n")
    if len(lines) == 1 and limits.max_lines >= 2 and visible_length(cue.text) > limit and has_cjk(cue.text):
        return _broken_mixed(cue, limit)  # Chinese or Japanese, English words in it or not: app.core.cjk's breaks
    if all(visible_length(line) <= limit or " " not in line.strip() for line in lines) or limits.max_lines < 2:
        return cue
    if visible_text(cue.text) != cue.text:  # tags: a break could fall inside one; left as it is
        return cue
    flat = cue.text.replace("\n", " ")  # the same length: the words keep their spans
    best: tuple[tuple[bool, int], str] | None = None
    for pos in (i for i, ch in enumerate(flat) if ch == " "):
        top, bottom = flat[:pos].strip(), flat[pos + 1 :].strip()
        if not top or not bottom:
            continue
        key = (any(len(part) > limit and " " in part for part in (top, bottom)), max(len(top), len(bottom)))
        if best is None or key < best[0]:
            best = (key, flat[:pos] + "\n" + flat[pos + 1 :])
    return cue if best is None else cue.with_(text=best[1])


def _broken_mixed(cue: Cue, limit: int) -> Cue:
    """A one-line cue with CJK characters broken into two lines within ``limit`` where such a break exists (between
    two CJK characters, at punctuation, between the scripts, never inside a Latin word); its words keep their
    characters (those after the break move by what the break took or added)."""
    if visible_text(cue.text) != cue.text:  # tags: a break could fall inside one; left as it is
        return cue
    parts = best_mixed_break(cue.text, limit)
    if parts is None:
        return cue
    top, bottom = parts
    cut, resume = len(top), len(cue.text) - len(bottom)  # the text between them (spaces, or nothing) becomes "\n"
    if cue.text[:cut] != top or cue.text[resume:] != bottom:
        return cue
    delta = 1 - (resume - cut)
    words = tuple(
        w.shifted(delta_chars=delta) if w.char_start >= resume else w
        for w in cue.words
        if w.char_start >= resume or w.char_end <= cut
    )
    if len(words) != len(cue.words):  # a word across the break: none of app.core.cjk's breaks does that
        return cue
    return cue.with_(text=top + "\n" + bottom, words=words)


def _unreadable(cues: list[Cue], limits: Limits) -> bool:
    """A cue under the minimum duration or over the reading speed, or two closer than the minimum gap."""
    return (
        any(c.duration < limits.min_duration_ms for c in cues)
        or any(over_reading_speed(chars_per_second(c), limits.max_cps) for c in cues)
        or any(b.start - a.end < limits.min_gap_ms for a, b in itertools.pairwise(cues))
    )


def _prepare(
    text: str, words: Sequence[Word], limits: Limits, audio_end_ms: int | None, linger_ms: int, keep_lines: bool
) -> _Run:
    prev_end, prev_start = 0, 0
    clean: list[Word] = []
    hard_end = math.inf if audio_end_ms is None else audio_end_ms
    for w in words:
        if not prev_end <= w.char_start <= w.char_end <= len(text):
            raise ValueError(f"word span {w.char_start}..{w.char_end} out of order or outside the text")
        prev_end = w.char_end
        start = int(min(max(w.start, prev_start, 0), hard_end))
        end = int(min(max(w.end, start), hard_end))
        clean.append(Word(start, end, w.char_start, w.char_end))
        prev_start = start
    bounds = [w.char_start for w in clean[1:]] + [len(text)]
    # Whitespace at the edge of a word's span moves into the separators, so words never start or end with it.
    raw = [_SPACES.sub(" ", text[w.char_start : w.char_end]) for w in clean]
    cores = tuple(r.strip() for r in raw)
    seps_list = [_SPACES.sub(" ", text[w.char_end : nb]) for w, nb in zip(clean, bounds, strict=True)]
    lead = _SPACES.sub(" ", text[: clean[0].char_start])
    for i, r in enumerate(raw):
        if r[-1:] == " " and seps_list[i][:1] != " ":
            seps_list[i] = " " + seps_list[i]
        if r[:1] == " " and i and seps_list[i - 1][-1:] != " ":
            seps_list[i - 1] += " "
    seps = tuple(_SPACES.sub(" ", sep) for sep in seps_list)
    strength, breakable = [], []
    for i, core in enumerate(cores):
        tail = (core + seps[i]).rstrip().rstrip(_CLOSERS)
        strength.append(2 if tail[-1:] in _SENTENCE_END else 1 if tail[-1:] in _CLAUSE_END else 0)
        nxt = cores[i + 1] if i + 1 < len(cores) else ""
        breakable.append(
            " " in seps[i] or bool(core and is_cjk(core[-1])) or bool(nxt and is_cjk(nxt[0])) or not core or not nxt
        )
    prefix = [0]
    for core, sep in zip(cores, seps, strict=True):
        prefix.append(prefix[-1] + len(core) + len(sep))
    newline: tuple[int, ...] = ()
    if keep_lines:
        gaps = (text[w.char_end : nb] for w, nb in zip(clean, bounds, strict=True))
        newline = tuple(min(2, gap.count("\n")) for gap in gaps)
    return _Run(
        text, tuple(clean), cores, seps, lead, tuple(strength), tuple(breakable), limits, hard_end, linger_ms,
        tuple(prefix), newline,
    )  # fmt: skip


def _split(run: _Run, a: int, b: int) -> list[tuple[int, int]]:
    """Split words a..b-1 until every part fits, at the best place each time (recursion depth ~ log n)."""
    if b - a < 2:
        return [(a, b)]
    if run.fits(a, b):
        cps = run.cps(a, b)
        if cps <= run.limits.max_cps:
            return [(a, b)]
        k = min(_candidates(run, a, b), key=lambda k: max(run.cps(a, k), run.cps(k, b)))
        parts = max(run.cps(a, k), run.cps(k, b))
        if not (parts <= run.limits.max_cps or parts < 0.9 * cps):
            return [(a, b)]  # too fast however it is cut: one readable cue beats two fast ones
    else:
        k = max(_candidates(run, a, b), key=lambda k: _split_score(run, a, k, b))
    return _split(run, a, k) + _split(run, k, b)


def _candidates(run: _Run, a: int, b: int) -> list[int]:
    """Boundaries k (a cue ends before word k) where the text may break; any boundary when none may."""
    return [k for k in range(a + 1, b) if run.breakable[k - 1]] or list(range(a + 1, b))


def _split_score(run: _Run, a: int, k: int, b: int) -> float:
    left, right = run.prefix[k] - run.prefix[a], run.prefix[b] - run.prefix[k]
    total = max(1, left + right)
    score = 2.5 * run.strength[k - 1] + min(run.pause(k - 1), 1500) / 500
    score -= 3.0 * abs(left - right) / total
    if min(left, right) < 10:
        score -= 1.0
    return score


def _merge_short(run: _Run, groups: list[tuple[int, int]], pause_split_ms: int) -> list[tuple[int, int]]:
    """Merge a cue that cannot stay up for the minimum duration, or holds one word, into a neighbour."""
    groups = list(groups)
    i = 0
    while i < len(groups):
        a, b = groups[i]
        options = []
        if _short(run, a, b):
            for j in (i - 1, i + 1):
                if 0 <= j < len(groups):
                    lo, hi = min(a, groups[j][0]), max(b, groups[j][1])
                    seam = max(a, groups[j][0]) - 1
                    worst = max(run.cps(a, b), run.cps(*groups[j]), run.limits.max_cps)
                    if (
                        run.pause(seam) < pause_split_ms and run.fits(lo, hi) and run.cps(lo, hi) <= worst
                        and run.keeps_lines(lo, hi)
                    ):  # fmt: skip
                        options.append((not _short(run, *groups[j]), run.pause(seam), j, lo, hi))
        if not options:
            i += 1
            continue
        _, _, j, lo, hi = min(options)  # another short cue first ("Yes." "No." "Maybe."), then the nearer one
        groups[min(i, j)] = (lo, hi)
        del groups[max(i, j)]
        i = max(0, min(i, j) - 1)
    return groups


def _short(run: _Run, a: int, b: int) -> bool:
    return b - a == 1 or run.room(a, b) < run.limits.min_duration_ms


def _timed_cues(run: _Run, groups: list[tuple[int, int]]) -> list[Cue]:
    """Times for each group: start at the first word, linger and extend into silence, keep the gap."""
    lim = run.limits
    spans: list[list[int]] = []  # start, end, a, b
    for gi, (a, b) in enumerate(groups):
        start = run.words[a].start
        if spans:
            start = max(start, spans[-1][1] + lim.min_gap_ms)
        speech_end = max(run.speech_end(a, b), start)
        if gi + 1 < len(groups):
            limit = min(run.hard_end, run.words[groups[gi + 1][0]].start - lim.min_gap_ms)
        else:
            limit = run.hard_end
        want = speech_end + run.linger_ms
        want = max(want, start + lim.min_duration_ms, start + math.ceil(run.chars(a, b) * 1000 / lim.max_cps))
        want = min(want, start + lim.max_duration_ms)  # a single word timed longer (estimated, piled) is cut
        end = int(min(max(min(want, limit), start + 1), run.hard_end))
        if end <= start:
            if spans:  # no room left before the audio ends: the words join the cue before
                spans[-1][1] = int(min(max(spans[-1][1], speech_end), run.hard_end))
                spans[-1][3] = b
                continue
            start, end = int(run.hard_end) - 1, int(run.hard_end)
        spans.append([start, end, a, b])
    return [_cue(run, *span) for span in spans]


def _cue(run: _Run, start: int, end: int, a: int, b: int) -> Cue:
    """The cue text (a "\\n" at the balanced break) and its words with spans relative to that text."""
    brk = run.layout(a, b)[0] if b - a <= 300 else None  # a huge cue only comes from degenerate timing
    parts: list[str] = [run.lead if a == 0 else ""]
    spans: list[tuple[int, int]] = []
    pos = len(parts[0])
    for i in range(a, b):
        spans.append((pos, pos + len(run.cores[i])))
        sep = run.seps[i]
        if i == brk:
            cut = sep.rfind(" ")
            sep = (sep[:cut].rstrip() + "\n" + sep[cut + 1 :]) if cut >= 0 else sep + "\n"
        parts += [run.cores[i], sep]
        pos += len(run.cores[i]) + len(sep)
    raw = "".join(parts)
    text = raw.strip()
    shift = len(raw) - len(raw.lstrip())
    cue_words = tuple(
        Word(
            min(max(w.start, start), end),
            min(max(w.end, start), end),
            min(max(s - shift, 0), len(text)),
            min(max(e - shift, 0), len(text)),
        )
        for w, (s, e) in zip(run.words[a:b], spans, strict=True)
    )
    return Cue(start, end, text, cue_words)
