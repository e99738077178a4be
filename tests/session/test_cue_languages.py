"""Imported subtitles get a language on every cue: what the file says, else a guess from the text."""

from __future__ import annotations

from app.session.subtitle_files import load_subtitles


def _srt(path, lines):
    blocks = [f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{text}\n" for i, text in enumerate(lines, start=1)]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def test_an_imported_file_has_a_language_on_every_cue(tmp_path):
    lines = ["我不知道你是什么意思。", "我们去 Starbucks 吧", "Okay.", "무슨 말인지 모르겠어요.",
             "I don't know what you mean.", "何を言っているのか分かりません。"]  # fmt: skip
    result = load_subtitles(_srt(tmp_path / "mixed.srt", lines))
    assert [c.language for c in result.cues] == ["Chinese", "Chinese", "Chinese", "Korean", "English", "Japanese"]


def test_a_language_the_file_gives_is_kept(tmp_path):
    path = tmp_path / "fr.ttml"
    path.write_text(
        '<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="fr"><body><div>'
        '<p begin="1s" end="2s">Okay.</p><p begin="3s" end="4s" xml:lang="en">Thank you so much for coming.</p>'
        "</div></body></tt>",
        encoding="utf-8",
    )
    assert [c.language for c in load_subtitles(path).cues] == ["French", "English"]
