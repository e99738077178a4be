"""Quality checks against a profile: each finding is typed (cue index, check code, a translatable Message, severity,
whether it breaks a hard rule). Reports only: :mod:`app.core.fixes` proposes the changes.

Hard rules are the ones a delivery is refused for and that timing or line breaks can always satisfy when there is
room: order, positive and minimum/maximum duration, no overlap, the minimum gap, line length and number of lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.core import rules
from app.core.checks import chars_per_second, over_reading_speed, visible_text
from app.core.cjk import best_mixed_break, has_cjk
from app.core.document import Cue
from app.core.frames import PictureGuide
from app.core.messages import Message, message
from app.core.profiles import Profile

Severity = Literal["error", "warning"]

HARD = frozenset(
    {"qc.order", "qc.not_positive", "qc.too_short", "qc.too_long", "qc.overlap", "qc.gap", "qc.line_length",
     "qc.line_count"}
)  # fmt: skip
ERRORS = HARD | {"qc.unbalanced_tags"}


@dataclass(frozen=True)
class Finding:
    index: int  # 0-based cue index
    code: str  # the check, also the Message code
    message: Message
    on_translation: bool = False  # about the cue's translation (Cue.translation), by its language's rules

    @property
    def hard(self) -> bool:
        return self.code in HARD

    @property
    def severity(self) -> Severity:
        return "error" if self.code in ERRORS else "warning"

    def as_dict(self) -> dict[str, object]:
        return {
            "index": self.index, "code": self.code, "severity": self.severity, "hard": self.hard,
            "message": str(self.message), "params": dict(self.message.params), "on_translation": self.on_translation,
        }  # fmt: skip


_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(" ")
_REPEATED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE | re.UNICODE)
_FIRST_UNSPACED = "\u2e80"  # no character below it belongs to an unspaced script (rules.is_unspaced_char)
_HTML_TAG = re.compile(r"<(/?)([a-zA-Z]+)(?:\s[^>]*)?>")


def _finding(index: int, code: str, on_translation: bool = False, **params: object) -> Finding:
    return Finding(index, code, message(code, **params), on_translation)


def word_count(text: str) -> int:
    """Words a viewer reads: runs of letters or digits; each character of an unspaced script counts as a word."""
    words = _WORD.findall(visible_text(text))
    if not words or max(text) < _FIRST_UNSPACED:
        return len(words)
    return sum(sum(1 for ch in w if rules.is_unspaced_char(ch)) or 1 for w in words)


def words_per_minute(cue: Cue, text: str | None = None) -> float:
    """Words a minute of the cue's text (or of ``text``, its translation, shown for the same time)."""
    words = word_count(cue.text if text is None else text)
    if cue.duration <= 0:
        return float("inf") if words else 0.0
    return words * 60_000.0 / cue.duration


def lines_of(text: str) -> list[str]:
    return visible_text(text).split("\n")


def best_break(text: str, limit: int) -> tuple[str, str] | None:
    """The most balanced break of one line of visible text into two lines each within ``limit`` at a space; a
    line with CJK characters by app.core.cjk.best_mixed_break; None when no break fits."""
    if max(text, default=" ") >= _FIRST_UNSPACED and has_cjk(text):  # mixed scripts: app.core.cjk's rules
        return best_mixed_break(text, limit)
    best: tuple[int, tuple[str, str]] | None = None
    for pos in (m.start() for m in _SPACE.finditer(text, 1)):
        top, bottom = text[:pos].rstrip(), text[pos + 1 :].lstrip()
        if not top or not bottom or len(top) > limit or len(bottom) > limit:
            continue
        score = abs(len(top) - len(bottom)) * 2 + (1 if len(top) > len(bottom) else 0)  # prefer bottom-heavy
        if best is None or score < best[0]:
            best = (score, (top, bottom))
    return best[1] if best else None


def unbalanced_tag(text: str) -> str | None:
    """The first <tag> opened and not closed, or closed and not opened; None when they pair up."""
    stack: list[str] = []
    for match in _HTML_TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            stack.append(name)
        elif stack and stack[-1] == name:
            stack.pop()
        else:
            return name
    return stack[0] if stack else None


def check_cue(
    cue: Cue, index: int, profile: Profile, language: str | None, translation_language: str = ""
) -> list[Finding]:
    """The findings about one cue on its own (not its neighbours), by the rules of its language (``language``,
    the document's, for a cue whose language is not known); then those about its translation, when it has one, by
    the rules of ``translation_language`` (the document's target language) for the same time on screen."""
    found: list[Finding] = []
    if cue.end <= cue.start:
        found.append(_finding(index, "qc.not_positive"))
    elif cue.duration < profile.min_duration_ms:
        found.append(_finding(index, "qc.too_short", ms=cue.duration, limit=profile.min_duration_ms))
    elif cue.duration > profile.max_duration_ms:
        found.append(_finding(index, "qc.too_long", ms=cue.duration, limit=profile.max_duration_ms))
    found += check_text(cue, cue.text, index, profile, cue.language or language)
    if cue.translation and visible_text(cue.translation).strip():  # none yet is no problem: "not translated" is
        found += check_text(cue, cue.translation, index, profile, translation_language, on_translation=True)
    return found


def check_text(
    cue: Cue, text: str, index: int, profile: Profile, language: str | None, *, on_translation: bool = False
) -> list[Finding]:
    """The findings about one text shown for ``cue``'s time (its own, or its translation), by ``language``'s
    rules: reading speed, lines, spaces, words, tags. One place for these rules, whichever text they read."""
    t = on_translation
    found: list[Finding] = []
    if not visible_text(text).strip():
        found.append(_finding(index, "qc.empty", t))
        return found
    max_cps = profile.cps_limit(language)
    if max_cps is not None:
        cps = chars_per_second(cue, text)
        if cps == float("inf"):
            found.append(_finding(index, "qc.reading_speed_no_time", t))
        elif over_reading_speed(cps, max_cps):
            found.append(_finding(index, "qc.reading_speed", t, cps=f"{cps:.1f}", limit=f"{max_cps:g}"))
    if profile.max_wpm is not None and cue.duration > 0:
        wpm = words_per_minute(cue, text)
        if round(wpm) > profile.max_wpm:
            found.append(_finding(index, "qc.words_per_minute", t, wpm=f"{wpm:.0f}", limit=f"{profile.max_wpm:g}"))
    lines = lines_of(text)
    limit = profile.line_limit(language)
    longest = max(len(line) for line in lines)
    if longest > limit:
        found.append(_finding(index, "qc.line_length", t, length=longest, limit=limit))
    if len(lines) > profile.max_lines:
        found.append(_finding(index, "qc.line_count", t, lines=len(lines), limit=profile.max_lines))
    if len(lines) == 2 and longest <= limit and is_unbalanced(lines, limit):
        found.append(_finding(index, "qc.line_balance", t, top=len(lines[0]), bottom=len(lines[1])))
    if any(line != line.strip() for line in text.split("\n")):
        found.append(_finding(index, "qc.edge_spaces", t))
    if "  " in text:
        found.append(_finding(index, "qc.double_space", t))
    repeated = _REPEATED.search(visible_text(text))
    if repeated and not repeated.group(1).isdigit():
        found.append(_finding(index, "qc.repeated_word", t, word=repeated.group(1)))
    tag = unbalanced_tag(text)
    if tag is not None:
        found.append(_finding(index, "qc.unbalanced_tags", t, tag=tag))
    return found


def is_unbalanced(lines: Sequence[str], limit: int) -> bool:
    top, bottom = (line.strip() for line in lines)
    short, long_ = sorted((len(top), len(bottom)))
    if short >= long_ * rules.LINE_BALANCE_RATIO:
        return False
    better = best_break(f"{top} {bottom}" if top and bottom else top + bottom, limit)
    return better is not None and abs(len(better[0]) - len(better[1])) < long_ - short


def check_pair(
    cues: Sequence[Cue], index: int, profile: Profile, other: int | None = None, min_gap: int | None = None
) -> list[Finding]:
    """The findings between cue ``index`` and the next one (or cue ``other``, the next one in its screen row);
    ``min_gap``: the gap in the picture's frames (Profile.gap_ms), else the profile's."""
    min_gap = profile.min_gap_ms if min_gap is None else min_gap
    first, second = cues[index], cues[index + 1 if other is None else other]
    if second.start < first.start:
        return [_finding(index + 1, "qc.order")] if other is None else []
    gap = second.start - first.end
    if gap < 0:
        return [_finding(index, "qc.overlap", ms=-gap)]
    if gap < min_gap:
        return [_finding(index, "qc.gap", ms=gap, limit=min_gap)]
    return []


def check(
    cues: Sequence[Cue],
    profile: Profile,
    language: str | None = None,
    *,
    shots: PictureGuide | None = None,
    translation_language: str = "",
) -> list[Finding]:
    """Every finding, ordered by cue (a cue's own before its translation's: ``translation_language`` is the
    document's target language, whose rules the translations are checked by); with ``shots`` (the picture's
    frames and shot changes) the cues against them too (app.core.qc_shots). Overlaps and gaps are between cues of
    one screen row (rules.screen_row): a sign at the top may be shown with the dialogue at the bottom."""
    found: list[Finding] = []
    rows = [rules.screen_row(cue) for cue in cues]
    last_in_row: dict[int, int] = {}
    gap = profile.gap_ms(shots)  # 2 frames of the picture's rate when there is one
    for i, cue in enumerate(cues):
        found += check_cue(cue, i, profile, language, translation_language)
        if i > 0 and rows[i] != rows[i - 1] and cue.start < cues[i - 1].start:
            found.append(_finding(i, "qc.order"))
        before = last_in_row.get(rows[i])
        if before is not None:
            found += check_pair(cues, before, profile, None if before == i - 1 else i, gap)
        last_in_row[rows[i]] = i
    if shots is not None:
        from app.core.qc_shots import check_shots

        found += [Finding(*found_at) for found_at in check_shots(cues, shots, profile.shot_snap_frames)]
    found.sort(key=lambda f: f.index)
    return found


def hard_findings(
    cues: Sequence[Cue], profile: Profile, language: str | None = None, translation_language: str = ""
) -> list[Finding]:
    return [f for f in check(cues, profile, language, translation_language=translation_language) if f.hard]
