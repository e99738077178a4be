"""``burn``: subtitles drawn into the picture (H.264, the sound copied), with the picture pane's painter."""

from __future__ import annotations

import argparse
import sys
import time


def register(subparsers: argparse._SubParsersAction) -> None:
    burn = subparsers.add_parser(
        "burn",
        help="draw subtitles into a video's picture (H.264 MP4, the sound copied)",
        description="Decode VIDEO, draw each cue of SUBS into the frames it shows on as the window's picture pane "
        "draws it (size by the picture's height, outline, {\\an8} at the top, italics; an ASS script in its "
        "Default style's font, colours, outline, shadow, margins and position), encode the picture again "
        "with H.264 (libx264) and copy the sound. OUT (.mp4) is replaced atomically; an odd width or height gets "
        "one more pixel.",
    )
    burn.add_argument("video", metavar="VIDEO", help="the video (any PyAV reads: MKV, MP4, WebM, AVI...)")
    burn.add_argument("subs", metavar="SUBS", help="the subtitles (any format we read)")
    burn.add_argument("-o", "--output", metavar="OUT", required=True, help="the video to write (.mp4)")
    burn.add_argument("--crf", metavar="N", type=int, default=20,
                      help="H.264 quality: 0 lossless ... 51 smallest (default 20)")  # fmt: skip
    presets = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")
    burn.add_argument("--preset", default="medium", choices=presets, help="x264 speed against size (default medium)")
    burn.set_defaults(func=run_burn)


def run_burn(args: argparse.Namespace) -> int:
    from functools import partial

    from app.core.styles import DEFAULT_STYLE
    from app.formats.ass_styles import style_from_head
    from app.render.subtitles import cue_overlay
    from app.session.burn import burn_video, check_output
    from app.session.subtitle_files import load_subtitles

    check_output(args.output)  # a wrong extension is said before anything is read
    loaded = load_subtitles(args.subs)
    cues = loaded.cues
    head = loaded.header.get("ass.head")  # an ASS script's Default style is how its cues look
    style = style_from_head(head, (cue.get("style") or "" for cue in cues)) if head else None
    painter = partial(cue_overlay, style=style or DEFAULT_STYLE)
    progress = _Progress() if sys.stderr.isatty() else None
    result = burn_video(args.video, cues, args.output, painter, name=args.subs, crf=args.crf,
                        preset=args.preset, progress=progress)  # fmt: skip
    if progress is not None:
        print(file=sys.stderr)
    sound = "the sound copied" if result.sound else "no sound"
    if result.sound_encoded:
        sound = f"the sound ({result.sound_encoded}, which MP4 players do not take) encoded as AAC"
    print(f"{result.path}: {result.frames} frames ({result.width}x{result.height}), subtitles drawn on "
          f"{result.frames_drawn}, {sound}")  # fmt: skip
    return 0


class _Progress:
    """``burning… 42% (about 1 min 10 s left)`` on one line, redrawn as the fraction grows."""

    def __init__(self) -> None:
        self.began = time.monotonic()

    def __call__(self, fraction: float) -> None:
        elapsed = time.monotonic() - self.began
        left = ""
        if 0.02 <= fraction < 1:
            seconds = round(elapsed * (1 - fraction) / fraction)
            left = (
                f" (about {seconds // 60} min {seconds % 60} s left)" if seconds >= 60 else f" (about {seconds} s left)"
            )
        print(f"\rburning… {int(fraction * 100)}%{left}\033[K", end="", file=sys.stderr, flush=True)
