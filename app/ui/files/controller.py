"""Opening, importing, exporting and saving; decoding media as a task. Every failure is a dialog.

Depends on the host (app.ui.host: the session, the task manager, dialogs and the status bar), never on the window.
"""

from __future__ import annotations

import codecs
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.core.errors import AppError
from app.core.rules import MEDIA_SUFFIXES
from app.formats.registry import readable
from app.ui.files.subtitle_io import SubtitleIO, import_filter, subtitle_patterns, subtitle_tracks_of
from app.ui.host import Host
from app.ui.workers import Report

SUBTITLE_SUFFIXES = {ext for fmt in readable() for ext in fmt.extensions}  # every format app.formats reads
PROJECT_SUFFIXES = {".qssproj"}
MEDIA_PATTERNS = " ".join(f"*{suffix}" for suffix in MEDIA_SUFFIXES)
MAX_RECENT = 10


def open_filter() -> str:
    return ";;".join(
        (
            QCoreApplication.translate("FileController", "All supported ({patterns})").format(
                patterns=f"{MEDIA_PATTERNS} {subtitle_patterns()} *.qssproj"
            ),
            QCoreApplication.translate("FileController", "Media ({patterns})").format(patterns=MEDIA_PATTERNS),
            QCoreApplication.translate("FileController", "Subtitles ({patterns})").format(patterns=subtitle_patterns()),
            QCoreApplication.translate("FileController", "Projects ({patterns})").format(patterns="*.qssproj"),
            QCoreApplication.translate("FileController", "All files ({patterns})").format(patterns="*"),
        )
    )


class FileController(QObject):
    mediaLoaded = Signal()
    subtitlesLoaded = Signal(str)  # the path, once its cues are in the document

    def __init__(self, host: Host, parent: QObject | None = None):
        super().__init__(parent)
        self.host = host
        self.state = host.state
        self.state.metadataChanged.connect(self._on_metadata)
        self.subtitles = SubtitleIO(host, self)  # formats: Export As, Save Subtitles, the track picker
        self.subtitles.exported.connect(self._on_exported)
        self.last_read: tuple[str, str, bool] | None = None  # path, encoding, whether it was detected

    # -- dialogs -------------------------------------------------------------------------------------
    def error(self, title: str, message: str) -> None:
        self.host.show_error(title, message)

    def _start_dir(self) -> str:
        return self.host.prefs.last_dir

    def _remember_dir(self, path: str) -> None:
        self.host.prefs.last_dir = os.path.dirname(os.path.abspath(path))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.host.dialog_parent(), self.tr("Open"), self._start_dir(), open_filter()
        )
        if path:
            self.open_path(path)

    def import_subtitles_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.host.dialog_parent(),
            self.tr("Import subtitles"),
            self._start_dir(),
            import_filter(),
        )
        if path:
            self.import_subtitles(path)

    def reload_with_encoding_dialog(self) -> None:
        """When detection guessed wrong (mojibake): read the last subtitle file again in a chosen encoding."""
        from PySide6.QtWidgets import QInputDialog

        from app.formats.textio import LEGACY_ENCODINGS

        path = self.state.subtitle_path
        if not path:
            self.error(self.tr("Reload with encoding"), self.tr("No subtitle file has been opened yet."))
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
            self.host.dialog_parent(),
            self.tr("Reload with encoding"),
            self.tr("Read {name} as:").format(name=os.path.basename(path)),
            choices,
            current,
            True,
        )
        chosen: str | None = encoding.strip()
        if not ok or not chosen:
            return
        if last is not None and last[2] and _codec(chosen) == _codec(last[1]):
            chosen = None  # detection's own answer: read as detection read it (UTF-8 with stray bytes included)
        self.import_subtitles(path, chosen, ask=False)  # the user asked for this very file again: no question

    def export_subtitles_dialog(self) -> None:
        """File ▸ Export As: a format list that sets the extension."""
        self.host.commit_edits()
        self.subtitles.export_dialog(self._suggest_name(".srt"))

    def save_subtitles(self) -> bool:
        """Write the subtitles back to the file they came from, in its format and encoding."""
        return self.subtitles.save(self._suggest_name(".srt"))

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
            self.error(self.tr("Open"), self.tr("{path}: no such file").format(path=path))
            return
        self._add_recent(path)
        self._remember_dir(path)
        kind = _kind(path)
        if kind == "project":
            self.open_project(path)
        elif kind == "subtitles":
            self.import_subtitles(path)
        else:
            self.open_media(path)

    def open_with_subtitles(self, media: str, subtitles: str) -> None:
        """A file the batch queue finished: its media and its subtitles in the editor. Unsaved work is offered
        to be saved first; the subtitles are then laid over what is open (undoable) without another question."""
        for path in (media, subtitles):
            if not os.path.exists(path):
                self.error(self.tr("Open"), self.tr("{path}: no such file").format(path=path))
                return
        self.host.commit_edits()
        if not self.confirm_discard(self.tr("opening another file")):
            return
        for path in (media, subtitles):
            self._add_recent(path)
        self.open_media(media)
        self.import_subtitles(subtitles, ask=False)

    def open_project(self, path: str) -> None:
        from app.formats.project import load_project

        if not self.confirm_discard(self.tr("opening another project")):
            return
        try:
            doc = load_project(path)
        except AppError as exc:
            self.error(self.tr("Open project"), str(exc))
            return
        self.state.replace_document(doc, project_path=path)
        if doc.media_path:
            if os.path.exists(doc.media_path):
                self.open_media(doc.media_path)
            else:
                self.error(
                    self.tr("Open project"),
                    self.tr("The project's media is missing: {path}").format(path=doc.media_path),
                )

    def import_subtitles(self, path: str, encoding: str | None = None, *, ask: bool = True) -> None:
        """Lay the cues of a subtitle file (any format) over the open media; undoable, so nothing is lost.

        The file is read in a worker thread with progress and Cancel: detecting the encoding of a 100 KB file
        already takes a quarter of a second, and a 50 MB one several seconds.
        """
        self.host.commit_edits()
        options = self.subtitles.read_options(path)  # a frame rate asked for first, where one is needed
        if options is not None:
            self._read_subtitles(path, encoding, options, ask=ask)

    def _read_subtitles(
        self, path: str, encoding: str | None, options: Any, asked: bool = False, *, ask: bool = True
    ) -> None:
        from app.formats.base import ReadOptions
        from app.session.subtitle_files import load_subtitles

        reading = self.tr("Reading {name}…").format(name=os.path.basename(path))

        def job(report: Report) -> Any:
            return load_subtitles(
                path, encoding, options=options, progress=lambda fraction: report.progress(fraction, reading),
                cancelled=report.cancelled,
            )  # fmt: skip

        def read(result: Any) -> None:
            language = None if asked else self.subtitles.pick_language(result)  # SAMI: which of its languages
            if language is not None:
                self._read_subtitles(path, encoding, ReadOptions(options.fps, language), asked=True, ask=ask)
            else:
                self._lay_subtitles(path, result, ask)

        title = self.tr("Open subtitles")
        self.host.tasks.start("subtitles", reading, job, read, title=title, replaces=True)

    def _lay_subtitles(self, path: str, result: Any, ask: bool = True) -> None:
        self.host.commit_edits()  # what was typed while the file was read
        self.last_read = (path, result.encoding, result.detected)
        self._lay_over(result, path, os.path.basename(path), ask)

    def _lay_over(self, result: Any, path: str | None, name: str, ask: bool = True) -> None:
        """Put subtitles read from a file (``path``) or a video's track (no path) in the document."""
        session = self.state.session
        if session.is_pristine() and session.audio is None:  # a fresh document: the file is where it starts
            session.initialise(self.subtitles.import_command(result, "Import subtitles"))
        else:  # laid over the work there is: undoable, so nothing is lost
            if ask and len(self.state.doc) and not self._confirm_replace(name):
                return
            self.state.push(self.subtitles.import_command(result, self.tr("Import subtitles")))
        if path is not None:
            self.state.subtitle_path = path
        how = self.tr("{encoding}, detected").format(encoding=result.encoding) if result.detected else result.encoding
        message = self.tr("%n cue(s) read from {name} ({how})", "", len(result.cues)).format(name=name, how=how)
        if result.skipped:
            message += self.tr("; %n part(s) skipped", "", len(result.skipped))
            QMessageBox.information(
                self.host.dialog_parent(),
                self.tr("Open subtitles"),
                self.tr("Some parts of {name} could not be read and were skipped:").format(name=name)
                + "\n\n"
                + "\n".join(result.skipped[:20])
                + ("\n…" if len(result.skipped) > 20 else ""),
            )
        self.host.show_status(message, 8000)
        if path is not None:
            self.subtitlesLoaded.emit(path)

    def _confirm_replace(self, name: str) -> bool:
        """Importing over cues replaces them: ask first, as recognition does."""
        count = len(self.state.doc)
        question = self.tr("Replace the %n cue(s) you have with the cues of {name}? (Undo brings them back.)", "",
                           count).format(name=name)  # fmt: skip
        answer = QMessageBox.question(self.host.dialog_parent(), self.tr("Import subtitles"), question)
        return answer == QMessageBox.StandardButton.Yes

    def open_media(self, path: str) -> None:
        """Decode a media file as a task; a later open replaces one still decoding."""
        from app.media import decode_audio, probe

        name = os.path.basename(path)
        decoding = self.tr("Decoding {name}…").format(name=name)

        def job(report: Report) -> Any:
            audio = decode_audio(
                path,
                progress=lambda fraction: report.progress(fraction, decoding),
                cancelled=report.cancelled,
            )
            try:  # which audio track the player must play: the one decoded (a file may have several)
                track = probe(path).audio_track(audio.stream_index)
            except AppError:
                track = None
            return audio, track, subtitle_tracks_of(path)

        def done(result: Any) -> None:
            audio, track, subtitle_tracks = result
            own = self.state.doc.media_path == os.path.abspath(path)  # the project's own media, or a new one
            replaced_media = self.state.audio is not None and not own
            self.state.set_audio(audio, track)
            self.state.session.set_media_path(path, self.tr("Open media"))
            if audio.warnings:  # decoded around damage: say so, the waveform alone would not show it
                warning = audio.warnings[0]
                if len(audio.warnings) > 1:
                    warning = self.tr("{warning} (and %n more)", "", len(audio.warnings) - 1).format(warning=warning)
                self.host.show_status(self.tr("{name}: {warning}").format(name=name, warning=warning), 20_000)
            elif len(self.state.doc) and not own:  # the cues stay: say so, they may be another film's
                count = len(self.state.doc)
                if replaced_media:
                    message = self.tr("Opened {name} in place of the previous media; the %n cue(s) you had "
                                      "[is|are] kept", "", count)  # fmt: skip
                else:
                    message = self.tr("Opened {name}; the %n cue(s) you had [is|are] kept (File ▸ Import Subtitles "
                                      "replaces [it|them])", "", count)  # fmt: skip
                self.host.show_status(message.format(name=name), 15_000)
            self.mediaLoaded.emit()
            # a video with subtitles: offered over cues too (the picker can be closed, laying over asks first),
            # but not again for the project's own media
            if any(t.is_text for t in subtitle_tracks) and not own:
                self.offer_tracks(path, subtitle_tracks)

        self.host.tasks.start("decode", decoding, job, done, title=self.tr("Open media"), replaces=True)

    def import_track_dialog(self) -> None:
        """File ▸ Import Subtitle Track: the tracks of the open video, or of a video the user picks."""
        from app.session.subtitle_files import is_video_path

        path = self.state.doc.media_path
        if not path or not is_video_path(path):
            path, _ = QFileDialog.getOpenFileName(
                self.host.dialog_parent(), self.tr("Import Subtitle Track"), self._start_dir(),
                QCoreApplication.translate("FileController", "Media ({patterns})").format(patterns=MEDIA_PATTERNS),
            )  # fmt: skip
        if not path:
            return
        title = self.tr("Import Subtitle Track")

        def listed(tracks: Any) -> None:
            if not tracks:
                self.error(title, self.tr("{name} has no subtitle tracks.").format(name=os.path.basename(path)))
            else:
                self.offer_tracks(path, tracks)

        self.host.tasks.start("tracks", self.tr("Reading tracks…"), lambda _r: subtitle_tracks_of(path, strict=True),
                              listed, title=title, bound=False)  # fmt: skip

    def offer_tracks(self, path: str, tracks: list[Any]) -> None:
        """The track picker; the chosen text track is read as a task and laid over the document (undoable)."""
        from app.session.subtitle_files import read_track
        from app.ui.files.subtitle_io import TrackPicker

        picker = TrackPicker(self.host.dialog_parent(), os.path.basename(path), tracks)
        picker.exec()
        number = picker.chosen()
        if number is None:
            return
        name = self.tr("{name}, track {number}").format(name=os.path.basename(path), number=number)
        reading = self.tr("Reading {name}…").format(name=name)

        def job(report: Report) -> Any:
            return read_track(path, number, progress=lambda fraction: report.progress(fraction, reading),
                              cancelled=report.cancelled)  # fmt: skip

        self.host.tasks.start("track", reading, job, lambda result: self._lay_over(result, None, name),
                              title=self.tr("Import Subtitle Track"))  # fmt: skip

    def _on_metadata(self, fields: frozenset[str]) -> None:
        """The media path went back or forth (undo, redo): decode the media it names, so the two agree."""
        path = self.state.doc.media_path
        audio = self.state.audio
        if "media_path" not in fields or not path or not os.path.exists(path):
            return
        if audio is None or os.path.abspath(audio.source) != path:
            self.open_media(path)

    # -- saving --------------------------------------------------------------------------------------
    def export_subtitles(self, path: str, format_name: str | None = None) -> bool:
        """Export in the named format, else the one the path's extension says, else SubRip."""
        return self.subtitles.export(path, format_name)

    def _on_exported(self, path: str) -> None:
        self.state.subtitle_path = path
        self._add_recent(path)

    def save_project(self) -> bool:
        if not self.state.project_path:
            return self.save_project_as()
        return self._save_project(self.state.project_path)

    def save_project_as(self) -> bool:
        from app.formats.project import SUFFIX

        self.host.commit_edits()
        if not self.subtitles.confirm_write():  # asked before the name, not after it
            return False
        path, _ = QFileDialog.getSaveFileName(
            self.host.dialog_parent(),
            self.tr("Save project"),
            self._suggest_name(SUFFIX),
            QCoreApplication.translate("FileController", "Projects ({patterns})").format(patterns=f"*{SUFFIX}"),
        )
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_project(path)

    def _save_project(self, path: str) -> bool:
        from app.formats.project import save_project

        self.host.commit_edits()
        if not self.subtitles.confirm_write():
            return False
        try:
            save_project(self.state.doc, path)
        except AppError as exc:
            self.error(self.tr("Save project"), str(exc))
            return False
        self.state.session.mark_saved(path)
        self._add_recent(path)
        self.host.show_status(self.tr("Saved {path}").format(path=path), 4000)
        return True

    def confirm_discard(self, doing: str) -> bool:
        """Ask before unsaved edits would be dropped. True: go on. ``doing`` is translated by the caller."""
        if not self.state.is_modified():
            return True
        answer = QMessageBox.question(
            self.host.dialog_parent(),
            self.tr("Unsaved changes"),
            self.tr("The subtitles have changes that are not saved. Save them before {doing}?").format(doing=doing),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_project()
        return answer == QMessageBox.StandardButton.Discard

    # -- recent files --------------------------------------------------------------------------------
    def recent(self) -> list[str]:
        return self.host.prefs.recent_files

    def _add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        items = [path] + [p for p in self.recent() if p != path]
        self.host.prefs.recent_files = items[:MAX_RECENT]

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        items = self.recent()
        if not items:
            menu.addAction(self.tr("(none)")).setEnabled(False)
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
