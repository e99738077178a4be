"""What a spell checker looks at in a cue, and the project's own word list; stdlib only.

The dictionaries themselves (pyspellchecker) live in :mod:`app.text.spellcheck`; this part is pure text handling
so that the project reader can validate the word list and the tests can check the tokeniser without loading one.

Tokens are runs of letters with apostrophes inside ("don't", "l'homme"); hyphens separate words ("well-known" is
checked as two). Formatting tags ({\\i1}, <i>), URLs and e-mail addresses are skipped, and so are words with digits
or underscores ("mp3", "3rd"), ALL-CAPS words (acronyms: NASA, BBC) and single letters. Han, Kana and Hangul are
never words to check (no dictionary here has them): a Latin word inside a Chinese or Japanese line is a token of its
own, and :func:`dictionary_for` checks it in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

WORD_LIST_KEY = "word_list"  # document settings: the words the user added, saved in the project
MAX_WORD_LENGTH = 64
MAX_WORD_LIST = 100_000

# pyspellchecker's dictionaries, by the language names of app.asr.client.languages (and the codes the files use)
DICTIONARIES = {
    "English": "en", "Spanish": "es", "French": "fr", "Portuguese": "pt", "German": "de", "Italian": "it",
    "Russian": "ru", "Arabic": "ar", "Dutch": "nl", "Persian": "fa", "Basque": "eu", "Latvian": "lv",
}  # fmt: skip
_CODES = set(DICTIONARIES.values())
ENGLISH_VARIANTS = ("US", "GB")  # the shipped English dictionary is American; "GB" adds British spellings
BRITISH = "en_GB"  # the code of the British variant (app.text.spellcheck builds it over "en")
# languages written in Han, Kana or Hangul: their own text is never checked, their Latin words are English
CJK_LANGUAGES = frozenset({"Chinese", "Cantonese", "Japanese", "Korean"})
# Han (with extensions and compatibility), Kana, Hangul, Bopomofo: letters to \w, but no dictionary's words
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc\U00020000-\U0003134f]+"
)

_SKIPPED = re.compile(
    r"\{[^}\n]*\}"  # ASS override tags
    r"|<[^>\n]{1,40}>"  # <i>, <font color=...>
    r"|\b(?:https?://|www\.)\S+"  # addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
)
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
APOSTROPHES = "'’"


def dictionary_code(language: str | None, english: str = "US") -> str | None:
    """The dictionary for a language ("English", "en", "en-US", "english"; "en-GB" is British whatever ``english``
    says); None when there is none. ``english`` is the variant English takes: "US" or "GB"."""
    if not language:
        return None
    text = language.strip()
    code = next((c for name, c in DICTIONARIES.items() if text.lower() == name.lower()), None)
    if code is None:
        base, _, region = text.lower().replace("_", "-").partition("-")
        if base not in _CODES:
            return None
        code = base
        english = "GB" if base == "en" and region in ("gb", "uk") else english
    return BRITISH if code == "en" and english == "GB" else code


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Han, Kana or Hangul (a Chinese, Japanese or Korean line)."""
    return _CJK.search(text) is not None


def dictionary_for(language: str | None, text: str, *, chosen: str = "", english: str = "US") -> str | None:
    """The dictionary a cue's ``text`` is checked with, by the cue's ``language`` (a Qwen3-ASR name, the document's
    when the cue has none) or the one the user ``chosen`` for all cues ("" = each cue's own).

    A Chinese, Japanese, Korean or Cantonese line has no dictionary of its own: its Latin words ("我们去 Starbucks")
    are checked in English. A cue of those languages without any Han, Kana or Hangul (pinyin, romaji) is left alone:
    it is not English. A language without a dictionary gives None: nothing is underlined."""
    if chosen:
        return dictionary_code(chosen, english)
    if language in CJK_LANGUAGES:
        return dictionary_code("English", english) if has_cjk(text) else None
    return dictionary_code(language, english)


def dictionaries_needed(languages: Iterable[str], *, chosen: str = "", english: str = "US") -> set[str]:
    """The dictionaries cues in ``languages`` may be checked with (to load before they are painted)."""
    if chosen:
        return {code} if (code := dictionary_code(chosen, english)) else set()
    codes = {dictionary_code("English" if name in CJK_LANGUAGES else name, english) for name in languages}
    return {code for code in codes if code}


def _masked(text: str) -> str:
    """The text with tags and addresses replaced by spaces, so that offsets stay those of the text."""
    if "{" in text or "<" in text or "@" in text or "http" in text or "www." in text:
        text = _SKIPPED.sub(lambda m: " " * len(m.group()), text)
    if not text.isascii():
        text = _CJK.sub(lambda m: " " * len(m.group()), text)  # one character each: offsets stay
    return text


def checkable(word: str) -> bool:
    """Whether a token is a word to look up (not a number, code, acronym or single letter)."""
    if len(word) < 2 or len(word) > MAX_WORD_LENGTH:
        return False
    if any(ch.isdigit() or ch == "_" for ch in word):
        return False
    letters = [ch for ch in word if ch.isalpha()]
    return not (len(letters) > 1 and all(ch.isupper() for ch in letters))


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word to check in ``text``, in order."""
    masked = _masked(text)
    return [m.span() for m in _TOKEN.finditer(masked) if checkable(m.group())]


def normalised(word: str) -> str:
    """A word as it is looked up: a typographic apostrophe as a plain one, case folded."""
    return word.replace("’", "'").casefold()


def clean_word_list(value: Any) -> list[str]:
    """The word list as a project or a setting holds it: text words only, without spaces, each once, sorted."""
    if not isinstance(value, list):
        return []
    words = {item.strip() for item in value[:MAX_WORD_LIST] if isinstance(item, str)}
    words = {w for w in words if 0 < len(w) <= MAX_WORD_LENGTH and not any(c.isspace() for c in w)}
    return sorted(words, key=lambda w: (w.casefold(), w))


def with_word(words: Iterable[str], word: str) -> list[str]:
    """The list with ``word`` added (once)."""
    return clean_word_list([*words, word])
