"""ASS and SSA: what the user did not touch comes back byte for byte; karaoke, drawings and styles survive."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.core.commands import MergeWithNext, SetText, SetTimes, SplitCue
from app.core.document import Document
from app.core.undo import UndoStack
from app.formats.registry import read_subtitles, save_like, write_subtitles

FIXTURES = Path(__file__).parent / "fixtures"


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\r\n")


def test_an_untouched_ass_file_is_saved_byte_for_byte(tmp_path):
    path = tmp_path / "k.ass"
    shutil.copy(FIXTURES / "aegisub_karaoke.ass", path)
    original = path.read_bytes()
    source = read_subtitles(path)
    save_like(path, source.cues, source)
    assert path.read_bytes() == original  # BOM, CRLF, garbage section, fonts, comments, karaoke and drawing


def test_an_edit_changes_only_its_own_line(tmp_path):
    path = tmp_path / "k.ass"
    shutil.copy(FIXTURES / "aegisub_karaoke.ass", path)
    before = _lines(path)
    source = read_subtitles(path)
    doc = Document.from_cues(source.cues)
    stack = UndoStack(doc)
    stack.push(SetText(0, "<i>Where</i> are you off to?\nWait for me!"))
    save_like(path, doc.cues, source)
    after = _lines(path)
    changed = [number for number, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    assert after[changed[0]] == (
        b"Dialogue: 0,0:00:01.00,0:00:03.50,Default,Alice,0,0,0,,{\\i1}Where{\\i0} are you off to?\\NWait for me!"
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf[Script Info]\r\n")
    stack.undo()
    save_like(path, doc.cues, source)
    assert _lines(path) == before  # undone: the file is the original again


def test_karaoke_moved_in_time_keeps_its_tags(tmp_path):
    source = read_subtitles(FIXTURES / "aegisub_karaoke.ass")
    doc = Document.from_cues(source.cues)
    UndoStack(doc).push(SetTimes(2, 4500, 7750))
    out = tmp_path / "o.ass"
    save_like(out, doc.cues, source)
    text = out.read_text(encoding="utf-8-sig")
    assert "Dialogue: 0,0:00:04.50,0:00:07.75,Karaoke,,0,0,0,karaoke,{\\k25}Ki{\\k30}mi {\\k40}no {\\kf55}to" in text


def test_editor_text_of_tags_drawings_and_breaks():
    cues = read_subtitles(FIXTURES / "aegisub_karaoke.ass").cues
    assert cues[0].text == "<i>Where</i> are you going?\nWait for me!"
    assert (cues[1].text, cues[1].get("align"), cues[1].get("style")) == ("KONOHA STATION", "8", "Sign")
    assert cues[2].text == "Kimi no tonari"
    assert cues[3].text == ""  # a drawing is not words
    assert cues[4].text == "I heard you. Line one soft break\u00a0and hard space"
    assert cues[5].text == "Last <b>bold</b> line, with, commas" and cues[5].get("actor") == "Alice"


def test_split_and_merge_rebuild_only_their_lines(tmp_path):
    source = read_subtitles(FIXTURES / "aegisub_karaoke.ass")
    doc = Document.from_cues(source.cues)
    stack = UndoStack(doc)
    stack.push(SplitCue(5, 10))  # "Last <b>bo" | "ld</b> line, with, commas": the text changes
    stack.push(MergeWithNext(0))
    out = tmp_path / "o.ass"
    save_like(out, doc.cues, source)
    text = out.read_text(encoding="utf-8-sig")
    assert 'Comment: 0,0:00:11.00,0:00:12.00,Default,,0,0,0,,TL check: "senpai"?' in text
    assert "{\\an8\\pos(960,80)\\fad(200,200)\\c&H3C3CFF&}KONOHA STATION" not in text  # merged into cue 0
    assert text.count("Dialogue:") == 6
    assert read_subtitles(out).cues[0].get("actor") == "Alice"


def test_ssa_reads_and_writes_its_own_flavour(tmp_path):
    source = read_subtitles(FIXTURES / "old.ssa")
    assert source.format == "ssa"
    assert [(c.text, c.get("align"), c.get("actor")) for c in source.cues] == [
        ("At the top", "8", "Narrator"),
        ("Two\nlines", None, None),
    ]
    out = tmp_path / "o.ssa"
    save_like(out, source.cues, source)
    assert out.read_text(encoding="utf-8") == (FIXTURES / "old.ssa").read_text(encoding="utf-8")
    write_subtitles(tmp_path / "o.ass", source.cues)  # SSA to ASS: \a6 becomes \an8, Marked becomes Layer
    converted = (tmp_path / "o.ass").read_text(encoding="utf-8")
    assert "Dialogue: 0,0:00:01.00,0:00:02.50,Default,Narrator,0000,0000,0000,,{\\an8}At the top" in converted
    assert "[V4+ Styles]" in converted


def test_a_broken_event_is_reported_and_kept(tmp_path):
    path = tmp_path / "b.ass"
    text = (FIXTURES / "old.ssa").read_text(encoding="utf-8").replace("ScriptType: v4.00", "ScriptType: v4.00+")
    text = text.replace("Dialogue: Marked=0,0:00:03.00,0:00:04.00,", "Dialogue: Marked=0,0:00:0x.00,0:00:04.00,")
    path.write_text(text, encoding="utf-8")
    source = read_subtitles(path)
    assert len(source.cues) == 1
    assert source.skipped == [f"{path}, line 15: unreadable time, its event was skipped"]
    save_like(path, source.cues, source)
    assert path.read_text(encoding="utf-8") == text  # the line it could not read is still there
