"""Each implementation of one of our Protocols, handed to that Protocol: checked by mypy (it is in the ``files``
of pyproject's [tool.mypy]), never run. A method whose signature drifts away from the Protocol, or an attribute
renamed on one side only, then fails the type check instead of a user's session. Nothing here is imported at run
time (pytest collects only ``test_*.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.asr.algorithms.wordmap import AlignedItem
    from app.asr.client.protocol import EngineClient
    from app.asr.client.remote import RemoteEngineClient
    from app.asr.client.service import LocalEngineClient
    from app.asr.runtime.engine import AlignedItem as EngineAlignedItem
    from app.ui.autosave import AutosaveHost
    from app.ui.host import Host, WindowHost
    from app.ui.main_window import MainWindow
    from tests.ui.fake_host import FakeHost


# -- the engine ------------------------------------------------------------------------------------------------
def _local_engine(client: LocalEngineClient) -> EngineClient:
    return client


def _server_engine(client: RemoteEngineClient) -> EngineClient:
    return client


def _aligned_item(item: EngineAlignedItem) -> AlignedItem:
    return item


# -- the window (its modules are read, not checked: mypy's follow_imports is silent) ----------------------------
def _host(window: MainWindow) -> Host:
    return window


def _autosave_host(window: MainWindow) -> AutosaveHost:
    return window


def _window_host(window: MainWindow) -> WindowHost:
    return window


def _fake_host(host: FakeHost) -> WindowHost:  # the features' tests run on it (tests/ui/fake_host.py)
    return host
