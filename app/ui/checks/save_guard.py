"""Before subtitles are saved or exported: a warning, once, when cues overlap or are out of time order.

Players show such files wrongly (or drop cues). The warning offers Review (the Checks panel, showing overlaps and
order), Save Anyway and Cancel. "Once" is per document state: after Save Anyway the same problems are not raised
again; a new overlap is. A problem is known by the times of the two cues it is between, so edits elsewhere, or
moving the cues in the list, do not bring it back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.document import Cue
from app.ui.host import Host

REVIEW, SAVE, CANCEL = "review", "save", "cancel"
Problem = tuple[str, int, int, int, int]


def order_problems(cues: Sequence[Cue]) -> frozenset[Problem]:
    """Overlaps and cues that start before the one above them, each as (kind, the two cues' times)."""
    found: set[Problem] = set()
    for a, b in pairwise(cues):
        if b.start < a.start:
            found.add(("order", a.start, a.end, b.start, b.end))
        elif b.start < a.end:
            found.add(("overlap", a.start, a.end, b.start, b.end))
    return frozenset(found)


def ask(parent: QWidget, overlaps: int, order: int) -> str:
    """The warning dialog: REVIEW, SAVE or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("SaveGuard", "Overlapping cues"))
    parts = []
    if overlaps:
        parts.append(
            QCoreApplication.translate("SaveGuard", "%n cue(s) [overlaps|overlap] the next one.", "", overlaps)
        )
    if order:
        parts.append(
            QCoreApplication.translate(
                "SaveGuard", "%n cue(s) [starts|start] before the cue above [it|them].", "", order
            )
        )
    box.setText(" ".join(parts))
    box.setInformativeText(
        QCoreApplication.translate("SaveGuard", "Players may show them wrongly or leave them out. Save anyway?")
    )
    review = box.addButton(QCoreApplication.translate("SaveGuard", "&Review"), QMessageBox.ButtonRole.ActionRole)
    save = box.addButton(QCoreApplication.translate("SaveGuard", "&Save Anyway"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(review)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return REVIEW if clicked is review else SAVE if clicked is save else CANCEL


Asker = Callable[[QWidget, int, int], str]


class SaveGuard:
    default_asker: Asker = staticmethod(ask)  # what every guard asks with unless given its own (tests answer here)

    def __init__(self, host: Host, review: Callable[[], None], asker: Asker | None = None):
        self.host = host
        self.review = review
        self.asker = asker
        self.accepted: frozenset[Problem] = frozenset()
        host.state.documentReplaced.connect(self.forget)

    def forget(self) -> None:
        self.accepted = frozenset()

    def confirm(self) -> bool:
        """True: go on writing. Asks only about problems not already let through."""
        problems = order_problems(self.host.state.doc.cues)
        if problems <= self.accepted:
            return True
        overlaps = sum(1 for p in problems if p[0] == "overlap")
        asker = self.asker or SaveGuard.default_asker
        answer = asker(self.host.dialog_parent(), overlaps, len(problems) - overlaps)
        if answer == SAVE:
            self.accepted = self.accepted | problems
            return True
        if answer == REVIEW:
            self.review()
        return False
