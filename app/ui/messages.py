"""Messages from the layers below (app.core.messages), in the user's language through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.messages import CATALOGUE, Message


def render(message: Message) -> str:
    """The message's words from the catalogue, translated (plurals by Qt's %n), its parameters filled in."""
    source = CATALOGUE.get(message.code)
    if source is None:  # a code this version does not know: still say something
        return message.code
    n = -1 if message.n is None else message.n
    return QCoreApplication.translate("Message", source, None, n).format(**message.params)


def error_text(exc: BaseException) -> str:
    """An error's one line in the user's language: a coded message rendered, a plain one said as it is."""
    message = getattr(exc, "message", None)
    return render(message) if isinstance(message, Message) else str(exc)
