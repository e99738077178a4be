"""Re-align from the window: selected or edited cues, or the whole file; large moves reviewed before applying.

The aligner runs in the engine process (app.asr.client.service starts it, app.asr.runtime.realign runs there), fed
from a worker thread; the result comes back as a Realignment, the user approves or rejects the moves above the
threshold, and everything accepted goes into the document as one undo step.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.asr.client.models import DEFAULT_ALIGNER
from app.core.commands import replace_cues
from app.core.rules import REVIEW_THRESHOLD_MS
from app.core.timecode import format_time
from app.ui.host import Host
from app.ui.language_names import language_name
from app.ui.review import TickTable, review_buttons

if TYPE_CHECKING:
    from app.asr.client.realignment import Proposal, Realignment
    from app.ui.recognition.options import RecognitionOptions
    from app.ui.tasks import TaskHandle
    from app.ui.workers import Report


class ReviewDialog(QDialog):
    """The moves above the threshold, one row each: ticked rows are applied, unticked cues keep their times.

    Rows start unticked, as in Subtitle Edit: a large move is where an aligner is most often confidently wrong.
    """

    def __init__(self, result: Realignment, large: list[Proposal], threshold_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review large moves"))
        self.large = large
        others = [p for p in result.proposals() if p.placed and p.move_ms <= threshold_ms and p.new != p.old]
        flagged = [p for p in result.proposals() if not p.placed]
        lines = [
            self.tr("%n cue(s) would move by more than {seconds} s.", "", len(large)).format(
                seconds=f"{threshold_ms / 1000:g}"
            )
            + " "
            + self.tr("Tick the moves to apply; the others keep their times.")
        ]
        if not result.drift.is_identity:
            lines.append(self.tr("Times below are after removing the {drift}.").format(drift=result.drift.describe()))
        applied = self.tr("Applied in any case: %n smaller move(s)", "", len(others))
        if flagged:
            applied += self.tr(
                "; %n cue(s) the aligner could not place [keeps its time and is|keep their times and are] marked "
                "for review.", "", len(flagged),
            )  # fmt: skip
        else:
            applied += "."
        lines.append(applied)
        label = QLabel("\n".join(lines))
        label.setWordWrap(True)
        columns = (self.tr("Apply"), "#", self.tr("Text"), self.tr("Now"), self.tr("Aligned"), self.tr("Move"))
        self.table = TickTable(columns, len(large))
        for row, p in enumerate(large):
            self.table.set_tick(row, False)
            delta = (p.new.start - p.old.start) / 1000
            cells = (
                QTableWidgetItem(str(p.index + 1)),
                QTableWidgetItem(p.old.text.replace("\n", " ")),
                QTableWidgetItem(f"{format_time(p.old.start)} → {format_time(p.old.end)}"),
                QTableWidgetItem(f"{format_time(p.new.start)} → {format_time(p.new.end)}"),
                QTableWidgetItem(f"{delta:+.2f} s"),
            )
            for column, item in enumerate(cells, 1):
                if column in (1, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = review_buttons(
            self, self.tr("Apply"), self.tr("Approve All"), self.tr("Reject All"), self.table.set_all
        )
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, min(600, 200 + 30 * len(large)))

    def set_all(self, approved: bool) -> None:
        self.table.set_all(approved)

    def set_approved(self, index: int, approved: bool) -> None:
        """Tick or untick the row of cue ``index`` (tests and keyboard users alike)."""
        for row, p in enumerate(self.large):
            if p.index == index:
                self.table.set_tick(row, approved)

    def rejected_indices(self) -> set[int]:
        return {self.large[row].index for row in self.table.unticked_rows()}


# -- actions -----------------------------------------------------------------------------------------------
def realign_selected(host: Host, options: RecognitionOptions | None = None) -> TaskHandle | None:
    host.commit_edits()
    if not host.state.selection:
        host.show_info(
            QCoreApplication.translate("Realign", "Re-align"),
            QCoreApplication.translate("Realign", "Select the cues to re-align first."),
        )
        return None
    return _start(host, list(host.state.selection), options, whole_file=False)


def realign_edited(host: Host, options: RecognitionOptions | None = None) -> TaskHandle | None:
    host.commit_edits()
    edited = [i for i, c in enumerate(host.state.doc) if c.edited and not c.locked]
    if not edited:
        host.show_info(
            QCoreApplication.translate("Realign", "Re-align"),
            QCoreApplication.translate("Realign", "No cue's text has changed since it was timed."),
        )
        return None
    return _start(host, edited, options, whole_file=False)


def align_whole_file(host: Host, options: RecognitionOptions | None = None) -> TaskHandle | None:
    """Every cue: offset and frame-rate drift removed first, then aligned in windows (imported subtitles + media)."""
    host.commit_edits()
    if not len(host.state.doc):
        message = QCoreApplication.translate("Realign", "Import the subtitles (File ▸ Import Subtitles) first.")
        host.show_info(QCoreApplication.translate("Realign", "Re-align"), message)
        return None
    if host.state.audio is None:
        message = QCoreApplication.translate("Realign", "Open the video or audio file first.")
        host.show_info(QCoreApplication.translate("Realign", "Re-align"), message)
        return None
    if all(cue.language for cue in host.state.doc):  # each cue's own language: nothing to ask
        return _start(host, None, options, whole_file=True)
    asked = ask_language(host)
    if asked is False:
        return None
    return _start(host, None, options, whole_file=True, language=asked)


def ask_language(host: Host) -> str | bool | None:
    """The language of the cues that have none of their own (older projects), preset from their text (then the
    document's): the aligner is told rather than left to detect it from the first seconds of audio. None: guess
    each cue's from its text, else detect from the audio; False: cancelled."""
    from PySide6.QtWidgets import QInputDialog

    from app.asr.algorithms.wordmap import ALIGNER_LANGUAGES
    from app.core.language_guess import guess_language

    supported = sorted(set(ALIGNER_LANGUAGES.values()))
    guess = guess_language(c.text for c in host.state.doc) or host.state.doc.language
    detect = QCoreApplication.translate("Realign", "Detect from the audio")
    choices = [detect, *(language_name(name) for name in supported)]
    label = QCoreApplication.translate("Realign", "Language of the subtitles:")
    if guess and guess not in supported:
        label = QCoreApplication.translate(
            "Realign",
            "The subtitles look like {language}, which the forced aligner does not cover.\nLanguage of the subtitles:",
        ).format(language=language_name(guess))
    current = supported.index(guess) + 1 if guess in supported else 0
    title = QCoreApplication.translate("Realign", "Align whole file")
    chosen, ok = QInputDialog.getItem(host.dialog_parent(), title, label, choices, current, False)
    if not ok:
        return False
    return None if chosen == detect else supported[choices.index(chosen) - 1]


def _start(
    host: Host,
    targets: list[int] | None,
    options: RecognitionOptions | None,
    *,
    whole_file: bool,
    language: str | None = None,
):
    from dataclasses import replace

    from app.ui.recognition import run as recognition

    if host.state.audio is None:
        host.show_info(
            QCoreApplication.translate("Realign", "Re-align"),
            QCoreApplication.translate("Realign", "Open the video or audio file first."),
        )
        return None
    options = options or recognition.load_options(host)
    if not options.aligner:
        options = replace(options, aligner=DEFAULT_ALIGNER)
    return run_realign(host, targets, options, correct_drift=whole_file, language=language)


def run_realign(
    host: Host,
    targets: Collection[int] | None,
    options: RecognitionOptions,
    *,
    correct_drift: bool = False,
    threshold_ms: int = REVIEW_THRESHOLD_MS,
    language: str | None = None,
) -> TaskHandle | None:
    """Align in a worker; on success review the large moves and apply what is accepted as one undo step.

    Bound to the open document: a result for a document that is no longer open is dropped. Each cue is aligned in
    its own language; a cue without one in ``language`` when the user chose one, else in the language guessed
    from its text (in the worker: app.text.language_detect), else the document's, then the recognition settings'.
    """
    state = host.state
    samples = state.audio.samples
    cues = state.doc.cues
    guess = not language and not all(cue.language for cue in cues)
    language = language or state.doc.language or options.language
    min_gap = state.limits.min_gap_ms

    def job(report: Report) -> Any:
        from app.asr.client.protocol import RealignDone, RealignJob
        from app.asr.client.service import local_engine
        from app.ui.messages import render
        from app.ui.workers import relay

        result = None
        languages: tuple[str, ...] = ()
        if guess:
            from app.text.language_detect import guess_cue_languages

            languages = tuple(guess_cue_languages([c.text for c in cues], [c.language for c in cues]))
        request = RealignJob(
            options.engine_options(), tuple(cues), None if targets is None else tuple(sorted(targets)), language,
            correct_drift, min_gap, languages,
        )  # fmt: skip
        for message in local_engine().run(
            request, samples, cancelled=report.cancelled, on_wait=lambda m: report.status(render(m))
        ):
            if not relay(report, message) and isinstance(message, RealignDone):
                result = message.realignment
        report.check()
        return result

    def finished(result: Realignment | None) -> None:
        if result is not None:
            host.show_engine(_name(options.aligner or DEFAULT_ALIGNER), options.device, kind="aligner")
            review_and_apply(host, result, threshold_ms)

    if targets is None:
        label = QCoreApplication.translate("Realign", "Aligning the whole file…")
    else:
        label = QCoreApplication.translate("Realign", "Re-aligning…")
    title = QCoreApplication.translate("Realign", "Re-align")
    return host.tasks.start("realign", label, job, finished, title=title, exclusive=True, uses_audio=True)


def _name(model: str) -> str:
    return model.rstrip("/").rsplit("/", 1)[-1]


def review_and_apply(host: Host, result: Realignment, threshold_ms: int = REVIEW_THRESHOLD_MS) -> bool:
    """Ask about the large moves (when there are any), then apply everything accepted as one undo step."""
    state = host.state
    if state.doc.cues != result.cues:
        host.show_info(
            QCoreApplication.translate("Realign", "Re-align"),
            QCoreApplication.translate("Realign", "The subtitles changed while aligning; nothing was applied."),
        )
        return False
    rejected: set[int] = set()
    large = result.large_moves(threshold_ms)
    if large:
        dialog = ReviewDialog(result, large, threshold_ms, host.dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            host.show_status(QCoreApplication.translate("Realign", "Re-alignment discarded"), 5000)
            return False
        rejected = dialog.rejected_indices()
    changes = result.changes(rejected)
    if changes:
        label = (
            QCoreApplication.translate("Realign", "Align whole file")
            if len(result.targets) == len(result.cues)
            else QCoreApplication.translate("Realign", "Re-align")
        )
        state.push(replace_cues(state.doc, changes, label))
    flagged = sum(1 for p in result.proposals(rejected) if not p.placed)
    moved = sum(1 for i, c in changes if (c.start, c.end) != (result.cues[i].start, result.cues[i].end))
    message = QCoreApplication.translate("Realign", "Re-aligned: %n cue(s) moved", None, moved)
    if rejected:
        count = len(rejected)  # lupdate reads a plain name as the count, not an expression
        message += QCoreApplication.translate("Realign", ", %n large move(s) rejected", None, count)
    if flagged:
        message += QCoreApplication.translate(
            "Realign", ", %n marked for review (the aligner could not place them)", None, flagged
        )
    host.show_status(message, 10000)
    return True
