"""One window per user: a second start hands its files to the running window and exits.

A file manager starts a new process for every double-click. The first process listens on a local socket
in a folder private to the user; a later one connects, sends its paths as one JSON line and exits with status 0,
and the running window opens them and comes to the front.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 2000


def server_name() -> str | None:
    """The socket's name, in a folder only this user can enter; None when there is no such folder.

    ``$XDG_RUNTIME_DIR`` when it is set and private, else a folder of our own in the temporary folder, made
    with mode 0700. A name in the shared temporary folder itself could be taken first by another local user,
    who would then receive this user's file paths while this user's window never opened.
    """
    name = "qwen-subtitle-studio"
    if not hasattr(os, "getuid"):  # Windows: the name is a pipe in the user's session
        return f"{name}-{os.environ.get('USERNAME', 'user')}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _private_folder(runtime):
        return os.path.join(runtime, name)
    folder = os.path.join(tempfile.gettempdir(), f"{name}-{os.getuid()}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    return os.path.join(folder, "socket") if _private_folder(folder) else None


def _private_folder(path: str) -> bool:
    """A real folder (not a link), owned by this user, that nobody else may enter or write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def send_to_running(paths: list[str], name: str | None = None) -> bool:
    """Give the paths to a running window. False when none is running (a dead one's socket counts as none)."""
    name = name or server_name()
    if name is None:  # no private place for the socket: every start opens its own window
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"paths": [os.path.abspath(p) for p in paths]}).encode("utf-8") + b"\n"
    socket.write(message)
    # wait for the window's one-byte answer: the paths arrived before this process goes away
    ok = socket.waitForBytesWritten(TIMEOUT_MS)
    ok = ok and (socket.bytesAvailable() > 0 or socket.waitForReadyRead(TIMEOUT_MS))  # the answer may be in already
    socket.disconnectFromServer()
    return ok


class InstanceServer(QObject):
    """Listens for later starts; ``on_paths(paths)`` runs on the UI thread for each of them."""

    def __init__(self, on_paths: Callable[[list[str]], None], name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.on_paths = on_paths
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self.name is None:
            return False
        if self.server.listen(self.name):
            return True
        # a socket left by a process that was killed: nobody answered on it (send_to_running said so)
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if b"\n" not in buffer:
                    return
                socket.write(b"1")
                socket.flush()
                socket.disconnectFromServer()
                try:
                    paths = json.loads(buffer.split(b"\n", 1)[0].decode("utf-8")).get("paths", [])
                except (ValueError, AttributeError):
                    return
                self.on_paths([str(p) for p in paths if isinstance(p, str)])

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
