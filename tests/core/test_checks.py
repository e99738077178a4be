from __future__ import annotations

from app.core.checks import Limits, chars_per_second, readability, timing, validate, visible_length
from app.core.document import Cue


def test_validate_reports_and_changes_nothing():
    cues = [Cue(0, 1000, "a"), Cue(900, 900, "b"), Cue(500, 2000, "c")]
    frozen = list(cues)
    kinds = [(p.kind, p.index) for p in validate(cues)]
    assert kinds == [("duration", 1), ("overlap", 1), ("order", 2)]
    assert cues == frozen


def test_clean_cues_have_no_problems():
    assert validate([Cue(0, 1000, "a"), Cue(1083, 2000, "b")]) == []


def test_reading_speed_ignores_tags_and_line_breaks():
    cue = Cue(0, 1000, "<i>abcdefghij</i>\nabcdefg")
    assert visible_length(cue.text) == 17
    assert chars_per_second(cue) == 17.0
    assert readability([cue], Limits()) == []
    assert [p.kind for p in readability([cue.with_(end=900)], Limits())] == ["reading_speed"]


def test_line_limits_by_language():
    assert Limits.for_language("Chinese").max_line_chars == 16
    assert Limits.for_language("Japanese").max_line_chars == 13  # Netflix: 13 full-width characters
    assert Limits.for_language("English").max_line_chars == 42
    cue = Cue(0, 10_000, "一二三四五六七八九十一二三四五六七")
    assert [p.kind for p in readability([cue], Limits.for_language("Chinese"))] == ["line_length"]


def test_timing_conventions():
    cues = [Cue(0, 500, "a"), Cue(550, 8000, "b")]
    kinds = sorted(p.kind for p in timing(cues, Limits()))
    assert kinds == ["gap", "too_long", "too_short"]


def test_a_sign_at_the_top_over_dialogue_is_no_overlap():
    """Issue 27: cues shown together at different positions are legitimate."""
    from app.core.checks import Limits, timing, validate
    from app.core.document import Cue

    cues = [Cue(1000, 4000, "Dialogue"), Cue(1500, 3000, "SIGN").with_extra(align="8"), Cue(3050, 5000, "x")]
    assert [p.kind for p in validate(cues[:2])] == []
    assert "gap" not in [p.kind for p in timing(cues[1:], Limits())]
    assert [p.kind for p in validate([cues[0], cues[2]])] == ["overlap"]
