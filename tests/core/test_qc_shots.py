"""Cues against shot changes: edges near a cut are flagged and snapped; cues across a cut are flagged."""

from __future__ import annotations

from app.core.document import Cue
from app.core.fixes import propose
from app.core.frames import FrameGrid, PictureGuide
from app.core.profiles import NETFLIX, Profile
from app.core.qc import check

GRID = FrameGrid.constant(25.0, 120_000)  # 40 ms frames
CUTS = (10_000, 20_000, 50_000)
SHOTS = PictureGuide(GRID, CUTS)


def codes(cues, profile=NETFLIX, shots=SHOTS):
    return [(f.index, f.code) for f in check(cues, profile, "en", shots=shots) if f.code.startswith("qc.shot")]


def test_edges_on_the_cut_or_two_frames_before_it_pass():
    cues = [Cue(10_000, 12_000, "On the cut."), Cue(14_000, 19_920, "Ends two frames before the next cut.")]
    assert codes(cues) == []


def test_a_start_a_few_frames_after_a_cut_is_flagged_with_its_distance():
    findings = [
        f for f in check([Cue(10_120, 12_000, "Late.")], NETFLIX, "en", shots=SHOTS) if f.code == "qc.shot_start"
    ]
    assert len(findings) == 1
    assert findings[0].message.n == 3  # 120 ms at 25 fps
    assert findings[0].severity == "warning" and not findings[0].hard


def test_an_end_near_a_cut_but_not_two_frames_before_it_is_flagged():
    assert codes([Cue(15_000, 20_000, "Ends on the cut.")]) == [(0, "qc.shot_end")]
    assert codes([Cue(15_000, 20_200, "Runs past the cut.")]) == [(0, "qc.shot_end")]
    assert codes([Cue(15_000, 19_600, "Ends 10 frames before.")]) == [(0, "qc.shot_end")]


def test_edges_far_from_any_cut_are_not_flagged():
    assert codes([Cue(12_000, 14_000, "Middle of a shot.")]) == []


def test_a_cue_across_a_cut_far_from_its_edges_is_flagged():
    assert codes([Cue(48_000, 53_000, "Across.")]) == [(0, "qc.shot_across")]


def test_without_shots_nothing_about_shots_is_checked():
    assert codes([Cue(10_120, 20_000, "x")], shots=None) == []


def test_the_profile_sets_how_many_frames_count_as_near():
    tight = Profile.from_dict({"shot_snap_frames": 2})
    assert codes([Cue(10_120, 12_000, "Three frames late.")], profile=tight) == []
    assert codes([Cue(10_120, 12_000, "Three frames late.")]) == [(0, "qc.shot_start")]


def test_fix_snaps_start_onto_the_cut_and_end_two_frames_before_it():
    long_shots = Profile.from_dict({"max_duration_ms": 12_000})
    plan = propose([Cue(10_120, 19_800, "Snap both edges.")], long_shots, "en", shots=SHOTS)
    (cue,) = plan.cues
    assert (cue.start, cue.end) == (10_000, 19_920)
    assert cue.text == "Snap both edges."
    assert codes(plan.cues, profile=long_shots) == []
    assert [m.code for m in plan.proposals[0].messages] == ["fix.shot_end", "fix.shot_start"]


def test_fix_never_snaps_into_a_neighbour_or_under_the_minimum_gap():
    cues = [Cue(8_000, 9_990, "Ends just before the cut."), Cue(10_100, 12_000, "Would snap back onto the cut.")]
    plan = propose(cues, NETFLIX, "en", shots=SHOTS)
    first, second = plan.cues
    assert second.start - first.end >= NETFLIX.gap_ms(SHOTS) == 80  # 2 frames at 25 fps
    assert first.end <= second.start


def test_two_frames_before_a_cut_and_on_the_cut_both_hold_at_25_fps():
    """Issue 27: a fixed 83 ms gap let only one of the two snap (80 ms is 2 frames at 25 fps): one cue stayed 2
    frames after a cut, the other ran across it. The gap is counted in the picture's frames."""
    cues = [Cue(8_000, 9_990, "Ends just before the cut."), Cue(10_100, 12_000, "Would snap back onto the cut.")]
    plan = propose(cues, NETFLIX, "en", shots=SHOTS)
    assert [(c.start, c.end) for c in plan.cues] == [(8_000, 9_920), (10_000, 12_000)]
    assert not [f for f in check(list(plan.cues), NETFLIX, "en", shots=SHOTS) if f.code in ("qc.gap", "qc.shot_start",
                                                                                          "qc.shot_end")]  # fmt: skip


def test_fix_leaves_locked_cues_where_they_are():
    cue = Cue(10_120, 19_800, "Locked.", locked=True)
    plan = propose([cue], NETFLIX, "en", shots=SHOTS)
    assert plan.cues == (cue,)
    assert not plan.changed


def test_fix_without_shots_does_not_snap():
    plan = propose([Cue(10_120, 12_500, "Stays.")], NETFLIX, "en")
    assert (plan.cues[0].start, plan.cues[0].end) == (10_120, 12_500)


def test_a_snap_never_makes_a_cue_read_too_fast():
    """Issue 27: a fix must never make a cue worse: an end pulled 2 frames before a cut that would take a dense
    cue over the reading speed limit stays where it is."""
    from app.core.checks import chars_per_second

    text = "Thirty characters in this cue."  # 30 characters: 1765 ms at 17 a second
    cue = Cue(8_200, 10_000 + 280, text)  # ends 7 frames after the cut at 10 s: a snap would end it at 9920
    assert chars_per_second(cue) <= NETFLIX.max_cps
    plan = propose([cue], NETFLIX, "fr", shots=SHOTS)  # 17 a second (English: 20)
    assert chars_per_second(plan.cues[0]) <= NETFLIX.max_cps
