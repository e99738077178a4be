"""Load the ui's translations: English plural forms always ("1 cue", "2 cues"), then the user's language.

The words in the source are English; Qt writes plurals as "%n cue(s)" and a translation file gives each
language its forms (app/resources/i18n, made by scripts/update_translations.py).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []  # kept alive for as long as the application runs


def install_translations(locale: QLocale | None = None) -> None:
    """Install once per application; later calls do nothing."""
    app = QCoreApplication.instance()
    if app is None or _installed:
        return
    locale = locale or QLocale()
    folder = str(resources.files("app") / "resources" / "i18n")
    english = QTranslator(app)
    if english.load("qss_en", folder):
        app.installTranslator(english)
        _installed.append(english)
    for name, where in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), ("qss", folder)):
        translator = QTranslator(app)  # installed later, asked first: the user's language wins over the English forms
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            _installed.append(translator)
