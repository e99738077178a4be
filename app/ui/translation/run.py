"""A translation run from the window: a task with progress, time left and cancel; its result one undo step.

The run itself is app.translate.run's (the command line's too); here it is fed from a worker thread, and what it
brings back goes into the document as one step: the translations, the flags and the document's target language.
A server that cannot do the work (refused, key, model) is one line in a dialog; nothing in the document is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.commands import Batch, SetMetadata
from app.core.errors import AppError
from app.ui.host import Host
from app.ui.messages import error_text
from app.ui.translation.dialog import TranslateDialog, TranslateSettings

if TYPE_CHECKING:
    from app.translate.run import TranslationResult
    from app.ui.tasks import TaskHandle
    from app.ui.workers import Report


def _title() -> str:
    return QCoreApplication.translate("Translation", "Translate")


def open_dialog(host: Host) -> TaskHandle | None:
    host.commit_edits()
    if not len(host.state.doc):
        host.show_info(_title(), QCoreApplication.translate("Translation", "There are no cues to translate."))
        return None
    resumable = any(cue.translation for cue in host.state.doc)
    dialog = TranslateDialog(host.prefs, resumable, host.dialog_parent())
    if dialog.exec() != TranslateDialog.DialogCode.Accepted:
        return None
    return start_translation(host, dialog.settings())


def start_translation(host: Host, chosen: TranslateSettings) -> TaskHandle | None:
    from app.core.languages import name_of
    from app.translate.client import ChatClient
    from app.translate.run import cues_to_translate, translate_cues, translation_job

    host.commit_edits()
    title = _title()
    glossary = checked_glossary(host, chosen, title)
    if glossary is None:
        return None
    doc = host.state.doc
    cues = doc.cues
    todo = cues_to_translate(cues, resume=chosen.resume)
    if not todo:
        host.show_info(title, QCoreApplication.translate("Translation", "Every cue has a translation already."))
        return None
    target = name_of(chosen.language) or chosen.language
    original = doc.language or ""
    texts = [cue.text for cue in cues]
    from app.text.language_detect import in_other_language

    run = translation_job(chosen.server_url, chosen.model, target, original, context=chosen.context,
                          glossary=glossary, concurrency=chosen.concurrency,
                          other_language=in_other_language)  # an English answer for French: flagged  # fmt: skip
    label = QCoreApplication.translate("Translation", "Translating into {language}").format(language=target)

    def job(report: Report) -> TranslationResult:
        client = ChatClient(run.server)
        try:
            return translate_cues(
                texts, todo, client.complete, run.options, report.cancelled,
                lambda done, asked: report.progress(done / max(asked, 1), label),
            )  # fmt: skip
        finally:
            client.close()

    def done(result: TranslationResult) -> None:
        apply_result(host, result, target)

    return host.tasks.start("translate", label, job, done, title=title, exclusive=True)


def checked_glossary(
    host: Host, chosen: TranslateSettings, title: str, names_only: bool = False
) -> tuple[tuple[str, str], ...] | None:
    """The glossary file's terms, the server's address checked first; None, with the reason in a dialog, when
    either is wrong (what every chat run from the window starts with); ``names_only``: see parse_glossary."""
    from app.translate.client import base_url
    from app.translate.run import read_glossary

    try:
        base_url(chosen.server_url)
        return read_glossary(chosen.glossary, names_only) if chosen.glossary else ()
    except (AppError, OSError) as exc:
        host.show_error(title, error_text(exc))
        return None


def apply_result(host: Host, result: TranslationResult, target: str) -> None:
    """What the run brought back, as one undo step (what was done before an error is kept); the error, one line."""
    title = _title()
    if result.translations or result.untranslated:
        steps = [result.command()]
        settings = host.state.doc.settings
        if settings.translation_language != target:
            steps.insert(0, SetMetadata(settings=settings.replace(translation_language=target)))
        host.state.push(Batch(tuple(steps), QCoreApplication.translate("Translation", "Translate")))
    if result.error is not None:
        host.show_error(title, error_text(result.error))
        return
    flagged = len(set(result.untranslated) | set(result.wrong_language))
    message = QCoreApplication.translate("Translation", "Translated %n cue(s).", "", len(result.translations))
    if flagged:
        message += " " + QCoreApplication.translate(
            "Translation", "%n translation(s) to review (marked in the list).", "", flagged
        )
    host.show_status(message, 10_000)
