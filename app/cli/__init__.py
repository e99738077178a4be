"""The headless commands: a thin layer over the same code the window uses.

Each verb lives in a module of this package that provides ``register(subparsers)``; the module's
command function gets the parsed arguments and returns an exit status. Any failure becomes exit
status 2 and one line ``error: ...`` on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from app import __version__
from app.core.errors import AppError

# verb -> module under app.cli that registers it; modules are imported only when their verb runs
VERBS: dict[str, str] = {
    "convert": "subtitles",
    "check": "subtitles",
    "transcribe": "recognition",
    "align": "recognition",
    "probe": "media",
    "shots": "picture",
    "install-desktop": "desktop",
}

EXIT_ERROR = 2


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


def run(argv: list[str]) -> int:
    try:
        parser = build_parser(argv[0] if argv else None)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_ERROR
        return int(args.func(args) or 0)
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


def _fail(message: str) -> int:
    print("error: " + " ".join(message.split()), file=sys.stderr)
    return EXIT_ERROR


def main() -> int:
    return run(sys.argv[1:])
