"""``proofread IN OUT --server URL --model NAME``: recognised text corrected by a language model on any
OpenAI-compatible chat server (issue 25, item 4), with the translate command's server options. With no one to
review them, a correction that changes much of its line is not applied but named on stderr; a cue the model gave
no usable line for keeps its text and is named too (exit status 1). Locked cues are never asked.
"""

from __future__ import annotations

import argparse
import sys

from app.cli import EXIT_PROBLEMS, plural


def register(subparsers: argparse._SubParsersAction) -> None:
    from app.cli.llm_options import add_llm_options
    from app.cli.subtitle_options import add_read_options, add_write_options

    parser = subparsers.add_parser(
        "proofread",
        help="correct recognised subtitles (homophones, names) with a language model on a chat server",
        description="Correct what speech recognition misheard (words that sound alike, names, punctuation) with a "
        "language model on an OpenAI-compatible chat server; never rephrased or translated. The API key is read "
        "from QSS_LLM_API_KEY or the system keyring.",
    )
    parser.add_argument("input", metavar="IN", help="subtitle file, or a video with a subtitle track")
    parser.add_argument("output", metavar="OUT", help="file to write")
    add_llm_options(parser, short_names=True, glossary_help="names and terms as they are spelled, one a line (or a "
                    "translate glossary: its terms)")  # fmt: skip
    add_read_options(parser)
    add_write_options(parser)
    parser.set_defaults(func=run_proofread)


def run_proofread(args: argparse.Namespace) -> int:
    from app.cli.llm_options import chat_server, checked_options, numbers
    from app.cli.subtitle_options import read_input, write_output
    from app.core.document import Document
    from app.core.language_guess import guess_language
    from app.core.languages import file_language
    from app.translate.client import ChatClient
    from app.translate.prompt import Instructions
    from app.translate.proofread import cues_to_proofread, proofread_cues, proofreading_command
    from app.translate.run import TranslateOptions

    glossary = checked_options(args, names_only=True)  # a bad address or glossary is said before anything is read
    source = read_input(args)
    cues = source.cues
    language = file_language(cues) or guess_language(c.text for c in cues) or ""
    options = TranslateOptions(Instructions("", args.llm_context, glossary, language), batch_size=args.llm_batch,
                               concurrency=args.llm_concurrency)  # fmt: skip
    client = ChatClient(chat_server(args))
    try:
        result = proofread_cues([c.text for c in cues], cues_to_proofread(cues), client.complete, options)
    finally:
        client.close()
    if result.error is not None:
        raise result.error
    doc = Document.from_cues(cues)
    applied = [c for c in result.corrections if not c.doubtful]
    command = proofreading_command(doc.cues, applied)
    if command is not None:
        command.apply(doc)
    write_output(args, args.output, doc.cues, source.header)
    print(f"corrected {plural(len(applied), 'cue')} in {plural(result.requests, 'request')}", file=sys.stderr)
    doubtful = [c.index for c in result.corrections if c.doubtful]
    if doubtful:
        print(f"warning: {plural(len(doubtful), 'correction')} changing much of a line not applied (cue "
              f"{numbers(doubtful)}); look at them", file=sys.stderr)  # fmt: skip
    if result.unchecked:
        print(f"warning: no usable answer for {plural(len(result.unchecked), 'cue')} ({numbers(result.unchecked)}); "
              "they keep their text", file=sys.stderr)  # fmt: skip
    return EXIT_PROBLEMS if result.unchecked or doubtful else 0
