"""The document's subtitle style as an ASS script's Default style, and back (issue 26, item 3)."""

from __future__ import annotations

import pytest

from app.core.document import Cue
from app.core.styles import DEFAULT_STYLE, SubtitleStyle
from app.formats.ass import bilingual_header
from app.formats.ass_styles import ass_colour, head_with_style, style_from_head
from app.formats.base import ReadOptions, WriteOptions
from app.formats.registry import by_name

SCRIPT = """[Script Info]
ScriptType: v4.00+
PlayResX: 1280
PlayResY: 720

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, \
Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, \
MarginV, Encoding
Style: Default,DejaVu Serif,48,&H0000FFFF,&H000000FF,&H00FF0000,&H40000000,-1,0,0,0,100,100,0,0,1,2.4,3,8,64,128,36,1
Style: Sign,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hello
"""


def parse_text(text: str, name: str):
    return by_name(name).parse(text, ReadOptions(), None)


def approx(style: SubtitleStyle) -> dict:
    return {k: pytest.approx(v, abs=1e-3) if isinstance(v, float) else v for k, v in style.as_json().items()}


def test_the_default_style_maps_into_the_document_style():
    style = style_from_head(SCRIPT.split("[Events]")[0])
    assert style is not None
    assert (style.font, style.bold, style.italic, style.alignment) == ("DejaVu Serif", True, False, 8)
    assert style.size == pytest.approx(48 / 720)
    assert style.colour == "#ffffff00"  # &H0000FFFF: opaque yellow (BGR)
    assert style.outline_colour == "#ff0000ff" and style.shadow_colour == "#bf000000"
    assert style.outline == pytest.approx(2 * 2.4 / 48) and style.shadow == pytest.approx(3 / 720)
    assert (style.margin_left, style.margin_right, style.margin_vertical) == pytest.approx((0.05, 0.1, 0.05))


def test_the_most_used_style_when_there_is_no_default():
    head = SCRIPT.split("[Events]")[0].replace("Style: Default,", "Style: Main,")
    assert style_from_head(head, ["Sign", "Main", "Main"]).font == "DejaVu Serif"  # type: ignore[union-attr]
    assert style_from_head("[Script Info]\nTitle: x\n") is None


def test_a_style_written_reads_back_the_same():
    style = SubtitleStyle(font="Noto Sans", size=0.07, italic=True, colour="#ff20c040", outline_colour="#cc102030",
                          outline=0.1, shadow_colour="#80101010", shadow=0.004, margin_left=0.02,
                          margin_right=0.08, margin_vertical=0.1, alignment=9, translation_size=0.6)  # fmt: skip
    text = by_name("ass").format([Cue(0, 1000, "a")], WriteOptions(header=bilingual_header(), style=style))
    assert "Style: Default,Noto Sans,75.6,&H0040C020," in text
    assert "Style: Translation,Noto Sans,45.36," in text  # the translation's share of the size
    parsed = parse_text(text, "ass")
    assert approx(style_from_head(parsed.header["ass.head"])) == approx(style)  # type: ignore[arg-type]


def test_a_script_whose_style_was_not_changed_is_written_as_it_was():
    parsed = parse_text(SCRIPT, "ass")
    style = style_from_head(parsed.header["ass.head"])
    assert style is not None and style != DEFAULT_STYLE
    text = by_name("ass").format(parsed.cues, WriteOptions(header=parsed.header, style=style))
    assert text == SCRIPT
    changed = by_name("ass").format(parsed.cues, WriteOptions(header=parsed.header, style=style.replace(size=0.1)))
    assert "Style: Default,DejaVu Serif,72," in changed and "Style: Sign,Arial,20," in changed


def test_ssa_colours_and_positions():
    assert ass_colour("#ff0000ff") == "&H00FF0000"
    head = ("[Script Info]\nScriptType: v4.00\nPlayResY: 1080\n\n[V4 Styles]\nFormat: Name, Fontname, Fontsize, "
            "PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, "
            "Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding\n"
            "Style: Default,Arial,72,16777215,255,0,-2147483640,0,0,1,3,1,6,60,60,50,0,1\n")  # fmt: skip
    style = style_from_head(head)
    assert style is not None and style.alignment == 8 and style.colour == "#ffffffff"
    written = head_with_style(head, style.replace(alignment=7))
    assert ",5,60,60,50,0,1" in written  # numpad 7 is SSA's 5
