"""The checker with pyspellchecker's real English (and French) dictionary."""

from __future__ import annotations

import sys

import pytest

from app.text import spellcheck


@pytest.fixture(scope="module")
def english():
    dictionary = spellcheck.load("English")
    assert dictionary is not None
    return dictionary


def test_importing_loads_nothing():
    import importlib
    import subprocess

    importlib.import_module("app.text.spellcheck")
    code = "import app.text.spellcheck, sys; print('spellchecker' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_misspelled_words_are_found_with_their_spans(english):
    text = "I recieve the <i>mesage</i>, don't worry: NASA's well-known URL is https://qwen.ai."
    spans = english.misspelled(text)
    assert [text[a:b] for a, b in spans] == ["recieve", "mesage"]


def test_suggestions_rank_by_frequency_and_keep_capitals(english):
    assert english.suggestions("recieve")[0] == "receive"
    assert english.suggestions("Recieve")[0] == "Receive"
    assert english.suggestions("wrold")[:1] == ["world"]
    assert len(english.suggestions("helo")) <= spellcheck.SUGGESTIONS
    assert english.suggestions("qwertyuiopasdfgh") == []  # long nonsense: no slow distance-2 search


def test_extra_words_are_right(english):
    assert english.misspelled("Qwen speaks", extra={"qwen"}) == []
    assert english.misspelled("Qwen speaks") == [(0, 4)]


def test_language_without_a_dictionary_gives_none():
    assert spellcheck.load("Chinese") is None
    assert spellcheck.load(None) is None
    assert spellcheck.loaded("Japanese") is None


def test_french_elision():
    french = spellcheck.load("fr")
    assert french is not None
    assert french.misspelled("l'homme et aujourd'hui") == []
    assert [w for w in ("l'hommme",) if french.misspelled(w)] == ["l'hommme"]


def test_latin_words_inside_a_chinese_line_are_checked_in_english(english):
    from app.core.spelling import dictionary_for

    wrong, right = "我们去Starbcks喝咖啡，好吗？", "我们去 Starbucks 喝咖啡，好吗？"
    code = dictionary_for("Chinese", wrong)
    assert code == "en"
    assert [wrong[a:b] for a, b in spellcheck.load(code).misspelled(wrong)] == ["Starbcks"]
    assert english.misspelled(right) == []
    assert english.misspelled("我们今天去看电影。東京に行きます。안녕하세요") == []  # CJK never flagged
