"""Each cue's language written where a format keeps one, and read back: TTML xml:lang (per p where cues differ,
never xml:lang=""), WebVTT's "Language:" header line, ASS's [Script Info] Language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.core.document import Cue
from app.formats.registry import read_subtitles, write_subtitles

LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _cues(*languages: str) -> list[Cue]:
    texts = {"Chinese": "我们去 Starbucks 吧", "English": "Thank you.", "Japanese": "ありがとう。", "": "…"}
    return [Cue(1000 * i, 1000 * i + 800, texts[lang], language=lang) for i, lang in enumerate(languages)]


def _ps(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.tag.endswith("}p")]


def test_ttml_one_language_on_tt_a_cues_own_on_its_p(tmp_path):
    path = tmp_path / "mixed.ttml"
    write_subtitles(path, _cues("Chinese", "Chinese", "English", ""))
    root = ET.parse(path).getroot()
    assert root.get(LANG) == "zh"
    assert [p.get(LANG) for p in _ps(root)] == [None, None, "en", None]
    assert [c.language for c in read_subtitles(path).cues] == ["Chinese", "Chinese", "English", "Chinese"]
    write_subtitles(path, _cues("Japanese", "Japanese"))
    root = ET.parse(path).getroot()
    assert root.get(LANG) == "ja" and all(p.get(LANG) is None for p in _ps(root))


def test_ttml_never_writes_an_empty_language(tmp_path):
    path = tmp_path / "unknown.ttml"
    write_subtitles(path, _cues("", ""))
    assert 'xml:lang=""' not in path.read_text()
    assert ET.parse(path).getroot().get(LANG) == "und"
    assert [c.language for c in read_subtitles(path).cues] == ["", ""]  # "und" reads as not known


def test_webvtt_language_header_written_and_read(tmp_path):
    path = tmp_path / "zh.vtt"
    write_subtitles(path, _cues("Chinese", "English", "Chinese"))
    assert path.read_text().startswith("WEBVTT\nLanguage: zh\n\n")
    assert [c.language for c in read_subtitles(path).cues] == ["Chinese"] * 3
    youtube = tmp_path / "yt.vtt"
    youtube.write_text("WEBVTT\nKind: captions\nLanguage: en-US\n\n00:00.000 --> 00:01.000\nHi\n", "utf-8")
    assert [c.language for c in read_subtitles(youtube).cues] == ["English"]
    write_subtitles(path, _cues("", ""))
    assert "Language" not in path.read_text()


def test_ass_script_info_language_written_and_read(tmp_path):
    path = tmp_path / "ja.ass"
    write_subtitles(path, _cues("Japanese", "Japanese"))
    text = path.read_text()
    assert "ScriptType: v4.00+\nLanguage: ja\n" in text
    back = read_subtitles(path)
    assert [c.language for c in back.cues] == ["Japanese", "Japanese"]
    from app.formats.registry import save_like

    save_like(path, [c.with_(language="Chinese") for c in back.cues], back)  # the file's own head, updated
    text = path.read_text()
    assert "Language: zh" in text and "Language: ja" not in text
    save_like(path, list(read_subtitles(path).cues), read_subtitles(path))
    assert path.read_text() == text  # unchanged when the language is


def test_ass_without_a_language_keeps_its_head(tmp_path):
    path = tmp_path / "none.ass"
    write_subtitles(path, _cues("", ""))
    assert "Language" not in path.read_text()
