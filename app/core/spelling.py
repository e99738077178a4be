"""What a spell checker looks at in a cue, and the project's own word list; stdlib only.

The dictionaries themselves (pyspellchecker) live in :mod:`app.text.spellcheck`; this part is pure text handling
so that the project reader can validate the word list and the tests can check the tokeniser without loading one.

Tokens are runs of letters with apostrophes inside ("don't", "l'homme"); hyphens separate words ("well-known" is
checked as two). Formatting tags ({\\i1}, <i>), URLs and e-mail addresses are skipped, and so are words with digits
or underscores ("mp3", "3rd"), ALL-CAPS words (acronyms: NASA, BBC) and single letters.
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

_SKIPPED = re.compile(
    r"\{[^}\n]*\}"  # ASS override tags
    r"|<[^>\n]{1,40}>"  # <i>, <font color=...>
    r"|\b(?:https?://|www\.)\S+"  # addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
)
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
APOSTROPHES = "'’"


def dictionary_code(language: str | None) -> str | None:
    """The dictionary for a document language ("English", "en", "en-US", "english"); None when there is none."""
    if not language:
        return None
    text = language.strip()
    for name, code in DICTIONARIES.items():
        if text.lower() == name.lower():
            return code
    base = re.split(r"[-_]", text.lower(), maxsplit=1)[0]
    return base if base in _CODES else None


def _masked(text: str) -> str:
    """The text with tags and addresses replaced by spaces, so that offsets stay those of the text."""
    if "{" not in text and "<" not in text and "@" not in text and "http" not in text and "www." not in text:
        return text
    return _SKIPPED.sub(lambda m: " " * len(m.group()), text)


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
