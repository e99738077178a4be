"""Times as people type and read them: ``H:MM:SS.mmm``; integer milliseconds inside."""

from __future__ import annotations

import re

_TYPED = re.compile(r"^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?\s*$")


def format_time(ms: int, *, hours: bool = True) -> str:
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    if hours or h:
        return f"{sign}{h}:{m:02d}:{s:02d}.{milli:03d}"
    return f"{sign}{m:02d}:{s:02d}.{milli:03d}"


def format_duration(ms: int) -> str:
    return f"{ms / 1000:.3f}"


def parse_time(text: str) -> int:
    """``1:02:03.456``, ``2:03,5``, ``63.5`` or ``63`` (seconds) to milliseconds. Raises ValueError."""
    match = _TYPED.match(text)
    if not match:
        raise ValueError(f"'{text.strip()}' is not a time (use h:mm:ss.mmm)")
    hours, minutes, seconds, fraction = match.groups()
    if minutes is not None and int(seconds) > 59:
        raise ValueError(f"'{text.strip()}': seconds must be below 60")
    total = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds)
    return total * 1000 + int((fraction or "0").ljust(3, "0"))
