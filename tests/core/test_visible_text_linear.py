"""Removing tags costs time linear in the text (issue 17, item 7): the cue text box, the list's reading speed and
line lengths all call visible_text, on every keystroke; a line of "{\\" without "}" took quadratic time."""

from __future__ import annotations

import time

import pytest

from app.core.checks import visible_text


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        visible_text(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", ["{\\", "{\\a<", "<" + "z" * 39])
def test_time_grows_linearly(unit):
    small, large = _seconds(unit * (2000 // len(unit))), _seconds(unit * (32000 // len(unit)))
    assert large <= 64 * max(small, 1e-4), f"{small * 1000:.2f} ms -> {large * 1000:.2f} ms"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("{\\an8}<i>Hi</i>", "Hi"),
        ("{\\a}b{\\", "b{\\"),
        ("{\\ x <i>y</i>", "{\\ x y"),
        ("a{\\b<c}d>e", "ad>e"),
        ("{\\x\n}y", "{\\x\n}y"),
        ("<a}b>{\\c", "{\\c"),
    ],
)
def test_tags_removed_as_before(text, shown):
    assert visible_text(text) == shown
