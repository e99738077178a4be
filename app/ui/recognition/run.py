"""Recognition from the window: the run in a worker, cues appearing as chunks finish, one undo step.

Nothing here imports torch or qwen_asr: the models run in the engine process (app.asr.client.service), fed from a
worker thread, so not even their import can hold up the window.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.core.commands import ReplaceAll
from app.session import LiveCues
from app.ui.host import Host
from app.ui.language_names import language_name
from app.ui.recognition.dialog import RecognitionDialog
from app.ui.recognition.options import RecognitionOptions, load_options, save_options

if TYPE_CHECKING:
    from app.ui.tasks import TaskHandle
    from app.ui.workers import Report


def start_recognition(host: Host, options: RecognitionOptions | None = None) -> TaskHandle | None:
    """Ask for options (unless given), then recognise the open media as a task.

    Clearing the old cues, the language and every recognised cue are one undo step (see run_recognition); a run
    that fails or is cancelled leaves the cues as they were.
    """
    state = host.state
    title = QCoreApplication.translate("Recognition", "Recognize speech")
    if state.audio is None:
        host.show_info(title, QCoreApplication.translate("Recognition", "Open a video or audio file first."))
        return None
    if host.tasks.running("recognize"):
        host.show_error(
            title,
            QCoreApplication.translate(
                "Recognition", "This is already running; cancel it first or wait for it to finish."
            ),
        )
        return None
    if options is None:
        dialog = RecognitionDialog(load_options(host), host.dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        options = dialog.options()
        save_options(host, options)
    host.commit_edits()
    live = LiveCues(state.session, title)
    count = len(state.doc)
    if count:
        question = QCoreApplication.translate(
            "Recognition",
            "Replace the %n cue(s) you have with the recognised ones? (Undo brings them back.)",
            None,
            count,
        )
        if not host.ask(title, question):
            live.close()
            return None
        live.push(ReplaceAll((), title))
    if options.language:
        live.set_language(options.language)
    return run_recognition(host, options, live=live)


WORKING = frozenset({"recognition.running", "server.progress"})  # the first says the model is loaded and at work


@dataclass(frozen=True)
class ModelReady:
    """The recognition model is loaded (on ``device``) and recognising: what the status bar shows as in use."""

    device: str


def run_recognition(host: Host, options: RecognitionOptions, *, live: LiveCues | None = None) -> TaskHandle | None:
    """Recognise in a worker; cues go into the document as chunks finish, all of them one undo step (``live``),
    withdrawn again if the run fails or is cancelled.

    The task is bound to the open document: if another one is opened meanwhile, the run is cancelled and no cue
    of it lands there.
    """
    state = host.state
    title = QCoreApplication.translate("Recognition", "Recognize speech")
    live = live if live is not None else LiveCues(state.session, title)
    samples = state.audio.samples
    context = getattr(host, "context", None)  # a window host gives its engine factories; a bare host, none
    engines = context.engines if context is not None else None
    limits_override = state.session.profile.limit_overrides()  # the document's profile: the one source of limits

    def job(report: Report) -> Any:
        from app.asr.client.protocol import Cues, Progress, RecognitionDone, RecognizeJob, Status
        from app.ui.messages import render
        from app.ui.workers import relay

        done: RecognitionDone | None = None
        ready = False
        request = RecognizeJob(options.engine_options(), options.language, options.context, dict(limits_override))
        for message in options.client(engines).run(
            request, samples, cancelled=report.cancelled, on_wait=lambda m: report.status(render(m))
        ):
            if not ready and isinstance(message, Status | Progress) and message.message.code in WORKING:
                ready = True  # the model is loaded and at work: the status bar stops saying "loading"
                report.item(ModelReady(str(message.message.params.get("device", "server"))))
            if relay(report, message):
                continue
            if isinstance(message, Cues):
                report.item(list(message.cues))
            elif isinstance(message, RecognitionDone):
                done = message
        report.check()  # a cancelled run ends as cancelled, not as a success
        return (done.language, done.device) if done is not None else (None, options.device)

    def add(item: Any) -> None:
        if isinstance(item, ModelReady):
            host.show_engine(os.path.basename(options.engine_name().rstrip("/")), item.device)
            if options.aligner and not options.server_url:
                host.show_engine(os.path.basename(options.aligner.rstrip("/")), item.device, kind="aligner")
        else:
            live.add(item)

    def finished(result: Any) -> None:
        language, device = result
        if language and not state.doc.language:
            live.set_language(language)
        host.show_engine(os.path.basename(options.engine_name().rstrip("/")), device)
        if options.aligner and not options.server_url:
            host.show_engine(os.path.basename(options.aligner.rstrip("/")), device, kind="aligner")
        count = len(state.doc)  # lupdate reads a plain name as the count, not an expression
        message = QCoreApplication.translate("Recognition", "Recognised %n cue(s)", None, count)
        host.show_status(message + (f" ({language_name(language)})" if language else ""))

    def ended(outcome: str) -> None:
        if outcome == "succeeded":
            live.close()
        else:  # failed or cancelled: the cues are as they were before the run
            live.abort()
        if outcome != "succeeded":  # a model that failed to load (or a run cancelled) is not shown as in use
            host.engine_failed()

    host.engine_loading(os.path.basename(options.engine_name().rstrip("/")))
    label = QCoreApplication.translate("Recognition", "Recognising speech…")
    handle = host.tasks.start(
        "recognize",
        label,
        job,
        finished,
        title=title,
        on_item=add,
        on_end=ended,
        exclusive=True,
        uses_audio=True,
    )
    if handle is None:
        live.close()
        host.engine_failed()
    return handle
