"""Issue 24, item 2: each cue is held to its own language's rules (Netflix's guides by language), everywhere."""

from __future__ import annotations

import subprocess
import sys

from app.core.checks import Limits, readability
from app.core.document import Cue, Document
from app.core.fixes import propose
from app.core.profiles import BBC, NETFLIX, NETFLIX_CHILDREN, profile
from app.core.qc import check
from app.session.session import Session

ZH = Cue(0, 1000, "今天天气很好我们去公园", language="Chinese")  # 11 characters a second
EN = Cue(2000, 3000, "Nineteen characters", language="English")  # 19 a second: within English's 20
FR = Cue(4000, 5000, "Dix-neuf caractères", language="French")  # 19 a second: over the 17 of other languages


def _codes(cues, prof=NETFLIX, language=None):
    return [(f.index, f.code) for f in check(cues, prof, language) if f.code.startswith("qc.reading")]


def test_reading_speed_by_each_cues_language():
    assert _codes([ZH, EN, FR]) == [(0, "qc.reading_speed"), (2, "qc.reading_speed")]
    limits = [f.message.params.get("limit") for f in check([ZH, EN, FR], NETFLIX) if f.code == "qc.reading_speed"]
    assert limits == ["9", "17"]
    assert _codes([EN.with_(language="")], NETFLIX, "English") == []  # no language of its own: the document's
    assert _codes([EN], NETFLIX_CHILDREN) == [(0, "qc.reading_speed")]  # children: 17 in English
    assert _codes([ZH], BBC) == []  # BBC counts words a minute, not characters


def test_line_length_by_each_cues_language():
    zh = Cue(0, 6000, "一二三四五六七八九十一二三四五六七", language="Chinese")  # 17 on one line
    en = zh.with_(text="Seventeen letters", language="English")
    ja = Cue(0, 6000, "あ" * 14, language="Japanese")
    found = [(f.index, f.code) for f in check([zh, en.with_(start=7000, end=13000)], NETFLIX) if "line" in f.code]
    assert found == [(0, "qc.line_length")]
    assert [f.code for f in check([ja], NETFLIX) if f.code == "qc.line_length"] == ["qc.line_length"]


def test_fixes_break_lines_by_the_cues_language_in_an_english_document():
    zh = Cue(0, 6000, "今天天气很好我们一起去公园散步然后去吃饭好不好呢", language="Chinese")  # 24 characters
    plan = propose([zh], NETFLIX, "English")
    lines = plan.cues[0].text.split("\n")
    assert len(lines) == 2 and all(len(line) <= 16 for line in lines)


def test_the_plain_check_reads_each_language_and_the_limits_can_be_given():
    cues = [ZH, EN, FR]
    by_language = readability(cues, Limits(), by_language=Limits.for_language)
    assert [(p.index, p.kind) for p in by_language] == [(0, "reading_speed"), (2, "reading_speed")]
    fixed = readability(cues, Limits(max_cps=25), by_language=lambda lang: Limits.for_language(lang, max_cps=25))
    assert fixed == []


def test_recognition_takes_each_chunks_languages_limits_from_the_profile():
    overrides = NETFLIX.limit_overrides()
    assert Limits.for_language("Chinese", **overrides).max_cps == 9
    assert Limits.for_language("Chinese", **overrides).max_line_chars == 16
    assert Limits.for_language("English", **overrides).max_cps == 20
    assert Limits.for_language("German", **overrides).max_cps == 17
    custom = profile({"cps_by_language": {"Chinese": 7}})
    assert Limits.for_language("zh", **custom.limit_overrides()).max_cps == 17  # "zh" is not in that table
    assert Limits.for_language("Chinese", **custom.limit_overrides()).max_cps == 7
    assert Limits.for_language("Chinese", **BBC.limit_overrides()).max_cps == float("inf")


def test_the_list_and_the_text_box_colour_each_cue_by_its_language():
    session = Session(Document.from_cues([ZH, EN], language="English"))
    assert session.limits.max_cps == 20  # the document's language
    assert (session.limits_of(ZH).max_cps, session.limits_of(ZH).max_line_chars) == (9, 16)
    assert session.limits_of(EN) is session.limits
    assert session.limits_of(EN.with_(language="")).max_cps == 20


def test_check_of_a_chinese_file_needs_no_lang(tmp_path):
    src = tmp_path / "zh.srt"
    src.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n今天天气很好我们去公园\n\n2\n00:00:03,000 --> 00:00:05,000\n明天见\n",
        encoding="utf-8",
    )
    run = [sys.executable, "-m", "app", "check", str(src)]
    out = subprocess.run(run, capture_output=True, text=True, timeout=120).stdout
    assert "1 cue over 9 characters per second" in out and "(limit 9)" in out
    profiled = subprocess.run([*run, "--profile", "netflix"], capture_output=True, text=True, timeout=120).stdout
    assert "11.0 characters per second (limit 9)" in profiled
    forced = subprocess.run([*run, "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert forced.returncode == 0 and "no problems found" in forced.stdout  # as English: 20 a second


def test_recognitions_merged_chinese_cue_is_broken_within_its_languages_line():
    """The timing passes of recognition merge cues; a Chinese one over 16 characters was left on one line (an
    88-character mixed line reached the user): broken between characters or scripts, the words kept on theirs."""
    from app.asr.algorithms.segment import _within_lines
    from app.core.document import Word

    text = "我们明天去Starbucks喝咖啡然后一起去公园"  # 25 characters, English inside
    spans, pos = [], 0
    pieces = ["我", "们", "明", "天", "去", "Starbucks", "喝", "咖", "啡", "然", "后", "一", "起", "去", "公", "园"]
    for piece in pieces:
        spans.append((pos, pos + len(piece)))
        pos += len(piece)
    words = [Word(i * 100, i * 100 + 90, a, b) for i, (a, b) in enumerate(spans)]
    cue = Cue(0, 5000, text, words=tuple(words), language="Chinese")
    out = _within_lines(cue, Limits.for_language("Chinese"))
    top, bottom = out.text.split("\n")
    assert len(top) <= 16 and len(bottom) <= 16 and "Starbucks" in out.text
    assert [out.word_text(w) for w in out.words] == [cue.word_text(w) for w in cue.words]
