"""The project's spell-check word list: saved in the project, read back, and cleaned when damaged."""

from __future__ import annotations

import json

from app.core.commands import SetMetadata
from app.core.document import Cue, Document
from app.core.spelling import WORD_LIST_KEY
from app.core.undo import UndoStack
from app.formats.project import load_project, save_project
from app.text import spellcheck


def test_word_list_round_trips_and_the_checker_honours_it(tmp_path):
    doc = Document.from_cues([Cue(0, 1000, "Qwen speaks to Aegisub")], language="English")
    stack = UndoStack(doc)
    stack.push(SetMetadata(settings=doc.settings.replace(word_list=["Qwen", "Aegisub"]), label="Add"))
    path = tmp_path / "work.qssproj"
    save_project(doc, path)
    back = load_project(path)
    assert back.settings.word_list == ("Aegisub", "Qwen")
    english = spellcheck.load(back.language)
    assert english is not None
    extra = {w.casefold() for w in back.settings.word_list}
    assert english.misspelled(back[0].text, extra) == []
    assert [back[0].text[a:b] for a, b in english.misspelled(back[0].text)] == ["Qwen", "Aegisub"]
    stack.undo()  # adding words is an undoable edit of the settings
    assert doc.settings.word_list == ()


def test_damaged_word_list_is_cleaned_not_refused(tmp_path):
    path = tmp_path / "damaged.qssproj"
    data = {
        "format": "qwen-subtitle-studio-project", "version": 1, "language": "English",
        "settings": {WORD_LIST_KEY: ["ok", 42, None, {"a": 1}, "two words", "x" * 500, "ok"], "other": 1},
        "cues": [{"start": 0, "end": 1000, "text": "ok"}],
    }  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    doc = load_project(path)
    assert doc.settings.word_list == ("ok",)
    assert doc.settings.other["other"] == 1  # other settings are kept as they were
    data["settings"][WORD_LIST_KEY] = "not a list"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).settings.word_list == ()
