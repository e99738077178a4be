"""The cheap language guess that presets the language of Align Whole File."""

from __future__ import annotations

import pytest

from app.core.language_guess import guess_language

SAMPLES = {
    "French": ["Je ne sais pas ce que tu veux.", "C'est très bien, merci.", "Il est parti avec elle."],
    "English": ["I don't know what you want.", "That is very good, thank you.", "He left with her."],
    "German": ["Ich weiß nicht, was du willst.", "Das ist sehr gut, danke.", "Er ist mit ihr gegangen."],
    "Spanish": ["No sé lo que quieres.", "Está muy bien, gracias.", "Se fue con ella y con los niños."],
    "Italian": ["Non so che cosa vuoi.", "Questo è molto bello, grazie.", "Sono andato con lui per il pane."],
    "Portuguese": ["Eu não sei o que você quer.", "Isso está muito bom.", "Ele foi com a mãe para o mar."],
    "Russian": ["Я не знаю, чего ты хочешь.", "Это очень хорошо, спасибо."],
    "Chinese": ["我不知道你想要什么。", "这个很好，谢谢。"],
    "Cantonese": ["我唔知你想要乜嘢。", "佢今日冇嚟。"],
    "Japanese": ["あなたが何を欲しいのか分かりません。", "とても良いです、ありがとう。"],
    "Korean": ["나는 당신이 무엇을 원하는지 모르겠어요.", "아주 좋아요, 고마워요."],
    "Thai": ["ฉันไม่รู้ว่าคุณต้องการอะไร", "ดีมาก ขอบคุณ"],
    "Arabic": ["لا أعرف ماذا تريد.", "هذا جيد جدا، شكرا."],
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_few_lines_are_enough(language):
    assert guess_language(SAMPLES[language]) == language


def test_tags_and_names_do_not_count_and_too_little_text_is_no_guess():
    assert guess_language(["<i>Paris</i>", "{\\an8}Marie!"]) is None
    assert guess_language([]) is None
    assert guess_language(["♪ ♪", "123"]) is None
    assert guess_language(["<i>Je ne sais pas.</i>", "{\\an8}Mais tu es là, c'est bien."]) == "French"


def test_latin_lines_beyond_ascii_are_told_as_each_letter_would_tell_them():
    """French, German, Polish lines take a fast way (every letter below U+0250 is Latin but ª, µ and º): each
    character there, alone, in tags, or beside ASCII, is told as its Unicode name says (issue 27)."""
    import unicodedata

    from app.core.language_guess import LATIN, cue_script_language

    for code in range(0x80, 0x250):
        char = chr(code)
        expected = LATIN if char.isalpha() and unicodedata.name(char).startswith("LATIN") else ""
        assert cue_script_language(char) == expected, hex(code)
        assert cue_script_language(f"<i>{char}</i> 1") == expected, hex(code)
        assert cue_script_language(f"ab {char}") == LATIN
    assert cue_script_language("{\\an8}ª µ º") == ""
    assert cue_script_language("Grüße aus Köln") == cue_script_language("Ça va très bien") == LATIN
    assert cue_script_language("Łódź, ŻÓŁW") == LATIN and cue_script_language("« — »") == ""
