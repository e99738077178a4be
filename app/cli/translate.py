"""``translate IN OUT --to LANGUAGE --server URL --model NAME``: subtitles translated by a language model on any
OpenAI-compatible chat server (issue 25, item 6). The key comes from QSS_LLM_API_KEY or the system keyring,
never from the command line. OUT gets the translation, or both lines with ``--bilingual`` (original first unless
``--translation-first``), or ``--two-files`` writes OUT's name with each language's code. A server that cannot
do the work (refused, key, model, timeout) is one line and writes nothing; cues the model gave no usable line
for keep their original text and are named on stderr (exit status 1).
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    from app.cli.llm_options import add_layout_options, add_llm_options
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
    add_llm_options(parser, short_names=True)
    add_layout_options(parser, bilingual_default=False)
    add_read_options(parser)
    add_write_options(parser)
    parser.set_defaults(func=run_translate)


def run_translate(args: argparse.Namespace) -> int:
    from app.cli.llm_options import TWO_FILES, llm_setup, report, shaped
    from app.cli.subtitle_options import read_input, write_output
    from app.core.commands import SetMetadata
    from app.core.document import Document
    from app.core.language_guess import guess_language
    from app.core.languages import file_language
    from app.formats.bilingual import translation_cues, two_file_paths
    from app.formats.registry import target_format
    from app.translate.client import ChatClient
    from app.translate.run import cues_to_translate, translate_cues

    setup = llm_setup(args, args.to, "--to")
    target = setup.target
    source = read_input(args)
    cues = source.cues
    original = file_language(cues) or guess_language(c.text for c in cues) or ""
    job = setup.job(original)
    client = ChatClient(job.server)
    try:
        texts = [c.text for c in cues]
        result = translate_cues(texts, cues_to_translate(cues, resume=False), client.complete, job.options)
    finally:
        client.close()
    if result.error is not None:
        raise result.error
    doc = Document.from_cues(cues)
    result.command().apply(doc)
    SetMetadata(settings=doc.settings.replace(translation_language=target)).apply(doc)
    done = doc.cues
    if args.layout == TWO_FILES:
        first, second = two_file_paths(args.output, original, target)
        write_output(args, str(first), done, source.header)
        write_output(args, str(second), translation_cues(done, target), source.header)
    else:
        events, header = shaped(args, done, target_format(args.format, args.output).name, original, target)
        write_output(args, args.output, events, source.header if header is None else header)
    return report(result, target)
