"""View ▸ Language and View ▸ Theme, Edit ▸ Keyboard Shortcuts: the user's habits, kept in the preferences."""

from __future__ import annotations

from app.session.context import AppContext
from app.ui.host import WindowHost
from app.ui.preferences.menus import add_menus


def install(context: AppContext, host: WindowHost) -> None:
    add_menus(host, host.menu("view"), host.menu("edit"))
