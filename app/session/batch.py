"""A batch of media files to recognise: the queue, where each file's subtitles go, and the queue kept on disk.

Qt-free: the window's queue panel (app.ui.batch.panel) shows and drives it, the command line (``transcribe``)
uses its file expansion and output naming, so a folder gives the same files and the same output names in both.
Recognition itself is app.asr.client.batch; this module only knows files, states and JSON.

Before a file is recognised its outputs are known to be distinct and writable: media that would write the same
subtitle file (``same.wav`` and ``same.mkv`` into one folder) are told apart by their own extension
(``same.wav.srt``, ``same.mkv.srt``), and an output that cannot be written fails the file before any slow work.
A subtitle or project file given as media is refused.

States: waiting, running, done, failed (with a one-line reason), cancelled. The queue file is written atomically;
reading it back, a file that was running is waiting again (its run died with the window) and done files stay done.
A damaged queue file is moved aside (``NAME.damaged``) and the queue starts empty, with a message saying so.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from app.core.document import Cue
from app.core.messages import Message, message
from app.core.rules import MEDIA_SUFFIXES

if TYPE_CHECKING:
    from app.translate.client import TranslateError
    from app.translate.run import Progress, TranslationJob

WAITING, RUNNING, DONE, FAILED, CANCELLED = "waiting", "running", "done", "failed", "cancelled"
STATES = (WAITING, RUNNING, DONE, FAILED, CANCELLED)
QUEUE_VERSION = 1


def expand_media(items: Iterable[str]) -> list[str]:
    """Files as given; folders by their media files (sorted, not recursive); globs by their matches (sorted).
    A name that matches nothing stays, to fail as a missing file. Each file once."""
    found: list[str] = []
    for item in items:
        if os.path.isdir(item):
            names = sorted(os.listdir(item))
            found += [os.path.join(item, n) for n in names if os.path.splitext(n)[1].lower() in MEDIA_SUFFIXES]
        elif not os.path.exists(item) and glob.has_magic(item):
            found += sorted(glob.glob(item)) or [item]
        else:
            found.append(item)
    seen: set[str] = set()
    unique: list[str] = []
    for p in found:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def output_path(media: str, output_dir: str | None = None, format: str | None = None) -> str:
    """Where the subtitles of ``media`` go: ``output_dir`` (default: next to the media), the stem of the media,
    the first extension of ``format`` (default SubRip: app.formats.registry.target_format)."""
    from app.formats.registry import target_format

    suffix = target_format(format).extensions[0]
    stem = os.path.splitext(os.path.basename(media))[0]
    return os.path.join(output_dir or os.path.dirname(os.path.abspath(media)), stem + suffix)


def is_media_candidate(path: str) -> bool:
    """False for a subtitle or project file (``.srt``, ``.qssproj``...) or a text file given as media: refused,
    and a batch would write its subtitles over it. Other suffixes are left to the decoder to judge."""
    from app.formats.registry import formats

    suffix = os.path.splitext(path)[1].lower()
    if suffix in MEDIA_SUFFIXES:
        return True
    subtitle = {ext for fmt in formats() for ext in fmt.extensions}
    return suffix not in subtitle | {".qssproj", ".txt", ".json", ".xml"}


def distinct_outputs(
    media: Sequence[str], folder: str | None, format_names: Sequence[str | None]
) -> dict[str, list[str]]:
    """Each media file's subtitle paths (one per format), no two alike: where several would write the same file
    (same stem, or the same extension for two formats), each of them keeps its own extension in the name
    (``same.wav.srt``), then a number if that still collides. Keyed by the absolute media path."""
    plain = {os.path.abspath(m): [output_path(m, folder, f) for f in format_names] for m in media}
    count: dict[str, int] = {}
    for paths in plain.values():
        for p in paths:
            count[_key(p)] = count.get(_key(p), 0) + 1
    result: dict[str, list[str]] = {}
    taken: set[str] = set()
    for m, paths in plain.items():
        names = []
        for p, f in zip(paths, format_names, strict=True):
            if count[_key(p)] > 1:
                p = _with_media_suffix(m, folder, f)
            base, suffix = os.path.splitext(p)
            number = 2
            while _key(p) in taken:
                p, number = f"{base} ({number}){suffix}", number + 1
            taken.add(_key(p))
            names.append(p)
        result[m] = names
    return result


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _with_media_suffix(media: str, folder: str | None, format: str | None) -> str:
    from app.formats.registry import target_format

    name = os.path.basename(media)  # "same.wav": its stem and extension
    suffix = target_format(format).extensions[0]
    return os.path.join(folder or os.path.dirname(os.path.abspath(media)), name + suffix)


def write_problem(path: str) -> OSError | None:
    """Why the subtitles could not be written to ``path`` (before recognising: an unwritable or missing-and-
    unmakeable folder, a folder or read-only file in the way), or None. The error names ``path``."""
    if os.path.isdir(path):
        return IsADirectoryError(errno.EISDIR, "is a folder", path)
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return PermissionError(errno.EACCES, "the file is read-only", path)
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)  # a folder still to be made: its nearest existing parent must take it
    if not os.path.isdir(folder):
        return NotADirectoryError(errno.ENOTDIR, f"{folder} is not a folder", path)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return type(exc)(exc.errno, exc.strerror or str(exc), path)
    return None


def write_result(
    path: str,
    cues: Sequence[Cue],
    format: str | None,
    media: str | None = None,
    *,
    word_times: bool = False,
    header: dict[str, str] | None = None,
) -> list[Message]:
    """Write recognised cues; a frame-based format takes the media's frame rate; ``word_times``: karaoke in ASS,
    word timestamps in WebVTT (WriteOptions.word_times); ``header``: the file's own (a bilingual ASS script's two
    styles). Returns what the format dropped."""
    from app.formats.base import WriteOptions
    from app.formats.registry import target_format, write_subtitles
    from app.session.subtitle_files import video_frame_rate

    fmt = target_format(format, path)
    fps = video_frame_rate(media) if fmt.frame_based else None
    options = WriteOptions(fps=fps, word_times=word_times, header=dict(header or {}))
    return write_subtitles(path, list(cues), format=fmt.name, options=options)


def write_outputs(
    paths: Sequence[str],
    formats: Sequence[str],
    cues: Sequence[Cue],
    media: str,
    *,
    language: str = "",
    translation: TranslationJob | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress | None = None,
) -> TranslateError | None:
    """A recognised file's subtitles in each format; with ``translation`` the cues are translated first (the run
    cancelled by ``cancelled``, then nothing is written) and each file shows both languages, the original first
    (app.formats.bilingual.file_cues). A chat server that fails costs only the translation: the recognised
    subtitles are written all the same and its error comes back."""
    from app.formats.bilingual import file_cues
    from app.formats.registry import target_format

    shaped: list[tuple[list[Cue], dict[str, str] | None]] = [(list(cues), None)] * len(paths)
    failure = None
    if translation is not None and any(cue.text.strip() for cue in cues):
        from app.translate.run import translate_transcript

        done, result = translate_transcript(cues, translation, cancelled, progress)
        if result.cancelled or cancelled():
            return None
        target = translation.options.instructions.target_language
        if result.error is None:
            shaped = [file_cues(done, target_format(name, path).name, language, target)
                      for path, name in zip(paths, formats, strict=True)]  # fmt: skip
        failure = result.error
    for path, name, (events, header) in zip(paths, formats, shaped, strict=True):
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        write_result(path, events, name, media, header=header)
    return failure


@dataclass(frozen=True)
class BatchItem:
    media: str  # absolute path
    state: str = WAITING
    reason: str = ""  # a failed file's one line
    outputs: tuple[str, ...] = ()  # the subtitle files written for it

    def to_json(self) -> dict[str, object]:
        return {"media": self.media, "state": self.state, "reason": self.reason, "outputs": list(self.outputs)}

    @classmethod
    def from_json(cls, data: object) -> BatchItem:
        if not isinstance(data, dict) or not isinstance(data.get("media"), str) or data.get("state") not in STATES:
            raise ValueError("not a queue entry")
        outputs = data.get("outputs", [])
        if not isinstance(outputs, list) or not all(isinstance(o, str) for o in outputs):
            raise ValueError("not a list of outputs")
        state = WAITING if data["state"] == RUNNING else data["state"]  # its run ended with the window
        return cls(data["media"], state, str(data.get("reason", "")), tuple(outputs))


@dataclass(frozen=True)
class BatchOutput:
    """Where and in which formats a batch writes: ``folder`` None means next to each media file."""

    folder: str | None = None
    formats: tuple[str, ...] = ("srt",)
    translate_to: str = ""  # a language: each file's subtitles translated and written bilingual; "": not translated

    def paths(self, media: str) -> list[str]:
        return [output_path(media, self.folder, name) for name in self.formats]


@dataclass
class BatchQueue:
    """The files of a batch in the order they run. ``listeners`` hear every change (``None``: rows came or went
    or moved; an index: that row changed)."""

    items: list[BatchItem] = field(default_factory=list)
    output: BatchOutput = field(default_factory=BatchOutput)
    listeners: list[Callable[[int | None], None]] = field(default_factory=list, repr=False)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> BatchItem:
        return self.items[index]

    def _changed(self, index: int | None) -> None:
        for listener in list(self.listeners):
            listener(index)

    # -- adding, removing, ordering ----------------------------------------------------------------------------
    def add(self, paths: Iterable[str]) -> int:
        """Add media files (folders and globs expanded); a file already waiting or running is not added twice.
        A file that is done, failed or cancelled is queued again; a subtitle or project file is not added
        (is_media_candidate). Returns how many were added."""
        queued = {i.media: k for k, i in enumerate(self.items)}
        added = 0
        for path in expand_media(paths):
            if not is_media_candidate(path):  # a subtitle file: its "subtitles" would be written over it
                continue
            media = os.path.abspath(path)
            k = queued.get(media)
            if k is not None:
                if self.items[k].state in (WAITING, RUNNING):
                    continue
                del self.items[k]
                queued = {i.media: j for j, i in enumerate(self.items)}
            self.items.append(BatchItem(media))
            queued[media] = len(self.items) - 1
            added += 1
        if added:
            self._changed(None)
        return added

    def remove(self, indices: Iterable[int]) -> None:
        """Forget these rows (a running one is not removed: cancel it first)."""
        drop = {i for i in indices if 0 <= i < len(self.items) and self.items[i].state != RUNNING}
        if drop:
            self.items = [item for k, item in enumerate(self.items) if k not in drop]
            self._changed(None)

    def move(self, index: int, to: int) -> int:
        """Move row ``index`` to position ``to`` (clamped); returns where it went."""
        to = max(0, min(to, len(self.items) - 1))
        if not 0 <= index < len(self.items) or to == index:
            return index
        item = self.items.pop(index)
        self.items.insert(to, item)
        self._changed(None)
        return to

    def set_output(self, output: BatchOutput) -> None:
        self.output = output
        self._changed(None)

    # -- states --------------------------------------------------------------------------------------------------
    def update(self, index: int, **fields: object) -> None:
        self.items[index] = replace(self.items[index], **fields)  # type: ignore[arg-type]
        self._changed(index)

    def outputs_of(self, media: str) -> list[str]:
        """Where ``media``'s subtitles go: the output setting's paths, told apart from every other file's of the
        queue (distinct_outputs), so that no file of the batch writes over another's."""
        everyone = [item.media for item in self.items]
        if media not in everyone:
            everyone.append(media)
        return distinct_outputs(everyone, self.output.folder, self.output.formats)[os.path.abspath(media)]

    def index_of(self, media: str) -> int | None:
        return next((k for k, item in enumerate(self.items) if item.media == media), None)

    def next_waiting(self) -> int | None:
        return next((k for k, item in enumerate(self.items) if item.state == WAITING), None)

    def cancel_waiting(self, indices: Iterable[int] | None = None) -> None:
        """Waiting rows (all, or those given) become cancelled; a running one is the runner's to cancel."""
        chosen = range(len(self.items)) if indices is None else indices
        for k in chosen:
            if 0 <= k < len(self.items) and self.items[k].state == WAITING:
                self.update(k, state=CANCELLED, reason="")

    def requeue(self, indices: Iterable[int]) -> None:
        """Failed or cancelled rows wait again (done ones too, when the user asks for them again)."""
        for k in indices:
            if 0 <= k < len(self.items) and self.items[k].state in (FAILED, CANCELLED, DONE):
                self.update(k, state=WAITING, reason="", outputs=())

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for item in self.items:
            counts[item.state] += 1
        return counts

    # -- on disk -------------------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, object]:
        return {
            "version": QUEUE_VERSION,
            "output": {
                "folder": self.output.folder,
                "formats": list(self.output.formats),
                "translate_to": self.output.translate_to,
            },
            "items": [item.to_json() for item in self.items],
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        from app.formats.atomic import atomic_write_bytes

        os.makedirs(os.path.dirname(os.fspath(path)) or ".", exist_ok=True)
        data = json.dumps(self.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
        atomic_write_bytes(path, data)

    @classmethod
    def from_json(cls, data: object) -> BatchQueue:
        if (
            not isinstance(data, dict)
            or data.get("version") != QUEUE_VERSION
            or not isinstance(data.get("items"), list)
        ):
            raise ValueError("not a batch queue")
        out = data.get("output", {})
        if not isinstance(out, dict):
            raise ValueError("not an output setting")
        folder = out.get("folder")
        formats = out.get("formats") or ["srt"]
        if folder is not None and not isinstance(folder, str):
            raise ValueError("not a folder")
        if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
            raise ValueError("not a list of formats")
        translate_to = out.get("translate_to") or ""  # queues kept before translation have none
        if not isinstance(translate_to, str):
            raise ValueError("not a language")
        output = BatchOutput(folder or None, tuple(formats), " ".join(translate_to.split()))
        return cls([BatchItem.from_json(i) for i in data["items"]], output)


def load_queue(path: str | os.PathLike[str]) -> tuple[BatchQueue, Message | None]:
    """The queue kept at ``path`` (an empty one when there is none). A damaged file is moved aside to
    ``path.damaged`` and an empty queue comes back with a message naming where it went."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return BatchQueue(), None
    except OSError as exc:
        return BatchQueue(), message("batch.unreadable", path=path, reason=exc.strerror or str(exc))
    try:
        return BatchQueue.from_json(json.loads(raw.decode("utf-8"))), None
    except (ValueError, UnicodeDecodeError, RecursionError, TypeError):
        aside = path + ".damaged"
        try:
            os.replace(path, aside)
        except OSError:
            aside = path
        return BatchQueue(), message("batch.damaged", path=aside)
