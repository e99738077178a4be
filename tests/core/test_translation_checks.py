"""The quality checks and fixes on a cue's translation (issue 25, item 2): the same rules as the text's, by the
translation language's limits, for the cue's time on screen; the findings say they are about the translation."""

from __future__ import annotations

from app.core.checks import Limits, readability
from app.core.document import Cue
from app.core.fix_review import propose_keeping
from app.core.fixes import propose
from app.core.profiles import profile
from app.core.qc import check

NETFLIX = profile("netflix")
LONG_EN = "This translation is far too long for an English line of forty-two characters"  # 76 characters


def _codes(findings, on_translation):
    return {(f.index, f.code) for f in findings if f.on_translation == on_translation}


def test_a_translation_is_checked_by_its_own_languages_rules_for_the_cues_time():
    # a Chinese cue read at 9 characters a second; its English translation at 20, within 42 a line
    cues = [
        Cue(0, 2_000, "你好。", language="Chinese", translation=LONG_EN),
        Cue(3_000, 6_000, "再见。", language="Chinese", translation="Goodbye,  my friend."),
        Cue(7_000, 9_000, "谢谢。", language="Chinese"),  # not translated yet: nothing about it
    ]
    findings = check(cues, NETFLIX, translation_language="English")
    assert _codes(findings, False) == set()
    assert _codes(findings, True) == {(0, "qc.reading_speed"), (0, "qc.line_length"), (1, "qc.double_space")}
    speed = next(f for f in findings if f.code == "qc.reading_speed")
    assert speed.message.params["limit"] == "20" and speed.as_dict()["on_translation"] is True
    length = next(f for f in findings if f.code == "qc.line_length")
    assert length.message.params == {"length": len(LONG_EN), "limit": 42} and length.hard


def test_the_translation_language_picks_the_limits():
    chinese = "你好，我的朋友，很高兴见到你们大家。"
    cues = [Cue(0, 4_000, "Hello there, my friend.", language="English", translation=chinese)]
    assert not _codes(check(cues, NETFLIX, translation_language="English"), True)  # 42 a line, 20 a second
    found = _codes(check(cues, NETFLIX, translation_language="Chinese"), True)
    assert found == {(0, "qc.line_length")}  # 18 characters: over Chinese's 16 a line (and 4.5 a second is fine)


def test_timing_is_reported_once_about_the_cue_not_its_translation():
    cues = [Cue(0, 8_000, "Far too long on screen.", translation="Bien trop longtemps.")]
    findings = check(cues, NETFLIX, translation_language="French")
    assert [(f.code, f.on_translation) for f in findings] == [("qc.too_long", False)]


def test_the_plain_readability_check_reports_translations_marked():
    cues = [Cue(0, 2_000, "Hi.", language="English", translation=LONG_EN)]
    problems = readability(cues, Limits.for_language("English"), translation=Limits.for_language("Chinese"))
    assert [(p.kind, p.on_translation) for p in problems] == [("reading_speed", True), ("line_length", True)]
    assert problems[1].message.startswith("cue 1 (translation): a line of 76 characters (limit 16)")
    assert readability(cues, Limits.for_language("English")) == []  # without the translation's limits: as before


def test_fix_breaks_a_long_translation_again_by_its_languages_limit():
    cues = [Cue(0, 6_000, "Bonjour.", language="French", translation=LONG_EN + "  ")]
    plan = propose(cues, NETFLIX, translation_language="English")
    fixed = plan.cues[0].translation
    assert fixed.replace("\n", " ") == LONG_EN and all(len(line) <= 42 for line in fixed.split("\n"))
    assert plan.cues[0].text == "Bonjour."
    codes = {m.code for p in plan.proposals for m in p.messages}
    assert {"fix.translation_trimmed", "fix.translation_rebroken"} <= codes
    assert not [f for f in check(plan.cues, NETFLIX, translation_language="English") if f.on_translation]
    # a fix turned down in review leaves the translation as it was
    kept = propose_keeping(cues, plan, {0}, NETFLIX, translation_language="English")
    assert kept.cues[0].translation == LONG_EN + "  "


def test_a_locked_cue_keeps_its_translation_through_fixes():
    cues = [Cue(0, 6_000, "Bonjour.", translation=LONG_EN, locked=True)]
    assert propose(cues, NETFLIX, translation_language="English").cues[0].translation == LONG_EN
