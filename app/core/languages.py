"""Language names as Qwen3-ASR spells them ("Chinese", "Cantonese", "English"...) and their BCP-47 codes, once.

A cue's language (``Cue.language``) is such a name, or "" when it is not known. Names come from recognition (the
language Qwen3-ASR reports for each chunk, a Chinese dialect kept as such), from a guess at imported text
(:mod:`app.core.language_guess`) or from the user; codes are what subtitle formats write (TTML ``xml:lang``,
WebVTT and ASS headers). stdlib only, so every layer can ask.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.document import Cue

# qwen_asr.inference.utils.SUPPORTED_LANGUAGES (0.0.6), in its order
SUPPORTED_LANGUAGES: tuple[str, ...] = (
    "Chinese", "English", "Cantonese", "Arabic", "German", "French", "Spanish", "Portuguese", "Indonesian",
    "Italian", "Korean", "Russian", "Thai", "Vietnamese", "Japanese", "Turkish", "Hindi", "Malay", "Dutch",
    "Swedish", "Danish", "Finnish", "Polish", "Czech", "Filipino", "Persian", "Greek", "Romanian", "Hungarian",
    "Macedonian",
)  # fmt: skip

# the primary BCP-47 subtag of each name
CODES: dict[str, str] = {
    "zh": "Chinese", "en": "English", "yue": "Cantonese", "ar": "Arabic", "de": "German", "fr": "French",
    "es": "Spanish", "pt": "Portuguese", "id": "Indonesian", "it": "Italian", "ko": "Korean", "ru": "Russian",
    "th": "Thai", "vi": "Vietnamese", "ja": "Japanese", "tr": "Turkish", "hi": "Hindi", "ms": "Malay", "nl": "Dutch",
    "sv": "Swedish", "da": "Danish", "fi": "Finnish", "pl": "Polish", "cs": "Czech", "fil": "Filipino",
    "fa": "Persian", "el": "Greek", "ro": "Romanian", "hu": "Hungarian", "mk": "Macedonian",
}  # fmt: skip
_CODE_OF = {name: code for code, name in CODES.items()}
# other spellings files use: ISO 639-2/3 codes, the old Cantonese tag, Tagalog for Filipino
_ALIASES = {
    "chi": "Chinese", "zho": "Chinese", "cmn": "Chinese", "eng": "English", "ger": "German", "deu": "German",
    "fre": "French", "fra": "French", "spa": "Spanish", "por": "Portuguese", "ita": "Italian", "jpn": "Japanese",
    "kor": "Korean", "rus": "Russian", "tl": "Filipino", "tgl": "Filipino", "in": "Indonesian", "per": "Persian",
    "gre": "Greek", "dut": "Dutch", "nld": "Dutch", "swe": "Swedish", "dan": "Danish", "fin": "Finnish",
    "pol": "Polish", "cze": "Czech", "ces": "Czech", "tur": "Turkish", "ara": "Arabic", "tha": "Thai",
    "vie": "Vietnamese", "hin": "Hindi", "msa": "Malay", "may": "Malay", "rum": "Romanian", "ron": "Romanian",
    "hun": "Hungarian", "mac": "Macedonian", "mkd": "Macedonian", "ind": "Indonesian", "fil": "Filipino",
}  # fmt: skip
_CANTONESE_TAGS = ("zh-yue", "zh-hk-yue", "yue-hant", "yue-hans", "yue-hk")


def code_of(name: str) -> str:
    """``Chinese`` -> ``zh``; "" for "" or a name without a code here (a dialect the recognizer named)."""
    return _CODE_OF.get(name, "")


def name_of(tag: str | None) -> str:
    """The language name of a BCP-47 tag (``zh-Hant-TW`` -> Chinese, ``yue``/``zh-yue`` -> Cantonese, ``en-GB``
    -> English) or of a name in any case; "" when it is none of the known ones."""
    text = (tag or "").strip().replace("_", "-").lower()
    if not text:
        return ""
    if text in _CANTONESE_TAGS:
        return "Cantonese"
    primary = text.split("-", 1)[0]
    found = CODES.get(primary) or _ALIASES.get(primary)
    if found:
        return found
    title = text[:1].upper() + text[1:]
    return title if title in _CODE_OF else ""


def majority_language(languages: Iterable[str]) -> str:
    """The document's language: the most frequent of its cues' languages ("" when none is known; a tie goes to
    the one met first)."""
    counts = Counter(name for name in languages if name)
    if not counts:
        return ""
    return counts.most_common(1)[0][0]


def file_language(cues: Iterable[Cue]) -> str:
    """The code a file that keeps one language for all its cues writes: their majority's ("" when none is known)."""
    counts = Counter(cue.language for cue in cues)
    for name, _count in counts.most_common():
        if name and code_of(name):
            return code_of(name)
    return ""


# the ISO 639-2 (bibliographic) code of each name: what Matroska and MP4 track headers hold
_CONTAINER_CODES = {
    "Chinese": "chi", "English": "eng", "Cantonese": "yue", "Arabic": "ara", "German": "ger", "French": "fre",
    "Spanish": "spa", "Portuguese": "por", "Indonesian": "ind", "Italian": "ita", "Korean": "kor", "Russian": "rus",
    "Thai": "tha", "Vietnamese": "vie", "Japanese": "jpn", "Turkish": "tur", "Hindi": "hin", "Malay": "may",
    "Dutch": "dut", "Swedish": "swe", "Danish": "dan", "Finnish": "fin", "Polish": "pol", "Czech": "cze",
    "Filipino": "fil", "Persian": "per", "Greek": "gre", "Romanian": "rum", "Hungarian": "hun", "Macedonian": "mac",
}  # fmt: skip


def container_code(tag: str | None) -> str:
    """The ISO 639-2 code a video's track header takes for a name or a BCP-47 tag (``zh-TW`` -> ``chi``); a
    three-letter code not known here is kept as given; "" when it is none of these."""
    name = name_of(tag)
    if name:
        return _CONTAINER_CODES.get(name, "")
    text = (tag or "").strip().lower()
    return text if len(text) == 3 and text.isascii() and text.isalpha() else ""
