"""Recognition ▸ Proofread… (issue 25, item 4): the translate dialog's server, model, context and glossary
(ChatDialog), a task with progress, time left and cancel (app.translate.proofread.proofread_cues in a worker), then
the review of the corrections; what is ticked goes in as one undo step, the cues changed marked edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from app.session.preferences import Preferences
from app.ui.host import Host
from app.ui.messages import error_text
from app.ui.translation.dialog import ChatDialog, TranslateSettings
from app.ui.translation.proofread_review import ProofreadReviewDialog
from app.ui.translation.run import checked_glossary

if TYPE_CHECKING:
    from app.translate.proofread import ProofreadResult
    from app.ui.tasks import TaskHandle
    from app.ui.workers import Report


def _title() -> str:
    return QCoreApplication.translate("Proofread", "Proofread")


class ProofreadDialog(ChatDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(prefs, parent)
        self.setWindowTitle(self.tr("Proofread"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Proofread"))
        about = QLabel(self.tr("The model corrects what speech recognition misheard: words that sound alike, "
                               "names (give them in the context or the glossary), punctuation. You review each "
                               "correction before it is applied; locked cues are left out."))  # fmt: skip
        about.setWordWrap(True)
        self.column.insertWidget(0, about)
        self.glossary.setPlaceholderText(self.tr("A text file of names and terms, one a line (optional)"))


def open_dialog(host: Host) -> TaskHandle | None:
    host.commit_edits()
    if not any(cue.text.strip() and not cue.locked for cue in host.state.doc):
        host.show_info(_title(), QCoreApplication.translate("Proofread", "There are no unlocked cues to proofread."))
        return None
    dialog = ProofreadDialog(host.prefs, host.dialog_parent())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_proofreading(host, dialog.settings())


def start_proofreading(
    host: Host, chosen: TranslateSettings, review: Callable[[ProofreadReviewDialog], bool] | None = None
) -> TaskHandle | None:
    """The run as a task; its corrections reviewed (``review`` shows the dialog and says whether Apply was
    pressed: tests pass their own) and applied."""
    from app.translate.client import ChatClient, ChatServer, api_key
    from app.translate.prompt import Instructions
    from app.translate.proofread import cues_to_proofread, proofread_cues
    from app.translate.run import TranslateOptions

    host.commit_edits()
    title = _title()
    glossary = checked_glossary(host, chosen, title, names_only=True)
    if glossary is None:
        return None
    server = ChatServer(chosen.server_url, chosen.model, api_key(chosen.server_url))
    doc = host.state.doc
    todo = cues_to_proofread(doc.cues)
    if not todo:
        host.show_info(title, QCoreApplication.translate("Proofread", "There are no unlocked cues to proofread."))
        return None
    texts = [cue.text for cue in doc.cues]
    instructions = Instructions("", chosen.context, glossary, doc.language or "")
    options = TranslateOptions(instructions, concurrency=chosen.concurrency)
    label = QCoreApplication.translate("Proofread", "Proofreading")

    def job(report: Report) -> ProofreadResult:
        client = ChatClient(server)
        try:
            result = proofread_cues(
                texts, todo, client.complete, options, report.cancelled,
                lambda done, asked: report.progress(done / max(asked, 1), label),
            )  # fmt: skip
        finally:
            client.close()
        report.check()  # a cancelled proofreading shows nothing
        return result

    def done(result: ProofreadResult) -> None:
        review_and_apply(host, result, review)

    return host.tasks.start("proofread", label, job, done, title=title, exclusive=True)


def review_and_apply(
    host: Host, result: ProofreadResult, review: Callable[[ProofreadReviewDialog], bool] | None = None
) -> bool:
    """The corrections reviewed, the ticked ones applied as one undo step; the error (what stopped the run, after
    what it found) in one line. True when something was applied."""
    from app.translate.proofread import proofreading_command

    title = _title()
    applied = False
    if result.corrections:
        dialog = ProofreadReviewDialog(result.corrections, len(result.unchecked), host.dialog_parent())
        accepted = review(dialog) if review is not None else dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            label = QCoreApplication.translate("Proofread", "Proofread")
            command = proofreading_command(host.state.doc.cues, dialog.chosen(), label)
            if command is not None:
                host.state.push(command)
                count = len(command.commands)
                host.show_status(
                    QCoreApplication.translate(
                        "Proofread", "%n cue(s) corrected and marked edited (Re-align Edited Cues re-times [it|them]).",
                        "", count,
                    ), 10_000,
                )  # fmt: skip
                applied = True
    elif result.error is None:
        host.show_info(title, QCoreApplication.translate("Proofread", "The model found nothing to correct."))
    if result.error is not None:
        host.show_error(title, error_text(result.error))
    return applied
