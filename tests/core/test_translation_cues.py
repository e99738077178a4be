"""A translation on every cue (issue 25, item 1): it follows its cue through split, merge and shift, is saved in
the project, and a translation run is one undo step."""

from __future__ import annotations

from app.core.commands import MergeWithNext, SetMetadata, SetTranslations, ShiftCues, SplitCue
from app.core.doc_settings import DocumentSettings
from app.core.document import Cue, Document
from app.core.translation import join_translations, split_translation
from app.formats.project import load_project, save_project


def _doc() -> Document:
    return Document.from_cues(
        [
            Cue(0, 2000, "one two three four", translation="un deux trois quatre"),
            Cue(3000, 4000, "five", translation="cinq", locked=True),
            Cue(5000, 6000, "你好世界", translation="hello world"),
        ]
    )


def test_set_translations_is_one_undo_step(reversible):
    doc = reversible(_doc(), SetTranslations((0, 2), ("A", ""), (False, True)))
    assert [(c.translation, c.translation_review) for c in doc] == [("A", False), ("cinq", False), ("", True)]


def test_split_divides_the_translation_at_the_same_proportion_and_flags_it(reversible):
    doc = reversible(_doc(), SplitCue(0, 8))  # "one two " | "three four"
    assert (doc[0].text, doc[1].text) == ("one two", "three four")
    assert (doc[0].translation, doc[1].translation) == ("un deux", "trois quatre")
    assert doc[0].translation_review and doc[1].translation_review


def test_split_of_an_untranslated_cue_flags_nothing():
    left, right = split_translation("", 0.5)
    assert (left, right) == ("", "")
    doc = _doc()
    SetTranslations((0,), ("",)).apply(doc)
    SplitCue(0, 8).apply(doc)
    assert not doc[0].translation_review and not doc[1].translation


def test_a_chinese_translation_is_divided_between_characters():
    assert split_translation("你好世界", 0.5) == ("你好", "世界")


def test_merge_joins_the_translations(reversible):
    doc = reversible(_doc(), MergeWithNext(0))
    assert doc[0].translation == "un deux trois quatre cinq"
    assert join_translations("你好", "世界") == "你好世界" and join_translations("", "x") == "x"


def test_shift_keeps_the_translation(reversible):
    doc = reversible(_doc(), ShiftCues(0, 2, 500))
    assert [c.translation for c in doc] == ["un deux trois quatre", "cinq", "hello world"]


def test_the_target_language_is_a_document_setting(reversible):
    doc = _doc()
    doc = reversible(doc, SetMetadata(settings=doc.settings.replace(translation_language="English")))
    assert doc.settings.translation_language == "English"
    data = doc.settings.as_json()
    assert data["translation"] == {"language": "English"} and data["version"] >= 3
    assert DocumentSettings.from_json(data) == doc.settings
    notes: list[str] = []
    assert DocumentSettings.from_json({"version": 2, "translation": 5}, notes).translation_language == ""
    assert notes
    assert DocumentSettings.from_json({"version": 2}).translation_language == ""


def test_translations_are_saved_in_the_project(tmp_path):
    doc = _doc()
    SetTranslations((2,), ("",), (True,)).apply(doc)
    SetMetadata(settings=doc.settings.replace(translation_language="French")).apply(doc)
    path = tmp_path / "a.qssproj"
    save_project(doc, path)
    loaded = load_project(path)
    assert loaded.cues == doc.cues and loaded.settings.translation_language == "French"
