"""A language on every cue: the names, their BCP-47 codes, the document's majority, and the edit that sets it."""

from __future__ import annotations

import pytest

from app.core.commands import MergeWithNext, SetLanguage
from app.core.document import Cue, Document
from app.core.languages import SUPPORTED_LANGUAGES, code_of, majority_language, name_of


def test_a_cue_has_no_language_until_one_is_known():
    assert Cue(0, 1000, "Hi").language == ""
    assert Cue(0, 1000, "你好", language="Chinese").language == "Chinese"


@pytest.mark.parametrize(
    ("tag", "name"),
    [("zh", "Chinese"), ("zh-Hant-TW", "Chinese"), ("zh_CN", "Chinese"), ("cmn", "Chinese"), ("yue", "Cantonese"),
     ("zh-yue", "Cantonese"), ("en-GB", "English"), ("EN", "English"), ("ja-JP", "Japanese"), ("ko", "Korean"),
     ("fil", "Filipino"), ("tl", "Filipino"), ("eng", "English"), ("English", "English"), ("cantonese", "Cantonese"),
     ("", ""), (None, ""), ("xx", ""), ("Klingon", "")],
)  # fmt: skip
def test_name_of_a_tag(tag, name):
    assert name_of(tag) == name


def test_every_name_has_a_code_and_back():
    for name in SUPPORTED_LANGUAGES:
        assert name_of(code_of(name)) == name
    assert code_of("Cantonese") == "yue" and code_of("Chinese") == "zh"
    assert code_of("") == "" and code_of("Sichuanese") == ""  # a dialect without a code here: nothing written


def test_the_documents_language_is_the_majority():
    assert majority_language(["English", "Chinese", "", "Chinese"]) == "Chinese"
    assert majority_language(["", ""]) == ""
    assert majority_language(["English", "Chinese"]) == "English"  # a tie: the first met


def test_set_language_is_one_undoable_step(doc, reversible):
    reversible(doc, SetLanguage((0, 2), "Chinese"))
    assert [c.language for c in doc] == ["Chinese", "", "Chinese"]
    reversible(doc, SetLanguage((0, 1, 2), ""))
    assert [c.language for c in doc] == ["", "", ""]


def test_a_merge_keeps_a_language():
    doc = Document.from_cues([Cue(0, 1000, "你好"), Cue(1000, 2000, "世界", language="Chinese")], language="Chinese")
    MergeWithNext(0).apply(doc)
    assert doc[0].language == "Chinese"
