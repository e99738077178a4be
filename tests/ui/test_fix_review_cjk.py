"""Fix common problems on Chinese cues in the window: the line-end convention is a box in the review, off at first;
a cue too long for two lines is split, applied with the other fixes as one undo step."""

from __future__ import annotations

from app.core.document import Cue, Document
from app.ui.checks.fix import FixReviewDialog, fix_common_problems

LONG = "我们今天在东京的会议上讨论了很多问题和计划。明天我们要去大阪看看那边的朋友们最近过得怎么样"


def chinese_cues() -> list[Cue]:
    return [
        Cue(1_000, 4_000, "你好, 我们走吧，\n东京很好。", language="Chinese"),
        Cue(5_000, 14_000, LONG, language="Chinese"),
    ]


def run_fix(window, decide):
    window.state.replace_document(Document.from_cues(chinese_cues(), language="Chinese"))
    shown: list[FixReviewDialog] = []

    def review(dialog: FixReviewDialog) -> bool:
        shown.append(dialog)
        return decide(dialog)

    profile = window.state.session.profile
    return fix_common_problems(window, profile, "Netflix", window.checks.shots(), review=review), shown[0]


def test_the_line_end_convention_is_offered_off_and_applies_when_ticked(window, qtbot):
    def tick_line_ends(dialog):
        assert not dialog.line_end_box.isHidden() and not dialog.line_end_box.isChecked()
        assert "Line-end punctuation" not in dialog.kind_boxes
        assert {"Full-width punctuation", "Splits"} <= set(dialog.kind_boxes)
        dialog.line_end_box.setChecked(True)
        assert "Line-end punctuation" in dialog.kind_boxes
        assert dialog.table.rowCount() == len(dialog.plan.proposals)
        return True

    applied, _dialog = run_fix(window, tick_line_ends)
    assert applied
    cues = list(window.state.doc.cues)
    assert cues[0].text == "你好，我们走吧\n东京很好"
    assert len(cues) == 3 and "".join(c.text.replace("\n", "") for c in cues[1:]) == LONG.replace("。", "")
    window.undo()
    assert list(window.state.doc.cues) == chinese_cues()  # one undo step


def test_without_the_box_the_punctuation_stays_and_the_split_applies(window, qtbot):
    applied, _dialog = run_fix(window, lambda d: True)
    assert applied
    cues = list(window.state.doc.cues)
    assert cues[0].text == "你好，我们走吧，\n东京很好。"
    assert [c.text.replace("\n", "") for c in cues[1:]] == [LONG[: LONG.index("。") + 1], LONG[LONG.index("。") + 1 :]]


def test_an_english_document_has_no_chinese_box(window, qtbot):
    window.state.replace_document(Document.from_cues([Cue(0, 1, "Hello  there.")], language="en"))
    shown = []
    fix_common_problems(window, window.state.session.profile, "Netflix", None, review=lambda d: shown.append(d))
    assert shown and shown[0].line_end_box.isHidden()
