"""Subtitle formats in the window: Export As with a format list, Save in the format the subtitles came from,
the questions some formats need (a frame rate, a SAMI language), and the track picker for videos.

Depends on the host (app.ui.host), never on the window. Reading and writing go through app.formats.registry
and app.session.subtitle_files; what a format could not keep comes back as messages, rendered here.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.formats.base import DEFAULT_FPS, SubtitleFile, SubtitleFormat, WriteOptions
from app.formats.registry import (
    by_extension,
    by_name,
    readable,
    save_like,
    target_format,
    writable,
    write_subtitles,
)
from app.ui.chinese_names import fill_configs
from app.ui.host import Host
from app.ui.messages import render


def format_filter(fmt: SubtitleFormat) -> str:
    patterns = " ".join(f"*{ext}" for ext in fmt.extensions)
    return QCoreApplication.translate("SubtitleIO", "{label} ({patterns})").format(label=fmt.label, patterns=patterns)


def import_filter() -> str:
    """Every readable subtitle format, then each on its own, then all files."""
    patterns = " ".join(sorted({f"*{ext}" for fmt in readable() for ext in fmt.extensions}))
    every = QCoreApplication.translate("SubtitleIO", "All subtitle files ({patterns})").format(patterns=patterns)
    rest = QCoreApplication.translate("SubtitleIO", "All files ({patterns})").format(patterns="*")
    return ";;".join([every, *(format_filter(fmt) for fmt in readable()), rest])


def subtitle_patterns() -> str:
    return " ".join(sorted({f"*{ext}" for fmt in readable() for ext in fmt.extensions}))


class ExportDialog(QFileDialog):
    """A save dialog whose format list sets the file's extension: pick WebVTT and "film.srt" becomes "film.vtt"."""

    def __init__(self, parent: QWidget | None, path: str, current: str = "srt", *, words: bool = False):
        super().__init__(parent, QCoreApplication.translate("SubtitleIO", "Export As"))
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # the list must drive the extension
        # the aligner's word times, offered only when the cues have them: karaoke in ASS, timestamps in WebVTT
        self.word_times = QCheckBox(QCoreApplication.translate("SubtitleIO", "Word timing (karaoke)"), self)
        self.word_times.setVisible(words)
        self._words = words
        self._word_choice = False  # what the user ticked, kept while a format without word timing is chosen
        self.word_times.toggled.connect(self._remember_word_choice)
        self.formats = list(writable())
        self.setNameFilters([format_filter(fmt) for fmt in self.formats])
        self.setDirectory(os.path.dirname(path) or ".")
        self.selectFile(os.path.basename(path))
        chosen = next((fmt for fmt in self.formats if fmt.name == current), self.formats[0])
        self.selectNameFilter(format_filter(chosen))
        self._follow(format_filter(chosen))
        self.filterSelected.connect(self._follow)
        combo = self.findChild(QComboBox, "fileTypeCombo")  # Qt's own list: filterSelected does not always come
        if combo is not None:
            combo.currentTextChanged.connect(self._follow)
        self.chinese = QComboBox(self)  # convert Chinese script on the way out (app.text.chinese); the document stays
        self.chinese.addItem(QCoreApplication.translate("SubtitleIO", "No conversion"), None)
        fill_configs(self.chinese)
        self.chinese.setCurrentIndex(0)
        grid = self.layout()
        if isinstance(grid, QGridLayout):  # Qt's own dialog: rows under the file type
            row = grid.rowCount()
            grid.addWidget(QLabel(QCoreApplication.translate("SubtitleIO", "Chinese script:"), self), row, 0)
            grid.addWidget(self.chinese, row, 1)
            if words:
                grid.addWidget(self.word_times, row + 1, 1)

    def chosen_chinese(self) -> str | None:
        """The OpenCC configuration to write the subtitles in, or None to write them as they are."""
        data = self.chinese.currentData()
        return str(data) if data else None

    def chosen_word_times(self) -> bool:
        """Whether to write the word times (WriteOptions.word_times) in the chosen format."""
        return self._words and self.word_times.isEnabled() and self.word_times.isChecked()

    def _remember_word_choice(self, checked: bool) -> None:
        self._word_choice = checked  # only a click: the box is set for a format with its signals blocked

    def _follow_word_timing(self, fmt: SubtitleFormat) -> None:
        """The box for the chosen format: the user's choice where the format can hold word times, ticked and fixed
        where it always does (JSON), unticked and greyed where it cannot (SubRip)."""
        always = "words" in fmt.keeps
        self.word_times.setEnabled(fmt.word_timing and not always)
        self.word_times.blockSignals(True)
        self.word_times.setChecked(always or (fmt.word_timing and self._word_choice))
        self.word_times.blockSignals(False)
        if always:
            tip = QCoreApplication.translate("SubtitleIO", "{format} files always hold each word's time")
        elif fmt.word_timing:
            tip = QCoreApplication.translate(
                "SubtitleIO", "ASS: a karaoke tag before each word; WebVTT: a timestamp before each word"
            )
        else:
            tip = QCoreApplication.translate("SubtitleIO", "{format} files cannot hold word times")
        self.word_times.setToolTip(tip.format(format=fmt.label))

    def chosen_format(self) -> SubtitleFormat:
        selected = self.selectedNameFilter()
        return next((fmt for fmt in self.formats if format_filter(fmt) == selected), self.formats[0])

    def _follow(self, name_filter: str) -> None:
        fmt = next((f for f in self.formats if format_filter(f) == name_filter), None)
        if fmt is None:
            return
        self.setDefaultSuffix(fmt.extensions[0].lstrip("."))
        self._follow_word_timing(fmt)
        line = self.findChild(QWidget, "fileNameEdit")
        name = line.text() if line is not None else ""
        if name:
            stem = name
            for other in self.formats:
                for ext in other.extensions:
                    if stem.lower().endswith(ext):
                        stem = stem[: -len(ext)]
                        break
            line.setText(stem + fmt.extensions[0])


class TrackPicker(QDialog):
    """The subtitle tracks of a video; text tracks can be picked, picture tracks are listed but greyed out."""

    def __init__(self, parent: QWidget | None, name: str, tracks: list[Any]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Subtitle Track"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{name} has subtitle tracks. Import one to work on it?").format(name=name)))
        self.list = QListWidget()
        for track in tracks:
            item = QListWidgetItem(self.describe(track))
            item.setData(Qt.ItemDataRole.UserRole, track.number)
            if not track.is_text:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        first = next((row for row, track in enumerate(tracks) if track.is_text), None)
        if first is not None:
            self.list.setCurrentRow(first)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(first is not None)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not Now"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 260)

    def describe(self, track: Any) -> str:
        parts = [self.tr("Track {number}").format(number=track.number)]
        if track.title:
            parts.append(f"“{track.title}”")
        if track.language:
            parts.append(f"[{track.language}]")
        parts.append(track.label)
        if track.default:
            parts.append(self.tr("(default)"))
        if not track.is_text:
            parts.append(self.tr("— pictures of text: needs OCR, cannot be imported"))
        return "  ".join(parts)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or self.result() != QDialog.DialogCode.Accepted:
            return None
        return item.data(Qt.ItemDataRole.UserRole)


def _declares_frame_rate(path: str) -> bool:
    """A MicroDVD file that starts with its own frame rate ("{1}{1}25") needs no question."""
    import re

    if not os.path.isfile(path):  # a pipe or a device would block here; reading refuses it with a message
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \r\n")
    except OSError:
        return False  # reading will say what is wrong
    return re.match(rb"\{[01]\}\{[01]\}\d", head) is not None


class SubtitleIO(QObject):
    """Export As, Save Subtitles, and the choices made before reading; keeps the file the subtitles came from."""

    exported = Signal(str)

    def __init__(self, host: Host, parent: QObject | None = None):
        super().__init__(parent)
        self.host = host
        self.confirm_write: Any = lambda: True  # asked before anything is written (app.ui.checks.save_guard)
        self._words_said: int | None = None  # the document generation told that a format drops word timings

    @property
    def source(self) -> SubtitleFile | None:
        """The file the subtitles were read from (kept in the document's settings, so in projects too)."""
        return SubtitleFile.from_source_settings(self.host.state.doc.settings.subtitle_source)

    def import_command(self, result: SubtitleFile, label: str) -> Any:
        """One undoable step: the cues, and the file they came from (what Save Subtitles writes back to)."""
        from app.core.commands import Batch, ReplaceAll, SetMetadata
        from app.formats.ass_styles import style_from_head

        settings = self.host.state.doc.settings.replace(subtitle_source=result.source_settings())
        head = result.header.get("ass.head") if result.format in ("ass", "ssa") else None
        style = style_from_head(head, (cue.get("style") or "" for cue in result.cues)) if head else None
        if style is not None:  # the script's Default style (else the one its cues use) is how the document looks
            settings = settings.replace(style=style)
        return Batch((ReplaceAll(tuple(result.cues), label), SetMetadata(settings=settings, label=label)), label)

    # -- reading -------------------------------------------------------------------------------------
    def read_options(self, path: str) -> Any:
        """A frame rate for frame-based formats (the media's, else asked, else 23.976); None when cancelled."""
        from app.formats.base import ReadOptions

        fmt = by_extension(path)
        if fmt is None or not fmt.frame_based or _declares_frame_rate(path):
            return ReadOptions()
        rate = self.media_frame_rate()
        if rate is None:
            rate, ok = QInputDialog.getDouble(
                self.host.dialog_parent(), self.tr("Frame rate"),
                self.tr("{name} counts frames. Frame rate of its video:").format(name=os.path.basename(path)),
                DEFAULT_FPS, 1.0, 240.0, 3,
            )  # fmt: skip
            if not ok:
                return None
        return ReadOptions(fps=rate)

    def media_frame_rate(self) -> float | None:
        path = self.host.state.doc.media_path
        if not path:
            return None
        try:
            from app.media import probe

            return next((s.frame_rate for s in probe(path).streams if s.kind == "video" and s.frame_rate), None)
        except AppError:
            return None

    def pick_language(self, result: SubtitleFile) -> str | None:
        """A SAMI file with several languages: which one (None: keep the first, already read)."""
        if len(result.languages) < 2:
            return None
        choice, ok = QInputDialog.getItem(
            self.host.dialog_parent(), self.tr("Language"),
            self.tr("This file holds captions in several languages. Read:"), list(result.languages), 0, False,
        )  # fmt: skip
        return choice if ok and choice != result.languages[0] else None

    # -- writing -------------------------------------------------------------------------------------
    def export_dialog(self, suggestion: str) -> str | None:
        if not self.confirm_write():  # before the file is chosen: Review must not lose a chosen name
            return None
        current = self.source.format if self.source is not None and by_name(self.source.format).can_write else "srt"
        fmt = by_name(current)
        path = os.path.splitext(suggestion)[0] + fmt.extensions[0]
        words = any(cue.words for cue in self.host.state.doc.cues)
        dialog = ExportDialog(self.host.dialog_parent(), path, current, words=words)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        target = dialog.selectedFiles()[0]
        chosen = dialog.chosen_format().name
        written = self.export(target, chosen, chinese=dialog.chosen_chinese(), word_times=dialog.chosen_word_times())
        return target if written else None

    def export(
        self, path: str, format_name: str | None = None, *, chinese: str | None = None, word_times: bool = False
    ) -> bool:
        """Write the document in a format (default: by the path's extension), UTF-8; say what it could not keep.
        With ``chinese`` (an OpenCC configuration) the file gets the converted text; the document is left as it is.
        ``word_times``: the words' times as ASS karaoke or WebVTT timestamps (WriteOptions.word_times)."""
        fmt = target_format(format_name, path)
        same = self.source is not None and self.source.format == fmt.name
        options = WriteOptions(fps=self.media_frame_rate() if fmt.frame_based else None,
                               header=dict(self.source.header) if same else {}, word_times=word_times,
                               style=self.host.state.doc.settings.style)  # fmt: skip

        def write() -> Any:
            cues = self.host.state.doc.cues
            if chinese:
                from app.text.chinese import convert_cues

                cues = tuple(convert_cues(cues, chinese))
            return write_subtitles(path, cues, format=fmt.name, options=options)

        return self._write(path, write, fmt)

    def save(self, suggestion: str) -> bool:
        """Write the subtitles back where they came from, in their format, encoding, BOM and newlines."""
        source = self.source
        if source is None or source.path is None or not by_name(source.format).can_write:
            return self.export_dialog(suggestion) is not None
        path, style = source.path, self.host.state.doc.settings.style
        return self._write(
            path, lambda: save_like(path, self.host.state.doc.cues, source, style), by_name(source.format)
        )

    def _write(self, path: str, write: Any, fmt: SubtitleFormat) -> bool:
        self.host.commit_edits()
        if not self.confirm_write():
            return False
        try:
            dropped = write()
        except (AppError, OSError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.host.show_error(
                self.tr("Export As"), self.tr("{path}: cannot be written ({reason})").format(path=path, reason=reason)
            )
            return False
        count = len(self.host.state.doc)
        self.host.show_status(self.tr("Exported %n cue(s) to {path}", "", count).format(path=path), 6000)
        dropped = self._worth_saying(dropped)
        if dropped:
            lost = "\n".join("• " + render(message) for message in dropped)
            self.host.show_info(
                self.tr("Export As"),
                self.tr("{format} does not keep everything these subtitles have. Left out:").format(format=fmt.label)
                + "\n\n" + lost,
            )  # fmt: skip
        self.exported.emit(path)
        return True

    def _worth_saying(self, dropped: list[Any]) -> list[Any]:
        """What a format left out, with word timings said once per document: the document (and its project)
        keeps them, and no one expects them in an SRT, WebVTT, ASS or TTML file; saying it after every export
        only hides the losses that matter."""
        from app.formats.base import WORDS_DROPPED

        if not any(m.code == WORDS_DROPPED for m in dropped):
            return dropped
        if self._words_said == self.host.state.generation:
            return [m for m in dropped if m.code != WORDS_DROPPED]
        self._words_said = self.host.state.generation
        return dropped


def subtitle_tracks_of(path: str, strict: bool = False) -> list[Any]:
    """A video's subtitle tracks (runs in a worker); a file that cannot say is taken to have none unless strict."""
    from app.media.subtitle_tracks import subtitle_tracks
    from app.session.subtitle_files import is_video_path

    if not strict and not is_video_path(path):
        return []
    try:
        return subtitle_tracks(path)
    except AppError:
        if strict:
            raise
        return []
