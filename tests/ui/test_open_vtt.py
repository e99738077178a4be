"""A WebVTT file opened in the window (drop, File ▸ Open) is imported as subtitles, not decoded as media."""

from __future__ import annotations


def test_vtt_opens_as_subtitles(window, tmp_path, qtbot):
    path = tmp_path / "captions.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.500 align:start\n<v Ana>Hello there.\n\n"
        "00:00:03.000 --> 00:00:04.000\nSecond line.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(path))
    assert [(c.start, c.end, c.text) for c in window.state.doc] == [
        (1000, 2500, "Ana: Hello there."), (3000, 4000, "Second line."),
    ]  # fmt: skip
    assert window.state.subtitle_path == str(path)
    assert window.files._suggest_name(".srt").endswith("captions.srt")  # export writes SRT beside it
    assert not window.dialogs
