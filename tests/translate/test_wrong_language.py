"""An answer in another language of the target's script (issue 25, Bad input): an English line for French is told
by the Lingua detector the caller passes in (app.text.language_detect.in_other_language), kept and flagged for
review; short lines, names and near languages are no verdict."""

from __future__ import annotations

from app.cli import run as cli
from app.formats.registry import read_subtitles
from app.text.language_detect import in_other_language
from app.translate.checks import in_wrong_language
from app.translate.prompt import Instructions
from app.translate.run import TranslateOptions, translate_cues
from tests.support.chat_server import Reply, StandInChat

TEXTS = ["Où est la gare, s'il vous plaît ?", "Je dois partir maintenant.", "Merci beaucoup, mon ami."]
ENGLISH = {1: "Where is the station, please?", 2: "I have to leave right now.", 3: "Thank you very much, my friend."}
FRENCH = {1: "Où est la gare, s'il vous plaît ?", 2: "Je dois partir maintenant.", 3: "Merci beaucoup, mon ami."}


def test_the_detector_flags_only_a_sure_answer_in_another_latin_language():
    texts = [
        "I have to leave right now, my friend.",  # English for French: flagged
        "Je dois partir maintenant, mon ami.",  # French: fine
        "Okay.",  # one word: no verdict
        "Où est la gare, s'il vous plaît ?",  # French that Lingua's trigrams call English at 0.57: not sure enough
        "Ich weiß nicht, was du meinst.",  # German for French: flagged
    ]
    assert in_other_language(texts, "French") == [True, False, False, False, True]
    assert in_other_language(["Terima kasih banyak atas bantuan anda."], "Malay") == [False]  # near languages
    assert in_other_language(["I have to leave right now, my friend."], "Chinese") == [False]  # not Lingua's to say
    assert in_other_language(["I have to leave right now, my friend."], "English") == [False]


def test_the_script_check_comes_first_and_the_detector_only_for_latin_targets():
    calls = []

    def detector(texts, target):
        calls.append((list(texts), target))
        return [True] * len(texts)

    assert in_wrong_language(["你好", "Hello there my friend"], "fr", detector) == [True, True]
    assert calls == [(["Hello there my friend"], "French")]  # the Chinese line was told by its script
    assert in_wrong_language(["Hello there my friend"], "Chinese", detector) == [True]  # by script: Latin for Chinese
    assert len(calls) == 1  # a non-Latin target is the script's to judge
    assert in_wrong_language(["Hello there my friend"], "fr") == [False]  # no detector: the script alone


def _run(answers, detector):
    def reply(lines, body):
        return Reply("\n".join(f"[{n}] {answers[n]}" for n in lines))

    options = TranslateOptions(Instructions("French", "", (), "English"), other_language=detector)
    with StandInChat(reply) as chat:
        from app.translate.client import ChatClient, ChatServer

        client = ChatClient(ChatServer(chat.url, "qwen3", api_key=None))
        try:
            return translate_cues(TEXTS, [0, 1, 2], client.complete, options)
        finally:
            client.close()


def test_an_english_answer_for_french_is_kept_and_flagged_for_review():
    mixed = {**FRENCH, 2: ENGLISH[2]}
    result = _run(mixed, in_other_language)
    assert result.wrong_language == [1] and result.translations[1] == ENGLISH[2]
    assert result.command().review == (False, True, False)
    assert _run(FRENCH, in_other_language).wrong_language == []
    assert _run(mixed, None).wrong_language == []  # without the detector: the script alone (as before)


def test_the_command_line_names_an_english_answer_for_french(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("QSS_LLM_API_KEY", raising=False)
    monkeypatch.setattr("app.translate.client.api_key", lambda url: None)
    src = tmp_path / "in.srt"
    src.write_text("".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{ENGLISH[i]}\n\n" for i in (1, 2, 3)))
    out = tmp_path / "out.srt"
    answers = {**FRENCH, 3: ENGLISH[3]}
    with StandInChat(lambda lines, body: Reply("\n".join(f"[{n}] {answers[n]}" for n in lines))) as chat:
        status = cli(["translate", str(src), str(out), "--to", "fr", "--server", chat.url, "--model", "qwen3"])
    assert status == 1
    assert "1 translation not in French (cue 3)" in capsys.readouterr().err
    assert read_subtitles(out).cues[2].text == ENGLISH[3]  # kept, for the user to look at
