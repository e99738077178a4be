"""The chat client and a translation run against a stand-in server that misbehaves (issue 25, item 3)."""

from __future__ import annotations

import re
import threading
import time

import pytest

from app.core.document import Cue, Document
from app.translate.client import ChatClient, ChatServer, TranslateError, base_url
from app.translate.prompt import Instructions
from app.translate.run import TranslateOptions, cues_to_translate, translate_cues
from tests.support.chat_server import Reply, StandInChat, answer_lines, translate_line

TEXTS = [f"line {i}" for i in range(30)]
EXPECTED = {i: translate_line(t) for i, t in enumerate(TEXTS)}


def run(chat: StandInChat, texts=TEXTS, todo=None, *, stream=True, cancel=lambda: False, deadline=10.0, **options):
    client = ChatClient(ChatServer(chat.url, "qwen3", deadline_s=deadline, max_retries=3, stream=stream))
    options.setdefault("batch_size", 8)
    todo = list(range(len(texts))) if todo is None else todo
    try:
        return translate_cues(texts, todo, client.complete, TranslateOptions(Instructions("French"), **options), cancel)
    finally:
        client.close()


@pytest.mark.parametrize("stream", [True, False])
def test_streamed_and_plain_answers_give_the_same_result(stream):
    with StandInChat(lambda lines, body: Reply("<think>\nLet me see.\n</think>\n" + answer_lines(lines))) as chat:
        result = run(chat, stream=stream)
    assert result.translations == EXPECTED and not result.untranslated and result.error is None
    assert all(body.get("stream", False) is stream for body in chat.requests)


def test_the_url_works_with_or_without_its_v1():
    assert base_url("http://h:1") == base_url("http://h:1/v1/") == "http://h:1/v1"
    with pytest.raises(TranslateError, match="not a chat server"):
        base_url("h:1")
    with pytest.raises(TranslateError, match="not a chat server"):
        base_url("http://[::1")  # an unclosed IPv6 address: one line, not urllib's ValueError


def _misbehaving(lines: dict[int, str], body: dict) -> Reply:
    """Drops, merges, reorders or adds lines in any batch of more than two; answers small ones well."""
    numbers = list(lines)
    if len(numbers) <= 2:
        return Reply(answer_lines(dict(reversed(list(lines.items())))))  # reordered: still matched by number
    kind = numbers[0] % 3
    if kind == 0:  # drops the last line
        return Reply(answer_lines({n: lines[n] for n in numbers[:-1]}))
    if kind == 1:  # merges the first two
        merged = {numbers[0]: lines[numbers[0]] + " " + lines[numbers[1]], **{n: lines[n] for n in numbers[2:]}}
        return Reply(answer_lines(merged))
    return Reply(answer_lines(lines) + f"\n[{numbers[-1] + 1}] extra")  # adds a line


def test_a_bad_batch_is_asked_again_in_smaller_pieces_and_nothing_lands_on_the_wrong_cue():
    with StandInChat(_misbehaving) as chat:
        result = run(chat, concurrency=4)
    assert result.translations == EXPECTED and not result.untranslated
    assert len(chat.requests) > 30 / 8


def test_a_cue_that_never_gets_a_line_is_marked_not_translated():
    def never_line_7(lines, body):
        return Reply(answer_lines({n: t for n, t in lines.items() if n != 7}))

    with StandInChat(never_line_7) as chat:
        result = run(chat)
    assert result.untranslated == [6] and 6 not in result.translations
    assert result.translations == {i: t for i, t in EXPECTED.items() if i != 6}
    command = result.command()
    doc = Document.from_cues(Cue(i * 1000, i * 1000 + 900, t) for i, t in enumerate(TEXTS))
    command.apply(doc)
    assert doc[6].translation == "" and doc[6].translation_review and doc[5].translation == EXPECTED[5]


def test_429_waits_for_retry_after_and_500_is_retried():
    calls = []

    def flaky(lines, body):
        calls.append(1)
        if len(calls) == 1:
            return Reply(status=429, headers={"Retry-After": "1"})
        if len(calls) == 2:
            return Reply(status=500)
        return Reply(answer_lines(lines))

    with StandInChat(flaky) as chat:
        result = run(chat, TEXTS[:3])
    assert result.translations == {i: EXPECTED[i] for i in range(3)}
    assert len(chat.requests) == 3 and chat.times[1] - chat.times[0] >= 0.9


def test_a_server_that_keeps_failing_stops_the_run_with_one_line():
    with StandInChat(lambda lines, body: Reply(status=503)) as chat:
        client = ChatClient(ChatServer(chat.url, "qwen3", max_retries=1))
        with pytest.raises(TranslateError, match="kept failing"):
            client.complete([{"role": "user", "content": "[1] a"}])


@pytest.mark.parametrize(
    ("model", "key", "expected"),
    [("nope", None, "has no model 'nope'"), ("qwen3", "wrong", "refused the API key")],
)
def test_unknown_model_and_a_refused_key(model, key, expected, monkeypatch):
    with StandInChat(key="right") as chat:
        with pytest.raises(TranslateError, match=expected):
            ChatClient(ChatServer(chat.url, model, api_key=key or "right")).complete([{"role": "user", "content": "x"}])
        assert ChatClient(ChatServer(chat.url, "qwen3", api_key="right")).models() == ["qwen3"]


def test_a_refused_connection_is_one_line():
    with StandInChat() as chat:
        url = chat.url
    with pytest.raises(TranslateError, match="connection was refused"):
        ChatClient(ChatServer(url, "qwen3", max_retries=0)).complete([{"role": "user", "content": "x"}])


def test_a_stream_that_never_ends_meets_its_deadline():
    with StandInChat(lambda lines, body: Reply(answer_lines(lines), never_end=True)) as chat:
        started = time.monotonic()
        result = run(chat, TEXTS[:3], deadline=1.0)
    assert result.error is not None and "did not answer within 1 s" in str(result.error)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("reply", [Reply("[1] x", never_end=True), Reply("[1] x", delay_s=30)])
def test_cancel_ends_the_run_within_two_seconds(reply):
    asked = threading.Event()

    def hang(lines, body):
        asked.set()
        return reply

    with StandInChat(hang) as chat:
        cancelled_at: list[float] = []

        def cancel() -> bool:
            if asked.is_set() and not cancelled_at:
                cancelled_at.append(time.monotonic())
            return bool(cancelled_at)

        result = run(chat, TEXTS[:3], cancel=cancel, deadline=60)
        assert result.cancelled and not result.translations
        assert time.monotonic() - cancelled_at[0] < 2


def test_a_slow_server_is_waited_for_within_the_deadline():
    with StandInChat(lambda lines, body: Reply(answer_lines(lines), delay_s=0.3)) as chat:
        result = run(chat, TEXTS[:4], concurrency=2, batch_size=2)
    assert result.translations == {i: EXPECTED[i] for i in range(4)}


def test_resume_asks_only_cues_without_a_translation_and_locked_cues_keep_theirs():
    cues = [Cue(0, 1, "a", translation="A"), Cue(2, 3, "b"), Cue(4, 5, "c", translation="C", locked=True),
            Cue(6, 7, "  ")]  # fmt: skip
    assert cues_to_translate(cues) == [1]
    assert cues_to_translate(cues, resume=False) == [0, 1]


@pytest.mark.parametrize("stream", [True, False])
def test_an_answer_over_the_size_limit_is_cut(stream):
    with StandInChat(lambda lines, body: Reply("[1] " + "x" * 5000, piece_chars=500)) as chat:
        client = ChatClient(ChatServer(chat.url, "qwen3", max_answer_chars=2000, stream=stream))
        with pytest.raises(TranslateError, match="over 2 kB"):
            client.complete([{"role": "user", "content": "[1] a"}])


def test_a_redirect_is_not_followed_so_the_key_stays():
    with StandInChat(
        lambda lines, body: Reply(status=307, headers={"Location": "http://elsewhere.example/v1"})
    ) as chat:
        with pytest.raises(TranslateError, match=re.escape("points to http://elsewhere.example/v1")):
            ChatClient(ChatServer(chat.url, "qwen3", api_key="secret")).complete([{"role": "user", "content": "x"}])
        assert len(chat.requests) == 1


def test_an_answer_in_the_wrong_script_is_kept_and_flagged():
    from app.translate.checks import in_wrong_script

    assert in_wrong_script("Hello there", "Chinese") and not in_wrong_script("你好 Tom", "Chinese")
    assert in_wrong_script("你好", "fr") and not in_wrong_script("OK", "Chinese") and not in_wrong_script("42", "ja")
    assert not in_wrong_script("漢字", "Japanese") and not in_wrong_script("anything", "Klingon")

    def some_in_chinese(lines, body):
        return Reply("\n".join(f"[{n}] {'你好' if n == 2 else 'FR ' + t}" for n, t in lines.items()))

    with StandInChat(some_in_chinese) as chat:
        result = run(chat, TEXTS[:3])
    assert result.wrong_language == [1] and result.translations[1] == "你好"
    assert result.command().review == (False, True, False)
