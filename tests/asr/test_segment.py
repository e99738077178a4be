"""Segmentation of timed words into cues: every limit on realistic streams, and invariants on any stream."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.asr.algorithms.segment import segment_words
from app.asr.algorithms.wordmap import words_without_aligner
from app.core.checks import Limits, readability, timing, validate, visible_length
from app.core.document import Cue, Word

ENGLISH = (
    "Well, I suppose we should start at the beginning. It was a cold morning in November, and the train was "
    "late again. Nobody on the platform said a word; we just stood there, staring at the tracks, waiting for "
    'something to happen. Then, out of nowhere, a dog ran across the rails! Everyone gasped. "Is that your '
    "dog?\" asked the woman next to me. I shook my head. It wasn't mine, but I knew exactly whose it was, and "
    "that was the real problem, because the man who owned it had promised the station master, only a week "
    "before, that he would never let it off the lead again. Yes. No. Maybe. "
    "We waited and waited and waited while the announcer apologised for the delay over and over in the same "
    "flat voice that nobody listened to anymore since it never told us anything we did not already know."
)
CHINESE = (
    "今天天气很好，我们一起去公园散步吧。公园里有很多人，有的在跑步，有的在打太极拳，还有的在湖边钓鱼。"
    "孩子们在草地上玩耍，笑声不断。我们走了大约一个小时，然后在湖边的长椅上坐下来休息，看着夕阳慢慢落下。"
    "好。走吧！回家的路上，我们讨论着下个周末要去哪里玩，最后决定去爬山。"
)


def _stream(text: str, cps: float, *, per_char: bool = False) -> tuple[Word, ...]:
    """Words timed like speech: each takes its share at ``cps``; pauses after commas and sentence ends."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S" if per_char else r"\S+", text)]
    words, t = [], 300
    for a, b in pieces:
        if per_char and not text[a].isalnum():  # punctuation belongs to the character before
            prev = words[-1]
            words[-1] = Word(prev.start, prev.end, prev.char_start, b)
            t += 500 if text[a] in "。！？" else 200
            continue
        length = (b - a) * 1000 / cps
        words.append(Word(round(t), round(t + length), a, b))
        t += length + 60
        if text[b - 1] in ".!?":
            t += 600
        elif text[b - 1] in ",;":
            t += 200
    return tuple(words)


def _assert_structure(text: str, words: tuple[Word, ...], cues: list[Cue], audio_end: int | None) -> None:
    assert validate(cues) == []
    for cue in cues:
        assert 0 <= cue.start < cue.end and (audio_end is None or cue.end <= audio_end)
        for w in cue.words:
            assert 0 <= w.char_start <= w.char_end <= len(cue.text)
            assert cue.start <= w.start <= w.end <= cue.end
    # all words, in order, with their own text
    assert [c.word_text(w) for c in cues for w in c.words] == [
        re.sub(r"\s+", " ", text[w.char_start : w.char_end]).strip() for w in words
    ]
    assert re.sub(r"\s", "", "".join(c.text for c in cues)) == re.sub(r"\s", "", text)  # no character lost


def _assert_limits(cues: list[Cue], limits: Limits) -> None:
    assert readability(cues, limits) == []
    assert [p for p in timing(cues, limits) if p.kind != "too_short" or p.index < len(cues) - 1] == []
    for cue, nxt in itertools.pairwise(cues):
        assert nxt.start - cue.end >= limits.min_gap_ms
        assert cue.end - cue.words[-1].end <= max(
            500, limits.min_duration_ms, round(visible_length(cue.text) / 17 * 1000)
        )


def test_long_english_stream_meets_every_limit() -> None:
    words = _stream(ENGLISH, 14.0)
    end = words[-1].end + 2000
    cues = segment_words(ENGLISH, words, language="en", audio_end_ms=end)
    _assert_structure(ENGLISH, words, cues, end)
    _assert_limits(cues, Limits())
    assert len(cues) >= 12
    assert not {"Yes.", "No.", "Maybe."} & {c.text for c in cues}  # one-word sentences merged


def test_long_chinese_stream_meets_every_limit() -> None:
    words = _stream(CHINESE, 5.0, per_char=True)
    end = words[-1].end + 1000
    limits = Limits.for_language("Chinese")
    cues = segment_words(CHINESE, words, language="Chinese", audio_end_ms=end)
    _assert_structure(CHINESE, words, cues, end)
    _assert_limits(cues, limits)
    assert all(max(len(line) for line in c.text.split("\n")) <= 16 for c in cues)
    assert any("\n" in c.text for c in cues)


def test_line_break_balanced_and_after_punctuation() -> None:
    text = "Then, out of nowhere, a big brown dog ran across the rails in front of us."
    cues = segment_words(text, _stream(text, 12.0), limits=Limits())
    assert len(cues) == 1
    top, bottom = cues[0].text.split("\n")
    assert (top, bottom) == ("Then, out of nowhere,", "a big brown dog ran across the rails in front of us.") or abs(
        len(top) - len(bottom)
    ) <= 12
    assert not top.endswith((" a", " the"))


def test_line_break_evens_lines_without_punctuation() -> None:
    text = "we waited for the train for a very long time in the cold wind"
    top, bottom = segment_words(text, _stream(text, 12.0))[0].text.split("\n")
    assert abs(len(top) - len(bottom)) <= 6


def test_short_cue_extends_into_silence_and_keeps_the_gap() -> None:
    text = "Yes. Later we talked."
    words = (Word(1000, 1200, 0, 4), Word(5000, 5400, 5, 10), Word(5400, 5600, 11, 13), Word(5600, 6000, 14, 21))
    cues = segment_words(text, words, audio_end_ms=6300)
    assert [c.text for c in cues] == ["Yes.", "Later we talked."]
    assert cues[0].start == 1000 and cues[0].end >= 1000 + 833
    assert cues[1].end <= 6300


def test_close_sentences_get_the_minimum_gap() -> None:
    text = "First sentence here. Second one follows at once."
    w = _stream(text, 15.0)
    squeezed = tuple(
        Word(x.start - 600 * (i >= 3), x.end - 600 * (i >= 3), x.char_start, x.char_end) for i, x in enumerate(w)
    )
    cues = segment_words(text, squeezed, pause_split_ms=1000)
    for a, b in itertools.pairwise(cues):
        assert b.start - a.end >= 83


def test_linger_is_at_most_half_a_second_when_nothing_else_needs_time() -> None:
    text = "This sentence is long enough to be read in its own time easily."
    words = _stream(text, 10.0)
    cue = segment_words(text, words, audio_end_ms=60_000)[0]
    assert cue.end - words[-1].end == 500


def test_long_speech_without_punctuation_splits_at_the_longest_pause() -> None:
    text = "so we went down to the river and then we sat there for hours and hours watching the boats go by"
    words = list(_stream(text, 14.0))
    k = text.split().index("then")
    words = [
        Word(w.start + 900 * (i >= k), w.end + 900 * (i >= k), w.char_start, w.char_end) for i, w in enumerate(words)
    ]
    cues = segment_words(text, words)
    assert cues[0].text.replace("\n", " ") == "so we went down to the river and"


def test_fast_speech_is_not_cut_into_single_words() -> None:
    text = "I really cannot believe you actually did that without telling anyone at all"
    cues = segment_words(text, _stream(text, 30.0))
    assert all(len(c.words) >= 3 for c in cues)


def test_pile_up_at_the_audio_end() -> None:
    text = "these words all landed on the very same time at the end of the file"
    words = tuple(Word(9990, 9990, m.start(), m.end()) for m in re.finditer(r"\S+", text))
    cues = segment_words(text, words, audio_end_ms=10_000)
    _assert_structure(text, words, cues, 10_000)


def test_words_piled_up_by_the_aligner_make_no_unreadable_cue() -> None:
    """A tiny random checkpoint's aligner gave cues of 1 ms and 74 ms: none is left under the minimum."""
    text = "So. What now? I do not know. Nobody knows anything here. Fine."
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    times = [(1000, 1001), (1001, 1001), (1001, 1075), *[(5000 + 300 * i, 5300 + 300 * i) for i in range(9)]]
    words = tuple(Word(s, e, a, b) for (s, e), (a, b) in zip(times, spans, strict=True))
    cues = segment_words(text, words, audio_end_ms=20_000)
    _assert_structure(text, words, cues, 20_000)
    limits = Limits()
    assert [p for p in timing(cues, limits) if p.kind in ("too_short", "gap")] == []


def test_times_beyond_the_audio_are_clamped() -> None:
    text = "one two three"
    words = (Word(0, 500, 0, 3), Word(600, 20_000, 4, 7), Word(30_000, 31_000, 8, 13))
    cues = segment_words(text, words, audio_end_ms=5000)
    _assert_structure(text, words, cues, 5000)


def test_empty_and_invalid() -> None:
    assert segment_words("", []) == []
    with pytest.raises(ValueError):
        segment_words("ab", [Word(0, 1, 1, 2), Word(1, 2, 0, 1)])
    with pytest.raises(ValueError):
        segment_words("ab", [Word(0, 1, 0, 5)])


def test_leading_and_trailing_text_stays_with_the_cues() -> None:
    text = "- Hello there.  (laughs) "
    cues = segment_words(text, (Word(0, 400, 2, 7), Word(450, 800, 8, 14)))
    assert segment_words(text, (Word(0, 400, 2, 8), Word(450, 800, 8, 14)))[0].text == cues[0].text
    assert cues[0].text == "- Hello there.  (laughs)".replace("  ", " ")


# -- properties ----------------------------------------------------------------------------------------------
_TOKENS = st.sampled_from(
    ["the", "cat", "sat,", "on", "mat.", "Why?", "well-known", "“quoted”", "(aside)", "你", "好，", "世界。", "a", "I",
     "extraordinarily", "!", "—", "don’t"]
)  # fmt: skip


@st.composite
def _word_streams(draw: st.DrawFn) -> tuple[str, tuple[Word, ...], int | None]:
    tokens = draw(st.lists(st.tuples(_TOKENS, st.sampled_from([" ", "", "\n", "  "])), min_size=1, max_size=60))
    text, spans = "", []
    for token, sep in tokens:
        spans.append((len(text), len(text) + len(token)))
        text += token + sep
    t, words = draw(st.integers(0, 2000)), []
    for a, b in spans:
        t += draw(st.sampled_from([0, 0, 50, 120, 300, 900, 2500]))
        length = draw(st.sampled_from([0, 80, 200, 400, 1200]))
        words.append(Word(t, t + length, a, b))
        t += length
    end = draw(st.one_of(st.none(), st.integers(1, t + 3000)))
    return text, tuple(words), end


@settings(max_examples=200, deadline=None)
@given(stream=_word_streams(), language=st.sampled_from(["en", "zh", "ja"]))
def test_property_invariants(stream: tuple[str, tuple[Word, ...], int | None], language: str) -> None:
    text, words, end = stream
    cues = segment_words(text, words, language=language, audio_end_ms=end)
    _assert_structure(text, words, cues, end)
    assert all(c.text.count("\n") < 2 for c in cues)


@settings(max_examples=60, deadline=None)
@given(sentences=st.lists(st.integers(3, 25), min_size=1, max_size=12), cps=st.sampled_from([10.0, 13.0, 15.0]))
def test_property_realistic_streams_meet_limits(sentences: list[int], cps: float) -> None:
    vocab = ["morning", "we", "walked", "to", "the", "station", "and", "waited", "for", "a", "train", "that", "never"]
    parts = []
    for n, size in enumerate(sentences):
        body = " ".join(vocab[(n + i * 7) % len(vocab)] for i in range(size))
        parts.append(body.capitalize() + (", then " + vocab[n % len(vocab)] if size > 12 else "") + ".")
    text = " ".join(parts)
    words = _stream(text, cps)
    end = words[-1].end + 1500
    cues = segment_words(text, words, audio_end_ms=end)
    _assert_structure(text, words, cues, end)
    _assert_limits(cues, Limits())


def test_works_with_fallback_words() -> None:
    text = ENGLISH[:300]
    words = words_without_aligner(text, 0, 20_000, "en")
    cues = segment_words(text, words, audio_end_ms=20_000)
    _assert_structure(text, words, cues, 20_000)
    assert readability(cues, Limits()) == []


@settings(max_examples=150, deadline=None)
@given(stream=_word_streams())
def test_property_no_cue_under_the_minimum_when_there_is_room(stream) -> None:
    text, words, _end = stream
    cues = segment_words(text, words)  # no audio end: there is always room after the last word
    _assert_structure(text, words, cues, None)
    limits = Limits()
    assert all(b.start - a.end >= limits.min_gap_ms for a, b in itertools.pairwise(cues))
    assert all(c.duration >= limits.min_duration_ms for c in cues), cues


def test_words_piled_at_the_end_are_spread_back_to_the_reading_speed():
    """An aligner that places every word late (random or confused models do): the cues move back into the free
    time before them, keeping their order, so none is read faster than the profile allows."""
    from app.core.checks import Limits, chars_per_second, over_reading_speed

    text = "then willmar then then willmar vmar vmar vmar vmar vmar vmar and more words here at the end"
    words, pos = [], 0
    for k, token in enumerate(text.split(" ")):
        start = text.index(token, pos)
        pos = start + len(token)
        words.append(Word(13_000 + 150 * k, 13_000 + 150 * k + 140, start, pos))
    limits = Limits(max_cps=12.0)
    cues = segment_words(text, words, language="English", limits=limits, audio_end_ms=16_500)
    assert " ".join(c.text.replace("\n", " ") for c in cues) == text
    assert all(not over_reading_speed(chars_per_second(c), 12.0) for c in cues), [(c.start, c.end) for c in cues]
    assert all(a.end + limits.min_gap_ms <= b.start for a, b in itertools.pairwise(cues))
    assert cues[-1].end <= 16_500
