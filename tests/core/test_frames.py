"""Frame grids and the shot-change snapping rules (Netflix: 12 frames, 2 clear frames before a cut)."""

from __future__ import annotations

import pytest

from app.core.frames import FrameGrid, PictureGuide, format_clock

NTSC = 24000 / 1001  # 23.976 fps: frames 41.708 ms apart, never on whole milliseconds


def test_constant_grid_holds_the_real_frame_times():
    grid = FrameGrid.constant(NTSC, 10_000)
    assert grid.times[:4] == [0, 42, 83, 125]
    assert grid.times[24] == round(24 * 1001 / 24)  # 1001 ms: one second of 23.976 is 24 frames + 1 ms
    assert abs(grid.fps - NTSC) < 0.01
    assert not grid.is_variable()


def test_stepping_lands_on_frame_starts_from_anywhere_inside_a_frame():
    grid = FrameGrid.constant(25, 2000)
    assert grid.step(0, 1) == 40
    assert grid.step(39, 1) == 40  # inside frame 0: the next is frame 1
    assert grid.step(40, 1) == 80
    assert grid.step(79, -1) == 0  # inside frame 1: back one is frame 0
    assert grid.step(0, -1) == 0  # clamped to the first frame
    assert grid.step(10_000, 1) == grid.times[-1]  # and to the last


def test_variable_rate_grid_steps_on_its_own_times():
    times = [0, 40, 80, 120, 200, 280, 360, 400, 440]  # 25 fps, a stretch at 12.5 fps, 25 fps again
    grid = FrameGrid(times)
    assert grid.is_variable()
    assert grid.frame_ms == 40
    positions = [0]
    for _ in range(len(times) - 1):
        positions.append(grid.step(positions[-1], 1))
    assert positions == times
    assert grid.step(250, -1) == 120 and grid.step(250, 1) == 280


def test_nearest_boundary_and_frame_distance():
    grid = FrameGrid.constant(25, 2000)
    assert grid.nearest(19) == 0 and grid.nearest(21) == 40 and grid.nearest(20) == 0
    assert grid.frames_between(0, 480) == 12 and grid.frames_between(480, 0) == -12


def test_timecodes_count_real_frames_within_each_second():
    grid = FrameGrid.constant(25, 4000)
    assert grid.timecode(0) == "00:00:00:00"
    assert grid.timecode(1039) == "00:00:01:00"
    assert grid.timecode(1040) == "00:00:01:01"
    assert grid.timecode(3999) == "00:00:03:24"
    assert format_clock(3_723_004) == "01:02:03.004"


def test_in_time_near_a_cut_snaps_onto_it_within_12_frames():
    guide = PictureGuide(FrameGrid.constant(25, 20_000), cuts=[5000])
    assert guide.snap_start(5000 - 12 * 40) == 5000  # 12 frames before
    assert guide.snap_start(5000 + 12 * 40) == 5000  # 12 frames after
    assert guide.snap_start(5000 - 13 * 40) == 5000 - 13 * 40  # 13 frames: left alone
    assert guide.snap_start(5000 + 13 * 40) == 5000 + 13 * 40


def test_out_time_near_a_cut_keeps_two_frames_clear_before_it():
    guide = PictureGuide(FrameGrid.constant(25, 20_000), cuts=[5000])
    assert guide.snap_end(5000) == 5000 - 2 * 40
    assert guide.snap_end(5000 + 200) == 4920  # running past the cut: pulled back before it
    assert guide.snap_end(5000 - 400) == 4920
    assert guide.snap_end(5000 - 20 * 40) == 5000 - 20 * 40


def test_snapping_at_23_976_uses_frame_counts_not_milliseconds():
    grid = FrameGrid.constant(NTSC, 20_000)
    cut = grid.times[120]
    guide = PictureGuide(grid, cuts=[cut])
    assert guide.snap_start(grid.times[108]) == cut
    assert guide.snap_start(grid.times[107]) == grid.times[107]
    assert guide.snap_end(grid.times[125]) == grid.times[118]


def test_the_closer_of_two_cuts_wins():
    guide = PictureGuide(FrameGrid.constant(25, 20_000), cuts=[4000, 4400])
    assert guide.snap_start(4120) == 4000
    assert guide.snap_start(4300) == 4400


def test_frame_snapping_is_an_option_and_shots_come_first():
    grid = FrameGrid.constant(25, 20_000)
    plain = PictureGuide(grid)
    assert plain.apply("start", 1013, 2000) == (1013, 2000)
    framed = PictureGuide(grid, snap_to_frames=True)
    assert framed.apply("start", 1013, 2000) == (1000, 2000)
    assert framed.apply("end", 1000, 2027) == (1000, 2040)
    shots = PictureGuide(grid, cuts=[1200], snap_to_frames=True)
    assert shots.apply("start", 1013, 2000) == (1200, 2000)


def test_a_moved_cue_keeps_its_length_and_snaps_by_its_closer_edge():
    guide = PictureGuide(FrameGrid.constant(25, 20_000), cuts=[5000])
    assert guide.apply("move", 4900, 6900) == (5000, 7000)  # start 100 ms before the cut
    start, end = guide.apply("move", 2700, 4800)
    assert (start, end) == (2820, 4920) and end - start == 2100


def test_min_gap_is_two_frames():
    assert PictureGuide(FrameGrid.constant(25, 1000)).min_gap_ms() == 80
    grid = FrameGrid.constant(NTSC, 10_000)
    assert PictureGuide(grid).min_gap_ms() == 83  # rounded down: every 2 real frames (83 or 84 ms) hold it
    assert min(b - a for a, b in zip(grid.times, grid.times[2:], strict=False)) == 83


def test_an_empty_grid_is_refused():
    with pytest.raises(ValueError):
        FrameGrid([])
