"""Subtitles burned into a video, from cues: what the command line's ``burn`` and File ▸ Export ▸ Video with
Burned-in Subtitles share. Qt-free: the caller passes the painter (app.render.subtitles.cue_overlay, the picture
pane's painter), so the session never imports Qt and the window's features stay beside each other."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from app.core.document import Cue
from app.core.errors import MediaError
from app.core.messages import message
from app.media.burn import DEFAULT_CRF, BurnResult, Overlay, Span, burn_subtitles

# paints one cue on a transparent picture of the given width and height (see app.media.burn.Overlay)
CuePainter = Callable[[Cue, int, int], Overlay]


def check_output(path: str) -> None:
    """Burned videos are MP4 (H.264 and the copied sound); MediaError for another extension."""
    if os.path.splitext(path)[1].lower() not in (".mp4", ".m4v", ".mov"):
        raise MediaError(message=message("burn.bad_container", path=path))


def burn_video(
    video: str,
    cues: Sequence[Cue],
    out: str,
    painter: CuePainter,
    *,
    name: str = "",
    crf: int = DEFAULT_CRF,
    preset: str = "medium",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BurnResult:
    """Write ``out``: ``video`` with every cue that shows words (its text, or its translation) drawn into its
    frames while it shows; ``painter`` decides how (the style, whether the translation is drawn)."""
    check_output(out)
    shown = [cue for cue in cues if (cue.text.strip() or cue.translation.strip()) and cue.end > cue.start]
    if not shown:
        raise MediaError(message=message("burn.no_cues", name=name or os.path.basename(video)))
    spans = [Span(cue.start, cue.end, index) for index, cue in enumerate(shown)]
    return burn_subtitles(
        video, spans, lambda key, width, height: painter(shown[key], width, height), out,  # type: ignore[call-overload]
        crf=crf, preset=preset, progress=progress, cancelled=cancelled,
    )  # fmt: skip
