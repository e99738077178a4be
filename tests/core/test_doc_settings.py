"""The document's settings: one typed, versioned, immutable value; older projects migrated; damage noted."""

from __future__ import annotations

import pytest

from app.core import profiles
from app.core.doc_settings import PROFILE_NAMES, VERSION, DocumentSettings, QualityChoice


def test_the_profiles_named_here_are_the_profiles_defined():
    assert tuple(profiles.PROFILES) == PROFILE_NAMES


def test_round_trip_keeps_every_field_and_a_newer_versions_keys():
    settings = DocumentSettings(
        QualityChoice("custom", {"max_cps": 12.0}), word_list=("Qwen",), subtitle_source={"format": "srt"},
        other={"styles": {"Default": {}}},
    )  # fmt: skip
    data = settings.as_json()
    assert data["version"] == VERSION and data["styles"] == {"Default": {}}
    assert DocumentSettings.from_json(data) == settings


def test_version_one_limits_become_the_custom_profile():
    old = {"limits": {"max_cps": 12, "max_line_chars": 30, "min_gap_ms": 120}, "word_list": ["b", "a"]}
    settings = DocumentSettings.from_json(old)
    assert settings.quality == QualityChoice("custom", {"max_cps": 12.0, "max_line_chars": 30, "min_gap_ms": 120})
    assert settings.word_list == ("a", "b") and "limits" not in settings.as_json()
    profile = profiles.of_settings(settings)
    assert (profile.max_cps, profile.max_line_chars, profile.min_gap_ms) == (12.0, 30, 120)


def test_a_chosen_profile_wins_over_version_one_limits():
    settings = DocumentSettings.from_json({"quality": {"profile": "bbc"}, "limits": {"max_cps": 12}})
    assert profiles.of_settings(settings) is profiles.BBC


@pytest.mark.parametrize("value", [5, "x", [1], {"quality": {"profile": 5}}, {"word_list": "abc"}])
def test_damage_is_noted_and_never_raised(value):
    notes: list[str] = []
    settings = DocumentSettings.from_json(value, notes)
    assert settings.quality is None and settings.word_list == ()
    assert notes


def test_the_value_cannot_be_changed_behind_the_documents_back():
    custom = {"max_cps": 12.0}
    choice = QualityChoice("custom", custom)
    custom["max_cps"] = 99.0
    assert choice.custom["max_cps"] == 12.0
    with pytest.raises(TypeError):
        choice.custom["max_cps"] = 1.0  # type: ignore[index]
    settings = DocumentSettings()
    assert settings.replace(word_list=["b", "a", "a"]).word_list == ("a", "b") and settings.word_list == ()


def test_the_default_profile_applies_when_the_document_chooses_none():
    assert profiles.of_settings(DocumentSettings(), profiles.BBC) is profiles.BBC
    assert profiles.of_settings(DocumentSettings()) is profiles.NETFLIX
    damaged = DocumentSettings(QualityChoice("custom", {"max_lines": 0}))
    assert profiles.of_settings(damaged) == profiles.Profile.from_dict({})  # the Netflix defaults, not an error
