"""The session: the open document with its undo stack, media, files and selection, and the events they make.

Every change of the document, its metadata included, goes through a command on the undo stack, so it can be
undone and marks the work modified. Two changes are not edits and take no undo step: the cues and media a
fresh document is opened with (``initialise``), and which files the work is tied to (``set_paths``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from app.core.checks import Limits
from app.core.commands import KEEP, Command, SetMetadata
from app.core.doc_settings import QualityChoice
from app.core.document import Change, Cue, Document
from app.core.profiles import Profile, of_choice, of_settings
from app.core.undo import UndoStack
from app.session.events import (
    CuesChanged,
    DocumentReplaced,
    Event,
    MediaChanged,
    MetadataChanged,
    PathsChanged,
    SelectionChanged,
    UndoChanged,
)

Listener = Callable[[Event], None]
META_FIELDS = ("language", "media_path", "settings")


class Session:
    def __init__(self, doc: Document | None = None) -> None:
        self.doc = doc if doc is not None else Document()
        self.stack = UndoStack(self.doc)
        self.subtitle_path: str | None = None
        self.project_path: str | None = None
        self.audio: Any = None  # app.media DecodedAudio, once decoded
        self.audio_track: int | None = None  # the ordinal of the decoded stream among the file's audio tracks
        self.selection: list[int] = []
        self.generation = 0  # +1 for every new document: work started for generation N never touches N+1
        self._listeners: list[Listener] = []
        self.default_quality: QualityChoice | None = None  # the user's (preferences); a document's own choice wins
        self._limits_cache: tuple[Any, Any, str | None, Profile, Limits] | None = None
        self._limits_by_language: tuple[object, dict[str, Limits]] = (None, {})  # for the rules they were made by
        self._meta = self._read_meta()
        self._attach()

    # -- listening -----------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _attach(self) -> None:
        self.doc.subscribe(self._on_change)
        self.stack.subscribe(self._on_stack)

    def _on_change(self, change: Change) -> None:
        if change.kind != "meta":
            self._emit(CuesChanged(change))
            return
        meta = self._read_meta()
        fields = frozenset(name for name in META_FIELDS if meta[name] != self._meta[name])
        self._meta = meta
        if fields:
            self._emit(MetadataChanged(fields))

    def _on_stack(self) -> None:
        self._emit(UndoChanged())

    def _read_meta(self) -> dict[str, Any]:
        return {name: getattr(self.doc, name) for name in META_FIELDS}  # immutable values

    # -- the document --------------------------------------------------------------------------------
    def replace_document(
        self, doc: Document, *, subtitle_path: str | None = None, project_path: str | None = None
    ) -> None:
        """A new document (a file opened, work recovered): a fresh undo stack and a new generation."""
        self.doc.unsubscribe(self._on_change)
        self.doc = doc
        self.stack = UndoStack(doc)
        self.subtitle_path = subtitle_path
        self.project_path = project_path
        self.selection = []
        self.generation += 1
        self._meta = self._read_meta()
        self._attach()
        self._emit(DocumentReplaced(self.generation))
        self._emit(UndoChanged())
        self._emit(PathsChanged())
        self._emit(SelectionChanged(()))

    def push(self, command: Command, *, merge: object | None = None) -> None:
        self.stack.push(command, merge=merge)

    def is_pristine(self) -> bool:
        """Nothing in it and nothing done to it yet: what a file opened now starts from."""
        return len(self.doc) == 0 and not self.stack.can_undo and not self.stack.in_group and not self.project_path

    def initialise(self, command: Command) -> None:
        """Apply what a fresh document is opened with (its first media file, the default limits) without an undo
        step: it is not an edit, there is nothing to go back to, and the work stays unmodified."""
        command.apply(self.doc)

    def set_metadata(self, label: str, *, merge: object | None = None, **fields: Any) -> bool:
        """Change language, media path or settings as an undoable edit; False when nothing would change."""
        changed = {k: v for k, v in fields.items() if v is not KEEP and getattr(self.doc, k) != v}
        if not changed:
            return False
        self.push(SetMetadata(**changed, label=label), merge=merge)
        return True

    def set_media_path(self, path: str, label: str = "Open media") -> bool:
        """Tie the document to a media file.

        The first media of an untitled document, or any media of an empty untouched one, is part of opening it
        (no undo step, nothing to save). Re-pointing a project, or a document already tied to other media, is an
        edit: undoable, and the work is modified, so closing asks before the change is lost.
        """
        path = os.path.abspath(path)
        if path == self.doc.media_path:
            return False
        if self.is_pristine() or (self.doc.media_path is None and self.project_path is None):
            self.initialise(SetMetadata(media_path=path, label=label))
            return True
        return self.set_metadata(label, media_path=path)

    def is_modified(self) -> bool:
        return not self.stack.is_clean()

    def set_default_quality(self, choice: QualityChoice | None) -> None:
        """The profile of documents that choose none (the user's preference); the views hear of it when it is the
        one in force."""
        if choice == self.default_quality:
            return
        self.default_quality = choice
        if self.doc.settings.quality is None:
            self._emit(MetadataChanged(frozenset({"settings"})))

    @property
    def profile(self) -> Profile:
        """The quality profile every limit comes from: the document's choice, else the user's default
        (:attr:`default_quality`, set from the preferences). Recognition segments by it, the list colours by it,
        the checks, fixes and re-alignment use it."""
        return self._rules()[3]

    @property
    def limits(self) -> Limits:
        """The profile's limits for the document's language (the cue list's colours, the text box's counters)."""
        return self._rules()[4]

    def limits_of(self, cue: Cue) -> Limits:
        """The limits of one cue: its language's (the document's when it has none), as the checks apply them."""
        language = cue.language or self.doc.language or ""
        rules = self._rules()
        if language == rules[2]:
            return rules[4]
        if self._limits_by_language[0] is not rules:  # the profile or the document's language changed
            self._limits_by_language = (rules, {})
        by_language = self._limits_by_language[1]
        found = by_language.get(language)
        if found is None:
            found = by_language[language] = rules[3].limits(language)
        return found

    def _rules(self) -> tuple[Any, Any, str | None, Profile, Limits]:
        """Asked for every painted cell: kept until the settings, the default or the language change (all three
        immutable values, so a change is a new object)."""
        settings, default, language = self.doc.settings, self.default_quality, self.doc.language
        cached = self._limits_cache
        if cached is None or cached[0] is not settings or cached[1] is not default or cached[2] != language:
            profile = of_settings(settings, of_choice(default))
            cached = self._limits_cache = (settings, default, language, profile, profile.limits(language))
        return cached

    # -- files and media -----------------------------------------------------------------------------
    def set_paths(self, *, subtitle_path: str | None = KEEP, project_path: str | None = KEEP) -> None:
        """The files the work is tied to (window title, Save, export suggestions); not an edit."""
        if subtitle_path is not KEEP:
            self.subtitle_path = subtitle_path
        if project_path is not KEEP:
            self.project_path = project_path
        self._emit(PathsChanged())

    def mark_saved(self, project_path: str) -> None:
        self.project_path = project_path
        self.stack.mark_clean()
        self._emit(PathsChanged())

    def set_audio(self, audio: Any, audio_track: int | None = None) -> None:
        """The decoded audio, and which of the file's audio tracks it is (for the player)."""
        self.audio = audio
        self.audio_track = audio_track
        self._emit(MediaChanged())

    @property
    def media_end(self) -> int | None:
        return None if self.audio is None else int(self.audio.duration_ms)

    # -- selection -----------------------------------------------------------------------------------
    def select(self, indices: list[int]) -> None:
        indices = sorted({i for i in indices if 0 <= i < len(self.doc)})
        if indices != self.selection:
            self.selection = indices
            self._emit(SelectionChanged(tuple(indices)))
