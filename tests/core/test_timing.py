from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.document import Cue
from app.core.timing import MIN_DURATION_MS, constrain

CUES = [Cue(1000, 2000, "a"), Cue(3000, 4000, "b"), Cue(5000, 6000, "c")]


def test_end_stops_before_the_next_cue_with_the_gap():
    assert constrain(CUES, 1, "end", 3000, 9000, min_gap=83) == (3000, 4917)


def test_start_stops_after_the_previous_cue_with_the_gap():
    assert constrain(CUES, 1, "start", 0, 4000, min_gap=83) == (2083, 4000)


def test_snap_to_the_neighbour():
    assert constrain(CUES, 1, "end", 3000, 4880, min_gap=83, snap=50) == (3000, 4917)
    assert constrain(CUES, 1, "end", 3000, 4800, min_gap=83, snap=50) == (3000, 4800)


def test_move_keeps_duration_and_stays_between_neighbours():
    assert constrain(CUES, 1, "move", 4500, 5500, min_gap=83) == (3917, 4917)
    assert constrain(CUES, 1, "move", 1500, 2500, min_gap=83) == (2083, 3083)
    assert constrain(CUES, 0, "move", -500, 500, min_gap=83) == (0, 1000)


def test_edges_cannot_cross():
    assert constrain(CUES, 1, "start", 3990, 4000) == (4000 - MIN_DURATION_MS, 4000)
    assert constrain(CUES, 1, "end", 3000, 2000) == (3000, 3000 + MIN_DURATION_MS)


def test_media_end_bounds_the_last_cue():
    assert constrain(CUES, 2, "end", 5000, 99_000, media_end=7000) == (5000, 7000)


def test_cue_already_too_close_does_not_jump():
    cues = [Cue(0, 1000, "a"), Cue(1010, 2000, "b")]
    assert constrain(cues, 1, "end", 1010, 2500, min_gap=83) == (1010, 2500)


@given(
    starts=st.lists(st.integers(0, 100_000), min_size=2, max_size=6, unique=True),
    index=st.integers(0, 5),
    mode=st.sampled_from(["start", "end", "move"]),
    target=st.integers(-5000, 120_000),
)
def test_never_overlaps_a_neighbour(starts, index, mode, target):
    starts = sorted(starts)
    cues = []
    for i, s in enumerate(starts):
        limit = starts[i + 1] - 100 if i + 1 < len(starts) else s + 3000
        cues.append(Cue(s, max(s + 1, min(s + 2000, limit)), "x"))
    index %= len(cues)
    cue = cues[index]
    new_start, new_end = constrain(cues, index, mode, target, target + cue.duration, min_gap=83, snap=40)
    assert 0 <= new_start < new_end
    if index > 0:
        assert new_start >= min(cues[index - 1].end + 83, cue.start)
    if index + 1 < len(cues):
        assert new_end <= max(cues[index + 1].start - 83, cue.end)


def test_timecodes():
    import pytest

    from app.core.timecode import format_time, parse_time

    assert format_time(3_723_004) == "1:02:03.004"
    assert format_time(63_500, hours=False) == "01:03.500"
    for text, ms in [("1:02:03.004", 3_723_004), ("2:03,5", 123_500), ("63.25", 63_250), ("7", 7000)]:
        assert parse_time(text) == ms
    for bad in ["", "abc", "1:75.0", "1:2:3:4"]:
        with pytest.raises(ValueError):
            parse_time(bad)
