"""What is wrong with a document's timing and readability. Reports only: nothing here changes a cue.

The default limits are the style guide's, from app.core.rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.core import rules
from app.core.document import Cue
from app.core.timecode import clock

ProblemKind = Literal[
    "order", "duration", "overlap", "reading_speed", "line_length", "line_count", "too_short", "too_long", "gap"
]


@dataclass(frozen=True, slots=True, init=False)
class Problem:
    kind: ProblemKind
    index: int  # 0-based cue index
    message: str
    on_translation: bool = False  # about the cue's translation, by the translation language's limits

    def __init__(self, kind: ProblemKind, index: int, message: str, on_translation: bool = False) -> None:
        # the slots set directly, as Cue's: a check of a 600,000-cue file finds 300,000 problems (issue 27, item 8)
        _set_kind(self, kind)
        _set_index(self, index)
        _set_message(self, message)
        _set_on_translation(self, on_translation)

    def as_dict(self) -> dict[str, object]:
        """``dataclasses.asdict(self)``, without its deep copy of every field."""
        return {"kind": self.kind, "index": self.index, "message": self.message, "on_translation": self.on_translation}


_set_kind, _set_index, _set_message, _set_on_translation = (
    Problem.__dict__[name].__set__ for name in ("kind", "index", "message", "on_translation")
)


@dataclass(frozen=True)
class Limits:
    max_line_chars: int = rules.MAX_LINE_CHARS
    max_lines: int = rules.MAX_LINES
    max_cps: float = rules.MAX_CPS
    min_duration_ms: int = rules.MIN_DURATION_MS
    max_duration_ms: int = rules.MAX_DURATION_MS
    min_gap_ms: int = rules.MIN_GAP_MS

    @classmethod
    def for_language(cls, language: str | None, **overrides: Any) -> Limits:
        """The limits for ``language``: the rules' line length and reading speed for it, under ``overrides``
        (Limits fields, what Profile.limit_overrides gives). A profile's own tables by language may come in them
        too (``cps_by_language``, ``line_chars_by_language``: (language, limit) pairs), and win for their
        languages."""
        key = (language or "").lower()
        tables = {name: dict(overrides.pop(name, None) or ()) for name in ("cps_by_language", "line_chars_by_language")}
        values: dict[str, Any] = {"max_line_chars": rules.line_limit(language), "max_cps": rules.cps_limit(language)}
        values.update(overrides)
        if key in tables["cps_by_language"]:
            values["max_cps"] = tables["cps_by_language"][key]
        if key in tables["line_chars_by_language"]:
            values["max_line_chars"] = tables["line_chars_by_language"][key]
        return cls(**values)


LINE_LIMITS = rules.LINE_LIMITS  # kept for callers of the old name

_TAG = re.compile(r"<[^>\n]{1,40}>|\{\\[^}\n]*\}")
_ANGLE_TAG = re.compile(r"<[^>\n]{1,40}>")
_LONGEST_ANGLE_TAG = 42


def visible_text(text: str) -> str:
    """Text as the viewer reads it: formatting tags (<i>, {\\an8}) removed."""
    if "{\\" not in text:
        return _TAG.sub("", text)
    # Each "{\" with no "}" after it on its line made the pattern scan to the end of the line: a line of them took
    # time that grows with the square of its length (a few seconds for 40,000 characters, on every keystroke).
    # Past a line's last "}" only <tags> can match, so only they are looked for there: the same result, linearly.
    return "\n".join(_visible_line(line) for line in text.split("\n"))


def _visible_line(line: str) -> str:
    last = line.rfind("}")
    parts: list[str] = []
    pos = 0
    while pos <= last:
        match = _TAG.search(line, pos, min(len(line), last + _LONGEST_ANGLE_TAG))
        if match is None or match.start() > last:
            break
        parts.append(line[pos : match.start()])
        pos = match.end()
    parts.append(_ANGLE_TAG.sub("", line[pos:]))
    return "".join(parts)


def formatting_tags(text: str) -> list[str]:
    """The formatting tags of ``text`` in order (``<i>``, ``</i>``, ``{\\an8}``, ``<font ...>``), line by line."""
    return [tag for line in text.split("\n") for tag in _TAG.findall(line)]


def visible_length(text: str) -> int:
    """Characters that count for reading speed: everything shown except line breaks."""
    return len(visible_text(text).replace("\n", ""))


def chars_per_second(cue: Cue, text: str | None = None) -> float:
    """The cue's reading speed: of its text, or of ``text`` (its translation) shown for the same time."""
    length = visible_length(cue.text if text is None else text)
    if cue.duration <= 0:
        return float("inf") if length else 0.0
    return length * 1000.0 / cue.duration


_NEAR = 0.06  # rounding to a tenth moves a value by 0.05 at most: only values this near the limit need it


def over_reading_speed(cps: float, limit: float) -> bool:
    """Over the limit as the value is shown, to one decimal: 17.04 reads "17.0" and is within 17, everywhere."""
    if cps < limit - _NEAR:  # far from it: no rounding (round is slow)
        return False
    if cps > limit + _NEAR:
        return True
    return round(cps, 1) > limit


def _ms(value: int) -> str:
    return clock(value, hour_digits=2)


def validate(cues: Sequence[Cue]) -> list[Problem]:
    """Structural timing problems: cues out of order, zero or negative durations, overlaps."""
    problems: list[Problem] = []
    for i, cue in enumerate(cues):
        if cue.end <= cue.start:
            problems.append(
                Problem("duration", i, f"cue {i + 1}: ends at {_ms(cue.end)}, not after its start {_ms(cue.start)}")
            )
        if i == 0:
            continue
        prev = cues[i - 1]
        if cue.start < prev.start:
            problems.append(Problem("order", i, f"cue {i + 1}: starts at {_ms(cue.start)}, before cue {i}"))
        elif cue.start < prev.end and rules.screen_row(cue) == rules.screen_row(prev):  # a sign over dialogue: fine
            problems.append(
                Problem(
                    "overlap", i, f"cue {i + 1}: starts at {_ms(cue.start)}, before cue {i} ends at {_ms(prev.end)}"
                )
            )
    return problems


def readability(
    cues: Sequence[Cue],
    limits: Limits,
    *,
    by_language: Callable[[str], Limits] | None = None,
    translation: Limits | None = None,
) -> list[Problem]:
    """Reading speed and line length problems against ``limits``, or the limits of each cue's language that
    ``by_language(cue.language)`` gives; with ``translation`` (the translation language's limits) those of the
    cues' translations too, shown for the same time (after the cues' own; a cue without one has none)."""
    problems = _readability(cues, "text", limits, by_language)
    if translation is not None:
        problems += _readability(cues, "translation", translation, None)
    return problems


def _readability(
    cues: Sequence[Cue], field: str, limits: Limits, by_language: Callable[[str], Limits] | None
) -> list[Problem]:
    """readability() of one text of each cue: ``field`` "text" or "translation" (an empty translation: none)."""
    problems: list[Problem] = []
    append = problems.append
    max_cps = near = max_line = max_lines = 0.0
    cps_limit = line_limit = lines_limit = ""
    language: str | None = None  # no cue's: the first cue sets the limits
    known: dict[str, tuple[Any, ...]] = {}
    limits_of = by_language or (lambda _language: limits)
    on_translation = field == "translation"
    where = " (translation)" if on_translation else ""
    # once per cue, and each message's limit written once per language: a 600,000-cue file is checked in half a second
    for i, cue in enumerate(cues):
        if cue.language != language:
            language = cue.language
            found = known.get(language)
            if found is None:
                found = known[language] = _rules(limits_of(language))
            max_cps, near, cps_limit, max_line, line_limit, max_lines, lines_limit = found
        text = cue.text if not on_translation else cue.translation
        if not text and on_translation:
            continue
        visible = visible_text(text) if "<" in text or "{" in text else text
        size = len(visible)
        breaks = visible.count("\n")
        length = size - breaks  # visible_length: line breaks do not count
        duration = cue.end - cue.start
        if duration > 0:
            cps = length * 1000.0 / duration
            if cps >= near and over_reading_speed(cps, max_cps):  # below near it never is: most cues skip the call
                append(Problem("reading_speed", i, f"cue {i + 1}{where}: {cps:.1f} characters per second{cps_limit}",
                               on_translation))  # fmt: skip
        elif over_reading_speed(float("inf") if length else 0.0, max_cps):
            shown = "no time" if length else "0.0 characters per second"
            append(Problem("reading_speed", i, f"cue {i + 1}{where}: {shown}{cps_limit}", on_translation))
        if size > max_line:  # no line is longer than the whole text
            if breaks == 1:  # two lines (most cues that have more than one)
                cut = visible.index("\n")
                longest = max(cut, size - cut - 1)
            else:
                longest = max(map(len, visible.split("\n"))) if breaks else size
            if longest > max_line:
                shown = f"cue {i + 1}{where}: a line of {longest}{line_limit}"
                append(Problem("line_length", i, shown, on_translation))
        if breaks + 1 > max_lines:
            append(Problem("line_count", i, f"cue {i + 1}{where}: {breaks + 1}{lines_limit}", on_translation))
    return problems


def _rules(limits: Limits) -> tuple[Any, ...]:
    """What _readability compares and writes for ``limits``: the reading speed, the speed below which a cue is
    never over it (over_reading_speed), the line length, the number of lines, and the end of each one's message."""
    return (
        limits.max_cps, limits.max_cps - _NEAR, f" (limit {limits.max_cps:g})",
        limits.max_line_chars, f" characters (limit {limits.max_line_chars})",
        limits.max_lines, f" lines (limit {limits.max_lines})",
    )  # fmt: skip


def timing(cues: Sequence[Cue], limits: Limits) -> list[Problem]:
    """Duration and gap conventions: too short, too long, too close to the next cue."""
    problems: list[Problem] = []
    for i, cue in enumerate(cues):
        if 0 < cue.duration < limits.min_duration_ms:
            problems.append(Problem("too_short", i, f"cue {i + 1}: on screen {cue.duration} ms"))
        if cue.duration > limits.max_duration_ms:
            problems.append(Problem("too_long", i, f"cue {i + 1}: on screen {cue.duration / 1000:.1f} s"))
        if i + 1 < len(cues):
            gap = cues[i + 1].start - cue.end
            if 0 <= gap < limits.min_gap_ms and rules.screen_row(cue) == rules.screen_row(cues[i + 1]):
                problems.append(Problem("gap", i, f"cue {i + 1}: {gap} ms before the next cue"))
    return problems
