"""Help: the quick guide, the keyboard shortcuts, About (with the models and devices in use)."""

from __future__ import annotations

from app.session.context import AppContext
from app.ui.help.menu import add_menu
from app.ui.host import WindowHost


def install(context: AppContext, host: WindowHost) -> None:
    add_menu(host, host.menu("help"))
