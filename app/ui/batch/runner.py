"""The window's batch queue at work: one file at a time as a task, through the same per-file recognition as
``transcribe`` (app.asr.client.batch), with the recognition dialog's settings; the queue is kept on disk as it changes.

Every file is a task of the task manager (progress, time left, Cancel); a file that fails is marked failed with
its one line and the next one starts. Cancelling a file stops its engine run (the engine's own cancel path, within
about 2 s); work that stops for any other reason (the window closing) leaves the file waiting for next time.
The local engine client is the window's shared one, so the models stay loaded from file to file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal

from app.core.errors import AppError
from app.session.batch import CANCELLED, DONE, FAILED, RUNNING, WAITING, load_queue, write_problem
from app.ui.host import Host
from app.ui.language_names import language_name
from app.ui.workers import Report

TASK_KIND = "batch"


def queue_file() -> Path:
    """``$XDG_DATA_HOME/<organisation>/<application>/batch-queue.json`` on Linux; the platform's equivalent."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "batch-queue.json"


class BatchRunner(QObject):
    progressed = Signal(int)  # the row whose progress or time left changed
    activeChanged = Signal(bool)

    def __init__(self, host: Host, path: str | os.PathLike[str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.host = host
        self.path = Path(path) if path is not None else queue_file()
        self.queue, self.notice = load_queue(self.path)
        self.queue.listeners.append(lambda _index: self.save())
        self.active = False
        self.handle: Any = None  # the running file's TaskHandle
        self.running_media: str | None = None
        self._cancel_asked: set[str] = set()  # files the user cancelled (others that stop wait for next time)

    # -- the queue on disk -----------------------------------------------------------------------------------
    def save(self) -> None:
        try:
            self.queue.save(self.path)
        except OSError as exc:  # the queue goes on in memory; the status bar says why it is not kept
            self.host.show_status(
                QCoreApplication.translate("Batch", "The batch queue could not be saved: {reason}").format(
                    reason=exc.strerror or str(exc)
                ),
                8000,
            )

    # -- running ---------------------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.active:
            self.active = True
            self.activeChanged.emit(True)
        self._next()

    def progress_of(self, index: int) -> tuple[float, float | None, str] | None:
        """(fraction, seconds left, what is happening) of the running row, else None."""
        handle = self.handle
        if handle is None or index >= len(self.queue) or self.queue[index].media != self.running_media:
            return None
        return handle.fraction, handle.seconds_left, handle.message

    def _stop(self) -> None:
        if self.active:
            self.active = False
            self.activeChanged.emit(False)

    def _next(self) -> None:
        if self.handle is not None or not self.active:
            return
        index, paths = self._next_writable()
        if index is None:
            self._stop()
            counts = self.queue.counts()
            done = counts[DONE]  # lupdate reads a plain name as the count
            text = QCoreApplication.translate("Batch", "Batch finished: %n file(s) done", None, done)
            failed = counts[FAILED]
            if failed:
                text += QCoreApplication.translate("Batch", ", %n failed", None, failed)
            self.host.show_status(text, 10_000)
            return
        media = self.queue[index].media
        try:
            work = self._work(media, paths)
        except AppError as exc:  # a setting that cannot work (no server address): every file would fail alike
            self.queue.update(index, state=FAILED, reason=_one_line(_render(exc)))
            self._stop()
            return
        self.queue.update(index, state=RUNNING, reason="")
        self.running_media = media
        label = QCoreApplication.translate("Batch", "Batch: {name}").format(name=os.path.basename(media))
        title = QCoreApplication.translate("Batch", "Batch queue")
        self.handle = self.host.tasks.start(
            TASK_KIND, label, work, lambda result: self._finished(media, result),
            title=title, on_end=lambda outcome: self._ended(media, outcome), bound=False,
        )  # fmt: skip
        if self.handle is None:
            self.running_media = None
            self.queue.update(index, state=WAITING)
            self._stop()
            return
        self.handle.changed.connect(lambda: self._emit_progress(media))

    def _next_writable(self) -> tuple[int | None, list[str]]:
        """The next waiting file and its outputs; one whose outputs cannot be written fails now, before it is
        recognised, naming the output (an unwritable folder, a read-only file)."""
        while (index := self.queue.next_waiting()) is not None:
            paths = self.queue.outputs_of(self.queue[index].media)
            problem = next((p for p in map(write_problem, paths) if p is not None), None)
            if problem is None:
                return index, paths
            self.queue.update(index, state=FAILED, reason=_one_line(f"{problem.filename}: {problem.strerror}"))
        return None, []

    def _work(self, media: str, paths: list[str]) -> Any:
        """The task for one file, writing ``paths``, with the settings of the recognition dialog as they are now."""
        from app.asr.client.protocol import RecognizeJob
        from app.ui.recognition.options import load_options

        options = load_options(self.host)
        output = self.queue.output
        translation = self._translation(output.translate_to)  # raises for settings no file could run with
        client = options.client()
        job = RecognizeJob(options.engine_options(), options.language, options.context, self._limits())

        def work(report: Report) -> Any:
            from app.asr.client.batch import recognize_file
            from app.session.batch import write_outputs
            from app.ui.workers import relay

            try:
                result = recognize_file(
                    client, media, job, on_message=lambda m: relay(report, m), cancelled=report.cancelled
                )
                report.check()  # cancelled: ends as cancelled
                assert result is not None
                language = result.language or ""
                run = translation(language) if translation is not None else None
                label = QCoreApplication.translate("Batch", "Translating into {language}").format(
                    language=language_name(output.translate_to)
                )

                def progress(done: int, asked: int) -> None:
                    report.progress(done / max(asked, 1), label)

                failure = write_outputs(
                    paths, output.formats, result.cues, media, language=language, translation=run,
                    cancelled=report.cancelled, progress=progress,
                )  # fmt: skip
                report.check()
                if failure is not None:  # the recognised subtitles are written; the translation is to do again
                    reason = QCoreApplication.translate(
                        "Batch", "Translation failed ({reason}); the recognised subtitles were written."
                    ).format(reason=_render(failure))
                    return FAILED, tuple(paths), _one_line(reason)
            except AppError as exc:
                report.check()
                return FAILED, (), _one_line(_render(exc))
            except OSError as exc:
                report.check()
                where = exc.filename or media
                return FAILED, (), _one_line(f"{where}: {exc.strerror or exc}")
            return DONE, tuple(paths), ""

        return work

    def _translation(self, language: str) -> Any:
        """With "Translate to" set, the translation each file gets: the server, model, context, glossary and
        requests at once of Recognition ▸ Translate… (the preferences), the target the queue's; checked now, so a
        setting no file could run with fails the first file with one line. Returns a function of the recognised
        language to the run (app.translate.run.translation_job), or None."""
        if not language:
            return None
        from app.core.languages import name_of
        from app.translate.client import base_url
        from app.translate.run import read_glossary, translation_job

        prefs = self.host.prefs
        url, model = prefs.translate_server_url.strip(), prefs.translate_model.strip()
        if not url or not model:
            raise AppError(
                QCoreApplication.translate(
                    "Batch", "Translating needs a chat server and a model: choose them in Recognition ▸ Translate…"
                )
            )
        base_url(url)
        try:
            glossary = read_glossary(prefs.translate_glossary) if prefs.translate_glossary else ()
        except OSError as exc:
            raise AppError(f"{prefs.translate_glossary}: {exc.strerror or exc}") from None
        target = name_of(language) or language
        context, concurrency = prefs.translate_context, prefs.translate_concurrency
        from app.text.language_detect import in_other_language

        return lambda original: translation_job(url, model, target, original, context=context, glossary=glossary,
                                                concurrency=concurrency, other_language=in_other_language)  # fmt: skip

    def _limits(self) -> dict[str, Any]:
        """The user's default quality profile (files of a batch have no document of their own to choose one)."""
        from app.core.profiles import of_choice

        return of_choice(self.host.prefs.default_quality).limit_overrides()

    def _finished(self, media: str, result: Any) -> None:
        state, outputs, reason = result
        index = self.queue.index_of(media)
        if index is not None:
            self.queue.update(index, state=state, outputs=outputs, reason=reason)

    def _ended(self, media: str, outcome: str) -> None:
        self.handle = None
        self.running_media = None
        index = self.queue.index_of(media)
        asked = media in self._cancel_asked
        self._cancel_asked.discard(media)
        if index is not None and self.queue[index].state == RUNNING:
            if outcome == "failed":  # a defect of ours, already shown in a dialog
                self.queue.update(index, state=FAILED, reason=QCoreApplication.translate("Batch", "Failed"))
            else:  # cancelled by the user, or stopped with the window: waits for next time
                self.queue.update(index, state=CANCELLED if asked else WAITING)
                if not asked:
                    self._stop()
        if index is not None:
            self.progressed.emit(index)
        self._next()

    def _emit_progress(self, media: str) -> None:
        index = self.queue.index_of(media)
        if index is not None:
            self.progressed.emit(index)

    # -- cancelling ------------------------------------------------------------------------------------------
    def cancel(self, indices: list[int]) -> None:
        """Cancel these rows: waiting ones at once, the running one through its task (the engine stops it)."""
        for index in indices:
            if not 0 <= index < len(self.queue):
                continue
            item = self.queue[index]
            if item.state == RUNNING and item.media == self.running_media and self.handle is not None:
                self._cancel_asked.add(item.media)
                self.handle.cancel()
            else:
                self.queue.cancel_waiting([index])

    def cancel_all(self) -> None:
        self._stop()
        self.queue.cancel_waiting()
        if self.handle is not None and self.running_media is not None:
            self._cancel_asked.add(self.running_media)
            self.handle.cancel()


def _render(exc: AppError) -> str:
    from app.ui.messages import render

    return render(exc.message) if exc.message is not None else str(exc)


def _one_line(text: str) -> str:
    return " ".join(text.split())
