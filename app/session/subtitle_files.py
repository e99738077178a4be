"""Subtitles from anywhere: a subtitle file of any format, or a text track inside a video.

The one place where app.formats (parsing) and app.media (containers) meet for subtitles; the window and the
command line both call it, so a file reads the same in both.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from operator import attrgetter

from app.core.collection import collection_paused
from app.core.document import fill_languages
from app.core.rules import SUBTITLE_TRACK_SUFFIXES
from app.formats.base import ReadOptions, SubtitleFile
from app.formats.registry import by_extension, read_subtitles


def is_subtitle_path(path: str | os.PathLike[str]) -> bool:
    return by_extension(path) is not None


def is_video_path(path: str | os.PathLike[str]) -> bool:
    """A container that may carry subtitle tracks; anything else with a subtitle extension is a subtitle file."""
    return os.path.splitext(os.fspath(path))[1].lower() in SUBTITLE_TRACK_SUFFIXES


def video_frame_rate(path: str | os.PathLike[str] | None) -> float | None:
    """The frame rate of a video file's first video stream; None for audio, no file or an unreadable one."""
    from app.core.errors import AppError

    if not path or not is_video_path(path):
        return None
    try:
        from app.media.probe import probe

        return next((s.frame_rate for s in probe(os.fspath(path)).streams if s.kind == "video" and s.frame_rate), None)
    except AppError:
        return None


def read_track(
    path: str | os.PathLike[str],
    number: int | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    languages: bool = True,
) -> SubtitleFile:
    """A video's text track (``number`` from 1; default the first text track) as a subtitle file.

    Its events become cues directly, by the rules of the track's format (app.formats): a SubRip event's text as the
    SubRip reader takes a cue's, an ASS event line by line through the ASS reader. ``progress(fraction)`` and
    ``cancelled()`` are called from the calling thread. Raises MediaError (no track, a bitmap track, an unreadable
    container), DecodeCancelled or SubtitleParseError. ``languages``: guess each cue's language (with_cue_languages).
    """
    from app.formats.ass import read_events
    from app.formats.base import Parsed
    from app.formats.simple import srt_cues
    from app.formats.vtt import vtt_cues
    from app.media.subtitle_tracks import read_subtitle_track

    with collection_paused():  # a million cues: the cyclic collector would walk them again and again
        reading = None if progress is None else (lambda fraction: progress(0.8 * fraction))
        embedded = read_subtitle_track(path, number, progress=reading, cancelled=cancelled)
        name = f"{os.fspath(path)} (track {embedded.track.number})"
        if embedded.format == "ass":
            parsed = read_events(embedded.header, embedded.texts, name)
        elif embedded.format == "vtt":
            parsed = Parsed(vtt_cues(embedded.starts, embedded.ends, embedded.texts))
        else:
            parsed = Parsed(srt_cues(embedded.starts, embedded.ends, embedded.texts))
    if progress is not None:
        progress(1.0)
    # path None: saving goes to a new file, never into the video
    result = SubtitleFile(None, embedded.format, parsed.cues, skipped=parsed.skipped, header=parsed.header)
    return with_cue_languages(result) if languages else result


def load_subtitles(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    format: str | None = None,
    track: int | None = None,
    options: ReadOptions | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    languages: bool = True,
) -> SubtitleFile:
    """Read subtitles from a subtitle file, or from a video's text track when ``path`` is a video. ``languages``:
    guess the language of each cue the file does not name (with_cue_languages); a read only to be written in a
    format that keeps no language (SubRip) can leave it out (a million cues: about half a second)."""
    if track is not None or (format is None and is_video_path(path)):
        return read_track(path, track, progress=progress, cancelled=cancelled, languages=languages)
    result = read_subtitles(path, encoding, format=format, options=options, progress=progress, cancelled=cancelled)
    return with_cue_languages(result) if languages else result


def with_cue_languages(result: SubtitleFile) -> SubtitleFile:
    """Each cue's language: what the file said (TTML ``xml:lang``, a WebVTT or ASS header), else guessed from its
    text (app.text.language_detect; Lingua is loaded only for Latin-script cues). Runs where the file is read: in
    the window's worker thread, never on the UI thread."""
    cues = result.cues
    known = list(map(attrgetter("language"), cues))
    if all(known):
        return result
    from app.text.language_detect import guess_cue_languages

    guessed = guess_cue_languages(list(map(attrgetter("text"), cues)), known)
    fill_languages(cues, guessed)  # the cues were made by this read and nobody holds them yet
    return result
