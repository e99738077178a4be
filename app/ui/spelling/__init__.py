"""Spell checking of the text box and the list, per the document's language, with the project's word list."""

from __future__ import annotations

from app.session.context import AppContext
from app.ui.cue_table import TEXT
from app.ui.host import WindowHost
from app.ui.spelling import service
from app.ui.spelling.service import SpellService


def install(context: AppContext, host: WindowHost) -> SpellService:
    return service.install(host, host.menu("view"), TEXT)
