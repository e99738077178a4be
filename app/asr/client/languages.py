"""Language names as Qwen3-ASR spells them, and chunk texts joined without losing or adding spaces (the seam rule
is app.core.rules.seam: the package joins with "", so English would lose the space at every seam).

Kept here (stdlib only) so the command line and the window can validate a language without importing qwen_asr.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.errors import ModelError
from app.core.languages import CODES, SUPPORTED_LANGUAGES
from app.core.messages import message
from app.core.rules import seam

__all__ = ["CODES", "SUPPORTED_LANGUAGES", "canonical_language", "join_texts", "seam"]


def canonical_language(name: str | None) -> str | None:
    """``None``/``""``/``auto`` mean detect; ``en``, ``english`` and ``English`` all mean ``English``."""
    if name is None or not name.strip() or name.strip().lower() == "auto":
        return None
    text = name.strip()
    if text.lower() in CODES:
        return CODES[text.lower()]
    canonical = text[:1].upper() + text[1:].lower()
    if canonical not in SUPPORTED_LANGUAGES:
        choices = ", ".join(SUPPORTED_LANGUAGES)
        raise ModelError(message=message("model.unsupported_language", name=name, choices=choices))
    return canonical


def join_texts(texts: Sequence[str]) -> str:
    out = ""
    for text in texts:
        text = text.strip()
        if text:
            out += seam(out, text) + text
    return out
