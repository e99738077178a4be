"""install-desktop: the menu entry, icon and file types land under $XDG_DATA_HOME and are valid."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import desktop

RESOURCES = Path(__file__).resolve().parents[2] / "app" / "resources"


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=60, env=env)


@pytest.fixture
def xdg(tmp_path) -> dict[str, str]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def test_shipped_files_are_complete():
    entry = (RESOURCES / "qwen-subtitle-studio.desktop").read_text()
    assert "\nExec=qwen-subtitle-studio-gui %F\n" in entry
    mime_types = next(line for line in entry.splitlines() if line.startswith("MimeType="))
    for kind in ("application/x-subrip", "application/x-qwen-subtitle-studio-project", "video/mp4", "audio/x-wav"):
        assert kind in mime_types
    for size in desktop.ICON_SIZES:
        data = (RESOURCES / "icons" / f"qwen-subtitle-studio-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == size  # the IHDR width
    assert desktop.resource_folder().resolve() == RESOURCES.resolve()


#: the MIME type each format the registry reads is registered under; a format added to the registry fails the test
#: below until it is named here and in the desktop entry
SUBTITLE_MIME_TYPES = {
    "srt": "application/x-subrip",
    "vtt": "text/vtt",
    "ass": "text/x-ssa",  # shared-mime-info's one type for .ass and .ssa
    "ssa": "text/x-ssa",
    "ttml": "application/ttml+xml",  # ours (app/resources/...-mime.xml): not in shared-mime-info 2.2
    "sbv": "text/x-sbv",  # ours
    "sami": "application/x-sami",
    "microdvd": "text/x-microdvd",
    "mpl2": "text/x-mpl2",
}
#: read, but under a generic extension (.txt, .json): claiming text/plain or application/json would offer the
#: editor for every text or JSON file
GENERIC_SUFFIX_FORMATS = {"tmp", "json"}
#: the types app/resources/qwen-subtitle-studio-mime.xml defines, and the globs it adds to shared-mime-info's
OWN_GLOBS = {"application/ttml+xml": {".ttml", ".dfxp"}, "text/x-sbv": {".sbv"}, "text/x-mpl2": {".mpl2"}}


def test_the_desktop_entry_registers_every_subtitle_format_the_registry_reads():
    import xml.etree.ElementTree as ET

    from app.formats.registry import readable

    assert {f.name for f in readable()} == set(SUBTITLE_MIME_TYPES) | GENERIC_SUFFIX_FORMATS
    entry = (RESOURCES / "qwen-subtitle-studio.desktop").read_text()
    line = next(line for line in entry.splitlines() if line.startswith("MimeType="))
    registered = line.removeprefix("MimeType=").rstrip(";").split(";")
    assert len(registered) == len(set(registered))
    expected = {"application/x-qwen-subtitle-studio-project", *SUBTITLE_MIME_TYPES.values()}
    assert expected <= set(registered), expected - set(registered)

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    tree = ET.parse(RESOURCES / "qwen-subtitle-studio-mime.xml")
    globs = {
        t.get("type"): {g.get("pattern").removeprefix("*") for g in t.findall("m:glob", ns)}
        for t in tree.getroot().findall("m:mime-type", ns)
    }
    assert globs["application/x-qwen-subtitle-studio-project"] == {".qssproj"}
    for kind, suffixes in OWN_GLOBS.items():
        assert globs[kind] == suffixes
    assert set(globs) <= set(registered)
    for fmt in readable():  # every extension of a registered format is known: by shared-mime-info or by us
        if fmt.name in GENERIC_SUFFIX_FORMATS or fmt.name == "ttml":  # TTML's .xml: by its root element
            continue
        kind = SUBTITLE_MIME_TYPES[fmt.name]
        shared = set(fmt.extensions) - globs.get(kind, set())
        system = Path("/usr/share/mime/packages/freedesktop.org.xml")
        if shared and system.exists():
            text = system.read_text(encoding="utf-8")
            block = text[text.index(f'<mime-type type="{kind}">') :]
            block = block[: block.index("</mime-type>")]
            assert all(f'<glob pattern="*{suffix}"/>' in block for suffix in shared), (fmt.name, shared)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_shipped_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(RESOURCES / "qwen-subtitle-studio.desktop")],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_install_and_uninstall(xdg, tmp_path):
    result = run("install-desktop", env=xdg)
    assert result.returncode == 0, result.stderr
    home = tmp_path / "data"
    entry = (home / "applications" / "qwen-subtitle-studio.desktop").read_text()
    assert f"\nExec={sys.executable} -m app %F\n" in entry
    assert f"\nTryExec={sys.executable}\n" in entry
    assert (home / "mime" / "packages" / "qwen-subtitle-studio.xml").exists()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "qwen-subtitle-studio.svg").exists()
    assert (home / "icons" / "hicolor" / "48x48" / "apps" / "qwen-subtitle-studio.png").exists()
    if shutil.which("update-mime-database"):  # the database now knows the project files by their suffix
        assert "application/x-qwen-subtitle-studio-project:*.qssproj" in (home / "mime" / "globs2").read_text()
    if shutil.which("update-desktop-database"):
        cache = (home / "applications" / "mimeinfo.cache").read_text()
        assert "application/x-subrip=qwen-subtitle-studio.desktop;" in cache
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(home / "applications" / "qwen-subtitle-studio.desktop")],
                               capture_output=True, text=True)  # fmt: skip
        assert check.returncode == 0, check.stdout

    result = run("install-desktop", "--uninstall", env=xdg)
    assert result.returncode == 0, result.stderr
    assert not (home / "applications" / "qwen-subtitle-studio.desktop").exists()
    assert not (home / "icons" / "hicolor" / "48x48" / "apps" / "qwen-subtitle-studio.png").exists()


def test_exec_line_quotes_what_needs_it():
    template = (RESOURCES / "qwen-subtitle-studio.desktop").read_text()
    command = desktop._quote("/opt/My Apps/python") + " -m app"
    entry = desktop.desktop_entry(template, command)
    assert '\nExec="/opt/My Apps/python" -m app %F\n' in entry
    assert "\nTryExec=/opt/My Apps/python\n" in entry
    assert desktop._quote("/usr/bin/python3") == "/usr/bin/python3"
