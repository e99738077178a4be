"""File ▸ Align Script…: pick a plain script (and the media when none is open), align it in a task with progress
and cancel, and put the cues into the document as one undo step.

The work is app.asr.client.script's, on the local engine process, as the command line's ``align MEDIA SCRIPT.txt``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.ui.host import Host
from app.ui.language_names import language_name

if TYPE_CHECKING:
    from app.ui.recognition.options import RecognitionOptions
    from app.ui.tasks import TaskHandle
    from app.ui.workers import Report


def _title() -> str:
    return QCoreApplication.translate("AlignScript", "Align Script")


def align_script_file(
    host: Host,
    script: str | None = None,
    media: str | None = None,
    language: str | None = None,
    options: RecognitionOptions | None = None,
) -> TaskHandle | None:
    """Ask for what is not given (the script, the media when none is open, the language), then align."""
    from app.asr.client.script import script_language
    from app.core.errors import AppError
    from app.formats.script import read_script
    from app.ui.messages import error_text

    host.commit_edits()
    if script is None:
        script, _ = QFileDialog.getOpenFileName(
            host.dialog_parent(), QCoreApplication.translate("AlignScript", "Script to align"), "",
            QCoreApplication.translate("AlignScript", "Plain text (*.txt);;All files (*)"),
        )  # fmt: skip
        if not script:
            return None
    if media is None and host.state.audio is None:
        media, _ = QFileDialog.getOpenFileName(
            host.dialog_parent(), QCoreApplication.translate("AlignScript", "Video or audio of the script")
        )
        if not media:
            return None
    try:
        text = read_script(script)
        if language is None:
            language = _ask_language(host, text)
            if language is None:
                return None
        language, _guessed = script_language(text, language)
    except AppError as exc:
        host.show_error(_title(), error_text(exc))
        return None
    return run_align_script(host, text, language, media, options)


def _ask_language(host: Host, text: str) -> str | None:
    """The script's language, preset from its text; only languages the aligner knows. None: cancelled."""
    from app.asr.algorithms.wordmap import ALIGNER_LANGUAGES, aligner_language
    from app.core.language_guess import guess_language

    supported = list(ALIGNER_LANGUAGES.values())
    guess = aligner_language(guess_language(text.splitlines())) or aligner_language(host.state.doc.language)
    choices = [language_name(name) for name in supported]
    current = supported.index(guess) if guess in supported else 0
    label = QCoreApplication.translate("AlignScript", "Language of the script:")
    chosen, ok = QInputDialog.getItem(host.dialog_parent(), _title(), label, choices, current, False)
    return supported[choices.index(chosen)] if ok else None


def run_align_script(
    host: Host, text: str, language: str, media: str | None = None, options: RecognitionOptions | None = None
) -> TaskHandle | None:
    """Align in a worker (decoding ``media`` first when given, else the open media's audio); the cues replace the
    document's as one undo step. Cancel ends the engine's run within about 2 s."""
    from dataclasses import replace

    from app.asr.client.models import DEFAULT_ALIGNER
    from app.ui.recognition import run as recognition

    state = host.state
    samples = None if media else state.audio.samples
    options = options or recognition.load_options(host)
    if not options.aligner:
        options = replace(options, aligner=DEFAULT_ALIGNER)
    engine_options = options.engine_options()
    limits = state.session.profile.limit_overrides()

    def job(report: Report) -> Any:
        from app.asr.client.script import ScriptAligned, align_script
        from app.asr.client.service import local_engine
        from app.ui.messages import render
        from app.ui.workers import relay

        audio = samples
        if audio is None:
            from app.media import decode_audio

            decoding = QCoreApplication.translate("AlignScript", "Decoding…")
            audio = decode_audio(media, progress=lambda f: report.progress(f, decoding)).samples
            report.check()
        for item in align_script(
            local_engine(), engine_options, audio, text, language, limits,
            cancelled=report.cancelled, on_wait=lambda m: report.status(render(m)),
        ):  # fmt: skip
            if not relay(report, item) and isinstance(item, ScriptAligned):
                report.check()
                return item
        report.check()
        return None

    def finished(result: Any) -> None:
        if result is not None:
            host.show_engine(os.path.basename(options.aligner or DEFAULT_ALIGNER), options.device, kind="aligner")
            apply(host, result.cues, media)

    label = QCoreApplication.translate("AlignScript", "Aligning the script ({language})…").format(
        language=language_name(language)
    )
    return host.tasks.start("script", label, job, finished, title=_title(), exclusive=True, uses_audio=media is None)


def apply(host: Host, cues: Any, media: str | None = None) -> None:
    """The script's cues in place of the document's (and the media it was aligned to): one undo step."""
    from app.core.commands import Batch, ReplaceAll, SetMetadata

    label = QCoreApplication.translate("AlignScript", "Align script")
    commands: list[Any] = [ReplaceAll(tuple(cues), label)]
    if media:
        commands.append(SetMetadata(media_path=media, label=label))
    host.state.push(Batch(tuple(commands), label))
    count = len(cues)
    host.show_status(QCoreApplication.translate("AlignScript", "Script aligned: %n cue(s)", None, count), 10000)
