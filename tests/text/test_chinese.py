"""Simplified ↔ Traditional Chinese with OpenCC (app.text.chinese): phrase level, text only, words kept valid."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.core.document import Cue, Word
from app.core.errors import AppError
from app.text.chinese import CONFIGS, ChineseConversionError, config_name, convert_cues, convert_text


def _chars(text: str, start: int = 0, step: int = 100) -> tuple[Word, ...]:
    """One word a character (as the aligner times Chinese), ``step`` ms each."""
    return tuple(Word(start + i * step, start + (i + 1) * step, i, i + 1) for i in range(len(text)))


def _spans_valid(cue: Cue) -> bool:
    previous = 0
    for w in cue.words:
        if not (previous <= w.char_start < w.char_end <= len(cue.text)) or w.start > w.end:
            return False
        previous = w.char_end
    return True


def test_characters_and_phrases():
    assert convert_text("汉字", "s2t") == "漢字"
    assert convert_text("漢字", "t2s") == "汉字"
    assert convert_text("软件", "s2twp") == "軟體"  # Taiwan's word, not the character-by-character 軟件
    assert convert_text("鼠标", "s2twp") == "滑鼠"
    assert convert_text("软件", "s2t") == "軟件"  # plain s2t keeps the mainland word
    assert convert_text("軟體", "tw2sp") == "软件"


def test_every_listed_configuration_loads():
    for name in CONFIGS:
        assert isinstance(convert_text("汉字", name), str)


def test_only_the_text_changes():
    cues = [
        Cue(1000, 2500, "汉字\n软件", edited=True, extra=(("style", "Top"),)),
        Cue(3000, 4000, "OK 东京 <i>English</i>", locked=True),
        Cue(5000, 6000, "no Chinese at all"),
    ]
    out = convert_cues(cues, "s2twp")
    assert [c.text for c in out] == ["漢字\n軟體", "OK 東京 <i>English</i>", "no Chinese at all"]
    assert [(c.start, c.end, c.edited, c.locked, c.extra) for c in out] == [
        (c.start, c.end, c.edited, c.locked, c.extra) for c in cues
    ]
    assert out[2] is cues[2]  # unchanged cues are the same objects


def test_words_of_a_longer_phrase_become_one_word():
    """内存 -> 記憶體 (two characters become three): the two words become one over the phrase, times joined."""
    cue = Cue(0, 600, "我的内存不够", _chars("我的内存不够"))
    (out,) = convert_cues([cue], "s2twp")
    assert out.text == "我的記憶體不夠"
    assert [(out.word_text(w), w.start, w.end) for w in out.words] == [
        ("我", 0, 100),
        ("的", 100, 200),
        ("記憶體", 200, 400),
        ("不", 400, 500),
        ("夠", 500, 600),
    ]
    assert _spans_valid(out)


def test_words_of_a_reordered_phrase_never_point_at_the_wrong_character():
    """鼠标 -> 滑鼠: same length, but 鼠 moves; its word must not now cover 滑."""
    cue = Cue(0, 500, "鼠标 软件", (Word(0, 100, 0, 1), Word(100, 200, 1, 2), Word(300, 500, 3, 5)))
    (out,) = convert_cues([cue], "s2twp")
    assert out.text == "滑鼠 軟體"
    assert [(out.word_text(w), w.start, w.end) for w in out.words] == [("滑鼠", 0, 200), ("軟體", 300, 500)]


def test_words_over_mixed_text_keep_their_spans():
    text = "我用 Windows 软件"
    words = (Word(0, 100, 0, 1), Word(100, 200, 1, 2), Word(200, 700, 3, 10), Word(700, 900, 11, 13))
    (out,) = convert_cues([Cue(0, 900, text, words)], "s2twp")
    assert out.text == "我用 Windows 軟體"
    assert [out.word_text(w) for w in out.words] == ["我", "用", "Windows", "軟體"]


@pytest.mark.parametrize("config", ["s2t", "s2twp", "s2hk", "t2s", "tw2sp"])
@pytest.mark.parametrize(
    "text", ["U盘和内存", "我们的软件用鼠标", "台湾的出租车和信息", "記憶體與隨身碟", "网络 OK 打印机", ""]
)
def test_words_stay_valid_whatever_the_phrases(config, text):
    cue = Cue(0, 100 * len(text) + 100, text, _chars(text))
    (out,) = convert_cues([cue], config)
    assert _spans_valid(out)
    assert sum(1 for _ in out.words) <= len(cue.words)
    if cue.words:  # every word's time survives in some word: nothing is lost at the ends
        assert out.words[0].start == 0 and out.words[-1].end == cue.words[-1].end
        assert out.words[-1].char_end == len(out.text)


def test_an_unknown_configuration_names_the_valid_ones():
    with pytest.raises(ChineseConversionError) as caught:
        config_name("s2x")
    text = str(caught.value)
    assert "\n" not in text and "'s2x'" in text
    assert all(name in text for name in ("s2t", "t2s", "s2twp", "tw2sp", "hk2s"))
    assert isinstance(caught.value, AppError) and caught.value.message is not None
    assert config_name(" S2TWP.json ") == "s2twp"  # OpenCC's file name, any case, is the same configuration


def test_opencc_is_imported_on_first_conversion_only():
    code = (
        "import sys, app.text.chinese, app.cli.subtitles\n"
        "assert 'opencc' not in sys.modules\n"
        "app.text.chinese.convert_text('汉字', 's2t')\n"
        "assert 'opencc' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
