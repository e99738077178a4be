"""Translatable messages: lower layers say what happened as a code with parameters; the ui renders the words.

``english(message)`` is for the command line and logs; the window renders with Qt's translation
(app.ui.messages.render), plurals by Qt's ``%n``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    n: int | None = None  # the count a plural form follows


CATALOGUE: dict[str, str] = {
    "engine.loading_model": "Loading the recognition model…",
    "recognition.done": "Recognised %n cue(s)",
}

CATALOGUE.update(  # what a subtitle format could not keep (app.formats.base.dropped_features)
    {
        "formats.dropped.style": "style names of %n cue(s)",
        "formats.dropped.actor": "speakers of %n cue(s)",
        "formats.dropped.align": "positions of %n cue(s)",
        "formats.dropped.markup": "italics and other markup in %n cue(s)",
        "formats.dropped.karaoke": "karaoke timing in %n cue(s)",
        "formats.dropped.overrides": "override tags (\\pos, colours, fades...) in %n cue(s)",
        "formats.dropped.vtt_settings": "WebVTT cue settings of %n cue(s)",
        "formats.dropped.header": "the styles and script information of the file it came from",
        "formats.dropped.words": "word timings of %n cue(s)",
    }
)


def english(message: Message) -> str:
    text = CATALOGUE.get(message.code, message.code)
    if message.n is not None:
        text = text.replace("%n", str(message.n))
        text = text.replace("(s)", "" if message.n == 1 else "s")
    return text.format(**message.params)
