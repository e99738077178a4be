"""``translate IN OUT --to LANGUAGE --server URL --model NAME``: subtitles translated by a language model on any
OpenAI-compatible chat server (issue 25, item 6). The key comes from QSS_LLM_API_KEY or the system keyring,
never from the command line. OUT gets the translation, or both lines with ``--bilingual`` (original first unless
``--translation-first``), or ``--two-files`` writes OUT's name with each language's code. A server that cannot
do the work (refused, key, model, timeout) is one line and writes nothing; cues the model gave no usable line
for keep their original text and are named on stderr (exit status 1).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.cli import EXIT_PROBLEMS, plural

if TYPE_CHECKING:
    from app.translate.client import ChatServer


def register(subparsers: argparse._SubParsersAction) -> None:
    from app.cli.subtitle_options import add_read_options, add_write_options

    parser = subparsers.add_parser(
        "translate",
        help="translate subtitles with a language model on an OpenAI-compatible chat server",
        description="Translate subtitles of any readable format with a language model on an OpenAI-compatible "
        "chat server (Ollama, LM Studio, llama.cpp, vLLM, DeepSeek, DashScope, OpenAI). The API key is read from "
        "QSS_LLM_API_KEY or the system keyring.",
    )
    parser.add_argument("input", metavar="IN", help="subtitle file, or a video with a subtitle track")
    parser.add_argument("output", metavar="OUT", help="file to write, e.g. out.en.srt")
    parser.add_argument("--to", required=True, metavar="LANGUAGE", help="the language to translate into")
    add_chat_options(parser, "terms and their translations, 'term = translation' a line")
    both = parser.add_mutually_exclusive_group()
    both.add_argument("--bilingual", action="store_true", help="both lines in OUT, the original first")
    both.add_argument("--two-files", action="store_true", help="OUT's name with each language's code: NAME.zh.srt "
                      "and NAME.en.srt")  # fmt: skip
    parser.add_argument("--translation-first", action="store_true", help="with --bilingual: the translation on top")
    add_read_options(parser)
    add_write_options(parser)
    parser.set_defaults(func=run_translate)


def add_chat_options(parser: argparse.ArgumentParser, glossary_help: str) -> None:
    """The options every command that asks a chat model shares (translate, proofread)."""
    parser.add_argument("--server", required=True, metavar="URL", help="the chat server, with or without /v1")
    parser.add_argument("--model", required=True, metavar="NAME", help="the model, as the server names it")
    parser.add_argument("--context", metavar="TEXT", default="", help="what the video is about: names, subject")
    parser.add_argument("--glossary", metavar="FILE", help=glossary_help)
    parser.add_argument("--concurrency", type=int, default=4, metavar="N", help="requests at once (default 4)")
    parser.add_argument("--batch", type=int, default=20, metavar="N", help="cues a request (default 20)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="S", help="seconds a request (default 120)")
    parser.add_argument("--no-stream", action="store_true", help="ask for whole answers instead of streamed ones")


def chat_setup(args: argparse.Namespace, names_only: bool = False) -> tuple[ChatServer, tuple[tuple[str, str], ...]]:
    """The server the options name (its address checked before anything is read) and the glossary's terms; the
    options' limits checked (``names_only``: see parse_glossary). Raises AppError with one line."""
    from app.core.errors import AppError
    from app.translate.client import ChatServer, api_key, base_url
    from app.translate.prompt import parse_glossary

    if not 1 <= args.concurrency <= 32 or not 1 <= args.batch <= 200 or not 1 <= args.timeout <= 3600:
        raise AppError("--concurrency takes 1 to 32, --batch 1 to 200, --timeout 1 to 3600 seconds")
    base_url(args.server)
    glossary: tuple[tuple[str, str], ...] = ()
    if args.glossary:
        from app.formats.textio import read_text

        try:
            glossary = parse_glossary(read_text(args.glossary).text, names_only)
        except ValueError as exc:
            raise AppError(f"{args.glossary}: {exc}") from None
    server = ChatServer(args.server, args.model, api_key(args.server), deadline_s=args.timeout,
                        stream=not args.no_stream)  # fmt: skip
    return server, glossary


def run_translate(args: argparse.Namespace) -> int:
    from app.cli.subtitle_options import read_input, write_output
    from app.core.commands import SetMetadata
    from app.core.document import Document
    from app.core.errors import AppError
    from app.core.language_guess import guess_language
    from app.core.languages import file_language, name_of
    from app.formats.bilingual import (
        ORIGINAL_FIRST,
        TRANSLATION_FIRST,
        bilingual_ass,
        bilingual_cues,
        bilingual_ttml,
        translation_cues,
        two_file_paths,
    )
    from app.formats.registry import target_format
    from app.translate.client import ChatClient
    from app.translate.prompt import Instructions
    from app.translate.run import TranslateOptions, cues_to_translate, translate_cues

    target = name_of(args.to) or " ".join(args.to.split())
    if not target:
        raise AppError("--to needs a language, e.g. English or en")
    server, glossary = chat_setup(args)  # a bad address is said before anything is read
    source = read_input(args)
    cues = source.cues
    original = file_language(cues) or guess_language(c.text for c in cues) or ""
    options = TranslateOptions(
        Instructions(target, args.context, glossary, original), batch_size=args.batch, concurrency=args.concurrency
    )
    client = ChatClient(server)
    try:
        result = translate_cues([c.text for c in cues], cues_to_translate(cues, resume=False), client.complete, options)
    finally:
        client.close()
    if result.error is not None:
        raise result.error
    doc = Document.from_cues(cues)
    result.command().apply(doc)
    SetMetadata(settings=doc.settings.replace(translation_language=target)).apply(doc)
    done = doc.cues
    if args.two_files:
        first, second = two_file_paths(args.output, original, target)
        write_output(args, str(first), done, source.header)
        write_output(args, str(second), translation_cues(done, target), source.header)
    elif args.bilingual:
        order = TRANSLATION_FIRST if args.translation_first else ORIGINAL_FIRST
        kind = target_format(args.format, args.output).name
        if kind == "ass":  # two styles, the translation's smaller
            events, header = bilingual_ass(done, order)
            write_output(args, args.output, events, header)
        elif kind == "ttml":  # a div a language
            events, header = bilingual_ttml(done, original, target, order)
            write_output(args, args.output, events, header)
        else:
            write_output(args, args.output, bilingual_cues(done, order), source.header)
    else:
        write_output(args, args.output, translation_cues(done, target), source.header)
    print(f"translated {plural(len(result.translations), 'cue')} into {target} in "
          f"{plural(result.requests, 'request')}", file=sys.stderr)  # fmt: skip
    if result.wrong_language:
        print(f"warning: {plural(len(result.wrong_language), 'translation')} not in {target}'s script (cue "
              f"{numbers(result.wrong_language)}); look at them", file=sys.stderr)  # fmt: skip
    if result.untranslated:
        print(f"warning: no usable translation for {plural(len(result.untranslated), 'cue')} "
              f"({numbers(result.untranslated)}); they keep their original text", file=sys.stderr)  # fmt: skip
    return EXIT_PROBLEMS if result.untranslated or result.wrong_language else 0


def numbers(indices: list[int]) -> str:
    """Cue numbers for a message: the first twenty, and how many more."""
    shown = sorted(indices)
    more = f" and {len(shown) - 20} more" if len(shown) > 20 else ""
    return ", ".join(str(i + 1) for i in shown[:20]) + more
