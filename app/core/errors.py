"""Typed errors raised by the layers below the window; the ui and the command line decide how to show them.

Every message is one line that a user can act on.
"""

from __future__ import annotations

import os
from typing import Any

from app.core.messages import Message, english


class AppError(Exception):
    """Base of every error this application reports to a user as one line.

    ``message`` (when a lower layer gave one) is the translatable form the window renders; ``str()`` stays the
    English one-liner for the command line and the logs.
    """

    message: Message | None = None

    def __init__(self, *args: Any, message: Message | None = None) -> None:
        if message is not None and not args:
            args = (english(message),)
        super().__init__(*args)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:  # keeps ``message`` across a process boundary
        return (_rebuild, (type(self), self.args), dict(self.__dict__))

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


def _rebuild(cls: type[AppError], args: tuple[Any, ...]) -> AppError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error
