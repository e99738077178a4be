"""Every preference declared once: typed reads, defaults for damaged values (with a note), old keys migrated."""

from __future__ import annotations

import pytest

from app.core.doc_settings import NAMES, QualityChoice
from app.session.preferences import PRECISIONS, MemoryStore, Pref, Preferences


def test_defaults_without_a_stored_value():
    prefs = Preferences(MemoryStore())
    assert prefs.spelling_enabled is True and prefs.ui_theme == "system" and prefs.recent_files == []
    assert prefs.default_quality == QualityChoice("netflix", {})
    assert prefs.notes == []


@pytest.mark.parametrize(
    ("key", "stored", "name", "default"),
    [
        ("spelling/enabled", "perhaps", "spelling_enabled", True),
        ("ui/theme", "purple", "ui_theme", "system"),
        ("recognition/cpu_precision", "fp64", "recognition_precision", "auto"),
        ("quality/profile", "strict", "quality_profile", "netflix"),
        ("quality/custom", "{not json", "quality_custom", {}),
        ("shortcuts/custom", "[1, 2]", "shortcut_custom", {}),
        ("files/recent", 5, "recent_files", []),
        ("translate/concurrency", "many", "translate_concurrency", 4),
        ("translate/concurrency", "0", "translate_concurrency", 4),
    ],
)
def test_a_damaged_value_reads_as_the_default_with_one_note(key, stored, name, default):
    prefs = Preferences(MemoryStore({key: stored}))
    assert getattr(prefs, name) == default
    getattr(prefs, name)  # read twice: still one note
    assert len(prefs.notes) == 1 and key in prefs.notes[0]


def test_values_as_an_ini_file_gives_them_back_are_typed():
    custom = '{"max_cps": 12, "surprise": 1, "max_lines": true}'
    prefs = Preferences(
        MemoryStore({"spelling/enabled": "false", "files/recent": "/one/file.srt", "quality/custom": custom})
    )
    assert prefs.spelling_enabled is False
    assert prefs.recent_files == ["/one/file.srt"]  # QSettings gives a one-item list back as its item
    assert prefs.quality_custom == {"max_cps": 12}  # unknown names and a bool dropped


def test_writes_are_checked_against_the_allowed_values():
    prefs = Preferences(MemoryStore())
    prefs.ui_theme = "dark"
    assert prefs.store.value("ui/theme") == "dark"
    with pytest.raises(ValueError):
        prefs.ui_theme = "purple"


def test_the_eight_bit_tick_of_earlier_versions_becomes_the_precision():
    store = MemoryStore({"recognition/cpu_int8": "true"})
    assert Preferences(store).recognition_precision == "int8"
    assert not store.contains("recognition/cpu_int8")
    store = MemoryStore({"recognition/cpu_int8": "true", "recognition/cpu_precision": "bf16"})
    assert Preferences(store).recognition_precision == "bf16"  # the newer key wins


def test_recognitions_old_limits_become_the_default_custom_profile():
    store = MemoryStore({"segmentation/limits": '{"max_cps": 12, "max_line_chars": "x"}'})
    prefs = Preferences(store)
    assert prefs.default_quality == QualityChoice("custom", {"max_cps": 12})
    assert not store.contains("segmentation/limits")
    chosen = Preferences(MemoryStore({"segmentation/limits": '{"max_cps": 12}', "quality/profile": "bbc"}))
    assert chosen.quality_profile == "bbc"  # a profile the user chose wins over the old limits


def test_damaged_old_limits_leave_a_note_not_an_error():
    prefs = Preferences(MemoryStore({"segmentation/limits": "{not json"}))
    assert prefs.quality_profile == "netflix" and prefs.notes


def test_every_preference_has_its_own_key_and_a_default_it_accepts():
    declared = Preferences.declared()
    keys = [p.key for p in declared.values()]
    assert len(keys) == len(set(keys))
    for pref in declared.values():
        assert isinstance(pref, Pref)
        assert pref.allowed is None or pref.default in pref.allowed, pref.key
    assert Preferences.quality_profile.allowed == NAMES


def test_the_precisions_are_the_engines():
    from app.asr.client.protocol import CPU_PRECISIONS

    assert tuple(CPU_PRECISIONS) == PRECISIONS


def test_the_requests_at_once_come_back_as_a_number():
    assert Preferences(MemoryStore({"translate/concurrency": "8"})).translate_concurrency == 8
