from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.commands import (
    DeleteCues,
    InsertCue,
    MergeWithNext,
    ReplaceAll,
    SetFlags,
    SetMetadata,
    SetProperties,
    SetText,
    SetTimes,
    ShiftCues,
    SplitCue,
    remap_words,
    replace_cues,
)
from app.core.doc_settings import DocumentSettings, QualityChoice
from app.core.document import Change, Cue, Document, Word
from app.core.rules import MIN_GAP_MS
from app.core.undo import UndoStack
from tests.core.conftest import make_doc


def test_insert(doc, reversible):
    reversible(doc, InsertCue(1, Cue(2600, 2900, "Oh.")))
    assert [c.text for c in doc] == ["Hello, world.", "Oh.", "How are you?", "Fine."]


def test_insert_rejects_negative_times(doc):
    with pytest.raises(ValueError):
        UndoStack(doc).push(InsertCue(0, Cue(-5, 10, "x")))
    assert len(doc) == 3


def test_delete_non_contiguous(doc, reversible):
    reversible(doc, DeleteCues((2, 0)))
    assert [c.text for c in doc] == ["How are you?"]


def test_delete_all(doc, reversible):
    reversible(doc, DeleteCues((0, 1, 2)))
    assert len(doc) == 0


def test_set_text_marks_edited_and_keeps_untouched_words(doc, reversible):
    reversible(doc, SetText(1, "How old are you?"))
    cue = doc[1]
    assert cue.text == "How old are you?"
    assert cue.edited
    # "How" and "are" kept their times and point at the same words in the new text
    assert [cue.word_text(w) for w in cue.words] == ["How", "are", "you?"]
    assert [w.start for w in cue.words] == [3000, 3300, 3700]


def test_set_same_text_changes_nothing(doc):
    stack = UndoStack(doc)
    stack.push(SetText(0, "Hello, world."))
    assert not doc[0].edited


def test_set_times_moves_words_with_the_cue(doc, reversible):
    reversible(doc, SetTimes(0, 2000, 3500))
    assert (doc[0].start, doc[0].end) == (2000, 3500)
    assert [(w.start, w.end) for w in doc[0].words] == [(2000, 2500), (2600, 3400)]
    assert not doc[0].edited, "new times do not make the text edited"


def test_set_times_stretches_words(doc, reversible):
    reversible(doc, SetTimes(0, 1000, 4000))
    assert [(w.start, w.end) for w in doc[0].words] == [(1000, 2000), (2200, 3800)]


def test_set_flags(doc, reversible):
    reversible(doc, SetFlags((0, 1), locked=True))
    assert doc[0].locked and doc[1].locked and doc[2].locked


def test_split_follows_words(doc, reversible):
    reversible(doc, SplitCue(1, 7))  # "How are| you?"
    left, right = doc[1], doc[2]
    assert (left.text, right.text) == ("How are", "you?")
    assert [left.word_text(w) for w in left.words] == ["How", "are"]
    assert [right.word_text(w) for w in right.words] == ["you?"]
    assert left.end == 3600 and right.start == 3700, "the split falls in the pause between the words"
    assert right.end == 4200 and left.start == 3000


def test_split_without_words_is_proportional(reversible):
    doc = Document.from_cues([Cue(0, 1000, "aaaa bbbbbbbbbbbbbbb")])
    reversible(doc, SplitCue(0, 5))
    assert doc[0].text == "aaaa" and doc[1].text == "bbbbbbbbbbbbbbb"
    middle = round(1000 * 4 / 19)
    assert (doc[0].end, doc[1].start) == (middle - MIN_GAP_MS // 2, middle + MIN_GAP_MS - MIN_GAP_MS // 2)


def test_split_leaves_the_minimum_gap_only_where_the_cue_can_give_it(reversible):
    doc = Document.from_cues([Cue(0, 150, "ab cd")])
    reversible(doc, SplitCue(0, 3))
    assert doc[0].end == doc[1].start  # 150 ms cannot hold two cues and a gap of 83 ms


def test_split_inside_a_word_divides_its_time(reversible):
    doc = Document.from_cues([Cue(0, 1000, "abcd", (Word(0, 1000, 0, 4),))])
    reversible(doc, SplitCue(0, 2))
    assert doc[0].words == (Word(0, 459, 0, 2),)
    assert doc[1].words == (Word(542, 1000, 0, 2),)
    assert doc[1].start - doc[0].end == MIN_GAP_MS


def test_split_outside_the_text_is_refused(doc):
    with pytest.raises(ValueError):
        UndoStack(doc).push(SplitCue(0, 0))
    assert len(doc) == 3


def test_merge_with_next(doc, reversible):
    reversible(doc, MergeWithNext(0))
    merged = doc[0]
    assert merged.text == "Hello, world. How are you?"
    assert (merged.start, merged.end) == (1000, 4200)
    assert [merged.word_text(w) for w in merged.words] == ["Hello,", "world.", "How", "are", "you?"]
    assert len(doc) == 2


def test_merge_chinese_joins_without_space(reversible):
    doc = Document.from_cues([Cue(0, 1000, "你好。"), Cue(1000, 2000, "再见。")], language="Chinese")
    reversible(doc, MergeWithNext(0))
    assert doc[0].text == "你好。再见。"


def test_merge_last_cue_is_refused(doc):
    with pytest.raises(IndexError):
        UndoStack(doc).push(MergeWithNext(2))


def test_shift_range(doc, reversible):
    reversible(doc, ShiftCues(1, 2, 500))
    assert [(c.start, c.end) for c in doc] == [(1000, 2500), (3500, 4700), (5500, 6500)]
    assert doc[1].words[0].start == 3500


def test_shift_stops_at_zero(doc, reversible):
    reversible(doc, ShiftCues(0, 2, -5000))
    assert doc[0].start == 0 and doc[1].start == 2000


def test_replace_all(doc, reversible):
    reversible(doc, ReplaceAll((Cue(0, 10, "x"),)))
    assert [c.text for c in doc] == ["x"]


def test_set_properties(doc, reversible):
    reversible(doc, SetProperties("French", "/other.mkv"))
    assert doc.language == "French" and doc.media_path == "/other.mkv"


def test_set_metadata_changes_only_what_it_names(doc, reversible):
    doc.settings = DocumentSettings(QualityChoice("custom", {"max_cps": 17.0}))
    reversible(doc, SetMetadata(settings=DocumentSettings(QualityChoice("custom", {"max_cps": 15.0}))))
    assert doc.settings.quality == QualityChoice("custom", {"max_cps": 15.0})
    assert doc.language == "English" and doc.media_path == "/media/clip.mp4"
    reversible(doc, SetMetadata(media_path="/other.mkv"))
    assert doc.media_path == "/other.mkv" and doc.language == "English"


def test_set_metadata_is_one_meta_change_and_keeps_the_settings_it_was_given(doc):
    heard: list[Change] = []
    doc.subscribe(heard.append)
    given = {"max_cps": 12.0}
    UndoStack(doc).push(SetMetadata(language="French", settings=DocumentSettings(QualityChoice("custom", given))))
    given["max_cps"] = 99.0  # the caller's dict is not the document's
    assert heard == [Change("meta")] and doc.settings.quality.custom["max_cps"] == 12.0


def test_document_settings_are_typed():
    with pytest.raises(TypeError):
        SetMetadata(settings={"limits": {}}).apply(Document())  # type: ignore[arg-type]


def test_replace_cues_batch(doc, reversible):
    reversible(doc, replace_cues(doc, [(0, doc[0].with_(start=900)), (2, doc[2].with_(text="Good."))], "Re-align"))
    assert doc[0].start == 900 and doc[2].text == "Good."


def test_failed_batch_leaves_document_untouched(doc):
    before = doc.snapshot()
    with pytest.raises(IndexError):
        UndoStack(doc).push(DeleteCues((0, 7)))
    assert doc.snapshot() == before


def test_remap_words_drops_changed_words():
    words = (Word(0, 1, 0, 5), Word(1, 2, 6, 11))
    assert remap_words("hello world", "hello there", words) == (Word(0, 1, 0, 5),)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_sequence_of_edits_undoes_exactly(data):
    """Random edits, then undo all: the document is back where it started; redo all gives the end state."""
    doc = make_doc()
    stack = UndoStack(doc)
    start = doc.snapshot()
    for _ in range(data.draw(st.integers(1, 12))):
        n = len(doc)
        options = (
            ["insert"] + (["delete", "text", "times", "shift", "split"] if n else []) + (["merge"] if n > 1 else [])
        )
        kind = data.draw(st.sampled_from(options))
        i = data.draw(st.integers(0, max(n - 1, 0)))
        if kind == "insert":
            command = InsertCue(data.draw(st.integers(0, n)), Cue(data.draw(st.integers(0, 9000)), 9500, "new cue"))
        elif kind == "delete":
            command = DeleteCues((i,))
        elif kind == "text":
            command = SetText(i, data.draw(st.text(min_size=0, max_size=20)))
        elif kind == "times":
            a, b = sorted(data.draw(st.lists(st.integers(0, 20000), min_size=2, max_size=2)))
            command = SetTimes(i, a, b)
        elif kind == "shift":
            command = ShiftCues(0, i, data.draw(st.integers(-3000, 3000)))
        elif kind == "merge":
            command = MergeWithNext(min(i, n - 2))
        else:
            if len(doc[i].text) < 2:
                continue
            command = SplitCue(i, data.draw(st.integers(1, len(doc[i].text) - 1)))
        stack.push(command)
        for cue in doc:
            for word in cue.words:
                assert 0 <= word.char_start <= word.char_end <= len(cue.text)
    end = doc.snapshot()
    while stack.undo():
        pass
    assert doc.snapshot() == start
    while stack.redo():
        pass
    assert doc.snapshot() == end
