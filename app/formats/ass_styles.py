"""The document's subtitle style (app.core.styles) as an ASS script's style, and back (issue 26, item 3).

Read: the script's ``Default`` style when events use it (or none names a style), else the style most events use
(events without a style count as Default's; with no events, Default or else the first style), becomes the
document's style where its
fields map: Fontname, Fontsize (a share of PlayResY), Bold, Italic, PrimaryColour, OutlineColour, BackColour (the
shadow's colour), Outline (the border outside the letters, half the renderer's outline pen), Shadow (its offset),
MarginL/MarginR (shares of PlayResX), MarginV (of PlayResY) and Alignment; a ``Translation`` style's size (a
bilingual script's) is the translation's share. Written: the document's style replaces those fields of the style
line it was read from, chosen by the same rule (the other fields, and every other style, kept as they were), and
the Translation style follows it at its share of the size; a script with no style gets a ``Default`` line whose
other fields are a new script's; a script whose chosen style already says the document's style is written as it
was. A damaged styles section (no Name field, numbers that are not finite) never raises: a style line without a
name is left out, a damaged value is the default's.

ASS colours are ``&HAABBGGRR`` with AA the transparency (00 opaque); the style's are ``#AARRGGBB`` with AA the
opacity.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from app.core.styles import SubtitleStyle, argb, colour_of

DEFAULT_PLAY_RES = (384, 288)  # what renderers assume for a script that states neither (libass, VSFilter)
_ASS_COLOUR = re.compile(r"^&H([0-9a-fA-F]{1,8})&?$")
_SSA_TO_NUMPAD = {1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6}
_FALLBACK_FONT = "Arial"  # the font "" (the application's) is written as

# a new script's styles section (app.formats.ass writes its heads with these); the Default line's fields are also
# what a Default style inserted into a script without one gets where the document's style says nothing
ASS_STYLE_FORMAT = (
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
    "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, "
    "MarginV, Encoding"
)
ASS_DEFAULT_STYLE = (
    "Style: Default,Arial,72,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,60,60,50,1"
)
SSA_STYLE_FORMAT = (
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding"
)
SSA_DEFAULT_STYLE = "Style: Default,Arial,72,16777215,255,0,-2147483640,0,0,1,3,1,2,60,60,50,0,1"


def _play_res(lines: list[str]) -> tuple[int, int]:
    values: dict[str, int] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() in ("playresx", "playresy") and value.strip().isdigit():
            values[name.strip().lower()] = int(value.strip())
    x, y = values.get("playresx", 0), values.get("playresy", 0)
    if not x and not y:
        return DEFAULT_PLAY_RES
    return (x or round(y * 4 / 3), y or round(x * 3 / 4))


def _styles(lines: list[str]) -> tuple[int, list[str], dict[str, tuple[int, dict[str, str]]]]:
    """The styles section's Format line (index, field names) and each style by name: (line index, fields)."""
    in_styles, fmt_at, names = False, -1, []
    found: dict[str, tuple[int, dict[str, str]]] = {}
    for k, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            in_styles = "styles" in stripped.lower()
        elif in_styles and stripped.lower().startswith("format:"):
            fmt_at, names = k, [n.strip().lower() for n in stripped[7:].split(",")]
        elif in_styles and stripped.lower().startswith("style:") and names:
            values = [v.strip() for v in stripped[6:].split(",", len(names) - 1)]
            if len(values) == len(names) and "name" in names:
                fields = dict(zip(names, values, strict=True))
                if fields["name"]:  # a style without a name cannot be chosen, nor written back
                    found.setdefault(fields["name"], (k, fields))
    return fmt_at, names, found


def _chosen(styles: dict[str, tuple[int, dict[str, str]]], used: Iterable[str]) -> str | None:
    """The style the document's style is read from and written to: Default when events use it (an event without
    a style uses it), else the style most events use; with none of the events' styles there, Default, else the
    first style; None when there is no style."""
    counts = Counter(name or "Default" for name in used)
    counts = Counter({name: n for name, n in counts.items() if name in styles})
    if "Default" in styles and (not counts or "Default" in counts):
        return "Default"
    if counts:
        return counts.most_common(1)[0][0]
    return next(iter(styles), None)


def style_for_new_events(head: str, used: Iterable[str] = ()) -> str:
    """The style a cue without one is written with: Default where the head defines it (or defines no style at all),
    else the document's style (``_chosen``), so a cue added in the editor shows in the user's style, not in a
    player's built-in one."""
    _fmt, _names, styles = _styles(head.split("\n"))
    if not styles or "Default" in styles:
        return "Default"
    return _chosen(styles, used) or "Default"


def _colour(value: str | None, default: str) -> str:
    match = _ASS_COLOUR.match((value or "").strip())
    if match is None:  # SSA writes colours as decimal numbers (BGR, the alpha in the high byte)
        text = (value or "").strip()
        if not text.lstrip("-").isdigit():
            return default
        number = int(text) & 0xFFFFFFFF
    else:
        number = int(match.group(1), 16)
    transparency, blue, green, red = number >> 24 & 255, number >> 16 & 255, number >> 8 & 255, number & 255
    return colour_of(255 - transparency, red, green, blue)


def ass_colour(colour: str) -> str:
    alpha, red, green, blue = argb(colour)
    return f"&H{255 - alpha:02X}{blue:02X}{green:02X}{red:02X}"


def _number(value: str | None) -> float | None:
    """The number a field says; None when it is missing or not a finite number (``nan``, ``inf``, ``x``)."""
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def style_from_head(head: str, used: Iterable[str] = ()) -> SubtitleStyle | None:
    """The document style an ASS or SSA head (``ass.head``) says, from its Default style when ``used`` (the
    events' style names) name it, else the one most of them name (see ``_chosen``); None when it has no style."""
    lines = head.split("\n")
    _fmt, _names, styles = _styles(lines)
    name = _chosen(styles, used)
    if name is None:
        return None
    return _style_of(lines, styles, name)


def _style_of(lines: list[str], styles: dict[str, tuple[int, dict[str, str]]], name: str) -> SubtitleStyle:
    width, height = _play_res(lines)
    fields = styles[name][1]
    default = SubtitleStyle()
    size = _number(fields.get("fontsize")) or 0
    size = size if size > 0 else default.size * height
    changes: dict[str, object] = {
        "font": fields.get("fontname", "").lstrip("@"),
        "size": size / height,
        "bold": (_number(fields.get("bold")) or 0) != 0,
        "italic": (_number(fields.get("italic")) or 0) != 0,
        "colour": _colour(fields.get("primarycolour"), default.colour),
        "outline_colour": _colour(fields.get("outlinecolour", fields.get("tertiarycolour")), default.outline_colour),
        "shadow_colour": _colour(fields.get("backcolour"), default.shadow_colour),
    }
    outline, shadow = _number(fields.get("outline")), _number(fields.get("shadow"))
    if outline is not None and size > 0:
        changes["outline"] = 2 * outline / size
    if shadow is not None:
        changes["shadow"] = shadow / height
    for key, name_, extent in (("margin_left", "marginl", width), ("margin_right", "marginr", width),
                               ("margin_vertical", "marginv", height)):  # fmt: skip
        value = _number(fields.get(name_))
        if value is not None:
            changes[key] = value / extent
    align = _number(fields.get("alignment"))
    if align is not None and align == int(align):
        ssa = "tertiarycolour" in fields or "alphalevel" in fields
        changes["alignment"] = _SSA_TO_NUMPAD.get(int(align), 2) if ssa else int(align)
    translation = styles.get("Translation")
    second = _number(translation[1].get("fontsize")) if translation else None
    if second and size > 0:
        changes["translation_size"] = second / size
    return default.replace(**changes)


def head_with_style(head: str, style: SubtitleStyle, used: Iterable[str] = ()) -> str:
    """The head with the style the document's style was read from (``_chosen`` by ``used``, the events' style
    names; a Default style added when there is none) saying ``style``, and its Translation style (when it has one)
    following at the translation's share; unchanged when that style already says it."""
    lines = head.split("\n")
    fmt_at, names, styles = _styles(lines)
    target = _chosen(styles, used)
    if target is not None and _style_of(lines, styles, target) == style:
        return head
    if fmt_at < 0 or "name" not in names:
        return head
    width, height = _play_res(lines)
    ssa = "tertiarycolour" in names or "alphalevel" in names
    size = style.size * height

    def line_for(name: str, fields: dict[str, str], font_size: float) -> str:
        numpad = {v: k for k, v in _SSA_TO_NUMPAD.items()}
        new = {
            **fields, "name": name, "fontname": style.font or _FALLBACK_FONT, "fontsize": _short(font_size),
            "primarycolour": ass_colour(style.colour), "backcolour": ass_colour(style.shadow_colour),
            "bold": "-1" if style.bold else "0", "italic": "-1" if style.italic else "0",
            "outline": _short(style.outline * font_size / 2), "shadow": _short(style.shadow * height),
            "marginl": str(round(style.margin_left * width)), "marginr": str(round(style.margin_right * width)),
            "marginv": str(round(style.margin_vertical * height)),
            "alignment": str(numpad.get(style.alignment, 2) if ssa else style.alignment),
        }  # fmt: skip
        new["tertiarycolour" if ssa else "outlinecolour"] = ass_colour(style.outline_colour)
        return "Style: " + ",".join(new.get(n, "0") for n in names)

    if target is not None:
        at, fields = styles[target]
        lines[at] = line_for(target, fields, size)
    else:  # the other fields a new script's: ScaleX 100, BorderStyle 1, Encoding 1 and so on, not 0
        default_line = SSA_DEFAULT_STYLE if ssa else ASS_DEFAULT_STYLE
        format_line = SSA_STYLE_FORMAT if ssa else ASS_STYLE_FORMAT
        defaults = dict(zip(
            [n.strip().lower() for n in format_line[7:].split(",")], default_line[6:].split(","), strict=True
        ))  # fmt: skip
        lines.insert(fmt_at + 1, line_for("Default", defaults, size))
        fmt_at, names, styles = _styles(lines)
    if "Translation" in styles and target != "Translation":
        at, fields = styles["Translation"]
        lines[at] = line_for("Translation", fields, size * style.translation_size)
    return "\n".join(lines)


def _short(value: float) -> str:
    """A number as a script writes it: ``3``, ``2.5``."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"
