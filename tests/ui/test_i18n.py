"""The ui in Simplified and Traditional Chinese: complete translations, compiled at first use, shown everywhere."""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QWidget,
)

from app.asr.client.languages import SUPPORTED_LANGUAGES
from app.ui import i18n
from app.ui.language_names import NAMES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

sys.path.pop(0)

CJK = re.compile(r"[\u4e00-\u9fff]")
# words that stay as they are in every language: names, units, technical terms
KEPT = re.compile(
    r"^(|[\d\s.,:;#%/+\-–—()…▸*\[\]]*|Qwen Subtitle Studio.*|Subtitle Edit|Aegisub|English|简体中文|繁體中文|CPU|"
    r"CUDA GPU|Apple GPU.*|Qt|PySide6|PyTorch|qwen-asr|Qwen/.*|Ctrl.*|Alt.*|Shift.*|F\d+|Space|[A-Z]|"
    r"\d+(\.\d+)*(\+\w+)?|(\.[a-z0-9]+ ?)+)$"  # the last: file extensions (.srt .vtt)
)


@pytest.fixture
def chinese(qapp, tmp_path):
    """The ui in a language for one test; English again afterwards (the other tests read English)."""

    def use(language: str) -> None:
        i18n.set_language(language, cache=tmp_path)

    yield use
    i18n.set_language("en", cache=tmp_path)


def _shown_texts(widget: QWidget) -> list[str]:
    """Every word a user can read in a widget and its children."""
    texts = [widget.windowTitle()] if widget.isWindow() else []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel):
            texts.append(re.sub(r"<[^>]+>|&nbsp;", " ", child.text()))
        elif isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QTableWidget):
            texts += [child.horizontalHeaderItem(i).text() for i in range(child.columnCount())]
        if child.toolTip():
            texts.append(child.toolTip())
    return texts


def _untranslated(texts: list[str]) -> list[str]:
    return sorted({t for t in texts if not CJK.search(t) and not KEPT.match(t.strip())})


@pytest.mark.parametrize("language", update_translations.TRANSLATED)
def test_every_word_of_the_ui_is_translated(language):
    """What lupdate extracts from app/ui (and the message catalogue) has a finished translation; a new string
    fails here until it is translated: python scripts/update_translations.py --check lists them."""
    missing = update_translations.untranslated(language)
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", update_translations.TRANSLATED)
def test_translations_keep_placeholders_and_counts(language):
    def marks(text: str) -> list[str]:
        return sorted(re.findall(r"{[^}]*}|%n|\[\*\]", text))

    for (context, source), forms in update_translations.translations(
        ROOT / "app" / "resources" / "i18n" / f"qss_{language}.ts"
    ).items():
        for form in forms:
            assert marks(form) == marks(source), (context, source, form)


def test_translations_are_compiled_at_first_use_into_the_cache(qapp, tmp_path):
    folder = i18n.compiled_folder(tmp_path)
    assert folder is not None and folder.is_relative_to(tmp_path)
    assert {p.name for p in folder.glob("*.qm")} == {"qss_en.qm", "qss_zh_CN.qm", "qss_zh_TW.qm"}
    stamp = (folder / "qss_zh_CN.qm").stat().st_mtime_ns
    assert i18n.compiled_folder(tmp_path) == folder  # the second start compiles nothing
    assert (folder / "qss_zh_CN.qm").stat().st_mtime_ns == stamp
    assert not list(i18n.source_folder().glob("*.qm")), "compiled translations are never committed"


def test_the_system_locale_picks_the_script():
    assert i18n.ui_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.ui_language(QLocale("zh_SG")) == "zh_CN"
    for name in ("zh_TW", "zh_HK", "zh_Hant_MO"):
        assert i18n.ui_language(QLocale(name)) == "zh_TW", name
    assert i18n.ui_language(QLocale("de_DE")) == "en"
    assert i18n.chosen_language("zh_TW") == "zh_TW"


def test_recognition_language_names_cover_the_engine_list():
    assert tuple(NAMES) == SUPPORTED_LANGUAGES


def test_the_main_window_in_simplified_chinese(chinese, window_factory):
    chinese("zh_CN")
    window = window_factory()
    texts = [window.windowTitle()]
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions() if not a.isSeparator()]
    texts += _shown_texts(window)
    assert "文件(&F)" in texts and "语音识别(&R)…" in texts
    assert not _untranslated(texts)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_every_dialog_in_chinese(chinese, window_factory, language, monkeypatch):
    from app.ui.find_replace import FindReplaceDialog
    from app.ui.help import menu as help_menu
    from app.ui.preferences import menus as preferences
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import load_options

    chinese(language)
    window = window_factory()
    dialogs: list[QDialog] = [
        RecognitionDialog(load_options(window), window),
        FindReplaceDialog(window.state, window),
        preferences.open_shortcut_settings(window),
        help_menu.guide_dialog(window),
        help_menu.about_dialog(window),
        help_menu.shortcut_list_dialog(window),
    ]
    for dialog in dialogs:
        left = _untranslated(_shown_texts(dialog))
        assert not left, (type(dialog).__name__, left)
        dialog.close()


def test_recognition_languages_are_named_in_the_ui_language(chinese, window_factory):
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import load_options

    chinese("zh_CN")
    dialog = RecognitionDialog(load_options(window_factory()), None)
    index = dialog.language.findData("Chinese")
    assert dialog.language.itemText(index) == "中文"
    assert dialog.language.itemText(dialog.language.findData("Cantonese")) == "粤语"
    dialog.language.setCurrentIndex(index)
    assert dialog.options().language == "Chinese"  # the engine still gets the English name


def test_the_desktop_entry_speaks_chinese():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "app" / "resources" / "qwen-subtitle-studio.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    for key in ("Name", "GenericName", "Comment"):
        for language in ("zh_CN", "zh_TW"):
            assert CJK.search(section.get(f"{key}[{language}]", "")), f"{key}[{language}]"


def test_the_language_menu_remembers_the_choice(window):
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Language")
    chinese = next(a for a in menu.actions() if a.text() == "简体中文")
    chinese.trigger()
    assert window.prefs.ui_language == "zh_CN"
    assert window.dialogs and window.dialogs[-1][0] == "Language"  # said once: from the next start
    assert i18n.chosen_language(window.prefs.ui_language) == "zh_CN"


def test_without_a_chinese_font_the_ui_stays_english_and_says_why(qapp, monkeypatch, tmp_path):
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_args: []))
    monkeypatch.setattr(i18n, "_current", [])
    monkeypatch.setattr(i18n, "_missing_font", [])
    try:
        assert i18n.install_translations("zh_CN") == "en"
        assert i18n.missing_font() == "zh_CN"
    finally:
        i18n.set_language("en", cache=tmp_path)


def test_align_whole_file_asks_the_language_by_its_translated_name(chinese, window_factory, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.ui.realign.run import ask_language

    chinese("zh_CN")
    window = window_factory()
    offered: list[list[str]] = []

    def get_item(_parent, _title, _label, choices, current, _editable):
        offered.append(list(choices))
        return "日语", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    assert ask_language(window) == "Japanese"  # the aligner gets the English name
    assert offered[0][0] == "从音频检测" and "英语" in offered[0] and "English" not in offered[0]
