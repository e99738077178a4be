"""Autosave and crash recovery: unsaved work is kept in a recovery file that a clean exit removes.

Each running window owns one recovery file, ``recovery-<pid>.qssproj`` in the user's data folder, and
holds a lock file beside it for as long as it runs. A recovery file whose lock can be taken (its owner
is dead: a crash, a kill, a power cut) is offered on the next start. The file is an ordinary project file
(written atomically) with a ``recovery`` entry that says which files the work came from, so the
project reader opens it as it is.

Writes are coalesced: the first change after a write starts a one-second timer, and every change made
until it fires goes into the same write. Work is therefore on disk at most about a second after it was
done, however fast the user types.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.commands import ReplaceAll
from app.core.document import Document
from app.core.errors import AppError, ProjectError
from app.formats.recovery import (
    PREFIX,
    SUFFIX,
    make_recovery_folder,
    read_recovery,
    recovery_bytes,
    set_aside,
    write_recovery,
)
from app.ui.cue_editor import CueEditor
from app.ui.files.controller import FileController
from app.ui.host import Host
from app.ui.workers import Task

INTERVAL_MS = 1000
WRITE_WAIT_MS = 5000  # a clean exit waits this long for a write in flight before removing the file


class AutosaveHost(Host, Protocol):
    """The host, plus what autosave watches: the text box (typing not yet committed) and the window closing."""

    editor: CueEditor
    closing: SignalInstance

    @property
    def files(self) -> FileController: ...


def recovery_folder() -> Path:
    """``$XDG_DATA_HOME/<organisation>/<application>/recovery`` on Linux; the platform's equivalent elsewhere."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True)
class Recovered:
    """A recovery file left by a window that did not exit cleanly."""

    path: Path
    lock: QLockFile  # held by us while the user decides, so that a second new window does not offer it too
    saved_at: float
    subtitle_path: str | None
    project_path: str | None
    cue_count: int
    document: Document

    def describe(self) -> str:
        """The work as the user knows it: its media first (the subtitle path may be the last export's), then the
        project or subtitle file it came from."""
        source = self.project_path or self.subtitle_path
        media = self.document.media_path
        if media and source:
            name = QCoreApplication.translate("AutoSaver", "{media} ({file})").format(
                media=os.path.basename(media), file=os.path.basename(source)
            )
        elif media or source:
            name = os.path.basename(media or source or "")
        else:
            name = QCoreApplication.translate("AutoSaver", "Untitled")
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        count = self.cue_count  # lupdate reads a plain name as the count, not an expression
        return QCoreApplication.translate("AutoSaver", "{name}: %n cue(s), saved {when}", None, count).format(
            name=name, when=when
        )

    def discard(self) -> None:
        _remove(self.path)
        self.lock.unlock()


class AutoSaver(QObject):
    """Keeps the window's unsaved work in this instance's recovery file."""

    def __init__(self, window: AutosaveHost, folder: Path | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(window.dialog_parent())
        self.window = window
        self.folder = Path(folder) if folder is not None else recovery_folder()
        try:
            make_recovery_folder(self.folder)
        except OSError:  # no recovery then (each write says so in the status bar), but the window starts
            pass
        self.path = self.folder / f"{PREFIX}{os.getpid()}{SUFFIX}"
        self._lock = QLockFile(str(self.path) + ".lock")
        self._lock.setStaleLockTime(0)  # stale only when the owner is gone, never by age
        self._lock.tryLock(0)
        self.set_aside: list[tuple[str, str]] = []  # (where it was kept, why it could not be read)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._write_in_background)
        self._writing: Task | None = None  # the write in flight (one at a time)
        self._again = False  # changes came while it ran: write again after it
        state = window.state
        state.cuesChanged.connect(self._schedule)
        state.undoStateChanged.connect(self._schedule)
        state.documentReplaced.connect(self._schedule)
        window.editor.edit.textChanged.connect(self._schedule)  # typing not yet committed to the document
        window.closing.connect(self.discard)

    def _schedule(self, *_args: object) -> None:
        if not self._timer.isActive():  # coalesce, never postpone: a steady stream of edits still gets written
            self._timer.start()

    def save_now(self) -> None:
        """Write the recovery file now and wait for it (or remove it when there is nothing unsaved)."""
        self._timer.stop()
        self._finish_writing()
        job = self._job()
        if job is not None:
            self._said(job(None))

    def _write_in_background(self) -> None:
        """The timed write: the document is taken as it is now (its cues are immutable, so this is a copy of
        references), and turned into bytes and written off the UI thread: 200,000 cues took 3.7 s there."""
        if self._writing is not None:
            self._again = True
            return
        job = self._job()
        if job is None:
            return
        task = Task(job, "autosave", self)
        task.succeeded.connect(self._said)
        task.done.connect(self._written)
        self._writing = task.start()

    def _written(self) -> None:
        self._writing = None
        if self._again:
            self._again = False
            self._write_in_background()

    def _finish_writing(self) -> None:
        if self._writing is not None:
            self._writing.wait(WRITE_WAIT_MS)

    def _job(self) -> Callable[[Any], str | None] | None:
        """What to write, as a job for any thread; None (the file removed) when nothing is unsaved."""
        state = self.window.state
        typing = self._uncommitted_text()
        if not state.is_modified() and typing is None:
            _remove(self.path)
            return None
        doc = Document.from_cues(
            state.doc.cues, language=state.doc.language, media_path=state.doc.media_path, settings=state.doc.settings
        )
        path, subtitle_path, project_path = self.path, state.subtitle_path, state.project_path

        def job(_report: Any) -> str | None:
            data = recovery_bytes(doc, path, subtitle_path=subtitle_path, project_path=project_path, typing=typing)
            try:
                write_recovery(path, data)
            except OSError as exc:  # a full disk must not stop editing
                return str(exc.strerror or exc)
            return None

        return job

    def _said(self, failure: str | None) -> None:
        if failure:  # said in the status bar; editing goes on
            self.window.show_status(self.tr("Autosave failed: {reason}").format(reason=failure), 8000)

    def _uncommitted_text(self) -> tuple[int, str] | None:
        """Text typed in the cue's text box that the box has not yet put into the document (it waits for a pause)."""
        editor, doc = self.window.editor, self.window.state.doc
        if editor.index is None or editor.index >= len(doc):
            return None
        text = editor.edit.toPlainText()
        return None if text == doc[editor.index].text else (editor.index, text)

    def discard(self) -> None:
        """A clean exit: the work was saved or deliberately dropped."""
        self._timer.stop()
        self._finish_writing()
        _remove(self.path)
        self._lock.unlock()

    # -- recovery ------------------------------------------------------------------------------------
    def find_recoverable(self) -> list[Recovered]:
        """Recovery files whose owners are gone, newest first; each comes with its lock held by us.

        One that cannot be read is set aside (renamed, kept) and listed in ``set_aside`` for the user.
        """
        found: list[Recovered] = []
        for path in self.folder.glob(f"{PREFIX}*{SUFFIX}"):
            if path == self.path:
                continue
            lock = QLockFile(str(path) + ".lock")
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):  # its window is still running
                continue
            try:
                item = read_recovery(path)
            except ProjectError as exc:
                self._set_aside(path, exc)
                lock.unlock()
                continue
            doc = item.document
            found.append(Recovered(path, lock, item.saved_at, item.subtitle_path, item.project_path, len(doc), doc))
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def _set_aside(self, path: Path, error: ProjectError) -> None:
        try:
            kept = str(set_aside(path))
        except OSError:
            kept = str(path)  # cannot be renamed either: it stays where it is
        why = str(error).removeprefix(f"{path}: ")  # the message names the file by its old name
        self.set_aside.append((kept, why))

    def report_set_aside(self) -> None:
        """Tell the user where the recovery files that could not be read were kept (one message for all)."""
        if not self.set_aside:
            return
        kept, error = self.set_aside[0]
        text = self.tr("Unsaved work from an earlier session could not be read and was kept as {path} ({error})")
        text = text.format(path=kept, error=error)
        if len(self.set_aside) > 1:
            text += " " + self.tr("and %n more file(s) in the same folder", "", len(self.set_aside) - 1)
        self.set_aside.clear()
        self.window.show_status(text, 30_000)
        QMessageBox.warning(self.window, self.tr("Recover unsaved work"), text)

    def offer_recovery(self) -> bool:
        """Offer the newest unsaved work left by a crash; True when it was restored into the window."""
        found = self.find_recoverable()
        self.report_set_aside()
        if not found:
            return False
        newest, older = found[0], found[1:]
        for item in older:  # one restore per start; older leftovers are kept for the next start
            item.lock.unlock()
        if not ask_restore(self.window.dialog_parent(), newest):
            newest.discard()
            return False
        try:
            self.restore(newest)
        except AppError as exc:
            self.window.show_error(self.tr("Recover unsaved work"), str(exc))
            newest.lock.unlock()  # kept: perhaps a newer version can read it
            return False
        newest.discard()
        self.save_now()  # the work is ours now: it lives on in our own recovery file
        return True

    def restore(self, item: Recovered) -> None:
        """Open the recovered work as an unsaved document; one undo step goes back to an empty one."""
        recovered = item.document
        base = Document(language=recovered.language, media_path=recovered.media_path, settings=recovered.settings)
        state = self.window.state
        state.replace_document(base, subtitle_path=item.subtitle_path, project_path=item.project_path)
        state.push(ReplaceAll(recovered.cues, self.tr("Recover unsaved work")))
        self.window.show_status(self.tr("Recovered unsaved work ({what})").format(what=item.describe()), 10_000)
        if recovered.media_path and os.path.exists(recovered.media_path):
            self.window.files.open_media(recovered.media_path)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # the folder is gone or is not one: nothing to remove
        pass


def ask_restore(parent: QWidget, item: Recovered) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AutoSaver", "Recover unsaved work"))
    box.setText(
        QCoreApplication.translate(
            "AutoSaver", "Qwen Subtitle Studio did not close properly last time. Restore the unsaved work?"
        )
    )
    box.setInformativeText(item.describe())
    restore = box.addButton(QCoreApplication.translate("AutoSaver", "&Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("AutoSaver", "&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
