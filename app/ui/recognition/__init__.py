"""Recognition: the options dialog and the run, cues appearing as chunks finish; the engine backends.

Registers the engine-client factories by backend name in the context ("local": the engine process on this
computer; "server": an OpenAI-compatible server, with this computer's aligner when one is chosen).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.host import WindowHost, add_action
from app.ui.recognition import options, run


def install(context: AppContext, host: WindowHost) -> None:
    context.engines.register("local", options.engine_client)
    context.engines.register("server", options.engine_client)  # it picks the server's client when a server is given
    add_action(
        host, "recognition", QCoreApplication.translate("MainWindow", "&Recognize Speech…"),
        lambda: run.start_recognition(host), "Ctrl+R", id="recognition.recognize",
    )  # fmt: skip
    host.menu("recognition").addSeparator()
