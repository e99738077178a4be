"""Typed errors raised by the layers below the window; the ui and the command line decide how to show them.

Every message is one line that a user can act on.
"""

from __future__ import annotations

import os


class AppError(Exception):
    """Base of every error this application reports to a user as one line."""

    def __str__(self) -> str:  # one line, always
        return " ".join(super().__str__().split())


class SubtitleParseError(AppError):
    """A subtitle file that cannot be read at all."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None, line: int | None = None):
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(where + message)


class ProjectError(AppError):
    """A project file that cannot be read or written."""


class MediaError(AppError):
    """Media that cannot be decoded: missing, corrupt, no audio, unsupported."""


class ModelError(AppError):
    """A model that cannot be found, loaded or run."""
