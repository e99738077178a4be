"""Keyboard shortcuts by action id: the app's own keys, presets for users of other editors, the user's own keys.

Every menu action is registered under a stable id ("edit.undo") with the key the code gives it (the
"Qwen Subtitle Studio" preset). A preset overrides some ids; the user's own keys override the preset. An id this
module has never heard of (an action added later) simply keeps its default key, so new actions join by
registering, and the preset tests (tests/ui/test_shortcut_presets.py) say when a preset's key clashes with one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.session.preferences import Preferences

Key = str | QKeySequence.StandardKey | None  # "Ctrl+R" (portable text), a platform key, or none
DEFAULT_PRESET = "qss"
PRESET_TITLES = {
    "qss": QT_TRANSLATE_NOOP("Shortcuts", "Qwen Subtitle Studio"),
    "subtitle_edit": QT_TRANSLATE_NOOP("Shortcuts", "Subtitle Edit"),
    "aegisub": QT_TRANSLATE_NOOP("Shortcuts", "Aegisub"),
}
# What each preset changes from the app's own keys; "" unbinds. Timing keys as the other editor binds them:
# Subtitle Edit: F5 plays the selected lines, F11/F12 set start/end, F10 sets the end and goes to the next line,
#   Ctrl+P plays/pauses, Alt+Left/Right move 500 ms (its 5.x defaults); it has no default for playing around an
#   edge, so those sit on Shift+F11/Shift+F12, beside its set-start/end keys.
# Aegisub: Q/W play 500 ms before the start/after the end, S plays the line, Space or B play/pause, Z/X go to the
#   previous/next line, G commits (here: sets the end and goes on), Ctrl+3/Ctrl+4 snap start/end to the playhead.
#   Letters fire only where no text is typed: a text box keeps plain keys for itself.
PRESETS: dict[str, dict[str, Key]] = {
    "qss": {},
    "subtitle_edit": {
        "play.toggle": "Ctrl+P",
        "play.cue": "F5",
        "play.before_start": "Shift+F11",
        "play.after_end": "Shift+F12",
        "timing.set_start": "F11",
        "timing.set_end": "F12",
        "timing.set_end_next": "F10",
        "cue.next": "Alt+Down",
        "cue.previous": "Alt+Up",
    },
    "aegisub": {
        "play.toggle": "B",
        "play.cue": "S",
        "play.before_start": "Q",
        "play.after_end": "W",
        "timing.set_start": "Ctrl+3",
        "timing.set_end": "Ctrl+4",
        "timing.set_end_next": "G",
        "cue.previous": "Z",
        "cue.next": "X",
    },
}
RENAMED_IDS = {"file.export_srt": "file.export"}  # an old id in saved keys -> the id its action has now
DEDICATED_KEYS = Qt.Key.Key_Back.value  # from here on: media and office keys (Open, Find, Undo, Zoom In...)


def preset_title(preset: str) -> str:
    return QCoreApplication.translate("Shortcuts", PRESET_TITLES.get(preset, preset))


def sequences(key: Key) -> list[QKeySequence]:
    """Every sequence a key stands for (a StandardKey may have several on one platform)."""
    if key is None or key == "":
        return []
    if isinstance(key, QKeySequence.StandardKey):
        return [s for s in QKeySequence.keyBindings(key) if not s.isEmpty()]
    return [QKeySequence(key)]


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


@dataclass
class Entry:
    action: QAction
    default: list[QKeySequence]


class ShortcutRegistry:
    """The window's actions by id, and the keys in force: the user's over the preset's over the default."""

    def __init__(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.entries: dict[str, Entry] = {}
        preset = prefs.shortcut_preset
        self.preset = preset if preset in PRESETS else DEFAULT_PRESET
        custom = prefs.shortcut_custom
        self.custom: dict[str, list[str]] = {}
        for k, v in custom.items():
            action_id = RENAMED_IDS.get(str(k), str(k))
            if isinstance(v, list) and (action_id == k or action_id not in custom):  # the new id's keys win
                self.custom[action_id] = [str(x) for x in v]

    def register(self, action_id: str, action: QAction, default: Key = None) -> QAction:
        self.entries[action_id] = Entry(action, sequences(default))
        action.setObjectName(action_id)
        action.setShortcuts(self.keys(action_id))
        return action

    def ids(self) -> list[str]:
        return list(self.entries)

    def keys(self, action_id: str, preset: str | None = None, custom: dict[str, list[str]] | None = None):
        """The keys of an action under a preset (the active one by default) and the user's own keys."""
        custom = self.custom if custom is None else custom
        if action_id in custom:
            return [QKeySequence(text) for text in custom[action_id] if text]
        overrides = PRESETS.get(preset or self.preset, {})
        if action_id in overrides:
            return sequences(overrides[action_id])
        return list(self.entries[action_id].default)

    def bindings(self, preset: str | None = None, custom: dict[str, list[str]] | None = None):
        return {action_id: self.keys(action_id, preset, custom) for action_id in self.entries}

    def apply(self, preset: str, custom: dict[str, list[str]] | None = None) -> None:
        """Make a preset (and the user's keys on top of it) the keys in force, and remember them."""
        self.preset = preset if preset in PRESETS else DEFAULT_PRESET
        self.custom = dict(custom or {})
        for action_id, entry in self.entries.items():
            entry.action.setShortcuts(self.keys(action_id))
        self.prefs.shortcut_preset = self.preset
        self.prefs.shortcut_custom = self.custom

    def label(self, action_id: str) -> str:
        """The action's words as the menu shows them, without its mnemonic ("&Open…", "打开(&O)…")."""
        text = re.sub(r"\(&\w\)", "", self.entries[action_id].action.text())
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shown(keys: Iterable[QKeySequence]) -> str:
    """Keys as the user reads them; the dedicated keys some keyboards have (Open, Find, Undo) are left out."""
    readable = [k for k in keys if k.count() and k[0].key().value < DEDICATED_KEYS] or list(keys)
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in readable)


def conflicts(bindings: dict[str, Iterable[QKeySequence]]) -> dict[str, list[str]]:
    """Key (portable text) -> the ids bound to it, for every key bound more than once."""
    owners: dict[str, list[str]] = {}
    for action_id, keys in bindings.items():
        for sequence in keys:
            text = portable(sequence)
            if text and action_id not in owners.setdefault(text, []):
                owners[text].append(action_id)
    return {key: ids for key, ids in owners.items() if len(ids) > 1}
