"""``align`` (and the helpers ``transcribe`` shares): re-timing without the window, with a progress bar on stderr."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from app.cli import plural

if TYPE_CHECKING:
    from app.core.document import Cue


def register(subparsers: argparse._SubParsersAction) -> None:
    al = subparsers.add_parser(
        "align",
        help="re-time existing subtitles, or time a plain script, to a media file with the forced aligner",
        description="Subtitles: remove a constant offset and frame-rate drift, then align the text of each group of "
        "cues to the audio (windows well under 180 s) and write the subtitles again: in their own format where it "
        "can be written, else SRT. A plain script (a transcript without times: a .txt file that no subtitle format "
        "recognises, or any file with --script; a .txt in TMPlayer's format stays subtitles): the aligner times "
        "every word and the profile's limits for the language make the cues; every word is kept in order, nothing "
        "is added, and the script's line breaks are kept where the lines fit (longer lines are split).",
    )
    al.add_argument("media", metavar="MEDIA")
    al.add_argument(
        "subtitles", metavar="SUBS", help="subtitles of any format (SRT, WebVTT, ASS, TTML...) or a plain script"
    )
    al.add_argument(
        "--script",
        action="store_true",
        help="SUBS is a plain script (UTF-8, UTF-16 or a legacy encoding such as GBK), whatever its extension",
    )
    al.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="subtitles to write, in the format of the extension (default: SUBS.aligned, same format)",
    )
    al.add_argument(
        "--aligner", metavar="NAME|DIR", default=None, help="Qwen3-ForcedAligner-0.6B (default) or a folder"
    )
    al.add_argument(
        "--model",
        metavar="NAME|DIR",
        default=None,
        help="recognizer that detects the language when the subtitles' text does not tell it "
        "(Qwen3-ASR-0.6B by default, or a folder)",
    )
    al.add_argument(
        "--language",
        metavar="NAME",
        default=None,
        help="language of the subtitles (default: guessed from their text, else detected from the audio); of a "
        "script, one the aligner knows (default: guessed from its text)",
    )
    from app.cli.quality import add_profile_option

    add_profile_option(al, default=None)  # a script's cues are cut by these limits
    al.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default="auto")
    add_precision_argument(al)
    al.add_argument("--no-drift", action="store_true", help="do not look for a constant offset or frame-rate drift")
    al.add_argument(
        "--keep-large",
        action="store_true",
        help="leave cues the aligner would move by more than 0.5 s where they were (after drift removal)",
    )
    al.set_defaults(func=run_align)


def add_precision_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--precision",
        choices=["auto", "fp32", "bf16", "int8"],
        default="auto",
        help="number format on the CPU: auto (bf16 where the CPU has bf16 instructions and the weights are bf16, "
        "else fp32), fp32, bf16, or int8 (fastest, may be less accurate)",
    )


def load_audio(path: str, bar: _Bar | None = None) -> np.ndarray:
    """16 kHz mono float32 from any media file, through app.media (cached on disk for the next run)."""
    from app.asr.client.protocol import Progress
    from app.core.messages import message
    from app.media import decode_audio

    def report(fraction: float) -> None:
        if bar is not None:
            bar(Progress(fraction, message("cli.decoding")))

    return decode_audio(path, progress=report).samples


class _Bar:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = ""
        self.fraction = 0.0

    def __call__(self, item: Any) -> None:
        """Show a Progress or a Status (app.asr.client.protocol)."""
        from app.core.messages import english

        self.fraction = getattr(item, "fraction", self.fraction)
        width = 30
        filled = int(width * min(1.0, self.fraction))
        line = f"[{'#' * filled}{'.' * (width - filled)}] {self.fraction:4.0%} {english(item.message)}"
        if line == self.last:
            return
        self.last = line
        if self.tty:
            sys.stderr.write("\r" + line.ljust(79))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self.last:
            sys.stderr.write("\n")


def _options(args: argparse.Namespace) -> Any:
    from app.asr.client.models import DEFAULT_ALIGNER, DEFAULT_RECOGNIZER
    from app.asr.client.protocol import EngineOptions

    kwargs: dict[str, Any] = {
        "model": getattr(args, "model", None) or DEFAULT_RECOGNIZER,
        "aligner": None if (args.aligner or "").lower() == "none" else args.aligner or DEFAULT_ALIGNER,
        "device": args.device,
        "idle_unload_s": 0,
    }
    if getattr(args, "int8", False):
        kwargs["cpu_int8"] = True
    if getattr(args, "precision", None):
        kwargs["cpu_precision"] = args.precision
    if getattr(args, "batch_size", None):
        kwargs["batch_size"] = args.batch_size
    if getattr(args, "max_new_tokens", None):
        kwargs["max_new_tokens"] = args.max_new_tokens
    return EngineOptions(**kwargs)


def _limits(args: argparse.Namespace) -> dict[str, Any]:
    """What recognition segments by: the quality profile (``--profile``, Netflix by default) with ``--max-cps`` and
    ``--max-line`` over it, as the window segments by the document's profile (app.core.profiles)."""
    from app.core.profiles import Profile, profile

    chosen = profile(getattr(args, "profile", None))
    overrides: dict[str, Any] = {}
    if getattr(args, "max_cps", None):
        overrides["max_cps"] = args.max_cps
    if getattr(args, "max_line", None):
        overrides["max_line_chars"] = args.max_line
    if overrides:
        chosen = Profile.from_dict(overrides, chosen)
    return chosen.limit_overrides()


def _run(job: Any, audio: np.ndarray, bar: _Bar, client: Any = None) -> Iterator[Any]:
    """The job's results through the same engine client and pipeline as the window; progress goes to the bar.
    Without ``client``, a local engine process for this job alone."""
    from app.asr.client.protocol import Progress, Status
    from app.asr.client.service import LocalEngineClient

    own = client is None
    client = client or LocalEngineClient()
    try:
        for item in client.run(job, audio, on_wait=bar):
            if isinstance(item, (Progress, Status)):
                bar(item)
            else:
                yield item
    finally:
        bar.done()
        if own:
            client.shutdown()


def run_align(args: argparse.Namespace) -> int:
    from app.asr.client.languages import canonical_language
    from app.asr.client.models import check_local
    from app.asr.client.protocol import RealignDone, RealignJob
    from app.cli.subtitle_options import write_output
    from app.core.errors import ModelError
    from app.core.languages import majority_language
    from app.core.messages import english, message
    from app.core.rules import REVIEW_THRESHOLD_MS
    from app.formats.registry import by_extension
    from app.session.subtitle_files import load_subtitles

    options = _options(args)
    check_local(options.aligner, "aligner")
    subs = load_subtitles(args.subtitles)  # any format; styles, speakers and each cue's language ride along
    given = canonical_language(args.language)
    # --language is every cue's; else each cue's own (from the file or guessed from its text when it was read)
    languages = (given,) * len(subs.cues) if given else ()
    language = given or majority_language(c.language for c in subs.cues) or None
    if language is None and not all(c.language for c in subs.cues):  # the recognizer will listen for it
        check_local(options.model, "recognizer")
    elif language is not None:
        how = "" if args.language else " (of most cues, from the subtitles; --language to change)"
        print(f"language: {language}{how}")
    bar = _Bar()
    audio = load_audio(args.media, bar)
    stem, suffix = os.path.splitext(args.subtitles)
    output = args.output or stem + ".aligned" + (suffix if by_extension("x" + suffix, writable=True) else ".srt")
    job = RealignJob(options, tuple(subs.cues), None, language, correct_drift=not args.no_drift, languages=languages)
    result = None
    try:
        for item in _run(job, audio, bar):
            if isinstance(item, RealignDone):
                result = item.realignment
    except ModelError as exc:
        if language is None:  # listening for the language needed the recognizer
            raise ModelError(f"{exc} (--language names the cues' language, e.g. --language French)") from None
        raise
    assert result is not None
    large = result.large_moves(REVIEW_THRESHOLD_MS)
    cues = result.result({p.index for p in large} if args.keep_large else ())
    write_output(args, output, cues, subs.header)  # a header is used only by the format it came from
    if not args.no_drift:
        print(f"offset and drift: {result.drift.describe()}")
    if large:
        code = "cli.large_kept" if args.keep_large else "cli.large_moved"
        listed = ", ".join(f"#{p.index + 1} {move_text(p.old, p.new)}" for p in large[:20])
        summary = english(message(code, len(large), seconds=f"{REVIEW_THRESHOLD_MS / 1000:g}"))
        print(f"{summary}: {listed}" + (" …" if len(large) > 20 else ""))
    print(f"{output}: {align_summary(subs.cues, cues, not result.drift.is_identity)}")
    return 0


def move_text(old: Cue, new: Cue) -> str:
    """How a cue moved, by the edge that moved: "+0.80 s" (both alike), "end +1.20 s", "start -0.10 s, end +1.20 s"."""
    start, end = new.start - old.start, new.end - old.end
    if start == end:
        return f"{start / 1000:+.2f} s"
    parts = [f"{name} {delta / 1000:+.2f} s" for name, delta in (("start", start), ("end", end)) if delta]
    return ", ".join(parts)


def align_summary(before: Sequence[Cue], after: Sequence[Cue], drift_removed: bool = False) -> str:
    """Counts that add up: moved + unchanged = written; the cues marked for review are among them."""
    moved = sum(1 for b, a in zip(before, after, strict=True) if (b.start, b.end) != (a.start, a.end))
    text = f"{plural(len(after), 'cue')} written: {moved} moved, {len(after) - moved} unchanged"
    review = sum(1 for c in after if c.needs_review)
    if review:
        kept = "kept their times after the offset and drift were removed" if drift_removed else "kept their times"
        text += f"; {review} marked for review (the aligner could not place them; they {kept})"
    return text
