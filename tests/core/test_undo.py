from __future__ import annotations

import pytest

from app.core.commands import SetText, SetTimes
from app.core.document import Change, Cue
from app.core.undo import UndoStack


def test_a_drag_is_one_undo_step(doc):
    """Fifty mouse moves while dragging a cue edge become one step (begin / commit)."""
    stack = UndoStack(doc)
    before = doc.snapshot()
    stack.begin("Drag cue end")
    for end in range(2500, 3000, 10):
        stack.push(SetTimes(0, 1000, end))
    assert not stack.can_undo, "nothing can be undone while the drag is open"
    stack.commit()
    assert doc[0].end == 2990
    assert stack.undo_label == "Drag cue end"
    stack.undo()
    assert doc.snapshot() == before
    assert not stack.can_undo
    stack.redo()
    assert doc[0].end == 2990


def test_aborted_drag_leaves_nothing(doc):
    stack = UndoStack(doc)
    before = doc.snapshot()
    stack.begin("Drag")
    stack.push(SetTimes(0, 1000, 2000))
    stack.push(SetTimes(0, 1000, 1800))
    stack.abort()
    assert doc.snapshot() == before
    assert not stack.can_undo


def test_empty_group_leaves_no_step(doc):
    stack = UndoStack(doc)
    stack.begin("Click")
    stack.commit()
    assert not stack.can_undo


def test_groups_do_not_nest(doc):
    stack = UndoStack(doc)
    stack.begin("a")
    with pytest.raises(RuntimeError):
        stack.begin("b")


def test_new_edit_drops_redo(doc):
    stack = UndoStack(doc)
    stack.push(SetText(0, "a"))
    stack.undo()
    stack.push(SetText(0, "b"))
    assert not stack.can_redo
    assert doc[0].text == "b"


def test_clean_state_follows_undo_and_redo(doc):
    stack = UndoStack(doc)
    assert stack.is_clean()
    stack.push(SetText(0, "a"))
    assert not stack.is_clean()
    stack.mark_clean()
    stack.push(SetText(0, "b"))
    assert not stack.is_clean()
    stack.undo()
    assert stack.is_clean()
    stack.undo()
    assert not stack.is_clean()
    stack.redo()
    assert stack.is_clean()


def test_clean_state_lost_when_its_branch_is_dropped(doc):
    stack = UndoStack(doc)
    stack.push(SetText(0, "saved"))
    stack.mark_clean()
    stack.undo()
    stack.push(SetText(0, "other"))
    stack.undo()
    assert not stack.is_clean(), "the saved state can no longer be reached"


def test_limit_drops_oldest_steps(doc):
    stack = UndoStack(doc, limit=3)
    for n in range(5):
        stack.push(SetText(0, str(n)))
    undone = 0
    while stack.undo():
        undone += 1
    assert undone == 3
    assert doc[0].text == "1"


def test_listeners_hear_indices(doc):
    heard: list[Change] = []
    doc.subscribe(heard.append)
    stack = UndoStack(doc)
    stack.push(SetText(2, "Good."))
    assert heard == [Change("changed", 2, 1)]
    notified: list[bool] = []
    stack.subscribe(lambda: notified.append(stack.can_undo))
    stack.undo()
    assert notified[-1] is False


def test_merging_pushes_make_one_step_that_undoes_exactly(doc):
    """Long work (a recognition) adds cue after cue with one key: one undo step, however many pushes."""
    from app.core.commands import InsertRun

    stack = UndoStack(doc)
    before = doc.snapshot()
    key = object()
    for n in range(300):
        stack.push(InsertRun(len(doc), (Cue(10_000 + 100 * n, 10_050 + 100 * n, f"c{n}"),), "Recognize"), merge=key)
    after = doc.snapshot()
    assert stack.can_undo and stack.undo_label == "Recognize"
    stack.undo()
    assert doc.snapshot() == before and not stack.can_undo
    stack.redo()
    assert doc.snapshot() == after


def test_a_user_edit_between_merging_pushes_stays_its_own_step(doc):
    from app.core.commands import InsertRun

    stack = UndoStack(doc)
    key = object()
    stack.push(InsertRun(3, (Cue(7000, 7500, "a"),), "Recognize"), merge=key)
    stack.push(SetText(0, "typed"))  # the user, while the work runs
    stack.push(InsertRun(4, (Cue(8000, 8500, "b"),), "Recognize"), merge=key)
    stack.push(InsertRun(5, (Cue(9000, 9500, "c"),), "Recognize"), merge=key)
    assert [c.text for c in doc][3:] == ["a", "b", "c"]
    stack.undo()  # the work since the edit, as one step
    assert [c.text for c in doc] == ["typed", "How are you?", "Fine.", "a"]
    stack.undo()  # the user's edit alone
    assert [c.text for c in doc] == ["Hello, world.", "How are you?", "Fine.", "a"]
    stack.undo()
    assert len(doc) == 3 and not stack.can_undo


def test_a_save_closes_the_merging_step_and_growth_marks_modified(doc):
    from app.core.commands import InsertRun

    stack = UndoStack(doc)
    key = object()
    stack.push(InsertRun(3, (Cue(7000, 7500, "a"),)), merge=key)
    stack.mark_clean()
    stack.push(InsertRun(4, (Cue(8000, 8500, "b"),)), merge=key)
    assert not stack.is_clean()
    stack.undo()
    assert stack.is_clean(), "the saved state is still one undo away"


def test_a_merging_push_refuses_an_open_drag(doc):
    stack = UndoStack(doc)
    stack.begin("Drag")
    with pytest.raises(RuntimeError):
        stack.push(SetText(0, "x"), merge="work")
    stack.abort()
