"""The single-instance socket lives only where no other local user can create it first."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest

from app.ui.single_instance import InstanceServer, send_to_running, server_name


@pytest.fixture
def no_runtime_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _folder() -> str:
    return os.path.join(tempfile.gettempdir(), f"qwen-subtitle-studio-{os.getuid()}")


def test_without_a_runtime_folder_the_socket_is_in_a_private_one(no_runtime_dir, qtbot):
    name = server_name()
    assert name is not None and os.path.dirname(name) == _folder()
    info = os.lstat(_folder())
    assert stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o700 and info.st_uid == os.getuid()
    assert server_name() == name  # the next start finds the same one
    server = InstanceServer(lambda _paths: None)
    assert server.listen() and server.name == name
    server.close()


def _taken(kind: str) -> None:
    folder = _folder()
    if kind == "open to all":
        os.mkdir(folder)
        os.chmod(folder, 0o777)
    elif kind == "a link":
        os.mkdir(folder + "-elsewhere", 0o700)
        os.symlink(folder + "-elsewhere", folder)
    elif kind == "a file":
        open(folder, "w").close()
    elif kind == "another user's":
        if os.getuid() != 0:
            pytest.skip("only an administrator can give a folder to another user")
        os.mkdir(folder, 0o700)
        os.chown(folder, 54321, 54321)


@pytest.mark.parametrize("kind", ["open to all", "a link", "a file", "another user's"])
def test_a_folder_someone_else_prepared_is_refused(no_runtime_dir, qtbot, kind):
    """Then there is simply no single instance: the paths are never sent, and this start opens its own window."""
    _taken(kind)
    assert server_name() is None
    assert not send_to_running(["/home/victim/secret.srt"])
    assert not InstanceServer(lambda _paths: None).listen()


def test_a_runtime_folder_open_to_others_is_not_used(monkeypatch, tmp_path):
    public = tmp_path / "public"
    public.mkdir()
    public.chmod(0o777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(public))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert os.path.dirname(server_name()) == _folder()
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private))
    assert server_name() == str(private / "qwen-subtitle-studio")
