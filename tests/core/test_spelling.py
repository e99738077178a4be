"""What the spell checker looks at: tokens of subtitle text, the dictionary for a language, the word list."""

from __future__ import annotations

import pytest

from app.core.spelling import clean_word_list, dictionary_code, tokens, with_word


def words(text: str) -> list[str]:
    return [text[a:b] for a, b in tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello, world!", ["Hello", "world"]),
        ("I don't know", ["don't", "know"]),  # single letters are not looked up
        ("l'homme et l’école", ["l'homme", "et", "l’école"]),
        ("a well-known fact", ["well", "known", "fact"]),  # hyphens separate words
        ("{\\i1}Helo{\\i0} <i>wrold</i>", ["Helo", "wrold"]),  # tags skipped, words inside kept
        ('<font color="#ff0000">red</font>', ["red"]),
        ("see https://example.com/foo-bar or www.qwen.ai", ["see", "or"]),
        ("mail me@example.org now", ["mail", "now"]),
        ("mp3 files at 3rd 10:30 and 2024", ["files", "at", "and"]),  # words with digits and numbers skipped
        ("NASA and the BBC", ["and", "the"]),  # acronyms skipped
        ("snake_case word", ["word"]),
        ("Привет мир", ["Привет", "мир"]),
        ("", []),
    ],
)
def test_tokens(text, expected):
    assert words(text) == expected


def test_spans_point_into_the_text_for_underlining():
    text = "<i>Helo</i> wrold"
    assert tokens(text) == [(3, 7), (12, 17)]


@pytest.mark.parametrize(
    ("language", "code"),
    [("English", "en"), ("en", "en"), ("en-US", "en"), ("french", "fr"), ("German", "de"), ("Persian", "fa"),
     ("Chinese", None), ("Japanese", None), ("zh", None), (None, None), ("", None), ("Klingon", None)],
)  # fmt: skip
def test_dictionary_follows_the_language(language, code):
    assert dictionary_code(language) == code


def test_word_list_is_cleaned():
    assert clean_word_list(["Qwen", "qwen", " Aegisub ", "two words", "", 3, None, "x" * 65, "Qwen"]) == [
        "Aegisub", "Qwen", "qwen",
    ]  # fmt: skip
    assert clean_word_list("Qwen") == [] and clean_word_list(None) == []
    assert with_word(["Qwen"], "Aegisub") == ["Aegisub", "Qwen"]
    assert with_word(["Qwen"], "Qwen") == ["Qwen"]


# -- issue 24: each cue in its language ------------------------------------------------------------------------
def test_han_kana_and_hangul_are_never_words_to_check():
    from app.core.spelling import tokens

    for text in ("我们今天去看电影", "東京に行きます", "안녕하세요 여러분", "佢哋去咗𠝹嘢"):
        assert tokens(text) == [], text
    line = "我们去Starbcks喝咖啡，OK吗？还有 iPhone呢"
    assert [line[a:b] for a, b in tokens(line)] == ["Starbcks", "iPhone"]  # OK: an acronym, as ever


def test_the_dictionary_of_a_cue_by_its_language():
    from app.core.spelling import dictionaries_needed, dictionary_code, dictionary_for

    assert dictionary_for("Chinese", "我们去 Starbucks") == "en"  # Latin words of a CJK line: English
    assert dictionary_for("Cantonese", "佢去 Starbucks", english="GB") == "en_GB"
    assert dictionary_for("Japanese", "Tokyo e ikimasu") is None  # romaji is not English
    assert dictionary_for("French", "Bonjour") == "fr"
    assert dictionary_for("Thai", "sawasdee") is None  # no dictionary: nothing underlined
    assert dictionary_for("", "hello") is None
    assert dictionary_for("Chinese", "我们去 Starbucks", chosen="German") == "de"  # the user's choice for all
    assert dictionary_code("en-GB") == "en_GB" and dictionary_code("English", "GB") == "en_GB"
    assert dictionary_code("en_US", "GB") == "en_GB" and dictionary_code("en-US") == "en"
    assert dictionaries_needed({"Chinese", "French", "Thai"}) == {"en", "fr"}
    assert dictionaries_needed({"Chinese"}, chosen="Dutch") == {"nl"}
