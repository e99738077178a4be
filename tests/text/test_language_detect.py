"""The language of imported cues: script first, Lingua for Latin text, the document's language where it is unsure."""

from __future__ import annotations

import pytest

from app.core.language_guess import LATIN, cue_script_language
from app.text import language_detect
from app.text.language_detect import guess_cue_languages


@pytest.mark.parametrize(
    ("text", "language"),
    [("我不知道你是什么意思。", "Chinese"), ("我们去 Starbucks 吧", "Chinese"), ("佢係我朋友", "Cantonese"),
     ("何を言っているのか分かりません。", "Japanese"), ("OKです", "Japanese"), ("무슨 말인지 모르겠어요.", "Korean"),
     ("Привет, как дела?", "Russian"), ("<i>Hello</i> there", LATIN), ("♪ ♪", ""), ("", "")],
)  # fmt: skip
def test_the_script_decides_first(text, language):
    assert cue_script_language(text) == language


def test_latin_lines_go_through_the_detector_and_cjk_lines_never_do():
    texts = ["I don't know what you mean.", "Je ne sais pas ce que tu veux dire.", "Ich weiß nicht, was du meinst.",
             "No sé lo que quieres decir.", "我们去 Starbucks 吧", "무슨 말인지 모르겠어요."]  # fmt: skip
    assert guess_cue_languages(texts) == ["English", "French", "German", "Spanish", "Chinese", "Korean"]


def test_an_unsure_line_takes_the_documents_language():
    german = ["Ich weiß nicht, was du meinst.", "Wohin gehen wir heute Abend?", "Okay.", "Thank you."]
    assert guess_cue_languages(german) == ["German"] * 4  # Lingua alone gives "Okay." to Tagalog
    chinese = ["我不知道。", "好的。", "Okay."]
    assert guess_cue_languages(chinese) == ["Chinese"] * 3
    assert guess_cue_languages(["東京", "ありがとう。", "こんにちは"])[0] == "Japanese"  # kanji alone in Japanese


def test_languages_already_known_are_kept_and_count_for_the_document():
    texts = ["Okay.", "Hallo zusammen, wie geht es euch?"]
    assert guess_cue_languages(texts, ["", "French"]) == ["French", "French"]


def test_without_lingua_the_common_words_guess_is_used(monkeypatch):
    monkeypatch.setattr(language_detect, "_detector", False)
    texts = ["I don't know what you mean and that is it.", "Okay."]
    assert guess_cue_languages(texts) == ["English", "English"]


def test_a_huge_file_reads_a_bounded_number_of_lines_the_rest_take_the_documents(monkeypatch):
    monkeypatch.setattr(language_detect, "MAX_DETECTED", 2)
    texts = [
        "Ich weiß nicht, was du meinst.",
        "I don't know what you mean.",
        "Wohin gehen wir heute Abend?",
        "Where are we going tonight?",
    ]  # lines read spread over the file: the 1st and the 3rd
    assert guess_cue_languages(texts) == ["German", "German", "German", "German"]
