"""The README's "Two commands" hold on a fresh Debian/Ubuntu: the system packages come first, and every package the
README names is one CI installs on its fresh machine (.ci/run), the tests' tools included."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Two commands", 1)[1].split("\n## ", 1)[0]


def _installed(text: str) -> set[str]:
    """The packages of every ``apt-get install`` command (continued lines joined; options left out)."""
    names: set[str] = set()
    for line in re.sub(r"\\\s*\n", " ", text).splitlines():
        if "apt-get install" in line:
            command = re.split(r"&&|>|`", line.split("apt-get install", 1)[1])[0]
            names |= {w for w in command.split() if not w.startswith("-")}
    return names


def test_the_system_packages_come_before_the_setup_command():
    section = _section()
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert "apt-get install" in blocks[0] and "python3-venv" in blocks[0] and "libxcb-cursor0" in blocks[0]
    assert "python3 -m venv" in blocks[1]


def test_the_tests_tools_are_named_and_every_package_is_one_ci_installs():
    section = _section()
    named = _installed(section)
    assert {"ffmpeg", "sox", "espeak-ng", "desktop-file-utils"} <= named
    ci = _installed((ROOT / ".ci" / "run").read_text(encoding="utf-8")) | {"python3-venv"}  # CI's image has venv
    assert named - {"fonts-noto-cjk"} <= ci
