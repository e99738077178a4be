"""The application context: what every feature of the window is handed, Qt-free.

A feature (``app/ui/<feature>/``) is installed with ``install(context, host)``: the context carries the state the
features share (the session, the user's preferences, engine clients by backend name, what is known about the media,
the checks to pass before a subtitle file is written); the host (app.ui.host) carries the window's widgets (menus,
docks, dialogs). Features talk through these two and through the session's events, never by setting each other's
attributes, so any of them can be built and tested with a fake host and a context of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.session.preferences import Preferences
from app.session.session import Session

EngineFactory = Callable[..., Any]  # (options, **kwargs) -> an app.asr engine client


class EngineClients:
    """Engine-client factories by backend name ("local": the engine process on this computer, "server": an
    OpenAI-compatible server). The window registers the real ones; a test registers a fake."""

    def __init__(self) -> None:
        self._factories: dict[str, EngineFactory] = {}

    def register(self, backend: str, factory: EngineFactory) -> None:
        self._factories[backend] = factory

    def backends(self) -> list[str]:
        return list(self._factories)

    def create(self, backend: str, *args: Any, **kwargs: Any) -> Any:
        try:
            factory = self._factories[backend]
        except KeyError:
            raise LookupError(f"no engine backend {backend!r}; known: {', '.join(self._factories) or 'none'}") from None
        return factory(*args, **kwargs)


class MediaFacts:
    """What has been found out about the open media that more than one feature uses: the picture guide (frame
    times and shot changes, app.core.frames.PictureGuide) once the picture found it. Listeners hear of changes."""

    def __init__(self) -> None:
        self.picture_guide: Any = None
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def set_picture_guide(self, guide: Any) -> None:
        self.picture_guide = guide
        for listener in list(self._listeners):
            listener()


@dataclass
class AppContext:
    session: Session
    prefs: Preferences
    engines: EngineClients = field(default_factory=EngineClients)
    media: MediaFacts = field(default_factory=MediaFacts)
    # asked, in order, before a subtitle file is written; any False stops the write (the checks' save guard)
    write_checks: list[Callable[[], bool]] = field(default_factory=list)

    def confirm_write(self) -> bool:
        return all(check() for check in self.write_checks)
