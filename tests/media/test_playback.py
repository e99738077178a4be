"""The Qt-free playback model: what to play, when to stop, where the playhead goes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.media.playback import Action, PlaybackModel, TimeScale, ms_for_sample, sample_for_ms


def test_playing_a_cue_stops_at_its_end_and_returns_to_its_start() -> None:
    model = PlaybackModel(60_000)
    assert model.play_range(10_000, 12_500) == 10_000
    assert model.remaining_ms(10_000) == 2_500
    assert model.on_position(11_000) is Action.CONTINUE and model.playhead_ms == 11_000
    assert model.remaining_ms(11_000) == 1_500
    assert model.on_position(12_530) is Action.STOP  # positions arrive late: anything at or past the end stops
    assert model.playhead_ms == 10_000 and not model.playing
    assert model.on_position(12_600) is Action.CONTINUE  # already stopped: a late report changes nothing


def test_looping_a_cue_restarts_it() -> None:
    model = PlaybackModel(60_000)
    model.play_range(1_000, 2_000, loop=True)
    assert model.on_position(2_000) is Action.RESTART
    assert model.playhead_ms == 1_000 and model.playing


def test_playing_the_whole_file() -> None:
    model = PlaybackModel(5_000)
    assert model.play_all(1_234) == 1_234
    assert model.on_position(4_000) is Action.CONTINUE
    assert model.on_position(5_000) is Action.STOP
    assert model.playhead_ms == 5_000
    assert model.play_all() == 0  # from the end, start over


def test_seeking_outside_a_cue_ends_the_cue() -> None:
    model = PlaybackModel(60_000)
    model.play_range(10_000, 12_000)
    assert model.seek(11_000) == 11_000 and model.is_range
    assert model.seek(30_000) == 30_000 and not model.is_range
    assert model.end_ms == 60_000
    assert model.seek(-5) == 0 and model.seek(99_999) == 60_000


def test_ranges_are_clamped_and_empty_ones_refused() -> None:
    model = PlaybackModel(3_000)
    assert model.play_range(-100, 10_000) == 0 and model.end_ms == 3_000
    with pytest.raises(ValueError):
        model.play_range(2_000, 2_000)
    with pytest.raises(ValueError):
        model.play_range(5_000, 6_000)  # wholly after the end


def test_learning_a_shorter_duration_clamps_the_range() -> None:
    model = PlaybackModel(10_000)
    model.play_range(8_000, 9_500)
    model.duration_ms = 9_000
    assert (model.start_ms, model.end_ms) == (8_000, 9_000)
    model.play_all(0)
    model.duration_ms = 12_000
    assert model.end_ms == 12_000


def test_pause_keeps_the_playhead() -> None:
    model = PlaybackModel(10_000)
    model.play_all(0)
    model.on_position(4_200)
    model.pause()
    assert model.on_position(9_999_999) is Action.CONTINUE and model.playhead_ms == 10_000


@given(
    st.floats(0, 10_000, allow_subnormal=False),
    st.floats(1, 10_000, allow_subnormal=False),
    st.integers(1, 4000),
    st.floats(0, 1, allow_subnormal=False),
)
def test_time_scale_round_trips(start: float, span: float, width: int, where: float) -> None:
    scale = TimeScale(start, start + span, width)
    x = where * width
    ms = scale.ms_for_x(x)
    assert abs(scale.x_for_ms(ms) - x) <= 0.5 / scale.ms_per_px + 1e-6
    assert scale.x_for_ms(start) == 0 and scale.x_for_ms(start + span) == pytest.approx(width)


def test_time_scale_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        TimeScale(5, 5, 100)
    with pytest.raises(ValueError):
        TimeScale(0, 5, 0)


@given(st.integers(0, 10**9))
def test_samples_and_milliseconds(index: int) -> None:
    ms = ms_for_sample(index)
    assert abs(ms * 16 - index) <= 8
    assert sample_for_ms(ms_for_sample(index * 16)) == index * 16  # whole milliseconds map exactly
    assert sample_for_ms(ms) * 1000 / 16000 >= ms
