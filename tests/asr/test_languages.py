from __future__ import annotations

import pytest

from app.asr.client.languages import canonical_language, join_texts, seam
from app.core.errors import ModelError


def test_canonical_language():
    assert canonical_language(None) is None
    assert canonical_language("auto") is None
    assert canonical_language("en") == "English"
    assert canonical_language("cHINese") == "Chinese"
    with pytest.raises(ModelError, match="unsupported language 'Klingon'"):
        canonical_language("Klingon")


def test_seams_keep_spaces_where_the_script_needs_them():
    assert join_texts(["Part one.", "Part two."]) == "Part one. Part two."
    assert join_texts(["第一部分。", "第二部分。"]) == "第一部分。第二部分。"
    assert join_texts(["你好", "OK then"]) == "你好OK then"
    assert join_texts(["안녕하세요.", "반갑습니다."]) == "안녕하세요. 반갑습니다."
    assert join_texts(["", "  one ", "two"]) == "one two"
    assert seam("a ", "b") == ""
