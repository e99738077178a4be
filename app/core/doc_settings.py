"""The document's own settings: one typed, versioned value, saved in the project file.

What a document decides for itself, as opposed to the user's preferences (app.session.preferences): the quality
profile it is delivered to (and its custom values), the words the user added to its spelling list, and where its
cues came from. Every limit comes from the profile (:func:`app.core.profiles.of_settings`); no layer keeps a
second copy.

The value is immutable: an edit replaces it (:meth:`DocumentSettings.replace`) through ``SetMetadata``, so it is
undoable and marks the document modified. :meth:`DocumentSettings.from_json` reads every version this one knows,
migrating older ones, and never raises: a damaged field gets its default and a note the caller may show.

Version 1 (the first projects) was a free dict: ``{"quality": {...}, "limits": {...}, "word_list": [...],
"subtitle_source": {...}}``. Its ``limits`` were the segmentation limits recognition cut cues by, kept apart from
the quality profile the list and the checks used, so the two could disagree (a 12 cps profile flagged cues that
recognition had made for 17). Version 2 folds them into the profile: a version-1 document with limits and no
profile gets a custom profile holding those limits; one with both keeps its profile.

Version 3 adds the language cues are translated into (``translation``: ``{"language": "English"}``); older
documents have none.

Version 4 adds how the subtitles look (``style``: app.core.styles.SubtitleStyle's fields); older documents have the
default style, which draws as they were drawn before.

Stdlib only: the document holds this value, so it may not import what imports the document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from app.core.spelling import WORD_LIST_KEY, clean_word_list
from app.core.styles import DEFAULT_STYLE, SubtitleStyle

VERSION = 4
CUSTOM = "custom"
PROFILE_NAMES = (
    "netflix",
    "netflix-children",
    "netflix-en",
    "bbc",
)  # app.core.profiles defines them (and checks it is these)
NAMES = (*PROFILE_NAMES, CUSTOM)
EDITABLE = ("max_cps", "max_wpm", "min_duration_ms", "max_duration_ms", "min_gap_ms", "max_line_chars", "max_lines")
TABLES = ("cps_by_language", "line_chars_by_language")  # a custom profile's limits for one language each
_KNOWN = ("version", "quality", "limits", WORD_LIST_KEY, "subtitle_source", "translation", "style")
_MAX_TIME_MS = 359_999_999
# version 1's segmentation limits (the fields of app.core.checks.Limits then), with their kinds: a frozen format
_V1_LIMITS = {
    "max_line_chars": int, "max_lines": int, "max_cps": float,
    "min_duration_ms": int, "max_duration_ms": int, "min_gap_ms": int,
}  # fmt: skip


_UNSET: Any = object()


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def clean_custom(values: Any) -> dict[str, float | int | None]:
    """Only the editable fields of a custom profile, from a project or preferences that may be damaged."""
    if not isinstance(values, Mapping):
        return {}
    clean: dict[str, Any] = {k: v for k, v in values.items() if k in EDITABLE and (v is None or _number(v))}
    for key in TABLES:
        table = values.get(key)
        if isinstance(table, Mapping):  # {"chinese": 9}: languages (names or codes) to positive limits
            clean[key] = {str(k).lower(): v for k, v in table.items() if _number(v) and v > 0}
    return clean


@dataclass(frozen=True)
class QualityChoice:
    """A quality profile by name; ``custom`` holds the custom profile's values (kept while another profile is
    chosen, so choosing custom again brings them back). The profile itself: app.core.profiles.of_choice."""

    name: str = PROFILE_NAMES[0]
    custom: Mapping[str, float | int | None] = field(default_factory=dict)

    def __post_init__(self) -> None:  # a copy nobody else holds, read-only: the value stays what it was made as
        object.__setattr__(self, "custom", MappingProxyType(dict(self.custom)))

    def as_json(self) -> dict[str, Any]:
        return {"profile": self.name, "custom": dict(self.custom)}

    @classmethod
    def from_json(cls, value: Any) -> QualityChoice | None:
        """None for a value that names no profile (absent or damaged)."""
        if not isinstance(value, Mapping) or value.get("profile") not in NAMES:
            return None
        return cls(str(value["profile"]), clean_custom(value.get("custom")))


@dataclass(frozen=True)
class DocumentSettings:
    quality: QualityChoice | None = None  # None: the user's default profile (a preference) applies
    word_list: tuple[str, ...] = ()
    subtitle_source: Mapping[str, Any] | None = None  # owned by app.formats (SubtitleFile.source_settings)
    translation_language: str = ""  # the one language every cue's translation is in ("": none chosen)
    style: SubtitleStyle = DEFAULT_STYLE  # how the subtitles look on the picture and in a burned video
    other: Mapping[str, Any] = field(default_factory=dict)  # keys of a newer version, kept as they were

    def __post_init__(self) -> None:
        object.__setattr__(self, "word_list", tuple(self.word_list))
        object.__setattr__(self, "other", MappingProxyType(dict(self.other)))
        if self.subtitle_source is not None:
            object.__setattr__(self, "subtitle_source", MappingProxyType(dict(self.subtitle_source)))

    def replace(
        self,
        *,
        quality: QualityChoice | None = _UNSET,
        word_list: Iterable[str] = _UNSET,
        subtitle_source: Mapping[str, Any] | None = _UNSET,
        translation_language: str = _UNSET,
        style: SubtitleStyle = _UNSET,
    ) -> DocumentSettings:
        """A copy with the fields given changed (the word list cleaned)."""
        changes: dict[str, Any] = {}
        if quality is not _UNSET:
            changes["quality"] = quality
        if word_list is not _UNSET:
            changes["word_list"] = tuple(clean_word_list(list(word_list)))
        if subtitle_source is not _UNSET:
            changes["subtitle_source"] = dict(subtitle_source) if subtitle_source is not None else None
        if translation_language is not _UNSET:
            changes["translation_language"] = clean_language(translation_language)
        if style is not _UNSET:
            changes["style"] = style
        return replace(self, **changes)

    # -- the project file ------------------------------------------------------------------------------
    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.other, "version": VERSION}
        if self.quality is not None:
            data["quality"] = self.quality.as_json()
        if self.word_list:
            data[WORD_LIST_KEY] = list(self.word_list)
        if self.subtitle_source is not None:
            data["subtitle_source"] = dict(self.subtitle_source)
        if self.translation_language:
            data["translation"] = {"language": self.translation_language}
        if self.style != DEFAULT_STYLE:
            data["style"] = self.style.as_json()
        return data

    @classmethod
    def from_json(cls, value: Any, notes: list[str] | None = None) -> DocumentSettings:
        """Settings from a project (any version up to this one; unknown keys kept). Damage is noted, never raised."""
        notes = notes if notes is not None else []
        if value is None:
            return cls()
        if not isinstance(value, Mapping):
            notes.append("the document settings were damaged and were reset")
            return cls()
        quality = QualityChoice.from_json(value.get("quality"))
        if value.get("quality") is not None and quality is None:
            notes.append("the document's quality profile was damaged; the default profile applies")
        limits = clean_limits(value.get("limits"))
        if quality is None and limits:  # version 1: the segmentation limits become the custom profile
            quality = QualityChoice(CUSTOM, clean_custom(limits))
        words = value.get(WORD_LIST_KEY)
        if words is not None and not isinstance(words, list):
            notes.append("the document's word list was damaged and was left out")
        source = value.get("subtitle_source")
        translation = value.get("translation")
        target = clean_language(translation.get("language")) if isinstance(translation, Mapping) else ""
        if translation is not None and not target:
            notes.append("the document's translation language was damaged and was left out")
        return cls(
            quality=quality,
            word_list=tuple(clean_word_list(words)),
            subtitle_source=dict(source) if isinstance(source, Mapping) else None,
            translation_language=target,
            style=SubtitleStyle.from_json(value.get("style"), notes),
            other={k: v for k, v in value.items() if k not in _KNOWN},
        )


def clean_language(value: Any) -> str:
    """A language name as a label can show it (one line, at most 64 characters), else ""."""
    if not isinstance(value, str):
        return ""
    name = " ".join(value.split())
    return name if len(name) <= 64 and name.isprintable() else ""


def clean_limits(value: Any) -> dict[str, int | float]:
    """Version-1 segmentation limits (a project's or the old preference's): only known names with usable values."""
    if not isinstance(value, Mapping):
        return {}
    clean: dict[str, int | float] = {}
    for name, kind in _V1_LIMITS.items():
        number = value.get(name)
        if not isinstance(number, int | float) or not _number(number):
            continue
        if kind is int:
            lowest = 1 if name.startswith("max_") else 0
            if number == int(number) and lowest <= number <= _MAX_TIME_MS:
                clean[name] = int(number)
        elif 0 < number <= 1000:
            clean[name] = float(number)
    return clean
