"""A font that has the characters: Chinese, Japanese and Korean text in a font without them (a Latin font the
user chose for the subtitles) is drawn in a font of the system that has them, never as empty boxes.

Qt falls back by itself, but to whichever font fontconfig lists first for the character, often a Japanese or a
Hong Kong face for simplified Chinese text, whose glyphs differ. Here the fallback is chosen by the writing system
the text needs: kana is Japanese, hangul Korean, and Chinese characters are simplified Chinese unless the cue's
language says traditional (Taiwan, Hong Kong, Cantonese) or Japanese; of the families the font database lists
for it, a sans-serif one named for that region first (``Noto Sans CJK SC``), one that has every character of the
text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

WS = QFontDatabase.WritingSystem
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_REGION = {
    WS.SimplifiedChinese: (" SC", "CN", "GB", "Hans", "Simplified"),
    WS.TraditionalChinese: (" TC", "TW", "Hant", "Traditional", " HK"),
    WS.Japanese: (" JP", "Japan", "Gothic", "Mincho"),
    WS.Korean: (" KR", "Korean", "Gothic"),
}


def writing_system(text: str, language: str = "") -> QFontDatabase.WritingSystem | None:
    """The CJK writing system ``text`` needs (None: no Chinese, Japanese or Korean characters in it)."""
    if not _CJK.search(text):
        return None
    lang = language.lower()
    if _KANA.search(text) or lang.startswith(("ja", "jp")):
        return WS.Japanese
    if _HANGUL.search(text) or lang.startswith(("ko", "kr")):
        return WS.Korean
    traditional = ("hant", "tw", "hk", "mo", "traditional", "cantonese", "yue")
    if any(mark in lang.replace("_", "-") for mark in traditional):
        return WS.TraditionalChinese
    return WS.SimplifiedChinese


def has_glyphs(font: QFont, text: str) -> bool:
    """Whether the font itself (not Qt's fallbacks) has a glyph for every character of ``text`` but spaces."""
    raw = QRawFont.fromFont(font)
    return raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in text if not ch.isspace())


def font_for(font: QFont, text: str, language: str = "") -> QFont:
    """``font``, or where it lacks the glyphs of ``text``'s Chinese, Japanese or Korean characters a copy of it
    in a family that has them (size, weight and slant kept)."""
    system = writing_system(text, language)
    if system is None:
        return font
    family = _fallback_family(font.family(), "".join(sorted(set(_CJK.findall(text)))), system)
    if family is None:
        return font
    chosen = QFont(font)
    chosen.setFamilies([family])
    return chosen


@lru_cache(maxsize=4096)
def _fallback_family(family: str, characters: str, system: QFontDatabase.WritingSystem) -> str | None:
    """None when ``family`` has the characters itself (or no family has them), else the family to use."""
    if has_glyphs(QFont(family), characters):
        return None
    for candidate in candidates(system):
        if has_glyphs(QFont(candidate), characters):
            return candidate
    return None


def candidates(system: QFontDatabase.WritingSystem) -> list[str]:
    """The families the font database lists for ``system``, the likeliest first: named for the region, then
    sans-serif, then the rest (monospaced and serif last)."""
    families = QFontDatabase.families(system)
    marks = _REGION.get(system, ())

    def rank(name: str) -> tuple[int, int, int]:
        regional = any(mark.lower() in f" {name.lower()}" for mark in marks)
        return (0 if regional else 1, 1 if "mono" in name.lower() else 0, 1 if "serif" in name.lower() else 0)

    return sorted(families, key=rank)
