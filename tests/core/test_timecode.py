"""The one clock writer and its variants: every clock time the application writes comes from it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.timecode import clock, clock_parts, clock_writer, format_time

T = 3_723_456  # 1 h 2 min 3.456 s


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "1:02:03.456"),  # the editor's
        ({"hour_digits": 2}, "01:02:03.456"),  # the picture pane's, WebVTT's, TTML's
        ({"hour_digits": 2, "separator": ","}, "01:02:03,456"),  # SubRip's
        ({"fraction": 2}, "1:02:03.46"),  # ASS's centiseconds, rounded
        ({"fraction": 1}, "1:02:03.5"),
        ({"fraction": 0}, "1:02:03"),  # messages' whole seconds: no separator
        ({"hours": "auto"}, "1:02:03.456"),  # an hour or more: hours stay
    ],
)
def test_clock_variants(kwargs, expected):
    assert clock(T, **kwargs) == expected


def test_hours_left_out_under_an_hour_only_when_asked():
    assert clock(63_500, hours="auto") == "01:03.500"
    assert clock(63_500) == "0:01:03.500"
    assert clock(63_500, hour_digits=2) == "00:01:03.500"


def test_rounding_carries_into_the_next_second_minute_and_hour():
    assert clock(3_599_995, fraction=2) == "1:00:00.00"
    assert clock(59_994, fraction=2) == "0:00:59.99"
    assert clock(1_500, fraction=0) == "0:00:02"
    assert clock(1_499, fraction=0) == "0:00:01"


def test_negative_times_keep_a_sign_or_are_zero_in_files():
    assert clock(-1_500) == "-0:00:01.500"
    assert clock(-1_500, hour_digits=2, separator=",", clamp=True) == "00:00:00,000"
    assert clock(-4, fraction=2, clamp=True) == "0:00:00.00"


def test_long_hours_are_never_cut():
    assert clock(123 * 3_600_000, hour_digits=2) == "123:00:00.000"


def test_parts_and_the_editors_preset():
    assert clock_parts(T) == (1, 2, 3, 456)
    assert format_time(T) == clock(T)
    assert format_time(63_500, hours=False) == clock(63_500, hours="auto")


@given(
    st.lists(st.integers(-(10**6), 10**11), max_size=50),
    st.sampled_from([0, 1, 2, 3]),
    st.sampled_from([1, 2]),
    st.sampled_from([".", ","]),
)
def test_the_clock_writer_for_many_times_writes_what_clock_writes(times, fraction, hour_digits, separator):
    """Issue 27, item 8: files of a million cues write their times through clock_writer (looked-up minutes and
    seconds); every time reads exactly as clock(..., clamp=True) writes it, rounding across minutes included."""
    write = clock_writer(hour_digits=hour_digits, fraction=fraction, separator=separator)
    for ms in [*times, 59_995, 3_599_995, 3_599_999, -1, 0]:
        expected = clock(ms, hour_digits=hour_digits, fraction=fraction, separator=separator, clamp=True)
        assert write(ms) == expected


def test_cues_own_constructor_sets_every_field_of_the_dataclass():
    """Cue's __init__ is written by hand (issue 27: twice as fast): a field added without it would be left unset."""
    import inspect
    from dataclasses import fields

    from app.core.document import Cue

    names = [f.name for f in fields(Cue)]
    assert list(inspect.signature(Cue.__init__).parameters)[1:] == names
    values = dict(zip(names, (1, 2, "t", (), True, True, True, (("a", "b"),), "Chinese", "T", True),
                      strict=True))  # fmt: skip
    cue = Cue(**values)
    assert [getattr(cue, name) for name in names] == list(values.values())
    assert Cue(*values.values()) == cue and cue.with_(text="u").language == "Chinese"
    assert cue.with_language("English").translation == "T" and cue.with_language("English").translation_review
