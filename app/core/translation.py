"""A cue's translation through the edits that divide or join cues (the translation itself: app.translate)."""

from __future__ import annotations

from app.core.cjk import has_cjk, text_seam


def split_translation(text: str, share: float) -> tuple[str, str]:
    """A translation cut near ``share`` of its length: at the nearest space, else (Chinese, Japanese) between
    characters; a half may be empty when the text is one word."""
    if not text:
        return "", ""
    target = round(len(text) * share)
    spaces = [i for i, ch in enumerate(text) if ch.isspace()]
    if spaces:
        cut = min(spaces, key=lambda i: abs(i - target))
    elif has_cjk(text):
        cut = min(max(target, 1), len(text) - 1) if len(text) > 1 else len(text)
    else:
        cut = len(text) if share >= 0.5 else 0
    return text[:cut].rstrip(), text[cut:].lstrip()


def join_translations(first: str, second: str) -> str:
    """Two cues' translations as one (a merge): joined as their scripts join, an empty one left out."""
    if not first or not second:
        return first or second
    return first + text_seam(first, second) + second
