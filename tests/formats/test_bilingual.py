"""Delivering a translation (issue 25, item 5): bilingual SRT and WebVTT, the translation alone, two files."""

from __future__ import annotations

from pathlib import Path

from app.core.document import Cue, Word
from app.formats.bilingual import TRANSLATION_FIRST, bilingual_cues, translation_cues, two_file_paths
from app.formats.registry import by_name, format_subtitles

CUES = [
    Cue(1000, 2000, "你好", (Word(1000, 1500, 0, 2),), translation="Hello"),
    Cue(3000, 4000, "再见", translation=""),
]


def test_bilingual_srt_puts_the_original_first_or_the_translation():
    text, _ = format_subtitles(bilingual_cues(CUES), by_name("srt"))
    assert "00:00:01,000 --> 00:00:02,000\n你好\nHello\n" in text and "再见\n" in text
    text, _ = format_subtitles(bilingual_cues(CUES, TRANSLATION_FIRST), by_name("srt"))
    assert "\nHello\n你好\n" in text


def test_bilingual_webvtt_has_two_lines_a_cue():
    text, _ = format_subtitles(bilingual_cues(CUES), by_name("vtt"))
    assert text.startswith("WEBVTT") and "00:00:01.000 --> 00:00:02.000\n你好\nHello\n" in text


def test_the_translation_alone_keeps_an_untranslated_cue_as_it_was():
    cues = translation_cues(CUES, "English")
    assert [(c.text, c.language, c.words) for c in cues] == [("Hello", "English", ()), ("再见", "", ())]


def test_two_files_are_named_by_language():
    assert two_file_paths("out/film.srt", "Chinese", "English") == (Path("out/film.zh.srt"), Path("out/film.en.srt"))
    assert two_file_paths("film.vtt", "", "Brazilian Portuguese")[1] == Path("film.brazilian-portuguese.vtt")


def test_bilingual_ass_has_two_styles_and_an_event_for_each_language():
    from app.formats.base import WriteOptions
    from app.formats.bilingual import bilingual_ass

    events, header = bilingual_ass(CUES)
    text, _ = format_subtitles(events, by_name("ass"), WriteOptions(header=header))
    assert "Style: Default,Arial,72," in text and "Style: Translation,Arial,54," in text
    dialogue = [line for line in text.splitlines() if line.startswith("Dialogue:")]
    assert dialogue == [
        "Dialogue: 0,0:00:01.00,0:00:02.00,Translation,,0,0,0,,Hello",  # under: written first
        "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好",
        "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,再见",
    ]
    assert bilingual_ass(CUES, TRANSLATION_FIRST)[0][0].text == "你好"


def test_bilingual_ttml_has_one_div_a_language():
    from app.formats.base import WriteOptions
    from app.formats.bilingual import bilingual_ttml

    cues, header = bilingual_ttml(CUES, "Chinese", "English")
    text, _ = format_subtitles(cues, by_name("ttml"), WriteOptions(header=header))
    assert text.count("<div") == 2 and '<div xml:lang="zh">' in text and '<div xml:lang="en">' in text
    assert text.index('<div xml:lang="zh">') < text.index(">你好</p>") < text.index('<div xml:lang="en">')
    assert text.index('<div xml:lang="en">') < text.index(">Hello</p>")
    plain, _ = format_subtitles(CUES, by_name("ttml"))
    assert plain.count("<div>") == 1  # other files as before


def test_a_json_file_keeps_each_cues_translation_beside_its_text(tmp_path):
    """JSON is for other tools: ``file_cues`` leaves the translation a field of its cue, and it reads back."""
    from app.formats.bilingual import file_cues
    from app.formats.registry import read_subtitles, write_subtitles

    cues = [Cue(0, 900, "Hello.", translation="Bonjour."), Cue(1000, 1900, "Bye.")]
    events, header = file_cues(cues, "json", "English", "French")
    assert events == cues and header is None
    write_subtitles(tmp_path / "a.json", events)
    assert [(c.text, c.translation) for c in read_subtitles(tmp_path / "a.json").cues] == [
        ("Hello.", "Bonjour."), ("Bye.", ""),
    ]  # fmt: skip
    only, _ = file_cues(cues, "srt", "English", "French", bilingual=False)
    assert [c.text for c in only] == ["Bonjour.", "Bye."]
