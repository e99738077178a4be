"""A plain script: the words someone said, as a text file without times (a transcript to align to its recording).

Read like every text file a user names (app.formats.textio: UTF-8, UTF-16/32 with or without a BOM, GBK/Big5 and the
other legacy pages), refused when it is binary or holds no words. How a plain script is told from a subtitle file of
the same extension (``.txt`` is also TMPlayer's): no subtitle format recognises its first lines.
"""

from __future__ import annotations

import os
import re

from app.core.errors import SubtitleParseError
from app.core.messages import english, message
from app.formats.registry import readable
from app.formats.textio import read_text

__all__ = ["is_timed", "read_script", "script_text"]

_TRAILING = re.compile(r"[ \t\u3000]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def is_timed(text: str) -> bool:
    """Whether a subtitle format recognises the text (TMPlayer, SRT, WebVTT, MicroDVD...): then it is no script."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    return any(fmt.sniff(head) for fmt in readable())


def script_text(text: str) -> str:
    """The script as it is aligned: line breaks kept (a blank line between paragraphs at most), spaces at the ends
    of lines and of the whole text dropped; every word as it was."""
    return _BLANK_RUNS.sub("\n\n", _TRAILING.sub("", text)).strip()


def read_script(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The script's text (see :func:`script_text`). Raises SubtitleParseError naming the file when it cannot be
    read, is binary, or holds no letters or digits."""
    decoded = read_text(path, encoding)
    text = script_text(decoded.text)
    if not any(ch.isalnum() for ch in text):
        raise SubtitleParseError(english(message("script.empty", path=os.fspath(path))))
    return text
