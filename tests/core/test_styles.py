"""The document's subtitle style (issue 26, item 3): kept in the settings (version 4), older projects get the
default, damage gets the default and a note, never a traceback."""

from __future__ import annotations

import pytest

from app.core.commands import SetMetadata
from app.core.doc_settings import VERSION, DocumentSettings
from app.core.document import Cue, Document
from app.core.styles import DEFAULT_STYLE, SubtitleStyle, argb


def test_a_style_is_saved_in_the_settings_and_read_back():
    style = SubtitleStyle(font="DejaVu Serif", size=0.08, bold=True, colour="#ffffff00", shadow=0.004, alignment=8)
    settings = DocumentSettings().replace(style=style)
    data = settings.as_json()
    assert data["version"] == VERSION == 4 and data["style"]["font"] == "DejaVu Serif"
    assert DocumentSettings.from_json(data) == settings


def test_a_version_three_document_has_the_default_style_and_writes_none():
    settings = DocumentSettings.from_json({"version": 3, "translation": {"language": "English"}})
    assert settings.style == DEFAULT_STYLE and "style" not in settings.as_json()


@pytest.mark.parametrize(
    "value", ["x", {"size": "big"}, {"alignment": 12}, {"colour": "white"}, {"bold": 1}, {"size": float("nan")}]
)
def test_a_damaged_style_gets_its_default_and_a_note(value):
    notes: list[str] = []
    settings = DocumentSettings.from_json({"version": 4, "style": value}, notes)
    assert settings.style == DEFAULT_STYLE and notes


def test_out_of_range_numbers_are_clamped():
    style = SubtitleStyle.from_json({"size": 5, "margin_left": -1, "font": "  Noto   Sans "})
    assert (style.size, style.margin_left, style.font) == (0.3, 0.0, "Noto Sans")


def test_changing_the_style_is_one_undoable_edit():
    doc = Document([Cue(0, 1000, "a")])
    inverse = SetMetadata(settings=doc.settings.replace(style=DEFAULT_STYLE.replace(size=0.07))).apply(doc)
    assert doc.settings.style.size == 0.07
    inverse.apply(doc)
    assert doc.settings.style == DEFAULT_STYLE


def test_colours_are_alpha_first():
    assert argb(DEFAULT_STYLE.outline_colour) == (230, 0, 0, 0)
