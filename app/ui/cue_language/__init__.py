"""The language of the selected cues, set by the user: Edit ▸ Set Language… and the list's context menu."""

from __future__ import annotations

from app.session.context import AppContext
from app.ui.cue_language.action import install_action
from app.ui.host import WindowHost


def install(context: AppContext, host: WindowHost) -> None:
    install_action(host)
