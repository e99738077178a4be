"""Requests and answers as numbered lines (issue 25, item 3)."""

from __future__ import annotations

from app.translate.prompt import Instructions, messages, read_answer, without_reasoning


def test_the_last_user_message_holds_only_the_cues_to_translate():
    chat = messages(
        Instructions("French", context="A cooking show", glossary=(("wok", "wok"),)),
        {12: "Hello\nthere", 13: "Bye"},
        {11: "Before"},
        {14: "After"},
    )
    assert chat[0]["role"] == "system" and "French" in chat[0]["content"]
    assert "A cooking show" in chat[0]["content"] and "wok = wok" in chat[0]["content"]
    assert chat[-1] == {"role": "user", "content": "[12] Hello there\n[13] Bye"}
    assert "[11] Before" in chat[1]["content"] and "[14] After" in chat[1]["content"]


def test_reasoning_blocks_are_removed():
    assert without_reasoning("<think>[1] no</think>\n[1] yes") == "\n[1] yes"
    assert read_answer("<think>\n[1] draft\n</think>\n[1] oui\n[2] non", [1, 2]) == {1: "oui", 2: "non"}
    assert read_answer("<think>never closed [1] a [2] b", [1, 2]) is None


def test_lines_are_matched_by_number_whatever_their_order():
    assert read_answer("Here you are:\n[2] deux\n[1] un", [1, 2]) == {1: "un", 2: "deux"}


def test_a_missing_empty_doubled_merged_or_extra_line_rejects_the_answer():
    asked = [1, 2, 3]
    assert read_answer("[1] a\n[3] c", asked) is None  # dropped
    assert read_answer("[1] a\n[2] \n[3] c", asked) is None  # empty
    assert read_answer("[1] a\n[2] b\n[2] b\n[3] c", asked) is None  # doubled
    assert read_answer("[1] a b\n[3] c", asked) is None  # merged
    assert read_answer("[1] a\n[2] b\n[3] c\n[4] d", asked) is None  # added


def test_control_characters_are_removed_and_a_continuation_line_stays_with_its_number():
    assert read_answer("[1] a\x07b\n  more\n[2] c\x1b", [1, 2]) == {1: "ab more", 2: "c"}
