"""Fix common problems with review: each change shown before and after, ticked per change or per kind; Apply is
one undo step; unticked changes and locked cues stay as they are; no text is lost or reordered."""

from __future__ import annotations

from app.core.document import Cue, Document
from app.core.fix_review import propose_keeping
from app.core.fixes import propose
from app.core.profiles import NETFLIX
from app.ui.checks.fix import FixReviewDialog, fix_common_problems


def problem_cues() -> list[Cue]:
    return [
        Cue(1_000, 3_000, "Hello  there."),  # double space: trimmed
        Cue(2_500, 5_000, "This one overlaps the cue above."),  # overlap: resolved
        Cue(10_000, 10_001, "Blink."),  # 1 ms: extended
        Cue(20_000, 22_000, "A line that is much longer than forty-two characters allows."),  # re-broken
        Cue(30_000, 30_050, "Locked  and short.", locked=True),  # never touched
    ]


def load(window, cues):
    window.state.replace_document(Document.from_cues(cues, language="en"))


def texts(cues):
    return " ".join(" ".join(c.text.split()) for c in cues)


def run_fix(window, decide):
    shown = []

    def review(dialog: FixReviewDialog) -> bool:
        shown.append(dialog)
        return decide(dialog)

    profile = window.state.session.profile  # the one in force
    applied = fix_common_problems(window, profile, "Netflix", window.checks.shots(), review=review)
    return applied, shown[0] if shown else None


def test_the_review_shows_each_change_with_before_and_after(window, qtbot):
    load(window, problem_cues())
    applied, dialog = run_fix(window, lambda d: False)
    assert not applied
    table = dialog.table
    assert table.rowCount() == len(dialog.plan.proposals) >= 3
    before = [table.item(r, 3).text() for r in range(table.rowCount())]
    after = [table.item(r, 4).text() for r in range(table.rowCount())]
    blink = next(r for r, text in enumerate(before) if "Blink." in text)
    assert "0:00:10.000 → 0:00:10.001" in before[blink] and "0:00:10.001" not in after[blink]
    assert "extended" in table.item(blink, 2).text()
    assert all(dialog.is_ticked(r) for r in range(table.rowCount()))
    assert not any("Locked" in text for text in before)  # the locked cue is not in the plan
    assert set(dialog.kind_boxes) >= {"Spaces", "Overlaps", "Too short or fast", "Line breaks"}
    assert dialog.kind_boxes["Spaces"].text() == f"Spaces ({len(dialog.kinds['Spaces'])})"
    assert list(window.state.doc.cues) == problem_cues()  # cancelled: nothing changed


def test_apply_all_is_one_undo_step_keeps_text_and_locked_cues(window, qtbot):
    load(window, problem_cues())
    applied, _ = run_fix(window, lambda d: True)
    assert applied
    cues = list(window.state.doc.cues)
    assert texts(cues) == texts(problem_cues())
    assert cues[1].start >= cues[0].end + NETFLIX.min_gap_ms
    assert cues[2].duration >= NETFLIX.min_duration_ms
    assert "\n" in cues[3].text
    assert cues[-1] == problem_cues()[-1]
    assert window.state.stack.undo_label == "Fix common problems"
    window.undo()
    assert list(window.state.doc.cues) == problem_cues()


def test_an_unticked_change_leaves_that_cue_as_it_was(window, qtbot):
    load(window, problem_cues())

    def untick_blink(dialog):
        row = next(r for r in range(dialog.table.rowCount()) if "Blink." in dialog.table.item(r, 3).text())
        dialog.set_row(row, False)
        return True

    applied, _ = run_fix(window, untick_blink)
    assert applied
    cues = list(window.state.doc.cues)
    assert Cue(10_000, 10_001, "Blink.") in cues  # kept exactly
    assert cues[0].text == "Hello there."  # the others applied


def test_unticking_a_kind_unticks_its_rows(window, qtbot):
    load(window, problem_cues())

    def no_line_breaks(dialog):
        dialog.kind_boxes["Line breaks"].setChecked(False)
        rows = dialog.kinds["Line breaks"]
        assert rows and not any(dialog.is_ticked(r) for r in rows)
        return True

    run_fix(window, no_line_breaks)
    long_line = next(c for c in window.state.doc.cues if c.text.startswith("A line"))
    assert "\n" not in long_line.text


def test_nothing_to_fix_says_so(window, qtbot):
    load(window, [Cue(1_000, 3_000, "Fine."), Cue(4_000, 6_000, "Also fine.")])
    applied, dialog = run_fix(window, lambda d: True)
    assert not applied and dialog is None
    assert any("Nothing to fix" in text for _title, text in window.dialogs)


def test_propose_keeping_holds_rejected_cues_and_changes_only_accepted_ones():
    cues = problem_cues()
    plan = propose(cues, NETFLIX, "en")
    rejected = {k for k, p in enumerate(plan.proposals) if any(c.text == "Hello  there." for c in p.before)}
    final = propose_keeping(cues, plan, rejected, NETFLIX, "en")
    assert cues[0] in final.cues
    accepted_ids = {id(c) for k, p in enumerate(plan.proposals) if k not in rejected for c in p.before}
    for cue in cues:
        if id(cue) not in accepted_ids:
            assert cue in final.cues  # what the user did not accept is unchanged
    assert texts(final.cues) == texts(cues)


def test_fix_in_the_window_snaps_to_the_shot_changes_the_picture_found(window, qtbot):
    from app.core.frames import FrameGrid

    load(window, [Cue(10_120, 12_500, "Starts three frames after the cut.")])
    window.picture.frames = FrameGrid.constant(25.0, 60_000)
    window.picture._set_cuts((10_000,))  # what the shot scan reports
    applied, dialog = run_fix(window, lambda d: True)
    assert applied
    assert "shot change" in dialog.table.item(0, 2).text()
    assert window.state.doc[0].start == 10_000
