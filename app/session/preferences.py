"""Every application preference, declared once: key, type, default, allowed values, old keys it replaces.

The one place that reads or writes the user's settings store. The window hands in its QSettings (any object with
``value``/``setValue``/``remove``/``contains`` will do, so this module stays Qt-free and the tests and the command
line use :class:`MemoryStore`); features read typed attributes (``prefs.recognition_model``) and never a raw key.

A stored value of the wrong type or outside the allowed ones reads as the default and leaves one note in
:attr:`Preferences.notes` (the window may show them); nothing here raises on a damaged store. Old keys are migrated
when the store is opened: the value moves to its new key and the old key is removed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, overload

from app.core.doc_settings import NAMES as PROFILE_NAMES
from app.core.doc_settings import QualityChoice, clean_custom, clean_limits
from app.core.spelling import DICTIONARIES, ENGLISH_VARIANTS

T = TypeVar("T")


class Store(Protocol):
    """What a settings store offers (QSettings does)."""

    def value(self, key: str, defaultValue: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...

    def remove(self, key: str) -> None: ...

    def contains(self, key: str) -> bool: ...


class MemoryStore:
    """A store in a dict: the command line and the tests."""

    def __init__(self, values: Mapping[str, Any] | None = None) -> None:
        self.values: dict[str, Any] = dict(values or {})

    def value(self, key: str, defaultValue: Any = None) -> Any:
        return self.values.get(key, defaultValue)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value

    def remove(self, key: str) -> None:
        self.values.pop(key, None)

    def contains(self, key: str) -> bool:
        return key in self.values


# -- converting what a store holds (QSettings' INI files give text back for everything) ----------------------
def _text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError("not text")
    return raw


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | str) and str(raw).lower() in ("true", "1", "false", "0"):
        return str(raw).lower() in ("true", "1")
    raise ValueError("not true or false")


def _count(raw: Any) -> int:
    value = int(raw)  # ValueError for text that is no number
    if not 1 <= value <= 32:
        raise ValueError("not between 1 and 32")
    return value


def _text_list(raw: Any) -> list[str]:
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):  # QSettings gives a one-item list back as its item
        return [raw]
    if isinstance(raw, list | tuple) and all(isinstance(x, str) for x in raw):
        return list(raw)
    raise ValueError("not a list of text")


def _json_object(raw: Any) -> dict[str, Any]:
    value = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def _raw(raw: Any) -> Any:
    return raw


@dataclass(frozen=True)
class Pref(Generic[T]):
    """One preference. Read and written as an attribute of :class:`Preferences`."""

    key: str
    default: T
    convert: Callable[[Any], T]  # raises ValueError (or TypeError) for a value it cannot take
    allowed: tuple[Any, ...] | None = None
    store_as: Callable[[T], Any] | None = None  # the stored form (JSON text for objects); None: as it is
    doc: str = ""

    def read(self, prefs: Preferences) -> T:
        raw = prefs.store.value(self.key, None)
        if raw is None:
            return self.default
        try:
            value = self.convert(raw)
            if self.allowed is not None and value not in self.allowed:
                raise ValueError(f"not one of {', '.join(map(str, self.allowed))}")
        except (ValueError, TypeError, RecursionError) as exc:
            prefs.note(f"preference {self.key}: {exc}; the default is used")
            return self.default
        return value

    def write(self, prefs: Preferences, value: T) -> None:
        if self.allowed is not None and value not in self.allowed:
            raise ValueError(f"preference {self.key}: {value!r} is not one of {self.allowed}")
        prefs.store.setValue(self.key, self.store_as(value) if self.store_as is not None else value)

    @overload
    def __get__(self, instance: None, owner: type) -> Pref[T]: ...
    @overload
    def __get__(self, instance: Preferences, owner: type) -> T: ...
    def __get__(self, instance: Preferences | None, owner: type) -> Pref[T] | T:
        return self if instance is None else self.read(instance)

    def __set__(self, instance: Preferences, value: T) -> None:
        self.write(instance, value)


def _dump(value: Any) -> str:
    return json.dumps(value)


LANGUAGES = ("", "en", "zh_CN", "zh_TW")  # "" follows the system (app.ui.i18n)
THEMES = ("system", "light", "dark")
PRECISIONS = ("auto", "fp32", "bf16", "int8")
DEVICES_HINT = "auto, cpu, cuda, cuda:N, mps"


class Preferences:
    """The user's preferences over a store; every key the application keeps is declared below."""

    # the window
    ui_language = Pref("ui/language", "", _text, LANGUAGES, doc="the window's language; '' follows the system")
    ui_theme = Pref("ui/theme", "system", _text, THEMES)
    window_geometry = Pref[Any]("window/geometry", None, _raw)
    window_state = Pref[Any]("window/state", None, _raw)
    window_splitter = Pref[Any]("window/splitter", None, _raw)
    window_columns = Pref[Any]("window/columns", None, _raw)
    # files
    last_dir = Pref("files/last_dir", os.path.expanduser("~"), _text)
    recent_files = Pref[list[str]]("files/recent", [], _text_list)
    # quality: the profile new documents are checked and segmented by (a document's own choice wins)
    quality_profile = Pref("quality/profile", "netflix", _text, PROFILE_NAMES)
    quality_custom = Pref[dict[str, Any]](
        "quality/custom", {}, lambda raw: clean_custom(_json_object(raw)), store_as=_dump
    )
    # recognition (the dialog's last choices)
    recognition_model = Pref("recognition/model", "", _text)
    recognition_aligner = Pref("recognition/aligner", "", _text, doc="'none' for no aligner; '' the default")
    recognition_language = Pref("recognition/language", "", _text)
    recognition_device = Pref("recognition/device", "auto", _text, doc=DEVICES_HINT)
    recognition_context = Pref("recognition/context", "", _text)
    recognition_precision = Pref("recognition/cpu_precision", "auto", _text, PRECISIONS)
    server_url = Pref("recognition/server_url", "", _text, doc="the key: environment or keyring, never here")
    server_model = Pref("recognition/server_model", "", _text)
    # spelling
    spelling_enabled = Pref("spelling/enabled", True, _bool)
    spelling_language = Pref(
        "spelling/language", "", _text, ("", *DICTIONARIES), doc="one dictionary for all cues; '' each cue's own"
    )
    spelling_english = Pref("spelling/english", "US", _text, ENGLISH_VARIANTS, doc="American or British spelling")
    # Edit ▸ Convert Chinese: the last OpenCC configuration (app.text.chinese.CONFIGS; an unknown one reads as s2t)
    chinese_conversion = Pref("chinese/conversion", "s2t", _text)
    # keyboard shortcuts (app.ui.shortcuts)
    shortcut_preset = Pref("shortcuts/preset", "qss", _text)
    shortcut_custom = Pref[dict[str, Any]]("shortcuts/custom", {}, _json_object, store_as=_dump)
    # the picture pane's toggles (app.ui.picture.controller)
    picture_spectrogram = Pref("picture/spectrogram", False, _bool)
    picture_timecode = Pref("picture/timecode", False, _bool, doc="times as frames (HH:MM:SS:FF)")
    picture_snap_shots = Pref("picture/snap_shots", True, _bool)
    picture_snap_frames = Pref("picture/snap_frames", False, _bool)
    picture_translation = Pref("picture/translation", True, _bool, doc="the translation drawn under the text")

    translate_server_url = Pref("translate/server_url", "", _text, doc="the key: environment or keyring, never here")
    translate_model = Pref("translate/model", "", _text)
    translate_language = Pref("translate/language", "English", _text)
    translate_context = Pref("translate/context", "", _text)
    translate_glossary = Pref("translate/glossary", "", _text, doc="a glossary file's path")
    translate_concurrency = Pref("translate/concurrency", 4, _count)

    def __init__(self, store: Store | None = None) -> None:
        self.store: Store = store if store is not None else MemoryStore()
        self.notes: list[str] = []
        self._migrate()

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    @classmethod
    def declared(cls) -> dict[str, Pref[Any]]:
        """Attribute name -> preference, for every preference."""
        found: dict[str, Pref[Any]] = {}
        for klass in reversed(cls.__mro__):
            found.update({name: v for name, v in vars(klass).items() if isinstance(v, Pref)})
        return found

    # -- what several features share --------------------------------------------------------------------
    @property
    def default_quality(self) -> QualityChoice:
        """The profile new documents get (a document's own choice wins)."""
        return QualityChoice(self.quality_profile, self.quality_custom)

    @default_quality.setter
    def default_quality(self, choice: QualityChoice) -> None:
        self.quality_profile = choice.name
        if choice.custom:
            self.quality_custom = dict(choice.custom)

    # -- old keys ---------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        store = self.store
        try:
            if store.contains("recognition/cpu_int8"):  # before the precision choice: a tick for 8-bit
                if not store.contains("recognition/cpu_precision"):
                    int8 = _bool(store.value("recognition/cpu_int8"))
                    store.setValue("recognition/cpu_precision", "int8" if int8 else "auto")
                store.remove("recognition/cpu_int8")
            if store.contains("segmentation/limits"):  # recognition's own limits: now the default profile's
                if not store.contains("quality/profile"):
                    limits = clean_limits(_json_object(store.value("segmentation/limits")))
                    if limits:
                        store.setValue("quality/profile", "custom")
                        store.setValue("quality/custom", _dump(clean_custom(limits)))
                store.remove("segmentation/limits")
        except (ValueError, TypeError, RecursionError):
            self.note("old preferences could not be read and were left as they were")
