"""The shared rules: one answer for every layer (Thai included), and the settling of moves."""

from __future__ import annotations

from app.core import rules
from app.core.checks import Limits
from app.core.commands import text_joiner
from app.core.document import Cue


def test_one_answer_for_scripts_without_spaces():
    """Chinese, Cantonese and Japanese join with nothing; Thai separates phrases with a space, like Korean."""
    for language in ("Chinese", "zh", "Cantonese", "yue", "Japanese", "ja"):
        assert rules.is_unspaced_language(language) and text_joiner(language) == ""
    for language in ("Thai", "th", "Korean", "English", None, ""):
        assert not rules.is_unspaced_language(language) and text_joiner(language) == " "
    assert rules.seam("สวัสดีครับ", "ขอบคุณ") == " "  # two Thai chunks: a phrase boundary
    assert rules.seam("你好", "谢谢") == "" and rules.seam("안녕", "하세요") == " "
    assert rules.is_unspaced_char("あ") and rules.is_unspaced_char("，") and not rules.is_unspaced_char("ก")
    assert not rules.is_unspaced_char("ㄱ")  # Hangul compatibility jamo: Korean uses spaces


def test_the_segmenter_never_breaks_a_thai_word():
    from app.asr.algorithms.wordmap import is_cjk

    assert not any(is_cjk(ch) for ch in "สวัสดีครับ")


def test_limits_take_their_defaults_from_the_rules():
    limits = Limits()
    assert (limits.max_cps, limits.min_gap_ms, limits.max_line_chars) == (rules.MAX_CPS, rules.MIN_GAP_MS, 42)
    assert Limits.for_language("Thai").max_line_chars == rules.line_limit("th") == 35
    assert Limits.for_language("ja", max_cps=20).max_cps == 20


def test_settle_clips_collisions_midway_and_keeps_locked_cues():
    cues = [Cue(0, 1000, "a"), Cue(2000, 3000, "b"), Cue(4000, 5000, "c", locked=True)]
    moved = {0: Cue(0, 2500, "a"), 1: Cue(1500, 3000, "b"), 2: Cue(3000, 5000, "c")}
    final = rules.settle_overlaps(cues, moved, min_gap=100)
    assert 2 not in final
    assert final[1].start - final[0].end == 100 and final[0].end < 2000 < final[1].start + 600


def test_room_never_tighter_than_where_the_cue_is():
    cues = [Cue(0, 1000, "a"), Cue(1020, 2000, "b"), Cue(3000, 4000, "c")]
    assert rules.room(cues, 1, min_gap=83) == (1020, 2917)
    assert rules.room(cues, 0, min_gap=83, media_end=500) == (0, 1000)
