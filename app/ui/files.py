"""Opening, importing, exporting and saving; decoding media in a worker. Every failure is a dialog."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.commands import ReplaceAll
from app.core.document import Document
from app.core.errors import AppError
from app.ui.workers import Report, Task

if TYPE_CHECKING:
    from app.formats.srt import SrtReadResult
    from app.ui.main_window import MainWindow

SUBTITLE_SUFFIXES = {".srt", ".vtt"}  # WebVTT is read by the same tolerant reader (app.formats.srt)
PROJECT_SUFFIXES = {".qssproj"}
MEDIA_FILTER = (
    "Media (*.mp4 *.mkv *.webm *.mov *.avi *.ts *.mts *.m2ts *.mpg *.mpeg *.wmv *.flv *.3gp "
    "*.mp3 *.m4a *.aac *.flac *.ogg *.oga *.opus *.wav *.aif *.aiff *.wma *.mka)"
)
OPEN_FILTER = (
    f"All supported ({MEDIA_FILTER[7:-1]} *.srt *.vtt *.qssproj);;{MEDIA_FILTER};;"
    "Subtitles (*.srt *.vtt);;Projects (*.qssproj);;All files (*)"
)
MAX_RECENT = 10


class FileController(QObject):
    mediaLoaded = Signal()
    subtitlesLoaded = Signal(str)  # the path, once its cues are in the document
    taskFinished = Signal(str)  # the task's name, whether it succeeded, failed or was cancelled

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.tasks: dict[str, Task] = {}
        self._busy: set[str] = set()  # names of the tasks whose outcome has not arrived yet
        self.last_read: tuple[str, str, bool] | None = None  # path, encoding, whether it was detected

    # -- dialogs -------------------------------------------------------------------------------------
    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)

    def _start_dir(self) -> str:
        return str(self.window.settings.value("files/last_dir", os.path.expanduser("~")))

    def _remember_dir(self, path: str) -> None:
        self.window.settings.setValue("files/last_dir", os.path.dirname(os.path.abspath(path)))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open", self._start_dir(), OPEN_FILTER)
        if path:
            self.open_path(path)

    def import_srt_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import subtitles", self._start_dir(), "Subtitles (*.srt *.vtt);;All (*)"
        )
        if path:
            self.import_srt(path)

    def reload_with_encoding_dialog(self) -> None:
        """When detection guessed wrong (mojibake): read the last subtitle file again in a chosen encoding."""
        from PySide6.QtWidgets import QInputDialog

        from app.formats.textio import LEGACY_ENCODINGS

        path = self.state.subtitle_path
        if not path:
            self.error("Reload with encoding", "No subtitle file has been opened yet.")
            return
        choices = ["utf-8", "utf-16", *LEGACY_ENCODINGS, "latin-1"]
        last = self.last_read if self.last_read and self.last_read[0] == path else None
        current = 0
        if last is not None:  # what the last read found is preselected: accepting it reads the file as before
            codecs_ = [_codec(name) for name in choices]
            if _codec(last[1]) in codecs_:
                current = codecs_.index(_codec(last[1]))
            else:
                choices.insert(0, last[1])
        encoding, ok = QInputDialog.getItem(
            self.window, "Reload with encoding", f"Read {os.path.basename(path)} as:", choices, current, True
        )
        chosen: str | None = encoding.strip()
        if not ok or not chosen:
            return
        if last is not None and last[2] and _codec(chosen) == _codec(last[1]):
            chosen = None  # detection's own answer: read as detection read it (UTF-8 with stray bytes included)
        self.import_srt(path, chosen)

    def export_srt_dialog(self) -> None:
        self.window.editor.commit()
        suggestion = self._suggest_name(".srt")
        path, _ = QFileDialog.getSaveFileName(self.window, "Export SRT", suggestion, "Subtitles (*.srt)")
        if path:
            self.export_srt(path)

    def _suggest_name(self, suffix: str) -> str:
        base = self.state.subtitle_path or self.state.doc.media_path or self.state.project_path
        if base:
            return os.path.splitext(base)[0] + suffix
        return os.path.join(self._start_dir(), "subtitles" + suffix)

    # -- opening -------------------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        """Several files dropped together: the media first, then the subtitles laid on it."""
        media = [p for p in paths if _kind(p) == "media"]
        rest = [p for p in paths if _kind(p) != "media"]
        for path in media[:1] + rest[:1]:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        if not os.path.exists(path):
            self.error("Open", f"{path}: no such file")
            return
        self._add_recent(path)
        self._remember_dir(path)
        kind = _kind(path)
        if kind == "project":
            self.open_project(path)
        elif kind == "subtitles":
            self.import_srt(path)
        else:
            self.open_media(path)

    def open_project(self, path: str) -> None:
        from app.formats.project import load_project

        if not self.confirm_discard("opening another project"):
            return
        try:
            doc = load_project(path)
        except AppError as exc:
            self.error("Open project", str(exc))
            return
        self.state.replace_document(doc, project_path=path)
        self.state.stack.mark_clean()
        if doc.media_path:
            if os.path.exists(doc.media_path):
                self.open_media(doc.media_path, keep_document=True)
            else:
                self.error("Open project", f"The project's media is missing: {doc.media_path}")

    def import_srt(self, path: str, encoding: str | None = None) -> None:
        """Lay the cues of an SRT over the open media; undoable, so nothing is lost.

        The file is read in a worker thread with progress and Cancel: detecting the encoding of a 100 KB file
        already takes a quarter of a second, and a 50 MB one several seconds.
        """
        from app.formats.srt import read_srt

        self.window.editor.commit()
        reading = self.tr("Reading {name}…").format(name=os.path.basename(path))

        def job(report: Report) -> SrtReadResult:
            return read_srt(
                path, encoding, progress=lambda fraction: report.progress(fraction, reading), cancelled=report.cancelled
            )

        self.run_task(
            "subtitles", reading, job, lambda result: self._lay_subtitles(path, result), title="Open subtitles"
        )

    def _lay_subtitles(self, path: str, result: SrtReadResult) -> None:
        self.window.editor.commit()  # what was typed while the file was read
        self.last_read = (path, result.encoding, result.detected)
        if len(self.state.doc) == 0 and not self.state.stack.can_undo and self.state.audio is None:
            doc = Document.from_cues(result.cues, media_path=self.state.doc.media_path)
            self.state.replace_document(doc, subtitle_path=path)
        else:
            self.state.push(ReplaceAll(tuple(result.cues), "Import subtitles"))
            self.state.subtitle_path = path
        self.window.ensure_waveform()
        how = f"{result.encoding}, detected" if result.detected else result.encoding
        message = f"{len(result.cues)} cues read from {os.path.basename(path)} ({how})"
        if result.skipped:
            message += f"; {len(result.skipped)} parts skipped"
            QMessageBox.information(
                self.window,
                "Open subtitles",
                f"Some parts of {os.path.basename(path)} could not be read and were skipped:\n\n"
                + "\n".join(result.skipped[:20])
                + ("\n…" if len(result.skipped) > 20 else ""),
            )
        self.window.statusBar().showMessage(message, 8000)
        self.window._update_title()
        self.subtitlesLoaded.emit(path)

    def open_media(self, path: str, *, keep_document: bool = False) -> None:
        from app.media import decode_audio, probe

        name = os.path.basename(path)

        def job(report: Report) -> Any:
            audio = decode_audio(
                path,
                progress=lambda fraction: report.progress(fraction, f"Decoding {name}…"),
                cancelled=report.cancelled,
            )
            try:  # which audio track the player must play: the one decoded (a file may have several)
                track = probe(path).audio_track(audio.stream_index)
            except AppError:
                track = None
            return audio, track

        def done(result: Any) -> None:
            audio, track = result
            self.state.doc.media_path = os.path.abspath(path)
            self.state.set_audio(audio, track)
            self.window._update_title()
            if audio.warnings:  # decoded around damage: say so, the waveform alone would not show it
                more = f" (and {len(audio.warnings) - 1} more)" if len(audio.warnings) > 1 else ""
                self.window.statusBar().showMessage(f"{name}: {audio.warnings[0]}{more}", 20_000)
            self.mediaLoaded.emit()

        self.run_task("decode", f"Decoding {os.path.basename(path)}…", job, done, title="Open media")

    # -- saving --------------------------------------------------------------------------------------
    def export_srt(self, path: str) -> bool:
        from app.formats.srt import write_srt

        try:
            write_srt(path, self.state.doc.cues)
        except (AppError, OSError) as exc:
            self.error("Export SRT", f"{path}: cannot be written ({getattr(exc, 'strerror', None) or exc})")
            return False
        self.state.subtitle_path = path
        self._add_recent(path)
        self.window.statusBar().showMessage(f"Exported {len(self.state.doc)} cues to {path}", 6000)
        return True

    def save_project(self) -> bool:
        if not self.state.project_path:
            return self.save_project_as()
        return self._save_project(self.state.project_path)

    def save_project_as(self) -> bool:
        from app.formats.project import SUFFIX

        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save project", self._suggest_name(SUFFIX), f"Projects (*{SUFFIX})"
        )
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_project(path)

    def _save_project(self, path: str) -> bool:
        from app.formats.project import save_project

        self.window.editor.commit()
        try:
            save_project(self.state.doc, path)
        except AppError as exc:
            self.error("Save project", str(exc))
            return False
        self.state.project_path = path
        self.state.stack.mark_clean()
        self._add_recent(path)
        self.window.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def confirm_discard(self, doing: str) -> bool:
        """Ask before unsaved edits would be dropped. True: go on."""
        if not self.state.is_modified():
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"The subtitles have changes that are not saved. Save them before {doing}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_project()
        return answer == QMessageBox.StandardButton.Discard

    # -- recognition ---------------------------------------------------------------------------------
    def recognize_dialog(self) -> None:
        from app.ui.recognition import start_recognition

        start_recognition(self.window)

    # -- tasks ---------------------------------------------------------------------------------------
    def run_task(
        self,
        name: str,
        label: str,
        job: Callable[[Report], Any],
        on_success: Callable[[Any], None],
        *,
        title: str,
        on_item: Callable[[Any], None] | None = None,
    ) -> Task | None:
        """Run a job in a worker thread with progress and cancel in the status bar."""
        if name in self._busy:
            self.error(title, "This is already running; cancel it first or wait for it to finish.")
            return None
        task = Task(job, label, self)
        self.tasks[name] = task
        self._busy.add(name)  # until its outcome arrives: its thread may take a moment longer to end
        status = self.window.status
        status.begin(label, task.cancel)
        task.progressed.connect(status.update)
        if on_item is not None:
            task.produced.connect(on_item)

        def succeeded(result: Any) -> None:
            self._busy.discard(name)
            status.finish()
            try:
                on_success(result)
            except AppError as exc:
                self.error(title, str(exc))

        def failed(message: str) -> None:
            self._busy.discard(name)
            status.finish()
            self.error(title, message)

        def cancelled() -> None:
            self._busy.discard(name)
            status.finish(f"{title}: cancelled")

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.cancelled.connect(cancelled)
        task.done.connect(lambda: self.taskFinished.emit(name))
        return task.start()

    def running(self) -> set[str]:
        """Names of the tasks whose outcome (success, failure or cancel) has not reached the window yet."""
        return set(self._busy)

    def cancel_tasks(self) -> None:
        for task in self.tasks.values():
            if task.is_running():
                task.cancel()
        for task in self.tasks.values():
            task.wait(10_000)

    # -- recent files --------------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.window.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def _add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        items = [path] + [p for p in self.recent() if p != path]
        self.window.settings.setValue("files/recent", items[:MAX_RECENT])

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        items = self.recent()
        if not items:
            menu.addAction("(none)").setEnabled(False)
        for path in items:
            action = menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _kind(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in SUBTITLE_SUFFIXES:
        return "subtitles"
    if suffix in PROJECT_SUFFIXES:
        return "project"
    return "media"
