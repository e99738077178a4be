"""Profiles and quality checks: each check on a cue that breaks it, and nothing on one that does not."""

from __future__ import annotations

import pickle

import pytest

from app.core import rules
from app.core.document import Cue
from app.core.messages import CATALOGUE, english
from app.core.profiles import BBC, NETFLIX, NETFLIX_CHILDREN, NETFLIX_ENGLISH, PROFILES, Profile, profile
from app.core.qc import check, hard_findings, unbalanced_tag, word_count


def codes(cues, prof=NETFLIX, language=None):
    return [(f.index, f.code) for f in check(cues, prof, language)]


GOOD = Cue(0, 2000, "A good line")


def test_profiles_take_their_numbers_from_the_rules():
    assert set(PROFILES) == {"netflix", "netflix-children", "netflix-en", "bbc"}
    assert NETFLIX.max_cps == rules.MAX_CPS and NETFLIX_ENGLISH.max_cps == rules.MAX_CPS_NETFLIX_ENGLISH
    assert NETFLIX.min_gap_ms == rules.MIN_GAP_MS and NETFLIX.min_duration_ms == rules.MIN_DURATION_MS
    assert [NETFLIX.line_limit(lang) for lang in ("en", "ja", "zh", "ko", "th", None)] == [42, 13, 16, 16, 35, 42]
    assert [NETFLIX.cps_limit(lang) for lang in ("English", "ja", "Chinese", "ko", "French", None)] == [
        20,
        4,
        9,
        12,
        17,
        17,
    ]
    assert NETFLIX_CHILDREN.cps_limit("English") == 17 and NETFLIX_CHILDREN.cps_limit("Chinese") == 9
    assert BBC.max_wpm == rules.MAX_WPM_BBC and BBC.max_cps is None
    assert profile(None) is NETFLIX and profile("NETFLIX-EN") is NETFLIX_ENGLISH
    assert NETFLIX.limits("ja").max_line_chars == 13 and NETFLIX.limits("Chinese").max_cps == 9


def test_custom_profiles_from_a_dict_round_trip_and_bad_ones_are_refused():
    custom = profile({"max_cps": 15, "max_line_chars": 37})  # numbers of one's own: for every language
    assert custom.name == "custom" and custom.cps_limit("Chinese") == 15 and custom.line_limit("ja") == 37
    assert Profile.from_dict(custom.as_dict()) == custom
    per_language = profile({"min_gap_ms": 120, "cps_by_language": {"Chinese": 7}, "line_chars_by_language": {}})
    assert per_language.cps_limit("chinese") == 7 and per_language.cps_limit("English") == 17
    assert per_language.line_limit("ja") == 42 and profile({"min_gap_ms": 120}).cps_limit("ja") == 4
    assert Profile.from_dict(per_language.as_dict()) == per_language
    with pytest.raises(ValueError):
        profile({"cps_by_language": {"Chinese": -1}})
    for bad in ({"max_cps": -1}, {"bogus": 1}, {"min_gap_ms": "x"}, {"max_lines": 0}):
        with pytest.raises(ValueError):
            profile(bad)
    with pytest.raises(ValueError, match="unknown profile"):
        profile("hollywood")


def test_a_good_cue_has_no_findings():
    assert codes([GOOD, Cue(3000, 5000, "Another one,\nin two lines")]) == []


@pytest.mark.parametrize(
    ("cue", "code"),
    [
        (Cue(0, 1, "Hi"), "qc.too_short"),  # the 1 ms cue the aligner made
        (Cue(0, 74, "Hi"), "qc.too_short"),
        (Cue(0, 9000, "Hi"), "qc.too_long"),
        (Cue(500, 500, "Hi"), "qc.not_positive"),
        (Cue(0, 1000, "x" * 30), "qc.reading_speed"),
        (Cue(0, 2000, "x" * 50), "qc.line_length"),
        (Cue(0, 2000, "a\nb\nc"), "qc.line_count"),
        (Cue(0, 3000, "A\nbalanced line would be better here"), "qc.line_balance"),
        (Cue(0, 2000, "  "), "qc.empty"),
        (Cue(0, 2000, " Hello"), "qc.edge_spaces"),
        (Cue(0, 2000, "Hello  you"), "qc.double_space"),
        (Cue(0, 2000, "I I think so"), "qc.repeated_word"),
        (Cue(0, 2000, "<i>Hello"), "qc.unbalanced_tags"),
        (Cue(0, 2000, "Hello</b>"), "qc.unbalanced_tags"),
    ],
)
def test_each_cue_check_finds_what_breaks_it(cue, code):
    found = check([cue], NETFLIX)
    assert code in [f.code for f in found]
    finding = next(f for f in found if f.code == code)
    assert finding.index == 0 and finding.message.code == code and english(finding.message)
    assert finding.severity == ("error" if finding.hard or code == "qc.unbalanced_tags" else "warning")


def test_pair_checks_overlap_gap_and_order():
    assert codes([Cue(0, 2000, "One"), Cue(1500, 3500, "Two")]) == [(0, "qc.overlap")]
    assert codes([Cue(0, 2000, "One"), Cue(2040, 3500, "Two")]) == [(0, "qc.gap")]
    assert codes([Cue(0, 2000, "One"), Cue(2083, 3500, "Two")]) == []
    assert codes([Cue(3000, 5000, "One"), Cue(0, 2000, "Two")]) == [(1, "qc.order")]
    overlap = check([Cue(0, 2000, "One"), Cue(1500, 3500, "Two")], NETFLIX)[0]
    assert overlap.hard and overlap.message.params["ms"] == 500


def test_reading_speed_per_profile_and_words_per_minute():
    cue = Cue(0, 2000, "x" * 38)  # 19 characters per second
    assert "qc.reading_speed" in [c for _, c in codes([cue])]
    assert "qc.reading_speed" not in [c for _, c in codes([cue], NETFLIX_ENGLISH)]
    fast = Cue(0, 2000, "one two three four five six seven")  # 7 words in 2 s: 210 words a minute
    assert [c for _, c in codes([fast], BBC)] == ["qc.words_per_minute"]
    assert word_count("<i>Hello,</i> world") == 2 and word_count("你好世界") == 4


def test_line_length_follows_the_language():
    cue = Cue(0, 4000, "あ" * 13)  # Netflix's Japanese guide: 13 characters a line
    assert codes([cue], language="ja") == []
    assert codes([Cue(0, 4000, "あ" * 14)], language="ja") == [(0, "qc.line_length")]
    assert codes([Cue(0, 4000, "你" * 20)], language="zh") == [(0, "qc.line_length")]


def test_tags_pair_up_and_hard_findings_filter():
    assert unbalanced_tag("<i>a</i> <b>b</b>") is None and unbalanced_tag("<i><b>a</i></b>") == "i"
    assert [f.code for f in hard_findings([Cue(0, 1, "Hello  you")], NETFLIX)] == ["qc.too_short"]


def test_every_qc_and_fix_code_is_in_the_catalogue_and_findings_pickle():
    assert all(code in CATALOGUE for code in ("qc.order", "qc.overlap", "fix.merged", "fix.rebroken", "cli.fixed"))
    finding = check([Cue(0, 1, "Hi")], NETFLIX)[0]
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert finding.as_dict()["code"] == "qc.too_short"
