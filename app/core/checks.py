"""What is wrong with a document's timing and readability. Reports only: nothing here changes a cue.

Limits follow the Netflix Timed Text Style Guide defaults that subtitlers work to (see
shared notes): 42 characters a line (16 for Chinese and Korean, 23 for Japanese), 2 lines,
17 characters per second, 5/6 s to 7 s on screen, 2 frames (83 ms) between cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from app.core.document import Cue

ProblemKind = Literal[
    "order", "duration", "overlap", "reading_speed", "line_length", "line_count", "too_short", "too_long", "gap"
]


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    index: int  # 0-based cue index
    message: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Limits:
    max_line_chars: int = 42
    max_lines: int = 2
    max_cps: float = 17.0
    min_duration_ms: int = 833
    max_duration_ms: int = 7000
    min_gap_ms: int = 83

    @classmethod
    def for_language(cls, language: str | None, **overrides: object) -> Limits:
        chars = LINE_LIMITS.get((language or "").lower(), 42)
        values: dict[str, object] = {"max_line_chars": chars}
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]


# Subtitle Edit's Netflix checker: 16 for Chinese and Korean, 23 for Japanese, 35 for Thai.
LINE_LIMITS = {
    "chinese": 16, "zh": 16, "cantonese": 16, "yue": 16,
    "korean": 16, "ko": 16,
    "japanese": 23, "ja": 23,
    "thai": 35, "th": 35,
}  # fmt: skip

_TAG = re.compile(r"<[^>\n]{1,40}>|\{\\[^}\n]*\}")


def visible_text(text: str) -> str:
    """Text as the viewer reads it: formatting tags (<i>, {\\an8}) removed."""
    return _TAG.sub("", text)


def visible_length(text: str) -> int:
    """Characters that count for reading speed: everything shown except line breaks."""
    return len(visible_text(text).replace("\n", ""))


def chars_per_second(cue: Cue) -> float:
    if cue.duration <= 0:
        return float("inf") if visible_length(cue.text) else 0.0
    return visible_length(cue.text) * 1000.0 / cue.duration


def over_reading_speed(cps: float, limit: float) -> bool:
    """Over the limit as the value is shown, to one decimal: 17.04 reads "17.0" and is within 17, everywhere."""
    return round(cps, 1) > limit


def _ms(value: int) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 3_600_000:02d}:{value // 60_000 % 60:02d}:{value // 1000 % 60:02d}.{value % 1000:03d}"


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
        elif cue.start < prev.end:
            problems.append(
                Problem(
                    "overlap", i, f"cue {i + 1}: starts at {_ms(cue.start)}, before cue {i} ends at {_ms(prev.end)}"
                )
            )
    return problems


def readability(cues: Sequence[Cue], limits: Limits) -> list[Problem]:
    """Reading speed and line length problems against the given limits."""
    problems: list[Problem] = []
    for i, cue in enumerate(cues):
        cps = chars_per_second(cue)
        if over_reading_speed(cps, limits.max_cps):
            shown = "no time" if cps == float("inf") else f"{cps:.1f} characters per second"
            problems.append(Problem("reading_speed", i, f"cue {i + 1}: {shown} (limit {limits.max_cps:g})"))
        lines = visible_text(cue.text).split("\n")
        longest = max((len(line) for line in lines), default=0)
        if longest > limits.max_line_chars:
            problems.append(
                Problem(
                    "line_length", i, f"cue {i + 1}: a line of {longest} characters (limit {limits.max_line_chars})"
                )
            )
        if len(lines) > limits.max_lines:
            problems.append(Problem("line_count", i, f"cue {i + 1}: {len(lines)} lines (limit {limits.max_lines})"))
    return problems


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
            if 0 <= gap < limits.min_gap_ms:
                problems.append(Problem("gap", i, f"cue {i + 1}: {gap} ms before the next cue"))
    return problems
