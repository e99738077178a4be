"""The ui's languages: English (the words in the source), Simplified and Traditional Chinese.

Translations live as Qt Linguist sources (app/resources/i18n/qss_<lang>.ts, kept up to date by
scripts/update_translations.py). They are compiled to .qm once, at first use, with the lrelease that ships in the
PySide6 wheel, into a cache folder named after the sources' contents: an editable install, a wheel and a checkout
all work without a build step, and nothing is committed twice. The one-folder bundle compiles them at build time
(build.spec) and finds them next to the sources.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator

LANGUAGES = ("en", "zh_CN", "zh_TW")  # what the ui is translated into
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}  # each in its own language, on purpose

_installed: list[QTranslator] = []  # kept alive for as long as the application runs
_current: list[str] = []


def source_folder() -> Path:
    return Path(str(resources.files("app") / "resources" / "i18n"))


def ui_language(locale: QLocale) -> str:
    """The translation for a locale: Chinese in Traditional script (Taiwan, Hong Kong, Macau) gets zh_TW, any other
    Chinese zh_CN, everything else English."""
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
        QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau
    )  # fmt: skip
    return "zh_TW" if traditional else "zh_CN"


def chosen_language(setting: object) -> str:
    """The user's choice from the settings, else the system's language."""
    value = str(setting or "")
    return value if value in LANGUAGES else ui_language(QLocale.system())


def find_lrelease() -> str | None:
    import PySide6

    candidates = [
        Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease"),
        Path(sys.executable).with_name("pyside6-lrelease"),
    ]
    for path in candidates:
        if path.is_file():
            return str(path)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def _fingerprint(sources: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def compiled_folder(cache: Path | None = None) -> Path | None:
    """A folder with a .qm for each .ts: next to the sources in the bundle, else compiled once into the cache.

    None when nothing can be compiled (no lrelease): the ui then stays in English.
    """
    source = source_folder()
    sources = sorted(source.glob("qss_*.ts"))
    if getattr(sys, "frozen", False):
        return source  # the bundle: compiled at build time (build.spec)
    if cache is None:
        where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        cache = Path(where or tempfile.gettempdir())
    target = cache / "i18n" / _fingerprint(sources)
    if all((target / p.with_suffix(".qm").name).is_file() for p in sources):
        return target
    lrelease = find_lrelease()
    if lrelease is None:
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=target.parent))
    except OSError:  # a cache that cannot be written: English
        return None
    try:
        for path in sources:
            out = tmp / path.with_suffix(".qm").name
            subprocess.run([lrelease, "-silent", str(path), "-qm", str(out)], check=True, capture_output=True,
                           timeout=60)  # fmt: skip
        if not target.exists():
            os.replace(tmp, target)  # whole or not at all: another start may be compiling too
    except (OSError, subprocess.SubprocessError):
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target if target.is_dir() else None


_missing_font: list[str] = []  # the language the ui could not show for want of a font


def has_font_for(language: str) -> bool:
    """Whether some installed font covers the language's script (a fresh Debian has no Chinese font)."""
    from PySide6.QtGui import QFontDatabase

    systems = {"zh_CN": QFontDatabase.WritingSystem.SimplifiedChinese,
               "zh_TW": QFontDatabase.WritingSystem.TraditionalChinese}  # fmt: skip
    return language not in systems or bool(QFontDatabase.families(systems[language]))


def install_translations(language: str | None = None) -> str:
    """Install the translations once per application (later calls keep the first choice); returns the language.

    ``language``: one of LANGUAGES, else the system's. Without a font for its script the ui stays in English
    (``missing_font()`` says which language could not be shown) rather than showing boxes.
    """
    if _current:
        return _current[0]
    language = language if language in LANGUAGES else ui_language(QLocale.system())
    if not has_font_for(language):
        _missing_font[:] = [language]
        language = "en"
    return set_language(language)


def missing_font() -> str | None:
    return _missing_font[0] if _missing_font else None


def set_language(language: str, cache: Path | None = None) -> str:
    """Replace the installed translations (windows made afterwards speak ``language``)."""
    app = QCoreApplication.instance()
    if app is None:
        return "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[:] = [language]
    folder = compiled_folder(cache)
    if folder is None:
        return language
    english = QTranslator(app)  # the English plural forms ("1 cue", "2 cues") under every language
    if english.load("qss_en", str(folder)):
        app.installTranslator(english)
        _installed.append(english)
    if language != "en":
        QLocale.setDefault(QLocale(language))
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, where in ((f"qtbase_{language}", qt_folder), (f"qss_{language}", str(folder))):
            translator = QTranslator(app)  # installed later, asked first
            if translator.load(name, where):
                app.installTranslator(translator)
                _installed.append(translator)
    return language


def current_language() -> str:
    return _current[0] if _current else "en"
