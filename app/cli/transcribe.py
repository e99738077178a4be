"""``transcribe MEDIA...``: recognition of one file or many (files, folders, globs), locally or on a server.

One engine client serves every file (the local models load once), each file gets its progress and a summary line,
a file that fails gets one ``error: FILE: ...`` line and the others go on; the exit status is 2 when any failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import Any

from app.session.batch import MEDIA_SUFFIXES, expand_media

__all__ = ["MEDIA_SUFFIXES", "expand_media", "register", "run_transcribe"]


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
    from app.cli.subtitle_options import add_word_times_option

    add_word_times_option(tr)
    tr.add_argument(
        "--model", metavar="NAME|DIR", default=None, help="Qwen3-ASR-0.6B (default), Qwen3-ASR-1.7B or a folder"
    )
    tr.add_argument("--aligner", metavar="none|NAME|DIR", default=None,
                    help="Qwen3-ForcedAligner-0.6B (default), a folder, or none for estimated word times; with "
                    "--server the default is none, and NAME|DIR times the server's words on this machine")  # fmt: skip
    tr.add_argument("--language", metavar="NAME|auto", default="auto", help="spoken language (default: detect)")
    tr.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default="auto")
    tr.add_argument("--context", metavar="TEXT", default="", help="names and terms that help recognition")
    from app.cli.recognition import add_precision_argument

    add_precision_argument(tr)
    tr.add_argument("--int8", action="store_true", help="the same as --precision int8")
    tr.add_argument("--server", metavar="URL", default=None,
                    help="recognise on an OpenAI-compatible server (vllm serve Qwen/Qwen3-ASR-1.7B), e.g. "
                    "http://gpu-box:8000; the API key comes from QSS_SERVER_API_KEY or the system keyring")  # fmt: skip
    tr.add_argument("--server-model", metavar="NAME", default=None, help="model the server serves "
                    "(default: QSS_SERVER_MODEL or Qwen/Qwen3-ASR-1.7B)")  # fmt: skip
    tr.add_argument("--concurrency", type=int, default=None, metavar="N",
                    help="chunks in flight at once on the server (default 8)")  # fmt: skip
    tr.add_argument("--server-timeout", type=float, default=None, metavar="SECONDS",
                    help="how long one request to the server may take, connecting to its last byte (default: "
                    "QSS_SERVER_TIMEOUT or 120); a request past it is tried once more")  # fmt: skip
    from app.cli.quality import add_profile_option

    add_profile_option(tr, default=None)  # the limits cues are cut by; --max-cps and --max-line override it
    tr.add_argument("--max-cps", type=float, default=None, metavar="CPS", help="reading speed limit (default: the "
                    "profile's, 17 for Netflix)")  # fmt: skip
    tr.add_argument(
        "--max-line", type=int, default=None, metavar="N", help="characters a line (default 42; 16 Chinese and "
        "Korean, 23 Japanese, 35 Thai)",
    )  # fmt: skip
    tr.add_argument("--translate-to", metavar="LANGUAGE", default=None,
                    help="translate the recognised cues with a language model on an OpenAI-compatible chat server "
                    "(--llm-server, --llm-model) and write both lines a cue, the original first")  # fmt: skip
    from app.cli.llm_options import add_layout_options, add_llm_options

    add_llm_options(tr, short_names=False)
    add_layout_options(tr, bilingual_default=True)
    tr.add_argument("--batch-size", type=int, default=None, help=argparse.SUPPRESS)
    tr.add_argument("--max-new-tokens", type=int, default=None, help=argparse.SUPPRESS)
    tr.set_defaults(func=run_transcribe)


def output_path(args: argparse.Namespace, media: str) -> str:
    from app.session.batch import output_path as batch_output_path

    return args.output or batch_output_path(media, args.output_dir, args.format)


def make_client(args: argparse.Namespace, options: Any) -> Any:
    """The one engine client for every file (app.asr.client.batch): the server's (with the local aligner when --aligner
    names one), or the local engine process (models checked first)."""
    from app.asr.client.batch import make_client as batch_client

    server = None
    if args.server:
        from app.asr.client.remote import ServerConfig, ServerError

        timeout = getattr(args, "server_timeout", None)
        if timeout is not None and not 0 < timeout < 86400:
            raise ServerError(f"--server-timeout must be a number of seconds, e.g. 300 (it is {timeout:g})")
        server = ServerConfig.from_env(args.server, args.server_model, args.concurrency, timeout)
    return batch_client(options, server)


def run_transcribe(args: argparse.Namespace) -> int:
    from app.asr.client.languages import canonical_language
    from app.cli.recognition import _Bar, _options
    from app.core.errors import AppError
    from app.formats.registry import by_name

    language = canonical_language(args.language)  # a bad name or folder fails before any slow work
    if args.format:
        by_name(args.format)  # an unknown format fails now, not after the first file
    translation = _translation_setup(args)
    files = expand_media(args.media)
    if args.output and len(files) > 1:
        raise AppError("-o/--output names one file; give --output-dir for several MEDIA")
    if args.output_dir:
        _check_folder(args.output_dir)  # an unwritable folder fails the run before any file is recognised
    failed: list[str] = []
    problems: list[str] = []  # translated, with cues left to look at
    outputs = _outputs(args, files, failed)  # distinct and writable, or the file fails now
    todo = [m for m in files if m not in failed]
    if not todo:
        return _summary(files, failed)
    options = _options(args)
    if args.server and args.aligner is None:  # on a server, word times are estimated unless --aligner names one
        options = replace(options, aligner=None)
    client = make_client(args, options)
    try:
        for number, media in enumerate(files, 1):
            if media in failed:
                continue
            output = outputs[media]
            if len(files) > 1:
                print(f"[{number}/{len(files)}] {media}", file=sys.stderr)
            if args.skip_existing and os.path.exists(output):
                print(f"{output}: exists, skipped")
                continue
            try:
                if not _transcribe_one(args, client, options, language, media, output, _Bar(), translation):
                    problems.append(media)
            except (AppError, OSError) as exc:
                print(f"error: {media}: {_reason(exc)}", file=sys.stderr)
                failed.append(media)
    finally:
        client.shutdown()
    return _summary(files, failed, problems)


def _summary(files: list[str], failed: list[str], problems: list[str] | None = None) -> int:
    from app.cli import EXIT_ERROR, EXIT_PROBLEMS

    if failed and len(files) > 1:
        print(f"error: {len(failed)} of {len(files)} files failed: {', '.join(failed)}", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_PROBLEMS if problems else 0


def _translation_setup(args: argparse.Namespace) -> Any:
    """--translate-to's checked options (app.cli.llm_options), or None; the chat server's options without it are
    a mistake said at once."""
    from app.cli.llm_options import BILINGUAL, llm_setup
    from app.core.errors import AppError

    if args.translate_to is not None:
        return llm_setup(args, args.translate_to, "--translate-to")
    if args.llm_server or args.llm_model or args.glossary or args.translation_first or args.layout != BILINGUAL:
        raise AppError("--llm-server, --llm-model, --glossary, --translation-only and --translation-first go with "
                       "--translate-to LANGUAGE")  # fmt: skip
    return None


def _reason(exc: Exception) -> str:
    """One line; a write error names the file it could not write."""
    if isinstance(exc, OSError):
        text = f"{exc.filename}: {exc.strerror or exc}" if exc.filename else f"{exc.strerror or exc}"
    else:
        text = str(exc)
    return " ".join(text.split())


def _check_folder(folder: str) -> None:
    from app.core.errors import AppError
    from app.session.batch import write_problem

    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise AppError(f"{folder}: the folder cannot be made ({exc.strerror or exc})") from None
    problem = write_problem(os.path.join(folder, "subtitles.srt"))
    if problem is not None:
        raise AppError(f"{folder}: subtitles cannot be written there ({problem.strerror})")


def _outputs(args: argparse.Namespace, files: list[str], failed: list[str]) -> dict[str, str]:
    """Each file's output: -o, else a name no other file of the run writes (same.wav and same.mkv: same.wav.srt
    and same.mkv.srt). Subtitle files given as media, and outputs that cannot be written, fail here, before
    anything is recognised (``failed`` gets them, each with its one error line)."""
    from app.session.batch import distinct_outputs, is_media_candidate, write_problem

    media = [m for m in files if is_media_candidate(m)]
    for m in files:
        if m not in media:
            print(f"error: {m}: a subtitle file, not audio or video (its subtitles would replace it)", file=sys.stderr)
            failed.append(m)
    named = distinct_outputs(media, args.output_dir, [args.format])
    outputs: dict[str, str] = {}
    for m in media:
        output = args.output or named[os.path.abspath(m)][0]
        if output != output_path(args, m):
            print(f"note: {m}: another file of the run has the same name; writing {output}", file=sys.stderr)
        problem = write_problem(output)
        if problem is not None:
            print(f"error: {m}: {output}: {problem.strerror}", file=sys.stderr)
            failed.append(m)
        outputs[m] = output
    return outputs


def _transcribe_one(
    args: argparse.Namespace,
    client: Any,
    options: Any,
    language: str | None,
    media: str,
    output: str,
    bar: Any,
    translation: Any = None,
) -> bool:
    """Recognise ``media`` into ``output`` (translated with ``translation``, an LlmSetup); False when the
    translation left cues to look at. A chat server that fails still leaves the recognised subtitles written."""
    from app.asr.client.batch import recognize_file
    from app.asr.client.protocol import RecognizeJob
    from app.cli.recognition import _limits
    from app.core.errors import AppError
    from app.core.messages import english, message
    from app.formats.base import WORDS_DROPPED
    from app.session.batch import write_result

    job = RecognizeJob(options, language, args.context, _limits(args))
    try:
        result = recognize_file(client, media, job, on_message=bar)
    finally:
        bar.done()
    assert result is not None  # nothing cancels a command-line run but Ctrl+C
    cues, header, translated, failure = list(result.cues), None, None, None
    if translation is not None:
        from app.cli.llm_options import shaped
        from app.formats.registry import target_format

        translated, failure = _translate(translation, cues, result.language or "")
        if failure is None:
            fmt = target_format(args.format, output).name
            cues, header = shaped(args, translated[0], fmt, result.language or "", translation.target)
    word_times = bool(getattr(args, "word_times", False))
    # MEDIA's frame rate for frame-based formats
    dropped = write_result(output, cues, args.format, media, word_times=word_times, header=header)
    dropped = [m for m in dropped if m.code != WORDS_DROPPED]  # recognition's word times: no subtitle file has them
    if dropped:
        print(f"warning: {output}: the format does not keep " + "; ".join(english(m) for m in dropped), file=sys.stderr)
    summary = english(message("cli.transcribed", len(result.cues), path=output, language=result.language or "unknown"))
    chosen = options.aligner is None
    note = (
        f" ({english(message('cli.estimated_chosen' if chosen else 'cli.estimated_note'))})" if result.estimated else ""
    )
    print(summary + note)
    if word_times:
        from app.cli.subtitle_options import word_times_note
        from app.formats.registry import target_format

        said = word_times_note(output, target_format(args.format, output), result.cues)
        if said:
            print(said, file=sys.stderr)
    if failure is not None:  # the recognition is written; the file still counts as failed
        raise AppError(f"translation failed, {output} has the recognised subtitles only: {failure}")
    if translated is None:
        return True
    from app.cli.llm_options import report

    return report(translated[1], translation.target, output) == 0


def _translate(setup: Any, cues: list[Any], original: str) -> tuple[Any, str | None]:
    """(translated cues and the run's result, None), or (None, the one line that stopped the run)."""
    from app.asr.client.protocol import Progress
    from app.cli.recognition import _Bar
    from app.core.messages import message
    from app.translate.run import translate_transcript

    if not any(cue.text.strip() for cue in cues):
        from app.translate.run import TranslationResult

        return (cues, TranslationResult()), None
    bar = _Bar()

    def progress(done: int, asked: int) -> None:
        bar(Progress(done / max(asked, 1), message("cli.translating", asked, language=setup.target, done=done)))

    try:
        done, result = translate_transcript(cues, setup.job(original), progress=progress)
    finally:
        bar.done()
    if result.error is not None:
        return None, str(result.error)
    return (done, result), None
