"""Chinese and Japanese text mixed with Latin words through the fixes: spaces kept, lines broken between the right
characters, full-width punctuation, the Chinese line-end convention, and cues too long for two lines split."""

from __future__ import annotations

from app.core import cjk
from app.core.commands import MergeWithNext
from app.core.document import Cue, Document, Word
from app.core.fixes import propose, rebroken
from app.core.fixes_cjk import FixOptions
from app.core.profiles import NETFLIX
from app.core.qc import best_break, hard_findings
from app.core.undo import UndoStack

P = NETFLIX


def fixed(cues, language="Chinese", **kw):
    return list(propose(cues, P, language, **kw).cues)


def test_fix_keeps_the_spaces_around_latin_words_in_chinese_lines():
    (one, two) = fixed([Cue(0, 3000, "我们用 OK 东京"), Cue(4000, 7000, "我们用 OK\n东京的 app\n很好")])
    assert one.text == "我们用 OK 东京"
    assert two.text.replace("\n", " ") == "我们用 OK 东京的 app 很好"  # today: "我们用 OK东京的 app很好"
    assert rebroken("我们用 OK\n東京\n好", 16, 2) == "我们用 OK 東京好"


def test_text_written_together_stays_together():
    assert cjk.join_lines("我们用OK\n东京") == "我们用OK东京"
    assert cjk.text_seam("我们用", "OK") == " " and cjk.text_seam("你好", "谢谢") == ""
    assert cjk.text_seam("我有", "3个") == "" and cjk.text_seam("Hello", "world") == " "


def test_merges_keep_the_space_between_the_scripts():
    doc = Document.from_cues([Cue(0, 1000, "我们用"), Cue(1000, 2000, "OK 东京")], language="Chinese")
    UndoStack(doc).push(MergeWithNext(0))
    assert doc[0].text == "我们用 OK 东京"
    (out,) = fixed([Cue(0, 2000, "好用 Python 写"), Cue(2100, 2300, "OK")])
    assert out.text == "好用 Python 写 OK"


def test_a_30_character_chinese_line_breaks_into_lines_within_16():
    line = "我们今天在东京开了一个会议，大家们讨论了明年的计划和预算安排"
    assert len(line) == 30
    (out,) = fixed([Cue(0, 6000, line)])
    top, bottom = out.text.split("\n")
    assert max(len(top), len(bottom)) <= 16 and top + bottom == line
    assert top.endswith("，")  # after the comma, not between two characters of a word


def test_a_mixed_line_never_breaks_inside_a_latin_word_and_prefers_the_space_between_scripts():
    line = "东京的朋友都在用 Subtitle Studio 做字幕"
    top, bottom = best_break(line, 20) or ("", "")
    assert {"Subtitle", "Studio"} <= set(f"{top} {bottom}".split()) and max(len(top), len(bottom)) <= 20
    assert best_break("我们在东京用的是 Subtitle Studio 东京的朋友很好", 16) is None  # no break fits: none made
    assert best_break("我们在东京用 OK 的朋友们很好", 10) == ("我们在东京用", "OK 的朋友们很好")
    for top, bottom, _penalty in cjk.break_options("你好，OK世界「东京」"):
        assert not bottom.startswith(("，", "」")) and not top.endswith("「") and not top.endswith("O")


def test_half_width_punctuation_after_cjk_becomes_full_width_but_not_in_latin_or_numbers():
    cue = Cue(0, 4000, "你好, 我们用 OK. 价格3.5元!", words=(Word(0, 500, 0, 3), Word(500, 1000, 4, 6)))
    (out,) = fixed([cue])
    assert out.text.replace("\n", " ") == "你好，我们用 OK. 价格3.5元！"
    assert [out.word_text(w) for w in out.words] == ["你好，", "我们"]
    assert fixed([Cue(0, 3000, "好的... example.com")])[0].text.replace("\n", " ") == "好的... example.com"
    assert fixed([Cue(0, 3000, "时间:10:30")])[0].text == "时间:10:30"
    assert fixed([Cue(0, 3000, "こんにちは, 元気?")], "Japanese")[0].text == "こんにちは，元気？"
    assert fixed([Cue(0, 3000, "Hello, world. Fine!")], "English")[0].text == "Hello, world. Fine!"


def test_line_end_commas_and_full_stops_go_only_when_asked():
    cue = Cue(0, 4000, "我们走吧，\n东京很好。")
    assert fixed([cue])[0].text == "我们走吧，\n东京很好。"  # off by default
    removed = fixed([cue], options=FixOptions(line_end_punctuation="remove"))[0]
    assert removed.text == "我们走吧\n东京很好"
    spaced = fixed([Cue(0, 4000, "你好，我们走吧。")], options=FixOptions(line_end_punctuation="space"))[0]
    assert spaced.text == "你好 我们走吧"
    plan = propose([cue], P, "Chinese", options=FixOptions(line_end_punctuation="remove"))
    assert "fix.line_end_punctuation" in [m.code for m in plan.proposals[0].messages]
    assert fixed([Cue(0, 3000, "こんにちは。")], "Japanese", options=FixOptions("remove"))[0].text == "こんにちは。"


def _words(text, start, end):
    """One word per character (the aligner's Chinese words), evenly over [start, end), spaces skipped."""
    chars = [i for i, ch in enumerate(text) if not ch.isspace()]
    step = (end - start) // len(chars)
    return tuple(Word(start + k * step, start + (k + 1) * step, i, i + 1) for k, i in enumerate(chars))


def test_a_45_character_chinese_cue_splits_at_the_punctuation_and_the_word_times():
    text = "我们今天在东京的会议上讨论了很多问题和计划。明天我们要去大阪看看那边的朋友们最近过得怎么样"
    assert len(text) == 45
    words = _words(text, 1000, 10_240)  # 210 ms a character
    doc = Document.from_cues([Cue(1000, 10_240, text, words=words)], language="Chinese")
    plan = propose(doc.cues, P, "Chinese")
    first, second = plan.cues
    assert first.text.replace("\n", "").endswith("。") and "".join(c.text.replace("\n", "") for c in plan.cues) == text
    cut = text.index("。") + 1
    assert first.end <= words[cut - 1].end and second.start >= words[cut].start - P.min_gap_ms
    assert [first.word_text(w) for w in first.words] == list(first.text.replace("\n", ""))
    assert [second.word_text(w) for w in second.words] == list(second.text.replace("\n", ""))
    assert all(w.start >= second.start for w in second.words)
    assert hard_findings(plan.cues, P, "Chinese") == []
    assert all("fix.split" in [m.code for m in p.messages] for p in plan.proposals)
    stack = UndoStack(doc)
    from app.core.fixes import apply_plan

    stack.push(apply_plan(doc, plan))
    assert len(doc) == 2
    stack.undo()
    assert len(doc) == 1 and doc[0].text == text  # one undo step


def test_a_split_without_words_divides_the_time_by_characters_and_keeps_mixed_spaces():
    text = "我们用 OK 做了很多事情大家都觉得很好明天我们去大阪看看那边的朋友们怎么样还有什么"
    (first, second) = fixed([Cue(0, 9000, text)])
    joined = first.text.replace("\n", " ") + second.text.replace("\n", "")
    assert "我们用 OK 做了" in joined and joined.replace(" ", "") == text.replace(" ", "")
    share = len(first.text.replace("\n", "")) / len(text)
    assert abs(first.end - 9000 * share) < 200


def test_english_cues_are_never_split_or_punctuated():
    text = "a long English line of words that goes on and on past the two line limit of a subtitle " * 2
    (out,) = fixed([Cue(0, 7000, text.strip())], "English")
    assert "\n" not in out.text or out.text.replace("\n", " ") == text.strip()
    assert len(fixed([Cue(0, 7000, text.strip())], None)) == 1


def test_a_split_turned_down_in_review_keeps_the_cue_whole():
    from app.core.fix_review import propose_keeping

    text = "我们今天在东京的会议上讨论了很多问题和计划。明天我们要去大阪看看那边的朋友们最近过得怎么样"
    cues = [Cue(0, 9000, text), Cue(10_000, 12_000, "你好, 东京")]
    plan = propose(cues, P, "Chinese")
    rejected = {k for k, p in enumerate(plan.proposals) if "fix.split" in [m.code for m in p.messages]}
    assert len(rejected) == 2  # one row a piece, both from the one cue
    final = propose_keeping(cues, plan, rejected, P, "Chinese")
    assert final.cues[0] is cues[0] and final.cues[1].text == "你好，东京"
