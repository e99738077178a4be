"""The painter the picture pane and the burn share (issue 26, item 2): a cue's overlay is cut to what it covers,
cues the formats keep at the top ({\\an8} kept as an "align" field, a WebVTT line) are drawn at the top, and the
renderer uses QtGui alone so the command line can load it without widgets."""

from __future__ import annotations

import ast
from pathlib import Path

from app.core.document import Cue
from app.render.subtitles import cue_overlay, cue_wants_top
from app.session.subtitle_files import load_subtitles

ROOT = Path(__file__).parents[2]


def test_the_formats_top_fields_put_a_cue_at_the_top(tmp_path):
    srt = tmp_path / "top.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}At the top\n")
    cue = load_subtitles(srt).cues[0]
    assert cue.text == "At the top" and cue_wants_top(cue)  # the reader keeps {\an8} as the cue's "align"
    assert cue_wants_top(Cue(0, 1, "x", extra=(("vtt.settings", "line:0 align:center"),)))
    assert not cue_wants_top(Cue(0, 1, "x", extra=(("align", "2"),)))


def test_an_overlay_is_cut_to_the_text_and_sits_where_the_cue_asks(qapp):
    bottom = cue_overlay(Cue(0, 1000, "Hello <i>there</i>"), 640, 360)
    top = cue_overlay(Cue(0, 1000, "Up here", extra=(("align", "8"),)), 640, 360)
    assert bottom is not None and top is not None
    (y, x, pixels), (y_top, _, up) = bottom, top
    assert pixels.shape[2] == 4 and pixels[:, :, 3].max() == 255  # opaque text, transparent around it
    assert y > 360 * 0.7 and y + pixels.shape[0] < 360 and 0 < x < 320
    assert y_top + up.shape[0] < 360 * 0.3
    white = (pixels[:, :, :3].min(axis=2) > 240) & (pixels[:, :, 3] == 255)
    assert white.any() and (pixels[:, :, 3] == 0).any()  # white letters in a black outline
    assert cue_overlay(Cue(0, 1000, "<i></i>"), 640, 360) is None


def test_the_renderer_uses_qtgui_and_qtcore_alone():
    modules: set[str] = set()
    for path in (ROOT / "app" / "render").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules.add(node.module)
            elif isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
    qt = {m for m in modules if m.startswith("PySide6")}
    assert qt == {"PySide6.QtCore", "PySide6.QtGui"}
