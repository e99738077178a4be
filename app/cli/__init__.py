"""The headless commands: a thin layer over the same code the window uses.

Each verb lives in a module of this package that provides ``register(subparsers)``; the module's
command function gets the parsed arguments and returns an exit status: 0 done, 1 done and problems
found (``check``), 2 failed. Any failure becomes exit status 2 and one line ``error: ...`` on stderr,
never a traceback. Output cut short by the reader (``| head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import importlib
import os
import sys

from app import __version__
from app.core.errors import AppError

# verb -> module under app.cli that registers it; modules are imported only when their verb runs
VERBS: dict[str, str] = {
    "convert": "subtitles",
    "check": "subtitles",
    "fix": "quality",
    "transcribe": "transcribe",
    "translate": "translate",
    "proofread": "proofread",
    "align": "script",  # app.cli.script: a plain script, else app.cli.recognition: subtitles
    "probe": "media",
    "shots": "picture",
    "mux": "mux",
    "burn": "burn",
    "install-desktop": "desktop",
}

EXIT_PROBLEMS = 1  # the command ran and found problems (check)
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # as a shell tool killed by SIGPIPE: the reader (head, less) stopped reading


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 cue', '3 cues' (English output of the command line; the window uses Qt's plurals)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise _UsageError(f"{message} (see '{self.prog} --help')")


class _UsageError(Exception):
    pass


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m app", description="Qwen Subtitle Studio: headless commands.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    modules = {VERBS[only]} if only in VERBS else dict.fromkeys(VERBS.values())
    for name in modules:
        importlib.import_module(f"app.cli.{name}").register(subparsers)
    return parser


def run(argv: list[str], *, whole_process: bool = False) -> int:
    """Run one command. The commands that read a file freeze the heap once it is read (read_input): a command
    run in a process that goes on (a test, a script importing us) has it thawed again when it ends, or the
    caller's own garbage of that moment would never be collected; ``whole_process`` (main) leaves it frozen,
    which spares the collection at interpreter exit a walk over a million cues."""
    frozen = gc.get_freeze_count()
    try:
        return _run(argv)
    finally:
        if not whole_process and not frozen and gc.get_freeze_count():
            gc.unfreeze()


def _run(argv: list[str]) -> int:
    try:
        if argv and not argv[0].startswith("-") and argv[0] not in VERBS:
            return _fail(_unknown_verb(argv[0]))
        parser = build_parser(argv[0] if argv else None)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_ERROR
        status = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows up here, not at exit
        return status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except _UsageError as exc:
        return _fail(str(exc))
    except AppError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("cancelled")
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    except Exception as exc:  # a defect of ours; still one line for the user
        return _fail(f"unexpected {type(exc).__name__}: {exc}")


def _unknown_verb(word: str) -> str:
    close = difflib.get_close_matches(word, list(VERBS), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; the commands are {', '.join(VERBS)}"
    return f"unknown command '{word}'{hint} (see 'python -m app --help')"


def _silence_stdout() -> None:
    """Python would print 'Exception ignored ... BrokenPipeError' when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _fail(message: str) -> int:
    print("error: " + " ".join(message.split()), file=sys.stderr)
    return EXIT_ERROR


def main() -> int:
    return run(sys.argv[1:], whole_process=True)
