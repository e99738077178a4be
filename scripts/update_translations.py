"""Regenerate the English plural forms: app/resources/i18n/qss_en.ts and its compiled qss_en.qm.

The ui's words are English in the source; English needs a translation file only for plurals, which Qt
writes as "%n cue(s)": this file gives the two English forms ("1 cue", "2 cues"). Other languages go in
qss_<lang>.ts made the same way (pyside6-lupdate), translated with Qt Linguist.

    python scripts/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "app" / "resources" / "i18n"
TS = FOLDER / "qss_en.ts"


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else name


def plural_sources() -> dict[str, set[str]]:
    """Context -> source texts with %n, as lupdate finds them in app/ui, plus the message catalogue's."""
    sys.path.insert(0, str(ROOT))
    from app.core.messages import CATALOGUE

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.ts"
        files = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
        subprocess.run([_tool("pyside6-lupdate"), *files, "-locations", "none", "-ts", str(out)], check=True,
                       capture_output=True)  # fmt: skip
        found: dict[str, set[str]] = {}
        for context in ET.parse(out).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                if "%n" in (message.findtext("source") or ""):  # lupdate marks only self.tr plurals as numerus
                    found.setdefault(name, set()).add(message.findtext("source"))
    found.setdefault("Message", set()).update(text for text in CATALOGUE.values() if "%n" in text)
    return found


def english_forms(source: str) -> tuple[str, str]:
    return source.replace("(s)", ""), source.replace("(s)", "s")


def write_ts(found: dict[str, set[str]]) -> str:
    root = ET.Element("TS", version="2.1", language="en_US")
    for name in sorted(found):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in sorted(found[name]):
            message = ET.SubElement(context, "message", numerus="yes")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n"


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    TS.write_text(write_ts(plural_sources()), encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
