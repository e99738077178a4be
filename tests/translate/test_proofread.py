"""Proofreading with the same model (issue 25, item 4), against the stand-in chat server on 127.0.0.1."""

from __future__ import annotations

import re
import threading

from app.core.document import Cue, Document
from app.core.undo import UndoStack
from app.translate.client import ChatClient, ChatServer
from app.translate.prompt import Instructions
from app.translate.proofread import (
    cues_to_proofread,
    diff_pieces,
    judge,
    keep_breaks,
    proofread_cues,
    proofreading_command,
    system_message,
)
from app.translate.run import TranslateOptions
from tests.support.chat_server import Reply, StandInChat, corrected, proofreader

TEXTS = ["我们明天去北경", "他的名字叫张伟", "这个实验很成工", "今天天气很好", "请大家安净一下", "谢谢大家"]
FIXES = {"北경": "北京", "成工": "成功", "安净": "安静", "张伟": "张薇"}
WANTED = {0: "我们明天去北京", 1: "他的名字叫张薇", 2: "这个实验很成功", 4: "请大家安静一下"}


def run(chat, texts=TEXTS, todo=None, *, cancel=lambda: False, **options):
    client = ChatClient(ChatServer(chat.url, "qwen3", deadline_s=10.0, max_retries=0))
    options.setdefault("batch_size", 3)
    instructions = Instructions(context="A talk by 张薇 in Beijing", glossary=(("张薇", "Zhang Wei"),))
    todo = list(range(len(texts))) if todo is None else todo
    try:
        return proofread_cues(texts, todo, client.complete, TranslateOptions(instructions, **options), cancel)
    finally:
        client.close()


def _found(result):
    return {c.index: c.new for c in result.corrections}


def test_corrections_are_proposed_by_number_and_unchanged_lines_are_not():
    with StandInChat(proofreader(FIXES)) as chat:
        result = run(chat)
    assert _found(result) == WANTED
    assert [c.old for c in result.corrections] == [TEXTS[i] for i in WANTED]
    assert not result.unchecked and not result.dropped and result.error is None
    system = chat.requests[0]["messages"][0]["content"]
    assert "homophones" in system and "张薇" in system and "never" in system.lower()
    assert "Zhang Wei" not in system  # the glossary's names, not their translations


def test_matched_by_number_when_the_model_thinks_aloud_and_reorders():
    def reply(lines, body):
        answer = [f"[{n}] {corrected(t, FIXES)}" for n, t in reversed(list(lines.items()))]
        return Reply("<think>\n[1] maybe 北京?\n</think>\nHere you are:\n" + "\n".join(answer))

    with StandInChat(reply) as chat:
        result = run(chat)
    assert _found(result) == WANTED


def test_a_dropped_or_merged_line_is_asked_again_and_never_lands_on_another_cue():
    asked: list[tuple[int, ...]] = []
    lock = threading.Lock()

    def reply(lines, body):
        with lock:
            asked.append(tuple(lines))
        numbers = list(lines)
        if len(numbers) > 1 and 5 in numbers:  # line 5 goes missing: the lines after it move up a number
            kept = [lines[n] for n in numbers if n != 5]
            return Reply("\n".join(f"[{n}] {corrected(t, FIXES)}" for n, t in zip(numbers, kept, strict=False)))
        if numbers == [5]:  # merged with a line that was not asked
            return Reply("[5] 请大家安静一下 谢谢大家\n[6] 谢谢大家")
        return Reply("\n".join(f"[{n}] {corrected(t, FIXES)}" for n, t in lines.items()))

    with StandInChat(reply) as chat:
        result = run(chat)
    found = _found(result)
    assert found == {0: WANTED[0], 1: WANTED[1], 2: WANTED[2]}  # 4 got no correction: its line never came
    assert set(result.unchecked) == {4} and not result.dropped
    assert (4,) in asked and asked.count((5,)) == 2  # asked again alone, twice, then given up


def test_a_rewrite_in_another_script_or_length_is_dropped_and_a_far_one_is_doubtful():
    texts = ["我们明天去北경", "他的名字叫张伟", "这个实验很成工"]
    answers = {
        1: "We go to Beijing tomorrow",
        2: "他的名字叫张伟，他是一个非常非常有名的科学家，住在北京很多年了",
        3: "实验真的非常成功",
    }

    def reply(lines, body):
        return Reply("\n".join(f"[{n}] {answers[n]}" for n in lines))

    with StandInChat(reply) as chat:
        result = run(chat, texts)
    assert sorted(result.dropped) == [0, 1]
    assert [(c.index, c.new, c.doubtful) for c in result.corrections] == [(2, "实验真的非常成功", True)]


def test_judge_and_diff():
    assert judge("我们去北경", "我们去北京") == "ok"
    assert judge("成工", "成功") == "ok"  # one character of two: a short line's homophone
    assert judge("首先我想谢谢主持人的邀请", "首先感谢主办方邀请我来") == "doubtful"  # a rephrasing
    assert judge("a\nb", "a b") == "same"
    assert diff_pieces("I red the book", "I read the book") == [
        ("equal", "I ", "I "),
        ("changed", "red", "read"),
        ("equal", " the book", " the book"),
    ]
    assert diff_pieces("很成工", "很成功") == [("equal", "很成", "很成"), ("changed", "工", "功")]


def test_line_breaks_are_kept_where_the_text_around_them_is_unchanged():
    assert keep_breaks("这个实验\n很成工", "这个实验 很成功") == "这个实验\n很成功"
    assert keep_breaks("I red\nthe book", "I read the book") == "I read\nthe book"


def test_a_two_line_chinese_cue_answered_without_the_seam_space_is_not_proposed():
    texts = ["你好吗\n我很好", "我们明天\n去北경吧"]

    def reply(lines, body):
        asked = body["messages"][-1]["content"]
        assert "你好吗我很好" in asked and "你好吗 我很好" not in asked  # flattened without a space it never had
        answers = {1: "你好吗我很好", 2: "我们明天 去北京吧"}
        return Reply("\n".join(f"[{n}] {answers[n]}" for n in lines))

    with StandInChat(reply) as chat:
        result = run(chat, texts)
    assert _found(result) == {1: "我们明天\n去北京吧"}
    assert judge("你好吗\n我很好", "你好吗我很好") == "same"
    assert judge("你好吗\n我很好", "你好吗 我很好") == "same"
    assert judge("你好 我很好", "你好我很好") == "same"  # a pause written as a space: not a recognition error
    # ，。 added where the lines meet: the line-end convention, not a recognition error; shown unticked
    assert judge("你好吗\n我很好", "你好吗，我很好") == "doubtful"
    assert keep_breaks("你好吗\n我很好", "你好吗，我很好") == "你好吗，\n我很好"
    assert judge("你好吗我很好", "你好吗，我很好") == "ok"  # inside a line: a punctuation correction


def test_a_real_correction_on_a_two_line_chinese_cue_keeps_its_line_break():
    assert keep_breaks("这个实验\n很成工", "这个实验很成功") == "这个实验\n很成功"
    assert keep_breaks("我们明天去北\n경吧", "我们明天去北京吧") == "我们明天去北\n京吧"  # the break inside the change
    assert keep_breaks("我们明天去\n北경", "我们明天去北京") == "我们明天去\n北京"
    assert keep_breaks("用OK\n东京", "用OK东京吧") == "用OK\n东京吧"
    assert keep_breaks("他说\n你好吗", "他说：你好吗") == "他说：\n你好吗"  # punctuation ends the top line


def test_an_english_two_line_cue_still_keeps_its_break_at_a_space():
    assert judge("I red\nthe book", "I read the book") == "ok"
    assert judge("I read\nthe book", "I read the book") == "same"
    assert keep_breaks("I red\nthe book", "I read the book") == "I read\nthe book"
    assert keep_breaks("I red the\nbook today", "I read a book today") == "I read a\nbook today"
    # the break's space became a hyphen: the break goes to the nearest space, never inside a word, and is not lost
    assert keep_breaks("we ate ice\ncream", "we ate ice-cream") == "we ate\nice-cream"
    assert keep_breaks("the cat sat\non the mat", "a dog was sitting on a rug").count("\n") == 1


def test_a_correction_changing_formatting_tags_is_doubtful():
    assert judge("<i>I red the book</i>", "I read the book") == "doubtful"
    assert judge("{\\an8}我们去北경", "我们去北京") == "doubtful"
    assert judge("<i>I red the book</i>", "<i>I read the book</i>") == "ok"
    assert judge('<font color="red">成工</font>', "<font>成功</font>") == "doubtful"


def test_locked_cues_are_never_asked_and_the_command_is_one_undo_step_marking_cues_edited():
    cues = [Cue(i * 1000, i * 1000 + 900, t, locked=(i == 2)) for i, t in enumerate(TEXTS)]
    doc = Document.from_cues(cues)
    todo = cues_to_proofread(doc.cues)
    assert 2 not in todo
    with StandInChat(proofreader(FIXES)) as chat:
        result = run(chat, todo=todo)
    assert all(re.search(r"\[3\]", m["content"]) is None for body in chat.requests for m in body["messages"][-1:])
    assert {c.index for c in result.corrections} == {0, 1, 4}
    chosen = [c for c in result.corrections if c.index != 1]  # the reader unticked cue 1
    stack = UndoStack(doc)
    stack.push(proofreading_command(doc.cues, chosen, "Proofread"))
    assert [c.text for c in doc] == [WANTED[0], TEXTS[1], TEXTS[2], TEXTS[3], WANTED[4], TEXTS[5]]
    assert [c.edited for c in doc] == [True, False, False, False, True, False]
    assert doc[2].locked and doc[2].text == TEXTS[2]
    stack.undo()
    assert [c.text for c in doc] == TEXTS and not any(c.edited for c in doc)
    stack.redo()
    assert doc[0].text == WANTED[0]


def test_a_cue_locked_or_changed_since_it_was_asked_is_left_alone():
    cues = [Cue(0, 900, TEXTS[0], locked=True), Cue(1000, 1900, "typed meanwhile")]
    result_cues = [c.with_() for c in cues]
    from app.translate.proofread import Correction

    chosen = [Correction(0, TEXTS[0], WANTED[0]), Correction(1, "old", "new")]
    assert proofreading_command(result_cues, chosen) is None


def test_the_system_message_names_the_language():
    assert "in Chinese" in system_message(Instructions(source_language="Chinese"))


def test_a_glossary_for_proofreading_may_list_names_alone():
    import pytest

    from app.translate.prompt import parse_glossary

    text = "张薇\n北京 = Beijing\n"
    assert parse_glossary(text, names_only=True) == (("张薇", "张薇"), ("北京", "Beijing"))
    with pytest.raises(ValueError, match="line 1"):
        parse_glossary(text)  # a translation needs each term's translation
