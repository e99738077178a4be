"""Media whose tags are not UTF-8 open like any other: ffmpeg plays them, so must we.

A QuickTime file from a Spanish-locale Mac names its video handler "Gestor de contenido de vídeo Apple" in
Latin-1. The file is built with a one-byte placeholder, then the placeholder is patched to the Latin-1 byte, so
the atom sizes stay right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import app.media.reader as reader_module
from app.cli import run
from app.media import decode_audio, probe
from tests.media.conftest import HAVE_TOOLS, ff, sine, video

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="ffmpeg is needed to generate the test media")


@pytest.fixture(scope="module")
def latin1_mov(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("latin1") / "spanish_mac.mov"
    ff(video(2), sine(44100, 2), "-c:v", "mpeg4", "-c:a", "aac", "-f", "mov",
       "-metadata:s:v", "handler_name=Gestor de contenido de v#deo Apple",
       "-metadata:s:a", "handler_name=Gestor de contenido de sonido Apple",
       "-metadata", "title=T#tulo del v#deo")(out)  # fmt: skip
    data = out.read_bytes()
    assert data.count(b"v#deo") == 2 and data.count(b"T#tulo") == 1
    out.write_bytes(data.replace(b"v#deo", b"v\xeddeo").replace(b"T#tulo", b"T\xedtulo"))
    return out


def test_probe_opens_media_with_latin1_tags(latin1_mov: Path) -> None:
    info = probe(latin1_mov)
    assert [s.kind for s in info.streams] == ["video", "audio"]
    assert abs(info.duration_ms - 2000) < 100


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "careful"])
def test_decode_opens_media_with_latin1_tags(latin1_mov: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "USE_FILTER_SOURCE", fast)
    decoded = decode_audio(latin1_mov, use_cache=False)
    assert abs(decoded.duration_ms - 2000) < 100


def test_cli_probe_of_media_with_latin1_tags(latin1_mov: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["probe", str(latin1_mov), "--json"]) == 0
    assert '"format_name"' in capsys.readouterr().out
