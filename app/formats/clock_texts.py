"""File times of many cues at once: ``clock(ms, hour_digits=2, separator=..., clamp=True)`` for each value.

A file of a million cues writes two million times; written one by one (app.core.timecode.clock_writer) they took
most of the time of writing the file. Here the characters of all of them are looked up together with numpy
(tables of every two-digit number and of every ``:SS.mmm`` within a minute) and the texts come out of one array:
the same texts, hours of any width included (``123:04:05,678``), negative times as zero
(tests/formats/test_clock_texts.py compares them with ``clock``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from app.core.timecode import clocks

_TAIL = 10  # ":MM:SS", the separator and three digits of milliseconds


def clock_texts(values: Sequence[int], *, separator: str = ".") -> list[str]:
    """``clock(ms, hour_digits=2, separator=separator, clamp=True)`` of each value, as subtitle files write them."""
    if len(separator) != 1 or len(values) == 0:
        return clocks(list(values), separator=separator)
    import numpy as np

    try:
        ms = np.asarray(values, dtype=np.int64)
    except (OverflowError, TypeError, ValueError):  # past what 64 bits hold (never a real time): one by one
        return clocks(list(values), separator=separator)
    hours, rest = np.divmod(np.maximum(ms, 0), 3_600_000)
    minutes, rest = np.divmod(rest, 60_000)
    widest = max(2, len(str(int(hours.max()))))
    if widest == 2 or int(hours.min()) >= 10 ** (widest - 1):  # all hours as wide: one block (almost every file)
        return _texts(np, _rows(np, hours, minutes, rest, widest, separator))
    widths = np.full(len(ms), 2, dtype=np.int64)
    for width in range(3, widest + 1):
        widths += hours >= 10 ** (width - 1)
    # each text left-aligned in a row of the widest's length; numpy's str drops the zeros that pad a shorter one
    rows = np.zeros((len(ms), widest + _TAIL), dtype=np.uint32)
    for width in np.unique(widths).tolist():
        chosen = widths == width
        rows[chosen, : width + _TAIL] = _rows(np, hours[chosen], minutes[chosen], rest[chosen], width, separator)
    return _texts(np, rows)


def _rows(np: Any, hours: Any, minutes: Any, rest: Any, width: int, separator: str) -> Any:
    """The code points of ``H..H:MM:SS.mmm`` with ``width`` hour digits, one row a time."""
    pairs, within_minute = _tables(separator)
    rows = np.empty((len(hours), width + _TAIL), dtype=np.uint32)
    for column in range(width - 2, 0, -2):  # the hours' digits pair by pair, from the right
        rows[:, column : column + 2] = pairs.take(hours % 100, axis=0)
        hours = hours // 100
    if width % 2:
        rows[:, 0] = hours + ord("0")
    else:
        rows[:, 0:2] = pairs.take(hours, axis=0)
    rows[:, width] = ord(":")
    rows[:, width + 1 : width + 3] = pairs.take(minutes, axis=0)  # take: a third of the time of pairs[minutes]
    rows[:, width + 3 :] = within_minute.take(rest, axis=0)
    return rows


@cache
def _tables(separator: str) -> tuple[Any, Any]:
    """The code points of every number 00-99, and of every ``:SS.mmm`` (one per millisecond of a minute)."""
    import numpy as np

    digits = np.arange(ord("0"), ord("9") + 1, dtype=np.uint32)
    pairs = np.stack([np.repeat(digits, 10), np.tile(digits, 10)], axis=1)
    seconds, millis = np.divmod(np.arange(60_000), 1000)
    within_minute = np.empty((60_000, 7), dtype=np.uint32)
    within_minute[:, 0] = ord(":")
    within_minute[:, 1:3] = pairs[seconds]
    within_minute[:, 3] = ord(separator)
    within_minute[:, 4] = millis // 100 + ord("0")
    within_minute[:, 5:7] = pairs[millis % 100]
    return pairs, within_minute


def _texts(np: Any, rows: Any) -> list[str]:
    """The rows of code points as str (the zeros that end a shorter row left out)."""
    return rows.view(np.dtype(("U", rows.shape[1]))).reshape(-1).tolist()
