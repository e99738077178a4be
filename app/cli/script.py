"""``align``: a plain script timed to its recording (app.asr.client.script) and written as subtitles; subtitles
(any other file) re-timed by app.cli.recognition, which declares the verb's options."""

from __future__ import annotations

import argparse
import os


def register(subparsers: argparse._SubParsersAction) -> None:
    from app.cli import recognition

    recognition.register(subparsers)
    subparsers.choices["align"].set_defaults(func=run_align)


def run_align(args: argparse.Namespace) -> int:
    from app.cli.recognition import run_align as run_align_subtitles

    return run_align_script(args) if is_script(args) else run_align_subtitles(args)


def is_script(args: argparse.Namespace) -> bool:
    """``--script``, or a .txt file that no subtitle format recognises (a .txt in TMPlayer's format is subtitles).
    An unreadable .txt goes on as a script, so that the script's reader says what is wrong with it."""
    if getattr(args, "script", False):
        return True
    if os.path.splitext(args.subtitles)[1].lower() != ".txt":
        return False
    from app.core.errors import AppError
    from app.formats.script import is_timed
    from app.formats.textio import read_text

    try:
        return not is_timed(read_text(args.subtitles).text)
    except AppError:
        return True


def run_align_script(args: argparse.Namespace) -> int:
    from app.asr.client.models import check_local
    from app.asr.client.script import ScriptAligned, align_script, script_language
    from app.asr.client.service import LocalEngineClient
    from app.cli.recognition import _Bar, _options, load_audio
    from app.cli.subtitle_options import write_output
    from app.core.messages import english, message
    from app.core.profiles import profile
    from app.formats.script import read_script

    text = read_script(args.subtitles)  # empty, binary or unreadable: one line before any model is touched
    language, guessed = script_language(text, args.language)
    print(f"language: {language}" + (" (guessed from the script; --language to change)" if guessed else ""))
    options = _options(args)
    check_local(options.aligner, "aligner")
    limits = profile(getattr(args, "profile", None)).limit_overrides()
    output = args.output or os.path.splitext(args.subtitles)[0] + ".srt"
    if os.path.abspath(output) == os.path.abspath(args.subtitles):
        output = os.path.splitext(args.subtitles)[0] + ".aligned.srt"
    bar = _Bar()
    audio = load_audio(args.media, bar)
    client = LocalEngineClient()
    result = None
    try:
        for item in align_script(client, options, audio, text, language, limits, on_wait=bar):
            if isinstance(item, ScriptAligned):
                result = item
            else:
                bar(item)
    finally:
        bar.done()
        client.shutdown()
    assert result is not None
    write_output(args, output, result.cues)
    print(english(message("script.aligned", len(result.cues), path=output, language=result.language)))
    return 0
