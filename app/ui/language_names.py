"""Recognition languages shown in the ui's language; the data stays the English name Qwen3-ASR expects."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

NAMES = (  # app.asr.client.languages.SUPPORTED_LANGUAGES, marked for translation (a test keeps the two the same)
    QT_TRANSLATE_NOOP("Language", "Chinese"), QT_TRANSLATE_NOOP("Language", "English"),
    QT_TRANSLATE_NOOP("Language", "Cantonese"), QT_TRANSLATE_NOOP("Language", "Arabic"),
    QT_TRANSLATE_NOOP("Language", "German"), QT_TRANSLATE_NOOP("Language", "French"),
    QT_TRANSLATE_NOOP("Language", "Spanish"), QT_TRANSLATE_NOOP("Language", "Portuguese"),
    QT_TRANSLATE_NOOP("Language", "Indonesian"), QT_TRANSLATE_NOOP("Language", "Italian"),
    QT_TRANSLATE_NOOP("Language", "Korean"), QT_TRANSLATE_NOOP("Language", "Russian"),
    QT_TRANSLATE_NOOP("Language", "Thai"), QT_TRANSLATE_NOOP("Language", "Vietnamese"),
    QT_TRANSLATE_NOOP("Language", "Japanese"), QT_TRANSLATE_NOOP("Language", "Turkish"),
    QT_TRANSLATE_NOOP("Language", "Hindi"), QT_TRANSLATE_NOOP("Language", "Malay"),
    QT_TRANSLATE_NOOP("Language", "Dutch"), QT_TRANSLATE_NOOP("Language", "Swedish"),
    QT_TRANSLATE_NOOP("Language", "Danish"), QT_TRANSLATE_NOOP("Language", "Finnish"),
    QT_TRANSLATE_NOOP("Language", "Polish"), QT_TRANSLATE_NOOP("Language", "Czech"),
    QT_TRANSLATE_NOOP("Language", "Filipino"), QT_TRANSLATE_NOOP("Language", "Persian"),
    QT_TRANSLATE_NOOP("Language", "Greek"), QT_TRANSLATE_NOOP("Language", "Romanian"),
    QT_TRANSLATE_NOOP("Language", "Hungarian"), QT_TRANSLATE_NOOP("Language", "Macedonian"),
)  # fmt: skip


def language_name(value: str | None) -> str:
    """``Chinese`` -> 中文 in a Chinese ui; a name this table lacks is shown as it is."""
    if not value:
        return ""
    return QCoreApplication.translate("Language", value) if value in NAMES else value
