"""Mapping forced-aligner items back onto the original text.

Items are built the way the installed package builds them: ``_aligner_tokens`` restates
``Qwen3ForceAlignProcessor.encode_timestamp`` (whitespace languages and Chinese, Japanese through nagisa,
Korean through soynlp with the package's dictionary) without importing torch; one slow test checks the
restatement against the real processor.
"""

from __future__ import annotations

import importlib.util
import os
import unicodedata
from dataclasses import dataclass
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.asr.algorithms.wordmap import (
    ALIGNER_LANGUAGES,
    aligner_language,
    aligner_text,
    map_aligned_words,
    supports_alignment,
    words_without_aligner,
)
from app.core.document import Word


@dataclass(frozen=True)
class Item:
    text: str
    start_time: float
    end_time: float


# -- the package's tokenisation, restated ------------------------------------------------------------------
def _kept(ch: str) -> bool:
    return ch == "'" or unicodedata.category(ch)[0] in "LN"


def _clean(token: str) -> str:
    return "".join(c for c in token if _kept(c))


def _ideograph(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
    )  # fmt: skip


@cache
def _nagisa():
    import nagisa

    return nagisa


@cache
def _korean_tokenizer():
    from soynlp.tokenizer import LTokenizer

    spec = importlib.util.find_spec("qwen_asr")  # finds the package without running its (slow) __init__
    assert spec is not None and spec.submodule_search_locations
    path = os.path.join(spec.submodule_search_locations[0], "inference", "assets", "korean_dict_jieba.dict")
    with open(path, encoding="utf-8") as f:
        scores = {line.split()[0]: 1.0 for line in f if line.strip()}
    return LTokenizer(scores=scores)


def _aligner_tokens(text: str, language: str) -> list[str]:
    language = language.lower()
    if language == "japanese":
        return [c for c in (_clean(w) for w in _nagisa().tagging(text).words) if c]
    if language == "korean":
        return [c for c in (_clean(w) for w in _korean_tokenizer().tokenize(text)) if c]
    tokens: list[str] = []
    for seg in text.split():
        buf = ""
        for ch in _clean(seg):
            if _ideograph(ch):
                if buf:
                    tokens.append(buf)
                    buf = ""
                tokens.append(ch)
            else:
                buf += ch
        if buf:
            tokens.append(buf)
    return tokens


def _items(tokens: list[str], step: float = 0.5, length: float = 0.4) -> list[Item]:
    return [Item(t, round(i * step, 3), round(i * step + length, 3)) for i, t in enumerate(tokens)]


def _texts(text: str, words: tuple[Word, ...]) -> list[str]:
    return [text[w.char_start : w.char_end] for w in words]


def _check_invariants(text: str, words: tuple[Word, ...], low: int = 0, high: int | None = None) -> None:
    last_char, last_start, last_end = 0, low, low
    for w in words:
        assert last_char <= w.char_start < w.char_end <= len(text)
        assert low <= last_start <= w.start <= w.end and last_end <= w.end
        assert high is None or w.end <= high
        assert text[w.char_start : w.char_end] == text[w.char_start : w.char_end].strip()
        last_char, last_start, last_end = w.char_end, w.start, w.end
    covered = {p for w in words for p in range(w.char_start, w.char_end)}
    for p, ch in enumerate(text):  # every letter and digit belongs to a word
        if unicodedata.category(ch)[0] in "LN":
            assert p in covered, (p, ch, text)


# -- mapping back --------------------------------------------------------------------------------------------
def test_english_punctuation_attaches_to_its_word() -> None:
    text = '"Hello," she said — “don’t go!” (It’s well-known.) ¿Qué?'
    words = map_aligned_words(text, _items(_aligner_tokens(text, "English")), language="English")
    assert _texts(text, words) == [
        '"Hello,"', "she", "said —", "“don’t", "go!”", "(It’s", "well-known.)", "¿Qué?"
    ]  # fmt: skip
    assert [(w.start, w.end) for w in words[:2]] == [(0, 400), (500, 900)]
    _check_invariants(text, words)


def test_chinese_per_character_with_full_width_punctuation() -> None:
    text = "你好，「世界」！我们用iPhone 15拍照。"
    tokens = _aligner_tokens(text, "Chinese")
    assert tokens == ["你", "好", "世", "界", "我", "们", "用", "iPhone", "15", "拍", "照"]
    words = map_aligned_words(text, _items(tokens), language="zh")
    assert _texts(text, words) == ["你", "好，", "「世", "界」！", "我", "们", "用", "iPhone", "15", "拍", "照。"]
    _check_invariants(text, words)


def test_japanese_after_nfkc_normalisation() -> None:
    text = "東京に行きました。ｶﾞｷﾞ「ＡＢＣ」、㍻です！"
    tokens = _aligner_tokens(text, "Japanese")
    assert "ABC" in tokens and "平成" in tokens  # the aligner sees the NFKC form
    words = map_aligned_words(text, _items(tokens), language="Japanese")
    assert len(words) == len(tokens)
    assert "".join(_texts(text, words)) == text
    assert "「ＡＢＣ」、" in _texts(text, words)
    _check_invariants(text, words)


def test_korean_pieces_from_soynlp() -> None:
    text = "학교에 갔습니다, 그리고 집에 왔어요!"
    tokens = _aligner_tokens(text, "Korean")
    words = map_aligned_words(text, _items(tokens), language="ko")
    assert len(words) == len(tokens)
    assert " ".join(_texts(text, words)).replace(" ", "") == text.replace(" ", "")
    _check_invariants(text, words)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "L'homme qu’on appelle Jean-Pierre est aujourd’hui là, n'est-ce pas ?",
            "French",
            ["L'homme", "qu’on", "appelle", "Jean-Pierre", "est", "aujourd’hui", "là,", "n'est-ce", "pas ?"],
        ),
        (
            "Haus- und Gartenarbeit „macht“ Spaß – oder? Grüße",
            "German",
            ["Haus-", "und", "Gartenarbeit", "„macht“", "Spaß –", "oder?", "Grüße"],
        ),
        ("Rock ’n’ roll isn't dead... is it?", "English", ["Rock", "’n’", "roll", "isn't", "dead...", "is", "it?"]),
    ],
)
def test_apostrophes_and_hyphens(text: str, language: str, expected: list[str]) -> None:
    words = map_aligned_words(text, _items(_aligner_tokens(text, language)), language=language)
    assert _texts(text, words) == expected
    _check_invariants(text, words)


def test_decomposed_accents_and_combining_marks() -> None:
    text = "Cafe\u0301 de\u0301ja\u0300 vu. नमस्ते दुनिया"
    words = map_aligned_words(text, _items(_aligner_tokens(text, "French")))
    assert _texts(text, words) == ["Cafe\u0301", "de\u0301ja\u0300", "vu.", "नमस्ते", "दुनिया"]


def test_repeated_words_keep_their_own_spans() -> None:
    text = "no, no, no! the the the cat"
    words = map_aligned_words(text, _items(_aligner_tokens(text, "English")))
    assert _texts(text, words) == ["no,", "no,", "no!", "the", "the", "the", "cat"]
    assert [w.start for w in words] == [0, 500, 1000, 1500, 2000, 2500, 3000]


def test_mismatched_items_are_skipped_and_the_walk_resynchronises() -> None:
    text = "The quick brown fox jumps over the lazy dog."
    items = _items(["The", "quick", "BANANA", "fox", "jmups", "over", "the", "dog", "extra"])
    words = map_aligned_words(text, items, end_ms=10_000)
    assert _texts(text, words) == ["The", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog."]
    assert (words[3].start, words[5].start) == (1500, 2500)  # matched words keep their own times
    assert words[1].end <= words[2].start <= words[2].end <= words[3].start  # "brown": between its neighbours
    _check_invariants(text, words, high=10_000)


def test_item_covering_part_of_a_word_gets_the_whole_word() -> None:
    text = "unbelievable results"
    words = map_aligned_words(text, _items(["unbeliev", "results"]))
    assert _texts(text, words) == ["unbelievable", "results"]


def test_times_repaired_spread_and_clamped() -> None:
    text = "one two three four five six"
    items = [
        Item("one", 0.0, 0.3), Item("two", 0.3, 0.3), Item("three", 0.3, 0.3),  # zero-length run
        Item("four", 5.0, 5.2), Item("five", 1.0, 1.2),  # out of order
        Item("six", 9.0, 12.0),  # past the end of the audio
    ]  # fmt: skip
    words = map_aligned_words(text, items, offset_ms=1000, end_ms=9500)
    _check_invariants(text, words, low=1000, high=9500)
    assert words[0].start == 1000
    assert words[1].end > words[1].start and words[2].end > words[2].start
    assert words[-1].end == 9500


def test_all_items_piled_on_one_time_are_spread_after_it() -> None:
    text = "a pile of words at the end"
    words = map_aligned_words(text, [Item(t, 270.0, 270.0) for t in text.split()], end_ms=300_000)
    assert all(w.end > w.start for w in words)
    assert words[0].start == 270_000
    _check_invariants(text, words, high=300_000)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -3.0])
def test_garbage_times_do_not_crash(bad: float) -> None:
    words = map_aligned_words("a b c", [Item("a", 0, 0.1), Item("b", bad, bad), Item("c", 0.2, 0.3)])
    _check_invariants("a b c", words)


def test_empty_inputs() -> None:
    assert map_aligned_words("", []) == ()
    assert map_aligned_words("", _items(["ghost"])) == ()
    assert map_aligned_words("…!", []) == ()
    words = map_aligned_words("nothing aligned", [], end_ms=1000)
    assert _texts("nothing aligned", words) == ["nothing", "aligned"]
    assert words_without_aligner("", 0, 1000) == ()


def test_aligner_text_only_changes_what_mapping_ignores() -> None:
    text = "We’re done.Part two starts now,right? 3.5 percent"
    sent = aligner_text(text, "English")
    assert sent == "We're done. Part two starts now, right? 3.5 percent"
    tokens = _aligner_tokens(sent, "English")
    assert tokens[:3] == ["We're", "done", "Part"]
    words = map_aligned_words(text, _items(tokens))
    assert _texts(text, words)[:3] == ["We’re", "done.", "Part"]
    assert aligner_text("你好。世界", "Chinese") == "你好。世界"


def test_languages() -> None:
    assert set(ALIGNER_LANGUAGES) == {"zh", "en", "yue", "fr", "de", "it", "ja", "ko", "pt", "ru", "es"}
    assert aligner_language("ja") == "Japanese"
    assert aligner_language("JAPANESE") == "Japanese"
    assert aligner_language("pt_BR") == "Portuguese"
    assert aligner_language("zh-Hans") == "Chinese"
    assert aligner_language("Cantonese") == "Cantonese"
    assert supports_alignment("de") and supports_alignment("Russian")
    assert not supports_alignment("th") and not supports_alignment("Hindi") and not supports_alignment(None)


def test_words_without_aligner_proportional() -> None:
    text = "Hi, everybody! 你好。"
    words = words_without_aligner(text, 1000, 3000, "en")
    assert _texts(text, words) == ["Hi,", "everybody!", "你", "好。"]
    assert words[0].start == 1000 and words[-1].end == 3000
    assert (words[1].end - words[1].start) > 3 * (words[0].end - words[0].start)
    _check_invariants(text, words, low=1000, high=3000)


# -- properties ----------------------------------------------------------------------------------------------
_PIECES = st.sampled_from(
    ["the", "cat", "don't", "don’t", "well-known", "Jean", "é", "e\u0301", "naïve", "42", "3.5", "你", "好", "世界",
     "、", "，", "。", "!", "?", ",", ".", "—", "-", "'", '"', "“", "”", "(", ")", "«", "»", "¿", "™", "…"]
)  # fmt: skip
_TEXTS = st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", "  ", "\n"])), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# integer milliseconds: nagisa's dynet is built with fast-math, which breaks hypothesis' float strategy
@given(
    text=_TEXTS,
    times=st.lists(st.integers(-1000, 40_000).map(lambda ms: ms / 1000), max_size=80),
    end=st.integers(1, 30_000),
)
def test_property_exact_items_any_times(text: str, times: list[float], end: int) -> None:
    tokens = _aligner_tokens(text, "English")
    items = [
        Item(t, times[2 * i % len(times)] if times else 0.0, times[(2 * i + 1) % len(times)] if times else 0.0)
        for i, t in enumerate(tokens)
    ]
    words = map_aligned_words(text, items, end_ms=end)
    assert len(words) == len([t for t in tokens if t.strip("'")])  # a lone apostrophe is no word
    _check_invariants(text, words, high=end)


@settings(max_examples=150, deadline=None)
@given(text=_TEXTS, data=st.data())
def test_property_mutated_items(text: str, data: st.DataObject) -> None:
    tokens = _aligner_tokens(text, "Chinese")
    ops = data.draw(st.lists(st.tuples(st.sampled_from(["drop", "insert", "garble"]), st.integers(0, 40)), max_size=5))
    for op, at in ops:
        at = at % (len(tokens) + 1)
        if op == "insert":
            tokens.insert(at, data.draw(st.sampled_from(["zzz", "the", "你", "'"])))
        elif tokens and at < len(tokens):
            if op == "drop":
                del tokens[at]
            else:
                tokens[at] = tokens[at][::-1] + "q"
    words = map_aligned_words(text, _items(tokens), language="Chinese", offset_ms=200)
    _check_invariants(text, words, low=200)


# -- the restatement against the installed package ------------------------------------------------------------
@pytest.mark.slow
def test_restated_tokenisation_matches_the_package() -> None:
    pytest.importorskip("torch")
    from qwen_asr.inference.qwen3_forced_aligner import Qwen3ForceAlignProcessor

    processor = Qwen3ForceAlignProcessor()
    samples = {
        "English": ['"Hello," she said — “don’t go!” (It’s well-known.)', "Rock ’n’ roll isn't dead... 3.5 ™ naïve"],
        "French": ["L'homme qu’on appelle Jean-Pierre est aujourd’hui là, n'est-ce pas ?"],
        "German": ["Haus- und Gartenarbeit „macht“ Spaß – oder? Grüße"],
        "Chinese": ["你好，「世界」！我们用iPhone 15拍照。", "混合text和中文"],
        "Japanese": ["東京に行きました。ｶﾞｷﾞ「ＡＢＣ」、㍻です！", "今日はいい天気ですね。"],
        "Korean": ["학교에 갔습니다, 그리고 집에 왔어요!"],
    }
    for language, texts in samples.items():
        for text in texts:
            assert _aligner_tokens(text, language) == processor.encode_timestamp(text, language)[0], (language, text)
