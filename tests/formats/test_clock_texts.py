"""Issue 27, item 8: files of a million cues write their times all at once (app.formats.clock_texts), their SubRip
texts tidied at once and their WebVTT blocks written at once; every text is the one ``clock`` and the cue-by-cue
writers give."""

from __future__ import annotations

import random

import pytest

from app.core.document import Cue, Word
from app.core.timecode import clock
from app.formats.base import WriteOptions
from app.formats.clock_texts import clock_texts
from app.formats.srt import format_srt, tidy_lines, tidy_texts
from app.formats.vtt import VttFormat, _block

HOUR = 3_600_000
EDGES = [
    0, 1, 999, 1000, 59_999, 60_000, 3_599_999, HOUR, 10 * HOUR - 1, 10 * HOUR, 100 * HOUR - 1,
    100 * HOUR, 100 * HOUR + 1, 123 * HOUR + 4 * 60_000 + 5_678, 1000 * HOUR - 1, 1000 * HOUR, 12_345 * HOUR + 59_999,
    10**15, 2**63 - 1, -1, -999, -HOUR, -(2**63),
]  # fmt: skip


def written(values: list[int], separator: str = ".") -> list[str]:
    return [clock(ms, hour_digits=2, separator=separator, clamp=True) for ms in values]


@pytest.mark.parametrize("separator", [".", ","])
def test_clock_texts_write_what_clock_writes_on_edge_values(separator):
    assert clock_texts(EDGES, separator=separator) == written(EDGES, separator)
    assert clock_texts([100 * HOUR], separator=separator) == ["100:00:00" + separator + "000"]
    assert clock_texts([-5], separator=separator) == ["00:00:00" + separator + "000"]


@pytest.mark.parametrize("hours", [1, 99, 100, 101, 999, 1000, 100_000])
def test_clock_texts_of_many_times_of_one_or_mixed_hour_widths(hours):
    rng = random.Random(hours)
    values = [rng.randrange(-HOUR, hours * HOUR + HOUR) for _ in range(3000)]
    assert clock_texts(values) == written(values)
    assert clock_texts(sorted(values), separator=",") == written(sorted(values), ",")
    wide = [rng.randrange(hours * HOUR, hours * HOUR + HOUR) for _ in range(500)]  # all of one width
    assert clock_texts(wide) == written(wide)


def test_clock_texts_outside_the_fast_path():
    assert clock_texts([]) == []
    assert clock_texts((5, 61_000)) == written([5, 61_000])  # a tuple
    assert clock_texts([2**70, 5, -(2**70)], separator=",") == written([2**70, 5, -(2**70)], ",")  # past 64 bits
    assert clock_texts([1_500, 100 * HOUR], separator="::") == written([1_500, 100 * HOUR], "::")


def old_format_srt(cues: list[Cue]) -> str:
    """format_srt as it was, time by time through clock: what the file must stay, byte for byte."""
    parts = []
    for number, cue in enumerate(cues, start=1):
        text = tidy_lines(cue.text)
        timing = f"{clock(cue.start, hour_digits=2, separator=',', clamp=True)} --> " + clock(
            cue.end, hour_digits=2, separator=",", clamp=True
        )
        parts.append(f"{number}\n{timing}\n{text}\n\n" if text else f"{number}\n{timing}\n\n")
    return "".join(parts)


TEXTS = [
    "Hello", "two\nlines", "", "   ", "trailing  ", "a \nb", "a\n\nb", "\nlead", "end\n", "tab\t\nx",
    "\u3000wide\u3000", "x\u2028y", "a\r\nb", "<i>tagged</i> & more", "\x00nul", "1", "-->",
]  # fmt: skip


def test_tidy_texts_tidies_as_tidy_lines_does():
    assert tidy_texts(TEXTS) == [tidy_lines(text) for text in TEXTS]
    clean = ["Hello", "two\nlines", "", "x"]
    assert tidy_texts(clean) is clean  # nothing to tidy: the texts themselves
    for text in TEXTS:
        assert tidy_texts(["fine", text, "also\nfine"]) == ["fine", tidy_lines(text), "also\nfine"]


def test_format_srt_writes_what_it_wrote_time_by_time():
    rng = random.Random(8)
    cues = [
        Cue(start, start + rng.randrange(-2000, 5000), rng.choice(TEXTS))
        for start in sorted(rng.randrange(-5000, 130 * HOUR) for _ in range(9000))  # over one chunk of 8192
    ]
    cues += [Cue(100 * HOUR - 1, 100 * HOUR, "across 100 hours"), Cue(-HOUR, 2**63 - 1, "huge"), Cue(0, 2**70, "x")]
    assert format_srt(cues) == old_format_srt(cues)
    assert format_srt(tuple(cues[:5])) == old_format_srt(cues[:5])
    assert format_srt([]) == ""


def old_vtt_body(cues: list[Cue], stamp=None) -> str:
    """The blocks WebVTT writes for cues, each written on its own (the way every cue was written before)."""
    return "\n\n".join(
        _block(cue, clock(cue.start, hour_digits=2, clamp=True), clock(cue.end, hour_digits=2, clamp=True), stamp)
        for cue in cues
    )


@pytest.mark.parametrize(
    "texts",
    [
        ["Hello", "two\nlines", "trailing  "],  # written at once
        ["Hello", ""],  # an empty cue: no text line
        ["Hello", "a\n \nb"],  # a blank line left out
        ["Tom & Jerry", "<i>x</i>", "a > b"],  # escaped
    ],
)
def test_webvtt_blocks_written_at_once_are_those_written_cue_by_cue(texts):
    cues = [Cue(i * 1000 + 100 * HOUR * (i % 2), i * 1000 + 900, text) for i, text in enumerate(texts)]
    assert VttFormat().format(cues, WriteOptions()) == "WEBVTT\n\n" + old_vtt_body(cues) + "\n"


def test_webvtt_cues_with_more_than_text_are_written_cue_by_cue():
    plain = [Cue(i * 1000, i * 1000 + 900, f"line {i}") for i in range(9000)]  # over one chunk
    voiced = Cue(1000, 2000, "Hi", extra=(("actor", "Roger"), ("vtt.id", "intro")))
    words = Cue(3000, 4000, "one two", words=(Word(3000, 3500, 0, 3), Word(3500, 4000, 4, 7)))
    cues = [*plain[:10], voiced, words, *plain[10:]]
    assert VttFormat().format(cues, WriteOptions()) == "WEBVTT\n\n" + old_vtt_body(cues) + "\n"
    stamped = VttFormat().format(cues, WriteOptions(word_times=True))
    stamp = lambda ms: clock(ms, hour_digits=2, clamp=True)  # noqa: E731
    assert stamped == "WEBVTT\n\n" + old_vtt_body(cues, stamp) + "\n"
    assert "<00:00:03.500>two" in stamped
