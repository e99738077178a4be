"""Messages from the lower layers: codes with parameters, English for the command line, plurals not by hand."""

from __future__ import annotations

import pickle

import pytest

from app.core.errors import ModelError
from app.core.messages import CATALOGUE, Message, english, message


def test_english_fills_parameters_and_plurals():
    assert english(message("recognition.done", 1)) == "Recognised 1 cue"
    assert english(message("recognition.done", 2)) == "Recognised 2 cues"
    text = english(message("engine.reading_weights", model="Qwen3-ASR-0.6B"))
    assert text == "Reading the weights of Qwen3-ASR-0.6B…"


def test_unknown_codes_are_refused_and_every_entry_renders():
    with pytest.raises(KeyError):
        message("no.such.code")
    for code, text in CATALOGUE.items():
        names = {part.split("}")[0].split("!")[0].split(":")[0] for part in text.split("{")[1:]}
        rendered = english(Message(code, dict.fromkeys(names, "x"), 2))
        assert "{" not in rendered and "%n" not in rendered


def test_messages_and_errors_cross_a_process_boundary():
    msg = message("engine.ended", code=9)
    assert pickle.loads(pickle.dumps(msg)) == msg and hash(msg) == hash(pickle.loads(pickle.dumps(msg)))
    error = pickle.loads(pickle.dumps(ModelError(message=msg)))
    assert isinstance(error, ModelError) and error.message == msg
    assert str(error) == "The recognition process ended (exit status 9); your subtitles are safe, try again"
