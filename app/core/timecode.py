"""Times as people type and read them: ``H:MM:SS.mmm``; integer milliseconds inside.

``clock`` is the one writer of clock times in the application: the editor's ``1:02:03.456``, the picture pane's
``01:02:03.456``, SubRip's ``01:02:03,456``, WebVTT's and TTML's ``01:02:03.456``, SBV's ``1:02:03.456``, ASS's
``1:02:03.46`` and the whole seconds of messages (``1:02:03``) are all its variants.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

_TYPED = re.compile(r"^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?\s*$")


def clock_parts(ms: int) -> tuple[int, int, int, int]:
    """Hours, minutes (0-59), seconds (0-59) and milliseconds of a time that is not negative."""
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return h, m, s, milli


def clock(
    ms: int,
    *,
    hours: Literal["always", "auto"] = "always",
    hour_digits: int = 1,
    fraction: Literal[0, 1, 2, 3] = 3,
    separator: str = ".",
    clamp: bool = False,
) -> str:
    """``ms`` as ``H:MM:SS.mmm``.

    ``hours``: "always" writes them, "auto" leaves them out under an hour (``MM:SS.mmm``). ``hour_digits``: the
    hours' width, zero-padded (2: ``01:02:03.456``; longer hours are never cut). ``fraction``: digits after the
    seconds (3 milliseconds, 2 centiseconds as ASS writes them, 1, or 0 for none and no separator), rounded to the
    nearest (half up); ``separator`` goes before them ("," for SubRip). Negative times are written with a "-" sign,
    or as zero when ``clamp`` (what subtitle files hold).
    """
    if clamp:
        ms = max(ms, 0)
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    if fraction < 3:
        unit = 10 ** (3 - fraction)
        ms = (ms + unit // 2) // unit * unit
    h, m, s, milli = clock_parts(ms)
    tail = f"{separator}{milli // 10 ** (3 - fraction):0{fraction}d}" if fraction else ""
    if hours == "auto" and not h:
        return f"{sign}{m:02d}:{s:02d}{tail}"
    return f"{sign}{h:0{hour_digits}d}:{m:02d}:{s:02d}{tail}"


def clock_writer(
    *, hour_digits: int = 1, fraction: Literal[0, 1, 2, 3] = 3, separator: str = "."
) -> Callable[[int], str]:
    """``clock(ms, hour_digits=..., fraction=..., separator=..., clamp=True)`` for many times in a row (a file of a
    million cues) in a third of the time: each minute's ``H:MM:`` and each ``SS.mmm`` within a minute is taken
    from the first time ``clock`` wrote it. A time whose rounding carries into the next minute is always
    written by ``clock``."""
    half = 10 ** (3 - fraction) // 2
    heads: dict[int, str] = {}
    tails: list[str | None] = [None] * 60_000

    def written(ms: int) -> str:
        text = clock(ms, hour_digits=hour_digits, fraction=fraction, separator=separator, clamp=True)
        minute, rest = divmod(ms, 60_000)
        if ms >= 0 and rest + half < 60_000:
            tail = text.rpartition(":")[2]
            heads[minute], tails[rest] = text[: len(text) - len(tail)], tail
        return text

    def write(ms: int) -> str:
        minute, rest = divmod(ms, 60_000)
        head, tail = heads.get(minute), tails[rest]
        if head is None or tail is None:
            return written(ms)
        return head + tail

    return write


def clocks(values: list[int], *, separator: str = ".") -> list[str]:
    """``clock(ms, hour_digits=2, separator=separator, clamp=True)`` of each value, as files write them."""
    write = clock_writer(hour_digits=2, separator=separator)
    return [write(ms) for ms in values]


def format_time(ms: int, *, hours: bool = True) -> str:
    """The editor's times: ``1:02:03.456`` (``02:03.456`` under an hour when not ``hours``)."""
    return clock(ms, hours="always" if hours else "auto")


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
