"""Entry point: ``python -m app VERB ...`` runs a headless command; anything else opens the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the engine process of a packaged (PyInstaller) build starts here
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli import VERBS

    if args and (args[0] in VERBS or args[0] in {"-h", "--help", "--version"} or _mistyped_verb(args[0])):
        from app.cli import run

        return run(args, whole_process=argv is None)
    from app.ui.launch import launch  # Qt is imported only when the window is wanted

    return launch(args)


def _mistyped_verb(arg: str) -> bool:
    """A word that is neither a verb nor a file (``trancribe``): the command line says so, the window stays shut."""
    import os

    return bool(arg) and not arg.startswith("-") and not os.path.exists(arg) and not any(c in arg for c in "./\\")


if __name__ == "__main__":
    sys.exit(main())
