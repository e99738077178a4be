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

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from app.core.commands import ReplaceAll
from app.core.document import Document
from app.core.errors import AppError
from app.formats.textio import read_user_bytes

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

INTERVAL_MS = 1000
PREFIX = "recovery-"
SUFFIX = ".qssproj"
# Tests and scripted runs answer the restore question with this variable ("restore" or "discard").
ANSWER_VARIABLE = "QSS_RECOVERY_ANSWER"


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

    def describe(self) -> str:
        source = self.project_path or self.subtitle_path
        name = os.path.basename(source) if source else "Untitled"
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        return f"{name}: {self.cue_count} cues, saved {when}"

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        self.lock.unlock()


class AutoSaver(QObject):
    """Keeps the window's unsaved work in this instance's recovery file."""

    def __init__(self, window: MainWindow, folder: Path | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.window = window
        self.folder = Path(folder) if folder is not None else recovery_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f"{PREFIX}{os.getpid()}{SUFFIX}"
        self._lock = QLockFile(str(self.path) + ".lock")
        self._lock.setStaleLockTime(0)  # stale only when the owner is gone, never by age
        self._lock.tryLock(0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
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
        """Write the recovery file now, or remove it when there is nothing unsaved."""
        self._timer.stop()
        state = self.window.state
        typing = self._uncommitted_text()
        if not state.is_modified() and typing is None:
            self.path.unlink(missing_ok=True)
            return
        from app.formats.project import project_json
        from app.formats.textio import atomic_write_bytes

        data = project_json(state.doc, self.path)
        if typing is not None:
            index, text = typing
            data["cues"][index].update(text=text, edited=True)
            data["cues"][index].pop("words", None)  # their character positions belong to the old text
        data["recovery"] = {
            "pid": os.getpid(),
            "saved_at": time.time(),
            "subtitle_path": state.subtitle_path,
            "project_path": state.project_path,
        }
        try:
            atomic_write_bytes(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:  # a full disk must not stop editing; say so once in the status bar
            self.window.statusBar().showMessage(f"Autosave failed: {exc.strerror or exc}", 8000)

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
        self.path.unlink(missing_ok=True)
        self._lock.unlock()

    # -- recovery ------------------------------------------------------------------------------------
    def find_recoverable(self) -> list[Recovered]:
        """Recovery files whose owners are gone, newest first; each comes with its lock held by us."""
        found: list[Recovered] = []
        for path in self.folder.glob(f"{PREFIX}*{SUFFIX}"):
            if path == self.path:
                continue
            lock = QLockFile(str(path) + ".lock")
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):  # its window is still running
                continue
            try:
                data = json.loads(read_user_bytes(path).decode("utf-8"))
                meta, count = data.get("recovery"), len(data.get("cues", []))
            except (AppError, OSError, ValueError, AttributeError):
                meta, count = None, 0
            if not isinstance(meta, dict):  # damaged beyond use: nothing to offer
                path.unlink(missing_ok=True)
                lock.unlock()
                continue
            found.append(
                Recovered(
                    path,
                    lock,
                    float(meta.get("saved_at") or path.stat().st_mtime),
                    meta.get("subtitle_path"),
                    meta.get("project_path"),
                    count,
                )
            )
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def offer_recovery(self) -> bool:
        """Offer the newest unsaved work left by a crash; True when it was restored into the window."""
        found = self.find_recoverable()
        if not found:
            return False
        newest, older = found[0], found[1:]
        for item in older:  # one restore per start; older leftovers are kept for the next start
            item.lock.unlock()
        if not ask_restore(self.window, newest):
            newest.discard()
            return False
        try:
            self.restore(newest)
        except AppError as exc:
            QMessageBox.warning(self.window, "Recover unsaved work", str(exc))
            newest.lock.unlock()  # kept: perhaps a newer version can read it
            return False
        newest.discard()
        self.save_now()  # the work is ours now: it lives on in our own recovery file
        return True

    def restore(self, item: Recovered) -> None:
        """Open the recovered work as an unsaved document; one undo step goes back to an empty one."""
        from app.formats.project import load_project

        recovered = load_project(item.path)
        base = Document(language=recovered.language, media_path=recovered.media_path, settings=recovered.settings)
        state = self.window.state
        state.replace_document(base, subtitle_path=item.subtitle_path, project_path=item.project_path)
        state.push(ReplaceAll(recovered.cues, "Recover unsaved work"))
        self.window._update_title()
        self.window.statusBar().showMessage(f"Recovered unsaved work ({item.describe()})", 10_000)
        if recovered.media_path and os.path.exists(recovered.media_path):
            self.window.files.open_media(recovered.media_path, keep_document=True)


def ask_restore(parent: MainWindow, item: Recovered) -> bool:
    answer = os.environ.get(ANSWER_VARIABLE, "").strip().lower()
    if answer in {"restore", "discard"}:
        return answer == "restore"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover unsaved work")
    box.setText("Qwen Subtitle Studio did not close properly last time. Restore the unsaved work?")
    box.setInformativeText(item.describe())
    restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
