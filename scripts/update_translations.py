"""Keep the ui's translation sources (app/resources/i18n/qss_*.ts) in step with the code.

    python scripts/update_translations.py                 # re-extract: new words appear untranslated
    python scripts/update_translations.py --check         # list untranslated words; exit 1 if there are any
    python scripts/update_translations.py --fill zh_CN words.json   # {"Context": {"source": "translation"}}

The words are English in the source. pyside6-lupdate finds them in app/ui (self.tr, QCoreApplication.translate,
QT_TRANSLATE_NOOP); the message catalogue of the lower layers (app.core.messages, rendered under the context
"Message") is added here, as lupdate cannot see it. English needs a file only for plurals ("%n cue(s)" ->
"1 cue", "2 cues"), made whole here. The .qm files are compiled from these at first use (app/ui/i18n.py) or by the
bundle's build (build.spec): none is committed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "app" / "resources" / "i18n"
TS = FOLDER / "qss_en.ts"
TRANSLATED = ("zh_CN", "zh_TW")  # languages with a full translation; a test keeps them complete


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else name


def _catalogue_file(folder: Path) -> Path:
    """The message catalogue as code lupdate reads: one translate() call per message, with a count for plurals."""
    sys.path.insert(0, str(ROOT))
    from app.core.messages import CATALOGUE

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication", "n = 1"]
    for text in CATALOGUE.values():
        literal = json.dumps(text, ensure_ascii=False)
        if "%n" in text:
            lines.append(f'QCoreApplication.translate("Message", {literal}, None, n)')
        else:
            lines.append(f'QT_TRANSLATE_NOOP("Message", {literal})')
    path = folder / "message_catalogue.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _lupdate(ts: Path, language: str | None = None) -> None:
    """Extract into ``ts``, keeping the translations it has (lupdate merges) and dropping words no longer used."""
    with tempfile.TemporaryDirectory() as tmp:
        files = [*sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py")), str(_catalogue_file(Path(tmp)))]
        extra = ["-target-language", language] if language else []
        command = [_tool("pyside6-lupdate"), *files, "-locations", "none", "-no-obsolete", *extra, "-ts", str(ts)]
        subprocess.run(command, check=True, capture_output=True)


def extracted() -> dict[tuple[str, str], bool]:
    """(context, source) -> whether it is a plural, for every word the ui shows."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.ts"
        _lupdate(out)
        return {
            (context.findtext("name") or "", message.findtext("source") or ""): message.get("numerus") == "yes"
            for context in ET.parse(out).getroot().iter("context")
            for message in context.iter("message")
        }


def translations(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> its finished translation forms (one for a plain text, one per plural form)."""
    found: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            if all(forms):
                found[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return found


def untranslated(language: str) -> list[tuple[str, str]]:
    """Words the ui shows that the language's file does not translate yet."""
    done = translations(FOLDER / f"qss_{language}.ts")
    return sorted(key for key in extracted() if key not in done)


def fill(language: str, words: dict[str, dict[str, str]]) -> int:
    """Write translations into the language's file (after an update, so every word has its entry)."""
    ts = FOLDER / f"qss_{language}.ts"
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        given = words.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = given.get(message.findtext("source") or "")
            if not text:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            for form in list(translation):
                translation.remove(form)
            if message.get("numerus") == "yes":  # Chinese has one form for every count
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            filled += 1
    _write(tree, ts)
    return filled


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree.getroot())
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def plural_sources() -> dict[str, set[str]]:
    """Context -> source texts with %n, as lupdate finds them in app/ui, plus the message catalogue's."""
    found: dict[str, set[str]] = {}
    for (context, source), numerus in extracted().items():
        if numerus or "%n" in source:  # lupdate marks only some calls with a count as numerus
            found.setdefault(context, set()).add(source)
    return found


AGREE = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")  # "[starts|start]": the singular's word, the plural's


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural: "cue(s)" gives cue and cues, "[starts|start]" the verb (or pronoun) that agrees."""
    one, many = source.replace("(s)", ""), source.replace("(s)", "s")
    return AGREE.sub(lambda m: m.group(1), one), AGREE.sub(lambda m: m.group(2), many)


def write_english(found: dict[str, set[str]]) -> str:
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


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        missing = 0
        for language in TRANSLATED:
            for context, source in untranslated(language):
                print(f"{language}\t{context}\t{source!r}")
                missing += 1
        return 1 if missing else 0
    if argv[:1] == ["--fill"] and len(argv) == 3:
        words = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(argv[1], words)} translations written")
        return 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    TS.write_text(write_english(plural_sources()), encoding="utf-8")
    for language in TRANSLATED:
        _lupdate(FOLDER / f"qss_{language}.ts", language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
