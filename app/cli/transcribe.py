"""``transcribe MEDIA...``: recognition of one file or many (files, folders, globs), locally or on a server.

One engine client serves every file (the local models load once), each file gets its progress and a summary line,
a file that fails gets one ``error: FILE: ...`` line and the others go on; the exit status is 2 when any failed.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from typing import Any

_MEDIA = "mp4 mkv webm mov avi ts mts m2ts mpg mpeg wmv flv 3gp mp3 m4a aac flac ogg oga opus wav aif aiff wma mka"
MEDIA_SUFFIXES = frozenset("." + ext for ext in _MEDIA.split())


def register(subparsers: argparse._SubParsersAction) -> None:
    tr = subparsers.add_parser(
        "transcribe",
        help="recognise the speech of media files and write subtitles",
        description="Recognise speech with Qwen3-ASR (on this machine or on a server), time every word with the "
        "forced aligner (or estimate the times) and write subtitles. Give files, folders or globs; one failed file "
        "does not stop the others.",
    )
    tr.add_argument("media", metavar="MEDIA", nargs="+", help="audio or video files, folders or globs")
    tr.add_argument("-o", "--output", metavar="OUT.srt",
                    help="subtitles to write for a single MEDIA, in the format of the extension: .srt .vtt .ass "
                    ".ttml .sbv .json .txt... (default: MEDIA with .srt)")  # fmt: skip
    tr.add_argument("--output-dir", metavar="DIR", help="write the subtitles into DIR (default: next to each MEDIA)")
    tr.add_argument("--format", metavar="NAME", help="format to write (srt, vtt, ass, ttml...; default srt or OUT's)")
    tr.add_argument("--skip-existing", action="store_true", help="leave MEDIA whose subtitles already exist")
    tr.add_argument(
        "--model", metavar="NAME|DIR", default=None, help="Qwen3-ASR-0.6B (default), Qwen3-ASR-1.7B or a folder"
    )
    tr.add_argument("--aligner", metavar="none|NAME|DIR", default=None,
                    help="Qwen3-ForcedAligner-0.6B (default), a folder, or none for estimated word times")  # fmt: skip
    tr.add_argument("--language", metavar="NAME|auto", default="auto", help="spoken language (default: detect)")
    tr.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default="auto")
    tr.add_argument("--context", metavar="TEXT", default="", help="names and terms that help recognition")
    tr.add_argument(
        "--int8",
        action="store_true",
        help="on the CPU, quantise the recognizer to int8: about 2.5x faster, less accurate (off by default)",
    )
    tr.add_argument("--server", metavar="URL", default=None,
                    help="recognise on an OpenAI-compatible server (vllm serve Qwen/Qwen3-ASR-1.7B), e.g. "
                    "http://gpu-box:8000; the API key comes from QSS_SERVER_API_KEY")  # fmt: skip
    tr.add_argument("--server-model", metavar="NAME", default=None, help="model the server serves "
                    "(default: QSS_SERVER_MODEL or Qwen/Qwen3-ASR-1.7B)")  # fmt: skip
    tr.add_argument("--concurrency", type=int, default=None, metavar="N",
                    help="chunks in flight at once on the server (default 8)")  # fmt: skip
    tr.add_argument("--max-cps", type=float, default=None, metavar="CPS", help="reading speed limit (default 17)")
    tr.add_argument(
        "--max-line", type=int, default=None, metavar="N", help="characters a line (default 42; 16 Chinese and "
        "Korean, 23 Japanese, 35 Thai)",
    )  # fmt: skip
    tr.add_argument("--batch-size", type=int, default=None, help=argparse.SUPPRESS)
    tr.add_argument("--max-new-tokens", type=int, default=None, help=argparse.SUPPRESS)
    tr.set_defaults(func=run_transcribe)


def expand_media(items: list[str]) -> list[str]:
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
    return [p for p in found if not (os.path.abspath(p) in seen or seen.add(os.path.abspath(p)))]


def output_path(args: argparse.Namespace, media: str) -> str:
    from app.formats.registry import by_name

    if args.output:
        return args.output
    suffix = by_name(args.format).extensions[0] if args.format else ".srt"
    stem = os.path.splitext(os.path.basename(media))[0]
    return os.path.join(args.output_dir or os.path.dirname(media), stem + suffix)


def make_client(args: argparse.Namespace, options: Any) -> Any:
    """The one engine client for every file: the server's, or the local engine process (models checked first)."""
    if args.server:
        from app.asr.remote import RemoteEngineClient, ServerConfig

        return RemoteEngineClient(ServerConfig.from_env(args.server, args.server_model, args.concurrency))
    from app.asr.models import check_local
    from app.asr.service import LocalEngineClient

    check_local(options.model, "recognizer")
    if options.aligner is not None:
        check_local(options.aligner, "aligner")
    return LocalEngineClient()


def run_transcribe(args: argparse.Namespace) -> int:
    from app.asr.languages import canonical_language
    from app.cli import EXIT_ERROR
    from app.cli.recognition import _Bar, _options
    from app.core.errors import AppError
    from app.formats.registry import by_name

    language = canonical_language(args.language)  # a bad name or folder fails before any slow work
    if args.format:
        by_name(args.format)  # an unknown format fails now, not after the first file
    files = expand_media(args.media)
    if args.output and len(files) > 1:
        raise AppError("-o/--output names one file; give --output-dir for several MEDIA")
    if args.output_dir:
        os.makedirs(args.output_dir, exist_ok=True)
    options = _options(args)
    client = make_client(args, options)
    failed: list[str] = []
    try:
        for number, media in enumerate(files, 1):
            output = output_path(args, media)
            if len(files) > 1:
                print(f"[{number}/{len(files)}] {media}", file=sys.stderr)
            if args.skip_existing and os.path.exists(output):
                print(f"{output}: exists, skipped")
                continue
            try:
                _transcribe_one(args, client, options, language, media, output, _Bar())
            except (AppError, OSError) as exc:
                text = str(exc) if isinstance(exc, AppError) else f"{exc.strerror or exc}"
                print(f"error: {media}: {' '.join(text.split())}", file=sys.stderr)
                failed.append(media)
    finally:
        client.shutdown()
    if failed and len(files) > 1:
        print(f"error: {len(failed)} of {len(files)} files failed: {', '.join(failed)}", file=sys.stderr)
    return EXIT_ERROR if failed else 0


def _transcribe_one(
    args: argparse.Namespace, client: Any, options: Any, language: str | None, media: str, output: str, bar: Any
) -> None:
    from app.asr.protocol import Cues, RecognitionDone, RecognizeJob
    from app.cli.recognition import _limits, _run, load_audio
    from app.cli.subtitle_options import write_output
    from app.core.messages import english, message

    audio = load_audio(media, bar)
    cues: list[Any] = []
    done = RecognitionDone(None, options.device)
    job = RecognizeJob(options, language, args.context, _limits(args))
    for item in _run(job, audio, bar, client):
        if isinstance(item, Cues):
            cues.extend(item.cues)
        elif isinstance(item, RecognitionDone):
            done = item
    write_output(argparse.Namespace(**{**vars(args), "media": media}), output, cues)  # MEDIA's frame rate
    summary = english(message("cli.transcribed", len(cues), path=output, language=done.language or "unknown"))
    chosen = options.aligner is None or args.server
    note = (
        f" ({english(message('cli.estimated_chosen' if chosen else 'cli.estimated_note'))})" if done.estimated else ""
    )
    print(summary + note)
