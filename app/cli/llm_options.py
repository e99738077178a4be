"""The language-model options of ``translate`` and ``transcribe --translate-to``, defined once (issue 25, item 6):
the chat server, its model, the context, the glossary, requests at once, cues a request, the deadline, streaming,
and how the file shows the translation. ``translate`` takes the short names (``--server``, ``--model``...) beside
the ``--llm-`` ones; ``transcribe`` only the ``--llm-`` ones, its ``--server`` and ``--model`` being recognition's.
The key is never an option: QSS_LLM_API_KEY or the system keyring (app.translate.client.api_key).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.cli import EXIT_PROBLEMS, plural
from app.core.document import Cue

if TYPE_CHECKING:
    from app.translate.client import ChatServer
    from app.translate.run import TranslationJob, TranslationResult

TRANSLATION_ONLY, BILINGUAL, TWO_FILES = "translation", "bilingual", "two-files"


def add_llm_options(
    parser: argparse.ArgumentParser,
    *,
    short_names: bool,
    glossary_help: str = "terms and their translations, 'term = translation' a line",
) -> None:
    """The chat server's options; with ``short_names`` the server and the model are required."""

    def names(name: str) -> tuple[str, ...]:
        return (f"--{name}", f"--llm-{name}") if short_names else (f"--llm-{name}",)

    parser.add_argument(*names("server"), dest="llm_server", metavar="URL", required=short_names,
                        help="the chat server, with or without /v1 (Ollama, LM Studio, llama.cpp, vLLM, DeepSeek, "
                        "DashScope, OpenAI); the API key comes from QSS_LLM_API_KEY or the system keyring")  # fmt: skip
    parser.add_argument(*names("model"), dest="llm_model", metavar="NAME", required=short_names,
                        help="the language model, as the server names it")  # fmt: skip
    parser.add_argument(*names("context"), dest="llm_context", metavar="TEXT", default="",
                        help="for the translation: what the video is about (names, subject)")  # fmt: skip
    parser.add_argument("--glossary", metavar="FILE", help=glossary_help)
    parser.add_argument(*names("concurrency"), dest="llm_concurrency", type=int, default=4, metavar="N",
                        help="translation requests at once (default 4)")  # fmt: skip
    parser.add_argument(*names("batch"), dest="llm_batch", type=int, default=20, metavar="N",
                        help="cues a translation request (default 20)")  # fmt: skip
    parser.add_argument(*names("timeout"), dest="llm_timeout", type=float, default=120.0, metavar="S",
                        help="seconds a translation request (default 120)")  # fmt: skip
    parser.add_argument(*names("no-stream"), dest="llm_no_stream", action="store_true",
                        help="ask the chat server for whole answers instead of streamed ones")  # fmt: skip


def add_layout_options(parser: argparse.ArgumentParser, *, bilingual_default: bool) -> None:
    """How OUT shows the translation: ``translate`` writes the translation alone unless told ``--bilingual`` (or
    ``--two-files``); ``transcribe --translate-to`` writes both languages unless told ``--translation-only``."""
    group = parser.add_mutually_exclusive_group()
    if bilingual_default:
        group.add_argument("--translation-only", dest="layout", action="store_const", const=TRANSLATION_ONLY,
                           help="with --translate-to: OUT holds the translation alone (default: both lines, the "
                           "original first)")  # fmt: skip
        parser.set_defaults(layout=BILINGUAL)
    else:
        group.add_argument("--bilingual", dest="layout", action="store_const", const=BILINGUAL,
                           help="both lines in OUT, the original first")  # fmt: skip
        group.add_argument("--two-files", dest="layout", action="store_const", const=TWO_FILES,
                           help="OUT's name with each language's code: NAME.zh.srt and NAME.en.srt")  # fmt: skip
        parser.set_defaults(layout=TRANSLATION_ONLY)
    parser.add_argument("--translation-first", action="store_true", help="both lines: the translation on top")


@dataclass(frozen=True)
class LlmSetup:
    """The checked options, before any slow work: a bad address, language or glossary fails the command first."""

    target: str
    server_url: str
    model: str
    context: str
    glossary: tuple[tuple[str, str], ...]
    concurrency: int
    batch: int
    timeout: float
    stream: bool

    def job(self, original: str) -> TranslationJob:
        """The run for cues in ``original`` (the key looked up now: QSS_LLM_API_KEY or the keyring)."""
        from app.text.language_detect import in_other_language
        from app.translate.run import translation_job

        return translation_job(
            self.server_url, self.model, self.target, original, context=self.context, glossary=self.glossary,
            concurrency=self.concurrency, batch_size=self.batch, deadline_s=self.timeout, stream=self.stream,
            other_language=in_other_language,  # an English answer for French: flagged
        )  # fmt: skip


def checked_options(args: argparse.Namespace, names_only: bool = False) -> tuple[tuple[str, str], ...]:
    """The options' limits and the server's address checked before anything is read, and the glossary's terms
    (``names_only``: see app.translate.prompt.parse_glossary); raises AppError with one line."""
    from app.core.errors import AppError
    from app.translate.client import base_url
    from app.translate.run import read_glossary

    if not 1 <= args.llm_concurrency <= 32 or not 1 <= args.llm_batch <= 200 or not 1 <= args.llm_timeout <= 3600:
        raise AppError("requests at once take 1 to 32, cues a request 1 to 200, a request's timeout 1 to 3600 "
                       "seconds")  # fmt: skip
    base_url(args.llm_server)
    return read_glossary(args.glossary, names_only) if args.glossary else ()


def chat_server(args: argparse.Namespace) -> ChatServer:
    """The chat server the options name, its key looked up now (QSS_LLM_API_KEY, the keyring)."""
    from app.translate.client import ChatServer, api_key

    return ChatServer(args.llm_server, args.llm_model, api_key(args.llm_server), deadline_s=args.llm_timeout,
                      stream=not args.llm_no_stream)  # fmt: skip


def llm_setup(args: argparse.Namespace, language: str, option: str) -> LlmSetup:
    """``language`` (given as ``option``) and the chat server's options, checked; raises AppError."""
    from app.core.errors import AppError
    from app.core.languages import name_of

    if not args.llm_server or not args.llm_model:
        raise AppError(f"{option} needs the chat server and its model: --llm-server URL --llm-model NAME")
    target = name_of(language) or " ".join(language.split())
    if not target:
        raise AppError(f"{option} needs a language, e.g. English or en")
    glossary = checked_options(args)
    return LlmSetup(target, args.llm_server, args.llm_model, args.llm_context, glossary, args.llm_concurrency,
                    args.llm_batch, args.llm_timeout, not args.llm_no_stream)  # fmt: skip


def shaped(
    args: argparse.Namespace, cues: Sequence[Cue], format_name: str, original: str, target: str
) -> tuple[list[Cue], dict[str, str] | None]:
    """The cues and header OUT gets for the layout asked (one file: the translation alone or both languages)."""
    from app.formats.bilingual import ORIGINAL_FIRST, TRANSLATION_FIRST, file_cues

    order = TRANSLATION_FIRST if args.translation_first else ORIGINAL_FIRST
    return file_cues(cues, format_name, original, target, bilingual=args.layout != TRANSLATION_ONLY, order=order)


def report(result: TranslationResult, target: str, where: str = "") -> int:
    """The run's summary and its warnings on stderr; EXIT_PROBLEMS when cues are left to look at."""
    prefix = f"{where}: " if where else ""
    print(f"{prefix}translated {plural(len(result.translations), 'cue')} into {target} in "
          f"{plural(result.requests, 'request')}", file=sys.stderr)  # fmt: skip
    if result.wrong_language:
        print(f"warning: {prefix}{plural(len(result.wrong_language), 'translation')} not in {target} (cue "
              f"{numbers(result.wrong_language)}); look at them", file=sys.stderr)  # fmt: skip
    if result.untranslated:
        print(f"warning: {prefix}no usable translation for {plural(len(result.untranslated), 'cue')} "
              f"({numbers(result.untranslated)}); they keep their original text", file=sys.stderr)  # fmt: skip
    return EXIT_PROBLEMS if result.untranslated or result.wrong_language else 0


def numbers(indices: list[int]) -> str:
    shown = sorted(indices)
    more = f" and {len(shown) - 20} more" if len(shown) > 20 else ""
    return ", ".join(str(i + 1) for i in shown[:20]) + more
