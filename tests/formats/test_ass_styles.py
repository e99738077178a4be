"""The document's subtitle style as an ASS script's style (Default, else the one its events use) and back (issue 26)."""

from __future__ import annotations

import pytest

from app.core.document import Cue
from app.core.styles import DEFAULT_STYLE, SubtitleStyle
from app.formats.ass import bilingual_header
from app.formats.ass_styles import (
    ASS_STYLE_FORMAT,
    SSA_STYLE_FORMAT,
    ass_colour,
    head_with_style,
    style_from_head,
)
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


SIGN_LINE = "Style: Sign,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1"
# no Default style: Sign first, Main (what every event uses) second
SIGN_FIRST = (
    SCRIPT.replace("\n" + SIGN_LINE, "")
    .replace("Style: Default,", SIGN_LINE + "\nStyle: Main,")
    .replace(",Default,,", ",Main,,")
)
NO_NAME = """[Script Info]
PlayResY: 720

[V4+ Styles]
Format: Fontname, Fontsize, Alignment
Style: Arial,48,2

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hello
"""


@pytest.mark.parametrize(
    "text",
    [
        NO_NAME,
        NO_NAME.replace("Format: Fontname,", "Format: ,"),
        SCRIPT.replace(",-1,0,0,0,100,100,0,0,1,2.4,3,8,", ",-1,0,0,0,100,100,0,0,1,inf,nan,nan,"),
        SCRIPT.replace(",DejaVu Serif,48,", ",DejaVu Serif,-inf,").replace(",64,128,36,1", ",nan,1e999,-inf,1"),
    ],
)
def test_a_damaged_styles_section_opens_and_saves(text):
    parsed = parse_text(text, "ass")
    head = parsed.header["ass.head"]
    style = style_from_head(head, [c.get("style") or "" for c in parsed.cues]) or DEFAULT_STYLE
    for written in (style, style.replace(size=0.09)):
        out = by_name("ass").format(parsed.cues, WriteOptions(header=parsed.header, style=written))
        assert "Hello" in out
    if "nan,nan," in text:
        assert style.alignment == 2 and style.outline == DEFAULT_STYLE.outline  # damaged: the default's


def test_a_script_whose_events_use_main_saves_unchanged():
    assert SIGN_FIRST.index("Style: Sign,") < SIGN_FIRST.index("Style: Main,") and "Default" not in SIGN_FIRST
    parsed = parse_text(SIGN_FIRST, "ass")
    style = style_from_head(parsed.header["ass.head"], [c.get("style") or "" for c in parsed.cues])
    assert style is not None and style.font == "DejaVu Serif"
    assert by_name("ass").format(parsed.cues, WriteOptions(header=parsed.header, style=style)) == SIGN_FIRST


def test_an_edited_style_is_written_into_the_style_it_was_read_from():
    parsed = parse_text(SIGN_FIRST, "ass")
    style = style_from_head(parsed.header["ass.head"], [c.get("style") or "" for c in parsed.cues])
    assert style is not None
    out = by_name("ass").format(parsed.cues, WriteOptions(header=parsed.header, style=style.replace(size=0.1)))
    assert "Style: Main,DejaVu Serif,72," in out and "Style: Default" not in out
    assert "Style: Sign,Arial,20," in out  # the other style as it was
    changed = [(a, b) for a, b in zip(out.split("\n"), SIGN_FIRST.split("\n"), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("Style: Main,DejaVu Serif,72,")


def test_an_unused_default_is_not_the_document_style():
    head = SIGN_FIRST.split("[Events]")[0].replace("Style: Sign,", "Style: Default,")
    assert style_from_head(head, ["Main"]).font == "DejaVu Serif"  # type: ignore[union-attr]
    assert style_from_head(head, ["Main", ""]).font == "Arial"  # type: ignore[union-attr]  # "" is Default
    assert style_from_head(head).font == "Arial"  # type: ignore[union-attr]


@pytest.mark.parametrize("flavour", ["ass", "ssa"])
def test_an_inserted_default_style_has_real_defaults(flavour):
    kind = "[V4+ Styles]" if flavour == "ass" else "[V4 Styles]"
    fmt = ASS_STYLE_FORMAT if flavour == "ass" else SSA_STYLE_FORMAT
    head = f"[Script Info]\nPlayResY: 1080\n\n{kind}\n{fmt}\n\n[Events]\n"
    written = head_with_style(head, DEFAULT_STYLE.replace(font="Noto Sans"))
    line = next(ln for ln in written.split("\n") if ln.startswith("Style: Default,"))
    fields = dict(zip([n.strip() for n in fmt[7:].split(",")], line[6:].split(","), strict=True))
    assert fields["Fontname"] == "Noto Sans" and fields["BorderStyle"] == "1" and fields["Encoding"] == "1"
    if flavour == "ass":
        assert (fields["ScaleX"], fields["ScaleY"], fields["SecondaryColour"]) == ("100", "100", "&H000000FF")
    else:
        assert fields["SecondaryColour"] == "255" and fields["AlphaLevel"] == "0"


def test_a_cue_added_in_a_script_without_default_takes_the_documents_style():
    """A script whose events use "Main" and that defines no Default: a cue the user adds is written in Main, not
    in a Default the script lacks (which players draw in their own built-in style)."""

    text = SCRIPT.replace("Style: Default,", "Style: Main,").replace(",Default,,", ",Main,,")
    parsed = parse_text(text, "ass")
    cues = [*parsed.cues, Cue(3000, 4000, "Added")]
    out = by_name("ass").format(cues, WriteOptions(header=parsed.header))
    assert "Dialogue: 0,0:00:03.00,0:00:04.00,Main,,0,0,0,,Added" in out
    fresh = by_name("ass").format([Cue(3000, 4000, "New")], WriteOptions())
    assert ",Default,," in fresh  # a new script defines Default
