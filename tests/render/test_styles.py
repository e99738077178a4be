"""The renderer draws in the document's style (issue 26, item 3): the default style draws as before styles, the
colours, shadow and position are the style's, CJK text in a font without it falls back to a font of its region, and
the burn's overlay carries the translation as the picture pane shows it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter

from app.core.document import Cue
from app.core.styles import DEFAULT_STYLE, SubtitleStyle
from app.render.fallback import candidates, font_for, has_glyphs, writing_system
from app.render.subtitles import cue_overlay, ensure_gui, paint_subtitle


def render(text: str, style: SubtitleStyle = DEFAULT_STYLE, **kw) -> tuple[np.ndarray, list[QRectF]]:
    ensure_gui()
    image = QImage(640, 360, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    rects = paint_subtitle(painter, QRectF(0, 0, 640, 360), text, style=style, **kw)
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes()).reshape(360, 640, 4).copy()
    return pixels, rects


def test_the_default_style_draws_as_the_renderer_did_before_styles(qapp):
    # the numbers the renderer had as constants: text 5.5 % of the height, 6 % from the bottom edge, lines wrapped
    # at 90 % of the width and centred, the outline pen 16 % of the text size, the translation 80 % of it
    assert (DEFAULT_STYLE.size, DEFAULT_STYLE.margin_vertical, DEFAULT_STYLE.outline) == (0.055, 0.06, 0.16)
    assert (DEFAULT_STYLE.margin_left, DEFAULT_STYLE.margin_right, DEFAULT_STYLE.translation_size) == (0.05, 0.05, 0.8)
    assert (DEFAULT_STYLE.alignment, DEFAULT_STYLE.shadow, DEFAULT_STYLE.font) == (2, 0.0, "")
    pixels, rects = render("Hello there")
    (rect,) = rects
    assert rect.bottom() == pytest.approx(360 - 360 * 0.06)
    assert rect.center().x() == pytest.approx(320)
    assert np.array_equal(pixels, render("Hello there", SubtitleStyle())[0])
    opaque, outline = pixels[pixels[:, :, 3] == 255][:, :3], pixels[pixels[:, :, 3] == 230][:, :3]
    assert (opaque.min(axis=1) > 240).any() and (outline.max(axis=1) < 15).any()  # white in a black outline


def test_the_styles_colours_are_drawn(qapp):
    style = DEFAULT_STYLE.replace(colour="#ffff0000", outline_colour="#ff0000ff", outline=0.3, size=0.12,
                                  shadow_colour="#ff00ff00", shadow=0.02)  # fmt: skip
    pixels, _ = render("HOLD", style)
    opaque = pixels[pixels[:, :, 3] == 255][:, :3].astype(int)
    assert ((opaque[:, 0] > 240) & (opaque[:, 1] < 15) & (opaque[:, 2] < 15)).any()  # the red letters
    assert ((opaque[:, 2] > 240) & (opaque[:, 0] < 15) & (opaque[:, 1] < 15)).any()  # the blue outline
    assert ((opaque[:, 1] > 240) & (opaque[:, 0] < 15) & (opaque[:, 2] < 15)).any()  # the green shadow
    assert not (pixels[:, :, :3].max(axis=2) > 240).all(axis=None)


def test_the_position_and_margins_are_the_styles_unless_the_cue_asks(qapp):
    style = DEFAULT_STYLE.replace(alignment=7, margin_left=0.1, margin_vertical=0.05)
    _, (rect,) = render("Top left", style)
    assert rect.left() == pytest.approx(64) and rect.top() == pytest.approx(18)
    _, (right,) = render("Right", style, align=3)
    assert right.right() == pytest.approx(640 - 32) and right.bottom() == pytest.approx(342)
    _, (middle,) = render("Middle", DEFAULT_STYLE.replace(alignment=5))
    assert middle.center().y() == pytest.approx(180)
    _, (up,) = render("Up", DEFAULT_STYLE, top=True)  # {\an8} on a cue of a bottom style
    assert up.top() == pytest.approx(360 * 0.06)


def test_cjk_text_in_a_font_without_it_falls_back_to_a_font_of_its_region(qapp):
    ensure_gui()
    latin = [f for f in QFontDatabase.families() if not has_glyphs(QFont(f), "中") and has_glyphs(QFont(f), "A")]
    chinese = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
               if has_glyphs(QFont(f), "中文")]  # fmt: skip
    if not latin or not chinese:
        pytest.skip("needs a Latin font without Chinese characters and a font with them (fc-list)")
    font = QFont(latin[0])
    font.setPixelSize(40)
    chosen = font_for(font, "中文字幕")
    assert chosen.families() != font.families() and has_glyphs(chosen, "中文字幕")
    assert chosen.pixelSize() == 40
    assert font_for(font, "Latin") is font
    ranked = candidates(QFontDatabase.WritingSystem.SimplifiedChinese)
    regional = [f for f in ranked if " SC" in f or "CN" in f]
    if regional:  # a simplified Chinese face before a Japanese or Hong Kong one (their glyphs differ)
        assert ranked[0] in regional
    assert writing_system("字幕", "zh-TW") == QFontDatabase.WritingSystem.TraditionalChinese
    assert writing_system("かな") == QFontDatabase.WritingSystem.Japanese


def test_a_cue_with_a_translation_is_burned_with_both_lines(qapp):
    cue = Cue(0, 1000, "Hello there", translation="你好")
    alone = cue_overlay(cue, 640, 360, translation=False)
    both = cue_overlay(cue, 640, 360)
    assert alone is not None and both is not None
    rows = both[2][:, :, 3].max(axis=1) > 0
    bands = int(rows[0]) + int(np.count_nonzero(rows[1:] & ~rows[:-1]))
    assert both[2].shape[0] > alone[2].shape[0] * 1.6 and bands >= 2  # two rows of text, one above the other
    assert cue_overlay(Cue(0, 1000, "", translation="only this"), 640, 360) is not None
