"""How the document's subtitles look on the picture: one typed, immutable value kept in the document settings
(``DocumentSettings.style``, saved in the project), drawn by app.render.subtitles (the picture pane and the burn)
and written as an ASS script's Default style (app.formats.ass_styles).

Every length is a share of the picture, so a style looks the same on any picture size:

- ``size``: the text's pixel size as a share of the picture's height (0.055: about 59 px on 1080 lines);
- ``outline``: the outline pen's width as a share of the text size (the border seen outside the letters is half
  of it); ``shadow``: the shadow's offset, right and down, as a share of the picture's height (0: none);
- ``margin_left`` / ``margin_right``: shares of the picture's width (lines wrap between them);
  ``margin_vertical``: a share of the picture's height, from the bottom (or top) edge;
- ``translation_size``: the translation's line (a bilingual cue) as a share of the text size.

Colours are ``#AARRGGBB`` strings (alpha first, as Qt reads them; 255 opaque). ``font`` "" is the application's
font. ``alignment`` is the numpad position (1 bottom left ... 5 middle ... 9 top right), as ASS's ``\\an``.

The default is the look the renderer had before styles: white DemiBold text (``bold`` draws Bold) with a black
outline, centred near the bottom, no shadow.

Stdlib only (the document holds this value).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

_COLOUR = re.compile(r"^#[0-9a-fA-F]{8}$")
# each number's lowest and highest value (a project's damaged or hostile value is clamped into these)
LIMITS: dict[str, tuple[float, float]] = {
    "size": (0.01, 0.3),
    "outline": (0.0, 0.6),
    "shadow": (0.0, 0.05),
    "margin_left": (0.0, 0.45),
    "margin_right": (0.0, 0.45),
    "margin_vertical": (0.0, 0.45),
    "translation_size": (0.3, 1.5),
}


@dataclass(frozen=True)
class SubtitleStyle:
    font: str = ""
    size: float = 0.055
    bold: bool = False
    italic: bool = False
    colour: str = "#ffffffff"
    outline_colour: str = "#e6000000"
    outline: float = 0.16
    shadow_colour: str = "#80000000"
    shadow: float = 0.0
    margin_left: float = 0.05
    margin_right: float = 0.05
    margin_vertical: float = 0.06
    alignment: int = 2
    translation_size: float = 0.8

    def replace(self, **changes: Any) -> SubtitleStyle:
        """A copy with the fields given changed, each cleaned as a project's value is."""
        return SubtitleStyle.from_json({**self.as_json(), **changes})

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any, notes: list[str] | None = None) -> SubtitleStyle:
        """A style from a project: a missing field gets its default, a damaged one its default and a note."""
        if not isinstance(value, Mapping):
            if value is not None and notes is not None:
                notes.append("the document's subtitle style was damaged and was reset")
            return cls()
        default = cls()
        out: dict[str, Any] = {}
        damaged = False
        for f in fields(cls):
            if f.name not in value:
                continue
            clean = _clean(f.name, value[f.name], getattr(default, f.name))
            damaged = damaged or clean is None
            if clean is not None:
                out[f.name] = clean
        if damaged and notes is not None:
            notes.append("part of the document's subtitle style was damaged; it has its default there")
        return replace(default, **out)


def _clean(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if name == "alignment":
        return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9 else None
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return None
        low, high = LIMITS[name]
        return float(min(max(value, low), high))
    if name == "font":
        if not isinstance(value, str):
            return None
        family = " ".join(value.split())
        return family if len(family) <= 128 and family.isprintable() else None
    if isinstance(value, str) and _COLOUR.match(value):  # a colour
        return value.lower()
    return None


def argb(colour: str) -> tuple[int, int, int, int]:
    """(alpha, red, green, blue) of a ``#AARRGGBB`` colour."""
    number = int(colour[1:], 16)
    return number >> 24 & 255, number >> 16 & 255, number >> 8 & 255, number & 255


def colour_of(alpha: int, red: int, green: int, blue: int) -> str:
    return f"#{alpha:02x}{red:02x}{green:02x}{blue:02x}"


DEFAULT_STYLE = SubtitleStyle()
