"""``install-desktop``: register the application with the user's desktop (menu entry, icon, file types).

Everything goes under ``$XDG_DATA_HOME`` (``~/.local/share``), so no administrator rights are needed, and
the desktop's caches are refreshed with the freedesktop tools where they are installed. The menu entry
starts this very program: the built executable, or this Python with ``-m app``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

APP_ID = "qwen-subtitle-studio"
DESKTOP_FILE = f"{APP_ID}.desktop"
MIME_FILE = f"{APP_ID}-mime.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# the types the application opens by default when the user installs it; media keep their players
DEFAULT_FOR = ("application/x-qwen-subtitle-studio-project", "application/x-subrip")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "install-desktop",
        help="add the menu entry, icon and file types for the current user",
        description="Install the .desktop file, the icon and the MIME types under $XDG_DATA_HOME "
        "(~/.local/share), so that files open in the application from a file manager.",
    )
    p.add_argument("--uninstall", action="store_true", help="remove what an earlier install added")
    p.add_argument("--exec", dest="command", metavar="COMMAND", help="the command the menu entry runs "
                   "(default: this program)")  # fmt: skip
    p.add_argument("--no-default", action="store_true", help="do not make it the default for .srt and projects")
    p.set_defaults(func=command)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def resource_folder() -> Path:
    """The package's resources; in a PyInstaller build they sit beside the bundled modules."""
    return Path(str(resources.files("app") / "resources"))


def launch_command() -> str:
    """How the desktop should start us, quoted as the Desktop Entry Specification wants."""
    if getattr(sys, "frozen", False):
        return _quote(sys.executable)
    return f"{_quote(sys.executable)} -m app"


def _quote(arg: str) -> str:
    if arg and all(c.isalnum() or c in "/-_.+,:" for c in arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def desktop_entry(template: str, command: str) -> str:
    """The shipped entry with Exec (and TryExec) pointing to ``command``."""
    program = shlex.split(command)[0] if command else ""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def targets(home: Path) -> dict[str, Path]:
    """Every file an install writes, by what it is."""
    found = {
        "desktop": home / "applications" / DESKTOP_FILE,
        "mime": home / "mime" / "packages" / f"{APP_ID}.xml",
        "svg": home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        found[f"png{size}"] = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return found


def install(home: Path, command: str, *, make_default: bool = True) -> list[str]:
    """Write the files and refresh the caches; returns what was done, one line each."""
    source = resource_folder()
    files = targets(home)
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    template = (source / DESKTOP_FILE).read_text(encoding="utf-8")
    _write(files["desktop"], desktop_entry(template, command))
    shutil.copyfile(source / MIME_FILE, files["mime"])
    shutil.copyfile(source / "icons" / f"{APP_ID}.svg", files["svg"])
    for size in ICON_SIZES:
        shutil.copyfile(source / "icons" / f"{APP_ID}-{size}.png", files[f"png{size}"])
    done = [f"installed {path}" for path in files.values()]
    done += _refresh(home)
    if make_default:
        done += _run(["xdg-mime", "default", DESKTOP_FILE, *DEFAULT_FOR])
    return done


def uninstall(home: Path) -> list[str]:
    done = []
    for path in targets(home).values():
        if path.exists():
            path.unlink()
            done.append(f"removed {path}")
    return done + _refresh(home)


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.chmod(temporary, 0o755)  # some desktops only trust launchers that are executable
    os.replace(temporary, path)


def _refresh(home: Path) -> list[str]:
    return (
        _run(["update-mime-database", str(home / "mime")])
        + _run(["update-desktop-database", str(home / "applications")])
        + _run(["gtk-update-icon-cache", "--force", "--ignore-theme-index", str(home / "icons" / "hicolor")])
    )


def _run(args: list[str]) -> list[str]:
    """Run a desktop tool if it is installed; a missing or failing tool is reported, never fatal."""
    if shutil.which(args[0]) is None:
        return [f"skipped {args[0]} (not installed)"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        reason = " ".join((result.stderr or result.stdout).split())[:200]
        return [f"warning: {args[0]} exited with {result.returncode}: {reason}"]
    return [f"ran {' '.join(args[:2])}"]


def command(args: argparse.Namespace) -> int:
    home = data_home()
    if args.uninstall:
        done = uninstall(home)
    else:
        done = install(home, args.command or launch_command(), make_default=not args.no_default)
    for line in done:
        print(line)
    return 0
